// models/routing/random_idle_agent.h
// random_idle_agent: an arriving call goes to an agent drawn uniformly at random among all
// the idle agents of all the groups of its type's list, so a group is chosen with
// probability idle(g) / (idle agents of the list) and the list order plays no part; a
// freed agent chooses its next call as in queue_priority. The policy stays a pure
// decision: the model hands it one uniform per routed arrival (Contact::u, drawn from the
// router's TieBreak stream) and takes the agent at the position it names in the group.
// This is the "Random" routing of Doroudi and Gopalakrishnan, "A class of equivalent
// idle-time-order-based routing policies for heterogeneous multi-server systems",
// arXiv:1305.6249, 2013 (merged into Gopalakrishnan, Doroudi, Ward and Wierman, "Routing
// and staffing when servers are strategic", Operations Research 64(4), 2016): in M/M/N it
// has the steady state of longest-idle-server-first; it is the usual baseline for agent
// selection.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "models/ids.h"
#include "models/routing/queue_priority.h"
#include "models/routing/router_policy.h"

namespace ccsim::models {

class RandomIdleAgent {
 public:
  static constexpr std::string_view kName = "random_idle_agent";
  static constexpr bool kDrawsOnArrival = true;
  static constexpr bool kPicksIdleAgent = true;

  RandomIdleAgent(std::vector<std::vector<AgentGroupId>> type_to_groups, std::vector<std::uint32_t> type_priority,
                  std::size_t num_groups, const std::vector<std::vector<ContactTypeId>>& group_order)
      : queues_(type_to_groups, std::move(type_priority), num_groups, group_order),
        type_to_groups_(std::move(type_to_groups)) {}

  // c.u must lie in [0, 1): the j-th idle agent of the list, j = floor(u x idle agents),
  // counting group by group in list order.
  RouteDecision on_arrival(const Contact& c, const RoutingView& v) const {
    const std::vector<AgentGroupId>& groups = type_to_groups_[index(c.type)];
    std::uint64_t idle = 0;
    for (AgentGroupId g : groups) idle += v.idle(g);
    if (idle == 0) {
      if (groups.empty()) return Block{BlockReason::NoEligibleGroup};
      return Enqueue{make_id<QueueId>(index(c.type))};
    }
    auto j = static_cast<std::uint64_t>(c.u * static_cast<double>(idle));
    for (AgentGroupId g : groups) {
      if (j < v.idle(g)) return ServeBy{g, static_cast<std::uint32_t>(j)};
      j -= v.idle(g);
    }
    // Not reached with u < 1. One past the group's idle agents: the model reports it.
    return ServeBy{groups.back(), v.idle(groups.back())};
  }

  std::optional<QueueId> on_agent_free(AgentGroupId g, const RoutingView& v) const {
    return queues_.on_agent_free(g, v);
  }

 private:
  QueuePriority queues_;  // the freed-agent rule
  std::vector<std::vector<AgentGroupId>> type_to_groups_;
};
static_assert(RouterPolicy<RandomIdleAgent>);
static_assert(draws_on_arrival<RandomIdleAgent> && picks_idle_agent<RandomIdleAgent>);

}  // namespace ccsim::models
