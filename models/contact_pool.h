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
#include "models/trace.h"

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
    first_slot_[index(c)] = kNoId;
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
  // An interruptible e-mail never abandons, balks or passes an IVR, so those slots serve
  // its work: while an agent works on it, when its talk ends; whether it was put aside for
  // a call and waits to be resumed; and when it was last put aside. Every attempt's draws
  // write all three afresh.
  double& work_end_s(ContactId c) { return patience_draw_[index(c)]; }
  bool interrupted(ContactId c) const { return ivr_u_[index(c)] < 0.0; }
  void set_interrupted(ContactId c, bool yes) { ivr_u_[index(c)] = yes ? -1.0 : 0.0; }
  double& put_aside_s(ContactId c) { return balk_u_[index(c)]; }
  double& balk_u(ContactId c) { return balk_u_[index(c)]; }  // the uniform that decides a balk
  // The customer's attempt now, 1 for its first; and how its last attempt ended (while it
  // waits to redial). A record only counts attempts once keep_customer() has been called
  // (the first redial or transfer), so that a first attempt writes nothing.
  std::uint32_t attempt(ContactId c) const { return first_slot_[index(c)] == kNoId ? 1 : redials_[index(c)] + 1; }
  void count_redial(ContactId c) { ++redials_[index(c)]; }
  std::uint8_t& last_end(ContactId c) { return last_end_[index(c)]; }
  // The slot and type the customer counts in: its first attempt's. The record's are those
  // until a redial or a transfer moves them; keep_customer() is called just before.
  std::uint32_t customer_slot(ContactId c) const {
    return first_slot_[index(c)] == kNoId ? slot_[index(c)] : first_slot_[index(c)];
  }
  ContactTypeId customer_type(ContactId c) const {
    return first_slot_[index(c)] == kNoId ? type_[index(c)] : first_type_[index(c)];
  }
  void keep_customer(ContactId c) {
    if (first_slot_[index(c)] != kNoId) return;
    first_slot_[index(c)] = slot_[index(c)];
    first_type_[index(c)] = type_[index(c)];
    redials_[index(c)] = 0;
  }
  // The contact type the call is transferred to, set when the transfer is decided (a
  // TransferTalkEnd event is then due).
  std::uint32_t& transfer_to(ContactId c) { return transfer_to_[index(c)]; }
  ContactTypeId type(ContactId c) const { return type_[index(c)]; }
  std::uint32_t slot(ContactId c) const { return slot_[index(c)]; }
  double enqueue_s(ContactId c) const { return enqueue_s_[index(c)]; }

  // A callback: its acceptance, by a call of type `from` in `slot` (where its outcome is
  // counted), the customer's wrap-up (the record's wrap_s is the agent's after a dial, 0 for
  // one nobody answered), the dials made so far, and how the last one went.
  enum class Dial : std::uint8_t { Reached, Unanswered, NoLine };
  struct Callback {
    double accepted_s = 0.0;
    double wrap_s = 0.0;
    std::uint32_t slot = 0;
    ContactTypeId from{};
    std::uint8_t dials = 0;
    Dial last = Dial::Reached;
  };
  Callback& callback(ContactId c) { return callback_[index(c)]; }

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
    first_slot_.push_back(kNoId);
    first_type_.push_back(ContactTypeId{});
    transfer_to_.push_back(0);
    last_end_.push_back(0);
    callback_.emplace_back();
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
  std::vector<ContactTypeId> first_type_;
  std::vector<std::uint32_t> transfer_to_;
  std::vector<std::uint8_t> last_end_;
  std::vector<Callback> callback_;
  std::vector<std::uint32_t> free_;
};

}  // namespace ccsim::models
