#include "models/replication.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <map>
#include <mutex>
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
  std::map<std::uint32_t, ReplicationCounters> finished;  // by position, waiting for their turn to fold
  std::uint32_t next_to_fold = 0;
  std::exception_ptr error;
  std::atomic<bool> failed{false};

  const auto fail = [&] {  // with mutex held, so that no other thread folds after this
    if (!error) error = std::current_exception();
    failed.store(true);
  };
  auto work = [&] {
    for (;;) {
      const std::uint32_t i = next.fetch_add(1);
      if (i >= count || failed.load()) return;
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
      } catch (...) {
        fail();
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

RunResults run_scenario(const ScenarioSpec& spec, const RunOptions& options, const ReplicationRunner& runner) {
  validate_spec(spec);  // a spec built in code gets the loader's diagnostics, not undefined behaviour
  Experiment experiment(spec, options, runner);
  experiment.extend_to(spec.replications);
  RunResults results = experiment.results();
  results.threads = std::max<std::uint32_t>(1, std::min(options.threads, spec.replications));
  return results;
}

}  // namespace ccsim::models
