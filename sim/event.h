// sim/event.h
// Event: a 32-byte trivially copyable value, and its ordering key.
// Order: earlier time first; at equal time lower priority first; then lower seq
// (scheduling order, FIFO). seq is unique per engine, so the key is a strict total
// order on scheduled events and every run replays identically.
#pragma once

#include <bit>
#include <cstdint>
#include <type_traits>

#include "sim/time.h"

namespace ccsim::sim {

struct Event {
  SimTime time;               // when it fires
  std::uint64_t seq;          // set by the engine: priority in the top 8 bits, then a counter
  std::uint32_t subject;      // an id (contact, group, type), never a pointer
  std::uint32_t generation;   // for lazy cancel: compared with the subject's current generation
  std::uint16_t kind;         // opaque to sim/; models/ reads it as CcEvent
  std::uint8_t priority;      // order at equal time; lower runs first
  std::uint8_t aux;           // small payload
};
static_assert(std::is_trivially_copyable_v<Event>);
static_assert(sizeof(Event) <= 32);

// The engine stores (priority << 56 | counter) in seq, so comparing (time, seq)
// is comparing (time, priority, counter) with one integer compare.
inline constexpr int kPriorityShift = 56;
inline constexpr std::uint64_t kSeqCounterMask = (std::uint64_t{1} << kPriorityShift) - 1;

// Event times are never negative (the engine rejects times before now() >= 0 and
// stores -0.0 as +0.0), and the bit patterns of non-negative doubles order like their
// values, so (time, seq) compares as one 128-bit unsigned integer, without branches.
__extension__ using OrderKey = unsigned __int128;

inline OrderKey order_key(const Event& e) {
  return (static_cast<OrderKey>(std::bit_cast<std::uint64_t>(e.time)) << 64) | e.seq;
}

inline bool fires_before(const Event& a, const Event& b) { return order_key(a) < order_key(b); }

}  // namespace ccsim::sim
