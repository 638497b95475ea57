#include "models/planning/interval_plan.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <utility>
#include <vector>

#include "models/agents/roster.h"
#include "models/scenario/after_service_rules.h"
#include "models/scenario/follow_up_flows.h"

namespace ccsim::models {
namespace {

// Seconds of [from, to) inside interval i of length period_s.
double overlap_s(double from, double to, std::uint32_t i, double period_s) {
  const double lo = std::max(from, i * period_s);
  const double hi = std::min(to, (i + 1) * period_s);
  return std::max(0.0, hi - lo);
}

// Agent-seconds per interval and group, each span added in O(1): the intervals it covers
// whole are counted in a difference array, the partial ones at its ends added as seconds.
// Adding every interval's overlap cost agents x intervals: a legal day of 2e5 agents and
// 2e4 intervals took seconds before anything ran.
class AgentSeconds {
 public:
  AgentSeconds(std::uint32_t intervals, std::size_t groups, double period_s)
      : intervals_(intervals), groups_(groups), period_s_(period_s), seconds_(intervals * groups, 0.0),
        whole_((intervals + std::size_t{1}) * groups, 0.0) {}

  void add(std::size_t g, double from, double to) {
    from = std::max(from, 0.0);
    to = std::min(to, intervals_ * period_s_);
    if (!(to > from)) return;
    const std::uint32_t first = interval_of(from);
    const std::uint32_t last = interval_of(std::nextafter(to, 0.0));
    seconds_[first * groups_ + g] += overlap_s(from, to, first, period_s_);
    if (last == first) return;
    seconds_[last * groups_ + g] += overlap_s(from, to, last, period_s_);
    whole_[(first + 1) * groups_ + g] += 1.0;
    whole_[last * groups_ + g] -= 1.0;
  }

  // [interval][group]
  std::vector<double> take() {
    for (std::size_t g = 0; g < groups_; ++g) {
      double count = 0.0;
      for (std::uint32_t i = 0; i < intervals_; ++i) {
        count += whole_[i * groups_ + g];
        if (count != 0.0) seconds_[i * groups_ + g] += count * ((i + 1) * period_s_ - i * period_s_);
      }
    }
    return std::move(seconds_);
  }

 private:
  // The interval whose [i p, (i + 1) p) holds t, by the products overlap_s compares with.
  std::uint32_t interval_of(double t) const {
    auto i = static_cast<std::uint32_t>(std::min<double>(std::floor(t / period_s_), intervals_ - 1));
    while (i > 0 && t < i * period_s_) --i;
    while (i + 1 < intervals_ && t >= (i + 1) * period_s_) ++i;
    return i;
  }

  std::uint32_t intervals_;
  std::size_t groups_;
  double period_s_;
  std::vector<double> seconds_, whole_;
};

}  // namespace

// The traffic equations of transfers and returns, interval by interval: what reaches the
// agents is what arrives (after the IVR) plus what the served contacts send on. Contacts
// served evenly over interval i return evenly over [i p + m, (i + 1) p + m) for the return
// delay's mean m: a share in the interval m reaches, the rest in the next (so a chain of
// short delays moves on through the day); none is made after the arrivals end. Within an
// interval (transfers, and the returns of a delay under one period) the equations are
// solved exactly (models/scenario/follow_up_flows.h): rounds that pass the contacts on
// once each took 1e5 rounds per interval, and still counted too few, for a return with p
// near 1. Those links are the same in every interval, so they are factored once.
void IntervalPlan::add_contacts_to_agents(const ScenarioSpec& spec) {
  const auto past_ivr = [&](std::size_t k) {
    const ContactTypeSpec& t = spec.contact_types[make_id<ContactTypeId>(k)];
    return t.ivr ? t.ivr->p_to_agents() : 1.0;
  };
  // Per type with returns: the whole intervals its mean delay spans, and the share of its
  // returns that falls one interval later still.
  struct Return {
    std::size_t as = 0;
    double p = 0.0;  // per contact served, past the IVR of `as`
    double whole = 0.0, later = 0.0;
  };
  std::vector<std::optional<Return>> returns(types_);
  std::vector<std::vector<internal::FollowUpFlows::Link>> links(types_);
  for (std::size_t k = 0; k < types_; ++k) {
    const ContactTypeSpec& t = spec.contact_types[make_id<ContactTypeId>(k)];
    const internal::FollowUpOdds odds = internal::follow_up_odds(t);
    for (std::size_t x = 0; x < t.transfers.size(); ++x)
      links[k].push_back({index(t.transfers[x].to), odds.transfer[x]});
    if (!t.returns) continue;
    Return r;
    r.as = index(t.returns->as);
    r.p = odds.returns * past_ivr(r.as);
    const double shift = t.returns->delay.mean() / spec.period_s;
    r.whole = std::floor(std::min(shift, static_cast<double>(intervals_)));
    r.later = shift - r.whole;
    if (r.whole == 0.0 && r.later < 1.0) links[k].push_back({r.as, r.p * (1.0 - r.later)});
    returns[k] = r;
  }
  const internal::FollowUpFlows flows(std::move(links));
  std::vector<double> carried(intervals_ * types_, 0.0);  // returns due in a later interval
  std::vector<double> fresh(types_);
  for (std::uint32_t i = 0; i < intervals_; ++i) {
    for (std::size_t k = 0; k < types_; ++k)
      fresh[k] = arrivals_[i * types_ + k] * past_ivr(k) + carried[i * types_ + k];
    const std::vector<double> x = flows.solve(fresh);
    for (std::size_t k = 0; k < types_; ++k) {
      to_agents_[i * types_ + k] = x[k];
      if (!returns[k] || x[k] == 0.0) continue;
      const Return& r = *returns[k];
      for (const auto& [at_d, share] : {std::pair{i + r.whole, 1.0 - r.later}, std::pair{i + r.whole + 1.0, r.later}}) {
        if (share <= 0.0 || at_d >= intervals_ || at_d == i) continue;  // at_d == i: solved above
        carried[static_cast<std::uint32_t>(at_d) * types_ + r.as] += x[k] * r.p * share;
      }
    }
  }
}

IntervalPlan::IntervalPlan(const ScenarioSpec& spec)
    : intervals_(spec.num_periods),
      types_(spec.contact_types.size()),
      groups_(spec.agent_groups.size()),
      arrivals_(intervals_ * types_, 0.0),
      to_agents_(intervals_ * types_, 0.0),
      load_(intervals_ * types_, 0.0),
      scheduled_(intervals_ * groups_, 0.0),
      productive_(intervals_ * groups_, 0.0) {
  const double p = spec.period_s;
  for (std::size_t k = 0; k < types_; ++k) {
    const ContactTypeSpec& t = spec.contact_types[make_id<ContactTypeId>(k)];
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
    }
  }
  add_contacts_to_agents(spec);
  for (std::size_t k = 0; k < types_; ++k) {
    const ContactTypeSpec& t = spec.contact_types[make_id<ContactTypeId>(k)];
    const double multiplier = t.handle_time_multiplier.empty()
                            ? 1.0
                            : *std::ranges::min_element(t.handle_time_multiplier);
    const double handle_s = multiplier * (t.talk.mean() + (t.wrap_up ? t.wrap_up->mean() : 0.0));
    const double share = spec.agent_share(t);
    double transfer_s = 0.0;  // per contact: the transfers its agent makes, by their probability
    for (const TransferSpec& tr : t.transfers) transfer_s += tr.p * tr.handle.mean();
    for (std::uint32_t i = 0; i < intervals_; ++i) {
      const double aht_s = t.aht_per_period_s.empty() ? handle_s : multiplier * t.aht_per_period_s[i];
      load_[i * types_ + k] = to_agents_[i * types_ + k] * (aht_s + transfer_s) * share / p;
    }
  }
  // Agent-seconds per interval: on duty, and on a break at its planned start.
  AgentSeconds duty(intervals_, groups_, p), breaks(intervals_, groups_, p);
  const Roster roster = build_roster(spec);
  for (const Stint& a : roster.agents) {
    const std::size_t g = index(a.group);
    duty.add(g, a.start_s, a.duty_end_s);
    if (a.shift == kNoShift) continue;
    const ShiftSpec& shift = spec.agent_groups[a.group].shifts[a.shift];
    for (const BreakSpec& b : shift.breaks) {
      const double start = planned_break_start_s(b, a.agent_in_shift, shift.agents);
      breaks.add(g, start, start + b.duration_s);
    }
  }
  const std::vector<double> on_duty_s = duty.take(), on_break_s = breaks.take();
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
