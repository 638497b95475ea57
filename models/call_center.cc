#include "models/call_center.h"

#include <algorithm>
#include <limits>

#include <fmt/format.h>

#include "models/invariant.h"
#include "models/scenario/pairs.h"
#include "models/streams.h"
#include "sim/hash.h"

namespace ccsim::models {
namespace {

std::vector<AgentGroupId> groups_of(const Roster& roster) {
  std::vector<AgentGroupId> out;
  out.reserve(roster.agents.size());
  for (const Stint& s : roster.agents) out.push_back(s.group);
  return out;
}

bool any_chat_or_email(const ScenarioSpec& spec) {
  return std::ranges::any_of(spec.contact_types, [](const ContactTypeSpec& t) { return t.channel != Channel::Voice; });
}

std::size_t observed_slots(const ScenarioSpec& spec) {
  return spec.mode == RunMode::Day ? spec.num_periods : spec.steady.batches;
}

}  // namespace

CallCenter::CallCenter(const ScenarioSpec& spec, const AnyRouter& router, std::uint64_t replication,
                       TraceSink* trace)
    : spec_(spec),
      router_(router),
      queues_(spec.contact_types.size()),
      roster_(build_roster(spec)),
      agents_(spec.agent_groups.size(), groups_of(roster_), router_picks_idle_agent(router)),
      absent_(roster_.agents.size(), 0),
      breaks_due_(roster_.agents.size(), 0),
      breaks_taken_(roster_.agents.size(), 0),
      activity_(roster_.agents.size(), 0),
      aux_due_s_(roster_.agents.size(), 0.0),
      lifecycle_(KpiObserver(spec, type_group_pairs(spec).size(), observed_slots(spec), queues_.raw().data(),
                             agents_.counts_data(), any_chat_or_email(spec) ? agents_.channel_counts_data() : nullptr),
                 trace) {
  const std::size_t types = spec.contact_types.size();
  const std::size_t groups = spec.agent_groups.size();
  const std::vector<TypeGroupPair> pairs = type_group_pairs(spec);
  pair_of_.assign(types * groups, PairInfo{kNoId, 1.0});
  for (std::size_t p = 0; p < pairs.size(); ++p)
    pair_of_[index(pairs[p].type) * groups + index(pairs[p].group)] =
        PairInfo{static_cast<std::uint32_t>(p), pairs[p].handle_time_multiplier};
  arrival_slot_ = lifecycle_.kpi().discard_slot();
  const auto per_period_scale = [&](auto per_period, auto law_mean) {
    std::vector<double> scale;
    for (std::size_t k = 0; k < types; ++k)
      if (!per_period(spec.contact_types[make_id<ContactTypeId>(k)]).empty()) scale.assign(types * spec.num_periods, 1.0);
    for (std::size_t k = 0; k < types && !scale.empty(); ++k) {
      const ContactTypeSpec& t = spec.contact_types[make_id<ContactTypeId>(k)];
      const std::vector<double>& means = per_period(t);
      for (std::size_t p = 0; p < means.size(); ++p) scale[k * spec.num_periods + p] = means[p] / law_mean(t);
    }
    return scale;
  };
  handle_scale_ = per_period_scale([](const ContactTypeSpec& t) -> const auto& { return t.aht_per_period_s; },
                                   [](const ContactTypeSpec& t) {
                                     return t.talk.mean() + (t.wrap_up ? t.wrap_up->mean() : 0.0);
                                   });
  patience_scale_ = per_period_scale([](const ContactTypeSpec& t) -> const auto& { return t.patience_per_period_s; },
                                     [](const ContactTypeSpec& t) { return t.patience->mean(); });

  if (spec.mode == RunMode::SteadyState && spec.steady.calls > 0) batch_end_ = next_batch_end();

  const sim::Mrg32k3a base = sim::Mrg32k3a::from_seed(spec.seed);
  // A transferred leg or a return may arrive at any type: each then has its Leg stream.
  const bool legs = std::ranges::any_of(
      spec.contact_types, [](const ContactTypeSpec& t) { return !t.transfers.empty() || t.returns.has_value(); });
  traits_.assign(types, 0);
  mean_handle_s_.assign(types, 0.0);
  for (std::size_t k = 0; k < types; ++k) {
    const ContactTypeSpec& t = spec.contact_types[make_id<ContactTypeId>(k)];
    traits_[k] |= (t.balks() ? kBalks : 0) | (t.callback ? kOffersCallbacks : 0) |
                  (t.transfers.empty() ? 0 : kTransfers) | (t.returns ? kReturns : 0) |
                  (t.channel == Channel::Email ? kDeferred : 0) | (t.channel == Channel::Chat ? kChat : 0) |
                  (t.interruptible ? kInterruptible : 0);
    const auto capped = [](const AgentGroupSpec& g) { return g.max_agents_on[index(Channel::Email)].has_value(); };
    if (t.channel == Channel::Email) traits_[k] |= kEmailWork;
    if (t.channel == Channel::Chat ||
        (t.channel == Channel::Email &&
         std::ranges::any_of(t.groups, [&](AgentGroupId g) { return capped(spec.agent_groups[g]); })))
      traits_[k] |= kOwnView;
    if (t.callback) traits_[index(t.callback->to)] |= kServesCallbacks;
    if (t.channel == Channel::Outbound) traits_[k] |= kOutbound;
    mean_handle_s_[k] = t.talk.mean() + (t.wrap_up ? t.wrap_up->mean() : 0.0);
  }
  for (const std::uint16_t t : traits_) any_traits_ |= t;
  if (any_traits_ & kBlendedTraits) {
    chat_queues_.assign(types, 0);
    for (std::size_t k = 0; k < types; ++k) chat_queues_[k] = (traits_[k] & kChat) != 0;
  }
  if (any_traits_ & kChat) {
    std::vector<std::uint32_t> sessions;
    for (const AgentGroupSpec& g : spec.agent_groups) sessions.push_back(g.chat_sessions);
    agents_.allow_sessions(sessions);
  }
  if (any_traits_ & kInterruptible) agents_.allow_interruptions();
  if (any_traits_ & kOutbound) {
    dials_in_progress_.assign(types, 0);
    dialer_of_.assign(groups, kNoId);
    for (std::size_t k = 0; k < types; ++k)
      if (traits_[k] & kOutbound) {
        dialers_.push_back(make_id<ContactTypeId>(k));
        for (const AgentGroupId g : spec.contact_types[make_id<ContactTypeId>(k)].groups)
          dialer_of_[index(g)] = static_cast<std::uint32_t>(k);
      }
  }
  if (std::ranges::any_of(spec.agent_groups, [](const AgentGroupSpec& g) {
        return g.max_agents_on[index(Channel::Email)] || g.max_agents_on[index(Channel::Chat)];
      })) {
    for (const AgentGroupSpec& g : spec.agent_groups) {
      email_cap_.push_back(g.max_agents_on[index(Channel::Email)].value_or(kNoId));
      chat_cap_.push_back(g.max_agents_on[index(Channel::Chat)].value_or(kNoId));
    }
    shown_queues_.assign(types, 1);
  }
  if (any_traits_ & kInterruptible || !email_cap_.empty()) scratch_counts_.resize(groups);
  std::vector<double> centre_busyness;
  if (busy_days() && !spec.busyness->per_type) centre_busyness = draw_busyness(base, 0, replication);
  for (std::size_t k = 0; k < types; ++k) {
    const auto i = static_cast<std::uint32_t>(k);
    using P = ContactTypePurpose;
    const ContactTypeSpec& t = spec.contact_types[make_id<ContactTypeId>(k)];
    const bool redials = t.redial.has_value();
    const bool after_service = !t.transfers.empty() || t.returns;
    std::vector<double> busyness =
        busy_days() && spec.busyness->per_type ? draw_busyness(base, i, replication) : centre_busyness;
    arrivals_.push_back(ArrivalProcess(spec.contact_types[make_id<ContactTypeId>(k)].arrivals, spec.period_s,
                                       spec.num_periods, stream_for(base, i, ArrivalPurpose::Interarrival, replication),
                                       std::move(busyness)));
    streams_.push_back(TypeStreams{
        stream_for(base, i, P::Patience, replication),
        stream_for(base, i, P::Service, replication),
        stream_for(base, i, P::WrapUp, replication),
        stream_for(base, i, P::IvrPath, replication),
        stream_for(base, i, P::IvrDuration, replication),
        stream_for(base, i, CallerPurpose::Balk, replication),
        redials ? stream_for(base, i, CallerPurpose::Redial, replication) : sim::Mrg32k3a{},
        redials ? stream_for(base, i, CallerPurpose::RedialDelay, replication) : sim::Mrg32k3a{},
        redials ? stream_for(base, i, CallerPurpose::Attempt, replication) : sim::Mrg32k3a{},
        after_service ? stream_for(base, i, CallerPurpose::AfterService, replication) : sim::Mrg32k3a{},
        legs ? stream_for(base, i, CallerPurpose::Leg, replication) : sim::Mrg32k3a{},
        t.callback ? stream_for(base, i, CallerPurpose::Callback, replication) : sim::Mrg32k3a{},
        t.dialer ? stream_for(base, i, ChannelPurpose::Dial, replication) : sim::Mrg32k3a{},
    });
  }
  if (router_draws_on_arrival(router)) tie_break_ = stream_for(base, 0, RouterPurpose::TieBreak, replication);
  draw_absence(replication);
}

bool CallCenter::busy_days() const {
  return spec_.mode == RunMode::Day && spec_.busyness &&
         (spec_.busyness->cv > 0.0 || spec_.busyness->interval_cv > 0.0);
}

// Day by day, the day's factor, then each of its periods', from the Rates stream of the
// contact type (the centre's: contact type 0's): one factor per period, their product.
// Each day of a run of several draws its own: a Monday busier than forecast says nothing
// of the Tuesday.
std::vector<double> CallCenter::draw_busyness(const sim::Mrg32k3a& base, std::uint32_t type,
                                              std::uint64_t replication) {
  sim::Mrg32k3a stream = stream_for(base, type, ArrivalPurpose::Rates, replication);
  const BusynessSpec& b = *spec_.busyness;
  const sim::Distribution day_law = sim::Distribution::gamma(1.0, b.cv);
  const sim::Distribution interval_law = sim::Distribution::gamma(1.0, b.interval_cv);
  const std::uint32_t per_day = spec_.periods_per_day();
  std::vector<double> factors(spec_.num_periods);
  for (std::uint32_t k = 0; k < spec_.num_periods; k += per_day) {
    const double day = b.cv > 0.0 ? sim::sample(day_law, stream) : 1.0;
    for (std::uint32_t p = k; p < k + per_day; ++p)
      factors[p] = b.interval_cv > 0.0 ? day * sim::sample(interval_law, stream) : day;
  }
  busyness_draws_ += stream.draws();
  return factors;
}

std::uint64_t CallCenter::draws() const {
  std::uint64_t n = absence_draws_ + busyness_draws_ + tie_break_.draws();
  for (const ArrivalProcess& a : arrivals_) n += a.draws();
  for (const TypeStreams& s : streams_)
    n += s.patience.draws() + s.service.draws() + s.wrap_up.draws() + s.ivr_path.draws() + s.ivr_duration.draws() +
         s.balk.draws() + s.redial.draws() + s.redial_delay.draws() + s.attempt.draws() + s.after_service.draws() +
         s.leg.draws() + s.callback.draws() + s.dial.draws();
  return n;
}

ReplicationCounters CallCenter::run() {
  schedule_first_events();
  engine_.run_until(sim::kNever, *this);
  // Callers (and callbacks) still waiting when nothing else can happen were never served,
  // nor was the backlog at the close, which is counted apart; interrupted e-mails still
  // waiting were answered, and are left unfinished.
  for (const ContactId c : carried_) lifecycle_.customer_lost(pool_.customer_slot(c), pool_.customer_type(c), false);
  std::uint64_t unserved = 0;
  for (std::size_t q = 0; q < queues_.size(); ++q) {
    if (has_any(make_id<ContactTypeId>(q), kInterruptible)) {
      std::vector<ContactId> interrupted;
      queues_.raw()[q].for_each_live(pool_, [&](const WaitingQueue::Entry& e) {
        if (pool_.interrupted(e.contact)) interrupted.push_back(e.contact);
      });
      // In the system until the window's end: after it, nothing it waited for was observed
      // (the last event, a stale timer perhaps, says nothing about it).
      for (const ContactId e : interrupted) {
        leave_unfinished(e, std::max(window_end_s_, pool_.put_aside_s(e)));  // releases it: its entry goes stale
        queues_.raw()[q].remove_stale(pool_);
      }
    }
    unserved += queues_.raw()[q].size();
    const bool callbacks = serves_callbacks(make_id<ContactTypeId>(q));
    queues_.raw()[q].for_each_live(pool_, [&](const WaitingQueue::Entry& e) {
      lifecycle_.customer_lost(pool_.customer_slot(e.contact), pool_.customer_type(e.contact), false);
      if (callbacks) lifecycle_.kpi().callback_failed(pool_.callback(e.contact).slot, pool_.callback(e.contact).from);
    });
  }
  ReplicationCounters counters = lifecycle_.kpi().finish(now(), unserved);
  counters.backlog_at_close = carried_.size();
  counters.events = engine_.events_dispatched();
  counters.draws = draws();
  counters.fingerprint = sim::mix64(lifecycle_.fingerprint(), counters.draws);
  return counters;
}

void CallCenter::schedule_first_events() {
  if (spec_.mode == RunMode::Day) {
    arrivals_end_s_ = spec_.horizon_s();
    for (std::uint32_t k = 0; k < spec_.num_periods; ++k)
      schedule(sim::period_start(k, spec_.period_s), CcEvent::SlotStart, CcPriority::PeriodStart, k);
    schedule(arrivals_end_s_, CcEvent::WindowEnd, CcPriority::EndOfDay, 0);
  } else {
    const SteadyStateSpec& ss = spec_.steady;
    if (ss.calls > 0) {
      arrivals_end_s_ = sim::kNever;
      schedule(ss.warmup_s, CcEvent::SlotStart, CcPriority::PeriodStart, 0);
    } else {
      arrivals_end_s_ = ss.warmup_s + ss.duration_s;
      // Batch b starts at warmup + b * (duration / batches), computed, not accumulated.
      for (std::uint32_t b = 0; b < ss.batches; ++b)
        schedule(ss.warmup_s + ss.duration_s * b / ss.batches, CcEvent::SlotStart, CcPriority::PeriodStart, b);
      schedule(arrivals_end_s_, CcEvent::WindowEnd, CcPriority::EndOfDay, 0);
    }
  }
  if (!roster_.changes.empty())
    schedule(roster_.changes.front().time_s, CcEvent::RosterChange, CcPriority::PeriodStart, 0);
  // Shrinkage blocks are planned once the period's roster changes are applied (Release
  // runs after PeriodStart at one instant).
  if (spec_.mode == RunMode::Day)
    for (std::uint32_t k = 0; k < spec_.num_periods; ++k)
      for (const AgentGroupSpec& g : spec_.agent_groups)
        if (!g.shrinkage.empty() && g.shrinkage[k] > 0.0) {
          schedule(sim::period_start(k, spec_.period_s), CcEvent::ShrinkagePlan, CcPriority::Release, k);
          break;
        }
  for (std::size_t k = 0; k < spec_.contact_types.size(); ++k) {
    const double t = arrivals_[make_id<ContactTypeId>(k)].next(0.0);
    if (t < arrivals_end_s_) schedule(t, CcEvent::Arrival, CcPriority::Normal, static_cast<std::uint32_t>(k));
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
      agent_free(make_id<AgentId>(e.subject));
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
    case CcEvent::RosterChange:
      on_roster_change(e.subject);
      return;
    case CcEvent::BreakDue:
      on_break_due(make_id<AgentId>(e.subject), e.aux);
      return;
    case CcEvent::AuxDue:
      on_aux_due(make_id<AgentId>(e.subject));
      return;
    case CcEvent::BreakEnd:
      on_break_end(make_id<AgentId>(e.subject));
      return;
    case CcEvent::ShrinkagePlan:
      on_shrinkage_plan(e.subject);
      return;
    case CcEvent::RedialDue:
      on_redial_due(make_id<ContactId>(e.subject));
      return;
    case CcEvent::TransferTalkEnd:
      end_talk(make_id<ContactId>(e.subject), true);
      return;
    case CcEvent::CallbackDue:
      on_callback_due(make_id<ContactId>(e.subject));
      return;
    case CcEvent::ReturnDue:
      on_return_due(make_id<ContactTypeId>(e.subject));
      return;
    case CcEvent::WorkEnd:
      if (!pool_.is_current(make_id<ContactId>(e.subject), e.generation)) return;  // a call interrupted it
      agents_.stop_interruptible(pool_.agent(make_id<ContactId>(e.subject)));
      on_service_end(make_id<ContactId>(e.subject));
      return;
    case CcEvent::EmailWrapUpEnd:
      end_email_work(make_id<AgentId>(e.subject));
      return;
    case CcEvent::DialEnd:
      on_dial_end(make_id<ContactId>(e.subject));
      return;
    case CcEvent::OutboundWrapUpEnd:
      end_outbound_work(make_id<AgentId>(e.subject));
      return;
    case CcEvent::DialersDue:
      run_dialers();
      return;
    case CcEvent::MaxWaitReached:
      if (!pool_.is_current(make_id<ContactId>(e.subject), e.generation)) return;  // served meanwhile
      on_max_wait(make_id<ContactId>(e.subject));
      return;
  }
  fail_invariant(now(), "dispatch", fmt::format("kind={}", e.kind), "event kind matches no CcEvent");
}

std::uint64_t CallCenter::next_batch_end() const {
  const std::uint64_t n = spec_.steady.calls;
  const std::uint64_t b = spec_.steady.batches;
  return ((batch_ + 1) * n + b - 1) / b;
}

void CallCenter::on_slot_start(std::uint32_t slot) {
  lifecycle_.kpi().switch_time_slot(slot, now());
  if (spec_.mode == RunMode::SteadyState) arrival_slot_ = slot;
}

void CallCenter::on_window_end() {
  lifecycle_.kpi().switch_time_slot(lifecycle_.kpi().discard_slot(), now());
  arrival_slot_ = lifecycle_.kpi().discard_slot();
  arrivals_closed_ = true;
  window_end_s_ = now();
  if (spec_.mode != RunMode::Day) return;
  for (std::size_t q = 0; q < queues_.size(); ++q)
    if (has_any(make_id<ContactTypeId>(q), kDeferred))
      carry_backlog(make_id<QueueId>(q));
    else if (spec_.closing != Closing::ServeAfterClose)
      disconnect_waiting(make_id<QueueId>(q));
}

}  // namespace ccsim::models
