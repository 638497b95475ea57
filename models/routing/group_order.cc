#include "models/routing/group_order.h"

#include <algorithm>

namespace ccsim::models {

std::vector<std::vector<RankedType>> ranked_types_per_group(
    const std::vector<std::vector<AgentGroupId>>& type_to_groups, const std::vector<std::uint32_t>& type_priority,
    std::size_t num_groups, const std::vector<std::vector<ContactTypeId>>& group_order) {
  std::vector<std::vector<RankedType>> ranked(num_groups);
  for (std::size_t k = 0; k < type_to_groups.size(); ++k)
    for (AgentGroupId g : type_to_groups[k]) {
      const std::size_t gi = index(g);
      if (gi < group_order.size() && !group_order[gi].empty()) continue;
      ranked[gi].push_back(RankedType{make_id<ContactTypeId>(k), type_priority[k]});
    }
  for (std::size_t g = 0; g < num_groups; ++g) {
    if (g < group_order.size() && !group_order[g].empty()) {
      for (std::size_t i = 0; i < group_order[g].size(); ++i)
        ranked[g].push_back(RankedType{group_order[g][i], static_cast<std::uint32_t>(i)});
      continue;
    }
    std::stable_sort(ranked[g].begin(), ranked[g].end(),
                     [](const RankedType& a, const RankedType& b) { return a.rank < b.rank; });
  }
  return ranked;
}

double value_for_group(const std::vector<std::vector<AgentGroupId>>& type_to_groups,
                       const std::vector<std::vector<double>>& values, ContactTypeId k, AgentGroupId g,
                       double fallback) {
  const std::size_t ki = index(k);
  if (ki >= values.size() || values[ki].empty()) return fallback;
  const auto& groups = type_to_groups[ki];
  return values[ki][static_cast<std::size_t>(std::find(groups.begin(), groups.end(), g) - groups.begin())];
}

}  // namespace ccsim::models
