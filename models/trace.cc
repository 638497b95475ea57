#include "models/trace.h"

namespace ccsim::models {

std::string_view trace_what_name(TraceWhat w) {
  switch (w) {
    case TraceWhat::Arrival: return "arrival";
    case TraceWhat::BlockedTrunk: return "blocked_trunk";
    case TraceWhat::BlockedIvr: return "blocked_ivr";
    case TraceWhat::BlockedRouter: return "blocked_router";
    case TraceWhat::IvrStart: return "ivr_start";
    case TraceWhat::IvrContained: return "ivr_contained";
    case TraceWhat::IvrHangup: return "ivr_hangup";
    case TraceWhat::Queued: return "queued";
    case TraceWhat::Answered: return "answered";
    case TraceWhat::Abandoned: return "abandoned";
    case TraceWhat::TalkEnd: return "talk_end";
    case TraceWhat::AgentFree: return "agent_free";
    case TraceWhat::LogOn: return "log_on";
    case TraceWhat::ShiftEnd: return "shift_end";
    case TraceWhat::LogOff: return "log_off";
    case TraceWhat::BreakStart: return "break_start";
    case TraceWhat::BreakEnd: return "break_end";
    case TraceWhat::AuxStart: return "aux_start";
    case TraceWhat::AuxEnd: return "aux_end";
    case TraceWhat::Balked: return "balked";
    case TraceWhat::TimedOut: return "timed_out";
    case TraceWhat::Disconnected: return "disconnected";
    case TraceWhat::Redial: return "redial";
    case TraceWhat::GaveUp: return "gave_up";
    case TraceWhat::Transferred: return "transferred";
    case TraceWhat::Return: return "return";
    case TraceWhat::CallbackDeclined: return "callback_declined";
    case TraceWhat::CallbackAccepted: return "callback_accepted";
    case TraceWhat::CallbackUnreached: return "callback_unreached";
    case TraceWhat::CallbackFailed: return "callback_failed";
    case TraceWhat::SessionEnd: return "session_end";
    case TraceWhat::Interrupted: return "interrupted";
    case TraceWhat::Resumed: return "resumed";
    case TraceWhat::Dial: return "dial";
    case TraceWhat::DialUnreached: return "dial_unreached";
  }
  return "unknown";
}

}  // namespace ccsim::models
