// tests/models/arrivals/arrival_process_test.cc
// ArrivalProcess: trace instants in order, piecewise Poisson arrivals inside their
// periods at their rates (none in an empty period), stationary Poisson gaps of mean
// 1/rate, and the same stream giving the same instants.
#include "models/arrivals/arrival_process.h"

#include <cmath>
#include <vector>

#include <gtest/gtest.h>

namespace ccsim::models {
namespace {

sim::Mrg32k3a stream() { return sim::Mrg32k3a::from_seed(99).stream(5, 0); }

std::vector<double> all(ArrivalProcess p) {
  std::vector<double> times;
  for (double t = p.next(0.0); std::isfinite(t); t = p.next(t)) times.push_back(t);
  return times;
}

TEST(ArrivalProcess, TraceGivesItsInstantsThenNoMore) {
  ArrivalSpec a;
  a.process = ArrivalSpec::Process::Trace;
  a.times_s = {0, 3, 3, 10};
  ArrivalProcess p(a, 60, 1, stream());
  EXPECT_EQ(all(p), a.times_s);
  EXPECT_EQ(p.draws(), 0u);
}

TEST(ArrivalProcess, PiecewisePoissonKeepsArrivalsInsideNonEmptyPeriodsAtTheirRates) {
  ArrivalSpec a;
  a.process = ArrivalSpec::Process::PiecewisePoisson;
  a.per_period = {50, 0, 200};
  // Counts per period over 400 independent substreams: their means must cover 50 and
  // 200 within 3.29 standard errors (99.9 %), i.e. within 2.3 % and 1.2 %.
  constexpr int kRuns = 400;
  std::vector<double> sum(3, 0.0);
  const sim::Mrg32k3a base = sim::Mrg32k3a::from_seed(99);
  for (int r = 0; r < kRuns; ++r) {
    const std::vector<double> times = all(ArrivalProcess(a, 100, 3, base.stream(5, static_cast<std::uint64_t>(r))));
    for (std::size_t i = 0; i < times.size(); ++i) {
      ASSERT_GE(times[i], 0);
      ASSERT_LT(times[i], 300);
      if (i > 0) {
        ASSERT_GE(times[i], times[i - 1]);
      }
      sum[static_cast<std::size_t>(times[i] / 100)] += 1;
    }
  }
  EXPECT_EQ(sum[1], 0);
  EXPECT_NEAR(sum[0] / kRuns, 50, 3.29 * std::sqrt(50.0 / kRuns));
  EXPECT_NEAR(sum[2] / kRuns, 200, 3.29 * std::sqrt(200.0 / kRuns));
  EXPECT_EQ(all(ArrivalProcess(a, 100, 3, stream())), all(ArrivalProcess(a, 100, 3, stream())));
}

TEST(ArrivalProcess, PoissonInterarrivalsHaveMeanOneOverTheRate) {
  ArrivalSpec a;
  a.process = ArrivalSpec::Process::Poisson;
  a.rate_per_s = 0.25;
  ArrivalProcess p(a, 0, 0, stream());
  // 20,000 exponential gaps of mean 4 s: the sample mean is within 3.29 standard errors
  // (99.9 %) of 4, i.e. within 2.3 %.
  constexpr int kGaps = 20000;
  double t = 0.0;
  for (int i = 0; i < kGaps; ++i) t = p.next(t);
  EXPECT_NEAR(t / kGaps, 4.0, 3.29 * 4.0 / std::sqrt(kGaps));
  EXPECT_EQ(p.draws(), static_cast<std::uint64_t>(kGaps));
}

TEST(ArrivalProcess, PoissonWithZeroRateHasNoArrivals) {
  ArrivalSpec a;
  a.process = ArrivalSpec::Process::Poisson;
  a.rate_per_s = 0.0;
  EXPECT_TRUE(std::isinf(ArrivalProcess(a, 0, 0, stream()).next(0.0)));
}

}  // namespace
}  // namespace ccsim::models
