// Validation of routing against exact results: two classes sharing one pool with
// non-preemptive priority (Cobham's formulas), the conservation of work across
// classes, and the reduction of a fully cross-trained multi-skill centre to M/M/c.
#include <cmath>

#include <gtest/gtest.h>

#include "models/analytic/erlang.h"
#include "models/replication.h"
#include "tests/models/test_scenarios.h"
#include "tests/validation/validation_support.h"

namespace ccsim::models {
namespace {

using testing::covers;
using testing::kValidationConfidence;

ContactTypeSpec poisson_type(const char* name, double rate_per_s, double mean_talk_s, std::uint32_t priority) {
  ContactTypeSpec t;
  t.name = name;
  t.priority = priority;
  t.arrivals.process = ArrivalSpec::Process::Poisson;
  t.arrivals.rate_per_s = rate_per_s;
  t.talk = sim::Distribution::exponential(mean_talk_s);
  return t;
}

ScenarioSpec steady(double warmup_s, double duration_s, std::uint32_t replications, std::uint64_t seed) {
  ScenarioSpec s = testing::markov_scenario(1.0, 1.0, 1, std::nullopt, warmup_s, duration_s, replications, seed);
  s.contact_types = {};
  s.agent_groups = {};
  s.confidence = kValidationConfidence;
  s.service_level = ServiceLevelSpec{10.0, 0.8, SlDefinition::AnsweredWithinTOverAnswered, 5.0};
  return s;
}

// M/M/c with two classes and non-preemptive priority, equal service rates: an arrival
// waits iff all c agents are busy (probability C, Erlang C of the total load), and the
// mean wait of class k is W_k = C / (c mu) / ((1 - s_{k-1}) (1 - s_k)) with
// s_k = (lambda_1 + ... + lambda_k) / (c mu) (Cobham 1954; Kleinrock, Queueing Systems
// vol. 2, 1976, section 3.6).
TEST(PriorityValidation, TwoClassesOnOnePoolMatchCobhamAndConserveWork) {
  const std::uint32_t c = 30;
  const double mu = 1.0 / 60.0;
  const double lambda_high = 0.15, lambda_low = 0.3;  // load 27 Erlangs on 30 agents
  const testing::TestSeed seed(1954);
  ScenarioSpec s = steady(2000, 500000, 40, seed.value());
  s.contact_types.push_back(poisson_type("high", lambda_high, 60.0, 0));
  s.contact_types.push_back(poisson_type("low", lambda_low, 60.0, 1));
  for (auto& t : s.contact_types) t.groups = {make_id<AgentGroupId>(0)};
  s.agent_groups.push_back(testing::group("pool", {c}));
  const RunResults r = run_scenario(s, RunOptions{.threads = 2});

  const double lambda = lambda_high + lambda_low;
  const double erlang = analytic::erlang_c(c, lambda / mu);
  const double s1 = lambda_high / (c * mu);
  const double s2 = lambda / (c * mu);
  const double w_high = erlang / (c * mu) / (1.0 * (1.0 - s1));
  const double w_low = erlang / (c * mu) / ((1.0 - s1) * (1.0 - s2));
  const KpiStats& high = r.by_type[0];
  const KpiStats& low = r.by_type[1];
  EXPECT_TRUE(covers(stat_of(high, Kpi::PWaitOverAdmitted), erlang, 0.02));
  EXPECT_TRUE(covers(stat_of(low, Kpi::PWaitOverAdmitted), erlang, 0.02));
  EXPECT_TRUE(covers(stat_of(high, Kpi::AsaS), w_high, 0.1 * w_high));
  EXPECT_TRUE(covers(stat_of(low, Kpi::AsaS), w_low, 0.1 * w_low));
  // Work conservation: priorities reorder the queue but the rate-weighted mean wait is
  // that of FIFO, the Erlang C mean wait C / (c mu - lambda). The simulated overall ASA
  // is that weighted mean, so this checks the law on the model, not on the formulas.
  const double fifo_wait = erlang / (c * mu - lambda);
  EXPECT_TRUE(covers(stat_of(r.overall, Kpi::AsaS), fifo_wait, 0.1 * fifo_wait));
}

// Two types and two groups, every group serving both, equal priorities: freed agents
// take the longest-waiting call of either queue, which is one FIFO queue served by all
// agents, so the centre is M/M/(c1 + c2) at the total load.
TEST(ReductionValidation, FullyCrossTrainedGroupsAreOneErlangCPool) {
  const testing::TestSeed seed(7);
  ScenarioSpec s = steady(2000, 500000, 40, seed.value());
  s.contact_types.push_back(poisson_type("a", 0.2, 60.0, 0));
  s.contact_types.push_back(poisson_type("b", 0.25, 60.0, 0));
  s.contact_types[make_id<ContactTypeId>(0)].groups = {make_id<AgentGroupId>(0), make_id<AgentGroupId>(1)};
  s.contact_types[make_id<ContactTypeId>(1)].groups = {make_id<AgentGroupId>(1), make_id<AgentGroupId>(0)};
  s.agent_groups.push_back(testing::group("left", {12}));
  s.agent_groups.push_back(testing::group("right", {18}));
  const RunResults r = run_scenario(s, RunOptions{.threads = 2});
  const analytic::ErlangC exact = analytic::erlang_c_metrics(30, 0.45, 60.0, 10.0);
  EXPECT_TRUE(covers(stat_of(r.overall, Kpi::PWaitOverAdmitted), exact.p_wait, 0.02));
  EXPECT_TRUE(covers(stat_of(r.overall, Kpi::ServiceLevel), exact.service_level, 0.02));
  EXPECT_TRUE(covers(stat_of(r.overall, Kpi::AsaS), exact.asa_s, 0.1 * exact.asa_s));
  // Each type sees the same queue, so each type's KPIs are the pool's too.
  for (const KpiStats& type : r.by_type)
    EXPECT_TRUE(covers(stat_of(type, Kpi::PWaitOverAdmitted), exact.p_wait, 0.03));
}

}  // namespace
}  // namespace ccsim::models
