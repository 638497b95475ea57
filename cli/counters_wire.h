// cli/counters_wire.h
// ReplicationCounters as one flat byte buffer, to send between the ranks of an MPI job:
// a fixed header, then each table's structs as they lie in memory. Bits are kept
// exactly (doubles included), so the root folds what the rank computed, bit for bit.
#pragma once

#include <cstddef>
#include <span>
#include <vector>

#include "models/kpi/counters.h"

namespace ccsim::cli {

// Every field of `counters`; the ranks of a job must share the byte order and struct
// layout (the same ccsim build on the same architecture), as MPI jobs of one binary do.
std::vector<std::byte> counters_to_bytes(const models::ReplicationCounters& counters);

// The inverse; throws std::runtime_error when the buffer is not one counters_to_bytes made.
models::ReplicationCounters counters_from_bytes(std::span<const std::byte> bytes);

}  // namespace ccsim::cli
