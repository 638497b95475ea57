#include "models/scenario/interval_label.h"

#include <cmath>

#include <fmt/format.h>

namespace ccsim::models {

std::string interval_label(const ScenarioSpec& spec, std::uint32_t interval) {
  const double start_s = interval * spec.period_s;
  if (spec.start_minute) {
    const auto minute = static_cast<long>(*spec.start_minute + std::floor(start_s / 60.0));
    const long second = static_cast<long>(std::fmod(start_s, 60.0));
    if (second == 0) return fmt::format("{:02d}:{:02d}", (minute / 60) % 24, minute % 60);
    return fmt::format("{:02d}:{:02d}:{:02d}", (minute / 60) % 24, minute % 60, second);
  }
  return fmt::format("+{:g}s", start_s);
}

}  // namespace ccsim::models
