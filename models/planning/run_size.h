// models/planning/run_size.h
// What a run will cost, estimated from its spec before anything is built: the contacts
// and events it simulates and the memory it holds; and the limits past which a run is
// refused unless the user confirms it. O(periods x (types + groups)); no roster is built.
// docs/scenario-format.md (Limits on the size of a run) documents the figures.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "models/scenario/diagnostics.h"
#include "models/scenario/spec.h"

namespace ccsim::models {

// Events per second of one thread: scenarios/bench/model_a.json ran at 7.1e6 (Release,
// the 2-core development box); the shipped examples at 3.6e6 to 9.2e6 (on two threads).
inline constexpr double kEstimateEventsPerS = 7.0e6;
// A run estimated to take longer than this prints its estimate before it starts.
inline constexpr double kEstimateNoticeS = 10.0;
// Past these a run is refused unless the user confirms it (--allow-large-run): 1e11
// events are about 4 hours on one thread; 8 GiB is more than the machines ccsim is
// developed on give one process.
inline constexpr double kMaxRunEvents = 1e11;
inline constexpr double kMaxRunBytes = 8.0 * (1ull << 30);
// Below this simulated time (about 127,000 years) a double still tells apart instants
// 0.5 ms apart; far past it durations of seconds round away (at 1e308 s, period_s's
// largest legal value, the spacing is 1e292 s) and the results mean nothing. Never allowed.
inline constexpr double kMaxSimulatedTimeS = 4.0e12;

// The estimate. Counts are expected values (doubles: legal inputs can overflow any
// integer); memory is an upper bound where the model can hold many contacts at once.
// `where` fields are JSON pointers of the scenario file naming the input that drives
// each figure, for the refusal message.
struct RunSize {
  double contacts = 0.0;       // arrivals per replication, warm-up included
  double events = 0.0;         // events per replication
  double simulated_s = 0.0;    // the last arrival time of a replication (expected)
  std::uint32_t replications = 1;
  std::uint32_t concurrent = 1;  // replications in memory at once (threads, capped by replications)
  // Memory, bytes. Per replication: its counters (slots x (types + groups + pairs)), its
  // agents and the contacts that can be in the system at once; once per run: the KPI
  // tallies the replications are folded into (periods x (types + groups)).
  double counter_bytes = 0.0;
  double agent_bytes = 0.0;
  double contact_bytes = 0.0;
  double tally_bytes = 0.0;
  std::string contacts_where, counter_where, agent_where, contact_where, time_where;
  std::string redial_where;  // steady state: the redial delay that makes the clock run longest, if any
  std::string contacts_detail;  // what drives `contacts`, for messages: "contact type "x": ..."
  // Transferred legs and returns per replication (expected, as if every call were served),
  // and the /transfers or /returns of the type that sends the most of them on.
  double follow_ups = 0.0;
  std::string follow_ups_where;

  double total_events() const { return events * replications; }
  double seconds() const { return total_events() / (kEstimateEventsPerS * concurrent); }
  // Each replication running, plus as many finished ones waiting for their turn to be
  // folded (run_replications bounds that buffer), plus the tallies.
  double bytes() const { return (2 * counter_bytes + agent_bytes + contact_bytes) * concurrent + tally_bytes; }
};

// The estimate for `spec` (valid, as loaded) run on `threads` threads.
RunSize estimate_run_size(const ScenarioSpec& spec, std::uint32_t threads);

// One line: "about 2.3e+08 events (7.9e+07 contacts) in 10 replications, 12 s at 1e+07
// events/s per thread on 2 threads; memory up to 310 MiB".
std::string describe_run_size(const RunSize& size);

// The limits the estimate breaks, each located at the input that drives it. The
// simulated-time limit always applies; events and memory only unless `allow_large`.
std::vector<Diagnostic> run_size_problems(const RunSize& size, bool allow_large);

}  // namespace ccsim::models
