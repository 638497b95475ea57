#include "models/kpi/wait_histogram.h"

#include <cassert>

namespace ccsim::models {

void WaitHistogram::quantiles(std::span<const double> qs, std::span<double> out) const {
  assert(qs.size() == out.size());
  const auto n = static_cast<double>(count());
  if (n == 0.0) {
    std::ranges::fill(out, std::numeric_limits<double>::quiet_NaN());
    return;
  }
  std::size_t next = 0;
  double below = 0.0;  // waits in the bins before i
  for (std::size_t i = 0; i < kBins && next < qs.size(); ++i) {
    const auto c = static_cast<double>(counts_[i]);
    if (c == 0.0) continue;
    // The bin that holds the longest wait ends there: it narrows the last occupied bin
    // and closes the open-ended one.
    const double lo = lower(i);
    const double hi = i + 1 < kBins ? std::min(lower(i + 1), max_s_) : max_s_;
    for (; next < qs.size() && qs[next] * n <= below + c; ++next)
      out[next] = i == 0 ? 0.0 : lo + (qs[next] * n - below) / c * (hi - lo);
    below += c;
  }
}

}  // namespace ccsim::models
