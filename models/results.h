// models/results.h
// RunResults: what a run of a scenario established — each KPI's mean, confidence
// half-width and number of observations, overall, per contact type, per interval and
// per agent group — plus the verdict on each target and the run's fingerprint.
#pragma once

#include <array>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "models/kpi/kpi_names.h"
#include "models/kpi/kpis.h"
#include "models/scenario/spec.h"

namespace ccsim::models {

// A ratio KPI over every observation pooled: sum of numerators / sum of denominators,
// with its delta-method half-width at the run's confidence (sim::RatioTally). value is
// NaN when the level does not have the KPI or every denominator was 0; half_width NaN
// when there were fewer than 2 observations. Observations whose denominator is 0 count.
struct RatioOfMeans {
  double value = std::numeric_limits<double>::quiet_NaN();
  double half_width = std::numeric_limits<double>::quiet_NaN();
};

// Mean over n observations (replications, or batches) and the half-width of the
// two-sided Student-t interval at the run's confidence; half_width is NaN if n < 2,
// mean is NaN if n == 0 (the KPI was undefined in every observation). A ratio KPI
// (kpi_is_ratio) also has its ratio of means; docs/kpis.md says which one answers what.
struct KpiStat {
  double mean;
  double half_width;
  std::uint64_t n;
  RatioOfMeans ratio_of_means{};
};

using KpiStats = std::array<KpiStat, kNumKpis>;

inline const KpiStat& stat_of(const KpiStats& s, Kpi k) { return s[static_cast<std::size_t>(k)]; }

enum class Verdict : std::uint8_t { Met, Missed, Inconclusive };

// A target's verdict (models/targets.h). stat: the KPI over the day, or for an interval
// scope the worst interval's (worst_interval), none when no interval defines the KPI.
// The interval counts cover the intervals where the KPI is defined.
// A service level once the e-mails not yet due at the close are answered: each late, each
// in time (sl_if_backlog_late, sl_if_backlog_in_time). None for a form of the service
// level other than its definition's, which has no bounds.
struct BacklogBounds {
  std::optional<KpiStat> late;
  std::optional<KpiStat> in_time;
};

struct TargetResult {
  TargetSpec target;
  KpiStat stat;
  Verdict verdict;
  std::uint32_t intervals_met = 0;
  std::uint32_t intervals_missed = 0;
  std::uint32_t intervals_inconclusive = 0;
  std::optional<std::uint32_t> worst_interval = std::nullopt;
  // Where e-mails not yet due at the close may decide the target (judge_kpi): over the
  // day, its bounds; per interval, how many of the inconclusive intervals no number of
  // replications can decide.
  std::optional<BacklogBounds> backlog = std::nullopt;
  std::uint32_t intervals_undecidable = 0;
};

struct IntervalResult {
  std::uint32_t interval;
  double start_s;
  KpiStats kpis;
  std::vector<KpiStats> by_group;  // each group's answered and occupancy in this interval
  std::vector<KpiStats> by_type;   // each contact type's calls, waits and queue length
  Verdict service_level;           // against the scenario's service-level target
  // Each contact type's service level against its own target (its service_level, else
  // the scenario's).
  std::vector<Verdict> type_service_level;
};

// A run of several days (ScenarioSpec::days > 1): one day, its intervals' counters
// summed, as IntervalResult without the verdicts.
struct DayResult {
  std::uint32_t day;
  double start_s;
  KpiStats kpis;
  std::vector<KpiStats> by_group;
  std::vector<KpiStats> by_type;
};

// One (contact type, agent group) pair: calls of the type that the group answered.
// share: their fraction of all answered calls of the type (the overflow share);
// service_level: answered within awt over answered by this group; asa_s: their mean
// wait; work_share: their fraction of the talk and wrap-up time the group gave.
struct PairResult {
  ContactTypeId type;
  AgentGroupId group;
  KpiStat answered;
  KpiStat share;
  KpiStat service_level;
  KpiStat asa_s;
  KpiStat work_share;
};

struct RunResults {
  std::uint32_t replications = 0;
  std::uint32_t threads = 1;  // per process
  std::uint32_t ranks = 1;    // MPI processes
  std::uint64_t observations = 0;  // replications, or batches in batch-means mode
  KpiStats overall{};
  std::vector<KpiStats> by_type;
  std::vector<IntervalResult> by_interval;  // day mode only
  std::vector<DayResult> by_day;            // day mode over several days only
  std::vector<KpiStats> by_group;
  std::vector<PairResult> by_type_group;
  std::vector<TargetResult> targets;

  std::string fingerprint;  // 16 hex digits; equal runs give equal fingerprints
  std::uint64_t events = 0;
  std::uint64_t calls = 0;  // arrivals simulated, warm-up included
  std::uint64_t draws = 0;
  std::uint64_t unserved_at_end = 0;  // callers left waiting with no agent ever coming
  std::uint64_t backlog_at_close = 0;  // e-mails still in the backlog at the close (day mode), every replication's
  std::uint64_t interrupted_unfinished = 0;  // interrupted e-mails no agent was left to resume, every replication's
  double wall_s = 0.0;
  // The overall KPIs of each observation, in order, NaN where undefined; only when
  // RunOptions::keep_observations asked for them.
  std::vector<KpiValues> per_observation;
};

}  // namespace ccsim::models
