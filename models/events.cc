#include "models/events.h"

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
    case CcEvent::MaxWaitReached: return "MaxWaitReached";
    case CcEvent::RedialDue: return "RedialDue";
    case CcEvent::ReturnDue: return "ReturnDue";
    case CcEvent::TransferTalkEnd: return "TransferTalkEnd";
    case CcEvent::CallbackDue: return "CallbackDue";
    case CcEvent::WorkEnd: return "WorkEnd";
    case CcEvent::EmailWrapUpEnd: return "EmailWrapUpEnd";
    case CcEvent::DialEnd: return "DialEnd";
    case CcEvent::OutboundWrapUpEnd: return "OutboundWrapUpEnd";
    case CcEvent::DialersDue: return "DialersDue";
  }
  return "Unknown";
}

}  // namespace ccsim::models
