// models/routing/overflow_after_delay.h
// overflow_after_delay: a waiting call becomes eligible for the i-th group of its type's
// list only once it has waited delay_s[i] seconds (specialists first, generalists after
// a delay), the most common rule of real ACDs. An arrival goes to the first group with
// an idle agent among those with delay 0; a freed agent takes, among the heads it is
// eligible for, the best rank (group_to_type order, else type priority), then the
// longest wait. When a call's delay for a group runs out, CallCenter re-offers idle
// agents of that group (timers()). With every delay 0 this is queue_priority exactly.
// Delayed overflow as described for ACDs by Gans, Koole and Mandelbaum, "Telephone
// call centers: tutorial, review, and research prospects", MSOM 5(2), 2003.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "models/ids.h"
#include "models/routing/best_head.h"
#include "models/routing/router_policy.h"

namespace ccsim::models {

class OverflowAfterDelay {
 public:
  static constexpr std::string_view kName = "overflow_after_delay";

  // type_to_groups[k] and delays_s[k] are parallel (delays_s[k] empty: all 0);
  // type_priority and group_order as for QueuePriority.
  OverflowAfterDelay(std::vector<std::vector<AgentGroupId>> type_to_groups,
                     const std::vector<std::vector<double>>& delays_s, const std::vector<std::uint32_t>& type_priority,
                     std::size_t num_groups, const std::vector<std::vector<ContactTypeId>>& group_order);

  RouteDecision on_arrival(const Contact& c, const RoutingView& v) const {
    const std::vector<Option>& options = type_options_[index(c.type)];
    for (const Option& o : options)
      if (o.delay_s == 0.0 && v.idle(o.group) > 0) return ServeBy{o.group};
    if (options.empty()) return Block{BlockReason::NoEligibleGroup};
    return Enqueue{make_id<QueueId>(index(c.type))};
  }

  std::optional<QueueId> on_agent_free(AgentGroupId g, const RoutingView& v) const {
    // Written as the timer's own sum, so a call is eligible exactly at its timer. Only
    // the head is looked at: FIFO, so no later call of that queue is eligible either.
    const auto eligible = [&](const Served& s, double since) { return !(v.now_s() < since + s.delay_s); };
    return best_head(group_to_types_[index(g)], v, eligible, [](const Served&, double since) { return since; });
  }

  // The positive delays of type k's list, shortest first, with their groups.
  std::span<const EligibilityTimer> timers(ContactTypeId k) const { return timers_[index(k)]; }

 private:
  struct Option {
    AgentGroupId group;
    double delay_s;
  };
  struct Served {
    QueueId queue;
    std::uint32_t rank;
    double delay_s;
  };
  std::vector<std::vector<Option>> type_options_;
  std::vector<std::vector<Served>> group_to_types_;  // sorted by (rank, type id)
  std::vector<std::vector<EligibilityTimer>> timers_;
};
static_assert(RouterPolicy<OverflowAfterDelay>);

}  // namespace ccsim::models
