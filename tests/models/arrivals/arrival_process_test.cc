// tests/models/arrivals/arrival_process_test.cc
// ArrivalProcess: trace instants in order, piecewise Poisson arrivals inside their
// periods (none in an empty period), and the same stream giving the same instants.
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

TEST(ArrivalProcess, PiecewisePoissonKeepsArrivalsInsideNonEmptyPeriods) {
  ArrivalSpec a;
  a.process = ArrivalSpec::Process::PiecewisePoisson;
  a.per_period = {50, 0, 200};
  const std::vector<double> times = all(ArrivalProcess(a, 100, 3, stream()));
  std::vector<int> per_period(3, 0);
  for (std::size_t i = 0; i < times.size(); ++i) {
    ASSERT_GE(times[i], 0);
    ASSERT_LT(times[i], 300);
    if (i > 0) {
      ASSERT_GE(times[i], times[i - 1]);
    }
    ++per_period[static_cast<int>(times[i] / 100)];
  }
  EXPECT_EQ(per_period[1], 0);
  // Poisson counts of mean 50 and 200: far outside 6 standard deviations means a bug.
  EXPECT_NEAR(per_period[0], 50, 6 * std::sqrt(50.0));
  EXPECT_NEAR(per_period[2], 200, 6 * std::sqrt(200.0));
  EXPECT_EQ(times, all(ArrivalProcess(a, 100, 3, stream())));
}

TEST(ArrivalProcess, PoissonWithZeroRateHasNoArrivals) {
  ArrivalSpec a;
  a.process = ArrivalSpec::Process::Poisson;
  a.rate_per_s = 0.0;
  EXPECT_TRUE(std::isinf(ArrivalProcess(a, 0, 0, stream()).next(0.0)));
}

}  // namespace
}  // namespace ccsim::models
