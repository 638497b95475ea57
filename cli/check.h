// cli/check.h
// What `ccsim check` established (docs/check.md): the targets' verdicts with the
// replications an undecided one needs, the comparison with the baseline, the
// fingerprint, and the exit code they give. Rendered as a short text summary and as
// JSON (schema "ccsim.check/2").
#pragma once

#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "cli/compare.h"
#include "models/experiment/sequential.h"
#include "models/results.h"
#include "models/scenario/spec.h"

namespace ccsim::cli {

enum class FingerprintStatus : std::uint8_t { NoBaseline, Same, Changed, NotComparable };

struct CheckReport {
  const models::ScenarioSpec* spec = nullptr;
  const models::RunResults* results = nullptr;
  std::string unit = "replications";  // or "batches" in batch-means mode

  bool targets_judged = true;
  std::vector<models::TargetCheck> targets;
  std::optional<models::SequentialCheck> sequential;

  std::string baseline_path;
  bool baseline_found = false;
  bool baseline_written = false;         // --update
  std::optional<Baseline> baseline;      // compared with; with --update, the file replaced
  std::optional<Comparison> comparison;  // none without a baseline and with --update
  // How the service level here is defined differently from the baseline's (each one
  // fails the check: service_level names another measure).
  std::vector<std::string> service_level_changes;
  models::CheckSpec settings;

  FingerprintStatus fingerprint = FingerprintStatus::NoBaseline;
  std::string fingerprint_note;  // why the fingerprints are not comparable
  bool require_fingerprint = false;

  int exit_code = 0;
  std::string outcome;  // one line: why this exit code
};

void print_check_text(std::FILE* out, const CheckReport& report);

// The JSON report, schema "ccsim.check/2" (docs/check.md).
std::string check_json(const CheckReport& report);

}  // namespace ccsim::cli
