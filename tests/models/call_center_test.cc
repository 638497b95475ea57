// Exact traces of tiny deterministic scenarios (trace arrivals, constant durations):
// every line of the expected trace is worked out by hand in the comment above it.
#include "models/call_center.h"

#include <cmath>
#include <cstring>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "models/kpi/kpis.h"
#include "models/replication.h"
#include "models/routing/registry.h"
#include "tests/models/test_scenarios.h"

namespace ccsim::models {
namespace {

using testing::day_scenario;
using testing::group;
using testing::traced_type;

struct Line {
  double t;
  TraceWhat what;
  std::uint32_t type;
  std::uint32_t group;
  double value;
  bool operator==(const Line&) const = default;
};

std::ostream& operator<<(std::ostream& os, const Line& l) {
  return os << "{t=" << l.t << " " << trace_what_name(l.what) << " type=" << static_cast<int>(l.type)
            << " group=" << static_cast<int>(l.group) << " value=" << l.value << "}";
}

class Recorder : public TraceSink {
 public:
  void record(const TraceRecord& r) override {
    if (r.agent != kNoId && r.what != TraceWhat::Answered && r.what != TraceWhat::TalkEnd) return;  // agents: below
    lines.push_back(Line{r.time_s, r.what, r.type, r.group, r.value});
  }
  std::vector<Line> lines;
};

constexpr std::uint32_t N = kNoId;

struct Outcome {
  std::vector<Line> trace;
  ReplicationCounters counters;
};

Outcome run(const ScenarioSpec& spec) {
  Recorder rec;
  const AnyRouter router = make_router(spec);
  ReplicationCounters c = run_replication(spec, router, 0, &rec);
  return Outcome{rec.lines, std::move(c)};
}

// One agent, talk 100 s. Type A (infinite patience) arrives at 0 and 10, type B
// (patience 100 s) at 20, type C (patience 0) at 30.
ScenarioSpec patience_scenario() {
  ScenarioSpec s = day_scenario(1000, 1);
  s.contact_types.push_back(traced_type("A", {0, 10}, 100, std::nullopt, {0}));
  s.contact_types.push_back(traced_type("B", {20}, 100, 100.0, {0}));
  s.contact_types.push_back(traced_type("C", {30}, 100, 0.0, {0}));
  s.agent_groups.push_back(group("solo", {1}));
  return s;
}

TEST(CallCenter, PatienceDecidesWhoWaitsAndWhoAbandons) {
  const Outcome r = run(patience_scenario());
  // t=0 A served at once; t=10 A waits; t=20 B waits (deadline 120); t=30 C waits
  // with patience 0 and abandons at once; t=100 the agent frees and takes the
  // longest-waiting head, A (waited 90); t=120 B abandons after 100 s; t=200 A ends.
  const std::vector<Line> expected = {
      {0, TraceWhat::Arrival, 0, N, 0},     {0, TraceWhat::Answered, 0, 0, 0},
      {10, TraceWhat::Arrival, 0, N, 0},    {10, TraceWhat::Queued, 0, N, 0},
      {20, TraceWhat::Arrival, 1, N, 0},    {20, TraceWhat::Queued, 1, N, 0},
      {30, TraceWhat::Arrival, 2, N, 0},    {30, TraceWhat::Queued, 2, N, 0},
      {30, TraceWhat::Abandoned, 2, N, 0},  {100, TraceWhat::TalkEnd, 0, 0, 0},
      {100, TraceWhat::Answered, 0, 0, 90}, {120, TraceWhat::Abandoned, 1, N, 100},
      {200, TraceWhat::TalkEnd, 0, 0, 0},
  };
  EXPECT_EQ(r.trace, expected);
  EXPECT_EQ(r.counters.unserved_at_end, 0u);
}

// The KPIs of all types of a one-interval, one-group day together.
KpiValues centre_kpis(const ScenarioSpec& s) {
  const Outcome r = run(s);
  TypeCounters calls;
  for (std::size_t k = 0; k < s.contact_types.size(); ++k) calls += r.counters.type(0, k);
  EXPECT_EQ(r.counters.slot_duration_s[0], s.period_s);
  return compute_kpis(calls, &r.counters.group(0, 0), r.counters.slot_duration_s[0], s.service_level);
}

TEST(CallCenter, KpisOfThePatienceScenarioMatchHandCounts) {
  ScenarioSpec s = patience_scenario();
  s.service_level.awt_s = 20;
  s.service_level.short_abandon_s = 5;
  const KpiValues v = centre_kpis(s);
  auto kpi = [&](Kpi k) { return v[static_cast<std::size_t>(k)]; };
  EXPECT_EQ(kpi(Kpi::Offered), 4);
  EXPECT_EQ(kpi(Kpi::Answered), 2);
  EXPECT_EQ(kpi(Kpi::Abandoned), 2);
  EXPECT_EQ(kpi(Kpi::Blocked), 0);
  EXPECT_DOUBLE_EQ(kpi(Kpi::SlOverAdmitted), 1.0 / 4);          // only the first A within 20 s
  EXPECT_DOUBLE_EQ(kpi(Kpi::SlOverAnswered), 1.0 / 2);
  EXPECT_DOUBLE_EQ(kpi(Kpi::SlExcludingShortAbandons), 1.0 / 3);  // C abandoned after 0 s < 5 s
  EXPECT_DOUBLE_EQ(kpi(Kpi::ServiceLevel), 1.0 / 4);            // default definition: over admitted
  EXPECT_DOUBLE_EQ(kpi(Kpi::PWaitOverAdmitted), 2.0 / 4);        // A#2 and B waited > 0
  EXPECT_DOUBLE_EQ(kpi(Kpi::PAbandonOverAdmitted), 2.0 / 4);
  // Waits: A#1 0 and A#2 90 s answered; B 100 s and C 0 s abandoned; nothing blocked.
  EXPECT_DOUBLE_EQ(kpi(Kpi::SlOverOffered), 1.0 / 4);
  EXPECT_DOUBLE_EQ(kpi(Kpi::PWaitOverOffered), 2.0 / 4);
  EXPECT_DOUBLE_EQ(kpi(Kpi::PAbandonOverOffered), 2.0 / 4);
  EXPECT_EQ(kpi(Kpi::AnsweredWithinT), 1);
  EXPECT_EQ(kpi(Kpi::AbandonedWithinT), 1);  // C
  EXPECT_DOUBLE_EQ(kpi(Kpi::PAbandonWithinTOverAdmitted), 1.0 / 4);
  EXPECT_DOUBLE_EQ(kpi(Kpi::MeanWaitAbandonedS), (100.0 + 0.0) / 2);
  // Answered waits 0 and 90 s: the median is A#1's 0; 90 s lies in the bin [88, 92) s,
  // closed at 90 s by the longest wait, so ranks 1.8 and 1.9 of 2 read 88 + 0.8 (0.9) x 2.
  EXPECT_EQ(kpi(Kpi::P50WaitAnsweredS), 0.0);
  EXPECT_DOUBLE_EQ(kpi(Kpi::P90WaitAnsweredS), 89.6);
  EXPECT_DOUBLE_EQ(kpi(Kpi::P95WaitAnsweredS), 89.8);
  EXPECT_EQ(kpi(Kpi::MaxWaitAnsweredS), 90.0);
  EXPECT_DOUBLE_EQ(kpi(Kpi::SlWithin60sOverAdmitted), 1.0 / 4);  // A#2's 90 s is past every fixed threshold
  // In the system: A#1 0-100, A#2 10-200 (90 s waiting, 100 talking), B 20-120, C none.
  EXPECT_DOUBLE_EQ(kpi(Kpi::MeanTimeInSystemS), (100.0 + 190.0 + 100.0 + 0.0) / 4);
  EXPECT_DOUBLE_EQ(kpi(Kpi::MeanInSystem), (100.0 + 190.0 + 100.0) / 1000);
  EXPECT_DOUBLE_EQ(kpi(Kpi::MeanInIvr), 0.0);
  EXPECT_TRUE(std::isnan(kpi(Kpi::IvrPortOccupancy)));  // no port limit
  EXPECT_DOUBLE_EQ(kpi(Kpi::AsaS), 90.0 / 2);
  EXPECT_DOUBLE_EQ(kpi(Kpi::MeanWaitAdmittedS), (0 + 90 + 100 + 0) / 4.0);
  EXPECT_DOUBLE_EQ(kpi(Kpi::Occupancy), 200.0 / 1000);            // busy 0..200 of a 1000 s day
  EXPECT_DOUBLE_EQ(kpi(Kpi::MeanQueueLength), (90.0 + 100.0) / 1000);
}

// With one trunk line, A#1 holds it until 100 s: the three later calls are blocked, so the
// denominators part: 1 admitted call, 4 offered.
TEST(CallCenter, OverOfferedKpisCountBlockedCallsInTheirDenominator) {
  ScenarioSpec s = patience_scenario();
  s.trunk_lines = 1;
  const KpiValues v = centre_kpis(s);
  auto kpi = [&](Kpi k) { return v[static_cast<std::size_t>(k)]; };
  EXPECT_EQ(kpi(Kpi::Blocked), 3);
  EXPECT_DOUBLE_EQ(kpi(Kpi::SlOverAdmitted), 1.0);
  EXPECT_DOUBLE_EQ(kpi(Kpi::SlOverOffered), 1.0 / 4);
  EXPECT_DOUBLE_EQ(kpi(Kpi::PWaitOverOffered), 0.0);
  EXPECT_DOUBLE_EQ(kpi(Kpi::PAbandonOverOffered), 0.0);
  EXPECT_DOUBLE_EQ(kpi(Kpi::MeanTimeInSystemS), 100.0);  // over the one call that entered
  EXPECT_DOUBLE_EQ(kpi(Kpi::MeanInSystem), 100.0 / 1000);
  s.service_level.definition = SlDefinition::AnsweredWithinTOverOffered;
  EXPECT_DOUBLE_EQ(centre_kpis(s)[static_cast<std::size_t>(Kpi::ServiceLevel)], 1.0 / 4);
}

// The fixed thresholds part where waits lie between them: four calls at once, talk 15 s.
TEST(CallCenter, FixedThresholdServiceLevelsCountEachWaitOnce) {
  ScenarioSpec s = day_scenario(1000, 1);
  s.contact_types.push_back(traced_type("A", {0, 0, 0, 0}, 15, std::nullopt, {0}));
  s.agent_groups.push_back(group("solo", {1}));
  const Outcome r = run(s);
  const KpiValues v = compute_kpis(r.counters.type(0, 0), nullptr, 1000, s.service_level);
  auto kpi = [&](Kpi k) { return v[static_cast<std::size_t>(k)]; };
  // Waits 0, 15, 30, 45 s: within 10 s one, 20 s two, 30 s three, 60 s all four.
  EXPECT_DOUBLE_EQ(kpi(Kpi::SlWithin10sOverAdmitted), 1.0 / 4);
  EXPECT_DOUBLE_EQ(kpi(Kpi::SlWithin20sOverAdmitted), 2.0 / 4);
  EXPECT_DOUBLE_EQ(kpi(Kpi::SlWithin30sOverAdmitted), 3.0 / 4);
  EXPECT_DOUBLE_EQ(kpi(Kpi::SlWithin60sOverAdmitted), 4.0 / 4);
}

TEST(CallCenter, FreedAgentServesLowerPriorityValueFirst) {
  ScenarioSpec s = day_scenario(1000, 1);
  s.contact_types.push_back(traced_type("low", {0, 5}, 50, std::nullopt, {0}, /*priority=*/1));
  s.contact_types.push_back(traced_type("high", {10}, 50, std::nullopt, {0}, /*priority=*/0));
  s.agent_groups.push_back(group("solo", {1}));
  const Outcome r = run(s);
  // At t=50 "low" has waited 45 s and "high" 40 s, but high has priority.
  const std::vector<Line> expected = {
      {0, TraceWhat::Arrival, 0, N, 0},    {0, TraceWhat::Answered, 0, 0, 0},   {5, TraceWhat::Arrival, 0, N, 0},
      {5, TraceWhat::Queued, 0, N, 0},     {10, TraceWhat::Arrival, 1, N, 0},   {10, TraceWhat::Queued, 1, N, 0},
      {50, TraceWhat::TalkEnd, 0, 0, 0},   {50, TraceWhat::Answered, 1, 0, 40}, {100, TraceWhat::TalkEnd, 1, 0, 0},
      {100, TraceWhat::Answered, 0, 0, 95}, {150, TraceWhat::TalkEnd, 0, 0, 0},
  };
  EXPECT_EQ(r.trace, expected);
}

TEST(CallCenter, OverflowsToTheNextGroupOnlyWhenTheFirstHasNoIdleAgent) {
  ScenarioSpec s = day_scenario(1000, 1);
  s.contact_types.push_back(traced_type("calls", {0, 1, 2}, 100, std::nullopt, {0, 1}));
  s.agent_groups.push_back(group("first", {1}));
  s.agent_groups.push_back(group("second", {1}));
  const Outcome r = run(s);
  // 0 -> first; 1 -> second (first busy); 2 waits until the first frees at 100.
  const std::vector<Line> expected = {
      {0, TraceWhat::Arrival, 0, N, 0},   {0, TraceWhat::Answered, 0, 0, 0},    {1, TraceWhat::Arrival, 0, N, 0},
      {1, TraceWhat::Answered, 0, 1, 0},  {2, TraceWhat::Arrival, 0, N, 0},     {2, TraceWhat::Queued, 0, N, 0},
      {100, TraceWhat::TalkEnd, 0, 0, 0}, {100, TraceWhat::Answered, 0, 0, 98}, {101, TraceWhat::TalkEnd, 0, 1, 0},
      {200, TraceWhat::TalkEnd, 0, 0, 0},
  };
  EXPECT_EQ(r.trace, expected);
}

TEST(CallCenter, HandleTimeMultiplierScalesTalkAndWrapUpOfTheServingGroupOnly) {
  ScenarioSpec s = day_scenario(1000, 1);
  ContactTypeSpec t = traced_type("calls", {0, 1}, 100, std::nullopt, {0, 1});
  t.wrap_up = sim::Distribution::constant(10);
  t.handle_time_multiplier = {1.0, 1.5};  // the second group is 50 % slower
  s.contact_types.push_back(t);
  s.agent_groups.push_back(group("specialists", {1}));
  s.agent_groups.push_back(group("generalists", {1}));
  const Outcome r = run(s);
  // Call 0: specialists, talk 100 (ends 100), wrap until 110. Call 1: generalists,
  // talk 150 (ends 151), wrap 15.
  const std::vector<Line> expected = {
      {0, TraceWhat::Arrival, 0, N, 0},   {0, TraceWhat::Answered, 0, 0, 0},   {1, TraceWhat::Arrival, 0, N, 0},
      {1, TraceWhat::Answered, 0, 1, 0},  {100, TraceWhat::TalkEnd, 0, 0, 0},  {151, TraceWhat::TalkEnd, 0, 1, 0},
  };
  EXPECT_EQ(r.trace, expected);
  EXPECT_DOUBLE_EQ(r.counters.pair(0, 0).handle_sum_s, 110);
  EXPECT_DOUBLE_EQ(r.counters.pair(0, 1).handle_sum_s, 165);
  EXPECT_DOUBLE_EQ(r.counters.group(0, 1).busy_area, 165);
  EXPECT_EQ(r.counters.pair(0, 0).answered, 1u);
  EXPECT_EQ(r.counters.pair(0, 1).answered, 1u);
}

// A forecast's AHT and patience per interval scale the draws of the contacts arriving in
// that interval. Talk 80 s and wrap-up 20 s (handle 100 s); AHT 100 s in period 0 and
// 250 s in period 1 (x2.5); patience 50 s, 50 s then 20 s (x0.4).
TEST(CallCenter, AhtAndPatiencePerPeriodScaleTheDrawsOfTheirArrivals) {
  ScenarioSpec s = day_scenario(100, 2);
  ContactTypeSpec t = traced_type("calls", {0, 110, 120}, 80, 50.0, {0});
  t.wrap_up = sim::Distribution::constant(20);
  t.aht_per_period_s = {100, 250};
  t.patience_per_period_s = {50, 20};
  s.contact_types.push_back(t);
  s.agent_groups.push_back(group("solo", {1, 1}));
  const Outcome r = run(s);
  // 0: answered, talk 80 (ends 80), free at 100. 110: answered, talk 200 (ends 310).
  // 120: waits, patience 20: abandons at 140.
  const std::vector<Line> expected = {
      {0, TraceWhat::Arrival, 0, N, 0},       {0, TraceWhat::Answered, 0, 0, 0},    {80, TraceWhat::TalkEnd, 0, 0, 0},
      {110, TraceWhat::Arrival, 0, N, 0},     {110, TraceWhat::Answered, 0, 0, 0},  {120, TraceWhat::Arrival, 0, N, 0},
      {120, TraceWhat::Queued, 0, N, 0},      {140, TraceWhat::Abandoned, 0, N, 20}, {310, TraceWhat::TalkEnd, 0, 0, 0},
  };
  EXPECT_EQ(r.trace, expected);
  EXPECT_DOUBLE_EQ(r.counters.pair(0, 0).handle_sum_s, 100);
  EXPECT_DOUBLE_EQ(r.counters.pair(1, 0).handle_sum_s, 250);
}

TEST(CallCenter, GroupOrderMakesAFreedAgentTakeItsFirstListedQueue) {
  ScenarioSpec s = day_scenario(1000, 1);
  s.contact_types.push_back(traced_type("a", {0, 5}, 50, std::nullopt, {0}));
  s.contact_types.push_back(traced_type("b", {10}, 50, std::nullopt, {0}));
  s.agent_groups.push_back(group("solo", {1}));
  s.agent_groups[make_id<AgentGroupId>(0)].type_order = {make_id<ContactTypeId>(1), make_id<ContactTypeId>(0)};
  const Outcome r = run(s);
  // At t=50 "a" has waited 45 s and "b" 40 s; the group's list puts b first.
  ASSERT_GE(r.trace.size(), 8u);
  EXPECT_EQ(r.trace[7], (Line{50, TraceWhat::Answered, 1, 0, 40}));
}

TEST(CallCenter, PairCountersSplitEachTypesAnsweredCallsByServingGroup) {
  ScenarioSpec s = day_scenario(1000, 1);
  s.service_level.awt_s = 50;
  s.contact_types.push_back(traced_type("calls", {0, 1, 2}, 100, std::nullopt, {0, 1}));
  s.agent_groups.push_back(group("first", {1}));
  s.agent_groups.push_back(group("second", {1}));
  const Outcome r = run(s);
  // 0 -> first; 1 -> second; 2 waits 98 s for first (beyond awt 50).
  const PairCounters& first = r.counters.pair(0, 0);
  const PairCounters& second = r.counters.pair(0, 1);
  EXPECT_EQ(first.answered, 2u);
  EXPECT_EQ(first.answered_within_awt, 1u);
  EXPECT_DOUBLE_EQ(first.wait_sum_s, 98);
  EXPECT_EQ(second.answered, 1u);
  EXPECT_DOUBLE_EQ(second.wait_sum_s, 0);
  const RunResults results = run_scenario(s, RunOptions{.threads = 1});
  ASSERT_EQ(results.by_type_group.size(), 2u);
  EXPECT_DOUBLE_EQ(results.by_type_group[0].share.mean, 2.0 / 3);
  EXPECT_DOUBLE_EQ(results.by_type_group[1].share.mean, 1.0 / 3);
  EXPECT_DOUBLE_EQ(results.by_type_group[0].service_level.mean, 0.5);
  EXPECT_DOUBLE_EQ(results.by_type_group[0].asa_s.mean, 49);
  EXPECT_DOUBLE_EQ(results.by_type_group[1].work_share.mean, 1.0);
  EXPECT_DOUBLE_EQ(stat_of(results.by_group[0], Kpi::AsaS).mean, 49);
  EXPECT_DOUBLE_EQ(stat_of(results.by_group[0], Kpi::SlOverAnswered).mean, 0.5);
  EXPECT_DOUBLE_EQ(stat_of(results.by_group[1], Kpi::AsaS).mean, 0);
}

TEST(CallCenter, OverflowAfterDelayWaitsForTheDelayBeforeUsingTheSecondGroup) {
  ScenarioSpec s = day_scenario(1000, 1);
  s.router.policy = "overflow_after_delay";
  ContactTypeSpec t = traced_type("calls", {0, 10, 20}, 100, std::nullopt, {0, 1});
  t.overflow_delay_s = {0, 30};
  s.contact_types.push_back(t);
  s.agent_groups.push_back(group("specialists", {1}));
  s.agent_groups.push_back(group("generalists", {2}));
  const Outcome r = run(s);
  // 0: specialist at once. 10: waits although a generalist is idle; eligible for the
  // generalists at 40. 20: eligible at 50.
  const std::vector<Line> expected = {
      {0, TraceWhat::Arrival, 0, N, 0},    {0, TraceWhat::Answered, 0, 0, 0},   {10, TraceWhat::Arrival, 0, N, 0},
      {10, TraceWhat::Queued, 0, N, 0},    {20, TraceWhat::Arrival, 0, N, 0},   {20, TraceWhat::Queued, 0, N, 0},
      {40, TraceWhat::Answered, 0, 1, 30}, {50, TraceWhat::Answered, 0, 1, 30}, {100, TraceWhat::TalkEnd, 0, 0, 0},
      {140, TraceWhat::TalkEnd, 0, 1, 0},  {150, TraceWhat::TalkEnd, 0, 1, 0},
  };
  EXPECT_EQ(r.trace, expected);
}

TEST(CallCenter, OverflowAfterDelayLetsTheFirstGroupTakeTheCallBeforeTheDelayEnds) {
  ScenarioSpec s = day_scenario(1000, 1);
  s.router.policy = "overflow_after_delay";
  ContactTypeSpec t = traced_type("calls", {0, 10}, 20, std::nullopt, {0, 1});
  t.overflow_delay_s = {0, 30};
  s.contact_types.push_back(t);
  s.agent_groups.push_back(group("specialists", {1}));
  s.agent_groups.push_back(group("generalists", {1}));
  const Outcome r = run(s);
  // The specialist frees at 20, before the call's delay ends at 40: it takes the call,
  // and the timer at 40 finds nothing to do.
  ASSERT_EQ(r.trace.size(), 7u);
  EXPECT_EQ(r.trace[5], (Line{20, TraceWhat::Answered, 0, 0, 10}));
  EXPECT_EQ(r.trace[6], (Line{40, TraceWhat::TalkEnd, 0, 0, 0}));
}

TEST(CallCenter, OverflowAfterDelayWithZeroDelaysIsQueuePriorityExactly) {
  ScenarioSpec s = testing::markov_scenario(1.0, 10.0, 8, 30.0, 100, 5000, 3, 21);
  ContactTypeSpec second = s.contact_types[make_id<ContactTypeId>(0)];
  second.name = "other";
  second.groups = {make_id<AgentGroupId>(1), make_id<AgentGroupId>(0)};
  s.contact_types[make_id<ContactTypeId>(0)].groups = {make_id<AgentGroupId>(0), make_id<AgentGroupId>(1)};
  s.contact_types.push_back(second);
  s.agent_groups.push_back(group("second", {5}));
  const RunResults priority = run_scenario(s, RunOptions{.threads = 1});
  s.router.policy = "overflow_after_delay";
  for (auto& t : s.contact_types) t.overflow_delay_s = {0.0, 0.0};
  const RunResults delayed = run_scenario(s, RunOptions{.threads = 1});
  EXPECT_EQ(priority.fingerprint, delayed.fingerprint);
  EXPECT_EQ(priority.overall[static_cast<std::size_t>(Kpi::ServiceLevel)].mean,
            delayed.overall[static_cast<std::size_t>(Kpi::ServiceLevel)].mean);
  // And a real delay changes what happens.
  for (auto& t : s.contact_types) t.overflow_delay_s = {0.0, 20.0};
  EXPECT_NE(run_scenario(s, RunOptions{.threads = 1}).fingerprint, priority.fingerprint);
}

TEST(CallCenter, LongestWeightedWaitServesTheHeavierWaitFirst) {
  ScenarioSpec s = day_scenario(1000, 1);
  s.router.policy = "longest_weighted_wait";
  s.contact_types.push_back(traced_type("standard", {0, 5}, 50, std::nullopt, {0}));
  s.contact_types.push_back(traced_type("premium", {20}, 50, std::nullopt, {0}));
  s.contact_types[make_id<ContactTypeId>(1)].wait_weight = {3.0};
  s.agent_groups.push_back(group("solo", {1}));
  const Outcome r = run(s);
  // At t=50: standard waited 45 (score 45), premium 30 (score 90): premium first.
  ASSERT_GE(r.trace.size(), 8u);
  EXPECT_EQ(r.trace[7], (Line{50, TraceWhat::Answered, 1, 0, 30}));
}

TEST(CallCenter, LongestWeightedWaitWithUnitWeightsMatchesQueuePriorityWithEqualPriorities) {
  ScenarioSpec s = testing::markov_scenario(1.0, 10.0, 8, 30.0, 100, 5000, 3, 99);
  ContactTypeSpec second = s.contact_types[make_id<ContactTypeId>(0)];
  second.name = "other";
  s.contact_types.push_back(second);
  const RunResults fifo = run_scenario(s, RunOptions{.threads = 1});
  s.router.policy = "longest_weighted_wait";
  const RunResults weighted = run_scenario(s, RunOptions{.threads = 1});
  EXPECT_EQ(fifo.fingerprint, weighted.fingerprint);
}

TEST(CallCenter, LongestIdleAgentPicksTheGroupWhoseAgentWaitedLongest) {
  ScenarioSpec s = day_scenario(1000, 1);
  s.router.policy = "longest_idle_agent";
  s.contact_types.push_back(traced_type("only_second", {0}, 10, std::nullopt, {1}));
  s.contact_types.push_back(traced_type("both", {20}, 10, std::nullopt, {1, 0}));
  s.agent_groups.push_back(group("first", {1}));
  s.agent_groups.push_back(group("second", {1}));
  const Outcome r = run(s);
  // The second group's agent works 0..10; at 20 the first group's agent has been idle
  // since 0 and the second's only since 10: the call goes to the first group although
  // its list prefers the second.
  const std::vector<Line> expected = {
      {0, TraceWhat::Arrival, 0, N, 0},  {0, TraceWhat::Answered, 0, 1, 0},  {10, TraceWhat::TalkEnd, 0, 1, 0},
      {20, TraceWhat::Arrival, 1, N, 0}, {20, TraceWhat::Answered, 1, 0, 0}, {30, TraceWhat::TalkEnd, 1, 0, 0},
  };
  EXPECT_EQ(r.trace, expected);
  s.router.policy = "queue_priority";
  EXPECT_EQ(run(s).trace[4], (Line{20, TraceWhat::Answered, 1, 1, 0}));
}

TEST(CallCenter, LongestIdleAgentKeepsItsIdleTimesThroughStaffingChangesOverADay) {
  ScenarioSpec s = day_scenario(600, 6);
  s.router.policy = "longest_idle_agent";
  s.replications = 5;
  ContactTypeSpec a;
  a.name = "a";
  a.arrivals.process = ArrivalSpec::Process::PiecewisePoisson;
  a.arrivals.per_period = {60, 120, 90, 150, 40, 80};
  a.talk = sim::Distribution::exponential(60);
  a.wrap_up = sim::Distribution::constant(5);
  a.patience = sim::Distribution::exponential(90);
  a.groups = {make_id<AgentGroupId>(0), make_id<AgentGroupId>(1)};
  ContactTypeSpec b = a;
  b.name = "b";
  b.groups = {make_id<AgentGroupId>(1), make_id<AgentGroupId>(0)};
  s.contact_types.push_back(a);
  s.contact_types.push_back(b);
  s.agent_groups.push_back(group("left", {10, 25, 4, 30, 0, 12}));
  s.agent_groups.push_back(group("right", {0, 10, 20, 5, 15, 3}));
  // Any drift between the idle-time lists and the idle counts is an InvariantError.
  const RunResults r = run_scenario(s, RunOptions{.threads = 1});
  EXPECT_GT(stat_of(r.overall, Kpi::Answered).mean, 500);
}

// With one agent there is nothing to choose: the trace is longest_idle_agent's, and the
// policy draws one uniform per routed arrival, the one that waits included.
TEST(CallCenter, RandomIdleAgentDrawsOneUniformPerRoutedArrival) {
  ScenarioSpec s = day_scenario(1000, 1);
  s.router.policy = "random_idle_agent";
  s.contact_types.push_back(traced_type("calls", {0, 5, 20}, 10, std::nullopt, {0}));
  s.agent_groups.push_back(group("solo", {1}));
  const Outcome random = run(s);
  const std::vector<Line> expected = {
      {0, TraceWhat::Arrival, 0, N, 0},  {0, TraceWhat::Answered, 0, 0, 0}, {5, TraceWhat::Arrival, 0, N, 0},
      {5, TraceWhat::Queued, 0, N, 0},   {10, TraceWhat::TalkEnd, 0, 0, 0}, {10, TraceWhat::Answered, 0, 0, 5},
      {20, TraceWhat::TalkEnd, 0, 0, 0}, {20, TraceWhat::Arrival, 0, N, 0}, {20, TraceWhat::Answered, 0, 0, 0},
      {30, TraceWhat::TalkEnd, 0, 0, 0},
  };
  EXPECT_EQ(random.trace, expected);
  s.router.policy = "longest_idle_agent";
  const Outcome longest = run(s);
  EXPECT_EQ(longest.trace, random.trace);
  EXPECT_EQ(random.counters.draws, longest.counters.draws + 3);
}

// Staffing that rises and falls logs idle agents off from the middle of their group's
// positions; any drift between positions, idle lists and counts is an InvariantError.
TEST(CallCenter, RandomIdleAgentKeepsItsIdlePositionsThroughStaffingChangesOverADay) {
  ScenarioSpec s = day_scenario(600, 6);
  s.router.policy = "random_idle_agent";
  s.replications = 5;
  ContactTypeSpec a = testing::markov_day_type("a", {60, 120, 90, 150, 40, 80}, 60, 90, {0, 1});
  a.wrap_up = sim::Distribution::constant(5);
  ContactTypeSpec b = a;
  b.name = "b";
  b.groups = {make_id<AgentGroupId>(1), make_id<AgentGroupId>(0)};
  s.contact_types.push_back(a);
  s.contact_types.push_back(b);
  s.agent_groups.push_back(group("left", {10, 25, 4, 30, 0, 12}));
  s.agent_groups.push_back(group("right", {0, 10, 20, 5, 15, 3}));
  const RunResults r = run_scenario(s, RunOptions{.threads = 1});
  EXPECT_GT(stat_of(r.overall, Kpi::Answered).mean, 500);
  // Both groups take calls of both types, whatever the order of the type's list.
  for (const PairResult& p : r.by_type_group) EXPECT_GT(p.answered.mean, 10) << index(p.type) << index(p.group);
}

// The tie-break stream is the replication's substream like every other: the same seed
// gives the same fingerprint and KPIs on one thread or two; the draws change the run.
TEST(CallCenter, RandomIdleAgentGivesBitIdenticalResultsOnAnyThreadCount) {
  ScenarioSpec s = testing::markov_scenario(0.5, 10.0, 3, 30.0, 100, 2000, 6, 4242);
  s.router.policy = "random_idle_agent";
  s.agent_groups.push_back(group("more", {3}));
  s.contact_types[make_id<ContactTypeId>(0)].groups.push_back(make_id<AgentGroupId>(1));
  const RunResults one = run_scenario(s, RunOptions{.threads = 1});
  const RunResults two = run_scenario(s, RunOptions{.threads = 2});
  const RunResults again = run_scenario(s, RunOptions{.threads = 2});
  EXPECT_EQ(one.fingerprint, two.fingerprint);
  EXPECT_EQ(two.fingerprint, again.fingerprint);
  EXPECT_EQ(one.draws, two.draws);
  for (std::size_t g = 0; g < 2; ++g)
    for (const Kpi k : {Kpi::Answered, Kpi::Occupancy, Kpi::AsaS})
      EXPECT_EQ(std::memcmp(&stat_of(one.by_group[g], k).mean, &stat_of(two.by_group[g], k).mean, sizeof(double)),
                0);
  s.router.policy = "longest_idle_agent";
  const RunResults longest = run_scenario(s, RunOptions{.threads = 1});
  EXPECT_NE(longest.fingerprint, one.fingerprint);
  EXPECT_GT(one.draws, longest.draws);
}

TEST(CallCenter, ReservedAgentWaitsForItsTypeWhileAnotherTypeQueues) {
  ScenarioSpec s = day_scenario(1000, 1);
  s.contact_types.push_back(traced_type("vip", {30}, 100, std::nullopt, {0}));
  s.contact_types.push_back(traced_type("regular", {0, 10}, 100, std::nullopt, {0}));
  s.agent_groups.push_back(group("team", {2}));
  s.agent_groups[make_id<AgentGroupId>(0)].reserved_for = make_id<ContactTypeId>(0);
  s.agent_groups[make_id<AgentGroupId>(0)].reserved_agents = 1;
  const Outcome r = run(s);
  // Regular at 0 takes one of two agents; regular at 10 waits (the last idle agent is
  // kept for vip); vip at 30 takes it. At 100 one agent frees, but it is the only idle
  // one, so it stays reserved; at 130 vip ends, two are idle and the regular is answered.
  const std::vector<Line> expected = {
      {0, TraceWhat::Arrival, 1, N, 0},   {0, TraceWhat::Answered, 1, 0, 0},   {10, TraceWhat::Arrival, 1, N, 0},
      {10, TraceWhat::Queued, 1, N, 0},   {30, TraceWhat::Arrival, 0, N, 0},   {30, TraceWhat::Answered, 0, 0, 0},
      {100, TraceWhat::TalkEnd, 1, 0, 0}, {130, TraceWhat::TalkEnd, 0, 0, 0},  {130, TraceWhat::Answered, 1, 0, 120},
      {230, TraceWhat::TalkEnd, 1, 0, 0},
  };
  EXPECT_EQ(r.trace, expected);
}

TEST(CallCenter, ReleaseBeforeArrivalAtTheSameInstant) {
  ScenarioSpec s = day_scenario(1000, 1);
  s.contact_types.push_back(traced_type("calls", {0, 100}, 100, 0.0, {0}));
  s.agent_groups.push_back(group("solo", {1}));
  const Outcome r = run(s);
  // The second call arrives exactly when the first ends: it must find the agent free
  // (patience 0 would make it abandon otherwise).
  const std::vector<Line> expected = {
      {0, TraceWhat::Arrival, 0, N, 0},   {0, TraceWhat::Answered, 0, 0, 0},   {100, TraceWhat::TalkEnd, 0, 0, 0},
      {100, TraceWhat::Arrival, 0, N, 0}, {100, TraceWhat::Answered, 0, 0, 0}, {200, TraceWhat::TalkEnd, 0, 0, 0},
  };
  EXPECT_EQ(r.trace, expected);
}

TEST(CallCenter, WrapUpKeepsTheAgentBusyAfterTheCallerLeaves) {
  ScenarioSpec s = day_scenario(1000, 1);
  ContactTypeSpec t = traced_type("calls", {0, 10}, 100, std::nullopt, {0});
  t.wrap_up = sim::Distribution::constant(30);
  s.contact_types.push_back(t);
  s.agent_groups.push_back(group("solo", {1}));
  const Outcome r = run(s);
  // Talk ends at 100, wrap-up until 130: the second call is answered at 130.
  ASSERT_EQ(r.trace.size(), 7u);
  EXPECT_EQ(r.trace[4], (Line{100, TraceWhat::TalkEnd, 0, 0, 0}));
  EXPECT_EQ(r.trace[5], (Line{130, TraceWhat::Answered, 0, 0, 120}));
  EXPECT_DOUBLE_EQ(r.counters.group(0, 0).busy_area, 260);  // 0..130 and 130..260
}

TEST(CallCenter, BusyAgentFinishesItsCallWhenStaffingDropsThenLeaves) {
  ScenarioSpec s = day_scenario(100, 2);
  s.contact_types.push_back(traced_type("calls", {50, 60}, 100, 200.0, {0}));
  s.agent_groups.push_back(group("team", {1, 0}));
  const Outcome r = run(s);
  // Staffing drops to 0 at t=100 while the agent talks until 150; it then leaves
  // instead of taking the call waiting since 60, which abandons at 260.
  const std::vector<Line> expected = {
      {50, TraceWhat::Arrival, 0, N, 0}, {50, TraceWhat::Answered, 0, 0, 0},     {60, TraceWhat::Arrival, 0, N, 0},
      {60, TraceWhat::Queued, 0, N, 0},  {150, TraceWhat::TalkEnd, 0, 0, 0}, {260, TraceWhat::Abandoned, 0, N, 200},
  };
  EXPECT_EQ(r.trace, expected);
  // Period 1 has 0 agents on duty but one leaving agent logged on 100..150: occupancy 1.
  EXPECT_DOUBLE_EQ(r.counters.group(1, 0).present_area, 50);
  EXPECT_DOUBLE_EQ(r.counters.group(1, 0).busy_area, 50);
  EXPECT_DOUBLE_EQ(r.counters.group(1, 0).staffed_area, 0);
}

TEST(CallCenter, StaffingIncreaseServesWaitingCallsAtThePeriodStart) {
  ScenarioSpec s = day_scenario(100, 2);
  s.contact_types.push_back(traced_type("calls", {10, 20}, 500, std::nullopt, {0}));
  s.agent_groups.push_back(group("team", {0, 2}));
  const Outcome r = run(s);
  const std::vector<Line> expected = {
      {10, TraceWhat::Arrival, 0, N, 0},    {10, TraceWhat::Queued, 0, N, 0},    {20, TraceWhat::Arrival, 0, N, 0},
      {20, TraceWhat::Queued, 0, N, 0},     {100, TraceWhat::Answered, 0, 0, 90}, {100, TraceWhat::Answered, 0, 0, 80},
      {600, TraceWhat::TalkEnd, 0, 0, 0},   {600, TraceWhat::TalkEnd, 0, 0, 0},
  };
  EXPECT_EQ(r.trace, expected);
}

TEST(CallCenter, TrunkLinesBlockArrivalsWhenAllAreHeld) {
  ScenarioSpec s = day_scenario(1000, 1);
  s.trunk_lines = 1;
  s.contact_types.push_back(traced_type("calls", {0, 50, 100}, 100, std::nullopt, {0}));
  s.agent_groups.push_back(group("team", {5}));
  const Outcome r = run(s);
  // The line is held 0..100; the call at 50 is blocked; at 100 the line is free again
  // (the release at 100 runs before the arrival at 100).
  const std::vector<Line> expected = {
      {0, TraceWhat::Arrival, 0, N, 0},     {0, TraceWhat::Answered, 0, 0, 0}, {50, TraceWhat::Arrival, 0, N, 0},
      {50, TraceWhat::BlockedTrunk, 0, N, 0}, {100, TraceWhat::TalkEnd, 0, 0, 0}, {100, TraceWhat::Arrival, 0, N, 0},
      {100, TraceWhat::Answered, 0, 0, 0},  {200, TraceWhat::TalkEnd, 0, 0, 0},
  };
  EXPECT_EQ(r.trace, expected);
  EXPECT_EQ(r.counters.type(0, 0).blocked_trunk, 1u);
}

TEST(CallCenter, IvrContainsOrBlocksAtThePorts) {
  ScenarioSpec s = day_scenario(1000, 1);
  s.has_ivr = true;
  s.ivr_ports = 1;
  ContactTypeSpec t = traced_type("calls", {0, 10, 40}, 100, std::nullopt, {0});
  t.ivr = IvrTreatment{sim::Distribution::constant(30), /*p_self_service=*/1.0, /*p_hangup=*/0.0};
  s.contact_types.push_back(t);
  s.agent_groups.push_back(group("team", {1}));
  const Outcome r = run(s);
  // Port held 0..30 (call at 10 blocked at the IVR), then 40..70; both are contained.
  const std::vector<Line> expected = {
      {0, TraceWhat::Arrival, 0, N, 0},       {0, TraceWhat::IvrStart, 0, N, 0},
      {10, TraceWhat::Arrival, 0, N, 0},      {10, TraceWhat::BlockedIvr, 0, N, 0},
      {30, TraceWhat::IvrContained, 0, N, 0}, {40, TraceWhat::Arrival, 0, N, 0},
      {40, TraceWhat::IvrStart, 0, N, 0},     {70, TraceWhat::IvrContained, 0, N, 0},
  };
  EXPECT_EQ(r.trace, expected);
  EXPECT_EQ(r.counters.type(0, 0).ivr_contained, 2u);
  EXPECT_EQ(r.counters.type(0, 0).blocked_ivr, 1u);
}

TEST(CallCenter, CallsWaitingWithNoAgentLeftAreReportedNotLost) {
  ScenarioSpec s = day_scenario(100, 1);
  s.contact_types.push_back(traced_type("calls", {10}, 100, std::nullopt, {0}));
  s.agent_groups.push_back(group("team", {0}));
  const Outcome r = run(s);
  EXPECT_EQ(r.counters.unserved_at_end, 1u);
  EXPECT_EQ(r.counters.type(0, 0).answered + r.counters.type(0, 0).abandoned, 0u);
}

TEST(CallCenter, SteadyStateCallCountIsSplitIntoEqualBatchesAfterTheWarmUp) {
  ScenarioSpec s = testing::markov_scenario(1.0, 10.0, 12, 30.0, 500, 0, 1, 3);
  s.steady.duration_s = 0;
  s.steady.calls = 1003;
  s.steady.batches = 4;
  const ReplicationCounters rc = run_replication(s, make_router(s), 0);
  // Batch b holds arrivals i with floor(i * 4 / 1003) == b: 251, 251, 251, 250.
  const std::uint64_t expected[] = {251, 251, 251, 250};
  for (std::size_t b = 0; b < 4; ++b) EXPECT_EQ(rc.type(b, 0).offered, expected[b]) << b;
  EXPECT_GT(rc.arrivals, 1003u + 400u);  // about 500 warm-up arrivals were simulated too
  EXPECT_GT(rc.slot_duration_s[0], 0.0);
}

TEST(CallCenter, SameSeedGivesTheSameFingerprintAndAnotherSeedDoesNot) {
  ScenarioSpec s = testing::markov_scenario(1.0, 10.0, 12, 30.0, 100, 2000, 3, 7);
  const RunResults a = run_scenario(s, RunOptions{.threads = 1});
  const RunResults b = run_scenario(s, RunOptions{.threads = 1});
  EXPECT_EQ(a.fingerprint, b.fingerprint);
  s.seed = 8;
  const RunResults c = run_scenario(s, RunOptions{.threads = 1});
  EXPECT_NE(a.fingerprint, c.fingerprint);
}

TEST(CallCenter, ResultsAreBitIdenticalForAnyThreadCount) {
  ScenarioSpec s = testing::markov_scenario(1.0, 10.0, 12, 30.0, 100, 2000, 7, 11);
  const RunResults one = run_scenario(s, RunOptions{.threads = 1});
  const RunResults two = run_scenario(s, RunOptions{.threads = 2});
  const RunResults three = run_scenario(s, RunOptions{.threads = 3});
  EXPECT_EQ(one.fingerprint, two.fingerprint);
  EXPECT_EQ(one.fingerprint, three.fingerprint);
  for (std::size_t i = 0; i < kNumKpis; ++i) {
    // Bitwise equality, not a tolerance: the fold order is fixed.
    EXPECT_EQ(std::memcmp(&one.overall[i].mean, &two.overall[i].mean, sizeof(double)), 0) << i;
    EXPECT_EQ(std::memcmp(&one.overall[i].half_width, &three.overall[i].half_width, sizeof(double)), 0) << i;
  }
}

}  // namespace
}  // namespace ccsim::models
