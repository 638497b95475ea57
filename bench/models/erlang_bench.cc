// bench/models/erlang_bench.cc
// Cost of the exact formulas at contact-centre sizes: one Erlang C / Erlang A / finite-line
// evaluation and one staffing search. Loads are set so that the system is busy (a close to
// c). The newer cases report calls/s, the evaluations a second.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <limits>

#include "models/analytic/erlang.h"

namespace {

namespace an = ccsim::models::analytic;

constexpr double kAhtS = 180.0;

// Arrival rate that puts a load of rho * c Erlangs on c agents.
double rate_for(std::int64_t c, double rho) { return rho * static_cast<double>(c) / kAhtS; }

void BM_ErlangB(benchmark::State& state) {
  const auto c = static_cast<std::uint32_t>(state.range(0));
  for (auto _ : state) benchmark::DoNotOptimize(an::erlang_b(c, 0.95 * c));
}
BENCHMARK(BM_ErlangB)->Arg(300)->Arg(5000);

void BM_ErlangC(benchmark::State& state) {
  const auto c = static_cast<std::uint32_t>(state.range(0));
  const double rate = rate_for(state.range(0), 0.95);
  for (auto _ : state) benchmark::DoNotOptimize(an::erlang_c_metrics(c, rate, kAhtS, 20.0));
}
BENCHMARK(BM_ErlangC)->Arg(300)->Arg(5000);

// Erlang A at full load (a == c), mean patience 120 s, awt 20 s.
void BM_ErlangA(benchmark::State& state) {
  const auto c = static_cast<std::uint32_t>(state.range(0));
  const double rate = rate_for(state.range(0), 1.0);
  for (auto _ : state)
    benchmark::DoNotOptimize(an::erlang_a_metrics(c, rate, kAhtS, 120.0, 20.0));
}
BENCHMARK(BM_ErlangA)->Arg(300)->Arg(5000)->Unit(benchmark::kMicrosecond);

// Staffing for 80/20 at a load of 285 Erlangs (about 300 agents).
void BM_StaffErlangC_Sl(benchmark::State& state) {
  const double rate = rate_for(300, 0.95);
  for (auto _ : state)
    benchmark::DoNotOptimize(an::staff_erlang_c_for_sl(rate, kAhtS, 20.0, 0.8));
}
BENCHMARK(BM_StaffErlangC_Sl)->Unit(benchmark::kMicrosecond);

void BM_StaffErlangA_Sl(benchmark::State& state) {
  const double rate = rate_for(300, 0.95);
  for (auto _ : state)
    benchmark::DoNotOptimize(an::staff_erlang_a_for_sl(rate, kAhtS, 120.0, 20.0, 0.8));
}
BENCHMARK(BM_StaffErlangA_Sl)->Unit(benchmark::kMicrosecond);

void count_calls(benchmark::State& state) {
  state.counters["calls/s"] =
      benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

// M/M/c/K(+M) at full load with K = 2c lines: every one of the c + 1 queue states is kept.
// range(1) = 0: nobody abandons (gamma_p per state), else mean patience 120 s (ibeta).
void BM_FiniteLines(benchmark::State& state) {
  const auto c = static_cast<std::uint32_t>(state.range(0));
  const double patience = state.range(1) ? 120.0 : std::numeric_limits<double>::infinity();
  const double rate = rate_for(state.range(0), 1.0);
  for (auto _ : state)
    benchmark::DoNotOptimize(an::finite_lines_metrics(c, 2 * c, rate, kAhtS, patience, 20.0));
  count_calls(state);
}
BENCHMARK(BM_FiniteLines)->Args({300, 0})->Args({300, 1})->Args({1000, 0})->Args({1000, 1})
    ->Unit(benchmark::kMicrosecond);

void BM_StaffErlangC_PWait(benchmark::State& state) {
  const double rate = rate_for(300, 0.95);
  for (auto _ : state) benchmark::DoNotOptimize(an::staff_erlang_c_for_p_wait(rate, kAhtS, 0.2));
  count_calls(state);
}
BENCHMARK(BM_StaffErlangC_PWait)->Unit(benchmark::kMicrosecond);

void BM_StaffErlangA_PWait(benchmark::State& state) {
  const double rate = rate_for(300, 0.95);
  for (auto _ : state)
    benchmark::DoNotOptimize(an::staff_erlang_a_for_p_wait(rate, kAhtS, 120.0, 0.2));
  count_calls(state);
}
BENCHMARK(BM_StaffErlangA_PWait)->Unit(benchmark::kMicrosecond);

void BM_StaffErlangA_SlOverAnswered(benchmark::State& state) {
  const double rate = rate_for(300, 0.95);
  for (auto _ : state)
    benchmark::DoNotOptimize(an::staff_erlang_a_for_sl_over_answered(rate, kAhtS, 120.0, 20.0, 0.8));
  count_calls(state);
}
BENCHMARK(BM_StaffErlangA_SlOverAnswered)->Unit(benchmark::kMicrosecond);

// Agents for 80 % answered within 20 s over offered calls, on 360 lines at 285 Erlangs.
void BM_StaffFiniteLines_Sl(benchmark::State& state) {
  const double rate = rate_for(300, 0.95);
  for (auto _ : state)
    benchmark::DoNotOptimize(an::staff_finite_lines(360, rate, kAhtS, 120.0, 20.0,
                                                    an::FiniteLinesTarget::SlOverOffered, 0.8));
  count_calls(state);
}
BENCHMARK(BM_StaffFiniteLines_Sl)->Unit(benchmark::kMicrosecond);

}  // namespace
