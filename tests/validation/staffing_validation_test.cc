// tests/validation/staffing_validation_test.cc
// `ccsim staff` on the simulator, against what the issue asks of it: on a one-queue day
// with exponential laws and no abandonment, whose two-hour intervals are long enough to
// be nearly stationary, the answer is Erlang C's per interval within one agent; the
// answer meets every target on independent random numbers (the final check); and one
// agent fewer in any interval it did not raise on those makes a target fall short on
// the search's random numbers, alone or with the removals the search tries beside it.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <vector>

#include <gtest/gtest.h>

#include "models/analytic/erlang.h"
#include "models/experiment/experiment.h"
#include "models/planning/staffing_search.h"
#include "tests/models/test_scenarios.h"
#include "tests/validation/validation_support.h"

namespace ccsim::models {
namespace {

constexpr double kPeriodS = 7200;
constexpr double kTalkS = 240;

ScenarioSpec one_queue_day(const std::vector<double>& calls_per_period, std::uint64_t seed) {
  ScenarioSpec s = testing::day_scenario(kPeriodS, static_cast<std::uint32_t>(calls_per_period.size()));
  s.contact_types.push_back(testing::markov_day_type("calls", calls_per_period, kTalkS, std::nullopt, {0}));
  s.agent_groups.push_back(testing::group("team", std::vector<std::uint32_t>(calls_per_period.size(), 1)));
  s.replications = 40;
  s.seed = seed;
  return s;
}

RunResults simulate(const ScenarioSpec& s) {
  Experiment e(s, RunOptions{.threads = 2});
  e.extend_to(s.replications);
  return e.results();
}

TEST(StaffingValidation, OneQueueWithoutAbandonmentAgreesWithErlangCWithinOneAgentAndHoldsOnOtherSeeds) {
  // 10 to 40 erlangs.
  const std::vector<double> calls{300, 720, 1200, 900, 540, 300};
  const testing::TestSeed seed(20261203);
  const ScenarioSpec s = one_queue_day(calls, seed.value());
  const StaffingSearch r = search_staffing(s, simulate);
  ASSERT_TRUE(r.search_met);
  EXPECT_TRUE(r.minimal);
  EXPECT_LE(r.runs, 60u);
  for (std::uint32_t i = 0; i < calls.size(); ++i) {
    const std::uint32_t erlang_c = analytic::staff_erlang_c_for_sl(calls[i] / kPeriodS, kTalkS, 20, 0.8);
    EXPECT_LE(std::abs(static_cast<int>(r.required[0][i]) - static_cast<int>(erlang_c)), 1)
        << "interval " << i << ": staff " << r.required[0][i] << ", Erlang C " << erlang_c;
  }
  // The final check: every target met on a seed the search never used.
  EXPECT_NE(r.final_seed, s.seed);
  EXPECT_TRUE(r.final_short.empty());
  for (const TargetResult& t : r.final.targets) EXPECT_EQ(t.verdict, Verdict::Met);

  // Minimal: one agent fewer anywhere (where the final check added none) falls short. The
  // search removes one agent in every third interval at once and refuses each removal
  // blamed for a shortfall in its interval or a neighbour's (calls carry over), so a
  // removal harmless alone may have been refused for what it did with the others: on
  // random seeds that happened in 2 of 65 runs (CCSIM_TEST_SEED=3876389332, 4038692347).
  // Such an agent must then be needed once its interval's partners lose one too.
  const auto raised = [&r](std::uint32_t i) {
    return std::ranges::any_of(r.raised_by_final, [i](const auto& raise) { return raise.second == i; });
  };
  for (std::uint32_t i = 0; i < calls.size(); ++i) {
    if (raised(i) || r.required[0][i] == 0) continue;
    Staffing fewer = r.required;
    --fewer[0][i];
    if (!interval_shortfalls(s, simulate(with_staffing(s, fewer))).empty()) continue;
    for (std::uint32_t j = i % 3; j < calls.size(); j += 3)
      if (j != i && !raised(j) && fewer[0][j] > 0) --fewer[0][j];
    EXPECT_FALSE(interval_shortfalls(s, simulate(with_staffing(s, fewer))).empty())
        << "one agent fewer in interval " << i << " still meets every target, also with its partners' removals";
  }
}

}  // namespace
}  // namespace ccsim::models
