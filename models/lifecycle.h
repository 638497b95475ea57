// models/lifecycle.h
// Lifecycle: the one place the model reports what happens to contacts and agents. Each
// transition goes to its three observers: the KPI counters, the fingerprint and, when
// set, the trace. Handlers change state and report transitions; none of them knows which
// counters exist. A transition that changes a queue or a group is reported just before
// the model applies it (the KPI time integrals need the old value up to now).
#pragma once

#include <cstdint>

#include "models/fingerprint.h"
#include "models/ids.h"
#include "models/kpi/kpi_observer.h"
#include "models/trace.h"

namespace ccsim::models {

inline constexpr QueueId kNoQueue = make_id<QueueId>(kNoId);

class Lifecycle {
 public:
  Lifecycle(KpiObserver kpi, TraceSink* trace) : kpi_(std::move(kpi)), trace_(trace) {}

  KpiObserver& kpi() { return kpi_; }
  std::uint64_t fingerprint() const { return fingerprint_.value(); }

  // Contacts. `c` is kNoId for a call that never got a contact record (blocked at entry,
  // and not about to redial). entered: it took a line.
  void arrival(double t, std::uint32_t slot, ContactTypeId k, std::uint32_t c, bool entered, CallKind kind) {
    kpi_.arrival(slot, k, entered, kind, t);
    note(t, TraceWhat::Arrival, c, index(k), kNoId, kNoId);
  }
  // The dialer of the outbound type k calls a customer (record c) for dial_s; reached, the
  // customer's arrival follows.
  void dial(double t, std::uint32_t slot, ContactId c, ContactTypeId k, double dial_s) {
    kpi_.dialled(slot, k);
    note(t, TraceWhat::Dial, index(c), index(k), kNoId, kNoId, dial_s);
  }
  void dial_unreached(double t, ContactId c, ContactTypeId k) {
    note(t, TraceWhat::DialUnreached, index(c), index(k), kNoId, kNoId);
  }
  // The talk of c (type `from`, arrived in `slot`) ended with a transfer: the leg leaves
  // type `from`; its arrival at the next type follows.
  void transferred(double t, std::uint32_t slot, ContactId c, ContactTypeId from) {
    kpi_.transferred(slot, from);
    note(t, TraceWhat::Transferred, index(c), index(from), kNoId, kNoId);
  }
  // The served customer c of type k will call again after delay_s.
  void return_planned(double t, ContactId c, ContactTypeId k, double delay_s) {
    note(t, TraceWhat::Return, index(c), index(k), kNoId, kNoId, delay_s);
  }
  void returned(std::uint32_t slot, ContactTypeId k) { kpi_.returned(slot, k); }
  // The talk of a call (type k, arrived in slot, served on `pair`) goes on for the
  // transfer's handle_s before the caller moves on.
  void handover(std::uint32_t slot, ContactTypeId k, std::uint32_t pair, double handle_s) {
    kpi_.handover(slot, k, pair, handle_s);
  }
  // A caller of type k about to wait was told announced_wait_s and offered a callback. A
  // declined offer changes nothing the model does next, so it stays out of the fingerprint
  // (p_accept 0 is the model without callbacks, to the bit).
  void callback_offered(double t, std::uint32_t slot, ContactId c, ContactTypeId k, bool accepted,
                        double announced_wait_s, double in_system_s) {
    kpi_.callback_offered(slot, k, accepted, t, in_system_s);
    if (accepted)
      note(t, TraceWhat::CallbackAccepted, index(c), index(k), kNoId, kNoId, announced_wait_s);
    else
      trace(t, TraceWhat::CallbackDeclined, index(c), index(k), kNoId, kNoId, announced_wait_s);
  }
  // A dial of the callback c (accepted by a call of type `from` in `slot`) reached the
  // customer delay_s after the acceptance.
  void callback_completed(std::uint32_t slot, ContactTypeId from, double delay_s) {
    kpi_.callback_completed(slot, from, delay_s);
  }
  // A dial of c (type k, the callback's) did not reach the customer; the next is made after
  // next_s, if any.
  void callback_unreached(double t, ContactId c, ContactTypeId k, double next_s) {
    note(t, TraceWhat::CallbackUnreached, index(c), index(k), kNoId, kNoId, next_s);
  }
  // The callback c (now of type k, accepted by a call of type `from` in `slot`) failed: the
  // customer is lost.
  void callback_failed(double t, ContactId c, ContactTypeId k, std::uint32_t slot, ContactTypeId from,
                       std::uint32_t customer_slot, ContactTypeId customer_type) {
    kpi_.callback_failed(slot, from);
    kpi_.customer_lost(customer_slot, customer_type, false);
    note(t, TraceWhat::CallbackFailed, index(c), index(k), kNoId, kNoId);
  }
  // The customer's attempt failed and it will call again after delay_s.
  void redial(double t, ContactId c, ContactTypeId k, double delay_s) {
    note(t, TraceWhat::Redial, index(c), index(k), kNoId, kNoId, delay_s);
  }
  // The customer (its first attempt counted in customer_slot) was not served and will not
  // call again; abandoned: its last attempt was an abandonment in the queue.
  void customer_lost(std::uint32_t customer_slot, ContactTypeId k, bool abandoned) {
    kpi_.customer_lost(customer_slot, k, abandoned);
  }
  // The customer's redial came after the centre closed: it never called again.
  void gave_up(double t, ContactId c, ContactTypeId k, ContactTypeId customer_type, std::uint32_t customer_slot,
               bool abandoned) {
    kpi_.customer_lost(customer_slot, customer_type, abandoned);
    note(t, TraceWhat::GaveUp, index(c), index(k), kNoId, kNoId);
  }
  // in_system_s: since the arrival (0 for a call blocked on arrival).
  void blocked(double t, std::uint32_t slot, ContactTypeId k, BlockedAt where, std::uint32_t c, double in_system_s) {
    kpi_.blocked(slot, k, where, t, in_system_s);
    const TraceWhat what = where == BlockedAt::Trunk ? TraceWhat::BlockedTrunk
                           : where == BlockedAt::Ivr ? TraceWhat::BlockedIvr
                                                     : TraceWhat::BlockedRouter;
    note(t, what, c, index(k), kNoId, kNoId);
  }
  void ivr_start(double t, ContactId c, ContactTypeId k) {
    kpi_.ivr_start(k, t);
    note(t, TraceWhat::IvrStart, index(c), index(k), kNoId, kNoId);
  }
  // The IVR lets the caller go (whatever comes next): only the KPIs need to know.
  void ivr_end(double t, ContactTypeId k) { kpi_.ivr_end(k, t); }
  void ivr_outcome(double t, std::uint32_t slot, ContactId c, ContactTypeId k, IvrOutcome o, double in_system_s) {
    kpi_.ivr_outcome(slot, k, o, t, in_system_s);
    note(t, o == IvrOutcome::Contained ? TraceWhat::IvrContained : TraceWhat::IvrHangup, index(c), index(k), kNoId,
         kNoId);
  }
  void queued(double t, ContactId c, ContactTypeId k, QueueId q) {
    kpi_.queue_changes(q, t);
    note(t, TraceWhat::Queued, index(c), index(k), kNoId, kNoId);
  }
  // from_queue: the queue the contact leaves, or kNoQueue when it never waited.
  void answered(double t, std::uint32_t slot, ContactId c, ContactTypeId k, QueueId from_queue, AgentId a,
                AgentGroupId g, std::uint32_t pair, double wait_s, double handle_s, double in_system_s) {
    if (from_queue != kNoQueue) kpi_.queue_changes(from_queue, t);
    kpi_.busy_changes(g, t);
    kpi_.answered(slot, k, g, pair, wait_s, handle_s, in_system_s);
    note(t, TraceWhat::Answered, index(c), index(k), index(g), index(a), wait_s);
  }
  // A call took agent a (group g) from the interruptible e-mail c (type k, arrived in slot,
  // answered on `pair`), which joins the head of queue q with talk_left_s to do:
  // handle_left_s (that talk and the wrap-up) is no longer this pair's, and c's time in
  // system no longer ends talk_left_s from now.
  void interrupted(double t, std::uint32_t slot, ContactId c, ContactTypeId k, QueueId q, AgentId a, AgentGroupId g,
                   std::uint32_t pair, double talk_left_s, double handle_left_s) {
    kpi_.queue_changes(q, t);
    kpi_.interrupted(slot, k, pair, talk_left_s, handle_left_s);
    note(t, TraceWhat::Interrupted, index(c), index(k), index(g), index(a), talk_left_s);
  }
  // The interrupted e-mail waiting in q, in the system for waited_s more since it was put
  // aside, will not be resumed (no agent is left to): it leaves the system. Not traced, as
  // for the backlog at the close.
  void unfinished(double t, std::uint32_t slot, ContactTypeId k, QueueId q, double waited_s) {
    kpi_.queue_changes(q, t);
    kpi_.unfinished(slot, k, t, waited_s);
  }
  // Agent a (group g, on `pair`) takes the interrupted e-mail c from the head of q again,
  // waited_s after its interruption, for talk_s and then its wrap-up (handle_s in all).
  void resumed(double t, std::uint32_t slot, ContactId c, ContactTypeId k, QueueId q, AgentId a, AgentGroupId g,
               std::uint32_t pair, double waited_s, double talk_s, double handle_s) {
    kpi_.queue_changes(q, t);
    kpi_.busy_changes(g, t);
    kpi_.resumed(slot, k, pair, waited_s + talk_s, handle_s);
    note(t, TraceWhat::Resumed, index(c), index(k), index(g), index(a), waited_s);
  }
  void abandoned(double t, std::uint32_t slot, ContactId c, ContactTypeId k, QueueId q, double wait_s,
                 double in_system_s) {
    kpi_.queue_changes(q, t);
    kpi_.abandoned(slot, k, wait_s, t, in_system_s);
    note(t, TraceWhat::Abandoned, index(c), index(k), kNoId, kNoId, wait_s);
  }
  // The caller would have had to wait and hangs up instead of joining the queue.
  void balked(double t, std::uint32_t slot, ContactId c, ContactTypeId k, double in_system_s) {
    kpi_.balked(slot, k, t, in_system_s);
    note(t, TraceWhat::Balked, index(c), index(k), kNoId, kNoId);
  }
  void timed_out(double t, std::uint32_t slot, ContactId c, ContactTypeId k, QueueId q, double wait_s,
                 double in_system_s) {
    kpi_.queue_changes(q, t);
    kpi_.timed_out(slot, k, wait_s, t, in_system_s);
    note(t, TraceWhat::TimedOut, index(c), index(k), kNoId, kNoId, wait_s);
  }
  // q: the queue the caller leaves, or kNoQueue when it is disconnected before joining one.
  void disconnected(double t, std::uint32_t slot, ContactId c, ContactTypeId k, QueueId q, double wait_s,
                    double in_system_s) {
    if (q != kNoQueue) kpi_.queue_changes(q, t);
    kpi_.disconnected(slot, k, q != kNoQueue, wait_s, t, in_system_s);
    note(t, TraceWhat::Disconnected, index(c), index(k), kNoId, kNoId, wait_s);
  }
  // Not traced: a reader sees the item wait until the trace ends, as a caller unserved at
  // the end does.
  void backlog_at_close(double t, std::uint32_t slot, ContactTypeId k, QueueId q, bool late, double wait_s,
                        double in_system_s) {
    kpi_.queue_changes(q, t);
    kpi_.backlog_at_close(slot, k, late, wait_s, t, in_system_s);
  }
  // Not folded into the fingerprint: the agent's release (AgentFree or LogOff, or for a
  // chat while its agent holds others, SessionEnd) follows every talk end, with the same
  // group, after a counted wrap-up draw.
  void talk_end(double t, ContactId c, ContactTypeId k, AgentId a, AgentGroupId g) {
    kpi_.talk_end(k, t);
    trace(t, TraceWhat::TalkEnd, index(c), index(k), index(g), index(a), 0.0);
  }

  // Agents. An agent freed after its shift ended logs off instead (leaving == true).
  void agent_free(double t, AgentId a, AgentGroupId g, bool leaving) {
    if (leaving) {
      kpi_.presence_changes(g, t);
      note(t, TraceWhat::LogOff, kNoId, kNoId, index(g), index(a));
    } else {
      kpi_.busy_changes(g, t);
      note(t, TraceWhat::AgentFree, kNoId, kNoId, index(g), index(a));
    }
  }
  // A chat session of group g is about to start or end.
  void sessions_change(double t, AgentGroupId g) { kpi_.sessions_change(g, t); }
  void email_work_changes(double t, AgentGroupId g) { kpi_.email_work_changes(g, t); }
  void outbound_work_changes(double t, AgentGroupId g) { kpi_.outbound_work_changes(g, t); }
  // A chat session of agent a ended (its wrap-up too); the agent holds others.
  void session_end(double t, AgentId a, AgentGroupId g) {
    note(t, TraceWhat::SessionEnd, kNoId, kNoId, index(g), index(a));
  }
  void log_on(double t, AgentId a, AgentGroupId g) { roster(t, TraceWhat::LogOn, a, g); }
  void shift_end(double t, AgentId a, AgentGroupId g) { roster(t, TraceWhat::ShiftEnd, a, g); }
  void log_off(double t, AgentId a, AgentGroupId g) { roster(t, TraceWhat::LogOff, a, g); }
  // Scheduled agents change without anyone logging on (an absent agent's stint).
  void scheduled_changes(double t, AgentGroupId g) { kpi_.presence_changes(g, t); }
  void break_start(double t, AgentId a, AgentGroupId g, double lateness_s) {
    kpi_.presence_changes(g, t);
    kpi_.break_taken(g, lateness_s);
    note(t, TraceWhat::BreakStart, kNoId, kNoId, index(g), index(a), lateness_s);
  }
  void aux_start(double t, AgentId a, AgentGroupId g, double length_s) {
    kpi_.presence_changes(g, t);
    note(t, TraceWhat::AuxStart, kNoId, kNoId, index(g), index(a), length_s);
  }
  void break_end(double t, AgentId a, AgentGroupId g, bool aux) {
    roster(t, aux ? TraceWhat::AuxEnd : TraceWhat::BreakEnd, a, g);
  }

 private:
  void roster(double t, TraceWhat what, AgentId a, AgentGroupId g) {
    kpi_.presence_changes(g, t);
    note(t, what, kNoId, kNoId, index(g), index(a));
  }
  void note(double t, TraceWhat what, std::uint32_t c, std::uint32_t k, std::uint32_t g, std::uint32_t a,
            double value = 0.0) {
    fingerprint_.fold(t, static_cast<std::uint8_t>(what), k, g);
    trace(t, what, c, k, g, a, value);
  }
  void trace(double t, TraceWhat what, std::uint32_t c, std::uint32_t k, std::uint32_t g, std::uint32_t a,
             double value) {
    if (trace_) [[unlikely]]
      trace_->record(TraceRecord{t, what, c, k, g, a, value});
  }

  KpiObserver kpi_;
  Fingerprint fingerprint_;
  TraceSink* trace_;
};

}  // namespace ccsim::models
