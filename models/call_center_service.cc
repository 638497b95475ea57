// Service: an agent takes a contact, talks, hangs up (the caller leaves the system, or is
// transferred to another type; a served customer may return later), does its wrap-up,
// and is free again: idle for the next contact, or off if its shift ended meanwhile.
#include <fmt/format.h>

#include "models/call_center.h"
#include "models/invariant.h"

namespace ccsim::models {

// Group g's longest-idle agent, or its idle agent at position idle_agent, takes contact c,
// which waited in from_queue (at its head) or arrives now (kNoQueue).
void CallCenter::start_service(ContactId c, AgentGroupId g, QueueId from_queue, std::uint32_t idle_agent) {
  if (agents_.counts(g).idle == 0) [[unlikely]]
    fail_invariant(now(), "start_service", fmt::format("group={}, contact=#{}", spec_.agent_groups[g].name, index(c)),
                   "router chose a group with no idle agent");
  const AgentId a = idle_agent == kLongestIdle ? agents_.longest_idle(g) : chosen_idle_agent(c, g, idle_agent);
  const ContactTypeId k = pool_.type(c);
  const PairInfo& pi = pair_of_[index(k) * agents_.num_groups() + index(g)];
  if (pi.pair == kNoId) [[unlikely]]
    fail_invariant(now(), "start_service", fmt::format("group={}, contact=#{}", spec_.agent_groups[g].name, index(c)),
                   "router chose a group that does not serve the contact's type");
  // The multiplier scales the durations drawn at arrival, so draws (and CRN) are unchanged.
  AgentTime t{pool_.talk_s(c) * pi.multiplier, pool_.wrap_s(c) * pi.multiplier};
  if (has_any(k, kServesCallbacks | kInterruptible | kEmailWork | kOutbound)) [[unlikely]] {
    if (has_any(k, kEmailWork)) {
      lifecycle_.email_work_changes(now(), g);
      agents_.start_email_work(g);
    }
    if (has_any(k, kOutbound)) {
      lifecycle_.outbound_work_changes(now(), g);
      agents_.start_outbound_work(g);
    }
    if (has_any(k, kInterruptible)) {
      start_work(c, k, g, a, pi, from_queue, idle_agent);
      return;
    }
    if (has_any(k, kServesCallbacks)) t = dial(c, pi.multiplier, t.talk_s);
  }
  begin_talk(c, k, g, a, pi.pair, from_queue, t.talk_s, t.wrap_s);
  if (idle_agent == kLongestIdle) [[likely]]
    agents_.serve_longest_idle(g, c);
  else
    agents_.serve(a, c);
}

[[gnu::always_inline]] inline void CallCenter::begin_talk(ContactId c, ContactTypeId k, AgentGroupId g, AgentId a,
                                                         std::uint32_t pair, QueueId from_queue, double talk_s,
                                                         double wrap_s) {
  lifecycle_.answered(now(), pool_.slot(c), c, k, from_queue, a, g, pair, now() - pool_.enqueue_s(c),
                      talk_s + wrap_s, now() - pool_.arrival_s(c) + talk_s);
  if (from_queue != kNoQueue) queues_[from_queue].pop_head(pool_);
  pool_.wrap_s(c) = wrap_s;
  pool_.agent(c) = a;
  pool_.bump_generation(c);  // a pending patience event is now stale
  schedule(now() + talk_s, CcEvent::ServiceEnd, CcPriority::Release, index(c));
}

void CallCenter::start_work(ContactId c, ContactTypeId k, AgentGroupId g, AgentId a, const PairInfo& pi,
                            QueueId from_queue, std::uint32_t idle_agent) {
  const double talk_s = pool_.talk_s(c) * pi.multiplier;
  const double wrap_s = pool_.wrap_s(c) * pi.multiplier;
  if (pool_.interrupted(c)) {
    lifecycle_.resumed(now(), pool_.slot(c), c, k, from_queue, a, g, pi.pair, now() - pool_.put_aside_s(c), talk_s,
                       talk_s + wrap_s);
    pool_.set_interrupted(c, false);
  } else {
    lifecycle_.answered(now(), pool_.slot(c), c, k, from_queue, a, g, pi.pair, now() - pool_.enqueue_s(c),
                        talk_s + wrap_s, now() - pool_.arrival_s(c) + talk_s);
  }
  if (from_queue != kNoQueue) queues_[from_queue].pop_head(pool_);
  pool_.wrap_s(c) = wrap_s;
  pool_.agent(c) = a;
  pool_.bump_generation(c);
  schedule(now() + talk_s, CcEvent::WorkEnd, CcPriority::Release, index(c), pool_.generation(c));
  pool_.work_end_s(c) = now() + talk_s;
  if (idle_agent == kLongestIdle)
    agents_.serve_longest_idle(g, c);
  else
    agents_.serve(a, c);
  agents_.start_interruptible(a);
}

// The policy decides on the agents who work on interruptible e-mails as it would on idle
// ones (none of them idle: each group's longest-idle time is now).
bool CallCenter::interrupt_work(ContactId c, ContactTypeId k) {
  bool any = false;
  for (std::size_t g = 0; g < scratch_counts_.size(); ++g) {
    GroupCounts& n = scratch_counts_[g];
    n = agents_.counts(make_id<AgentGroupId>(g));
    // A group with idle agents kept them back (a reservation): the call waits, as it says.
    n.idle = n.idle > 0 ? 0 : agents_.interruptible(make_id<AgentGroupId>(g));
    n.chat_open = 0;
    any = any || n.idle > 0;
  }
  if (!any) return false;
  Contact contact{c, k, pool_.arrival_s(c)};
  const RoutingView v(now(), scratch_counts_.data(), queues_.raw().data());
  const RouteDecision d = std::visit(
      [&](const auto& policy) {
        if constexpr (draws_on_arrival<std::remove_cvref_t<decltype(policy)>>) contact.u = tie_break_.next_u01();
        return policy.on_arrival(contact, v);
      },
      router_);
  const auto* serve = std::get_if<ServeBy>(&d);
  if (serve == nullptr) return false;
  interrupt_for(c, k, serve->group);
  return true;
}

// Of group g, the agent whose work started last is interrupted, so that the least work is
// set back.
void CallCenter::interrupt_for(ContactId c, ContactTypeId k, AgentGroupId g) {
  const PairInfo& pi = pair_of_[index(k) * agents_.num_groups() + index(g)];
  if (agents_.interruptible(g) == 0 || pi.pair == kNoId) [[unlikely]]
    fail_invariant(now(), "interrupt_for", fmt::format("group={}, contact=#{}", spec_.agent_groups[g].name, index(c)),
                   "router chose a group with no agent on interruptible work, or one that does not serve the call");
  const AgentId a = agents_.last_interruptible(g);
  const ContactId e = agents_.contact(a);
  put_aside(a, g);
  agents_.hand_over(a, c);
  begin_talk(c, k, g, a, pi.pair, kNoQueue, pool_.talk_s(c) * pi.multiplier, pool_.wrap_s(c) * pi.multiplier);
  offer_put_aside(e);
}

// The item waits again as it did before it was first answered: its groups' idle agents (a
// back office that takes no calls) may take it now, and the eligibility timers still to
// come run again from its first enqueue time.
void CallCenter::offer_put_aside(ContactId e) {
  const std::uint32_t generation = pool_.generation(e);
  for (const AgentGroupId g : spec_.contact_types[pool_.type(e)].groups) {
    if (!pool_.is_current(e, generation)) return;  // resumed
    if (agents_.counts(g).idle > 0) assign_free_agents(g);
  }
  if (!pool_.is_current(e, generation)) return;
  const std::span<const EligibilityTimer> timers = router_timers(pool_.type(e));
  std::size_t i = 0;
  while (i < timers.size() && pool_.enqueue_s(e) + timers[i].delay_s <= now()) ++i;
  schedule_router_timer(e, i);
}

void CallCenter::leave_unfinished(ContactId e, double end_s) {
  lifecycle_.unfinished(now(), pool_.slot(e), pool_.type(e), pool_.queue(e), end_s - pool_.put_aside_s(e));
  pool_.release(e);
}

// The work left, in the drawn (unscaled) talk and wrap-up, is what the next agent's
// multiplier scales: an item that moves between groups keeps its share of the work done.
void CallCenter::put_aside(AgentId a, AgentGroupId g) {
  const ContactId e = agents_.contact(a);
  const ContactTypeId k = pool_.type(e);
  const QueueId q = make_id<QueueId>(index(k));
  const PairInfo& pi = pair_of_[index(k) * agents_.num_groups() + index(g)];
  const double talk_left_s = pool_.work_end_s(e) - now();
  lifecycle_.interrupted(now(), pool_.slot(e), e, k, q, a, g, pi.pair, talk_left_s, talk_left_s + pool_.wrap_s(e));
  lifecycle_.email_work_changes(now(), g);
  agents_.end_email_work(g);
  pool_.talk_s(e) = talk_left_s / pi.multiplier;
  pool_.wrap_s(e) /= pi.multiplier;
  pool_.bump_generation(e);  // its WorkEnd is now stale
  pool_.set_interrupted(e, true);
  pool_.put_aside_s(e) = now();
  pool_.queue(e) = q;
  // Its first enqueue time keeps it in its place among the heads a policy compares.
  queues_[q].push_front(WaitingQueue::Entry{e, pool_.generation(e), pool_.enqueue_s(e)});
}

// A chat goes to the group's agent with the fewest sessions (AgentPool::pick_session),
// or to the idle agent a policy picking agents named by its position (a position past
// the idle agents: the longest idle, or with none idle, the agent with the fewest
// sessions). Its handle time grows with the sessions the agent then holds. A group at its
// cap on chat has no idle agent for it.
void CallCenter::start_chat(ContactId c, ContactTypeId k, AgentGroupId g, QueueId from_queue,
                            std::uint32_t idle_agent) {
  const GroupCounts& n = agents_.counts(g);
  const std::uint32_t idle = chat_cap_.empty() || !at_cap(g, Channel::Chat) ? n.idle : 0;
  const PairInfo& pi = pair_of_[index(k) * agents_.num_groups() + index(g)];
  if (idle + n.chat_open == 0 || pi.pair == kNoId || (idle_agent != kLongestIdle && idle_agent >= idle + n.chat_open))
      [[unlikely]]
    fail_invariant(now(), "start_chat", fmt::format("group={}, contact=#{}", spec_.agent_groups[g].name, index(c)),
                   fmt::format("router chose a group with no agent free for a chat, one that does not serve its "
                               "type, or agent {} of {} free for it",
                               idle_agent, idle + n.chat_open));
  // A draw past the idle agents still takes an idle one while there is one: a chat never
  // joins an agent's sessions while an agent of its group is idle.
  AgentPool::SessionPick pick;
  if (idle == 0)
    pick = agents_.pick_session(g, true);
  else if (idle_agent == kLongestIdle || idle_agent >= idle)
    pick = agents_.pick_session(g);
  else
    pick = AgentPool::SessionPick{chosen_idle_agent(c, g, idle_agent), 1};
  const double scale = pi.multiplier * spec_.agent_groups[g].chat_handle_factor(pick.sessions);
  begin_talk(c, k, g, pick.agent, pi.pair, from_queue, pool_.talk_s(c) * scale, pool_.wrap_s(c) * scale);
  lifecycle_.sessions_change(now(), g);
  agents_.serve_session(g, pick, c);
}

AgentId CallCenter::chosen_idle_agent(ContactId c, AgentGroupId g, std::uint32_t idle_agent) const {
  if (!agents_.indexes_idle() || idle_agent >= agents_.counts(g).idle)
    fail_invariant(now(), "start_service", fmt::format("group={}, contact=#{}", spec_.agent_groups[g].name, index(c)),
                   fmt::format("router chose idle agent {} of {} (positions are kept only for a policy "
                               "that picks idle agents)",
                               idle_agent, agents_.counts(g).idle));
  return agents_.idle_agent(g, idle_agent);
}

bool CallCenter::end_chat_session(AgentId a) {
  const AgentGroupId g = agents_.group(a);
  lifecycle_.sessions_change(now(), g);
  if (!agents_.end_session(a)) return false;  // its last: the agent is free as after a call
  lifecycle_.session_end(now(), a, g);
  offer_chat_slots(g);
  return true;
}

void CallCenter::agent_free(AgentId a) {
  if (any_traits_ & kBlendedTraits) [[unlikely]]
    free_agent<true>(a);
  else
    free_agent<false>(a);
}

template <bool kBlended>
void CallCenter::free_agent(AgentId a) {
  const AgentGroupId g = agents_.group(a);
  if (agents_.state(a) != AgentState::Busy && agents_.state(a) != AgentState::WrapUp) [[unlikely]]
    fail_invariant(now(), "agent_free", fmt::format("group={}, agent=#{}", spec_.agent_groups[g].name, index(a)),
                   "the agent is not busy");
  if constexpr (kBlended)
    if ((any_traits_ & kChat) && agents_.sessions(a) > 0 && end_chat_session(a)) return;
  const bool leaving = agents_.leaving(a);
  // An agent who goes off (to its break, or logged off) may have freed a place under its
  // group's cap, which the group's idle agents take.
  const auto offer_freed_place = [&] {
    if constexpr (kBlended)
      if (!email_cap_.empty() && agents_.counts(g).idle > 0) assign_idle_agents<true>(g);
  };
  if (agents_.waiting(a) && !leaving && take_due_break(a)) {  // from the contact straight to its break
    offer_freed_place();
    return;
  }
  lifecycle_.agent_free(now(), a, g, leaving);
  if (!agents_.free(a, now())) {  // logged off
    offer_freed_place();
    return;
  }
  assign_idle_agents<kBlended>(g);
}

// At the end of the talk: whether the call is transferred. If so, the agent and the caller
// go on together for the transfer's handle time (TransferTalkEnd ends it), which counts
// as the leg's talk: time in system and the agent's handle time.
bool CallCenter::plan_transfer(ContactId c, ContactTypeId k) {
  const std::vector<TransferSpec>& transfers = spec_.contact_types[k].transfers;
  double total = 0.0;
  for (const TransferSpec& t : transfers) total += t.p;
  if (total <= 0.0) return false;  // draws nothing: the run without transfers
  sim::Mrg32k3a& s = streams_[k].after_service;
  const double u = s.next_u01();
  double cumulative = 0.0;
  for (const TransferSpec& t : transfers) {
    cumulative += t.p;
    if (u < cumulative) {
      pool_.transfer_to(c) = index(t.to);
      const double handle_s = sim::sample(t.handle, s);
      const AgentGroupId g = agents_.group(pool_.agent(c));
      lifecycle_.handover(pool_.slot(c), k, pair_of_[index(k) * agents_.num_groups() + index(g)].pair, handle_s);
      schedule(now() + handle_s, CcEvent::TransferTalkEnd, CcPriority::Release, index(c));
      return true;
    }
  }
  return false;
}

// A served customer of type k may call again later, as a new call.
void CallCenter::plan_return(ContactId c, ContactTypeId k) {
  const ReturnSpec& r = *spec_.contact_types[k].returns;
  sim::Mrg32k3a& s = streams_[k].after_service;
  if (r.p <= 0.0 || (r.p < 1.0 && s.next_u01() >= r.p)) return;
  const double delay_s = sim::sample(r.delay, s);
  lifecycle_.return_planned(now(), c, k, delay_s);
  schedule(now() + delay_s, CcEvent::ReturnDue, CcPriority::Normal, index(r.as));
}

void CallCenter::on_service_end(ContactId c) {
  const ContactTypeId k = pool_.type(c);
  if (has_any(k, kServesCallbacks | kTransfers)) [[unlikely]]
    end_dial_or_transfer(c, k);
  else
    end_talk(c, false);
}

void CallCenter::end_dial_or_transfer(ContactId c, ContactTypeId k) {
  if (has_any(k, kServesCallbacks) && pool_.callback(c).last != ContactPool::Dial::Reached)
    end_unanswered_dial(c);
  else if (!has_any(k, kTransfers) || !plan_transfer(c, k))
    end_talk(c, false);
}

void CallCenter::end_talk(ContactId c, bool transferring) {
  const AgentId a = pool_.agent(c);
  const double wrap_s = pool_.wrap_s(c);
  const ContactTypeId k = pool_.type(c);
  lifecycle_.talk_end(now(), c, k, a, agents_.group(a));
  if (transferring) [[unlikely]] {
    // The caller joins its next queue before the agent is free (the agent is in wrap-up).
    transfer(c);
  } else {
    if (has_any(k, kReturns | kEmailWork | kOutbound)) [[unlikely]] {
      end_talk_by_rules(c, k, a, wrap_s);
      return;
    }
    leave_system(c);
  }
  if (wrap_s > 0.0) {
    agents_.start_wrap_up(a);
    schedule(now() + wrap_s, CcEvent::WrapUpEnd, CcPriority::Release, index(a));
  } else {
    agent_free(a);
  }
}

// An e-mail's or outbound customer's wrap-up ends with its own event kind, so that no
// other wrap-up pays for the count of agents on the channel.
void CallCenter::end_talk_by_rules(ContactId c, ContactTypeId k, AgentId a, double wrap_s) {
  if (has_any(k, kReturns)) plan_return(c, k);
  leave_system(c);
  const bool email = has_any(k, kEmailWork);
  const bool outbound = has_any(k, kOutbound);
  if (wrap_s > 0.0) {
    agents_.start_wrap_up(a);
    const CcEvent end = email ? CcEvent::EmailWrapUpEnd : outbound ? CcEvent::OutboundWrapUpEnd : CcEvent::WrapUpEnd;
    schedule(now() + wrap_s, end, CcPriority::Release, index(a));
  } else if (email) {
    end_email_work(a);
  } else if (outbound) {
    end_outbound_work(a);
  } else {
    agent_free(a);
  }
}

void CallCenter::end_email_work(AgentId a) {
  const AgentGroupId g = agents_.group(a);
  lifecycle_.email_work_changes(now(), g);
  agents_.end_email_work(g);
  agent_free(a);
}

void CallCenter::end_outbound_work(AgentId a) {
  const AgentGroupId g = agents_.group(a);
  lifecycle_.outbound_work_changes(now(), g);
  agents_.end_outbound_work(g);
  agent_free(a);
}

}  // namespace ccsim::models
