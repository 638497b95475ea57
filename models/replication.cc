#include "models/replication.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <exception>
#include <map>
#include <mutex>
#include <thread>

#include "models/call_center.h"
#include "models/scenario/validate_spec.h"

namespace ccsim::models {

std::string_view verdict_name(Verdict v) {
  switch (v) {
    case Verdict::Met: return "met";
    case Verdict::Missed: return "missed";
    case Verdict::Inconclusive: return "inconclusive";
  }
  return "unknown";
}

Verdict judge(const KpiStat& s, TargetBound bound, double value) {
  if (s.n < 2 || std::isnan(s.half_width)) return Verdict::Inconclusive;
  const double lo = s.mean - s.half_width;
  const double hi = s.mean + s.half_width;
  switch (bound) {
    case TargetBound::AtLeast:
      if (lo >= value) return Verdict::Met;
      if (hi < value) return Verdict::Missed;
      return Verdict::Inconclusive;
    case TargetBound::AtMost:
      if (hi <= value) return Verdict::Met;
      if (lo > value) return Verdict::Missed;
      return Verdict::Inconclusive;
  }
  return Verdict::Inconclusive;
}

ReplicationCounters run_replication(const ScenarioSpec& spec, const AnyRouter& router, std::uint64_t replication,
                                    TraceSink* trace) {
  CallCenter model(spec, router, replication, trace);
  return model.run();
}

void run_replications(const ScenarioSpec& spec, const AnyRouter& router, std::uint32_t first, std::uint32_t end,
                      const RunOptions& options, const FoldFn& fold) {
  if (end <= first) return;
  const std::uint32_t count = end - first;
  const std::uint32_t threads = std::max<std::uint32_t>(1, std::min(options.threads, count));

  std::atomic<std::uint32_t> next{first};
  std::mutex mutex;
  std::map<std::uint32_t, ReplicationCounters> finished;  // waiting for their turn to fold
  std::uint32_t next_to_fold = first;
  std::exception_ptr error;
  std::atomic<bool> failed{false};

  auto work = [&] {
    for (;;) {
      const std::uint32_t r = next.fetch_add(1);
      if (r >= end || failed.load()) return;
      try {
        TraceSink* trace = options.trace && r == options.trace_replication ? options.trace : nullptr;
        ReplicationCounters rc = run_replication(spec, router, r, trace);
        std::lock_guard lock(mutex);
        finished.emplace(r, std::move(rc));
        for (auto it = finished.find(next_to_fold); it != finished.end(); it = finished.find(next_to_fold)) {
          fold(next_to_fold, std::move(it->second));
          finished.erase(it);
          ++next_to_fold;
        }
      } catch (...) {
        std::lock_guard lock(mutex);
        if (!error) error = std::current_exception();
        failed.store(true);
        return;
      }
    }
  };

  if (threads == 1) {
    work();
  } else {
    std::vector<std::thread> pool;
    for (std::uint32_t i = 0; i < threads; ++i) pool.emplace_back(work);
    for (auto& t : pool) t.join();
  }
  if (error) std::rethrow_exception(error);
}

RunResults run_scenario(const ScenarioSpec& spec, const RunOptions& options) {
  validate_spec(spec);  // a spec built in code gets the loader's diagnostics, not undefined behaviour
  const auto start = std::chrono::steady_clock::now();
  const AnyRouter router = make_router(spec);
  const std::uint32_t reps = spec.replications;
  ResultsAccumulator accumulator(spec);
  run_replications(spec, router, 0, reps, options, [&](std::uint32_t, ReplicationCounters&& rc) {
    accumulator.add(rc);
    if (options.progress) options.progress(accumulator.replications(), reps);
  });
  RunResults results = accumulator.results();
  results.replications = reps;
  results.threads = std::max<std::uint32_t>(1, std::min(options.threads, reps));
  results.wall_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return results;
}

}  // namespace ccsim::models
