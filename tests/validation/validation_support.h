// tests/validation/validation_support.h
// How a validation test decides: the exact value must lie inside the simulation's
// confidence interval (99.9 %, so a correct model fails about once in a thousand
// checks), and the interval must be narrow (a bound on its half-width), so that the
// check has the power to catch a real error instead of passing on a wide interval.
// Each test runs on the seed it was written with, or on another one chosen by
// CCSIM_TEST_SEED (tests/README.md), and every failure names the seed it ran on.
#pragma once

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <random>
#include <string>

#include <gtest/gtest.h>

#include "models/results.h"

namespace ccsim::models::testing {

inline constexpr double kValidationConfidence = 0.999;

// The seed a validation test runs on: `fixed` (the one it was written with) unless the
// environment says otherwise. CCSIM_TEST_SEED=<n> runs it on n; CCSIM_TEST_SEED=random on
// a seed drawn afresh, so that a nightly run samples what "fails once in a thousand"
// means instead of replaying the one draw that passed. While the object lives, every
// failure message carries the seed and the variable that reproduces it.
class TestSeed {
 public:
  explicit TestSeed(std::uint64_t fixed) : value_(choose(fixed)), trace_(__FILE__, __LINE__, describe(value_)) {}
  std::uint64_t value() const { return value_; }

 private:
  static std::uint64_t choose(std::uint64_t fixed) {
    const char* env = std::getenv("CCSIM_TEST_SEED");
    if (env == nullptr || *env == '\0') return fixed;
    const std::string text = env;
    // 32 bits: short enough to type back, and far more draws than any nightly makes.
    if (text == "random") return std::random_device{}();
    char* end = nullptr;
    const unsigned long long n = std::strtoull(text.c_str(), &end, 10);
    // Scenario seeds are at most 2^63 - 1; a seed the loader would refuse is no seed.
    if (text[0] == '-' || *end != '\0' || n > (std::uint64_t{1} << 63) - 1) {
      ADD_FAILURE() << "CCSIM_TEST_SEED must be \"random\" or an integer in [0, 2^63 - 1]; got \"" << text << "\"";
      return fixed;
    }
    return n;
  }
  static std::string describe(std::uint64_t seed) {
    return "seed " + std::to_string(seed) + " (CCSIM_TEST_SEED=" + std::to_string(seed) + " reruns it)";
  }

  std::uint64_t value_;
  ::testing::ScopedTrace trace_;
};

// The run's KPI k over the whole centre.
inline KpiStat overall_kpi(const RunResults& r, Kpi k) { return stat_of(r.overall, k); }

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
