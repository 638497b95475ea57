// cli/run_command.cc
// `ccsim run` and `ccsim validate`: load a scenario (errors -> exit 2), run it,
// print the report, write JSON / CSV on request. Under mpirun every rank loads and
// runs its share of the replications; the root alone prints and writes.
#include <algorithm>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/cluster.h"
#include "cli/commands.h"
#include "cli/report.h"
#include "models/replication.h"
#include "models/scenario/diagnostics.h"
#include "models/scenario/load.h"

namespace ccsim::cli {
namespace {

struct RunArgs {
  std::string scenario;
  std::optional<std::uint64_t> seed;
  std::optional<std::uint32_t> replications;
  // Every hardware thread by default (Cluster::default_threads): results do not depend
  // on the thread count.
  std::uint32_t threads = 1;
  std::string json_path;
  std::string csv_dir;
  bool quiet = false;
};

// The scenario with the command line's overrides; on bad input, the exit code and the
// text to print.
int prepare(const RunArgs& a, models::ScenarioSpec& spec, std::string& error) {
  try {
    spec = models::load_scenario_file(a.scenario);
  } catch (const models::ScenarioError& e) {
    error = models::format_diagnostics(e);
    return kExitBadInput;
  }
  if (a.seed) spec.seed = *a.seed;
  if (a.replications) {
    if (*a.replications == 0) {
      error = "ccsim run: --replications must be >= 1; got 0\n";
      return kExitBadInput;
    }
    if (spec.mode == models::RunMode::SteadyState && spec.steady.batches > 1 && *a.replications != 1) {
      error = fmt::format(
          "ccsim run: --replications {} conflicts with {}: /steady_state/batches is {} (batch means use "
          "one long replication); remove batches or use --replications 1\n",
          *a.replications, a.scenario, spec.steady.batches);
      return kExitBadInput;
    }
    spec.replications = *a.replications;
  }
  if (a.threads == 0) {
    error = "ccsim run: --threads must be >= 1; got 0\n";
    return kExitBadInput;
  }
  return kExitOk;
}

// The root's part: the table, the JSON and the CSV files.
int report(const RunArgs& a, const models::ScenarioSpec& spec, const models::RunResults& results,
           std::string& error) {
  if (!a.quiet) print_text_report(stdout, spec, results);
  if (!a.json_path.empty()) {
    // Create the folder the user named, as --csv does; a failure shows up when writing.
    const std::filesystem::path parent = std::filesystem::path(a.json_path).parent_path();
    std::error_code ignored;
    if (!parent.empty()) std::filesystem::create_directories(parent, ignored);
    std::ofstream out(a.json_path);
    out << results_json(spec, results) << '\n';
    if (!out) {
      error = fmt::format("ccsim run: cannot write {}\n", a.json_path);
      return kExitBadInput;
    }
  }
  if (!a.csv_dir.empty()) {
    try {
      write_csv(a.csv_dir, spec, results);
    } catch (const std::exception& e) {
      error = fmt::format("ccsim run: {}\n", e.what());
      return kExitBadInput;
    }
  }
  return kExitOk;
}

// Every rank of an MPI job runs this on the same arguments (cli/cluster.h): each step
// ends with cluster.agree, so all ranks return the same code and the root alone prints.
int run(const RunArgs& a, Cluster& cluster) {
  models::ScenarioSpec spec;
  std::string error;
  const int loaded = cluster.agree(prepare(a, spec, error), error);
  if (loaded != kExitOk) return loaded;

  models::RunResults results;
  try {
    results = models::run_scenario(spec, models::RunOptions{.threads = a.threads}, cluster.runner());
  } catch (const ReplicationError& e) {
    return cluster.agree(kExitInternal, fmt::format("ccsim run: {}\n", e.what()));
  }
  const auto ranks = static_cast<std::uint32_t>(cluster.size());
  results.ranks = ranks;
  results.threads = std::max(1u, std::min(a.threads, (spec.replications + ranks - 1) / ranks));

  error.clear();
  const int reported = cluster.is_root() ? report(a, spec, results, error) : kExitOk;
  return cluster.agree(reported, error);
}

}  // namespace

void add_run_command(CLI::App& app, Cluster& cluster, int& exit_code) {
  auto args = std::make_shared<RunArgs>();
  args->threads = cluster.default_threads();
  CLI::App* cmd = app.add_subcommand("run", "Simulate a scenario and report its KPIs with confidence intervals");
  cmd->add_option("scenario", args->scenario, "Scenario file (JSON, docs/scenario-format.md)")->required();
  cmd->add_option("--seed", args->seed, "Override the scenario's rng.seed");
  cmd->add_option("--replications", args->replications, "Override the scenario's rng.replications");
  cmd->add_option("--threads", args->threads,
                  "Replications run in parallel in each process; default: all hardware threads (under mpirun: "
                  "this rank's share of them); results do not depend on it")
      ->capture_default_str();
  cmd->add_option("--json", args->json_path, "Write the results JSON (schema ccsim.results/1) to this file");
  cmd->add_option("--csv", args->csv_dir, "Write per-interval, per-type and per-group CSV tables to this folder");
  cmd->add_flag("--quiet", args->quiet, "Print no table (use with --json or --csv)");
  cmd->callback([args, &cluster, &exit_code] { exit_code = run(*args, cluster); });
}

void add_validate_command(CLI::App& app, Cluster& cluster, int& exit_code) {
  auto path = std::make_shared<std::string>();
  CLI::App* cmd = app.add_subcommand("validate", "Check a scenario file without running it");
  cmd->add_option("scenario", *path, "Scenario file (JSON)")->required();
  cmd->callback([path, &cluster, &exit_code] {
    try {
      const models::ScenarioSpec spec = models::load_scenario_file(*path);
      const std::size_t types = spec.contact_types.size();
      const std::size_t groups = spec.agent_groups.size();
      if (cluster.is_root())
        std::printf("%s: ok (%zu contact type%s, %zu agent group%s, %s mode)\n", path->c_str(), types,
                    types == 1 ? "" : "s", groups, groups == 1 ? "" : "s",
                    spec.mode == models::RunMode::Day ? "day" : "steady_state");
      exit_code = cluster.agree(kExitOk, "");
    } catch (const models::ScenarioError& e) {
      exit_code = cluster.agree(kExitBadInput, models::format_diagnostics(e));
    }
  });
}

}  // namespace ccsim::cli
