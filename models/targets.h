// models/targets.h
// Judging a planner's targets from a run's confidence intervals: one KPI statistic
// against a bound, and a target over the day or over the intervals of the day, for the
// whole centre, one contact type or one agent group (docs/targets.md).
#pragma once

#include <string_view>

#include "models/results.h"
#include "models/scenario/spec.h"

namespace ccsim::models {

std::string_view verdict_name(Verdict v);

// Met when the whole confidence interval satisfies the bound, missed when the whole
// interval violates it, inconclusive otherwise (including n < 2).
Verdict judge(const KpiStat& s, TargetBound bound, double value);

// The statistic a target is about in a set of statistics of its level (the centre's, a
// type's or a group's, over the day or in one interval).
const KpiStat& target_stat(const TargetSpec& t, const KpiStats& overall, const std::vector<KpiStats>& by_type,
                           const std::vector<KpiStats>& by_group);

// Judges t on the statistics of r (overall, by_type, by_group and, for an interval
// scope, by_interval, which must be filled).
TargetResult judge_target(const TargetSpec& t, const RunResults& r);

}  // namespace ccsim::models
