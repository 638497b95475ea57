// models/scenario/redial_rules.h
// The rules that tie a redial's values together (docs/scenario-format.md#redials), written
// once for the loader and validate_spec. Each value's own range (a probability, a law) is
// checked where it is read.
#pragma once

#include <string>
#include <vector>

#include "models/scenario/diagnostics.h"
#include "models/scenario/spec.h"

namespace ccsim::models::internal {

// Most attempts a scenario may ask for: a customer past this is a scenario error, not a
// caller (and the count fits the contact record).
inline constexpr std::uint32_t kMaxRedialAttempts = 1000;
// Most values in p_by_attempt.
inline constexpr std::size_t kMaxRedialProbabilities = 100;

// The problems of `r`, located under `ptr` (the contact type's /redial): no outcome to
// follow, more probabilities than redials, or a customer who would never stop calling.
std::vector<Diagnostic> redial_problems(const RedialSpec& r, const std::string& ptr);

}  // namespace ccsim::models::internal
