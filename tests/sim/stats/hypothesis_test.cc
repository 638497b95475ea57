// tests/sim/stats/hypothesis_test.cc
// Student's pooled t-test against a value computed by hand (and checked with mpmath), the sd
// behind a half-width, zero variances, and Holm's adjustment on a worked example.
#include "sim/stats/hypothesis.h"

#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>
#include <vector>

#include "sim/stats/tally.h"

namespace ccsim::sim {
namespace {

TEST(PooledTTest, MatchesAHandComputedExample) {
  // a: mean 10, sd 2, n 10; b: mean 12, sd 3, n 15.
  // sp^2 = (9 * 4 + 14 * 9) / 23 = 162/23; se^2 = sp^2 (1/10 + 1/15) = 27/23;
  // t = 2 / sqrt(27/23) = 1.8459164139817944; df = 23;
  // p = I_{df/(df+t^2)}(df/2, 1/2) = 0.07781566431254170 (mpmath, 30 digits).
  const TTestResult r = pooled_t_test({10.0, 2.0, 10}, {12.0, 3.0, 15});
  EXPECT_NEAR(r.t, 1.8459164139817944, 1e-14);
  EXPECT_EQ(r.df, 23.0);
  EXPECT_NEAR(r.p, 0.0778156643125417, 1e-12);
  // Swapping the samples flips the sign of t only.
  const TTestResult s = pooled_t_test({12.0, 3.0, 15}, {10.0, 2.0, 10});
  EXPECT_DOUBLE_EQ(s.t, -r.t);
  EXPECT_DOUBLE_EQ(s.p, r.p);
}

TEST(PooledTTest, FarTailKeepsATinyPositivePValue) {
  const TTestResult r = pooled_t_test({0.0, 1.0, 30}, {10.0, 1.0, 30});
  EXPECT_GT(r.p, 0.0);
  EXPECT_LT(r.p, 1e-20);
}

TEST(PooledTTest, ConstantSamplesAreEqualOrCertainlyDifferent) {
  EXPECT_EQ(pooled_t_test({5.0, 0.0, 10}, {5.0, 0.0, 20}).p, 1.0);
  const TTestResult r = pooled_t_test({5.0, 0.0, 10}, {6.0, 0.0, 20});
  EXPECT_EQ(r.p, 0.0);
  EXPECT_TRUE(std::isinf(r.t) && r.t > 0);
}

TEST(PooledTTest, ASmallSampleThatCameOutConstantBorrowsTheOthersVariance) {
  // Two equal replications (sd 0) against a baseline of 30 with sd 10: the difference of
  // 3 is 0.29 pooled standard errors, nowhere near significant (Welch's test would have
  // judged it against the baseline's standard error alone, t = 1.64).
  const TTestResult r = pooled_t_test({100.0, 10.0, 30}, {103.0, 0.0, 2});
  EXPECT_EQ(r.df, 30.0);
  EXPECT_NEAR(r.t, 3.0 / std::sqrt(29.0 * 100.0 / 30.0 * (1.0 / 30 + 1.0 / 2)), 1e-12);
  EXPECT_GT(r.p, 0.5);
}

TEST(PairedTTest, MatchesAHandComputedExample) {
  // Differences 0.5, 0.4, 0.6, 0.3: mean 0.45, sd sqrt(0.05 / 3), t = 6.971370023173351
  // with 3 degrees of freedom, p = 0.006056848795908392 (mpmath, 30 digits). A pair with
  // an undefined value (NaN) is left out.
  const TTestResult r = paired_t_test({1.0, 2.0, 3.0, 4.0, NAN}, {1.5, 2.4, 3.6, 4.3, 7.0});
  EXPECT_NEAR(r.t, 6.971370023173351, 1e-12);
  EXPECT_EQ(r.df, 3.0);
  EXPECT_NEAR(r.p, 0.006056848795908392, 1e-12);
  // The same values unpaired are far from significant: the pairing is the point.
  EXPECT_GT(pooled_t_test({2.5, 1.2909944487358056, 4}, {2.95, 1.2013880860626733, 4}).p, 0.6);
}

TEST(PairedTTest, EqualDifferencesAreCertainAndMismatchedSamplesAreRejected) {
  EXPECT_EQ(paired_t_test({1.0, 2.0}, {1.0, 2.0}).p, 1.0);
  const TTestResult r = paired_t_test({1.0, 2.0, 3.0}, {2.0, 3.0, 4.0});
  EXPECT_EQ(r.p, 0.0);
  EXPECT_TRUE(std::isinf(r.t) && r.t > 0);
  EXPECT_THROW(paired_t_test({1.0, 2.0}, {1.0}), std::domain_error);
  EXPECT_THROW(paired_t_test({1.0, NAN}, {1.0, 2.0}), std::domain_error);
}

TEST(PooledTTest, RejectsSamplesWithoutAVariance) {
  EXPECT_THROW(pooled_t_test({5.0, 1.0, 1}, {6.0, 2.0, 1}), std::domain_error);
  EXPECT_THROW(pooled_t_test({5.0, 1.0, 0}, {6.0, 2.0, 16}), std::domain_error);
  EXPECT_THROW(pooled_t_test({5.0, NAN, 10}, {6.0, 2.0, 16}), std::domain_error);
  EXPECT_THROW(pooled_t_test({5.0, -1.0, 10}, {6.0, 2.0, 16}), std::domain_error);
}

// One value against a sample: t = (x - mean) / (sd sqrt(1 + 1/n)) on n - 1 degrees of
// freedom, the prediction-interval test; the single value's sd is ignored.
TEST(PooledTTest, ASingleValueIsTestedAgainstTheOtherSamplesSpread) {
  const TTestResult r = pooled_t_test({10.0, 2.0, 5}, {14.0, 123.0, 1});
  EXPECT_DOUBLE_EQ(r.df, 4.0);
  EXPECT_DOUBLE_EQ(r.t, 4.0 / (2.0 * std::sqrt(1.0 + 1.0 / 5.0)));
  // t = 1.8257 on 4 df: two-sided p = 0.141927 (the t density integrated numerically).
  EXPECT_NEAR(r.p, 0.141927, 1e-6);
  EXPECT_EQ(pooled_t_test({14.0, 0.0, 1}, {10.0, 2.0, 5}).p, r.p);
}

TEST(SdFromHalfWidth, InvertsTallyHalfWidth) {
  Tally t;
  for (double x : {3.0, 7.0, 4.0, 9.0, 5.5, 6.0}) t.add(x);
  EXPECT_NEAR(sd_from_half_width(t.half_width(0.95), t.count(), 0.95), t.stddev(), 1e-12);
  EXPECT_NEAR(sd_from_half_width(t.half_width(0.9), t.count(), 0.9), t.stddev(), 1e-12);
  // By hand: hw = t_{0.975, 9} * 2 / sqrt(10) = 2.2621571628 * 0.6324555320 = 1.4307...
  EXPECT_NEAR(sd_from_half_width(2.2621571627982055 * 2.0 / std::sqrt(10.0), 10, 0.95), 2.0, 1e-12);
  EXPECT_EQ(sd_from_half_width(0.0, 10, 0.95), 0.0);
  EXPECT_THROW(sd_from_half_width(1.0, 1, 0.95), std::domain_error);
  EXPECT_THROW(sd_from_half_width(-1.0, 10, 0.95), std::domain_error);
  EXPECT_THROW(sd_from_half_width(1.0, 10, 1.0), std::domain_error);
}

TEST(HolmAdjust, WorkedExample) {
  // Sorted: 0.005 * 4 = 0.02, 0.01 * 3 = 0.03, 0.03 * 2 = 0.06, 0.04 * 1 = 0.04 -> 0.06
  // (adjusted values never decrease along the sorted order). Returned in input order.
  const std::vector<double> adj = holm_adjust({0.01, 0.04, 0.03, 0.005});
  ASSERT_EQ(adj.size(), 4u);
  EXPECT_DOUBLE_EQ(adj[0], 0.03);
  EXPECT_DOUBLE_EQ(adj[1], 0.06);
  EXPECT_DOUBLE_EQ(adj[2], 0.06);
  EXPECT_DOUBLE_EQ(adj[3], 0.02);
}

TEST(HolmAdjust, CapsAtOneAndRejectsBadPValues) {
  const std::vector<double> adj = holm_adjust({0.5, 0.9, 1.0});
  for (double a : adj) EXPECT_EQ(a, 1.0);
  EXPECT_TRUE(holm_adjust({}).empty());
  EXPECT_THROW(holm_adjust({0.1, NAN}), std::domain_error);
  EXPECT_THROW(holm_adjust({1.5}), std::domain_error);
}

}  // namespace
}  // namespace ccsim::sim
