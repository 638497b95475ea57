// models/scenario/validate_spec.h
// validate_spec: the scenario loader's rules checked on a ScenarioSpec built in code,
// so a hand-built spec gets the loader's one-line diagnostics, never undefined
// behaviour. run_scenario calls it first; every spec the loader returns passes it.
#pragma once

#include <vector>

#include "models/scenario/diagnostics.h"
#include "models/scenario/spec.h"

namespace ccsim::models {

// Every problem found in `spec`, in member order, at most about 20 (as the loader);
// empty when the spec can run. A pointer names the ScenarioSpec member in JSON Pointer
// syntax ("/agent_groups/1/staffing", "/contact_types/0/talk"), so it reads like the
// file's key where the two agree. Checked: sizes and ids (staffing and per_period have
// one value per period, group and type ids exist), value ranges (rates, durations,
// probabilities, distribution parameters, confidence), the router policy and the tables
// only it reads, the service-level target first in `targets`, the workforce with the
// loader's own rules (workforce_rules.h: staffing or shifts, shifts inside the day,
// breaks inside their shift and in time order, absenteeism and shrinkage in [0, 1), day
// mode only), and the loader's cross-checks (every type that reaches agents has a group,
// every group serves a type, something arrives, a steady state exists).
std::vector<Diagnostic> spec_problems(const ScenarioSpec& spec);

// Throws ScenarioError with spec_problems(spec) when there is any. Its file() is
// spec.source_file, or spec.name for a spec built in code ("scenario" if both are empty).
void validate_spec(const ScenarioSpec& spec);

}  // namespace ccsim::models
