// tests/models/scenario/validate_spec_test.cc
// validate_spec on specs built in code: every spec the loader returns passes, and each
// kind of hand-built mistake gets a located one-line diagnostic instead of a crash.
#include "models/scenario/validate_spec.h"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <string>
#include <vector>

#include "models/replication.h"
#include "models/scenario/load.h"
#include "tests/models/test_scenarios.h"

namespace ccsim::models {
namespace {

using testing::group;
using testing::markov_scenario;

// A valid two-period day: one Poisson type served by one group.
ScenarioSpec small_day() {
  ScenarioSpec s = testing::day_scenario(1800.0, 2);
  s.name = "hand_built";
  ContactTypeSpec t;
  t.name = "billing";
  t.arrivals.rate_per_s = 0.05;
  t.talk = sim::Distribution::exponential(180.0);
  t.patience = sim::Distribution::exponential(300.0);
  t.groups = {make_id<AgentGroupId>(0)};
  s.contact_types.push_back(t);
  s.agent_groups.push_back(group("support", {10, 12}));
  s.replications = 3;
  return s;
}

std::string lines(const std::vector<Diagnostic>& ds) {
  std::string out;
  for (const Diagnostic& d : ds) out += d.pointer + ": " + d.message + "\n";
  return out;
}

// The diagnostic at `pointer`, which must be there; its message must contain `part`.
void expect_problem(const ScenarioSpec& s, const std::string& pointer, const std::string& part) {
  const std::vector<Diagnostic> ds = spec_problems(s);
  for (const Diagnostic& d : ds) {
    if (d.pointer != pointer) continue;
    EXPECT_NE(d.message.find(part), std::string::npos) << lines(ds);
    return;
  }
  ADD_FAILURE() << "no diagnostic at " << pointer << "; got:\n" << lines(ds);
}

TEST(ValidateSpec, EveryShippedScenarioPasses) {
  namespace fs = std::filesystem;
  int files = 0;
  for (const auto& entry : fs::recursive_directory_iterator(fs::path(CCSIM_SOURCE_DIR) / "scenarios")) {
    if (entry.path().extension() != ".json" || entry.path().filename() == "scenario.schema.json") continue;
    const ScenarioSpec s = load_scenario_file(entry.path().string());
    EXPECT_EQ(lines(spec_problems(s)), "") << entry.path();
    ++files;
  }
  EXPECT_GE(files, 5);
}

TEST(ValidateSpec, TestBuildersPass) {
  EXPECT_EQ(lines(spec_problems(small_day())), "");
  EXPECT_EQ(lines(spec_problems(markov_scenario(0.1, 60.0, 8, 120.0, 100.0, 1000.0, 2, 1))), "");
}

TEST(ValidateSpec, RunScenarioThrowsScenarioErrorNamedAfterTheSpec) {
  ScenarioSpec s = small_day();
  s.agent_groups.raw()[0].staffing = {10};
  try {
    run_scenario(s, RunOptions{});
    FAIL() << "expected a ScenarioError";
  } catch (const ScenarioError& e) {
    EXPECT_EQ(e.file(), "hand_built");
    EXPECT_EQ(std::string(e.what()), "hand_built: /agent_groups/0/staffing: expected 2 values (num_periods), got 1");
  }
  s.source_file = "mine.json";
  EXPECT_THROW(validate_spec(s), ScenarioError);
  try {
    validate_spec(s);
  } catch (const ScenarioError& e) {
    EXPECT_EQ(e.file(), "mine.json");
  }
}

TEST(ValidateSpec, GroupIdOutOfRangeIsReportedNotIndexed) {
  ScenarioSpec s = small_day();
  s.contact_types.raw()[0].groups.push_back(make_id<AgentGroupId>(7));
  expect_problem(s, "/contact_types/0/groups/1", "agent group id 7 does not exist; ids are 0 to 0");
}

TEST(ValidateSpec, TypeThatReachesAgentsNeedsAGroup) {
  ScenarioSpec s = small_day();
  s.contact_types.raw()[0].groups.clear();
  expect_problem(s, "/contact_types/0/groups", "contact type \"billing\" has no route");
  expect_problem(s, "/agent_groups/0", "agent group \"support\" serves no contact type");
}

TEST(ValidateSpec, CallersBehavioursAreCheckedAsTheLoaderChecksThem) {
  ScenarioSpec s = small_day();
  ContactTypeSpec& t = s.contact_types.raw()[0];
  t.max_wait_s = 0.0;
  t.balk_p_by_queue_length = {0.1, 1.5};
  s.busyness = BusynessSpec{.cv = 7.0};
  s.closing = static_cast<Closing>(9);
  expect_problem(s, "/contact_types/0/max_wait_s", "must be > 0 (seconds); got 0");
  expect_problem(s, "/contact_types/0/balking/p_by_queue_length/1", "must be in [0, 1] (a probability); got 1.5");
  expect_problem(s, "/busyness/cv", "must be in [0, 5]");
  expect_problem(s, "/closing", "got the value 9");
  EXPECT_EQ(spec_problems(s).size(), 4u) << lines(spec_problems(s));

  ScenarioSpec steady = markov_scenario(0.1, 60.0, 10, 120.0, 100, 1000, 2, 1);
  steady.closing = Closing::DisconnectAtClose;
  steady.busyness = BusynessSpec{.cv = 0.1};
  expect_problem(steady, "/closing", "is for day mode only (a steady state never closes); got \"disconnect_at_close\"");
  expect_problem(steady, "/busyness", "is for day mode only");
}

TEST(ValidateSpec, RedialsAreCheckedAsTheLoaderChecksThem) {
  ScenarioSpec s = small_day();
  RedialSpec r;
  r.p_by_attempt = {0.5, -0.1, 1.0};
  r.delay = sim::Distribution::exponential(-5);
  r.after = 0xff;
  s.contact_types.raw()[0].redial = r;
  const std::string ptr = "/contact_types/0/redial";
  expect_problem(s, ptr + "/p_by_attempt/1", "must be in [0, 1] (a probability); got -0.1");
  expect_problem(s, ptr + "/delay/a", "must be > 0 (mean_s); got -5");
  expect_problem(s, ptr + "/after", "has bits set past the 6 outcomes");
  expect_problem(s, ptr + "/max_attempts", "is needed: the last redial probability is 1");
  EXPECT_EQ(spec_problems(s).size(), 4u) << lines(spec_problems(s));

  r = RedialSpec{};
  r.p_by_attempt = {0.5, 0.5};
  r.max_attempts = 2;
  r.delay = sim::Distribution::constant(60);
  s.contact_types.raw()[0].redial = r;
  expect_problem(s, ptr + "/p_by_attempt", "has 2 values, but with max_attempts 2 a customer redials at most 1 time:");
  r.p_by_attempt = {};
  r.max_attempts = 0;
  s.contact_types.raw()[0].redial = r;
  expect_problem(s, ptr + "/p_by_attempt", "must hold at least one probability");
  expect_problem(s, ptr + "/max_attempts", "must be an integer from 2 to 1000");
}

// A steady state without patience is stable when balking caps who joins a long queue.
TEST(ValidateSpec, BalkingBoundsASteadyStateQueueWithoutPatience) {
  ScenarioSpec s = markov_scenario(0.1, 60.0, 6, std::nullopt, 100, 1000, 2, 1);  // 6 erlangs on 6 agents
  expect_problem(s, "/contact_types/0", "no steady state");
  s.contact_types.raw()[0].balk_p_by_queue_length = {0.0, 0.5, 1.0};  // at most two wait
  EXPECT_TRUE(spec_problems(s).empty()) << lines(spec_problems(s));
  s.contact_types.raw()[0].balk_p_by_queue_length = {0.0, 0.01};  // 5.94 erlangs join a long queue
  EXPECT_TRUE(spec_problems(s).empty()) << lines(spec_problems(s));
  s.contact_types.raw()[0].balk_p_by_queue_length = {0.0};
  expect_problem(s, "/contact_types/0", "no steady state");
}

TEST(ValidateSpec, TargetsMustStartWithTheServiceLevelTarget) {
  ScenarioSpec s = small_day();
  s.targets.clear();
  expect_problem(s, "/targets", "must start with the service-level targets: TargetSpec{Kpi::ServiceLevel");
  s = small_day();
  s.service_level.target = 0.9;  // targets[0] still says 0.8
  expect_problem(s, "/targets", "TargetBound::AtLeast, 0.9}");
  s = small_day();
  s.targets.push_back({Kpi::PAbandonOverAdmitted, TargetBound::AtMost, 5.0});
  expect_problem(s, "/targets/1/value", "must be in [0, 1] (p_abandon_over_admitted is a fraction: write 5% as 0.05); got 5.0");
}

TEST(ValidateSpec, UnknownPolicySuggestsTheClosest) {
  ScenarioSpec s = small_day();
  s.router.policy = "longest_idle_agnet";
  expect_problem(s, "/router/policy", "known: queue_priority, overflow_after_delay, longest_weighted_wait, "
                                      "longest_idle_agent, random_idle_agent, earliest_due_first (did you mean "
                                      "\"longest_idle_agent\"?)");
}

TEST(ValidateSpec, ATableOfAnotherPolicyIsAnError) {
  ScenarioSpec s = small_day();
  s.contact_types.raw()[0].overflow_delay_s = {20.0};
  expect_problem(s, "/contact_types/0/overflow_delay_s", "only used by policy \"overflow_after_delay\"");
  s.router.policy = "overflow_after_delay";
  EXPECT_EQ(lines(spec_problems(s)), "");
  s.contact_types.raw()[0].overflow_delay_s = {20.0, 30.0};
  expect_problem(s, "/contact_types/0/overflow_delay_s", "expected 1 values (one per entry of groups) or none, got 2");
}

TEST(ValidateSpec, ALawWhoseDrawsAreNotFiniteIsRejectedByTheLoadersRule) {
  ScenarioSpec s = small_day();
  s.contact_types.raw()[0].talk = sim::Distribution::gamma(180.0, 1e200);
  s.contact_types.raw()[0].wrap_up = sim::Distribution::exponential(1e308);
  s.contact_types.raw()[0].patience = sim::Distribution::weibull(1e-3, 60.0);
  expect_problem(s, "/contact_types/0/talk",
                 "gamma law with mean_s 180.0 and cv 1e+200 would draw values that are not finite numbers (inf); "
                 "accepted: cv <= 1.83e+152 with mean_s 180.0");
  expect_problem(s, "/contact_types/0/wrap_up", "accepted: mean_s <= 8.1e+306");
  expect_problem(s, "/contact_types/0/patience", "has a mean that is not a finite number (inf)");
  s = small_day();
  s.contact_types.raw()[0].talk = sim::Distribution::erlang(4'000'000'000u, 180.0);
  EXPECT_EQ(lines(spec_problems(s)), "");
}

TEST(ValidateSpec, DistributionParametersAreChecked) {
  ScenarioSpec s = small_day();
  s.contact_types.raw()[0].talk = sim::Distribution::exponential(-30.0);
  s.contact_types.raw()[0].wrap_up = sim::Distribution::uniform(10.0, 5.0);
  s.contact_types.raw()[0].patience = sim::Distribution::erlang(0, 60.0);
  expect_problem(s, "/contact_types/0/talk/a", "must be > 0 (mean_s); got -30.0");
  expect_problem(s, "/contact_types/0/wrap_up/b", "must be > a (min_s 10.0); got 5.0");
  expect_problem(s, "/contact_types/0/patience/k", "must be >= 1 (the number of phases)");
  s = small_day();
  s.contact_types.raw()[0].talk = sim::Distribution::constant(0.0);
  expect_problem(s, "/contact_types/0/talk/a", "a call needs a talk time");
  sim::Distribution broken = sim::Distribution::empirical({60.0, 120.0}, {1.0, 1.0});
  broken.cdf.pop_back();
  s = small_day();
  s.contact_types.raw()[0].talk = broken;
  expect_problem(s, "/contact_types/0/talk", "values_s and a cdf of the same non-zero size; got 2 and 1");
  s = small_day();
  s.contact_types.raw()[0].talk = sim::Distribution::triangular(60.0, 400.0, 300.0);
  s.contact_types.raw()[0].wrap_up = sim::Distribution::triangular(10.0, 10.0, 10.0);
  expect_problem(s, "/contact_types/0/talk/c", "must be between a (min_s 60.0) and b (max_s 300.0); got 400.0");
  expect_problem(s, "/contact_types/0/wrap_up/b", "must be > a (min_s 10.0); got 10.0");
  s.contact_types.raw()[0].talk = sim::Distribution::triangular(60.0, 90.0, 300.0);
  s.contact_types.raw()[0].wrap_up = sim::Distribution::triangular(0.0, 0.0, 10.0);
  EXPECT_EQ(lines(spec_problems(s)), "");
  s.contact_types.raw()[0].patience = sim::Distribution::mixture(
      1.5, 0.0, sim::Distribution::mixture(0.5, 0.0, sim::Distribution::exponential(60.0)));
  expect_problem(s, "/contact_types/0/patience/b", "must be in [0, 1] (p, the probability of the point); got 1.5");
  expect_problem(s, "/contact_types/0/patience/parts/0/kind", "a mixture's other law cannot be a mixture itself");
  s.contact_types.raw()[0].patience = sim::Distribution::mixture(0.5, 0.0, sim::Distribution::exponential(-6.0));
  expect_problem(s, "/contact_types/0/patience/parts/0/a", "must be > 0 (mean_s); got -6.0");
  s.contact_types.raw()[0].patience = sim::Distribution::mixture(0.5, 0.0, sim::Distribution::exponential(60.0));
  s.contact_types.raw()[0].talk = sim::Distribution::mixture(1.0, 0.0, sim::Distribution::exponential(60.0));
  expect_problem(s, "/contact_types/0/talk", "talk needs a positive mean; this mixture's is 0");
}

TEST(ValidateSpec, ArrivalsMatchTheirProcessAndTheDay) {
  ScenarioSpec s = small_day();
  ArrivalSpec& a = s.contact_types.raw()[0].arrivals;
  a.rate_per_s = 0.0;
  a.per_period = {10.0, 20.0};  // process left at Poisson: a forgotten process
  expect_problem(s, "/contact_types/0/arrivals/per_period", "only Process::PiecewisePoisson reads it");
  a.process = ArrivalSpec::Process::PiecewisePoisson;
  a.per_period = {10.0};
  expect_problem(s, "/contact_types/0/arrivals/per_period", "expected 2 values (num_periods), got 1");
  a.per_period.clear();
  a.process = ArrivalSpec::Process::Trace;
  a.times_s = {5.0, 3.0, 3600.0};
  expect_problem(s, "/contact_types/0/arrivals/times_s/1", "must be >= the previous time 5.0");
  expect_problem(s, "/contact_types/0/arrivals/times_s/2", "must be in [0, 3600) (inside the day); got 3600.0");
}

TEST(ValidateSpec, NothingArrivingIsAnError) {
  ScenarioSpec s = small_day();
  s.contact_types.raw()[0].arrivals.rate_per_s = 0.0;
  expect_problem(s, "/contact_types", "nothing arrives");
}

TEST(ValidateSpec, IvrNeedsTheFacilityAndProbabilitiesAtMostOne) {
  ScenarioSpec s = small_day();
  s.contact_types.raw()[0].ivr = IvrTreatment{sim::Distribution::constant(30.0), 0.7, 0.4};
  expect_problem(s, "/contact_types/0/ivr", "has_ivr is false");
  s.has_ivr = true;
  expect_problem(s, "/contact_types/0/ivr", "p_self_service + p_hangup must be <= 1");
}

TEST(ValidateSpec, SteadyStateRules) {
  ScenarioSpec s = markov_scenario(0.1, 60.0, 8, std::nullopt, 100.0, 1000.0, 2, 1);
  s.steady.calls = 500;  // duration_s is set too
  expect_problem(s, "/steady", "calls and duration_s are exclusive");
  s = markov_scenario(1.0, 60.0, 8, std::nullopt, 100.0, 1000.0, 2, 1);  // 60 erlangs to 8 agents, no patience
  expect_problem(s, "/contact_types/0", "no steady state");
  // The same behind 1000 IVR ports held 1 s (1 erlang): they block nothing, the queue still grows.
  s.has_ivr = true;
  s.ivr_ports = 1000;
  s.contact_types.raw()[0].ivr = IvrTreatment{sim::Distribution::constant(1.0), 0.0, 0.0};
  expect_problem(s, "/contact_types/0", "less the 0 % the 1000 IVR ports block) to 8 agents");
  s = markov_scenario(0.1, 60.0, 8, 120.0, 100.0, 1000.0, 2, 1);
  s.agent_groups.raw()[0].staffing = {8, 8};
  expect_problem(s, "/agent_groups/0/staffing", "expected exactly 1 value (steady_state mode has no periods), got 2");
}

TEST(ValidateSpec, ReservationsAreChecked) {
  ScenarioSpec s = small_day();
  AgentGroupSpec& g = s.agent_groups.raw()[0];
  g.reserved_for = make_id<ContactTypeId>(0);
  g.reserved_agents = 2;
  expect_problem(s, "/agent_groups/0/reserved_agents", "reservation has no effect");
  s.router.policy = "longest_idle_agent";
  expect_problem(s, "/agent_groups/0/reserved_agents", "only used by policy \"queue_priority\"");
}

// ---- workforce: shifts, breaks, absenteeism, shrinkage ------------------------------

// small_day() with "support" staffed by one shift over the whole day (0 to 3600 s) and
// two breaks: coffee at 600 s (fixed) and lunch in [1800, 2400].
ScenarioSpec shift_day() {
  ScenarioSpec s = small_day();
  AgentGroupSpec& g = s.agent_groups.raw()[0];
  g.staffing.clear();
  ShiftSpec early;
  early.name = "early";
  early.start_s = 0.0;
  early.end_s = 3600.0;
  early.agents = 5;
  early.breaks.push_back(BreakSpec{"coffee", 900.0, 600.0, 600.0, BreakPlacement::Spread, true});
  early.breaks.push_back(BreakSpec{"lunch", 600.0, 1800.0, 2400.0, BreakPlacement::Latest, false});
  g.shifts.push_back(early);
  g.absenteeism = 0.05;
  g.shrinkage = {0.1, 0.2};
  return s;
}

ShiftSpec& early_of(ScenarioSpec& s) { return s.agent_groups.raw()[0].shifts[0]; }

// The one diagnostic at `pointer`, with exactly this message.
void expect_exact(const ScenarioSpec& s, const std::string& pointer, const std::string& message) {
  const std::vector<Diagnostic> ds = spec_problems(s);
  for (const Diagnostic& d : ds) {
    if (d.pointer != pointer) continue;
    EXPECT_EQ(d.message, message) << lines(ds);
    return;
  }
  ADD_FAILURE() << "no diagnostic at " << pointer << "; got:\n" << lines(ds);
}

TEST(ValidateSpec, GroupStaffedByShiftsOnlyPasses) {
  EXPECT_EQ(lines(spec_problems(shift_day())), "");
  ScenarioSpec s = shift_day();
  s.agent_groups.raw()[0].staffing = {1, 0};  // staffing and shifts add up
  EXPECT_EQ(lines(spec_problems(s)), "");
}

TEST(ValidateSpec, LoadedShiftsPass) {
  const ScenarioSpec s = load_scenario_text(R"({
    "mode": "day", "period_s": 3600, "num_periods": 10, "start_time": "22:00",
    "contact_types": [ { "name": "calls", "arrivals": { "process": "poisson", "rate_per_hour": 20 },
                         "talk": { "dist": "exponential", "mean_s": 200 } } ],
    "agent_groups": [ { "name": "night", "absenteeism": 0.1, "shrinkage": 0.15,
      "shifts": [ { "name": "n1", "start": "22:00", "end": "06:00", "agents": 3,
                    "breaks": [ { "name": "tea", "duration_s": 900, "window": { "from": "00:00", "to": "02:00" } },
                                { "name": "meal", "duration_s": 1800, "at": "03:00", "paid": false } ] },
                  { "name": "n2", "start": 3600, "length_s": 32400, "agents": 2 } ] } ],
    "router": { "type_to_group": { "calls": ["night"] } }
  })",
                                            "night.json");
  EXPECT_EQ(lines(spec_problems(s)), "");
}

TEST(ValidateSpec, GroupNeedsStaffingOrShifts) {
  ScenarioSpec s = shift_day();
  s.agent_groups.raw()[0].shifts.clear();
  expect_exact(s, "/agent_groups/0",
               "has neither staffing nor shifts; give staffing (one value per period), shifts, or both");
  s = shift_day();
  early_of(s).agents = 0;  // never staffed: legal, a warning (models/planning/warnings.h)
  EXPECT_TRUE(spec_problems(s).empty());
  s.agent_groups.raw()[0].staffing = {0};
  expect_exact(s, "/agent_groups/0/staffing", "expected 2 values (num_periods), got 1");
}

// shift_day() with `change` made to its shift: the diagnostic at `pointer` is `message`.
template <class Change>
void expect_after(Change change, const std::string& pointer, const std::string& message) {
  ScenarioSpec s = shift_day();
  change(early_of(s), s);
  expect_exact(s, pointer, message);
}

TEST(ValidateSpec, ShiftMustLieInsideTheDay) {
  const std::string sp = "/agent_groups/0/shifts/0";
  expect_after([](ShiftSpec& e, ScenarioSpec&) { e.end_s = 4000.0; }, sp + "/end_s",
               "shift \"early\" ends at 4000 s, outside the day (0 s to 3600 s); end it by 3600 s");
  expect_after(
      [](ShiftSpec& e, ScenarioSpec& s) {
        e.end_s = 4000.0;
        s.start_minute = 7 * 60;
      },
      sp + "/end_s", "shift \"early\" ends at 08:06:40, outside the day (07:00 to 08:00); end it by 08:00");
  expect_after([](ShiftSpec& e, ScenarioSpec&) { e.start_s = e.end_s = 3600.0; }, sp + "/start_s",
               "shift \"early\" starts at 3600 s, outside the day (0 s to 3600 s); a shift starts and ends inside the "
               "day");
  expect_after([](ShiftSpec& e, ScenarioSpec&) { e.end_s = 0.0; }, sp + "/end_s",
               "shift \"early\" ends at 0 s, not after it starts (0 s); give an end after the start");
  ScenarioSpec s = shift_day();
  early_of(s).start_s = std::nan("");
  EXPECT_EQ(lines(spec_problems(s)),  // and its breaks are not compared with it
            sp + "/start_s: must be a finite number of seconds from time 0 of the day; got nan\n");
}

TEST(ValidateSpec, BreaksFollowTheLoaderRules) {
  const std::string bp = "/agent_groups/0/shifts/0/breaks/";
  expect_after([](ShiftSpec& e, ScenarioSpec&) { e.breaks[1].latest_start_s = 1700.0; }, bp + "1/latest_start_s",
               "the window of break \"lunch\" closes at 1700 s, before it opens (1800 s); the latest start must not "
               "be before the earliest");
  expect_after([](ShiftSpec& e, ScenarioSpec&) { e.breaks[1].earliest_start_s = 1200.0; }, bp + "1/earliest_start_s",
               "break \"lunch\" may start at 1200 s and so overlaps break \"coffee\" (600 s to 1500 s); breaks never "
               "overlap, whatever the placement: open the window at 1500 s or later");
  expect_after([](ShiftSpec& e, ScenarioSpec&) { e.breaks[1].latest_start_s = 3300.0; }, bp + "1/latest_start_s",
               "a window that cannot hold its break: break \"lunch\" may start as late as 3300 s and lasts 600 s, so "
               "it may end at 3900 s, after its shift \"early\" ends (3600 s); close the window by 3000 s");
  expect_after([](ShiftSpec& e, ScenarioSpec&) { e.breaks[0].duration_s = 0.0; }, bp + "0/duration_s",
               "must be > 0 (seconds); got 0.0");
  expect_after([](ShiftSpec& e, ScenarioSpec&) { e.breaks[1].name = "coffee"; }, bp + "1/name",
               "duplicate break name \"coffee\"; names must be unique within the shift (first used at "
               "/agent_groups/0/shifts/0/breaks/0/name)");
  expect_after([](ShiftSpec& e, ScenarioSpec&) { e.breaks[1].placement = static_cast<BreakPlacement>(7); },
               bp + "1/placement", "must be a BreakPlacement enumerator; got the value 7");
  expect_after([](ShiftSpec& e, ScenarioSpec& s) { s.agent_groups.raw()[0].shifts.push_back(ShiftSpec(e)); },
               "/agent_groups/0/shifts/1/name",
               "duplicate shift name \"early\"; names must be unique within the agent group (first used at "
               "/agent_groups/0/shifts/0/name)");
}

TEST(ValidateSpec, AShiftHoldsAtMost254Breaks) {
  ScenarioSpec s = shift_day();
  ShiftSpec& e = early_of(s);
  e.breaks.clear();
  for (int b = 0; b < 255; ++b)
    e.breaks.push_back(BreakSpec{std::to_string(b), 1.0, 10.0 * b, 10.0 * b, BreakPlacement::Spread, true});
  expect_exact(s, "/agent_groups/0/shifts/0/breaks/254/name",
               "shift \"early\" has 255 breaks; at most 254 are supported per shift");
  e.breaks.pop_back();
  EXPECT_EQ(lines(spec_problems(s)), "");
}

TEST(ValidateSpec, MoreAgentsThanTheModelCanNumberIsAnError) {
  ScenarioSpec s = shift_day();
  early_of(s).agents = 4294967295u;
  s.agent_groups.raw()[0].staffing = {1, 0};
  expect_exact(s, "/agent_groups",
               "the agent groups schedule 4294967296 agents in all (staffing arrays count each rise, shifts their "
               "agents); at most 4294967294 are supported (agent ids are 32-bit)");
}

TEST(ValidateSpec, AbsenteeismAndShrinkageAreFractionsBelowOne) {
  ScenarioSpec s = shift_day();
  s.agent_groups.raw()[0].absenteeism = 6.0;
  expect_exact(s, "/agent_groups/0/absenteeism", "must be in [0, 1) (a fraction: write 6 % as 0.06); got 6.0");
  s.agent_groups.raw()[0].absenteeism = 1.0;
  expect_exact(s, "/agent_groups/0/absenteeism", "must be in [0, 1) (1 would mean every agent absent); got 1.0");
  s = shift_day();
  s.agent_groups.raw()[0].shrinkage = {0.1};
  expect_exact(s, "/agent_groups/0/shrinkage", "expected 2 values (num_periods) or none, got 1");
  s.agent_groups.raw()[0].shrinkage = {0.1, 1.0};
  expect_exact(s, "/agent_groups/0/shrinkage/1", "must be in [0, 1) (1 would mean agents never available); got 1.0");
}

TEST(ValidateSpec, SteadyStateHasNoWorkforce) {
  ScenarioSpec s = markov_scenario(0.1, 60.0, 8, 120.0, 100.0, 1000.0, 2, 1);
  AgentGroupSpec& g = s.agent_groups.raw()[0];
  g.shifts = shift_day().agent_groups.raw()[0].shifts;
  g.absenteeism = 0.1;
  g.shrinkage = {0.2};
  const std::vector<Diagnostic> ds = spec_problems(s);
  ASSERT_EQ(ds.size(), 3u) << lines(ds);
  EXPECT_EQ(lines(ds),
            "/agent_groups/0/shifts: only used in day mode; leave shifts empty (mode is RunMode::SteadyState)\n"
            "/agent_groups/0/absenteeism: only used in day mode; leave absenteeism empty (mode is "
            "RunMode::SteadyState)\n"
            "/agent_groups/0/shrinkage: only used in day mode; leave shrinkage empty (mode is RunMode::SteadyState)\n");
}

TEST(ValidateSpec, ReservationCountsTheAgentsOnDutyAtOnce) {
  ScenarioSpec s = shift_day();
  ContactTypeSpec sales = s.contact_types.raw()[0];
  sales.name = "sales";
  s.contact_types.push_back(sales);
  AgentGroupSpec& g = s.agent_groups.raw()[0];
  g.staffing = {10, 12};  // plus the 5 on the all-day shift: 17 in the second period
  g.reserved_for = make_id<ContactTypeId>(0);
  g.reserved_agents = 17;
  expect_exact(s, "/agent_groups/0/reserved_agents",
               "reserving 17 agents leaves none for the other types of agent group \"support\" (it has at most 17 "
               "agents on duty at once); reserve at most 16");
  g.reserved_agents = 16;
  EXPECT_EQ(lines(spec_problems(s)), "");
  g.staffing.clear();  // shifts only: 5 on duty
  expect_exact(s, "/agent_groups/0/reserved_agents",
               "reserving 16 agents leaves none for the other types of agent group \"support\" (it has at most 5 "
               "agents on duty at once); reserve at most 4");
}

TEST(ValidateSpec, DuplicateNamesPointAtTheFirstUse) {
  ScenarioSpec s = small_day();
  s.agent_groups.push_back(group("support", {1, 1}));
  s.contact_types.raw()[0].groups.push_back(make_id<AgentGroupId>(1));
  expect_problem(s, "/agent_groups/1/name",
                 "duplicate agent group name \"support\"; names must be unique (first used at /agent_groups/0/name)");
}

TEST(ValidateSpec, AtMostTwentyProblemsAndACount) {
  ScenarioSpec s = small_day();
  for (int i = 0; i < 30; ++i) s.agent_groups.push_back(group("", {1}));
  const std::vector<Diagnostic> ds = spec_problems(s);
  ASSERT_EQ(ds.size(), 21u);
  EXPECT_NE(ds.back().message.find("more errors not shown"), std::string::npos) << ds.back().message;
}

}  // namespace
}  // namespace ccsim::models
