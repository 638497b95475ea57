// models/kpi/kpi_observer.h
// KpiObserver: turns the lifecycle transitions of contacts and agents into the counters
// of one replication (models/kpi/counters.h). It reads, never changes, the model's queue
// lengths and group counts to integrate them over time; each transition that changes one
// reaches the observer just before the change, so the area up to now uses the old value.
// Calls count in the slot they arrived in; time integrals in the slot the time passed in.
#pragma once

#include <cstdint>
#include <vector>

#include "models/agents/agent_pool.h"
#include "models/kpi/counters.h"
#include "models/queues/waiting_queue.h"
#include "models/scenario/spec.h"

namespace ccsim::models {

enum class BlockedAt : std::uint8_t { Trunk, Ivr, Router };
enum class IvrOutcome : std::uint8_t { Contained, HungUp };
// What an offered call is: a customer's first attempt (a fresh call or a return), a
// redial, the leg of a call transferred from another type, or a callback's attempt.
enum class CallKind : std::uint8_t { First, Redial, TransferredIn, CallbackAttempt };

class KpiObserver {
 public:
  // `slots` observed slots; one more, the discard slot, collects what is not observed
  // (steady-state warm-up, time after the window) and is dropped by finish().
  // chat: each group's chat sessions, chatting agents and agents on e-mail, kept by the
  // agent pool; null without a chat or e-mail type.
  KpiObserver(const ScenarioSpec& spec, std::size_t pairs, std::size_t slots, const WaitingQueue* queues,
              const GroupCounts* groups, const ChannelCounts* chat = nullptr);

  std::uint32_t discard_slot() const { return discard_slot_; }

  // `entered`: the call took a line (it was not blocked on arrival) and is now in the system.
  void arrival(std::uint32_t slot, ContactTypeId k, bool entered, CallKind kind, double now_s) {
    ++counters_.arrivals;
    TypeCounters& tc = counters_.type(slot, index(k));
    ++tc.offered;
    tc.redials += kind == CallKind::Redial;
    tc.transferred_in += kind == CallKind::TransferredIn;
    tc.callback_attempts += kind == CallKind::CallbackAttempt;
    if (entered) in_system_changes(k, now_s, +1);
  }
  // A caller of type k (arrived in `slot`) about to wait was offered a callback. One who
  // accepts hangs up now: it leaves the type's calls in the system.
  void callback_offered(std::uint32_t slot, ContactTypeId k, bool accepted, double now_s, double in_system_s) {
    TypeCounters& tc = counters_.type(slot, index(k));
    ++tc.callbacks_offered;
    if (!accepted) return;
    ++tc.callbacks_accepted;
    leaves(slot, k, now_s, in_system_s);
  }
  // What became of a callback accepted by a call of type k in `slot`: a dial reached the
  // customer delay_s after the acceptance, or the callback failed.
  void callback_completed(std::uint32_t slot, ContactTypeId k, double delay_s) {
    TypeCounters& tc = counters_.type(slot, index(k));
    ++tc.callbacks_completed;
    tc.callback_delay_sum_s += delay_s;
  }
  void callback_failed(std::uint32_t slot, ContactTypeId k) { ++counters_.type(slot, index(k)).callbacks_failed; }
  // A leg of type k (arrived in `slot`) was transferred out at the end of its talk.
  void transferred(std::uint32_t slot, ContactTypeId k) { ++counters_.type(slot, index(k)).transfers; }
  // A transfer's handle time lengthens the talk of a leg already answered: its time in
  // system and its pair's handle time (the agent's busy time integrates it as it passes).
  void handover(std::uint32_t slot, ContactTypeId k, std::uint32_t pair, double handle_s) {
    counters_.type(slot, index(k)).sojourn_sum_s += handle_s;
    counters_.pair(slot, pair).handle_sum_s += handle_s;
  }
  // A served customer's return call of type k is offered now, in `slot`.
  void returned(std::uint32_t slot, ContactTypeId k) { ++counters_.type(slot, index(k)).returns; }
  // The customer's story ended unserved (abandoned: its last attempt was an abandonment).
  void customer_lost(std::uint32_t customer_slot, ContactTypeId k, bool abandoned) {
    TypeCounters& tc = counters_.type(customer_slot, index(k));
    ++tc.customers_lost;
    tc.customers_abandoned += abandoned;
  }
  // in_system_s: from arrival to now (0 for a call blocked on arrival, which never entered).
  void blocked(std::uint32_t slot, ContactTypeId k, BlockedAt where, double now_s, double in_system_s) {
    TypeCounters& tc = counters_.type(slot, index(k));
    switch (where) {
      case BlockedAt::Trunk: ++tc.blocked_trunk; return;
      case BlockedAt::Ivr: ++tc.blocked_ivr; return;
      case BlockedAt::Router:
        ++tc.blocked_router;
        leaves(slot, k, now_s, in_system_s);
        return;
    }
  }
  void ivr_start(ContactTypeId k, double now_s) { in_ivr_changes(k, now_s, +1); }
  void ivr_end(ContactTypeId k, double now_s) { in_ivr_changes(k, now_s, -1); }
  void ivr_outcome(std::uint32_t slot, ContactTypeId k, IvrOutcome o, double now_s, double in_system_s) {
    TypeCounters& tc = counters_.type(slot, index(k));
    if (o == IvrOutcome::Contained)
      ++tc.ivr_contained;
    else
      ++tc.ivr_abandoned;
    leaves(slot, k, now_s, in_system_s);
  }
  // The caller hangs up at the end of talk; its time in system was counted at the answer.
  void talk_end(ContactTypeId k, double now_s) { in_system_changes(k, now_s, -1); }
  void queue_changes(QueueId q, double now_s) {
    double& last = queue_touched_s_[index(q)];
    time_types_[index(q)].queue_area += static_cast<double>(queues_[index(q)].size()) * (now_s - last);
    last = now_s;
  }
  // The group's busy count is about to change (a contact answered, an agent freed).
  void busy_changes(AgentGroupId g, double now_s) {
    double& last = busy_touched_s_[index(g)];
    time_groups_[index(g)].busy_area += groups_[index(g)].busy * (now_s - last);
    last = now_s;
  }
  // The group's agents scheduled, on duty, logged on or on a break are about to change
  // (roster changes, breaks); its busy count may change with them.
  void presence_changes(AgentGroupId g, double now_s) {
    busy_changes(g, now_s);
    double& last = presence_touched_s_[index(g)];
    const double dt = now_s - last;
    const GroupCounts& c = groups_[index(g)];
    GroupCounters& gc = time_groups_[index(g)];
    gc.present_area += c.logged_on * dt;
    gc.staffed_area += c.on_duty * dt;
    gc.scheduled_area += c.scheduled * dt;
    gc.break_area += c.on_break * dt;
    gc.unpaid_break_area += c.on_unpaid_break * dt;
    if (chat_) [[unlikely]]
      gc.chat_place_area += chat_places_[index(g)] * (c.logged_on - c.on_break) * dt;
    last = now_s;
  }
  // The group's chat sessions are about to change (one starts or ends).
  void sessions_change(AgentGroupId g, double now_s) {
    double& last = session_touched_s_[index(g)];
    GroupCounters& gc = time_groups_[index(g)];
    gc.session_area += chat_[index(g)].sessions * (now_s - last);
    gc.chatting_area += chat_[index(g)].chatting * (now_s - last);
    last = now_s;
  }
  // The group's agents on e-mail are about to change.
  void email_work_changes(AgentGroupId g, double now_s) {
    double& last = email_touched_s_[index(g)];
    time_groups_[index(g)].email_area += chat_[index(g)].on_email * (now_s - last);
    last = now_s;
  }
  // The group's agents on outbound customers are about to change.
  void outbound_work_changes(AgentGroupId g, double now_s) {
    double& last = outbound_touched_s_[index(g)];
    time_groups_[index(g)].outbound_area += chat_[index(g)].on_outbound * (now_s - last);
    last = now_s;
  }
  void break_taken(AgentGroupId g, double lateness_s) {
    GroupCounters& gc = time_groups_[index(g)];
    ++gc.breaks_taken;
    gc.break_lateness_sum_s += lateness_s;
  }
  // A contact of type k (arrived in `slot`) is answered by group g after wait_s; the
  // agent is busy for handle_s (talk and wrap-up, multipliers applied).
  // in_system_s: from arrival to the end of the talk about to start (known now).
  void answered(std::uint32_t slot, ContactTypeId k, AgentGroupId g, std::uint32_t pair, double wait_s,
                double handle_s, double in_system_s) {
    const bool within_awt = wait_s <= thresholds_[index(k)].awt_s;
    TypeCounters& tc = counters_.type(slot, index(k));
    tc.sojourn_sum_s += in_system_s;
    ++tc.answered;
    tc.answered_within_awt += within_awt;
    for (std::size_t i = 0; i < kSlThresholdsS.size(); ++i) tc.answered_within_fixed[i] += wait_s <= kSlThresholdsS[i];
    tc.waited += wait_s > 0.0;
    tc.wait_sum_answered_s += wait_s;
    tc.wait_sum_admitted_s += wait_s;
    tc.answered_waits.add(wait_s);
    ++counters_.group(slot, index(g)).answered;
    PairCounters& pc = counters_.pair(slot, pair);
    ++pc.answered;
    pc.answered_within_awt += within_awt;
    pc.wait_sum_s += wait_s;
    pc.handle_sum_s += handle_s;
  }
  // The time in system and handle time counted at the answer assumed the talk would end
  // talk_left_s from now; the interruption takes them back, the resumption adds what follows.
  void dialled(std::uint32_t slot, ContactTypeId k) { ++counters_.type(slot, index(k)).dials; }
  void interrupted(std::uint32_t slot, ContactTypeId k, std::uint32_t pair, double talk_left_s, double handle_left_s) {
    TypeCounters& tc = counters_.type(slot, index(k));
    ++tc.interrupted;
    tc.sojourn_sum_s -= talk_left_s;
    counters_.pair(slot, pair).handle_sum_s -= handle_left_s;
  }
  void unfinished(std::uint32_t slot, ContactTypeId k, double now_s, double in_system_s) {
    leaves(slot, k, now_s, in_system_s);
    ++counters_.type(slot, index(k)).interrupted_unfinished;
  }
  void resumed(std::uint32_t slot, ContactTypeId k, std::uint32_t pair, double in_system_s, double handle_s) {
    counters_.type(slot, index(k)).sojourn_sum_s += in_system_s;
    counters_.pair(slot, pair).handle_sum_s += handle_s;
  }
  void abandoned(std::uint32_t slot, ContactTypeId k, double wait_s, double now_s, double in_system_s) {
    leaves(slot, k, now_s, in_system_s);
    TypeCounters& tc = counters_.type(slot, index(k));
    ++tc.abandoned;
    tc.abandoned_short += wait_s < thresholds_[index(k)].short_abandon_s;
    tc.abandoned_within_awt += wait_s <= thresholds_[index(k)].awt_s;
    tc.waited += wait_s > 0.0;
    tc.wait_sum_admitted_s += wait_s;
    tc.wait_sum_abandoned_s += wait_s;
  }

  void balked(std::uint32_t slot, ContactTypeId k, double now_s, double in_system_s) {
    leaves(slot, k, now_s, in_system_s);
    ++counters_.type(slot, index(k)).balked;
  }
  // Left the queue after wait_s, ended by the centre: the type's maximum wait, or closing.
  void timed_out(std::uint32_t slot, ContactTypeId k, double wait_s, double now_s, double in_system_s) {
    ++ended_waiting(slot, k, wait_s, now_s, in_system_s).timed_out;
  }
  // queued: the caller was waiting; else it was cut off on reaching the queue, which it
  // never joined (not admitted, like a balk).
  void disconnected(std::uint32_t slot, ContactTypeId k, bool queued, double wait_s, double now_s,
                    double in_system_s) {
    if (queued) {
      ++ended_waiting(slot, k, wait_s, now_s, in_system_s).disconnected;
      return;
    }
    leaves(slot, k, now_s, in_system_s);
    TypeCounters& tc = counters_.type(slot, index(k));
    ++tc.disconnected;
    ++tc.disconnected_unqueued;
  }

  // An e-mail still in the backlog at the close: past due, its wait ends there as admitted
  // and late; else it just leaves the count of contacts in the system.
  void backlog_at_close(std::uint32_t slot, ContactTypeId k, bool late, double wait_s, double now_s,
                        double in_system_s) {
    TypeCounters& tc = late ? ended_waiting(slot, k, wait_s, now_s, in_system_s) : counters_.type(slot, index(k));
    if (late) {
      ++tc.backlog_late_at_close;
    } else {
      in_system_changes(k, now_s, -1);
      for (std::size_t i = 0; i < kSlThresholdsS.size(); ++i) tc.backlog_over_fixed[i] += wait_s > kSlThresholdsS[i];
    }
    ++tc.backlog_at_close;
  }

  // Flushes every time integral into the current slot, then integrates into `slot`.
  void switch_time_slot(std::uint32_t slot, double now_s);

  // Ends observation: flushes the integrals, drops the discard slot and hands over the
  // counters; the caller adds the run's totals (events, draws, fingerprint).
  ReplicationCounters finish(double now_s, std::uint64_t unserved_at_end);

 private:
  void point_time_rows();
  TypeCounters& ended_waiting(std::uint32_t slot, ContactTypeId k, double wait_s, double now_s, double in_system_s) {
    leaves(slot, k, now_s, in_system_s);
    TypeCounters& tc = counters_.type(slot, index(k));
    tc.waited += wait_s > 0.0;
    tc.wait_sum_admitted_s += wait_s;
    return tc;
  }
  void leaves(std::uint32_t slot, ContactTypeId k, double now_s, double in_system_s) {
    counters_.type(slot, index(k)).sojourn_sum_s += in_system_s;
    in_system_changes(k, now_s, -1);
  }
  // The observer keeps these counts itself: the model has no per-type count of callers in
  // the IVR or in the system, and needs none.
  void in_system_changes(ContactTypeId k, double now_s, int step) {
    count_changes(in_system_[index(k)], time_types_[index(k)].system_area, now_s, step);
  }
  void in_ivr_changes(ContactTypeId k, double now_s, int step) {
    count_changes(in_ivr_[index(k)], time_types_[index(k)].ivr_area, now_s, step);
  }

  ReplicationCounters counters_;
  const WaitingQueue* queues_;
  const GroupCounts* groups_;
  // Per contact type: its own service-level thresholds (ScenarioSpec::service_level_of).
  struct Thresholds {
    double awt_s;
    double short_abandon_s;
  };
  std::vector<Thresholds> thresholds_;
  std::uint32_t discard_slot_;
  std::uint32_t time_slot_;
  TypeCounters* time_types_ = nullptr;    // the rows of time_slot_, where time integrals go
  GroupCounters* time_groups_ = nullptr;
  double time_slot_start_s_ = 0.0;
  std::vector<double> queue_touched_s_;  // per queue: time of its last flush
  struct TypeCount {
    std::int64_t count = 0;
    double touched_s = 0.0;  // time of its last flush
  };
  static void count_changes(TypeCount& n, double& area, double now_s, int step) {
    area += static_cast<double>(n.count) * (now_s - n.touched_s);
    n.count += step;
    n.touched_s = now_s;
  }
  std::vector<TypeCount> in_system_;  // per contact type
  std::vector<TypeCount> in_ivr_;     // per contact type
  std::vector<double> busy_touched_s_;      // per group: last flush of its busy area
  std::vector<double> presence_touched_s_;  // per group: last flush of its present and staffed areas
  const ChannelCounts* chat_;
  std::vector<double> chat_places_;        // per group: its sessions allowed if it serves a chat type, else 0
  std::vector<double> session_touched_s_;  // per group: last flush of its session areas (with chat or e-mail)
  std::vector<double> email_touched_s_;    // per group: last flush of its e-mail area (with chat or e-mail)
  std::vector<double> outbound_touched_s_;  // per group: last flush of its outbound area (likewise)
  std::vector<std::uint8_t> put_aside_;     // per queue: 1 for an interruptible type's (its head may not be its oldest)
};

}  // namespace ccsim::models
