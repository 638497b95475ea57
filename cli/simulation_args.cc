#include "cli/simulation_args.h"

#include <algorithm>
#include <thread>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

namespace ccsim::cli {

void add_simulation_options(CLI::App* cmd, SimulationArgs& args) {
  // Every hardware thread by default: results do not depend on the thread count.
  args.threads = std::max(1u, std::thread::hardware_concurrency());
  cmd->add_option("--seed", args.seed, "Override the scenario's rng.seed");
  cmd->add_option("--replications", args.replications, "Override the scenario's rng.replications");
  cmd->add_option("--threads", args.threads,
                  "Replications run in parallel; default: all hardware threads (results do not depend on it)")
      ->capture_default_str();
}

bool apply_simulation_args(const SimulationArgs& a, std::string_view command, models::ScenarioSpec& spec) {
  if (a.threads == 0) {
    fmt::print(stderr, "ccsim {}: --threads must be >= 1; got 0\n", command);
    return false;
  }
  if (a.seed) spec.seed = *a.seed;
  if (!a.replications) return true;
  if (*a.replications == 0) {
    fmt::print(stderr, "ccsim {}: --replications must be >= 1; got 0\n", command);
    return false;
  }
  if (spec.mode == models::RunMode::SteadyState && spec.steady.batches > 1 && *a.replications != 1) {
    fmt::print(stderr,
               "ccsim {}: --replications {} conflicts with {}: /steady_state/batches is {} (batch means use one long "
               "replication); remove batches or use --replications 1\n",
               command, *a.replications, spec.source_file, spec.steady.batches);
    return false;
  }
  spec.replications = *a.replications;
  return true;
}

}  // namespace ccsim::cli
