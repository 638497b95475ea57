// sim/stats/tally.cc
// Out-of-line parts of Tally: merging and the Student-t interval (Boost.Math stays here,
// out of the header).
#include "sim/stats/tally.h"

#include <cmath>
#include <stdexcept>
#include <string>

#include <boost/math/distributions/students_t.hpp>

namespace ccsim::sim {

double student_t_quantile(double p, double df) {
  if (!(p > 0.0 && p < 1.0) || !(df > 0.0)) {
    throw std::domain_error("student_t_quantile: need 0 < p < 1 and df > 0; got p=" + std::to_string(p) +
                            ", df=" + std::to_string(df));
  }
  // A run's results ask for the same quantile thousands of times (every KPI of every level
  // and interval, mostly over the same number of observations, twice for a ratio KPI), and
  // Boost's inverse incomplete beta costs microseconds: one answer remembered per thread.
  thread_local double last_p = 0.0, last_df = 0.0, last_quantile = 0.0;
  if (p != last_p || df != last_df) {
    last_quantile = boost::math::quantile(boost::math::students_t_distribution<double>(df), p);
    last_p = p;
    last_df = df;
  }
  return last_quantile;
}

void Tally::merge(const Tally& other) {
  if (other.n_ == 0) return;
  if (n_ == 0) {
    *this = other;
    return;
  }
  const double na = static_cast<double>(n_);
  const double nb = static_cast<double>(other.n_);
  const double n = na + nb;
  const double delta = other.mean_ - mean_;
  mean_ += delta * (nb / n);
  m2_ += other.m2_ + delta * delta * (na * nb / n);
  n_ += other.n_;
  sum_ += other.sum_;
  if (other.min_ < min_) min_ = other.min_;
  if (other.max_ > max_) max_ = other.max_;
}

double Tally::stddev() const { return std::sqrt(variance()); }

double Tally::half_width(double confidence) const {
  if (!(confidence > 0.0 && confidence < 1.0)) {
    throw std::domain_error("Tally::half_width: confidence must be in (0, 1); got " + std::to_string(confidence));
  }
  if (n_ < 2) return kNaN;
  const double n = static_cast<double>(n_);
  return student_t_quantile(0.5 * (1.0 + confidence), n - 1.0) * stddev() / std::sqrt(n);
}

}  // namespace ccsim::sim
