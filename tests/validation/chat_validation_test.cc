// Chat against exact queueing results: agents holding k sessions each, without handle-time
// inflation, are c k servers, so a chat queue with exponential times is M/M/(c k) (Erlang
// C) and with exponential patience M/M/(c k)+M (Erlang A). Occupancy is the agents' (the
// share of time holding at least one session), so it is left out.
#include <gtest/gtest.h>

#include "models/analytic/erlang.h"
#include "models/replication.h"
#include "tests/models/test_scenarios.h"
#include "tests/validation/validation_support.h"

namespace ccsim::models {
namespace {

using testing::covers;
using testing::kValidationConfidence;
using testing::markov_scenario;
using testing::overall_kpi;

ScenarioSpec chats(ScenarioSpec s, std::uint32_t sessions) {
  s.contact_types.raw().front().channel = Channel::Chat;
  AgentGroupSpec& g = s.agent_groups.raw().front();
  g.staffing.front() /= sessions;
  g.chat_sessions = sessions;
  return s;
}

// 11 agents holding 5 chats each: M/M/55 at 50 Erlangs, as ErlangCValidation's calls.
TEST(ChatValidation, AgentsHoldingKSessionsMatchErlangCOnCTimesKServers) {
  const testing::TestSeed seed(20261204);
  ScenarioSpec s = chats(markov_scenario(1.0, 50.0, 55, std::nullopt, 2000, 200000, 40, seed.value()), 5);
  s.service_level = ServiceLevelSpec{10.0, 0.8, SlDefinition::AnsweredWithinTOverAnswered, 5.0};
  s.confidence = kValidationConfidence;
  const RunResults r = run_scenario(s, RunOptions{.threads = 2});
  const analytic::ErlangC exact = analytic::erlang_c_metrics(55, 1.0, 50.0, 10.0);
  EXPECT_TRUE(covers(overall_kpi(r, Kpi::PWaitOverAdmitted), exact.p_wait, 0.02));
  EXPECT_TRUE(covers(overall_kpi(r, Kpi::ServiceLevel), exact.service_level, 0.02));
  EXPECT_TRUE(covers(overall_kpi(r, Kpi::AsaS), exact.asa_s, 0.1 * exact.asa_s));
  EXPECT_TRUE(covers(overall_kpi(r, Kpi::MeanQueueLength), exact.mean_queue_length, 0.1 * exact.mean_queue_length));
}

// 16 agents holding 3 chats each, customers of patience 60 s: M/M/48+M at 50 Erlangs, as
// ErlangAValidation's calls (80 replications, for the same reason).
TEST(ChatValidation, ImpatientChatsOnKSessionsMatchErlangA) {
  const testing::TestSeed seed(4243);
  ScenarioSpec s = chats(markov_scenario(1.0, 50.0, 48, 60.0, 2000, 20000, 80, seed.value()), 3);
  s.service_level = ServiceLevelSpec{10.0, 0.8, SlDefinition::AnsweredWithinTOverAdmitted, 5.0};
  s.confidence = kValidationConfidence;
  const RunResults r = run_scenario(s, RunOptions{.threads = 2});
  const analytic::ErlangA exact = analytic::erlang_a_metrics(48, 1.0, 50.0, 60.0, 10.0);
  EXPECT_TRUE(covers(overall_kpi(r, Kpi::PAbandonOverAdmitted), exact.p_abandon, 0.01));
  EXPECT_TRUE(covers(overall_kpi(r, Kpi::PWaitOverAdmitted), exact.p_wait, 0.02));
  EXPECT_TRUE(covers(overall_kpi(r, Kpi::SlOverAdmitted), exact.sl_answered_within_t_over_offered, 0.02));
  EXPECT_TRUE(covers(overall_kpi(r, Kpi::AsaS), exact.asa_s, 0.1 * exact.asa_s));
  EXPECT_TRUE(covers(overall_kpi(r, Kpi::MeanQueueLength), exact.mean_queue_length, 0.1 * exact.mean_queue_length));
}

}  // namespace
}  // namespace ccsim::models
