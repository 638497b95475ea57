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

// Whether KPI k in `stats` (one level's statistics) is a service level that e-mails still
// in the backlog at the close and not yet due may decide: a one-day run cannot tell
// whether they will be answered in time. `service_level` then lies between
// sl_if_backlog_late and sl_if_backlog_in_time; its other forms have no bounds.
bool backlog_may_decide(const KpiStats& stats, Kpi k);

// judge() of KPI k in `stats`. Where backlog_may_decide, service_level keeps a verdict
// only where the bound that could overturn it gives it too (met "at least" only if met
// with every such e-mail late, missed only if missed with every one in time); another
// form of the service level is inconclusive. The bound that did not confirm a verdict
// goes to *unconfirmed when given.
Verdict judge_kpi(const KpiStats& stats, Kpi k, TargetBound bound, double value,
                  std::optional<KpiStat>* unconfirmed = nullptr);

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
