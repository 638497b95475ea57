// sim/time.h
// Simulation time: seconds since the start of the run, as a double.
// Period boundaries are computed as k * period_s, never by summing periods, so
// events meant for one instant compare exactly equal.
#pragma once

#include <limits>

namespace ccsim::sim {

// A plain double rather than a strong type: every duration the model handles is
// already seconds (variates, scenario values), so a wrapper would add conversions
// at every call site without separating any two units that could be confused.
using SimTime = double;

inline constexpr SimTime kNever = std::numeric_limits<double>::infinity();

constexpr SimTime period_start(unsigned k, double period_s) { return static_cast<double>(k) * period_s; }

// The period of [0, num_periods) that holds time t, the last one at and after the day's end:
// a call served after the close, or a transfer whose handover lasts 1e47 s, counts there.
// Clamped before the cast, which is undefined for a quotient beyond unsigned's range.
constexpr unsigned period_of(SimTime t, double period_s, unsigned num_periods) {
  const double k = t / period_s;
  return k < static_cast<double>(num_periods - 1) ? static_cast<unsigned>(k) : num_periods - 1;
}

}  // namespace ccsim::sim
