// Absenteeism: the number of agents present is Binomial(scheduled, 1 - p), drawn once
// per replication. Its mean and its variance over many replications must match the
// binomial law within 99.9 % intervals; an absence drawn per period, per group or not
// at all would miss the variance by far.
#include <cmath>
#include <vector>

#include <gtest/gtest.h>

#include "models/replication.h"
#include "models/routing/registry.h"
#include "sim/stats/tally.h"
#include "tests/models/test_scenarios.h"
#include "tests/validation/validation_support.h"

namespace ccsim::models {
namespace {

TEST(WorkforceValidation, AgentsPresentFollowTheBinomialLawOfAbsenteeism) {
  constexpr std::uint32_t kScheduled = 40;
  constexpr double kP = 0.15;
  constexpr std::uint32_t kReplications = 4000;
  ScenarioSpec s = testing::day_scenario(3600, 2);
  s.contact_types.push_back(testing::traced_type("calls", {10}, 60, std::nullopt, {0}));
  s.agent_groups.push_back(testing::group("team", {kScheduled, kScheduled}));
  s.agent_groups[make_id<AgentGroupId>(0)].absenteeism = kP;
  const AnyRouter router = make_router(s);
  sim::Tally present;
  std::vector<double> values;
  for (std::uint32_t r = 0; r < kReplications; ++r) {
    const ReplicationCounters c = run_replication(s, router, r);
    // Absent agents never log on, the others stay all day: the same count in both hours.
    const double hour0 = c.group(0, 0).staffed_area / 3600;
    ASSERT_DOUBLE_EQ(c.group(1, 0).staffed_area / 3600, hour0);
    present.add(hour0);
    values.push_back(hour0);
  }
  const double mean = kScheduled * (1 - kP);
  const double variance = kScheduled * kP * (1 - kP);
  KpiStat m{present.mean(), present.half_width(testing::kValidationConfidence), present.count()};
  EXPECT_TRUE(testing::covers(m, mean, 0.15));
  // The sample variance is asymptotically normal with variance (mu4 - sigma^4) / n.
  double m4 = 0;
  for (double v : values) m4 += std::pow(v - present.mean(), 4);
  m4 /= kReplications;
  const double s2 = present.variance();
  const double hw = 3.29 * std::sqrt((m4 - s2 * s2) / kReplications);  // 99.9 %
  KpiStat v{s2, hw, present.count()};
  EXPECT_TRUE(testing::covers(v, variance, 0.5));
}

}  // namespace
}  // namespace ccsim::models
