// tests/models/scenario/validate_spec_test.cc
// validate_spec on specs built in code: every spec the loader returns passes, and each
// kind of hand-built mistake gets a located one-line diagnostic instead of a crash.
#include "models/scenario/validate_spec.h"

#include <gtest/gtest.h>

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

TEST(ValidateSpec, TargetsMustStartWithTheServiceLevelTarget) {
  ScenarioSpec s = small_day();
  s.targets.clear();
  expect_problem(s, "/targets", "must start with the service-level target; add TargetSpec{Kpi::ServiceLevel");
  s = small_day();
  s.service_level.target = 0.9;  // targets[0] still says 0.8
  expect_problem(s, "/targets/0", "TargetBound::AtLeast, 0.9}");
  s = small_day();
  s.targets.push_back({Kpi::PAbandon, TargetBound::AtMost, 5.0});
  expect_problem(s, "/targets/1/value", "must be in [0, 1] (p_abandon is a fraction: write 5% as 0.05); got 5.0");
}

TEST(ValidateSpec, UnknownPolicySuggestsTheClosest) {
  ScenarioSpec s = small_day();
  s.router.policy = "longest_idle_agnet";
  expect_problem(s, "/router/policy", "known: queue_priority, overflow_after_delay, longest_weighted_wait, "
                                      "longest_idle_agent (did you mean \"longest_idle_agent\"?)");
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
  expect_problem(s, "", "no steady state");
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
