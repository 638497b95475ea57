// models/targets.h
// Judging a planner's targets from a run's confidence intervals: one KPI statistic
// against a bound, and a target over the day or over the intervals of the day, for the
// whole centre, one contact type or one agent group (docs/targets.md).
#pragma once

#include <optional>
#include <string_view>

#include "models/results.h"
#include "models/scenario/spec.h"

namespace ccsim::models {

std::string_view verdict_name(Verdict v);

// Met when the whole confidence interval satisfies the bound, missed when the whole
// interval violates it, inconclusive otherwise (including n < 2).
Verdict judge(const KpiStat& s, TargetBound bound, double value);

// The bounds of a service level `k` in `stats` (one level's statistics) that e-mails still
// in the backlog at the close and not yet due may decide (a one-day run cannot tell
// whether they will be answered in time); none where nothing is left to decide or k is
// no service level. `service_level` and the form its definition names have bounds; another
// form has none.
std::optional<BacklogBounds> backlog_bounds(const KpiStats& stats, Kpi k);

// A verdict on the bounds: met if the bound that must clear the target does (the lower
// for "at least"), missed if the other falls short, else inconclusive; with no bounds,
// inconclusive.
Verdict judge_bounds(const BacklogBounds& b, TargetBound bound, double value);

// Whether no number of replications can decide a target on these bounds: none, or both
// decided and on opposite sides of the target.
bool bounds_undecidable(const BacklogBounds& b, TargetBound bound, double value);

// judge() of KPI k in `stats`, or judge_bounds() where backlog_bounds has some.
Verdict judge_kpi(const KpiStats& stats, Kpi k, TargetBound bound, double value);

// The statistics of a target's level (the centre's, a type's or a group's, over the day
// or in one interval), and the statistic it is about in them.
const KpiStats& target_stats(const TargetSpec& t, const KpiStats& overall, const std::vector<KpiStats>& by_type,
                             const std::vector<KpiStats>& by_group);
const KpiStat& target_stat(const TargetSpec& t, const KpiStats& overall, const std::vector<KpiStats>& by_type,
                           const std::vector<KpiStats>& by_group);

// Judges t on the statistics of r (overall, by_type, by_group and, for an interval
// scope, by_interval, which must be filled).
TargetResult judge_target(const TargetSpec& t, const RunResults& r);

}  // namespace ccsim::models
