// Admission: a call arrives, draws its random durations, takes a trunk line (or is
// blocked), passes the IVR (or is blocked at its ports), and goes on to routing.
#include <algorithm>

#include <fmt/format.h>

#include "models/call_center.h"
#include "models/invariant.h"
#include "sim/rng/variates.h"

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
  const ContactTypeSpec& type = spec_.contact_types[k];
  TypeStreams& s = streams_[k];
  const double t = now();

  const double next = arrivals_[k].next(t);
  if (next < arrivals_end_s_) schedule(next, CcEvent::Arrival, CcPriority::Normal, index(k));
  const std::uint32_t slot =
      spec_.mode == RunMode::Day ? std::min(static_cast<std::uint32_t>(t / spec_.period_s), spec_.num_periods - 1)
                                 : steady_arrival_slot(t);

  // Every offered call draws its patience, talk, wrap-up, IVR path and balk, in this order,
  // even when blocked: a change that blocks more calls then shifts no later draw (CRN).
  // Patience is drawn now for every call, but a law sampled by inverting one uniform
  // keeps the uniform and is transformed only if the caller ever waits (most do not).
  double patience_draw = sim::kNever;
  if (type.patience)
    patience_draw = type.patience->uses_one_draw() ? s.patience.next_u01() : sim::sample(*type.patience, s.patience);
  double talk_s = sim::sample(type.talk, s.service);
  double wrap_s = type.wrap_up ? sim::sample(*type.wrap_up, s.wrap_up) : 0.0;
  if (!handle_scale_.empty()) {
    const double f = handle_scale_[index(k) * spec_.num_periods + slot];
    talk_s *= f;
    wrap_s *= f;
  }
  double ivr_u = 0.0;
  double ivr_s = 0.0;
  if (type.ivr) {
    ivr_u = s.ivr_path.next_u01();
    ivr_s = sim::sample(type.ivr->duration, s.ivr_duration);
  }
  const double balk_u = type.balk_p_by_queue_length.empty() ? 1.0 : s.balk.next_u01();

  // A blocked call never gets a contact record; an admitted one is reported with its
  // record's id so a trace reader can follow it until the record is released.
  if (spec_.trunk_lines && lines_busy_ == *spec_.trunk_lines) {
    lifecycle_.arrival(t, slot, k, kNoId);
    lifecycle_.blocked(t, slot, k, BlockedAt::Trunk, kNoId, 0.0);
  } else if (type.ivr && spec_.ivr_ports && ports_busy_ == *spec_.ivr_ports) {
    lifecycle_.arrival(t, slot, k, kNoId);
    lifecycle_.blocked(t, slot, k, BlockedAt::Ivr, kNoId, 0.0);
  } else {
    ++lines_busy_;
    const ContactId c = pool_.allocate();
    lifecycle_.arrival(t, slot, k, index(c));
    pool_.type(c) = k;
    pool_.slot(c) = slot;
    pool_.arrival_s(c) = t;
    pool_.patience_draw(c) = patience_draw;
    pool_.talk_s(c) = talk_s;
    pool_.wrap_s(c) = wrap_s;
    pool_.ivr_u(c) = ivr_u;
    pool_.balk_u(c) = balk_u;
    if (type.ivr) {
      ++ports_busy_;
      lifecycle_.ivr_start(t, c, k);
      schedule(t + ivr_s, CcEvent::IvrDone, CcPriority::Release, index(c));
    } else {
      route_to_agents(c);
    }
  }

  if (spec_.mode == RunMode::SteadyState && spec_.steady.calls > 0 && counted_arrivals_ == spec_.steady.calls &&
      arrival_slot_ != lifecycle_.kpi().discard_slot())
    on_window_end();
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
    leave_system(c);
  } else {
    route_to_agents(c);
  }
}

// Apart from the record: a contact may keep its record after its line (a callback
// waiting to be dialled, a caller about to redial).
void CallCenter::release_line(ContactId c) {
  if (lines_busy_ == 0) [[unlikely]]
    fail_invariant(now(), "release_line", fmt::format("contact=#{}", index(c)), "trunk line count underflow");
  --lines_busy_;
}

// The caller hangs up: its trunk line and its record are released.
void CallCenter::leave_system(ContactId c) {
  release_line(c);
  pool_.release(c);
}

}  // namespace ccsim::models
