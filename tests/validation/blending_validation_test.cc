// Blending against exact two-class priority results: calls and e-mails on one group of c
// agents, one exponential service rate mu for both, calls first (queue_priority).
//
// Non-preemptive (an agent finishes its e-mail): Cobham, "Priority assignment in waiting
// line problems", Operations Research 2(1), 1954, for M/M/c with equal rates: with
// C = ErlangC(c, a) of the total load a and sigma_k the load of classes 1..k over c,
//   W_k = C / (c mu) / ((1 - sigma_{k-1}) (1 - sigma_k)).
// Preemptive-resume (a call takes an agent from its e-mail, which waits again at the head
// of its backlog with the work left): the calls see the agents as if the e-mails were not
// there, an M/M/c of their own load; and with one service rate the total number in system
// is that of FIFO M/M/c with both loads (the order of service does not change it for
// exponential work that is resumed), so the e-mails' mean number is the difference, and
// their mean time in system follows by Little's law (Buzen & Bondi, "The response times
// of priority classes under preemptive resume in M/M/m queues", Operations Research 31(3),
// 1983, the equal-rates case).
#include <gtest/gtest.h>

#include "models/analytic/erlang.h"
#include "models/replication.h"
#include "models/scenario/target_rules.h"
#include "tests/models/test_scenarios.h"
#include "tests/validation/validation_support.h"

namespace ccsim::models {
namespace {

using testing::covers;
using testing::kValidationConfidence;
using testing::markov_scenario;

constexpr std::uint32_t kAgents = 10;
constexpr double kCallRate = 4.0;
constexpr double kMailRate = 4.0;
constexpr double kMu = 1.0;  // mean handle time 1 s

// Mean number waiting in FIFO M/M/c with load a.
double queue_length(std::uint32_t c, double a) { return analytic::erlang_c(c, a) * a / (c - a); }

ScenarioSpec calls_and_mails(bool interruptible, std::uint64_t seed) {
  ScenarioSpec s = markov_scenario(kCallRate, 1.0 / kMu, kAgents, std::nullopt, 200.0, 20000.0, 40, seed);
  ContactTypeSpec mail = s.contact_types.raw().front();
  mail.name = "mails";
  mail.channel = Channel::Email;
  mail.priority = 1;
  mail.interruptible = interruptible;
  mail.arrivals.rate_per_s = kMailRate;
  mail.service_level = ServiceLevelSpec{60.0, 0.8, SlDefinition::AnsweredWithinTOverAdmitted, 5.0};
  s.contact_types.push_back(mail);
  for (const TargetSpec& t : internal::type_service_level_targets(s)) s.targets.push_back(t);
  s.confidence = kValidationConfidence;
  return s;
}

const KpiStat& of_type(const RunResults& r, std::size_t type, Kpi k) { return stat_of(r.by_type[type], k); }

TEST(BlendingValidation, CallsFirstWithoutInterruptionMatchesCobham) {
  const testing::TestSeed seed(20261205);
  const RunResults r = run_scenario(calls_and_mails(false, seed.value()), RunOptions{.threads = 2});
  const double a = (kCallRate + kMailRate) / kMu;
  const double sigma1 = kCallRate / kMu / kAgents;
  const double sigma2 = a / kAgents;
  const double base = analytic::erlang_c(kAgents, a) / (kAgents * kMu);
  const double calls_wait = base / (1.0 - sigma1);
  const double mails_wait = base / ((1.0 - sigma1) * (1.0 - sigma2));
  EXPECT_TRUE(covers(of_type(r, 0, Kpi::AsaS), calls_wait, 0.1 * calls_wait));
  EXPECT_TRUE(covers(of_type(r, 1, Kpi::AsaS), mails_wait, 0.1 * mails_wait));
  EXPECT_EQ(of_type(r, 1, Kpi::Interrupted).mean, 0.0);
}

TEST(BlendingValidation, CallsInterruptingEmailsMatchPreemptiveResume) {
  const testing::TestSeed seed(5122026);
  const RunResults r = run_scenario(calls_and_mails(true, seed.value()), RunOptions{.threads = 2});
  const double calls_load = kCallRate / kMu;
  const double calls_wait = analytic::erlang_c(kAgents, calls_load) / (kAgents * kMu - kCallRate);
  const double in_system = queue_length(kAgents, (kCallRate + kMailRate) / kMu) + (kCallRate + kMailRate) / kMu;
  const double mails_in_system = in_system - (queue_length(kAgents, calls_load) + calls_load);
  const double mails_time = mails_in_system / kMailRate;
  EXPECT_TRUE(covers(of_type(r, 0, Kpi::AsaS), calls_wait, 0.1 * calls_wait));
  EXPECT_TRUE(covers(of_type(r, 1, Kpi::MeanInSystem), mails_in_system, 0.05 * mails_in_system));
  EXPECT_TRUE(covers(of_type(r, 1, Kpi::MeanTimeInSystemS), mails_time, 0.05 * mails_time));
  // A call that finds every agent busy interrupts an e-mail whenever one is being worked on.
  EXPECT_GT(of_type(r, 1, Kpi::Interrupted).mean, 0.0);
}

}  // namespace
}  // namespace ccsim::models
