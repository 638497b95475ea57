#include "models/aggregate.h"

#include <array>
#include <cmath>
#include <limits>

#include <fmt/format.h>

#include "models/kpi/kpis.h"
#include "models/scenario/pairs.h"
#include "models/targets.h"
#include "sim/hash.h"
#include "sim/time.h"
#include "sim/stats/ratio_tally.h"
#include "sim/stats/tally.h"

namespace ccsim::models {
namespace {

// Each KPI's values over the observations where it is defined (their mean: the mean of
// ratios) and, for a ratio KPI, its numerators and denominators over every observation
// (the ratio of means).
struct KpiTallies {
  std::array<sim::Tally, kNumKpis> values;
  std::array<sim::RatioTally, kNumKpis> ratios;
};

void add_values(KpiTallies& t, const KpiValues& v, const KpiRatios& r) {
  for (std::size_t i = 0; i < kNumKpis; ++i) {
    if (!std::isnan(v[i])) t.values[i].add(v[i]);
    if (!std::isnan(r[i].den)) t.ratios[i].add(r[i].num, r[i].den);
  }
}

KpiStat finish_one(const sim::Tally& t, const sim::RatioTally& r, double confidence) {
  const std::uint64_t n = t.count();
  return KpiStat{n > 0 ? t.mean() : std::numeric_limits<double>::quiet_NaN(),
                 n > 1 ? t.half_width(confidence) : std::numeric_limits<double>::quiet_NaN(), n,
                 RatioOfMeans{r.ratio(), r.half_width(confidence)}};
}

KpiStats finish(const KpiTallies& t, double confidence) {
  KpiStats s;
  for (std::size_t i = 0; i < kNumKpis; ++i) s[i] = finish_one(t.values[i], t.ratios[i], confidence);
  return s;
}

// A ratio the accumulator computes itself (from the per-pair counters), as compute_kpis does.
void set_ratio(KpiValues& v, KpiRatios& r, Kpi k, double num, double den) {
  v[static_cast<std::size_t>(k)] = den > 0.0 ? num / den : std::numeric_limits<double>::quiet_NaN();
  r[static_cast<std::size_t>(k)] = {num, den};
}

}  // namespace

class ResultsAccumulator::Impl {
 public:
  explicit Impl(const ScenarioSpec& spec)
      : spec_(spec),
        by_type_(spec.contact_types.size()),
        by_interval_(spec.mode == RunMode::Day ? spec.num_periods : 0),
        by_interval_group_(by_interval_.size() * spec.agent_groups.size()),
        by_interval_type_(by_interval_.size() * spec.contact_types.size()),
        by_day_(spec.mode == RunMode::Day && spec.days > 1 ? spec.days : 0),
        by_day_group_(by_day_.size() * spec.agent_groups.size()),
        by_day_type_(by_day_.size() * spec.contact_types.size()),
        by_group_(spec.agent_groups.size()),
        pairs_(type_group_pairs(spec)),
        by_pair_(pairs_.size()),
        has_costs_(spec.has_costs()) {}

  void add(const ReplicationCounters& rc) {
    ++replications_;
    last_overall_.clear();
    last_details_.clear();
    fingerprint_ = sim::mix64(fingerprint_, rc.fingerprint);
    events_ += rc.events;
    calls_ += rc.arrivals;
    draws_ += rc.draws;
    unserved_ += rc.unserved_at_end;
    backlog_at_close_ += rc.backlog_at_close;
    for (const TypeCounters& t : rc.by_slot_type) interrupted_unfinished_ += t.interrupted_unfinished;
    if (spec_.mode == RunMode::SteadyState && spec_.steady.batches > 1) {
      for (std::size_t b = 0; b < rc.num_slots; ++b) observe(rc, b, b + 1);
    } else {
      observe(rc, 0, rc.num_slots);
    }
  }

  std::uint32_t replications() const { return replications_; }
  const std::vector<KpiValues>& last_observations() const { return last_overall_; }
  void keep_details(bool keep) { keep_details_ = keep; }
  const std::vector<ObservationKpis>& last_details() const { return last_details_; }

  RunResults results() const {
    const double conf = spec_.confidence;
    RunResults r;
    r.observations = observations_;
    r.overall = finish(overall_, conf);
    for (const auto& t : by_type_) r.by_type.push_back(finish(t, conf));
    for (const auto& t : by_group_) r.by_group.push_back(finish(t, conf));
    const TargetSpec& sl_target = spec_.targets.front();
    for (std::size_t s = 0; s < by_interval_.size(); ++s) {
      IntervalResult ir{static_cast<std::uint32_t>(s), sim::period_start(static_cast<unsigned>(s), spec_.period_s),
                        finish(by_interval_[s], conf), {}, {}, Verdict::Inconclusive, {}};
      for (std::size_t g = 0; g < by_group_.size(); ++g)
        ir.by_group.push_back(finish(by_interval_group_[s * by_group_.size() + g], conf));
      for (std::size_t k = 0; k < by_type_.size(); ++k)
        ir.by_type.push_back(finish(by_interval_type_[s * by_type_.size() + k], conf));
      ir.service_level = judge_kpi(ir.kpis, Kpi::ServiceLevel, sl_target.bound, sl_target.value);
      for (std::size_t k = 0; k < by_type_.size(); ++k)
        ir.type_service_level.push_back(judge_kpi(ir.by_type[k], Kpi::ServiceLevel, TargetBound::AtLeast,
                                                  spec_.service_level_of(make_id<ContactTypeId>(k)).target));
      r.by_interval.push_back(ir);
    }
    for (std::size_t d = 0; d < by_day_.size(); ++d) {
      DayResult& dr = r.by_day.emplace_back(
          DayResult{static_cast<std::uint32_t>(d),
                    sim::period_start(static_cast<unsigned>(d * spec_.periods_per_day()), spec_.period_s),
                    finish(by_day_[d], conf), {}, {}});
      for (std::size_t g = 0; g < by_group_.size(); ++g)
        dr.by_group.push_back(finish(by_day_group_[d * by_group_.size() + g], conf));
      for (std::size_t k = 0; k < by_type_.size(); ++k)
        dr.by_type.push_back(finish(by_day_type_[d * by_type_.size() + k], conf));
    }
    for (std::size_t p = 0; p < pairs_.size(); ++p) {
      const auto stat = [&](PairKpi k) {
        const auto i = static_cast<std::size_t>(k);
        return finish_one(by_pair_[p].values[i], by_pair_[p].ratios[i], conf);
      };
      r.by_type_group.push_back(PairResult{pairs_[p].type, pairs_[p].group, stat(PairKpi::Answered),
                                           stat(PairKpi::Share), stat(PairKpi::ServiceLevel),
                                           stat(PairKpi::AsaS), stat(PairKpi::WorkShare)});
    }
    for (const TargetSpec& t : spec_.targets) r.targets.push_back(judge_target(t, r));
    r.fingerprint = fmt::format("{:016x}", fingerprint_);
    r.events = events_;
    r.calls = calls_;
    r.draws = draws_;
    r.unserved_at_end = unserved_;
    r.backlog_at_close = backlog_at_close_;
    r.interrupted_unfinished = interrupted_unfinished_;
    return r;
  }

 private:
  void observe(const ReplicationCounters& rc, std::size_t first_slot, std::size_t end_slot) {
    ++observations_;
    const ServiceLevelSpec& sl = spec_.service_level;
    ObservationKpis* detail = nullptr;
    if (keep_details_) detail = &last_details_.emplace_back();
    TypeCounters all_calls;
    GroupCounters all_agents;
    double duration_s = 0.0;
    std::vector<TypeCounters> per_type(rc.num_types);
    std::vector<GroupCounters> per_group(rc.num_groups);
    KpiRatios ratios;
    DayCounters day(rc.num_types, rc.num_groups);
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
        KpiValues interval =
            compute_kpis(slot_calls, &slot_agents, rc.slot_duration_s[s], sl, spec_.ivr_ports, &ratios);
        if (has_costs_) {
          double cost = call_cost(slot_calls, spec_.costs);
          for (std::size_t g = 0; g < rc.num_groups; ++g) cost += agent_cost(rc.group(s, g), rate(g));
          set(interval, Kpi::Cost, cost);
        }
        add_values(by_interval_[s], interval, ratios);
        if (detail) detail->by_interval.push_back(interval);
        for (std::size_t g = 0; g < rc.num_groups; ++g) {
          KpiValues v = compute_group_kpis(rc.group(s, g), rc.slot_duration_s[s], &ratios);
          if (has_costs_) set(v, Kpi::Cost, agent_cost(rc.group(s, g), rate(g)));
          add_values(by_interval_group_[s * rc.num_groups + g], v, ratios);
        }
        for (std::size_t k = 0; k < rc.num_types; ++k) {
          KpiValues v =
              compute_kpis(rc.type(s, k), nullptr, rc.slot_duration_s[s], type_sl(k), spec_.ivr_ports, &ratios);
          if (has_costs_) set(v, Kpi::Cost, call_cost(rc.type(s, k), spec_.costs));
          add_values(by_interval_type_[s * rc.num_types + k], v, ratios);
          if (detail) detail->by_interval_type.push_back(v);
        }
      }
      all_calls += slot_calls;
      all_agents += slot_agents;
      duration_s += rc.slot_duration_s[s];
      if (!by_day_.empty()) {
        day.add(rc, s, slot_calls, slot_agents);
        if ((s + 1) % spec_.periods_per_day() == 0) {
          observe_day(rc, s / spec_.periods_per_day(), day, ratios, detail);
          day = DayCounters(rc.num_types, rc.num_groups);
        }
      }
    }
    last_overall_.push_back(compute_kpis(all_calls, &all_agents, duration_s, sl, spec_.ivr_ports, &ratios));
    if (has_costs_) {
      double cost = call_cost(all_calls, spec_.costs);
      for (std::size_t g = 0; g < rc.num_groups; ++g) cost += agent_cost(per_group[g], rate(g));
      set(last_overall_.back(), Kpi::Cost, cost);
    }
    add_values(overall_, last_overall_.back(), ratios);
    const std::vector<PairCounters> answered_by_group = observe_pairs(rc, first_slot, end_slot, per_type);
    for (std::size_t k = 0; k < rc.num_types; ++k) {
      KpiValues v = compute_kpis(per_type[k], nullptr, duration_s, type_sl(k), spec_.ivr_ports, &ratios);
      if (has_costs_) set(v, Kpi::Cost, call_cost(per_type[k], spec_.costs));
      add_values(by_type_[k], v, ratios);
      if (detail) detail->by_type.push_back(v);
    }
    for (std::size_t g = 0; g < rc.num_groups; ++g) {
      KpiValues v = compute_group_kpis(per_group[g], duration_s, &ratios);
      if (has_costs_) set(v, Kpi::Cost, agent_cost(per_group[g], rate(g)));
      // A group's service level and ASA are over the calls it answered: abandoned calls
      // belong to no group.
      const PairCounters& own = answered_by_group[g];
      const auto answered = static_cast<double>(own.answered);
      set_ratio(v, ratios, Kpi::SlOverAnswered, static_cast<double>(own.answered_within_awt), answered);
      set_ratio(v, ratios, Kpi::AsaS, own.wait_sum_s, answered);
      add_values(by_group_[g], v, ratios);
      if (detail) detail->by_group.push_back(v);
    }
    if (detail) detail->overall = last_overall_.back();
  }

  // One day's counters over its intervals.
  struct DayCounters {
    DayCounters(std::size_t types, std::size_t groups) : per_type(types), per_group(groups) {}
    void add(const ReplicationCounters& rc, std::size_t s, const TypeCounters& slot_calls,
             const GroupCounters& slot_agents) {
      calls += slot_calls;
      agents += slot_agents;
      duration_s += rc.slot_duration_s[s];
      for (std::size_t k = 0; k < per_type.size(); ++k) per_type[k] += rc.type(s, k);
      for (std::size_t g = 0; g < per_group.size(); ++g) per_group[g] += rc.group(s, g);
    }
    TypeCounters calls;
    GroupCounters agents;
    double duration_s = 0.0;
    std::vector<TypeCounters> per_type;
    std::vector<GroupCounters> per_group;
  };

  void observe_day(const ReplicationCounters& rc, std::size_t d, const DayCounters& day, KpiRatios& ratios,
                   ObservationKpis* detail) {
    KpiValues v = compute_kpis(day.calls, &day.agents, day.duration_s, spec_.service_level, spec_.ivr_ports, &ratios);
    if (has_costs_) {
      double cost = call_cost(day.calls, spec_.costs);
      for (std::size_t g = 0; g < rc.num_groups; ++g) cost += agent_cost(day.per_group[g], rate(g));
      set(v, Kpi::Cost, cost);
    }
    add_values(by_day_[d], v, ratios);
    if (detail) detail->by_day.push_back(v);
    for (std::size_t g = 0; g < rc.num_groups; ++g) {
      KpiValues gv = compute_group_kpis(day.per_group[g], day.duration_s, &ratios);
      if (has_costs_) set(gv, Kpi::Cost, agent_cost(day.per_group[g], rate(g)));
      add_values(by_day_group_[d * rc.num_groups + g], gv, ratios);
    }
    for (std::size_t k = 0; k < rc.num_types; ++k) {
      KpiValues tv = compute_kpis(day.per_type[k], nullptr, day.duration_s, type_sl(k), spec_.ivr_ports, &ratios);
      if (has_costs_) set(tv, Kpi::Cost, call_cost(day.per_type[k], spec_.costs));
      add_values(by_day_type_[d * rc.num_types + k], tv, ratios);
      if (detail) detail->by_day_type.push_back(tv);
    }
  }

  double rate(std::size_t g) const { return spec_.agent_groups[make_id<AgentGroupId>(g)].cost_per_hour.value_or(0.0); }
  static void set(KpiValues& v, Kpi k, double x) { v[static_cast<std::size_t>(k)] = x; }

  const ServiceLevelSpec& type_sl(std::size_t k) const { return spec_.service_level_of(make_id<ContactTypeId>(k)); }

  enum class PairKpi : std::uint8_t { Answered, Share, ServiceLevel, AsaS, WorkShare };
  struct PairTallies {
    std::array<sim::Tally, 5> values;
    std::array<sim::RatioTally, 5> ratios;  // Share, ServiceLevel, AsaS and WorkShare: ratios
    // num / den where defined; num and den in every observation.
    void add_ratio(PairKpi k, double num, double den) {
      const auto i = static_cast<std::size_t>(k);
      if (den > 0.0) values[i].add(num / den);
      ratios[i].add(num, den);
    }
  };

  // Folds the (type, group) pairs; returns what each group answered.
  std::vector<PairCounters> observe_pairs(const ReplicationCounters& rc, std::size_t first_slot, std::size_t end_slot,
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
    for (std::size_t p = 0; p < rc.num_pairs; ++p) {
      const PairCounters& c = per_pair[p];
      PairTallies& t = by_pair_[p];
      const auto answered = static_cast<double>(c.answered);
      t.values[static_cast<std::size_t>(PairKpi::Answered)].add(answered);
      t.add_ratio(PairKpi::Share, answered, static_cast<double>(per_type[index(pairs_[p].type)].answered));
      t.add_ratio(PairKpi::ServiceLevel, static_cast<double>(c.answered_within_awt), answered);
      t.add_ratio(PairKpi::AsaS, c.wait_sum_s, answered);
      t.add_ratio(PairKpi::WorkShare, c.handle_sum_s, group_work[index(pairs_[p].group)]);
    }
    return per_group;
  }

  const ScenarioSpec& spec_;
  KpiTallies overall_;
  std::vector<KpiTallies> by_type_;
  std::vector<KpiTallies> by_interval_;
  std::vector<KpiTallies> by_interval_group_;  // [interval * groups + group]
  std::vector<KpiTallies> by_interval_type_;   // [interval * types + type]
  std::vector<KpiTallies> by_day_;
  std::vector<KpiTallies> by_day_group_;  // [day * groups + group]
  std::vector<KpiTallies> by_day_type_;   // [day * types + type]
  std::vector<KpiTallies> by_group_;
  std::vector<TypeGroupPair> pairs_;
  std::vector<PairTallies> by_pair_;
  std::uint32_t replications_ = 0;
  std::vector<KpiValues> last_overall_;  // overall KPIs of each observation of the last add()
  bool keep_details_ = false;
  bool has_costs_;
  std::vector<ObservationKpis> last_details_;
  std::uint64_t observations_ = 0;
  std::uint64_t fingerprint_ = 0;
  std::uint64_t events_ = 0, calls_ = 0, draws_ = 0, unserved_ = 0, backlog_at_close_ = 0;
  std::uint64_t interrupted_unfinished_ = 0;
};

ResultsAccumulator::ResultsAccumulator(const ScenarioSpec& spec) : impl_(std::make_unique<Impl>(spec)) {}
ResultsAccumulator::~ResultsAccumulator() = default;
ResultsAccumulator::ResultsAccumulator(ResultsAccumulator&&) noexcept = default;
ResultsAccumulator& ResultsAccumulator::operator=(ResultsAccumulator&&) noexcept = default;

void ResultsAccumulator::add(const ReplicationCounters& rc) { impl_->add(rc); }
std::uint32_t ResultsAccumulator::replications() const { return impl_->replications(); }
const std::vector<KpiValues>& ResultsAccumulator::last_observations() const { return impl_->last_observations(); }
void ResultsAccumulator::keep_details(bool keep) { impl_->keep_details(keep); }
const std::vector<ObservationKpis>& ResultsAccumulator::last_details() const { return impl_->last_details(); }
RunResults ResultsAccumulator::results() const { return impl_->results(); }

}  // namespace ccsim::models
