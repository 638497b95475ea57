// models/scenario/load.h
// Reads a scenario file (docs/scenario-format.md) into a validated ScenarioSpec with
// every name resolved to a dense id. Any problem throws one ScenarioError carrying all
// diagnostics found (at most about 20), each located by a JSON Pointer.
#pragma once

#include <string>
#include <string_view>

#include "models/scenario/diagnostics.h"
#include "models/scenario/spec.h"

namespace ccsim::models {

// Reads and decodes the file at `path`. A missing or unreadable file is a ScenarioError
// with one whole-document diagnostic (pointer ""). spec.source_file == path; the
// default spec.name is the file stem ("scenarios/bench/model_a.json" -> "model_a").
ScenarioSpec load_scenario_file(const std::string& path);

// Decodes scenario text. `file_label` stands for the file in messages, in
// spec.source_file and (by its stem) in the default spec.name.
ScenarioSpec load_scenario_text(std::string_view json_text, const std::string& file_label);

}  // namespace ccsim::models
