// tests/sim/stats/ratio_tally_test.cc
// RatioTally: the ratio of means and its delta-method half-width on observations worked
// by hand, a zero denominator counted, and the NaN conventions of small samples.
#include "sim/stats/ratio_tally.h"

#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>

#include "sim/rng/mrg32k3a.h"

namespace ccsim::sim {
namespace {

// Four observations (N, D) = (2, 4), (6, 8), (0, 0), (5, 4); the third has no call.
//   R = (2 + 6 + 0 + 5) / (4 + 8 + 0 + 4) = 13 / 16 = 0.8125, mean(D) = 4.
//   Residuals N - R D: 2 - 3.25 = -1.25, 6 - 6.5 = -0.5, 0, 5 - 3.25 = 1.75;
//   their sum of squares 1.5625 + 0.25 + 3.0625 = 4.875, over n - 1 = 3: 1.625.
//   The same from the moments: N has mean 3.25 and s_N^2 = 22.75/3, D mean 4 and
//   s_D^2 = 32/3, s_ND = (2.75 * 4 + -3.25 * -4)/3 = 24/3, and
//   (22.75 - 2 * 0.8125 * 24 + 0.8125^2 * 32)/3 = (22.75 - 39 + 21.125)/3 = 4.875/3.
//   Var(R) = 1.625 / (4 * 4^2) = 13/512; t_{3, 0.975} = 3.182446305284263;
//   half-width = 3.182446305284263 * sqrt(13/512) = 0.5071048691126786.
// The mean of the ratios would leave the third out: (0.5 + 0.75 + 1.25) / 3 = 0.8333.
TEST(RatioTally, GivesTheRatioOfMeansAndItsDeltaMethodHalfWidth) {
  RatioTally t;
  t.add(2, 4);
  t.add(6, 8);
  t.add(0, 0);
  t.add(5, 4);
  EXPECT_EQ(t.count(), 4u) << "an observation with denominator 0 counts";
  EXPECT_DOUBLE_EQ(t.ratio(), 0.8125);
  EXPECT_NEAR(t.half_width(0.95), 0.5071048691126786, 1e-12);
}

TEST(RatioTally, IsUndefinedWithoutADenominatorAndHasNoIntervalFromOneObservation) {
  RatioTally none;
  EXPECT_TRUE(std::isnan(none.ratio()));
  EXPECT_TRUE(std::isnan(none.half_width(0.95)));
  RatioTally zeros;
  zeros.add(0, 0);
  zeros.add(0, 0);
  EXPECT_TRUE(std::isnan(zeros.ratio()));
  EXPECT_TRUE(std::isnan(zeros.half_width(0.95)));
  RatioTally one;
  one.add(3, 4);
  EXPECT_EQ(one.ratio(), 0.75);
  EXPECT_TRUE(std::isnan(one.half_width(0.95)));
  EXPECT_THROW((void)one.half_width(1.0), std::domain_error);
}

// N = 0.3 D exactly: no spread around the ratio, a half-width of 0 (not NaN from a
// residual sum of squares rounded below 0), whatever the spread of D.
TEST(RatioTally, AnExactProportionHasNoSpread) {
  RatioTally t;
  Mrg32k3a g = Mrg32k3a::from_seed(3);
  for (int i = 0; i < 1000; ++i) {
    const double d = 1e6 + 1e3 * g.next_u01();
    t.add(0.3 * d, d);
  }
  EXPECT_NEAR(t.ratio(), 0.3, 1e-15);
  EXPECT_GE(t.half_width(0.95), 0.0);
  EXPECT_LT(t.half_width(0.95), 1e-12);
}

}  // namespace
}  // namespace ccsim::sim
