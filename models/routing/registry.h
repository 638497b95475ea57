// models/routing/registry.h
// AnyRouter: the closed set of routing policies, chosen once when a scenario loads;
// std::visit lets every decision inline. kRouterPolicyNames lists the names a
// scenario may ask for (the loader checks against it).
#pragma once

#include <array>
#include <string_view>
#include <variant>

#include "models/routing/queue_priority.h"
#include "models/scenario/spec.h"

namespace ccsim::models {

using AnyRouter = std::variant<QueuePriority>;

inline constexpr std::array<std::string_view, 1> kRouterPolicyNames = {QueuePriority::kName};

// Builds the policy named in spec.router from the validated spec's tables.
AnyRouter make_router(const ScenarioSpec& spec);

}  // namespace ccsim::models
