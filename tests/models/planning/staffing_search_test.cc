// tests/models/planning/staffing_search_test.cc
// The staffing search's parts: the Erlang A start against the formulas, which targets
// size the staffing, what counts as short in an interval, and the search itself on a
// model whose answer is known exactly (a fake evaluation: an interval is met when its
// agents reach a need, or need one more when the interval before was short of agents).
// tests/validation/staffing_validation_test.cc runs it on the simulator.
#include "models/planning/staffing_search.h"

#include <gtest/gtest.h>

#include <cmath>

#include "models/analytic/erlang.h"
#include "models/scenario/validate_spec.h"
#include "models/targets.h"
#include "tests/models/test_scenarios.h"

namespace ccsim::models {
namespace {

using testing::day_scenario;
using testing::group;
using testing::markov_day_type;

// One queue, 1-hour intervals, 240 s exponential talk, SL 80/20 over the day.
ScenarioSpec one_queue(std::vector<double> per_period, std::optional<double> patience_s = std::nullopt) {
  ScenarioSpec s = day_scenario(3600, static_cast<std::uint32_t>(per_period.size()));
  s.contact_types.push_back(markov_day_type("calls", per_period, 240, patience_s, {0}));
  s.agent_groups.push_back(group("team", std::vector<std::uint32_t>(per_period.size(), 1)));
  return s;
}

TEST(ErlangStart, IsErlangCPerIntervalWithoutPatienceAndErlangAWithIt) {
  const std::vector<double> calls{90, 300, 600, 450};
  const Staffing c = erlang_start(one_queue(calls));
  const Staffing a = erlang_start(one_queue(calls, 180.0));
  for (std::uint32_t i = 0; i < calls.size(); ++i) {
    EXPECT_EQ(c[0][i], analytic::staff_erlang_c_for_sl(calls[i] / 3600, 240, 20, 0.8)) << "interval " << i;
    EXPECT_EQ(a[0][i], analytic::staff_erlang_a_for_sl(calls[i] / 3600, 240, 180, 20, 0.8)) << "interval " << i;
    EXPECT_LE(a[0][i], c[0][i]);  // callers who abandon free the agents
  }
}

TEST(ErlangStart, GrossesUpForShrinkageAndAbsenteeismAndLeavesEmptyIntervalsAtZero) {
  ScenarioSpec s = one_queue({0, 300});
  AgentGroupSpec& g = s.agent_groups[make_id<AgentGroupId>(0)];
  g.shrinkage = {0.3, 0.3};
  g.absenteeism = 0.1;
  validate_spec(s);
  const Staffing st = erlang_start(s);
  const std::uint32_t c = analytic::staff_erlang_c_for_sl(300.0 / 3600, 240, 20, 0.8);
  EXPECT_EQ(st[0][0], 0u);
  EXPECT_EQ(st[0][1], static_cast<std::uint32_t>(std::ceil(c / (0.7 * 0.9))));
}

TEST(ErlangStart, PoolsTheTypesAGroupServesFirstAndMeetsEachTypesOwnThreshold) {
  ScenarioSpec s = day_scenario(3600, 1);
  s.contact_types.push_back(markov_day_type("a", {300}, 240, std::nullopt, {0}));
  s.contact_types.push_back(markov_day_type("b", {300}, 240, std::nullopt, {0, 1}));
  s.contact_types.push_back(markov_day_type("c", {150}, 240, std::nullopt, {1}));
  s.contact_types[make_id<ContactTypeId>(1)].service_level = ServiceLevelSpec{10, 0.9};
  s.targets.push_back(TargetSpec{Kpi::ServiceLevel, TargetBound::AtLeast, 0.9, make_id<ContactTypeId>(1)});
  s.agent_groups.push_back(group("ab", {1}));
  s.agent_groups.push_back(group("c", {1}));
  const Staffing st = erlang_start(s);
  // Group ab carries a and b together (600 calls), to b's stricter 90/10.
  EXPECT_EQ(st[0][0], analytic::staff_erlang_c_for_sl(600.0 / 3600, 240, 10, 0.9));
  EXPECT_GT(st[0][0], analytic::staff_erlang_c_for_sl(600.0 / 3600, 240, 20, 0.8));
  EXPECT_EQ(st[1][0], analytic::staff_erlang_c_for_sl(150.0 / 3600, 240, 20, 0.8));
}

// The 90th percentile of answered waits is at most T exactly when 90 % of answered calls
// wait at most T: the start is the Erlang A staffing for that service level over answered.
TEST(ErlangStart, SizesAWaitQuantileTargetAsTheServiceLevelOverAnsweredItEquals) {
  const std::vector<double> calls{90, 300, 600, 450};
  ScenarioSpec s = one_queue(calls, 180.0);
  s.targets = {TargetSpec{Kpi::P90WaitAnsweredS, TargetBound::AtMost, 45.0}};
  const Staffing st = erlang_start(s);
  for (std::uint32_t i = 0; i < calls.size(); ++i)
    EXPECT_EQ(st[0][i], analytic::staff_erlang_a_for_sl_over_answered(calls[i] / 3600, 240, 180, 45, 0.9))
        << "interval " << i;
}

TEST(StaffingResponsive, OnlyTargetsThatMoreAgentsMoveTowardsTheirBound) {
  const auto t = [](Kpi k, TargetBound b) { return TargetSpec{k, b, 0.5}; };
  EXPECT_TRUE(staffing_responsive(t(Kpi::ServiceLevel, TargetBound::AtLeast)));
  EXPECT_TRUE(staffing_responsive(t(Kpi::SlOverAnswered, TargetBound::AtLeast)));
  EXPECT_TRUE(staffing_responsive(t(Kpi::AsaS, TargetBound::AtMost)));
  EXPECT_TRUE(staffing_responsive(t(Kpi::PAbandonOverAdmitted, TargetBound::AtMost)));
  EXPECT_TRUE(staffing_responsive(t(Kpi::Occupancy, TargetBound::AtMost)));
  EXPECT_TRUE(staffing_responsive(t(Kpi::P95WaitAnsweredS, TargetBound::AtMost)));
  // Over offered calls, like the others: judged by the final check, chased by no search.
  EXPECT_FALSE(staffing_responsive(t(Kpi::PBalkOverOffered, TargetBound::AtMost)));
  EXPECT_FALSE(staffing_responsive(t(Kpi::PTimedOutOverOffered, TargetBound::AtMost)));
  EXPECT_FALSE(staffing_responsive(t(Kpi::PDisconnectedOverOffered, TargetBound::AtMost)));
  EXPECT_FALSE(staffing_responsive(t(Kpi::MaxWaitAnsweredS, TargetBound::AtMost)));  // one call's wait
  EXPECT_FALSE(staffing_responsive(t(Kpi::ServiceLevel, TargetBound::AtMost)));
  EXPECT_FALSE(staffing_responsive(t(Kpi::Occupancy, TargetBound::AtLeast)));  // fewer agents, not more
  EXPECT_FALSE(staffing_responsive(t(Kpi::PBlock, TargetBound::AtMost)));      // trunks, not agents
  EXPECT_FALSE(staffing_responsive(t(Kpi::Abandoned, TargetBound::AtMost)));   // a day's count
  // A group's ASA has no per-interval estimate to size with; its occupancy has.
  TargetSpec group_asa = t(Kpi::AsaS, TargetBound::AtMost);
  group_asa.group = make_id<AgentGroupId>(0);
  EXPECT_FALSE(staffing_responsive(group_asa));
  TargetSpec group_occupancy = t(Kpi::Occupancy, TargetBound::AtMost);
  group_occupancy.group = make_id<AgentGroupId>(0);
  EXPECT_TRUE(staffing_responsive(group_occupancy));
}

TEST(WithStaffing, ReplacesEveryGroupsPlanAndDropsItsShifts) {
  ScenarioSpec s = one_queue({100, 100});
  s.agent_groups[make_id<AgentGroupId>(0)].shifts.push_back(ShiftSpec{"early", 0, 3600, 4, {}});
  const ScenarioSpec out = with_staffing(s, {{7, 9}});
  EXPECT_EQ(out.agent_groups[make_id<AgentGroupId>(0)].staffing, (std::vector<std::uint32_t>{7, 9}));
  EXPECT_TRUE(out.agent_groups[make_id<AgentGroupId>(0)].shifts.empty());
  EXPECT_NO_THROW(validate_spec(out));
}

// Results with the given service level in each interval (n observations, half-width hw).
RunResults results_with(const ScenarioSpec& s, const std::vector<double>& sl, double hw, std::uint64_t n = 30) {
  RunResults r;
  r.overall.fill(KpiStat{std::nan(""), std::nan(""), 0});
  double sum = 0;
  for (std::uint32_t i = 0; i < sl.size(); ++i) {
    IntervalResult ir{i, i * s.period_s, {}, {}, {}, Verdict::Inconclusive, {}};
    ir.kpis.fill(KpiStat{std::nan(""), std::nan(""), 0});
    ir.kpis[static_cast<std::size_t>(Kpi::ServiceLevel)] = KpiStat{sl[i], hw, n};
    ir.by_type.assign(s.contact_types.size(), ir.kpis);
    ir.by_group.assign(s.agent_groups.size(), ir.kpis);
    r.by_interval.push_back(ir);
    sum += sl[i];
  }
  r.overall[static_cast<std::size_t>(Kpi::ServiceLevel)] = KpiStat{sum / sl.size(), hw / 4, n};
  r.by_type.assign(s.contact_types.size(), r.overall);
  r.by_group.assign(s.agent_groups.size(), r.overall);
  for (const TargetSpec& t : s.targets) r.targets.push_back(judge_target(t, r));
  return r;
}

TEST(IntervalShortfalls, DayTargetsBoundTheMeanAndIntervalTargetsTheWholeInterval) {
  ScenarioSpec s = one_queue({100, 100, 100});
  s.targets.push_back(TargetSpec{Kpi::ServiceLevel, TargetBound::AtLeast, 0.7, std::nullopt, std::nullopt,
                                 TargetScope::Intervals, 1.0});
  // 0.82 ± 0.05: the day target (0.8) holds on the mean; the interval target (0.7) holds
  // on the whole interval. 0.78 ± 0.05: short of the day target only. 0.72 ± 0.05: of both.
  const RunResults r = results_with(s, {0.82, 0.78, 0.72}, 0.05);
  const std::vector<Shortfall> f = interval_shortfalls(s, r);
  EXPECT_EQ(f, (std::vector<Shortfall>{{0, 1}, {0, 2}, {1, 2}}));
  // An interval with one observation has no interval to judge: not counted short.
  EXPECT_TRUE(interval_shortfalls(s, results_with(s, {0.9, 0.9, 0.72}, std::nan(""), 1)).size() == 1);
}

// The fake model: interval i is met when its agents reach need[i], plus one more when the
// interval before it had fewer than need[i - 1] (calls carried over).
struct FakeModel {
  std::vector<std::uint32_t> need;
  std::uint32_t runs = 0;
  std::vector<std::uint64_t> seeds{};

  RunResults operator()(const ScenarioSpec& s) {
    ++runs;
    seeds.push_back(s.seed);
    const std::vector<std::uint32_t>& st = s.agent_groups[make_id<AgentGroupId>(0)].staffing;
    std::vector<double> sl;
    for (std::uint32_t i = 0; i < st.size(); ++i) {
      const std::uint32_t n = need[i] + (i > 0 && st[i - 1] < need[i - 1] ? 1 : 0);
      sl.push_back(st[i] >= n ? 0.9 : 0.6);
    }
    return results_with(s, sl, 0.02);
  }
};

TEST(StaffingSearch, FindsTheExactNeedOfEveryIntervalFromAnyStartAndChecksItOnOtherSeeds) {
  ScenarioSpec s = one_queue({100, 400, 700, 500, 200, 50});
  // Below and above the Erlang start, by up to two agents.
  const std::vector<int> off{-2, 1, 0, -1, 2, -1};
  FakeModel model;
  for (std::size_t i = 0; i < off.size(); ++i)
    model.need.push_back(static_cast<std::uint32_t>(static_cast<int>(erlang_start(s)[0][i]) + off[i]));
  const StaffingSearch r = search_staffing(s, std::ref(model));
  EXPECT_EQ(r.required[0], model.need);
  EXPECT_EQ(r.start, erlang_start(s));
  EXPECT_TRUE(r.search_met);
  EXPECT_TRUE(r.minimal);
  EXPECT_TRUE(r.final_short.empty());
  EXPECT_TRUE(r.raised_by_final.empty());
  EXPECT_EQ(r.final_rounds, 1u);
  EXPECT_EQ(r.runs, model.runs);
  EXPECT_LE(r.runs, 60u);
  // Every run but the last on the scenario's seed; the final check on another.
  for (std::size_t k = 0; k + 1 < model.seeds.size(); ++k) EXPECT_EQ(model.seeds[k], s.seed);
  EXPECT_EQ(model.seeds.back(), final_check_seed(s.seed, 0));
  EXPECT_NE(final_check_seed(s.seed, 0), s.seed);
  EXPECT_NE(final_check_seed(s.seed, 0), final_check_seed(s.seed, 1));
  for (const TargetResult& t : r.final.targets) EXPECT_EQ(t.verdict, Verdict::Met);
}

TEST(StaffingSearch, StopsAtTheRunBudgetAndSaysTheAnswerIsNotMinimal) {
  ScenarioSpec s = one_queue({100, 400, 700, 500, 200, 50});
  FakeModel model{.need = {1, 2, 3, 2, 1, 1}};  // far below Erlang: many removals to make
  const StaffingSearch r = search_staffing(s, std::ref(model), {.max_runs = 6, .final_rounds = 1});
  EXPECT_LE(model.runs, 6u);
  EXPECT_FALSE(r.minimal);
  EXPECT_TRUE(r.search_met);
  for (std::uint32_t i = 0; i < model.need.size(); ++i) EXPECT_GE(r.required[0][i], model.need[i]);
}

TEST(StaffingSearch, ReportsWhatNoStaffingReaches) {
  ScenarioSpec s = one_queue({100, 100});
  struct Never {
    RunResults operator()(const ScenarioSpec& spec) const { return results_with(spec, {0.5, 0.9}, 0.01); }
  };
  const StaffingSearch r = search_staffing(s, Never{}, {.max_runs = 200});
  EXPECT_FALSE(r.search_met);
  EXPECT_EQ(r.unreachable, (std::vector<Shortfall>{{0, 0}}));
  EXPECT_LE(r.runs, 200u);
}

TEST(StaffingSearch, RefusesASteadyStateScenario) {
  ScenarioSpec s = testing::markov_scenario(0.1, 240, 30, std::nullopt, 0, 3600, 2, 1);
  EXPECT_THROW(search_staffing(s, [](const ScenarioSpec&) { return RunResults{}; }), std::invalid_argument);
}

}  // namespace
}  // namespace ccsim::models
