#include "models/scenario/cost_rules.h"

#include <cmath>

#include <fmt/format.h>

#include "models/scenario/validate.h"

namespace ccsim::models::internal {

std::optional<std::string> cost_value_problem(double x) {
  if (std::isfinite(x) && x >= 0.0) return std::nullopt;
  return fmt::format("must be a finite number >= 0 (an amount of money; 0 for none); got {}", format_double(x));
}

std::optional<Diagnostic> cost_coverage_problem(const ScenarioSpec& spec,
                                                const std::vector<std::string>& group_pointers) {
  std::optional<std::string> priced;
  for (const AgentGroupSpec& g : spec.agent_groups)
    if (g.cost_per_hour) {
      priced = g.name;
      break;
    }
  if (!priced) return std::nullopt;
  for (std::size_t i = 0; i < spec.agent_groups.size(); ++i) {
    const AgentGroupSpec& g = spec.agent_groups[make_id<AgentGroupId>(i)];
    if (!g.cost_per_hour)
      return Diagnostic{group_pointers[i],
                        fmt::format("missing \"cost_per_hour\": group {} has one, so every group needs one (0 for "
                                    "agents that cost nothing), or the day's cost would leave these agents out",
                                    quote(priced.value()))};
  }
  return std::nullopt;
}

}  // namespace ccsim::models::internal
