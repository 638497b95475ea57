// Routing: the policy decides (models/routing/), this file applies its decisions: serve
// now, wait in a queue (with a patience deadline and eligibility timers), or block; and
// when agents become idle, which waiting contacts they take.
#include <algorithm>
#include <type_traits>
#include <vector>

#include <fmt/format.h>

#include "models/call_center.h"
#include "models/invariant.h"
#include "sim/rng/variates.h"

namespace ccsim::models {

RoutingView CallCenter::view() const {
  return RoutingView(now(), agents_.counts_data(), queues_.raw().data(), &agents_);
}

RoutingView CallCenter::chat_view(bool only_chat_queues) const {
  return RoutingView(now(), agents_.counts_data(), queues_.raw().data(), &agents_,
                     only_chat_queues ? chat_queues_.data() : nullptr, true);
}

bool CallCenter::at_cap(AgentGroupId g, Channel c) const {
  if (c == Channel::Email) return agents_.on_email(g) >= email_cap_[index(g)];
  return c == Channel::Chat && agents_.chatting(g) >= chat_cap_[index(g)];
}

RoutingView CallCenter::arrival_view(ContactTypeId k) {
  return has_any(k, kChat) && chat_cap_.empty() ? chat_view(false) : capped_view(k);
}

// An agent holding chats may take one more whatever the cap: it is counted already.
RoutingView CallCenter::capped_view(ContactTypeId k) {
  const Channel c = spec_.contact_types[k].channel;
  for (std::size_t g = 0; g < scratch_counts_.size(); ++g) {
    scratch_counts_[g] = agents_.counts(make_id<AgentGroupId>(g));
    if (at_cap(make_id<AgentGroupId>(g), c)) scratch_counts_[g].idle = 0;
  }
  return RoutingView(now(), scratch_counts_.data(), queues_.raw().data(), &agents_, nullptr, c == Channel::Chat);
}

RoutingView CallCenter::free_view(AgentGroupId g) {
  if (email_cap_.empty() || (email_cap_[index(g)] == kNoId && chat_cap_[index(g)] == kNoId)) return view();
  const bool email_full = at_cap(g, Channel::Email);
  const bool chat_full = at_cap(g, Channel::Chat);
  for (std::size_t k = 0; k < shown_queues_.size(); ++k) {
    const Channel c = spec_.contact_types[make_id<ContactTypeId>(k)].channel;
    shown_queues_[k] = !((c == Channel::Email && email_full) || (c == Channel::Chat && chat_full));
  }
  return RoutingView(now(), agents_.counts_data(), queues_.raw().data(), &agents_, shown_queues_.data());
}

void CallCenter::route_to_agents(ContactId c) {
  const ContactTypeId k = pool_.type(c);
  pool_.enqueue_s(c) = now();
  if (spec_.closing != Closing::ServeAfterClose && closed_to(k)) [[unlikely]] {
    lifecycle_.disconnected(now(), pool_.slot(c), c, k, kNoQueue, 0.0, now() - pool_.arrival_s(c));
    end_attempt(c, AttemptEnd::Disconnected);
    return;
  }
  Contact contact{c, k, pool_.arrival_s(c)};
  // A lambda of this function's own, which the compiler keeps in line (a decision shared
  // with interrupt_work went out of line: 4 % more instructions per call on model A).
  const auto decide = [&](const RoutingView& v) {
    return std::visit(
        [&](const auto& policy) {
          if constexpr (draws_on_arrival<std::remove_cvref_t<decltype(policy)>>) contact.u = tie_break_.next_u01();
          return policy.on_arrival(contact, v);
        },
        router_);
  };
  // Two calls, so that a call's decision sees a view whose chat and cap terms fold away.
  const bool own_view = has_any(k, kOwnView);
  const RouteDecision d = own_view ? decide(arrival_view(k)) : decide(view());
  if (const auto* serve = std::get_if<ServeBy>(&d)) {
    if (own_view && has_any(k, kChat)) [[unlikely]]
      start_chat(c, k, serve->group, kNoQueue, serve->idle_agent);
    else
      start_service(c, serve->group, kNoQueue, serve->idle_agent);
  } else if (const auto* enq = std::get_if<Enqueue>(&d)) {
    const QueueId q = enq->queue;
    if ((any_traits_ & kInterruptible) && !has_any(k, kDeferred | kChat | kServesCallbacks | kOutbound) &&
        interrupt_work(c, k))
      [[unlikely]]
      return;
    if (has_any(k, kOffersCallbacks | kBalks) && leaves_before_queueing(c, k, q)) [[unlikely]]
      return;
    const ContactTypeSpec& type = spec_.contact_types[k];
    pool_.queue(c) = q;
    lifecycle_.queued(now(), c, k, q);
    queues_[q].push(WaitingQueue::Entry{c, pool_.generation(c), now()});
    double patience_s = sim::kNever;
    if (type.patience) {
      const double draw = pool_.patience_draw(c);
      sim::ReplayedUniform replay{draw};
      patience_s = type.patience->uses_one_draw() ? sim::sample(*type.patience, replay) : draw;
      if (!patience_scale_.empty()) patience_s *= patience_scale_[index(k) * spec_.num_periods + pool_.slot(c)];
    }
    // One deadline per wait: the caller's patience, or the centre's maximum wait when it
    // comes first or at the same instant (the caller was still willing to wait).
    if (type.max_wait_s && *type.max_wait_s <= patience_s)
      schedule(now() + *type.max_wait_s, CcEvent::MaxWaitReached, CcPriority::Normal, index(c), pool_.generation(c));
    else if (type.patience)
      schedule(now() + patience_s, CcEvent::PatienceExpired, CcPriority::Normal, index(c), pool_.generation(c));
    schedule_router_timer(c, 0);
  } else {
    lifecycle_.blocked(now(), pool_.slot(c), k, BlockedAt::Router, index(c), now() - pool_.arrival_s(c));
    end_attempt(c, AttemptEnd::Blocked);
  }
}

bool CallCenter::leaves_before_queueing(ContactId c, ContactTypeId k, QueueId q) {
  if (has_any(k, kOffersCallbacks) && offer_callback(c, k, q)) return true;
  if (!has_any(k, kBalks) || !(pool_.balk_u(c) < balk_probability(c, k, q))) return false;
  lifecycle_.balked(now(), pool_.slot(c), c, k, now() - pool_.arrival_s(c));
  end_attempt(c, AttemptEnd::Balked);
  return true;
}

double CallCenter::balk_probability(ContactId c, ContactTypeId k, QueueId q) const {
  const ContactTypeSpec& type = spec_.contact_types[k];
  if (const auto& balk = type.balk_p_by_queue_length; !balk.empty())
    return balk[std::min(queues_[q].size(), balk.size() - 1)];
  const double wait_s = announced_wait_s(k, q, pool_.slot(c));
  double p = 0.0;
  for (const ContactTypeSpec::BalkStep& step : type.balk_by_announced_wait) {
    if (!(wait_s > step.above_s)) break;
    p = step.p;
  }
  return p;
}

template <bool kBlended>
void CallCenter::assign_idle_agents(AgentGroupId g) {
  while (agents_.counts(g).idle > 0) {
    const RoutingView v = kBlended ? free_view(g) : view();
    const std::optional<QueueId> q =
        std::visit([&](const auto& policy) { return policy.on_agent_free(g, v); }, router_);
    if (!q) break;
    WaitingQueue& queue = queues_[*q];
    if (queue.empty()) [[unlikely]]
      fail_invariant(now(), "assign", fmt::format("group={}", spec_.agent_groups[g].name),
                     "router chose an empty queue");
    const ContactId c = queue.head().contact;
    if constexpr (kBlended) {
      if (chat_queues_[index(*q)] != 0) {
        start_chat(c, pool_.type(c), g, *q);
        continue;
      }
    }
    start_service(c, g, *q);
  }
  if constexpr (kBlended) {
    if (agents_.counts(g).chat_open > 0) offer_chat_slots(g);
    if ((any_traits_ & kOutbound) && dialer_of_[index(g)] != kNoId) dialers_due();
  }
}

template void CallCenter::assign_idle_agents<false>(AgentGroupId g);
template void CallCenter::assign_idle_agents<true>(AgentGroupId g);

void CallCenter::assign_free_agents(AgentGroupId g) {
  if (any_traits_ & kBlendedTraits)
    assign_idle_agents<true>(g);
  else
    assign_idle_agents<false>(g);
}

void CallCenter::offer_chat_slots(AgentGroupId g) {
  while (agents_.counts(g).chat_open > 0) {
    const RoutingView v = chat_view(true);
    const std::optional<QueueId> q =
        std::visit([&](const auto& policy) { return policy.on_agent_free(g, v); }, router_);
    if (!q) return;
    WaitingQueue& queue = queues_[*q];
    if (queue.empty() || chat_queues_[index(*q)] == 0) [[unlikely]]
      fail_invariant(now(), "assign", fmt::format("group={}", spec_.agent_groups[g].name),
                     "router chose an empty queue, or a queue other than a chat's for an agent holding chats");
    const ContactId c = queue.head().contact;
    start_chat(c, pool_.type(c), g, *q);
  }
}

void CallCenter::on_patience_expired(ContactId c) {
  const ContactTypeId k = pool_.type(c);
  const QueueId q = pool_.queue(c);
  lifecycle_.abandoned(now(), pool_.slot(c), c, k, q, now() - pool_.enqueue_s(c), now() - pool_.arrival_s(c));
  end_attempt(c, AttemptEnd::Abandoned);  // bumps the generation: the queue entry is now stale
  queues_[q].remove_stale(pool_);
}

void CallCenter::on_max_wait(ContactId c) {
  const ContactTypeId k = pool_.type(c);
  const QueueId q = pool_.queue(c);
  lifecycle_.timed_out(now(), pool_.slot(c), c, k, q, now() - pool_.enqueue_s(c), now() - pool_.arrival_s(c));
  end_attempt(c, AttemptEnd::TimedOut);
  queues_[q].remove_stale(pool_);
}

bool CallCenter::eligible_on_duty(ContactTypeId k) const {
  for (const AgentGroupId g : spec_.contact_types[k].groups)
    if (agents_.counts(g).on_duty > 0) return true;
  return false;
}

// A callback waits off the line for an agent; the close ends it before it gets here. An
// e-mail waits in the backlog whoever is on duty, and none arrives after the close.
bool CallCenter::closed_to(ContactTypeId k) const {
  if (spec_.mode != RunMode::Day || spec_.closing == Closing::ServeAfterClose ||
      has_any(k, kServesCallbacks | kDeferred))
    return false;
  if (arrivals_closed_) return true;
  return spec_.closing == Closing::DisconnectNoAgent && !eligible_on_duty(k);
}

// Head first, so the trace reads in queue order; each caller's pending timers go stale
// with its record.
void CallCenter::disconnect_waiting(QueueId q) {
  WaitingQueue& queue = queues_[q];
  if (queue.empty()) return;
  std::vector<ContactId> waiting;
  waiting.reserve(queue.size());
  queue.for_each_live(pool_, [&](const WaitingQueue::Entry& e) { waiting.push_back(e.contact); });
  const bool callbacks = serves_callbacks(make_id<ContactTypeId>(index(q)));
  for (const ContactId c : waiting) {
    lifecycle_.disconnected(now(), pool_.slot(c), c, pool_.type(c), q, now() - pool_.enqueue_s(c),
                            now() - pool_.arrival_s(c));
    if (callbacks)
      fail_callback(c);
    else
      end_attempt(c, AttemptEnd::Disconnected);
  }
  queue.clear();
}

// The backlog waits for the next day's agents, not for those who stay to serve the last
// calls: it leaves its queue, its pending timers go stale, and run() counts it unserved.
// An interrupted e-mail was answered in the day: it stays for the agents who stay to
// finish it, or with none of its groups' agents on duty, is left unfinished.
void CallCenter::carry_backlog(QueueId q) {
  WaitingQueue& queue = queues_[q];
  const ContactTypeId k = make_id<ContactTypeId>(index(q));
  const double due_s = spec_.service_level_of(k).awt_s;
  const bool interruptible = has_any(k, kInterruptible);
  const bool someone_stays = std::ranges::any_of(spec_.contact_types[k].groups,
                                                 [&](AgentGroupId g) { return agents_.counts(g).on_duty > 0; });
  std::vector<WaitingQueue::Entry> answered;
  queue.for_each_live(pool_, [&](const WaitingQueue::Entry& e) {
    const ContactId c = e.contact;
    if (interruptible && pool_.interrupted(c)) {
      if (someone_stays)
        answered.push_back(e);
      else
        leave_unfinished(c, now());
      return;
    }
    const double wait_s = now() - pool_.enqueue_s(c);
    lifecycle_.backlog_at_close(now(), pool_.slot(c), pool_.type(c), q, wait_s > due_s, wait_s,
                                now() - pool_.arrival_s(c));
    pool_.bump_generation(c);
    carried_.push_back(c);
  });
  queue.clear();
  for (const WaitingQueue::Entry& e : answered) queue.push(e);
}

std::span<const EligibilityTimer> CallCenter::router_timers(ContactTypeId k) const {
  return std::visit(
      [&](const auto& policy) -> std::span<const EligibilityTimer> {
        if constexpr (requires { policy.timers(k); })
          return policy.timers(k);
        else
          return {};
      },
      router_);
}

// Timers run one at a time, shortest delay first: the next is scheduled only while
// the call is still waiting, so a call answered early leaves at most one stale timer.
void CallCenter::schedule_router_timer(ContactId c, std::size_t i) {
  const std::span<const EligibilityTimer> timers = router_timers(pool_.type(c));
  if (i >= timers.size()) return;
  if (i >= 0xff) [[unlikely]]
    fail_invariant(now(), "schedule_router_timer", fmt::format("contact=#{}", index(c)),
                   "more than 255 eligibility timers for one contact type (the loader allows 255)");
  schedule(pool_.enqueue_s(c) + timers[i].delay_s, CcEvent::RouteTimer, CcPriority::Normal, index(c),
           pool_.generation(c), static_cast<std::uint8_t>(i));
}

void CallCenter::on_route_timer(ContactId c, std::size_t i) {
  const std::uint32_t generation = pool_.generation(c);
  assign_free_agents(router_timers(pool_.type(c))[i].group);
  if (pool_.is_current(c, generation)) schedule_router_timer(c, i + 1);
}

}  // namespace ccsim::models
