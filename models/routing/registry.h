// models/routing/registry.h
// AnyRouter: the closed set of routing policies, chosen once when a scenario loads;
// std::visit lets every decision inline.
#pragma once

#include <variant>

#include "models/routing/earliest_due_first.h"
#include "models/routing/longest_idle_agent.h"
#include "models/routing/longest_weighted_wait.h"
#include "models/routing/overflow_after_delay.h"
#include "models/routing/policy_names.h"
#include "models/routing/queue_priority.h"
#include "models/routing/random_idle_agent.h"
#include "models/scenario/spec.h"

namespace ccsim::models {

using AnyRouter = std::variant<QueuePriority, OverflowAfterDelay, LongestWeightedWait, LongestIdleAgent,
                               RandomIdleAgent, EarliestDueFirst>;

static_assert(kRouterPolicyNames[0] == QueuePriority::kName);
static_assert(kRouterPolicyNames[1] == OverflowAfterDelay::kName);
static_assert(kRouterPolicyNames[2] == LongestWeightedWait::kName);
static_assert(kRouterPolicyNames[3] == LongestIdleAgent::kName);
static_assert(kRouterPolicyNames[4] == RandomIdleAgent::kName);
static_assert(kRouterPolicyNames[5] == EarliestDueFirst::kName);

// Whether the router asks for a uniform per routed arrival, and for idle agents by position.
bool router_draws_on_arrival(const AnyRouter& router);
bool router_picks_idle_agent(const AnyRouter& router);

// Builds the policy named in spec.router from the validated spec's tables.
AnyRouter make_router(const ScenarioSpec& spec);

}  // namespace ccsim::models
