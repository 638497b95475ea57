// models/routing/group_order.h
// Tables every routing policy builds from the scenario's routing lists: the order in
// which a freed agent of each group looks at the queues it serves, and per-(type,
// group) values stored parallel to a type's group list.
#pragma once

#include <cstdint>
#include <vector>

#include "models/ids.h"

namespace ccsim::models {

struct RankedType {
  ContactTypeId type;
  std::uint32_t rank;  // lower is looked at first
};

// For each group, the types it serves, best first: its own list (group_order[g]) when
// given, ranked by position; else the types whose list names it, ranked by priority
// (stable, so equal priorities keep type order).
std::vector<std::vector<RankedType>> ranked_types_per_group(
    const std::vector<std::vector<AgentGroupId>>& type_to_groups, const std::vector<std::uint32_t>& type_priority,
    std::size_t num_groups, const std::vector<std::vector<ContactTypeId>>& group_order);

// values[k] parallel to type_to_groups[k] (empty: `fallback` for every group): the value
// for group g, which must be in type k's list.
double value_for_group(const std::vector<std::vector<AgentGroupId>>& type_to_groups,
                       const std::vector<std::vector<double>>& values, ContactTypeId k, AgentGroupId g,
                       double fallback);

}  // namespace ccsim::models
