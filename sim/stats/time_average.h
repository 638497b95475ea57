// sim/stats/time_average.h
// TimeAverage: integral and mean over time of a piecewise-constant value (queue length,
// busy agents). Invariant: integral_ is the exact area from start_ to last_ of the steps
// recorded so far; times never go backwards.
#pragma once

#include <stdexcept>
#include <string>

namespace ccsim::sim {

// Time-weighted accumulator for a value that changes only at event times. The caller
// reports each change with update(t, v); the value is v from t until the next update.
// restart(t) starts a new observation window (e.g. after a warm-up, or at a period
// boundary) and keeps the current value. Times are simulation seconds; the value's unit
// is the caller's (the integral is in unit * s). Header-only and branch-light: it runs on
// every state change. An update or query earlier than the last update throws
// std::invalid_argument: it would mean events out of order, which must not be hidden.
class TimeAverage {
 public:
  explicit TimeAverage(double t0 = 0.0, double v0 = 0.0) : start_(t0), last_(t0), value_(v0) {}

  void update(double t, double new_value) {
    if (t < last_) [[unlikely]] fail_backwards(t, last_);
    integral_ += value_ * (t - last_);
    last_ = t;
    value_ = new_value;
  }

  // Area from the last restart (or construction) to t >= the last update time.
  double integral(double t) const {
    if (t < last_) [[unlikely]] fail_backwards(t, last_);
    return integral_ + value_ * (t - last_);
  }

  // integral(t) / (t - start); NaN for an empty window (t == start).
  double average(double t) const { return integral(t) / (t - start_); }

  // Zero area from t on; the current value carries over.
  void restart(double t) {
    if (t < last_) [[unlikely]] fail_backwards(t, last_);
    start_ = t;
    last_ = t;
    integral_ = 0.0;
  }

  double value() const { return value_; }
  double start_time() const { return start_; }
  double last_update_time() const { return last_; }

 private:
  [[noreturn]] static void fail_backwards(double t, double last) {
    throw std::invalid_argument("TimeAverage: time " + std::to_string(t) + " s is earlier than the last update at " +
                                std::to_string(last) + " s");
  }

  double start_;
  double last_;
  double value_;
  double integral_ = 0.0;
};

}  // namespace ccsim::sim
