// bench/sim/rng_bench.cc
// Micro-benchmarks of the random-number layer: one uniform, the common variates, and the
// cost of positioning a generator on a (stream, substream) pair. Fixed seeds throughout.
#include <benchmark/benchmark.h>

#include <cstdint>

#include "sim/rng/distribution.h"
#include "sim/rng/mrg32k3a.h"
#include "sim/rng/stream_id.h"
#include "sim/rng/variates.h"

namespace {

using ccsim::sim::Distribution;
using ccsim::sim::Mrg32k3a;

void BM_Mrg32k3a_NextDouble(benchmark::State& state) {
  Mrg32k3a g = Mrg32k3a::from_seed(1);
  for (auto _ : state) benchmark::DoNotOptimize(g.next_u01());
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Mrg32k3a_NextDouble);

void BM_Exponential(benchmark::State& state) {
  Mrg32k3a g = Mrg32k3a::from_seed(2);
  for (auto _ : state) benchmark::DoNotOptimize(ccsim::sim::exponential(g, 240.0));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Exponential);

void BM_LogNormal(benchmark::State& state) {
  Mrg32k3a g = Mrg32k3a::from_seed(3);
  for (auto _ : state) benchmark::DoNotOptimize(ccsim::sim::lognormal_mean_cv(g, 240.0, 0.5));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_LogNormal);

// Argument: 10 x shape, to cover both Marsaglia-Tsang paths.
void BM_Gamma(benchmark::State& state) {
  Mrg32k3a g = Mrg32k3a::from_seed(4);
  const double shape = static_cast<double>(state.range(0)) / 10.0;
  for (auto _ : state) benchmark::DoNotOptimize(ccsim::sim::gamma_shape_scale(g, shape, 60.0));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Gamma)->Arg(5)->Arg(25);

// Through the Distribution switch, as the model draws service times.
void BM_SampleDistribution(benchmark::State& state) {
  Mrg32k3a g = Mrg32k3a::from_seed(5);
  const Distribution d = Distribution::lognormal(240.0, 0.5);
  for (auto _ : state) benchmark::DoNotOptimize(ccsim::sim::sample(d, g));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_SampleDistribution);

// stream(n, r) for a stream of component 1 (the model's contact types), purpose 1, and a
// replication index, as built once per stream and replication. The cost grows with the number of set bits of n and r.
void BM_StreamJump(benchmark::State& state) {
  const Mrg32k3a base = Mrg32k3a::from_seed(6);
  const std::uint64_t n =
      ccsim::sim::stream_number(1, static_cast<std::uint32_t>(state.range(0)), 1);
  std::uint64_t r = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(base.stream(n, r));
    r = (r + 1) & 1023;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_StreamJump)->Arg(0)->Arg(37);

void BM_NextSubstream(benchmark::State& state) {
  Mrg32k3a g = Mrg32k3a::from_seed(7);
  for (auto _ : state) {
    g.reset_next_substream();
    benchmark::DoNotOptimize(g);
  }
}
BENCHMARK(BM_NextSubstream);

}  // namespace
