// sim/rng/stream_id.h
// Stream numbers of MRG32k3a streams, by formula from (component, index, purpose).
// Invariant: a stream's number never depends on the order in which streams are created,
// so adding a component or a purpose moves no existing stream (docs/rng.md).
#pragma once

#include <cstdint>

namespace ccsim::sim {

// Never renumber or reorder any enumerator below: the results/ baselines depend on them.
// A new component or purpose takes the next free value.
enum class Component : std::uint32_t { Arrivals = 0, ContactType = 1, Router = 2 };

enum class ArrivalPurpose : std::uint32_t { Interarrival = 0, Rates = 1 };
enum class ContactTypePurpose : std::uint32_t {
  Patience = 0,
  Service = 1,
  WrapUp = 2,
  IvrPath = 3,
  IvrDuration = 4,
};
enum class RouterPurpose : std::uint32_t { TieBreak = 0 };

// Room for new purposes without moving the streams of the next index.
inline constexpr std::uint64_t kPurposesPerComponent = 8;
// Room for the indices of one component; the loader checks that an index fits.
inline constexpr std::uint64_t kStreamsPerComponent = std::uint64_t{1} << 20;

static_assert(static_cast<std::uint64_t>(ContactTypePurpose::IvrDuration) < kPurposesPerComponent);
static_assert(static_cast<std::uint64_t>(ArrivalPurpose::Rates) < kPurposesPerComponent);
static_assert(static_cast<std::uint64_t>(RouterPurpose::TieBreak) < kPurposesPerComponent);

// Number of distinct indices (contact types, router instances, ...) one component can hold.
constexpr std::uint64_t max_index_per_component() { return kStreamsPerComponent / kPurposesPerComponent; }

// Precondition: index < max_index_per_component() and purpose < kPurposesPerComponent;
// beyond that, streams of neighbouring components would collide.
constexpr std::uint64_t stream_number(Component c, std::uint32_t index, std::uint32_t purpose) {
  return static_cast<std::uint64_t>(c) * kStreamsPerComponent + index * kPurposesPerComponent + purpose;
}

// Typed forms: the purpose enum fixes the component, so the two cannot be mismatched.
constexpr std::uint64_t stream_number(std::uint32_t index, ArrivalPurpose p) {
  return stream_number(Component::Arrivals, index, static_cast<std::uint32_t>(p));
}
constexpr std::uint64_t stream_number(std::uint32_t index, ContactTypePurpose p) {
  return stream_number(Component::ContactType, index, static_cast<std::uint32_t>(p));
}
constexpr std::uint64_t stream_number(std::uint32_t index, RouterPurpose p) {
  return stream_number(Component::Router, index, static_cast<std::uint32_t>(p));
}

}  // namespace ccsim::sim
