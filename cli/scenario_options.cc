// cli/scenario_options.cc
// Loading a scenario with the command line's overrides (cli/scenario_options.h).
#include "cli/scenario_options.h"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/commands.h"
#include "models/scenario/diagnostics.h"
#include "models/scenario/load.h"
#include "models/scenario/validate.h"

namespace ccsim::cli {

void add_scenario_options(CLI::App& cmd, ScenarioOptions& o, std::uint32_t default_threads) {
  o.threads = default_threads;
  cmd.add_option("scenario", o.scenario, "Scenario file (JSON, docs/scenario-format.md)")->required();
  cmd.add_option("--seed", o.seed, "Override the scenario's rng.seed");
  cmd.add_option("--replications", o.replications, "Override the scenario's rng.replications");
  cmd.add_option("--threads", o.threads,
                 "Replications run in parallel in each process; default: all hardware threads (under mpirun: this "
                 "rank's share of them); results do not depend on it")
      ->capture_default_str();
}

int apply_overrides(const ScenarioOptions& o, std::string_view command, models::ScenarioSpec& spec,
                    std::string& error) {
  if (o.seed) spec.seed = *o.seed;
  if (o.replications) {
    if (*o.replications == 0) {
      error = fmt::format("ccsim {}: --replications must be >= 1; got 0\n", command);
      return kExitBadInput;
    }
    if (spec.mode == models::RunMode::SteadyState && spec.steady.batches > 1 && *o.replications != 1) {
      error = fmt::format(
          "ccsim {}: --replications {} conflicts with {}: /steady_state/batches is {} (batch means use one long "
          "replication); remove batches or use --replications 1\n",
          command, *o.replications, models::internal::escape_controls(o.scenario), spec.steady.batches);
      return kExitBadInput;
    }
    spec.replications = *o.replications;
  }
  if (o.threads == 0) {
    error = fmt::format("ccsim {}: --threads must be >= 1; got 0\n", command);
    return kExitBadInput;
  }
  return kExitOk;
}

int load_scenario(const ScenarioOptions& o, std::string_view command, models::ScenarioSpec& spec, std::string& error) {
  try {
    spec = models::load_scenario_file(o.scenario);
  } catch (const models::ScenarioError& e) {
    error = models::format_diagnostics(e);
    return kExitBadInput;
  }
  return apply_overrides(o, command, spec, error);
}

}  // namespace ccsim::cli
