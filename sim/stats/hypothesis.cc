// sim/stats/hypothesis.cc
// Student's pooled t-test, sd from a half-width, Holm's adjustment (Boost.Math stays here).
#include "sim/stats/hypothesis.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <string>

#include <boost/math/distributions/students_t.hpp>

#include "sim/stats/tally.h"

namespace ccsim::sim {
namespace {

void check_sample(const SampleSummary& s, const char* which) {
  // n = 1 has no sd: any value passed is ignored (it adds (n - 1) sd^2 = 0 to the pool).
  if (s.n < 1 || !std::isfinite(s.mean) || (s.n >= 2 && (!std::isfinite(s.sd) || s.sd < 0.0))) {
    throw std::domain_error(std::string("pooled_t_test: sample ") + which +
                            " needs n >= 1, a finite mean and, with n >= 2, a finite sd >= 0; got n=" +
                            std::to_string(s.n) + ", mean=" + std::to_string(s.mean) + ", sd=" + std::to_string(s.sd));
  }
}

}  // namespace

TTestResult pooled_t_test(const SampleSummary& a, const SampleSummary& b) {
  check_sample(a, "a");
  check_sample(b, "b");
  if (a.n + b.n < 3)
    throw std::domain_error("pooled_t_test: one observation on each side leaves no variance to test with");
  const auto na = static_cast<double>(a.n);
  const auto nb = static_cast<double>(b.n);
  const double df = na + nb - 2.0;
  const auto ss = [](const SampleSummary& s) { return s.n >= 2 ? (static_cast<double>(s.n) - 1.0) * s.sd * s.sd : 0.0; };
  const double pooled_var = (ss(a) + ss(b)) / df;
  const double se = std::sqrt(pooled_var * (1.0 / na + 1.0 / nb));
  const double diff = b.mean - a.mean;
  if (se == 0.0) {
    if (diff == 0.0) return {0.0, df, 1.0};
    return {std::copysign(std::numeric_limits<double>::infinity(), diff), df, 0.0};
  }
  const double t = diff / se;
  // cdf(complement) keeps precision in the far tail, where 1 - cdf would round to 0.
  const double tail =
      boost::math::cdf(boost::math::complement(boost::math::students_t_distribution<double>(df), std::fabs(t)));
  return {t, df, std::min(1.0, 2.0 * tail)};
}

TTestResult paired_t_test(const std::vector<double>& a, const std::vector<double>& b) {
  if (a.size() != b.size())
    throw std::domain_error("paired_t_test: samples of " + std::to_string(a.size()) + " and " +
                            std::to_string(b.size()) + " values cannot be paired");
  Tally d;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (std::isfinite(a[i]) && std::isfinite(b[i])) d.add(b[i] - a[i]);
  if (d.count() < 2)
    throw std::domain_error("paired_t_test: needs at least 2 pairs of finite values; got " +
                            std::to_string(d.count()));
  const double df = static_cast<double>(d.count() - 1);
  const double se = d.stddev() / std::sqrt(static_cast<double>(d.count()));
  if (se == 0.0 || !std::isfinite(se)) {
    if (d.mean() == 0.0) return {0.0, df, 1.0};
    return {std::copysign(std::numeric_limits<double>::infinity(), d.mean()), df, 0.0};
  }
  const double t = d.mean() / se;
  const double tail =
      boost::math::cdf(boost::math::complement(boost::math::students_t_distribution<double>(df), std::fabs(t)));
  return {t, df, std::min(1.0, 2.0 * tail)};
}

double sd_from_half_width(double half_width, std::uint64_t n, double confidence) {
  if (n < 2 || !std::isfinite(half_width) || half_width < 0.0 || !(confidence > 0.0 && confidence < 1.0)) {
    throw std::domain_error(
        "sd_from_half_width: need n >= 2, a finite half-width >= 0 and 0 < confidence < 1; got n=" + std::to_string(n) +
        ", half_width=" + std::to_string(half_width) + ", confidence=" + std::to_string(confidence));
  }
  const double nn = static_cast<double>(n);
  return half_width * std::sqrt(nn) / student_t_quantile(0.5 * (1.0 + confidence), nn - 1.0);
}

std::vector<double> holm_adjust(const std::vector<double>& p) {
  for (double x : p)
    if (!(x >= 0.0 && x <= 1.0))
      throw std::domain_error("holm_adjust: p-values must be in [0, 1]; got " + std::to_string(x));
  std::vector<std::size_t> order(p.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  // Stable: equal p-values keep their input order, so the result does not depend on the sort.
  std::stable_sort(order.begin(), order.end(), [&](std::size_t i, std::size_t j) { return p[i] < p[j]; });
  std::vector<double> adjusted(p.size());
  const double m = static_cast<double>(p.size());
  double running = 0.0;  // adjusted p-values never decrease along the sorted order
  for (std::size_t rank = 0; rank < order.size(); ++rank) {
    running = std::max(running, std::min(1.0, (m - static_cast<double>(rank)) * p[order[rank]]));
    adjusted[order[rank]] = running;
  }
  return adjusted;
}

}  // namespace ccsim::sim
