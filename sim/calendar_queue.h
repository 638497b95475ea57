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
  void reserve(std::size_t n) { nodes_.reserve(n); }

  const Event& top() const {
    locate_min();
    return nodes_[buckets_[cur_day_ & mask_].head].event;
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
    const std::uint32_t n = b.head;
    b.head = nodes_[n].next;
    if (b.head == kNil) b.tail = kNil;
    release(n);
    if (--size_ < buckets_.size() / 2 && buckets_.size() > kMinBuckets) resize(buckets_.size() / 2);
  }

 private:
  static constexpr std::size_t kMinBuckets = 16;
  static constexpr std::uint64_t kFarDay = std::uint64_t{1} << 62;
  static constexpr std::uint32_t kNil = 0xffffffffu;

  // Nodes live in one pool and are reused last-freed-first: the node a pop frees is
  // the one the next push fills, so the hot nodes stay in cache.
  struct Node {
    Event event;
    std::uint32_t next;
  };
  // A day's events as a list in (time, seq) order.
  struct Bucket {
    std::uint32_t head = kNil;
    std::uint32_t tail = kNil;
  };

  // Times too far ahead to number share the last day (still ordered inside it).
  std::uint64_t day_of(double t) const {
    const double d = t * inv_width_;
    // Through int64: below 2^62 the signed conversion is exact and is one instruction.
    return d < 0x1p62 ? static_cast<std::uint64_t>(static_cast<std::int64_t>(d)) : kFarDay;
  }

  std::uint32_t acquire(const Event& e) {
    std::uint32_t n;
    if (free_ != kNil) {
      n = free_;
      free_ = nodes_[n].next;
      nodes_[n].event = e;
    } else {
      n = static_cast<std::uint32_t>(nodes_.size());
      nodes_.push_back(Node{e, kNil});
    }
    return n;
  }

  void release(std::uint32_t n) {
    nodes_[n].next = free_;
    free_ = n;
  }

  void insert(Bucket& b, const Event& e) {
    const std::uint32_t n = acquire(e);
    // New events usually come last in their day: check the tail first.
    if (b.tail == kNil) {
      nodes_[n].next = kNil;
      b.head = b.tail = n;
    } else if (!fires_before(e, nodes_[b.tail].event)) {
      nodes_[n].next = kNil;
      nodes_[b.tail].next = n;
      b.tail = n;
    } else if (fires_before(e, nodes_[b.head].event)) {
      nodes_[n].next = b.head;
      b.head = n;
    } else {
      std::uint32_t prev = b.head;
      while (!fires_before(e, nodes_[nodes_[prev].next].event)) prev = nodes_[prev].next;
      nodes_[n].next = nodes_[prev].next;
      nodes_[prev].next = n;
    }
  }

  // Advances cur_day_ to the day of the earliest event (size_ > 0). Multiplying by
  // a positive constant is monotone in IEEE arithmetic, so a later day always holds
  // later events and the first non-empty day in order holds the minimum.
  void locate_min() const {
    located_ = true;
    for (std::size_t scanned = 0; scanned < buckets_.size(); ++scanned, ++cur_day_) {
      const Bucket& b = buckets_[cur_day_ & mask_];
      if (b.head != kNil && day_of(nodes_[b.head].event.time) == cur_day_) return;
    }
    // A whole year without an event due: jump straight to the earliest one.
    std::uint64_t best = UINT64_MAX;
    for (const Bucket& b : buckets_)
      if (b.head != kNil) {
        const std::uint64_t d = day_of(nodes_[b.head].event.time);
        if (d < best) best = d;
      }
    cur_day_ = best;
  }

  void resize(std::size_t buckets);
  void rebuild(std::size_t buckets, double width);

  std::vector<Bucket> buckets_;
  std::vector<Node> nodes_;
  std::uint32_t free_ = kNil;
  std::uint64_t mask_ = 0;
  double inv_width_ = 1.0;
  mutable std::uint64_t cur_day_ = 0;
  mutable bool located_ = false;  // cur_day_ holds the minimum (no push since)
  std::size_t size_ = 0;
};

}  // namespace ccsim::sim
