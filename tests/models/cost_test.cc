// tests/models/cost_test.cc
// Costs: decoded and located like every key, agent costs on every group or none, and the
// cost KPI computed exactly on a day whose every event is known: two agents for an hour
// at 20 an hour (40), three calls at once with 60 s of talk and 10 s of patience (two
// answered at 0.5, one abandoned at 5).
#include <gtest/gtest.h>

#include <cmath>

#include "models/replication.h"
#include "models/scenario/load.h"
#include "models/scenario/validate_spec.h"
#include "tests/models/scenario/diagnostic_checks.h"
#include "tests/models/scenario/scenario_texts.h"
#include "tests/models/test_scenarios.h"

namespace ccsim::models {
namespace {

using testing::errors_of;
using testing::with;

std::string priced(std::string_view support_cost, std::string_view tier1_cost, std::string_view costs) {
  std::string s = with(testing::kDay, R"({ "name": "support", "staffing": [10, 12, 11] })",
                       "{ \"name\": \"support\", \"staffing\": [10, 12, 11]" + std::string(support_cost) + " }");
  s = with(s, R"({ "name": "tier1", "staffing": 4 })", "{ \"name\": \"tier1\", \"staffing\": 4" + std::string(tier1_cost) + " }");
  return with(s, R"("router")", std::string(costs) + R"("router")");
}

TEST(Costs, AreReadFromTheGroupsAndTheCostsObject) {
  const ScenarioSpec s = load_scenario_text(
      priced(R"(, "cost_per_hour": 31.5)", R"(, "cost_per_hour": 0)",
             R"("costs": { "currency": "EUR", "per_abandoned_call": 4, "per_answered_call": 0.25 }, )"),
      "t.json");
  EXPECT_EQ(s.agent_groups[make_id<AgentGroupId>(0)].cost_per_hour, 31.5);
  EXPECT_EQ(s.agent_groups[make_id<AgentGroupId>(1)].cost_per_hour, 0.0);
  ASSERT_TRUE(s.costs);
  EXPECT_EQ(s.costs->currency, "EUR");
  EXPECT_EQ(s.costs->per_abandoned_call, 4.0);
  EXPECT_EQ(s.costs->per_answered_call, 0.25);
  EXPECT_TRUE(s.has_costs());
  EXPECT_FALSE(load_scenario_text(testing::kDay, "t.json").has_costs());
  EXPECT_TRUE(spec_problems(s).empty());
}

TEST(Costs, MistakesAreLocatedAndAGroupWithoutACostIsNotFree) {
  testing::expect_single(errors_of(priced(R"(, "cost_per_hour": 30)", "", "")), "/agent_groups/1",
                         "missing \"cost_per_hour\": group \"support\" has one, so every group needs one (0 for agents "
                         "that cost nothing), or the day's cost would leave these agents out");
  const auto negative = errors_of(priced(R"(, "cost_per_hour": -1)", R"(, "cost_per_hour": 1)", ""));
  ASSERT_EQ(negative.size(), 1u);
  EXPECT_EQ(negative[0].pointer, "/agent_groups/0/cost_per_hour");
  const auto unknown = errors_of(priced("", "", R"("costs": { "per_abandoned": 4 }, )"));
  ASSERT_EQ(unknown.size(), 1u);
  EXPECT_EQ(unknown[0].pointer, "/costs/per_abandoned");
  // A spec built in code gets the same rules.
  ScenarioSpec s = load_scenario_text(priced(R"(, "cost_per_hour": 30)", R"(, "cost_per_hour": 20)", ""), "t.json");
  s.agent_groups[make_id<AgentGroupId>(1)].cost_per_hour.reset();
  s.costs = CostSpec{"EUR", std::nan(""), 0.0};
  const std::vector<Diagnostic> ds = spec_problems(s);
  ASSERT_EQ(ds.size(), 2u);
  EXPECT_EQ(ds[0].pointer, "/agent_groups/1");
  EXPECT_EQ(ds[1].pointer, "/costs/per_abandoned_call");
}

TEST(Costs, TheCostKpiIsAgentHoursAtTheirRatePlusTheCallsAtEveryLevel) {
  ScenarioSpec s = testing::day_scenario(1800, 2);
  s.contact_types.push_back(testing::traced_type("calls", {10, 10, 10}, 60, 10.0, {0}));
  s.agent_groups.push_back(testing::group("team", {2, 2}));
  s.agent_groups[make_id<AgentGroupId>(0)].cost_per_hour = 20;
  s.costs = CostSpec{"EUR", 5.0, 0.5};
  s.replications = 2;
  const RunResults r = run_scenario(s, RunOptions{});
  const auto cost = [](const KpiStats& k) { return stat_of(k, Kpi::Cost).mean; };
  EXPECT_DOUBLE_EQ(cost(r.overall), 2 * 1.0 * 20 + 5.0 + 2 * 0.5);
  EXPECT_DOUBLE_EQ(cost(r.by_group[0]), 40.0);
  EXPECT_DOUBLE_EQ(cost(r.by_type[0]), 6.0);
  EXPECT_DOUBLE_EQ(cost(r.by_interval[0].kpis), 2 * 0.5 * 20 + 6.0);
  EXPECT_DOUBLE_EQ(cost(r.by_interval[1].kpis), 20.0);
  EXPECT_DOUBLE_EQ(cost(r.by_interval[0].by_group[0]), 20.0);
  EXPECT_DOUBLE_EQ(cost(r.by_interval[1].by_type[0]), 0.0);
  // Without costs the KPI is undefined everywhere.
  s.agent_groups[make_id<AgentGroupId>(0)].cost_per_hour.reset();
  s.costs.reset();
  EXPECT_EQ(stat_of(run_scenario(s, RunOptions{}).overall, Kpi::Cost).n, 0u);
}

}  // namespace
}  // namespace ccsim::models
