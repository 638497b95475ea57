#include "models/replication.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <exception>
#include <map>
#include <mutex>
#include <string>
#include <system_error>
#include <thread>

#include "models/call_center.h"
#include "models/experiment/experiment.h"
#include "models/scenario/validate_spec.h"

namespace ccsim::models {

ReplicationCounters run_replication(const ScenarioSpec& spec, const AnyRouter& router, std::uint64_t replication,
                                    TraceSink* trace) {
  CallCenter model(spec, router, replication, trace);
  return model.run();
}

void run_replications(const ScenarioSpec& spec, const AnyRouter& router, std::uint32_t first, std::uint32_t end,
                      const RunOptions& options, const FoldFn& fold) {
  run_replications_strided(spec, router, first, end, 1, options, fold);
}

void run_replications_strided(const ScenarioSpec& spec, const AnyRouter& router, std::uint32_t first,
                              std::uint32_t end, std::uint32_t stride, const RunOptions& options, const FoldFn& fold) {
  if (end <= first || stride == 0) return;
  // Work in positions i = 0, 1, ...: replication first + i * stride.
  const std::uint32_t count = (end - first - 1) / stride + 1;
  const std::uint32_t threads = std::max<std::uint32_t>(1, std::min(options.threads, count));

  std::atomic<std::uint32_t> next{0};
  std::mutex mutex;
  std::condition_variable folded;  // next_to_fold moved on, or a replication failed
  std::map<std::uint32_t, ReplicationCounters> finished;  // by position, waiting for their turn to fold
  std::uint32_t next_to_fold = 0;
  std::uint32_t window = threads;  // positions started beyond next_to_fold; the threads actually running
  std::exception_ptr error;
  std::atomic<bool> failed{false};

  const auto fail = [&] {  // with mutex held, so that no other thread folds after this
    if (!error) error = std::current_exception();
    failed.store(true);
    folded.notify_all();
  };
  auto work = [&] {
    for (;;) {
      const std::uint32_t i = next.fetch_add(1);
      if (i >= count || failed.load()) return;
      {
        // Position next_to_fold is held by a thread that is running it, so this wait ends.
        std::unique_lock lock(mutex);
        folded.wait(lock, [&] { return i < next_to_fold + window || failed.load(); });
        if (failed.load()) return;
      }
      const std::uint32_t r = first + i * stride;
      ReplicationCounters rc;
      try {
        TraceSink* trace = options.trace && r == options.trace_replication ? options.trace : nullptr;
        rc = run_replication(spec, router, r, trace);
      } catch (...) {
        std::lock_guard lock(mutex);
        fail();
        return;
      }
      std::lock_guard lock(mutex);
      if (failed.load()) return;  // fold is not called again after a failure
      try {
        finished.emplace(i, std::move(rc));
        for (auto it = finished.find(next_to_fold); it != finished.end(); it = finished.find(next_to_fold)) {
          fold(first + next_to_fold * stride, std::move(it->second));
          finished.erase(it);
          ++next_to_fold;
        }
        folded.notify_all();
      } catch (...) {
        fail();
        return;
      }
    }
  };

  if (threads == 1) {
    work();
  } else {
    // A thread the system refuses (too many threads, too little memory for their stacks)
    // must not end the run with std::terminate: the threads already started are joined
    // and do the work, or this thread does it alone.
    std::vector<std::thread> pool;
    pool.reserve(threads);
    std::string refused;
    for (std::uint32_t i = 0; i < threads; ++i) {
      try {
        pool.emplace_back(work);
      } catch (const std::system_error& e) {
        refused = e.what();
        break;
      }
    }
    if (!refused.empty()) {
      {
        std::lock_guard lock(mutex);
        window = std::max<std::uint32_t>(1, static_cast<std::uint32_t>(pool.size()));
      }
      if (options.thread_shortfall) options.thread_shortfall(static_cast<std::uint32_t>(pool.size()), threads, refused);
      if (pool.empty()) work();
    }
    for (auto& t : pool) t.join();
  }
  if (error) std::rethrow_exception(error);
}

RunResults run_scenario(const ScenarioSpec& spec, const RunOptions& options, const ReplicationRunner& runner) {
  validate_spec(spec);  // a spec built in code gets the loader's diagnostics, not undefined behaviour
  Experiment experiment(spec, options, runner);
  experiment.extend_to(spec.replications);
  RunResults results = experiment.results();
  results.threads = std::max<std::uint32_t>(1, std::min(options.threads, spec.replications));
  if (options.keep_observations) results.per_observation = experiment.observations();
  return results;
}

}  // namespace ccsim::models
