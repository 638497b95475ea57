// models/queues/waiting_queue.h
// FIFO of waiting contacts on a growable ring buffer. Abandonment is lazy: the pool
// bumps the contact's generation, the entry goes stale, and purge_head() drops stale
// entries at the front. Invariant: when size() > 0 the head entry is live, so the
// head's enqueue time can be read through a const view.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "models/contact_pool.h"
#include "models/ids.h"

namespace ccsim::models {

class WaitingQueue {
 public:
  struct Entry {
    ContactId contact;
    std::uint32_t generation;
    double enqueue_s;
  };

  WaitingQueue() : ring_(16) {}

  std::size_t size() const { return live_; }
  bool empty() const { return live_ == 0; }
  const Entry& head() const { return ring_[head_]; }

  void push(const Entry& e) {
    if (used_ == ring_.size()) grow();
    ring_[(head_ + used_) & (ring_.size() - 1)] = e;
    ++used_;
    ++live_;
  }

  // A live entry goes ahead of every other (work put aside for a call, resumed first).
  void push_front(const Entry& e) {
    if (used_ == ring_.size()) grow();
    head_ = (head_ + ring_.size() - 1) & (ring_.size() - 1);
    ring_[head_] = e;
    ++used_;
    ++live_;
  }

  // Removes the (live) head.
  void pop_head(const ContactPool& pool) {
    advance();
    --live_;
    purge_head(pool);
  }

  // Every live entry, head first.
  template <class F>
  void for_each_live(const ContactPool& pool, F&& f) const {
    for (std::size_t i = 0; i < used_; ++i) {
      const Entry& e = ring_[(head_ + i) & (ring_.size() - 1)];
      if (pool.is_current(e.contact, e.generation)) f(e);
    }
  }

  // The earliest enqueue time of any entry, stale ones included: for a queue whose entries
  // do not go stale while they wait (e-mails, which never abandon), whose head may not be
  // its oldest (work put aside goes to the front). O(size).
  double oldest_enqueue_s() const {
    double oldest = ring_[head_].enqueue_s;
    for (std::size_t i = 1; i < used_; ++i)
      oldest = std::min(oldest, ring_[(head_ + i) & (ring_.size() - 1)].enqueue_s);
    return oldest;
  }

  // Every waiting contact left at once (disconnected); their entries are dropped unread.
  void clear() {
    head_ = 0;
    used_ = 0;
    live_ = 0;
  }

  // A waiting contact left (abandoned); its entry is already stale in the pool.
  void remove_stale(const ContactPool& pool) {
    --live_;
    purge_head(pool);
  }

 private:
  void advance() {
    head_ = (head_ + 1) & (ring_.size() - 1);
    --used_;
  }

  void purge_head(const ContactPool& pool) {
    while (used_ > 0 && !pool.is_current(ring_[head_].contact, ring_[head_].generation)) advance();
  }

  void grow() {
    std::vector<Entry> bigger(ring_.size() * 2);
    for (std::size_t i = 0; i < used_; ++i) bigger[i] = ring_[(head_ + i) & (ring_.size() - 1)];
    ring_.swap(bigger);
    head_ = 0;
  }

  std::vector<Entry> ring_;  // size is a power of two
  std::size_t head_ = 0;
  std::size_t used_ = 0;  // entries in the ring, stale ones included
  std::size_t live_ = 0;
};

}  // namespace ccsim::models
