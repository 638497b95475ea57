// models/routing/earliest_due_first.h
// earliest_due_first: arrivals as queue_priority (the first group of the type's list
// with an idle agent, else the type's queue); a freed agent of group g takes the head due
// earliest among the types g serves: the head that joined its queue at time s, of a type
// whose service-level threshold is T (an e-mail's due_s, a call's awt_s), is due at s + T.
// Types with one threshold share one FIFO order across the group's queues; an e-mail
// nearing its due time goes ahead of a call that has just joined. Ties go to the earlier
// type in the group's order (group_to_type, else type priority, then type id).
// Source: the earliest-deadline-first rule of real-time scheduling (Liu and Layland,
// "Scheduling algorithms for multiprogramming in a hard-real-time environment", JACM
// 20(1), 1973), as blended contact centres apply it to deferred work with due times.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "models/ids.h"
#include "models/routing/router_policy.h"
#include "models/routing/scored_heads.h"

namespace ccsim::models {

class EarliestDueFirst : public ScoredHeads {
 public:
  static constexpr std::string_view kName = "earliest_due_first";

  // due_s[k]: type k's service-level threshold; type_priority and group_order as for
  // QueuePriority (they only break ties here).
  EarliestDueFirst(std::vector<std::vector<AgentGroupId>> type_to_groups, const std::vector<double>& due_s,
                   const std::vector<std::uint32_t>& type_priority, std::size_t num_groups,
                   const std::vector<std::vector<ContactTypeId>>& group_order)
      : ScoredHeads(std::move(type_to_groups), type_priority, num_groups, group_order,
                    [&](ContactTypeId k, AgentGroupId) { return due_s[index(k)]; }) {}

  std::optional<QueueId> on_agent_free(AgentGroupId g, const RoutingView& v) const {
    return best(g, v, [](const Served& s, double since) { return since + s.value; });
  }
};
static_assert(RouterPolicy<EarliestDueFirst>);

}  // namespace ccsim::models
