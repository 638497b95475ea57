// tests/validation/retrial_chain.cc
// The orbit m moves by at most one per transition, so the generator is block
// tridiagonal in m with blocks over n in [0, L]: a level-dependent quasi-birth-death
// process, solved exactly by linear level reduction from the truncation edge down
// (Gaver, Jacobs & Latouche 1984), in O(M L^3) instead of a solve over all (L+1)(M+1)
// states at once.
#include "tests/validation/retrial_chain.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <stdexcept>
#include <utility>
#include <vector>

namespace ccsim::models::testing {
namespace {

constexpr std::uint32_t kFirstMaxOrbit = 64;
constexpr std::uint32_t kLargestMaxOrbit = 4096;

// Square, row-major; the blocks are small (L + 1 rows), so dense is simplest.
class Matrix {
 public:
  explicit Matrix(std::size_t k) : k_(k), a_(k * k, 0.0) {}
  std::size_t size() const { return k_; }
  double& operator()(std::size_t i, std::size_t j) { return a_[i * k_ + j]; }
  double operator()(std::size_t i, std::size_t j) const { return a_[i * k_ + j]; }

 private:
  std::size_t k_;
  std::vector<double> a_;
};

Matrix product(const Matrix& a, const Matrix& b) {
  const std::size_t k = a.size();
  Matrix c(k);
  for (std::size_t i = 0; i < k; ++i)
    for (std::size_t l = 0; l < k; ++l)
      if (a(i, l) != 0.0)
        for (std::size_t j = 0; j < k; ++j) c(i, j) += a(i, l) * b(l, j);
  return c;
}

// X with X t = b, row by row: t^T x^T = b^T, by Gaussian elimination with partial
// pivoting on t^T (a nonsingular M-matrix here, but pivoting costs nothing at this size).
Matrix solve_right(const Matrix& b, const Matrix& t) {
  const std::size_t k = t.size();
  Matrix lu(k);
  for (std::size_t i = 0; i < k; ++i)
    for (std::size_t j = 0; j < k; ++j) lu(i, j) = t(j, i);
  std::vector<std::size_t> pivot(k);
  for (std::size_t col = 0; col < k; ++col) {
    std::size_t best = col;
    for (std::size_t i = col + 1; i < k; ++i)
      if (std::fabs(lu(i, col)) > std::fabs(lu(best, col))) best = i;
    if (lu(best, col) == 0.0) throw std::logic_error("retrial chain: a level block is singular");
    pivot[col] = best;
    if (best != col)
      for (std::size_t j = 0; j < k; ++j) std::swap(lu(col, j), lu(best, j));
    for (std::size_t i = col + 1; i < k; ++i) {
      lu(i, col) /= lu(col, col);
      for (std::size_t j = col + 1; j < k; ++j) lu(i, j) -= lu(i, col) * lu(col, j);
    }
  }
  Matrix x(k);
  std::vector<double> y(k);
  for (std::size_t row = 0; row < k; ++row) {
    for (std::size_t i = 0; i < k; ++i) y[i] = b(row, i);
    for (std::size_t col = 0; col < k; ++col) {
      std::swap(y[col], y[pivot[col]]);
      for (std::size_t i = col + 1; i < k; ++i) y[i] -= lu(i, col) * y[col];
    }
    for (std::size_t i = k; i-- > 0;) {
      for (std::size_t j = i + 1; j < k; ++j) y[i] -= lu(i, j) * y[j];
      y[i] /= lu(i, i);
    }
    for (std::size_t i = 0; i < k; ++i) x(row, i) = y[i];
  }
  return x;
}

// The stationary vector of a generator from its off-diagonal rates alone, by the
// Grassmann-Taksar-Heyman state reduction: no subtraction, so no cancellation.
std::vector<double> gth_stationary(Matrix q) {
  const std::size_t k = q.size();
  for (std::size_t n = k; n-- > 1;) {
    double out = 0.0;
    for (std::size_t j = 0; j < n; ++j) out += q(n, j);
    for (std::size_t i = 0; i < n; ++i) q(i, n) /= out;
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t j = 0; j < n; ++j)
        if (i != j) q(i, j) += q(i, n) * q(n, j);
  }
  std::vector<double> pi(k, 0.0);
  pi[0] = 1.0;
  double total = 1.0;
  for (std::size_t j = 1; j < k; ++j) {
    for (std::size_t i = 0; i < j; ++i) pi[j] += pi[i] * q(i, j);
    total += pi[j];
  }
  for (double& x : pi) x /= total;
  return pi;
}

// The generator's blocks for the orbit truncated at max_orbit. At the edge, the redial
// a block or an abandon would add to the orbit is dropped (that caller is lost), so no
// transition leaves the truncated space.
class Blocks {
 public:
  Blocks(const RetrialQueue& q, std::uint32_t max_orbit)
      : lambda_(q.rate_per_s), mu_(1.0 / q.mean_service_s), theta_(1.0 / q.mean_patience_s),
        beta_(1.0 / q.mean_redial_delay_s), p_(q.p_redial), c_(q.agents), lines_(q.lines), max_orbit_(max_orbit) {}

  std::size_t size() const { return lines_ + 1; }

  // Level m to m + 1 (below the edge): a fresh caller blocked, or a caller abandoning,
  // who will redial. The same at every level.
  Matrix up() const {
    Matrix a(size());
    a(lines_, lines_) = lambda_ * p_;
    for (std::uint32_t n = c_ + 1; n <= lines_; ++n) a(n, n - 1) = (n - c_) * theta_ * p_;
    return a;
  }

  // Level m to m - 1: a redial that gets a line, or one blocked that gives up.
  Matrix down(std::uint32_t m) const {
    Matrix a(size());
    const double redials = beta_ * m;
    for (std::uint32_t n = 0; n < lines_; ++n) a(n, n + 1) = redials;
    a(lines_, lines_) = redials * (1.0 - p_);
    return a;
  }

  // Within level m, off the diagonal: fresh arrivals that get a line, services, and
  // abandons that are lost (all of them at the edge).
  Matrix local(std::uint32_t m) const {
    Matrix a(size());
    const double redialling = m == max_orbit_ ? 0.0 : p_;
    for (std::uint32_t n = 0; n < lines_; ++n) a(n, n + 1) = lambda_;
    for (std::uint32_t n = 1; n <= lines_; ++n)
      a(n, n - 1) = std::min(n, c_) * mu_ + (n > c_ ? (n - c_) * theta_ * (1.0 - redialling) : 0.0);
    return a;
  }

 private:
  double lambda_, mu_, theta_, beta_, p_;
  std::uint32_t c_, lines_, max_orbit_;
};

// Sets the diagonal of the level-m block of the generator censored on levels <= m: its
// rows lose exactly what leaves them for level m - 1. Summing rates instead of
// subtracting the returns from higher levels keeps every term positive.
void set_censored_diagonal(Matrix& s, const Matrix& down) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    double out = 0.0;
    for (std::size_t j = 0; j < s.size(); ++j) out += (i == j ? 0.0 : s(i, j)) + down(i, j);
    s(i, i) = -out;
  }
}

// pi[m][n] of the chain truncated at max_orbit.
std::vector<std::vector<double>> stationary(const RetrialQueue& q, std::uint32_t max_orbit) {
  const Blocks blocks(q, max_orbit);
  const std::size_t k = blocks.size();
  // pi_m = pi_{m-1} r[m], with r[m] = up (-S_m)^-1 and S_m the censored block of level m.
  std::vector<Matrix> r(max_orbit + 1, Matrix(0));
  Matrix s = blocks.local(max_orbit);
  set_censored_diagonal(s, blocks.down(max_orbit));
  for (std::uint32_t m = max_orbit; m >= 1; --m) {
    Matrix minus_s(k);
    for (std::size_t i = 0; i < k; ++i)
      for (std::size_t j = 0; j < k; ++j) minus_s(i, j) = -s(i, j);
    const Matrix down = blocks.down(m);
    r[m] = solve_right(blocks.up(), minus_s);
    const Matrix returns = product(r[m], down);
    s = blocks.local(m - 1);
    for (std::size_t i = 0; i < k; ++i)
      for (std::size_t j = 0; j < k; ++j) s(i, j) += returns(i, j);
    set_censored_diagonal(s, blocks.down(m - 1));
  }
  std::vector<std::vector<double>> pi(max_orbit + 1, std::vector<double>(k, 0.0));
  pi[0] = gth_stationary(std::move(s));
  double total = 1.0;
  for (std::uint32_t m = 1; m <= max_orbit; ++m) {
    for (std::size_t i = 0; i < k; ++i)
      if (pi[m - 1][i] != 0.0)
        for (std::size_t j = 0; j < k; ++j) pi[m][j] += pi[m - 1][i] * r[m](i, j);
    for (double x : pi[m]) total += x;
  }
  for (auto& level : pi)
    for (double& x : level) x /= total;
  return pi;
}

void check(const RetrialQueue& q) {
  const auto positive = [](double x) { return x > 0.0 && std::isfinite(x); };
  if (q.agents == 0 || q.lines < q.agents) throw std::invalid_argument("retrial chain: needs 1 <= agents <= lines");
  if (!positive(q.rate_per_s) || !positive(q.mean_service_s) || !positive(q.mean_redial_delay_s) ||
      !(q.mean_patience_s > 0.0))
    throw std::invalid_argument("retrial chain: rates and means must be positive and finite (patience may be inf)");
  if (!(q.p_redial >= 0.0 && q.p_redial <= 1.0))
    throw std::invalid_argument("retrial chain: p_redial must be in [0, 1]");
}

RetrialMeasures measure(const RetrialQueue& q, const std::vector<std::vector<double>>& pi) {
  const double lambda = q.rate_per_s, beta = 1.0 / q.mean_redial_delay_s, theta = 1.0 / q.mean_patience_s;
  const std::uint32_t c = q.agents, lines = q.lines;
  double orbit = 0.0, blocked = 0.0, waited = 0.0, queue = 0.0, busy = 0.0;
  for (std::uint32_t m = 0; m < pi.size(); ++m)
    for (std::uint32_t n = 0; n <= lines; ++n) {
      const double w = pi[m][n], attempts = (lambda + beta * m) * w;
      orbit += m * w;
      if (n == lines) {
        blocked += attempts;
      } else if (n >= c) {
        waited += attempts;
      }
      queue += (n > c ? n - c : 0) * w;
      busy += std::min(n, c) * w;
    }
  RetrialMeasures out;
  out.redial_rate_per_s = beta * orbit;
  out.attempt_rate_per_s = lambda + out.redial_rate_per_s;
  out.p_block = blocked / out.attempt_rate_per_s;
  out.p_wait = waited / out.attempt_rate_per_s;
  const double abandoned = theta * queue;
  out.p_abandon = abandoned / out.attempt_rate_per_s;
  out.mean_queue_length = queue;
  out.mean_orbit = orbit;
  out.served_rate_per_s = busy / q.mean_service_s;
  out.customer_rate_per_s = lambda;
  const double give_up = 1.0 - q.p_redial;
  out.p_abandon_over_customers = give_up * abandoned / lambda;
  out.p_blocked_over_customers = give_up * blocked / lambda;
  out.p_unserved_over_customers = out.p_abandon_over_customers + out.p_blocked_over_customers;
  out.max_orbit = static_cast<std::uint32_t>(pi.size() - 1);
  for (double x : pi.back()) out.edge_mass += x;
  return out;
}

}  // namespace

RetrialMeasures solve_retrial_chain(const RetrialQueue& q) {
  check(q);
  for (std::uint32_t max_orbit = kFirstMaxOrbit; max_orbit <= kLargestMaxOrbit; max_orbit *= 2) {
    const RetrialMeasures out = measure(q, stationary(q, max_orbit));
    if (out.edge_mass < kRetrialEdgeMass) return out;
  }
  throw std::invalid_argument("retrial chain: the orbit needs more than 4096 levels; is the centre overloaded?");
}

}  // namespace ccsim::models::testing
