#include "models/routing/overflow_after_delay.h"

#include <algorithm>

namespace ccsim::models {

OverflowAfterDelay::OverflowAfterDelay(std::vector<std::vector<AgentGroupId>> type_to_groups,
                                       const std::vector<std::vector<double>>& delays_s,
                                       const std::vector<std::uint32_t>& type_priority, std::size_t num_groups,
                                       const std::vector<std::vector<ContactTypeId>>& group_order)
    : type_options_(type_to_groups.size()), group_to_types_(num_groups), timers_(type_to_groups.size()) {
  auto delay_of = [&](std::size_t k, std::size_t i) {
    return k < delays_s.size() && !delays_s[k].empty() ? delays_s[k][i] : 0.0;
  };
  auto delay_for = [&](std::size_t k, AgentGroupId g) {
    const auto& groups = type_to_groups[k];
    return delay_of(k, static_cast<std::size_t>(std::find(groups.begin(), groups.end(), g) - groups.begin()));
  };
  for (std::size_t k = 0; k < type_to_groups.size(); ++k) {
    for (std::size_t i = 0; i < type_to_groups[k].size(); ++i) {
      const double d = delay_of(k, i);
      type_options_[k].push_back(Option{type_to_groups[k][i], d});
      if (d > 0.0) timers_[k].push_back(EligibilityTimer{d, type_to_groups[k][i]});
    }
    std::stable_sort(timers_[k].begin(), timers_[k].end(),
                     [](const EligibilityTimer& a, const EligibilityTimer& b) { return a.delay_s < b.delay_s; });
  }
  for (std::size_t g = 0; g < num_groups; ++g) {
    const AgentGroupId group = make_id<AgentGroupId>(g);
    if (g < group_order.size() && !group_order[g].empty()) {
      for (std::size_t i = 0; i < group_order[g].size(); ++i) {
        const std::size_t k = index(group_order[g][i]);
        group_to_types_[g].push_back(Served{make_id<QueueId>(k), static_cast<std::uint32_t>(i), delay_for(k, group)});
      }
      continue;
    }
    for (std::size_t k = 0; k < type_to_groups.size(); ++k)
      for (AgentGroupId grp : type_to_groups[k])
        if (grp == group) group_to_types_[g].push_back(Served{make_id<QueueId>(k), type_priority[k], delay_for(k, group)});
    std::stable_sort(group_to_types_[g].begin(), group_to_types_[g].end(),
                     [](const Served& a, const Served& b) { return a.rank < b.rank; });
  }
}

}  // namespace ccsim::models
