// cli/report_csv.cc
// CSV tables a spreadsheet opens: one row per interval / type / group / interval and
// group, and for each KPI of that level (the lists of the results JSON) two columns,
// <kpi> (mean) and <kpi>_hw (half-width). Empty cell = undefined.
#include <cmath>
#include <filesystem>
#include <fstream>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "cli/report.h"
#include "models/kpi/kpis.h"
#include "models/scenario/validate.h"
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

void write_file(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path);
  out << text;
  if (!out) throw std::runtime_error("cannot write " + models::internal::escape_controls(path.string()));
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

void write_csv(const std::string& dir, const models::ScenarioSpec& spec, const models::RunResults& r) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec)
    throw std::runtime_error("cannot create folder " + models::internal::escape_controls(dir) + ": " + ec.message());
  const std::filesystem::path base(dir);

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
  write_file(base / (spec.name + "_targets.csv"), targets);
  write_file(base / (spec.name + "_overall.csv"),
             fmt::format("scope{}\noverall{}\n", kpi_header(kAllKpis), kpi_cells(r.overall, kAllKpis)));

  std::string types = fmt::format("contact_type{}\n", kpi_header(models::kTypeKpis));
  for (std::size_t t = 0; t < r.by_type.size(); ++t)
    types += fmt::format("{}{}\n", csv_quoted(spec.contact_types[models::make_id<models::ContactTypeId>(t)].name),
                         kpi_cells(r.by_type[t], models::kTypeKpis));
  write_file(base / (spec.name + "_by_type.csv"), types);

  std::string groups = fmt::format("agent_group{}\n", kpi_header(models::kGroupKpis));
  for (std::size_t g = 0; g < r.by_group.size(); ++g)
    groups += fmt::format("{}{}\n", group_name(g), kpi_cells(r.by_group[g], models::kGroupKpis));
  write_file(base / (spec.name + "_by_group.csv"), groups);

  std::string pairs = "contact_type,agent_group";
  for (const char* k : {"answered", "share", "service_level", "asa_s", "work_share"}) pairs += fmt::format(",{},{}_hw", k, k);
  pairs += "\n";
  for (const models::PairResult& p : r.by_type_group) {
    pairs += fmt::format("{},{}", csv_quoted(spec.contact_types[p.type].name), csv_quoted(spec.agent_groups[p.group].name));
    for (const models::KpiStat* k : {&p.answered, &p.share, &p.service_level, &p.asa_s, &p.work_share})
      pairs += fmt::format(",{},{}", csv_cell(k->mean), csv_cell(k->half_width));
    pairs += "\n";
  }
  write_file(base / (spec.name + "_by_type_group.csv"), pairs);

  if (!r.by_interval.empty()) {
    std::string intervals = fmt::format("interval,label,start_s{},service_level_verdict\n", kpi_header(kAllKpis));
    // The agents on duty (and the rest of each group's KPIs) per interval, long format:
    // one row per interval and group, as a pivot table wants it.
    std::string interval_groups =
        fmt::format("interval,label,start_s,agent_group{}\n", kpi_header(models::kGroupIntervalKpis));
    std::string interval_types = fmt::format("interval,label,start_s,contact_type{},service_level_verdict\n",
                                             kpi_header(models::kTypeKpis));
    for (const models::IntervalResult& ir : r.by_interval) {
      const std::string when = fmt::format("{},{},{}", ir.interval, interval_label(spec, ir.interval), csv_cell(ir.start_s));
      intervals += fmt::format("{}{},{}\n", when, kpi_cells(ir.kpis, kAllKpis), models::verdict_name(ir.service_level));
      for (std::size_t g = 0; g < ir.by_group.size(); ++g)
        interval_groups +=
            fmt::format("{},{}{}\n", when, group_name(g), kpi_cells(ir.by_group[g], models::kGroupIntervalKpis));
      for (std::size_t t = 0; t < ir.by_type.size(); ++t)
        interval_types += fmt::format(
            "{},{}{},{}\n", when, type_name(t), kpi_cells(ir.by_type[t], models::kTypeKpis),
            stat_of(ir.by_type[t], models::Kpi::ServiceLevel).n == 0 ? "" : models::verdict_name(ir.type_service_level[t]));
    }
    write_file(base / (spec.name + "_by_interval.csv"), intervals);
    write_file(base / (spec.name + "_by_interval_group.csv"), interval_groups);
    write_file(base / (spec.name + "_by_interval_type.csv"), interval_types);
  }
}

}  // namespace ccsim::cli
