// Workforce: agents log on and off as the roster says (models/agents/roster.h). An agent
// whose shift ends during a contact finishes it and its wrap-up first (call_center_service.cc).
#include "models/call_center.h"
#include "models/streams.h"

namespace ccsim::models {

// Each scheduled agent of a group with absenteeism p is absent the whole replication
// with probability p: one uniform per agent, in agent order, from the group's stream.
void CallCenter::draw_absence(std::uint64_t replication) {
  const sim::Mrg32k3a base = sim::Mrg32k3a::from_seed(spec_.seed);
  for (std::size_t gi = 0; gi < spec_.agent_groups.size(); ++gi) {
    const double p = spec_.agent_groups[make_id<AgentGroupId>(gi)].absenteeism;
    if (p <= 0.0) continue;
    sim::Mrg32k3a stream = stream_for(base, static_cast<std::uint32_t>(gi), WorkforcePurpose::Absence, replication);
    for (std::size_t a = 0; a < roster_.agents.size(); ++a)
      if (index(roster_.agents[a].group) == gi) absent_[a] = stream.next_u01() < p;
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
    if (absent_[index(ch.agent)]) continue;
    const AgentGroupId g = agents_.group(ch.agent);
    if (ch.log_on) {
      lifecycle_.log_on(t, ch.agent, g);
      agents_.log_on(ch.agent, t);
    } else if (agents_.state(ch.agent) == AgentState::Busy || agents_.state(ch.agent) == AgentState::WrapUp) {
      lifecycle_.shift_end(t, ch.agent, g);
      agents_.end_shift(ch.agent);
    } else {
      lifecycle_.log_off(t, ch.agent, g);
      agents_.end_shift(ch.agent);
    }
  }
  if (i < roster_.changes.size())
    schedule(roster_.changes[i].time_s, CcEvent::RosterChange, CcPriority::PeriodStart, i);
  for (std::size_t g = 0; g < agents_.num_groups(); ++g) assign_idle_agents(make_id<AgentGroupId>(g));
}

}  // namespace ccsim::models
