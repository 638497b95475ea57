// models/scenario/check_spec.h
// CheckSpec: the settings of `ccsim check` a scenario may carry (its "check" object):
// the family-wise level and the tolerances of the baseline comparison. They change no
// result of a run, only how `check` judges it against results/.
#pragma once

#include <array>
#include <optional>

#include "models/kpi/kpi_names.h"

namespace ccsim::models {

// How `ccsim check` compares a run with its baseline (docs/check.md): a KPI is flagged
// when its t-test, with Holm's correction over every KPI compared, rejects "no change"
// at family-wise level alpha AND the difference exceeds the KPI's tolerance. The test is
// paired on the replications for the overall KPIs when both runs kept their observations
// on the same seed and replication count, else Student's pooled two-sample t-test.
// Tolerances are in the KPI's units: `fraction` (absolute) for KPIs that are fractions,
// `relative` times |baseline mean| for the others, and `absolute[kpi]` when set for that
// KPI (overrides both). Flags of `ccsim check` override these.
struct CheckSpec {
  double alpha = 0.01;
  double tolerance_fraction = 0.01;
  double tolerance_relative = 0.05;
  std::array<std::optional<double>, kNumKpis> tolerance_absolute{};
};

}  // namespace ccsim::models
