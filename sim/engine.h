// sim/engine.h
// Engine<Queue>: the clock, the event list and the dispatch loop.
// Invariants: now() never decreases; an event is never scheduled before now() or at
// NaN; every dispatched event is folded into a fingerprint (seq, time, kind, subject)
// so that two runs can be compared bit for bit.
#pragma once

#include <bit>
#include <cmath>
#include <concepts>
#include <cstdint>
#include <stdexcept>
#include <string>

#include "sim/event.h"
#include "sim/event_queue.h"
#include "sim/time.h"

namespace ccsim::sim {

template <class H>
concept EventHandler = requires(H& h, const Event& e) { h.dispatch(e); };

template <class Q>
concept EventQueue = requires(Q& q, const Q& cq, const Event& e) {
  q.push(e);
  q.pop();
  { cq.top() } -> std::convertible_to<const Event&>;
  { cq.empty() } -> std::convertible_to<bool>;
};

class SchedulingError : public std::logic_error {
 public:
  using std::logic_error::logic_error;
};

namespace internal {
[[noreturn]] void throw_bad_schedule(SimTime now, SimTime t, std::uint16_t kind);
[[noreturn]] void throw_bad_run_until(SimTime now, SimTime end);

// A 64-bit mix (the splitmix64 finalizer): cheap, and every input bit reaches
// every output bit, so reordering two events changes the fingerprint.
constexpr std::uint64_t mix64(std::uint64_t h, std::uint64_t v) {
  std::uint64_t z = h ^ (v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2));
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}
// Folds one event into a running hash with a single multiply-xorshift round: cheap
// enough for every event, and since seq, time, kind and subject all enter it, two runs
// that differ in any event's order, time or target differ in the fingerprint.
inline std::uint64_t fold_event(std::uint64_t h, const Event& e) {
  const std::uint64_t v = e.seq ^ std::rotl(std::bit_cast<std::uint64_t>(e.time), 23) ^
                          (((std::uint64_t{e.kind} << 32) | e.subject) * 0x9e3779b97f4a7c15ULL);
  h = (h ^ v) * 0xbf58476d1ce4e5b9ULL;
  return h ^ (h >> 29);
}
}  // namespace internal

// One engine per replication; code that needs it gets it passed in (no global).
template <EventQueue Queue = BinaryHeap>
class Engine {
 public:
  SimTime now() const { return now_; }
  std::uint64_t events_dispatched() const { return dispatched_; }
  std::uint64_t fingerprint() const { return fingerprint_; }
  bool idle() const { return queue_.empty(); }
  Queue& queue() { return queue_; }

  void schedule_at(SimTime t, std::uint16_t kind, std::uint8_t priority, std::uint32_t subject,
                   std::uint32_t generation = 0, std::uint8_t aux = 0) {
    if (!(t >= now_)) [[unlikely]]
      internal::throw_bad_schedule(now_, t, kind);  // also catches NaN
    Event e;
    e.time = t + 0.0;  // -0.0 becomes +0.0, see order_key
    e.seq = (std::uint64_t{priority} << kPriorityShift) | (next_seq_++ & kSeqCounterMask);
    e.subject = subject;
    e.generation = generation;
    e.kind = kind;
    e.priority = priority;
    e.aux = aux;
    queue_.push(e);
  }

  void schedule_after(SimTime delay, std::uint16_t kind, std::uint8_t priority, std::uint32_t subject,
                      std::uint32_t generation = 0, std::uint8_t aux = 0) {
    schedule_at(now_ + delay, kind, priority, subject, generation, aux);
  }

  // Dispatches every event with time <= end, in key order; leaves now() at the last
  // dispatched event's time (or end, if end is finite and later).
  template <EventHandler H>
  void run_until(SimTime end, H& handler) {
    if (!(end >= now_)) [[unlikely]]
      internal::throw_bad_run_until(now_, end);
    while (!queue_.empty()) {
      const Event e = queue_.top();
      if (e.time > end) break;
      queue_.pop();
      now_ = e.time;
      ++dispatched_;
      fingerprint_ = internal::fold_event(fingerprint_, e);
      handler.dispatch(e);
    }
    if (std::isfinite(end) && end > now_) now_ = end;
  }

 private:
  Queue queue_;
  SimTime now_ = 0.0;
  std::uint64_t next_seq_ = 0;
  std::uint64_t dispatched_ = 0;
  std::uint64_t fingerprint_ = 0x6363'7369'6d00'0001ULL;
};

}  // namespace ccsim::sim
