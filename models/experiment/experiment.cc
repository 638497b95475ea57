#include "models/experiment/experiment.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace ccsim::models {

Experiment::Experiment(ScenarioSpec spec, RunOptions options, ReplicationRunner runner)
    : spec_(std::move(spec)),
      router_(make_router(spec_)),
      options_(std::move(options)),
      runner_(runner ? std::move(runner) : ReplicationRunner(run_replications)),
      accumulator_(spec_),
      start_(std::chrono::steady_clock::now()) {}

void Experiment::extend_to(std::uint32_t end) {
  if (end <= done_) return;
  RunOptions options = options_;
  options.progress = nullptr;  // called from the fold below, with the count folded so far
  runner_(spec_, router_, done_, end, options, [this, end](std::uint32_t, ReplicationCounters&& rc) {
    accumulator_.add(rc);
    for (const KpiValues& o : accumulator_.last_observations()) observations_.push_back(o);
    for (const ObservationKpis& d : accumulator_.last_details()) details_.push_back(d);
    if (options_.progress) options_.progress(accumulator_.replications(), end);
  });
  done_ = end;
}

void Experiment::keep_details() { accumulator_.keep_details(true); }

RunResults Experiment::results() const {
  RunResults r = accumulator_.results();
  r.replications = done_;
  r.wall_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  return r;
}

void PairedDifferences::add(const std::vector<KpiValues>& base, const std::vector<KpiValues>& variant) {
  if (base.size() != variant.size()) return;
  for (std::size_t i = 0; i < base.size(); ++i)
    for (std::size_t k = 0; k < kNumKpis; ++k)
      if (!std::isnan(base[i][k]) && !std::isnan(variant[i][k])) tallies_[k].add(variant[i][k] - base[i][k]);
}

}  // namespace ccsim::models
