// models/routing/queue_priority.h
// queue_priority: static priority / overflow routing. An arriving contact goes to the
// first group in its type's preference list that has an idle agent, else waits in its
// type's queue (one queue per contact type). A freed agent takes the head of the
// non-empty queue of best rank among the types its group serves: the position in the
// group's own list (router.group_to_type) when it has one, else the type's priority
// value; among equal ranks the head that has waited longest; then the lower type id.
// A group may reserve agents for some types, one or a channel's (agent reservation, the
// "guard channel" control): other types get one of its agents only while more than that
// many are idle.
// This is the "priority routing" of Koole & Mandelbaum's survey (2002) and the
// default routing of ContactCenters' QueuePriorityRouter (Buist & L'Ecuyer).
#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "models/ids.h"
#include "models/routing/best_head.h"
#include "models/routing/router_policy.h"

namespace ccsim::models {

class QueuePriority {
 public:
  static constexpr std::string_view kName = "queue_priority";

  // type_to_groups[k]: groups that may serve type k, preferred first.
  // type_priority[k]: lower is served first. Queue k holds contacts of type k.
  // group_order[g], when not empty: the types group g serves, best first (it overrides
  // type_priority for that group); it lists exactly the types that route to g.
  // A group's reservation: its last `agents` idle agents are kept for calls of `types`.
  struct Reservation {
    std::vector<ContactTypeId> types;
    std::uint32_t agents = 0;
  };

  // reservations[g], when given, applies to group g (agents == 0: none).
  QueuePriority(std::vector<std::vector<AgentGroupId>> type_to_groups, std::vector<std::uint32_t> type_priority,
                std::size_t num_groups, const std::vector<std::vector<ContactTypeId>>& group_order = {},
                std::vector<Reservation> reservations = {});

  RouteDecision on_arrival(const Contact& c, const RoutingView& v) const {
    if (reservations_.empty()) return first_idle_group_or_queue(type_to_groups_[index(c.type)], c.type, v);
    for (AgentGroupId g : type_to_groups_[index(c.type)])
      if (v.idle(g) > kept_back(g, c.type)) return ServeBy{g};
    if (type_to_groups_[index(c.type)].empty()) return Block{BlockReason::NoEligibleGroup};
    return Enqueue{make_id<QueueId>(index(c.type))};
  }

  std::optional<QueueId> on_agent_free(AgentGroupId g, const RoutingView& v) const {
    const auto eligible = [&](const Served& s, double) {
      return reservations_.empty() || v.idle(g) > kept_back(g, make_id<ContactTypeId>(index(s.queue)));
    };
    return best_head(group_to_types_[index(g)], v, eligible, [](const Served&, double since) { return since; });
  }

 private:
  struct Served {
    QueueId queue;
    std::uint32_t rank;  // lower is served first
  };
  // Idle agents of g that a call of type k may not take.
  std::uint32_t kept_back(AgentGroupId g, ContactTypeId k) const {
    const Reservation& r = reservations_[index(g)];
    return std::ranges::find(r.types, k) != r.types.end() ? 0 : r.agents;
  }

  std::vector<std::vector<AgentGroupId>> type_to_groups_;
  std::vector<std::vector<Served>> group_to_types_;  // sorted by (rank, type id)
  std::vector<Reservation> reservations_;            // empty when no group reserves
};
static_assert(RouterPolicy<QueuePriority>);

}  // namespace ccsim::models
