// sim/calendar_queue.h
// CalendarQueue: Brown's calendar queue (CACM 31(10), 1988) — events hashed by time
// into buckets ("days") of a fixed width, scanned day by day; amortised O(1) per
// operation when the width suits the event density. It pops events in exactly the
// order of the heaps, (time, priority, seq), so a run's fingerprint does not depend on
// the choice of queue (tested). Invariant: every stored event's day number is >= cur_day_.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "sim/event.h"

namespace ccsim::sim {

class CalendarQueue {
 public:
  CalendarQueue() { rebuild(kMinBuckets, 1.0); }

  bool empty() const { return size_ == 0; }
  std::size_t size() const { return size_; }
  void reserve(std::size_t) {}

  const Event& top() const {
    locate_min();
    const Bucket& b = buckets_[cur_day_ & mask_];
    return b.events[b.head];
  }

  void push(const Event& e) {
    const std::uint64_t day = day_of(e.time);
    if (day < cur_day_) cur_day_ = day;  // the clock may have been peeked past a gap
    located_ = false;
    insert(buckets_[day & mask_], e);
    if (++size_ > 2 * buckets_.size()) resize(buckets_.size() * 2);
  }

  void pop() {
    if (!located_) locate_min();  // the engine's top() just did it
    located_ = false;
    Bucket& b = buckets_[cur_day_ & mask_];
    if (++b.head == b.events.size()) {
      b.events.clear();
      b.head = 0;
    }
    if (--size_ < buckets_.size() / 2 && buckets_.size() > kMinBuckets) resize(buckets_.size() / 2);
  }

 private:
  static constexpr std::size_t kMinBuckets = 16;
  static constexpr std::uint64_t kFarDay = std::uint64_t{1} << 62;

  // Events of one bucket in (time, seq) order from head on; popped ones before head.
  struct Bucket {
    std::vector<Event> events;
    std::size_t head = 0;
  };

  // Times too far ahead to number share the last day (still ordered inside it).
  std::uint64_t day_of(double t) const {
    const double d = t * inv_width_;
    // Through int64: below 2^62 the signed conversion is exact and is one instruction.
    return d < 0x1p62 ? static_cast<std::uint64_t>(static_cast<std::int64_t>(d)) : kFarDay;
  }

  static void insert(Bucket& b, const Event& e) {
    // New events usually come last in their bucket: search from the back.
    std::size_t i = b.events.size();
    b.events.push_back(e);
    while (i > b.head && fires_before(e, b.events[i - 1])) {
      b.events[i] = b.events[i - 1];
      --i;
    }
    b.events[i] = e;
  }

  // Advances cur_day_ to the day of the earliest event (size_ > 0). Multiplying by
  // a positive constant is monotone in IEEE arithmetic, so a later day always holds
  // later events and the first non-empty day in order holds the minimum.
  void locate_min() const {
    located_ = true;
    for (std::size_t scanned = 0; scanned < buckets_.size(); ++scanned, ++cur_day_) {
      const Bucket& b = buckets_[cur_day_ & mask_];
      if (b.head < b.events.size() && day_of(b.events[b.head].time) == cur_day_) return;
    }
    // A whole year without an event due: jump straight to the earliest one.
    std::uint64_t best = UINT64_MAX;
    for (const Bucket& b : buckets_)
      if (b.head < b.events.size()) {
        const std::uint64_t d = day_of(b.events[b.head].time);
        if (d < best) best = d;
      }
    cur_day_ = best;
  }

  void resize(std::size_t buckets);
  void rebuild(std::size_t buckets, double width);

  std::vector<Bucket> buckets_;
  std::uint64_t mask_ = 0;
  double inv_width_ = 1.0;
  mutable std::uint64_t cur_day_ = 0;
  mutable bool located_ = false;  // cur_day_ holds the minimum (no push since)
  std::size_t size_ = 0;
};

}  // namespace ccsim::sim
