// tests/fuzz/sweep_edit_input.h
// The one entry the sweep edit fuzzer (sweep_edit_fuzzer.cc) and its corpus replay test
// (sweep_edit_corpus_test.cc) share: `ccsim sweep --vary` arguments through the argument
// parser (cli/sweep_vary.h), then as scenario edits on a small valid scenario through the
// loader (models/scenario/load.h), as `ccsim sweep` loads each point of its grid.
#pragma once

#include <string_view>

namespace ccsim::cli::testing {

// How far an input went. Rejected: no argument parsed, or no edit applied to a scenario
// that then loads. Loaded: at least one edited scenario loaded and passed validate_spec.
enum class SweepEditOutcome { Rejected, Loaded };

// The input is lines: each line starting with '/' is one --vary argument; a line "@N"
// picks the base scenario (tests/fuzz/corpus/scenario/tiny_*.json, N modulo their count,
// the first by default); other lines are ignored. Each argument's first and last values
// are applied alone, and the first values of all arguments together.
//
// Returns normally for any input ccsim handles as promised. Throws std::logic_error
// naming the broken promise: a parse error or diagnostic spanning two lines, a Vary with
// an empty or non-numeric value where numbers are needed, values that do not join back
// to the text they were split from, a loaded spec that validate_spec rejects. Any other
// exception escaping (a raw nlohmann exception, std::out_of_range) is a bug too.
SweepEditOutcome exercise_sweep_edits(std::string_view bytes);

}  // namespace ccsim::cli::testing
