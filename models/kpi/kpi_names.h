// models/kpi/kpi_names.h
// The KPI keys of the results contract (docs/kpis.md defines each one exactly).
// The order here is the order of every table and results file; append, never reorder.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace ccsim::models {

enum class Kpi : std::uint8_t {
  Offered,
  Blocked,
  IvrContained,
  IvrAbandoned,
  Answered,
  Abandoned,
  PBlock,
  PWait,
  PAbandon,
  ServiceLevel,
  SlOverOffered,
  SlOverAnswered,
  SlExcludingShortAbandons,
  AsaS,
  MeanWaitAdmittedS,
  Occupancy,
  MeanQueueLength,
  ScheduledAgents,
  PresentAgents,
  AgentsOnBreak,
  ProductiveAgents,
  OvertimeAgentMin,
  BreakLatenessS,
  PaidAgentHours,
  Cost,
};

namespace internal {
// The key of each KPI. A new enumerator without a case here does not compile
// (-Werror=switch); a value past the last enumerator has no name.
constexpr std::string_view kpi_key(Kpi k) {
  switch (k) {
    case Kpi::Offered: return "offered";
    case Kpi::Blocked: return "blocked";
    case Kpi::IvrContained: return "ivr_contained";
    case Kpi::IvrAbandoned: return "ivr_abandoned";
    case Kpi::Answered: return "answered";
    case Kpi::Abandoned: return "abandoned";
    case Kpi::PBlock: return "p_block";
    case Kpi::PWait: return "p_wait";
    case Kpi::PAbandon: return "p_abandon";
    case Kpi::ServiceLevel: return "service_level";
    case Kpi::SlOverOffered: return "sl_answered_within_t_over_offered";
    case Kpi::SlOverAnswered: return "sl_answered_within_t_over_answered";
    case Kpi::SlExcludingShortAbandons: return "sl_excluding_short_abandons";
    case Kpi::AsaS: return "asa_s";
    case Kpi::MeanWaitAdmittedS: return "mean_wait_admitted_s";
    case Kpi::Occupancy: return "occupancy";
    case Kpi::MeanQueueLength: return "mean_queue_length";
    case Kpi::ScheduledAgents: return "scheduled_agents";
    case Kpi::PresentAgents: return "present_agents";
    case Kpi::AgentsOnBreak: return "agents_on_break";
    case Kpi::ProductiveAgents: return "productive_agents";
    case Kpi::OvertimeAgentMin: return "overtime_agent_min";
    case Kpi::BreakLatenessS: return "break_lateness_s";
    case Kpi::PaidAgentHours: return "paid_agent_hours";
    case Kpi::Cost: return "cost";
  }
  return {};
}

constexpr std::size_t count_kpis() {
  std::size_t n = 0;
  while (!kpi_key(static_cast<Kpi>(n)).empty()) ++n;
  return n;
}
}  // namespace internal

// Counted from the enum itself, so the count, the names and the enum cannot disagree.
inline constexpr std::size_t kNumKpis = internal::count_kpis();

inline constexpr std::array<std::string_view, kNumKpis> kKpiNames = [] {
  std::array<std::string_view, kNumKpis> names{};
  for (std::size_t i = 0; i < kNumKpis; ++i) names[i] = internal::kpi_key(static_cast<Kpi>(i));
  return names;
}();

constexpr std::string_view kpi_name(Kpi k) { return internal::kpi_key(k); }

// KPIs whose value is a fraction in [0, 1] (shown as percentages; a target on one
// outside [0, 1] is a typo such as 5 for 5 %).
constexpr bool kpi_is_fraction(Kpi k) {
  switch (k) {
    case Kpi::PBlock:
    case Kpi::PWait:
    case Kpi::PAbandon:
    case Kpi::ServiceLevel:
    case Kpi::SlOverOffered:
    case Kpi::SlOverAnswered:
    case Kpi::SlExcludingShortAbandons:
    case Kpi::Occupancy:
      return true;
    case Kpi::Offered:
    case Kpi::Blocked:
    case Kpi::IvrContained:
    case Kpi::IvrAbandoned:
    case Kpi::Answered:
    case Kpi::Abandoned:
    case Kpi::AsaS:
    case Kpi::MeanWaitAdmittedS:
    case Kpi::MeanQueueLength:
    case Kpi::ScheduledAgents:
    case Kpi::PresentAgents:
    case Kpi::AgentsOnBreak:
    case Kpi::ProductiveAgents:
    case Kpi::OvertimeAgentMin:
    case Kpi::BreakLatenessS:
    case Kpi::PaidAgentHours:
    case Kpi::Cost:
      return false;
  }
  return false;
}

constexpr std::optional<Kpi> kpi_from_name(std::string_view name) {
  for (std::size_t i = 0; i < kNumKpis; ++i)
    if (kKpiNames[i] == name) return static_cast<Kpi>(i);
  return std::nullopt;
}

}  // namespace ccsim::models
