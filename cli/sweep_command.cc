// cli/sweep_command.cc
// `ccsim sweep SCENARIO --vary POINTER=VALUES ...`: runs the scenario at every point of
// the grid the --vary options span, every point on the same random numbers (same seed,
// replication r on substream r), and reports each point's KPIs with its difference from
// the first point and a paired confidence interval on that difference (docs/sweep.md).
#include <cmath>
#include <cstdio>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/cluster.h"
#include "cli/commands.h"
#include "cli/output_file.h"
#include "cli/progress.h"
#include "cli/report.h"
#include "cli/scenario_options.h"
#include "cli/sweep_vary.h"
#include "models/experiment/experiment.h"
#include "models/scenario/diagnostics.h"
#include "models/scenario/load.h"
#include "models/scenario/message_text.h"
#include "models/targets.h"
#include "sim/stats/tally.h"

namespace ccsim::cli {
namespace {

using models::Kpi;
using models::ScenarioEdit;

constexpr std::size_t kMaxPoints = 10000;

struct Point {
  std::vector<std::size_t> choice;  // index into each Vary's values
  models::ScenarioSpec spec;
  models::RunResults results;
  models::PairedDifferences delta;     // every overall KPI's, from point 1
  std::vector<sim::Tally> column_delta;  // each column's, from point 1
};

struct SweepArgs {
  ScenarioOptions scenario;
  std::vector<std::string> vary;
  std::string kpis;
  std::string csv_path;
};

// A column of the table: a KPI of the centre, of one contact type or agent group, over
// the day or in one interval ("asa_s", "billing.service_level", "12:30/billing.service_level").
struct Column {
  std::string label;
  Kpi kpi = Kpi::ServiceLevel;
  std::optional<models::ContactTypeId> type{};
  std::optional<models::AgentGroupId> group{};
  std::optional<std::uint32_t> interval{};

  const models::KpiStats& stats(const models::RunResults& r) const {
    if (!interval) return type ? r.by_type[index(*type)] : group ? r.by_group[index(*group)] : r.overall;
    const models::IntervalResult& ir = r.by_interval[*interval];
    return type ? ir.by_type[index(*type)] : group ? ir.by_group[index(*group)] : ir.kpis;
  }
  double value(const models::ObservationKpis& o, std::size_t types) const {
    const auto k = static_cast<std::size_t>(kpi);
    if (!interval) return (type ? o.by_type[index(*type)] : group ? o.by_group[index(*group)] : o.overall)[k];
    if (type) return o.by_interval_type[*interval * types + index(*type)][k];
    return group ? std::nan("") : o.by_interval[*interval][k];  // a group's per-interval KPIs are not kept
  }
};

// Whether the level of `c` has its KPI: a type has no agents' KPIs, a group only those of
// its agents and of the calls it answered (models/kpi/kpis.h).
bool level_has(const Column& c) {
  const auto in = [&c](const auto& list) { return std::ranges::find(list, c.kpi) != list.end(); };
  if (c.group) return in(models::kGroupKpis);
  if (c.type) return in(models::kTypeKpis) && !models::kpi_of_agents(c.kpi);
  return true;
}

Column parse_column(std::string text, const models::ScenarioSpec& spec) {
  while (!text.empty() && text.front() == ' ') text.erase(text.begin());
  while (!text.empty() && text.back() == ' ') text.pop_back();
  Column c{.label = text};
  std::string rest = text;
  if (const auto slash = rest.find('/'); slash != std::string::npos) {
    const std::string when = rest.substr(0, slash);
    for (std::uint32_t i = 0; i < spec.num_periods && spec.mode == models::RunMode::Day; ++i)
      if (interval_label(spec, i) == when) c.interval = i;
    if (!c.interval && spec.mode != models::RunMode::Day)
      throw std::invalid_argument(fmt::format("--kpis {}: a steady state has no intervals; drop {}/",
                                              models::internal::quote(text), when));
    if (!c.interval)
      throw std::invalid_argument(fmt::format(
          "--kpis {}: no interval starts at {}; write the interval as the reports label it ({}{})",
          models::internal::quote(text), models::internal::quote(when), interval_label(spec, 0),
          spec.num_periods > 1 ? ", " + interval_label(spec, 1) + ", ..." : ""));
    rest = rest.substr(slash + 1);
  }
  if (const auto dot = rest.rfind('.'); dot != std::string::npos) {
    const std::string name = rest.substr(0, dot);
    for (std::size_t k = 0; k < spec.contact_types.size(); ++k)
      if (spec.contact_types[models::make_id<models::ContactTypeId>(k)].name == name)
        c.type = models::make_id<models::ContactTypeId>(k);
    for (std::size_t g = 0; g < spec.agent_groups.size() && !c.type; ++g)
      if (spec.agent_groups[models::make_id<models::AgentGroupId>(g)].name == name)
        c.group = models::make_id<models::AgentGroupId>(g);
    if (!c.type && !c.group)
      throw std::invalid_argument(fmt::format("--kpis {}: {} is neither a contact type nor an agent group",
                                              models::internal::quote(text), models::internal::quote(name)));
    if (c.group && c.interval)
      throw std::invalid_argument(fmt::format("--kpis {}: a group's KPIs are swept over the day only; drop the "
                                              "interval, or name a contact type",
                                              models::internal::quote(text)));
    rest = rest.substr(dot + 1);
  }
  if (rest.empty())
    throw std::invalid_argument(fmt::format("--kpis {}: no KPI named; write TYPE.KPI, such as billing.service_level",
                                            models::internal::quote(text)));
  c.kpi = kpis_option(rest, {}).front();
  if (!level_has(c))
    throw std::invalid_argument(fmt::format("--kpis {}: {} is not a KPI of {}", models::internal::quote(text), rest,
                                            c.group ? "an agent group (agents' KPIs and the calls it answered)"
                                                    : "a contact type (agents belong to groups)"));
  return c;
}

std::vector<Column> shown_columns(const SweepArgs& a, const models::ScenarioSpec& spec) {
  std::vector<Column> columns;
  if (!a.kpis.empty()) {
    std::string::size_type start = 0;
    for (;;) {
      const auto comma = a.kpis.find(',', start);
      columns.push_back(parse_column(a.kpis.substr(start, comma == std::string::npos ? comma : comma - start), spec));
      if (comma == std::string::npos) return columns;
      start = comma + 1;
    }
  }
  std::vector<Kpi> defaults;
  for (const auto& t : spec.targets) defaults.push_back(t.kpi);
  for (Kpi k : {Kpi::ServiceLevel, Kpi::AsaS, Kpi::PAbandonOverAdmitted, Kpi::Occupancy}) defaults.push_back(k);
  for (Kpi k : kpis_option("", defaults))
    columns.push_back(Column{.label = std::string(models::kpi_name(k)), .kpi = k});
  return columns;
}

// The paired change from point 1, at the run's confidence.
std::string delta_text(const sim::Tally& t, Kpi k, double confidence) {
  const models::KpiStat d{t.mean(), t.count() > 1 ? t.half_width(confidence) : std::nan(""), t.count()};
  return change_text(d, k, false);
}

std::string verdicts_text(const models::RunResults& r) {
  std::string s;
  for (const auto& t : r.targets) s += (s.empty() ? "" : " ") + verdict_text(t.verdict);
  return s;
}

void print_table(std::FILE* out, const SweepArgs& a, const std::vector<Vary>& varies, const std::vector<Point>& points,
                 const std::vector<Column>& columns) {
  const models::ScenarioSpec& spec = points.front().spec;
  fmt::print(out, "Sweep of {}: {} points x {} replications, seed {}; common random numbers\n", a.scenario.scenario,
             points.size(), spec.replications, spec.seed);
  fmt::print(out, "(every point uses the same random numbers: a difference is the change's effect, and its interval\n"
                  " is a paired {:g}% confidence interval on the difference from point 1)\n\n",
             100 * spec.confidence);
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> header{"#"};
  for (const Vary& v : varies) header.push_back(v.header());
  for (const Column& c : columns) {
    header.push_back(c.label);
    header.push_back("change");
  }
  header.push_back("targets");
  rows.push_back(header);
  for (std::size_t p = 0; p < points.size(); ++p) {
    std::vector<std::string> row{std::to_string(p + 1)};
    for (std::size_t i = 0; i < varies.size(); ++i) row.push_back(varies[i].values[points[p].choice[i]]);
    for (std::size_t c = 0; c < columns.size(); ++c) {
      const Kpi k = columns[c].kpi;
      row.push_back(kpi_stat_text(models::stat_of(columns[c].stats(points[p].results), k), models::kpi_is_fraction(k)));
      row.push_back(p == 0 ? "(base)" : delta_text(points[p].column_delta[c], k, spec.confidence));
    }
    row.push_back(verdicts_text(points[p].results));
    rows.push_back(row);
  }
  print_columns(out, rows);
  if (spec.targets.empty()) return;
  // A point may move a target or its threshold (/service_level/awt_s, an e-mail's due_s).
  std::vector<std::string> legends;
  for (const Point& point : points) {
    std::string legend;
    for (const auto& t : point.spec.targets) legend += (legend.empty() ? "" : ", ") + target_text(point.spec, t);
    legends.push_back(std::move(legend));
  }
  if (std::ranges::all_of(legends, [&](const std::string& l) { return l == legends.front(); })) {
    fmt::print(out, "\ntargets: {}\n", legends.front());
    return;
  }
  fmt::print(out, "\n");
  for (std::size_t p = 0; p < legends.size(); ++p) fmt::print(out, "targets of point {}: {}\n", p + 1, legends[p]);
}

// The change columns of a statistic and its paired differences ("" where undefined).
std::string stat_cells(const models::KpiStat& s, const sim::Tally& d, bool paired, double confidence) {
  paired = paired && d.count() > 0;
  return fmt::format(",{},{},{},{}", csv_cell(s.mean), csv_cell(s.half_width), csv_cell(paired ? d.mean() : std::nan("")),
                     csv_cell(paired && d.count() > 1 ? d.half_width(confidence) : std::nan("")));
}

void write_sweep_csv(const std::string& path, const std::vector<Vary>& varies, const std::vector<Point>& points,
                     const std::vector<Column>& columns) {
  const double confidence = points.front().spec.confidence;
  // Every overall KPI, then the columns asked for below the centre's day level.
  std::vector<std::size_t> extra;
  for (std::size_t c = 0; c < columns.size(); ++c)
    if (columns[c].type || columns[c].group || columns[c].interval) extra.push_back(c);
  std::string text = "point";
  for (const Vary& v : varies) text += fmt::format(",{}", csv_quoted(v.header()));
  for (auto name : models::kKpiNames) text += fmt::format(",{0},{0}_hw,{0}_change,{0}_change_hw", name);
  for (std::size_t c : extra)
    text += fmt::format(",{},{},{},{}", csv_quoted(columns[c].label), csv_quoted(columns[c].label + "_hw"),
                        csv_quoted(columns[c].label + "_change"), csv_quoted(columns[c].label + "_change_hw"));
  for (const auto& t : points.front().spec.targets) text += fmt::format(",{}", csv_quoted(target_text(points.front().spec, t)));
  text += ",fingerprint\n";
  for (std::size_t p = 0; p < points.size(); ++p) {
    text += std::to_string(p + 1);
    for (std::size_t i = 0; i < varies.size(); ++i)
      text += fmt::format(",{}", csv_quoted(varies[i].values[points[p].choice[i]]));
    for (std::size_t k = 0; k < models::kNumKpis; ++k)
      text += stat_cells(points[p].results.overall[k], points[p].delta.of(static_cast<Kpi>(k)), p > 0, confidence);
    for (std::size_t c : extra)
      text += stat_cells(models::stat_of(columns[c].stats(points[p].results), columns[c].kpi),
                         points[p].column_delta[c], p > 0, confidence);
    for (const auto& t : points[p].results.targets) text += fmt::format(",{}", models::verdict_name(t.verdict));
    text += fmt::format(",{}\n", points[p].results.fingerprint);
  }
  if (!write_output_file(path, text))
    throw std::runtime_error("cannot write " + models::internal::escape_controls(path));
  note_written("sweep", path);
}

// The grid, every point loaded and checked before any is run (a bad point fails fast),
// and the KPIs to show; on bad input, the exit code and the text to print.
int prepare(const SweepArgs& a, std::vector<Vary>& varies, std::vector<Point>& points, std::vector<Column>& columns,
            std::string& error) {
  for (const std::string& arg : a.vary) {
    try {
      varies.push_back(parse_vary(arg));
    } catch (const std::invalid_argument& e) {
      error = fmt::format("ccsim sweep: --vary {}: {}\n", models::internal::escape_controls(arg), e.what());
      return kExitBadInput;
    }
  }
  std::size_t total = 1;
  for (const Vary& v : varies) {
    total *= v.values.size();
    if (total > kMaxPoints) {
      error = fmt::format("ccsim sweep: the --vary options span more than {} points; sweep fewer values\n",
                          kMaxPoints);
      return kExitBadInput;
    }
  }
  if (a.scenario.replications && *a.scenario.replications == 0) {
    error = "ccsim sweep: --replications must be >= 1; got 0\n";
    return kExitBadInput;
  }
  // --seed and --replications go in as edits, so each point is checked with them (a
  // point with batch means and --replications 1 is then valid).
  std::vector<ScenarioEdit> overrides = option_edits(a.scenario);
  if (a.scenario.seed) overrides.push_back({"/rng/seed", ScenarioEdit::Op::Set, std::to_string(*a.scenario.seed)});
  if (a.scenario.replications)
    overrides.push_back({"/rng/replications", ScenarioEdit::Op::Set, std::to_string(*a.scenario.replications)});
  points.resize(total);
  for (std::size_t p = 0; p < total; ++p) {
    std::size_t rest = p;
    points[p].choice.assign(varies.size(), 0);
    for (std::size_t i = varies.size(); i-- > 0;) {
      points[p].choice[i] = rest % varies[i].values.size();
      rest /= varies[i].values.size();
    }
    std::vector<ScenarioEdit> edits = overrides;
    for (std::size_t i = 0; i < varies.size(); ++i)
      edits.push_back(ScenarioEdit{varies[i].pointer, varies[i].op, varies[i].values[points[p].choice[i]]});
    try {
      points[p].spec = models::load_scenario_file(a.scenario.scenario, edits);
    } catch (const models::ScenarioError& e) {
      std::string where;
      for (std::size_t i = 0; i < varies.size(); ++i)
        where += fmt::format("{}{}{}", where.empty() ? "" : ", ", varies[i].header(),
                             varies[i].values[points[p].choice[i]]);
      error = fmt::format("ccsim sweep: point {} ({}):\n{}", p + 1, models::internal::escape_controls(where),
                          models::format_diagnostics(e));
      return kExitBadInput;
    }
    if (const int code = apply_overrides(a.scenario, "sweep", points[p].spec, error); code != kExitOk) return code;
  }
  // Every point is judged against the same targets, so the table and CSV columns mean
  // the same thing on every row.
  for (std::size_t p = 1; p < points.size(); ++p) {
    const auto& first = points.front().spec.targets;
    const auto& here = points[p].spec.targets;
    if (first != here) {
      error = fmt::format("ccsim sweep: point {} has other targets than point 1; a sweep judges every point against the "
                          "same targets (vary the scenario, not /targets or a service level's target)\n",
                          p + 1);
      return kExitBadInput;
    }
  }
  try {
    columns = shown_columns(a, points.front().spec);
  } catch (const std::invalid_argument& e) {
    error = fmt::format("ccsim sweep: {}\n", e.what());
    return kExitBadInput;
  }
  return kExitOk;
}

// Every rank of an MPI job runs this on the same arguments: each point's replications
// are spread over the ranks and folded on the root, which alone pairs, prints and writes.
int sweep(const SweepArgs& a, Cluster& cluster) {
  std::vector<Vary> varies;
  std::vector<Point> points;
  std::vector<Column> columns;
  std::string error;
  int code = prepare(a, varies, points, columns, error);
  if (code == kExitOk && !a.csv_path.empty()) {
    std::vector<NamedFile> files = input_files(a.scenario, points.front().spec);
    files.push_back({"--csv", a.csv_path});
    error = check_outputs("ccsim sweep", files);
    if (!error.empty()) code = kExitBadInput;
  }
  if (const int ready = cluster.agree(code, error); ready != kExitOk) return ready;
  models::Hash64 job = job_hash("sweep", points.front().spec);
  for (std::size_t p = 1; p < points.size(); ++p) job.add(models::spec_hash(points[p].spec));
  for (const std::string& vary : a.vary) job.add(vary);
  job.add(a.kpis);
  if (const int same = cluster.same_job(job.value(), "sweep"); same != kExitOk) return same;

  const std::uint32_t reps = points.front().spec.replications;
  const auto total = static_cast<std::uint32_t>(points.size()) * reps;
  ProgressBar progress = ProgressBar::for_stderr("ccsim sweep");
  std::vector<models::KpiValues> base;  // point 1's overall KPIs of each observation
  std::vector<models::ObservationKpis> base_details;
  const std::size_t types = points.front().spec.contact_types.size();
  try {
    for (std::size_t p = 0; p < points.size(); ++p) {
      Point& point = points[p];
      const auto before = static_cast<std::uint32_t>(p) * reps;
      models::Experiment experiment(
          point.spec,
          models::RunOptions{.threads = a.scenario.threads,
                             .progress = [&](std::uint32_t done, std::uint32_t) { progress.update(before + done, total); },
                             .thread_shortfall = thread_shortfall_notice("sweep")},
          cluster.runner());
      experiment.keep_details();
      experiment.extend_to(reps);
      point.results = experiment.results();
      if (p == 0) {
        base = experiment.observations();
        base_details = experiment.details();
      } else {
        point.delta.add(base, experiment.observations());
      }
      point.column_delta.assign(columns.size(), sim::Tally{});
      const std::vector<models::ObservationKpis>& here = experiment.details();
      if (here.size() == base_details.size())
        for (std::size_t c = 0; c < columns.size(); ++c)
          for (std::size_t i = 0; i < here.size(); ++i) {
            const double x = columns[c].value(base_details[i], types);
            const double y = columns[c].value(here[i], types);
            if (!std::isnan(x) && !std::isnan(y)) point.column_delta[c].add(y - x);
          }
    }
  } catch (const ReplicationError& e) {
    progress.finish();
    return cluster.agree(kExitInternal, fmt::format("ccsim sweep: {}\n", e.what()));
  }
  progress.finish();
  if (!cluster.is_root()) return cluster.agree(kExitOk, "");

  print_table(stdout, a, varies, points, columns);
  if (!a.csv_path.empty()) {
    try {
      write_sweep_csv(a.csv_path, varies, points, columns);
    } catch (const std::exception& e) {
      return cluster.agree(kExitBadInput, fmt::format("ccsim sweep: {}\n", e.what()));
    }
  }
  return cluster.agree(kExitOk, "");
}

}  // namespace

void add_sweep_command(CLI::App& app, Cluster& cluster, int& exit_code) {
  auto args = std::make_shared<SweepArgs>();
  CLI::App* cmd = app.add_subcommand(
      "sweep", "Run a scenario over a grid of changes on common random numbers and compare the KPIs per point");
  cmd->add_option("--vary", args->vary,
                  "POINTER=V1,V2,... or POINTER=FROM..TO[:STEP] sets a value; POINTER*=... scales and POINTER+=... "
                  "adds to every number under POINTER (repeat for a grid; docs/sweep.md)")
      ->required()
      ->expected(1)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  add_scenario_options(*cmd, args->scenario, cluster.default_threads());
  cmd->add_option("--kpis", args->kpis,
                  "KPIs in the table, comma-separated (default: the targets', service_level, asa_s, p_abandon_over_admitted, "
                  "occupancy)");
  cmd->add_option("--csv", args->csv_path, "Write every KPI of every point, with its change from point 1, to this CSV file");
  cmd->callback([args, &cluster, &exit_code] { exit_code = sweep(*args, cluster); });
}

}  // namespace ccsim::cli
