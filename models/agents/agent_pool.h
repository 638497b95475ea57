// models/agents/agent_pool.h
// AgentPool: one record per agent (group, state, idle-since time, contact in hand), dense
// ids, and one idle list per group ordered by idle-since time, so the longest-idle agent
// is the list's head. Group counts are kept in step with the records on every transition;
// routing reads only the counts and the heads. No allocation after construction.
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
// keeps it; the pool only stores it beside the others).
struct GroupCounts {
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
  // agent_group[a] is the group of agent a; all agents start Off.
  AgentPool(std::size_t num_groups, std::span<const AgentGroupId> agent_group)
      : counts_(num_groups),
        head_(num_groups, kNoAgent),
        tail_(num_groups, kNoAgent),
        group_(agent_group.begin(), agent_group.end()),
        state_(agent_group.size(), AgentState::Off),
        leaving_(agent_group.size(), 0),
        unpaid_(agent_group.size(), 0),
        contact_(agent_group.size(), ContactId{}),
        idle_since_s_(agent_group.size(), 0.0),
        next_(agent_group.size(), kNoAgent),
        prev_(agent_group.size(), kNoAgent) {}

  std::size_t size() const { return group_.size(); }
  const GroupCounts& counts(AgentGroupId g) const { return counts_[index(g)]; }
  const GroupCounts* counts_data() const { return counts_.data(); }
  std::size_t num_groups() const { return counts_.size(); }

  AgentGroupId group(AgentId a) const { return group_[index(a)]; }
  AgentState state(AgentId a) const { return state_[index(a)]; }
  // Its shift has ended while it was busy: it logs off when free instead of taking more.
  bool leaving(AgentId a) const { return leaving_[index(a)] != 0; }
  ContactId contact(AgentId a) const { return contact_[index(a)]; }
  double idle_since_s(AgentId a) const { return idle_since_s_[index(a)]; }
  // The head of g's idle list; only meaningful when counts(g).idle > 0.
  AgentId longest_idle(AgentGroupId g) const { return make_id<AgentId>(head_[index(g)]); }
  double longest_idle_since_s(AgentGroupId g) const { return idle_since_s_[head_[index(g)]]; }

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
    GroupCounts& c = counts_[index(group(a))];
    --c.on_duty;
    switch (state(a)) {
      case AgentState::Idle:
        unlink(a);
        --c.idle;
        break;
      case AgentState::OnBreak:
        leave_break(a);
        break;
      case AgentState::Busy:
      case AgentState::WrapUp:
        leaving_[index(a)] = 1;
        return false;
      case AgentState::Off:
        break;
    }
    --c.logged_on;
    state_[index(a)] = AgentState::Off;
    return true;
  }

  // The longest-idle agent of g takes contact k: Idle -> Busy. Precondition: idle > 0.
  AgentId serve_longest_idle(AgentGroupId g, ContactId k) {
    const std::uint32_t a = head_[index(g)];
    const std::uint32_t next = next_[a];
    head_[index(g)] = next;
    if (next == kNoAgent)
      tail_[index(g)] = kNoAgent;
    else
      prev_[next] = kNoAgent;
    GroupCounts& c = counts_[index(g)];
    --c.idle;
    ++c.busy;
    state_[a] = AgentState::Busy;
    contact_[a] = k;
    return make_id<AgentId>(a);
  }

  void start_wrap_up(AgentId a) { state_[index(a)] = AgentState::WrapUp; }

  // Busy or WrapUp -> Idle (returns true), or -> Off when leaving (returns false).
  bool free(AgentId a, double now_s) {
    GroupCounts& c = counts_[index(group(a))];
    --c.busy;
    if (leaving_[index(a)]) {
      leaving_[index(a)] = 0;
      --c.logged_on;
      state_[index(a)] = AgentState::Off;
      return false;
    }
    make_idle(a, now_s);
    return true;
  }

  // Idle, Busy or WrapUp -> OnBreak (a busy agent goes straight from its contact to the
  // break). Unpaid breaks are counted apart for paid hours.
  void start_break(AgentId a, bool paid) {
    GroupCounts& c = counts_[index(group(a))];
    if (state(a) == AgentState::Idle) {
      unlink(a);
      --c.idle;
    } else {
      --c.busy;
    }
    ++c.on_break;
    unpaid_[index(a)] = !paid;
    c.on_unpaid_break += !paid;
    state_[index(a)] = AgentState::OnBreak;
  }

  // OnBreak -> Idle.
  void end_break(AgentId a, double now_s) {
    leave_break(a);
    make_idle(a, now_s);
  }

  void count_scheduled(AgentGroupId g, bool starts) {
    if (starts)
      ++counts_[index(g)].scheduled;
    else
      --counts_[index(g)].scheduled;
  }

 private:
  void leave_break(AgentId a) {
    GroupCounts& c = counts_[index(group(a))];
    --c.on_break;
    c.on_unpaid_break -= unpaid_[index(a)];
    unpaid_[index(a)] = 0;
  }

  void make_idle(AgentId a, double now_s) {
    const std::uint32_t i = index(a);
    const std::uint32_t g = index(group_[i]);
    ++counts_[g].idle;
    state_[i] = AgentState::Idle;
    idle_since_s_[i] = now_s;
    next_[i] = kNoAgent;
    prev_[i] = tail_[g];
    if (tail_[g] == kNoAgent)
      head_[g] = i;
    else
      next_[tail_[g]] = i;
    tail_[g] = i;
  }

  void unlink(AgentId a) {
    const std::uint32_t i = index(a);
    const std::uint32_t g = index(group_[i]);
    if (prev_[i] == kNoAgent)
      head_[g] = next_[i];
    else
      next_[prev_[i]] = next_[i];
    if (next_[i] == kNoAgent)
      tail_[g] = prev_[i];
    else
      prev_[next_[i]] = prev_[i];
  }

  std::vector<GroupCounts> counts_;
  std::vector<std::uint32_t> head_;  // per group: first of its idle list (longest idle), or kNoAgent
  std::vector<std::uint32_t> tail_;  // per group: last of its idle list
  std::vector<AgentGroupId> group_;
  std::vector<AgentState> state_;
  std::vector<std::uint8_t> leaving_;
  std::vector<std::uint8_t> unpaid_;  // on an unpaid break
  std::vector<ContactId> contact_;
  std::vector<double> idle_since_s_;
  std::vector<std::uint32_t> next_;  // idle list links, kNoAgent at the ends
  std::vector<std::uint32_t> prev_;
};

}  // namespace ccsim::models
