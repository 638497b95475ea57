// models/events.h
// The contact-centre event kinds and their same-instant priorities.
#pragma once

#include <cstdint>
#include <string_view>

namespace ccsim::models {

// Kinds are appended, never renumbered: the fingerprints in results/ hash them.
enum class CcEvent : std::uint16_t {
  Arrival,          // subject: contact type
  IvrDone,          // subject: contact
  PatienceExpired,  // subject: contact, generation at enqueue
  ServiceEnd,       // subject: contact (end of talk)
  WrapUpEnd,        // subject: agent
  SlotStart,        // subject: slot (planning period or batch)
  WindowEnd,        // end of the observation window (end of day, end of steady-state run)
  RouteTimer,       // subject: contact, generation at enqueue, aux: index of the router timer
  RosterChange,     // subject: index of the first roster change at this instant
  BreakDue,         // subject: agent, aux: index of the break in its shift
  AuxDue,           // subject: agent; its in-shift shrinkage block of this period
  BreakEnd,         // subject: agent (end of a break or of a shrinkage block)
  ShrinkagePlan,    // subject: period whose shrinkage blocks are planned now
  MaxWaitReached,   // subject: contact, generation at enqueue
  RedialDue,        // subject: contact (a customer between attempts)
  ReturnDue,        // subject: the contact type the served customer calls again
  TransferTalkEnd,  // subject: contact; the end of a talk the call is transferred after
  CallbackDue,      // subject: contact; a callback's next dial joins its queue
  WorkEnd,          // subject: contact, generation at the start of its talk; ServiceEnd of interruptible work
  EmailWrapUpEnd,   // subject: agent; WrapUpEnd of an e-mail (the agents on e-mail are counted)
  DialEnd,          // subject: contact; an outbound dial ends, reaching the customer or not
  OutboundWrapUpEnd,  // subject: agent; WrapUpEnd of an outbound customer's talk (its agents are counted)
  DialersDue,       // the outbound dialers count their idle agents (after what freed them is done)
};

// At equal time: slot starts and roster changes (log-on, log-off) first, then freed capacity, then everything else.
// Changing this order changes every fingerprint in results/.
enum class CcPriority : std::uint8_t { PeriodStart = 0, Release = 1, Normal = 2, EndOfDay = 3 };

std::string_view event_name(CcEvent e);

}  // namespace ccsim::models
