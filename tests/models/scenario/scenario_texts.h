// tests/models/scenario/scenario_texts.h
// Small valid scenario texts that the loader tests edit with testing::with().
#pragma once

#include <string_view>

namespace ccsim::models::testing {

// A small valid day scenario; tests edit it with with().
inline constexpr std::string_view kDay = R"({
  "mode": "day",
  "period_s": 1800,
  "num_periods": 3,
  "contact_types": [
    { "name": "billing",
      "arrivals": { "process": "piecewise_poisson", "per_period": [120, 180, 150] },
      "talk": { "dist": "exponential", "mean_s": 240 },
      "patience": { "dist": "exponential", "mean_s": 300 } },
    { "name": "sales",
      "arrivals": { "process": "poisson", "rate_per_hour": 60 },
      "talk": { "dist": "lognormal", "mean_s": 300, "cv": 0.5 } }
  ],
  "agent_groups": [
    { "name": "support", "staffing": [10, 12, 11] },
    { "name": "tier1", "staffing": 4 }
  ],
  "router": { "type_to_group": { "billing": ["support", "tier1"], "sales": ["tier1"] } }
})";

// A small valid steady-state scenario.
inline constexpr std::string_view kSteady = R"({
  "mode": "steady_state",
  "steady_state": { "warmup_s": 600, "duration_s": 36000 },
  "contact_types": [
    { "name": "calls",
      "arrivals": { "process": "poisson", "rate_per_min": 2 },
      "talk": { "dist": "exponential", "mean_s": 180 } }
  ],
  "agent_groups": [ { "name": "agents", "staffing": 8 } ],
  "router": { "type_to_group": { "calls": ["agents"] } }
})";

}  // namespace ccsim::models::testing
