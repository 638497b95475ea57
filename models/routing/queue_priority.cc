#include "models/routing/queue_priority.h"

#include <algorithm>

#include "models/routing/group_order.h"

namespace ccsim::models {

QueuePriority::QueuePriority(std::vector<std::vector<AgentGroupId>> type_to_groups,
                             std::vector<std::uint32_t> type_priority, std::size_t num_groups,
                             const std::vector<std::vector<ContactTypeId>>& group_order,
                             std::vector<Reservation> reservations)
    : type_to_groups_(std::move(type_to_groups)), group_to_types_(num_groups), reservations_(std::move(reservations)) {
  // Without any reservation the table stays empty and decisions take the plain path.
  if (std::none_of(reservations_.begin(), reservations_.end(), [](const Reservation& r) { return r.agents > 0; }))
    reservations_.clear();
  else
    reservations_.resize(num_groups);
  const auto ranked = ranked_types_per_group(type_to_groups_, type_priority, num_groups, group_order);
  for (std::size_t g = 0; g < num_groups; ++g)
    for (const RankedType& t : ranked[g]) group_to_types_[g].push_back(Served{make_id<QueueId>(index(t.type)), t.rank});
}

}  // namespace ccsim::models
