// The retrial chain's solver against facts that do not go through it: without redials
// it is the finite-lines birth-death chain, its flows balance, and with one line and
// persistent callers it is the classical M/M/1 retrial queue, known in closed form.
#include "tests/validation/retrial_chain.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <vector>

#include <gtest/gtest.h>

namespace ccsim::models {
namespace {

using testing::kRetrialEdgeMass;
using testing::RetrialMeasures;
using testing::RetrialQueue;
using testing::solve_retrial_chain;

// The case the validation test runs: c = 20, L = 25, 22 Erlangs of fresh callers.
RetrialQueue validated_case(double p) {
  return RetrialQueue{.rate_per_s = 0.22,
                      .mean_service_s = 100.0,
                      .mean_patience_s = 60.0,
                      .agents = 20,
                      .lines = 25,
                      .p_redial = p,
                      .mean_redial_delay_s = 300.0};
}

// With p = 0 the orbit stays empty and n alone is a birth-death chain: births lambda
// below L, deaths min(n, c) mu + (n - c)+ theta. Every attempt is a customer, Poisson.
TEST(RetrialChain, WithoutRedialsItIsTheFiniteLinesBirthDeathChain) {
  const RetrialQueue q = validated_case(0.0);
  const double mu = 1.0 / q.mean_service_s, theta = 1.0 / q.mean_patience_s;
  std::vector<double> pi{1.0};
  for (unsigned n = 1; n <= q.lines; ++n)
    pi.push_back(pi.back() * q.rate_per_s / (std::min(n, q.agents) * mu + (n > q.agents ? n - q.agents : 0) * theta));
  double total = 0.0;
  for (double x : pi) total += x;
  double p_wait = 0.0, queue = 0.0;
  for (unsigned n = q.agents; n < q.lines; ++n) p_wait += pi[n] / total;
  for (unsigned n = q.agents + 1; n <= q.lines; ++n) queue += (n - q.agents) * pi[n] / total;
  const double p_block = pi[q.lines] / total, p_abandon = theta * queue / q.rate_per_s;

  const RetrialMeasures m = solve_retrial_chain(q);
  EXPECT_EQ(m.mean_orbit, 0.0);
  EXPECT_EQ(m.redial_rate_per_s, 0.0);
  EXPECT_DOUBLE_EQ(m.attempt_rate_per_s, q.rate_per_s);
  EXPECT_NEAR(m.p_block, p_block, 1e-13);
  EXPECT_NEAR(m.p_wait, p_wait, 1e-13);
  EXPECT_NEAR(m.mean_queue_length, queue, 1e-12);
  EXPECT_NEAR(m.p_abandon, p_abandon, 1e-13);
  EXPECT_NEAR(m.p_unserved_over_customers, p_block + p_abandon, 1e-13);
  EXPECT_NEAR(m.p_abandon_over_customers, p_abandon, 1e-13);
}

// Rate balance, which the solver never imposes: customers arrive at lambda and leave
// served or lost for good; the orbit is entered by the blocks and abandons that redial
// at the rate it is left, beta E[m]; and every attempt ends served, blocked or abandoned.
TEST(RetrialChain, CustomersAttemptsAndTheOrbitBalance) {
  for (double p : {0.3, 0.6, 0.9}) {
    SCOPED_TRACE(p);
    const RetrialQueue q = validated_case(p);
    const RetrialMeasures m = solve_retrial_chain(q);
    EXPECT_LT(m.edge_mass, kRetrialEdgeMass);
    EXPECT_GT(m.mean_orbit, 0.0);
    const double failed_rate = (m.p_block + m.p_abandon) * m.attempt_rate_per_s;
    EXPECT_NEAR(m.served_rate_per_s + m.p_unserved_over_customers * q.rate_per_s, q.rate_per_s, 1e-12);
    EXPECT_NEAR(m.redial_rate_per_s, p * failed_rate, 1e-12);
    EXPECT_NEAR(m.served_rate_per_s + failed_rate, m.attempt_rate_per_s, 1e-12);
    EXPECT_NEAR(m.p_unserved_over_customers, m.p_abandon_over_customers + m.p_blocked_over_customers, 1e-15);
  }
}

// One agent, one line, and callers who always redial (Falin & Templeton, Retrial Queues,
// 1997, section 1.2): nobody is lost, so the agent is busy a fraction rho = lambda / mu of
// the time, and the orbit holds rho^2 / (1 - rho) + lambda rho / (beta (1 - rho)) callers
// on average: 0.5 + 2.5 = 3 with lambda = 0.5, mu = 1, beta = 0.2. Every redial that
// fails is an attempt blocked.
TEST(RetrialChain, OneLineAndPersistentCallersAreTheClassicalRetrialQueue) {
  const RetrialQueue q{.rate_per_s = 0.5,
                       .mean_service_s = 1.0,
                       .mean_patience_s = std::numeric_limits<double>::infinity(),
                       .agents = 1,
                       .lines = 1,
                       .p_redial = 1.0,
                       .mean_redial_delay_s = 5.0};
  const RetrialMeasures m = solve_retrial_chain(q);
  EXPECT_LT(m.edge_mass, kRetrialEdgeMass);
  EXPECT_NEAR(m.mean_orbit, 3.0, 1e-12);
  EXPECT_NEAR(m.served_rate_per_s, 0.5, 1e-13);
  EXPECT_NEAR(m.attempt_rate_per_s, 0.5 + 3.0 / 5.0, 1e-12);
  EXPECT_NEAR(m.p_block, 0.6 / 1.1, 1e-12);
  EXPECT_EQ(m.p_wait, 0.0);
  EXPECT_EQ(m.p_abandon, 0.0);
  EXPECT_EQ(m.p_unserved_over_customers, 0.0);
}

TEST(RetrialChain, RefusesAQueueItCannotSolve) {
  RetrialQueue q = validated_case(0.6);
  q.lines = 19;
  EXPECT_THROW(solve_retrial_chain(q), std::invalid_argument);
  q = validated_case(1.5);
  EXPECT_THROW(solve_retrial_chain(q), std::invalid_argument);
  // Persistent callers offering twice what the one agent can serve: no steady state.
  q = RetrialQueue{.rate_per_s = 2.0,
                   .mean_service_s = 1.0,
                   .mean_patience_s = 60.0,
                   .agents = 1,
                   .lines = 1,
                   .p_redial = 1.0,
                   .mean_redial_delay_s = 5.0};
  EXPECT_THROW(solve_retrial_chain(q), std::invalid_argument);
}

}  // namespace
}  // namespace ccsim::models
