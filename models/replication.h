// models/replication.h
// Runs a scenario's replications, on one or more threads, and folds their KPIs into
// RunResults in replication order, so results are bit-identical for any thread count.
#pragma once

#include <cstdint>

#include "models/kpi/counters.h"
#include "models/results.h"
#include "models/routing/registry.h"
#include "models/scenario/spec.h"
#include "models/trace.h"

namespace ccsim::models {

struct RunOptions {
  std::uint32_t threads = 1;
};

// One replication: substream `replication` of every stream.
ReplicationCounters run_replication(const ScenarioSpec& spec, const AnyRouter& router, std::uint64_t replication,
                                    TraceSink* trace = nullptr);

RunResults run_scenario(const ScenarioSpec& spec, const RunOptions& options);

}  // namespace ccsim::models
