#include "models/targets.h"

#include <algorithm>
#include <cmath>

namespace ccsim::models {

std::string_view verdict_name(Verdict v) {
  switch (v) {
    case Verdict::Met: return "met";
    case Verdict::Missed: return "missed";
    case Verdict::Inconclusive: return "inconclusive";
  }
  return "unknown";
}

Verdict judge(const KpiStat& s, TargetBound bound, double value) {
  if (s.n < 2 || std::isnan(s.half_width)) return Verdict::Inconclusive;
  const double lo = s.mean - s.half_width;
  const double hi = s.mean + s.half_width;
  switch (bound) {
    case TargetBound::AtLeast:
      if (lo >= value) return Verdict::Met;
      if (hi < value) return Verdict::Missed;
      return Verdict::Inconclusive;
    case TargetBound::AtMost:
      if (hi <= value) return Verdict::Met;
      if (lo > value) return Verdict::Missed;
      return Verdict::Inconclusive;
  }
  return Verdict::Inconclusive;
}

std::optional<BacklogBounds> backlog_bounds(const KpiStats& stats, Kpi k) {
  if (k != Kpi::ServiceLevel && k != Kpi::SlOverAdmitted && k != Kpi::SlOverOffered && k != Kpi::SlOverAnswered &&
      k != Kpi::SlExcludingShortAbandons && std::ranges::find(kSlThresholdKpis, k) == kSlThresholdKpis.end())
    return std::nullopt;
  const KpiStat& late = stat_of(stats, Kpi::SlIfBacklogLate);
  const KpiStat& in_time = stat_of(stats, Kpi::SlIfBacklogInTime);
  if (late.n == 0) return std::nullopt;
  // service_level copies its definition's form, which shares its bounds.
  const KpiStat& s = stat_of(stats, k);
  const KpiStat& sl = stat_of(stats, Kpi::ServiceLevel);
  const bool service_level = k == Kpi::ServiceLevel || (s.mean == sl.mean && s.half_width == sl.half_width && s.n == sl.n);
  if (late.mean < in_time.mean) return service_level ? BacklogBounds{late, in_time} : BacklogBounds{};
  // Nothing undecided; but over answered contacts the value leaves out the e-mails past due
  // at the close, which will be answered late: the (equal) bounds count them. Elsewhere
  // the bounds equal the value, bit for bit.
  if (service_level && !(late.mean == sl.mean)) return BacklogBounds{late, in_time};
  return std::nullopt;
}

namespace {

// The bound that must clear the target for it to be met, and the one that must fall short
// for it to be missed.
std::pair<const KpiStat*, const KpiStat*> deciding(const BacklogBounds& b, TargetBound bound) {
  if (!b.late || !b.in_time) return {nullptr, nullptr};
  if (bound == TargetBound::AtLeast) return {&*b.late, &*b.in_time};
  return {&*b.in_time, &*b.late};
}

}  // namespace

Verdict judge_bounds(const BacklogBounds& b, TargetBound bound, double value) {
  const auto [for_met, for_missed] = deciding(b, bound);
  if (!for_met) return Verdict::Inconclusive;
  if (judge(*for_met, bound, value) == Verdict::Met) return Verdict::Met;
  if (judge(*for_missed, bound, value) == Verdict::Missed) return Verdict::Missed;
  return Verdict::Inconclusive;
}

bool bounds_undecidable(const BacklogBounds& b, TargetBound bound, double value) {
  const auto [for_met, for_missed] = deciding(b, bound);
  return !for_met ||
         (judge(*for_met, bound, value) == Verdict::Missed && judge(*for_missed, bound, value) == Verdict::Met);
}

Verdict judge_kpi(const KpiStats& stats, Kpi k, TargetBound bound, double value) {
  if (const std::optional<BacklogBounds> b = backlog_bounds(stats, k)) return judge_bounds(*b, bound, value);
  return judge(stat_of(stats, k), bound, value);
}

const KpiStats& target_stats(const TargetSpec& t, const KpiStats& overall, const std::vector<KpiStats>& by_type,
                             const std::vector<KpiStats>& by_group) {
  if (t.type) return by_type[index(*t.type)];
  if (t.group) return by_group[index(*t.group)];
  return overall;
}

const KpiStat& target_stat(const TargetSpec& t, const KpiStats& overall, const std::vector<KpiStats>& by_type,
                           const std::vector<KpiStats>& by_group) {
  return stat_of(target_stats(t, overall, by_type, by_group), t.kpi);
}

namespace {

// Further from the bound's side: the lower mean for "at least", the higher for "at most".
bool worse(const KpiStat& a, const KpiStat& b, TargetBound bound) {
  return bound == TargetBound::AtLeast ? a.mean < b.mean : a.mean > b.mean;
}

}  // namespace

TargetResult judge_target(const TargetSpec& t, const RunResults& r) {
  TargetResult out{t, {}, Verdict::Inconclusive};
  if (t.scope == TargetScope::Day) {
    const KpiStats& stats = target_stats(t, r.overall, r.by_type, r.by_group);
    out.stat = stat_of(stats, t.kpi);
    out.backlog = backlog_bounds(stats, t.kpi);
    out.verdict = out.backlog ? judge_bounds(*out.backlog, t.bound, t.value) : judge(out.stat, t.bound, t.value);
    return out;
  }
  // Intervals where no observation defines the KPI (no calls of the type, say) hold no
  // evidence either way and are left out of the count.
  out.stat = KpiStat{std::nan(""), std::nan(""), 0};
  for (const IntervalResult& ir : r.by_interval) {
    const KpiStats& stats = target_stats(t, ir.kpis, ir.by_type, ir.by_group);
    const KpiStat& s = stat_of(stats, t.kpi);
    // An interval whose e-mails all wait at the close has bounds, and no value.
    const std::optional<BacklogBounds> b = backlog_bounds(stats, t.kpi);
    if (s.n == 0 && !b) continue;
    switch (b ? judge_bounds(*b, t.bound, t.value) : judge(s, t.bound, t.value)) {
      case Verdict::Met: ++out.intervals_met; break;
      case Verdict::Missed: ++out.intervals_missed; break;
      case Verdict::Inconclusive:
        ++out.intervals_inconclusive;
        out.intervals_undecidable += b && bounds_undecidable(*b, t.bound, t.value);
        break;
    }
    if (s.n > 0 && (!out.worst_interval || worse(s, out.stat, t.bound))) {
      out.worst_interval = ir.interval;
      out.stat = s;
    }
  }
  const double judged = out.intervals_met + out.intervals_missed + out.intervals_inconclusive;
  if (judged == 0) return out;
  // A share met within rounding of the required one counts as met (0.9 of 10 intervals).
  const double need = t.share_of_intervals * judged - 1e-9;
  if (out.intervals_met >= need)
    out.verdict = Verdict::Met;
  else if (out.intervals_met + out.intervals_inconclusive < need)
    out.verdict = Verdict::Missed;
  return out;
}

}  // namespace ccsim::models
