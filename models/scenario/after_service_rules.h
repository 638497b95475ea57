// models/scenario/after_service_rules.h
// The rules on what follows a service (docs/scenario-format.md#transfers-and-returns),
// written once for the loader and validate_spec: a type's transfer probabilities add up
// to at most 1, name each other type once and never the type itself; no call can be
// transferred or return for ever (every chain of transfers and returns ends with
// probability 1); and no loop joins more types than planning solves at once. Each
// value's own range is checked where it is read.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "models/scenario/diagnostics.h"
#include "models/scenario/spec.h"

namespace ccsim::models::internal {

// The problems of type `self`'s transfers, located under `ptr` (the type's /transfers).
std::vector<Diagnostic> transfer_problems(const std::vector<TransferSpec>& transfers, ContactTypeId self,
                                          const std::string& ptr);

// A loop of transfers and returns that joins more than kMaxLoopTypes types
// (follow_up_flows.h), or a type from which every chain goes on for ever (each type on it
// is transferred or returns with probability 1, only to types like it), located at
// type_pointers[k] + "/transfers" or "/returns"; none when every chain ends.
std::optional<Diagnostic> follow_up_loop_problem(const IdVector<ContactTypeId, ContactTypeSpec>& types,
                                                 const std::vector<std::string>& type_pointers);

// The probabilities that a call of type t is transferred to each of its transfers' types,
// and that it returns, as a run draws them (models/call_center_service.cc): one uniform
// against the running sum of the transfer probabilities, which decimals may take a hair
// above 1 (the rules allow 1e-9), leaving the last transfers only what is below 1; then a
// return of a call not transferred. The planning sums use these, so that no type sends on
// more than all its calls and the traffic equations keep a finite, positive solution.
struct FollowUpOdds {
  std::vector<double> transfer;  // one per t.transfers, in its order
  double returns = 0.0;          // 0 without t.returns
};
FollowUpOdds follow_up_odds(const ContactTypeSpec& t);

// The calls each type is offered, counting the transferred legs and the returns that the
// fresh calls lead to: the solution of offered = fresh + P^T offered, where P[k][j] is the
// probability that a call of type k leads to one of type j (a transfer, or a return of a
// call not transferred). It assumes every call is served, so it errs high. Solved exactly
// (follow_up_flows.h), however persistent the returns. Precondition: follow_up_loop_problem
// found nothing (the series converges).
std::vector<double> offered_with_follow_ups(const IdVector<ContactTypeId, ContactTypeSpec>& types,
                                            const std::vector<double>& fresh);

}  // namespace ccsim::models::internal
