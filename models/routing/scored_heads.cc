#include "models/routing/scored_heads.h"

#include "models/routing/group_order.h"

namespace ccsim::models {

ScoredHeads::ScoredHeads(std::vector<std::vector<AgentGroupId>> type_to_groups,
                         const std::vector<std::uint32_t>& type_priority, std::size_t num_groups,
                         const std::vector<std::vector<ContactTypeId>>& group_order,
                         const std::function<double(ContactTypeId, AgentGroupId)>& value)
    : type_to_groups_(std::move(type_to_groups)), group_to_types_(num_groups) {
  const auto ranked = ranked_types_per_group(type_to_groups_, type_priority, num_groups, group_order);
  for (std::size_t g = 0; g < num_groups; ++g)
    for (const RankedType& t : ranked[g])
      group_to_types_[g].push_back(Served{make_id<QueueId>(index(t.type)), value(t.type, make_id<AgentGroupId>(g))});
}

}  // namespace ccsim::models
