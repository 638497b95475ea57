// models/routing/longest_weighted_wait.h
// longest_weighted_wait: arrivals as queue_priority (the first group of the type's list
// with an idle agent, else the type's queue); a freed agent of group g takes the head
// with the largest weight(type, g) x wait among the types g serves, so a type's
// weight trades its callers' waits against the others' (weights 1: the longest wait
// overall, a single FIFO across the group's queues). Ties go to the earlier type in the
// group's order (group_to_type, else type priority, then type id).
// Source: the weighted "longest waiting time" rules surveyed by Gans, Koole and
// Mandelbaum, "Telephone call centers: tutorial, review, and research prospects",
// MSOM 5(2), 2003, a standard benchmark for multi-skill routing.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "models/ids.h"
#include "models/routing/router_policy.h"
#include "models/routing/scored_heads.h"

namespace ccsim::models {

class LongestWeightedWait : public ScoredHeads {
 public:
  static constexpr std::string_view kName = "longest_weighted_wait";

  // type_to_groups[k] and weights[k] are parallel (weights[k] empty: all 1); type_priority
  // and group_order as for QueuePriority (they only break ties here).
  LongestWeightedWait(std::vector<std::vector<AgentGroupId>> type_to_groups,
                      const std::vector<std::vector<double>>& weights, const std::vector<std::uint32_t>& type_priority,
                      std::size_t num_groups, const std::vector<std::vector<ContactTypeId>>& group_order);

  std::optional<QueueId> on_agent_free(AgentGroupId g, const RoutingView& v) const {
    // The largest weighted wait first: best() keeps the lowest key, its negation.
    return best(g, v, [&](const Served& s, double since) { return -(s.value * (v.now_s() - since)); });
  }
};
static_assert(RouterPolicy<LongestWeightedWait>);

}  // namespace ccsim::models
