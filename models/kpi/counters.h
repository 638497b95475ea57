// models/kpi/counters.h
// Raw totals of one replication, per observation slot (a planning interval in day
// mode, a batch in steady state) and per contact type or agent group. Calls count in
// the slot they arrived in; time integrals count in the slot in which the time passed.
// KPIs are ratios of these totals (models/kpi/kpis.h); docs/kpis.md defines them.
#pragma once

#include <cstddef>
#include <array>
#include <cstdint>
#include <vector>

#include "models/kpi/kpi_names.h"
#include "models/kpi/wait_histogram.h"

namespace ccsim::models {

struct TypeCounters {
  std::uint64_t offered = 0;
  std::uint64_t blocked_trunk = 0;
  std::uint64_t blocked_ivr = 0;
  std::uint64_t blocked_router = 0;  // the routing policy refused the call
  std::uint64_t ivr_contained = 0;
  std::uint64_t ivr_abandoned = 0;
  std::uint64_t answered = 0;
  std::uint64_t answered_within_awt = 0;
  std::array<std::uint64_t, kSlThresholdsS.size()> answered_within_fixed{};  // wait <= 10, 20, 30, 60 s
  std::uint64_t abandoned = 0;
  std::uint64_t abandoned_short = 0;       // abandoned with wait < short_abandon_s
  std::uint64_t abandoned_within_awt = 0;  // abandoned with wait <= awt_s
  std::uint64_t balked = 0;           // would have waited, hung up at once instead (not admitted)
  std::uint64_t timed_out = 0;        // left the queue at the type's max_wait_s
  std::uint64_t disconnected = 0;     // cut off by the closing rule, waiting or on reaching the queue
  std::uint64_t disconnected_unqueued = 0;  // of those, cut off on reaching it (never admitted)
  // E-mails still in the backlog at the close (day mode). Those past their due time by then
  // are admitted and not answered in time; the others' outcome is the next day's, and they
  // are left out of every ratio, like a caller unserved at the end.
  std::uint64_t backlog_at_close = 0;
  std::uint64_t backlog_late_at_close = 0;  // of those, past due
  // Interruptible e-mails: the times a call took an agent from one (an item may count more
  // than once); the item stays answered, and its time in system and the pairs' handle
  // time count the work each agent did.
  std::uint64_t interrupted = 0;
  // Of the interrupted items, those left waiting to be resumed with no agent to do it: at
  // the close none of their groups' agents stays, or nothing else could happen. They stay
  // answered; their time in system runs to then.
  std::uint64_t interrupted_unfinished = 0;
  // Outbound: the dialer's calls, in the slot each was placed in (those that reached the
  // customer are offered, in the slot they reached it).
  std::uint64_t dials = 0;
  // The longest wait of a contact still waiting at the slot's end (0 when none waits): for
  // e-mail, the age of the backlog's oldest item. Not a sum: slots and types combine by
  // their largest.
  double oldest_waiting_s = 0.0;
  // Of those not yet due, the ones that had waited longer than 10, 20, 30, 60 s: certain
  // misses of the fixed thresholds.
  std::array<std::uint64_t, kSlThresholdsS.size()> backlog_over_fixed{};
  // Redials: offered counts every attempt, in the slot it was made in. A customer is
  // counted once, in the slot of its first attempt, and so is what became of it. Only
  // redials and failures touch these, so that a served first attempt pays for nothing:
  // customers() and customers_served() are derived.
  std::uint64_t redials = 0;              // attempts after the first
  std::uint64_t customers_lost = 0;       // not served, and did not call again (or still waiting at the end)
  std::uint64_t customers_abandoned = 0;  // of those, the last attempt was an abandonment in the queue
  std::uint64_t transfers = 0;       // legs of this type transferred to another type after their talk
  std::uint64_t transferred_in = 0;  // legs offered to this type by a transfer (in offered too)
  std::uint64_t returns = 0;         // calls that are returns of served customers (in offered too)
  // Callbacks, counted in the type and slot of the call that was offered one. A callback's
  // attempts (each time it joins the serving type's queue for a dial, the first or a retry)
  // count in the type that serves it, in the slot it joined (in offered too); its answered
  // counts the attempts an agent dialled, the others were ended by the close or the run's end.
  std::uint64_t callbacks_offered = 0;
  std::uint64_t callbacks_accepted = 0;
  std::uint64_t callbacks_completed = 0;  // the customer answered a dial and was served
  std::uint64_t callbacks_failed = 0;     // no dial reached the customer (or none was made)
  double callback_delay_sum_s = 0.0;      // acceptance to the answered dial, of the completed
  std::uint64_t callback_attempts = 0;
  std::uint64_t waited = 0;           // reached the queue and waited > 0 (answered, abandoned, timed out...)
  double wait_sum_answered_s = 0.0;
  double wait_sum_admitted_s = 0.0;  // every call that joined the queue, whatever its end
  double wait_sum_abandoned_s = 0.0;
  double queue_area = 0.0;           // integral of this type's queue length, contact-seconds
  double ivr_area = 0.0;             // integral of this type's callers in the IVR (ports held)
  double system_area = 0.0;          // integral of this type's callers in the IVR, a queue or talking
  double sojourn_sum_s = 0.0;        // arrival to hang-up of the calls that entered (not blocked on entry)
  WaitHistogram answered_waits;      // the waits of the answered calls, for their quantiles

  TypeCounters& operator+=(const TypeCounters& o);
  bool operator==(const TypeCounters&) const = default;

  // A return is a new request, so it counts as a customer again; a transferred leg or a
  // callback's attempt does not.
  std::uint64_t customers() const { return offered - redials - transferred_in - callback_attempts; }
  // Answered by an agent or contained by the IVR (self-service) on some attempt.
  std::uint64_t customers_served() const { return customers() - customers_lost; }
};

struct GroupCounters {
  std::uint64_t answered = 0;
  double busy_area = 0.0;       // agent-seconds in talk or wrap-up
  double present_area = 0.0;    // agent-seconds logged on (on duty, or finishing after the shift)
  double staffed_area = 0.0;    // agent-seconds on duty (logged on, shift running)
  double scheduled_area = 0.0;  // agent-seconds scheduled, absent agents included
  double break_area = 0.0;      // agent-seconds on a break or in-shift shrinkage
  double unpaid_break_area = 0.0;
  std::uint64_t breaks_taken = 0;    // breaks started in the slot
  double break_lateness_sum_s = 0.0;  // their starts past the latest allowed start
  // Chat: session-seconds held, agent-seconds holding at least one session, and the
  // places agents could hold (sessions allowed x agents logged on and not on a break) of
  // a group that serves a chat type.
  double session_area = 0.0;
  double chatting_area = 0.0;
  double chat_place_area = 0.0;
  double email_area = 0.0;     // agent-seconds on an e-mail (talk or wrap-up)
  double outbound_area = 0.0;  // agent-seconds on a customer an outbound dialer reached (talk or wrap-up)
  // To 128 bytes, so that indexing a slot's groups is a shift on the hot path (104 took one
  // more instruction per call and agent freed on model A); zero, so the wire bytes are set.
  std::array<std::uint64_t, 2> padding{};

  GroupCounters& operator+=(const GroupCounters& o);
  bool operator==(const GroupCounters&) const = default;
};
static_assert(sizeof(GroupCounters) == 128);

// Calls of one contact type answered by one of the groups in its routing list (a
// "pair"; pairs are numbered type by type, in each type's group order).
struct PairCounters {
  std::uint64_t answered = 0;
  std::uint64_t answered_within_awt = 0;
  double wait_sum_s = 0.0;
  double handle_sum_s = 0.0;  // talk + wrap-up given to these calls, multipliers applied

  PairCounters& operator+=(const PairCounters& o);
  bool operator==(const PairCounters&) const = default;
};

struct ReplicationCounters {
  std::size_t num_types = 0;
  std::size_t num_groups = 0;
  std::size_t num_slots = 0;
  std::size_t num_pairs = 0;
  std::vector<TypeCounters> by_slot_type;    // [slot * num_types + type]
  std::vector<PairCounters> by_slot_pair;    // [slot * num_pairs + pair]
  std::vector<GroupCounters> by_slot_group;  // [slot * num_groups + group]
  std::vector<double> slot_duration_s;       // observed seconds in each slot

  std::uint64_t events = 0;
  std::uint64_t draws = 0;
  std::uint64_t arrivals = 0;          // all simulated arrivals, warm-up included
  std::uint64_t unserved_at_end = 0;   // still waiting when nothing else could happen
  std::uint64_t backlog_at_close = 0;  // day mode: e-mails still in the backlog at the close (not unserved)
  std::uint64_t fingerprint = 0;

  bool operator==(const ReplicationCounters&) const = default;

  void resize(std::size_t types, std::size_t groups, std::size_t pairs, std::size_t slots);
  TypeCounters& type(std::size_t slot, std::size_t t) { return by_slot_type[slot * num_types + t]; }
  GroupCounters& group(std::size_t slot, std::size_t g) { return by_slot_group[slot * num_groups + g]; }
  const TypeCounters& type(std::size_t slot, std::size_t t) const { return by_slot_type[slot * num_types + t]; }
  const GroupCounters& group(std::size_t slot, std::size_t g) const { return by_slot_group[slot * num_groups + g]; }
  PairCounters& pair(std::size_t slot, std::size_t p) { return by_slot_pair[slot * num_pairs + p]; }
  const PairCounters& pair(std::size_t slot, std::size_t p) const { return by_slot_pair[slot * num_pairs + p]; }
};

}  // namespace ccsim::models
