#include "models/routing/queue_priority.h"

#include <algorithm>

namespace ccsim::models {

QueuePriority::QueuePriority(std::vector<std::vector<AgentGroupId>> type_to_groups,
                             std::vector<std::uint32_t> type_priority, std::size_t num_groups,
                             const std::vector<std::vector<ContactTypeId>>& group_order,
                             std::vector<Reservation> reservations)
    : type_to_groups_(std::move(type_to_groups)), group_to_types_(num_groups), reservations_(std::move(reservations)) {
  const bool any = std::any_of(reservations_.begin(), reservations_.end(),
                               [](const Reservation& r) { return r.agents > 0; });
  if (!any) reservations_.clear();  // the common case takes the plain path
  else reservations_.resize(num_groups);
  for (std::size_t g = 0; g < num_groups; ++g) {
    if (g < group_order.size() && !group_order[g].empty()) {
      for (std::size_t i = 0; i < group_order[g].size(); ++i)
        group_to_types_[g].push_back(
            Served{make_id<QueueId>(index(group_order[g][i])), static_cast<std::uint32_t>(i)});
      continue;
    }
    for (std::size_t k = 0; k < type_to_groups_.size(); ++k)
      for (AgentGroupId grp : type_to_groups_[k])
        if (index(grp) == g) group_to_types_[g].push_back(Served{make_id<QueueId>(k), type_priority[k]});
    std::stable_sort(group_to_types_[g].begin(), group_to_types_[g].end(),
                     [](const Served& a, const Served& b) { return a.rank < b.rank; });
  }
}

}  // namespace ccsim::models
