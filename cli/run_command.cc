// cli/run_command.cc
// `ccsim run` and `ccsim validate`: load a scenario (errors -> exit 2), run it,
// print the report, write JSON / CSV / HTML / trace on request. Under mpirun every rank
// loads and runs its share of the replications; the root alone prints and writes.
#include <algorithm>
#include <cstdio>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/cluster.h"
#include "cli/commands.h"
#include "cli/output_file.h"
#include "cli/progress.h"
#include "cli/report.h"
#include "cli/scenario_options.h"
#include "cli/trace_writer.h"
#include "models/replication.h"
#include "models/scenario/diagnostics.h"
#include "models/scenario/load.h"
#include "models/scenario/message_text.h"

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
  bool observations = false;
};

// The trace writer, on the rank that runs the traced replication (rank r mod size
// runs replication r); null on the others or when no trace was asked for.
int open_trace(const RunArgs& a, const models::ScenarioSpec& spec, const Cluster& cluster,
               std::unique_ptr<TraceWriter>& trace, std::string& error) {
  if (a.trace_path.empty()) return kExitOk;
  if (a.trace_replication >= spec.replications) {
    error = fmt::format("ccsim run: --trace-replication {}: the run has replications 0..{}\n", a.trace_replication,
                        spec.replications - 1);
    return kExitBadInput;
  }
  try {
    const TraceFormat format = trace_format(a.trace_format, a.trace_path);
    if (a.trace_replication % static_cast<std::uint32_t>(cluster.size()) == static_cast<std::uint32_t>(cluster.rank()))
      trace = std::make_unique<TraceWriter>(a.trace_path, format, spec, a.trace_replication);
  } catch (const std::exception& e) {
    error = fmt::format("ccsim run: {}\n", e.what());
    return kExitBadInput;
  }
  return kExitOk;
}

// Every file the run reads or writes, for check_outputs: before anything is simulated.
std::vector<NamedFile> named_files(const RunArgs& a, const models::ScenarioSpec& spec) {
  std::vector<NamedFile> files = input_files(a.scenario, spec);
  if (!a.json_path.empty()) files.push_back({"--json", a.json_path});
  if (!a.html_path.empty()) files.push_back({"--html", a.html_path});
  if (!a.trace_path.empty()) files.push_back({"--trace", a.trace_path});
  if (!a.csv_dir.empty())
    for (std::string& path : csv_paths(a.csv_dir, spec)) files.push_back({"--csv", std::move(path)});
  return files;
}

// The root's part: the table and the files.
int report(const RunArgs& a, const models::ScenarioSpec& spec, const models::RunResults& results,
           std::string& error) {
  if (a.quiet)
    print_warnings(stderr, spec);
  else
    print_text_report(stdout, spec, results);
  const auto wrote = [](const std::string& what) { note_written("run", what); };
  std::string why;
  if (!a.json_path.empty()) {
    if (!write_output_file(a.json_path, results_json(spec, results) + '\n', &why)) {
      error = fmt::format("ccsim run: {}\n", why);
      return kExitBadInput;
    }
    wrote(a.json_path);
  }
  try {
    if (!a.csv_dir.empty()) {
      write_csv(a.csv_dir, spec, results);
      const std::vector<std::string> written = csv_paths(a.csv_dir, spec, !results.by_interval.empty());
      wrote(fmt::format("{} CSV tables: {}", written.size(), fmt::join(written, ", ")));
    }
    if (!a.html_path.empty()) {
      if (results.per_observation.empty()) {
        write_html(a.html_path, spec, results);
      } else {  // --observations asked for the results JSON; the page has no use for them
        models::RunResults shown = results;
        shown.per_observation.clear();
        write_html(a.html_path, spec, shown);
      }
      wrote(a.html_path);
    }
  } catch (const std::exception& e) {
    error = fmt::format("ccsim run: {}\n", e.what());
    return kExitBadInput;
  }
  return kExitOk;
}

// Every rank of an MPI job runs this on the same arguments (cli/cluster.h): each step
// ends with cluster.agree, so all ranks return the same code and the root alone prints.
int run(const RunArgs& a, Cluster& cluster) {
  models::ScenarioSpec spec;
  std::string error;
  if (const int loaded = cluster.agree(load_scenario(a.scenario, "run", spec, error), error); loaded != kExitOk)
    return loaded;
  const std::uint64_t job = job_hash("run", spec).add(!a.trace_path.empty()).add(a.trace_replication).value();
  if (const int same = cluster.same_job(job, "run"); same != kExitOk) return same;

  error = check_outputs("ccsim run", named_files(a, spec));
  if (const int checked = cluster.agree(error.empty() ? kExitOk : kExitBadInput, error); checked != kExitOk)
    return checked;
  if (a.quiet && a.json_path.empty() && a.csv_dir.empty() && a.html_path.empty() && a.trace_path.empty() &&
      cluster.is_root())
    fmt::print(stderr, "ccsim run: --quiet without --json, --csv, --html or --trace: nothing of this run will be "
                       "shown or kept\n");

  std::unique_ptr<TraceWriter> trace;
  error.clear();
  if (const int opened = cluster.agree(open_trace(a, spec, cluster, trace, error), error); opened != kExitOk)
    return opened;

  models::RunResults results;
  try {
    ProgressBar progress = ProgressBar::for_stderr("ccsim run");
    results = models::run_scenario(
        spec,
        models::RunOptions{.threads = a.scenario.threads,
                           .progress = [&](std::uint32_t done, std::uint32_t total) { progress.update(done, total); },
                           .thread_shortfall = thread_shortfall_notice("run"),
                           .trace = trace.get(),
                           .trace_replication = a.trace_replication,
                           .keep_observations = a.observations},
        cluster.runner());
  } catch (const models::ScenarioError& e) {  // the overrides made the spec invalid
    return cluster.agree(kExitBadInput, models::format_diagnostics(e));
  } catch (const ReplicationError& e) {
    return cluster.agree(kExitInternal, fmt::format("ccsim run: {}\n", e.what()));
  }
  results.ranks = static_cast<std::uint32_t>(cluster.size());
  results.threads = cluster.threads_used(a.scenario.threads, spec.replications);

  error.clear();
  int code = kExitOk;
  if (trace) {
    try {
      trace->finish();
      note_written("run", a.trace_path);
    } catch (const std::exception& e) {
      error = fmt::format("ccsim run: --trace {}\n", e.what());
      code = kExitBadInput;
    }
  }
  if (code == kExitOk && cluster.is_root()) code = report(a, spec, results, error);
  return cluster.agree(code, error);
}

}  // namespace

void add_run_command(CLI::App& app, Cluster& cluster, int& exit_code) {
  auto args = std::make_shared<RunArgs>();
  CLI::App* cmd = app.add_subcommand("run", "Simulate a scenario and report its KPIs with confidence intervals");
  add_scenario_options(*cmd, args->scenario, cluster.default_threads());
  CLI::Option* json =
      cmd->add_option("--json", args->json_path, "Write the results JSON (schema ccsim.results/3) to this file");
  cmd->add_flag("--observations", args->observations,
                "Also write each replication's (or batch's) overall KPIs in the results JSON")
      ->needs(json);
  cmd->add_option("--csv", args->csv_dir, "Write per-interval, per-type and per-group CSV tables to this folder");
  CLI::Option* trace = cmd->add_option(
      "--trace", args->trace_path, "Stream every event of one replication to this file (.csv or .jsonl; docs/trace.md)");
  cmd->add_option("--trace-format", args->trace_format, "Trace format: csv or jsonl (default: from the file name)")
      ->needs(trace);
  cmd->add_option("--trace-replication", args->trace_replication, "Which replication --trace records")
      ->capture_default_str()
      ->needs(trace);
  cmd->add_option("--html", args->html_path,
                  "Write a self-contained HTML report (charts and tables, opens offline) to this file");
  cmd->add_flag("--quiet", args->quiet, "Print no table (use with --json, --csv or --html)");
  cmd->callback([args, &cluster, &exit_code] { exit_code = run(*args, cluster); });
}

void add_validate_command(CLI::App& app, Cluster& cluster, int& exit_code) {
  auto options = std::make_shared<ScenarioOptions>();
  CLI::App* cmd = app.add_subcommand("validate", "Check a scenario file without running it");
  cmd->add_option("scenario", options->scenario, "Scenario file (JSON)")->required();
  add_forecast_options(*cmd, *options);
  add_run_size_option(*cmd, *options);
  cmd->callback([options, &cluster, &exit_code] {
    const std::string* path = &options->scenario;
    try {
      const models::ScenarioSpec spec = models::load_scenario_file(*path, option_edits(*options));
      const std::size_t types = spec.contact_types.size();
      const std::size_t groups = spec.agent_groups.size();
      options->threads = std::min(cluster.default_threads(), kMaxThreads);  // what `run` would use
      std::string error;
      const int sized = check_run_size(*options, spec, error);
      if (cluster.is_root() && sized == kExitOk) {
        std::printf("%s: ok (%zu contact type%s, %zu agent group%s, %s mode)\n",
                    models::internal::escape_controls(*path).c_str(), types,
                    types == 1 ? "" : "s", groups, groups == 1 ? "" : "s",
                    spec.mode == models::RunMode::Day ? "day" : "steady_state");
        print_warnings(stdout, spec);
      }
      if (cluster.is_root()) std::printf("%s\n", run_size_line(*options, spec).c_str());
      exit_code = cluster.agree(sized, error);
    } catch (const models::ScenarioError& e) {
      exit_code = cluster.agree(kExitBadInput, models::format_diagnostics(e));
    }
  });
}

}  // namespace ccsim::cli
