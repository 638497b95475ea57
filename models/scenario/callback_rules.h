// models/scenario/callback_rules.h
// The rules on what a caller told its wait does: take a callback, tied to the contact type
// that serves it (docs/scenario-format.md#callbacks), or balk by the wait it was told
// (#balking); written once for the loader and validate_spec. Each value's own range (a
// probability, a law) is checked where it is read.
#pragma once

#include <string>
#include <vector>

#include "models/scenario/diagnostics.h"
#include "models/scenario/spec.h"

namespace ccsim::models::internal {

// Most dials a callback may be given: a number past this is a scenario error, and the
// count fits the contact record.
inline constexpr std::uint32_t kMaxCallbackDials = 100;

// The problems of a balking table by announced wait, located under `ptr`: its above_s
// must increase from step to step.
std::vector<Diagnostic> balk_step_problems(const std::vector<ContactTypeSpec::BalkStep>& steps,
                                           const std::string& ptr);

// Whether type k serves some type's callbacks (it is a callback's `to`).
bool is_callback_type(const IdVector<ContactTypeId, ContactTypeSpec>& types, ContactTypeId k);

// The problems of every type's callback, located under type_pointers[k] + "/callback", and
// of each type that serves callbacks: it is not the caller's own type; it takes no calls
// of its own (arrivals, transfers in, returns), has nothing a caller on the line would do
// (IVR, patience, maximum wait, balking, redials, callbacks), since its contacts are
// customers waiting off the line, and sends nobody on (transfers, returns), so that no
// customer loops through callbacks; more than one dial needs a retry delay, one dial none.
std::vector<Diagnostic> callback_problems(const IdVector<ContactTypeId, ContactTypeSpec>& types,
                                          const std::vector<std::string>& type_pointers);

}  // namespace ccsim::models::internal
