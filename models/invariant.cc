#include "models/invariant.h"

#include <fmt/format.h>

#include "models/scenario/message_text.h"

namespace ccsim::models {

void fail_invariant(double now_s, std::string_view event, std::string_view entities, std::string_view what) {
  // Entities are named by the scenario, whose names may hold control characters.
  throw InvariantError(fmt::format("at t={}s in {}({}): {}", now_s, event, internal::escape_controls(entities), what));
}

}  // namespace ccsim::models
