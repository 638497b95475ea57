// models/agents/roster.h
// Roster: every agent a scenario schedules, as one stint (group, log-on, log-off), and
// the log-on / log-off changes in time order. Staffing per period is the first producer
// of stints (each whole-period run of the staffing array's layers is one agent), shifts
// the second. Built once from a validated spec; replications only read it.
#pragma once

#include <cstdint>
#include <vector>

#include "models/ids.h"
#include "models/scenario/spec.h"

namespace ccsim::models {

inline constexpr std::uint32_t kNoShift = 0xffffffffu;

// One scheduled agent. end_s is when it logs off: infinity in steady state and when the
// stint reaches the end of the day (it then serves the contacts still waiting); duty_end_s
// is when its duty ends all the same (at the latest the end of the day, which a night
// shift on a run's last day passes), after which it takes no more breaks. shift indexes
// its group's `shifts`, or kNoShift for an agent of the staffing array; agent_in_shift is
// its rank among that shift's agents (0..agents-1).
struct Stint {
  AgentGroupId group;
  double start_s;
  double end_s;
  double duty_end_s;
  std::uint32_t shift = kNoShift;
  std::uint32_t agent_in_shift = 0;
};

struct RosterChange {
  double time_s;
  AgentId agent;
  bool log_on;
};

// Agent ids follow (start, later end first, group, order in the file): agents logging on
// at one instant join their idle list in id order, so a staffing array and the same
// whole-period shifts written out give identical runs (docs/workforce.md).
// in_file_order lists the agents as the scenario gives them (the staffing array's stints,
// then each shift's agents, group by group): random draws per agent (absence) follow it,
// so moving one shift in time does not reshuffle who is absent on the others.
struct Roster {
  std::vector<Stint> agents;           // indexed by AgentId
  std::vector<RosterChange> changes;   // by time; at one instant log-offs first, then by id
  std::vector<AgentId> in_file_order;
};

// Day mode reads staffing[k] as "agents 0..staffing[k]-1 work period k": agent (layer) i
// works every period where staffing > i, one stint per run of consecutive periods (built
// in O(periods + stints): a rise opens stints, a fall closes the most recent ones).
// Steady state: staffing.front() agents from time 0, never logging off.
Roster build_roster(const ScenarioSpec& spec);

// When agent `i` of the `n` agents of its shift plans to start break `b` (BreakPlacement).
double planned_break_start_s(const BreakSpec& b, std::uint32_t i, std::uint32_t n);

}  // namespace ccsim::models
