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

bool backlog_may_decide(const KpiStats& stats, Kpi k) {
  if (k != Kpi::ServiceLevel && k != Kpi::SlOverAdmitted && k != Kpi::SlOverOffered && k != Kpi::SlOverAnswered &&
      k != Kpi::SlExcludingShortAbandons && std::ranges::find(kSlThresholdKpis, k) == kSlThresholdKpis.end())
    return false;
  // Equal bounds (or none: no e-mail, no contact) leave nothing undecided.
  return stat_of(stats, Kpi::SlIfBacklogLate).mean < stat_of(stats, Kpi::SlIfBacklogInTime).mean;
}

Verdict judge_kpi(const KpiStats& stats, Kpi k, TargetBound bound, double value, std::optional<KpiStat>* unconfirmed) {
  const Verdict v = judge(stat_of(stats, k), bound, value);
  if (v == Verdict::Inconclusive || !backlog_may_decide(stats, k)) return v;
  // The bounds follow the service level's own definition; its other forms have none.
  if (k != Kpi::ServiceLevel) return Verdict::Inconclusive;
  // The bound that could still overturn v: "at least" is met only if met at the lower one.
  const bool low = (v == Verdict::Met) == (bound == TargetBound::AtLeast);
  const KpiStat& b = stat_of(stats, low ? Kpi::SlIfBacklogLate : Kpi::SlIfBacklogInTime);
  if (judge(b, bound, value) == v) return v;
  if (unconfirmed) *unconfirmed = b;
  return Verdict::Inconclusive;
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
    out.verdict = judge_kpi(stats, t.kpi, t.bound, t.value, &out.backlog_bound);
    return out;
  }
  // Intervals where no observation defines the KPI (no calls of the type, say) hold no
  // evidence either way and are left out of the count.
  out.stat = KpiStat{std::nan(""), std::nan(""), 0};
  for (const IntervalResult& ir : r.by_interval) {
    const KpiStats& stats = target_stats(t, ir.kpis, ir.by_type, ir.by_group);
    const KpiStat& s = stat_of(stats, t.kpi);
    if (s.n == 0) continue;
    switch (judge_kpi(stats, t.kpi, t.bound, t.value)) {
      case Verdict::Met: ++out.intervals_met; break;
      case Verdict::Missed: ++out.intervals_missed; break;
      case Verdict::Inconclusive: ++out.intervals_inconclusive; break;
    }
    if (!out.worst_interval || worse(s, out.stat, t.bound)) {
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
