// tests/validation/validation_support.h
// How a validation test decides: the exact value must lie inside the simulation's
// confidence interval (99.9 %, so a correct model fails about once in a thousand
// checks), and the interval must be narrow (a bound on its half-width), so that the
// check has the power to catch a real error instead of passing on a wide interval.
#pragma once

#include <cmath>

#include <gtest/gtest.h>

#include "models/results.h"

namespace ccsim::models::testing {

inline constexpr double kValidationConfidence = 0.999;

inline ::testing::AssertionResult covers(const KpiStat& s, double exact, double max_half_width) {
  if (s.n < 2 || std::isnan(s.half_width))
    return ::testing::AssertionFailure() << "no confidence interval (n=" << s.n << ")";
  if (s.half_width > max_half_width)
    return ::testing::AssertionFailure() << "interval too wide to validate anything: half-width " << s.half_width
                                         << " > " << max_half_width << " (mean " << s.mean << ", exact " << exact
                                         << ")";
  if (std::fabs(s.mean - exact) > s.half_width)
    return ::testing::AssertionFailure() << "exact value " << exact << " outside " << s.mean << " ± "
                                         << s.half_width << " (n=" << s.n << ", off by "
                                         << std::fabs(s.mean - exact) / s.half_width << " half-widths)";
  return ::testing::AssertionSuccess() << s.mean << " ± " << s.half_width << " covers " << exact;
}

}  // namespace ccsim::models::testing
