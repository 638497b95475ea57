// models/routing/policy_names.h
// The routing policy names a scenario may ask for, in one place: the loader checks
// against this list and registry.cc maps each name to its policy.
#pragma once

#include <array>
#include <string_view>

namespace ccsim::models {

inline constexpr std::array<std::string_view, 6> kRouterPolicyNames = {
    "queue_priority",     "overflow_after_delay", "longest_weighted_wait",
    "longest_idle_agent", "random_idle_agent",    "earliest_due_first"};

}  // namespace ccsim::models
