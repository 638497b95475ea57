#include "models/planning/interval_plan.h"

#include <algorithm>
#include <cmath>

#include "models/agents/roster.h"

namespace ccsim::models {
namespace {

// Seconds of [from, to) inside interval i of length period_s.
double overlap_s(double from, double to, std::uint32_t i, double period_s) {
  const double lo = std::max(from, i * period_s);
  const double hi = std::min(to, (i + 1) * period_s);
  return std::max(0.0, hi - lo);
}

}  // namespace

IntervalPlan::IntervalPlan(const ScenarioSpec& spec)
    : intervals_(spec.num_periods),
      types_(spec.contact_types.size()),
      groups_(spec.agent_groups.size()),
      arrivals_(intervals_ * types_, 0.0),
      load_(intervals_ * types_, 0.0),
      scheduled_(intervals_ * groups_, 0.0),
      productive_(intervals_ * groups_, 0.0) {
  const double p = spec.period_s;
  for (std::size_t k = 0; k < types_; ++k) {
    const ContactTypeSpec& t = spec.contact_types[make_id<ContactTypeId>(k)];
    const double multiplier = t.handle_time_multiplier.empty()
                            ? 1.0
                            : *std::ranges::min_element(t.handle_time_multiplier);
    const double handle_s = multiplier * (t.talk.mean() + (t.wrap_up ? t.wrap_up->mean() : 0.0));
    const double to_agents = t.ivr ? 1.0 - t.ivr->p_self_service - t.ivr->p_hangup : 1.0;
    for (std::uint32_t i = 0; i < intervals_; ++i) {
      double n = 0.0;
      switch (t.arrivals.process) {
        case ArrivalSpec::Process::Poisson: n = t.arrivals.rate_per_s * p; break;
        case ArrivalSpec::Process::PiecewisePoisson: n = t.arrivals.per_period[i]; break;
        case ArrivalSpec::Process::Trace:
          n = static_cast<double>(std::ranges::count_if(t.arrivals.times_s, [&](double x) {
            return x >= i * p && x < (i + 1) * p;
          }));
          break;
      }
      arrivals_[i * types_ + k] = n;
      const double aht_s = t.aht_per_period_s.empty() ? handle_s : multiplier * t.aht_per_period_s[i];
      load_[i * types_ + k] = n * to_agents * aht_s / p;
    }
  }
  // Agent-seconds per interval: on duty, and on a break at its planned start.
  std::vector<double> on_duty_s(intervals_ * groups_, 0.0), on_break_s(intervals_ * groups_, 0.0);
  const Roster roster = build_roster(spec);
  for (const Stint& a : roster.agents) {
    const std::size_t g = index(a.group);
    for (std::uint32_t i = 0; i < intervals_; ++i) on_duty_s[i * groups_ + g] += overlap_s(a.start_s, a.duty_end_s, i, p);
    if (a.shift == kNoShift) continue;
    const ShiftSpec& shift = spec.agent_groups[a.group].shifts[a.shift];
    for (const BreakSpec& b : shift.breaks) {
      const double start = planned_break_start_s(b, a.agent_in_shift, shift.agents);
      for (std::uint32_t i = 0; i < intervals_; ++i)
        on_break_s[i * groups_ + g] += overlap_s(start, start + b.duration_s, i, p);
    }
  }
  for (std::size_t g = 0; g < groups_; ++g) {
    const AgentGroupSpec& group = spec.agent_groups[make_id<AgentGroupId>(g)];
    for (std::uint32_t i = 0; i < intervals_; ++i) {
      const std::size_t at = i * groups_ + g;
      const double shrinkage = group.shrinkage.empty() ? 0.0 : group.shrinkage[i];
      scheduled_[at] = on_duty_s[at] / p;
      productive_[at] = (on_duty_s[at] - on_break_s[at]) / p * (1.0 - group.absenteeism) * (1.0 - shrinkage);
    }
  }
}

}  // namespace ccsim::models
