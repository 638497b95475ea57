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

#include "models/replication.h"
#include "cli/output_file.h"
#include "models/scenario/load.h"
#include "models/scenario/spec_hash.h"
#include "models/scenario/spec.h"

namespace CLI {
class App;
}

namespace ccsim::cli {

struct ScenarioOptions {
  std::string scenario;
  std::optional<std::uint64_t> seed;
  std::optional<std::uint32_t> replications;
  std::optional<double> confidence;  // --confidence: the level of every interval and verdict
  // add_scenario_options makes every hardware thread (of this rank) the default:
  // results do not depend on the thread count.
  std::uint32_t threads = 1;
  // --forecast FILE.csv (and --forecast-volume): the forecast replaces the arrivals and
  // AHT the scenario gives for the types it covers (docs/forecasts.md).
  std::string forecast;
  std::string forecast_volume;
  // --staffing FILE.csv: the plan replaces the staffing of the groups it covers.
  std::string staffing;
  // --allow-large-run: run past the work and memory limits (models/planning/run_size.h).
  bool allow_large_run = false;
};

// The scenario edits the options stand for (--forecast, --staffing), applied before decoding.
std::vector<models::ScenarioEdit> option_edits(const ScenarioOptions& options);

// The files the options read (the scenario, --forecast, --staffing), for check_outputs:
// no output may replace them.
std::vector<NamedFile> input_files(const ScenarioOptions& options, const std::string& scenario_option = "scenario");
// The same plus the files the loaded scenario itself names (its forecast and staffing plan).
std::vector<NamedFile> input_files(const ScenarioOptions& options, const models::ScenarioSpec& spec,
                                   const std::string& scenario_option = "scenario");

// Registers the scenario positional and --seed, --replications, --threads, --forecast,
// --forecast-volume on `cmd`;
// --threads defaults to `default_threads` (Cluster::default_threads).
void add_scenario_options(CLI::App& cmd, ScenarioOptions& options, std::uint32_t default_threads);
// --forecast, --forecast-volume and --staffing alone (for `validate`).
void add_forecast_options(CLI::App& cmd, ScenarioOptions& options);
// --allow-large-run alone (for `validate`; add_scenario_options registers it too).
void add_run_size_option(CLI::App& cmd, ScenarioOptions& options);

// The largest --threads accepted: more than the hardware threads of today's largest
// two-socket servers; each thread holds a replication in memory.
inline constexpr std::uint32_t kMaxThreads = 1024;

// The run-size limits (docs/scenario-format.md, Limits on the size of a run) for `spec`
// on options.threads threads: kExitBadInput with the located problems in `error` when the
// estimate breaks one (the events and memory limits only without --allow-large-run).
int check_run_size(const ScenarioOptions& options, const models::ScenarioSpec& spec, std::string& error);
// "estimate: about ... events ...; memory up to ...", one line without a newline.
std::string run_size_line(const ScenarioOptions& options, const models::ScenarioSpec& spec);

// What the ranks of an MPI job compare before running (Cluster::same_job): the command and
// the scenario as loaded, so with --seed, --replications, --confidence, --forecast and
// --staffing applied. A command adds its own options that change results.
models::Hash64 job_hash(std::string_view command, const models::ScenarioSpec& spec);

// For RunOptions::thread_shortfall: says on stderr, as "ccsim <command>: ...", that the
// system started fewer threads than --threads asked for and the run goes on with them.
models::ThreadShortfallFn thread_shortfall_notice(std::string_view command);

// Applies --seed and --replications to a loaded `spec`, checks --threads and the size
// of the run (check_run_size); on bad input returns kExitBadInput with the
// "ccsim <command>: ..." line, or the located problems, in `error`.
int apply_overrides(const ScenarioOptions& options, std::string_view command, models::ScenarioSpec& spec,
                    std::string& error);

// Loads options.scenario into `spec` and applies --seed and --replications. On bad input
// (located scenario errors, --replications 0 or conflicting with batch means,
// --threads 0 or past kMaxThreads, a run past the size limits) returns kExitBadInput with
// the text to print in `error` (lines prefixed by "ccsim <command>: " for argument
// errors); kExitOk otherwise, with the "ccsim <command>: estimate: ..." line in `error`
// when the run is estimated to take more than kEstimateNoticeS (to print on stderr).
int load_scenario(const ScenarioOptions& options, std::string_view command, models::ScenarioSpec& spec,
                  std::string& error);

}  // namespace ccsim::cli
