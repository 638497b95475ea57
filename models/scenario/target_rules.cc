#include "models/scenario/target_rules.h"

#include <algorithm>

#include <fmt/format.h>

#include "models/kpi/kpis.h"

namespace ccsim::models::internal {
namespace {

template <std::size_t N>
bool has(const std::array<Kpi, N>& kpis, Kpi k) {
  return std::ranges::find(kpis, k) != kpis.end();
}

template <std::size_t N>
std::string names(const std::array<Kpi, N>& kpis) {
  std::string out;
  for (Kpi k : kpis) out += fmt::format("{}{}", out.empty() ? "" : ", ", kpi_name(k));
  return out;
}

// kTypeKpis less the agents' KPI it keeps, occupancy (a type's is undefined).
std::string type_kpi_names() {
  std::string out;
  for (Kpi k : kTypeKpis)
    if (!kpi_of_agents(k)) out += fmt::format("{}{}", out.empty() ? "" : ", ", kpi_name(k));
  return out;
}

}  // namespace

std::optional<TargetProblem> target_problem(const TargetSpec& t, RunMode mode) {
  using W = TargetProblem::Where;
  const bool intervals = t.scope == TargetScope::Intervals;
  if (intervals && mode != RunMode::Day)
    return TargetProblem{W::Scope, R"("intervals" needs mode "day" (a steady state has no intervals); use "day")"};
  if (t.type && t.group)
    return TargetProblem{W::Level, "give a contact type or an agent group, not both (a target is on one level)"};
  if (t.type) {
    if (kpi_of_agents(t.kpi) || !has(kTypeKpis, t.kpi))
      return TargetProblem{W::Kpi, fmt::format("{} is not a KPI of a contact type (agents belong to groups); a "
                                               "contact type has: {}",
                                               kpi_name(t.kpi), type_kpi_names())};
    return std::nullopt;
  }
  if (t.group) {
    if (intervals ? !has(kGroupIntervalKpis, t.kpi) : !has(kGroupKpis, t.kpi))
      return TargetProblem{W::Kpi, fmt::format("{} is not a KPI of an agent group{}; a group has{}: {}",
                                               kpi_name(t.kpi),
                                               intervals ? " per interval" : "", intervals ? " per interval" : "",
                                               intervals ? names(kGroupIntervalKpis) : names(kGroupKpis))};
    return std::nullopt;
  }
  if (t.kpi == Kpi::ServiceLevel && !intervals)
    return TargetProblem{W::Kpi,
                         "the centre's service-level target over the day is set in /service_level/target (with "
                         "/service_level/awt_s); remove this entry, or give it a \"type\" or the scope \"intervals\""};
  return std::nullopt;
}

std::vector<TargetSpec> type_service_level_targets(const ScenarioSpec& spec) {
  std::vector<TargetSpec> out;
  for (std::size_t k = 0; k < spec.contact_types.size(); ++k) {
    const auto id = make_id<ContactTypeId>(k);
    if (const auto& sl = spec.contact_types[id].service_level)
      out.push_back(TargetSpec{Kpi::ServiceLevel, TargetBound::AtLeast, sl->target, id, std::nullopt});
  }
  return out;
}

}  // namespace ccsim::models::internal
