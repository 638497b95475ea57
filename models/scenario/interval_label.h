// models/scenario/interval_label.h
// How reports and messages name a day's interval: its start as a clock time.
#pragma once

#include <cstdint>
#include <string>

#include "models/scenario/spec.h"

namespace ccsim::models {

// "07:30" for a period start when the scenario has a start_time, else "+1800s"; over
// several days the day first ("Tue 07:30", "day 2 +1800s"), the time within it.
std::string interval_label(const ScenarioSpec& spec, std::uint32_t interval);

}  // namespace ccsim::models
