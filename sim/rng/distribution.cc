// sim/rng/distribution.cc
// Construction of empirical laws and the exact mean and squared coefficient of variation
// of every DistKind, used by the loader's diagnostics and by the variate tests.
#include "sim/rng/distribution.h"

#include <cmath>
#include <cstddef>
#include <limits>
#include <stdexcept>
#include <string>
#include <utility>

namespace ccsim::sim {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Probability of entry i of an empirical law, recovered from its cdf.
double empirical_p(const Distribution& d, std::size_t i) { return i == 0 ? d.cdf[0] : d.cdf[i] - d.cdf[i - 1]; }

double empirical_mean(const Distribution& d) {
  double m = 0.0;
  for (std::size_t i = 0; i < d.values_s.size(); ++i) m += empirical_p(d, i) * d.values_s[i];
  return m;
}

// Two passes (mean first) rather than E[X^2] - E[X]^2, which cancels badly when the values
// sit far from zero with a small spread.
double empirical_variance(const Distribution& d) {
  const double m = empirical_mean(d);
  double v = 0.0;
  for (std::size_t i = 0; i < d.values_s.size(); ++i) {
    const double dev = d.values_s[i] - m;
    v += empirical_p(d, i) * dev * dev;
  }
  return v;
}

}  // namespace

Distribution Distribution::empirical(std::vector<double> values_s, const std::vector<double>& weights) {
  // The loader has validated its input already; these checks keep a hand-built law from
  // silently producing a cdf that is not one.
  if (values_s.empty() || values_s.size() != weights.size()) {
    throw std::invalid_argument("Distribution::empirical: need as many weights as values, at least one; got " +
                                std::to_string(values_s.size()) + " values and " +
                                std::to_string(weights.size()) + " weights");
  }
  double total = 0.0;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    if (!(weights[i] >= 0.0) || !std::isfinite(weights[i])) {
      throw std::invalid_argument("Distribution::empirical: weight " + std::to_string(i) +
                                  " must be finite and >= 0; got " + std::to_string(weights[i]));
    }
    total += weights[i];
  }
  if (!(total > 0.0) || !std::isfinite(total)) {
    throw std::invalid_argument("Distribution::empirical: weights must have a finite positive sum");
  }
  Distribution d;
  d.kind = DistKind::Empirical;
  d.values_s = std::move(values_s);
  d.cdf.resize(weights.size());
  double cum = 0.0;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    cum += weights[i];
    d.cdf[i] = cum / total;  // cum <= total, so every entry is <= 1 and non-decreasing
  }
  // Sampling relies on u < 1 <= cdf.back(), so the last entry must be exactly 1 whatever
  // the rounding of the running sum.
  d.cdf.back() = 1.0;
  return d;
}

double Distribution::mean() const {
  switch (kind) {
    case DistKind::Constant:
    case DistKind::Exponential:
    case DistKind::LogNormal:
    case DistKind::Gamma:
    case DistKind::Erlang:
      return a;
    case DistKind::Uniform:
      return 0.5 * (a + b);
    case DistKind::Weibull:
      return b * std::tgamma(1.0 + 1.0 / a);
    case DistKind::Empirical:
      return empirical_mean(*this);
    case DistKind::Triangular:
      return (a + b + c) / 3.0;
    case DistKind::Mixture:
      return b * a + (1.0 - b) * parts.front().mean();
  }
  return kNaN;  // a value outside DistKind: no law, no mean
}

double Distribution::scv() const {
  switch (kind) {
    case DistKind::Constant:
      return 0.0;
    case DistKind::Exponential:
      return 1.0;
    case DistKind::Uniform: {
      const double m = mean();
      return (b - a) * (b - a) / (12.0 * m * m);
    }
    case DistKind::LogNormal:
    case DistKind::Gamma:
      return b * b;
    case DistKind::Erlang:
      return 1.0 / static_cast<double>(k);
    case DistKind::Weibull: {
      const double g1 = std::tgamma(1.0 + 1.0 / a);
      return std::tgamma(1.0 + 2.0 / a) / (g1 * g1) - 1.0;
    }
    case DistKind::Empirical: {
      const double m = empirical_mean(*this);
      return empirical_variance(*this) / (m * m);
    }
    case DistKind::Triangular: {
      const double m = mean();
      return (a * a + b * b + c * c - a * b - a * c - b * c) / (18.0 * m * m);
    }
    case DistKind::Mixture: {
      // Variance by total variance: within the other law, plus between the two parts' means.
      const Distribution& o = parts.front();
      const double mo = o.mean(), m = mean();
      if (m == 0.0) return 0.0;  // the point 0 with probability 1
      const double within = (1.0 - b) * o.scv() * mo * mo;
      const double between = b * (a - m) * (a - m) + (1.0 - b) * (mo - m) * (mo - m);
      return (within + between) / (m * m);
    }
  }
  return kNaN;
}

}  // namespace ccsim::sim
