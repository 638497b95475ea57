// Service: an agent takes a contact, talks, hangs up (the caller leaves the system),
// does its wrap-up, and is free again: idle for the next contact, or off if its shift
// ended meanwhile.
#include <fmt/format.h>

#include "models/call_center.h"
#include "models/invariant.h"

namespace ccsim::models {

// Group g's longest-idle agent takes contact c, which waited in from_queue (at its head)
// or arrives now (kNoQueue).
void CallCenter::start_service(ContactId c, AgentGroupId g, QueueId from_queue) {
  if (agents_.counts(g).idle == 0) [[unlikely]]
    fail_invariant(now(), "start_service", fmt::format("group={}, contact=#{}", spec_.agent_groups[g].name, index(c)),
                   "router chose a group with no idle agent");
  const ContactTypeId k = pool_.type(c);
  const PairInfo& pi = pair_of_[index(k) * agents_.num_groups() + index(g)];
  if (pi.pair == kNoId) [[unlikely]]
    fail_invariant(now(), "start_service", fmt::format("group={}, contact=#{}", spec_.agent_groups[g].name, index(c)),
                   "router chose a group that does not serve the contact's type");
  // The multiplier scales the durations drawn at arrival, so draws (and CRN) are unchanged.
  const double talk_s = pool_.talk_s(c) * pi.multiplier;
  const double wrap_s = pool_.wrap_s(c) * pi.multiplier;
  const AgentId a = agents_.longest_idle(g);
  lifecycle_.answered(now(), pool_.slot(c), c, k, from_queue, a, g, pi.pair, now() - pool_.enqueue_s(c),
                      talk_s + wrap_s, now() - pool_.arrival_s(c) + talk_s);
  if (from_queue != kNoQueue) queues_[from_queue].pop_head(pool_);
  agents_.serve_longest_idle(g, c);
  pool_.wrap_s(c) = wrap_s;
  pool_.agent(c) = a;
  pool_.bump_generation(c);  // a pending patience event is now stale
  schedule(now() + talk_s, CcEvent::ServiceEnd, CcPriority::Release, index(c));
}

void CallCenter::agent_free(AgentId a) {
  const AgentGroupId g = agents_.group(a);
  if (agents_.state(a) != AgentState::Busy && agents_.state(a) != AgentState::WrapUp) [[unlikely]]
    fail_invariant(now(), "agent_free", fmt::format("group={}, agent=#{}", spec_.agent_groups[g].name, index(a)),
                   "the agent is not busy");
  const bool leaving = agents_.leaving(a);
  if (agents_.waiting(a) && !leaving && take_due_break(a)) return;  // from the contact straight to its break
  lifecycle_.agent_free(now(), a, g, leaving);
  if (!agents_.free(a, now())) return;  // logged off
  assign_idle_agents(g);
}

void CallCenter::on_service_end(ContactId c) {
  const AgentId a = pool_.agent(c);
  const double wrap_s = pool_.wrap_s(c);
  lifecycle_.talk_end(now(), c, pool_.type(c), a, agents_.group(a));
  leave_system(c);
  if (wrap_s > 0.0) {
    agents_.start_wrap_up(a);
    schedule(now() + wrap_s, CcEvent::WrapUpEnd, CcPriority::Release, index(a));
  } else {
    agent_free(a);
  }
}

}  // namespace ccsim::models
