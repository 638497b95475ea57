// models/contact_pool.h
// Structure-of-arrays store of live contacts with a free list and a generation per
// slot. Slots are reused, so memory is O(peak live contacts), never O(total calls).
// A slot's generation changes whenever the contact leaves a state that an event may
// still refer to; events carry the generation and are dropped when it no longer matches.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "models/ids.h"

namespace ccsim::models {

// Arrival slot of a call that is simulated but not counted (steady-state warm-up).
inline constexpr std::uint32_t kUncountedSlot = 0xffffffffu;

class ContactPool {
 public:
  void reserve(std::size_t n) {
    type_.reserve(n);
    slot_.reserve(n);
    generation_.reserve(n);
    group_.reserve(n);
    arrival_s_.reserve(n);
    enqueue_s_.reserve(n);
    patience_draw_.reserve(n);
    talk_s_.reserve(n);
    wrap_s_.reserve(n);
    ivr_u_.reserve(n);
    free_.reserve(n);
  }

  ContactId allocate() {
    ++live_;
    if (!free_.empty()) {
      const std::uint32_t i = free_.back();
      free_.pop_back();
      return make_id<ContactId>(i);
    }
    const std::size_t i = type_.size();
    type_.push_back(ContactTypeId{});
    slot_.push_back(0);
    generation_.push_back(0);
    group_.push_back(AgentGroupId{});
    arrival_s_.push_back(0.0);
    enqueue_s_.push_back(0.0);
    patience_draw_.push_back(0.0);
    talk_s_.push_back(0.0);
    wrap_s_.push_back(0.0);
    ivr_u_.push_back(0.0);
    return make_id<ContactId>(i);
  }

  void release(ContactId c) {
    ++generation_[index(c)];
    free_.push_back(index(c));
    --live_;
  }

  // Invalidates events and queue entries that refer to the contact's current state.
  void bump_generation(ContactId c) { ++generation_[index(c)]; }
  std::uint32_t generation(ContactId c) const { return generation_[index(c)]; }
  bool is_current(ContactId c, std::uint32_t generation) const { return generation_[index(c)] == generation; }

  std::size_t live() const { return live_; }
  std::size_t capacity() const { return type_.size(); }

  ContactTypeId& type(ContactId c) { return type_[index(c)]; }
  std::uint32_t& slot(ContactId c) { return slot_[index(c)]; }
  AgentGroupId& group(ContactId c) { return group_[index(c)]; }
  double& arrival_s(ContactId c) { return arrival_s_[index(c)]; }
  double& enqueue_s(ContactId c) { return enqueue_s_[index(c)]; }
  // The patience in seconds, or its uniform draw when the law is sampled by inversion
  // (see CallCenter::on_arrival); infinity when the type has no patience.
  double& patience_draw(ContactId c) { return patience_draw_[index(c)]; }
  double& talk_s(ContactId c) { return talk_s_[index(c)]; }
  double& wrap_s(ContactId c) { return wrap_s_[index(c)]; }
  double& ivr_u(ContactId c) { return ivr_u_[index(c)]; }
  ContactTypeId type(ContactId c) const { return type_[index(c)]; }
  double enqueue_s(ContactId c) const { return enqueue_s_[index(c)]; }

 private:
  std::vector<ContactTypeId> type_;
  std::vector<std::uint32_t> slot_;
  std::vector<std::uint32_t> generation_;
  std::vector<AgentGroupId> group_;
  std::vector<double> arrival_s_;
  std::vector<double> enqueue_s_;
  std::vector<double> patience_draw_;
  std::vector<double> talk_s_;
  std::vector<double> wrap_s_;
  std::vector<double> ivr_u_;
  std::vector<std::uint32_t> free_;
  std::size_t live_ = 0;
};

}  // namespace ccsim::models
