#include "models/call_center.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include <fmt/format.h>

#include "models/invariant.h"
#include "models/scenario/pairs.h"
#include "sim/rng/stream_id.h"
#include "sim/rng/variates.h"

namespace ccsim::models {
namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

sim::Mrg32k3a stream_for(const sim::Mrg32k3a& base, sim::Component c, std::uint32_t index, std::uint32_t purpose,
                         std::uint64_t replication) {
  return base.stream(sim::stream_number(c, index, purpose), replication);
}

}  // namespace

CallCenter::CallCenter(const ScenarioSpec& spec, const AnyRouter& router, std::uint64_t replication,
                       TraceSink* trace)
    : spec_(spec), router_(router), trace_(trace) {
  const std::size_t types = spec.contact_types.size();
  const std::size_t groups = spec.agent_groups.size();
  const std::size_t slots = spec.mode == RunMode::Day ? spec.num_periods : spec.steady.batches;

  queues_.resize(types);
  groups_.resize(groups);
  idle_agents_.resize(groups);
  track_idle_ = std::visit(
      [](const auto& policy) {
        using P = std::decay_t<decltype(policy)>;
        if constexpr (requires { P::kNeedsIdleTimes; })
          return P::kNeedsIdleTimes;
        else
          return false;
      },
      router_);
  queue_touched_s_.assign(types, 0.0);
  group_touched_s_.assign(groups, 0.0);
  const std::vector<TypeGroupPair> pairs = type_group_pairs(spec);
  pair_of_.assign(types * groups, PairInfo{kNoId, 1.0});
  for (std::size_t p = 0; p < pairs.size(); ++p)
    pair_of_[index(pairs[p].type) * groups + index(pairs[p].group)] =
        PairInfo{static_cast<std::uint32_t>(p), pairs[p].handle_time_multiplier};
  counters_.resize(types, groups, pairs.size(), slots + 1);
  discard_slot_ = static_cast<std::uint32_t>(slots);
  arrival_slot_ = discard_slot_;
  time_slot_ = discard_slot_;

  if (spec.mode == RunMode::SteadyState && spec.steady.calls > 0) batch_end_ = next_batch_end();

  const sim::Mrg32k3a base = sim::Mrg32k3a::from_seed(spec.seed);
  for (std::size_t k = 0; k < types; ++k) {
    const auto i = static_cast<std::uint32_t>(k);
    using P = sim::ContactTypePurpose;
    const auto ct = sim::Component::ContactType;
    arrivals_.push_back(ArrivalProcess(
        spec.contact_types[make_id<ContactTypeId>(k)].arrivals, spec.period_s, spec.num_periods,
        stream_for(base, sim::Component::Arrivals, i, static_cast<std::uint32_t>(sim::ArrivalPurpose::Interarrival),
                   replication)));
    streams_.push_back(TypeStreams{
        stream_for(base, ct, i, static_cast<std::uint32_t>(P::Patience), replication),
        stream_for(base, ct, i, static_cast<std::uint32_t>(P::Service), replication),
        stream_for(base, ct, i, static_cast<std::uint32_t>(P::WrapUp), replication),
        stream_for(base, ct, i, static_cast<std::uint32_t>(P::IvrPath), replication),
        stream_for(base, ct, i, static_cast<std::uint32_t>(P::IvrDuration), replication),
    });
  }
}

RoutingView CallCenter::view() const {
  return RoutingView(now(), groups_.raw().data(), groups_.size(), queues_.raw().data(), queues_.size(),
                     track_idle_ ? idle_agents_.raw().data() : nullptr);
}

void CallCenter::set_staffing(AgentGroupId g, std::uint32_t staffed) {
  AgentGroup& group = groups_[g];
  touch_group(g);
  const std::uint32_t idle_before = group.idle();
  group.staffed = staffed;
  if (!track_idle_) return;
  // New agents are idle from now; when staffing drops, the most recently idle leave.
  for (std::uint32_t i = idle_before; i < group.idle(); ++i) idle_agents_[g].push_back(now());
  for (std::uint32_t i = group.idle(); i < idle_before; ++i) idle_agents_[g].pop_back();
}

void CallCenter::trace(TraceWhat what, std::uint32_t contact, std::uint32_t type, std::uint32_t group,
                       double value) {
  trace_->record(TraceRecord{now(), what, contact, type, group, value});
}

ReplicationCounters CallCenter::run() {
  schedule_first_events();
  engine_.run_until(kInfinity, *this);
  if (time_slot_ != discard_slot_) switch_time_slot(discard_slot_);

  for (const WaitingQueue& q : queues_) counters_.unserved_at_end += q.size();
  std::uint64_t draws = 0;
  for (const ArrivalProcess& a : arrivals_) draws += a.draws();
  for (const TypeStreams& s : streams_)
    draws += s.patience.draws() + s.service.draws() + s.wrap_up.draws() + s.ivr_path.draws() + s.ivr_duration.draws();
  counters_.events = engine_.events_dispatched();
  counters_.draws = draws;
  counters_.fingerprint = sim::internal::mix64(engine_.fingerprint(), draws);

  // Drop the discard slot: it held warm-up calls and time outside the window.
  const std::size_t slots = counters_.num_slots - 1;
  counters_.by_slot_type.resize(slots * counters_.num_types);
  counters_.by_slot_pair.resize(slots * counters_.num_pairs);
  counters_.by_slot_group.resize(slots * counters_.num_groups);
  counters_.slot_duration_s.resize(slots);
  counters_.num_slots = slots;
  return std::move(counters_);
}

void CallCenter::schedule_first_events() {
  if (spec_.mode == RunMode::Day) {
    arrivals_end_s_ = spec_.horizon_s();
    for (std::uint32_t k = 0; k < spec_.num_periods; ++k)
      schedule(sim::period_start(k, spec_.period_s), CcEvent::SlotStart, CcPriority::PeriodStart, k);
    schedule(arrivals_end_s_, CcEvent::WindowEnd, CcPriority::EndOfDay, 0);
  } else {
    const SteadyStateSpec& ss = spec_.steady;
    for (std::size_t g = 0; g < groups_.size(); ++g)
      set_staffing(make_id<AgentGroupId>(g), spec_.agent_groups[make_id<AgentGroupId>(g)].staffing.front());
    if (ss.calls > 0) {
      arrivals_end_s_ = kInfinity;
      schedule(ss.warmup_s, CcEvent::SlotStart, CcPriority::PeriodStart, 0);
    } else {
      arrivals_end_s_ = ss.warmup_s + ss.duration_s;
      // Batch b starts at warmup + b * (duration / batches), computed, not accumulated.
      for (std::uint32_t b = 0; b < ss.batches; ++b)
        schedule(ss.warmup_s + ss.duration_s * b / ss.batches, CcEvent::SlotStart, CcPriority::PeriodStart, b);
      schedule(arrivals_end_s_, CcEvent::WindowEnd, CcPriority::EndOfDay, 0);
    }
  }
  for (std::size_t k = 0; k < spec_.contact_types.size(); ++k) {
    const double t = arrivals_[make_id<ContactTypeId>(k)].next(0.0);
    if (t < arrivals_end_s_)
      schedule(t, CcEvent::Arrival, CcPriority::Normal, static_cast<std::uint32_t>(k));
  }
}

void CallCenter::dispatch(const sim::Event& e) {
  switch (static_cast<CcEvent>(e.kind)) {
    case CcEvent::Arrival:
      on_arrival(make_id<ContactTypeId>(e.subject));
      return;
    case CcEvent::IvrDone:
      on_ivr_done(make_id<ContactId>(e.subject));
      return;
    case CcEvent::PatienceExpired:
      if (!pool_.is_current(make_id<ContactId>(e.subject), e.generation)) return;  // served meanwhile
      on_patience_expired(make_id<ContactId>(e.subject));
      return;
    case CcEvent::ServiceEnd:
      on_service_end(make_id<ContactId>(e.subject));
      return;
    case CcEvent::WrapUpEnd:
      agent_free(make_id<AgentGroupId>(e.subject));
      return;
    case CcEvent::SlotStart:
      on_slot_start(e.subject);
      return;
    case CcEvent::WindowEnd:
      on_window_end();
      return;
    case CcEvent::RouteTimer:
      if (!pool_.is_current(make_id<ContactId>(e.subject), e.generation)) return;  // no longer waiting
      on_route_timer(make_id<ContactId>(e.subject), e.aux);
      return;
  }
  fail_invariant(now(), "dispatch", fmt::format("kind={}", e.kind), "event kind matches no CcEvent");
}

void CallCenter::on_arrival(ContactTypeId k) {
  if (arrivals_closed_) return;
  const ContactTypeSpec& type = spec_.contact_types[k];
  TypeStreams& s = streams_[k];
  const double t = now();

  const double next = arrivals_[k].next(t);
  if (next < arrivals_end_s_) schedule(next, CcEvent::Arrival, CcPriority::Normal, index(k));

  std::uint32_t slot;
  if (spec_.mode == RunMode::Day) {
    slot = std::min(static_cast<std::uint32_t>(t / spec_.period_s), spec_.num_periods - 1);
  } else if (spec_.steady.calls > 0 && arrival_slot_ != discard_slot_) {
    // Batch b holds the counted arrivals i with floor(i * B / N) == b, i.e. those
    // from ceil(b * N / B) on; the next boundary is computed once per batch.
    if (counted_arrivals_ == batch_end_) {
      ++batch_;
      batch_end_ = next_batch_end();
      switch_time_slot(batch_);
    }
    slot = batch_;
    ++counted_arrivals_;
  } else {
    slot = arrival_slot_;
  }
  ++counters_.arrivals;

  // Every offered call draws its patience, talk, wrap-up and IVR path, in this order,
  // even when blocked: a change that blocks more calls then shifts no later draw (CRN).
  // Patience is drawn now for every call, but a law sampled by inverting one uniform
  // keeps the uniform and is transformed only if the caller ever waits (most do not).
  double patience_draw = kInfinity;
  if (type.patience)
    patience_draw = type.patience->uses_one_draw() ? s.patience.next_u01() : sim::sample(*type.patience, s.patience);
  const double talk_s = sim::sample(type.talk, s.service);
  const double wrap_s = type.wrap_up ? sim::sample(*type.wrap_up, s.wrap_up) : 0.0;
  double ivr_u = 0.0;
  double ivr_s = 0.0;
  if (type.ivr) {
    ivr_u = s.ivr_path.next_u01();
    ivr_s = sim::sample(type.ivr->duration, s.ivr_duration);
  }

  TypeCounters& tc = counters_.type(slot, index(k));
  ++tc.offered;

  // A blocked call never gets a contact slot; an admitted one is traced with its slot
  // so a trace reader can follow the call until the slot is released.
  if (spec_.trunk_lines && lines_busy_ == *spec_.trunk_lines) {
    ++tc.blocked_trunk;
    if (trace_) {
      trace(TraceWhat::Arrival, kNoId, index(k), kNoId);
      trace(TraceWhat::BlockedTrunk, kNoId, index(k), kNoId);
    }
  } else if (type.ivr && spec_.ivr_ports && ports_busy_ == *spec_.ivr_ports) {
    ++tc.blocked_ivr;
    if (trace_) {
      trace(TraceWhat::Arrival, kNoId, index(k), kNoId);
      trace(TraceWhat::BlockedIvr, kNoId, index(k), kNoId);
    }
  } else {
    ++lines_busy_;
    const ContactId c = pool_.allocate();
    if (trace_) trace(TraceWhat::Arrival, index(c), index(k), kNoId);
    pool_.type(c) = k;
    pool_.slot(c) = slot;
    pool_.arrival_s(c) = t;
    pool_.patience_draw(c) = patience_draw;
    pool_.talk_s(c) = talk_s;
    pool_.wrap_s(c) = wrap_s;
    pool_.ivr_u(c) = ivr_u;
    if (type.ivr) {
      ++ports_busy_;
      if (trace_) trace(TraceWhat::IvrStart, index(c), index(k), kNoId);
      schedule(t + ivr_s, CcEvent::IvrDone, CcPriority::Release, index(c));
    } else {
      route_to_agents(c);
    }
  }

  if (spec_.mode == RunMode::SteadyState && spec_.steady.calls > 0 && counted_arrivals_ == spec_.steady.calls &&
      arrival_slot_ != discard_slot_)
    on_window_end();
}

std::uint64_t CallCenter::next_batch_end() const {
  const std::uint64_t n = spec_.steady.calls;
  const std::uint64_t b = spec_.steady.batches;
  return ((batch_ + 1) * n + b - 1) / b;
}

void CallCenter::on_ivr_done(ContactId c) {
  if (ports_busy_ == 0) [[unlikely]]
    fail_invariant(now(), "IvrDone", fmt::format("contact=#{}", index(c)), "IVR port count underflow");
  --ports_busy_;
  const ContactTypeId k = pool_.type(c);
  const IvrTreatment& ivr = *spec_.contact_types[k].ivr;
  const double u = pool_.ivr_u(c);
  TypeCounters& tc = counters_.type(pool_.slot(c), index(k));
  if (u < ivr.p_self_service) {
    ++tc.ivr_contained;
    if (trace_) trace(TraceWhat::IvrContained, index(c), index(k), kNoId);
    leave_system(c);
  } else if (u < ivr.p_self_service + ivr.p_hangup) {
    ++tc.ivr_abandoned;
    if (trace_) trace(TraceWhat::IvrHangup, index(c), index(k), kNoId);
    leave_system(c);
  } else {
    route_to_agents(c);
  }
}

void CallCenter::route_to_agents(ContactId c) {
  const ContactTypeId k = pool_.type(c);
  pool_.enqueue_s(c) = now();
  const Contact contact{c, k, pool_.arrival_s(c)};
  const RoutingView v = view();
  const RouteDecision d = std::visit([&](const auto& policy) { return policy.on_arrival(contact, v); }, router_);
  if (const auto* serve = std::get_if<ServeBy>(&d)) {
    start_service(c, serve->group);
  } else if (const auto* enq = std::get_if<Enqueue>(&d)) {
    const QueueId q = enq->queue;
    touch_queue(q);
    queues_[q].push(WaitingQueue::Entry{c, pool_.generation(c), now()});
    if (trace_) trace(TraceWhat::Queued, index(c), index(k), kNoId);
    if (const auto& patience = spec_.contact_types[k].patience) {
      const double draw = pool_.patience_draw(c);
      sim::ReplayedUniform replay{draw};
      const double patience_s = patience->uses_one_draw() ? sim::sample(*patience, replay) : draw;
      schedule(now() + patience_s, CcEvent::PatienceExpired, CcPriority::Normal, index(c), pool_.generation(c));
    }
    schedule_router_timer(c, 0);
  } else {
    ++counters_.type(pool_.slot(c), index(k)).blocked_router;
    if (trace_) trace(TraceWhat::BlockedRouter, index(c), index(k), kNoId);
    leave_system(c);
  }
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
  assign_idle_agents(router_timers(pool_.type(c))[i].group);
  if (pool_.is_current(c, generation)) schedule_router_timer(c, i + 1);
}

void CallCenter::start_service(ContactId c, AgentGroupId g) {
  AgentGroup& group = groups_[g];
  if (group.idle() == 0) [[unlikely]]
    fail_invariant(now(), "start_service", fmt::format("group={}, contact=#{}", spec_.agent_groups[g].name, index(c)),
                   "router chose a group with no idle agent");
  if (track_idle_) {
    if (idle_agents_[g].size() != group.idle()) [[unlikely]]
      fail_invariant(now(), "start_service", fmt::format("group={}", spec_.agent_groups[g].name),
                     "idle-time list out of step with the idle count");
    idle_agents_[g].pop_front();  // the agent idle longest takes the call
  }
  touch_group(g);
  ++group.busy;
  const ContactTypeId k = pool_.type(c);
  const PairInfo& pi = pair_of_[index(k) * groups_.size() + index(g)];
  if (pi.pair == kNoId) [[unlikely]]
    fail_invariant(now(), "start_service", fmt::format("group={}, contact=#{}", spec_.agent_groups[g].name, index(c)),
                   "router chose a group that does not serve the contact's type");
  const double wait_s = now() - pool_.enqueue_s(c);
  const bool within_awt = wait_s <= spec_.service_level.awt_s;
  const std::uint32_t slot = pool_.slot(c);
  TypeCounters& tc = counters_.type(slot, index(k));
  ++tc.answered;
  tc.answered_within_awt += within_awt;
  tc.waited += wait_s > 0.0;
  tc.wait_sum_answered_s += wait_s;
  tc.wait_sum_admitted_s += wait_s;
  ++counters_.group(slot, index(g)).answered;
  // The multiplier scales the durations drawn at arrival, so draws (and CRN) are unchanged.
  const double talk_s = pool_.talk_s(c) * pi.multiplier;
  const double wrap_s = pool_.wrap_s(c) * pi.multiplier;
  pool_.wrap_s(c) = wrap_s;
  PairCounters& pc = counters_.pair(slot, pi.pair);
  ++pc.answered;
  pc.answered_within_awt += within_awt;
  pc.wait_sum_s += wait_s;
  pc.handle_sum_s += talk_s + wrap_s;
  pool_.group(c) = g;
  pool_.bump_generation(c);  // a pending patience event is now stale
  if (trace_) trace(TraceWhat::Answered, index(c), index(k), index(g), wait_s);
  schedule(now() + talk_s, CcEvent::ServiceEnd, CcPriority::Release, index(c));
}

void CallCenter::on_service_end(ContactId c) {
  const AgentGroupId g = pool_.group(c);
  const double wrap_s = pool_.wrap_s(c);
  if (trace_) trace(TraceWhat::TalkEnd, index(c), index(pool_.type(c)), index(g));
  leave_system(c);
  if (wrap_s > 0.0)
    schedule(now() + wrap_s, CcEvent::WrapUpEnd, CcPriority::Release, index(g));
  else
    agent_free(g);
}

void CallCenter::on_patience_expired(ContactId c) {
  const ContactTypeId k = pool_.type(c);
  const QueueId q = make_id<QueueId>(index(k));
  const double wait_s = now() - pool_.enqueue_s(c);
  TypeCounters& tc = counters_.type(pool_.slot(c), index(k));
  ++tc.abandoned;
  tc.abandoned_short += wait_s < spec_.service_level.short_abandon_s;
  tc.waited += wait_s > 0.0;
  tc.wait_sum_admitted_s += wait_s;
  if (trace_) trace(TraceWhat::Abandoned, index(c), index(k), kNoId, wait_s);
  touch_queue(q);
  leave_system(c);  // bumps the generation: the queue entry is now stale
  queues_[q].remove_stale(pool_);
}

void CallCenter::leave_system(ContactId c) {
  if (lines_busy_ == 0) [[unlikely]]
    fail_invariant(now(), "leave_system", fmt::format("contact=#{}", index(c)), "trunk line count underflow");
  --lines_busy_;
  pool_.release(c);
}

void CallCenter::agent_free(AgentGroupId g) {
  AgentGroup& group = groups_[g];
  if (group.busy == 0) [[unlikely]]
    fail_invariant(now(), "agent_free", fmt::format("group={}", spec_.agent_groups[g].name), "busy count underflow");
  touch_group(g);
  --group.busy;
  if (trace_) trace(TraceWhat::AgentFree, kNoId, kNoId, index(g));
  // A ghost (staffing dropped while it was busy) leaves instead of taking a call.
  if (group.staffed > group.busy) {
    if (track_idle_) idle_agents_[g].push_back(now());
    assign_idle_agents(g);
  }
}

void CallCenter::assign_idle_agents(AgentGroupId g) {
  while (groups_[g].idle() > 0) {
    const RoutingView v = view();
    const std::optional<QueueId> q =
        std::visit([&](const auto& policy) { return policy.on_agent_free(g, v); }, router_);
    if (!q) return;
    WaitingQueue& queue = queues_[*q];
    if (queue.empty()) [[unlikely]]
      fail_invariant(now(), "assign", fmt::format("group={}", spec_.agent_groups[g].name),
                     "router chose an empty queue");
    const ContactId c = queue.head().contact;
    touch_queue(*q);
    queue.pop_head(pool_);
    start_service(c, g);
  }
}

void CallCenter::on_slot_start(std::uint32_t slot) {
  switch_time_slot(slot);
  if (spec_.mode == RunMode::SteadyState) {
    arrival_slot_ = slot;
    return;
  }
  for (std::size_t i = 0; i < groups_.size(); ++i) {
    const auto g = make_id<AgentGroupId>(i);
    const std::uint32_t staffed = spec_.agent_groups[g].staffing[slot];
    if (staffed == groups_[g].staffed) continue;
    set_staffing(g, staffed);
    if (trace_) trace(TraceWhat::StaffingChange, kNoId, kNoId, index(g), staffed);
  }
  for (std::size_t i = 0; i < groups_.size(); ++i) assign_idle_agents(make_id<AgentGroupId>(i));
}

void CallCenter::on_window_end() {
  switch_time_slot(discard_slot_);
  arrival_slot_ = discard_slot_;
  arrivals_closed_ = true;
}

void CallCenter::touch_queue(QueueId q) {
  const double t = now();
  double& last = queue_touched_s_[index(q)];
  counters_.type(time_slot_, index(q)).queue_area += static_cast<double>(queues_[q].size()) * (t - last);
  last = t;
}

void CallCenter::touch_group(AgentGroupId g) {
  const double t = now();
  double& last = group_touched_s_[index(g)];
  const double dt = t - last;
  const AgentGroup& group = groups_[g];
  GroupCounters& gc = counters_.group(time_slot_, index(g));
  gc.busy_area += group.busy * dt;
  gc.present_area += group.present() * dt;
  gc.staffed_area += group.staffed * dt;
  last = t;
}

void CallCenter::switch_time_slot(std::uint32_t slot) {
  for (std::size_t q = 0; q < queues_.size(); ++q) touch_queue(make_id<QueueId>(q));
  for (std::size_t g = 0; g < groups_.size(); ++g) touch_group(make_id<AgentGroupId>(g));
  counters_.slot_duration_s[time_slot_] += now() - time_slot_start_s_;
  time_slot_ = slot;
  time_slot_start_s_ = now();
}

}  // namespace ccsim::models
