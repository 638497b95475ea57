// tests/models/analytic/erlang_test.cc
// Erlang B / C / A against tables, against 50-digit reference values, and against an
// independent brute-force computation in this file (long double birth-death chain plus
// uniformization of the tagged caller's chain), plus staffing minimality.
#include "models/analytic/erlang.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <utility>
#include <vector>

namespace ccsim::models::analytic {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// Reference values marked "mpmath" were computed with mpmath 1.3 at 50 significant
// digits straight from the definitions: Erlang B/C from the sums of a^k/k!, Erlang A
// from the birth-death chain truncated 700 states above c, its service levels by
// uniformization of the tagged caller's chain and ASA by first-step analysis.
void expect_rel(double got, double want, double rel) {
  EXPECT_NEAR(got, want, rel * std::abs(want)) << "want " << want;
}

// ---- independent reference for M/M/c+M ---------------------------------------------

struct Reference {
  long double p_below = 0;    // P(N < c)
  std::vector<long double> p;  // p[j] = P(arrival sees c + j)
  long double eq = 0;          // E[Q]
  long double busy = 0;        // E[min(N, c)]
};

Reference brute_force_chain(int c, double lambda, double mean_service_s, double patience_s,
                            int max_queue) {
  const long double mu = 1.0L / mean_service_s, th = 1.0L / patience_s;
  std::vector<long double> pi{1.0L};
  for (int n = 1; n <= c + max_queue; ++n)
    pi.push_back(pi.back() * lambda / (std::min(n, c) * mu + std::max(n - c, 0) * th));
  long double z = 0;
  for (long double x : pi) z += x;
  Reference r;
  for (int n = 0; n <= c + max_queue; ++n) {
    const long double pn = pi[n] / z;
    if (n < c) r.p_below += pn;
    else r.p.push_back(pn);
    r.eq += std::max(n - c, 0) * pn;
    r.busy += std::min(n, c) * pn;
  }
  return r;
}

// P(served and W <= t) for an arrival, by uniformization of the chain "j callers ahead"
// (j -> j-1 at c mu + j theta, 0 -> served at c mu, -> abandoned at theta).
long double brute_force_answered_within(const Reference& r, int c, double mean_service_s,
                                        double patience_s, double t) {
  const long double mu = 1.0L / mean_service_s, th = 1.0L / patience_s;
  const int jmax = static_cast<int>(r.p.size()) - 1;
  const long double big = c * mu + (jmax + 1) * th;
  const long double lt = big * t;
  const int steps = static_cast<int>(lt + 12 * std::sqrt(lt + 1) + 40);
  std::vector<long double> v = r.p, next(v.size());
  long double served = 0, result = 0, weight = std::exp(-lt);
  for (int k = 0; k <= steps; ++k) {
    result += weight * served;
    served += v[0] * c * mu / big;
    std::fill(next.begin(), next.end(), 0.0L);
    for (int i = 0; i <= jmax; ++i) {
      const long double nu = c * mu + (i + 1) * th;
      next[i] += v[i] * (1 - nu / big);
      if (i > 0) next[i - 1] += v[i] * (c * mu + i * th) / big;
    }
    v.swap(next);
    weight *= lt / (k + 1);
  }
  return r.p_below + result;
}

// Stationary distribution of the M/M/c/K(+M) chain straight from its generator: the
// balance equations pi Q = 0 with one replaced by sum pi = 1, solved by Gaussian
// elimination with partial pivoting in long double. No product formula is involved.
std::vector<long double> ctmc_stationary(int c, int k, double lambda, double mean_service_s,
                                         double patience_s) {
  const long double mu = 1.0L / mean_service_s, th = 1.0L / patience_s;
  const int n = k + 1;
  std::vector<std::vector<long double>> m(n, std::vector<long double>(n + 1, 0.0L));
  for (int s = 0; s < n; ++s) {  // m[i][j] = Q[j][i]
    const long double up = s < k ? static_cast<long double>(lambda) : 0.0L;
    const long double down = std::min(s, c) * mu + std::max(s - c, 0) * th;
    m[s][s] -= up + down;
    if (s < k) m[s + 1][s] += up;
    if (s > 0) m[s - 1][s] += down;
  }
  for (int j = 0; j <= n; ++j) m[n - 1][j] = 1.0L;  // normalisation, right-hand side 1
  for (int col = 0; col < n; ++col) {
    int piv = col;
    for (int i = col + 1; i < n; ++i)
      if (std::abs(m[i][col]) > std::abs(m[piv][col])) piv = i;
    std::swap(m[col], m[piv]);
    for (int i = 0; i < n; ++i) {
      if (i == col) continue;
      const long double f = m[i][col] / m[col][col];
      for (int j = col; j <= n; ++j) m[i][j] -= f * m[col][j];
    }
  }
  std::vector<long double> pi(n);
  for (int i = 0; i < n; ++i) pi[i] = m[i][n] / m[i][i];
  return pi;
}

// The Reference of an M/M/c/K(+M) chain: p holds the states an *admitted* arrival sees
// (j < K - c waiting), so brute_force_answered_within gives the SL over offered calls.
Reference finite_lines_reference(const std::vector<long double>& pi, int c) {
  Reference r;
  const int k = static_cast<int>(pi.size()) - 1;
  for (int n = 0; n <= k; ++n) {
    if (n < c) r.p_below += pi[n];
    else if (n < k) r.p.push_back(pi[n]);
    r.eq += std::max(n - c, 0) * pi[n];
    r.busy += std::min(n, c) * pi[n];
  }
  return r;
}

// ---- Erlang B ----------------------------------------------------------------------

TEST(ErlangB, MatchesStandardTable) {
  EXPECT_NEAR(erlang_b(10, 5.0), 0.018384, 1e-6);  // printed tables: 0.018384
  expect_rel(erlang_b(10, 5.0), 0.018384570336648133, 1e-13);  // mpmath
}

TEST(ErlangB, MatchesHighPrecisionValuesForLargeSystems) {
  expect_rel(erlang_b(100, 80.0), 0.0039920286045531975, 1e-12);     // mpmath
  expect_rel(erlang_b(1000, 950.0), 0.0036492936889424099, 1e-12);   // mpmath
  expect_rel(erlang_b(5000, 4900.0), 0.0022157679024972432, 1e-12);  // mpmath
}

TEST(ErlangB, AgreesWithDirectSumInLongDouble) {
  for (std::uint32_t c : {1u, 7u, 50u, 400u}) {
    for (double a : {0.3, 4.0, 45.0, 380.0}) {
      long double term = 1.0L, sum = 1.0L;
      for (std::uint32_t k = 1; k <= c; ++k) sum += (term *= a / k);
      expect_rel(erlang_b(c, a), static_cast<double>(term / sum), 1e-12);
    }
  }
}

TEST(ErlangB, EdgeCasesAreExact) {
  EXPECT_EQ(erlang_b(0, 3.0), 1.0);
  EXPECT_EQ(erlang_b(5, 0.0), 0.0);
  const double huge = erlang_b(10, 1e6);
  EXPECT_GT(huge, 0.99998);
  EXPECT_LE(huge, 1.0);
}

TEST(ErlangB, RejectsBadLoad) {
  EXPECT_THROW(erlang_b(3, -1.0), std::invalid_argument);
  EXPECT_THROW(erlang_b(3, std::nan("")), std::invalid_argument);
  EXPECT_THROW(erlang_b(3, kInf), std::invalid_argument);
}

// ---- Erlang C ----------------------------------------------------------------------

TEST(ErlangC, TextbookExampleHundredCallsPerHalfHour) {
  // 100 calls per 30 min, AHT 180 s: a = 10 Erlangs; 14 agents; SL at 20 s.
  const ErlangC m = erlang_c_metrics(14, 100.0 / 1800.0, 180.0, 20.0);
  EXPECT_TRUE(m.stable);
  expect_rel(m.p_wait, 0.17413193359504984, 1e-13);         // mpmath
  expect_rel(m.service_level, 0.88835001917946688, 1e-13);  // mpmath
  expect_rel(m.asa_s, 7.8359370117772429, 1e-13);           // mpmath
  expect_rel(m.mean_queue_length, 0.43532983398762461, 1e-13);
  expect_rel(m.occupancy, 10.0 / 14.0, 1e-15);
}

TEST(ErlangC, AgreesWithDefiningSumInLongDouble) {
  for (std::uint32_t c : {1u, 3u, 20u, 150u}) {
    for (double rho : {0.1, 0.7, 0.95, 0.999}) {
      const double a = rho * c;
      long double term = 1.0L, below = 1.0L;  // sum_{k<c} a^k/k!
      for (std::uint32_t k = 1; k < c; ++k) below += (term *= a / k);
      const long double top = term * a / c * c / (c - a);
      expect_rel(erlang_c(c, a), static_cast<double>(top / (below + top)), 1e-11);
    }
  }
}

TEST(ErlangC, LargeSystemsStayFiniteAndAccurate) {
  const double c1000 = erlang_c(1000, 950.0);
  EXPECT_TRUE(std::isfinite(c1000));
  EXPECT_GE(c1000, 0.0);
  EXPECT_LE(c1000, 1.0);
  expect_rel(c1000, 0.068253415377141424, 1e-12);            // mpmath
  expect_rel(erlang_c(300, 290.0), 0.4493598466425404, 1e-12);  // mpmath
  expect_rel(erlang_c(5000, 4900.0), 0.099937877234487662, 1e-12);  // mpmath
  const ErlangC m = erlang_c_metrics(8000, 7990.0 / 180.0, 180.0, 20.0);
  EXPECT_TRUE(std::isfinite(m.asa_s));
  EXPECT_GT(m.p_wait, 0.0);
  EXPECT_LT(m.p_wait, 1.0);
}

TEST(ErlangC, OverloadIsReportedAsUnstable) {
  EXPECT_EQ(erlang_c(10, 10.0), 1.0);
  EXPECT_EQ(erlang_c(10, 12.5), 1.0);
  const ErlangC m = erlang_c_metrics(9, 10.0 / 180.0, 180.0, 20.0);
  EXPECT_FALSE(m.stable);
  EXPECT_EQ(m.p_wait, 1.0);
  EXPECT_EQ(m.service_level, 0.0);
  EXPECT_EQ(m.asa_s, kInf);
  EXPECT_EQ(m.mean_queue_length, kInf);
  EXPECT_EQ(m.occupancy, 1.0);
}

TEST(ErlangC, ServiceLevelAtZeroAwtIsOneMinusPWait) {
  const ErlangC m = erlang_c_metrics(20, 0.1, 150.0, 0.0);
  EXPECT_DOUBLE_EQ(m.service_level, 1.0 - m.p_wait);
  EXPECT_DOUBLE_EQ(m.mean_queue_length, 0.1 * m.asa_s);
}

TEST(ErlangC, NoTrafficMeansNoWait) {
  const ErlangC m = erlang_c_metrics(3, 0.0, 100.0, 20.0);
  EXPECT_EQ(m.p_wait, 0.0);
  EXPECT_EQ(m.service_level, 1.0);
  EXPECT_EQ(m.asa_s, 0.0);
  EXPECT_EQ(m.occupancy, 0.0);
}

TEST(ErlangC, RejectsBadArguments) {
  EXPECT_THROW(erlang_c(0, 1.0), std::invalid_argument);
  EXPECT_THROW(erlang_c_metrics(0, 0.1, 100, 20), std::invalid_argument);
  EXPECT_THROW(erlang_c_metrics(5, -0.1, 100, 20), std::invalid_argument);
  EXPECT_THROW(erlang_c_metrics(5, std::nan(""), 100, 20), std::invalid_argument);
  EXPECT_THROW(erlang_c_metrics(5, 0.1, 0.0, 20), std::invalid_argument);
  EXPECT_THROW(erlang_c_metrics(5, 0.1, 100, -1), std::invalid_argument);
  EXPECT_THROW(erlang_c_metrics(5, 1e300, 1e300, 20), std::invalid_argument);
}

// ---- Erlang A ----------------------------------------------------------------------

TEST(ErlangA, MatchesHighPrecisionValuesForTextbookCase) {
  // The Erlang C textbook case with mean patience 120 s.
  const ErlangA m = erlang_a_metrics(14, 100.0 / 1800.0, 180.0, 120.0, 20.0);
  EXPECT_TRUE(m.stable);
  expect_rel(m.p_wait, 0.126976340079795, 1e-12);  // mpmath (15 digits)
  expect_rel(m.p_abandon, 0.0228392865318188, 1e-12);
  expect_rel(m.sl_answered_within_t_over_offered, 0.93272958069806, 1e-12);
  expect_rel(m.sl_answered_within_t_over_answered, 0.954530373399454, 1e-12);
  expect_rel(m.mean_queue_length, 0.152261910212125, 1e-12);
  expect_rel(m.occupancy, 0.697971938191558, 1e-12);
  expect_rel(m.mean_wait_s, 2.74071438381825, 1e-12);
  expect_rel(m.asa_s, 2.3453752341521703, 1e-12);
  expect_rel(m.p_abandon_given_wait, m.p_abandon / m.p_wait, 1e-15);
}

TEST(ErlangA, MatchesHighPrecisionValuesWhenOverloaded) {
  // a = 105 Erlangs on 100 agents: only abandonment keeps the queue finite.
  const ErlangA m = erlang_a_metrics(100, 105.0 / 200.0, 200.0, 300.0, 30.0);
  expect_rel(m.p_wait, 0.76143193339555807, 1e-12);  // mpmath
  expect_rel(m.p_abandon, 0.063029548246099878, 1e-12);
  expect_rel(m.sl_answered_within_t_over_offered, 0.69123126174475041, 1e-12);
  expect_rel(m.sl_answered_within_t_over_answered, 0.73773005376086896, 1e-12);
  expect_rel(m.mean_queue_length, 9.9271538487607308, 1e-12);
  expect_rel(m.occupancy, 0.98381897434159513, 1e-12);
  expect_rel(m.mean_wait_s, 18.908864473829964, 1e-12);
  expect_rel(m.asa_s, 18.928747879180658, 1e-12);
}

TEST(ErlangA, AgreesWithBruteForceChainAndUniformization) {
  struct Case {
    std::uint32_t c;
    double lambda, service_s, patience_s, awt_s;
  };
  for (const Case& k : {Case{5, 6.0 / 60.0, 60.0, 90.0, 15.0}, Case{1, 0.02, 40.0, 10.0, 5.0},
                        Case{12, 0.05, 200.0, 600.0, 60.0}, Case{30, 0.1, 240.0, 45.0, 0.0}}) {
    SCOPED_TRACE(testing::Message() << "c=" << k.c << " lambda=" << k.lambda);
    const Reference r = brute_force_chain(static_cast<int>(k.c), k.lambda, k.service_s,
                                          k.patience_s, 400);
    const ErlangA m = erlang_a_metrics(k.c, k.lambda, k.service_s, k.patience_s, k.awt_s);
    long double p_wait = 0;
    for (long double x : r.p) p_wait += x;
    expect_rel(m.p_wait, static_cast<double>(p_wait), 1e-11);
    expect_rel(m.mean_queue_length, static_cast<double>(r.eq), 1e-11);
    expect_rel(m.occupancy, static_cast<double>(r.busy / k.c), 1e-11);
    const long double sl = brute_force_answered_within(r, static_cast<int>(k.c), k.service_s,
                                                       k.patience_s, k.awt_s);
    expect_rel(m.sl_answered_within_t_over_offered, static_cast<double>(sl), 1e-10);
  }
}

TEST(ErlangA, AbandonProbabilityAgreesAcrossIndependentRoutes) {
  const std::uint32_t c = 20;
  const double lambda = 0.12, s = 180.0, patience = 150.0;
  const ErlangA m = erlang_a_metrics(c, lambda, s, patience, 20.0);
  // Route 1 (the struct): theta E[Q] / lambda. Route 2: 1 - P(served), with P(served | j)
  // the product over the positions the caller passes through, summed over the states
  // arrivals see in a brute-force chain. Route 3: throughput, P(served) = c mu occ / lambda.
  const Reference r = brute_force_chain(static_cast<int>(c), lambda, s, patience, 500);
  const long double cmu = c / s, th = 1.0L / patience;
  long double p_served = r.p_below;
  for (std::size_t j = 0; j < r.p.size(); ++j) {
    long double reach = 1.0L;
    for (std::size_t i = 0; i <= j; ++i) reach *= (cmu + i * th) / (cmu + (i + 1) * th);
    p_served += r.p[j] * reach;
  }
  EXPECT_NEAR(m.p_abandon, static_cast<double>(1.0L - p_served), 1e-9);
  EXPECT_NEAR(m.p_abandon, 1.0 - m.occupancy * c / (lambda * s), 1e-12);
}

TEST(ErlangA, MeanWaitByLittleEqualsPerArrivalExpectation) {
  const std::uint32_t c = 20;
  const double lambda = 0.12, s = 180.0, patience = 150.0;
  const ErlangA m = erlang_a_metrics(c, lambda, s, patience, 20.0);
  // E[min(V, tau) | j ahead] by first-step analysis: time in position i is Exp(c mu +
  // (i+1) theta); the caller moves on with probability (c mu + i theta) / that rate.
  const Reference r = brute_force_chain(static_cast<int>(c), lambda, s, patience, 500);
  const long double cmu = c / s, th = 1.0L / patience;
  long double mean_wait = 0, time_j = 0;
  for (std::size_t j = 0; j < r.p.size(); ++j) {
    const long double nu = cmu + (j + 1) * th;
    time_j = 1.0L / nu + (cmu + j * th) / nu * time_j;
    mean_wait += r.p[j] * time_j;
  }
  EXPECT_NEAR(m.mean_wait_s, static_cast<double>(mean_wait), 1e-9);
  EXPECT_NEAR(m.mean_wait_s, m.mean_queue_length / lambda, 1e-12);
}

// Composite Simpson's rule for f on [0, 4800] s: fine steps where the wait distribution
// moves fast, coarse ones in the tail (P(W > 4800 s) <= exp(-40) for patience 120 s).
template <class F>
double integrate_wait(F f) {
  double total = 0.0;
  const double edges[] = {0.0, 200.0, 1000.0, 4800.0};
  const int pieces[] = {400, 400, 380};
  for (int p = 0; p < 3; ++p) {
    const double a = edges[p], h = (edges[p + 1] - a) / pieces[p];
    double sum = f(a) + f(edges[p + 1]);
    for (int i = 1; i < pieces[p]; ++i) sum += f(a + i * h) * (i % 2 ? 4.0 : 2.0);
    total += sum * h / 3.0;
  }
  return total;
}

TEST(ErlangA, WaitingTimeDistributionIntegratesToTheMeans) {
  const std::uint32_t c = 14;
  const double lambda = 100.0 / 1800.0, s = 180.0, patience = 120.0;
  const ErlangA m = erlang_a_metrics(c, lambda, s, patience, 0.0);
  const double p_served = 1.0 - m.p_abandon;
  // E[W 1{served}] = int_0^inf (P(served) - P(served, W <= t)) dt, and
  // E[W] = int_0^inf P(W > t) dt with P(W > t) = 1 - P(served, W<=t) - P(abandoned, W<=t).
  const double served_wait = integrate_wait(
      [&](double t) {
        return p_served - erlang_a_metrics(c, lambda, s, patience, t)
                              .sl_answered_within_t_over_offered;
      });
  const double all_wait = integrate_wait(
      [&](double t) {
        return 1.0 -
               erlang_a_metrics(c, lambda, s, patience, t).sl_answered_within_t_over_offered -
               erlang_a_p_abandon_within(c, lambda, s, patience, t);
      });
  expect_rel(m.asa_s, served_wait / p_served, 1e-7);
  expect_rel(m.mean_wait_s, all_wait, 1e-7);
}

TEST(ErlangA, AbandonWithinLongTimeIsAllAbandons) {
  const double all = erlang_a_p_abandon_within(14, 100.0 / 1800.0, 180.0, 120.0, 1e5);
  const ErlangA m = erlang_a_metrics(14, 100.0 / 1800.0, 180.0, 120.0, 20.0);
  expect_rel(all, m.p_abandon, 1e-12);
  EXPECT_EQ(erlang_a_p_abandon_within(14, 100.0 / 1800.0, 180.0, 120.0, 0.0), 0.0);
  const double short5 = erlang_a_p_abandon_within(14, 100.0 / 1800.0, 180.0, 120.0, 5.0);
  EXPECT_GT(short5, 0.0);
  EXPECT_LT(short5, m.p_abandon);
  expect_rel(erlang_a_sl_excluding_short_abandons(14, 100.0 / 1800.0, 180.0, 120.0, 20.0, 5.0),
             m.sl_answered_within_t_over_offered / (1.0 - short5), 1e-15);
}

TEST(ErlangA, ServiceLevelOverAnsweredDividesByAnswered) {
  const ErlangA m = erlang_a_metrics(10, 0.06, 180.0, 60.0, 30.0);
  expect_rel(m.sl_answered_within_t_over_answered,
             m.sl_answered_within_t_over_offered / (1.0 - m.p_abandon), 1e-12);
  EXPECT_GT(m.sl_answered_within_t_over_answered, m.sl_answered_within_t_over_offered);
}

TEST(ErlangA, ReducesToErlangCWhenPatienceIsVeryLong) {
  const ErlangC cm = erlang_c_metrics(14, 100.0 / 1800.0, 180.0, 20.0);
  const ErlangA am = erlang_a_metrics(14, 100.0 / 1800.0, 180.0, 1e9, 20.0);
  expect_rel(am.p_wait, cm.p_wait, 1e-6);
  expect_rel(am.sl_answered_within_t_over_offered, cm.service_level, 1e-6);
  expect_rel(am.sl_answered_within_t_over_answered, cm.service_level, 1e-6);
  expect_rel(am.asa_s, cm.asa_s, 1e-6);
  expect_rel(am.mean_wait_s, cm.asa_s, 1e-6);
  expect_rel(am.mean_queue_length, cm.mean_queue_length, 1e-6);
  expect_rel(am.occupancy, cm.occupancy, 1e-6);
  EXPECT_LT(am.p_abandon, 1e-7);

  const ErlangA inf = erlang_a_metrics(14, 100.0 / 1800.0, 180.0, kInf, 20.0);
  EXPECT_EQ(inf.p_wait, cm.p_wait);
  EXPECT_EQ(inf.sl_answered_within_t_over_offered, cm.service_level);
  EXPECT_EQ(inf.asa_s, cm.asa_s);
  EXPECT_EQ(inf.p_abandon, 0.0);
  EXPECT_FALSE(erlang_a_metrics(9, 100.0 / 1800.0, 180.0, kInf, 20.0).stable);
}

TEST(ErlangA, HeavyOverloadOnThousandsOfAgentsStaysFinite) {
  // 6000 Erlangs on 5000 agents: the fluid limit abandons 1/6 of the calls.
  const ErlangA m = erlang_a_metrics(5000, 6000.0 / 180.0, 180.0, 60.0, 20.0);
  for (double v : {m.p_wait, m.p_abandon, m.sl_answered_within_t_over_offered,
                   m.sl_answered_within_t_over_answered, m.occupancy}) {
    EXPECT_TRUE(std::isfinite(v));
    EXPECT_GE(v, 0.0);
    EXPECT_LE(v, 1.0);
  }
  EXPECT_NEAR(m.p_abandon, 1.0 / 6.0, 1e-3);
  EXPECT_NEAR(m.occupancy, 1.0, 1e-6);
  EXPECT_TRUE(std::isfinite(m.asa_s));
  const ErlangA light = erlang_a_metrics(3000, 10.0 / 180.0, 180.0, 60.0, 20.0);
  EXPECT_EQ(light.p_wait, 0.0);  // underflows: B(3000, 10) is far below 1e-308
  EXPECT_NEAR(light.occupancy, 10.0 / 3000.0, 1e-15);
}

TEST(ErlangA, NoTrafficMeansNoWait) {
  const ErlangA m = erlang_a_metrics(2, 0.0, 100.0, 60.0, 20.0);
  EXPECT_EQ(m.p_wait, 0.0);
  EXPECT_EQ(m.p_abandon, 0.0);
  EXPECT_EQ(m.sl_answered_within_t_over_offered, 1.0);
  EXPECT_EQ(m.occupancy, 0.0);
}

TEST(ErlangA, RejectsBadArgumentsAndHugeQueues) {
  EXPECT_THROW(erlang_a_metrics(0, 0.1, 100, 60, 20), std::invalid_argument);
  EXPECT_THROW(erlang_a_metrics(5, 0.1, 100, 0.0, 20), std::invalid_argument);
  EXPECT_THROW(erlang_a_metrics(5, 0.1, 100, std::nan(""), 20), std::invalid_argument);
  EXPECT_THROW(erlang_a_metrics(5, 0.1, 100, 60, kInf), std::invalid_argument);
  EXPECT_THROW(erlang_a_p_abandon_within(5, 0.1, 100, 60, -1.0), std::invalid_argument);
  // Twice overloaded with a mean patience of 30 years: the queue would hold ~1e8 calls.
  EXPECT_THROW(erlang_a_metrics(10, 0.2, 100, 1e9, 20), std::invalid_argument);
}

// ---- finite lines: M/M/c/K and M/M/c/K+M --------------------------------------------

TEST(FiniteLines, AgreesWithGeneratorSolveAndUniformization) {
  struct Case {
    std::uint32_t c, k;
    double lambda, service_s, patience_s, awt_s;
  };
  for (const Case& q : {Case{1, 1, 0.01, 60.0, kInf, 10.0}, Case{3, 8, 0.05, 60.0, kInf, 20.0},
                        Case{4, 30, 8.0 / 60.0, 60.0, kInf, 30.0},   // twice overloaded
                        Case{5, 12, 0.1, 60.0, 20.0, 15.0},          // patience < service
                        Case{10, 10, 0.05, 180.0, 120.0, 20.0},      // K = c: Erlang B
                        Case{12, 40, 0.08, 200.0, 600.0, 60.0}}) {
    SCOPED_TRACE(testing::Message() << "c=" << q.c << " K=" << q.k << " patience=" << q.patience_s);
    const std::vector<long double> pi = ctmc_stationary(static_cast<int>(q.c), static_cast<int>(q.k),
                                                        q.lambda, q.service_s, q.patience_s);
    const Reference r = finite_lines_reference(pi, static_cast<int>(q.c));
    const FiniteLines m = finite_lines_metrics(q.c, q.k, q.lambda, q.service_s, q.patience_s, q.awt_s);
    const long double p_block = pi.back();
    long double p_wait = 0;
    for (long double x : r.p) p_wait += x;
    expect_rel(m.p_block, static_cast<double>(p_block), 1e-12);
    EXPECT_NEAR(m.p_wait_over_offered, static_cast<double>(p_wait), 1e-13);
    EXPECT_NEAR(m.p_wait_over_admitted, static_cast<double>(p_wait / (1 - p_block)), 1e-13);
    EXPECT_NEAR(m.mean_queue_length, static_cast<double>(r.eq), 1e-12);
    expect_rel(m.occupancy, static_cast<double>(r.busy / q.c), 1e-12);

    // P(answered) per admitted arrival from the product along its path; abandons are the rest.
    const long double cmu = q.c / q.service_s, th = 1.0L / q.patience_s;
    long double answered = r.p_below;
    for (std::size_t j = 0; j < r.p.size(); ++j)
      answered += r.p[j] * (cmu / (cmu + (j + 1) * th));
    EXPECT_NEAR(m.p_abandon_over_offered, static_cast<double>(1 - p_block - answered), 1e-12);
    EXPECT_NEAR(m.p_abandon_over_admitted,
                static_cast<double>((1 - p_block - answered) / (1 - p_block)), 1e-12);

    const long double sl = r.p.empty() ? r.p_below  // K = c: nobody waits
                                       : brute_force_answered_within(r, static_cast<int>(q.c),
                                                                     q.service_s, q.patience_s, q.awt_s);
    expect_rel(m.sl_answered_within_t_over_offered, static_cast<double>(sl), 1e-10);
    expect_rel(m.sl_answered_within_t_over_admitted, static_cast<double>(sl / (1 - p_block)), 1e-10);
    expect_rel(m.sl_answered_within_t_over_answered, static_cast<double>(sl / answered), 1e-10);
  }
}

TEST(FiniteLines, OneAgentMatchesTheClosedFormOfMM1K) {
  // M/M/1/K: pi_n = (1 - rho) rho^n / (1 - rho^(K+1)) (Kleinrock 1975, section 3.6).
  for (double rho : {0.5, 0.8, 1.3}) {
    const std::uint32_t k = 10;
    const FiniteLines m = finite_lines_metrics(1, k, rho / 100.0, 100.0, kInf, 0.0);
    const double z = (1.0 - std::pow(rho, k + 1)) / (1.0 - rho);
    expect_rel(m.p_block, std::pow(rho, k) / z, 1e-13);
    expect_rel(m.occupancy, 1.0 - 1.0 / z, 1e-13);
  }
}

TEST(FiniteLines, AsManyLinesAsAgentsIsErlangB) {
  for (std::uint32_t c : {1u, 10u, 300u}) {
    const double a = 0.9 * c;
    const FiniteLines m = finite_lines_metrics(c, c, a / 180.0, 180.0, kInf, 20.0);
    const double b = erlang_b(c, a);
    expect_rel(m.p_block, b, 1e-13);
    EXPECT_EQ(m.p_wait_over_offered, 0.0);
    EXPECT_EQ(m.p_abandon_over_offered, 0.0);
    expect_rel(m.sl_answered_within_t_over_offered, 1.0 - b, 1e-13);
    EXPECT_NEAR(m.sl_answered_within_t_over_admitted, 1.0, 1e-13);
    EXPECT_NEAR(m.sl_answered_within_t_over_answered, 1.0, 1e-13);
    expect_rel(m.occupancy, a * (1.0 - b) / c, 1e-13);
    // Patience is irrelevant when nobody waits.
    expect_rel(finite_lines_metrics(c, c, a / 180.0, 180.0, 30.0, 20.0).p_block, b, 1e-13);
  }
}

TEST(FiniteLines, ManyLinesConvergeToErlangCAndErlangA) {
  const double lambda = 100.0 / 1800.0;
  const FiniteLines fc = finite_lines_metrics(14, 14 + 3000, lambda, 180.0, kInf, 20.0);
  const ErlangC c = erlang_c_metrics(14, lambda, 180.0, 20.0);
  EXPECT_LT(fc.p_block, 1e-300);
  expect_rel(fc.p_wait_over_offered, c.p_wait, 1e-12);
  expect_rel(fc.sl_answered_within_t_over_offered, c.service_level, 1e-12);
  expect_rel(fc.asa_s, c.asa_s, 1e-12);
  expect_rel(fc.mean_queue_length, c.mean_queue_length, 1e-12);

  // Erlang A on 100 agents at 105 Erlangs: its queue rarely passes 100, never 3000.
  const FiniteLines fa = finite_lines_metrics(100, 3100, 105.0 / 200.0, 200.0, 300.0, 30.0);
  const ErlangA a = erlang_a_metrics(100, 105.0 / 200.0, 200.0, 300.0, 30.0);
  EXPECT_EQ(fa.p_block, 0.0);
  expect_rel(fa.p_wait_over_offered, a.p_wait, 1e-12);
  expect_rel(fa.p_abandon_over_offered, a.p_abandon, 1e-12);
  expect_rel(fa.sl_answered_within_t_over_offered, a.sl_answered_within_t_over_offered, 1e-12);
  expect_rel(fa.sl_answered_within_t_over_answered, a.sl_answered_within_t_over_answered, 1e-12);
  expect_rel(fa.asa_s, a.asa_s, 1e-12);
  expect_rel(fa.mean_wait_admitted_s, a.mean_wait_s, 1e-12);
}

TEST(FiniteLines, WaitingTimeDistributionIntegratesToTheMeans) {
  // E[W 1{answered}] = int_0^inf (P(answered) - P(answered, W <= t)) dt over offered calls.
  for (double patience : {kInf, 120.0}) {
    const std::uint32_t c = 14, k = 20;
    const double lambda = 120.0 / 1800.0, s = 180.0;
    const FiniteLines m = finite_lines_metrics(c, k, lambda, s, patience, 0.0);
    const double answered = 1.0 - m.p_block - m.p_abandon_over_offered;
    const double served_wait = integrate_wait([&](double t) {
      return answered -
             finite_lines_metrics(c, k, lambda, s, patience, t).sl_answered_within_t_over_offered;
    });
    expect_rel(m.asa_s, served_wait / answered, 1e-7);
  }
}

TEST(FiniteLines, ThousandsOfLinesAndAgentsStayFinite) {
  // 1200 Erlangs on 1000 agents and 5000 lines, no abandonment: the queue fills, and the
  // fluid limit blocks the excess 200 / 1200 of the calls.
  const FiniteLines m = finite_lines_metrics(1000, 5000, 1200.0 / 180.0, 180.0, kInf, 20.0);
  EXPECT_NEAR(m.p_block, 1.0 / 6.0, 1e-3);
  EXPECT_NEAR(m.occupancy, 1.0, 1e-9);
  EXPECT_NEAR(m.p_wait_over_admitted, 1.0, 1e-9);
  EXPECT_NEAR(m.asa_s, 4000.0 * 180.0 / 1000.0, 5.0);  // a full queue drains at c mu
  const FiniteLines light = finite_lines_metrics(1000, 5000, 500.0 / 180.0, 180.0, 300.0, 20.0);
  EXPECT_EQ(light.p_block, 0.0);
  EXPECT_GT(light.sl_answered_within_t_over_offered, 0.999999);
  const FiniteLines patient = finite_lines_metrics(1000, 4000, 1100.0 / 180.0, 180.0, 3600.0, 20.0);
  for (double v : {patient.p_block, patient.p_wait_over_admitted, patient.p_abandon_over_admitted,
                   patient.sl_answered_within_t_over_offered, patient.asa_s}) {
    EXPECT_TRUE(std::isfinite(v));
    EXPECT_GE(v, 0.0);
  }
  EXPECT_GT(patient.p_block, 0.0);
}

TEST(FiniteLines, NoTrafficMeansNoWaitAndNoBlocking) {
  const FiniteLines m = finite_lines_metrics(2, 5, 0.0, 100.0, 60.0, 20.0);
  EXPECT_EQ(m.p_block, 0.0);
  EXPECT_EQ(m.p_wait_over_admitted, 0.0);
  EXPECT_EQ(m.sl_answered_within_t_over_offered, 1.0);
  EXPECT_EQ(m.occupancy, 0.0);
}

TEST(FiniteLines, RejectsBadArguments) {
  EXPECT_THROW(finite_lines_metrics(5, 4, 0.1, 100, kInf, 20), std::invalid_argument);
  EXPECT_THROW(finite_lines_metrics(0, 4, 0.1, 100, kInf, 20), std::invalid_argument);
  EXPECT_THROW(finite_lines_metrics(2, 4, -0.1, 100, kInf, 20), std::invalid_argument);
  EXPECT_THROW(finite_lines_metrics(2, 4, 0.1, 100, std::nan(""), 20), std::invalid_argument);
  EXPECT_THROW(finite_lines_metrics(2, 4, 0.1, 100, kInf, kInf), std::invalid_argument);
  EXPECT_THROW(finite_lines_metrics(1, 3'000'000, 0.1, 100, kInf, 20), std::invalid_argument);
}

// ---- staffing ----------------------------------------------------------------------

TEST(Staffing, SmallestAgentsMeetingFindsTheThreshold) {
  for (std::uint32_t lo : {0u, 1u, 36u, 37u}) {
    EXPECT_EQ(smallest_agents_meeting(lo, 1000, [](std::uint32_t n) { return n >= 37; }, "t"),
              std::max(lo, 37u));
  }
  for (std::uint32_t guess : {0u, 5u, 36u, 37u, 38u, 500u, 5000u}) {
    int calls = 0;
    const auto meets = [&](std::uint32_t n) { return ++calls, n >= 37; };
    EXPECT_EQ(smallest_agents_meeting(3, 1000, meets, "t", guess), 37u) << guess;
    EXPECT_LE(calls, 25) << guess;
  }
  EXPECT_EQ(smallest_agents_meeting(0, 1000, [](std::uint32_t n) { return n >= 1000; }, "t"),
            1000u);
  EXPECT_EQ(smallest_agents_meeting(0, 1000, [](std::uint32_t) { return true; }, "t", 700), 0u);
  EXPECT_THROW(smallest_agents_meeting(0, 1000, [](std::uint32_t) { return false; }, "t"),
               std::invalid_argument);
}

TEST(Staffing, ErlangBLinesForOnePercentBlocking) {
  EXPECT_EQ(staff_erlang_b_for_blocking(5.0, 0.01), 11u);  // tables: 11 lines carry 5 E at 1%
  EXPECT_EQ(staff_erlang_b_for_blocking(0.0, 0.01), 1u);
  EXPECT_EQ(staff_erlang_b_for_blocking(3.0, 1.0), 0u);
  for (double a : {0.5, 12.0, 250.0, 2000.0}) {
    const std::uint32_t c = staff_erlang_b_for_blocking(a, 0.02);
    EXPECT_LE(erlang_b(c, a), 0.02);
    EXPECT_GT(erlang_b(c - 1, a), 0.02);
  }
}

TEST(Staffing, ErlangCForServiceLevelIsMinimal) {
  const double lambda = 100.0 / 1800.0;
  // 13 agents give 79.56 % within 20 s, 14 give 88.84 %.
  EXPECT_LT(erlang_c_metrics(13, lambda, 180.0, 20.0).service_level, 0.8);
  EXPECT_EQ(staff_erlang_c_for_sl(lambda, 180.0, 20.0, 0.8), 14u);
  for (double target : {0.0, 0.5, 0.8, 0.95, 0.999}) {
    for (double rate : {0.01, 0.5, 20.0}) {
      const std::uint32_t c = staff_erlang_c_for_sl(rate, 180.0, 20.0, target);
      EXPECT_GE(erlang_c_metrics(c, rate, 180.0, 20.0).service_level, target);
      if (c > 1) {
        const ErlangC less = erlang_c_metrics(c - 1, rate, 180.0, 20.0);
        EXPECT_TRUE(!less.stable || less.service_level < target);
      }
    }
  }
  EXPECT_LE(staff_erlang_c_for_sl(0.5, 180.0, 20.0, 0.8), staff_erlang_c_for_sl(0.5, 180.0, 20.0, 0.9));
}

TEST(Staffing, ErlangCForAsaIsMinimal) {
  for (double target : {1.0, 15.0, 60.0}) {
    const std::uint32_t c = staff_erlang_c_for_asa(2.0, 240.0, target);
    EXPECT_LE(erlang_c_metrics(c, 2.0, 240.0, 0.0).asa_s, target);
    EXPECT_GT(erlang_c_metrics(c - 1, 2.0, 240.0, 0.0).asa_s, target);
  }
}

TEST(Staffing, ErlangAForServiceLevelAndAbandonIsMinimal) {
  const double lambda = 100.0 / 1800.0;
  for (double target : {0.5, 0.8, 0.95}) {
    const std::uint32_t c = staff_erlang_a_for_sl(lambda, 180.0, 120.0, 20.0, target);
    EXPECT_GE(erlang_a_metrics(c, lambda, 180.0, 120.0, 20.0).sl_answered_within_t_over_offered,
              target);
    EXPECT_LT(
        erlang_a_metrics(c - 1, lambda, 180.0, 120.0, 20.0).sl_answered_within_t_over_offered,
        target);
  }
  // Impatient callers need no more agents than patient ones for the same target.
  EXPECT_LE(staff_erlang_a_for_sl(lambda, 180.0, 120.0, 20.0, 0.8),
            staff_erlang_c_for_sl(lambda, 180.0, 20.0, 0.8));
  EXPECT_EQ(staff_erlang_a_for_sl(lambda, 180.0, kInf, 20.0, 0.8),
            staff_erlang_c_for_sl(lambda, 180.0, 20.0, 0.8));
  const std::uint32_t c = staff_erlang_a_for_abandon(lambda, 180.0, 120.0, 0.02);
  EXPECT_LE(erlang_a_metrics(c, lambda, 180.0, 120.0, 0.0).p_abandon, 0.02);
  EXPECT_GT(erlang_a_metrics(c - 1, lambda, 180.0, 120.0, 0.0).p_abandon, 0.02);
}

TEST(Staffing, ErlangAWithVeryLongPatienceIsFastAndMatchesErlangC) {
  // 300 Erlangs with a mean patience of 10^6 s: each evaluation near c = a sums a queue
  // distribution thousands of states wide; the Erlang C guess keeps them few.
  const double rate = 300.0 / 180.0;
  const std::uint32_t c = staff_erlang_a_for_sl(rate, 180.0, 1e6, 20.0, 0.8);
  EXPECT_GE(erlang_a_metrics(c, rate, 180.0, 1e6, 20.0).sl_answered_within_t_over_offered, 0.8);
  EXPECT_LT(erlang_a_metrics(c - 1, rate, 180.0, 1e6, 20.0).sl_answered_within_t_over_offered,
            0.8);
  EXPECT_EQ(c, staff_erlang_c_for_sl(rate, 180.0, 20.0, 0.8));
}

TEST(Staffing, ErlangARefusesAnswersItCannotShowMinimal) {
  // Patience of three years and a 50 % abandonment target: by the fluid limit about 150
  // agents would do, but below c = a the queue holds millions of calls.
  EXPECT_THROW(staff_erlang_a_for_abandon(300.0 / 180.0, 180.0, 1e8, 0.5),
               std::invalid_argument);
}

TEST(Staffing, ErlangCForPWaitIsMinimal) {
  // 10 Erlangs: C(14, 10) = 0.174, C(13, 10) = 0.295 (the textbook case above).
  EXPECT_EQ(staff_erlang_c_for_p_wait(100.0 / 1800.0, 180.0, 0.2), 14u);
  for (double a : {0.2, 10.0, 285.0, 2000.0}) {
    for (double target : {0.01, 0.2, 0.6}) {
      const std::uint32_t c = staff_erlang_c_for_p_wait(a / 180.0, 180.0, target);
      EXPECT_LE(erlang_c(c, a), target);
      if (c > 1) {
        EXPECT_GT(erlang_c(c - 1, a), target) << a << " " << target;
      }
    }
  }
}

TEST(Staffing, ErlangAForPWaitIsMinimalAndBetweenErlangBAndC) {
  for (double patience : {10.0, 120.0, 1e5}) {
    for (double target : {0.05, 0.2, 0.5}) {
      const double a = 50.0, lambda = a / 180.0;
      const std::uint32_t c = staff_erlang_a_for_p_wait(lambda, 180.0, patience, target);
      EXPECT_LE(erlang_a_metrics(c, lambda, 180.0, patience, 0.0).p_wait, target);
      EXPECT_GT(erlang_a_metrics(c - 1, lambda, 180.0, patience, 0.0).p_wait, target);
      EXPECT_GE(c, staff_erlang_b_for_blocking(a, target));
      EXPECT_LE(c, staff_erlang_c_for_p_wait(lambda, 180.0, target));
    }
  }
  EXPECT_EQ(staff_erlang_a_for_p_wait(0.05, 180.0, kInf, 0.2), staff_erlang_c_for_p_wait(0.05, 180.0, 0.2));
}

TEST(Staffing, ErlangAForServiceLevelOverAnsweredIsMinimal) {
  const double lambda = 100.0 / 1800.0;
  for (double patience : {5.0, 120.0, 1e5}) {
    for (double target : {0.8, 0.95}) {
      const std::uint32_t c = staff_erlang_a_for_sl_over_answered(lambda, 180.0, patience, 20.0, target);
      EXPECT_GE(erlang_a_metrics(c, lambda, 180.0, patience, 20.0).sl_answered_within_t_over_answered,
                target);
      if (c > 1) {
        EXPECT_LT(erlang_a_metrics(c - 1, lambda, 180.0, patience, 20.0).sl_answered_within_t_over_answered,
                  target);
      }
    }
  }
  // Over answered calls the target is easier than over offered ones: abandons drop out.
  EXPECT_LE(staff_erlang_a_for_sl_over_answered(lambda, 180.0, 120.0, 20.0, 0.8),
            staff_erlang_a_for_sl(lambda, 180.0, 120.0, 20.0, 0.8));
}

// The searches bisect, which needs each target to improve with every added agent. Only
// p_block has a proof (docs/erlang.md): check the others over a grid of loads,
// patiences, lines and awt.
TEST(Staffing, SearchedQuantitiesImproveWithEveryAgent) {
  for (double a : {0.5, 3.0, 10.0, 60.0}) {
    for (double patience : {1.0, 30.0, 600.0, kInf}) {
      for (double awt : {0.0, 20.0, 120.0}) {
        SCOPED_TRACE(testing::Message() << "a=" << a << " patience=" << patience << " awt=" << awt);
        ErlangA prev_a = erlang_a_metrics(1, a / 180.0, 180.0, patience, awt);
        for (std::uint32_t c = 2; c <= 2 * a + 8 && !std::isinf(patience); ++c) {
          const ErlangA m = erlang_a_metrics(c, a / 180.0, 180.0, patience, awt);
          EXPECT_LE(m.p_wait, prev_a.p_wait * (1 + 1e-12)) << c;
          EXPECT_GE(m.sl_answered_within_t_over_answered,
                    prev_a.sl_answered_within_t_over_answered * (1 - 1e-12)) << c;
          prev_a = m;
        }
        for (std::uint32_t k : {static_cast<std::uint32_t>(a / 2) + 1, static_cast<std::uint32_t>(a) + 6,
                                static_cast<std::uint32_t>(2 * a) + 40}) {
          FiniteLines prev = finite_lines_metrics(1, k, a / 180.0, 180.0, patience, awt);
          for (std::uint32_t c = 2; c <= k; ++c) {
            const FiniteLines m = finite_lines_metrics(c, k, a / 180.0, 180.0, patience, awt);
            const double up = 1 + 1e-11, down = 1 - 1e-11;
            if (patience >= 180.0) {
              EXPECT_LE(m.p_block, prev.p_block * up) << k << " " << c;
            } else {  // an agent frees its line more slowly than an impatient caller
              EXPECT_GE(m.p_block, prev.p_block * down) << k << " " << c;
            }
            EXPECT_LE(m.p_wait_over_admitted, prev.p_wait_over_admitted * up) << k << " " << c;
            EXPECT_LE(m.p_abandon_over_admitted, prev.p_abandon_over_admitted * up) << k << " " << c;
            EXPECT_GE(m.sl_answered_within_t_over_offered, prev.sl_answered_within_t_over_offered * down);
            EXPECT_GE(m.sl_answered_within_t_over_admitted, prev.sl_answered_within_t_over_admitted * down);
            EXPECT_GE(m.sl_answered_within_t_over_answered, prev.sl_answered_within_t_over_answered * down);
            prev = m;
          }
        }
      }
    }
  }
}

TEST(Staffing, FiniteLinesSearchesAreMinimal) {
  const std::uint32_t k = 30;
  const double lambda = 20.0 / 180.0;
  using T = FiniteLinesTarget;
  const auto value = [](const FiniteLines& m, T t) {
    switch (t) {
      case T::PBlock: return m.p_block;
      case T::PWaitOverAdmitted: return m.p_wait_over_admitted;
      case T::PAbandonOverAdmitted: return m.p_abandon_over_admitted;
      case T::SlOverOffered: return -m.sl_answered_within_t_over_offered;
      case T::SlOverAdmitted: return -m.sl_answered_within_t_over_admitted;
      case T::SlOverAnswered: return -m.sl_answered_within_t_over_answered;
    }
    return 0.0;
  };
  struct Goal {
    T kind;
    double target;
  };
  for (double patience : {60.0, 600.0, kInf}) {
    for (const Goal g : {Goal{T::PBlock, 0.01}, Goal{T::PWaitOverAdmitted, 0.3},
                         Goal{T::PAbandonOverAdmitted, 0.02}, Goal{T::SlOverOffered, 0.8},
                         Goal{T::SlOverAdmitted, 0.8}, Goal{T::SlOverAnswered, 0.9}}) {
      if (g.kind == T::PAbandonOverAdmitted && std::isinf(patience)) continue;
      const bool sl = g.kind == T::SlOverOffered || g.kind == T::SlOverAdmitted || g.kind == T::SlOverAnswered;
      const double limit = sl ? -g.target : g.target;
      const std::uint32_t c = staff_finite_lines(k, lambda, 180.0, patience, 20.0, g.kind, g.target);
      SCOPED_TRACE(testing::Message() << "kind " << static_cast<int>(g.kind) << " patience " << patience);
      EXPECT_LE(value(finite_lines_metrics(c, k, lambda, 180.0, patience, 20.0), g.kind), limit);
      for (std::uint32_t less = 1; less < c; ++less)  // smallest, not just a threshold
        EXPECT_GT(value(finite_lines_metrics(less, k, lambda, 180.0, patience, 20.0), g.kind), limit);
    }
  }
  // Patience shorter than service: every added agent raises blocking.
  EXPECT_EQ(staff_finite_lines(2, 0.5 / 180.0, 180.0, 1.0, 20.0, T::PBlock, 0.01), 1u);
  EXPECT_GT(finite_lines_metrics(2, 2, 0.5 / 180.0, 180.0, 1.0, 20.0).p_block, 0.01);
  EXPECT_THROW(staff_finite_lines(5, 3.0 / 180.0, 180.0, 60.0, 20.0, T::PBlock, 1e-6), std::invalid_argument);
  EXPECT_THROW(staff_finite_lines(10, 1.0, 180.0, kInf, 20.0, T::PBlock, 0.01), std::invalid_argument);
  EXPECT_THROW(staff_finite_lines(10, 0.01, 180.0, kInf, 20.0, T::PBlock, 1.0), std::invalid_argument);
  EXPECT_THROW(staff_finite_lines(10, 0.01, 180.0, kInf, 20.0, T::SlOverOffered, 1.0), std::invalid_argument);
}

TEST(Staffing, RejectsBadTargetsAndUnreachableLoads) {
  EXPECT_THROW(staff_erlang_b_for_blocking(5.0, 0.0), std::invalid_argument);
  EXPECT_THROW(staff_erlang_b_for_blocking(5.0, 1.5), std::invalid_argument);
  EXPECT_THROW(staff_erlang_c_for_sl(0.1, 180.0, 20.0, 1.0), std::invalid_argument);
  EXPECT_THROW(staff_erlang_c_for_sl(0.1, 180.0, 20.0, std::nan("")), std::invalid_argument);
  EXPECT_THROW(staff_erlang_c_for_asa(0.1, 180.0, 0.0), std::invalid_argument);
  EXPECT_THROW(staff_erlang_a_for_abandon(0.1, 180.0, 60.0, 0.0), std::invalid_argument);
  EXPECT_THROW(staff_erlang_c_for_sl(2e6, 1.0, 20.0, 0.8), std::invalid_argument);  // > cap
  for (double target : {0.0, 1.0, -0.5, std::nan("")}) {
    EXPECT_THROW(staff_erlang_c_for_p_wait(0.1, 180.0, target), std::invalid_argument);
    EXPECT_THROW(staff_erlang_a_for_p_wait(0.1, 180.0, 60.0, target), std::invalid_argument);
  }
  EXPECT_THROW(staff_erlang_a_for_sl_over_answered(0.1, 180.0, 60.0, 20.0, 1.0), std::invalid_argument);
}

}  // namespace
}  // namespace ccsim::models::analytic
