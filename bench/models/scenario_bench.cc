// End-to-end benchmarks: one replication of a shipped scenario per iteration, with
// events/s and calls/s as rate counters. The scenario's own seed is used.
#include <string>

#include <benchmark/benchmark.h>

#include "models/replication.h"
#include "models/routing/registry.h"
#include "models/scenario/load.h"

namespace ccsim::models {
namespace {

void BM_Scenario(benchmark::State& state, const char* relative_path) {
  const ScenarioSpec spec = load_scenario_file(std::string(CCSIM_SOURCE_DIR) + "/" + relative_path);
  const AnyRouter router = make_router(spec);
  std::uint64_t events = 0;
  std::uint64_t calls = 0;
  std::uint64_t replication = 0;
  for (auto _ : state) {
    const ReplicationCounters rc = run_replication(spec, router, replication++ % spec.replications);
    events += rc.events;
    calls += rc.arrivals;
    benchmark::DoNotOptimize(rc.fingerprint);
  }
  state.counters["events/s"] = benchmark::Counter(static_cast<double>(events), benchmark::Counter::kIsRate);
  state.counters["calls/s"] = benchmark::Counter(static_cast<double>(calls), benchmark::Counter::kIsRate);
}

BENCHMARK_CAPTURE(BM_Scenario, model_a, "scenarios/bench/model_a.json")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Scenario, model_b, "scenarios/bench/model_b.json")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Scenario, single_day_ivr, "scenarios/examples/single_day_ivr.json")
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Scenario, shifts_and_breaks, "scenarios/examples/shifts_and_breaks.json")
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Scenario, erlang_c_14_agents, "scenarios/examples/erlang_c_14_agents.json")
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Scenario, callers_day, "scenarios/bench/callers_day.json")->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace ccsim::models
