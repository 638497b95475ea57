// models/routing/scored_heads.h
// ScoredHeads: what longest_weighted_wait and earliest_due_first share. An arrival goes
// to the first group of its type's list with an idle agent, else to its type's queue (as
// queue_priority); a freed agent of group g scores the head of each queue among the types
// g serves, with one value per (type, g), and takes the best (ties to the earlier type in
// the group's order: group_to_type, else type priority, then type id).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include "models/ids.h"
#include "models/routing/best_head.h"
#include "models/routing/router_policy.h"

namespace ccsim::models {

class ScoredHeads {
 public:
  RouteDecision on_arrival(const Contact& c, const RoutingView& v) const {
    return first_idle_group_or_queue(type_to_groups_[index(c.type)], c.type, v);
  }

 protected:
  struct Served {
    QueueId queue;
    double value;  // the policy's: a weight, a due time
  };

  // value(k, g): the value of type k's heads for group g.
  ScoredHeads(std::vector<std::vector<AgentGroupId>> type_to_groups, const std::vector<std::uint32_t>& type_priority,
              std::size_t num_groups, const std::vector<std::vector<ContactTypeId>>& group_order,
              const std::function<double(ContactTypeId, AgentGroupId)>& value);

  // The queue whose head has the lowest key(served, head_enqueue_s) among g's.
  template <class Key>
  std::optional<QueueId> best(AgentGroupId g, const RoutingView& v, Key key) const {
    return best_head(group_to_types_[index(g)], v, [](const Served&, double) { return true; }, key);
  }

 private:
  std::vector<std::vector<AgentGroupId>> type_to_groups_;
  std::vector<std::vector<Served>> group_to_types_;  // in tie-break order
};

}  // namespace ccsim::models
