// Hold-model benchmark of the event lists: a steady population of n pending events,
// each pop followed by a push at now + Exp(1), the classic event-list workload.
#include <cmath>
#include <cstdint>

#include <benchmark/benchmark.h>

#include "sim/calendar_queue.h"
#include "sim/event_queue.h"

namespace ccsim::sim {
namespace {

template <class Q>
void BM_EventQueue_Hold(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  Q q;
  q.reserve(n);
  std::uint64_t x = 0x9e3779b97f4a7c15ULL;
  auto u01 = [&] {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return (static_cast<double>(x >> 11) + 0.5) * 0x1.0p-53;
  };
  std::uint64_t seq = 0;
  for (std::size_t i = 0; i < n; ++i) {
    Event e{};
    e.time = -std::log(u01());
    e.seq = seq++;
    q.push(e);
  }
  for (auto _ : state) {
    Event e = q.top();
    q.pop();
    e.time += -std::log(u01());
    e.seq = seq++;
    q.push(e);
  }
  state.SetItemsProcessed(state.iterations());
}

BENCHMARK(BM_EventQueue_Hold<BinaryHeap>)->Name("BM_EventQueue_Hold/binary")->RangeMultiplier(8)->Range(8, 1 << 18);
BENCHMARK(BM_EventQueue_Hold<QuaternaryHeap>)
    ->Name("BM_EventQueue_Hold/4ary")
    ->RangeMultiplier(8)
    ->Range(8, 1 << 18);

BENCHMARK(BM_EventQueue_Hold<CalendarQueue>)
    ->Name("BM_EventQueue_Hold/calendar")
    ->RangeMultiplier(8)
    ->Range(8, 1 << 18);

}  // namespace
}  // namespace ccsim::sim
