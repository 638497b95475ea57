#include "models/routing/longest_weighted_wait.h"

#include <algorithm>

namespace ccsim::models {

LongestWeightedWait::LongestWeightedWait(std::vector<std::vector<AgentGroupId>> type_to_groups,
                                         const std::vector<std::vector<double>>& weights,
                                         const std::vector<std::uint32_t>& type_priority, std::size_t num_groups,
                                         const std::vector<std::vector<ContactTypeId>>& group_order)
    : type_to_groups_(std::move(type_to_groups)), group_to_types_(num_groups) {
  auto weight_for = [&](std::size_t k, AgentGroupId g) {
    if (k >= weights.size() || weights[k].empty()) return 1.0;
    const auto& groups = type_to_groups_[k];
    return weights[k][static_cast<std::size_t>(std::find(groups.begin(), groups.end(), g) - groups.begin())];
  };
  for (std::size_t g = 0; g < num_groups; ++g) {
    const AgentGroupId group = make_id<AgentGroupId>(g);
    if (g < group_order.size() && !group_order[g].empty()) {
      for (ContactTypeId k : group_order[g])
        group_to_types_[g].push_back(Served{make_id<QueueId>(index(k)), weight_for(index(k), group)});
      continue;
    }
    std::vector<std::size_t> types;
    for (std::size_t k = 0; k < type_to_groups_.size(); ++k)
      if (std::find(type_to_groups_[k].begin(), type_to_groups_[k].end(), group) != type_to_groups_[k].end())
        types.push_back(k);
    std::stable_sort(types.begin(), types.end(),
                     [&](std::size_t a, std::size_t b) { return type_priority[a] < type_priority[b]; });
    for (std::size_t k : types) group_to_types_[g].push_back(Served{make_id<QueueId>(k), weight_for(k, group)});
  }
}

}  // namespace ccsim::models
