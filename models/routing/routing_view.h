// models/routing/routing_view.h
// RoutingView: the read-only picture of the ACD a router policy decides on — idle and
// busy agents per group, the longest-idle agent's idle-since time, waiting contacts per
// queue and the head's enqueue time — and Contact, the small value a policy sees of an
// arriving call. Policies never mutate. For a chat the view counts, as idle, the agents
// who hold chat sessions and may take one more; and an agent who frees a chat session
// while holding others sees only the chat queues (docs/routing.md#chat). For a call that
// would wait, a second view counts as idle the agents it may take from interruptible work
// (docs/routing.md#interruptible-e-mails). A group at its cap on a channel shows no idle
// agent to that channel's arrivals, and its freed agents none of that channel's queues
// (docs/routing.md#caps-by-channel).
#pragma once

#include <cstddef>
#include <cstdint>

#include "models/agents/agent_pool.h"
#include "models/ids.h"
#include "models/queues/waiting_queue.h"

namespace ccsim::models {

// u: uniform in (0, 1) from the router's TieBreak stream, drawn for each routed arrival
// only when the policy asks for it (kDrawsOnArrival in router_policy.h); else 0.
struct Contact {
  ContactId id;
  ContactTypeId type;
  double arrival_s;
  double u = 0.0;
};

class RoutingView {
 public:
  // agents: null when no policy under test asks for idle-since times, and for the view of the
  // agents on interruptible work, whose idle-since time is now. shown: null for a call's
  // decision (every queue shown); else per queue, nonzero for the queues it shows (only the
  // chat queues for an agent who holds chats; those of no channel at its group's cap for a
  // freed agent). with_open_sessions: a chat's decision, for which the agents holding chats
  // who may take one more count as idle.
  RoutingView(double now_s, const GroupCounts* groups, const WaitingQueue* queues, const AgentPool* agents = nullptr,
              const std::uint8_t* shown = nullptr, bool with_open_sessions = false)
      : now_s_(now_s),
        groups_(groups),
        queues_(queues),
        agents_(agents),
        shown_(shown),
        with_open_sessions_(with_open_sessions) {}

  double now_s() const { return now_s_; }
  std::uint32_t idle(AgentGroupId g) const {
    const GroupCounts& c = groups_[index(g)];
    return with_open_sessions_ ? c.idle + c.chat_open : c.idle;
  }
  std::uint32_t busy(AgentGroupId g) const { return groups_[index(g)].busy; }
  std::size_t queue_size(QueueId q) const {
    if (shown_ != nullptr && shown_[index(q)] == 0) [[unlikely]]
      return 0;
    return queues_[index(q)].size();
  }
  // Only meaningful when queue_size(q) > 0.
  double head_enqueue_s(QueueId q) const { return queues_[index(q)].head().enqueue_s; }
  // When the longest-idle agent of g became idle; only meaningful when idle(g) > 0. For a
  // chat that only agents holding sessions can take, and for agents on interruptible work:
  // now (none of them is idle).
  double longest_idle_since(AgentGroupId g) const {
    if (groups_[index(g)].idle == 0 || agents_ == nullptr) [[unlikely]]
      return now_s_;
    return agents_->longest_idle_since_s(g);
  }

 private:
  double now_s_;
  const GroupCounts* groups_;
  const WaitingQueue* queues_;
  const AgentPool* agents_;
  const std::uint8_t* shown_;
  bool with_open_sessions_;
};

}  // namespace ccsim::models
