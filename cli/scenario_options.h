// cli/scenario_options.h
// The options every simulating subcommand takes (scenario file, --seed, --replications,
// --threads) and the scenario they give: the file loaded, with the overrides applied and
// checked. Bad input is returned as an exit code and a message, printed by the caller.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "models/scenario/load.h"
#include "models/scenario/spec.h"

namespace CLI {
class App;
}

namespace ccsim::cli {

struct ScenarioOptions {
  std::string scenario;
  std::optional<std::uint64_t> seed;
  std::optional<std::uint32_t> replications;
  // add_scenario_options makes every hardware thread (of this rank) the default:
  // results do not depend on the thread count.
  std::uint32_t threads = 1;
  // --forecast FILE.csv (and --forecast-volume): the forecast replaces the arrivals and
  // AHT the scenario gives for the types it covers (docs/forecasts.md).
  std::string forecast;
  std::string forecast_volume;
  // --staffing FILE.csv: the plan replaces the staffing of the groups it covers.
  std::string staffing;
};

// The scenario edits the options stand for (--forecast, --staffing), applied before decoding.
std::vector<models::ScenarioEdit> option_edits(const ScenarioOptions& options);

// Registers the scenario positional and --seed, --replications, --threads, --forecast,
// --forecast-volume on `cmd`;
// --threads defaults to `default_threads` (Cluster::default_threads).
void add_scenario_options(CLI::App& cmd, ScenarioOptions& options, std::uint32_t default_threads);
// --forecast, --forecast-volume and --staffing alone (for `validate`).
void add_forecast_options(CLI::App& cmd, ScenarioOptions& options);

// Applies --seed and --replications to a loaded `spec` and checks --threads; on bad
// input returns kExitBadInput with the "ccsim <command>: ..." line in `error`.
int apply_overrides(const ScenarioOptions& options, std::string_view command, models::ScenarioSpec& spec,
                    std::string& error);

// Loads options.scenario into `spec` and applies --seed and --replications. On bad input
// (located scenario errors, --replications 0 or conflicting with batch means,
// --threads 0) returns kExitBadInput with the text to print in `error` (lines prefixed by
// "ccsim <command>: " for argument errors); kExitOk otherwise.
int load_scenario(const ScenarioOptions& options, std::string_view command, models::ScenarioSpec& spec,
                  std::string& error);

}  // namespace ccsim::cli
