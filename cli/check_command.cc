// cli/check_command.cc
// `ccsim check`: run a scenario, judge its targets, compare every KPI and the
// fingerprint with the baseline (or write the baseline with --update), and exit with a
// code a CI job can gate on. --sequential adds replications until the targets are
// decided. docs/check.md documents the rules and the exit codes.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/bad_input.h"
#include "cli/baseline.h"
#include "cli/check.h"
#include "cli/cluster.h"
#include "cli/commands.h"
#include "cli/progress.h"
#include "cli/compare.h"
#include "cli/output_file.h"
#include "cli/scenario_options.h"
#include "models/experiment/experiment.h"
#include "models/experiment/sequential.h"
#include "models/scenario/diagnostics.h"
#include "models/scenario/message_text.h"
#include "models/scenario/input_file.h"

namespace ccsim::cli {
namespace {

namespace fs = std::filesystem;

struct CheckArgs {
  ScenarioOptions scenario;
  std::string baseline;  // empty: results/<scenario file stem>.json
  bool update = false;
  std::string json_path;
  bool no_targets = false;
  bool require_fingerprint = false;
  std::optional<double> alpha;
  std::optional<double> tolerance_fraction;
  std::optional<double> tolerance_relative;
  bool sequential = false;
  std::optional<std::uint32_t> max_replications;
  std::optional<double> precision;
};

// ---- settings and the baseline -------------------------------------------------------

models::CheckSpec settings_of(const models::ScenarioSpec& spec, const CheckArgs& a) {
  models::CheckSpec s = spec.check;
  const auto finite = [](double x) { return std::isfinite(x); };
  if (a.alpha) {
    if (!(finite(*a.alpha) && *a.alpha > 0.0 && *a.alpha < 1.0))
      throw BadInput{fmt::format("ccsim check: --alpha must be in (0, 1); got {}", *a.alpha)};
    s.alpha = *a.alpha;
  }
  if (a.tolerance_fraction) {
    if (!(finite(*a.tolerance_fraction) && *a.tolerance_fraction >= 0.0 && *a.tolerance_fraction <= 1.0))
      throw BadInput{fmt::format("ccsim check: --tolerance-fraction must be in [0, 1] (write 1% as 0.01); got {}",
                                 *a.tolerance_fraction)};
    s.tolerance_fraction = *a.tolerance_fraction;
  }
  if (a.tolerance_relative) {
    if (!(finite(*a.tolerance_relative) && *a.tolerance_relative >= 0.0))
      throw BadInput{
          fmt::format("ccsim check: --tolerance-relative must be >= 0 (5% is 0.05); got {}", *a.tolerance_relative)};
    s.tolerance_relative = *a.tolerance_relative;
  }
  return s;
}

void check_sequential_args(const models::ScenarioSpec& spec, const CheckArgs& a) {
  if (!a.sequential) return;
  if (spec.mode == models::RunMode::SteadyState && spec.steady.batches > 1)
    throw BadInput{
        fmt::format("ccsim check: --sequential adds replications, but {} uses batch means over one replication "
                    "(/steady_state/batches is {}); remove batches or run without --sequential",
                    models::internal::escape_controls(a.scenario.scenario), spec.steady.batches)};
  if (*a.max_replications < spec.replications)
    throw BadInput{
        fmt::format("ccsim check: --max-replications {} is below the {} replications to start with; give "
                    "a cap >= {}",
                    *a.max_replications, spec.replications, spec.replications)};
  if (a.precision && !(std::isfinite(*a.precision) && *a.precision > 0.0))
    throw BadInput{
        fmt::format("ccsim check: --precision must be > 0 (a relative half-width: 5% is 0.05); got {}", *a.precision)};
}

std::string default_baseline_path(const std::string& scenario) {
  return (fs::path("results") / (models::internal::file_stem(scenario) + ".json")).generic_string();
}

// The baseline to compare with: none when the default path holds no file; a located
// error (exit 2) when a given file is missing, unreadable, invalid or of another scenario.
std::optional<Baseline> load_baseline(const std::string& path, bool explicit_path, const models::ScenarioSpec& spec) {
  std::error_code ec;
  if (!explicit_path && !fs::exists(path, ec)) return std::nullopt;
  Baseline b;
  try {
    b = read_baseline_file(path);
  } catch (const models::ScenarioError& e) {
    throw BadInput{e.what()};
  }
  if (b.scenario_name != spec.name)
    throw BadInput{fmt::format(
        "{}: /scenario/name: this baseline is of scenario {}, not {}; give this scenario's baseline with --baseline, "
        "or write one with --update",
        models::internal::escape_controls(path), models::internal::quote(b.scenario_name),
        models::internal::quote(spec.name))};
  return b;
}

void compare_fingerprints(CheckReport& report, const Baseline& b, const models::ScenarioSpec& spec,
                          const models::RunResults& r) {
  std::string why;
  if (b.seed != spec.seed) why = fmt::format("seed {} here, {} in the baseline", spec.seed, b.seed);
  if (b.replications != r.replications)
    why += fmt::format("{}{} replications here, {} in the baseline", why.empty() ? "" : "; ", r.replications,
                       b.replications);
  if (!why.empty()) {
    report.fingerprint = FingerprintStatus::NotComparable;
    report.fingerprint_note = why;
  } else {
    report.fingerprint = b.fingerprint == r.fingerprint ? FingerprintStatus::Same : FingerprintStatus::Changed;
  }
}

// ---- the verdict ---------------------------------------------------------------------

std::string plural(std::size_t n, const char* word) { return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s"); }

void settle_exit_code(CheckReport& report) {
  std::vector<std::string> failed, undecided;
  std::size_t missed = 0, inconclusive = 0;
  for (const models::TargetCheck& t : report.targets) {
    missed += t.result.verdict == models::Verdict::Missed;
    inconclusive += t.result.verdict == models::Verdict::Inconclusive;
  }
  if (missed) failed.push_back(plural(missed, "target") + " missed");
  if (report.comparison) {
    const Comparison& c = *report.comparison;
    if (const std::size_t n = c.count(KpiOutcome::Changed)) failed.push_back(plural(n, "KPI") + " changed");
    if (!report.service_level_changes.empty())
      failed.push_back("service level defined differently from the baseline's");
    if (!c.only_in_baseline.empty())
      failed.push_back(plural(c.only_in_baseline.size(), "baseline KPI") + " missing from this run");
    if (const std::size_t n = c.count(KpiOutcome::Undecided))
      undecided.push_back(plural(n, "KPI") + " beyond tolerance but untestable (n < 2 on each side)");
  }
  if (report.require_fingerprint && report.fingerprint == FingerprintStatus::Changed)
    failed.push_back("fingerprint changed (--require-fingerprint)");
  if (report.require_fingerprint && report.fingerprint == FingerprintStatus::NotComparable)
    failed.push_back("fingerprints not comparable (--require-fingerprint)");
  if (inconclusive) undecided.push_back(plural(inconclusive, "target") + " inconclusive");
  if (report.sequential && !report.sequential->satisfied && report.sequential->precision)
    undecided.push_back(fmt::format("relative precision {:g} not reached at the cap", *report.sequential->precision));
  const auto join = [](const std::vector<std::string>& v) {
    std::string s;
    for (const std::string& x : v) s += (s.empty() ? "" : ", ") + x;
    return s;
  };
  if (!failed.empty()) {
    report.exit_code = kExitTargetMissed;
    report.outcome = join(failed) + (undecided.empty() ? "" : "; also " + join(undecided));
  } else if (!undecided.empty()) {
    report.exit_code = kExitInconclusive;
    report.outcome = join(undecided);
  } else {
    report.exit_code = kExitOk;
    report.outcome = report.targets_judged ? "every target met" : "targets not judged";
    if (report.comparison) report.outcome += ", no KPI changed";
    if (report.fingerprint == FingerprintStatus::Same) report.outcome += ", same fingerprint";
  }
}

// ---- the command ---------------------------------------------------------------------

// Every rank of an MPI job runs this on the same arguments and files; each step ends
// with cluster.agree, so all ranks return the same code and the root alone prints.
int check(const CheckArgs& a, Cluster& cluster) {
  models::ScenarioSpec spec;
  std::string error;
  if (const int loaded = cluster.agree(load_scenario(a.scenario, "check", spec, error), error); loaded != kExitOk)
    return loaded;
  models::Hash64 job = job_hash("check", spec);
  job.add(a.update).add(a.no_targets).add(a.require_fingerprint).add(a.sequential);
  job.add(a.alpha).add(a.tolerance_fraction).add(a.tolerance_relative).add(a.max_replications).add(a.precision);
  if (const int same = cluster.same_job(job.value(), "check"); same != kExitOk) return same;
  CheckReport report;
  report.spec = &spec;
  report.unit = spec.replications == 1 && spec.steady.batches > 1 ? "batches" : "replications";
  report.targets_judged = !a.no_targets;
  report.require_fingerprint = a.require_fingerprint;
  report.baseline_path = a.baseline.empty() ? default_baseline_path(a.scenario.scenario) : a.baseline;
  try {
    report.settings = settings_of(spec, a);
    check_sequential_args(spec, a);
    if (a.update) {
      // The file to replace, for its fingerprint only; a missing or unreadable one is
      // simply replaced, but another scenario's baseline is not overwritten.
      try {
        report.baseline = read_baseline_file(report.baseline_path);
      } catch (const models::ScenarioError&) {
      }
      if (report.baseline && report.baseline->scenario_name != spec.name)
        throw BadInput{fmt::format(
            "{}: /scenario/name: this is the baseline of scenario {}, not {}; --update will not overwrite another "
            "scenario's baseline (give --baseline a path of its own)",
            models::internal::escape_controls(report.baseline_path),
            models::internal::quote(report.baseline->scenario_name),
            models::internal::quote(spec.name))};
      report.baseline_found = report.baseline.has_value();
    } else {
      report.baseline = load_baseline(report.baseline_path, !a.baseline.empty(), spec);
      report.baseline_found = report.baseline.has_value();
      if (a.require_fingerprint && !report.baseline)
        throw BadInput{
            fmt::format("ccsim check: --require-fingerprint needs a baseline; there is none at {} (write "
                        "one with --update)",
                        models::internal::escape_controls(report.baseline_path))};
    }
  } catch (const BadInput& e) {
    error = std::string(e.what()) + "\n";
  }
  if (error.empty()) {
    std::vector<NamedFile> files = input_files(a.scenario, spec);
    files.push_back({"--baseline", report.baseline_path, !a.update});
    if (!a.json_path.empty()) files.push_back({"--json", a.json_path});
    error = check_outputs("ccsim check", files);
  }
  if (const int ready = cluster.agree(error.empty() ? kExitOk : kExitBadInput, error); ready != kExitOk) return ready;

  ProgressBar progress = ProgressBar::for_stderr("ccsim check");
  models::Experiment experiment(
      spec,
      models::RunOptions{.threads = a.scenario.threads,
                         .progress = [&progress](std::uint32_t done, std::uint32_t total) { progress.update(done, total); },
                         .thread_shortfall = thread_shortfall_notice("check")},
      cluster.runner());
  try {
    if (a.sequential) {
      report.sequential = models::run_sequential(experiment, spec.replications, *a.max_replications, a.precision,
                                                 report.unit, [&cluster](std::uint32_t v) { return cluster.root_value(v); });
    } else {
      experiment.extend_to(spec.replications);
    }
  } catch (const ReplicationError& e) {
    progress.finish();
    return cluster.agree(kExitInternal, fmt::format("ccsim check: {}\n", e.what()));
  }
  progress.finish();
  if (!cluster.is_root()) return cluster.agree(kExitOk, "");

  models::RunResults results = experiment.results();
  results.ranks = static_cast<std::uint32_t>(cluster.size());
  results.threads = cluster.threads_used(a.scenario.threads, experiment.done());
  report.results = &results;
  if (report.targets_judged)
    for (const models::TargetResult& t : results.targets)
      report.targets.push_back(models::assess(t, models::units_of(results), report.unit));
  Baseline now = make_baseline(spec, results, scenario_path_from(report.baseline_path, a.scenario.scenario));
  now.observations = experiment.observations();
  if (report.baseline) compare_fingerprints(report, *report.baseline, spec, results);
  if (a.update) {
    if (!write_output_file(report.baseline_path, baseline_json(now)))
      return cluster.agree(kExitBadInput,
                           fmt::format("ccsim check: cannot write the baseline {}\n",
                                       models::internal::escape_controls(report.baseline_path)));
    report.baseline_written = true;
  } else if (report.baseline) {
    report.comparison = compare_kpis(*report.baseline, now, report.settings);
    report.service_level_changes =
        service_level_changes(report.baseline->service_levels, now.service_levels, "in the baseline", "here");
  }

  settle_exit_code(report);
  print_check_text(stdout, report);
  if (!a.json_path.empty()) {
    if (!write_output_file(a.json_path, check_json(report) + "\n"))
      return cluster.agree(kExitBadInput, fmt::format("ccsim check: cannot write {}\n",
                                                      models::internal::escape_controls(a.json_path)));
    note_written("check", a.json_path);
  }
  return cluster.agree(report.exit_code, "");
}

}  // namespace

void add_check_command(CLI::App& app, Cluster& cluster, int& exit_code) {
  auto args = std::make_shared<CheckArgs>();
  CLI::App* cmd = app.add_subcommand(
      "check", "Run a scenario, judge its targets and compare every KPI and the fingerprint with its baseline");
  add_scenario_options(*cmd, args->scenario, cluster.default_threads());
  cmd->add_option("--baseline", args->baseline,
                  "Baseline file (schema ccsim.baseline/2); default: results/<scenario file stem>.json");
  CLI::Option* update =
      cmd->add_flag("--update", args->update, "Write the baseline from this run instead of comparing");
  cmd->add_option("--json", args->json_path, "Write the check report (schema ccsim.check/2) to this file");
  CLI::Option* no_targets =
      cmd->add_flag("--no-targets", args->no_targets, "Do not judge the targets (compare with the baseline only)");
  cmd->add_flag("--require-fingerprint", args->require_fingerprint,
                "Exit 1 when the fingerprint differs from the baseline's or cannot be compared")
      ->excludes(update);
  // What only a comparison uses means nothing with --update, which compares nothing.
  cmd->add_option("--alpha", args->alpha, "Family-wise false-alarm rate over all KPIs (default: check.alpha, 0.01)")
      ->excludes(update);
  cmd->add_option("--tolerance-fraction", args->tolerance_fraction,
                  "Absolute tolerance of fraction KPIs (default: check.tolerance.fraction, 0.01)")
      ->excludes(update);
  cmd->add_option("--tolerance-relative", args->tolerance_relative,
                  "Relative tolerance of the other KPIs (default: check.tolerance.relative, 0.05)")
      ->excludes(update);
  CLI::Option* sequential = cmd->add_flag("--sequential", args->sequential,
                                          "Add replications until every target is decided (needs --max-replications)");
  CLI::Option* cap =
      cmd->add_option("--max-replications", args->max_replications, "With --sequential: the most replications to run");
  CLI::Option* precision = cmd->add_option(
      "--precision", args->precision,
      "With --sequential: stop when every target KPI's half-width is at most this fraction of its mean");
  sequential->needs(cap)->excludes(update)->excludes(no_targets);
  cap->needs(sequential);
  precision->needs(sequential);
  cmd->callback([args, &cluster, &exit_code] { exit_code = check(*args, cluster); });
}

}  // namespace ccsim::cli
