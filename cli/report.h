// cli/report.h
// Renderings of RunResults: the terminal table, the results JSON contract
// (schema "ccsim.results/3", docs/results-format.md), the CSV tables and the HTML
// report (docs/report.md).
#pragma once

#include <array>
#include <cstdio>
#include <string>
#include <vector>

#include "models/planning/staffing_search.h"
#include "models/results.h"
#include "models/scenario/interval_label.h"
#include "models/scenario/spec.h"

namespace ccsim::cli {

// Every KPI in contract order: the overall and per-interval levels have them all; a
// contact type has models::kTypeKpis, an agent group models::kGroupKpis (per interval
// models::kGroupIntervalKpis).
inline constexpr std::array<models::Kpi, models::kNumKpis> kAllKpis = [] {
  std::array<models::Kpi, models::kNumKpis> all{};
  for (std::size_t i = 0; i < models::kNumKpis; ++i) all[i] = static_cast<models::Kpi>(i);
  return all;
}();

void print_text_report(std::FILE* out, const models::ScenarioSpec& spec, const models::RunResults& results);

// The scenario's sanity warnings (models/planning/warnings.h), one "WARNING: ..." line each.
void print_warnings(std::FILE* out, const models::ScenarioSpec& spec);

std::string results_json(const models::ScenarioSpec& spec, const models::RunResults& results);

// What the HTML report needs beside the results contract, as JSON: the KPIs in
// contract order with their unit ("fraction", "seconds", "calls", "agents",
// "agent_minutes" or "agent_hours"), the scenario's description and, when given, the
// staffing `ccsim staff` found required ("required_staffing": [{"group", "agents"}], in
// the scenario's group order). Throws std::invalid_argument when `required` is not one
// row per group of num_periods values.
std::string report_page_json(const models::ScenarioSpec& spec, const models::Staffing* required = nullptr);

// What the comparison page needs beside the ccsim.compare/2 JSON: the KPIs either run can
// give, in contract order with their unit, the KPIs `shown` (the tables' and the charts'
// first), A's service-level threshold (for the labels of the KPIs that name it) and A's
// interval length (null in steady state) for the time axis.
std::string compare_page_json(const models::ScenarioSpec& a, const models::ScenarioSpec& b,
                              const std::vector<models::Kpi>& shown);

// Writes <dir>/<stem>_targets.csv, _overall.csv, _by_type.csv, _by_group.csv,
// _by_type_group.csv and in day mode _by_interval.csv, _by_interval_group.csv and
// _by_interval_type.csv, each through an OutputFile (cli/output_file.h); creates dir if
// needed. <stem> is the scenario name made a file name that stays inside dir ("../x"
// gives "___x"; docs/results-format.md). Throws std::runtime_error naming the file on failure.
void write_csv(const std::string& dir, const models::ScenarioSpec& spec, const models::RunResults& results);
// Every file write_csv may write in `dir` for `spec`: with `interval_tables`, the
// per-interval ones too (written for a run with intervals, a day).
std::vector<std::string> csv_paths(const std::string& dir, const models::ScenarioSpec& spec,
                                   bool interval_tables = true);

// What a service level divides by, for the reports: "answered within 20 s over admitted
// calls (every call that joined the queue)"; docs/kpis.md defines each.
std::string sl_definition_text(const models::ServiceLevelSpec& sl);
// A KPI value as the reports show it: a fraction as a percentage with one decimal
// ("89.1%"), another value with two decimals, one from 100 up; "-" when undefined (NaN).
std::string kpi_value_text(double x, bool fraction);
// "mean ± half-width" in that format; the mean alone when n < 2; "-" when n == 0.
std::string kpi_stat_text(const models::KpiStat& s, bool fraction);
// "p_abandon_over_admitted <= 5.0%", "billing: service_level >= 60.0% within 60 s, 90% of intervals".
std::string target_text(const models::ScenarioSpec& spec, const models::TargetSpec& t);
// What a target was judged on: "81.2% ± 1.1%" over the day; for an interval scope the
// count of intervals met and missed and the worst interval.
std::string target_result_text(const models::ScenarioSpec& spec, const models::TargetResult& t);
// The targets, one line each: the target, its verdict, what it was judged on and, when
// notes[i] is not empty, that note.
void print_targets(std::FILE* out, const models::ScenarioSpec& spec, const std::vector<models::TargetResult>& targets,
                   const std::vector<std::string>& notes = {});
// The KPIs a --kpis option names (comma-separated, each once, in order), or `defaults`
// (each once) when the option is empty. Throws std::invalid_argument, "--kpis: unknown
// KPI "x"; known: ...", for a name that is not a KPI.
std::vector<models::Kpi> kpis_option(const std::string& list, const std::vector<models::Kpi>& defaults);
// A paired change: "+3.10 pp ± 0.40" for fractions (percentage points), "+2.40 ± 0.31"
// otherwise, the mean alone when n < 2, "-" when n == 0; with mark_significant, " *" when
// the interval excludes 0.
std::string change_text(const models::KpiStat& d, models::Kpi k, bool mark_significant);
// Rows as columns two spaces apart, each as wide as its widest cell (in bytes); every
// column left-aligned, or with right_align all but the first (columns of numbers).
void print_columns(std::FILE* out, const std::vector<std::vector<std::string>>& rows, bool right_align = false);
// "met", "MISSED" or "inconclusive".
std::string verdict_text(models::Verdict v);

// A CSV number cell (10 significant digits; empty when undefined) and a CSV text cell
// quoted per RFC 4180 when it holds a comma, quote or line break.
std::string csv_cell(double x);
std::string csv_quoted(const std::string& s);

// Writes one self-contained HTML page (no network fetches) with charts and tables of
// the results; it embeds results_json() unchanged, and with `required` (`ccsim staff`) a
// required line on each group's staffing chart. Throws std::runtime_error naming the
// file on failure.
void write_html(const std::string& path, const models::ScenarioSpec& spec, const models::RunResults& results,
                const models::Staffing* required = nullptr);

// Writes the comparison of A and B as one self-contained HTML page (docs/compare.md):
// compare_json_text (schema ccsim.compare/2, as `ccsim compare --json` writes it) is
// embedded unchanged but for '<'; a and b name the page; `shown` as compare_page_json.
// Throws std::runtime_error naming the file on failure.
void write_compare_html(const std::string& path, const std::string& compare_json_text, const models::ScenarioSpec& a,
                        const models::ScenarioSpec& b, const std::vector<models::Kpi>& shown);

using models::interval_label;

}  // namespace ccsim::cli
