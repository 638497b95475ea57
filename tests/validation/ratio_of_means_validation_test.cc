// Validation of the ratio of means' delta-method interval by its coverage: over many
// independent small runs whose exact ratio is known, the 95 % interval must cover it in
// a share of runs that a binomial law with p = 0.95 allows (99.9 % band).
#include <cmath>
#include <cstdint>

#include <boost/math/distributions/binomial.hpp>
#include <gtest/gtest.h>

#include "models/aggregate.h"
#include "models/replication.h"
#include "models/routing/registry.h"
#include "tests/models/test_scenarios.h"
#include "tests/validation/validation_support.h"

namespace ccsim::models {
namespace {

// Callers who all end in the IVR (self-service, no port limit): each one's time in the
// system is its own IVR time, exponential with mean 60 s, whatever the others do. Pooled
// over days, mean_time_in_system_s is then E[sum of the times] / E[calls] = 60 s exactly
// (Wald), while a day's count varies with a gamma factor of cv 0.5 and the numerator with
// it: the interval must use their covariance, or it comes out far too wide.
TEST(RatioOfMeansValidation, DeltaMethodIntervalCoversTheExactRatioNineteenTimesInTwenty) {
  constexpr double kMeanIvrS = 60.0;
  constexpr std::uint32_t kRuns = 400, kDaysPerRun = 10;
  const testing::TestSeed seed(20261213);
  ScenarioSpec s = testing::day_scenario(600, 1);
  s.seed = seed.value();
  s.confidence = 0.95;
  s.has_ivr = true;
  s.contact_types.push_back(testing::markov_day_type("calls", {30}, 100, std::nullopt, {0}));
  s.contact_types.raw()[0].ivr = IvrTreatment{sim::Distribution::exponential(kMeanIvrS), 1.0, 0.0};
  s.agent_groups.push_back(testing::group("agents", {1}));
  s.busyness = BusynessSpec{.cv = 0.5};
  const AnyRouter router = make_router(s);

  std::uint32_t covered = 0;
  for (std::uint32_t run = 0; run < kRuns; ++run) {
    ResultsAccumulator acc(s);
    for (std::uint32_t day = 0; day < kDaysPerRun; ++day) acc.add(run_replication(s, router, run * kDaysPerRun + day));
    const RatioOfMeans r = stat_of(acc.results().overall, Kpi::MeanTimeInSystemS).ratio_of_means;
    ASSERT_FALSE(std::isnan(r.half_width)) << "run " << run;
    covered += std::fabs(r.value - kMeanIvrS) <= r.half_width;
  }
  const boost::math::binomial_distribution<double> law(kRuns, 0.95);
  const double low = quantile(law, 0.0005), high = quantile(law, 0.9995);
  EXPECT_GE(covered, low) << covered << " of " << kRuns << " intervals cover " << kMeanIvrS;
  EXPECT_LE(covered, high) << covered << " of " << kRuns << " intervals cover " << kMeanIvrS;
}

}  // namespace
}  // namespace ccsim::models
