// models/scenario/router_tables.h
// The router tables that only one policy reads, by the name of that policy: the loader
// and validate_spec reject such a table under another policy.
#pragma once

#include <algorithm>
#include <string_view>

#include "models/routing/policy_names.h"

namespace ccsim::models::internal {

// The only policy that reads /router/overflow_delays_s (ContactTypeSpec::overflow_delay_s).
inline constexpr std::string_view kOverflowAfterDelayPolicy = "overflow_after_delay";
static_assert(std::ranges::find(kRouterPolicyNames, kOverflowAfterDelayPolicy) != kRouterPolicyNames.end());
// The only policy that reads /router/wait_weights (ContactTypeSpec::wait_weight).
inline constexpr std::string_view kLongestWeightedWaitPolicy = "longest_weighted_wait";
static_assert(std::ranges::find(kRouterPolicyNames, kLongestWeightedWaitPolicy) != kRouterPolicyNames.end());
// The only policy that reads /router/reservations (AgentGroupSpec::reserved_agents).
inline constexpr std::string_view kQueuePriorityPolicy = "queue_priority";
static_assert(std::ranges::find(kRouterPolicyNames, kQueuePriorityPolicy) != kRouterPolicyNames.end());

}  // namespace ccsim::models::internal
