// sim/engine.h
// Engine<Queue>: the clock, the event list and the dispatch loop.
// Invariants: now() never decreases; an event is never scheduled before now() or at
// NaN. The model fingerprints what happens (models/fingerprint.h), not engine events.
#pragma once

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
}  // namespace internal

// One engine per replication; code that needs it gets it passed in (no global).
template <EventQueue Queue = BinaryHeap>
class Engine {
 public:
  SimTime now() const { return now_; }
  std::uint64_t events_dispatched() const { return dispatched_; }
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
      handler.dispatch(e);
    }
    if (std::isfinite(end) && end > now_) now_ = end;
  }

 private:
  Queue queue_;
  SimTime now_ = 0.0;
  std::uint64_t next_seq_ = 0;
  std::uint64_t dispatched_ = 0;
};

}  // namespace ccsim::sim
