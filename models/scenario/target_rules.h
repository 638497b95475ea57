// models/scenario/target_rules.h
// The rules on a target's level and scope, written once for the loader
// (load_targets.cc) and for validate_spec: which KPIs a contact type or an agent group
// has (over the day, per interval), and which scopes a mode has. Names and indices are
// checked by each caller; these rules take a target whose type and group are valid.
#pragma once

#include <optional>
#include <string>

#include "models/scenario/spec.h"

namespace ccsim::models::internal {

// Why the target cannot be judged as written, or none. Messages are whole sentences
// about the target's "kpi" (or "scope"): the caller locates them.
struct TargetProblem {
  enum class Where { Kpi, Scope, Level } where;
  std::string message;
};
std::optional<TargetProblem> target_problem(const TargetSpec& t, RunMode mode);

// The day-scope service-level target of each contact type with its own service level,
// in type order: what the loader adds after the scenario's own (targets[0]).
std::vector<TargetSpec> type_service_level_targets(const ScenarioSpec& spec);

}  // namespace ccsim::models::internal
