// models/trace.h
// TraceSink: an opt-in observer of what happens to each contact (arrival, blocking,
// IVR outcome, queueing, answer, abandonment, end of talk) and to agent groups.
// When no sink is set the model pays one predictable branch per step and keeps no
// per-call records.
#pragma once

#include <cstdint>
#include <string_view>

namespace ccsim::models {

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
  AgentFree,
  StaffingChange,
};

std::string_view trace_what_name(TraceWhat w);

inline constexpr std::uint32_t kNoId = 0xffffffffu;

struct TraceRecord {
  double time_s;
  TraceWhat what;
  std::uint32_t contact;  // kNoId when not about a contact
  std::uint32_t type;     // kNoId when not about a contact type
  std::uint32_t group;    // kNoId when no group is involved
  double value;           // wait_s for Answered/Abandoned, new staffing for StaffingChange, else 0
};

class TraceSink {
 public:
  virtual ~TraceSink() = default;
  virtual void record(const TraceRecord& r) = 0;
};

}  // namespace ccsim::models
