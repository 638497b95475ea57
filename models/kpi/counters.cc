#include "models/kpi/counters.h"

namespace ccsim::models {

TypeCounters& TypeCounters::operator+=(const TypeCounters& o) {
  offered += o.offered;
  blocked_trunk += o.blocked_trunk;
  blocked_ivr += o.blocked_ivr;
  blocked_router += o.blocked_router;
  ivr_contained += o.ivr_contained;
  ivr_abandoned += o.ivr_abandoned;
  answered += o.answered;
  answered_within_awt += o.answered_within_awt;
  for (std::size_t i = 0; i < answered_within_fixed.size(); ++i) answered_within_fixed[i] += o.answered_within_fixed[i];
  abandoned += o.abandoned;
  abandoned_short += o.abandoned_short;
  abandoned_within_awt += o.abandoned_within_awt;
  balked += o.balked;
  timed_out += o.timed_out;
  disconnected += o.disconnected;
  disconnected_unqueued += o.disconnected_unqueued;
  backlog_at_close += o.backlog_at_close;
  backlog_late_at_close += o.backlog_late_at_close;
  interrupted += o.interrupted;
  interrupted_unfinished += o.interrupted_unfinished;
  dials += o.dials;
  oldest_waiting_s = std::max(oldest_waiting_s, o.oldest_waiting_s);
  for (std::size_t i = 0; i < backlog_over_fixed.size(); ++i) backlog_over_fixed[i] += o.backlog_over_fixed[i];
  redials += o.redials;
  customers_lost += o.customers_lost;
  transfers += o.transfers;
  transferred_in += o.transferred_in;
  callbacks_offered += o.callbacks_offered;
  callbacks_accepted += o.callbacks_accepted;
  callbacks_completed += o.callbacks_completed;
  callbacks_failed += o.callbacks_failed;
  callback_delay_sum_s += o.callback_delay_sum_s;
  callback_attempts += o.callback_attempts;
  returns += o.returns;
  customers_abandoned += o.customers_abandoned;
  waited += o.waited;
  wait_sum_answered_s += o.wait_sum_answered_s;
  wait_sum_admitted_s += o.wait_sum_admitted_s;
  wait_sum_abandoned_s += o.wait_sum_abandoned_s;
  queue_area += o.queue_area;
  ivr_area += o.ivr_area;
  system_area += o.system_area;
  sojourn_sum_s += o.sojourn_sum_s;
  answered_waits += o.answered_waits;
  return *this;
}

GroupCounters& GroupCounters::operator+=(const GroupCounters& o) {
  answered += o.answered;
  busy_area += o.busy_area;
  present_area += o.present_area;
  staffed_area += o.staffed_area;
  scheduled_area += o.scheduled_area;
  break_area += o.break_area;
  unpaid_break_area += o.unpaid_break_area;
  breaks_taken += o.breaks_taken;
  break_lateness_sum_s += o.break_lateness_sum_s;
  session_area += o.session_area;
  chatting_area += o.chatting_area;
  email_area += o.email_area;
  outbound_area += o.outbound_area;
  chat_place_area += o.chat_place_area;
  return *this;
}

PairCounters& PairCounters::operator+=(const PairCounters& o) {
  answered += o.answered;
  answered_within_awt += o.answered_within_awt;
  wait_sum_s += o.wait_sum_s;
  handle_sum_s += o.handle_sum_s;
  return *this;
}

void ReplicationCounters::resize(std::size_t types, std::size_t groups, std::size_t pairs, std::size_t slots) {
  num_types = types;
  num_groups = groups;
  num_pairs = pairs;
  num_slots = slots;
  by_slot_pair.assign(pairs * slots, PairCounters{});
  by_slot_type.assign(types * slots, TypeCounters{});
  by_slot_group.assign(groups * slots, GroupCounters{});
  slot_duration_s.assign(slots, 0.0);
}

}  // namespace ccsim::models
