// models/trace.h
// TraceWhat names the lifecycle transitions of contacts (arrival, blocking, IVR outcome,
// queueing, answer, abandonment, end of talk) and of agents (log-on, end of shift, free,
// log-off, breaks and in-shift shrinkage). TraceSink is an opt-in observer of them; when no sink is set the model pays
// one predictable branch per transition and keeps no per-call records.
#pragma once

#include <cstdint>
#include <string_view>

namespace ccsim::models {

// Appended, never renumbered: the fingerprints in results/ hash them.
enum class TraceWhat : std::uint8_t {
  Arrival,
  BlockedTrunk,
  BlockedIvr,
  BlockedRouter,
  IvrStart,
  IvrContained,
  IvrHangup,
  Queued,
  Answered,
  Abandoned,
  TalkEnd,
  AgentFree,  // the agent finished talk and wrap-up and stays logged on
  LogOn,
  ShiftEnd,   // the agent's shift ended while it was busy: it logs off when free
  LogOff,
  BreakStart,  // value: lateness, seconds past the latest allowed start
  BreakEnd,
  AuxStart,    // in-shift shrinkage (coaching, meetings, aux): value: its length
  AuxEnd,
  Balked,        // hung up on arrival at the queue instead of joining it
  TimedOut,      // value: wait; left the queue at the type's max_wait_s
  Disconnected,  // value: wait; cut off by the centre's closing rule
  Redial,        // value: the delay; the customer will call again then (the attempt's Arrival)
  GaveUp,        // a customer's redial fell after the close: it never called again
  Transferred,   // the talk ended and the caller moves to another type (the type it leaves)
  Return,        // value: the delay; the served customer will call again then
  CallbackDeclined,   // value: the announced wait; the caller would rather wait (not in the fingerprint)
  CallbackAccepted,   // value: the announced wait; the caller hangs up, its callback's dials arrive later
  CallbackUnreached,  // value: the delay to the next dial; a dial's customer did not answer (or no line was free)
  CallbackFailed,     // no dial reached the customer, and none will be made
  SessionEnd,         // a chat session's talk and wrap-up ended; the agent holds others
  Interrupted,        // value: the talk left (not printed); a call took the agent from this e-mail
  Resumed,            // value: the wait since the interruption; an agent takes the e-mail again
  Dial,               // value: the dial's time; the dialer calls a customer of an outbound type
  DialUnreached,      // the dial ended without reaching the customer
};

std::string_view trace_what_name(TraceWhat w);

inline constexpr std::uint32_t kNoId = 0xffffffffu;

struct TraceRecord {
  double time_s;
  TraceWhat what;
  std::uint32_t contact;  // kNoId when not about a contact
  std::uint32_t type;     // kNoId when not about a contact type
  std::uint32_t group;    // kNoId when no group is involved
  std::uint32_t agent;    // kNoId when no agent is involved
  double value;  // wait_s for Answered/Abandoned/TimedOut/Disconnected; see BreakStart, AuxStart, Redial...; else 0
};

class TraceSink {
 public:
  virtual ~TraceSink() = default;
  virtual void record(const TraceRecord& r) = 0;
};

}  // namespace ccsim::models
