// models/scenario/range.h
// Range: the interval of numbers a scenario value accepts, and the text the messages
// print for it ("> 0", "in [0, 1]").
#pragma once

#include <cmath>
#include <limits>
#include <string>

namespace ccsim::models::internal {

// An interval of accepted numbers; text() is what the messages print ("> 0", "in [0, 1]").
struct Range {
  double lo = -std::numeric_limits<double>::infinity();
  bool lo_open = false;
  double hi = std::numeric_limits<double>::infinity();
  bool hi_open = false;

  bool contains(double x) const {
    if (!std::isfinite(x)) return false;
    if (lo_open ? !(x > lo) : !(x >= lo)) return false;
    if (hi_open ? !(x < hi) : !(x <= hi)) return false;
    return true;
  }
  std::string text() const;
};
constexpr Range at_least(double lo) { return {lo, false}; }
constexpr Range above(double lo) { return {lo, true}; }
constexpr Range closed(double lo, double hi) { return {lo, false, hi, false}; }

}  // namespace ccsim::models::internal
