// models/agents/agent_pool.h
// AgentPool: one record per agent (group, state, idle-since time, contact in hand), dense
// ids, and one idle list per group ordered by idle-since time, so the longest-idle agent
// is the list's head; on request also an unordered array of each group's idle agents, for
// taking the i-th one in O(1). Group counts are kept in step with the records on every
// transition; routing reads only the counts and the heads. No allocation after construction.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "models/ids.h"

namespace ccsim::models {

enum class AgentState : std::uint8_t {
  Off,      // not logged on: before its shift, after it, or absent
  Idle,     // logged on and waiting for a contact (in its group's idle list)
  Busy,     // talking to a contact
  WrapUp,   // after-contact work
  OnBreak,  // logged on but unavailable: a break, a scheduled activity, in-shift shrinkage
};

// What routing and the KPIs see of a group. on_duty counts agents whose shift is running
// (scheduled and present); an agent whose shift ended during a contact is still logged on
// (in busy and logged_on) until it is free, but no longer on duty.
// scheduled counts the agents whose stint is running, absent ones included (the roster
// keeps it; the pool only stores it beside the others). 32 bytes, so that indexing by
// group is a shift.
struct alignas(32) GroupCounts {
  std::uint32_t idle = 0;
  std::uint32_t busy = 0;  // Busy or WrapUp
  std::uint32_t on_break = 0;
  std::uint32_t on_duty = 0;
  std::uint32_t logged_on = 0;
  std::uint32_t scheduled = 0;
  std::uint32_t on_unpaid_break = 0;  // of on_break
};

inline constexpr std::uint32_t kNoAgent = 0xffffffffu;

class AgentPool {
 public:
  // agent_group[a] is the group of agent a; all agents start Off. index_idle: also keep
  // each group's idle agents in an array (idle_agent, serve); the policies that never ask
  // for an agent by position leave it off and pay one predictable branch per transition.
  AgentPool(std::size_t num_groups, std::span<const AgentGroupId> agent_group, bool index_idle = false)
      : counts_(num_groups), head_(num_groups, kNoAgent), tail_(num_groups, kNoAgent), agents_(agent_group.size()) {
    for (std::size_t a = 0; a < agent_group.size(); ++a) agents_[a].group = agent_group[a];
    if (!index_idle) return;
    index_idle_ = true;
    // Group g's idle agents live in [first_slot_[g], first_slot_[g] + idle): room for all of its agents.
    first_slot_.assign(num_groups + 1, 0);
    for (const AgentGroupId g : agent_group) ++first_slot_[index(g) + 1];
    for (std::size_t g = 0; g < num_groups; ++g) first_slot_[g + 1] += first_slot_[g];
    idle_slots_.assign(agent_group.size(), kNoAgent);
  }

  const GroupCounts& counts(AgentGroupId g) const { return counts_[index(g)]; }
  const GroupCounts* counts_data() const { return counts_.data(); }
  std::size_t num_groups() const { return counts_.size(); }

  AgentGroupId group(AgentId a) const { return agents_[index(a)].group; }
  AgentState state(AgentId a) const { return agents_[index(a)].state; }
  // Its shift has ended while it was busy: it logs off when free instead of taking more.
  bool leaving(AgentId a) const { return agents_[index(a)].leaving != 0; }
  ContactId contact(AgentId a) const { return agents_[index(a)].contact; }
  // The head of g's idle list; only meaningful when counts(g).idle > 0.
  AgentId longest_idle(AgentGroupId g) const { return make_id<AgentId>(head_[index(g)]); }
  double longest_idle_since_s(AgentGroupId g) const { return agents_[head_[index(g)]].idle_since_s; }
  bool indexes_idle() const { return index_idle_; }
  // The i-th idle agent of g, in an order of no meaning (it changes as agents come and go);
  // only with index_idle, and i < counts(g).idle.
  AgentId idle_agent(AgentGroupId g, std::uint32_t i) const {
    return make_id<AgentId>(idle_slots_[first_slot_[index(g)] + i]);
  }
  // A flag the workforce sets while a break or a shrinkage block waits for the agent, so
  // that freeing an agent tests one byte of the record it already reads.
  bool waiting(AgentId a) const { return agents_[index(a)].waiting != 0; }
  void set_waiting(AgentId a, bool w) { agents_[index(a)].waiting = w; }

  // Off -> Idle, at the back of the idle list.
  void log_on(AgentId a, double now_s) {
    GroupCounts& c = counts_[index(group(a))];
    ++c.on_duty;
    ++c.logged_on;
    make_idle(a, now_s);
  }

  // The agent's shift ends. Idle or on a break: Off at once (returns true). Busy or in
  // wrap-up: it stays logged on, marked leaving, and goes Off when free (returns false).
  bool end_shift(AgentId a) {
    Agent& r = agents_[index(a)];
    GroupCounts& c = counts_[index(r.group)];
    --c.on_duty;
    switch (r.state) {
      case AgentState::Idle:
        unlink(a);
        --c.idle;
        break;
      case AgentState::OnBreak:
        leave_break(r);
        break;
      case AgentState::Busy:
      case AgentState::WrapUp:
        r.leaving = 1;
        return false;
      case AgentState::Off:
        break;
    }
    --c.logged_on;
    r.state = AgentState::Off;
    return true;
  }

  // The longest-idle agent of g takes contact k: Idle -> Busy. Precondition: idle > 0.
  AgentId serve_longest_idle(AgentGroupId g, ContactId k) {
    const std::uint32_t a = head_[index(g)];
    Agent& r = agents_[a];
    head_[index(g)] = r.next;
    if (r.next == kNoAgent)
      tail_[index(g)] = kNoAgent;
    else
      agents_[r.next].prev = kNoAgent;
    if (indexes_idle()) [[unlikely]]
      drop_slot(r);
    GroupCounts& c = counts_[index(g)];
    --c.idle;
    ++c.busy;
    r.state = AgentState::Busy;
    r.contact = k;
    return make_id<AgentId>(a);
  }

  // Idle agent a takes contact k: Idle -> Busy, wherever a stands in its group's idle list.
  void serve(AgentId a, ContactId k) {
    Agent& r = agents_[index(a)];
    unlink(a);
    GroupCounts& c = counts_[index(r.group)];
    --c.idle;
    ++c.busy;
    r.state = AgentState::Busy;
    r.contact = k;
  }

  void start_wrap_up(AgentId a) { agents_[index(a)].state = AgentState::WrapUp; }

  // Busy or WrapUp -> Idle (returns true), or -> Off when leaving (returns false).
  bool free(AgentId a, double now_s) {
    Agent& r = agents_[index(a)];
    GroupCounts& c = counts_[index(r.group)];
    --c.busy;
    if (r.leaving) {
      r.leaving = 0;
      --c.logged_on;
      r.state = AgentState::Off;
      return false;
    }
    make_idle(a, now_s);
    return true;
  }

  // Idle, Busy or WrapUp -> OnBreak (a busy agent goes straight from its contact to the
  // break). Unpaid breaks are counted apart for paid hours.
  void start_break(AgentId a, bool paid) {
    Agent& r = agents_[index(a)];
    GroupCounts& c = counts_[index(r.group)];
    if (r.state == AgentState::Idle) {
      unlink(a);
      --c.idle;
    } else {
      --c.busy;
    }
    ++c.on_break;
    r.unpaid = !paid;
    c.on_unpaid_break += !paid;
    r.state = AgentState::OnBreak;
  }

  // OnBreak -> Idle.
  void end_break(AgentId a, double now_s) {
    leave_break(agents_[index(a)]);
    make_idle(a, now_s);
  }

  void count_scheduled(AgentGroupId g, bool starts) {
    if (starts)
      ++counts_[index(g)].scheduled;
    else
      --counts_[index(g)].scheduled;
  }

 private:
  // 32 bytes: the fields one transition touches share a cache line.
  struct Agent {
    double idle_since_s = 0.0;
    ContactId contact{};
    std::uint32_t next = kNoAgent;  // idle list links, kNoAgent at the ends
    std::uint32_t prev = kNoAgent;
    std::uint32_t slot = kNoAgent;  // in idle_slots_ while idle, with index_idle
    AgentGroupId group{};
    AgentState state = AgentState::Off;
    std::uint8_t leaving = 0;
    std::uint8_t unpaid = 0;  // on an unpaid break
    std::uint8_t waiting = 0;
  };
  static_assert(sizeof(Agent) == 32);

  void leave_break(Agent& r) {
    GroupCounts& c = counts_[index(r.group)];
    --c.on_break;
    c.on_unpaid_break -= r.unpaid;
    r.unpaid = 0;
  }

  void make_idle(AgentId a, double now_s) {
    const std::uint32_t i = index(a);
    Agent& r = agents_[i];
    const std::uint32_t g = index(r.group);
    ++counts_[g].idle;
    r.state = AgentState::Idle;
    r.idle_since_s = now_s;
    r.next = kNoAgent;
    r.prev = tail_[g];
    if (tail_[g] == kNoAgent)
      head_[g] = i;
    else
      agents_[tail_[g]].next = i;
    tail_[g] = i;
    if (indexes_idle()) [[unlikely]] {
      r.slot = first_slot_[g] + counts_[g].idle - 1;
      idle_slots_[r.slot] = i;
    }
  }

  // The group's last idle slot fills r's; called while counts(group).idle still counts r.
  void drop_slot(const Agent& r) {
    const std::uint32_t g = index(r.group);
    const std::uint32_t moved = idle_slots_[first_slot_[g] + counts_[g].idle - 1];
    idle_slots_[r.slot] = moved;
    agents_[moved].slot = r.slot;
  }

  // Precedes the decrement of the group's idle count.
  void unlink(AgentId a) {
    const Agent& r = agents_[index(a)];
    const std::uint32_t g = index(r.group);
    if (r.prev == kNoAgent)
      head_[g] = r.next;
    else
      agents_[r.prev].next = r.next;
    if (r.next == kNoAgent)
      tail_[g] = r.prev;
    else
      agents_[r.next].prev = r.prev;
    if (indexes_idle()) [[unlikely]]
      drop_slot(r);
  }

  std::vector<GroupCounts> counts_;
  std::vector<std::uint32_t> head_;  // per group: first of its idle list (longest idle), or kNoAgent
  std::vector<std::uint32_t> tail_;  // per group: last of its idle list
  std::vector<Agent> agents_;
  bool index_idle_ = false;
  std::vector<std::uint32_t> first_slot_;  // per group, plus the end; empty without index_idle
  std::vector<std::uint32_t> idle_slots_;  // agent ids, each group's idle ones first in its segment
};

}  // namespace ccsim::models
