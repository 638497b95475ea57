// models/agents/agent_pool.h
// AgentPool: one record per agent (group, state, idle-since time, contact in hand), dense
// ids, and one idle list per group ordered by idle-since time, so the longest-idle agent
// is the list's head; on request also an unordered array of each group's idle agents, for
// taking the i-th one in O(1). Group counts are kept in step with the records on every
// transition; routing reads only the counts and the heads. No allocation after construction.
// Chat: an agent of a group allowed k > 1 sessions holds up to k chats at once; one that
// holds n (1 <= n < k) and may take more stands in its group's list for n, so that a chat
// goes to the agent with the fewest sessions (AgentPool::allow_sessions).
// Interruptible e-mails: an agent working on one that a call may take it from (not leaving,
// no break waiting) stands in its group's list of such agents, latest started last
// (AgentPool::allow_interruptions).
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
  // Busy agents holding chat sessions who may take one more: fewer than their group's
  // maximum, not leaving, no break waiting for them.
  std::uint32_t chat_open = 0;
};
static_assert(sizeof(GroupCounts) == 32);

// By group, for the KPIs and the caps by channel: the chat sessions held and the agents
// holding at least one; the agents working on an e-mail, or on a customer an outbound
// dialer reached (its talk or its wrap-up).
struct ChannelCounts {
  std::uint32_t sessions = 0;
  std::uint32_t chatting = 0;
  std::uint32_t on_email = 0;
  std::uint32_t on_outbound = 0;
};

inline constexpr std::uint32_t kNoAgent = 0xffffffffu;

class AgentPool {
 public:
  // agent_group[a] is the group of agent a; all agents start Off. index_idle: also keep
  // each group's idle agents in an array (idle_agent, serve); the policies that never ask
  // for an agent by position leave it off and pay one predictable branch per transition.
  AgentPool(std::size_t num_groups, std::span<const AgentGroupId> agent_group, bool index_idle = false)
      : counts_(num_groups),
        channel_counts_(num_groups),
        head_(num_groups, kNoAgent),
        tail_(num_groups, kNoAgent),
        agents_(agent_group.size()) {
    for (std::size_t a = 0; a < agent_group.size(); ++a) agents_[a].group = agent_group[a];
    if (!index_idle) return;
    index_idle_ = true;
    // Group g's idle agents live in [first_slot_[g], first_slot_[g] + idle): room for all of its agents.
    first_slot_.assign(num_groups + 1, 0);
    for (const AgentGroupId g : agent_group) ++first_slot_[index(g) + 1];
    for (std::size_t g = 0; g < num_groups; ++g) first_slot_[g + 1] += first_slot_[g];
    idle_slots_.assign(agent_group.size(), kNoAgent);
  }

  // Chat sessions: agents of group g hold up to max_sessions[g] at once. Called once,
  // before any agent logs on, when some contact type is a chat.
  void allow_sessions(std::span<const std::uint32_t> max_sessions) {
    max_sessions_.assign(max_sessions.begin(), max_sessions.end());
    first_open_.assign(num_groups() + 1, 0);
    for (std::size_t g = 0; g < num_groups(); ++g) first_open_[g + 1] = first_open_[g] + max_sessions_[g] - 1;
    open_head_.assign(first_open_.back(), kNoAgent);
    open_tail_.assign(first_open_.back(), kNoAgent);
    sessions_.assign(agents_.size(), 0);
  }

  // Interruptible work: called once, before any agent logs on, when some type is interruptible.
  void allow_interruptions() {
    interruptible_.assign(agents_.size(), 0);
    work_head_.assign(num_groups(), kNoAgent);
    work_tail_.assign(num_groups(), kNoAgent);
    work_count_.assign(num_groups(), 0);
  }
  // The agents of g a call may take from their work; only with allow_interruptions.
  std::uint32_t interruptible(AgentGroupId g) const { return work_count_[index(g)]; }
  // Of them, the one whose work started last. Precondition: interruptible(g) > 0.
  AgentId last_interruptible(AgentGroupId g) const { return make_id<AgentId>(work_tail_[index(g)]); }
  // Busy agent a starts work a call may interrupt, until stop_interruptible or hand_over.
  void start_interruptible(AgentId a) {
    interruptible_[index(a)] = 1;
    if (in_work_list(agents_[index(a)], index(a))) link_work(index(a));
  }
  void stop_interruptible(AgentId a) {
    if (in_work_list(agents_[index(a)], index(a))) unlink_work(index(a));
    interruptible_[index(a)] = 0;
  }
  // A call takes busy agent a from its interrupted work: a stays busy, now with contact c.
  void hand_over(AgentId a, ContactId c) {
    stop_interruptible(a);
    agents_[index(a)].contact = c;
  }

  const GroupCounts& counts(AgentGroupId g) const { return counts_[index(g)]; }
  const GroupCounts* counts_data() const { return counts_.data(); }
  const ChannelCounts* channel_counts_data() const { return channel_counts_.data(); }
  // Agents of g holding chat sessions; only with allow_sessions.
  std::uint32_t chatting(AgentGroupId g) const { return channel_counts_[index(g)].chatting; }
  // Agents of g working on an e-mail: the model counts them (start_email_work when one
  // starts an item's talk, end_email_work when it is interrupted or its wrap-up ends).
  std::uint32_t on_email(AgentGroupId g) const { return channel_counts_[index(g)].on_email; }
  void start_email_work(AgentGroupId g) { ++channel_counts_[index(g)].on_email; }
  void end_email_work(AgentGroupId g) { --channel_counts_[index(g)].on_email; }
  void start_outbound_work(AgentGroupId g) { ++channel_counts_[index(g)].on_outbound; }
  void end_outbound_work(AgentGroupId g) { --channel_counts_[index(g)].on_outbound; }
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
  // An agent holding chats takes no more while a break waits for it, and one on
  // interruptible work is not interrupted.
  void set_waiting(AgentId a, bool w) {
    Agent& r = agents_[index(a)];
    if (r.waiting == w) return;
    const bool listed = in_open_list(r, index(a));
    const bool working = in_work_list(r, index(a));
    r.waiting = w;
    if (listed)
      unlink_open(index(a), sessions_[index(a)]);
    else if (in_open_list(r, index(a)))
      link_open(index(a), sessions_[index(a)]);
    if (working)
      unlink_work(index(a));
    else if (in_work_list(r, index(a)))
      link_work(index(a));
  }

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
        if (in_open_list(r, index(a))) unlink_open(index(a), sessions_[index(a)]);
        if (in_work_list(r, index(a))) unlink_work(index(a));
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

  std::uint32_t max_sessions(AgentGroupId g) const { return max_sessions_.empty() ? 1 : max_sessions_[index(g)]; }
  // The chat sessions the agent holds (0 while it serves a call or an e-mail).
  std::uint32_t sessions(AgentId a) const { return sessions_.empty() ? 0 : sessions_[index(a)]; }

  // Who takes the next chat of g, and the sessions it then holds: the longest-idle agent,
  // else (or, open_only, among the agents holding chats), among those with fewest
  // sessions, the one that has held them longest. The fewest, so that the handle time's
  // inflation stays low and the load is shared. Precondition: idle + chat_open > 0
  // (chat_open > 0 when open_only).
  struct SessionPick {
    AgentId agent;
    std::uint32_t sessions;
  };
  SessionPick pick_session(AgentGroupId g, bool open_only = false) const {
    if (!open_only && counts_[index(g)].idle > 0) return {longest_idle(g), 1};
    const std::uint32_t first = first_open_[index(g)];
    std::uint32_t n = 1;
    while (open_head_[first + n - 1] == kNoAgent) ++n;
    return {make_id<AgentId>(open_head_[first + n - 1]), n + 1};
  }

  // The picked agent (for a first session, any idle agent of g) takes chat c.
  void serve_session(AgentGroupId g, const SessionPick& pick, ContactId c) {
    const std::uint32_t a = index(pick.agent);
    if (pick.sessions == 1) {
      serve(pick.agent, c);
    } else {
      unlink_open(a, pick.sessions - 1);
      agents_[a].state = AgentState::Busy;
    }
    sessions_[a] = static_cast<std::uint8_t>(pick.sessions);
    ++channel_counts_[index(g)].sessions;
    channel_counts_[index(g)].chatting += pick.sessions == 1;
    agents_[a].contact = c;
    if (pick.sessions < max_sessions_[index(g)]) link_open(a, pick.sessions);
  }

  // An agent holding chats is Busy or WrapUp by its latest session's step (a session's
  // wrap-up starts while the others go on).
  // One of a's chat sessions ends. True when it still holds others: it stays busy (and
  // open to one more chat when it may take one). False for its last: it holds none and is
  // busy, for free() or start_break() to move.
  bool end_session(AgentId a) {
    const std::uint32_t i = index(a);
    const std::uint32_t n = sessions_[i];
    if (n < max_sessions_[index(agents_[i].group)] && open(agents_[i])) unlink_open(i, n);
    sessions_[i] = static_cast<std::uint8_t>(n - 1);
    ChannelCounts& chat = channel_counts_[index(agents_[i].group)];
    --chat.sessions;
    chat.chatting -= n == 1;
    if (n == 1) return false;
    if (open(agents_[i])) link_open(i, n - 1);
    return true;
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

  bool open(const Agent& r) const { return r.leaving == 0 && r.waiting == 0; }
  // Whether agent i (record r) stands in its group's list for the sessions it holds.
  bool in_open_list(const Agent& r, std::uint32_t i) const {
    if (sessions_.empty() || (r.state != AgentState::Busy && r.state != AgentState::WrapUp) || !open(r)) return false;
    const std::uint32_t n = sessions_[i];
    return n >= 1 && n < max_sessions_[index(r.group)];
  }

  bool in_work_list(const Agent& r, std::uint32_t i) const {
    return !interruptible_.empty() && interruptible_[i] != 0 && open(r);
  }

  void link_work(std::uint32_t i) {
    const std::uint32_t g = index(agents_[i].group);
    ++work_count_[g];
    push_back(i, work_head_[g], work_tail_[g]);
  }

  void unlink_work(std::uint32_t i) {
    const std::uint32_t g = index(agents_[i].group);
    --work_count_[g];
    remove(i, work_head_[g], work_tail_[g]);
  }

  void link_open(std::uint32_t i, std::uint32_t n) {
    const std::uint32_t g = index(agents_[i].group);
    const std::uint32_t l = first_open_[g] + n - 1;
    ++counts_[g].chat_open;
    push_back(i, open_head_[l], open_tail_[l]);
  }

  void unlink_open(std::uint32_t i, std::uint32_t n) {
    const std::uint32_t g = index(agents_[i].group);
    const std::uint32_t l = first_open_[g] + n - 1;
    --counts_[g].chat_open;
    remove(i, open_head_[l], open_tail_[l]);
  }

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
    push_back(i, head_[g], tail_[g]);
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
    remove(index(a), head_[g], tail_[g]);
    if (indexes_idle()) [[unlikely]]
      drop_slot(r);
  }

  // A list of agents through their next and prev links: the idle list of a group, its
  // list of agents holding n chats, or its list of agents on interruptible work (a busy
  // agent's links are free, and one on an e-mail holds no chat).
  void push_back(std::uint32_t i, std::uint32_t& head, std::uint32_t& tail) {
    Agent& r = agents_[i];
    r.next = kNoAgent;
    r.prev = tail;
    if (tail == kNoAgent)
      head = i;
    else
      agents_[tail].next = i;
    tail = i;
  }

  void remove(std::uint32_t i, std::uint32_t& head, std::uint32_t& tail) {
    const Agent& r = agents_[i];
    if (r.prev == kNoAgent)
      head = r.next;
    else
      agents_[r.prev].next = r.next;
    if (r.next == kNoAgent)
      tail = r.prev;
    else
      agents_[r.next].prev = r.prev;
  }

  std::vector<GroupCounts> counts_;
  std::vector<ChannelCounts> channel_counts_;
  std::vector<std::uint32_t> head_;  // per group: first of its idle list (longest idle), or kNoAgent
  std::vector<std::uint32_t> tail_;  // per group: last of its idle list
  std::vector<Agent> agents_;
  bool index_idle_ = false;
  std::vector<std::uint32_t> first_slot_;  // per group, plus the end; empty without index_idle
  std::vector<std::uint32_t> idle_slots_;  // agent ids, each group's idle ones first in its segment
  // Chat, empty without: per group its maximum sessions; its lists of open agents by the
  // sessions they hold, n = 1 .. max - 1, at [first_open_[g] + n - 1]; per agent its sessions.
  std::vector<std::uint32_t> max_sessions_;
  std::vector<std::uint32_t> first_open_;
  std::vector<std::uint32_t> open_head_;
  std::vector<std::uint32_t> open_tail_;
  std::vector<std::uint8_t> sessions_;
  // Interruptible work, empty without: per agent whether its work is interruptible; per
  // group the list of agents a call may take from theirs, and their number.
  std::vector<std::uint8_t> interruptible_;
  std::vector<std::uint32_t> work_head_;
  std::vector<std::uint32_t> work_tail_;
  std::vector<std::uint32_t> work_count_;
};

}  // namespace ccsim::models
