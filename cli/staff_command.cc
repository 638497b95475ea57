// cli/staff_command.cc
// `ccsim staff SCENARIO`: the fewest agents per group per interval such that the
// scenario's targets hold (models/planning/staffing_search.h), printed as required
// against scheduled agents, and written as a staffing-plan CSV (the format --staffing
// reads), a scenario file with that staffing, and JSON. docs/planning.md.
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/cluster.h"
#include "cli/commands.h"
#include "cli/output_file.h"
#include "cli/progress.h"
#include "cli/report.h"
#include "cli/scenario_options.h"
#include "models/experiment/experiment.h"
#include "models/planning/staffing_search.h"
#include "models/scenario/diagnostics.h"
#include "models/scenario/load.h"
#include "models/scenario/message_text.h"
#include "models/targets.h"

namespace ccsim::cli {
namespace {

namespace fs = std::filesystem;

struct StaffArgs {
  ScenarioOptions scenario;
  std::string csv_path;
  std::string scenario_path;
  std::string json_path;
  std::string html_path;
  std::uint32_t max_runs = 60;
  std::uint32_t final_checks = 3;
};

std::uint64_t agent_intervals(const models::Staffing& s) {
  std::uint64_t n = 0;
  for (const auto& g : s)
    for (std::uint32_t x : g) n += x;
  return n;
}

// Agent-hours of a group's per-interval plan.
double agent_hours(const std::vector<std::uint32_t>& plan, double period_s) {
  double n = 0;
  for (std::uint32_t x : plan) n += x;
  return n * period_s / 3600.0;
}

// The interval_start cell of a staffing plan: the clock against /start_time, else seconds;
// over several days each with its day ("Tue 08:00", "Tue 28800"), as the plan reader takes it.
std::string interval_cell(const models::ScenarioSpec& spec, std::uint32_t i) {
  if (spec.start_minute) return csv_quoted(interval_label(spec, i));
  if (spec.days == 1) return fmt::format("{:.10g}", i * spec.period_s);
  const std::uint32_t per_day = spec.periods_per_day();
  return csv_quoted(fmt::format("{} {:.10g}", spec.day_name(i / per_day), (i % per_day) * spec.period_s));
}

std::string staffing_csv(const models::ScenarioSpec& spec, const models::Staffing& s) {
  std::string text = "interval_start";
  for (const auto& g : spec.agent_groups) text += "," + csv_quoted(g.name);
  text += "\n";
  for (std::uint32_t i = 0; i < spec.num_periods; ++i) {
    text += interval_cell(spec, i);
    for (const auto& g : s) text += fmt::format(",{}", g[i]);
    text += "\n";
  }
  return text;
}

// The scenario file with the found staffing: each group's staffing array replaced, its
// shifts and any staffing plan removed, and a forecast file named from the new file's folder.
std::string scenario_with_staffing(const StaffArgs& a, const models::ScenarioSpec& spec, const models::Staffing& s) {
  std::vector<models::ScenarioEdit> edits = option_edits(a.scenario);
  for (std::size_t g = 0; g < s.size(); ++g) {
    const std::string at = fmt::format("/agent_groups/{}", g);
    edits.push_back({at + "/staffing", models::ScenarioEdit::Op::Set, nlohmann::json(s[g]).dump()});
    edits.push_back({at + "/shifts", models::ScenarioEdit::Op::Remove, ""});
  }
  edits.push_back({"/staffing_plan", models::ScenarioEdit::Op::Remove, ""});
  if (spec.forecast) {
    const fs::path folder = fs::absolute(a.scenario_path).lexically_normal().parent_path();
    const fs::path file = fs::absolute(spec.forecast->file).lexically_normal().lexically_relative(folder);
    edits.push_back({"/forecast/file", models::ScenarioEdit::Op::Set, nlohmann::json(file.generic_string()).dump()});
  }
  return models::edited_scenario_text(a.scenario.scenario, edits);
}

void print_table(std::FILE* out, const models::ScenarioSpec& spec, const models::StaffingSearch& r) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> header{"interval"};
  for (const auto& g : spec.agent_groups) {
    header.push_back(g.name + " scheduled");
    header.push_back("required");
  }
  rows.push_back(header);
  for (std::uint32_t i = 0; i < spec.num_periods; ++i) {
    std::vector<std::string> row{interval_label(spec, i)};
    for (std::size_t g = 0; g < r.required.size(); ++g) {
      const long diff = static_cast<long>(r.required[g][i]) - static_cast<long>(r.scheduled[g][i]);
      row.push_back(std::to_string(r.scheduled[g][i]));
      row.push_back(diff == 0 ? std::to_string(r.required[g][i]) : fmt::format("{} ({:+d})", r.required[g][i], diff));
    }
    rows.push_back(row);
  }
  std::vector<std::string> total{"agent-hours"};
  for (std::size_t g = 0; g < r.required.size(); ++g) {
    total.push_back(fmt::format("{:.1f}", agent_hours(r.scheduled[g], spec.period_s)));
    total.push_back(fmt::format("{:.1f}", agent_hours(r.required[g], spec.period_s)));
  }
  rows.push_back(total);
  print_columns(out, rows, true);
}

std::string shortfall_text(const models::ScenarioSpec& spec, const models::Shortfall& f) {
  return fmt::format("{} at {}", target_text(spec, spec.targets[f.target]), interval_label(spec, f.interval));
}

// Exit code: 0 when the final check met every target and left no interval short; 1 when a
// target was missed there; 3 when something is undecided or short.
int outcome(const models::StaffingSearch& r) {
  bool missed = false, undecided = !r.final_short.empty() || !r.unreachable.empty();
  for (const models::TargetResult& t : r.final.targets) {
    missed = missed || t.verdict == models::Verdict::Missed;
    undecided = undecided || t.verdict == models::Verdict::Inconclusive;
  }
  return missed ? kExitTargetMissed : undecided ? kExitInconclusive : kExitOk;
}

void print_report(std::FILE* out, const StaffArgs& a, const models::ScenarioSpec& spec,
                  const models::StaffingSearch& r) {
  fmt::print(out, "Staffing search for {}: {} intervals x {} groups, {} replications per run, seed {}\n",
             spec.name, spec.num_periods, spec.agent_groups.size(), spec.replications, spec.seed);
  fmt::print(out, "  start: Erlang A per interval, {} agent-intervals; scheduled: {}\n", agent_intervals(r.start),
             agent_intervals(r.scheduled));
  fmt::print(out, "  search: {} runs on the scenario's seed (common random numbers); {}\n", r.search_runs,
             r.minimal ? "every single removal tried (no agent can go without a target falling short)"
                       : fmt::format("stopped at --max-runs {} before every removal was tried: not minimal", a.max_runs));
  for (const models::Shortfall& f : r.unreachable)
    fmt::print(out, "  SHORT on the search's seed when raising stopped (the agent cap or --max-runs): {}\n",
               shortfall_text(spec, f));
  fmt::print(out, "  final check: {} independent seed{}, {} run{} (last seed {}, {} replications){}\n", r.final_rounds,
             r.final_rounds == 1 ? "" : "s", r.runs - r.search_runs, r.runs - r.search_runs == 1 ? "" : "s",
             r.final_seed, r.final_replications,
             r.raised_by_final.empty() ? ""
                                       : fmt::format("; {} agent-interval{} added where an independent run found a "
                                                     "target short",
                                                     r.raised_by_final.size(), r.raised_by_final.size() == 1 ? "" : "s"));
  for (const models::Shortfall& f : r.final_short)
    fmt::print(out, "  SHORT in the last final check: {}\n", shortfall_text(spec, f));
  if (spec.has_costs()) {
    const std::string currency = spec.costs && !spec.costs->currency.empty() ? " " + spec.costs->currency : "";
    double scheduled = 0.0, required = 0.0;
    for (std::size_t g = 0; g < r.required.size(); ++g) {
      const double rate = spec.agent_groups[models::make_id<models::AgentGroupId>(g)].cost_per_hour.value_or(0.0);
      scheduled += rate * agent_hours(r.scheduled[g], spec.period_s);
      required += rate * agent_hours(r.required[g], spec.period_s);
    }
    fmt::print(out, "  agent cost (agent-hours at each group's rate, before absence): scheduled {:.2f}{}, required "
                    "{:.2f}{}\n",
               scheduled, currency, required, currency);
    fmt::print(out, "  day cost with the required staffing (final check, agents and calls): {}{}\n",
               kpi_stat_text(models::stat_of(r.final.overall, models::Kpi::Cost), false), currency);
  }
  fmt::print(out, "\n");
  print_table(out, spec, r);
  fmt::print(out, "\ntargets with the required staffing (last final check, independent seed):\n");
  print_targets(out, spec, r.final.targets);
}

std::string staff_json(const StaffArgs& a, const models::ScenarioSpec& spec, const models::StaffingSearch& r,
                       int exit_code) {
  nlohmann::ordered_json j;
  j["schema"] = "ccsim.staff/2";
  j["scenario"] = {{"name", spec.name}, {"file", a.scenario.scenario}};
  j["seed"] = spec.seed;
  j["replications"] = spec.replications;
  j["runs"] = r.runs;
  j["minimal"] = r.minimal;
  j["search_runs"] = r.search_runs;
  j["final_check"] = {{"rounds", r.final_rounds}, {"seed", r.final_seed}, {"replications", r.final_replications}};
  std::vector<std::string> starts;
  for (std::uint32_t i = 0; i < spec.num_periods; ++i) starts.push_back(interval_label(spec, i));
  j["intervals"] = starts;
  j["groups"] = nlohmann::ordered_json::array();
  for (std::size_t g = 0; g < r.required.size(); ++g) {
    nlohmann::ordered_json raised = nlohmann::ordered_json::array();
    for (const auto& [group, i] : r.raised_by_final)
      if (models::index(group) == g) raised.push_back(i);
    j["groups"].push_back({{"name", spec.agent_groups[models::make_id<models::AgentGroupId>(g)].name},
                           {"scheduled", r.scheduled[g]},
                           {"erlang_start", r.start[g]},
                           {"required", r.required[g]},
                           {"raised_by_final_check", raised}});
  }
  const auto shortfalls = [&](const std::vector<models::Shortfall>& v) {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const models::Shortfall& f : v)
      out.push_back({{"target", target_text(spec, spec.targets[f.target])}, {"interval", f.interval}});
    return out;
  };
  j["unreachable"] = shortfalls(r.unreachable);
  j["final_short"] = shortfalls(r.final_short);
  j["targets"] = nlohmann::ordered_json::array();
  for (const models::TargetResult& t : r.final.targets)
    j["targets"].push_back({{"target", target_text(spec, t.target)},
                            {"sized", models::staffing_responsive(t.target)},
                            {"verdict", models::verdict_name(t.verdict)}});
  j["exit_code"] = exit_code;
  return j.dump(2) + "\n";
}

int staff(const StaffArgs& a, Cluster& cluster) {
  if (cluster.size() > 1)
    return cluster.agree(kExitBadInput,
                         "ccsim staff: runs in one process (its search decides each run from the last); run it "
                         "without mpirun, with --threads for the cores of this machine\n");
  models::ScenarioSpec spec;
  std::string error;
  if (const int loaded = load_scenario(a.scenario, "staff", spec, error); loaded != kExitOk) {
    std::fputs(error.c_str(), stderr);
    return loaded;
  }
  if (spec.mode != models::RunMode::Day) {
    std::fputs("ccsim staff: sizes the intervals of a day; this scenario is in steady-state mode (its staffing is "
               "one number per group: try ccsim erlang, or a sweep over /agent_groups/*/staffing)\n",
               stderr);
    return kExitBadInput;
  }
  if (std::vector<models::Diagnostic> p = models::staffing_search_problems(spec); !p.empty()) {
    std::fputs(models::format_diagnostics(models::ScenarioError(spec.source_file, std::move(p))).c_str(), stderr);
    return kExitBadInput;
  }
  std::vector<NamedFile> files = input_files(a.scenario, spec);
  for (const auto& [option, path] : {std::pair{"--csv", &a.csv_path}, std::pair{"--write-scenario", &a.scenario_path},
                                     std::pair{"--json", &a.json_path}, std::pair{"--html", &a.html_path}})
    if (!path->empty()) files.push_back({option, *path});
  if (const std::string bad = check_outputs("ccsim staff", files); !bad.empty()) {
    std::fputs(bad.c_str(), stderr);
    return kExitBadInput;
  }
  if (a.max_runs < a.final_checks + 2) {
    std::fprintf(stderr, "ccsim staff: --max-runs %u leaves no run to search with; give at least %u\n", a.max_runs,
                 a.final_checks + 2);
    return kExitBadInput;
  }
  ProgressBar progress = ProgressBar::for_stderr("ccsim staff");
  std::uint32_t run = 0;
  const auto evaluate = [&](const models::ScenarioSpec& s) {
    const std::uint32_t before = (run - 1) * spec.replications;
    models::Experiment e(s,
                         models::RunOptions{.threads = a.scenario.threads,
                                            .progress =
                                                [&](std::uint32_t done, std::uint32_t) {
                                                  progress.update(before + done, a.max_runs * spec.replications);
                                                },
                                            // Said once, not once per run.
                                            .thread_shortfall = run == 1 ? thread_shortfall_notice("staff")
                                                                         : models::ThreadShortfallFn{}},
                         cluster.runner());
    e.extend_to(s.replications);
    return e.results();
  };
  models::StaffingSearch result;
  try {
    result = models::search_staffing(spec, evaluate,
                                     {.max_runs = a.max_runs,
                                      .final_rounds = a.final_checks,
                                      .on_run = [&run](std::uint32_t n, const std::string&) { run = n; }});
  } catch (const ReplicationError& e) {
    progress.finish();
    std::fprintf(stderr, "ccsim staff: %s\n", e.what());
    return kExitInternal;
  }
  progress.finish();
  const int code = outcome(result);
  print_report(stdout, a, spec, result);
  // About the answer, not the scheduled staffing it replaces.
  print_warnings(stderr, models::with_staffing(spec, result.required));
  const auto write = [&](const std::string& path, const std::string& text) {
    if (path.empty()) return true;
    if (write_output_file(path, text)) {
      note_written("staff", path);
      return true;
    }
    std::fprintf(stderr, "ccsim staff: cannot write %s\n", models::internal::escape_controls(path).c_str());
    return false;
  };
  std::string scenario_text;
  if (!a.scenario_path.empty()) {
    try {
      scenario_text = scenario_with_staffing(a, spec, result.required);
    } catch (const models::ScenarioError& e) {
      std::fputs(models::format_diagnostics(e).c_str(), stderr);
      return kExitBadInput;
    }
  }
  if (!write(a.csv_path, staffing_csv(spec, result.required)) || !write(a.scenario_path, scenario_text) ||
      !write(a.json_path, staff_json(a, spec, result, code)))
    return kExitBadInput;
  if (!a.html_path.empty()) {
    // The scenario as scheduled, run once more: the report shows it against the required agents.
    models::Experiment scheduled(spec, models::RunOptions{.threads = a.scenario.threads}, cluster.runner());
    try {
      scheduled.extend_to(spec.replications);
    } catch (const ReplicationError& e) {
      std::fprintf(stderr, "ccsim staff: %s\n", e.what());
      return kExitInternal;
    }
    models::RunResults results = scheduled.results();
    results.threads = cluster.threads_used(a.scenario.threads, spec.replications);
    try {
      write_html(a.html_path, spec, results, &result.required);
      note_written("staff", a.html_path);
    } catch (const std::exception& e) {
      std::fprintf(stderr, "ccsim staff: %s\n", e.what());
      return kExitBadInput;
    }
  }
  return code;
}

}  // namespace

void add_staff_command(CLI::App& app, Cluster& cluster, int& exit_code) {
  auto args = std::make_shared<StaffArgs>();
  CLI::App* cmd = app.add_subcommand(
      "staff", "Find the fewest agents per group and interval that meet every target (simulation, Erlang A start)");
  add_scenario_options(*cmd, args->scenario, cluster.default_threads());
  cmd->add_option("--csv", args->csv_path,
                  "Write the required staffing as a staffing-plan CSV (interval_start, one column per group; "
                  "what --staffing reads)");
  cmd->add_option("--write-scenario", args->scenario_path,
                  "Write the scenario with the required staffing (shifts replaced by per-interval staffing)");
  cmd->add_option("--json", args->json_path, "Write the search's result (schema ccsim.staff/2) to this file");
  cmd->add_option("--html", args->html_path,
                  "Write the HTML report of the scenario as scheduled, with the required agents on each group's "
                  "staffing chart and a table of required against scheduled agents");
  cmd->add_option("--max-runs", args->max_runs,
                  "Full runs the search and its final checks may use (default 60)")
      ->capture_default_str();
  cmd->add_option("--final-checks", args->final_checks,
                  "Independent runs that check the answer, each raising what the last found short (default 3)")
      ->check(CLI::Range(1u, 10u))
      ->capture_default_str();
  cmd->callback([args, &cluster, &exit_code] { exit_code = staff(*args, cluster); });
}

}  // namespace ccsim::cli
