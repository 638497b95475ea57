// models/experiment/paired_comparison.h
// Two scenarios (A, a variant B) run on the same seed and replication count, compared
// level by level: the centre, each contact type and agent group both have (matched by
// name), each interval and each (interval, type) when both days have the same intervals
// (length, count and start time), and over several days each day and each (day, type).
// Observation i of A and of B used the same random numbers, so the differences B - A are
// paired: their confidence interval leaves out the noise common to both (`ccsim compare`).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "models/aggregate.h"
#include "models/results.h"
#include "models/scenario/spec.h"

namespace ccsim::models {

// A KPI in A, in B, and the paired difference B - A (mean, half-width at the run's
// confidence, pairs in which both sides define it).
struct PairedKpi {
  KpiStat a;
  KpiStat b;
  KpiStat difference;
};

enum class ComparedLevel : std::uint8_t { Centre, Type, Group, Interval, IntervalType, Day, DayType };

struct ComparedRow {
  ComparedLevel level = ComparedLevel::Centre;
  std::string name;  // the type's or group's name; empty for the centre, an interval and a day
  std::optional<std::uint32_t> interval;
  std::optional<std::uint32_t> day;
  std::array<PairedKpi, kNumKpis> kpis{};
};

struct PairedComparison {
  // centre, types, groups, then per interval: centre, types, then per day: centre, types
  std::vector<ComparedRow> rows;
  bool intervals_paired = false;  // both are days of the same intervals
  bool days_paired = false;       // and the same days (count and names), more than one
  std::vector<std::string> types_only_in_a, types_only_in_b, groups_only_in_a, groups_only_in_b;
  std::uint64_t pairs = 0;  // observations paired
};

// Both experiments must have kept their details (Experiment::keep_details) over the same
// number of observations; `confidence` sizes the differences' intervals.
PairedComparison compare_paired(const ScenarioSpec& a, const RunResults& ra, const std::vector<ObservationKpis>& da,
                                const ScenarioSpec& b, const RunResults& rb, const std::vector<ObservationKpis>& db,
                                double confidence);

}  // namespace ccsim::models
