// Admission: a call arrives, draws its random durations, takes a trunk line (or is
// blocked), passes the IVR (or is blocked at its ports), and goes on to routing. A
// customer whose attempt failed may call again: a redial is admitted the same way, and
// so is an outbound dial's customer.
#include <cmath>

#include <fmt/format.h>

#include "models/call_center.h"
#include "models/invariant.h"
#include "sim/rng/variates.h"
#include "sim/time.h"

namespace ccsim::models {

// The observation slot (batch) a call arriving now counts in, in steady state.
inline std::uint32_t CallCenter::steady_arrival_slot(double t) {
  if (spec_.steady.calls == 0 || arrival_slot_ == lifecycle_.kpi().discard_slot()) return arrival_slot_;
  // Batch b holds the counted arrivals i with floor(i * B / N) == b, i.e. those from
  // ceil(b * N / B) on; the next boundary is computed once per batch.
  if (counted_arrivals_ == batch_end_) {
    ++batch_;
    batch_end_ = next_batch_end();
    lifecycle_.kpi().switch_time_slot(batch_, t);
  }
  ++counted_arrivals_;
  return batch_;
}

void CallCenter::on_arrival(ContactTypeId k) {
  if (arrivals_closed_) return;
  TypeStreams& s = streams_[k];
  const double t = now();

  const double next = arrivals_[k].next(t);
  if (next < arrivals_end_s_) schedule(next, CcEvent::Arrival, CcPriority::Normal, index(k));
  const std::uint32_t slot =
      spec_.mode == RunMode::Day ? sim::period_of(t, spec_.period_s, spec_.num_periods) : steady_arrival_slot(t);

  AttemptDraws d{sim::kNever, 0.0, 0.0, 0.0, 0.0, 1.0};
  draw_attempt(k, slot, {&s.patience, &s.service, &s.wrap_up, &s.ivr_path, &s.ivr_duration, &s.balk}, true, true, d);
  admit(k, slot, d, kNoContact);

  if (spec_.mode == RunMode::SteadyState && spec_.steady.calls > 0 && counted_arrivals_ == spec_.steady.calls &&
      arrival_slot_ != lifecycle_.kpi().discard_slot())
    on_window_end();
}

// Every attempt draws its patience, talk, wrap-up, IVR path and balk, in this order, even
// when blocked: a change that blocks more calls then shifts no later draw (CRN). Patience
// is drawn for every call, but a law sampled by inverting one uniform keeps the uniform
// and is transformed only if the caller ever waits (most do not). A redial draws patience
// and handle time only when it does not keep the first ones (draw_patience, draw_handle).
[[gnu::always_inline]] inline void CallCenter::draw_attempt(ContactTypeId k, std::uint32_t slot,
                                                            const AttemptStreams& s, bool draw_patience,
                                                            bool draw_handle, AttemptDraws& d) {
  const ContactTypeSpec& type = spec_.contact_types[k];
  if (draw_patience && type.patience)
    d.patience_draw =
        type.patience->uses_one_draw() ? s.patience->next_u01() : sim::sample(*type.patience, *s.patience);
  if (draw_handle) {
    d.talk_s = sim::sample(type.talk, *s.service);
    d.wrap_s = type.wrap_up ? sim::sample(*type.wrap_up, *s.wrap_up) : 0.0;
    if (!handle_scale_.empty()) {
      const double f = handle_scale_[index(k) * spec_.num_periods + slot];
      d.talk_s *= f;
      d.wrap_s *= f;
    }
  }
  if (type.ivr) {
    d.ivr_u = s.ivr_path->next_u01();
    d.ivr_s = sim::sample(type.ivr->duration, *s.ivr_duration);
  }
  if (has_any(k, kBalks)) d.balk_u = s.balk->next_u01();
}

// A call blocked at entry never gets a contact record unless it will redial; an admitted
// one is reported with its record's id so a trace reader can follow it until the record
// is released.
[[gnu::always_inline]] inline void
CallCenter::admit(ContactTypeId k, std::uint32_t slot, const AttemptDraws& d, ContactId c) {
  const double t = now();
  const bool first = c == kNoContact;
  const bool has_ivr = spec_.contact_types[k].ivr.has_value();
  // Lines are counted only where they are limited; an e-mail holds none.
  const bool line = spec_.trunk_lines && !has_any(k, kDeferred | kChat);
  std::optional<BlockedAt> blocked;
  if (line && lines_busy_ == *spec_.trunk_lines)
    blocked = BlockedAt::Trunk;
  else if (has_ivr && spec_.ivr_ports && ports_busy_ == *spec_.ivr_ports)
    blocked = BlockedAt::Ivr;
  if (blocked) [[unlikely]] {
    // A first attempt that will redial gets its record now, so that the trace can follow
    // the customer from this arrival on.
    const std::optional<double> delay = first ? redial_delay(k, 1, AttemptEnd::Blocked) : std::nullopt;
    if (delay) {
      c = pool_.allocate();
      pool_.type(c) = k;
      pool_.arrival_s(c) = t;
    }
    const std::uint32_t id = c == kNoContact ? kNoId : index(c);
    lifecycle_.arrival(t, slot, k, id, false, first ? CallKind::First : CallKind::Redial);
    lifecycle_.blocked(t, slot, k, *blocked, id, 0.0);
    if (c == kNoContact) {
      lifecycle_.customer_lost(slot, k, false);
      return;
    }
    pool_.slot(c) = slot;
    store_draws(c, d);
    if (delay)
      plan_redial(c, AttemptEnd::Blocked, *delay);
    else
      after_attempt(c, AttemptEnd::Blocked);
    return;
  }
  lines_busy_ += line;
  if (first) c = pool_.allocate();
  lifecycle_.arrival(t, slot, k, index(c), true, first ? CallKind::First : CallKind::Redial);
  pool_.type(c) = k;
  pool_.slot(c) = slot;
  pool_.arrival_s(c) = t;
  store_draws(c, d);
  if (has_ivr) {
    ++ports_busy_;
    lifecycle_.ivr_start(t, c, k);
    schedule(t + d.ivr_s, CcEvent::IvrDone, CcPriority::Release, index(c));
  } else {
    route_to_agents(c);
  }
}

inline void CallCenter::store_draws(ContactId c, const AttemptDraws& d) {
  pool_.patience_draw(c) = d.patience_draw;
  pool_.talk_s(c) = d.talk_s;
  pool_.wrap_s(c) = d.wrap_s;
  pool_.ivr_u(c) = d.ivr_u;
  pool_.balk_u(c) = d.balk_u;
}

// A redial, a transferred leg or a return counts in the slot of its instant; in steady
// state it is not one of the counted arrivals, so it never moves a batch boundary.
std::uint32_t CallCenter::slot_now() {
  if (spec_.mode == RunMode::Day)
    return sim::period_of(now(), spec_.period_s, spec_.num_periods);
  if (spec_.steady.calls == 0 || arrival_slot_ == lifecycle_.kpi().discard_slot()) return arrival_slot_;
  return batch_;
}

std::optional<double> CallCenter::redial_delay(ContactTypeId k, std::uint32_t attempt, AttemptEnd end) {
  const std::optional<RedialSpec>& r = spec_.contact_types[k].redial;
  if (!r || !r->follows(end)) return std::nullopt;
  const double p = r->p_after(attempt);
  if (p <= 0.0) return std::nullopt;
  TypeStreams& s = streams_[k];
  if (p < 1.0 && s.redial.next_u01() >= p) return std::nullopt;
  return sim::sample(r->delay, s.redial_delay);
}

// The record stays (without a line) until the redial; its pending events go stale.
void CallCenter::plan_redial(ContactId c, AttemptEnd end, double delay_s) {
  pool_.keep_customer(c);
  pool_.bump_generation(c);
  pool_.last_end(c) = static_cast<std::uint8_t>(end);
  lifecycle_.redial(now(), c, pool_.type(c), delay_s);
  schedule(now() + delay_s, CcEvent::RedialDue, CcPriority::Normal, index(c));
}

void CallCenter::after_attempt(ContactId c, AttemptEnd end) {
  const ContactTypeId k = pool_.type(c);
  if (const std::optional<double> delay = redial_delay(k, pool_.attempt(c), end)) [[unlikely]] {
    plan_redial(c, end, *delay);
    return;
  }
  lifecycle_.customer_lost(pool_.customer_slot(c), pool_.customer_type(c), end == AttemptEnd::Abandoned);
  pool_.release(c);
}

// The redial is a new call of the same type. It draws afresh what the scenario does not
// keep, and always its IVR path and balk (decisions of this call), from the type's Attempt
// stream. A day's centre takes no call after its close: the customer is lost.
void CallCenter::on_redial_due(ContactId c) {
  const ContactTypeId k = pool_.type(c);
  if (spec_.mode == RunMode::Day && (arrivals_closed_ || now() >= arrivals_end_s_)) {
    lifecycle_.gave_up(now(), c, k, pool_.customer_type(c), pool_.customer_slot(c),
                       static_cast<AttemptEnd>(pool_.last_end(c)) == AttemptEnd::Abandoned);
    pool_.release(c);
    return;
  }
  const RedialSpec& r = *spec_.contact_types[k].redial;
  sim::Mrg32k3a* s = &streams_[k].attempt;
  const std::uint32_t slot = slot_now();
  pool_.count_redial(c);
  AttemptDraws d{pool_.patience_draw(c), pool_.talk_s(c), pool_.wrap_s(c), 0.0, 0.0, 1.0};
  draw_attempt(k, slot, {s, s, s, s, s, s}, !r.keep_patience, !r.keep_handle_time, d);
  admit(k, slot, d, c);
}

// The caller leaves its agent for the queue of the type it is transferred to: a new leg,
// with its line and its identity (the customer), and that type's draws.
void CallCenter::transfer(ContactId c) {
  const ContactTypeId from = pool_.type(c);
  const ContactTypeId to = make_id<ContactTypeId>(pool_.transfer_to(c));
  lifecycle_.transferred(now(), pool_.slot(c), c, from);
  pool_.keep_customer(c);
  const std::uint32_t slot = slot_now();
  lifecycle_.arrival(now(), slot, to, index(c), true, CallKind::TransferredIn);
  sim::Mrg32k3a* s = &streams_[to].leg;
  AttemptDraws d{sim::kNever, 0.0, 0.0, 0.0, 0.0, 1.0};
  draw_attempt(to, slot, {s, s, s, s, s, s}, true, true, d);
  pool_.type(c) = to;
  pool_.slot(c) = slot;
  pool_.arrival_s(c) = now();
  pool_.patience_draw(c) = d.patience_draw;
  pool_.talk_s(c) = d.talk_s;
  pool_.wrap_s(c) = d.wrap_s;
  pool_.balk_u(c) = 1.0;  // a transferred caller does not balk
  route_to_agents(c);
}

// A return is a new call of its type (a new request of a known customer), drawn from the
// type's Leg stream. None is made once arrivals have ended (the day closed, or the
// steady-state window ended: it would be a new customer).
void CallCenter::on_return_due(ContactTypeId k) {
  if (arrivals_closed_ || now() >= arrivals_end_s_) return;
  const std::uint32_t slot = slot_now();
  sim::Mrg32k3a* s = &streams_[k].leg;
  AttemptDraws d{sim::kNever, 0.0, 0.0, 0.0, 0.0, 1.0};
  draw_attempt(k, slot, {s, s, s, s, s, s}, true, true, d);
  lifecycle_.returned(slot, k);
  admit(k, slot, d, kNoContact);
}

void CallCenter::on_ivr_done(ContactId c) {
  if (ports_busy_ == 0) [[unlikely]]
    fail_invariant(now(), "IvrDone", fmt::format("contact=#{}", index(c)), "IVR port count underflow");
  --ports_busy_;
  const ContactTypeId k = pool_.type(c);
  lifecycle_.ivr_end(now(), k);
  const IvrTreatment& ivr = *spec_.contact_types[k].ivr;
  const double u = pool_.ivr_u(c);
  if (u < ivr.p_self_service) {
    lifecycle_.ivr_outcome(now(), pool_.slot(c), c, k, IvrOutcome::Contained, now() - pool_.arrival_s(c));
    leave_system(c);
  } else if (u < ivr.p_self_service + ivr.p_hangup) {
    lifecycle_.ivr_outcome(now(), pool_.slot(c), c, k, IvrOutcome::HungUp, now() - pool_.arrival_s(c));
    end_attempt(c, AttemptEnd::IvrHangup);
  } else {
    route_to_agents(c);
  }
}

// Apart from the record: a contact may keep its record after its line (a callback
// waiting to be dialled, a caller about to redial).
void CallCenter::release_line(ContactId c) {
  if (!spec_.trunk_lines || has_any(pool_.type(c), kDeferred | kChat)) return;
  if (lines_busy_ == 0) [[unlikely]]
    fail_invariant(now(), "release_line", fmt::format("contact=#{}", index(c)), "trunk line count underflow");
  --lines_busy_;
  if (dialer_wants_line_) [[unlikely]]
    dialers_due();
}

// The caller hangs up: its trunk line and its record are released.
void CallCenter::leave_system(ContactId c) {
  release_line(c);
  pool_.release(c);
}

// Outbound: an outbound type's threshold dialer calls customers for the idle agents of
// its groups beyond its threshold (DialerSpec). A dial holds a trunk line; a customer
// reached is admitted like a call (no IVR) and routed, and one who finds no agent waits
// with its patience (by default none: a nuisance call, counted abandoned).
// docs/scenario-format.md#outbound.

// Deferred to an event of its own at this instant, so that every group freed by the
// handler (a roster change frees them all) has taken its waiting contacts first.
void CallCenter::dialers_due() {
  if (dialers_due_) return;
  dialers_due_ = true;
  schedule(now(), CcEvent::DialersDue, CcPriority::Normal, 0);
}

// One dial per dialer in turn, from the last dialer denied a line, so that dialers short
// of trunk lines share those there are (a first dialer moved at every run followed the
// runs' rhythm in each line's cycle, and starved one dialer).
void CallCenter::run_dialers() {
  dialers_due_ = false;
  dialer_wants_line_ = false;
  if (arrivals_closed_ || now() >= arrivals_end_s_) return;
  const std::size_t n = dialers_.size();
  dial_targets_.clear();
  for (const ContactTypeId k : dialers_) dial_targets_.push_back(dial_target(k));
  for (bool placed = true; placed;) {
    placed = false;
    for (std::size_t j = 0; j < n; ++j) {
      const std::size_t i = (next_dialer_ + j) % n;
      const ContactTypeId k = dialers_[i];
      if (dials_in_progress_[index(k)] >= dial_targets_[i]) continue;
      if (spec_.trunk_lines && lines_busy_ == *spec_.trunk_lines) {
        dialer_wants_line_ = true;  // release_line wakes the dialers
        next_dialer_ = i;
        return;
      }
      place_dial(k);
      placed = true;
    }
  }
}

// The dials already in progress count against it. An agent a reservation keeps for other
// contacts is not the type's to dial for: the policy would not give it the customer.
std::uint64_t CallCenter::dial_target(ContactTypeId k) const {
  const ContactTypeSpec& type = spec_.contact_types[k];
  const DialerSpec& dialer = *type.dialer;
  std::uint64_t idle = 0;
  for (const AgentGroupId g : type.groups) {
    const std::uint32_t n = agents_.counts(g).idle;
    const AgentGroupSpec& group = spec_.agent_groups[g];
    const bool kept = group.reserved_agents > 0 && (group.reserved_for_channel
                                                        ? *group.reserved_for_channel != Channel::Outbound
                                                        : group.reserved_for != k);
    idle += kept ? n - std::min(n, group.reserved_agents) : n;
  }
  if (idle <= dialer.threshold) return 0;
  return static_cast<std::uint64_t>(std::floor(dialer.ratio * static_cast<double>(idle - dialer.threshold) + 0.5));
}

// The customer's patience, talk and wrap-up are drawn at the dial from the type's own
// streams (so that a change in reach moves none of them); the dial's time now and whether
// it reaches the customer at its end, from the type's Dial stream.
void CallCenter::place_dial(ContactTypeId k) {
  TypeStreams& s = streams_[k];
  const std::uint32_t slot = slot_now();
  AttemptDraws d{sim::kNever, 0.0, 0.0, 0.0, 0.0, 1.0};
  draw_attempt(k, slot, {&s.patience, &s.service, &s.wrap_up, &s.ivr_path, &s.ivr_duration, &s.balk}, true, true, d);
  const double dial_s = sim::sample(spec_.contact_types[k].dialer->dial, s.dial);
  lines_busy_ += spec_.trunk_lines.has_value();  // counted only where limited
  const ContactId c = pool_.allocate();
  pool_.type(c) = k;
  pool_.slot(c) = slot;
  pool_.arrival_s(c) = now();
  store_draws(c, d);
  ++dials_in_progress_[index(k)];
  lifecycle_.dial(now(), slot, c, k, dial_s);
  schedule(now() + dial_s, CcEvent::DialEnd, CcPriority::Normal, index(c));
}

void CallCenter::on_dial_end(ContactId c) {
  const ContactTypeId k = pool_.type(c);
  if (dials_in_progress_[index(k)] == 0) [[unlikely]]
    fail_invariant(now(), "DialEnd", fmt::format("contact=#{}", index(c)), "dials in progress count underflow");
  --dials_in_progress_[index(k)];
  const double p_reach = spec_.contact_types[k].dialer->p_reach;
  if (p_reach >= 1.0 || streams_[k].dial.next_u01() < p_reach) {
    const std::uint32_t slot = slot_now();
    pool_.slot(c) = slot;
    pool_.arrival_s(c) = now();
    lifecycle_.arrival(now(), slot, k, index(c), true, CallKind::First);
    route_to_agents(c);
  } else {
    lifecycle_.dial_unreached(now(), c, k);
    leave_system(c);
  }
  dialers_due();
}

}  // namespace ccsim::models
