// Component benchmarks of the routing policies: one arrival decision and one freed-
// agent decision on a view with `groups` groups, each serving 4 of `groups` types.
#include <vector>

#include <benchmark/benchmark.h>

#include "models/routing/earliest_due_first.h"
#include "models/routing/longest_idle_agent.h"
#include "models/routing/longest_weighted_wait.h"
#include "models/routing/overflow_after_delay.h"
#include "models/routing/queue_priority.h"
#include "models/routing/random_idle_agent.h"

namespace ccsim::models {
namespace {

struct Setup {
  std::vector<std::vector<AgentGroupId>> type_to_groups;
  std::vector<std::vector<double>> delays;
  std::vector<std::uint32_t> priority;
  std::vector<GroupCounts> groups;
  std::vector<WaitingQueue> queues;
  ContactPool pool;

  explicit Setup(std::size_t n) : type_to_groups(n), delays(n), priority(n, 0), groups(n), queues(n) {
    for (std::size_t k = 0; k < n; ++k) {
      for (std::size_t i = 0; i < 4; ++i) {
        type_to_groups[k].push_back(make_id<AgentGroupId>((k + i) % n));
        delays[k].push_back(i == 0 ? 0.0 : 10.0 * static_cast<double>(i));
      }
      groups[k] = GroupCounts{0, 10, 0, 10, 10};  // all busy: arrivals scan the whole list
      const ContactId c = pool.allocate();
      queues[k].push(WaitingQueue::Entry{c, pool.generation(c), static_cast<double>(k % 7)});
    }
  }
  RoutingView view() const { return RoutingView(100.0, groups.data(), queues.data()); }
};

template <class Policy>
void run(benchmark::State& state, const Policy& p, const Setup& s, double u = 0.0) {
  const RoutingView v = s.view();
  std::size_t i = 0;
  const std::size_t n = s.groups.size();
  for (auto _ : state) {
    const Contact c{make_id<ContactId>(0), make_id<ContactTypeId>(i % n), 0.0, u};
    benchmark::DoNotOptimize(p.on_arrival(c, v));
    benchmark::DoNotOptimize(p.on_agent_free(make_id<AgentGroupId>(i % n), v));
    ++i;
  }
  state.SetItemsProcessed(state.iterations());
}

void BM_Router_QueuePriority(benchmark::State& state) {
  const Setup s(static_cast<std::size_t>(state.range(0)));
  const QueuePriority p(s.type_to_groups, s.priority, s.groups.size());
  run(state, p, s);
}
BENCHMARK(BM_Router_QueuePriority)->Arg(3)->Arg(89);

void BM_Router_OverflowAfterDelay(benchmark::State& state) {
  const Setup s(static_cast<std::size_t>(state.range(0)));
  const OverflowAfterDelay p(s.type_to_groups, s.delays, s.priority, s.groups.size(), {});
  run(state, p, s);
}
BENCHMARK(BM_Router_OverflowAfterDelay)->Arg(3)->Arg(89);

void BM_Router_LongestWeightedWait(benchmark::State& state) {
  const Setup s(static_cast<std::size_t>(state.range(0)));
  const LongestWeightedWait p(s.type_to_groups, s.delays, s.priority, s.groups.size(), {});
  run(state, p, s);
}
BENCHMARK(BM_Router_LongestWeightedWait)->Arg(3)->Arg(89);

void BM_Router_LongestIdleAgent(benchmark::State& state) {
  const Setup s(static_cast<std::size_t>(state.range(0)));
  const LongestIdleAgent p(s.type_to_groups, s.priority, s.groups.size(), {});
  run(state, p, s);
}
BENCHMARK(BM_Router_LongestIdleAgent)->Arg(3)->Arg(89);

// Thresholds of 20 s and 4 hours alternate across the types, so the due times differ.
void BM_Router_EarliestDueFirst(benchmark::State& state) {
  const Setup s(static_cast<std::size_t>(state.range(0)));
  std::vector<double> due_s;
  for (std::size_t k = 0; k < s.groups.size(); ++k) due_s.push_back(k % 2 == 0 ? 20.0 : 14400.0);
  const EarliestDueFirst p(s.type_to_groups, due_s, s.priority, s.groups.size(), {});
  run(state, p, s);
}
BENCHMARK(BM_Router_EarliestDueFirst)->Arg(3)->Arg(89);

// Its groups all busy as in the others' cases (the arrival scans the whole list), and with
// every group idle, where it also maps the uniform to an agent (u is a constant here: the
// model draws it, and BM_Mrg32k3a_NextDouble times that).
void BM_Router_RandomIdleAgent(benchmark::State& state) {
  Setup s(static_cast<std::size_t>(state.range(0)));
  if (state.range(1) != 0)
    for (GroupCounts& g : s.groups) g = GroupCounts{3, 7, 0, 10, 10};
  const RandomIdleAgent p(s.type_to_groups, s.priority, s.groups.size(), {});
  run(state, p, s, 0.6180339887);
}
BENCHMARK(BM_Router_RandomIdleAgent)->ArgNames({"groups", "idle"})->Args({3, 0})->Args({89, 0})->Args({89, 1});

}  // namespace
}  // namespace ccsim::models
