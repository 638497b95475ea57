// models/routing/longest_idle_agent.h
// longest_idle_agent: an arriving call goes to the agent who has been idle longest
// among all groups of its type's list that have an idle agent (the list order only
// breaks ties), which spreads work fairly across groups; a freed agent chooses its
// next call as in queue_priority. Reads the longest-idle agent's idle-since time of each
// group, which the agent pool keeps for free (the head of the group's idle list).
// Longest-idle-agent routing is the default agent selection of most ACDs; see Gans,
// Koole and Mandelbaum, "Telephone call centers: tutorial, review, and research
// prospects", MSOM 5(2), 2003, and Armony and Ward, "Fair dynamic routing in
// large-scale heterogeneous-server systems", Operations Research 58(3), 2010.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "models/ids.h"
#include "models/routing/queue_priority.h"
#include "models/routing/router_policy.h"

namespace ccsim::models {

class LongestIdleAgent {
 public:
  static constexpr std::string_view kName = "longest_idle_agent";

  LongestIdleAgent(std::vector<std::vector<AgentGroupId>> type_to_groups, std::vector<std::uint32_t> type_priority,
                   std::size_t num_groups, const std::vector<std::vector<ContactTypeId>>& group_order)
      : queues_(type_to_groups, std::move(type_priority), num_groups, group_order),
        type_to_groups_(std::move(type_to_groups)) {}

  RouteDecision on_arrival(const Contact& c, const RoutingView& v) const {
    const std::vector<AgentGroupId>& groups = type_to_groups_[index(c.type)];
    std::optional<AgentGroupId> best;
    double best_since = 0.0;
    for (AgentGroupId g : groups) {
      if (v.idle(g) == 0) continue;
      const double since = v.longest_idle_since(g);
      if (!best || since < best_since) {
        best = g;
        best_since = since;
      }
    }
    if (best) return ServeBy{*best};
    if (groups.empty()) return Block{BlockReason::NoEligibleGroup};
    return Enqueue{make_id<QueueId>(index(c.type))};
  }

  std::optional<QueueId> on_agent_free(AgentGroupId g, const RoutingView& v) const {
    return queues_.on_agent_free(g, v);
  }

 private:
  QueuePriority queues_;  // the freed-agent rule
  std::vector<std::vector<AgentGroupId>> type_to_groups_;
};
static_assert(RouterPolicy<LongestIdleAgent>);

}  // namespace ccsim::models
