#include "sim/engine.h"

#include <cstdio>

namespace ccsim::sim::internal {

// Messages are built here, off the hot path; snprintf keeps sim/ free of fmt.
void throw_bad_schedule(SimTime now, SimTime t, std::uint16_t kind) {
  char buf[160];
  std::snprintf(buf, sizeof buf, "event kind %u scheduled at t=%.17gs, before now=%.17gs (or not a number)",
                static_cast<unsigned>(kind), t, now);
  throw SchedulingError(buf);
}

void throw_bad_run_until(SimTime now, SimTime end) {
  char buf[160];
  std::snprintf(buf, sizeof buf, "run_until(%.17gs) called with an end before now=%.17gs (or not a number)", end,
                now);
  throw SchedulingError(buf);
}

}  // namespace ccsim::sim::internal
