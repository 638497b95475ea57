// cli/compare.h
// Compares every KPI of a run with its baseline (docs/check.md): Student's pooled t-test on each
// KPI's mean, half-width and n, Holm's correction over all the KPIs tested, and a
// tolerance below which no difference is flagged. No I/O: the caller reports.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "cli/baseline.h"
#include "models/results.h"
#include "models/scenario/check_spec.h"

namespace ccsim::cli {

// What the comparison concluded about one KPI present in both files.
enum class KpiOutcome : std::uint8_t {
  Same,             // equal means (or undefined on both sides)
  WithinTolerance,  // |difference| <= tolerance: never flagged, whatever the test says
  NotSignificant,   // beyond tolerance, but Holm's adjusted p-value is above alpha
  Changed,          // beyond tolerance and significant: flagged
  Undecided,        // beyond tolerance, but each side has n < 2: no variance to test with
  DefinedOnOneSide  // n == 0 on exactly one side (e.g. a group that answered no call)
};

std::string_view outcome_name(KpiOutcome o);

struct KpiComparison {
  std::string pointer;  // as in the baseline file
  std::string kpi;
  models::KpiStat baseline;
  models::KpiStat now;
  double difference;  // now - baseline; NaN when a side is undefined
  double tolerance;   // in the KPI's unit
  double p;           // the t-test's two-sided p-value; NaN when not tested
  double p_adjusted;  // Holm-adjusted over the `tested` KPIs; NaN when not tested
  bool paired;        // p is from the paired test on the runs' observations
  KpiOutcome outcome;
};

struct Comparison {
  std::vector<KpiComparison> kpis;            // present in both, in baseline order
  std::vector<std::string> only_in_baseline;  // pointers the run does not have
  std::vector<std::string> only_now;          // pointers the baseline does not have
  std::size_t tested = 0;                     // the family Holm's correction is over
  std::size_t paired_on = 0;                  // observations each paired test used (0: none paired)

  std::size_t count(KpiOutcome o) const;
};

// The tolerance of `kpi` (a KPI name) for a baseline mean: the absolute tolerance set for
// that KPI, else settings.tolerance_fraction for fractions (kpi_is_fraction, and the
// per-pair "share" and "work_share"), else tolerance_relative * |baseline_mean|.
double kpi_tolerance(std::string_view kpi, double baseline_mean, const models::CheckSpec& settings);

// Compares `now` with `baseline` KPI by KPI (matched by pointer). The overall KPIs are
// compared pair by pair (paired t-test) when both carry their observations and share
// seed and replication count (common random numbers); every other KPI by Student's
// pooled t-test, each side's standard deviation recovered from its half-width, n and
// confidence. Holm's correction is
// applied over every KPI with n >= 2 on both sides, at family-wise level settings.alpha.
Comparison compare_kpis(const Baseline& baseline, const Baseline& now, const models::CheckSpec& settings);

}  // namespace ccsim::cli
