#include "models/routing/overflow_after_delay.h"

#include <algorithm>

#include "models/routing/group_order.h"

namespace ccsim::models {

OverflowAfterDelay::OverflowAfterDelay(std::vector<std::vector<AgentGroupId>> type_to_groups,
                                       const std::vector<std::vector<double>>& delays_s,
                                       const std::vector<std::uint32_t>& type_priority, std::size_t num_groups,
                                       const std::vector<std::vector<ContactTypeId>>& group_order)
    : type_options_(type_to_groups.size()), group_to_types_(num_groups), timers_(type_to_groups.size()) {
  auto delay_of = [&](std::size_t k, std::size_t i) {
    return k < delays_s.size() && !delays_s[k].empty() ? delays_s[k][i] : 0.0;
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
  const auto ranked = ranked_types_per_group(type_to_groups, type_priority, num_groups, group_order);
  for (std::size_t g = 0; g < num_groups; ++g)
    for (const RankedType& t : ranked[g])
      group_to_types_[g].push_back(Served{make_id<QueueId>(index(t.type)), t.rank,
                                          value_for_group(type_to_groups, delays_s, t.type, make_id<AgentGroupId>(g), 0.0)});
}

}  // namespace ccsim::models
