// The staffing search against the full runs it is made of: BM_FullRun is one run of a
// shipped day scenario at its replication count, BM_StaffingSearch the whole search
// (Erlang A start, raising, removal passes, final checks) on the same scenario, with the
// runs it used as a counter. Their ratio is what `ccsim staff` costs in full runs (the
// issue's bar: at most 60). One thread each, so the two compare on equal terms.
#include <string>

#include <benchmark/benchmark.h>

#include "models/experiment/experiment.h"
#include "models/planning/staffing_search.h"
#include "models/scenario/load.h"

namespace ccsim::models {
namespace {

RunResults full_run(const ScenarioSpec& spec) {
  Experiment e(spec, RunOptions{.threads = 1});
  e.extend_to(spec.replications);
  return e.results();
}

void BM_FullRun(benchmark::State& state, const char* relative_path) {
  const ScenarioSpec spec = load_scenario_file(std::string(CCSIM_SOURCE_DIR) + "/" + relative_path);
  for (auto _ : state) benchmark::DoNotOptimize(full_run(spec).fingerprint);
}

void BM_StaffingSearch(benchmark::State& state, const char* relative_path) {
  const ScenarioSpec spec = load_scenario_file(std::string(CCSIM_SOURCE_DIR) + "/" + relative_path);
  std::uint32_t runs = 0;
  for (auto _ : state) {
    const StaffingSearch r = search_staffing(spec, full_run);
    runs = r.runs;
    benchmark::DoNotOptimize(r.required.data());
  }
  state.counters["runs"] = runs;
}

BENCHMARK_CAPTURE(BM_FullRun, single_day_ivr, "scenarios/examples/single_day_ivr.json")
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_StaffingSearch, single_day_ivr, "scenarios/examples/single_day_ivr.json")
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_FullRun, three_queue_monday, "scenarios/examples/three_queue_monday.json")
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_StaffingSearch, three_queue_monday, "scenarios/examples/three_queue_monday.json")
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace ccsim::models
