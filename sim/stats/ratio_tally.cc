// sim/stats/ratio_tally.cc
// The delta-method half-width of RatioTally, with the Student-t quantile of tally.h.
#include "sim/stats/ratio_tally.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

#include "sim/stats/tally.h"

namespace ccsim::sim {

double RatioTally::half_width(double confidence) const {
  if (!(confidence > 0.0 && confidence < 1.0)) {
    throw std::domain_error("RatioTally::half_width: confidence must be in (0, 1); got " +
                            std::to_string(confidence));
  }
  const double r = ratio();
  if (n_ < 2 || std::isnan(r)) return kNaN;
  const double n = static_cast<double>(n_);
  // The residuals' sum of squares; >= 0 by Cauchy-Schwarz (co_^2 <= m2_num_ m2_den_), but
  // when N is proportional to D it is 0 and rounding can leave it a hair below.
  const double residual_ss = std::max(0.0, m2_num_ - 2.0 * r * co_ + r * r * m2_den_);
  const double variance = residual_ss / (n - 1.0) / (n * mean_den_ * mean_den_);
  return student_t_quantile(0.5 * (1.0 + confidence), n - 1.0) * std::sqrt(variance);
}

}  // namespace ccsim::sim
