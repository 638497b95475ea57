// models/routing/routing_view.h
// RoutingView: the read-only picture of the ACD a router policy decides on — idle and
// busy agents per group, the longest-idle agent's idle-since time, waiting contacts per
// queue and the head's enqueue time — and Contact, the small value a policy sees of an
// arriving call. Policies never mutate.
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
  // agents may be null when no policy under test asks for idle-since times.
  RoutingView(double now_s, const GroupCounts* groups, std::size_t num_groups, const WaitingQueue* queues,
              std::size_t num_queues, const AgentPool* agents = nullptr)
      : now_s_(now_s),
        groups_(groups),
        num_groups_(num_groups),
        queues_(queues),
        num_queues_(num_queues),
        agents_(agents) {}

  double now_s() const { return now_s_; }
  std::size_t num_groups() const { return num_groups_; }
  std::size_t num_queues() const { return num_queues_; }
  std::uint32_t idle(AgentGroupId g) const { return groups_[index(g)].idle; }
  std::uint32_t busy(AgentGroupId g) const { return groups_[index(g)].busy; }
  std::size_t queue_size(QueueId q) const { return queues_[index(q)].size(); }
  // Only meaningful when queue_size(q) > 0.
  double head_enqueue_s(QueueId q) const { return queues_[index(q)].head().enqueue_s; }
  // When the longest-idle agent of g became idle; only meaningful when idle(g) > 0.
  double longest_idle_since(AgentGroupId g) const { return agents_->longest_idle_since_s(g); }

 private:
  double now_s_;
  const GroupCounts* groups_;
  std::size_t num_groups_;
  const WaitingQueue* queues_;
  std::size_t num_queues_;
  const AgentPool* agents_;
};

}  // namespace ccsim::models
