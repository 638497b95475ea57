// models/replication.h
// Runs a scenario's replications, on one or more threads, and folds their KPIs into
// RunResults in replication order, so results are bit-identical for any thread count.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "models/aggregate.h"
#include "models/kpi/counters.h"
#include "models/results.h"
#include "models/routing/registry.h"
#include "models/scenario/spec.h"
#include "models/trace.h"

namespace ccsim::models {

// Called after each replication is folded, from the folding thread, with the number
// folded so far and the number asked for; never called per event.
using ProgressFn = std::function<void(std::uint32_t done, std::uint32_t total)>;

// Called from the thread that runs the replications when the system refused to start
// all the threads asked for (std::thread threw): the run goes on with `started` threads
// (the calling one alone when 0 started) and its results are the same.
using ThreadShortfallFn = std::function<void(std::uint32_t started, std::uint32_t asked, const std::string& why)>;

struct RunOptions {
  std::uint32_t threads = 1;
  ProgressFn progress{};
  ThreadShortfallFn thread_shortfall{};
  // Replication `trace_replication` reports to `trace` (others run untraced), so a
  // trace reads as one day whatever the thread count.
  TraceSink* trace = nullptr;
  std::uint32_t trace_replication = 0;
  // Hand back every observation's overall KPIs (RunResults::per_observation).
  bool keep_observations = false;
};

// One replication: substream `replication` of every stream.
ReplicationCounters run_replication(const ScenarioSpec& spec, const AnyRouter& router, std::uint64_t replication,
                                    TraceSink* trace = nullptr);

// Runs replications [first, end) on options.threads threads and hands each one's
// counters to `fold` in replication order (from one thread at a time). A thread starts a
// replication only within `threads` of the next one to fold, so at most that many
// finished ones wait for their turn, however slow one replication is. An exception in
// a replication, or thrown by `fold`, stops the others and is rethrown here; `fold` is
// not called again after it. Threads that cannot be started are reported to
// options.thread_shortfall, and the run goes on without them.
using FoldFn = std::function<void(std::uint32_t replication, ReplicationCounters&& counters)>;
void run_replications(const ScenarioSpec& spec, const AnyRouter& router, std::uint32_t first, std::uint32_t end,
                      const RunOptions& options, const FoldFn& fold);

// The same over every stride-th replication of [first, end): first, first + stride, ...
// One process's share when replications are dealt round-robin to the ranks of a job.
void run_replications_strided(const ScenarioSpec& spec, const AnyRouter& router, std::uint32_t first,
                              std::uint32_t end, std::uint32_t stride, const RunOptions& options, const FoldFn& fold);

// How run_scenario computes replications [first, end) and folds them in order: by
// default run_replications in this process; the CLI passes one that spreads them over
// the ranks of an MPI job (cli/cluster.h).
using ReplicationRunner = std::function<void(const ScenarioSpec&, const AnyRouter&, std::uint32_t first,
                                             std::uint32_t end, const RunOptions&, const FoldFn&)>;

// All spec.replications replications, folded into results. Checks the spec first
// (validate_spec, models/scenario/validate_spec.h) and throws ScenarioError with every
// problem found; run_replication(s) take a spec that has passed that check. With a runner whose fold
// is called on one process only, the results of the others are empty.
RunResults run_scenario(const ScenarioSpec& spec, const RunOptions& options, const ReplicationRunner& runner = {});

}  // namespace ccsim::models
