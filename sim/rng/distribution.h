// sim/rng/distribution.h
// Distribution: a duration law as plain data (kind + parameters), as read from a
// scenario. Sampling lives in sim/rng/variates.h. Parameters are in seconds where
// they are durations; the loader checks them, so a Distribution here is valid.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

namespace ccsim::sim {

// Kinds are appended, never renumbered: the fingerprint of a run depends on them.
enum class DistKind : std::uint8_t {
  Constant = 0,     // a = value_s
  Exponential = 1,  // a = mean_s
  Uniform = 2,      // a = min_s, b = max_s
  LogNormal = 3,    // a = mean_s, b = cv (sd / mean)
  Gamma = 4,        // a = mean_s, b = cv; shape = 1/cv^2
  Erlang = 5,       // a = mean_s, k = number of phases
  Weibull = 6,      // a = shape, b = scale_s
  Empirical = 7,    // values_s with cumulative probabilities cdf (last = 1)
  Triangular = 8,   // a = min_s, b = max_s, c = mode_s; a <= c <= b, a < b
  Mixture = 9,      // a = value_s with probability b, else the law parts[0] (not itself a mixture)
};

struct Distribution {
  DistKind kind = DistKind::Constant;
  double a = 0.0;
  double b = 0.0;
  double c = 0.0;  // Triangular only
  std::uint32_t k = 0;
  std::vector<double> values_s;  // Empirical only
  std::vector<double> cdf;       // Empirical only, non-decreasing, last == 1
  std::vector<Distribution> parts;  // Mixture only: the law drawn when the point is not

  static Distribution constant(double value_s) { return {DistKind::Constant, value_s, 0.0, 0.0, 0, {}, {}, {}}; }
  static Distribution exponential(double mean_s) {
    return {DistKind::Exponential, mean_s, 0.0, 0.0, 0, {}, {}, {}};
  }
  static Distribution uniform(double min_s, double max_s) {
    return {DistKind::Uniform, min_s, max_s, 0.0, 0, {}, {}, {}};
  }
  static Distribution lognormal(double mean_s, double cv) {
    return {DistKind::LogNormal, mean_s, cv, 0.0, 0, {}, {}, {}};
  }
  static Distribution gamma(double mean_s, double cv) { return {DistKind::Gamma, mean_s, cv, 0.0, 0, {}, {}, {}}; }
  static Distribution erlang(std::uint32_t k, double mean_s) {
    return {DistKind::Erlang, mean_s, 0.0, 0.0, k, {}, {}, {}};
  }
  static Distribution weibull(double shape, double scale_s) {
    return {DistKind::Weibull, shape, scale_s, 0.0, 0, {}, {}, {}};
  }
  // value_s with probability p, else a draw of `otherwise`.
  static Distribution mixture(double p, double value_s, Distribution otherwise) {
    Distribution d{DistKind::Mixture, value_s, p, 0.0, 0, {}, {}, {}};
    d.parts.push_back(std::move(otherwise));
    return d;
  }
  static Distribution triangular(double min_s, double mode_s, double max_s) {
    return {DistKind::Triangular, min_s, max_s, mode_s, 0, {}, {}, {}};
  }
  // weights need not sum to 1; they are normalised into cdf here.
  static Distribution empirical(std::vector<double> values_s, const std::vector<double>& weights);

  double mean() const;
  // Squared coefficient of variation (variance / mean^2); 0 for a constant.
  double scv() const;
  // True when every draw is the same value (no random number is consumed).
  bool is_deterministic() const { return kind == DistKind::Constant; }
  // True when a sample is one uniform draw transformed by inversion, so the draw can
  // be taken now and transformed later (sim::ReplayedUniform) with the same result.
  bool uses_one_draw() const {
    switch (kind) {
      case DistKind::Exponential:
      case DistKind::Uniform:
      case DistKind::LogNormal:
      case DistKind::Weibull:
      case DistKind::Empirical:
      case DistKind::Triangular:
        return true;
      case DistKind::Constant:
      case DistKind::Gamma:
      case DistKind::Erlang:
        return false;
      case DistKind::Mixture:  // one uniform picks the point or, rescaled, draws the other law
        return parts.front().uses_one_draw();
    }
    return false;
  }
};

}  // namespace ccsim::sim
