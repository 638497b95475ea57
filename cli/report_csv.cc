// cli/report_csv.cc
// CSV tables a spreadsheet opens: one row per interval / type / group / interval and
// group, and for each KPI of that level (the lists of the results JSON) two columns,
// <kpi> (mean) and <kpi>_hw (half-width of the confidence interval), and for a ratio KPI
// two more, <kpi>_rom and <kpi>_rom_hw (its ratio of means). Empty cell = undefined; a
// column empty in every row is left out.
#include <array>
#include <cmath>
#include <filesystem>
#include <memory>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "cli/output_file.h"
#include "cli/report.h"
#include "models/kpi/kpis.h"
#include "models/targets.h"

namespace ccsim::cli {
namespace {

// A table as cells, so that columns empty in every row can be left out before writing.
struct CsvTable {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
};

// A fraction with the text report's precision and one digit more (0.8959, shown there as
// 89.6%), so that a spreadsheet's sums and percentages keep the shown digits; the results
// JSON keeps every digit for scripts.
std::string number_cell(double x, bool fraction) {
  if (!fraction) return csv_cell(x);
  return std::isfinite(x) ? fmt::format("{:.4f}", x) : std::string();
}

std::string kpi_cell(double x, models::Kpi k) { return number_cell(x, models::kpi_is_fraction(k)); }

// A KPI's columns: <name> and <name>_hw, and for a ratio <name>_rom and <name>_rom_hw.
void add_stat_header(std::vector<std::string>& header, std::string_view name, bool ratio) {
  header.emplace_back(name);
  header.push_back(fmt::format("{}_hw", name));
  if (!ratio) return;
  header.push_back(fmt::format("{}_rom", name));
  header.push_back(fmt::format("{}_rom_hw", name));
}
void add_stat_cells(std::vector<std::string>& row, const models::KpiStat& x, bool ratio, bool fraction) {
  row.push_back(number_cell(x.mean, fraction));
  row.push_back(number_cell(x.half_width, fraction));
  if (!ratio) return;
  row.push_back(number_cell(x.ratio_of_means.value, fraction));
  row.push_back(number_cell(x.ratio_of_means.half_width, fraction));
}

void add_kpi_header(std::vector<std::string>& header, std::span<const models::Kpi> kpis) {
  for (models::Kpi k : kpis) add_stat_header(header, models::kpi_name(k), models::kpi_is_ratio(k));
}

void add_kpi_cells(std::vector<std::string>& row, const models::KpiStats& s, std::span<const models::Kpi> kpis) {
  for (models::Kpi k : kpis)
    add_stat_cells(row, models::stat_of(s, k), models::kpi_is_ratio(k), models::kpi_is_fraction(k));
}

// What the row's service_level column measures (the scenario's, or the type's own).
void add_sl_header(std::vector<std::string>& header) {
  header.insert(header.end(), {"service_level_definition", "service_level_awt_s", "service_level_short_abandon_s"});
}
void add_sl_cells(std::vector<std::string>& row, const models::ServiceLevelSpec& sl) {
  row.insert(row.end(), {std::string(models::sl_definition_name(sl.definition)), csv_cell(sl.awt_s),
                         csv_cell(sl.short_abandon_s)});
}

// The table's text without the columns that are empty in every row (a table without rows
// keeps its header whole, so that it still says what it would hold).
std::string csv_text(const CsvTable& t) {
  std::vector<bool> keep(t.header.size(), t.rows.empty());
  for (const auto& row : t.rows)
    for (std::size_t c = 0; c < row.size(); ++c) keep[c] = keep[c] || !row[c].empty();
  const auto line = [&keep](const std::vector<std::string>& cells) {
    std::string text;
    for (std::size_t c = 0; c < cells.size(); ++c)
      if (keep[c]) text += (text.empty() ? "" : ",") + cells[c];
    return text + "\n";
  };
  std::string text = line(t.header);
  for (const auto& row : t.rows) text += line(row);
  return text;
}

// The tables in the order of kCsvTables: the run-level ones, then the interval ones, then
// (a run of several days) the day ones.
constexpr std::array<std::string_view, 11> kCsvTables = {
    "_targets",         "_overall",          "_by_type", "_by_group",        "_by_type_group", "_by_interval",
    "_by_interval_group", "_by_interval_type", "_by_day",  "_by_day_group", "_by_day_type"};

// The scenario name as a file name that stays in the chosen folder and opens anywhere:
// no separators, no control or Windows-reserved characters, no leading dot (neither ".."
// nor a hidden file), and short enough, with the longest suffix, for a 255-byte name.
std::string csv_file_stem(std::string_view name) {
  constexpr std::size_t kMaxBytes = 200;
  std::string stem;
  for (const char c : name) {
    const auto byte = static_cast<unsigned char>(c);
    const bool unsafe =
        byte < 0x20 || byte == 0x7f || std::string_view("/\\<>:\"|?*").find(c) != std::string_view::npos;
    stem += unsafe || (c == '.' && stem.find_first_not_of('_') == std::string::npos) ? '_' : c;
  }
  if (stem.size() > kMaxBytes) {
    std::size_t end = kMaxBytes;
    while (end > 0 && (static_cast<unsigned char>(stem[end]) & 0xC0) == 0x80) --end;  // not inside a UTF-8 character
    stem.resize(end);
  }
  return stem.empty() ? "scenario" : stem;
}

}  // namespace

std::string csv_cell(double x) { return std::isfinite(x) ? fmt::format("{:.10g}", x) : std::string(); }

std::string csv_quoted(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string q = "\"";
  for (char c : s) {
    if (c == '"') q += '"';
    q += c;
  }
  q += '"';
  return q;
}

std::vector<std::string> csv_paths(const std::string& dir, const models::ScenarioSpec& spec, bool interval_tables) {
  const std::string stem = csv_file_stem(spec.name);
  std::vector<std::string> paths;
  for (const std::string_view table : kCsvTables)
    if ((interval_tables || !table.starts_with("_by_interval")) &&
        ((interval_tables && spec.days > 1) || !table.starts_with("_by_day")))
      paths.push_back((std::filesystem::path(dir) / fmt::format("{}{}.csv", stem, table)).string());
  return paths;
}

void write_csv(const std::string& dir, const models::ScenarioSpec& spec, const models::RunResults& r) {
  std::vector<CsvTable> tables;  // in the order of kCsvTables
  tables.reserve(kCsvTables.size());  // the references to tables being filled stay valid

  const auto group_name = [&spec](std::size_t g) {
    return csv_quoted(spec.agent_groups[models::make_id<models::AgentGroupId>(g)].name);
  };
  const auto type_name = [&spec](std::size_t t) {
    return csv_quoted(spec.contact_types[models::make_id<models::ContactTypeId>(t)].name);
  };
  CsvTable& targets = tables.emplace_back();
  targets.header = {"target",  "kpi",  "bound",   "value", "contact_type",  "agent_group",
                    "scope",   "share_of_intervals", "verdict", "mean", "mean_hw", "n",
                    "intervals_met", "intervals_missed", "intervals_inconclusive", "worst_interval"};
  for (const models::TargetResult& t : r.targets) {
    const bool intervals = t.target.scope == models::TargetScope::Intervals;
    const models::Kpi k = t.target.kpi;
    std::vector<std::string>& row = targets.rows.emplace_back();
    row = {csv_quoted(target_text(spec, t.target)), std::string(models::kpi_name(k)),
           t.target.bound == models::TargetBound::AtLeast ? "min" : "max", csv_cell(t.target.value),
           t.target.type ? type_name(index(*t.target.type)) : "",
           t.target.group ? group_name(index(*t.target.group)) : "",
           intervals ? "intervals" : "day", intervals ? csv_cell(t.target.share_of_intervals) : "",
           std::string(models::verdict_name(t.verdict)), kpi_cell(t.stat.mean, k), kpi_cell(t.stat.half_width, k),
           fmt::format("{}", t.stat.n)};
    if (intervals)
      row.insert(row.end(), {fmt::format("{}", t.intervals_met), fmt::format("{}", t.intervals_missed),
                             fmt::format("{}", t.intervals_inconclusive),
                             t.worst_interval ? csv_quoted(interval_label(spec, *t.worst_interval)) : ""});
    else
      row.resize(targets.header.size());
  }
  const auto type_sl = [&spec](std::size_t t) -> const models::ServiceLevelSpec& {
    return spec.service_level_of(models::make_id<models::ContactTypeId>(t));
  };
  CsvTable& overall = tables.emplace_back();
  overall.header = {"scope"};
  add_kpi_header(overall.header, kAllKpis);
  add_sl_header(overall.header);
  overall.rows = {{"overall"}};
  add_kpi_cells(overall.rows[0], r.overall, kAllKpis);
  add_sl_cells(overall.rows[0], spec.service_level);

  CsvTable& types = tables.emplace_back();
  types.header = {"contact_type"};
  add_kpi_header(types.header, models::kTypeKpis);
  add_sl_header(types.header);
  for (std::size_t t = 0; t < r.by_type.size(); ++t) {
    std::vector<std::string>& row = types.rows.emplace_back(1, type_name(t));
    add_kpi_cells(row, r.by_type[t], models::kTypeKpis);
    add_sl_cells(row, type_sl(t));
  }

  CsvTable& groups = tables.emplace_back();
  groups.header = {"agent_group"};
  add_kpi_header(groups.header, models::kGroupKpis);
  for (std::size_t g = 0; g < r.by_group.size(); ++g)
    add_kpi_cells(groups.rows.emplace_back(1, group_name(g)), r.by_group[g], models::kGroupKpis);

  CsvTable& pairs = tables.emplace_back();
  pairs.header = {"contact_type", "agent_group"};
  struct PairColumn {
    const char* name;
    bool fraction;
    bool ratio;
  };
  constexpr PairColumn pair_columns[] = {{"answered", false, false},
                                         {"share", true, true},
                                         {"service_level", true, true},
                                         {"asa_s", false, true},
                                         {"work_share", true, true}};
  for (const PairColumn& c : pair_columns) add_stat_header(pairs.header, c.name, c.ratio);
  for (const models::PairResult& p : r.by_type_group) {
    std::vector<std::string>& row = pairs.rows.emplace_back();
    row = {csv_quoted(spec.contact_types[p.type].name), csv_quoted(spec.agent_groups[p.group].name)};
    const models::KpiStat* stats[] = {&p.answered, &p.share, &p.service_level, &p.asa_s, &p.work_share};
    for (std::size_t c = 0; c < std::size(stats); ++c)
      add_stat_cells(row, *stats[c], pair_columns[c].ratio, pair_columns[c].fraction);
  }

  if (!r.by_interval.empty()) {
    CsvTable& intervals = tables.emplace_back();
    intervals.header = {"interval", "label", "start_s"};
    add_kpi_header(intervals.header, kAllKpis);
    intervals.header.emplace_back("service_level_verdict");
    add_sl_header(intervals.header);
    // The agents on duty (and the rest of each group's KPIs) per interval, long format:
    // one row per interval and group, as a pivot table wants it.
    CsvTable& interval_groups = tables.emplace_back();
    interval_groups.header = {"interval", "label", "start_s", "agent_group"};
    add_kpi_header(interval_groups.header, models::kGroupIntervalKpis);
    CsvTable& interval_types = tables.emplace_back();
    interval_types.header = {"interval", "label", "start_s", "contact_type"};
    add_kpi_header(interval_types.header, models::kTypeKpis);
    interval_types.header.emplace_back("service_level_verdict");
    add_sl_header(interval_types.header);
    for (const models::IntervalResult& ir : r.by_interval) {
      const std::vector<std::string> when = {fmt::format("{}", ir.interval), csv_quoted(interval_label(spec, ir.interval)),
                                             csv_cell(ir.start_s)};
      std::vector<std::string>& row = intervals.rows.emplace_back(when);
      add_kpi_cells(row, ir.kpis, kAllKpis);
      row.emplace_back(models::verdict_name(ir.service_level));
      add_sl_cells(row, spec.service_level);
      for (std::size_t g = 0; g < ir.by_group.size(); ++g) {
        std::vector<std::string>& group_row = interval_groups.rows.emplace_back(when);
        group_row.push_back(group_name(g));
        add_kpi_cells(group_row, ir.by_group[g], models::kGroupIntervalKpis);
      }
      for (std::size_t t = 0; t < ir.by_type.size(); ++t) {
        std::vector<std::string>& type_row = interval_types.rows.emplace_back(when);
        type_row.push_back(type_name(t));
        add_kpi_cells(type_row, ir.by_type[t], models::kTypeKpis);
        type_row.emplace_back(stat_of(ir.by_type[t], models::Kpi::ServiceLevel).n == 0
                                  ? ""
                                  : models::verdict_name(ir.type_service_level[t]));
        add_sl_cells(type_row, type_sl(t));
      }
    }
  }
  if (!r.by_day.empty()) {
    CsvTable& days = tables.emplace_back();
    days.header = {"day", "name", "start_s"};
    add_kpi_header(days.header, kAllKpis);
    CsvTable& day_groups = tables.emplace_back();
    day_groups.header = {"day", "name", "start_s", "agent_group"};
    add_kpi_header(day_groups.header, models::kGroupIntervalKpis);
    CsvTable& day_types = tables.emplace_back();
    day_types.header = {"day", "name", "start_s", "contact_type"};
    add_kpi_header(day_types.header, models::kTypeKpis);
    for (const models::DayResult& d : r.by_day) {
      const std::vector<std::string> when = {fmt::format("{}", d.day), csv_quoted(spec.day_name(d.day)),
                                             csv_cell(d.start_s)};
      add_kpi_cells(days.rows.emplace_back(when), d.kpis, kAllKpis);
      for (std::size_t g = 0; g < d.by_group.size(); ++g) {
        std::vector<std::string>& row = day_groups.rows.emplace_back(when);
        row.push_back(group_name(g));
        add_kpi_cells(row, d.by_group[g], models::kGroupIntervalKpis);
      }
      for (std::size_t t = 0; t < d.by_type.size(); ++t) {
        std::vector<std::string>& row = day_types.rows.emplace_back(when);
        row.push_back(type_name(t));
        add_kpi_cells(row, d.by_type[t], models::kTypeKpis);
      }
    }
  }
  std::vector<std::string> texts;
  for (const CsvTable& t : tables) texts.push_back(csv_text(t));
  // Every table complete on disk before any replaces its file: a failure to write one
  // leaves the previous set whole.
  const std::vector<std::string> paths = csv_paths(dir, spec);
  std::vector<std::unique_ptr<OutputFile>> files;
  for (std::size_t k = 0; k < texts.size(); ++k) {
    files.push_back(std::make_unique<OutputFile>(paths[k]));
    std::fwrite(texts[k].data(), 1, texts[k].size(), files.back()->stream());
    files.back()->finish();
  }
  for (const auto& file : files) file->commit();
}

}  // namespace ccsim::cli
