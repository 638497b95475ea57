// models/planning/interval_plan.h
// What a day scenario plans, interval by interval, before any simulation: the contacts
// each type is expected to bring to the agents and the work they bring (offered load, in
// erlangs), and the agents each group schedules and expects to have productive. The
// sanity warnings compare the two; a staffing search can start from them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "models/scenario/spec.h"

namespace ccsim::models {

class IntervalPlan {
 public:
  // Day mode; the spec must be valid (validate_spec). O(intervals x (types + groups) +
  // agents x breaks); it builds the roster, one record per scheduled agent as a run does,
  // so a caller checks the run size first (run_size.h), as the CLI does.
  explicit IntervalPlan(const ScenarioSpec& spec);

  std::uint32_t intervals() const { return intervals_; }

  // Expected arrivals of type k in interval i (before the IVR).
  double arrivals(std::uint32_t i, ContactTypeId k) const { return arrivals_[i * types_ + index(k)]; }
  // Expected arrivals that reach the agents (after the IVR) times the type's mean handle
  // time (talk and wrap-up, at the smallest handle-time multiplier of its groups), per
  // second of the interval: the erlangs the type asks of its groups.
  double load_erlangs(std::uint32_t i, ContactTypeId k) const { return load_[i * types_ + index(k)]; }
  // Agents the group schedules (time-average over the interval, absent ones included).
  double scheduled(std::uint32_t i, AgentGroupId g) const { return scheduled_[i * groups_ + index(g)]; }
  // Agents expected productive: scheduled, less absence, less breaks at their planned
  // starts, less shrinkage (time-average over the interval).
  double productive(std::uint32_t i, AgentGroupId g) const { return productive_[i * groups_ + index(g)]; }

 private:
  std::uint32_t intervals_;
  std::size_t types_, groups_;
  std::vector<double> arrivals_, load_;        // [interval][type]
  std::vector<double> scheduled_, productive_;  // [interval][group]
};

}  // namespace ccsim::models
