// cli/report.h
// Renderings of RunResults: the terminal table, the results JSON contract
// (schema "ccsim.results/1", docs/results-format.md) and the CSV tables.
#pragma once

#include <cstdio>
#include <string>

#include "models/results.h"
#include "models/scenario/spec.h"

namespace ccsim::cli {

void print_text_report(std::FILE* out, const models::ScenarioSpec& spec, const models::RunResults& results);

std::string results_json(const models::ScenarioSpec& spec, const models::RunResults& results);

// Writes <dir>/<scenario>_overall.csv, _by_interval.csv, _by_type.csv, _by_group.csv;
// creates dir if needed. Throws std::runtime_error naming the file on failure.
void write_csv(const std::string& dir, const models::ScenarioSpec& spec, const models::RunResults& results);

// A KPI value as the reports show it: a fraction as a percentage with one decimal
// ("89.1%"), another value with two decimals, one from 100 up; "-" when undefined (NaN).
std::string kpi_value_text(double x, bool fraction);
// "mean ± half-width" in that format; the mean alone when n < 2; "-" when n == 0.
std::string kpi_stat_text(const models::KpiStat& s, bool fraction);
// "p_abandon <= 5.0%".
std::string target_text(const models::TargetSpec& t);
// "met", "MISSED" or "inconclusive".
std::string verdict_text(models::Verdict v);

// "07:30" for a period start when the scenario has a start_time, else "+1800s".
std::string interval_label(const models::ScenarioSpec& spec, std::uint32_t interval);

}  // namespace ccsim::cli
