// models/scenario/spec_hash.cc
// Each struct is taken apart with a structured binding naming every member: a member
// added to spec.h then stops this file from compiling until it is hashed (or left out
// here on purpose), instead of two ranks silently disagreeing on it.
#include "models/scenario/spec_hash.h"

#include <array>
#include <optional>
#include <vector>

namespace ccsim::models {

Hash64& Hash64::add(std::string_view s) {
  add(s.size());
  for (const char c : s) add(static_cast<unsigned char>(c));
  return *this;
}

namespace {

void feed(Hash64& h, const sim::Distribution& d);
void feed(Hash64& h, const ArrivalSpec& a);
void feed(Hash64& h, const IvrTreatment& t);
void feed(Hash64& h, const ServiceLevelSpec& s);
void feed(Hash64& h, const RedialSpec& r);
void feed(Hash64& h, const TransferSpec& t);
void feed(Hash64& h, const ReturnSpec& r);
void feed(Hash64& h, const CallbackSpec& c);
void feed(Hash64& h, const DialerSpec& d);
void feed(Hash64& h, const ContactTypeSpec::BalkStep& b);
void feed(Hash64& h, const ContactTypeSpec& c);
void feed(Hash64& h, const BreakSpec& b);
void feed(Hash64& h, const ShiftSpec& s);
void feed(Hash64& h, const AgentGroupSpec& g);
void feed(Hash64& h, const RouterSpec& r);
void feed(Hash64& h, const TargetSpec& t);
void feed(Hash64& h, const BusynessSpec& b);
void feed(Hash64& h, const CostSpec& c);
void feed(Hash64& h, const SteadyStateSpec& s);
void feed(Hash64& h, const CheckSpec& c);
void feed(Hash64& h, const ScenarioSpec::ForecastSource& f);

template <class T>
  requires requires(Hash64& h, const T& v) { h.add(v); }
void feed(Hash64& h, const T& v) {
  h.add(v);
}

template <class T>
void feed(Hash64& h, const std::optional<T>& v) {
  h.add(v.has_value());
  if (v) feed(h, *v);
}

template <class T>
void feed(Hash64& h, const std::vector<T>& v) {
  h.add(v.size());
  for (const T& x : v) feed(h, x);
}

template <class T, std::size_t N>
void feed(Hash64& h, const std::array<T, N>& v) {
  for (const T& x : v) feed(h, x);
}

template <class Id, class T>
void feed(Hash64& h, const IdVector<Id, T>& v) {
  feed(h, v.raw());
}

template <class... T>
void feed_all(Hash64& h, const T&... v) {
  (feed(h, v), ...);
}

void feed(Hash64& h, const sim::Distribution& d) {
  const auto& [kind, a, b, c, k, values_s, cdf, parts] = d;
  feed_all(h, kind, a, b, c, k, values_s, cdf, parts);
}

void feed(Hash64& h, const ArrivalSpec& s) {
  const auto& [process, rate_per_s, per_period, times_s] = s;
  feed_all(h, process, rate_per_s, per_period, times_s);
}

void feed(Hash64& h, const IvrTreatment& t) {
  const auto& [duration, p_self_service, p_hangup] = t;
  feed_all(h, duration, p_self_service, p_hangup);
}

void feed(Hash64& h, const ServiceLevelSpec& s) {
  const auto& [awt_s, target, definition, short_abandon_s] = s;
  feed_all(h, awt_s, target, definition, short_abandon_s);
}

void feed(Hash64& h, const ContactTypeSpec& c) {
  const auto& [name, channel, priority, arrivals, ivr, talk, wrap_up, patience, groups, handle_time_multiplier,
               overflow_delay_s, wait_weight, aht_per_period_s, patience_per_period_s, service_level, max_wait_s,
               balk_p_by_queue_length, balk_by_announced_wait, redial, transfers, returns, callback, interruptible,
               dialer] = c;
  feed_all(h, name, channel, priority, arrivals, ivr, talk, wrap_up, patience, groups, handle_time_multiplier,
           overflow_delay_s, wait_weight, aht_per_period_s, patience_per_period_s, service_level, max_wait_s,
           balk_p_by_queue_length, balk_by_announced_wait, redial, transfers, returns, callback, interruptible, dialer);
}

void feed(Hash64& h, const DialerSpec& d) {
  const auto& [threshold, ratio, dial, p_reach] = d;
  feed_all(h, threshold, ratio, dial, p_reach);
}

void feed(Hash64& h, const ContactTypeSpec::BalkStep& b) { feed_all(h, b.above_s, b.p); }

void feed(Hash64& h, const CallbackSpec& c) {
  const auto& [offer_above_wait_s, p_accept, to, delay, dial, p_reach, max_attempts, retry_delay] = c;
  feed_all(h, offer_above_wait_s, p_accept, to, delay, dial, p_reach, max_attempts, retry_delay);
}

void feed(Hash64& h, const TransferSpec& t) {
  const auto& [to, p, handle] = t;
  feed_all(h, to, p, handle);
}

void feed(Hash64& h, const ReturnSpec& r) {
  const auto& [p, delay, as] = r;
  feed_all(h, p, delay, as);
}

void feed(Hash64& h, const RedialSpec& r) {
  const auto& [p_by_attempt, max_attempts, delay, after, keep_patience, keep_handle_time] = r;
  feed_all(h, p_by_attempt, max_attempts, delay, after, keep_patience, keep_handle_time);
}

void feed(Hash64& h, const BreakSpec& b) {
  const auto& [name, duration_s, earliest_start_s, latest_start_s, placement, paid] = b;
  feed_all(h, name, duration_s, earliest_start_s, latest_start_s, placement, paid);
}

void feed(Hash64& h, const ShiftSpec& s) {
  const auto& [name, start_s, end_s, agents, breaks] = s;
  feed_all(h, name, start_s, end_s, agents, breaks);
}

void feed(Hash64& h, const AgentGroupSpec& g) {
  const auto& [name, staffing, shifts, absenteeism, shrinkage, type_order, reserved_for, reserved_agents,
               reserved_for_channel, cost_per_hour, chat_sessions, chat_handle_factors, max_agents_on] = g;
  feed_all(h, name, staffing, shifts, absenteeism, shrinkage, type_order, reserved_for, reserved_agents,
           reserved_for_channel, cost_per_hour, chat_sessions, chat_handle_factors, max_agents_on);
}

void feed(Hash64& h, const RouterSpec& r) {
  const auto& [policy] = r;
  feed(h, policy);
}

void feed(Hash64& h, const TargetSpec& t) {
  const auto& [kpi, bound, value, type, group, scope, share_of_intervals] = t;
  feed_all(h, kpi, bound, value, type, group, scope, share_of_intervals);
}

void feed(Hash64& h, const BusynessSpec& b) {
  const auto& [cv, interval_cv, per_type] = b;
  feed_all(h, cv, interval_cv, per_type);
}

void feed(Hash64& h, const CostSpec& c) {
  const auto& [currency, per_abandoned_call, per_answered_call] = c;
  feed_all(h, currency, per_abandoned_call, per_answered_call);
}

void feed(Hash64& h, const SteadyStateSpec& s) {
  const auto& [warmup_s, duration_s, calls, batches] = s;
  feed_all(h, warmup_s, duration_s, calls, batches);
}

void feed(Hash64& h, const CheckSpec& c) {
  const auto& [alpha, tolerance_fraction, tolerance_relative, tolerance_absolute] = c;
  feed_all(h, alpha, tolerance_fraction, tolerance_relative, tolerance_absolute);
}

void feed(Hash64& h, const ScenarioSpec::ForecastSource& f) {
  const auto& [file, per_hour, stated_total, total] = f;  // file: a path (see spec_hash.h)
  feed_all(h, per_hour, stated_total, total);
}

}  // namespace

std::uint64_t spec_hash(const ScenarioSpec& spec) {
  // source_file and staffing_plan_file are paths (see spec_hash.h).
  const auto& [name, description, source_file, mode, period_s, num_periods, start_minute, days, day_names, steady,
               trunk_lines, has_ivr, ivr_ports, forecast, staffing_plan_file, contact_types, agent_groups, router,
               service_level, closing, busyness, targets, seed, replications, confidence, check,
               costs] = spec;
  Hash64 h;
  feed_all(h, name, description, mode, period_s, num_periods, start_minute, days, day_names, steady, trunk_lines,
           has_ivr, ivr_ports, forecast, contact_types, agent_groups, router, service_level, closing, busyness,
           targets, seed, replications, confidence, check, costs);
  return h.value();
}

}  // namespace ccsim::models
