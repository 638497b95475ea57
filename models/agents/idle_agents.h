// models/agents/idle_agents.h
// IdleAgents: when each idle agent of a group became idle, oldest first, for policies
// that route to the longest-idle agent. Agents of a group are interchangeable, so only
// the times are kept: the agent that takes a call is the one idle longest (front), and
// when staffing drops the agents idle the shortest time leave first (back).
// Invariant (kept by CallCenter): size() == the group's idle() count.
#pragma once

#include <cstddef>
#include <vector>

namespace ccsim::models {

class IdleAgents {
 public:
  bool empty() const { return size_ == 0; }
  std::size_t size() const { return size_; }
  double longest_idle_since() const { return ring_[head_]; }

  void push_back(double since) {
    if (size_ == ring_.size()) grow();
    ring_[(head_ + size_) & (ring_.size() - 1)] = since;
    ++size_;
  }
  void pop_front() {
    head_ = (head_ + 1) & (ring_.size() - 1);
    --size_;
  }
  void pop_back() { --size_; }

 private:
  void grow() {
    std::vector<double> bigger(ring_.empty() ? 16 : ring_.size() * 2);
    for (std::size_t i = 0; i < size_; ++i) bigger[i] = ring_[(head_ + i) & (ring_.size() - 1)];
    ring_.swap(bigger);
    head_ = 0;
  }

  std::vector<double> ring_;  // size is zero or a power of two
  std::size_t head_ = 0;
  std::size_t size_ = 0;
};

}  // namespace ccsim::models
