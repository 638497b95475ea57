// models/scenario/cost_rules.h
// The rules on costs (docs/kpis.md#cost), written once for the loader and validate_spec:
// every cost finite and >= 0, and agent costs on every group or on none (a group without
// one would cost nothing and look cheap to `ccsim staff`).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "models/scenario/diagnostics.h"
#include "models/scenario/spec.h"

namespace ccsim::models::internal {

// What is wrong with one cost value ("must be >= 0 ..."), none when it is a valid cost.
std::optional<std::string> cost_value_problem(double x);

// The first group g without a cost (priced[g] false) when another group has one, located
// at group_pointers[g]; none when every group or none has one. A cost given but invalid
// counts as given: its own problem is reported where it is.
std::optional<Diagnostic> cost_coverage_problem(const ScenarioSpec& spec, const std::vector<bool>& priced,
                                                const std::vector<std::string>& group_pointers);

}  // namespace ccsim::models::internal
