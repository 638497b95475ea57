// models/analytic/erlang.cc
// Erlang B / C / A and finite-line formulas and staffing searches; docs/erlang.md derives every
// formula used here and states the truncation bound of the Erlang A distribution.
#include "models/analytic/erlang.h"

#include <algorithm>
#include <boost/math/special_functions/beta.hpp>
#include <boost/math/special_functions/gamma.hpp>
#include <cmath>
#include <limits>
#include <optional>
#include <string_view>
#include <vector>

#include <fmt/format.h>

namespace ccsim::models::analytic {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// Bound on the neglected queue-length tail, relative to the kept mass (see queue_seen).
constexpr double kTailEpsilon = 1e-16;

// Terms of the arrival-seen queue distribution below this weight are skipped in the
// waiting-time sums; even 2e6 of them add less than 1e-23.
constexpr double kNegligibleWeight = 1e-30;

[[noreturn]] void bad(std::string_view fn, std::string_view name, double got,
                      std::string_view accepted) {
  throw std::invalid_argument(fmt::format("{}: {} is {}; expected {}", fn, name, got, accepted));
}

void check_nonneg(std::string_view fn, std::string_view name, double v) {
  if (!std::isfinite(v) || v < 0.0) bad(fn, name, v, "a finite number >= 0");
}

void check_positive(std::string_view fn, std::string_view name, double v) {
  if (!std::isfinite(v) || v <= 0.0) bad(fn, name, v, "a finite number > 0");
}

void check_probability(std::string_view fn, std::string_view name, double v) {
  if (!(v > 0.0 && v < 1.0)) bad(fn, name, v, "a probability in (0, 1)");
}

void check_patience(std::string_view fn, double v) {
  if (std::isnan(v) || v <= 0.0)
    bad(fn, "mean_patience_s", v, "a number > 0 (inf: callers never abandon)");
}

void check_agents(std::string_view fn, std::uint32_t c) {
  if (c == 0)
    throw std::invalid_argument(fmt::format("{}: agents is 0; expected at least 1", fn));
}

// Offered load lambda * E[S], checked to be finite (a huge rate times a huge AHT).
double load_of(std::string_view fn, double rate_per_s, double mean_service_s) {
  const double a = rate_per_s * mean_service_s;
  if (!std::isfinite(a)) bad(fn, "offered load rate_per_s * mean_service_s", a, "a finite load");
  return a;
}

// Erlang B recursion, arguments already checked.
double erlang_b_unchecked(std::uint32_t c, double a) {
  double b = 1.0;
  for (std::uint32_t k = 1; k <= c; ++k) b = a * b / (static_cast<double>(k) + a * b);
  return b;
}

// The M/M/c+M state N seen by an arrival (PASTA), split as the Erlang-loss part
// N <= c and the queue part N = c + j. With w_j = pi_{c+j} / pi_c and S = sum_j w_j:
//   sum_{n<=c} pi_n = pi_c / B(c, a)  (the truncated Poisson of Erlang B),
// so, with inv_s = 1/S and tail1 = (S-1)/S = sum_{j>=1} q_j,
//   P(N >= c) = B / (inv_s + B tail1),  P(N <= c) = inv_s / (inv_s + B tail1).
// q[j] = P(N = c + j | N >= c). Every quantity is a ratio of positive sums: no
// cancellation, no overflow (log w_j is kept relative to its running maximum).
struct QueueSeen {
  double b = 0.0;        // Erlang B(c, a)
  double p_below = 0.0;  // P(N < c): answered at once
  double p_le = 0.0;     // P(N <= c)
  double p_above = 0.0;  // P(N > c)
  double p_wait = 0.0;   // P(N >= c)
  std::vector<double> q;
};

// max_queue is K - c with K lines: every state up to it is kept, so that P(N = K), the
// blocking probability, keeps its relative accuracy however small. Without it the queue is
// unlimited and the distribution is truncated where its tail is negligible; then nullopt
// when more than kMaxErlangAQueueStates queue states would be needed. theta may be 0 only
// with max_queue (M/M/c/K: w_j = rho^j).
std::optional<QueueSeen> queue_seen(std::uint32_t c, double lambda, double mu, double theta,
                                    std::optional<std::uint32_t> max_queue = std::nullopt) {
  const double a = lambda / mu;
  const double c_mu = static_cast<double>(c) * mu;
  // The mode of w_j is at floor((lambda - c mu) / theta): beyond the cap, give up at once.
  if (!max_queue && (lambda - c_mu) / theta > static_cast<double>(kMaxErlangAQueueStates))
    return std::nullopt;

  // log w_j = sum_{k=1..j} log r_k, r_k = lambda / (c mu + k theta), non-increasing in k.
  // Stop after J when the neglected tail is provably small: for r = r_{J+1} < 1,
  //   sum_{k>J} k w_k <= w_J sum_{m>=1} (J+m) r^m <= w_J (J+1) r / (1-r)^2,
  // and we stop once that is <= kTailEpsilon * sum_{k<=J} w_k. The neglected mass and the
  // neglected part of E[Q | N >= c] are then both below kTailEpsilon (relative / absolute).
  std::vector<double> lw{0.0};
  double ref = 0.0;     // running max of lw
  double scaled = 1.0;  // sum_k exp(lw_k - ref)
  for (std::uint64_t j = 1;; ++j) {
    if (max_queue && j > *max_queue) break;
    const double r = lambda / (c_mu + static_cast<double>(j) * theta);
    if (!max_queue && r < 1.0) {
      const double one_minus = 1.0 - r;
      const double bound =
          std::exp(lw.back() - ref) * static_cast<double>(j) * r / (one_minus * one_minus);
      if (bound <= kTailEpsilon * scaled) break;
    }
    if (j > kMaxErlangAQueueStates) return std::nullopt;
    const double next = lw.back() + std::log(r);
    lw.push_back(next);
    if (next > ref) {
      scaled = scaled * std::exp(ref - next) + 1.0;
      ref = next;
    } else {
      scaled += std::exp(next - ref);
    }
  }

  // Second pass: exact sums of the stored terms.
  QueueSeen out;
  out.q.resize(lw.size());
  double total = 0.0;
  for (std::size_t j = 0; j < lw.size(); ++j) total += (out.q[j] = std::exp(lw[j] - ref));
  double tail1 = 0.0;
  for (std::size_t j = 0; j < lw.size(); ++j) {
    out.q[j] /= total;
    if (j > 0) tail1 += out.q[j];
  }
  const double inv_s = std::exp(-ref) / total;  // w_0 / S

  out.b = erlang_b_unchecked(c, a);
  const double den = inv_s + out.b * tail1;
  out.p_wait = out.b / den;
  out.p_le = inv_s / den;
  out.p_above = out.b * tail1 / den;
  out.p_below = inv_s * (1.0 - out.b) / den;
  return out;
}

struct Params {
  double lambda, mu, theta, a;
};

[[noreturn]] void too_many_states(std::string_view fn, std::uint32_t c, const Params& p) {
  throw std::invalid_argument(fmt::format(
      "{}: the queue-length distribution needs more than {} states (load {:.6g} Erlangs on {} "
      "agents, mean patience {:.6g} s); expected a shorter mean patience or more agents",
      fn, kMaxErlangAQueueStates, p.a, c, 1.0 / p.theta));
}

Params check_erlang_a(std::string_view fn, std::uint32_t agents, double rate_per_s,
                      double mean_service_s, double mean_patience_s) {
  check_agents(fn, agents);
  check_nonneg(fn, "rate_per_s", rate_per_s);
  check_positive(fn, "mean_service_s", mean_service_s);
  check_patience(fn, mean_patience_s);
  const double a = load_of(fn, rate_per_s, mean_service_s);
  return {rate_per_s, 1.0 / mean_service_s, 1.0 / mean_patience_s, a};
}

// For a caller that finds j others waiting, write T_j for the time until it would reach
// an agent if it never abandoned: a sum of exponentials with rates c mu + i theta,
// i = 0..j. Its Laplace transform is B(alpha + s/theta, j+1) / B(alpha, j+1) with
// alpha = c mu / theta, i.e. exp(-theta T_j) ~ Beta(alpha, j+1). Its own patience is an
// independent Exp(theta), so with y = 1 - exp(-theta t):
//   P(served, W <= t | j)    = E[X; X >= 1-y]          = p_served_j * I_y(j+1, alpha+1)
//   P(abandoned, W <= t | j) = E[min(1-X, y)]          = p_abandon_j * I_y(j+2, alpha)
//                                                        + y * (1 - I_y(j+1, alpha))
// where X ~ Beta(alpha, j+1), p_served_j = alpha / (alpha+j+1), I is the regularized
// incomplete beta function (docs/erlang.md, "Waiting time in Erlang A"). Without
// abandonment (theta = 0, finite lines only) T_j is Erlang(j+1, c mu): a gamma_p.
double served_within_given(double j, double c_mu, double theta, double t) {
  if (theta == 0.0) return boost::math::gamma_p(j + 1.0, c_mu * t);
  return boost::math::ibeta(j + 1.0, c_mu / theta + 1.0, -std::expm1(-theta * t));
}

// Steady state per offered call (blocked calls count in every denominator), for a
// queue limited to max_queue waiting calls (K - c) or unlimited. Needs lambda > 0, and
// theta > 0 when the queue is unlimited; nullopt when the queue needs too many states.
struct Offered {
  double p_block = 0.0;      // P(N = K) seen by an arrival
  double p_admitted = 1.0;   // P(N < K): summed, not 1 - p_block, to keep tiny values exact
  double p_wait = 0.0;       // P(c <= N < K): admitted and waits
  double p_answered = 1.0;   // E[min(N, c)] / a (throughput over arrival rate)
  double sl = 1.0;           // P(answered and W <= awt)
  double asa_s = 0.0;        // E[W | answered]
  double mean_queue_length = 0.0;
  double occupancy = 0.0;
};

std::optional<Offered> offered_checked(std::uint32_t agents, const Params& p, double awt_s,
                                       std::optional<std::uint32_t> max_queue) {
  const double c = static_cast<double>(agents);
  const double c_mu = c * p.mu;
  const std::optional<QueueSeen> seen = queue_seen(agents, p.lambda, p.mu, p.theta, max_queue);
  if (!seen) return std::nullopt;
  const QueueSeen& s = *seen;
  // An arrival that finds j waiting is admitted for j < K - c (every j if unlimited).
  const std::size_t admitted = max_queue ? *max_queue : s.q.size();

  // One pass over j (callers ahead in queue at arrival).
  double mean_q_given_wait = 0.0;  // E[Q | N >= c]
  double q_admitted = 0.0;         // P(N < K | N >= c)
  double served_wait = 0.0;        // E[W 1{served}; admitted | N >= c]
  double served_within_t = 0.0;    // P(served, W <= awt; admitted | N >= c)
  double harmonic = 0.0;  // sum_{i=0..j} 1 / (c mu + (i+1) theta): E[T_j with abandon rate]
  for (std::size_t j = 0; j < s.q.size(); ++j) {
    const double jd = static_cast<double>(j);
    const double nu = c_mu + (jd + 1.0) * p.theta;
    harmonic += 1.0 / nu;
    const double qj = s.q[j];
    mean_q_given_wait += jd * qj;
    if (j >= admitted) continue;
    q_admitted += qj;
    if (qj < kNegligibleWeight) continue;
    const double p_served_j = c_mu / nu;
    served_wait += qj * p_served_j * harmonic;
    if (awt_s > 0.0) served_within_t += qj * p_served_j * served_within_given(jd, c_mu, p.theta, awt_s);
  }

  Offered o;
  o.p_wait = s.p_wait * q_admitted;
  o.p_block = max_queue ? s.p_wait * s.q[*max_queue] : 0.0;
  o.p_admitted = s.p_below + o.p_wait;
  const double busy = s.p_le * p.a * (1.0 - s.b) + s.p_above * c;  // E[min(N, c)]
  o.p_answered = busy / p.a;
  o.sl = s.p_below + s.p_wait * served_within_t;
  o.asa_s = s.p_wait * served_wait / o.p_answered;
  o.mean_queue_length = s.p_wait * mean_q_given_wait;
  o.occupancy = busy / c;
  return o;
}

// Erlang A for checked arguments; nullopt when the queue needs too many states.
std::optional<ErlangA> erlang_a_checked(std::uint32_t agents, const Params& p, double awt_s) {
  ErlangA m;
  if (p.theta == 0.0) {  // infinite patience: M/M/c
    const ErlangC e = erlang_c_metrics(agents, p.lambda, 1.0 / p.mu, awt_s);
    m.p_wait = e.p_wait;
    m.sl_answered_within_t_over_offered = e.service_level;
    m.sl_answered_within_t_over_answered = e.service_level;
    m.asa_s = e.asa_s;
    m.mean_wait_s = e.asa_s;
    m.mean_queue_length = e.mean_queue_length;
    m.occupancy = e.occupancy;
    m.stable = e.stable;
    return m;
  }
  if (p.lambda == 0.0) {  // nobody arrives; an arrival would find all agents free
    m.sl_answered_within_t_over_offered = 1.0;
    m.sl_answered_within_t_over_answered = 1.0;
    return m;
  }
  const std::optional<Offered> o = offered_checked(agents, p, awt_s, std::nullopt);
  if (!o) return std::nullopt;
  m.p_wait = o->p_wait;
  m.mean_queue_length = o->mean_queue_length;
  m.p_abandon = p.theta * m.mean_queue_length / p.lambda;
  m.p_abandon_given_wait = m.p_wait > 0.0 ? m.p_abandon / m.p_wait : 0.0;
  m.sl_answered_within_t_over_offered = o->sl;
  m.sl_answered_within_t_over_answered = o->sl / o->p_answered;
  m.asa_s = o->asa_s;
  m.mean_wait_s = m.mean_queue_length / p.lambda;
  m.occupancy = o->occupancy;
  return m;
}

}  // namespace

double erlang_b(std::uint32_t c, double a) {
  check_nonneg("erlang_b", "a (offered load in Erlangs)", a);
  return erlang_b_unchecked(c, a);
}

double erlang_c(std::uint32_t c, double a) {
  check_agents("erlang_c", c);
  check_nonneg("erlang_c", "a (offered load in Erlangs)", a);
  const double cd = static_cast<double>(c);
  if (a >= cd) return 1.0;
  const double b = erlang_b_unchecked(c, a);
  return cd * b / (cd - a * (1.0 - b));
}

ErlangC erlang_c_metrics(std::uint32_t agents, double rate_per_s, double mean_service_s,
                         double awt_s) {
  constexpr std::string_view fn = "erlang_c_metrics";
  check_agents(fn, agents);
  check_nonneg(fn, "rate_per_s", rate_per_s);
  check_positive(fn, "mean_service_s", mean_service_s);
  check_nonneg(fn, "awt_s", awt_s);
  const double a = load_of(fn, rate_per_s, mean_service_s);
  const double c = static_cast<double>(agents);

  ErlangC m;
  if (a >= c) {
    m.stable = false;
    m.p_wait = 1.0;
    m.service_level = 0.0;
    m.asa_s = kInf;
    m.mean_queue_length = kInf;
    m.occupancy = 1.0;
    return m;
  }
  m.p_wait = erlang_c(agents, a);
  const double gap_per_s = (c - a) / mean_service_s;  // c mu - lambda
  m.service_level = 1.0 - m.p_wait * std::exp(-gap_per_s * awt_s);
  m.asa_s = m.p_wait / gap_per_s;
  m.mean_queue_length = rate_per_s * m.asa_s;
  m.occupancy = a / c;
  return m;
}

ErlangA erlang_a_metrics(std::uint32_t agents, double rate_per_s, double mean_service_s,
                         double mean_patience_s, double awt_s) {
  constexpr std::string_view fn = "erlang_a_metrics";
  const Params p = check_erlang_a(fn, agents, rate_per_s, mean_service_s, mean_patience_s);
  check_nonneg(fn, "awt_s", awt_s);
  const std::optional<ErlangA> m = erlang_a_checked(agents, p, awt_s);
  if (!m) too_many_states(fn, agents, p);
  return *m;
}

double erlang_a_p_abandon_within(std::uint32_t agents, double rate_per_s,
                                 double mean_service_s, double mean_patience_s, double t_s) {
  constexpr std::string_view fn = "erlang_a_p_abandon_within";
  const Params p = check_erlang_a(fn, agents, rate_per_s, mean_service_s, mean_patience_s);
  check_nonneg(fn, "t_s", t_s);
  if (p.theta == 0.0 || p.lambda == 0.0 || t_s == 0.0) return 0.0;

  const double c_mu = static_cast<double>(agents) * p.mu;
  const std::optional<QueueSeen> seen = queue_seen(agents, p.lambda, p.mu, p.theta);
  if (!seen) too_many_states(fn, agents, p);
  const QueueSeen& s = *seen;
  const double alpha = c_mu / p.theta;
  const double y = -std::expm1(-p.theta * t_s);
  double sum = 0.0;
  for (std::size_t j = 0; j < s.q.size(); ++j) {
    const double qj = s.q[j];
    if (qj < kNegligibleWeight) continue;
    const double jd = static_cast<double>(j);
    const double p_abandon_j = (jd + 1.0) * p.theta / (c_mu + (jd + 1.0) * p.theta);
    sum += qj * (p_abandon_j * boost::math::ibeta(jd + 2.0, alpha, y) +
                 y * boost::math::ibetac(jd + 1.0, alpha, y));
  }
  return s.p_wait * sum;
}

double erlang_a_sl_excluding_short_abandons(std::uint32_t agents, double rate_per_s,
                                            double mean_service_s, double mean_patience_s,
                                            double awt_s, double short_abandon_s) {
  const ErlangA m =
      erlang_a_metrics(agents, rate_per_s, mean_service_s, mean_patience_s, awt_s);
  const double short_ab =
      erlang_a_p_abandon_within(agents, rate_per_s, mean_service_s, mean_patience_s,
                                short_abandon_s);
  return m.sl_answered_within_t_over_offered / (1.0 - short_ab);
}

FiniteLines finite_lines_metrics(std::uint32_t agents, std::uint32_t lines, double rate_per_s,
                                 double mean_service_s, double mean_patience_s, double awt_s) {
  constexpr std::string_view fn = "finite_lines_metrics";
  const Params p = check_erlang_a(fn, agents, rate_per_s, mean_service_s, mean_patience_s);
  check_nonneg(fn, "awt_s", awt_s);
  if (lines < agents)
    throw std::invalid_argument(fmt::format(
        "{}: lines is {}, fewer than the {} agents; expected lines >= agents (each call in "
        "service holds a line)", fn, lines, agents));
  if (lines - agents > kMaxErlangAQueueStates)
    throw std::invalid_argument(fmt::format(
        "{}: lines - agents is {}; expected at most {} waiting positions", fn, lines - agents,
        kMaxErlangAQueueStates));
  FiniteLines m;
  if (p.lambda == 0.0) return m;  // an arrival would find every agent free
  const Offered o = *offered_checked(agents, p, awt_s, lines - agents);  // never truncated
  m.p_block = o.p_block;
  m.p_wait_over_offered = o.p_wait;
  m.p_wait_over_admitted = o.p_wait / o.p_admitted;
  m.p_abandon_over_offered = p.theta * o.mean_queue_length / p.lambda;
  m.p_abandon_over_admitted = m.p_abandon_over_offered / o.p_admitted;
  m.sl_answered_within_t_over_offered = o.sl;
  m.sl_answered_within_t_over_admitted = o.sl / o.p_admitted;
  m.sl_answered_within_t_over_answered = o.sl / o.p_answered;
  m.asa_s = o.asa_s;
  m.mean_wait_admitted_s = o.mean_queue_length / (p.lambda * o.p_admitted);
  m.mean_queue_length = o.mean_queue_length;
  m.occupancy = o.occupancy;
  return m;
}

std::uint32_t staff_erlang_b_for_blocking(double load_erlangs, double target_p_block) {
  constexpr std::string_view fn = "staff_erlang_b_for_blocking";
  check_nonneg(fn, "load_erlangs", load_erlangs);
  if (!(target_p_block > 0.0 && target_p_block <= 1.0))
    bad(fn, "target_p_block", target_p_block, "a probability in (0, 1]");
  return smallest_agents_meeting(
      0, kMaxStaffingAgents,
      [&](std::uint32_t n) { return erlang_b_unchecked(n, load_erlangs) <= target_p_block; },
      "staff_erlang_b_for_blocking");
}

namespace {

// max(1, floor(a * fraction)), capped at kMaxStaffingAgents: a lower bound on the
// answer of a search whose target can only be met when c / a >= fraction.
std::uint32_t below_fraction_of_load(double a, double fraction) {
  const double c = std::floor(a * fraction);
  if (c < 1.0) return 1;
  return c >= static_cast<double>(kMaxStaffingAgents) ? kMaxStaffingAgents
                                                       : static_cast<std::uint32_t>(c);
}

// Smallest c with c > a, the first stable M/M/c.
std::uint32_t first_stable(std::string_view fn, double a) {
  const double lo = std::floor(a) + 1.0;
  if (lo > static_cast<double>(kMaxStaffingAgents))
    throw std::invalid_argument(fmt::format(
        "{}: the load of {:.6g} Erlangs needs more than {} agents; expected a smaller load",
        fn, a, kMaxStaffingAgents));
  return static_cast<std::uint32_t>(lo);
}

// Erlang A staffing search over checked parameters. A candidate whose queue needs more
// than kMaxErlangAQueueStates states counts as missing the target; if the answer's
// predecessor was such a candidate, minimality cannot be shown and this throws.
template <class Meets>
std::uint32_t staff_erlang_a(std::string_view fn, const Params& p, double awt_s,
                             std::uint32_t lo, std::uint32_t guess, Meets meets) {
  std::vector<std::uint32_t> uncomputable;
  const std::string what(fn);
  const std::uint32_t c = smallest_agents_meeting(
      lo, kMaxStaffingAgents,
      [&](std::uint32_t n) {
        const std::optional<ErlangA> m = erlang_a_checked(n, p, awt_s);
        if (!m) uncomputable.push_back(n);
        return m && meets(*m);
      },
      what.c_str(), guess);
  if (c > lo && std::find(uncomputable.begin(), uncomputable.end(), c - 1) != uncomputable.end())
    throw std::invalid_argument(fmt::format(
        "{}: cannot tell whether {} agents would meet the target: their queue needs more than "
        "{} states (load {:.6g} Erlangs, mean patience {:.6g} s); expected a shorter mean "
        "patience",
        fn, c - 1, kMaxErlangAQueueStates, p.a, 1.0 / p.theta));
  return c;
}

}  // namespace

std::uint32_t staff_erlang_c_for_sl(double rate_per_s, double mean_service_s, double awt_s,
                                    double target_sl) {
  constexpr std::string_view fn = "staff_erlang_c_for_sl";
  check_nonneg(fn, "rate_per_s", rate_per_s);
  check_positive(fn, "mean_service_s", mean_service_s);
  check_nonneg(fn, "awt_s", awt_s);
  if (!(target_sl >= 0.0 && target_sl < 1.0))
    bad(fn, "target_sl", target_sl, "a fraction in [0, 1)");
  const std::uint32_t lo = first_stable(fn, load_of(fn, rate_per_s, mean_service_s));
  return smallest_agents_meeting(
      lo, kMaxStaffingAgents,
      [&](std::uint32_t n) {
        return erlang_c_metrics(n, rate_per_s, mean_service_s, awt_s).service_level >=
               target_sl;
      },
      "staff_erlang_c_for_sl");
}

std::uint32_t staff_erlang_c_for_asa(double rate_per_s, double mean_service_s,
                                     double target_asa_s) {
  constexpr std::string_view fn = "staff_erlang_c_for_asa";
  check_nonneg(fn, "rate_per_s", rate_per_s);
  check_positive(fn, "mean_service_s", mean_service_s);
  check_positive(fn, "target_asa_s", target_asa_s);
  const std::uint32_t lo = first_stable(fn, load_of(fn, rate_per_s, mean_service_s));
  return smallest_agents_meeting(
      lo, kMaxStaffingAgents,
      [&](std::uint32_t n) {
        return erlang_c_metrics(n, rate_per_s, mean_service_s, 0.0).asa_s <= target_asa_s;
      },
      "staff_erlang_c_for_asa");
}

namespace {

// An Erlang A search whose first probe is the Erlang C answer: exact in the limit of long
// patience, where each evaluation is costly (wide queue distribution); with short
// patience the search gallops down from it through cheap evaluations.
template <class StaffC, class Meets>
std::uint32_t staff_erlang_a_from_c(std::string_view fn, const Params& p, double awt_s,
                                    std::uint32_t lo, StaffC staff_c, Meets meets) {
  std::uint32_t guess = lo;
  try {
    guess = staff_c();
  } catch (const std::invalid_argument&) {  // C staffing beyond the cap: no guess
  }
  return staff_erlang_a(fn, p, awt_s, lo, guess, meets);
}

std::uint32_t staff_erlang_a_sl(std::string_view fn, double rate_per_s, double mean_service_s,
                                double mean_patience_s, double awt_s, double target_sl,
                                bool over_answered) {
  const Params p = check_erlang_a(fn, 1, rate_per_s, mean_service_s, mean_patience_s);
  check_nonneg(fn, "awt_s", awt_s);
  if (!(target_sl >= 0.0 && target_sl < 1.0))
    bad(fn, "target_sl", target_sl, "a fraction in [0, 1)");
  if (std::isinf(mean_patience_s))  // Erlang C: both service levels are service_level
    return staff_erlang_c_for_sl(rate_per_s, mean_service_s, awt_s, target_sl);
  // Over offered calls SL <= P(served) = E[min(N,c)] / a <= c / a, so any c < a * target
  // misses. Over answered calls there is no such bound: short patience removes the long
  // waits from the answered calls.
  const std::uint32_t lo = over_answered ? 1 : below_fraction_of_load(p.a, target_sl);
  return staff_erlang_a_from_c(
      fn, p, awt_s, lo,
      [&] { return staff_erlang_c_for_sl(rate_per_s, mean_service_s, awt_s, target_sl); },
      [&](const ErlangA& m) {
        return (over_answered ? m.sl_answered_within_t_over_answered
                              : m.sl_answered_within_t_over_offered) >= target_sl;
      });
}

}  // namespace

std::uint32_t staff_erlang_a_for_sl(double rate_per_s, double mean_service_s,
                                    double mean_patience_s, double awt_s, double target_sl) {
  return staff_erlang_a_sl("staff_erlang_a_for_sl", rate_per_s, mean_service_s, mean_patience_s,
                           awt_s, target_sl, false);
}

std::uint32_t staff_erlang_a_for_abandon(double rate_per_s, double mean_service_s,
                                         double mean_patience_s, double target_p_abandon) {
  constexpr std::string_view fn = "staff_erlang_a_for_abandon";
  const Params p = check_erlang_a(fn, 1, rate_per_s, mean_service_s, mean_patience_s);
  if (!(target_p_abandon > 0.0 && target_p_abandon <= 1.0))
    bad(fn, "target_p_abandon", target_p_abandon, "a probability in (0, 1]");
  if (std::isinf(mean_patience_s)) return first_stable(fn, rate_per_s * mean_service_s);
  // P(abandon) = 1 - E[min(N,c)] / a >= 1 - c / a: any c < a (1 - target) misses.
  const std::uint32_t lo = below_fraction_of_load(p.a, 1.0 - target_p_abandon);
  return staff_erlang_a(fn, p, 0.0, lo, lo,
                        [&](const ErlangA& m) { return m.p_abandon <= target_p_abandon; });
}


std::uint32_t staff_erlang_c_for_p_wait(double rate_per_s, double mean_service_s,
                                        double target_p_wait) {
  constexpr std::string_view fn = "staff_erlang_c_for_p_wait";
  check_nonneg(fn, "rate_per_s", rate_per_s);
  check_positive(fn, "mean_service_s", mean_service_s);
  check_probability(fn, "target_p_wait", target_p_wait);
  const double a = load_of(fn, rate_per_s, mean_service_s);
  // C(c, a) >= B(c, a): the Erlang B staffing for the same target is a lower bound.
  const std::uint32_t lo =
      std::max(first_stable(fn, a), staff_erlang_b_for_blocking(a, target_p_wait));
  return smallest_agents_meeting(
      lo, kMaxStaffingAgents, [&](std::uint32_t n) { return erlang_c(n, a) <= target_p_wait; },
      "staff_erlang_c_for_p_wait");
}

std::uint32_t staff_erlang_a_for_p_wait(double rate_per_s, double mean_service_s,
                                        double mean_patience_s, double target_p_wait) {
  constexpr std::string_view fn = "staff_erlang_a_for_p_wait";
  const Params p = check_erlang_a(fn, 1, rate_per_s, mean_service_s, mean_patience_s);
  check_probability(fn, "target_p_wait", target_p_wait);
  if (std::isinf(mean_patience_s))
    return staff_erlang_c_for_p_wait(rate_per_s, mean_service_s, target_p_wait);
  // B(c, a) <= P_A(wait) <= C(c, a) (docs/erlang.md): the Erlang B staffing bounds the
  // answer from below, the Erlang C staffing from above and is the first probe.
  const std::uint32_t lo = std::max(1u, staff_erlang_b_for_blocking(p.a, target_p_wait));
  return staff_erlang_a_from_c(
      fn, p, 0.0, lo,
      [&] { return staff_erlang_c_for_p_wait(rate_per_s, mean_service_s, target_p_wait); },
      [&](const ErlangA& m) { return m.p_wait <= target_p_wait; });
}

std::uint32_t staff_erlang_a_for_sl_over_answered(double rate_per_s, double mean_service_s,
                                                  double mean_patience_s, double awt_s,
                                                  double target_sl) {
  return staff_erlang_a_sl("staff_erlang_a_for_sl_over_answered", rate_per_s, mean_service_s,
                           mean_patience_s, awt_s, target_sl, true);
}

std::uint32_t staff_finite_lines(std::uint32_t lines, double rate_per_s, double mean_service_s,
                                 double mean_patience_s, double awt_s, FiniteLinesTarget kind,
                                 double target) {
  constexpr std::string_view fn = "staff_finite_lines";
  check_erlang_a(fn, 1, rate_per_s, mean_service_s, mean_patience_s);
  check_nonneg(fn, "awt_s", awt_s);
  if (lines == 0 || lines > kMaxStaffingAgents)
    throw std::invalid_argument(fmt::format("{}: lines is {}; expected 1 to {}", fn, lines,
                                            kMaxStaffingAgents));
  const bool is_sl = kind == FiniteLinesTarget::SlOverOffered ||
                     kind == FiniteLinesTarget::SlOverAdmitted ||
                     kind == FiniteLinesTarget::SlOverAnswered;
  if (is_sl && !(target >= 0.0 && target < 1.0)) bad(fn, "target", target, "a fraction in [0, 1)");
  if (!is_sl) check_probability(fn, "target", target);
  const bool is_block = kind == FiniteLinesTarget::PBlock;
  const double awt_used = is_block ? 0.0 : awt_s;  // saves the waiting-time sums
  const auto meets = [&](std::uint32_t n) {
    const FiniteLines m =
        finite_lines_metrics(n, lines, rate_per_s, mean_service_s, mean_patience_s, awt_used);
    switch (kind) {
      case FiniteLinesTarget::PBlock: return m.p_block <= target;
      case FiniteLinesTarget::PWaitOverAdmitted: return m.p_wait_over_admitted <= target;
      case FiniteLinesTarget::PAbandonOverAdmitted: return m.p_abandon_over_admitted <= target;
      case FiniteLinesTarget::SlOverOffered: return m.sl_answered_within_t_over_offered >= target;
      case FiniteLinesTarget::SlOverAdmitted: return m.sl_answered_within_t_over_admitted >= target;
      case FiniteLinesTarget::SlOverAnswered: return m.sl_answered_within_t_over_answered >= target;
    }
    throw std::logic_error("staff_finite_lines: unknown FiniteLinesTarget");
  };
  const auto unreachable = [&] {
    return std::invalid_argument(fmt::format(
        "{}: target not met with any number of agents up to the {} lines; expected more lines "
        "or a looser target", fn, lines));
  };
  // An added agent turns a waiting position into a service position: the death rate of
  // every state above c changes by mu - theta, the same sign for all, so N falls (or rises)
  // stochastically. With patience shorter than the handle time every agent raises
  // blocking, and one agent is the only candidate.
  if (is_block && mean_patience_s < mean_service_s) {
    if (meets(1)) return 1;
    throw unreachable();
  }
  if (!meets(lines)) throw unreachable();  // rather than the search's generic message
  return smallest_agents_meeting(1, lines, meets, "staff_finite_lines");
}

}  // namespace ccsim::models::analytic
