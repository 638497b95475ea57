#include "models/experiment/sequential.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "models/targets.h"

namespace ccsim::models {

double units_of(const RunResults& r) {
  return static_cast<double>(r.replications > 1 ? r.replications : r.observations);
}

TargetCheck assess(const TargetResult& t, double units, const std::string& unit) {
  TargetCheck c{t, std::nullopt, "", true};
  if (t.verdict != Verdict::Inconclusive) return c;
  if (t.backlog && t.target.scope == TargetScope::Day) {
    const BacklogBounds& b = *t.backlog;
    if (bounds_undecidable(b, t.target.bound, t.target.value)) {
      c.decidable = false;
      c.note = b.late ? fmt::format("the e-mails not yet due at the close decide it: the service level will be "
                                    "{:.1f}% with each answered late, {:.1f}% with each in time; a run ending at the close cannot "
                                    "tell, however many {}",
                                    100.0 * b.late->mean, 100.0 * b.in_time->mean, unit)
                      : fmt::format("e-mails not yet due at the close decide it, and {} has no bounds: target "
                                    "service_level instead",
                                    kpi_name(t.target.kpi));
      return c;
    }
    // The bound whose mean lies on the side it must reach decides it in time; the
    // half-width shrinks as 1/sqrt(n).
    const bool at_least = t.target.bound == TargetBound::AtLeast;
    const KpiStat& for_met = at_least ? *b.late : *b.in_time;
    const KpiStat& for_missed = at_least ? *b.in_time : *b.late;
    const auto met_side = [&](double m) { return at_least ? m > t.target.value : m < t.target.value; };
    const KpiStat* d = met_side(for_met.mean) ? &for_met : !met_side(for_missed.mean) ? &for_missed : nullptr;
    if (d && d->n >= 2 && std::isfinite(d->half_width)) {
      const double gap = std::fabs(d->mean - t.target.value);
      if (gap > 0.0) c.needed = units * (d->half_width / gap) * (d->half_width / gap);
    }
    if (!c.needed) c.note = "the e-mails not yet due at the close may decide it";
    return c;
  }
  if (t.target.scope == TargetScope::Intervals && t.intervals_undecidable > 0) {
    // The intervals no replication count decides stay inconclusive: the others may still
    // reach "met" (all of them met) or "missed" (all of them missed), or neither.
    const double judged = t.intervals_met + t.intervals_missed + t.intervals_inconclusive;
    const double need = t.target.share_of_intervals * judged - 1e-9;
    const std::uint32_t open = t.intervals_inconclusive - t.intervals_undecidable;
    if (t.intervals_met + open < need && t.intervals_met + t.intervals_undecidable >= need) {
      c.decidable = false;
      c.note = fmt::format("{} interval{} undecided, which e-mails not yet due at the close decide: a run ending at "
                           "the close cannot tell, however many {}",
                           t.intervals_undecidable, t.intervals_undecidable == 1 ? "" : "s", unit);
      return c;
    }
  }
  const double gap = std::fabs(t.stat.mean - t.target.value);
  if (t.target.scope == TargetScope::Intervals) {
    // Each interval has its own interval estimate; the worst one alone does not say how
    // many replications would decide the others.
    c.note = fmt::format("{} interval{} undecided", t.intervals_inconclusive, t.intervals_inconclusive == 1 ? "" : "s");
  } else if (t.stat.n < 2 || !std::isfinite(t.stat.half_width)) {
    c.note = fmt::format("no confidence interval from {} observation{}: run at least 2 {}", t.stat.n,
                         t.stat.n == 1 ? "" : "s", unit);
  } else if (gap == 0.0) {
    c.note = "cannot be decided: the mean equals the target (more replications cannot move the interval off it)";
  } else {
    // The half-width shrinks as 1/sqrt(n): it falls below the gap after about this many.
    c.needed = units * (t.stat.half_width / gap) * (t.stat.half_width / gap);
  }
  return c;
}

namespace {

// Whether a target KPI's relative half-width is within `precision`, and if not how many
// units would bring it there (none when the KPI's mean is 0 or it has no interval).
struct PrecisionCheck {
  bool reached;
  std::optional<double> needed;
};
PrecisionCheck precision_of(const KpiStat& s, double precision, double units) {
  if (s.n < 2 || !std::isfinite(s.half_width) || s.mean == 0.0) return {false, std::nullopt};
  const double relative = s.half_width / std::fabs(s.mean);
  if (relative <= precision) return {true, std::nullopt};
  return {false, units * (relative / precision) * (relative / precision)};
}

// Whether the sequential rule holds; if not, the largest estimate of the replications
// that would make it hold (none when some target cannot be estimated).
struct RuleCheck {
  bool holds = true;
  std::optional<double> needed;
};
RuleCheck sequential_rule(const RunResults& r, std::optional<double> precision, const std::string& unit) {
  RuleCheck rule;
  bool estimable = true;
  double needed = 0.0;
  for (const TargetResult& t : r.targets) {
    std::optional<double> n;
    if (precision) {
      const PrecisionCheck p = precision_of(t.stat, *precision, units_of(r));
      if (p.reached) continue;
      n = p.needed;
    } else {
      if (t.verdict != Verdict::Inconclusive) continue;
      const TargetCheck c = assess(t, units_of(r), unit);
      if (!c.decidable) continue;  // no replication count would decide it
      n = c.needed;
    }
    rule.holds = false;
    if (n) needed = std::max(needed, *n);
    estimable = estimable && n.has_value();
  }
  if (!rule.holds && estimable) rule.needed = needed;
  return rule;
}

// The next replication count: the estimate, but at least a quarter more and at most four
// times as many (the estimate is noisy while n is small), and never beyond the cap.
// Without an estimate, twice as many.
std::uint32_t next_count(std::uint32_t n, std::optional<double> needed, std::uint32_t cap) {
  const std::uint64_t lo = n + std::max<std::uint64_t>(1, (n + 3) / 4);
  const std::uint64_t hi = std::max<std::uint64_t>(lo, std::uint64_t{4} * n);
  std::uint64_t next = std::uint64_t{2} * n;
  if (needed)
    next = *needed >= static_cast<double>(hi) ? hi : std::max(lo, static_cast<std::uint64_t>(std::ceil(*needed)));
  return static_cast<std::uint32_t>(std::min<std::uint64_t>(next, cap));
}

}  // namespace

SequentialCheck run_sequential(Experiment& experiment, std::uint32_t start, std::uint32_t cap,
                               std::optional<double> precision, const std::string& unit,
                               const std::function<std::uint32_t(std::uint32_t)>& agree) {
  SequentialCheck s;
  s.start = start;
  s.max = cap;
  s.precision = precision;
  experiment.extend_to(start);
  for (;;) {
    // 0 = stop. Under MPI only the root's decision counts (it alone holds the results).
    std::uint32_t next = 0;
    const RunResults r = experiment.results();
    if (r.observations > 0) {
      const RuleCheck rule = sequential_rule(r, precision, unit);
      s.satisfied = rule.holds;
      s.needed = rule.needed;
      if (!rule.holds && experiment.done() < cap) next = next_count(experiment.done(), rule.needed, cap);
    }
    if (agree) next = agree(next);
    if (next == 0) return s;
    experiment.extend_to(next);
    ++s.rounds;
  }
}

}  // namespace ccsim::models
