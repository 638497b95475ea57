// bench/cli/compare_bench.cc
// The cost of `ccsim check`'s parts beside the simulation: reading a baseline and
// comparing every KPI with it (a t-test per KPI, Holm over all), on the largest shipped
// baseline (large_multiskill: 65 types x 89 groups).
#include <string>

#include <benchmark/benchmark.h>

#include "cli/baseline.h"
#include "cli/compare.h"

namespace {

const std::string kBaseline = std::string(CCSIM_SOURCE_DIR) + "/results/large_multiskill.json";

void BM_ReadBaseline(benchmark::State& state) {
  std::size_t kpis = 0;
  for (auto _ : state) {
    const ccsim::cli::Baseline b = ccsim::cli::read_baseline_file(kBaseline);
    kpis = b.kpis.size();
    benchmark::DoNotOptimize(b);
  }
  state.counters["kpis"] = static_cast<double>(kpis);
}
BENCHMARK(BM_ReadBaseline)->Unit(benchmark::kMillisecond);

void BM_CompareKpis(benchmark::State& state) {
  const ccsim::cli::Baseline b = ccsim::cli::read_baseline_file(kBaseline);
  const ccsim::models::CheckSpec settings;
  for (auto _ : state) benchmark::DoNotOptimize(ccsim::cli::compare_kpis(b, b, settings));
  state.counters["kpis/s"] =
      benchmark::Counter(static_cast<double>(b.kpis.size()) * static_cast<double>(state.iterations()),
                         benchmark::Counter::kIsRate);
}
BENCHMARK(BM_CompareKpis)->Unit(benchmark::kMillisecond);

}  // namespace
