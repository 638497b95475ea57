// Callbacks (virtual hold): a caller about to wait long is offered a callback; one who
// accepts hangs up, and its callback waits, off the line, in the queue of the contact
// type that serves callbacks. An agent who takes it dials (holding a trunk line while
// dialling and talking); the customer answers and is served there, or the callback is
// dialled again later, or fails. docs/scenario-format.md#callbacks.
#include "models/call_center.h"
#include "sim/rng/variates.h"

namespace ccsim::models {

// The estimate an ACD announces: every caller ahead, and this one, takes the type's mean
// handle time from one of its agents on duty. It ignores abandonment ahead and agents
// shared with other types, so it errs long in a multi-skill centre: a planner sets the
// threshold against what callers are told, which is this number.
double CallCenter::announced_wait_s(ContactTypeId k, QueueId q, std::uint32_t slot) const {
  // A chat's agents each serve, when full, their sessions over the handle factor for as
  // many: as many customers as that at once.
  const bool chat = has_any(k, kChat);
  double agents = 0.0;
  for (const AgentGroupId g : spec_.contact_types[k].groups) {
    const AgentGroupSpec& a = spec_.agent_groups[g];
    agents += agents_.counts(g).on_duty * (chat ? a.chat_sessions / a.chat_handle_factor(a.chat_sessions) : 1.0);
  }
  if (agents == 0.0) return sim::kNever;
  const double scale = handle_scale_.empty() ? 1.0 : handle_scale_[index(k) * spec_.num_periods + slot];
  return static_cast<double>(queues_[q].size() + 1) * mean_handle_s_[index(k)] * scale / agents;
}

bool CallCenter::offer_callback(ContactId c, ContactTypeId k, QueueId q) {
  const CallbackSpec& cb = *spec_.contact_types[k].callback;
  const double wait_s = announced_wait_s(k, q, pool_.slot(c));
  if (!(wait_s > cb.offer_above_wait_s)) return false;
  sim::Mrg32k3a& s = streams_[k].callback;
  const bool accepted = cb.p_accept >= 1.0 || (cb.p_accept > 0.0 && s.next_u01() < cb.p_accept);
  lifecycle_.callback_offered(now(), pool_.slot(c), c, k, accepted, wait_s, now() - pool_.arrival_s(c));
  if (!accepted) return false;
  release_line(c);
  pool_.keep_customer(c);
  pool_.bump_generation(c);
  ContactPool::Callback& r = pool_.callback(c);
  r = ContactPool::Callback{now(), 0.0, pool_.slot(c), k, 0, ContactPool::Dial::Reached};
  // The customer's talk is the serving type's, drawn from its own Service and WrapUp
  // streams (it has no calls of its own to share them with), scaled to its AHT of the
  // period the callback was accepted in.
  const ContactTypeSpec& to = spec_.contact_types[cb.to];
  TypeStreams& ts = streams_[cb.to];
  const double f = handle_scale_.empty() ? 1.0 : handle_scale_[index(cb.to) * spec_.num_periods + pool_.slot(c)];
  pool_.talk_s(c) = sim::sample(to.talk, ts.service) * f;
  r.wrap_s = to.wrap_up ? sim::sample(*to.wrap_up, ts.wrap_up) * f : 0.0;
  pool_.type(c) = cb.to;
  if (cb.delay)
    schedule(now() + sim::sample(*cb.delay, s), CcEvent::CallbackDue, CcPriority::Normal, index(c));
  else
    on_callback_due(c);  // at once: it keeps its place among the waits
  return true;
}

// A dial joins the serving type's queue as a contact of that type (or goes to an idle
// agent). Where the centre disconnects at its close, no dial is made after it.
void CallCenter::on_callback_due(ContactId c) {
  if (spec_.mode == RunMode::Day && spec_.closing != Closing::ServeAfterClose && arrivals_closed_) {
    fail_callback(c);
    return;
  }
  const ContactTypeId k = pool_.type(c);
  const std::uint32_t slot = slot_now();
  lifecycle_.arrival(now(), slot, k, index(c), true, CallKind::CallbackAttempt);
  pool_.slot(c) = slot;
  pool_.arrival_s(c) = now();
  route_to_agents(c);
}

// The dial takes a trunk line when one is free (else it fails at once) and the agent's
// `dial` time; a customer who answers then takes its talk and wrap-up (the pair's
// multiplier applied to both).
CallCenter::AgentTime CallCenter::dial(ContactId c, double multiplier, double talk_s) {
  ContactPool::Callback& r = pool_.callback(c);
  const CallbackSpec& cb = *spec_.contact_types[r.from].callback;
  sim::Mrg32k3a& s = streams_[r.from].callback;
  ++r.dials;
  r.last = ContactPool::Dial::NoLine;
  double dial_s = 0.0;
  if (!spec_.trunk_lines || lines_busy_ < *spec_.trunk_lines) {
    lines_busy_ += spec_.trunk_lines.has_value();  // counted only where limited
    dial_s = cb.dial ? sim::sample(*cb.dial, s) : 0.0;
    const bool reached = cb.p_reach >= 1.0 || (cb.p_reach > 0.0 && s.next_u01() < cb.p_reach);
    r.last = reached ? ContactPool::Dial::Reached : ContactPool::Dial::Unanswered;
  }
  if (r.last != ContactPool::Dial::Reached) return {dial_s, 0.0};
  lifecycle_.callback_completed(r.slot, r.from, now() + dial_s - r.accepted_s);
  return {talk_s + dial_s, r.wrap_s * multiplier};
}

// The agent hangs up without a wrap-up; the callback is dialled again later, or fails (no
// dial left, or the centre closed and dials no more).
void CallCenter::end_unanswered_dial(ContactId c) {
  const AgentId a = pool_.agent(c);
  const ContactTypeId k = pool_.type(c);
  ContactPool::Callback& r = pool_.callback(c);
  lifecycle_.talk_end(now(), c, k, a, agents_.group(a));
  if (r.last == ContactPool::Dial::Unanswered) release_line(c);
  const CallbackSpec& cb = *spec_.contact_types[r.from].callback;
  const bool closed = spec_.mode == RunMode::Day && spec_.closing != Closing::ServeAfterClose && arrivals_closed_;
  if (r.dials < cb.max_attempts && !closed) {
    const double next_s = sim::sample(*cb.retry_delay, streams_[r.from].callback);
    lifecycle_.callback_unreached(now(), c, k, next_s);
    pool_.bump_generation(c);
    schedule(now() + next_s, CcEvent::CallbackDue, CcPriority::Normal, index(c));
  } else {
    lifecycle_.callback_unreached(now(), c, k, 0.0);
    fail_callback(c);
  }
  agent_free(a);
}

void CallCenter::fail_callback(ContactId c) {
  const ContactPool::Callback& r = pool_.callback(c);
  lifecycle_.callback_failed(now(), c, pool_.type(c), r.slot, r.from, pool_.customer_slot(c), pool_.customer_type(c));
  pool_.release(c);
}

}  // namespace ccsim::models
