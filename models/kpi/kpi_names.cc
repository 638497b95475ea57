#include "models/kpi/kpi_names.h"

#include <fmt/format.h>

namespace ccsim::models {

std::string renamed_kpi_hint(std::string_view name) {
  for (const RenamedKpi& r : kRenamedKpis) {
    if (r.old_name != name) continue;
    const std::string_view now = kpi_name(r.now);
    return fmt::format("{} was renamed {} in December 2026 (same value: its denominator is admitted calls, "
                       "every call that joined the queue; {}_over_offered divides by every offered call)",
                       name, now, now.substr(0, now.rfind("_over_")));
  }
  return {};
}

}  // namespace ccsim::models
