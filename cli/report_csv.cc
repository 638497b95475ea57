// cli/report_csv.cc
// CSV tables a spreadsheet opens: one row per interval / type / group / interval and
// group, and for each KPI of that level (the lists of the results JSON) two columns,
// <kpi> (mean) and <kpi>_hw (half-width). Empty cell = undefined.
#include <cmath>
#include <array>
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

std::string kpi_header(std::span<const models::Kpi> kpis) {
  std::string h;
  for (models::Kpi k : kpis) h += fmt::format(",{},{}_hw", models::kpi_name(k), models::kpi_name(k));
  return h;
}

std::string kpi_cells(const models::KpiStats& s, std::span<const models::Kpi> kpis) {
  std::string row;
  for (models::Kpi k : kpis) {
    const models::KpiStat& x = models::stat_of(s, k);
    row += fmt::format(",{},{}", csv_cell(x.mean), csv_cell(x.half_width));
  }
  return row;
}

// What the row's service_level column measures (the scenario's, or the type's own).
constexpr std::string_view kSlHeader =
    ",service_level_definition,service_level_awt_s,service_level_short_abandon_s";
std::string sl_cells(const models::ServiceLevelSpec& sl) {
  return fmt::format(",{},{},{}", models::sl_definition_name(sl.definition), csv_cell(sl.awt_s),
                     csv_cell(sl.short_abandon_s));
}

// The tables in the order of kCsvTables: the run-level ones, then the interval ones.
constexpr std::array<std::string_view, 8> kCsvTables = {"_targets",     "_overall",       "_by_type",
                                                        "_by_group",    "_by_type_group", "_by_interval",
                                                        "_by_interval_group", "_by_interval_type"};

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
    if (interval_tables || !table.starts_with("_by_interval"))
      paths.push_back((std::filesystem::path(dir) / fmt::format("{}{}.csv", stem, table)).string());
  return paths;
}

void write_csv(const std::string& dir, const models::ScenarioSpec& spec, const models::RunResults& r) {
  std::vector<std::string> texts;  // in the order of kCsvTables

  const auto group_name = [&spec](std::size_t g) {
    return csv_quoted(spec.agent_groups[models::make_id<models::AgentGroupId>(g)].name);
  };
  const auto type_name = [&spec](std::size_t t) {
    return csv_quoted(spec.contact_types[models::make_id<models::ContactTypeId>(t)].name);
  };
  std::string targets =
      "target,kpi,bound,value,contact_type,agent_group,scope,share_of_intervals,verdict,mean,mean_hw,n,"
      "intervals_met,intervals_missed,intervals_inconclusive,worst_interval\n";
  for (const models::TargetResult& t : r.targets) {
    const bool intervals = t.target.scope == models::TargetScope::Intervals;
    targets += fmt::format(
        "{},{},{},{},{},{},{},{},{},{},{},{}", csv_quoted(target_text(spec, t.target)), models::kpi_name(t.target.kpi),
        t.target.bound == models::TargetBound::AtLeast ? "min" : "max", csv_cell(t.target.value),
        t.target.type ? type_name(index(*t.target.type)) : "", t.target.group ? group_name(index(*t.target.group)) : "",
        intervals ? "intervals" : "day", intervals ? csv_cell(t.target.share_of_intervals) : "",
        models::verdict_name(t.verdict), csv_cell(t.stat.mean), csv_cell(t.stat.half_width), t.stat.n);
    if (intervals)
      targets += fmt::format(",{},{},{},{}\n", t.intervals_met, t.intervals_missed, t.intervals_inconclusive,
                             t.worst_interval ? interval_label(spec, *t.worst_interval) : "");
    else
      targets += ",,,,\n";
  }
  texts.push_back(std::move(targets));
  const std::string centre_sl = sl_cells(spec.service_level);
  const auto type_sl = [&spec](std::size_t t) {
    return sl_cells(spec.service_level_of(models::make_id<models::ContactTypeId>(t)));
  };
  texts.push_back(fmt::format("scope{}{}\noverall{}{}\n", kpi_header(kAllKpis), kSlHeader,
                              kpi_cells(r.overall, kAllKpis), centre_sl));

  std::string types = fmt::format("contact_type{}{}\n", kpi_header(models::kTypeKpis), kSlHeader);
  for (std::size_t t = 0; t < r.by_type.size(); ++t)
    types += fmt::format("{}{}{}\n", type_name(t), kpi_cells(r.by_type[t], models::kTypeKpis), type_sl(t));
  texts.push_back(std::move(types));

  std::string groups = fmt::format("agent_group{}\n", kpi_header(models::kGroupKpis));
  for (std::size_t g = 0; g < r.by_group.size(); ++g)
    groups += fmt::format("{}{}\n", group_name(g), kpi_cells(r.by_group[g], models::kGroupKpis));
  texts.push_back(std::move(groups));

  std::string pairs = "contact_type,agent_group";
  for (const char* k : {"answered", "share", "service_level", "asa_s", "work_share"}) pairs += fmt::format(",{},{}_hw", k, k);
  pairs += "\n";
  for (const models::PairResult& p : r.by_type_group) {
    pairs += fmt::format("{},{}", csv_quoted(spec.contact_types[p.type].name), csv_quoted(spec.agent_groups[p.group].name));
    for (const models::KpiStat* k : {&p.answered, &p.share, &p.service_level, &p.asa_s, &p.work_share})
      pairs += fmt::format(",{},{}", csv_cell(k->mean), csv_cell(k->half_width));
    pairs += "\n";
  }
  texts.push_back(std::move(pairs));

  if (!r.by_interval.empty()) {
    std::string intervals =
        fmt::format("interval,label,start_s{},service_level_verdict{}\n", kpi_header(kAllKpis), kSlHeader);
    // The agents on duty (and the rest of each group's KPIs) per interval, long format:
    // one row per interval and group, as a pivot table wants it.
    std::string interval_groups =
        fmt::format("interval,label,start_s,agent_group{}\n", kpi_header(models::kGroupIntervalKpis));
    std::string interval_types = fmt::format("interval,label,start_s,contact_type{},service_level_verdict{}\n",
                                             kpi_header(models::kTypeKpis), kSlHeader);
    for (const models::IntervalResult& ir : r.by_interval) {
      const std::string when = fmt::format("{},{},{}", ir.interval, interval_label(spec, ir.interval), csv_cell(ir.start_s));
      intervals += fmt::format("{}{},{}{}\n", when, kpi_cells(ir.kpis, kAllKpis), models::verdict_name(ir.service_level),
                               centre_sl);
      for (std::size_t g = 0; g < ir.by_group.size(); ++g)
        interval_groups +=
            fmt::format("{},{}{}\n", when, group_name(g), kpi_cells(ir.by_group[g], models::kGroupIntervalKpis));
      for (std::size_t t = 0; t < ir.by_type.size(); ++t)
        interval_types += fmt::format(
            "{},{}{},{}{}\n", when, type_name(t), kpi_cells(ir.by_type[t], models::kTypeKpis),
            stat_of(ir.by_type[t], models::Kpi::ServiceLevel).n == 0 ? "" : models::verdict_name(ir.type_service_level[t]),
            type_sl(t));
    }
    texts.push_back(std::move(intervals));
    texts.push_back(std::move(interval_groups));
    texts.push_back(std::move(interval_types));
  }
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
