// models/analytic/erlang.h
// Exact steady-state formulas for M/M/c/c (Erlang B), M/M/c (Erlang C), M/M/c+M
// (Erlang A, exponential patience) and M/M/c/K(+M) (finite lines), and the smallest
// staffing that meets a target.
// All in double precision, stable for thousands of agents and Erlangs (recursions and
// log space, no factorials). docs/erlang.md gives every formula, its source and the
// exact definition of every field; the simulator's validation tests rely on them.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>

namespace ccsim::models::analytic {

// Searches never go beyond this many agents (or lines); a target that needs more is
// reported as an error instead of looping for a long time.
inline constexpr std::uint32_t kMaxStaffingAgents = 1'000'000;

// The Erlang A queue-length distribution is truncated where its tail is negligible;
// a model that needs more queue states than this (overloaded with very long patience)
// is rejected with std::invalid_argument.
inline constexpr std::uint32_t kMaxErlangAQueueStates = 2'000'000;

// Blocking probability of M/M/c/c with offered load a = lambda / mu Erlangs, by the
// recursion B(0) = 1, B(k) = a B(k-1) / (k + a B(k-1)). c = 0 gives 1.
// Throws std::invalid_argument if a is negative, NaN or infinite.
double erlang_b(std::uint32_t c, double a);

// Probability that an arrival waits (P(W > 0)) in M/M/c with load a: c B / (c - a (1 - B)).
// Returns 1 when a >= c (no steady state: every arrival eventually waits).
// Throws std::invalid_argument if c == 0 or a is negative, NaN or infinite.
double erlang_c(std::uint32_t c, double a);

// M/M/c, FIFO, infinite patience, in steady state. Every probability is per arrival
// (PASTA). When the load a = rate * mean_service >= agents there is no steady state:
// stable is false, p_wait = occupancy = 1, service_level = 0, and asa_s and
// mean_queue_length are +infinity.
struct ErlangC {
  double p_wait = 0.0;             // P(W > 0) = C(c, a)
  double service_level = 0.0;      // P(W <= awt) = 1 - C exp(-(c mu - lambda) awt)
  double asa_s = 0.0;              // E[W] over all calls = C / (c mu - lambda), seconds
  double mean_queue_length = 0.0;  // E[calls waiting] = lambda E[W]
  double occupancy = 0.0;          // a / c: mean fraction of agents busy
  bool stable = true;              // a < c
};

// Throws std::invalid_argument for agents == 0, rate_per_s < 0, mean_service_s <= 0,
// awt_s < 0, or any NaN / infinite argument.
ErlangC erlang_c_metrics(std::uint32_t agents, double rate_per_s, double mean_service_s,
                         double awt_s);

// M/M/c+M (Erlang A, Palm 1943; Garnett, Mandelbaum & Reiman 2002): FIFO, each caller
// abandons when its exponential patience (mean mean_patience_s) runs out before service.
// Per-arrival quantities (PASTA). Let W be the time an arrival spends in queue (until
// service or abandonment), "served" the event that it reaches an agent.
// mean_patience_s = +infinity means nobody abandons (then identical to ErlangC, and
// stable is false when a >= agents, with the same conventions as ErlangC).
struct ErlangA {
  double p_wait = 0.0;                              // P(W > 0) = P(N >= c) seen by an arrival
  double p_abandon = 0.0;                           // P(not served) = theta E[Q] / lambda
  double p_abandon_given_wait = 0.0;                // p_abandon / p_wait (0 if p_wait == 0)
  double sl_answered_within_t_over_offered = 0.0;   // P(served and W <= awt)
  double sl_answered_within_t_over_answered = 0.0;  // P(W <= awt | served)
  double asa_s = 0.0;              // E[W | served]: mean wait of answered calls, seconds
  double mean_wait_s = 0.0;        // E[W] over all arrivals incl. abandoning = E[Q]/lambda
  double mean_queue_length = 0.0;  // E[Q], time average of calls waiting
  double occupancy = 0.0;          // E[min(N, c)] / c: mean fraction of agents busy
  bool stable = true;              // false only for infinite patience with a >= c
};

// Throws std::invalid_argument for agents == 0, rate_per_s < 0, mean_service_s <= 0,
// mean_patience_s <= 0 or NaN (+infinity is allowed), awt_s < 0 or not finite, or when
// the truncated queue would need more than kMaxErlangAQueueStates states.
ErlangA erlang_a_metrics(std::uint32_t agents, double rate_per_s, double mean_service_s,
                         double mean_patience_s, double awt_s);

// M/M/c+M: P(an arrival abandons after waiting at most t_s seconds). With the
// simulator's "excluding short abandons" service level this gives
//   sl = sl_answered_within_t_over_offered / (1 - erlang_a_p_abandon_within(.., short_s)).
// Same argument checks as erlang_a_metrics (t_s in place of awt_s).
double erlang_a_p_abandon_within(std::uint32_t agents, double rate_per_s,
                                 double mean_service_s, double mean_patience_s, double t_s);

// P(served and W <= awt_s) / P(not an abandonment with W <= short_abandon_s): answered
// within awt over offered calls minus those that abandoned within short_abandon_s.
double erlang_a_sl_excluding_short_abandons(std::uint32_t agents, double rate_per_s,
                                            double mean_service_s, double mean_patience_s,
                                            double awt_s, double short_abandon_s);

// M/M/c/K and M/M/c/K+M: `agents` agents and `lines` >= agents lines (K); a call that
// finds every line taken is blocked, the others wait FIFO for an agent, and with a finite
// mean_patience_s abandon when their exponential patience runs out (+infinity: never).
// Exact birth-death stationary distribution over all K + 1 states (log space) and exact
// waiting-time distribution; lines == agents is Erlang B. Every ratio names its
// denominator: offered (every arrival, blocked included), admitted (not blocked) or
// answered. docs/erlang.md, "Finite lines".
struct FiniteLines {
  double p_block = 0.0;                             // P(N = K) seen by an arrival
  double p_wait_over_offered = 0.0;                 // P(c <= N < K): admitted and waits
  double p_wait_over_admitted = 0.0;                // P(W > 0 | admitted)
  double p_abandon_over_offered = 0.0;              // theta E[Q] / lambda
  double p_abandon_over_admitted = 0.0;             // theta E[Q] / (lambda (1 - p_block))
  double sl_answered_within_t_over_offered = 1.0;   // P(answered and W <= awt)
  double sl_answered_within_t_over_admitted = 1.0;  // the same over P(admitted)
  double sl_answered_within_t_over_answered = 1.0;  // the same over P(answered)
  double asa_s = 0.0;                 // E[W | answered], seconds
  double mean_wait_admitted_s = 0.0;  // E[W | admitted], abandons counted = E[Q] / admit rate
  double mean_queue_length = 0.0;     // E[Q], time average of calls waiting
  double occupancy = 0.0;             // E[min(N, c)] / c
};

// Throws std::invalid_argument for agents == 0, lines < agents, lines - agents above
// kMaxErlangAQueueStates, and the argument checks of erlang_a_metrics.
FiniteLines finite_lines_metrics(std::uint32_t agents, std::uint32_t lines, double rate_per_s,
                                 double mean_service_s, double mean_patience_s, double awt_s);

// Smallest n in [lo, hi] with meets(n), for a predicate that is monotone (false ... false
// true ... true). Starts at guess (clamped into [lo, hi]; lo by default), gallops down or
// up from it, then bisects: O(log |answer - guess|) calls, so a good guess saves the
// expensive evaluations. Throws std::invalid_argument naming `what` if meets(hi) is false.
template <class Meets>
std::uint32_t smallest_agents_meeting(std::uint32_t lo, std::uint32_t hi, Meets meets,
                                      const char* what, std::uint32_t guess = 0) {
  if (lo > hi) throw std::invalid_argument(std::string(what) + ": empty search range");
  const std::uint32_t start = guess < lo ? lo : (guess > hi ? hi : guess);
  std::uint32_t fail = 0;  // once set: meets(fail) is false and fail < pass
  std::uint32_t pass = 0;  // once set: meets(pass) is true
  std::uint32_t step = 1;
  if (meets(start)) {
    pass = start;
    for (;;) {  // gallop down
      if (pass == lo) return lo;
      const std::uint32_t probe = (pass - lo > step) ? pass - step : lo;
      if (!meets(probe)) {
        fail = probe;
        break;
      }
      pass = probe;
      step = step > hi / 2 ? hi : step * 2;
    }
  } else {
    fail = start;
    for (;;) {  // gallop up
      if (fail == hi)
        throw std::invalid_argument(std::string(what) + ": target not met even with " +
                                    std::to_string(hi) + " agents; ask for a reachable target");
      const std::uint32_t probe = (hi - fail > step) ? fail + step : hi;
      if (meets(probe)) {
        pass = probe;
        break;
      }
      fail = probe;
      step = step > hi / 2 ? hi : step * 2;
    }
  }
  while (pass - fail > 1) {
    const std::uint32_t mid = fail + (pass - fail) / 2;
    if (meets(mid))
      pass = mid;
    else
      fail = mid;
  }
  return pass;
}

// Smallest number of lines c >= 0 with erlang_b(c, load_erlangs) <= target_p_block.
// target_p_block must be in (0, 1].
std::uint32_t staff_erlang_b_for_blocking(double load_erlangs, double target_p_block);

// Smallest stable c (c > a) with ErlangC::service_level >= target_sl; target in [0, 1).
std::uint32_t staff_erlang_c_for_sl(double rate_per_s, double mean_service_s, double awt_s,
                                    double target_sl);

// Smallest stable c with ErlangC::asa_s <= target_asa_s; target > 0.
std::uint32_t staff_erlang_c_for_asa(double rate_per_s, double mean_service_s,
                                     double target_asa_s);

// Smallest c >= 1 with ErlangA::sl_answered_within_t_over_offered >= target_sl; target
// in [0, 1). Candidates whose queue needs more than kMaxErlangAQueueStates states count
// as missing the target; if c - 1 was such a candidate, c is not provably minimal and
// std::invalid_argument is thrown instead (only with extremely long patience).
std::uint32_t staff_erlang_a_for_sl(double rate_per_s, double mean_service_s,
                                    double mean_patience_s, double awt_s, double target_sl);

// Smallest c >= 1 with ErlangA::p_abandon <= target_p_abandon; target in (0, 1]. Same
// rule as above for candidates whose queue is too long to compute.
std::uint32_t staff_erlang_a_for_abandon(double rate_per_s, double mean_service_s,
                                         double mean_patience_s, double target_p_abandon);

// Smallest stable c with erlang_c(c, a) <= target_p_wait; target in (0, 1).
std::uint32_t staff_erlang_c_for_p_wait(double rate_per_s, double mean_service_s,
                                        double target_p_wait);

// Smallest c >= 1 with ErlangA::p_wait <= target_p_wait; target in (0, 1). Same rule as
// staff_erlang_a_for_sl for candidates whose queue is too long to compute.
std::uint32_t staff_erlang_a_for_p_wait(double rate_per_s, double mean_service_s,
                                        double mean_patience_s, double target_p_wait);

// Smallest c >= 1 with ErlangA::sl_answered_within_t_over_answered >= target_sl; target in
// [0, 1). This service level ignores abandons, so short patience can meet it with very
// few agents: pair it with an abandonment target.
std::uint32_t staff_erlang_a_for_sl_over_answered(double rate_per_s, double mean_service_s,
                                                  double mean_patience_s, double awt_s,
                                                  double target_sl);

// The FiniteLines quantity a staffing search for a fixed number of lines constrains.
// P(wait) over *offered* calls is not offered: with few agents most calls are blocked,
// so few offered calls wait, and adding agents can raise it. With patience shorter than
// the handle time every added agent raises p_block, so only one agent can meet it.
enum class FiniteLinesTarget : std::uint8_t {
  PBlock,                // p_block <= target
  PWaitOverAdmitted,     // p_wait_over_admitted <= target
  PAbandonOverAdmitted,  // p_abandon_over_admitted <= target
  SlOverOffered,         // sl_answered_within_t_over_offered >= target
  SlOverAdmitted,        // sl_answered_within_t_over_admitted >= target
  SlOverAnswered,        // sl_answered_within_t_over_answered >= target
};

// Smallest c in [1, lines] meeting the target with `lines` lines; probabilities in (0, 1),
// service levels in [0, 1). Throws std::invalid_argument when no c up to lines meets it.
std::uint32_t staff_finite_lines(std::uint32_t lines, double rate_per_s, double mean_service_s,
                                 double mean_patience_s, double awt_s, FiniteLinesTarget kind,
                                 double target);

}  // namespace ccsim::models::analytic
