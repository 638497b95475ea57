// models/planning/warnings.h
// Sanity warnings: what a scenario plans that is legal but almost surely not what the
// planner meant, or a day that cannot go well (offered load above the agents who can
// take it). Never errors: the run goes on, and every report shows them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "models/scenario/spec.h"

namespace ccsim::models {

struct Warning {
  std::string_view code;  // stable, for scripts: see docs/targets.md#warnings
  std::string message;    // one line, for people
  std::optional<ContactTypeId> type;
  std::vector<std::uint32_t> intervals;  // the intervals concerned, if any
};

// The spec must be valid (validate_spec) and its run size accepted (IntervalPlan). Cheap:
// O(intervals x (types + groups) + planned breaks).
std::vector<Warning> scenario_warnings(const ScenarioSpec& spec);

}  // namespace ccsim::models
