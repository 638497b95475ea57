// models/scenario/steady_state_check.h
// Whether a steady-state scenario has a long-run average at all: a necessary condition
// on the work that callers who never abandon bring. One rule for the loader and validate_spec.
#pragma once

#include <optional>

#include "models/scenario/diagnostics.h"
#include "models/scenario/spec.h"

namespace ccsim::models::internal {

// Steady state only. Without trunks every arrival that passes the IVR eventually needs
// an agent. If the types that never abandon bring at least as much work as all the
// agents who can serve them, their queue grows without bound and a long-run average
// does not exist: returns the problem, located at the type that brings the most work.
// Types behind finite IVR ports count the share the ports pass (1 - Erlang B over every
// IVR type's port load: exact for Poisson arrivals and any IVR duration law), so ports
// that rarely fill change nothing. The types that abandon are left out, so the sum is a
// lower bound and the check never rejects a stable system; it is a necessary condition
// only: multi-skill pools can be unstable below it. Needs a spec whose ids and staffing sizes are valid.
std::optional<Diagnostic> steady_state_overload(const ScenarioSpec& spec);

}  // namespace ccsim::models::internal
