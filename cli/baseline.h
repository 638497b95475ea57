// cli/baseline.h
// A baseline (schema "ccsim.baseline/2", docs/check.md): what one run of a scenario
// established, kept in results/ so that later runs can be compared with it. The file
// holds no wall time, thread or rank count: the same run always writes the same bytes.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "models/kpi/kpis.h"
#include "models/results.h"
#include "models/scenario/spec.h"

namespace ccsim::cli {

// One KPI statistic, named by its JSON Pointer in the baseline file, e.g.
// "/kpis/by_interval/3/by_type/sales/asa_s"; `kpi` is the pointer's last token
// ("asa_s"). The pointer identifies the KPI across files: a renamed group gives
// pointers that exist in one file only.
struct BaselineKpi {
  std::string pointer;
  std::string kpi;
  models::KpiStat stat;
};

// What the KPIs named service_level and *_within_t measured: the definition and the
// thresholds of the scenario (`type` empty) or of one contact type (its own or the
// scenario's). Two runs whose records differ compare different measures under one name.
struct ServiceLevelRecord {
  std::string type;
  std::string definition;  // sl_definition_name
  double awt_s = 0.0;
  double short_abandon_s = 0.0;
  bool operator==(const ServiceLevelRecord&) const = default;
};

// The scenario's, then each contact type's, in the scenario's order.
std::vector<ServiceLevelRecord> service_level_records(const models::ScenarioSpec& spec);

// One line per difference, e.g. `contact type "sales": awt_s 20 s in the baseline, 30 s
// here`; `was` and `is` name the two sides. Types on one side only are not compared (the
// KPI comparison lists their KPIs as missing or new).
std::vector<std::string> service_level_changes(const std::vector<ServiceLevelRecord>& before,
                                               const std::vector<ServiceLevelRecord>& after, std::string_view was,
                                               std::string_view is);

// A run reduced to what a later run can be compared with: the seed and replication
// count (equal fingerprints need equal ones), the confidence of the half-widths (to
// recover the standard deviations), the fingerprint and every KPI statistic, in the
// file's order: overall, by_type, by_group, by_type_group, by_interval.
struct Baseline {
  std::string scenario_name;
  std::string scenario_file;  // relative to the baseline's folder when that is possible
  std::uint64_t seed = 0;
  std::uint32_t replications = 0;
  double confidence = 0.95;
  std::string fingerprint;
  // Empty in a file written before December 2026 (the key is optional).
  std::vector<ServiceLevelRecord> service_levels;
  std::vector<BaselineKpi> kpis;
  // The overall KPIs of each observation (replication, or batch), NaN where undefined:
  // what lets a run on the same seed and replications be compared pair by pair. Empty
  // in a file written without them (the key is optional).
  std::vector<models::KpiValues> observations;
};

// The baseline of a run. Every KPI that exists for the scenario's structure is listed
// (undefined ones with n = 0), so that which KPIs are listed does not depend on the
// random outcome; agent groups list only the KPIs a group has (models/kpi/kpis.h).
Baseline make_baseline(const models::ScenarioSpec& spec, const models::RunResults& results, std::string scenario_file);

// The file's text, one KPI statistic a line; ends with a newline.
std::string baseline_json(const Baseline& baseline);

// Reads a baseline file. A missing file, invalid JSON or any value out of the format
// throws models::ScenarioError with `path` and every problem found located by a JSON
// Pointer (at most about 20), printed like scenario errors.
Baseline read_baseline_file(const std::string& path);
Baseline read_baseline_text(std::string_view text, const std::string& file_label);

// Where a baseline file names its scenario: `scenario` relative to the folder of
// `baseline_path` (so the text does not depend on the current directory), or absolute
// when no relative path exists.
std::string scenario_path_from(const std::string& baseline_path, const std::string& scenario);

}  // namespace ccsim::cli
