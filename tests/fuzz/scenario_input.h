// tests/fuzz/scenario_input.h
// The one entry the scenario fuzzer (scenario_fuzzer.cc) and the corpus replay test
// (scenario_corpus_test.cc) share: bytes through the loader and, for a scenario it
// accepts, the planning code and one replication small enough to cost milliseconds.
#pragma once

#include <string_view>

namespace ccsim::models::testing {

// How far an input went. Rejected: the loader threw ScenarioError (bad input is fine).
// Loaded: accepted, checked and planned, but its estimated run is too large to fuzz.
// Ran: accepted and one replication ran.
enum class ScenarioOutcome { Rejected, Loaded, Ran };

// Returns normally for any input ccsim handles as promised. Throws std::logic_error
// naming the broken promise (a loaded spec that validate_spec rejects, a diagnostic or a
// warning spanning two lines); any other exception escaping is a bug too (an
// InvariantError, std::bad_alloc, a raw nlohmann exception), as are a crash, a sanitizer
// report and a hang: a run far longer than its estimate shows as a fuzzer timeout.
ScenarioOutcome exercise_scenario(std::string_view bytes);

}  // namespace ccsim::models::testing
