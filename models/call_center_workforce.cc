// Workforce: agents log on and off as the roster says (models/agents/roster.h), take the
// breaks of their shift and their in-shift shrinkage blocks at their first idle moment
// once due, and an agent whose shift ends during a contact finishes it first
// (call_center_service.cc). docs/workforce.md.
#include "models/call_center.h"
#include "models/streams.h"
#include "sim/time.h"

namespace ccsim::models {
namespace {

// What an agent on a break is unavailable for, when it is not a break of its shift.
constexpr std::uint8_t kAuxActivity = 0xff;

}  // namespace

// Each scheduled agent of a group with absenteeism p is absent the whole replication
// with probability p: one uniform per agent, in the order the scenario lists them, from
// the group's stream.
void CallCenter::draw_absence(std::uint64_t replication) {
  const sim::Mrg32k3a base = sim::Mrg32k3a::from_seed(spec_.seed);
  for (std::size_t gi = 0; gi < spec_.agent_groups.size(); ++gi) {
    const double p = spec_.agent_groups[make_id<AgentGroupId>(gi)].absenteeism;
    if (p <= 0.0) continue;
    sim::Mrg32k3a stream = stream_for(base, static_cast<std::uint32_t>(gi), WorkforcePurpose::Absence, replication);
    for (const AgentId a : roster_.in_file_order)
      if (index(roster_.agents[index(a)].group) == gi) absent_[index(a)] = stream.next_u01() < p;
    absence_draws_ += stream.draws();
  }
}

// Applies every roster change of this instant (log-offs first, then log-ons, each in
// agent order), then lets the groups' idle agents take waiting contacts.
void CallCenter::on_roster_change(std::uint32_t first) {
  const double t = now();
  std::uint32_t i = first;
  for (; i < roster_.changes.size() && roster_.changes[i].time_s == t; ++i) {
    const RosterChange& ch = roster_.changes[i];
    const AgentGroupId g = agents_.group(ch.agent);
    if (absent_[index(ch.agent)]) {
      lifecycle_.scheduled_changes(t, g);
      agents_.count_scheduled(g, ch.log_on);
      continue;
    }
    if (ch.log_on) {
      lifecycle_.log_on(t, ch.agent, g);
      agents_.count_scheduled(g, true);
      agents_.log_on(ch.agent, t);
      schedule_breaks(ch.agent);
    } else {
      const bool busy = agents_.state(ch.agent) == AgentState::Busy || agents_.state(ch.agent) == AgentState::WrapUp;
      if (busy)
        lifecycle_.shift_end(t, ch.agent, g);
      else
        lifecycle_.log_off(t, ch.agent, g);
      agents_.count_scheduled(g, false);
      agents_.end_shift(ch.agent);
    }
  }
  if (i < roster_.changes.size())
    schedule(roster_.changes[i].time_s, CcEvent::RosterChange, CcPriority::PeriodStart, i);
  if (spec_.mode == RunMode::Day && spec_.closing == Closing::DisconnectNoAgent)
    for (std::size_t k = 0; k < queues_.size(); ++k)
      if (!has_any(make_id<ContactTypeId>(k), kServesCallbacks | kDeferred) &&
          !eligible_on_duty(make_id<ContactTypeId>(k)))
        disconnect_waiting(make_id<QueueId>(k));
  for (std::size_t g = 0; g < agents_.num_groups(); ++g) assign_free_agents(make_id<AgentGroupId>(g));
}

// Break b of the agent's shift comes due at its planned start (placement decides it per
// agent). Breaks come due in their listed order (the loader keeps their windows apart).
// One planned at the log-on instant is due at once, before the new agent takes a call.
void CallCenter::schedule_breaks(AgentId a) {
  const Stint& stint = roster_.agents[index(a)];
  if (stint.shift == kNoShift) return;
  const ShiftSpec& shift = spec_.agent_groups[stint.group].shifts[stint.shift];
  for (std::size_t b = 0; b < shift.breaks.size(); ++b) {
    const double planned = planned_break_start_s(shift.breaks[b], stint.agent_in_shift, shift.agents);
    if (planned >= stint.duty_end_s) break;  // after the run's end (a night shift's last): never due
    if (planned <= now())
      on_break_due(a, static_cast<std::uint8_t>(b));
    else
      schedule(planned, CcEvent::BreakDue, CcPriority::PeriodStart, index(a), 0, static_cast<std::uint8_t>(b));
  }
}

void CallCenter::on_break_due(AgentId a, std::uint8_t b) {
  if (agents_.state(a) == AgentState::Off) return;  // its shift is over
  breaks_due_[index(a)] = static_cast<std::uint8_t>(b + 1);
  agents_.set_waiting(a, true);
  if (agents_.state(a) == AgentState::Idle) take_due_break(a);
}

// Each agent on duty at the start of a period with shrinkage f spends f of the period
// unavailable, in one block; the group's agents plan their blocks evenly through the
// period (agent j of m at start + period * (1 - f) * (j + 0.5) / m).
void CallCenter::on_shrinkage_plan(std::uint32_t period) {
  const double start = sim::period_start(period, spec_.period_s);
  for (std::size_t gi = 0; gi < spec_.agent_groups.size(); ++gi) {
    const AgentGroupSpec& g = spec_.agent_groups[make_id<AgentGroupId>(gi)];
    if (g.shrinkage.empty() || g.shrinkage[period] <= 0.0) continue;
    const auto group = make_id<AgentGroupId>(gi);
    const double f = g.shrinkage[period];
    const std::uint32_t m = agents_.counts(group).on_duty;
    std::uint32_t j = 0;
    for (std::size_t a = 0; a < roster_.agents.size() && j < m; ++a) {
      const auto id = make_id<AgentId>(a);
      if (agents_.group(id) != group || agents_.state(id) == AgentState::Off || agents_.leaving(id)) continue;
      schedule(start + spec_.period_s * (1.0 - f) * (j + 0.5) / m, CcEvent::AuxDue, CcPriority::PeriodStart, index(id));
      ++j;
    }
  }
}

// A block that still waits when the next one comes due is replaced by it.
void CallCenter::on_aux_due(AgentId a) {
  if (agents_.state(a) == AgentState::Off) return;
  const std::uint32_t period = sim::period_of(now(), spec_.period_s, spec_.num_periods);
  aux_due_s_[index(a)] = spec_.agent_groups[agents_.group(a)].shrinkage[period] * spec_.period_s;
  agents_.set_waiting(a, true);
  if (agents_.state(a) == AgentState::Idle) take_due_break(a);
}

// The agent is available now (idle, or just freed from a contact or a break): it starts
// the first break that came due and is not taken yet, else a waiting shrinkage block.
// Returns false when nothing waits. Once its duty is over (an agent serving the contacts
// left at the end of the day) what still waits is dropped.
bool CallCenter::take_due_break(AgentId a) {
  const std::uint32_t i = index(a);
  const AgentGroupId g = agents_.group(a);
  if (now() >= roster_.agents[i].duty_end_s) {
    breaks_taken_[i] = breaks_due_[i];
    aux_due_s_[i] = 0.0;
  }
  if (breaks_taken_[i] < breaks_due_[i]) {
    const Stint& stint = roster_.agents[i];
    const BreakSpec& b = spec_.agent_groups[g].shifts[stint.shift].breaks[breaks_taken_[i]];
    lifecycle_.break_start(now(), a, g, std::max(0.0, now() - b.latest_start_s));
    agents_.start_break(a, b.paid);
    activity_[i] = breaks_taken_[i]++;
    schedule(now() + b.duration_s, CcEvent::BreakEnd, CcPriority::Release, i);
  } else if (aux_due_s_[i] > 0.0) {
    lifecycle_.aux_start(now(), a, g, aux_due_s_[i]);
    agents_.start_break(a, true);
    activity_[i] = kAuxActivity;
    schedule(now() + aux_due_s_[i], CcEvent::BreakEnd, CcPriority::Release, i);
    aux_due_s_[i] = 0.0;
  } else {
    agents_.set_waiting(a, false);
    return false;
  }
  agents_.set_waiting(a, breaks_taken_[i] < breaks_due_[i] || aux_due_s_[i] > 0.0);
  return true;
}

void CallCenter::on_break_end(AgentId a) {
  if (agents_.state(a) != AgentState::OnBreak) return;  // logged off during it
  const AgentGroupId g = agents_.group(a);
  lifecycle_.break_end(now(), a, g, activity_[index(a)] == kAuxActivity);
  agents_.end_break(a, now());
  if (agents_.waiting(a) && take_due_break(a)) return;
  assign_free_agents(g);
}

}  // namespace ccsim::models
