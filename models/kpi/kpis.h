// models/kpi/kpis.h
// KPI values of one observation (a replication or a batch) as ratios of its totals.
// A KPI whose denominator is zero is NaN: undefined for that observation, and left
// out of the across-observation statistics (so its n can be smaller). docs/kpis.md.
#pragma once

#include <array>
#include <cstdint>
#include <limits>
#include <optional>

#include "models/kpi/counters.h"
#include "models/kpi/kpi_names.h"
#include "models/scenario/spec.h"

namespace ccsim::models {

using KpiValues = std::array<double, kNumKpis>;

// The KPIs that are a ratio of two totals of an observation, num / den, each with its
// own denominator: the fractions, the mean waits and times (over the calls they average),
// occupancy and break lateness. Across observations each has, beside the mean of its
// ratios, a ratio of means, sum num / sum den (sim::RatioTally; docs/kpis.md, "Mean of
// ratios and ratio of means"). Not ratios: counts and totals, time averages over the
// observation's fixed length (their ratio of means is their mean), and the wait quantiles.
// compute_kpis gives the num and den of exactly these (tests/models/kpi/kpis_test.cc).
constexpr bool kpi_is_ratio(Kpi k) {
  switch (k) {
    case Kpi::IvrPortOccupancy: return false;  // a fraction of the ports, averaged over the observation's length
    case Kpi::AsaS:
    case Kpi::MeanWaitAdmittedS:
    case Kpi::MeanWaitAbandonedS:
    case Kpi::MeanTimeInSystemS:
    case Kpi::BreakLatenessS:
    case Kpi::MeanCallbackDelayS:
    case Kpi::ChatConcurrency:
      return true;
    default: return kpi_is_fraction(k);
  }
}

// A ratio KPI's numerator and denominator in one observation; both NaN for a KPI that is
// no ratio, or that the level does not have (a contact type's occupancy). A denominator
// of 0 is a value like any other here: the ratio is undefined, the counts are not.
struct KpiRatio {
  double num = std::numeric_limits<double>::quiet_NaN();
  double den = std::numeric_limits<double>::quiet_NaN();
};
using KpiRatios = std::array<KpiRatio, kNumKpis>;

// Calls in `calls`, agent time in `agents`, queue area over `duration_s` seconds. The
// workforce KPIs (agents scheduled, present, on break, productive; overtime, break
// lateness, paid hours) are set only when `agents` are a group's or all groups' agents;
// a contact type's KPIs pass no agents and leave them NaN.
// `ivr_ports`: the scenario's port limit, for ivr_port_occupancy (undefined without one).
// `ratios`, when given, gets the num and den of each ratio KPI (kpi_is_ratio) defined here.
KpiValues compute_kpis(const TypeCounters& calls, const GroupCounters* agents, double duration_s,
                       const ServiceLevelSpec& sl, std::optional<std::uint32_t> ivr_ports = std::nullopt,
                       KpiRatios* ratios = nullptr);

// An agent group's own KPIs over `duration_s` seconds: answered, occupancy and the
// workforce KPIs; the others are NaN. `ratios` as for compute_kpis.
KpiValues compute_group_kpis(const GroupCounters& agents, double duration_s, KpiRatios* ratios = nullptr);

inline constexpr std::array<Kpi, 7> kWorkforceKpis = {
    Kpi::ScheduledAgents,  Kpi::PresentAgents,  Kpi::AgentsOnBreak, Kpi::ProductiveAgents,
    Kpi::OvertimeAgentMin, Kpi::BreakLatenessS, Kpi::PaidAgentHours};

// The channel KPIs of agents (kpi_of_agents), which a contact type does not list.
inline constexpr std::array<Kpi, 6> kChannelAgentKpis = {Kpi::ChatConcurrency, Kpi::ChatOccupancy,
                                                         Kpi::OccupancyVoice,  Kpi::OccupancyEmail,
                                                         Kpi::OccupancyChat,   Kpi::OccupancyOutbound};

// The KPIs a contact type has: every KPI but the workforce and channel agent ones (a type
// has no agents; its occupancy is undefined too, but stays listed as it always was).
inline constexpr std::array<Kpi, kNumKpis - kWorkforceKpis.size() - kChannelAgentKpis.size()> kTypeKpis = [] {
  std::array<Kpi, kNumKpis - kWorkforceKpis.size() - kChannelAgentKpis.size()> out{};
  std::size_t n = 0;
  for (std::size_t i = 0; i < kNumKpis; ++i) {
    bool agents = false;
    for (Kpi w : kWorkforceKpis) agents = agents || static_cast<std::size_t>(w) == i;
    for (Kpi w : kChannelAgentKpis) agents = agents || static_cast<std::size_t>(w) == i;
    if (!agents) out[n++] = static_cast<Kpi>(i);
  }
  return out;
}();

// The KPIs an agent group has: per interval, what compute_group_kpis sets; over the run,
// those plus the service level and ASA of the calls the group answered (the accumulator
// adds them from the per-pair counters). Every other KPI of a group is always undefined.
inline constexpr std::array<Kpi, 16> kGroupIntervalKpis = {
    Kpi::Answered,       Kpi::Occupancy,        Kpi::ScheduledAgents,  Kpi::PresentAgents,  Kpi::AgentsOnBreak,
    Kpi::ProductiveAgents, Kpi::OvertimeAgentMin, Kpi::BreakLatenessS, Kpi::PaidAgentHours, Kpi::Cost,
    Kpi::ChatConcurrency, Kpi::ChatOccupancy,    Kpi::OccupancyVoice,  Kpi::OccupancyEmail, Kpi::OccupancyChat,
    Kpi::OccupancyOutbound};
inline constexpr std::array<Kpi, 18> kGroupKpis = {
    Kpi::Answered,         Kpi::SlOverAnswered,   Kpi::AsaS,           Kpi::Occupancy,       Kpi::ScheduledAgents,
    Kpi::PresentAgents,    Kpi::AgentsOnBreak,    Kpi::ProductiveAgents, Kpi::OvertimeAgentMin, Kpi::BreakLatenessS,
    Kpi::PaidAgentHours,   Kpi::Cost,             Kpi::ChatConcurrency, Kpi::ChatOccupancy,   Kpi::OccupancyVoice,
    Kpi::OccupancyEmail,   Kpi::OccupancyChat,    Kpi::OccupancyOutbound};

// Whether the reports show KPI k for this scenario: the cost when something is priced; the
// balks, time-outs and disconnections when some type balks or has a maximum wait, or the
// day has a closing rule. Elsewhere those are 0 by construction, rows that say nothing.
// The results files (JSON, CSV, baselines) list every KPI all the same.
bool kpi_shown(const ScenarioSpec& spec, Kpi k);

// The cost of a group's paid agent-hours (present, less unpaid breaks) at `per_hour`.
double agent_cost(const GroupCounters& agents, double per_hour);
// What the calls in `calls` cost by the scenario's per-call costs (0 without them).
double call_cost(const TypeCounters& calls, const std::optional<CostSpec>& costs);

}  // namespace ccsim::models
