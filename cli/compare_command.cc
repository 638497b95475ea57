// cli/compare_command.cc
// `ccsim compare A.json B.json`: runs both scenarios on the same seed and replication
// count (common random numbers) and shows, for the centre, each contact type and group,
// and each interval, A, B and B - A with a paired confidence interval: text, CSV, JSON
// (schema ccsim.compare/2). docs/compare.md.
#include <cmath>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/baseline.h"
#include "cli/cluster.h"
#include "cli/commands.h"
#include "cli/output_file.h"
#include "cli/progress.h"
#include "cli/report.h"
#include "cli/scenario_options.h"
#include "models/experiment/experiment.h"
#include "models/experiment/paired_comparison.h"

namespace ccsim::cli {
namespace {

using models::ComparedLevel;
using models::ComparedRow;
using models::Kpi;

struct CompareArgs {
  ScenarioOptions a, b;  // seed, replications and threads are set on a and copied to b
  std::string kpis;
  std::string csv_path;
  std::string json_path;
  std::string html_path;
};

std::vector<Kpi> shown_kpis(const CompareArgs& a, const models::ScenarioSpec& spec) {
  std::vector<Kpi> defaults{Kpi::ServiceLevel, Kpi::AsaS, Kpi::PAbandonOverAdmitted, Kpi::Answered};
  for (const auto& t : spec.targets) defaults.push_back(t.kpi);
  defaults.push_back(Kpi::Occupancy);
  return kpis_option(a.kpis, defaults);
}

const char* level_name(ComparedLevel l) {
  switch (l) {
    case ComparedLevel::Centre: return "centre";
    case ComparedLevel::Type: return "type";
    case ComparedLevel::Group: return "group";
    case ComparedLevel::Interval: return "interval";
    case ComparedLevel::IntervalType: return "interval_type";
    case ComparedLevel::Day: return "day";
    case ComparedLevel::DayType: return "day_type";
  }
  return "?";
}

// Whether the KPI is one the row's level reports: a group has its agents' KPIs and its
// answered calls' service level and ASA; a type has no agents' KPIs.
bool defined_at(ComparedLevel level, Kpi k) {
  const auto in = [k](const auto& list) { return std::ranges::find(list, k) != list.end(); };
  if (level == ComparedLevel::Group) return in(models::kGroupKpis);
  if (level == ComparedLevel::Type || level == ComparedLevel::IntervalType || level == ComparedLevel::DayType)
    return in(models::kTypeKpis);
  return true;
}

// "7 days (Mon to Sun)", "1 day".
std::string days_text(const models::ScenarioSpec& s) {
  if (s.days <= 1) return "1 day";
  return fmt::format("{} days ({} to {})", s.days, s.day_name(0), s.day_name(s.days - 1));
}

std::vector<std::string> sl_changes(const models::ScenarioSpec& a, const models::ScenarioSpec& b) {
  return service_level_changes(service_level_records(a), service_level_records(b), "in A", "in B");
}

void print_report(std::FILE* out, const models::ScenarioSpec& a, const models::ScenarioSpec& b,
                  const models::PairedComparison& c, const std::vector<Kpi>& kpis, double confidence) {
  fmt::print(out, "Compare A: {} with B: {}: {} replications each on seed {} (common random numbers)\n",
             a.source_file, b.source_file, a.replications, a.seed);
  fmt::print(out,
             "(B - A with a paired {:g}% confidence interval over {} paired observations; * marks a change whose "
             "interval excludes 0)\n",
             100 * confidence, c.pairs);
  if (c.pairs == 0)
    fmt::print(out, "NOTE: the two runs have different numbers of observations (batch means): nothing is paired\n");
  const auto names = [](const std::vector<std::string>& v) {
    std::string s;
    for (const std::string& x : v) s += (s.empty() ? "" : ", ") + x;
    return s;
  };
  if (!c.types_only_in_a.empty()) fmt::print(out, "contact types only in A: {}\n", names(c.types_only_in_a));
  if (!c.types_only_in_b.empty()) fmt::print(out, "contact types only in B: {}\n", names(c.types_only_in_b));
  if (!c.groups_only_in_a.empty()) fmt::print(out, "agent groups only in A: {}\n", names(c.groups_only_in_a));
  if (!c.groups_only_in_b.empty()) fmt::print(out, "agent groups only in B: {}\n", names(c.groups_only_in_b));
  if (!c.intervals_paired)
    fmt::print(out, "intervals not compared: the two are not days of the same intervals (length, count and start "
                    "time)\n");
  if (!c.days_paired && (a.days > 1 || b.days > 1)) {
    if (c.intervals_paired)
      fmt::print(out, "days not compared: A has {}, B {} (the intervals are paired in order and labelled with A's "
                      "days)\n",
                 days_text(a), days_text(b));
    else
      fmt::print(out, "days not compared: A has {}, B {}, and their intervals differ\n", days_text(a), days_text(b));
  }
  if (const auto changes = sl_changes(a, b); changes.empty()) {
    std::string own;  // types with a service level of their own, equal in both too
    for (const models::ContactTypeSpec& t : a.contact_types)
      if (t.service_level) own += fmt::format("; {}: {}", t.name, sl_definition_text(*t.service_level));
    fmt::print(out, "service_level: {}{} in both\n", sl_definition_text(a.service_level), own);
  } else {
    fmt::print(out, "NOTE: the service level is defined differently in A and B, so service_level and the KPIs at "
                    "awt_s compare different measures:\n");
    for (const std::string& line : changes) fmt::print(out, "  {}\n", line);
  }

  // A row's name in the tables: a day's and a type's, or the day's alone.
  const auto shown_name = [&](const ComparedRow& r) {
    if (!r.day) return r.name;
    return a.day_name(*r.day) + (r.name.empty() ? "" : " " + r.name);
  };
  const auto table = [&](ComparedLevel level, const char* title) {
    std::vector<std::vector<std::string>> rows{{level == ComparedLevel::Centre ? "kpi" : "name", "kpi", "A", "B",
                                                "B - A"}};
    for (const ComparedRow& r : c.rows) {
      if (r.level != level) continue;
      for (Kpi k : kpis) {
        if (!defined_at(level, k)) continue;
        const models::PairedKpi& p = r.kpis[static_cast<std::size_t>(k)];
        if (p.a.n == 0 && p.b.n == 0) continue;
        const bool f = models::kpi_is_fraction(k);
        rows.push_back({shown_name(r), std::string(models::kpi_name(k)), kpi_stat_text(p.a, f),
                        kpi_stat_text(p.b, f), change_text(p.difference, k, true)});
      }
    }
    if (rows.size() == 1) return;
    if (level == ComparedLevel::Centre)
      for (auto& row : rows) row.erase(row.begin());
    fmt::print(out, "\n{}\n", title);
    print_columns(out, rows);
  };
  table(ComparedLevel::Centre, "Centre");
  table(ComparedLevel::Type, "By contact type");
  table(ComparedLevel::Group, "By agent group");
  table(ComparedLevel::Day, "By day");
  table(ComparedLevel::DayType, "By day and contact type");
  if (!c.intervals_paired) return;

  // Per interval: the first KPI shown, for the centre and each type both have.
  const Kpi k = kpis.front();
  std::vector<std::string> types;
  for (const ComparedRow& r : c.rows)
    if (r.level == ComparedLevel::Type) types.push_back(r.name);
  std::vector<std::vector<std::string>> rows{{"interval", "centre A", "B", "B - A"}};
  for (const std::string& t : types) {
    rows.front().push_back(t + " A");
    rows.front().push_back("B");
    rows.front().push_back("B - A");
  }
  std::vector<std::string>* row = nullptr;
  for (const ComparedRow& r : c.rows) {
    if (r.level != ComparedLevel::Interval && r.level != ComparedLevel::IntervalType) continue;
    if (r.level == ComparedLevel::Interval) row = &rows.emplace_back(std::vector<std::string>{interval_label(a, *r.interval)});
    const models::PairedKpi& p = r.kpis[static_cast<std::size_t>(k)];
    const bool f = models::kpi_is_fraction(k);
    row->push_back(kpi_value_text(p.a.mean, f));
    row->push_back(kpi_value_text(p.b.mean, f));
    row->push_back(change_text(p.difference, k, true));
  }
  fmt::print(out, "\n{} per interval\n", models::kpi_name(k));
  print_columns(out, rows);
}

std::string compare_csv(const models::ScenarioSpec& a, const models::PairedComparison& c) {
  std::string text = "level,name,interval_start,kpi,a,a_hw,b,b_hw,change,change_hw,pairs,day\n";
  for (const ComparedRow& r : c.rows)
    for (std::size_t k = 0; k < models::kNumKpis; ++k) {
      if (!defined_at(r.level, static_cast<Kpi>(k))) continue;
      const models::PairedKpi& p = r.kpis[k];
      text += fmt::format("{},{},{},{},{},{},{},{},{},{},{},{}\n", level_name(r.level), csv_quoted(r.name),
                          r.interval ? csv_quoted(interval_label(a, *r.interval)) : "", models::kKpiNames[k],
                          csv_cell(p.a.mean), csv_cell(p.a.half_width), csv_cell(p.b.mean), csv_cell(p.b.half_width),
                          csv_cell(p.difference.mean), csv_cell(p.difference.half_width), p.difference.n,
                          r.day ? csv_quoted(a.day_name(*r.day)) : "");
    }
  return text;
}

nlohmann::ordered_json stat_json(const models::KpiStat& s) {
  const auto num = [](double x) { return std::isnan(x) ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(x); };
  return {{"mean", num(s.mean)}, {"half_width", num(s.half_width)}, {"n", s.n}};
}

std::string compare_json(const models::ScenarioSpec& a, const models::ScenarioSpec& b,
                         const models::PairedComparison& c) {
  nlohmann::ordered_json j;
  j["schema"] = "ccsim.compare/2";
  const auto side = [](const models::ScenarioSpec& s) {
    const models::ServiceLevelSpec& sl = s.service_level;
    nlohmann::ordered_json o{{"file", s.source_file},
                             {"name", s.name},
                             {"service_level",
                              {{"definition", models::sl_definition_name(sl.definition)},
                               {"awt_s", sl.awt_s},
                               {"short_abandon_s", sl.short_abandon_s},
                               {"text", sl_definition_text(sl)}}}};
    if (s.days > 1) {
      o["days"] = nlohmann::ordered_json::array();
      for (std::uint32_t d = 0; d < s.days; ++d) o["days"].push_back(s.day_name(d));
    }
    return o;
  };
  j["a"] = side(a);
  j["b"] = side(b);
  j["service_level_changes"] = sl_changes(a, b);
  j["seed"] = a.seed;
  j["replications"] = a.replications;
  j["confidence"] = a.confidence;
  j["pairs"] = c.pairs;
  j["intervals_paired"] = c.intervals_paired;
  j["days_paired"] = c.days_paired;
  j["types_only_in_a"] = c.types_only_in_a;
  j["types_only_in_b"] = c.types_only_in_b;
  j["groups_only_in_a"] = c.groups_only_in_a;
  j["groups_only_in_b"] = c.groups_only_in_b;
  j["rows"] = nlohmann::ordered_json::array();
  for (const ComparedRow& r : c.rows) {
    nlohmann::ordered_json row{{"level", level_name(r.level)}, {"name", r.name}};
    row["interval"] = r.interval ? nlohmann::ordered_json(*r.interval) : nlohmann::ordered_json(nullptr);
    row["interval_start"] = r.interval ? nlohmann::ordered_json(interval_label(a, *r.interval))
                                       : nlohmann::ordered_json(nullptr);
    if (r.day) {
      row["day"] = *r.day;
      row["day_name"] = a.day_name(*r.day);
    }
    nlohmann::ordered_json kpis;
    for (std::size_t k = 0; k < models::kNumKpis; ++k) {
      if (!defined_at(r.level, static_cast<Kpi>(k))) continue;
      const models::PairedKpi& p = r.kpis[k];
      kpis[std::string(models::kKpiNames[k])] = {
          {"a", stat_json(p.a)}, {"b", stat_json(p.b)}, {"change", stat_json(p.difference)}};
    }
    row["kpis"] = kpis;
    j["rows"].push_back(row);
  }
  return j.dump(2) + "\n";
}

int compare(CompareArgs args, Cluster& cluster) {
  models::ScenarioSpec a, b;
  std::string error;
  int code = load_scenario(args.a, "compare", a, error);
  if (code == kExitOk) {
    // B on A's random numbers: its seed and replication count, unless the command line
    // sets both; the forecast and staffing options apply to both files.
    args.b.forecast = args.a.forecast;
    args.b.forecast_volume = args.a.forecast_volume;
    args.b.staffing = args.a.staffing;
    args.b.threads = args.a.threads;
    args.b.confidence = args.a.confidence;
    args.b.seed = args.a.seed ? args.a.seed : a.seed;
    args.b.replications = args.a.replications ? args.a.replications : a.replications;
    code = load_scenario(args.b, "compare", b, error);
  }
  if (code == kExitOk) {
    std::vector<NamedFile> files = input_files(args.a, a, "A");
    for (NamedFile& f : input_files(args.b, b, "B")) files.push_back(std::move(f));
    for (const auto& [option, path] : {std::pair{"--csv", &args.csv_path}, std::pair{"--json", &args.json_path},
                                       std::pair{"--html", &args.html_path}})
      if (!path->empty()) files.push_back({option, *path});
    error = check_outputs("ccsim compare", files);
    if (!error.empty()) code = kExitBadInput;
  }
  std::vector<Kpi> kpis;
  if (code == kExitOk) {
    try {
      kpis = shown_kpis(args, a);
    } catch (const std::invalid_argument& e) {
      error = fmt::format("ccsim compare: {}\n", e.what());
      code = kExitBadInput;
    }
  }
  if (const int ready = cluster.agree(code, error); ready != kExitOk) return ready;
  const std::uint64_t job = job_hash("compare", a).add(models::spec_hash(b)).add(args.kpis).value();
  if (const int same = cluster.same_job(job, "compare"); same != kExitOk) return same;

  ProgressBar progress = ProgressBar::for_stderr("ccsim compare");
  const std::uint32_t total = a.replications + b.replications;
  const auto run = [&](std::optional<models::Experiment>& e, const models::ScenarioSpec& spec, std::uint32_t before) {
    e.emplace(spec,
              models::RunOptions{.threads = args.a.threads,
                                 .progress = [&progress, before, total](std::uint32_t done,
                                                                        std::uint32_t) {
                                   progress.update(before + done, total);
                                 },
                                 .thread_shortfall = before == 0 ? thread_shortfall_notice("compare")
                                                                 : models::ThreadShortfallFn{}},
              cluster.runner());
    e->keep_details();
    e->extend_to(spec.replications);
  };
  std::optional<models::Experiment> ea, eb;
  try {
    run(ea, a, 0);
    run(eb, b, a.replications);
  } catch (const ReplicationError& e) {
    progress.finish();
    return cluster.agree(kExitInternal, fmt::format("ccsim compare: {}\n", e.what()));
  }
  progress.finish();
  if (!cluster.is_root()) return cluster.agree(kExitOk, "");

  const models::PairedComparison c =
      models::compare_paired(a, ea->results(), ea->details(), b, eb->results(), eb->details(), a.confidence);
  print_report(stdout, a, b, c, kpis, a.confidence);
  const std::string json_text = compare_json(a, b, c);
  for (const auto& [path, body] : {std::pair{&args.csv_path, compare_csv(a, c)}, std::pair{&args.json_path, json_text}}) {
    std::string why;
    if (path->empty()) continue;
    if (!write_output_file(*path, body, &why))
      return cluster.agree(kExitBadInput, fmt::format("ccsim compare: {}\n", why));
    note_written("compare", *path);
  }
  if (!args.html_path.empty()) {
    try {
      write_compare_html(args.html_path, json_text, a, b, kpis);
      note_written("compare", args.html_path);
    } catch (const std::exception& e) {
      return cluster.agree(kExitBadInput, fmt::format("ccsim compare: {}\n", e.what()));
    }
  }
  return cluster.agree(kExitOk, "");
}

}  // namespace

void add_compare_command(CLI::App& app, Cluster& cluster, int& exit_code) {
  auto args = std::make_shared<CompareArgs>();
  CLI::App* cmd = app.add_subcommand(
      "compare", "Run two scenarios on common random numbers and compare every KPI per type, group and interval");
  add_scenario_options(*cmd, args->a, cluster.default_threads());
  cmd->add_option("b", args->b.scenario, "The scenario to compare with the first (B; B - A is shown)")->required();
  cmd->add_option("--kpis", args->kpis,
                  "KPIs in the tables, comma-separated (default: service_level, asa_s, p_abandon_over_admitted, answered, the "
                  "targets' and occupancy; the first is shown per interval)");
  cmd->add_option("--csv", args->csv_path, "Write every KPI of every level, A, B and B - A, to this CSV file");
  cmd->add_option("--json", args->json_path, "Write the comparison (schema ccsim.compare/2) to this file");
  cmd->add_option("--html", args->html_path,
                  "Write the comparison as one self-contained HTML page (tables, and per type A, B and B - A per "
                  "interval)");
  cmd->callback([args, &cluster, &exit_code] { exit_code = compare(*args, cluster); });
}

}  // namespace ccsim::cli
