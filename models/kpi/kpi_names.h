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
};
inline constexpr std::size_t kNumKpis = 17;

inline constexpr std::array<std::string_view, kNumKpis> kKpiNames = {
    "offered",
    "blocked",
    "ivr_contained",
    "ivr_abandoned",
    "answered",
    "abandoned",
    "p_block",
    "p_wait",
    "p_abandon",
    "service_level",
    "sl_answered_within_t_over_offered",
    "sl_answered_within_t_over_answered",
    "sl_excluding_short_abandons",
    "asa_s",
    "mean_wait_admitted_s",
    "occupancy",
    "mean_queue_length",
};

constexpr std::string_view kpi_name(Kpi k) { return kKpiNames[static_cast<std::size_t>(k)]; }

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
