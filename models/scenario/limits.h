// models/scenario/limits.h
// The limits of the scenario format that the loader and validate_spec share: sizes that
// guard memory and the model's ids, and the slack on probabilities given in decimal.
#pragma once

#include <cstddef>
#include <cstdint>

#include "sim/rng/stream_id.h"

namespace ccsim::models::internal {

// Arrays and objects nested deeper than this stop the parse with a located error. The
// deepest key of the format is 7 levels down (/agent_groups/0/shifts/0/breaks/0/window);
// without a limit a file nested 40,000 deep was parsed and walked level by level.
inline constexpr std::size_t kMaxNestingDepth = 64;
// Guards against allocating a table per period for an absurd value; a year of
// 15-minute periods is 35,040.
inline constexpr std::uint64_t kMaxPeriods = 1'000'000;
// A run of several days: up to a leap year of them.
inline constexpr std::uint64_t kMaxDays = 366;
// Each contact type owns kPurposesPerComponent random streams (sim/rng/stream_id.h).
inline constexpr std::uint64_t kMaxContactTypes = sim::max_index_per_component();
// A RouteTimer event carries the index of the timer in 8 bits, and CallCenter stops
// with an invariant failure beyond 255 (models/call_center.cc): at most this many groups
// of one contact type may have a positive overflow delay.
inline constexpr std::size_t kMaxDelayedGroupsPerType = 255;
// A gamma factor of mean 1 with cv 5 is 0 with probability near 1 and huge otherwise: any
// larger cv is a typo (15 for 15 %), not a day.
inline constexpr double kMaxBusynessCv = 5.0;
// Longer queues use a balking table's last value; a longer table is a typo, not a need.
inline constexpr std::size_t kMaxBalkingValues = 10'000;
// An agent's chat sessions live in 8 bits (AgentPool); no chat desk runs near this many.
inline constexpr std::uint32_t kMaxChatSessions = 64;
// Dials in progress per idle agent beyond a dialer's threshold: a predictive dialer
// over-dials by about 1 / p_reach; far more would flood the lines (unlimited, the memory).
inline constexpr double kMaxDialRatio = 100.0;
// Tolerance when probabilities given in decimal are added in binary.
inline constexpr double kProbabilitySlack = 1e-12;

// The largest mean per period (AHT, patience): 10^9 s, past any real contact, so that
// the draws scaled to it stay finite.
inline constexpr double kMaxPerPeriodMeanS = 1e9;

}  // namespace ccsim::models::internal
