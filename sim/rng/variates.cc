// sim/rng/variates.cc
// The cold paths of variates.h: the failure of sample() on a corrupt kind, kept out of
// line so the header's hot switch stays small, and the bound on a law's draws that the
// loader checks once per law.
#include "sim/rng/variates.h"

#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

#include "sim/rng/mrg32k3a.h"

namespace ccsim::sim {
namespace internal {

void fail_unknown_dist_kind(DistKind kind) {
  throw std::logic_error("sample: DistKind value " + std::to_string(static_cast<unsigned>(kind)) +
                         " names no distribution (corrupt Distribution)");
}

}  // namespace internal

namespace {

// Gamma(shape) * scale as gamma_shape_scale draws it: every accepted attempt is d v with
// v = (1 + c z)^3 and z a normal of an extreme uniform; the factor u^(1/shape) of a shape
// below 1 is at most 1 and is left out.
double gamma_bound(double shape, double scale) {
  const auto [d, c] = internal::gamma_constants(shape);
  double v = 1.0 + c * normal_quantile(Mrg32k3a::kLargestU01);
  v = v * v * v;
  return d * v * scale;
}

}  // namespace

double largest_draw(const Distribution& d) {
  switch (d.kind) {
    case DistKind::Constant:
      return d.a;
    case DistKind::Exponential:
    case DistKind::Uniform:
    case DistKind::LogNormal:
    case DistKind::Weibull:
    case DistKind::Empirical:
    case DistKind::Triangular: {
      // One monotone transform of one uniform: the extremes of the draws are its values
      // at the extreme uniforms, and a NaN inside the range would show at one of them.
      ReplayedUniform smallest{Mrg32k3a::kSmallestU01}, largest{Mrg32k3a::kLargestU01};
      const double x = sample(d, smallest), y = sample(d, largest);
      if (std::isnan(x) || std::isnan(y)) return std::numeric_limits<double>::quiet_NaN();
      return x > y ? x : y;
    }
    case DistKind::Gamma: {
      const auto [shape, scale] = gamma_shape_scale_of(d);
      return gamma_bound(shape, scale);
    }
    case DistKind::Erlang: {
      const double k = static_cast<double>(d.k);
      if (d.k > kErlangMaxSummedPhases) return gamma_bound(k, d.a / k);
      return k * -std::log(Mrg32k3a::kSmallestU01) * (d.a / k);
    }
    case DistKind::Mixture: {
      const double other = largest_draw(d.parts.front());
      if (std::isnan(other)) return other;
      return other > d.a ? other : d.a;
    }
  }
  internal::fail_unknown_dist_kind(d.kind);
}

}  // namespace ccsim::sim
