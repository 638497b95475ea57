// models/scenario/load_edits.cc
// Scenario edits (`ccsim sweep --vary`): applied to the parsed document, so an edited
// scenario goes through exactly the decoding and validation of a file. Integers stay
// integers when the result is whole, so `staffing +1` still reads as a staffing plan.
#include <cmath>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "models/scenario/did_you_mean.h"
#include "models/scenario/load.h"
#include "models/scenario/load_internal.h"

namespace ccsim::models {
namespace {

using internal::Json;

// Applies x -> f(x) to every number under v; returns how many it changed.
template <class F>
std::size_t map_numbers(Json& v, const F& f) {
  if (v.is_number()) {
    const double y = f(v.get<double>());
    const bool whole = (v.is_number_integer() || v.is_number_unsigned()) && std::trunc(y) == y &&
                       std::abs(y) < 9.007199254740992e15;
    if (whole && y >= 0) v = static_cast<std::uint64_t>(y);
    else if (whole) v = static_cast<std::int64_t>(y);
    else v = y;
    return 1;
  }
  std::size_t n = 0;
  if (v.is_array() || v.is_object())
    for (Json& child : v) n += map_numbers(child, f);
  return n;
}

// The edit at one concrete pointer.
std::string apply_at(Json& doc, const Json::json_pointer& ptr, const ScenarioEdit& e) {
  if (e.op == ScenarioEdit::Op::Remove) {
    if (!doc.contains(ptr)) return "";
    Json& parent = doc[ptr.parent_pointer()];
    if (parent.is_object()) parent.erase(ptr.back());
    else parent.erase(std::stoul(ptr.back()));
    return "";
  }
  if (e.op == ScenarioEdit::Op::Set) {
    Json value;
    try {
      value = Json::parse(e.value);
    } catch (const nlohmann::json::exception&) {
      value = e.value;  // a bare word such as a policy or group name
    }
    if (doc.contains(ptr)) {
      doc[ptr] = std::move(value);
      return "";
    }
    // Missing keys are added, with any missing objects on the way (/rng/seed in a file
    // without "rng"), but only below an existing object: an index past an array's end
    // is an error, not a new element. Every missing segment becomes an object key, even
    // one that looks like an index: nlohmann's doc[ptr] would make "0" a new array and
    // "99999999999999999" an array of that many nulls (a fuzzer finding: bad_alloc).
    Json::json_pointer existing = ptr.parent_pointer();
    std::vector<std::string> missing{ptr.back()};
    while (!existing.empty() && !doc.contains(existing)) {
      missing.push_back(existing.back());
      existing = existing.parent_pointer();
    }
    Json* at = &doc[existing];
    if (!at->is_object()) return "no such value in the scenario, and its parent is not an object to add it to";
    for (auto key = missing.rbegin(); key != missing.rend(); ++key) {
      if (at->is_null()) *at = Json::object();
      at = &(*at)[*key];
    }
    *at = std::move(value);
    return "";
  }
  if (!doc.contains(ptr)) return "no such value in the scenario";
  double x = 0;
  std::size_t used = 0;
  try {
    x = std::stod(e.value, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used == 0 || used != e.value.size() || !std::isfinite(x))
    return fmt::format("{} needs a number; got \"{}\"", edit_operator(e.op), e.value);
  const std::size_t changed = e.op == ScenarioEdit::Op::Scale
                                  ? map_numbers(doc[ptr], [x](double y) { return y * x; })
                                  : map_numbers(doc[ptr], [x](double y) { return y + x; });
  if (changed == 0) return fmt::format("{} needs numbers to change; there are no numbers here", edit_operator(e.op));
  return "";
}

// The concrete pointers `pointer` stands for. In an array, a segment may be an index, the
// "name" of an element (/agent_groups/flex/staffing) or "*" (every element); the result
// is in document order. Segments past what exists are kept as written (a Set may add
// them). Throws std::invalid_argument with the diagnostic when a name matches nothing.
std::vector<Json::json_pointer> expand(const Json& doc, const Json::json_pointer& pointer) {
  std::vector<Json::json_pointer> out{Json::json_pointer()};
  Json::json_pointer rest = pointer;
  std::vector<std::string> tokens;
  while (!rest.empty()) {
    tokens.insert(tokens.begin(), rest.back());
    rest.pop_back();
  }
  for (const std::string& token : tokens) {
    std::vector<Json::json_pointer> next;
    for (const Json::json_pointer& at : out) {
      const Json* v = doc.contains(at) ? &doc[at] : nullptr;
      const bool is_index = !token.empty() && token.find_first_not_of("0123456789") == std::string::npos;
      if (!v || !v->is_array() || is_index) {
        next.push_back(at / token);
        continue;
      }
      std::vector<std::string> names;
      std::size_t matched = 0;
      for (std::size_t i = 0; i < v->size(); ++i) {
        const Json& element = (*v)[i];
        const Json* name = element.is_object() && element.contains("name") ? &element["name"] : nullptr;
        if (name && name->is_string()) names.push_back(name->get<std::string>());
        if (token == "*" || (name && name->is_string() && name->get<std::string>() == token)) {
          next.push_back(at / i);
          ++matched;
        }
      }
      if (matched == 0)
        throw std::invalid_argument(
            token == "*" ? fmt::format("{} is empty: \"*\" matches no element", at.to_string())
                         : fmt::format("no element of {} is named \"{}\"; names: {}{}", at.to_string(), token,
                                       internal::join_names(names), internal::did_you_mean(token, names)));
    }
    out = std::move(next);
  }
  return out;
}

// The diagnostic for an edit that cannot apply, or "" when it applied.
std::string apply(Json& doc, const ScenarioEdit& e) {
  Json::json_pointer pattern;
  try {
    pattern = Json::json_pointer(e.pointer);
  } catch (const nlohmann::json::exception&) {
    return "not a JSON pointer; expected one such as /agent_groups/0/staffing";
  }
  if (pattern.empty()) return "cannot replace the whole scenario; point at a value inside it";
  std::vector<Json::json_pointer> targets;
  try {
    targets = expand(doc, pattern);
  } catch (const std::invalid_argument& why) {
    return why.what();
  } catch (const nlohmann::json::exception&) {
    return "no such value in the scenario";  // an index nlohmann cannot even look up (too large)
  }
  for (const Json::json_pointer& ptr : targets) {
    std::string why;
    try {
      why = apply_at(doc, ptr, e);
    } catch (const nlohmann::json::exception&) {
      // apply_at follows only pointers it checked with contains(), so none is known to
      // throw; this keeps a pointer nlohmann cannot follow a located error, not exit 4.
      why = "no such value in the scenario, and it cannot be added there";
    }
    if (!why.empty())
      return targets.size() == 1 || ptr.to_string() == e.pointer ? why : fmt::format("{}: {}", ptr.to_string(), why);
  }
  return "";
}
}  // namespace

std::string_view edit_operator(ScenarioEdit::Op op) {
  switch (op) {
    case ScenarioEdit::Op::Set: return "=";
    case ScenarioEdit::Op::Scale: return "*=";
    case ScenarioEdit::Op::Add: return "+=";
    case ScenarioEdit::Op::Remove: return " removed";
  }
  return "?";
}

namespace {

// The parsed text with `edits` applied; `sink` holds what parsing found.
Json edited_document(std::string_view json_text, const std::string& file_label, const std::vector<ScenarioEdit>& edits,
                     internal::DiagnosticSink& sink) {
  Json doc = internal::parse_document(json_text, file_label, sink);
  std::vector<Diagnostic> failed;
  for (const ScenarioEdit& e : edits)
    if (std::string why = apply(doc, e); !why.empty())
      failed.push_back({e.pointer, fmt::format("--vary {}{}{}: {}", e.pointer, edit_operator(e.op), e.value, why)});
  if (!failed.empty()) throw ScenarioError(file_label, std::move(failed));
  return doc;
}

}  // namespace

ScenarioSpec load_scenario_text(std::string_view json_text, const std::string& file_label,
                                const std::vector<ScenarioEdit>& edits) {
  internal::DiagnosticSink sink;
  const Json doc = edited_document(json_text, file_label, edits, sink);
  return internal::decode_document(doc, file_label, sink);
}

ScenarioSpec load_scenario_file(const std::string& path, const std::vector<ScenarioEdit>& edits) {
  return load_scenario_text(internal::read_scenario_text(path), path, edits);
}

std::string edited_scenario_text(const std::string& path, const std::vector<ScenarioEdit>& edits) {
  internal::DiagnosticSink sink;
  return edited_document(internal::read_scenario_text(path), path, edits, sink).dump(2) + "\n";
}

}  // namespace ccsim::models
