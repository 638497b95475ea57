#include "models/scenario/cost_rules.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "models/scenario/message_text.h"

namespace ccsim::models::internal {

std::optional<std::string> cost_value_problem(double x) {
  if (std::isfinite(x) && x >= 0.0) return std::nullopt;
  return fmt::format("must be a finite number >= 0 (an amount of money; 0 for none); got {}", format_double(x));
}

std::optional<Diagnostic> cost_coverage_problem(const ScenarioSpec& spec, const std::vector<bool>& priced,
                                                const std::vector<std::string>& group_pointers) {
  const auto first = std::ranges::find(priced, true);
  if (first == priced.end()) return std::nullopt;
  const std::string& name = spec.agent_groups[make_id<AgentGroupId>(first - priced.begin())].name;
  for (std::size_t i = 0; i < priced.size(); ++i)
    if (!priced[i])
      return Diagnostic{group_pointers[i],
                        fmt::format("missing \"cost_per_hour\": group {} has one, so every group needs one (0 for "
                                    "agents that cost nothing), or the day's cost would leave these agents out",
                                    quote(name))};
  return std::nullopt;
}

}  // namespace ccsim::models::internal
