// models/scenario/load_entities.cc
// The Decoder's entities: /contact_types (name, priority, IVR treatment, durations;
// arrivals and distributions are in load_distributions.cc) and /agent_groups (names,
// staffing per period; shifts, absenteeism and shrinkage are in load_workforce.cc), with
// the name indexes the router resolves against.
#include "models/scenario/load_internal.h"

#include <fmt/format.h>

#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "models/scenario/json_pointer.h"
#include "models/scenario/limits.h"
#include "models/scenario/after_service_rules.h"
#include "models/scenario/callback_rules.h"
#include "models/scenario/channel_rules.h"
#include "models/scenario/redial_rules.h"

namespace ccsim::models::internal {

// ---- contact types ----------------------------------------------------------------

void Decoder::decode_contact_types(const Json& doc, ScenarioSpec& spec) {
  const Json* cts = find(doc, "contact_types");
  if (!cts) {
    missing("", "contact_types", "a non-empty array of contact type objects");
    return;
  }
  if (!cts->is_array() || cts->empty()) {
    error("/contact_types", fmt::format("expected a non-empty array of contact type objects; got {}", describe(*cts)));
    return;
  }
  if (cts->size() > kMaxContactTypes) {
    error("/contact_types", fmt::format("at most {} contact types are supported (random stream numbering); got {}",
                                        kMaxContactTypes, cts->size()));
    return;
  }
  types_known_ = true;
  for (std::size_t i = 0; i < cts->size(); ++i) {
    const Json* name = (*cts)[i].is_object() ? find((*cts)[i], "name") : nullptr;
    if (!name || !name->is_string() || name->get_ref<const std::string&>().empty()) types_known_ = false;
  }
  for (std::size_t i = 0; i < cts->size(); ++i) {
    ContactTypeSpec t;
    TypeInfo info;
    info.pointer = child_pointer("/contact_types", i);
    decode_contact_type((*cts)[i], info.pointer, t, info);
    if (info.named) {
      type_index_.emplace(t.name, i);
      type_names_.push_back(t.name);
    }
    spec.contact_types.push_back(std::move(t));
    types_.push_back(std::move(info));
  }
  for (std::size_t i = 0; i < cts->size(); ++i)
    if ((*cts)[i].is_object()) {
      decode_after_service((*cts)[i], types_[i].pointer, spec.contact_types.raw()[i], i);
      if (const Json* cb = find((*cts)[i], "callback"))
        decode_callback(*cb, types_[i].pointer + "/callback", spec.contact_types.raw()[i]);
    }
  const std::vector<std::string> pointers = type_pointers();
  for (Diagnostic& d : channel_target_problems(spec.contact_types, pointers))
    error(std::move(d.pointer), std::move(d.message));
  if (!sink_.empty()) return;
  types_read_ = true;
  if (auto d = follow_up_loop_problem(spec.contact_types, pointers))
    error(std::move(d->pointer), std::move(d->message));
}

std::vector<std::string> Decoder::type_pointers() const {
  std::vector<std::string> pointers;
  for (const TypeInfo& info : types_) pointers.push_back(info.pointer);
  return pointers;
}

// After the forecast, which may give a serving type arrivals it must not have; only once
// every contact type was read without error (the rules read them all).
void Decoder::check_callbacks(const ScenarioSpec& spec) {
  if (!types_read_) return;
  for (Diagnostic& d : callback_problems(spec.contact_types, type_pointers()))
    error(std::move(d.pointer), std::move(d.message));
}

void Decoder::decode_callback(const Json& v, const std::string& ptr, ContactTypeSpec& t) {
  if (!expect_object(v, ptr,
                     R"(an object {"offer_above_wait_s": s, "p_accept": p, "to": <contact type>, "delay": )"
                     R"(<distribution>, "dial": <distribution>, "p_reach": p, "max_attempts": n, "retry_delay": )"
                     R"(<distribution>})"))
    return;
  const std::size_t before = sink_.count();
  check_keys(v, ptr, kCallbackKeys);
  CallbackSpec cb;
  if (auto x = number_at(v, ptr, "offer_above_wait_s", at_least(0.0), true)) cb.offer_above_wait_s = *x;
  if (auto p = number_at(v, ptr, "p_accept", closed(0.0, 1.0), true)) cb.p_accept = *p;
  bool to_another = false;
  if (const Json* to = find(v, "to")) {
    if (auto name = string(*to, ptr + "/to", "a contact type name (a string)"))
      if (auto k = resolve_type(*name, ptr + "/to")) {
        cb.to = make_id<ContactTypeId>(*k);
        types_[*k].serves_callbacks = true;
        types_[*k].reaches_agents = true;  // its contacts skip the IVR: it needs a route
        to_another = *name != t.name;
      }
  } else {
    missing(ptr, "to", "the contact type that serves the callbacks (its queue, talk and groups)");
  }
  callback_to_lost_ = callback_to_lost_ || !to_another;
  const auto law = [&](std::string_view key) -> std::optional<sim::Distribution> {
    if (const Json* d = find(v, key)) return decode_distribution(*d, ptr + "/" + std::string(key), false);
    return std::nullopt;
  };
  cb.delay = law("delay");
  cb.dial = law("dial");
  cb.retry_delay = law("retry_delay");
  if (auto p = number_at(v, ptr, "p_reach", closed(0.0, 1.0), false)) cb.p_reach = *p;
  if (auto n = integer_at(v, ptr, "max_attempts", 1, kMaxCallbackDials, false))
    cb.max_attempts = static_cast<std::uint32_t>(*n);
  if (sink_.count() == before) t.callback = std::move(cb);
}

void Decoder::decode_after_service(const Json& v, const std::string& ptr, ContactTypeSpec& t, std::size_t self) {
  if (const Json* ts = find(v, "transfers")) {
    const std::string tp = ptr + "/transfers";
    constexpr std::string_view entry = R"({"to": <contact type>, "p": p, "handle": <distribution>})";
    if (!ts->is_array()) {
      error(tp, fmt::format("expected an array of {}; got {}", entry, describe(*ts)));
    } else {
      const std::size_t before = sink_.count();
      std::vector<TransferSpec> transfers;
      for (std::size_t i = 0; i < ts->size(); ++i) {
        const std::string ep = child_pointer(tp, i);
        const Json& e = (*ts)[i];
        if (!expect_object(e, ep, entry)) continue;
        check_keys(e, ep, kTransferKeys);
        TransferSpec x;
        if (const Json* to = find(e, "to")) {
          if (auto name = string(*to, ep + "/to", "a contact type name (a string)"))
            if (auto k = resolve_type(*name, ep + "/to")) {
              x.to = make_id<ContactTypeId>(*k);
              types_[*k].reaches_agents = true;  // a transferred leg skips the IVR: it needs a route
            }
        } else {
          missing(ep, "to", "the contact type the call is transferred to");
        }
        if (auto p = number_at(e, ep, "p", closed(0.0, 1.0), true)) x.p = *p;
        if (const Json* h = find(e, "handle")) {
          if (auto d = decode_distribution(*h, ep + "/handle", false)) x.handle = std::move(*d);
        } else {
          missing(ep, "handle", fmt::format("the agent's time the transfer adds to the talk: a distribution object "
                                            "such as {}",
                                            R"({"dist": "constant", "value_s": 30})"));
        }
        transfers.push_back(std::move(x));
      }
      if (sink_.count() == before) {
        for (Diagnostic& d : transfer_problems(transfers, make_id<ContactTypeId>(self), tp))
          error(std::move(d.pointer), std::move(d.message));
        t.transfers = std::move(transfers);
      }
    }
  }
  if (const Json* r = find(v, "returns")) {
    const std::string rp = ptr + "/returns";
    if (!expect_object(*r, rp, R"(an object {"p": p, "delay": <distribution>, "as": <contact type>})")) return;
    const std::size_t before = sink_.count();
    check_keys(*r, rp, kReturnKeys);
    ReturnSpec ret;
    ret.as = make_id<ContactTypeId>(self);
    if (auto p = number_at(*r, rp, "p", closed(0.0, 1.0), true)) ret.p = *p;
    if (const Json* d = find(*r, "delay")) {
      if (auto dist = decode_distribution(*d, rp + "/delay", false)) ret.delay = std::move(*dist);
    } else {
      missing(rp, "delay", fmt::format("the time from the end of the service to the return: a distribution object "
                                       "such as {}",
                                       kDistExample));
    }
    if (const Json* as = find(*r, "as"))
      if (auto name = string(*as, rp + "/as", "a contact type name (a string)"))
        if (auto k = resolve_type(*name, rp + "/as")) ret.as = make_id<ContactTypeId>(*k);
    if (sink_.count() == before) t.returns = std::move(ret);
  }
}

void Decoder::decode_contact_type(const Json& v, const std::string& ptr, ContactTypeSpec& t, TypeInfo& info) {
  if (!expect_object(v, ptr, R"(a contact type object {"name": ..., "arrivals": ..., "talk": ...})")) return;
  info.is_object = true;
  check_keys(v, ptr, kContactTypeKeys);

  if (const Json* n = find(v, "name")) {
    const std::string np = ptr + "/name";
    if (auto s = string(*n, np, "a non-empty string")) {
      if (s->empty()) {
        error(np, "must be a non-empty string; got \"\"");
      } else if (auto it = type_index_.find(*s); it != type_index_.end()) {
        error(np, fmt::format("duplicate contact type name {}; names must be unique (first used at {}/name)", quote(*s),
                              child_pointer("/contact_types", it->second)));
      } else {
        t.name = *s;
        info.named = true;
      }
    }
  } else {
    missing(ptr, "name", "a non-empty string, unique among contact types");
  }

  decode_channel(v, ptr, t, info);
  if (auto p = integer_at(v, ptr, "priority", 0, kU32Max, false)) t.priority = static_cast<std::uint32_t>(*p);

  if (const Json* a = find(v, "arrivals"); a && t.channel != Channel::Outbound) {  // outbound: refused
    info.arrivals_given = true;
    info.arrivals_ok = decode_arrivals(*a, ptr + "/arrivals", t.arrivals, info);
  }  // else the forecast must give them (check_arrivals_given)

  info.ivr_ok = true;
  if (const Json* iv = find(v, "ivr")) {
    const std::string ip = ptr + "/ivr";
    info.ivr_ok = false;
    info.has_ivr_key = true;
    if (expect_object(*iv, ip, R"(an object {"duration": <distribution>, "p_self_service": p, "p_hangup": p})")) {
      const std::size_t before = sink_.count();
      check_keys(*iv, ip, kIvrTreatmentKeys);
      IvrTreatment treatment;
      if (const Json* d = find(*iv, "duration")) {
        if (auto dist = decode_distribution(*d, ip + "/duration", false)) treatment.duration = std::move(*dist);
      } else {
        missing(ip, "duration", fmt::format("a distribution object such as {}", kDistExample));
      }
      const auto ss = number_at(*iv, ip, "p_self_service", closed(0.0, 1.0), false);
      const auto hu = number_at(*iv, ip, "p_hangup", closed(0.0, 1.0), false);
      if (ss) treatment.p_self_service = *ss;
      if (hu) treatment.p_hangup = *hu;
      const double sum = treatment.p_self_service + treatment.p_hangup;
      if (sum > 1.0 + kProbabilitySlack) {
        error(ip, fmt::format("p_self_service + p_hangup must be <= 1 (the rest goes on to the agents); got {} + {} = "
                              "{:.6g}",
                              describe(*find(*iv, "p_self_service")), describe(*find(*iv, "p_hangup")), sum));
      }
      info.reaches_agents = sum < 1.0 - kProbabilitySlack;
      t.ivr = std::move(treatment);
      info.ivr_ok = sink_.count() == before;
    }
  }

  const std::size_t before = sink_.count();
  if (const Json* d = find(v, "talk")) {
    if (auto dist = decode_distribution(*d, ptr + "/talk", true)) t.talk = std::move(*dist);
  } else {
    missing(ptr, "talk", fmt::format("a distribution object such as {}", kDistExample));
  }
  if (const Json* d = find(v, "wrap_up")) t.wrap_up = decode_distribution(*d, ptr + "/wrap_up", false);
  if (const Json* d = find(v, "patience")) t.patience = decode_distribution(*d, ptr + "/patience", false);
  else if (t.channel == Channel::Outbound && !find(v, "patience_per_period_s"))
    t.patience = sim::Distribution::constant(0.0);  // a nuisance call
  info.durations_ok = sink_.count() == before;
  // A law of mean 0 (a constant 0) has no shape to scale to a mean per period.
  info.has_patience = t.patience.has_value() && t.patience->mean() > 0.0;
  if (t.patience && !info.has_patience && find(v, "patience_per_period_s"))
    error(ptr + "/patience_per_period_s",
          "the patience law has mean 0: there is nothing to scale to these means; give the law a mean > 0");
  if (auto x = number_at(v, ptr, "max_wait_s", above(0.0), false)) t.max_wait_s = *x;
  if (const Json* b = find(v, "balking")) decode_balking(*b, ptr + "/balking", t);
  if (const Json* r = find(v, "redial")) decode_redial(*r, ptr + "/redial", t);
  if (mode_ == RunMode::SteadyState) {
    day_only(v, ptr, {"aht_per_period_s", "patience_per_period_s"});
    return;
  }
  if (find(v, "aht_per_period_s")) {
    info.aht_given = true;
    if (auto x = per_period_at(v, ptr, "aht_per_period_s")) t.aht_per_period_s = std::move(*x);
  }
  if (find(v, "patience_per_period_s")) {
    info.patience_given = true;
    if (!find(v, "patience"))
      error(ptr + "/patience_per_period_s",
            "needs a patience law (its shape, scaled to these means); add \"patience\" or remove this key");
    else if (auto x = per_period_at(v, ptr, "patience_per_period_s"))
      t.patience_per_period_s = std::move(*x);
  }
}

// The channel, and an e-mail's due time (decode_service_level makes it the threshold). An
// unknown channel leaves the channel's own rules unchecked: which would apply is not known.
void Decoder::decode_channel(const Json& v, const std::string& ptr, ContactTypeSpec& t, TypeInfo& info) {
  if (const Json* i = find(v, "interruptible")) {
    if (i->is_boolean())
      t.interruptible = i->get<bool>();
    else
      error(ptr + "/interruptible", fmt::format("expected true or false (the default); got {}", describe(*i)));
  }
  if (const Json* c = find(v, "channel")) {
    const auto i = choice(*c, ptr + "/channel", "channel", kChannelNames);
    if (!i) {
      t.interruptible = false;  // whether it may be is not known: the channel's error says enough
      channels_ok_ = false;
      info.channel_ok = false;
      return;
    }
    t.channel = static_cast<Channel>(*i);
  }
  const Json* dialer = find(v, "dialer");
  for (Diagnostic& d : dialer_problems(t.channel, dialer != nullptr, ptr))
    error(std::move(d.pointer), std::move(d.message));
  if (t.channel == Channel::Outbound) {
    info.arrives = true;  // its dialer's calls: a centre of outbound only has work
    info.arrivals_ok = true;
    if (dialer) decode_dialer(*dialer, ptr + "/dialer", t);
  }
  if (t.channel != Channel::Email) {
    if (find(v, "due_s"))
      error(ptr + "/due_s", fmt::format(R"(is only for an e-mail type ("channel": "email"), as its due time; remove )"
                                        "it (a {}'s threshold is service_level's awt_s)",
                                        t.channel == Channel::Chat ? "chat" : "call"));
    if (t.channel == Channel::Voice) return;
  } else if (const Json* d = find(v, "due_s")) {
    info.due_s = number(*d, ptr + "/due_s", above(0.0));
  } else {
    missing(ptr, "due_s", "a number > 0: the seconds within which an e-mail must be answered (its service-level "
                          "threshold)");
  }
  for (Diagnostic& d : channel_key_problems(
           t.channel, [&](std::string_view key) { return find(v, key) != nullptr; }, ptr))
    error(std::move(d.pointer), std::move(d.message));
}

void Decoder::decode_dialer(const Json& v, const std::string& ptr, ContactTypeSpec& t) {
  if (!expect_object(v, ptr, kDialerAccepted)) return;
  const std::size_t before = sink_.count();
  check_keys(v, ptr, kDialerKeys);
  DialerSpec d;
  if (auto n = integer_at(v, ptr, "threshold", 0, kU32Max, false)) d.threshold = static_cast<std::uint32_t>(*n);
  if (auto r = number_at(v, ptr, "ratio", Range{0.0, true, kMaxDialRatio, false}, false)) d.ratio = *r;
  if (const Json* law = find(v, "dial")) {
    if (auto dist = decode_distribution(*law, ptr + "/dial", false)) {
      if (auto problem = dial_law_problem(*dist, ptr + "/dial"))
        error(std::move(problem->pointer), std::move(problem->message));
      d.dial = std::move(*dist);
    }
  } else {
    missing(ptr, "dial", R"(a distribution: the time from dialling to the customer answering or the dialer giving )"
                         R"(up, such as {"dist": "uniform", "min_s": 10, "max_s": 25})");
  }
  if (auto p = number_at(v, ptr, "p_reach", Range{0.0, true, 1.0, false}, false)) d.p_reach = *p;
  if (sink_.count() == before) t.dialer = std::move(d);
}

void Decoder::decode_balking(const Json& v, const std::string& ptr, ContactTypeSpec& t) {
  constexpr std::string_view accepted =
      "a non-empty array of probabilities in [0, 1]: [p0, p1, ...], p_n when n callers wait ahead, the last value "
      "for longer queues ([p] for every caller who would wait)";
  if (!expect_object(v, ptr,
                     R"(an object {"p_by_queue_length": [p0, p1, ...]} or )"
                     R"({"p_by_announced_wait": [{"above_s": s, "p": p}, ...]})"))
    return;
  check_keys(v, ptr, kBalkingKeys);
  const Json* ps = find(v, "p_by_queue_length");
  const Json* steps = find(v, "p_by_announced_wait");
  if (ps && steps) {
    error(ptr, "give one of \"p_by_queue_length\" and \"p_by_announced_wait\", not both");
    return;
  }
  if (steps) {
    decode_balk_steps(*steps, ptr + "/p_by_announced_wait", t);
    return;
  }
  const std::string pp = ptr + "/p_by_queue_length";
  if (!ps) {
    missing(ptr, "p_by_queue_length", std::string(accepted) + R"(; or "p_by_announced_wait")");
    return;
  }
  if (!ps->is_array() || ps->empty()) {
    error(pp, fmt::format("expected {}; got {}", accepted, describe(*ps)));
    return;
  }
  if (ps->size() > kMaxBalkingValues) {
    error(pp, fmt::format("at most {} values (queues longer than the table use its last value); got {}",
                          kMaxBalkingValues, ps->size()));
    return;
  }
  std::vector<double> p;
  for (std::size_t i = 0; i < ps->size(); ++i)
    if (auto x = number((*ps)[i], child_pointer(pp, i), closed(0.0, 1.0))) p.push_back(*x);
  if (p.size() == ps->size()) t.balk_p_by_queue_length = std::move(p);
}

void Decoder::decode_balk_steps(const Json& v, const std::string& ptr, ContactTypeSpec& t) {
  constexpr std::string_view entry = R"({"above_s": s, "p": p})";
  if (!v.is_array() || v.empty()) {
    error(ptr, fmt::format("expected a non-empty array of {} in increasing above_s: a caller told a wait above "
                           "above_s balks with p (the last step it passes); got {}",
                           entry, describe(v)));
    return;
  }
  if (v.size() > kMaxBalkingValues) {
    error(ptr, fmt::format("at most {} steps; got {}", kMaxBalkingValues, v.size()));
    return;
  }
  const std::size_t before = sink_.count();
  std::vector<ContactTypeSpec::BalkStep> out;
  for (std::size_t i = 0; i < v.size(); ++i) {
    const std::string ep = child_pointer(ptr, i);
    if (!expect_object(v[i], ep, entry)) continue;
    check_keys(v[i], ep, kBalkStepKeys);
    ContactTypeSpec::BalkStep step;
    if (auto x = number_at(v[i], ep, "above_s", at_least(0.0), true)) step.above_s = *x;
    if (auto p = number_at(v[i], ep, "p", closed(0.0, 1.0), true)) step.p = *p;
    out.push_back(step);
  }
  if (sink_.count() != before) return;
  for (Diagnostic& d : balk_step_problems(out, ptr)) error(std::move(d.pointer), std::move(d.message));
  if (sink_.count() == before) t.balk_by_announced_wait = std::move(out);
}

void Decoder::decode_redial(const Json& v, const std::string& ptr, ContactTypeSpec& t) {
  if (!expect_object(v, ptr,
                     R"(an object {"p_by_attempt": [p1, p2, ...], "delay": <distribution>, "max_attempts": n, )"
                     R"("after": [...], "patience": "redraw" or "keep", "handle_time": "keep" or "redraw"})"))
    return;
  const std::size_t before = sink_.count();
  check_keys(v, ptr, kRedialKeys);
  RedialSpec r;
  if (const Json* a = find(v, "after")) {
    const std::string ap = ptr + "/after";
    if (!a->is_array() || a->empty()) {
      error(ap, fmt::format("expected a non-empty array of outcomes a redial follows, from blocked, ivr_hangup, "
                            "abandoned, balked, timed_out, disconnected; got {}",
                            describe(*a)));
    } else {
      r.after = 0;
      for (std::size_t i = 0; i < a->size(); ++i) {
        const std::string ep = child_pointer(ap, i);
        const auto e = choice((*a)[i], ep, "outcome", kAttemptEndNames);
        if (!e) continue;
        const std::uint8_t bit = attempt_end_bit(static_cast<AttemptEnd>(*e));
        if (r.after & bit)
          error(ep, fmt::format("{} is listed twice; name each outcome once", quote(kAttemptEndNames[*e])));
        r.after |= bit;
      }
    }
  }
  constexpr std::string_view accepted =
      "a non-empty array of probabilities in [0, 1]: [p1, p2, ...], p_n the probability of a redial after the "
      "n-th attempt failed, the last value for later attempts";
  if (const Json* ps = find(v, "p_by_attempt")) {
    const std::string pp = ptr + "/p_by_attempt";
    if (!ps->is_array() || ps->empty()) {
      error(pp, fmt::format("expected {}; got {}", accepted, describe(*ps)));
    } else {
      for (std::size_t i = 0; i < ps->size(); ++i)
        if (auto x = number((*ps)[i], child_pointer(pp, i), closed(0.0, 1.0))) r.p_by_attempt.push_back(*x);
    }
  } else {
    missing(ptr, "p_by_attempt", accepted);
  }
  if (auto n = integer_at(v, ptr, "max_attempts", 2, internal::kMaxRedialAttempts, false))
    r.max_attempts = static_cast<std::uint32_t>(*n);
  if (const Json* d = find(v, "delay")) {
    if (auto dist = decode_distribution(*d, ptr + "/delay", false)) r.delay = std::move(*dist);
  } else {
    missing(ptr, "delay", fmt::format("the time from the failed attempt to the redial: a distribution object such "
                                      "as {}",
                                      kDistExample));
  }
  if (const Json* p = find(v, "patience"))
    if (auto i = choice(*p, ptr + "/patience", "patience rule", kRedialDrawNames)) r.keep_patience = *i == 1;
  if (const Json* h = find(v, "handle_time"))
    if (auto i = choice(*h, ptr + "/handle_time", "handle-time rule", kRedialDrawNames)) r.keep_handle_time = *i == 1;
  if (sink_.count() != before) return;
  for (Diagnostic& d : internal::redial_problems(r, ptr)) error(std::move(d.pointer), std::move(d.message));
  t.redial = std::move(r);
}

// ---- agent groups -----------------------------------------------------------------

void Decoder::decode_agent_groups(const Json& doc, ScenarioSpec& spec) {
  const Json* gs = find(doc, "agent_groups");
  if (!gs) {
    missing("", "agent_groups", R"(a non-empty array of {"name": ..., "staffing": ...} objects)");
    return;
  }
  if (!gs->is_array() || gs->empty()) {
    error("/agent_groups",
          fmt::format(R"(expected a non-empty array of {{"name": ..., "staffing": ...}} objects; got {})",
                      describe(*gs)));
    return;
  }
  if (gs->size() > kMaxAgentGroups) {
    error("/agent_groups", fmt::format("at most {} agent groups are supported (random stream numbering); got {}",
                                       kMaxAgentGroups, gs->size()));
    return;
  }
  groups_known_ = true;
  for (std::size_t i = 0; i < gs->size(); ++i) {
    const Json* name = (*gs)[i].is_object() ? find((*gs)[i], "name") : nullptr;
    if (!name || !name->is_string() || name->get_ref<const std::string&>().empty()) groups_known_ = false;
  }
  const bool steady = mode_ == RunMode::SteadyState;
  const std::string count = period_count();
  std::uint64_t agents = 0;
  for (std::size_t i = 0; i < gs->size(); ++i) {
    const Json& v = (*gs)[i];
    const std::string ptr = child_pointer("/agent_groups", i);
    AgentGroupSpec g;
    GroupInfo info;
    if (expect_object(v, ptr, R"(an agent group object {"name": ..., "staffing": ...})")) {
      check_keys(v, ptr, kGroupKeys);
      info.priced = find(v, "cost_per_hour") != nullptr;
      info.chat = find(v, "chat") != nullptr;
      if (auto x = number_at(v, ptr, "cost_per_hour", at_least(0.0), false)) g.cost_per_hour = *x;
      if (const Json* n = find(v, "name")) {
        const std::string np = ptr + "/name";
        if (auto s = string(*n, np, "a non-empty string")) {
          if (s->empty()) {
            error(np, "must be a non-empty string; got \"\"");
          } else if (auto it = group_index_.find(*s); it != group_index_.end()) {
            error(np, fmt::format("duplicate agent group name {}; names must be unique (first used at {}/name)",
                                  quote(*s), child_pointer("/agent_groups", it->second)));
          } else {
            g.name = *s;
            info.named = true;
          }
        }
      } else {
        missing(ptr, "name", "a non-empty string, unique among agent groups");
      }

      const std::string sp = ptr + "/staffing";
      const std::string accepted =
          steady
              ? std::string("a single integer >= 0 (steady_state mode has no periods)")
              : fmt::format("an integer >= 0 (every period) or an array of {} integers >= 0 (one per period)", count);
      const std::size_t before = sink_.count();
      const Json* s = find(v, "staffing");
      const auto planned = info.named ? staffing_plan_.find(g.name) : staffing_plan_.end();
      if (planned != staffing_plan_.end()) {
        if (s && !staffing_plan_overrides_)
          error(sp, fmt::format("the staffing of {} is given twice, here and in {}; remove one, or set "
                                "/staffing_plan/overrides to true to let the file replace it",
                                quote(g.name), staffing_plan_file_));
        g.staffing = planned->second;
      } else if (s) {
        if (s->is_array()) {
          if (steady) {
            error(sp, fmt::format("expected {}; got an array", accepted));
          } else {
            periods_fit(s->size(), sp);
            // Required staffing from a spreadsheet is often fractional: one message for
            // the array, not one per value.
            std::vector<std::size_t> fractional;
            for (std::size_t k = 0; k < s->size(); ++k) {
              const Json& x = (*s)[k];
              if (x.is_number_float() && x.get<double>() >= 0.0 && std::isfinite(x.get<double>()) &&
                  x.get<double>() != std::floor(x.get<double>()))
                fractional.push_back(k);
            }
            if (!fractional.empty()) {
              const Json& first = (*s)[fractional.front()];
              error(sp, fmt::format("agents are whole: {} of the {} values {} fractional (the first, {}, is {}); round "
                                    "them (up, to keep at least the agents asked for)",
                                    fractional.size(), s->size(), fractional.size() == 1 ? "is" : "are",
                                    child_pointer(sp, fractional.front()), describe(first)));
            } else {
              for (std::size_t k = 0; k < s->size(); ++k)
                if (auto x = integer((*s)[k], child_pointer(sp, k), 0, kU32Max))
                  g.staffing.push_back(static_cast<std::uint32_t>(*x));
            }
          }
        } else if (s->is_number()) {
          if (auto x = integer(*s, sp, 0, kU32Max))
            g.staffing.assign(steady ? 1 : num_periods_.value_or(1), static_cast<std::uint32_t>(*x));
        } else {
          error(sp, fmt::format("expected {}; got {}", accepted, describe(*s)));
        }
      }
      const bool staffing_ok = sink_.count() == before;
      const bool shifts_ok = decode_workforce(v, ptr, g);
      if (const Json* c = find(v, "chat")) decode_chat(*c, ptr + "/chat", g);
      if (const Json* m = find(v, "max_agents_on")) decode_max_agents_on(*m, ptr + "/max_agents_on", g);
      if (!s && planned == staffing_plan_.end() && (steady || !find(v, "shifts"))) {
        if (steady) {
          missing(ptr, "staffing", accepted);
        } else if (!staffing_plan_key_) {
          error(ptr, R"(missing the agents; give "staffing" (agents per period), "shifts", or both)");
        } else if (staffing_plan_read_) {  // else the plan's problems are reported: it may hold them
          error(ptr, R"(missing the agents; give "staffing" (agents per period), "shifts", or a column in the )"
                     "staffing plan");
        }
      } else if (staffing_ok && shifts_ok) {
        // A group never staffed is legal (a warning): it has no peak to compare a reservation with.
        if (!never_staffed(g, ptr, "")) info.agents_ok = g.shifts.empty() || horizon_s_.has_value();
      }
    }
    if (info.named) {
      group_index_.emplace(g.name, i);
      group_names_.push_back(g.name);
    }
    agents += scheduled_stints(g);
    // One day's staffing stands for every day (spread_over_days): each later day adds its
    // rises, the one from the last period's agents to the first's in place of the first's.
    if (days_ > 1 && num_periods_ && g.staffing.size() == *num_periods_ && !g.staffing.empty()) {
      AgentGroupSpec day_only;
      day_only.staffing = g.staffing;
      const std::uint64_t first = g.staffing.front(), last = g.staffing.back();
      agents += (days_ - 1) * (scheduled_stints(day_only) - first + (first > last ? first - last : 0));
    }
    spec.agent_groups.push_back(std::move(g));
    groups_.push_back(info);
  }
  if (auto message = too_many_agents(agents)) error("/agent_groups", std::move(*message));
}

// {"sessions": k} with at most one of "handle_factors" (one per number of sessions held)
// and "inflation_per_session" (x: the factor for n sessions is 1 + x (n - 1)).
void Decoder::decode_chat(const Json& v, const std::string& ptr, AgentGroupSpec& g) {
  if (!expect_object(v, ptr, R"(a chat object {"sessions": k, "handle_factors": [1, ...]})")) return;
  check_keys(v, ptr, kChatKeys);
  const auto sessions = integer_at(v, ptr, "sessions", 1, kMaxChatSessions, true);
  const Json* table = find(v, "handle_factors");
  const Json* per = find(v, "inflation_per_session");
  if (table && per) {
    error(ptr, R"(gives both "handle_factors" and "inflation_per_session"; keep one: the table, or the step it grows )"
               "by per extra session");
    return;
  }
  if (sessions) g.chat_sessions = static_cast<std::uint32_t>(*sessions);
  if (per) {
    const std::string pp = ptr + "/inflation_per_session";
    const auto x = number(*per, pp, at_least(0.0));
    if (!x || !sessions) return;
    if (!std::isfinite(1.0 + *x * (g.chat_sessions - 1))) {
      error(pp, fmt::format("is too large: the factor for {} sessions, 1 + {} x {}, is not a finite number",
                            g.chat_sessions, *x, g.chat_sessions - 1));
      return;
    }
    for (std::uint32_t n = 0; n < g.chat_sessions; ++n) g.chat_handle_factors.push_back(1.0 + *x * n);
    return;
  }
  if (!table) return;
  const std::string tp = ptr + "/handle_factors";
  if (!table->is_array()) {
    error(tp, fmt::format("expected an array of numbers >= 1, one per number of sessions held, the first 1; got {}",
                          describe(*table)));
    return;
  }
  std::vector<double> factors;
  for (std::size_t n = 0; n < table->size(); ++n)
    if (auto x = number((*table)[n], child_pointer(tp, n), at_least(1.0))) factors.push_back(*x);
  if (factors.size() != table->size() || !sessions) return;
  const std::vector<Diagnostic> problems = chat_factor_problems(g.chat_sessions, factors, tp);
  for (const Diagnostic& d : problems) error(d.pointer, d.message);
  if (problems.empty()) g.chat_handle_factors = std::move(factors);
}

void Decoder::decode_max_agents_on(const Json& v, const std::string& ptr, AgentGroupSpec& g) {
  if (!expect_object(v, ptr, R"(an object of caps by channel, e.g. {"email": 4})")) return;
  check_keys(v, ptr, kChannelNames);
  // Calls are never capped, whatever the value: channel_cap_problems says so.
  for (const Channel c : {Channel::Voice, Channel::Outbound})
    if (find(v, kChannelNames[index(c)])) g.max_agents_on[index(c)] = 1;
  for (const Channel c : {Channel::Email, Channel::Chat})
    if (auto n = integer_at(v, ptr, kChannelNames[index(c)], 1, kU32Max, false))
      g.max_agents_on[index(c)] = static_cast<std::uint32_t>(*n);
}

}  // namespace ccsim::models::internal
