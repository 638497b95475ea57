// models/aggregate.h
// ResultsAccumulator: folds replications' counters into RunResults. Fold order is the
// caller's contract: give replications in replication order and the sums (hence the
// results) are bit-identical however the replications were computed (threads, ranks).
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "models/kpi/counters.h"
#include "models/kpi/kpis.h"
#include "models/results.h"
#include "models/scenario/spec.h"

namespace ccsim::models {

// One observation's KPIs at every level the reports pair on (`ccsim compare`).
struct ObservationKpis {
  KpiValues overall;
  std::vector<KpiValues> by_type;           // [type]
  std::vector<KpiValues> by_group;          // [group]: the agents' KPIs (occupancy, staffing)
  std::vector<KpiValues> by_interval;       // [interval], day mode
  std::vector<KpiValues> by_interval_type;  // [interval * types + type], day mode
  std::vector<KpiValues> by_day;            // [day], a run of several days
  std::vector<KpiValues> by_day_type;       // [day * types + type], a run of several days
};

class ResultsAccumulator {
 public:
  explicit ResultsAccumulator(const ScenarioSpec& spec);
  ~ResultsAccumulator();
  ResultsAccumulator(ResultsAccumulator&&) noexcept;
  ResultsAccumulator& operator=(ResultsAccumulator&&) noexcept;

  // The next replication in order: the first call gets replication 0, and so on.
  void add(const ReplicationCounters& rc);

  // Replications folded so far.
  std::uint32_t replications() const;

  // The overall KPIs of each observation in the replication added last (one, or one
  // per batch in batch-means mode): what two runs sharing random numbers pair on.
  const std::vector<KpiValues>& last_observations() const;

  // With keep_details(true) before the first add(): every level's KPIs of each
  // observation in the replication added last (empty otherwise).
  void keep_details(bool keep);
  const std::vector<ObservationKpis>& last_details() const;

  // Statistics of what has been folded; can be called again after more add()s.
  // replications, threads, ranks and wall_s are left for the runner to set.
  RunResults results() const;

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace ccsim::models
