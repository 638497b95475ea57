// cli/sweep_vary.h
// The argument of `ccsim sweep --vary`: POINTER=VALUES, POINTER*=FACTORS or
// POINTER+=AMOUNTS, read into the edits each point of the grid applies (docs/sweep.md).
// Apart from the command so that the sweep edit fuzzer (tests/fuzz/) reaches it alone.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "models/scenario/load.h"

namespace ccsim::cli {

inline constexpr std::size_t kMaxValuesPerVary = 1000;

struct Vary {
  std::string pointer;
  models::ScenarioEdit::Op op = models::ScenarioEdit::Op::Set;
  std::vector<std::string> values;  // as written (a range already expanded), at most kMaxValuesPerVary

  std::string header() const { return pointer + std::string(models::edit_operator(op)); }
};

// Values are split at top-level commas only ("[10,12],[11,13]" is two staffing plans);
// "FROM..TO[:STEP]" with numeric ends is a range, both ends included. Throws
// std::invalid_argument with a one-line message (without the argument itself) when
// `arg` is not a --vary argument.
Vary parse_vary(const std::string& arg);

}  // namespace ccsim::cli
