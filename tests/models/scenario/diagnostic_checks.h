// tests/models/scenario/diagnostic_checks.h
// Helpers for tests of located errors (the scenario loader, the baseline reader): edit a
// valid text with with(), collect the diagnostics a reader throws, check for one or exactly one.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "models/scenario/diagnostics.h"
#include "models/scenario/load.h"

namespace ccsim::models::testing {

// `base` with the single occurrence of `from` replaced by `to`.
inline std::string with(std::string_view base, std::string_view from, std::string_view to) {
  std::string s(base);
  const auto pos = s.find(from);
  if (pos == std::string::npos || s.find(from, pos + 1) != std::string::npos) {
    ADD_FAILURE() << "with(): \"" << from << "\" must occur exactly once";
    return s;
  }
  s.replace(pos, from.size(), to);
  return s;
}

// `text` (kDay, edited) with billing's patience followed by `keys` (each with its leading comma).
inline std::string billing_with(std::string_view text, const std::string& keys) {
  return with(text, R"("patience": { "dist": "exponential", "mean_s": 300 } })",
              R"("patience": { "dist": "exponential", "mean_s": 300 })" + keys + " }");
}

inline std::string dump(const std::vector<Diagnostic>& ds) {
  std::string out;
  for (const Diagnostic& d : ds) out += "  [" + d.pointer + "] " + d.message + "\n";
  return out;
}

// The diagnostics that read(text) must throw, labelled `file`.
template <class Read>
std::vector<Diagnostic> diagnostics_of(Read read, std::string_view text, const std::string& file) {
  try {
    read(text, file);
  } catch (const ScenarioError& e) {
    EXPECT_EQ(e.file(), file);
    return e.diagnostics();
  }
  ADD_FAILURE() << "expected a ScenarioError";
  return {};
}

// The diagnostics the scenario loader must throw for `text`, labelled t.json.
inline std::vector<Diagnostic> errors_of(std::string_view text) {
  return diagnostics_of([](std::string_view t, const std::string& f) { load_scenario_text(t, f); }, text, "t.json");
}

// Some diagnostic has this pointer and this exact message.
inline void expect_has(const std::vector<Diagnostic>& ds, const std::string& pointer, const std::string& message) {
  for (const Diagnostic& d : ds)
    if (d.pointer == pointer && d.message == message) return;
  ADD_FAILURE() << "no diagnostic [" << pointer << "] " << message << "\namong:\n" << dump(ds);
}

// Exactly one diagnostic, with this pointer and this message.
inline void expect_single(const std::vector<Diagnostic>& ds, const std::string& pointer, const std::string& message) {
  ASSERT_EQ(ds.size(), 1u) << dump(ds);
  EXPECT_EQ(ds[0].pointer, pointer);
  EXPECT_EQ(ds[0].message, message);
}

}  // namespace ccsim::models::testing
