#include "models/replication.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <exception>
#include <limits>
#include <map>
#include <mutex>
#include <thread>

#include <fmt/format.h>

#include "models/call_center.h"
#include "models/kpi/kpis.h"
#include "models/scenario/pairs.h"
#include "sim/engine.h"
#include "sim/stats/tally.h"

namespace ccsim::models {
namespace {

using KpiTallies = std::array<sim::Tally, kNumKpis>;

void add_values(KpiTallies& t, const KpiValues& v) {
  for (std::size_t i = 0; i < kNumKpis; ++i)
    if (!std::isnan(v[i])) t[i].add(v[i]);
}

KpiStat finish_one(const sim::Tally& t, double confidence) {
  const std::uint64_t n = t.count();
  return KpiStat{n > 0 ? t.mean() : std::numeric_limits<double>::quiet_NaN(),
                 n > 1 ? t.half_width(confidence) : std::numeric_limits<double>::quiet_NaN(), n};
}

KpiStats finish(const KpiTallies& t, double confidence) {
  KpiStats s;
  for (std::size_t i = 0; i < kNumKpis; ++i) s[i] = finish_one(t[i], confidence);
  return s;
}

// Folds observations in the order they are given; the caller gives them in
// replication order, so the floating-point sums do not depend on thread timing.
class Aggregator {
 public:
  explicit Aggregator(const ScenarioSpec& spec)
      : spec_(spec),
        by_type_(spec.contact_types.size()),
        by_interval_(spec.mode == RunMode::Day ? spec.num_periods : 0),
        by_interval_group_(by_interval_.size() * spec.agent_groups.size()),
        by_group_(spec.agent_groups.size()),
        pairs_(type_group_pairs(spec)),
        by_pair_(pairs_.size()) {}

  void add(const ReplicationCounters& rc) {
    fingerprint_ = sim::internal::mix64(fingerprint_, rc.fingerprint);
    events_ += rc.events;
    calls_ += rc.arrivals;
    draws_ += rc.draws;
    unserved_ += rc.unserved_at_end;
    if (spec_.mode == RunMode::SteadyState && spec_.steady.batches > 1) {
      for (std::size_t b = 0; b < rc.num_slots; ++b) observe(rc, b, b + 1);
    } else {
      observe(rc, 0, rc.num_slots);
    }
  }

  RunResults finish_results() const {
    const double conf = spec_.confidence;
    RunResults r;
    r.observations = observations_;
    r.overall = finish(overall_, conf);
    for (const auto& t : by_type_) r.by_type.push_back(finish(t, conf));
    for (const auto& t : by_group_) r.by_group.push_back(finish(t, conf));
    const TargetSpec& sl_target = spec_.targets.front();
    for (std::size_t s = 0; s < by_interval_.size(); ++s) {
      IntervalResult ir{static_cast<std::uint32_t>(s), sim::period_start(static_cast<unsigned>(s), spec_.period_s),
                        finish(by_interval_[s], conf), {}, Verdict::Inconclusive};
      for (std::size_t g = 0; g < by_group_.size(); ++g)
        ir.by_group.push_back(finish(by_interval_group_[s * by_group_.size() + g], conf));
      ir.service_level = judge(stat_of(ir.kpis, Kpi::ServiceLevel), sl_target.bound, sl_target.value);
      r.by_interval.push_back(ir);
    }
    for (std::size_t p = 0; p < pairs_.size(); ++p) {
      const auto stat = [&](PairKpi k) { return finish_one(by_pair_[p][static_cast<std::size_t>(k)], conf); };
      r.by_type_group.push_back(PairResult{pairs_[p].type, pairs_[p].group, stat(PairKpi::Answered),
                                           stat(PairKpi::Share), stat(PairKpi::ServiceLevel),
                                           stat(PairKpi::AsaS), stat(PairKpi::WorkShare)});
    }
    for (const TargetSpec& t : spec_.targets) {
      const KpiStat& s = stat_of(r.overall, t.kpi);
      r.targets.push_back(TargetResult{t, s, judge(s, t.bound, t.value)});
    }
    r.fingerprint = fmt::format("{:016x}", fingerprint_);
    r.events = events_;
    r.calls = calls_;
    r.draws = draws_;
    r.unserved_at_end = unserved_;
    return r;
  }

 private:
  void observe(const ReplicationCounters& rc, std::size_t first_slot, std::size_t end_slot) {
    ++observations_;
    const ServiceLevelSpec& sl = spec_.service_level;
    TypeCounters all_calls;
    GroupCounters all_agents;
    double duration_s = 0.0;
    std::vector<TypeCounters> per_type(rc.num_types);
    std::vector<GroupCounters> per_group(rc.num_groups);
    for (std::size_t s = first_slot; s < end_slot; ++s) {
      TypeCounters slot_calls;
      GroupCounters slot_agents;
      for (std::size_t k = 0; k < rc.num_types; ++k) {
        slot_calls += rc.type(s, k);
        per_type[k] += rc.type(s, k);
      }
      for (std::size_t g = 0; g < rc.num_groups; ++g) {
        slot_agents += rc.group(s, g);
        per_group[g] += rc.group(s, g);
      }
      if (!by_interval_.empty()) {
        add_values(by_interval_[s], compute_kpis(slot_calls, slot_agents, rc.slot_duration_s[s], sl));
        for (std::size_t g = 0; g < rc.num_groups; ++g)
          add_values(by_interval_group_[s * rc.num_groups + g], compute_group_kpis(rc.group(s, g)));
      }
      all_calls += slot_calls;
      all_agents += slot_agents;
      duration_s += rc.slot_duration_s[s];
    }
    add_values(overall_, compute_kpis(all_calls, all_agents, duration_s, sl));
    observe_pairs(rc, first_slot, end_slot, per_type);
    for (std::size_t k = 0; k < rc.num_types; ++k)
      add_values(by_type_[k], compute_kpis(per_type[k], GroupCounters{}, duration_s, sl));
    for (std::size_t g = 0; g < rc.num_groups; ++g) add_values(by_group_[g], compute_group_kpis(per_group[g]));
  }

  enum class PairKpi : std::uint8_t { Answered, Share, ServiceLevel, AsaS, WorkShare };
  using PairTallies = std::array<sim::Tally, 5>;

  static void add_if(sim::Tally& t, double num, double den) {
    if (den > 0.0) t.add(num / den);
  }

  void observe_pairs(const ReplicationCounters& rc, std::size_t first_slot, std::size_t end_slot,
                     const std::vector<TypeCounters>& per_type) {
    std::vector<PairCounters> per_pair(rc.num_pairs);
    for (std::size_t s = first_slot; s < end_slot; ++s)
      for (std::size_t p = 0; p < rc.num_pairs; ++p) per_pair[p] += rc.pair(s, p);
    std::vector<double> group_work(rc.num_groups, 0.0);
    std::vector<PairCounters> per_group(rc.num_groups);
    for (std::size_t p = 0; p < rc.num_pairs; ++p) {
      group_work[index(pairs_[p].group)] += per_pair[p].handle_sum_s;
      per_group[index(pairs_[p].group)] += per_pair[p];
    }
    // A group's service level and ASA are over the calls it answered: abandoned calls
    // belong to no group.
    for (std::size_t g = 0; g < rc.num_groups; ++g) {
      const auto answered = static_cast<double>(per_group[g].answered);
      add_if(by_group_[g][static_cast<std::size_t>(Kpi::SlOverAnswered)],
             static_cast<double>(per_group[g].answered_within_awt), answered);
      add_if(by_group_[g][static_cast<std::size_t>(Kpi::AsaS)], per_group[g].wait_sum_s, answered);
    }
    for (std::size_t p = 0; p < rc.num_pairs; ++p) {
      const PairCounters& c = per_pair[p];
      PairTallies& t = by_pair_[p];
      const auto answered = static_cast<double>(c.answered);
      t[static_cast<std::size_t>(PairKpi::Answered)].add(answered);
      add_if(t[static_cast<std::size_t>(PairKpi::Share)], answered,
             static_cast<double>(per_type[index(pairs_[p].type)].answered));
      add_if(t[static_cast<std::size_t>(PairKpi::ServiceLevel)], static_cast<double>(c.answered_within_awt), answered);
      add_if(t[static_cast<std::size_t>(PairKpi::AsaS)], c.wait_sum_s, answered);
      add_if(t[static_cast<std::size_t>(PairKpi::WorkShare)], c.handle_sum_s, group_work[index(pairs_[p].group)]);
    }
  }

  const ScenarioSpec& spec_;
  KpiTallies overall_;
  std::vector<KpiTallies> by_type_;
  std::vector<KpiTallies> by_interval_;
  std::vector<KpiTallies> by_interval_group_;  // [interval * groups + group]
  std::vector<KpiTallies> by_group_;
  std::vector<TypeGroupPair> pairs_;
  std::vector<PairTallies> by_pair_;
  std::uint64_t observations_ = 0;
  std::uint64_t fingerprint_ = 0;
  std::uint64_t events_ = 0, calls_ = 0, draws_ = 0, unserved_ = 0;
};

}  // namespace

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

RunResults run_scenario(const ScenarioSpec& spec, const RunOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  const AnyRouter router = make_router(spec);
  const std::uint32_t reps = spec.replications;
  const std::uint32_t threads = std::max<std::uint32_t>(1, std::min(options.threads, reps));

  Aggregator aggregator(spec);
  std::atomic<std::uint32_t> next{0};
  std::mutex mutex;
  std::map<std::uint32_t, ReplicationCounters> finished;  // waiting for their turn to fold
  std::uint32_t next_to_fold = 0;
  std::exception_ptr error;
  std::atomic<bool> failed{false};

  auto work = [&] {
    for (;;) {
      const std::uint32_t r = next.fetch_add(1);
      if (r >= reps || failed.load()) return;
      try {
        ReplicationCounters rc = run_replication(spec, router, r);
        std::lock_guard lock(mutex);
        finished.emplace(r, std::move(rc));
        for (auto it = finished.find(next_to_fold); it != finished.end(); it = finished.find(next_to_fold)) {
          aggregator.add(it->second);
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

  RunResults results = aggregator.finish_results();
  results.replications = reps;
  results.threads = threads;
  results.wall_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return results;
}

}  // namespace ccsim::models
