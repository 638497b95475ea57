// models/agents/agent_group.h
// AgentGroup: counts only, no per-agent objects. staffed is the scheduled headcount
// of the current period; busy counts agents in talk or wrap-up. When staffing drops
// below busy, the surplus busy agents ("ghosts") finish their call and then leave.
#pragma once

#include <cstdint>

namespace ccsim::models {

struct AgentGroup {
  std::uint32_t staffed = 0;
  std::uint32_t busy = 0;

  std::uint32_t idle() const { return staffed > busy ? staffed - busy : 0; }
  // Agents on the floor: the scheduled ones, plus ghosts finishing a call.
  std::uint32_t present() const { return staffed > busy ? staffed : busy; }
};

}  // namespace ccsim::models
