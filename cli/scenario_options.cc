// cli/scenario_options.cc
// Loading a scenario with the command line's overrides (cli/scenario_options.h).
#include "cli/scenario_options.h"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <cmath>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "models/planning/run_size.h"
#include "models/scenario/diagnostics.h"
#include "models/scenario/load.h"
#include "models/scenario/message_text.h"

namespace ccsim::cli {

void add_scenario_options(CLI::App& cmd, ScenarioOptions& o, std::uint32_t default_threads) {
  // A default, not the user's value: on a machine with more hardware threads than
  // kMaxThreads, run on kMaxThreads rather than refuse every run.
  o.threads = std::min(default_threads, kMaxThreads);
  cmd.add_option("scenario", o.scenario, "Scenario file (JSON, docs/scenario-format.md)")->required();
  cmd.add_option("--seed", o.seed, "Override the scenario's rng.seed");
  cmd.add_option("--replications", o.replications, "Override the scenario's rng.replications");
  cmd.add_option("--confidence", o.confidence,
                 "Override the scenario's confidence: the level of every confidence interval and target verdict "
                 "(0.95 for 95 %)");
  cmd.add_option("--threads", o.threads,
                 "Replications run in parallel in each process; default: all hardware threads (under mpirun: this "
                 "rank's share of them); results do not depend on it")
      ->capture_default_str();
  add_forecast_options(cmd, o);
  add_run_size_option(cmd, o);
}

void add_run_size_option(CLI::App& cmd, ScenarioOptions& o) {
  cmd.add_flag("--allow-large-run", o.allow_large_run,
               fmt::format("Run even when the estimate passes {:.3g} events or {:.3g} GiB of memory "
                           "(docs/scenario-format.md, Limits on the size of a run)",
                           models::kMaxRunEvents, models::kMaxRunBytes / (1ull << 30)));
}

void add_forecast_options(CLI::App& cmd, ScenarioOptions& o) {
  cmd.add_option("--forecast", o.forecast,
                 "A forecast CSV (interval_start, contact_type, volume[, aht_s, patience_s]) replacing the arrivals "
                 "and AHT of the types it covers (docs/forecasts.md)");
  cmd.add_option("--forecast-volume", o.forecast_volume,
                 "per_interval or per_hour: the unit of the forecast's volumes, when its file does not say")
      ->check(CLI::IsMember({"per_interval", "per_hour"}));
  cmd.add_option("--staffing", o.staffing,
                 "A staffing plan CSV (interval_start, then one agent group per column) replacing the staffing of "
                 "the groups it covers (docs/forecasts.md)");
}

std::vector<NamedFile> input_files(const ScenarioOptions& o, const std::string& scenario_option) {
  std::vector<NamedFile> files{{scenario_option, o.scenario, true}};
  if (!o.forecast.empty()) files.push_back({"--forecast", o.forecast, true});
  if (!o.staffing.empty()) files.push_back({"--staffing", o.staffing, true});
  return files;
}

std::vector<NamedFile> input_files(const ScenarioOptions& o, const models::ScenarioSpec& spec,
                                   const std::string& scenario_option) {
  std::vector<NamedFile> files = input_files(o, scenario_option);
  if (spec.forecast) files.push_back({scenario_option + "'s forecast", spec.forecast->file, true});
  if (!spec.staffing_plan_file.empty())
    files.push_back({scenario_option + "'s staffing plan", spec.staffing_plan_file, true});
  return files;
}

std::vector<models::ScenarioEdit> option_edits(const ScenarioOptions& o) {
  std::vector<models::ScenarioEdit> edits;
  // Paths absolute, so that they do not depend on the scenario's folder (the file's own
  // are relative to it); JSON-quoted, so that a name like 2026.csv stays a string.
  const auto file = [&edits](const std::string& key, const std::string& path) {
    edits.push_back({key + "/file", models::ScenarioEdit::Op::Set,
                     nlohmann::json(std::filesystem::absolute(path).lexically_normal().string()).dump()});
    edits.push_back({key + "/overrides", models::ScenarioEdit::Op::Set, "true"});
  };
  if (!o.forecast.empty()) file("/forecast", o.forecast);
  // Also without --forecast: it states the unit of the scenario's own forecast file.
  if (!o.forecast_volume.empty())
    edits.push_back({"/forecast/volume", models::ScenarioEdit::Op::Set, nlohmann::json(o.forecast_volume).dump()});
  if (!o.staffing.empty()) file("/staffing_plan", o.staffing);
  return edits;
}

int apply_overrides(const ScenarioOptions& o, std::string_view command, models::ScenarioSpec& spec,
                    std::string& error) {
  if (o.seed) spec.seed = *o.seed;
  if (o.confidence) {
    if (!(std::isfinite(*o.confidence) && *o.confidence > 0.0 && *o.confidence < 1.0)) {
      error = fmt::format("ccsim {}: --confidence must be in (0, 1){}; got {}\n", command,
                          *o.confidence >= 1.0 && *o.confidence < 100.0 ? " (write 95 % as 0.95)" : "",
                          *o.confidence);
      return kExitBadInput;
    }
    spec.confidence = *o.confidence;
  }
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
  if (o.threads == 0 || o.threads > kMaxThreads) {
    error = fmt::format("ccsim {}: --threads must be in [1, {}]; got {} (each thread holds one replication in "
                        "memory; more threads than cores do not run faster)\n",
                        command, kMaxThreads, o.threads);
    return kExitBadInput;
  }
  return check_run_size(o, spec, error);
}

int check_run_size(const ScenarioOptions& o, const models::ScenarioSpec& spec, std::string& error) {
  std::vector<models::Diagnostic> problems =
      models::run_size_problems(models::estimate_run_size(spec, o.threads), o.allow_large_run);
  if (problems.empty()) return kExitOk;
  error = models::format_diagnostics(models::ScenarioError(spec.source_file, std::move(problems)));
  return kExitBadInput;
}

models::Hash64 job_hash(std::string_view command, const models::ScenarioSpec& spec) {
  return models::Hash64().add(command).add(models::spec_hash(spec));
}

models::ThreadShortfallFn thread_shortfall_notice(std::string_view command) {
  return [command = std::string(command)](std::uint32_t started, std::uint32_t asked, const std::string& why) {
    fmt::print(stderr, "ccsim {}: the system started {} of the {} threads asked for ({}); the replications run on {} "
               "(the results do not depend on it)\n",
               command, started, asked, why, std::max(1u, started));
  };
}

std::string run_size_line(const ScenarioOptions& o, const models::ScenarioSpec& spec) {
  return "estimate: " + models::describe_run_size(models::estimate_run_size(spec, o.threads));
}

int load_scenario(const ScenarioOptions& o, std::string_view command, models::ScenarioSpec& spec, std::string& error) {
  try {
    spec = models::load_scenario_file(o.scenario, option_edits(o));
  } catch (const models::ScenarioError& e) {
    error = models::format_diagnostics(e);
    return kExitBadInput;
  }
  if (const int code = apply_overrides(o, command, spec, error); code != kExitOk) return code;
  if (models::estimate_run_size(spec, o.threads).seconds() > models::kEstimateNoticeS)
    error = fmt::format("ccsim {}: {}\n", command, run_size_line(o, spec));
  return kExitOk;
}

}  // namespace ccsim::cli
