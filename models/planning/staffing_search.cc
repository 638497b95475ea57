#include "models/planning/staffing_search.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <functional>
#include <limits>
#include <set>
#include <stdexcept>

#include <fmt/format.h>

#include "models/analytic/erlang.h"
#include "models/planning/interval_plan.h"
#include "models/scenario/message_text.h"
#include "models/targets.h"
#include "sim/hash.h"

namespace ccsim::models {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr std::uint32_t kStride = 3;
// A final check grows to at most this many times the scenario's replications.
constexpr std::uint32_t kMaxFinalReplications = 4;

bool is_service_level(Kpi k) {
  return k == Kpi::ServiceLevel || k == Kpi::SlOverAdmitted || k == Kpi::SlOverOffered || k == Kpi::SlOverAnswered ||
         k == Kpi::SlExcludingShortAbandons || std::ranges::find(kSlThresholdKpis, k) != kSlThresholdKpis.end();
}

// One type's traffic to its first group in one interval, as Erlang A sees it.
struct Traffic {
  ContactTypeId type;
  double rate_per_s;
  double handle_s;
  double patience_s;  // mean; +infinity without patience
};

// The Erlang A prediction of a KPI for a type in a pool of c agents carrying `pool`'s
// traffic (FIFO across the pool's types); none for a KPI Erlang A does not model.
std::optional<double> predicted(const TargetSpec& t, std::uint32_t c, double rate, double handle_s,
                                const Traffic& own, const ServiceLevelSpec& sl) {
  const analytic::ErlangA m = analytic::erlang_a_metrics(c, rate, handle_s, own.patience_s, sl.awt_s);
  if (!m.stable) return t.bound == TargetBound::AtLeast ? 0.0 : kInf;
  const auto sl_of = [&](SlDefinition d) {
    switch (d) {
      // Over offered is at most over admitted: meeting the admitted one is necessary, so
      // the start stays at or below what is needed and the simulation raises the rest.
      case SlDefinition::AnsweredWithinTOverAdmitted:
      case SlDefinition::AnsweredWithinTOverOffered: return m.sl_answered_within_t_over_offered;
      case SlDefinition::AnsweredWithinTOverAnswered: return m.sl_answered_within_t_over_answered;
      case SlDefinition::ExcludingShortAbandons:
        return analytic::erlang_a_sl_excluding_short_abandons(c, rate, handle_s, own.patience_s, sl.awt_s,
                                                              sl.short_abandon_s);
    }
    return m.sl_answered_within_t_over_offered;
  };
  switch (t.kpi) {
    case Kpi::ServiceLevel: return sl_of(sl.definition);
    case Kpi::SlOverAdmitted: return sl_of(SlDefinition::AnsweredWithinTOverAdmitted);
    case Kpi::SlOverAnswered: return sl_of(SlDefinition::AnsweredWithinTOverAnswered);
    case Kpi::SlExcludingShortAbandons: return sl_of(SlDefinition::ExcludingShortAbandons);
    case Kpi::PWaitOverAdmitted: return m.p_wait;
    case Kpi::PAbandonOverAdmitted: return m.p_abandon;
    case Kpi::AsaS: return m.asa_s;
    case Kpi::MeanWaitAdmittedS: return m.mean_wait_s;
    case Kpi::MeanQueueLength: return m.mean_queue_length;
    case Kpi::Occupancy: return m.occupancy;
    case Kpi::SlWithin10sOverAdmitted:
    case Kpi::SlWithin20sOverAdmitted:
    case Kpi::SlWithin30sOverAdmitted:
    case Kpi::SlWithin60sOverAdmitted: {
      const auto at = std::ranges::find(kSlThresholdKpis, t.kpi) - kSlThresholdKpis.begin();
      const double t_s = kSlThresholdsS[static_cast<std::size_t>(at)];
      return analytic::erlang_a_metrics(c, rate, handle_s, own.patience_s, t_s).sl_answered_within_t_over_offered;
    }
    default: return std::nullopt;
  }
}

bool meets(double value, TargetBound bound, double target) {
  return bound == TargetBound::AtLeast ? value >= target : value <= target;
}

// Whether Erlang A predicts that c agents meet t (true when it does not model t's KPI).
// A wait quantile is at most T exactly when P(W <= T | answered) reaches its level.
bool predicted_meets(const TargetSpec& t, std::uint32_t c, double rate, double handle_s, const Traffic& own,
                     const ServiceLevelSpec& sl) {
  if (const auto q = std::ranges::find(kWaitQuantileKpis, t.kpi); q != kWaitQuantileKpis.end()) {
    assert(t.bound == TargetBound::AtMost);  // staffing_responsive admits no other
    const analytic::ErlangA m = analytic::erlang_a_metrics(c, rate, handle_s, own.patience_s, t.value);
    const double level = kWaitQuantiles[static_cast<std::size_t>(q - kWaitQuantileKpis.begin())];
    return m.stable && m.sl_answered_within_t_over_answered >= level;
  }
  const std::optional<double> v = predicted(t, c, rate, handle_s, own, sl);
  return !v || meets(*v, t.bound, t.value);
}

// The targets that size group g's pool: responsive targets on one of its types, on the
// whole centre, or on g itself.
bool applies(const TargetSpec& t, AgentGroupId g, const std::vector<Traffic>& pool) {
  if (!staffing_responsive(t)) return false;
  if (t.group) return *t.group == g;
  if (t.type) return std::ranges::any_of(pool, [&](const Traffic& x) { return x.type == *t.type; });
  return true;
}

std::uint32_t erlang_agents(const ScenarioSpec& spec, AgentGroupId g, const std::vector<Traffic>& pool) {
  double rate = 0.0, work = 0.0;
  for (const Traffic& x : pool) {
    rate += x.rate_per_s;
    work += x.rate_per_s * x.handle_s;
  }
  if (rate <= 0.0) return 0;
  const double handle_s = work / rate;
  const auto ok = [&](std::uint32_t c) {
    for (const TargetSpec& t : spec.targets) {
      if (!applies(t, g, pool)) continue;
      for (const Traffic& x : pool) {
        if (t.type && *t.type != x.type) continue;
        try {
          if (!predicted_meets(t, c, rate, handle_s, x, spec.service_level_of(x.type))) return false;
        } catch (const std::invalid_argument&) {
          return false;  // a queue too long to compute: far from meeting any target
        }
      }
    }
    return true;
  };
  const auto load = static_cast<std::uint32_t>(std::ceil(work));
  try {
    return analytic::smallest_agents_meeting(1, std::max<std::uint32_t>(load * 4 + 64, 64), ok, "staffing start",
                                             load + 1);
  } catch (const std::invalid_argument&) {
    return load * 4 + 64;  // a target Erlang A cannot reach: the simulation decides
  }
}

}  // namespace

bool staffing_responsive(const TargetSpec& t) {
  // A group's service level and ASA (over the calls it answered) have no per-interval
  // estimate to size with; its occupancy has.
  if (t.group && t.kpi != Kpi::Occupancy) return false;
  // Counts (answered, abandoned) are left out: a day's count says nothing of one interval.
  // Over offered calls, blocked and IVR-ended calls cap what agents can reach (a service
  // level at most the share that reaches them): the final check judges these, no search
  // chases them. The mean wait of abandoned calls need not fall with more agents (with a
  // fixed patience it never moves). The longest answered wait is one call's: too erratic
  // to size an interval on.
  if (t.kpi == Kpi::SlOverOffered) return false;
  if (is_service_level(t.kpi)) return t.bound == TargetBound::AtLeast;
  switch (t.kpi) {
    case Kpi::PWaitOverAdmitted:
    case Kpi::PAbandonOverAdmitted:
    case Kpi::PAbandonWithinTOverAdmitted:
    case Kpi::AsaS:
    case Kpi::MeanWaitAdmittedS:
    case Kpi::MeanQueueLength:
    case Kpi::Occupancy:
    case Kpi::P50WaitAnsweredS:
    case Kpi::P90WaitAnsweredS:
    case Kpi::P95WaitAnsweredS:
      return t.bound == TargetBound::AtMost;
    default:
      return false;
  }
}

Staffing erlang_start(const ScenarioSpec& spec) {
  const IntervalPlan plan(spec);
  const std::size_t groups = spec.agent_groups.size();
  Staffing s(groups, std::vector<std::uint32_t>(spec.num_periods, 0));
  for (std::uint32_t i = 0; i < spec.num_periods; ++i) {
    std::vector<std::vector<Traffic>> pools(groups);
    for (std::size_t k = 0; k < spec.contact_types.size(); ++k) {
      const auto id = make_id<ContactTypeId>(k);
      const ContactTypeSpec& t = spec.contact_types[id];
      const double rate = plan.to_agents(i, id) / spec.period_s;
      if (rate <= 0.0 || t.groups.empty()) continue;
      double patience = kInf;
      if (t.patience) patience = t.patience_per_period_s.empty() ? t.patience->mean() : t.patience_per_period_s[i];
      pools[index(t.groups.front())].push_back(
          Traffic{id, rate, plan.load_erlangs(i, id) / rate, patience});
    }
    for (std::size_t g = 0; g < groups; ++g) {
      const auto id = make_id<AgentGroupId>(g);
      const AgentGroupSpec& group = spec.agent_groups[id];
      const double present = (1.0 - group.absenteeism) * (1.0 - (group.shrinkage.empty() ? 0.0 : group.shrinkage[i]));
      const std::uint32_t c = erlang_agents(spec, id, pools[g]);
      s[g][i] = present > 0.0 ? static_cast<std::uint32_t>(std::ceil(c / present - 1e-9)) : c;
    }
  }
  return s;
}

ScenarioSpec with_staffing(const ScenarioSpec& spec, const Staffing& staffing) {
  ScenarioSpec out = spec;
  for (std::size_t g = 0; g < out.agent_groups.size(); ++g) {
    AgentGroupSpec& group = out.agent_groups[make_id<AgentGroupId>(g)];
    group.staffing = staffing[g];
    group.shifts.clear();
  }
  return out;
}

std::vector<Shortfall> interval_shortfalls(const ScenarioSpec& spec, const RunResults& r) {
  std::vector<Shortfall> out;
  for (std::size_t t = 0; t < spec.targets.size(); ++t) {
    const TargetSpec& target = spec.targets[t];
    if (!staffing_responsive(target)) continue;
    for (const IntervalResult& ir : r.by_interval) {
      const KpiStats& stats = target_stats(target, ir.kpis, ir.by_type, ir.by_group);
      const KpiStat& s = stat_of(stats, target.kpi);
      if (s.n == 0) continue;
      const bool ok = target.scope == TargetScope::Intervals
                          ? s.n < 2 || judge_kpi(stats, target.kpi, target.bound, target.value) == Verdict::Met
                          : meets(s.mean, target.bound, target.value);
      if (!ok) out.push_back(Shortfall{t, ir.interval});
    }
  }
  return out;
}

std::uint64_t final_check_seed(std::uint64_t seed, std::uint32_t round) {
  return sim::mix64(seed, 0x66696e616c000000ULL + round);  // "final"
}

namespace {

class Search {
 public:
  Search(const ScenarioSpec& spec, const EvaluateFn& evaluate, const StaffingSearchOptions& options)
      : spec_(spec), evaluate_(evaluate), options_(options) {}

  StaffingSearch run();

 private:
  struct Evaluated {
    RunResults results;
    std::vector<Shortfall> short_;
  };

  bool budget_left(std::uint32_t reserve) const { return out_.runs + reserve < options_.max_runs; }

  // A run of `s` on `seed`, with `times` times the scenario's replications (counted as
  // that many runs).
  Evaluated evaluate(const Staffing& s, std::uint64_t seed, const std::string& purpose, std::uint32_t times = 1) {
    if (options_.on_run) options_.on_run(out_.runs + 1, purpose);
    out_.runs += times;
    ScenarioSpec spec = with_staffing(spec_, s);
    spec.seed = seed;
    spec.replications *= times;
    Evaluated e{evaluate_(spec), {}};
    e.short_ = interval_shortfalls(spec_, e.results);
    return e;
  }

  // The groups to raise for one shortfall: the target's group; or the cheapest group of
  // its type (the first in its routing list among equals); or, for a centre target, that
  // group of each type short on the same target in that interval (the type furthest from
  // it when none is).
  std::vector<AgentGroupId> culprits(const Shortfall& f, const RunResults& r) const {
    const TargetSpec& t = spec_.targets[f.target];
    if (t.group) return {*t.group};
    if (t.kpi == Kpi::Occupancy) {  // the centre's occupancy: every group's agents share it
      std::vector<AgentGroupId> all;
      for (std::size_t g = 0; g < spec_.agent_groups.size(); ++g) all.push_back(make_id<AgentGroupId>(g));
      return all;
    }
    const auto cheapest_group = [&](ContactTypeId k) {
      const auto& groups = spec_.contact_types[k].groups;
      return *std::ranges::min_element(groups, {}, [&](AgentGroupId g) { return rate(g); });
    };
    if (t.type) return {cheapest_group(*t.type)};
    const IntervalResult& ir = r.by_interval[f.interval];
    std::vector<AgentGroupId> out;
    std::optional<ContactTypeId> worst;
    for (std::size_t k = 0; k < spec_.contact_types.size(); ++k) {
      const auto id = make_id<ContactTypeId>(k);
      const KpiStat& s = stat_of(ir.by_type[k], t.kpi);
      if (s.n == 0 || spec_.contact_types[id].groups.empty()) continue;
      if (!meets(s.mean, t.bound, t.value)) out.push_back(cheapest_group(id));
      if (!worst || (t.bound == TargetBound::AtLeast ? s.mean < stat_of(ir.by_type[index(*worst)], t.kpi).mean
                                                     : s.mean > stat_of(ir.by_type[index(*worst)], t.kpi).mean))
        worst = id;
    }
    if (out.empty() && worst) out.push_back(cheapest_group(*worst));
    return out;
  }

  // One more agent for each (group, interval) behind `shortfalls`, at most one per pair
  // and never beyond the cap; returns the pairs raised.
  std::vector<std::pair<AgentGroupId, std::uint32_t>> raise(Staffing& s, const std::vector<Shortfall>& shortfalls,
                                                            const RunResults& r) {
    std::set<std::pair<std::size_t, std::uint32_t>> done;
    std::vector<std::pair<AgentGroupId, std::uint32_t>> raised;
    for (const Shortfall& f : shortfalls)
      for (AgentGroupId g : culprits(f, r)) {
        const std::size_t gi = index(g);
        if (!done.insert({gi, f.interval}).second || s[gi][f.interval] >= cap_[gi][f.interval]) continue;
        ++s[gi][f.interval];
        raised.emplace_back(g, f.interval);
      }
    return raised;
  }

  // Shortfalls of `now` that `before` did not have: what a change caused.
  static std::vector<Shortfall> new_in(const std::vector<Shortfall>& now, const std::vector<Shortfall>& before) {
    std::vector<Shortfall> out;
    for (const Shortfall& f : now)
      if (std::ranges::find(before, f) == before.end()) out.push_back(f);
    return out;
  }

  // Raises until every responsive target is met on the search's seed (or nothing can be
  // raised, or the budget is spent); returns the last evaluation of s.
  Evaluated raise_until_met(Staffing& s, Evaluated e) {
    while (!e.short_.empty() && budget_left(reserve_)) {
      if (raise(s, e.short_, e.results).empty()) break;
      e = evaluate(s, spec_.seed, "raising");
    }
    return e;
  }

  // Removal passes: per group, one agent fewer at once in every third interval (three
  // runs cover the day); a removal stays when neither its interval nor a neighbour (calls
  // carry over) became short. Two removals are never neighbours of one interval, so a
  // shortfall is blamed on one removal, not on two at once. A refused removal is never
  // tried again: later removals only make it harder to meet.
  Evaluated remove_while_met(Staffing& s, Evaluated e) {
    const std::size_t groups = s.size();
    std::vector<std::vector<bool>> frozen(groups, std::vector<bool>(spec_.num_periods, false));
    bool current = true;  // e evaluates s
    // The dearest agents go first, so that the cheaper ones are those kept.
    std::vector<std::size_t> order(groups);
    for (std::size_t g = 0; g < groups; ++g) order[g] = g;
    std::ranges::stable_sort(order, std::greater{}, [&](std::size_t g) { return rate(make_id<AgentGroupId>(g)); });
    for (bool any = true; any;) {
      any = false;
      for (std::size_t g : order)
        for (std::uint32_t phase = 0; phase < kStride; ++phase) {
          std::vector<std::uint32_t> tried;
          for (std::uint32_t i = phase; i < spec_.num_periods; i += kStride)
            if (s[g][i] > 0 && !frozen[g][i]) tried.push_back(i);
          if (tried.empty()) continue;
          if (!budget_left(reserve_ + 1)) return finish(s, e, current);
          Staffing trial = s;
          for (std::uint32_t i : tried) --trial[g][i];
          Evaluated t = evaluate(trial, spec_.seed, "removing");
          const std::vector<Shortfall> caused = new_in(t.short_, e.short_);
          std::set<std::uint32_t> harmed;
          for (const Shortfall& f : caused) harmed_by(f.interval, tried, harmed);
          if (calls_priced_) {  // an agent fewer may cost more in calls than it saves
            const double saved = rate(make_id<AgentGroupId>(g)) * spec_.period_s / 3600.0;
            for (std::uint32_t i : tried)
              if (call_cost_near(t.results, i) - call_cost_near(e.results, i) > saved) harmed.insert(i);
          }
          bool all_kept = true;
          for (std::uint32_t i : tried) {
            if (harmed.contains(i)) {
              frozen[g][i] = true;
              all_kept = false;
            } else {
              --s[g][i];
              any = true;
            }
          }
          if (all_kept) {
            e = std::move(t);
            current = true;
          } else if (s != trial) {
            current = false;
          }
        }
    }
    out_.minimal = true;
    return finish(s, e, current);
  }

  // The removals (in `tried`, ascending) to blame for a new shortfall in interval j: those
  // in j and its neighbours; else the nearest one before j (calls carried over), else
  // the nearest after.
  static void harmed_by(std::uint32_t j, const std::vector<std::uint32_t>& tried, std::set<std::uint32_t>& harmed) {
    bool near = false;
    for (std::uint32_t i : tried)
      if (i + 1 >= j && i <= j + 1) {
        harmed.insert(i);
        near = true;
      }
    if (near) return;
    const auto after = std::ranges::upper_bound(tried, j);
    harmed.insert(after == tried.begin() ? *after : *std::prev(after));
  }

  // Where the responsive targets that an independent run did not find met fell short: an
  // interval target in its short intervals (those the search could not fix aside), a day
  // target in its worst tenth of intervals.
  std::vector<Shortfall> final_shortfalls(const Evaluated& f) const {
    std::vector<Shortfall> out;
    for (std::size_t t = 0; t < spec_.targets.size(); ++t) {
      const TargetSpec& target = spec_.targets[t];
      if (!staffing_responsive(target) || f.results.targets[t].verdict == Verdict::Met) continue;
      if (target.scope == TargetScope::Intervals) {
        for (const Shortfall& x : f.short_)
          if (x.target == t && std::ranges::find(out_.unreachable, x) == out_.unreachable.end()) out.push_back(x);
        continue;
      }
      std::vector<std::pair<double, std::uint32_t>> by_gap;
      for (const IntervalResult& ir : f.results.by_interval) {
        const KpiStat& st = target_stat(target, ir.kpis, ir.by_type, ir.by_group);
        if (st.n == 0) continue;
        by_gap.emplace_back(target.bound == TargetBound::AtLeast ? st.mean : -st.mean, ir.interval);
      }
      std::ranges::sort(by_gap);
      const std::size_t n = std::min(by_gap.size(), std::max<std::size_t>(1, by_gap.size() / 10));
      for (std::size_t j = 0; j < n; ++j) out.push_back(Shortfall{t, by_gap[j].second});
    }
    return out;
  }

  double rate(AgentGroupId g) const { return spec_.agent_groups[g].cost_per_hour.value_or(0.0); }

  // The mean cost of the calls (per-call costs, no agents) of interval i and its
  // neighbours (calls carried over) in a run. Compared with an earlier run that had more
  // agents than the staffing as it is now, it overstates what a removal costs: a removal
  // is refused too often, never kept wrongly.
  double call_cost_near(const RunResults& r, std::uint32_t i) const {
    double sum = 0.0;
    for (std::uint32_t j = i > 0 ? i - 1 : 0; j <= i + 1 && j < r.by_interval.size(); ++j)
      for (const KpiStats& type : r.by_interval[j].by_type)
        if (const KpiStat& c = stat_of(type, Kpi::Cost); c.n > 0) sum += c.mean;
    return sum;
  }

  // Whether a shortfall of an independent check is decided: its interval's estimate (an
  // interval target) or the day's (a day target) lies wholly on the wrong side.
  bool missed_in(const Evaluated& f, const Shortfall& x) const {
    const TargetSpec& t = spec_.targets[x.target];
    if (t.scope == TargetScope::Day) return f.results.targets[x.target].verdict == Verdict::Missed;
    const IntervalResult& ir = f.results.by_interval[x.interval];
    return judge_kpi(target_stats(t, ir.kpis, ir.by_type, ir.by_group), t.kpi, t.bound, t.value) == Verdict::Missed;
  }

  // Evaluates s if it was not, and raises what that finds short.
  Evaluated finish(Staffing& s, Evaluated e, bool current) {
    if (current || !budget_left(reserve_)) return e;
    return raise_until_met(s, evaluate(s, spec_.seed, "confirming"));
  }

  const ScenarioSpec& spec_;
  const EvaluateFn& evaluate_;
  const StaffingSearchOptions& options_;
  StaffingSearch out_;
  Staffing cap_;
  bool calls_priced_ = spec_.costs && (spec_.costs->per_abandoned_call > 0.0 || spec_.costs->per_answered_call > 0.0);
  std::uint32_t reserve_ = 0;  // runs kept for the final checks
};

StaffingSearch Search::run() {
  const IntervalPlan plan(spec_);
  const std::size_t groups = spec_.agent_groups.size();
  out_.scheduled.assign(groups, std::vector<std::uint32_t>(spec_.num_periods, 0));
  for (std::size_t g = 0; g < groups; ++g)
    for (std::uint32_t i = 0; i < spec_.num_periods; ++i)
      out_.scheduled[g][i] =
          static_cast<std::uint32_t>(std::ceil(plan.scheduled(i, make_id<AgentGroupId>(g)) - 1e-9));
  out_.start = erlang_start(spec_);
  cap_ = out_.start;
  for (std::size_t g = 0; g < groups; ++g)
    for (std::uint32_t i = 0; i < spec_.num_periods; ++i)
      cap_[g][i] = std::max({3 * cap_[g][i] + 20, 3 * out_.scheduled[g][i] + 20});
  reserve_ = std::max<std::uint32_t>(1, options_.final_rounds);

  Staffing s = out_.start;
  Evaluated e = raise_until_met(s, evaluate(s, spec_.seed, "Erlang A start"));
  const std::vector<Shortfall> unreachable = e.short_;
  if (unreachable.empty()) e = remove_while_met(s, std::move(e));
  out_.search_met = e.short_.empty();
  out_.unreachable = e.short_;
  out_.search = e.results;
  out_.search_runs = out_.runs;

  // Independent checks. A target left undecided there by intervals whose interval
  // straddles the target gets more replications on the same seed (up to
  // kMaxFinalReplications times the scenario's): more agents would only chase noise.
  // A target short where an interval is missed, or still undecided at that cap, gets one
  // more agent there, and a new independent seed checks again.
  for (std::uint32_t round = 0; round < options_.final_rounds && out_.runs < options_.max_runs; ++round) {
    out_.final_seed = final_check_seed(spec_.seed, round);
    ++out_.final_rounds;
    Evaluated f;
    for (std::uint32_t times = 1;; times *= 2) {
      f = evaluate(s, out_.final_seed, "final check", times);
      out_.final_replications = spec_.replications * times;
      out_.final_short = final_shortfalls(f);
      const bool missed = std::ranges::any_of(out_.final_short, [&](const Shortfall& x) { return missed_in(f, x); });
      if (out_.final_short.empty() || missed || times * 2 > kMaxFinalReplications ||
          out_.runs + times * 2 > options_.max_runs)
        break;
    }
    out_.final = f.results;
    if (out_.final_short.empty() || round + 1 == options_.final_rounds || out_.runs >= options_.max_runs) break;
    const auto raised = raise(s, out_.final_short, f.results);
    if (raised.empty()) break;
    out_.raised_by_final.insert(out_.raised_by_final.end(), raised.begin(), raised.end());
  }
  out_.required = s;
  return out_;
}

}  // namespace

std::vector<Diagnostic> staffing_search_problems(const ScenarioSpec& spec) {
  std::vector<Diagnostic> out;
  for (std::size_t k = 0; k < spec.contact_types.size(); ++k) {
    const ContactTypeSpec& t = spec.contact_types[make_id<ContactTypeId>(k)];
    if (t.channel == Channel::Outbound) {
      out.push_back({fmt::format("/contact_types/{}/channel", k),
                     fmt::format("{} is outbound, which ccsim staff cannot size: its dialer takes whatever agents "
                                 "are idle beyond its threshold, so more agents bring more dials, not a better "
                                 "service. Size the inbound types without it (remove the type), then try the "
                                 "campaign's threshold and ratio with ccsim run or a sweep over "
                                 "/contact_types/{}/dialer",
                                 internal::quote(t.name), k)});
      continue;
    }
    if (t.channel != Channel::Email) continue;
    out.push_back({fmt::format("/contact_types/{}/channel", k),
                   fmt::format("{} is e-mail, which ccsim staff cannot size yet: it sizes each interval for the "
                               "contacts that arrive in it, and an e-mail is answered by the agents of the hours "
                               "after it arrives, up to its due time and past the close. Try staffing levels with "
                               "ccsim run or a sweep over /agent_groups/*/staffing, and read the e-mail's service "
                               "level and backlog_at_close",
                               internal::quote(t.name))});
  }
  return out;
}

StaffingSearch search_staffing(const ScenarioSpec& spec, const EvaluateFn& evaluate,
                               const StaffingSearchOptions& options) {
  if (spec.mode != RunMode::Day) throw std::invalid_argument("a staffing search needs a day scenario (mode \"day\")");
  if (const std::vector<Diagnostic> p = staffing_search_problems(spec); !p.empty())
    throw std::invalid_argument(p.front().pointer + ": " + p.front().message);
  return Search(spec, evaluate, options).run();
}

}  // namespace ccsim::models
