// tests/validation/paired_comparison_validation_test.cc
// `ccsim compare` on common random numbers: M/M/c with 12 and then 13 agents on the same
// seed. The paired difference of P(wait) and of the service level must cover Erlang C's
// exact difference (99.9 % interval), and be several times narrower than the two runs'
// own intervals combined: that narrowing is what pairing is for, and a pairing that
// matched the wrong observations would lose it (or miss the exact value).
#include <cmath>

#include <gtest/gtest.h>

#include "models/analytic/erlang.h"
#include "models/experiment/experiment.h"
#include "models/experiment/paired_comparison.h"
#include "tests/models/test_scenarios.h"
#include "tests/validation/validation_support.h"

namespace ccsim::models {
namespace {

TEST(PairedComparisonValidation, OneMoreAgentChangesWaitsByErlangCsDifferenceWithANarrowPairedInterval) {
  constexpr double kRate = 200.0 / 3600, kTalkS = 180, kAwtS = 20;
  // 40-hour replications: with 10 hours, the paired intervals missed the exact difference
  // on 2 of 88 random seeds (CCSIM_TEST_SEED=1234669077, 2472597907) where about 1 in 250
  // was due: 60 differences of 10-hour runs, in which one congested spell at 12 agents
  // weighs heavily, are too skewed for a Student interval to keep its level.
  const testing::TestSeed seed(20261203);
  ScenarioSpec a = testing::markov_scenario(kRate, kTalkS, 12, std::nullopt, 3600, 144000, 60, seed.value());
  a.confidence = testing::kValidationConfidence;
  a.service_level.definition = SlDefinition::AnsweredWithinTOverAnswered;
  ScenarioSpec b = a;
  b.agent_groups[make_id<AgentGroupId>(0)].staffing = {13};
  Experiment ea(a, RunOptions{.threads = 2});
  Experiment eb(b, RunOptions{.threads = 2});
  ea.keep_details();
  eb.keep_details();
  ea.extend_to(a.replications);
  eb.extend_to(b.replications);
  const PairedComparison c =
      compare_paired(a, ea.results(), ea.details(), b, eb.results(), eb.details(), a.confidence);
  ASSERT_EQ(c.pairs, 60u);
  ASSERT_FALSE(c.rows.empty());
  const ComparedRow& centre = c.rows.front();
  ASSERT_EQ(centre.level, ComparedLevel::Centre);

  const analytic::ErlangC e12 = analytic::erlang_c_metrics(12, kRate, kTalkS, kAwtS);
  const analytic::ErlangC e13 = analytic::erlang_c_metrics(13, kRate, kTalkS, kAwtS);
  for (const auto& [kpi, exact] : {std::pair{Kpi::PWaitOverAdmitted, e13.p_wait - e12.p_wait},
                                   std::pair{Kpi::SlOverAnswered, e13.service_level - e12.service_level}}) {
    const PairedKpi& p = centre.kpis[static_cast<std::size_t>(kpi)];
    EXPECT_TRUE(testing::covers(p.difference, exact, 0.02)) << kpi_name(kpi);
    const double unpaired = std::hypot(p.a.half_width, p.b.half_width);
    EXPECT_LT(p.difference.half_width, unpaired / 2) << kpi_name(kpi) << ": pairing did not narrow the interval";
  }
  // The one contact type pairs as the centre does.
  ASSERT_EQ(c.rows[1].level, ComparedLevel::Type);
  EXPECT_EQ(c.rows[1].kpis[static_cast<std::size_t>(Kpi::PWaitOverAdmitted)].difference.mean,
            centre.kpis[static_cast<std::size_t>(Kpi::PWaitOverAdmitted)].difference.mean);
}

}  // namespace
}  // namespace ccsim::models
