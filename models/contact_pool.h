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

class ContactPool {
 public:
  ContactId allocate() {
    if (free_.empty()) [[unlikely]]
      return grow();
    const std::uint32_t i = free_.back();
    free_.pop_back();
    return make_id<ContactId>(i);
  }

  void release(ContactId c) {
    ++generation_[index(c)];
    redials_[index(c)] = 0;
    free_.push_back(index(c));
  }

  // Invalidates events and queue entries that refer to the contact's current state.
  void bump_generation(ContactId c) { ++generation_[index(c)]; }
  std::uint32_t generation(ContactId c) const { return generation_[index(c)]; }
  bool is_current(ContactId c, std::uint32_t generation) const { return generation_[index(c)] == generation; }

  ContactTypeId& type(ContactId c) { return type_[index(c)]; }
  std::uint32_t& slot(ContactId c) { return slot_[index(c)]; }
  QueueId& queue(ContactId c) { return queue_[index(c)]; }  // where it waits (or would)
  AgentId& agent(ContactId c) { return agent_[index(c)]; }  // who serves it, once answered
  double& arrival_s(ContactId c) { return arrival_s_[index(c)]; }
  double& enqueue_s(ContactId c) { return enqueue_s_[index(c)]; }
  // The patience in seconds, or its uniform draw when the law is sampled by inversion
  // (see CallCenter::on_arrival); infinity when the type has no patience.
  double& patience_draw(ContactId c) { return patience_draw_[index(c)]; }
  double& talk_s(ContactId c) { return talk_s_[index(c)]; }
  double& wrap_s(ContactId c) { return wrap_s_[index(c)]; }
  double& ivr_u(ContactId c) { return ivr_u_[index(c)]; }
  double& balk_u(ContactId c) { return balk_u_[index(c)]; }  // the uniform that decides a balk
  // Redials: the redials the customer made before this attempt (0 in a fresh record, so a
  // first attempt writes nothing), the slot of its first attempt (where the customer
  // counts; set at its first redial), and how its last attempt ended (while it waits).
  std::uint32_t& redials(ContactId c) { return redials_[index(c)]; }
  std::uint32_t redials(ContactId c) const { return redials_[index(c)]; }
  std::uint32_t& first_slot(ContactId c) { return first_slot_[index(c)]; }
  std::uint32_t customer_slot(ContactId c) const {
    return redials_[index(c)] == 0 ? slot_[index(c)] : first_slot_[index(c)];
  }
  std::uint8_t& last_end(ContactId c) { return last_end_[index(c)]; }
  ContactTypeId type(ContactId c) const { return type_[index(c)]; }
  double enqueue_s(ContactId c) const { return enqueue_s_[index(c)]; }

 private:
  // Out of line: the pool grows only until it holds the peak number of live contacts.
  [[gnu::noinline]] ContactId grow() {
    const std::size_t i = type_.size();
    type_.push_back(ContactTypeId{});
    slot_.push_back(0);
    generation_.push_back(0);
    queue_.push_back(QueueId{});
    agent_.push_back(AgentId{});
    arrival_s_.push_back(0.0);
    enqueue_s_.push_back(0.0);
    patience_draw_.push_back(0.0);
    talk_s_.push_back(0.0);
    wrap_s_.push_back(0.0);
    ivr_u_.push_back(0.0);
    balk_u_.push_back(0.0);
    redials_.push_back(0);
    first_slot_.push_back(0);
    last_end_.push_back(0);
    return make_id<ContactId>(i);
  }

  std::vector<ContactTypeId> type_;
  std::vector<std::uint32_t> slot_;
  std::vector<std::uint32_t> generation_;
  std::vector<QueueId> queue_;
  std::vector<AgentId> agent_;
  std::vector<double> arrival_s_;
  std::vector<double> enqueue_s_;
  std::vector<double> patience_draw_;
  std::vector<double> talk_s_;
  std::vector<double> wrap_s_;
  std::vector<double> ivr_u_;
  std::vector<double> balk_u_;
  std::vector<std::uint32_t> redials_;
  std::vector<std::uint32_t> first_slot_;
  std::vector<std::uint8_t> last_end_;
  std::vector<std::uint32_t> free_;
};

}  // namespace ccsim::models
