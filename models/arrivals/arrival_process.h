// models/arrivals/arrival_process.h
// ArrivalProcess: the arrival instants of one contact type in one replication —
// stationary Poisson, Poisson with a constant rate per period, or a fixed list of
// instants — drawn from the type's own interarrival stream, so adding a type or a draw
// elsewhere never moves another type's arrivals.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <utility>
#include <vector>

#include "models/scenario/spec.h"
#include "sim/rng/mrg32k3a.h"
#include "sim/rng/variates.h"
#include "sim/time.h"

namespace ccsim::models {

class ArrivalProcess {
 public:
  // `spec` must outlive the process; period_s and num_periods are the day's (unused in
  // steady state, where only Poisson and trace arrivals are valid). `busyness`: empty, or
  // (day mode) one factor per period that multiplies the expected arrivals of the period
  // (ScenarioSpec::busyness); a Poisson type's rate then changes at period boundaries.
  ArrivalProcess(const ArrivalSpec& spec, double period_s, std::uint32_t num_periods, sim::Mrg32k3a stream,
                 std::vector<double> busyness = {})
      : spec_(&spec),
        period_s_(period_s),
        num_periods_(num_periods),
        stream_(stream),
        busyness_(std::move(busyness)) {}

  // The next arrival after the one at `after_s` (the first: after_s = 0), or infinity
  // when there is none.
  double next(double after_s) {
    switch (spec_->process) {
      case ArrivalSpec::Process::Poisson:
        if (!busyness_.empty()) return next_in_periods(after_s);
        return spec_->rate_per_s > 0.0 ? after_s + sim::exponential(stream_, 1.0 / spec_->rate_per_s) : kInfinity;
      case ArrivalSpec::Process::PiecewisePoisson:
        return next_in_periods(after_s);
      case ArrivalSpec::Process::Trace:
        return next_trace_ < spec_->times_s.size() ? spec_->times_s[next_trace_++] : kInfinity;
    }
    return kInfinity;
  }

  std::uint64_t draws() const { return stream_.draws(); }

 private:
  static constexpr double kInfinity = std::numeric_limits<double>::infinity();

  // Expected arrivals in period p: the forecast's (a Poisson rate over the period), times
  // the day's busyness.
  double expected(std::uint32_t p) const {
    const double count = spec_->process == ArrivalSpec::Process::Poisson ? spec_->rate_per_s * period_s_
                                                                          : spec_->per_period[p];
    return busyness_.empty() ? count : count * busyness_[p];
  }

  // Poisson at each period's rate; restarting at a boundary is exact (the exponential is
  // memoryless).
  double next_in_periods(double after_s) {
    double t = after_s;
    while (period_ < num_periods_) {
      const double count = expected(period_);
      const double end_s = sim::period_start(period_ + 1, period_s_);
      if (count > 0.0) {
        const double candidate = t + sim::exponential(stream_, period_s_ / count);
        if (candidate < end_s) return candidate;
      }
      t = end_s;
      ++period_;
    }
    return kInfinity;
  }

  const ArrivalSpec* spec_;
  double period_s_;
  std::uint32_t num_periods_;
  sim::Mrg32k3a stream_;
  std::vector<double> busyness_;
  std::uint32_t period_ = 0;      // arrivals by period (piecewise, or busy days): period of the last one
  std::size_t next_trace_ = 0;    // trace: index of the next instant
};

}  // namespace ccsim::models
