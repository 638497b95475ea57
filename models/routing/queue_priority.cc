#include "models/routing/queue_priority.h"

#include <algorithm>

namespace ccsim::models {

QueuePriority::QueuePriority(std::vector<std::vector<AgentGroupId>> type_to_groups,
                             std::vector<std::uint32_t> type_priority, std::size_t num_groups)
    : type_to_groups_(std::move(type_to_groups)), group_to_types_(num_groups) {
  for (std::size_t k = 0; k < type_to_groups_.size(); ++k)
    for (AgentGroupId g : type_to_groups_[k])
      group_to_types_[index(g)].push_back(Served{make_id<QueueId>(k), type_priority[k]});
  for (auto& served : group_to_types_)
    std::stable_sort(served.begin(), served.end(),
                     [](const Served& a, const Served& b) { return a.priority < b.priority; });
}

}  // namespace ccsim::models
