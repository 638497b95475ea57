// cli/run_command.cc
// `ccsim run` and `ccsim validate`: load a scenario (errors -> exit 2), run it,
// print the report, write JSON / CSV / HTML on request.
#include <cstdio>
#include <memory>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/output_file.h"
#include "cli/progress.h"
#include "cli/report.h"
#include "cli/scenario_options.h"
#include "cli/trace_writer.h"
#include "models/invariant.h"
#include "models/replication.h"
#include "models/scenario/diagnostics.h"
#include "models/scenario/load.h"

namespace ccsim::cli {
namespace {

struct RunArgs {
  ScenarioOptions scenario;
  std::string json_path;
  std::string csv_dir;
  std::string trace_path;
  std::string trace_format;
  std::uint32_t trace_replication = 0;
  std::string html_path;
  bool quiet = false;
};

int run(const RunArgs& a) {
  models::ScenarioSpec spec;
  std::string error;
  if (const int loaded = load_scenario(a.scenario, "run", spec, error); loaded != kExitOk) {
    std::fputs(error.c_str(), stderr);
    return loaded;
  }

  std::unique_ptr<TraceWriter> trace;
  if (!a.trace_path.empty()) {
    if (a.trace_replication >= spec.replications) {
      std::fprintf(stderr, "ccsim run: --trace-replication %u: the run has replications 0..%u\n", a.trace_replication,
                   spec.replications - 1);
      return kExitBadInput;
    }
    try {
      trace = std::make_unique<TraceWriter>(a.trace_path, trace_format(a.trace_format, a.trace_path), spec,
                                            a.trace_replication);
    } catch (const std::exception& e) {
      std::fprintf(stderr, "ccsim run: %s\n", e.what());
      return kExitBadInput;
    }
  }

  models::RunResults results;
  try {
    ProgressBar progress = ProgressBar::for_stderr("ccsim run");
    results = models::run_scenario(
        spec, models::RunOptions{.threads = a.scenario.threads,
                                 .progress = [&](std::uint32_t done, std::uint32_t total) { progress.update(done, total); },
                                 .trace = trace.get(),
                                 .trace_replication = a.trace_replication});
  } catch (const models::ScenarioError& e) {  // the overrides above made the spec invalid
    std::fputs(models::format_diagnostics(e).c_str(), stderr);
    return kExitBadInput;
  } catch (const models::InvariantError& e) {
    std::fprintf(stderr, "ccsim run: model invariant failed: %s\n", e.what());
    return kExitInternal;
  }
  if (trace) {
    try {
      trace->finish();
    } catch (const std::exception& e) {
      std::fprintf(stderr, "ccsim run: --trace %s\n", e.what());
      return kExitBadInput;
    }
  }

  if (!a.quiet) print_text_report(stdout, spec, results);
  if (!a.json_path.empty()) {
    if (!write_output_file(a.json_path, results_json(spec, results) + '\n')) {
      std::fprintf(stderr, "ccsim run: cannot write %s\n", a.json_path.c_str());
      return kExitBadInput;
    }
  }
  if (!a.csv_dir.empty()) {
    try {
      write_csv(a.csv_dir, spec, results);
    } catch (const std::exception& e) {
      std::fprintf(stderr, "ccsim run: %s\n", e.what());
      return kExitBadInput;
    }
  }
  if (!a.html_path.empty()) {
    try {
      write_html(a.html_path, spec, results);
    } catch (const std::exception& e) {
      std::fprintf(stderr, "ccsim run: %s\n", e.what());
      return kExitBadInput;
    }
  }
  return kExitOk;
}

}  // namespace

void add_run_command(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<RunArgs>();
  CLI::App* cmd = app.add_subcommand("run", "Simulate a scenario and report its KPIs with confidence intervals");
  add_scenario_options(*cmd, args->scenario);
  cmd->add_option("--json", args->json_path, "Write the results JSON (schema ccsim.results/1) to this file");
  cmd->add_option("--csv", args->csv_dir, "Write per-interval, per-type and per-group CSV tables to this folder");
  cmd->add_option("--trace", args->trace_path,
                  "Stream every event of one replication to this file (.csv or .jsonl; docs/trace.md)");
  cmd->add_option("--trace-format", args->trace_format, "Trace format: csv or jsonl (default: from the file name)");
  cmd->add_option("--trace-replication", args->trace_replication, "Which replication --trace records")
      ->capture_default_str();
  cmd->add_option("--html", args->html_path,
                  "Write a self-contained HTML report (charts and tables, opens offline) to this file");
  cmd->add_flag("--quiet", args->quiet, "Print no table (use with --json, --csv or --html)");
  cmd->callback([args, &exit_code] { exit_code = run(*args); });
}

void add_validate_command(CLI::App& app, int& exit_code) {
  auto path = std::make_shared<std::string>();
  CLI::App* cmd = app.add_subcommand("validate", "Check a scenario file without running it");
  cmd->add_option("scenario", *path, "Scenario file (JSON)")->required();
  cmd->callback([path, &exit_code] {
    try {
      const models::ScenarioSpec spec = models::load_scenario_file(*path);
      const std::size_t types = spec.contact_types.size();
      const std::size_t groups = spec.agent_groups.size();
      std::printf("%s: ok (%zu contact type%s, %zu agent group%s, %s mode)\n", path->c_str(), types,
                  types == 1 ? "" : "s", groups, groups == 1 ? "" : "s",
                  spec.mode == models::RunMode::Day ? "day" : "steady_state");
      exit_code = kExitOk;
    } catch (const models::ScenarioError& e) {
      std::fputs(models::format_diagnostics(e).c_str(), stderr);
      exit_code = kExitBadInput;
    }
  });
}

}  // namespace ccsim::cli
