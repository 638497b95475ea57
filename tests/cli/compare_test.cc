// tests/cli/compare_test.cc
// KPI comparison with a baseline: the t-test's p-value from stored half-widths against a
// hand-computed value, flagged only when significant AND beyond tolerance, Holm's
// correction, zero half-widths, small n, undefined and missing KPIs, tolerances.
#include "cli/compare.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>

#include "sim/stats/hypothesis.h"
#include "sim/stats/tally.h"

namespace ccsim::cli {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// The half-width that `ccsim` reports for a sample of this mean, sd and n at 95 %.
models::KpiStat stat(double mean, double sd, std::uint64_t n) {
  if (n == 0) return {kNaN, kNaN, 0};
  if (n == 1) return {mean, kNaN, 1};
  return {mean, sim::student_t_quantile(0.975, static_cast<double>(n) - 1.0) * sd / std::sqrt(static_cast<double>(n)),
          n};
}

Baseline one(const std::string& kpi, models::KpiStat s) {
  Baseline b;
  b.confidence = 0.95;
  b.kpis.push_back({"/kpis/overall/" + kpi, kpi, s});
  return b;
}

// A copy: callers bind it to a reference while compare_kpis' result is a temporary, and a
// reference into that result dangled past the statement (AddressSanitizer found it).
KpiComparison only(const Comparison& c) {
  EXPECT_EQ(c.kpis.size(), 1u);
  return c.kpis.front();
}

TEST(CompareKpis, PValueFromHalfWidthsMatchesAHandComputedValue) {
  // mean 10, sd 2, n 10 against mean 12, sd 3, n 15: pooled t = 1.84592, df = 23,
  // p = 0.0778157 (sim/stats/hypothesis_test.cc has the arithmetic). Tolerance 5 % of 10
  // = 0.5 < 2.
  const Comparison c = compare_kpis(one("asa_s", stat(10, 2, 10)), one("asa_s", stat(12, 3, 15)), {});
  const KpiComparison& k = only(c);
  EXPECT_NEAR(k.p, 0.0778156643125417, 1e-9);
  EXPECT_DOUBLE_EQ(k.difference, 2.0);
  EXPECT_DOUBLE_EQ(k.tolerance, 0.5);
  EXPECT_EQ(c.tested, 1u);
  EXPECT_EQ(k.outcome, KpiOutcome::NotSignificant);  // p > 0.01
  models::CheckSpec loose;
  loose.alpha = 0.1;
  EXPECT_EQ(only(compare_kpis(one("asa_s", stat(10, 2, 10)), one("asa_s", stat(12, 3, 15)), loose)).outcome,
            KpiOutcome::Changed);
}

TEST(CompareKpis, ConfidenceOfEachSideIsUsedToRecoverItsSd) {
  // The same sample reported at 90 % has a narrower half-width; read back at 90 % it is the
  // same sample, so the p-value must not change.
  Baseline b90 = one("asa_s", stat(10, 2, 10));
  b90.confidence = 0.9;
  b90.kpis[0].stat.half_width = sim::student_t_quantile(0.95, 9.0) * 2.0 / std::sqrt(10.0);
  const double p95 = only(compare_kpis(one("asa_s", stat(10, 2, 10)), one("asa_s", stat(12, 3, 15)), {})).p;
  EXPECT_NEAR(only(compare_kpis(b90, one("asa_s", stat(12, 3, 15)), {})).p, p95, 1e-12);
}

TEST(CompareKpis, ShiftBeyondToleranceAndSignificantIsFlagged) {
  const Comparison c = compare_kpis(one("asa_s", stat(10, 1, 30)), one("asa_s", stat(12, 1, 30)), {});
  EXPECT_EQ(only(c).outcome, KpiOutcome::Changed);
  EXPECT_LT(only(c).p_adjusted, 1e-6);
  EXPECT_EQ(c.count(KpiOutcome::Changed), 1u);
}

TEST(CompareKpis, SignificantShiftWithinToleranceIsNotFlagged) {
  // 10 -> 10.4: certainly different (sd 0.1, n 30) but within 5 % of 10.
  EXPECT_EQ(only(compare_kpis(one("asa_s", stat(10, 0.1, 30)), one("asa_s", stat(10.4, 0.1, 30)), {})).outcome,
            KpiOutcome::WithinTolerance);
  // A fraction: 0.800 -> 0.809 is within one percentage point.
  EXPECT_EQ(only(compare_kpis(one("p_wait_over_admitted", stat(0.8, 0.001, 30)), one("p_wait_over_admitted", stat(0.809, 0.001, 30)), {})).outcome,
            KpiOutcome::WithinTolerance);
  // ... and 0.800 -> 0.812 is not.
  EXPECT_EQ(only(compare_kpis(one("p_wait_over_admitted", stat(0.8, 0.001, 30)), one("p_wait_over_admitted", stat(0.812, 0.001, 30)), {})).outcome,
            KpiOutcome::Changed);
}

TEST(CompareKpis, LargeShiftThatIsNotSignificantIsNotFlagged) {
  // 10 -> 13 with sd 10 over 5 replications: beyond 5 %, but noise.
  const KpiComparison& k = only(compare_kpis(one("asa_s", stat(10, 10, 5)), one("asa_s", stat(13, 10, 5)), {}));
  EXPECT_EQ(k.outcome, KpiOutcome::NotSignificant);
  EXPECT_GT(k.p, 0.5);
}

TEST(CompareKpis, HolmCorrectionOverManyKpisRemovesALoneFalseAlarm) {
  // Alone, p ~ 0.003 < 0.01 is flagged; among 10 KPIs tested it needs p <= 0.001.
  const models::KpiStat a = stat(10, 1, 30), b = stat(10.84, 1, 30);
  const double p = only(compare_kpis(one("asa_s", a), one("asa_s", b), {})).p;
  ASSERT_GT(p, 0.001);
  ASSERT_LT(p, 0.01);
  EXPECT_EQ(only(compare_kpis(one("asa_s", a), one("asa_s", b), {})).outcome, KpiOutcome::Changed);
  Baseline base = one("asa_s", a), now = one("asa_s", b);
  for (int i = 0; i < 9; ++i) {
    const std::string name = "offered";
    base.kpis.push_back({"/kpis/by_type/t" + std::to_string(i) + "/offered", name, stat(100, 5, 30)});
    now.kpis.push_back({"/kpis/by_type/t" + std::to_string(i) + "/offered", name, stat(100, 5, 30)});
  }
  const Comparison c = compare_kpis(base, now, {});
  EXPECT_EQ(c.tested, 10u);
  EXPECT_NEAR(c.kpis[0].p_adjusted, 10 * p, 1e-12);
  EXPECT_EQ(c.kpis[0].outcome, KpiOutcome::NotSignificant);
  EXPECT_EQ(c.count(KpiOutcome::Same), 9u);
}

TEST(CompareKpis, ZeroHalfWidthsCompareExactly) {
  // A deterministic KPI (trace arrivals: offered is the same in every replication).
  EXPECT_EQ(only(compare_kpis(one("offered", stat(100, 0, 10)), one("offered", stat(100, 0, 10)), {})).outcome,
            KpiOutcome::Same);
  const KpiComparison& k = only(compare_kpis(one("offered", stat(100, 0, 10)), one("offered", stat(110, 0, 10)), {}));
  EXPECT_EQ(k.outcome, KpiOutcome::Changed);
  EXPECT_EQ(k.p, 0.0);
  // Zero on one side only: a one-sample test.
  EXPECT_EQ(only(compare_kpis(one("offered", stat(100, 0, 10)), one("offered", stat(110, 2, 10)), {})).outcome,
            KpiOutcome::Changed);
}

TEST(CompareKpis, OneObservationOnEachSideCannotBeTestedButEqualOrCloseIsFine) {
  EXPECT_EQ(only(compare_kpis(one("asa_s", stat(10, 0, 1)), one("asa_s", stat(10, 0, 1)), {})).outcome,
            KpiOutcome::Same);
  EXPECT_EQ(only(compare_kpis(one("asa_s", stat(10, 0, 1)), one("asa_s", stat(10.2, 0, 1)), {})).outcome,
            KpiOutcome::WithinTolerance);
  const Comparison c = compare_kpis(one("asa_s", stat(10, 0, 1)), one("asa_s", stat(12, 0, 1)), {});
  EXPECT_EQ(only(c).outcome, KpiOutcome::Undecided);
  EXPECT_TRUE(std::isnan(only(c).p));
  EXPECT_EQ(c.tested, 0u);
}

// A rare KPI defined in one observation of a run is tested against the other run's spread.
TEST(CompareKpis, OneObservationIsTestedAgainstTheOtherSidesSpread) {
  const Comparison c = compare_kpis(one("asa_s", stat(10, 0, 1)), one("asa_s", stat(12, 1, 30)), {});
  EXPECT_EQ(c.tested, 1u);
  // sd 1: t = 2 / sqrt(1 + 1/30) = 1.967 on 29 df, p = 0.0588 > alpha 0.01.
  EXPECT_EQ(only(c).outcome, KpiOutcome::NotSignificant);
  EXPECT_DOUBLE_EQ(only(c).p, sim::pooled_t_test({10, 0, 1}, {12, 1, 30}).p);
  EXPECT_NEAR(only(c).p, 0.0588, 1e-4);
  EXPECT_EQ(only(compare_kpis(one("asa_s", stat(30, 0, 1)), one("asa_s", stat(12, 1, 30)), {})).outcome,
            KpiOutcome::Changed);
  // A side with no spread (the KPI was the same in every observation: no abandon in a quiet
  // interval) gives one value nothing to be tested against.
  const Comparison flat = compare_kpis(one("asa_s", stat(0, 0, 3)), one("asa_s", stat(7, 0, 1)), {});
  EXPECT_EQ(only(flat).outcome, KpiOutcome::Undecided);
  EXPECT_EQ(flat.tested, 0u);
}

TEST(CompareKpis, UndefinedKpis) {
  EXPECT_EQ(only(compare_kpis(one("asa_s", stat(0, 0, 0)), one("asa_s", stat(0, 0, 0)), {})).outcome, KpiOutcome::Same);
  const KpiComparison& k = only(compare_kpis(one("asa_s", stat(0, 0, 0)), one("asa_s", stat(12, 1, 30)), {}));
  EXPECT_EQ(k.outcome, KpiOutcome::DefinedOnOneSide);
  EXPECT_TRUE(std::isnan(k.difference));
}

TEST(CompareKpis, KpisInOneFileOnlyAreListedNotCompared) {
  Baseline base = one("asa_s", stat(10, 1, 30));
  base.kpis.push_back({"/kpis/by_group/support/answered", "answered", stat(50, 2, 30)});
  Baseline now = one("asa_s", stat(10, 1, 30));
  now.kpis.push_back({"/kpis/by_group/helpdesk/answered", "answered", stat(50, 2, 30)});
  const Comparison c = compare_kpis(base, now, {});
  EXPECT_EQ(c.kpis.size(), 1u);
  ASSERT_EQ(c.only_in_baseline.size(), 1u);
  EXPECT_EQ(c.only_in_baseline[0], "/kpis/by_group/support/answered");
  ASSERT_EQ(c.only_now.size(), 1u);
  EXPECT_EQ(c.only_now[0], "/kpis/by_group/helpdesk/answered");
}

TEST(CompareKpis, TolerancesByKindAndOverride) {
  models::CheckSpec s;
  EXPECT_DOUBLE_EQ(kpi_tolerance("p_abandon_over_admitted", 0.2, s), 0.01);
  EXPECT_DOUBLE_EQ(kpi_tolerance("share", 0.7, s), 0.01);
  EXPECT_DOUBLE_EQ(kpi_tolerance("work_share", 0.7, s), 0.01);
  EXPECT_DOUBLE_EQ(kpi_tolerance("asa_s", -20.0, s), 1.0);
  EXPECT_DOUBLE_EQ(kpi_tolerance("blocked", 0.0, s), 0.0);
  EXPECT_DOUBLE_EQ(kpi_tolerance("some_future_kpi", 10.0, s), 0.5);
  s.tolerance_absolute[static_cast<std::size_t>(models::Kpi::AsaS)] = 2.0;
  s.tolerance_fraction = 0.02;
  s.tolerance_relative = 0.1;
  EXPECT_DOUBLE_EQ(kpi_tolerance("asa_s", 100.0, s), 2.0);
  EXPECT_DOUBLE_EQ(kpi_tolerance("p_abandon_over_admitted", 0.2, s), 0.02);
  EXPECT_DOUBLE_EQ(kpi_tolerance("offered", 100.0, s), 10.0);
}

}  // namespace
}  // namespace ccsim::cli
