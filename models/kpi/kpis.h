// models/kpi/kpis.h
// KPI values of one observation (a replication or a batch) as ratios of its totals.
// A KPI whose denominator is zero is NaN: undefined for that observation, and left
// out of the across-observation statistics (so its n can be smaller). docs/kpis.md.
#pragma once

#include <array>

#include "models/kpi/counters.h"
#include "models/kpi/kpi_names.h"
#include "models/scenario/spec.h"

namespace ccsim::models {

using KpiValues = std::array<double, kNumKpis>;

// Calls in `calls`, agent time in `agents`, queue area over `duration_s` seconds.
KpiValues compute_kpis(const TypeCounters& calls, const GroupCounters& agents, double duration_s,
                       const ServiceLevelSpec& sl);

// An agent group's own KPIs: answered and occupancy; the others are NaN.
KpiValues compute_group_kpis(const GroupCounters& agents);

// The KPIs an agent group has: per interval, what compute_group_kpis sets; over the run,
// those plus the service level and ASA of the calls the group answered (the accumulator
// adds them from the per-pair counters). Every other KPI of a group is always undefined.
inline constexpr std::array<Kpi, 2> kGroupIntervalKpis = {Kpi::Answered, Kpi::Occupancy};
inline constexpr std::array<Kpi, 4> kGroupKpis = {Kpi::Answered, Kpi::SlOverAnswered, Kpi::AsaS, Kpi::Occupancy};

}  // namespace ccsim::models
