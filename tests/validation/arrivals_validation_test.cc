// The arrival processes against their exact laws: per-interval counts of a
// piecewise-constant Poisson process are Poisson with the interval's expected count.
#include <cmath>
#include <vector>

#include <gtest/gtest.h>

#include "models/replication.h"
#include "tests/models/test_scenarios.h"
#include "tests/validation/validation_support.h"

namespace ccsim::models {
namespace {

TEST(ArrivalValidation, PiecewisePoissonCountsPerIntervalArePoissonWithTheGivenMeans) {
  // Includes a zero interval (nothing may arrive), a spike and tiny volumes.
  const std::vector<double> per_period = {5, 120, 0, 300, 40, 0.5, 200, 75};
  const testing::TestSeed seed(31337);
  ScenarioSpec s = testing::day_scenario(900, static_cast<std::uint32_t>(per_period.size()));
  ContactTypeSpec t;
  t.name = "calls";
  t.arrivals.process = ArrivalSpec::Process::PiecewisePoisson;
  t.arrivals.per_period = per_period;
  t.talk = sim::Distribution::exponential(60);
  t.groups = {make_id<AgentGroupId>(0)};
  s.contact_types.push_back(t);
  s.agent_groups.push_back(testing::group("agents", std::vector<std::uint32_t>(per_period.size(), 50)));
  s.replications = 400;
  s.seed = seed.value();
  const RunResults r = run_scenario(s, RunOptions{.threads = 2});
  ASSERT_EQ(r.by_interval.size(), per_period.size());
  for (std::size_t k = 0; k < per_period.size(); ++k) {
    const KpiStat& offered = stat_of(r.by_interval[k].kpis, Kpi::Offered);
    const double total = offered.mean * static_cast<double>(offered.n);
    const double expected = per_period[k] * static_cast<double>(s.replications);
    if (per_period[k] == 0) {
      EXPECT_EQ(total, 0.0) << "interval " << k;
      continue;
    }
    // The total over all replications is Poisson(expected); |z| < 3.9 is a two-sided
    // 1e-4 test per interval, so a correct model fails this test about once in 1,000 runs.
    const double z = (total - expected) / std::sqrt(expected);
    EXPECT_LT(std::fabs(z), 3.9) << "interval " << k << ": " << total << " arrivals, expected " << expected;
  }
}

TEST(ArrivalValidation, ConstantRatePoissonCountsOverTheDayArePoisson) {
  ScenarioSpec s = testing::day_scenario(3600, 3);
  const testing::TestSeed seed(s.seed);
  s.seed = seed.value();
  ContactTypeSpec t;
  t.name = "calls";
  t.arrivals.process = ArrivalSpec::Process::Poisson;
  t.arrivals.rate_per_s = 0.05;
  t.talk = sim::Distribution::exponential(60);
  t.groups = {make_id<AgentGroupId>(0)};
  s.contact_types.push_back(t);
  s.agent_groups.push_back(testing::group("agents", {10, 10, 10}));
  s.replications = 200;
  const RunResults r = run_scenario(s, RunOptions{.threads = 2});
  for (std::size_t k = 0; k < 3; ++k) {
    const KpiStat& offered = stat_of(r.by_interval[k].kpis, Kpi::Offered);
    const double total = offered.mean * static_cast<double>(offered.n);
    const double expected = 0.05 * 3600 * static_cast<double>(s.replications);
    EXPECT_LT(std::fabs((total - expected) / std::sqrt(expected)), 3.9) << "interval " << k;
  }
}

}  // namespace
}  // namespace ccsim::models
