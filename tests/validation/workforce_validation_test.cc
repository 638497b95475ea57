// Absenteeism: the number of agents present is Binomial(scheduled, 1 - p), drawn once
// per replication. Its mean and its variance over many replications must match the
// binomial law within 99.9 % intervals; an absence drawn per period, per group or not
// at all would miss the variance by far.
#include <algorithm>
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
  const testing::TestSeed seed(s.seed);
  s.seed = seed.value();
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

// A day with random absence is, replication by replication, the day with exactly the
// agents who came: absence has its own random stream, so conditioning on the number
// present m gives the fixed-staffing day with m agents on the same random numbers, and
// the mixture over m (binomially weighted) is the day with absence. Every call counter
// and the agents' busy time must match exactly.
TEST(WorkforceValidation, ADayWithAbsenceIsTheMixtureOfTheFixedStaffingDays) {
  ScenarioSpec s = testing::day_scenario(1800, 4);
  const testing::TestSeed seed(s.seed);
  s.seed = seed.value();
  ContactTypeSpec t;
  t.name = "calls";
  t.arrivals.process = ArrivalSpec::Process::PiecewisePoisson;
  t.arrivals.per_period = {150, 260, 240, 120};
  t.talk = sim::Distribution::lognormal(200, 0.8);
  t.patience = sim::Distribution::exponential(90);
  t.groups = {make_id<AgentGroupId>(0)};
  s.contact_types.push_back(t);
  AgentGroupSpec g = testing::group("team", {});
  g.shifts.push_back(ShiftSpec{"day", 0, 7200, 30, {}});
  g.absenteeism = 0.2;
  s.agent_groups.push_back(g);
  const AnyRouter router = make_router(s);
  std::vector<int> days_with(31, 0);
  for (std::uint32_t r = 0; r < 200; ++r) {
    const ReplicationCounters with_absence = run_replication(s, router, r);
    const double m = with_absence.group(0, 0).staffed_area / 1800;
    ASSERT_EQ(m, std::floor(m));
    ++days_with[static_cast<std::size_t>(m)];
    ScenarioSpec fixed = s;
    fixed.agent_groups[make_id<AgentGroupId>(0)].absenteeism = 0.0;
    fixed.agent_groups[make_id<AgentGroupId>(0)].shifts[0].agents = static_cast<std::uint32_t>(m);
    const ReplicationCounters present_only = run_replication(fixed, router, r);
    for (std::size_t k = 0; k < 4; ++k) {
      EXPECT_EQ(with_absence.type(k, 0), present_only.type(k, 0)) << "replication " << r << ", period " << k;
      EXPECT_EQ(with_absence.group(k, 0).busy_area, present_only.group(k, 0).busy_area);
    }
  }
  // The absence really varies: many different head counts occur.
  EXPECT_GE(std::count_if(days_with.begin(), days_with.end(), [](int n) { return n > 0; }), 8);
}

}  // namespace
}  // namespace ccsim::models
