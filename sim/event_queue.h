// sim/event_queue.h
// d-ary min-heaps of Event on std::vector, ordered by fires_before (time, priority, seq).
// Cancel is lazy: stale events stay in the heap and the handler drops them.
// Not thread-safe; each replication owns its own queue. BinaryHeap is only Engine's
// default argument: the model runs on sim::CalendarQueue, which was faster in
// bench/sim/event_queue_bench.cc (it compares all three; bench/README.md).
#pragma once

#include <cstddef>
#include <vector>

#include "sim/event.h"

namespace ccsim::sim {

template <std::size_t D>
class DaryHeap {
  static_assert(D >= 2);

 public:
  bool empty() const { return heap_.empty(); }
  std::size_t size() const { return heap_.size(); }
  void reserve(std::size_t n) { heap_.reserve(n); }
  void clear() { heap_.clear(); }

  const Event& top() const { return heap_.front(); }

  void push(const Event& e) {
    // Sift the hole up instead of swapping: one store per level.
    std::size_t i = heap_.size();
    heap_.push_back(e);
    while (i > 0) {
      const std::size_t parent = (i - 1) / D;
      if (!fires_before(e, heap_[parent])) break;
      heap_[i] = heap_[parent];
      i = parent;
    }
    heap_[i] = e;
  }

  // Bottom-up deletion (Wegener): the hole walks down to a leaf along the earlier
  // child with a branch-free select, then the last element sifts up from there. It
  // came from the bottom, so it seldom rises far: about one comparison per level
  // instead of two, and no mispredicted branch per level on random event times.
  void pop() {
    const std::size_t n = heap_.size() - 1;
    const Event last = heap_[n];
    Event* h = heap_.data();
    std::size_t i = 0;
    for (std::size_t first = 1; first < n; first = D * i + 1) {
      std::size_t best = first;
      const std::size_t end = first + D < n ? first + D : n;
      for (std::size_t c = first + 1; c < end; ++c) best = fires_before(h[c], h[best]) ? c : best;
      h[i] = h[best];
      i = best;
    }
    while (i > 0) {
      const std::size_t parent = (i - 1) / D;
      if (!fires_before(last, h[parent])) break;
      h[i] = h[parent];
      i = parent;
    }
    h[i] = last;
    heap_.pop_back();
  }

 private:
  std::vector<Event> heap_;
};

using BinaryHeap = DaryHeap<2>;
using QuaternaryHeap = DaryHeap<4>;

}  // namespace ccsim::sim
