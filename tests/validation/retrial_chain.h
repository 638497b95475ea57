// tests/validation/retrial_chain.h
// The exact stationary measures of an M/M/c/L+M queue with an orbit of redialling
// callers: the Markov chain on (callers at the centre, callers in the orbit), truncated
// where the orbit's mass has vanished, for the retrial validation tests to compare with.
#pragma once

#include <cstdint>

namespace ccsim::models::testing {

// c agents and L >= c trunk lines (at most L callers at the centre, waiting or talking);
// fresh callers arrive as a Poisson stream, talk and patience are exponential. A call
// that finds all L lines taken is blocked; a waiting caller abandons when its patience
// runs out. After either failure the caller redials, with probability p whatever the
// number of attempts so far, after an exponential delay (the orbit), as a new call with
// a fresh patience. An attempt that succeeds ends the customer's story; there is no
// bound on the attempts. mean_patience_s may be +infinity (nobody abandons).
struct RetrialQueue {
  double rate_per_s = 0.0;  // fresh callers (customers), lambda
  double mean_service_s = 0.0;
  double mean_patience_s = 0.0;
  std::uint32_t agents = 0;
  std::uint32_t lines = 0;
  double p_redial = 0.0;
  double mean_redial_delay_s = 0.0;
};

// What the simulator reports, in the simulator's denominators. Per attempt: every
// attempt, first or redial, counts in the denominator (the KPIs over offered). Redials
// are not Poisson (their rate is beta times the orbit), so an attempt's chance to find
// the lines full or the agents busy weighs each state by lambda + beta m, not by its
// probability alone. Per customer: by rate balance, customers leave unserved at the rate
// (1 - p) (blocks + abandons), out of lambda.
struct RetrialMeasures {
  double attempt_rate_per_s = 0.0;  // lambda + beta E[m]
  double redial_rate_per_s = 0.0;   // beta E[m]
  double p_block = 0.0;             // blocked attempts / attempts
  double p_wait = 0.0;              // attempts that joined the queue with every agent busy / attempts
  double p_abandon = 0.0;           // theta E[Q] / attempts
  double mean_queue_length = 0.0;   // E[(n - c)+]
  double mean_orbit = 0.0;          // E[m]
  double served_rate_per_s = 0.0;   // mu E[min(n, c)]: each service is a different customer
  double customer_rate_per_s = 0.0;        // lambda
  double p_unserved_over_customers = 0.0;  // (1 - p) (blocked + abandoned rates) / lambda
  double p_abandon_over_customers = 0.0;   // (1 - p) abandoned rate / lambda: gave up after an abandon
  double p_blocked_over_customers = 0.0;   // (1 - p) blocked rate / lambda: gave up after a block
  std::uint32_t max_orbit = 0;  // M: the orbit was truncated at m <= M
  double edge_mass = 0.0;       // P(m = M), below kRetrialEdgeMass
};

// The truncation is widened (M doubled) until the probability at its edge is below this;
// the measures then differ from the infinite chain's by far less than any test resolves.
inline constexpr double kRetrialEdgeMass = 1e-12;

// Throws std::invalid_argument for agents == 0, lines < agents, a rate or mean that is
// not positive and finite (mean_patience_s may be +infinity), p_redial outside [0, 1],
// and when the orbit needs more than 4096 levels (a centre so overloaded, and callers so
// persistent, that the orbit grows without bound).
RetrialMeasures solve_retrial_chain(const RetrialQueue& q);

}  // namespace ccsim::models::testing
