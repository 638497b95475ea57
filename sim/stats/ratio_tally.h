// sim/stats/ratio_tally.h
// RatioTally: the ratio of means of paired observations (N_i, D_i), mean(N) / mean(D),
// with a delta-method Student-t half-width. Plain numbers, O(1) memory.
// Invariant: the means and co-moments are exactly Welford's recurrences over the pairs added.
#pragma once

#include <cstdint>
#include <limits>

namespace ccsim::sim {

// Estimates R = E[N] / E[D] from n pairs (a numerator and a denominator per
// observation: calls answered in time and calls admitted in one replication), as a
// planner pooling every observation's totals reads it: R = sum N / sum D. A pair whose
// denominator is 0 still counts: it adds to n and 0 to both sums (unlike a mean of
// per-observation ratios, which must leave it out).
// Its interval is the delta method's (the classical ratio estimator, Cochran, Sampling
// Techniques, 3rd ed. 1977, section 6.4; the regenerative method's, Crane & Iglehart,
// Operations Research 23(1), 1975): Var(R) ~ (s_N^2 - 2 R s_ND + R^2 s_D^2) / (n mean(D)^2),
// the sample variance of the residuals N_i - R D_i over n mean(D)^2. The running
// co-moments are Welford's, extended to two variables, so a denominator far from 0 with
// a small spread does not cancel. No names, no units.
class RatioTally {
 public:
  void add(double numerator, double denominator) {
    ++n_;
    const double nn = static_cast<double>(n_);
    const double dx = numerator - mean_num_;
    const double dy = denominator - mean_den_;
    mean_num_ += dx / nn;
    mean_den_ += dy / nn;
    m2_num_ += dx * (numerator - mean_num_);
    m2_den_ += dy * (denominator - mean_den_);
    co_ += dx * (denominator - mean_den_);
  }

  std::uint64_t count() const { return n_; }
  // mean(N) / mean(D); NaN when no pair was added or every denominator was 0.
  double ratio() const { return n_ > 0 && mean_den_ != 0.0 ? mean_num_ / mean_den_ : kNaN; }
  // t_{(1+confidence)/2, n-1} * sqrt(Var(R)), the same quantile as Tally::half_width: the
  // interval is ratio() +- half_width(). NaN when count() < 2 or ratio() is; throws
  // std::domain_error unless 0 < confidence < 1.
  double half_width(double confidence) const;

 private:
  static constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

  std::uint64_t n_ = 0;
  double mean_num_ = 0.0;
  double mean_den_ = 0.0;
  double m2_num_ = 0.0;  // sum of squared deviations of the numerators from their running mean
  double m2_den_ = 0.0;
  double co_ = 0.0;      // sum of products of the two deviations
};

}  // namespace ccsim::sim
