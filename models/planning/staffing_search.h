// models/planning/staffing_search.h
// `ccsim staff`: the fewest agents per group per interval such that the scenario's
// targets hold, found by simulation on common random numbers from an Erlang A start, and
// checked on random numbers that did not choose it (docs/planning.md says what the
// search promises and what it does not).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "models/results.h"
#include "models/scenario/diagnostics.h"
#include "models/scenario/spec.h"

namespace ccsim::models {

// Agents per group per interval: staffing[group][interval].
using Staffing = std::vector<std::vector<std::uint32_t>>;

// Whether more agents move the target's KPI towards its bound (service levels up; waits,
// abandonment, queue length, occupancy down) and it has per-interval estimates to size
// with (a group's service level and ASA have none). Only these targets size the
// staffing; the others are judged by the final check.
bool staffing_responsive(const TargetSpec& t);

// Per interval, the agents each group needs by Erlang A (M/M/c+M with the mean of the
// patience law; Erlang C without patience) to meet each responsive target of the types
// it serves first (a type's first group in its routing list), pooling those types' load,
// then grossed up for absenteeism and shrinkage. Day mode; spec valid.
Staffing erlang_start(const ScenarioSpec& spec);

// The spec with `staffing` as each group's per-interval plan and no shifts (the search
// sizes intervals, not shifts).
ScenarioSpec with_staffing(const ScenarioSpec& spec, const Staffing& staffing);

// A responsive target that one interval of a run does not meet: for an interval-scope
// target, its interval estimate is not met at the run's confidence; for a day-scope
// target, the interval's mean misses the bound (each interval sized to the day target,
// as Erlang tables do; the day itself is then judged with confidence).
struct Shortfall {
  std::size_t target;  // index in spec.targets
  std::uint32_t interval;
  bool operator==(const Shortfall&) const = default;
};
std::vector<Shortfall> interval_shortfalls(const ScenarioSpec& spec, const RunResults& r);

// Runs every replication of a spec (its seed and replication count) and returns the results.
using EvaluateFn = std::function<RunResults(const ScenarioSpec&)>;

struct StaffingSearchOptions {
  std::uint32_t max_runs = 60;     // full runs, the final check's included
  std::uint32_t final_rounds = 3;  // independent checks, each after raising what the last found short
  // Called before each run with its number (from 1) and what it is for.
  std::function<void(std::uint32_t run, const std::string& purpose)> on_run{};
};

struct StaffingSearch {
  Staffing scheduled;  // the scenario's own agents per interval (time-average, rounded up)
  Staffing start;      // Erlang A
  Staffing required;   // the answer
  RunResults search;   // the answer on the scenario's seed (the search's random numbers)
  RunResults final;    // the answer on the last final check's seed
  std::uint64_t final_seed = 0;
  std::uint32_t final_rounds = 0;        // independent seeds checked
  std::uint32_t final_replications = 0;  // replications of the last final check
  std::uint32_t runs = 0;         // full runs in all (a run of k times the replications counts k)
  std::uint32_t search_runs = 0;  // of which before the final checks
  // (group, interval) raised by a final check: where independent random numbers found a
  // target short that the search's own found met.
  std::vector<std::pair<AgentGroupId, std::uint32_t>> raised_by_final;
  bool search_met = false;   // every responsive target met in every interval on the search's seed
  bool minimal = false;      // the removal passes ran to the end (not cut by max_runs)
  // Short on the search's seed when raising stopped: at the agent cap, or --max-runs spent.
  std::vector<Shortfall> unreachable;
  std::vector<Shortfall> final_short;  // short on the last final check's seed
};

// Why the search cannot size `spec`, located at the keys to blame: an e-mail type is
// answered by the agents of the hours after it arrives (up to its due time, past the
// close), and the search sizes each interval for the contacts that arrive in it.
std::vector<Diagnostic> staffing_search_problems(const ScenarioSpec& spec);

// Searches `spec` (day mode, valid, no staffing_search_problems): Erlang A start; raise every (group, interval) short
// until every responsive target is met on the scenario's seed; then remove one agent at a
// time, group by group and alternate intervals on the same seed, keeping each removal
// that leaves the interval and its neighbours met; then check the answer on independent
// seeds: an undecided target gets more replications (up to 4 times the scenario's), a
// missed one an agent more where it fell short and a new seed, up to options.final_rounds seeds.
StaffingSearch search_staffing(const ScenarioSpec& spec, const EvaluateFn& evaluate,
                               const StaffingSearchOptions& options = {});

// The seed of final check `round` (0, 1, ...): unrelated to `seed` and to each other.
std::uint64_t final_check_seed(std::uint64_t seed, std::uint32_t round);

}  // namespace ccsim::models
