// sim/stats/tally.h
// Tally: running count, mean, variance (Welford), min, max and sum of observations, with a
// Student-t confidence half-width. Plain numbers: no name, no formatting, O(1) memory.
// Invariant: mean_ and m2_ are exactly Welford's recurrences over the values added.
#pragma once

#include <cstdint>
#include <limits>

namespace ccsim::sim {

// Quantile of Student's t law with `df` degrees of freedom at probability p, from
// Boost.Math. df may be fractional; throws std::domain_error when p is outside (0, 1) or
// df <= 0.
double student_t_quantile(double p, double df);

// Statistics of a sequence of observations (waits, per-replication KPIs, ...), updated in
// O(1) per value. Welford's method keeps the variance accurate when values sit far from
// zero with a small spread, where sum-of-squares formulas cancel (Welford, Technometrics
// 4(3), 1962). merge() combines two tallies exactly as if one had seen both sequences
// (Chan, Golub & LeVeque 1979), e.g. per-thread tallies of replications.
// Statistics of an empty tally (and variance of a single value) are NaN, not 0, so a
// report cannot mistake "no data" for "no spread". The tally keeps no names or units.
class Tally {
 public:
  void add(double x) {
    ++n_;
    const double delta = x - mean_;
    mean_ += delta / static_cast<double>(n_);
    m2_ += delta * (x - mean_);
    sum_ += x;
    if (x < min_) min_ = x;
    if (x > max_) max_ = x;
  }

  void merge(const Tally& other);
  void reset() { *this = Tally{}; }

  std::uint64_t count() const { return n_; }
  double sum() const { return sum_; }
  double mean() const { return n_ > 0 ? mean_ : kNaN; }
  // Sample variance (divisor n - 1).
  double variance() const { return n_ > 1 ? m2_ / static_cast<double>(n_ - 1) : kNaN; }
  double stddev() const;
  double min() const { return n_ > 0 ? min_ : kNaN; }
  double max() const { return n_ > 0 ? max_ : kNaN; }
  // t_{(1+confidence)/2, n-1} * s / sqrt(n): the mean's confidence interval is
  // mean() +- half_width(). NaN when count() < 2; throws std::domain_error unless
  // 0 < confidence < 1.
  double half_width(double confidence) const;

 private:
  static constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

  std::uint64_t n_ = 0;
  double mean_ = 0.0;
  double m2_ = 0.0;  // sum of squared deviations from the running mean
  double sum_ = 0.0;
  double min_ = std::numeric_limits<double>::infinity();
  double max_ = -std::numeric_limits<double>::infinity();
};

}  // namespace ccsim::sim
