// tests/sim/stats/tally_test.cc
// Tally: Welford's recurrences against a two-pass computation, the Student-t half-width
// against tabulated quantiles, merging, and the NaN conventions of small samples.
#include "sim/stats/tally.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstddef>
#include <stdexcept>
#include <vector>

#include "sim/rng/mrg32k3a.h"

namespace ccsim::sim {
namespace {

TEST(Tally, WelfordMatchesTwoPassOnLargeOffsetData) {
  // 1e9 plus noise in (0, 1): E[X^2] - E[X]^2 would cancel every significant digit. The
  // reference works on the noise alone (x - 1e9 is exact here), where a plain two-pass
  // computation is accurate, and uses that variance is shift-invariant.
  Mrg32k3a g = Mrg32k3a::from_seed(1);
  std::vector<double> x(100000);
  for (double& v : x) v = 1e9 + g.next_u01();
  Tally t;
  for (double v : x) t.add(v);

  double noise_mean = 0.0;
  for (double v : x) noise_mean += v - 1e9;
  noise_mean /= static_cast<double>(x.size());
  double ss = 0.0;
  for (double v : x) ss += (v - 1e9 - noise_mean) * (v - 1e9 - noise_mean);
  const double var = ss / static_cast<double>(x.size() - 1);

  EXPECT_EQ(t.count(), x.size());
  // The running mean is rounded to the double grid near 1e9 (spacing 1.2e-7) at each of the
  // 1e5 updates; a relative error of 1e-14 is what that allows.
  EXPECT_NEAR(t.mean() - 1e9, noise_mean, 1e-5);
  EXPECT_NEAR(t.variance(), var, 1e-6 * var);
  EXPECT_NEAR(t.variance(), 1.0 / 12.0, 0.01);  // uniform noise
}

TEST(Tally, TracksMinMaxAndSum) {
  Tally t;
  for (double v : {3.0, -1.5, 7.25, 0.0}) t.add(v);
  EXPECT_EQ(t.min(), -1.5);
  EXPECT_EQ(t.max(), 7.25);
  EXPECT_EQ(t.sum(), 8.75);
  EXPECT_DOUBLE_EQ(t.mean(), 8.75 / 4.0);
}

TEST(Tally, EmptyAndSingleValueStatisticsAreNaN) {
  Tally t;
  EXPECT_EQ(t.count(), 0u);
  EXPECT_TRUE(std::isnan(t.mean()));
  EXPECT_TRUE(std::isnan(t.min()));
  EXPECT_TRUE(std::isnan(t.max()));
  EXPECT_TRUE(std::isnan(t.variance()));
  EXPECT_EQ(t.sum(), 0.0);
  t.add(4.0);
  EXPECT_EQ(t.mean(), 4.0);
  EXPECT_TRUE(std::isnan(t.variance()));
  EXPECT_TRUE(std::isnan(t.stddev()));
  EXPECT_TRUE(std::isnan(t.half_width(0.95)));
}

TEST(Tally, StudentQuantileMatchesTables) {
  EXPECT_NEAR(student_t_quantile(0.975, 9), 2.262157162, 1e-9);
  EXPECT_NEAR(student_t_quantile(0.975, 1), 12.70620474, 1e-8);
  EXPECT_NEAR(student_t_quantile(0.95, 30), 1.697260887, 1e-9);
  EXPECT_NEAR(student_t_quantile(0.995, 29), 2.756385904, 1e-9);
  EXPECT_NEAR(student_t_quantile(0.025, 9), -2.262157162, 1e-9);
  EXPECT_NEAR(student_t_quantile(0.975, 1e7), 1.959963984540054, 1e-6);
  EXPECT_THROW(student_t_quantile(1.0, 9), std::domain_error);
  EXPECT_THROW(student_t_quantile(0.5, 0), std::domain_error);
}

TEST(Tally, HalfWidthUsesStudentTWithNMinusOneDegrees) {
  Tally t;
  for (int i = 1; i <= 10; ++i) t.add(i);
  // 1..10: mean 5.5, sample variance 55/6; t_{0.975, 9} = 2.262157162.
  EXPECT_DOUBLE_EQ(t.mean(), 5.5);
  EXPECT_DOUBLE_EQ(t.variance(), 55.0 / 6.0);
  EXPECT_NEAR(t.half_width(0.95), 2.262157162 * std::sqrt(55.0 / 6.0) / std::sqrt(10.0), 1e-8);
  EXPECT_THROW(t.half_width(1.0), std::domain_error);
  EXPECT_THROW(t.half_width(0.0), std::domain_error);
}

TEST(Tally, MergeEqualsOneTallyOverBothSequences) {
  Mrg32k3a g = Mrg32k3a::from_seed(2);
  Tally all;
  Tally a;
  Tally b;
  for (int i = 0; i < 1000; ++i) {
    const double v = 50.0 + 10.0 * g.next_u01();
    all.add(v);
    (i < 300 ? a : b).add(v);
  }
  Tally merged = a;
  merged.merge(b);
  EXPECT_EQ(merged.count(), all.count());
  EXPECT_NEAR(merged.mean(), all.mean(), 1e-12);
  EXPECT_NEAR(merged.variance(), all.variance(), 1e-10);
  EXPECT_EQ(merged.min(), all.min());
  EXPECT_EQ(merged.max(), all.max());
  EXPECT_NEAR(merged.sum(), all.sum(), 1e-9);

  Tally empty;
  empty.merge(a);
  EXPECT_EQ(empty.count(), a.count());
  EXPECT_EQ(empty.mean(), a.mean());
  a.merge(Tally{});
  EXPECT_EQ(a.count(), 300u);
}

TEST(Tally, ResetForgetsEverything) {
  Tally t;
  t.add(1.0);
  t.add(2.0);
  t.reset();
  EXPECT_EQ(t.count(), 0u);
  EXPECT_TRUE(std::isnan(t.mean()));
  t.add(5.0);
  EXPECT_EQ(t.min(), 5.0);
  EXPECT_EQ(t.max(), 5.0);
}

}  // namespace
}  // namespace ccsim::sim
