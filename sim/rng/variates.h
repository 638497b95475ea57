// sim/rng/variates.h
// Random variates written in ccsim, never std::*_distribution: the algorithms are fixed
// here, so a seed gives the same numbers with every standard library (docs/rng.md).
// Each function takes any generator G with `double next_u01()` returning a value in (0, 1)
// and consumes a documented number of draws; parameters are assumed valid (the loader checks).
#pragma once

#include <algorithm>
#include <cmath>
#include <concepts>
#include <cstddef>
#include <iterator>
#include <limits>

#include "sim/rng/distribution.h"
#include "sim/rng/mrg32k3a.h"

namespace ccsim::sim {

template <class G>
concept UniformSource = requires(G& g) {
  { g.next_u01() } -> std::convertible_to<double>;
};

// A generator that returns one stored uniform: sample(d, ReplayedUniform{u}) for a law
// with d.uses_one_draw() equals the sample that drawing u would have given. The model
// draws a caller's patience uniform on arrival (keeping streams in step for CRN) and
// pays for the transform only if the caller ever waits.
struct ReplayedUniform {
  double u;
  double next_u01() const { return u; }
};

// Standard normal quantile, Wichura's algorithm AS 241 (PPND16), Applied Statistics 37(3),
// 477-484, 1988: rational approximations in three regions, relative error about 1e-16.
// Returns -inf at p = 0, +inf at p = 1, NaN outside [0, 1].
inline double normal_quantile(double p) {
  const double q = p - 0.5;
  if (std::fabs(q) <= 0.425) {
    const double r = 0.180625 - q * q;
    return q *
           (((((((2.5090809287301226727e+3 * r + 3.3430575583588128105e+4) * r + 6.7265770927008700853e+4) * r +
                4.5921953931549871457e+4) * r + 1.3731693765509461125e+4) * r + 1.9715909503065514427e+3) * r +
             1.3314166789178437745e+2) * r + 3.3871328727963666080e+0) /
           (((((((5.2264952788528545610e+3 * r + 2.8729085735721942674e+4) * r + 3.9307895800092710610e+4) * r +
                2.1213794301586595867e+4) * r + 5.3941960214247511077e+3) * r + 6.8718700749205790830e+2) * r +
             4.2313330701600911252e+1) * r + 1.0);
  }
  double r = q < 0.0 ? p : 1.0 - p;
  if (!(r > 0.0)) {
    if (r == 0.0) return q < 0.0 ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
    return std::numeric_limits<double>::quiet_NaN();
  }
  r = std::sqrt(-std::log(r));
  double x;
  if (r <= 5.0) {
    r -= 1.6;
    x = (((((((7.74545014278341407640e-4 * r + 2.27238449892691845833e-2) * r + 2.41780725177450611770e-1) * r +
             1.27045825245236838258e+0) * r + 3.64784832476320460504e+0) * r + 5.76949722146069140550e+0) * r +
          4.63033784615654529590e+0) * r + 1.42343711074968357734e+0) /
        (((((((1.05075007164441684324e-9 * r + 5.47593808499534494600e-4) * r + 1.51986665636164571966e-2) * r +
             1.48103976427480074590e-1) * r + 6.89767334985100004550e-1) * r + 1.67638483018380384940e+0) * r +
          2.05319162663775882187e+0) * r + 1.0);
  } else {
    r -= 5.0;
    x = (((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r + 1.24266094738807843860e-3) * r +
             2.65321895265761230930e-2) * r + 2.96560571828504891230e-1) * r + 1.78482653991729133580e+0) * r +
          5.46378491116411436990e+0) * r + 6.65790464350110377720e+0) /
        (((((((2.04426310338993978564e-15 * r + 1.42151175831644588870e-7) * r + 1.84631831751005468180e-5) * r +
             7.86869131145613259100e-4) * r + 1.48753612908506148525e-2) * r + 1.36929880922735805310e-1) * r +
          5.99832206555887937690e-1) * r + 1.0);
  }
  return q < 0.0 ? -x : x;
}

// Inversion: -mean * log(u). One draw. Decreasing in u, like every inversion below that
// uses log(u) rather than log(1 - u): 1 - u would lose the low bits of a small u.
template <UniformSource G>
double exponential(G& g, double mean) {
  return -mean * std::log(g.next_u01());
}

// Inversion: a + (b - a) u. One draw.
template <UniformSource G>
double uniform(G& g, double a, double b) {
  return a + (b - a) * g.next_u01();
}

// Inversion through AS 241. One draw; increasing in u.
template <UniformSource G>
double normal01(G& g) {
  return normal_quantile(g.next_u01());
}

// exp(mu + sigma Z) with sigma^2 = log(1 + cv^2) and mu = log(mean) - sigma^2 / 2, so that
// E[X] = mean and sd(X) = cv * mean. One draw (inversion).
template <UniformSource G>
double lognormal_mean_cv(G& g, double mean, double cv) {
  const double sigma2 = std::log1p(cv * cv);
  return mean * std::exp(std::sqrt(sigma2) * normal01(g) - 0.5 * sigma2);
}

namespace internal {
// The constants of Marsaglia & Tsang's method for a shape: d = a - 1/3 and c = 1/sqrt(9d),
// with a = shape + 1 below 1 (see gamma_shape_scale). Shared with largest_draw, which
// bounds the sampler's output by the same arithmetic.
struct GammaConstants {
  double d;
  double c;
};
inline GammaConstants gamma_constants(double shape) {
  const double a = shape < 1.0 ? shape + 1.0 : shape;
  const double d = a - 1.0 / 3.0;
  return {d, 1.0 / std::sqrt(9.0 * d)};
}
}  // namespace internal

// Marsaglia & Tsang, "A simple method for generating gamma variables", ACM TOMS 26(3),
// 363-372, 2000: rejection from a transformed normal, with the squeeze 1 - 0.0331 z^4;
// for shape < 1, Gamma(shape) = Gamma(shape + 1) * U^(1/shape) (same paper),
// the extra uniform drawn after the accepted Gamma(shape + 1). Rejection makes the draw
// count variable (2 per attempt, acceptance > 95%), which is why each purpose has its
// own stream. Normals come from AS 241 inversion. Precondition: shape > 0, scale > 0.
template <UniformSource G>
double gamma_shape_scale(G& g, double shape, double scale) {
  const auto [d, c] = internal::gamma_constants(shape);
  double x;
  for (;;) {
    double z;
    double v;
    do {
      z = normal01(g);
      v = 1.0 + c * z;
    } while (v <= 0.0);
    v = v * v * v;
    const double u = g.next_u01();
    const double z2 = z * z;
    if (u < 1.0 - 0.0331 * z2 * z2 || std::log(u) < 0.5 * z2 + d * (1.0 - v + std::log(v))) {
      x = d * v;
      break;
    }
  }
  if (shape < 1.0) x *= std::pow(g.next_u01(), 1.0 / shape);
  return x * scale;
}

// The shape 1/cv^2 and scale mean cv^2 of a DistKind::Gamma given by its mean (a) and cv (b).
struct GammaShapeScale {
  double shape;
  double scale;
};
inline GammaShapeScale gamma_shape_scale_of(const Distribution& d) {
  const double cv2 = d.b * d.b;
  return {1.0 / cv2, d.a * cv2};
}

// Up to this many phases an Erlang draw is the sum of its phases, the sampler every
// results/ baseline was made with. Beyond it the sum would cost k logarithms per draw
// (4e9 for the largest k a scenario accepts), so the same law is drawn as the gamma it
// is, shape k and scale mean/k, in O(1). 64 phases already make a cv of 1/8; models
// with Erlang phases use a handful.
inline constexpr unsigned kErlangMaxSummedPhases = 64;

// Up to kErlangMaxSummedPhases: the sum of k exponential phases of mean mean/k, each by
// inversion, so exactly k draws, and with k = 1 it is exponential() on the same draw.
// Beyond: gamma_shape_scale(g, k, mean / k), whose draw count varies. Precondition: k >= 1.
template <UniformSource G>
double erlang(G& g, unsigned k, double mean) {
  if (k > kErlangMaxSummedPhases) return gamma_shape_scale(g, static_cast<double>(k), mean / static_cast<double>(k));
  double s = 0.0;
  for (unsigned i = 0; i < k; ++i) s -= std::log(g.next_u01());
  return s * (mean / static_cast<double>(k));
}

// Inversion of F(x) = 1 - exp(-(x/scale)^shape): scale * (-log u)^(1/shape). One draw.
template <UniformSource G>
double weibull(G& g, double shape, double scale) {
  return scale * std::pow(-std::log(g.next_u01()), 1.0 / shape);
}

// Discrete inversion: values_s[i] for the first i with u <= cdf[i], found by binary
// search. One draw. Entries of zero weight are never returned; cdf.back() == 1 > u, so
// the index is always in range.
template <UniformSource G>
double empirical(G& g, const Distribution& d) {
  const double u = g.next_u01();
  const auto it = std::lower_bound(d.cdf.begin(), d.cdf.end(), u);
  return d.values_s[static_cast<std::size_t>(std::distance(d.cdf.begin(), it))];
}

// Inversion of the triangular law on [lo, hi] with its mode at `mode`: below
// F(mode) = (mode - lo) / (hi - lo), lo + sqrt(u (hi - lo)(mode - lo)); above it,
// hi - sqrt((1 - u)(hi - lo)(hi - mode)). One draw; increasing in u. Each square root is
// taken of one product, so that no product of two widths overflows. Precondition:
// lo <= mode <= hi, lo < hi.
template <UniformSource G>
double triangular(G& g, double lo, double mode, double hi) {
  const double u = g.next_u01();
  const double width = hi - lo;
  if (u * width < mode - lo) return lo + std::sqrt(u * width) * std::sqrt(mode - lo);
  return hi - std::sqrt((1.0 - u) * width) * std::sqrt(hi - mode);
}

namespace internal {
// Reached only when a DistKind holds a value with no enumerator; throws std::logic_error.
[[noreturn]] void fail_unknown_dist_kind(DistKind kind);
}  // namespace internal

// One draw of d. Constant consumes no draw; the others consume what their function above
// documents. The switch has no default, so a new DistKind without a case does not compile
// under -Werror=switch.
template <UniformSource G>
double sample(const Distribution& d, G& g) {
  switch (d.kind) {
    case DistKind::Constant:
      return d.a;
    case DistKind::Exponential:
      return exponential(g, d.a);
    case DistKind::Uniform:
      return uniform(g, d.a, d.b);
    case DistKind::LogNormal:
      return lognormal_mean_cv(g, d.a, d.b);
    case DistKind::Gamma: {
      const auto [shape, scale] = gamma_shape_scale_of(d);
      return gamma_shape_scale(g, shape, scale);
    }
    case DistKind::Erlang:
      return erlang(g, d.k, d.a);
    case DistKind::Weibull:
      return weibull(g, d.a, d.b);
    case DistKind::Empirical:
      return empirical(g, d);
    case DistKind::Triangular:
      return triangular(g, d.a, d.c, d.b);
    case DistKind::Mixture: {
      // u <= p: the point. Else a one-draw law takes u rescaled to (p, 1) -> (0, 1), kept
      // within the generator's range so that largest_draw stays exact; another law draws
      // afresh after it.
      const double u = g.next_u01();
      if (u <= d.b) return d.a;
      const Distribution& o = d.parts.front();
      if (!o.uses_one_draw()) return sample(o, g);
      ReplayedUniform rest{std::clamp((u - d.b) / (1.0 - d.b), Mrg32k3a::kSmallestU01, Mrg32k3a::kLargestU01)};
      return sample(o, rest);
    }
  }
  internal::fail_unknown_dist_kind(d.kind);
}

// The largest value sample(d, g) can return when g is a Mrg32k3a, whose uniforms lie in
// [Mrg32k3a::kSmallestU01, kLargestU01]: exact for the inversions, which are monotone in u;
// for gamma and Erlang an upper bound. +inf or NaN when some draw would not be a finite
// number, which the loader rejects: such a draw puts an infinite or undefined time on
// the event list.
double largest_draw(const Distribution& d);

}  // namespace ccsim::sim
