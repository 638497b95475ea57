#include "models/routing/longest_weighted_wait.h"

#include "models/routing/group_order.h"

namespace ccsim::models {

LongestWeightedWait::LongestWeightedWait(std::vector<std::vector<AgentGroupId>> type_to_groups,
                                         const std::vector<std::vector<double>>& weights,
                                         const std::vector<std::uint32_t>& type_priority, std::size_t num_groups,
                                         const std::vector<std::vector<ContactTypeId>>& group_order)
    : ScoredHeads(type_to_groups, type_priority, num_groups, group_order,
                  [&](ContactTypeId k, AgentGroupId g) {
                    return value_for_group(type_to_groups, weights, k, g, 1.0);
                  }) {}

}  // namespace ccsim::models
