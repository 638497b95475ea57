#include <fmt/format.h>

#include "models/events.h"
#include "models/invariant.h"
#include "models/scenario/validate.h"
#include "models/trace.h"

namespace ccsim::models {

std::string_view event_name(CcEvent e) {
  switch (e) {
    case CcEvent::Arrival: return "Arrival";
    case CcEvent::IvrDone: return "IvrDone";
    case CcEvent::PatienceExpired: return "PatienceExpired";
    case CcEvent::ServiceEnd: return "ServiceEnd";
    case CcEvent::WrapUpEnd: return "WrapUpEnd";
    case CcEvent::SlotStart: return "SlotStart";
    case CcEvent::WindowEnd: return "WindowEnd";
    case CcEvent::RouteTimer: return "RouteTimer";
    case CcEvent::RosterChange: return "RosterChange";
    case CcEvent::BreakDue: return "BreakDue";
    case CcEvent::AuxDue: return "AuxDue";
    case CcEvent::BreakEnd: return "BreakEnd";
    case CcEvent::ShrinkagePlan: return "ShrinkagePlan";
  }
  return "Unknown";
}

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
  }
  return "unknown";
}

void fail_invariant(double now_s, std::string_view event, std::string_view entities, std::string_view what) {
  // Entities are named by the scenario, whose names may hold control characters.
  throw InvariantError(fmt::format("at t={}s in {}({}): {}", now_s, event, internal::escape_controls(entities), what));
}

}  // namespace ccsim::models
