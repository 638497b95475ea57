// cli/compare.cc
// KPI-by-KPI comparison of a run with its baseline; the statistics are in
// sim/stats/hypothesis.h, the decision rules are documented in docs/check.md.
#include "cli/compare.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>

#include "models/kpi/kpi_names.h"
#include "sim/stats/hypothesis.h"

namespace ccsim::cli {

std::string_view outcome_name(KpiOutcome o) {
  switch (o) {
    case KpiOutcome::Same: return "same";
    case KpiOutcome::WithinTolerance: return "within_tolerance";
    case KpiOutcome::NotSignificant: return "not_significant";
    case KpiOutcome::Changed: return "changed";
    case KpiOutcome::Undecided: return "undecided";
    case KpiOutcome::DefinedOnOneSide: return "defined_on_one_side";
  }
  return "unknown";
}

std::size_t Comparison::count(KpiOutcome o) const {
  std::size_t n = 0;
  for (const KpiComparison& k : kpis) n += k.outcome == o ? 1 : 0;
  return n;
}

double kpi_tolerance(std::string_view kpi, double baseline_mean, const models::CheckSpec& settings) {
  const std::optional<models::Kpi> k = models::kpi_from_name(kpi);
  if (k && settings.tolerance_absolute[static_cast<std::size_t>(*k)])
    return *settings.tolerance_absolute[static_cast<std::size_t>(*k)];
  const bool fraction = (k && models::kpi_is_fraction(*k)) || kpi == "share" || kpi == "work_share";
  if (fraction) return settings.tolerance_fraction;
  return settings.tolerance_relative * std::fabs(baseline_mean);
}

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Outcome before the multiple-testing step; Changed here means "beyond tolerance and
// testable", settled once the Holm-adjusted p-value is known.
// The two runs' observations of one overall KPI, when the runs can be paired.
struct Pairing {
  std::vector<double> baseline, now;
};

KpiComparison first_look(const BaselineKpi& b, double b_conf, const BaselineKpi& n, double n_conf,
                         const Pairing* pairing, const models::CheckSpec& settings) {
  KpiComparison c{b.pointer, b.kpi, b.stat, n.stat, kNaN, kNaN, kNaN, kNaN, false, KpiOutcome::Same};
  if (b.stat.n == 0 || n.stat.n == 0) {
    c.outcome = b.stat.n == n.stat.n ? KpiOutcome::Same : KpiOutcome::DefinedOnOneSide;
    return c;
  }
  c.difference = n.stat.mean - b.stat.mean;
  c.tolerance = kpi_tolerance(b.kpi, b.stat.mean, settings);
  // The reader and the tallies guarantee a finite half-width >= 0 when n >= 2.
  if (pairing) {
    c.p = sim::paired_t_test(pairing->baseline, pairing->now).p;
    c.paired = true;
  } else if (b.stat.n + n.stat.n >= 3 && (std::min(b.stat.n, n.stat.n) >= 2 ||
                                           (b.stat.n >= 2 ? b.stat.half_width : n.stat.half_width) > 0.0)) {
    // A KPI that is rarely defined (the mean wait of abandoned calls in a quiet interval)
    // may have one observation on a side: it is then tested against the other side's spread.
    // Against a side with no spread (no abandon in any replication) one value says nothing.
    const auto sd = [](const models::KpiStat& s, double conf) {
      return s.n >= 2 ? sim::sd_from_half_width(s.half_width, s.n, conf) : 0.0;
    };
    c.p = sim::pooled_t_test({b.stat.mean, sd(b.stat, b_conf), b.stat.n}, {n.stat.mean, sd(n.stat, n_conf), n.stat.n}).p;
  }
  if (c.difference == 0.0) {
    c.outcome = KpiOutcome::Same;
  } else if (std::fabs(c.difference) <= c.tolerance) {
    c.outcome = KpiOutcome::WithinTolerance;
  } else {
    c.outcome = std::isnan(c.p) ? KpiOutcome::Undecided : KpiOutcome::Changed;
  }
  return c;
}

// Pairs per overall KPI when both runs kept their observations, on the same seed and
// replications: observation i of both then came from the same substreams.
std::map<std::string, Pairing, std::less<>> pairings(const Baseline& baseline, const Baseline& now,
                                                     std::size_t& observations) {
  std::map<std::string, Pairing, std::less<>> out;
  observations = 0;
  if (baseline.seed != now.seed || baseline.replications != now.replications || baseline.observations.empty() ||
      baseline.observations.size() != now.observations.size())
    return out;
  for (std::size_t k = 0; k < models::kNumKpis; ++k) {
    Pairing p;
    std::size_t both = 0;
    for (std::size_t i = 0; i < now.observations.size(); ++i) {
      p.baseline.push_back(baseline.observations[i][k]);
      p.now.push_back(now.observations[i][k]);
      both += std::isfinite(p.baseline.back()) && std::isfinite(p.now.back()) ? 1 : 0;
    }
    if (both >= 2) out.emplace("/kpis/overall/" + std::string(models::kKpiNames[k]), std::move(p));
  }
  if (!out.empty()) observations = now.observations.size();
  return out;
}

}  // namespace

Comparison compare_kpis(const Baseline& baseline, const Baseline& now, const models::CheckSpec& settings) {
  Comparison out;
  const auto paired = pairings(baseline, now, out.paired_on);
  std::map<std::string_view, const BaselineKpi*> current;
  for (const BaselineKpi& k : now.kpis) current.emplace(k.pointer, &k);
  std::set<std::string_view> in_baseline;
  for (const BaselineKpi& b : baseline.kpis) {
    in_baseline.insert(b.pointer);
    const auto it = current.find(b.pointer);
    if (it == current.end()) {
      out.only_in_baseline.push_back(b.pointer);
      continue;
    }
    const auto pairing = paired.find(b.pointer);
    out.kpis.push_back(first_look(b, baseline.confidence, *it->second, now.confidence,
                                  pairing == paired.end() ? nullptr : &pairing->second, settings));
  }
  for (const BaselineKpi& k : now.kpis)
    if (!in_baseline.contains(k.pointer)) out.only_now.push_back(k.pointer);

  // Holm over every KPI that has a p-value: equal and within-tolerance ones count too,
  // as they were tested just the same.
  std::vector<double> p;
  for (const KpiComparison& c : out.kpis)
    if (!std::isnan(c.p)) p.push_back(c.p);
  const std::vector<double> adjusted = sim::holm_adjust(p);
  out.tested = p.size();
  std::size_t i = 0;
  for (KpiComparison& c : out.kpis) {
    if (std::isnan(c.p)) continue;
    c.p_adjusted = adjusted[i++];
    if (c.outcome == KpiOutcome::Changed && c.p_adjusted > settings.alpha) c.outcome = KpiOutcome::NotSignificant;
  }
  return out;
}

}  // namespace ccsim::cli
