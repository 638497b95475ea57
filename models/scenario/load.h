// models/scenario/load.h
// Reads a scenario file (docs/scenario-format.md) into a validated ScenarioSpec with
// every name resolved to a dense id. Any problem throws one ScenarioError carrying all
// diagnostics found (at most about 20), each located by a JSON Pointer.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

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

// A change to a scenario document, made before it is decoded (`ccsim sweep --vary`).
// Set replaces the value at `pointer` (or adds the key, and any missing objects on the
// way, below an existing object) with
// `value`, read as JSON, or as a string when it is not JSON (so `queue_priority` needs no
// quotes). Scale multiplies and Add adds the number `value` to every number under
// `pointer` (one number, an array such as a staffing plan, or a whole object). Remove
// deletes the value at `pointer` when there is one (value unused).
struct ScenarioEdit {
  enum class Op : std::uint8_t { Set, Scale, Add, Remove };
  std::string pointer;
  Op op = Op::Set;
  std::string value;
};

// "=", "*=" or "+=", as written on the command line.
std::string_view edit_operator(ScenarioEdit::Op op);

// The file with `edits` applied in order, then decoded and validated as usual. An edit
// that cannot apply (no such pointer, no number under it, a value that is not a number
// for Scale/Add) is a diagnostic at the edit's pointer.
ScenarioSpec load_scenario_file(const std::string& path, const std::vector<ScenarioEdit>& edits);
// The same on scenario text, `file_label` standing for the file as above.
ScenarioSpec load_scenario_text(std::string_view json_text, const std::string& file_label,
                                const std::vector<ScenarioEdit>& edits);

// The file with `edits` applied, as JSON text (indented, keys in the file's order), not
// decoded: a scenario derived from another (`ccsim staff --write-scenario`). Throws
// ScenarioError as load_scenario_file does.
std::string edited_scenario_text(const std::string& path, const std::vector<ScenarioEdit>& edits);

}  // namespace ccsim::models
