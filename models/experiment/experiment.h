// models/experiment/experiment.h
// Experiment: the replications of one scenario, run in chunks and folded in replication
// order, so that folding 0..k and then k..n gives bit for bit the results of one run of
// n whatever the thread or process count. `check` grows one until its targets are
// decided (models/experiment/sequential.h), `sweep` and `staff` run one per variant on
// the same seed and pair them (common random numbers, PairedDifferences).
#pragma once

#include <array>
#include <chrono>
#include <cstdint>
#include <vector>

#include "models/aggregate.h"
#include "models/kpi/kpis.h"
#include "models/replication.h"
#include "models/results.h"
#include "models/routing/registry.h"
#include "models/scenario/spec.h"
#include "sim/stats/tally.h"

namespace ccsim::models {

class Experiment {
 public:
  // `spec` must have passed validate_spec; the experiment keeps its own copy. `runner`
  // computes and folds replications (run_replications in this process when empty; the
  // CLI passes one over the ranks of an MPI job, whose fold runs on the root alone).
  // options.progress, if set, is called after each replication folded, with the count
  // folded and the count the current extend_to() asked for.
  Experiment(ScenarioSpec spec, RunOptions options, ReplicationRunner runner = {});
  // The router and the accumulator refer to the experiment's own copy of the spec.
  Experiment(const Experiment&) = delete;
  Experiment& operator=(const Experiment&) = delete;

  // Runs and folds replications [done(), end); nothing when end <= done().
  void extend_to(std::uint32_t end);

  std::uint32_t done() const { return done_; }
  const ScenarioSpec& spec() const { return spec_; }

  // The overall KPIs of every observation folded so far (one per replication, or one
  // per batch in batch-means mode), in order: what two experiments pair on.
  const std::vector<KpiValues>& observations() const { return observations_; }

  // Before the first extend_to(): keep every level's KPIs of each observation (details()),
  // for a comparison beyond the overall KPIs. Memory grows with observations x intervals x types.
  void keep_details();
  const std::vector<ObservationKpis>& details() const { return details_; }

  // The statistics of what has been folded, with replications = done() and the wall
  // time since construction; threads and ranks are the caller's to set.
  RunResults results() const;

 private:
  ScenarioSpec spec_;
  AnyRouter router_;
  RunOptions options_;
  ReplicationRunner runner_;
  ResultsAccumulator accumulator_;
  std::vector<KpiValues> observations_;
  std::vector<ObservationKpis> details_;
  std::uint32_t done_ = 0;
  std::chrono::steady_clock::time_point start_;
};

// The paired differences of every overall KPI between a variant and a base run on the
// same seed (observation i of both used the same random numbers): their mean and
// half-width estimate the change's effect with the noise common to both taken out.
class PairedDifferences {
 public:
  // Pairs observation i of `variant` with observation i of `base` when both hold the
  // same number of observations (else they did not share their random numbers
  // observation by observation, and nothing is paired); a KPI undefined on either side
  // of a pair is left out of that pair.
  void add(const std::vector<KpiValues>& base, const std::vector<KpiValues>& variant);

  const sim::Tally& of(Kpi k) const { return tallies_[static_cast<std::size_t>(k)]; }

 private:
  std::array<sim::Tally, kNumKpis> tallies_;
};

}  // namespace ccsim::models
