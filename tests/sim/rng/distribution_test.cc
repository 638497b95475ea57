// tests/sim/rng/distribution_test.cc
// Distribution: construction of empirical laws, and mean() / scv() of every kind against
// values computed by hand.
#include "sim/rng/distribution.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <numbers>
#include <stdexcept>
#include <vector>

namespace ccsim::sim {
namespace {

TEST(Distribution, EmpiricalNormalisesWeightsIntoACdfEndingAtExactlyOne) {
  const Distribution d = Distribution::empirical({5.0, 6.0, 7.0}, {1.0, 1.0, 1.0});
  EXPECT_EQ(d.kind, DistKind::Empirical);
  ASSERT_EQ(d.cdf.size(), 3u);
  EXPECT_DOUBLE_EQ(d.cdf[0], 1.0 / 3.0);
  EXPECT_DOUBLE_EQ(d.cdf[1], 2.0 / 3.0);
  EXPECT_EQ(d.cdf[2], 1.0);
  EXPECT_EQ(d.values_s, (std::vector<double>{5.0, 6.0, 7.0}));
}

TEST(Distribution, EmpiricalLastCdfEntryIsOneEvenWhenTheSumRoundsBelowIt) {
  // 0.1 added ten times is 0.9999999999999999 in double arithmetic.
  const std::vector<double> w(10, 0.1);
  const Distribution d = Distribution::empirical(std::vector<double>(10, 1.0), w);
  EXPECT_EQ(d.cdf.back(), 1.0);
  for (std::size_t i = 1; i < d.cdf.size(); ++i) EXPECT_LE(d.cdf[i - 1], d.cdf[i]);
}

TEST(Distribution, EmpiricalRejectsInputThatIsNoLaw) {
  EXPECT_THROW(Distribution::empirical({}, {}), std::invalid_argument);
  EXPECT_THROW(Distribution::empirical({1.0, 2.0}, {1.0}), std::invalid_argument);
  EXPECT_THROW(Distribution::empirical({1.0, 2.0}, {1.0, -0.5}), std::invalid_argument);
  EXPECT_THROW(Distribution::empirical({1.0, 2.0}, {0.0, 0.0}), std::invalid_argument);
  EXPECT_THROW(Distribution::empirical({1.0}, {std::numeric_limits<double>::quiet_NaN()}), std::invalid_argument);
  EXPECT_THROW(Distribution::empirical({1.0}, {std::numeric_limits<double>::infinity()}), std::invalid_argument);
}

TEST(Distribution, MeanAndScvOfEachKind) {
  EXPECT_EQ(Distribution::constant(30.0).mean(), 30.0);
  EXPECT_EQ(Distribution::constant(30.0).scv(), 0.0);

  EXPECT_EQ(Distribution::exponential(300.0).mean(), 300.0);
  EXPECT_EQ(Distribution::exponential(300.0).scv(), 1.0);

  // Uniform(10, 30): mean 20, variance 400/12.
  EXPECT_DOUBLE_EQ(Distribution::uniform(10.0, 30.0).mean(), 20.0);
  EXPECT_DOUBLE_EQ(Distribution::uniform(10.0, 30.0).scv(), (400.0 / 12.0) / 400.0);

  EXPECT_EQ(Distribution::lognormal(240.0, 0.5).mean(), 240.0);
  EXPECT_DOUBLE_EQ(Distribution::lognormal(240.0, 0.5).scv(), 0.25);

  EXPECT_EQ(Distribution::gamma(100.0, 2.0).mean(), 100.0);
  EXPECT_DOUBLE_EQ(Distribution::gamma(100.0, 2.0).scv(), 4.0);

  EXPECT_EQ(Distribution::erlang(4, 60.0).mean(), 60.0);
  EXPECT_DOUBLE_EQ(Distribution::erlang(4, 60.0).scv(), 0.25);

  // Weibull shape 1 is exponential; shape 2 (Rayleigh) has mean scale*sqrt(pi)/2 and
  // scv 4/pi - 1.
  EXPECT_DOUBLE_EQ(Distribution::weibull(1.0, 7.0).mean(), 7.0);
  EXPECT_NEAR(Distribution::weibull(1.0, 7.0).scv(), 1.0, 1e-15);
  EXPECT_DOUBLE_EQ(Distribution::weibull(2.0, 3.0).mean(), 3.0 * std::sqrt(std::numbers::pi) / 2.0);
  EXPECT_NEAR(Distribution::weibull(2.0, 3.0).scv(), 4.0 / std::numbers::pi - 1.0, 1e-14);

  // Values 1, 3 with probabilities 1/4, 3/4: mean 2.5, variance 0.75, scv 0.12.
  const Distribution e = Distribution::empirical({1.0, 3.0}, {1.0, 3.0});
  EXPECT_DOUBLE_EQ(e.mean(), 2.5);
  EXPECT_DOUBLE_EQ(e.scv(), 0.75 / 6.25);
  // Triangular (min 0, mode 3, max 6): symmetric, mean 3, variance (0 + 36 + 9 - 0 - 0 - 18) / 18.
  EXPECT_DOUBLE_EQ(Distribution::triangular(0.0, 3.0, 6.0).mean(), 3.0);
  EXPECT_DOUBLE_EQ(Distribution::triangular(0.0, 3.0, 6.0).scv(), 1.5 / 9.0);
  EXPECT_DOUBLE_EQ(Distribution::triangular(30.0, 60.0, 300.0).mean(), 130.0);
  // Mixture: 0 or 10 with equal odds, mean 5 and variance 25; a point beside an
  // exponential: total variance 0.7 x 100^2 (within) + 0.3 x 70^2 + 0.7 x 30^2 (between).
  const Distribution half = Distribution::mixture(0.5, 0.0, Distribution::constant(10.0));
  EXPECT_DOUBLE_EQ(half.mean(), 5.0);
  EXPECT_DOUBLE_EQ(half.scv(), 1.0);
  const Distribution balk = Distribution::mixture(0.3, 0.0, Distribution::exponential(100.0));
  EXPECT_DOUBLE_EQ(balk.mean(), 70.0);
  EXPECT_NEAR(balk.scv(), (7000.0 + 0.3 * 4900.0 + 0.7 * 900.0) / 4900.0, 1e-12);
}

TEST(Distribution, EmpiricalScvIsAccurateFarFromZero) {
  // Values around 1e9 with spread 1: a sum-of-squares formula would lose every digit.
  const Distribution e = Distribution::empirical({1e9 - 1.0, 1e9 + 1.0}, {1.0, 1.0});
  EXPECT_DOUBLE_EQ(e.mean(), 1e9);
  EXPECT_NEAR(e.scv(), 1.0 / 1e18, 1e-30);
}

TEST(Distribution, OnlyConstantIsDeterministic) {
  EXPECT_TRUE(Distribution::constant(1.0).is_deterministic());
  EXPECT_FALSE(Distribution::exponential(1.0).is_deterministic());
  EXPECT_FALSE(Distribution::empirical({1.0}, {1.0}).is_deterministic());
}

}  // namespace
}  // namespace ccsim::sim
