// tests/models/planning/run_size_test.cc
// The up-front estimate of a run (contacts, events, memory, simulated time), counted by
// hand on a small day, checked against a real run, and the limits it enforces on the
// legal but runaway inputs of issue 12, each at the pointer of the input that drives it.
#include "models/planning/run_size.h"

#include <gtest/gtest.h>

#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "models/replication.h"
#include "models/scenario/load.h"
#include "tests/models/test_scenarios.h"

namespace ccsim::models {
namespace {

using testing::day_scenario;
using testing::group;
using testing::markov_scenario;

// 60 and 100 calls in two half-hours, talk and wrap-up, no patience, 10 agents.
ScenarioSpec small_day() {
  ScenarioSpec s = day_scenario(1800, 2);
  s.replications = 3;
  ContactTypeSpec t;
  t.name = "billing";
  t.arrivals.process = ArrivalSpec::Process::PiecewisePoisson;
  t.arrivals.per_period = {60, 100};
  t.talk = sim::Distribution::exponential(300);
  t.wrap_up = sim::Distribution::constant(60);
  t.groups = {make_id<AgentGroupId>(0)};
  s.contact_types.push_back(t);
  s.agent_groups.push_back(group("support", {10, 10}));
  return s;
}

const Diagnostic* find(const std::vector<Diagnostic>& ds, std::string_view text) {
  for (const Diagnostic& d : ds)
    if (d.message.find(text) != std::string::npos) return &d;
  return nullptr;
}

// The problem whose message holds `what` is at `pointer`, says `accepted` and how to
// override it, and is gone with --allow-large-run.
void expect_refused(const ScenarioSpec& spec, std::string_view what, std::string_view pointer,
                    std::string_view accepted) {
  const RunSize r = estimate_run_size(spec, 2);
  const std::vector<Diagnostic> problems = run_size_problems(r, false);
  const Diagnostic* d = find(problems, what);
  ASSERT_NE(d, nullptr) << pointer;
  EXPECT_EQ(d->pointer, pointer);
  EXPECT_NE(d->message.find(accepted), std::string::npos) << d->message;
  EXPECT_NE(d->message.find("or pass --allow-large-run if you mean it"), std::string::npos) << d->message;
  EXPECT_EQ(find(run_size_problems(r, true), what), nullptr) << pointer;
}

TEST(RunSize, CountsContactsAndEventsOfADayByHand) {
  const RunSize r = estimate_run_size(small_day(), 8);
  EXPECT_DOUBLE_EQ(r.contacts, 160);
  // Per call: arrival, end of talk, end of wrap-up; 2 period starts and the end of the
  // day; the 10 agents log on at one instant and off at another (min(20, 2 + 1)).
  EXPECT_DOUBLE_EQ(r.events, 160 * 3 + 3 + 3);
  EXPECT_DOUBLE_EQ(r.total_events(), 3 * r.events);
  EXPECT_EQ(r.concurrent, 3u);  // no more than the replications
  EXPECT_DOUBLE_EQ(r.simulated_s, 3600);
  EXPECT_GT(r.agent_bytes, 10 * 100.0);
  EXPECT_GT(r.contact_bytes, 160 * 100.0);  // no patience: every call of the day may wait at once
  EXPECT_TRUE(run_size_problems(r, false).empty());
  EXPECT_NE(describe_run_size(r).find("about 1.5e+03 events (1.6e+02 contacts per replication) in 3 replications"),
            std::string::npos)
      << describe_run_size(r);
}

TEST(RunSize, EstimateIsWithinAFactorOfTwoOfARealRun) {
  for (const auto& patience : {std::optional<double>{}, std::optional<double>{120.0}}) {
    ScenarioSpec s = markov_scenario(0.2, 60.0, 14, patience, 1000.0, 20000.0, 1, 3);
    const RunSize r = estimate_run_size(s, 1);
    const RunResults real = run_scenario(s, RunOptions{});
    EXPECT_NEAR(r.contacts / static_cast<double>(real.calls), 1.0, 0.05);
    EXPECT_GT(r.events, 0.9 * static_cast<double>(real.events));
    EXPECT_LT(r.events, 2.0 * static_cast<double>(real.events));
  }
}

// The finding of issue 13: the returns were counted in rounds capped at 10^6, so a return
// with p = 1 - 2e-9 counted about 10^6 calls per customer, not 5e8: a run estimated at
// 0.6 s was accepted and ran for hours. Every return counts now, and such a day is refused
// at the returns that bring its calls.
TEST(RunSize, APersistentReturnCountsEveryReturnAndIsRefusedAtTheReturns) {
  ScenarioSpec s = small_day();
  s.replications = 1;
  const double p = 1.0 - 2e-9;
  s.contact_types.raw()[0].returns = ReturnSpec{p, sim::Distribution::constant(0), make_id<ContactTypeId>(0)};
  const RunSize r = estimate_run_size(s, 1);
  EXPECT_NEAR(r.events / (160 * 3 / (1.0 - p)), 1.0, 1e-6);
  EXPECT_NEAR(r.follow_ups / (160 * p / (1.0 - p)), 1.0, 1e-6);
  expect_refused(s, "events", "/contact_types/0/returns", "accepted: at most 1e+11 events");
  const std::vector<Diagnostic> problems = run_size_problems(r, false);
  const Diagnostic* d = find(problems, "events");
  ASSERT_NE(d, nullptr);
  EXPECT_NE(d->message.find("8e+10 transferred legs and returns, the most sent on at /contact_types/0/returns"),
            std::string::npos)
      << d->message;
  EXPECT_NE(d->message.find("lower the transfer and return probabilities"), std::string::npos) << d->message;
}

// The finding of issue 13: the dials of callbacks were not counted. A day whose callers
// all accept a callback dialled up to 100 times ran 22,015 events against 200 estimated,
// and the fuzz entry, which runs what is estimated under 5e4 events, could spend minutes
// on one input. Each dial counts now (as if every call were offered one: errs high).
TEST(RunSize, EveryDialOfACallbackCounts) {
  for (const auto& [p_reach, max_attempts] : {std::pair{0.5, 10u}, std::pair{0.0, 100u}}) {
    ScenarioSpec s = small_day();
    s.replications = 1;
    ContactTypeSpec cb_type = s.contact_types.raw()[0];
    cb_type.name = "billing_cb";
    cb_type.arrivals.per_period = {0, 0};
    s.contact_types.push_back(cb_type);
    CallbackSpec cb;
    cb.p_accept = 1.0;
    cb.to = make_id<ContactTypeId>(1);
    cb.p_reach = p_reach;
    cb.max_attempts = max_attempts;
    cb.retry_delay = sim::Distribution::constant(1);
    s.contact_types.raw()[0].callback = cb;
    const RunSize r = estimate_run_size(s, 1);
    const RunResults real = run_scenario(s, RunOptions{});
    EXPECT_GT(r.events, static_cast<double>(real.events)) << max_attempts;
    EXPECT_LT(r.events, 3.0 * static_cast<double>(real.events)) << max_attempts;
  }
}

// Found in review: a dial that finds every trunk line busy is retried whatever p_reach, and
// each queued dial starts the overflow timers of the type that serves it. A day of each ran
// 15,159 and 101,577 events against about 8e3 estimated.
TEST(RunSize, DialsWithoutALineAndTheServingTypesOverflowTimersCount) {
  const std::string callers = R"("mode": "day", "period_s": 3600, "num_periods": 1, "rng": {"seed": 1, "replications": 1},
    "contact_types": [{"name": "a", "arrivals": {"process": "poisson", "rate_per_hour": 2000},
                       "talk": {"dist": "constant", "value_s": 600}, )";
  // Half the callers keep their lines while they wait; the callbacks' own agents are many.
  const std::string trunks = callers + R"("patience": {"dist": "exponential", "mean_s": 100000},
                       "callback": {"offer_above_wait_s": 0, "p_accept": 0.5, "to": "a_cb", "p_reach": 1,
                                    "max_attempts": 100, "delay": {"dist": "constant", "value_s": 30},
                                    "retry_delay": {"dist": "constant", "value_s": 0.01}}},
      {"name": "a_cb", "talk": {"dist": "constant", "value_s": 60}}],
    "trunks": {"lines": 20}, "agent_groups": [{"name": "g", "staffing": 10}, {"name": "h", "staffing": 50}],
    "router": {"policy": "queue_priority", "type_to_group": {"a": ["g"], "a_cb": ["h"]}}})";
  std::string groups = R"({"name": "g", "staffing": 10}, {"name": "h", "staffing": 1})", to = R"("h")", delays;
  for (int x = 0; x < 50; ++x) {
    groups += fmt::format(R"(, {{"name": "x{}", "staffing": 0}})", x);
    to += fmt::format(R"(, "x{}")", x);
    delays += fmt::format(R"({}"x{}": {})", x == 0 ? "" : ", ", x, x + 1);
  }
  const std::string timers = callers + fmt::format(R"("callback": {{"offer_above_wait_s": 0, "p_accept": 1, "to": "a_cb",
                                    "p_reach": 1, "max_attempts": 1}}}},
      {{"name": "a_cb", "talk": {{"dist": "constant", "value_s": 600}}}}],
    "agent_groups": [{}], "router": {{"policy": "overflow_after_delay",
      "type_to_group": {{"a": ["g"], "a_cb": [{}]}}, "overflow_delays_s": {{"a_cb": {{{}}}}}}}}})",
                                                   groups, to, delays);
  for (const std::string& text : {trunks, timers}) {
    const ScenarioSpec s = load_scenario_text("{" + text, "t.json");
    const RunSize r = estimate_run_size(s, 1);
    const RunResults real = run_scenario(s, RunOptions{});
    EXPECT_GT(r.events, static_cast<double>(real.events)) << text;
    // Every dial counted as if no line were free: up to max_attempts (100) times too many.
    EXPECT_LT(r.events, 100.0 * static_cast<double>(real.events)) << text;
  }
}

// Found in review: 5e7 e-mails behind 10 trunk lines were estimated at 64 KiB of contacts.
TEST(RunSize, TrunkLinesBoundTheCallsInTheSystemButNotTheEmails) {
  ScenarioSpec s = small_day();
  s.trunk_lines = 5;
  const RunSize calls = estimate_run_size(s, 1);
  EXPECT_EQ(calls.contact_where, "/trunks/lines");
  s.contact_types.raw()[0].channel = Channel::Email;
  s.contact_types.raw()[0].service_level = ServiceLevelSpec{.awt_s = 3600};
  const RunSize mail = estimate_run_size(s, 1);
  EXPECT_DOUBLE_EQ(mail.contact_bytes, 160.0 / 5.0 * calls.contact_bytes);  // every e-mail of the day may wait
  EXPECT_EQ(mail.contact_where, "/contact_types/0");
}

// An outbound type counts its dialer's most dials in progress (for every agent of its
// groups idle, trunk lines permitting), each renewed as it ends: an upper bound, as the
// dialer dials only for idle agents. By hand: 10 agents, threshold 2, ratio 1.5: 12 dials
// of 20 s, so 0.6 a second over the hour's day: 2,160 dials; with 5 lines, 900.
TEST(RunSize, AnOutboundTypeCountsItsDialersMostDials) {
  ScenarioSpec s = day_scenario(1800, 2);
  ContactTypeSpec t;
  t.name = "campaign";
  t.channel = Channel::Outbound;
  t.talk = sim::Distribution::exponential(300);
  t.patience = sim::Distribution::constant(0);
  t.dialer = DialerSpec{2, 1.5, sim::Distribution::constant(20), 0.3};
  t.groups = {make_id<AgentGroupId>(0)};
  s.contact_types.push_back(t);
  s.agent_groups.push_back(group("callers", {10, 10}));
  const RunSize r = estimate_run_size(s, 1);
  EXPECT_DOUBLE_EQ(r.contacts, 2160.0);
  EXPECT_EQ(r.contacts_where, "/contact_types/0/dialer");
  const RunResults real = run_scenario(s, RunOptions{});
  EXPECT_GT(r.events, static_cast<double>(real.events));
  s.trunk_lines = 5;
  EXPECT_DOUBLE_EQ(estimate_run_size(s, 1).contacts, 900.0);
}

TEST(RunSize, AnEndlessDayIsRefusedAtPeriodSEvenWhenLargeRunsAreAllowed) {
  ScenarioSpec s = small_day();
  s.period_s = 1e308;
  for (bool allow : {false, true}) {
    const std::vector<Diagnostic> ds = run_size_problems(estimate_run_size(s, 1), allow);
    const Diagnostic* d = find(ds, "simulated time");
    ASSERT_NE(d, nullptr);
    EXPECT_EQ(d->pointer, "/period_s");
    EXPECT_NE(d->message.find("accepted: at most 4e+12 s"), std::string::npos) << d->message;
  }
}

TEST(RunSize, TooManyCallsAreRefusedAtTheirPointerUnlessAllowed) {
  ScenarioSpec calls = markov_scenario(1.0, 60.0, 80, 120.0, 0.0, 0.0, 1, 1);
  calls.steady.calls = std::numeric_limits<std::uint64_t>::max();
  ScenarioSpec rate = markov_scenario(1e308, 60.0, 80, 120.0, 0.0, 3600.0, 1, 1);
  ScenarioSpec volume = small_day();
  volume.contact_types.raw()[0].arrivals.per_period = {60, 1e11};
  volume.contact_types.raw()[0].patience = sim::Distribution::exponential(60);
  volume.trunk_lines = 100;
  ScenarioSpec reps = small_day();  // about 500 events a day, a billion days
  reps.replications = 1'000'000'000;
  const std::pair<const ScenarioSpec*, std::string_view> cases[] = {
      {&calls, "/steady_state/calls"},
      {&rate, "/contact_types/0/arrivals"},
      {&volume, "/contact_types/0/arrivals/per_period/1"},
      {&reps, "/rng/replications"},
  };
  for (const auto& [spec, pointer] : cases) expect_refused(*spec, "events", pointer, "accepted: at most 1e+11 events");
}

TEST(RunSize, TooMuchMemoryIsRefusedAtTheInputThatTakesIt) {
  // A million periods of 3 types and 3 groups, each type served by every group.
  ScenarioSpec periods = day_scenario(900, 1'000'000);
  for (int g = 0; g < 3; ++g) periods.agent_groups.push_back(group("g", std::vector<std::uint32_t>(1'000'000, 1)));
  for (int k = 0; k < 3; ++k) {
    ContactTypeSpec t = small_day().contact_types.raw()[0];
    t.arrivals.per_period.assign(1'000'000, 0.0);
    t.groups.clear();
    for (int g = 0; g < 3; ++g) t.groups.push_back(make_id<AgentGroupId>(g));
    periods.contact_types.push_back(t);
  }
  // Four billion agents.
  ScenarioSpec agents = small_day();
  agents.agent_groups.raw()[0].staffing = {4'000'000'000u, 4'000'000'000u};
  // 1e8 calls in a half-hour who never abandon: all may be waiting at once.
  ScenarioSpec queue = small_day();
  queue.contact_types.raw()[0].arrivals.per_period = {60, 1e8};
  const std::pair<const ScenarioSpec*, std::string_view> cases[] = {
      {&periods, "/num_periods"},
      {&agents, "/agent_groups/0/staffing"},
      {&queue, "/contact_types/0"},
  };
  for (const auto& [spec, pointer] : cases) expect_refused(*spec, "in memory", pointer, "accepted: at most 8 GiB");
  // Trunks bound the contacts in the system.
  queue.trunk_lines = 500;
  EXPECT_EQ(find(run_size_problems(estimate_run_size(queue, 1), false), "in memory"), nullptr);
}

TEST(RunSize, ManyThreadsOnABigReplicationAskForFewerThreads) {
  ScenarioSpec s = small_day();
  s.contact_types.raw()[0].arrivals.per_period = {60, 1e7};  // about 1.8 GiB of waiting calls
  s.replications = 16;
  EXPECT_TRUE(run_size_problems(estimate_run_size(s, 1), false).empty());
  const std::vector<Diagnostic> problems = run_size_problems(estimate_run_size(s, 16), false);
  const Diagnostic* d = find(problems, "in memory");
  ASSERT_NE(d, nullptr);
  EXPECT_NE(d->message.find("fewer --threads"), std::string::npos) << d->message;
}

}  // namespace
}  // namespace ccsim::models
