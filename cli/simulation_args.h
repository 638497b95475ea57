// cli/simulation_args.h
// The options every simulating command (run, sweep, check) takes — --seed,
// --replications, --threads — and their checks against the scenario, in one place.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "models/scenario/spec.h"

namespace CLI {
class App;
}

namespace ccsim::cli {

struct SimulationArgs {
  std::optional<std::uint64_t> seed;
  std::optional<std::uint32_t> replications;
  std::uint32_t threads = 1;  // set to every hardware thread by add_simulation_options
};

void add_simulation_options(CLI::App* cmd, SimulationArgs& args);

// Applies --seed and --replications to `spec`. On a bad combination prints
// "ccsim <command>: ..." to stderr and returns false (the caller exits 2).
bool apply_simulation_args(const SimulationArgs& args, std::string_view command, models::ScenarioSpec& spec);

}  // namespace ccsim::cli
