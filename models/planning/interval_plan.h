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
  // agents x breaks), plus the cube of the largest loop of transfers and returns; it builds
  // the roster, one record per scheduled agent as a run does, so a caller checks the run
  // size first (run_size.h), as the CLI does.
  explicit IntervalPlan(const ScenarioSpec& spec);

  std::uint32_t intervals() const { return intervals_; }

  // Expected arrivals of type k in interval i (before the IVR).
  double arrivals(std::uint32_t i, ContactTypeId k) const { return arrivals_[i * types_ + index(k)]; }
  // Expected contacts of type k that reach the agents in interval i: its arrivals after the
  // IVR, the legs transferred to it and the returns made as it, as if every contact were
  // served (abandonment ignored); a return in the interval its mean delay reaches. Redials
  // and callbacks depend on the waits, which only a simulation gives: not counted.
  double to_agents(std::uint32_t i, ContactTypeId k) const { return to_agents_[i * types_ + index(k)]; }
  // Those contacts times the type's handle time (talk and wrap-up, at the smallest
  // handle-time multiplier of its groups, its AHT of the interval if it has one), plus the
  // handle time of the transfers its agents make, per second of the interval: the erlangs
  // the type asks of its groups; a chat's at the share of an agent its sessions take when
  // its agents are full (ScenarioSpec::agent_share).
  double load_erlangs(std::uint32_t i, ContactTypeId k) const { return load_[i * types_ + index(k)]; }
  // Agents the group schedules (time-average over the interval, absent ones included).
  double scheduled(std::uint32_t i, AgentGroupId g) const { return scheduled_[i * groups_ + index(g)]; }
  // Agents expected productive: scheduled, less absence, less breaks at their planned
  // starts, less shrinkage (time-average over the interval).
  double productive(std::uint32_t i, AgentGroupId g) const { return productive_[i * groups_ + index(g)]; }

 private:
  void add_contacts_to_agents(const ScenarioSpec& spec);

  std::uint32_t intervals_;
  std::size_t types_, groups_;
  std::vector<double> arrivals_, to_agents_, load_;  // [interval][type]
  std::vector<double> scheduled_, productive_;  // [interval][group]
};

}  // namespace ccsim::models
