#include "models/agents/roster.h"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <numeric>
#include <tuple>

#include "sim/time.h"

namespace ccsim::models {
namespace {

// A stint that reaches the end of the day keeps its agent until the contacts still in
// the system are served, as when the day's last staffing drained the queue.
double end_or_never(double end_s, double horizon_s) { return end_s >= horizon_s ? sim::kNever : end_s; }

void add_staffing_layers(const AgentGroupSpec& g, AgentGroupId id, const ScenarioSpec& spec,
                         std::vector<Stint>& out) {
  std::vector<std::uint32_t> open;  // first period of each open layer, lowest layer first
  const auto periods = static_cast<std::uint32_t>(g.staffing.size());
  const auto close = [&](std::uint32_t end_period) {
    const double end_s = sim::period_start(end_period, spec.period_s);
    out.push_back(Stint{id, sim::period_start(open.back(), spec.period_s), end_or_never(end_s, spec.horizon_s()),
                        end_s});
    open.pop_back();
  };
  for (std::uint32_t k = 0; k < periods; ++k) {
    while (open.size() > g.staffing[k]) close(k);
    while (open.size() < g.staffing[k]) open.push_back(k);
  }
  while (!open.empty()) close(periods);
}

}  // namespace

Roster build_roster(const ScenarioSpec& spec) {
  std::vector<Stint> stints;
  for (std::size_t gi = 0; gi < spec.agent_groups.size(); ++gi) {
    const auto id = make_id<AgentGroupId>(gi);
    const AgentGroupSpec& g = spec.agent_groups[id];
    if (spec.mode == RunMode::SteadyState) {
      for (std::uint32_t i = 0; i < g.staffing.front(); ++i)
        stints.push_back(Stint{id, 0.0, sim::kNever, sim::kNever});
      continue;
    }
    add_staffing_layers(g, id, spec, stints);
    for (std::uint32_t s = 0; s < g.shifts.size(); ++s) {
      const ShiftSpec& shift = g.shifts[s];
      for (std::uint32_t i = 0; i < shift.agents; ++i)
        stints.push_back(Stint{id, shift.start_s, end_or_never(shift.end_s, spec.horizon_s()),
                               std::min(shift.end_s, spec.horizon_s()), s, i});
    }
  }

  std::vector<std::uint32_t> order(stints.size());
  std::iota(order.begin(), order.end(), 0u);
  std::ranges::stable_sort(order, [&](std::uint32_t a, std::uint32_t b) {
    const Stint& x = stints[a];
    const Stint& y = stints[b];
    return std::tuple(x.start_s, -x.end_s, index(x.group)) < std::tuple(y.start_s, -y.end_s, index(y.group));
  });
  Roster r;
  r.agents.reserve(stints.size());
  r.in_file_order.resize(stints.size());
  for (std::size_t a = 0; a < order.size(); ++a) {
    r.agents.push_back(stints[order[a]]);
    r.in_file_order[order[a]] = make_id<AgentId>(a);
  }

  for (std::size_t a = 0; a < r.agents.size(); ++a) {
    const Stint& s = r.agents[a];
    r.changes.push_back(RosterChange{s.start_s, make_id<AgentId>(a), true});
    if (s.end_s != sim::kNever) r.changes.push_back(RosterChange{s.end_s, make_id<AgentId>(a), false});
  }
  std::ranges::sort(r.changes, [](const RosterChange& x, const RosterChange& y) {
    return std::tuple(x.time_s, x.log_on, index(x.agent)) < std::tuple(y.time_s, y.log_on, index(y.agent));
  });
  return r;
}

double planned_break_start_s(const BreakSpec& b, std::uint32_t i, std::uint32_t n) {
  switch (b.placement) {
    case BreakPlacement::Earliest: return b.earliest_start_s;
    case BreakPlacement::Latest: return b.latest_start_s;
    case BreakPlacement::Spread:
      return b.earliest_start_s + (b.latest_start_s - b.earliest_start_s) * (i + 0.5) / n;
  }
  return b.earliest_start_s;
}

}  // namespace ccsim::models
