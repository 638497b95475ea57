// cli/check.h
// What `ccsim check` established (docs/check.md): the targets' verdicts with the
// replications an undecided one needs, the comparison with the baseline, the
// fingerprint, and the exit code they give. Rendered as a short text summary and as
// JSON (schema "ccsim.check/1").
#pragma once

#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "cli/compare.h"
#include "models/results.h"
#include "models/scenario/spec.h"

namespace ccsim::cli {

// A target's verdict, and for an inconclusive one the estimated number of replications
// (batches in batch-means mode) that would decide it, n * (hw / |mean - target|)^2;
// `note` says why there is no estimate (mean on the target, fewer than 2 observations).
struct TargetCheck {
  models::TargetResult result;
  std::optional<double> needed;
  std::string note;
};

// How a --sequential run went: from `start` replications, `rounds` extensions, up to the
// cap `max`; `satisfied` when the stopping rule held (every target decided, or every
// target KPI within `precision` relative half-width); else `needed` estimates how many
// replications would satisfy it (none when it cannot be estimated).
struct SequentialCheck {
  std::uint32_t start = 0;
  std::uint32_t max = 0;
  std::uint32_t rounds = 0;
  std::optional<double> precision;
  bool satisfied = false;
  std::optional<double> needed;
};

enum class FingerprintStatus : std::uint8_t { NoBaseline, Same, Changed, NotComparable };

struct CheckReport {
  const models::ScenarioSpec* spec = nullptr;
  const models::RunResults* results = nullptr;
  std::string unit = "replications";  // or "batches" in batch-means mode

  bool targets_judged = true;
  std::vector<TargetCheck> targets;
  std::optional<SequentialCheck> sequential;

  std::string baseline_path;
  bool baseline_found = false;
  bool baseline_written = false;         // --update
  std::optional<Baseline> baseline;      // compared with; with --update, the file replaced
  std::optional<Comparison> comparison;  // none without a baseline and with --update
  models::CheckSpec settings;

  FingerprintStatus fingerprint = FingerprintStatus::NoBaseline;
  std::string fingerprint_note;  // why the fingerprints are not comparable
  bool require_fingerprint = false;

  int exit_code = 0;
  std::string outcome;  // one line: why this exit code
};

void print_check_text(std::FILE* out, const CheckReport& report);

// The JSON report, schema "ccsim.check/1" (docs/check.md).
std::string check_json(const CheckReport& report);

}  // namespace ccsim::cli
