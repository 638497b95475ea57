// models/invariant.h
// InvariantError: a model bug caught at run time (never bad input). The message gives
// the simulation time, the event and the entities; the CLI exits with code 4.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

#include "models/events.h"

namespace ccsim::models {

class InvariantError : public std::logic_error {
 public:
  using std::logic_error::logic_error;
};

// Built off the hot path: callers test the cheap condition and call this on failure.
[[noreturn]] void fail_invariant(double now_s, std::string_view event, std::string_view entities,
                                 std::string_view what);

}  // namespace ccsim::models
