// tests/models/targets_test.cc
// Judging targets: a statistic against a bound, and the counting rule of an interval
// scope (met when the share of intervals met reaches the required share, missed when
// even the undecided ones could not reach it, undefined intervals left out).
#include "models/targets.h"

#include <gtest/gtest.h>

#include <limits>
#include <optional>
#include <vector>

#include "models/experiment/sequential.h"

namespace ccsim::models {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

KpiStats with(Kpi k, KpiStat s) {
  KpiStats all;
  all.fill(KpiStat{kNaN, kNaN, 0});
  all[static_cast<std::size_t>(k)] = s;
  return all;
}

// A day of intervals whose service level of type 1 has these statistics.
RunResults day_of(const std::vector<KpiStat>& type1) {
  RunResults r;
  r.overall = with(Kpi::ServiceLevel, {0.9, 0.01, 30});
  r.by_type = {with(Kpi::ServiceLevel, {0.5, 0.01, 30}), with(Kpi::ServiceLevel, {0.85, 0.01, 30})};
  r.by_group = {with(Kpi::Occupancy, {0.95, 0.01, 30})};
  for (std::uint32_t i = 0; i < type1.size(); ++i) {
    IntervalResult ir{i, 1800.0 * i, with(Kpi::ServiceLevel, {0.9, 0.01, 30}), {}, {}, Verdict::Met, {}};
    ir.by_type = {with(Kpi::ServiceLevel, {0.5, 0.01, 30}), with(Kpi::ServiceLevel, type1[i])};
    ir.by_group = {with(Kpi::Occupancy, {0.95, 0.01, 30})};
    r.by_interval.push_back(ir);
  }
  return r;
}

TargetSpec sl_of_type1(TargetScope scope, double share = 1.0) {
  return TargetSpec{Kpi::ServiceLevel, TargetBound::AtLeast, 0.8, make_id<ContactTypeId>(1), std::nullopt, scope,
                    share};
}

const KpiStat kMet{0.9, 0.02, 30}, kMissed{0.7, 0.02, 30}, kOpen{0.79, 0.05, 30}, kUndefined{kNaN, kNaN, 0};

TEST(Judge, TheWholeIntervalDecides) {
  EXPECT_EQ(judge({0.85, 0.04, 10}, TargetBound::AtLeast, 0.8), Verdict::Met);
  EXPECT_EQ(judge({0.85, 0.06, 10}, TargetBound::AtLeast, 0.8), Verdict::Inconclusive);
  EXPECT_EQ(judge({0.70, 0.05, 10}, TargetBound::AtLeast, 0.8), Verdict::Missed);
  EXPECT_EQ(judge({0.70, 0.05, 10}, TargetBound::AtMost, 0.8), Verdict::Met);
  EXPECT_EQ(judge({0.90, kNaN, 1}, TargetBound::AtLeast, 0.8), Verdict::Inconclusive);
}

// A service level with e-mails not yet due at the close is judged on its bounds (each
// such e-mail late, each in time): met if the lower clears the target, missed if the upper
// falls short, whatever the value over the e-mails decided so far.
TEST(JudgeKpi, EmailsNotYetDueAtTheCloseAreJudgedOnTheBounds) {
  const auto stats = [](KpiStat sl, KpiStat late, KpiStat in_time) {
    KpiStats all = with(Kpi::ServiceLevel, sl);
    all[static_cast<std::size_t>(Kpi::SlIfBacklogLate)] = late;
    all[static_cast<std::size_t>(Kpi::SlIfBacklogInTime)] = in_time;
    return all;
  };
  const KpiStat high{0.99, 0.005, 30}, low{0.5, 0.02, 30};
  const KpiStats straddles = stats(kMet, low, high);
  ASSERT_TRUE(backlog_bounds(straddles, Kpi::ServiceLevel));
  EXPECT_EQ(judge_kpi(straddles, Kpi::ServiceLevel, TargetBound::AtLeast, 0.8), Verdict::Inconclusive);
  EXPECT_EQ(judge_kpi(straddles, Kpi::ServiceLevel, TargetBound::AtMost, 0.8), Verdict::Inconclusive);
  EXPECT_TRUE(bounds_undecidable(*backlog_bounds(straddles, Kpi::ServiceLevel), TargetBound::AtLeast, 0.8));
  // Both bounds on one side decide it, even against the value (over answered e-mails
  // leaves out those past due at the close, which its bounds count).
  EXPECT_EQ(judge_kpi(stats(kMet, kMet, high), Kpi::ServiceLevel, TargetBound::AtLeast, 0.8), Verdict::Met);
  EXPECT_EQ(judge_kpi(stats(kMet, low, kMissed), Kpi::ServiceLevel, TargetBound::AtLeast, 0.8), Verdict::Missed);
  EXPECT_EQ(judge_kpi(stats(kMissed, low, kMissed), Kpi::ServiceLevel, TargetBound::AtMost, 0.8), Verdict::Met);
  // A bound straddling the target leaves it open, for more replications to decide.
  const BacklogBounds open = *backlog_bounds(stats(kMet, kOpen, high), Kpi::ServiceLevel);
  EXPECT_EQ(judge_bounds(open, TargetBound::AtLeast, 0.8), Verdict::Inconclusive);
  EXPECT_FALSE(bounds_undecidable(open, TargetBound::AtLeast, 0.8));
  // No backlog (equal bounds, or none at all): judge() alone.
  EXPECT_FALSE(backlog_bounds(stats(kMet, kMet, kMet), Kpi::ServiceLevel));
  EXPECT_FALSE(backlog_bounds(with(Kpi::ServiceLevel, kMet), Kpi::ServiceLevel));
  EXPECT_EQ(judge_kpi(with(Kpi::ServiceLevel, kMet), Kpi::ServiceLevel, TargetBound::AtLeast, 0.8), Verdict::Met);
  // The form service_level copies shares its bounds; another form has none and is
  // inconclusive, and no replication count decides it.
  KpiStats forms = stats(kMet, kMet, high);
  forms[static_cast<std::size_t>(Kpi::SlOverAdmitted)] = kMet;
  forms[static_cast<std::size_t>(Kpi::SlOverOffered)] = KpiStat{0.85, 0.01, 30};
  EXPECT_EQ(judge_kpi(forms, Kpi::SlOverAdmitted, TargetBound::AtLeast, 0.8), Verdict::Met);
  EXPECT_EQ(judge_kpi(forms, Kpi::SlOverOffered, TargetBound::AtLeast, 0.8), Verdict::Inconclusive);
  EXPECT_TRUE(bounds_undecidable(*backlog_bounds(forms, Kpi::SlOverOffered), TargetBound::AtLeast, 0.8));
  // Only a service level is bounded so: the ASA of the answered e-mails is what it is.
  KpiStats asa = straddles;
  asa[static_cast<std::size_t>(Kpi::AsaS)] = KpiStat{100.0, 1.0, 30};
  EXPECT_EQ(judge_kpi(asa, Kpi::AsaS, TargetBound::AtMost, 200.0), Verdict::Met);
  // In a day target, and in each interval of an interval target.
  RunResults r = day_of({kMet, kMet});
  r.by_type[1] = straddles;
  r.by_interval[1].by_type[1] = straddles;
  const TargetResult day = judge_target(sl_of_type1(TargetScope::Day), r);
  EXPECT_EQ(day.verdict, Verdict::Inconclusive);
  ASSERT_TRUE(day.backlog && day.backlog->late);
  EXPECT_EQ(day.backlog->late->mean, low.mean);
  const TargetResult intervals = judge_target(sl_of_type1(TargetScope::Intervals), r);
  EXPECT_EQ(intervals.intervals_met, 1u);
  EXPECT_EQ(intervals.intervals_inconclusive, 1u);
  EXPECT_EQ(intervals.intervals_undecidable, 1u);
}

// Over answered e-mails, the value leaves out those past due at the close; with none
// still within its due time the bounds are equal, and still what the target is judged on.
// An interval whose e-mails all wait at the close has bounds and no value: it counts.
TEST(JudgeKpi, EqualBoundsAwayFromTheValueStillDecide) {
  KpiStats past_due = with(Kpi::ServiceLevel, KpiStat{1.0 / 3.0, 0.0, 3});
  past_due[static_cast<std::size_t>(Kpi::SlIfBacklogLate)] = KpiStat{0.25, 0.0, 3};
  past_due[static_cast<std::size_t>(Kpi::SlIfBacklogInTime)] = KpiStat{0.25, 0.0, 3};
  ASSERT_TRUE(backlog_bounds(past_due, Kpi::ServiceLevel));
  EXPECT_EQ(judge_kpi(past_due, Kpi::ServiceLevel, TargetBound::AtLeast, 0.3), Verdict::Missed);
  // Equal to the value, as without e-mails: judge() alone.
  KpiStats calls = past_due;
  calls[static_cast<std::size_t>(Kpi::SlIfBacklogLate)] = KpiStat{1.0 / 3.0, 0.0, 3};
  calls[static_cast<std::size_t>(Kpi::SlIfBacklogInTime)] = KpiStat{1.0 / 3.0, 0.0, 3};
  EXPECT_FALSE(backlog_bounds(calls, Kpi::ServiceLevel));

  KpiStats waiting = with(Kpi::ServiceLevel, kUndefined);
  waiting[static_cast<std::size_t>(Kpi::SlIfBacklogLate)] = KpiStat{0.0, 0.0, 3};
  waiting[static_cast<std::size_t>(Kpi::SlIfBacklogInTime)] = KpiStat{1.0, 0.0, 3};
  RunResults r = day_of({kMet, kMet});
  r.by_interval[1].by_type[1] = waiting;
  const TargetResult t = judge_target(sl_of_type1(TargetScope::Intervals), r);
  EXPECT_EQ(t.intervals_met, 1u);
  EXPECT_EQ(t.intervals_inconclusive, 1u);
  EXPECT_EQ(t.intervals_undecidable, 1u);
  EXPECT_EQ(t.verdict, Verdict::Inconclusive);
  EXPECT_EQ(t.worst_interval, std::optional<std::uint32_t>(0));
}

// An interval target with intervals only the next day decides: more replications help
// only while the others can still take it to met or to missed.
TEST(Assess, AnIntervalTargetIsUndecidableWhenTheOpenIntervalsCannotChangeItsVerdict) {
  TargetResult t{sl_of_type1(TargetScope::Intervals, 0.75), kMet, Verdict::Inconclusive};
  t.intervals_met = 1;
  t.intervals_inconclusive = 3;
  t.intervals_undecidable = 2;  // 3 of 4 needed: at most 2 met, at least 3 not missed
  EXPECT_FALSE(assess(t, 20, "replications").decidable);
  t.target.share_of_intervals = 0.5;  // 2 needed: the open interval may meet it
  EXPECT_TRUE(assess(t, 20, "replications").decidable);
  t.target.share_of_intervals = 1.0;  // 4 needed: the open interval may miss it
  t.intervals_met = 2;
  t.intervals_inconclusive = 2;
  t.intervals_undecidable = 1;
  EXPECT_TRUE(assess(t, 20, "replications").decidable);
}

TEST(JudgeTarget, DayTargetsReadTheirLevel) {
  const RunResults r = day_of({kMet});
  EXPECT_EQ(judge_target(sl_of_type1(TargetScope::Day), r).stat.mean, 0.85);
  TargetSpec type0 = sl_of_type1(TargetScope::Day);
  type0.type = make_id<ContactTypeId>(0);
  EXPECT_EQ(judge_target(type0, r).verdict, Verdict::Missed);
  const TargetSpec centre{Kpi::ServiceLevel, TargetBound::AtLeast, 0.8};
  EXPECT_EQ(judge_target(centre, r).stat.mean, 0.9);
  const TargetSpec group{Kpi::Occupancy, TargetBound::AtMost, 0.9, std::nullopt, make_id<AgentGroupId>(0)};
  EXPECT_EQ(judge_target(group, r).verdict, Verdict::Missed);
}

TEST(JudgeTarget, EveryIntervalMustBeMet) {
  TargetResult t = judge_target(sl_of_type1(TargetScope::Intervals), day_of({kMet, kMet, kMet}));
  EXPECT_EQ(t.verdict, Verdict::Met);
  EXPECT_EQ(t.intervals_met, 3u);
  t = judge_target(sl_of_type1(TargetScope::Intervals), day_of({kMet, kMissed, kOpen}));
  EXPECT_EQ(t.verdict, Verdict::Missed);
  EXPECT_EQ(t.intervals_met, 1u);
  EXPECT_EQ(t.intervals_missed, 1u);
  EXPECT_EQ(t.intervals_inconclusive, 1u);
  EXPECT_EQ(t.worst_interval, 1u);
  EXPECT_EQ(t.stat.mean, 0.7);
  t = judge_target(sl_of_type1(TargetScope::Intervals), day_of({kMet, kOpen, kMet}));
  EXPECT_EQ(t.verdict, Verdict::Inconclusive);
  EXPECT_EQ(t.worst_interval, 1u);
}

TEST(JudgeTarget, AShareOfIntervalsCountsOnlyDefinedIntervals) {
  // 9 of 10 met: exactly the 90 % asked for (no rounding loss).
  std::vector<KpiStat> ten(9, kMet);
  ten.push_back(kMissed);
  EXPECT_EQ(judge_target(sl_of_type1(TargetScope::Intervals, 0.9), day_of(ten)).verdict, Verdict::Met);
  // 8 met, 1 open, 1 missed: 90 % is still reachable.
  ten[8] = kOpen;
  EXPECT_EQ(judge_target(sl_of_type1(TargetScope::Intervals, 0.9), day_of(ten)).verdict, Verdict::Inconclusive);
  // 8 met, 2 missed: 90 % is out of reach.
  ten[8] = kMissed;
  EXPECT_EQ(judge_target(sl_of_type1(TargetScope::Intervals, 0.9), day_of(ten)).verdict, Verdict::Missed);
  // Intervals without calls of the type count for nothing: 8 met of 8 defined.
  ten[8] = kUndefined;
  ten[9] = kUndefined;
  const TargetResult t = judge_target(sl_of_type1(TargetScope::Intervals), day_of(ten));
  EXPECT_EQ(t.verdict, Verdict::Met);
  EXPECT_EQ(t.intervals_met, 8u);
  EXPECT_EQ(t.intervals_met + t.intervals_missed + t.intervals_inconclusive, 8u);
}

TEST(JudgeTarget, NoDefinedIntervalIsInconclusive) {
  const TargetResult t = judge_target(sl_of_type1(TargetScope::Intervals), day_of({kUndefined, kUndefined}));
  EXPECT_EQ(t.verdict, Verdict::Inconclusive);
  EXPECT_FALSE(t.worst_interval);
  EXPECT_EQ(t.intervals_met + t.intervals_missed + t.intervals_inconclusive, 0u);
}

}  // namespace
}  // namespace ccsim::models
