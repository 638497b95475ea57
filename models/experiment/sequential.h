// models/experiment/sequential.h
// How many replications decide a target, and the sequential rule of `ccsim check
// --sequential` (docs/check.md): add replications until every target is decided (or
// every target KPI has a relative half-width within a precision), up to a cap.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "models/experiment/experiment.h"
#include "models/results.h"

namespace ccsim::models {

// Replications (or batches) behind the results: what more of them would scale.
double units_of(const RunResults& r);

// A target's verdict, and for an inconclusive one the estimated number of replications
// (batches in batch-means mode) that would decide it, n * (hw / |mean - target|)^2;
// `note` says why there is no estimate (mean on the target, fewer than 2 observations,
// an interval scope). `unit` names what is counted: "replications" or "batches".
struct TargetCheck {
  TargetResult result;
  std::optional<double> needed;
  std::string note;
  // False where no number of replications can decide it (e-mails not yet due at the
  // close that straddle the target): the sequential rule does not wait for it.
  bool decidable = true;
};
TargetCheck assess(const TargetResult& t, double units, const std::string& unit);

// How a sequential run went: from `start` replications, `rounds` extensions, up to the
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

// Grows `experiment` from `start` replications until the rule holds or `cap` is
// reached. With an MPI runner the root alone holds the results: `agree` must return the
// root's value on every process (identity in one process), so that all take the same steps.
SequentialCheck run_sequential(Experiment& experiment, std::uint32_t start, std::uint32_t cap,
                               std::optional<double> precision, const std::string& unit,
                               const std::function<std::uint32_t(std::uint32_t)>& agree = {});

}  // namespace ccsim::models
