// sim/rng/variates.cc
// The cold failure path of sample(): kept out of line so the header's hot switch stays
// small and includes no string formatting.
#include "sim/rng/variates.h"

#include <stdexcept>
#include <string>

namespace ccsim::sim::internal {

void fail_unknown_dist_kind(DistKind kind) {
  throw std::logic_error("sample: DistKind value " + std::to_string(static_cast<unsigned>(kind)) +
                         " names no distribution (corrupt Distribution)");
}

}  // namespace ccsim::sim::internal
