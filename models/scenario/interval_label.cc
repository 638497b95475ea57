#include "models/scenario/interval_label.h"

#include <cmath>

#include <fmt/format.h>

namespace ccsim::models {

std::string interval_label(const ScenarioSpec& spec, std::uint32_t interval) {
  const std::uint32_t per_day = spec.periods_per_day();
  const std::uint32_t day = spec.days > 1 && per_day > 0 ? interval / per_day : 0;
  const std::string prefix = spec.days > 1 ? spec.day_name(day) + " " : std::string();
  const double start_s = (interval - day * per_day) * spec.period_s;
  if (spec.start_minute) {
    const auto minute = static_cast<long>(*spec.start_minute + std::floor(start_s / 60.0));
    const long second = static_cast<long>(std::fmod(start_s, 60.0));
    if (second == 0) return fmt::format("{}{:02d}:{:02d}", prefix, (minute / 60) % 24, minute % 60);
    return fmt::format("{}{:02d}:{:02d}:{:02d}", prefix, (minute / 60) % 24, minute % 60, second);
  }
  return fmt::format("{}+{:g}s", prefix, start_s);
}

}  // namespace ccsim::models
