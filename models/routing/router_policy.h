// models/routing/router_policy.h
// The router extension point. A policy is a pure decision over a RoutingView: which
// group serves an arriving contact (or which queue it waits in), and which queue a
// freed agent of a group serves next. CallCenter applies the decision. The steps to
// add a policy are listed once, in docs/routing.md ("Adding a policy").
#pragma once

#include <concepts>
#include <cstdint>
#include <optional>
#include <string_view>
#include <variant>
#include <vector>

#include "models/ids.h"
#include "models/routing/routing_view.h"

namespace ccsim::models {

enum class BlockReason : std::uint8_t { NoEligibleGroup };

inline constexpr std::uint32_t kLongestIdle = 0xffffffffu;

// idle_agent: which of the group's idle agents serves, by position among them (AgentPool::
// idle_agent), for a policy that sets kPicksIdleAgent; by default the one idle longest.
struct ServeBy {
  AgentGroupId group;
  std::uint32_t idle_agent = kLongestIdle;
};
struct Enqueue {
  QueueId queue;
};
struct Block {
  BlockReason reason;
};
using RouteDecision = std::variant<ServeBy, Enqueue, Block>;

// A policy may also offer `std::span<const EligibilityTimer> timers(ContactTypeId)`:
// delays after joining the queue at which a waiting call of that type becomes eligible
// for one more group; CallCenter then re-offers that group's idle agents at those times.
struct EligibilityTimer {
  double delay_s;
  AgentGroupId group;
};

// The common arrival rule: the first group of the type's list with an idle agent,
// else the type's own queue (queue k holds contacts of type k).
inline RouteDecision first_idle_group_or_queue(const std::vector<AgentGroupId>& groups, ContactTypeId type,
                                               const RoutingView& v) {
  for (AgentGroupId g : groups)
    if (v.idle(g) > 0) return ServeBy{g};
  if (groups.empty()) return Block{BlockReason::NoEligibleGroup};
  return Enqueue{make_id<QueueId>(index(type))};
}

// Optional traits, read at compile time so that the policies without them cost nothing:
// `static constexpr bool kDrawsOnArrival = true` asks for Contact::u, one uniform per routed
// arrival from the router's TieBreak stream; `kPicksIdleAgent = true` makes the model keep
// each group's idle agents by position, so that ServeBy::idle_agent can name one.
template <class P>
inline constexpr bool draws_on_arrival = requires { requires P::kDrawsOnArrival; };
template <class P>
inline constexpr bool picks_idle_agent = requires { requires P::kPicksIdleAgent; };

template <class P>
concept RouterPolicy = requires(const P& p, const Contact& c, AgentGroupId g, const RoutingView& v) {
  { p.on_arrival(c, v) } -> std::same_as<RouteDecision>;
  { p.on_agent_free(g, v) } -> std::same_as<std::optional<QueueId>>;
  { P::kName } -> std::convertible_to<std::string_view>;
};

}  // namespace ccsim::models
