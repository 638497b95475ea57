// tests/validation/observed_run.h
// A validation run that keeps every observation's KPIs at every level (RunResults keeps
// only the overall ones), for the tests whose exact values are ratios of one or two
// types' counts, and the customer basis that every such run must satisfy exactly.
#pragma once

#include <cstddef>
#include <vector>

#include <gtest/gtest.h>

#include "models/experiment/experiment.h"
#include "models/scenario/validate_spec.h"
#include "sim/stats/tally.h"
#include "tests/validation/validation_support.h"

namespace ccsim::models::testing {

inline double value(const KpiValues& v, Kpi k) { return v[static_cast<std::size_t>(k)]; }

struct Observed {
  RunResults results;
  std::vector<ObservationKpis> observations;
};

inline Observed run_observed(const ScenarioSpec& s) {
  validate_spec(s);  // a spec the loader would refuse fails here with its diagnostics
  Experiment e(s, RunOptions{.threads = 2});
  e.keep_details();
  e.extend_to(s.replications);
  return {e.results(), e.details()};
}

// The mean over the observations of type tn's num / type td's den, with its Student-t
// interval: each observation's ratio is an estimate in its own right, and needs no duration.
inline KpiStat ratio(const Observed& o, std::size_t tn, Kpi num, std::size_t td, Kpi den) {
  sim::Tally tally;
  for (const ObservationKpis& obs : o.observations)
    tally.add(value(obs.by_type[tn], num) / value(obs.by_type[td], den));
  return KpiStat{tally.mean(), tally.half_width(kValidationConfidence), tally.count()};
}

// The customer basis as specified: a redial, a transferred leg and a callback's dial are
// the same customer again, a return is a new request (it counts again). Exact in every
// observation; the first observation that breaks it is reported, not all of them.
inline ::testing::AssertionResult customer_basis_holds(const Observed& o) {
  for (std::size_t i = 0; i < o.observations.size(); ++i)
    for (std::size_t t = 0; t < o.observations[i].by_type.size(); ++t) {
      const KpiValues& v = o.observations[i].by_type[t];
      const double expected = value(v, Kpi::Offered) - value(v, Kpi::Redials) - value(v, Kpi::TransferredIn) -
                              value(v, Kpi::CallbackAttempts);
      if (value(v, Kpi::Customers) != expected)
        return ::testing::AssertionFailure() << "observation " << i << ", type " << t << ": customers "
                                             << value(v, Kpi::Customers)
                                             << ", offered - redials - transferred_in - callback_attempts " << expected;
    }
  return ::testing::AssertionSuccess();
}

}  // namespace ccsim::models::testing
