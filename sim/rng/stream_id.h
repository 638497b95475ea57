// sim/rng/stream_id.h
// Stream numbers of MRG32k3a streams, by formula from (component, index, purpose), all
// plain numbers: the engine gives them no meaning (the model names them, models/streams.h).
// Invariant: a stream's number never depends on the order in which streams are created,
// so adding a component or a purpose moves no existing stream (docs/rng.md).
#pragma once

#include <cstdint>

namespace ccsim::sim {

// Room for new purposes without moving the streams of the next index.
inline constexpr std::uint64_t kPurposesPerComponent = 8;
// Room for the indices of one component; the loader checks that an index fits.
inline constexpr std::uint64_t kStreamsPerComponent = std::uint64_t{1} << 20;

// Number of distinct indices (contact types, agent groups, ...) one component can hold.
constexpr std::uint64_t max_index_per_component() { return kStreamsPerComponent / kPurposesPerComponent; }

// Precondition: index < max_index_per_component() and purpose < kPurposesPerComponent;
// beyond that, streams of neighbouring components would collide.
constexpr std::uint64_t stream_number(std::uint32_t component, std::uint32_t index, std::uint32_t purpose) {
  return static_cast<std::uint64_t>(component) * kStreamsPerComponent + index * kPurposesPerComponent + purpose;
}

}  // namespace ccsim::sim
