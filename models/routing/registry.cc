#include "models/routing/registry.h"

#include <stdexcept>
#include <type_traits>

namespace ccsim::models {

AnyRouter make_router(const ScenarioSpec& spec) {
  std::vector<std::vector<AgentGroupId>> type_to_groups;
  std::vector<std::uint32_t> priority;
  std::vector<std::vector<double>> delays;
  std::vector<std::vector<double>> weights;
  for (const ContactTypeSpec& t : spec.contact_types) {
    type_to_groups.push_back(t.groups);
    priority.push_back(t.priority);
    delays.push_back(t.overflow_delay_s);
    weights.push_back(t.wait_weight);
  }
  std::vector<std::vector<ContactTypeId>> group_order;
  for (const AgentGroupSpec& g : spec.agent_groups) group_order.push_back(g.type_order);
  if (spec.router.policy == QueuePriority::kName) {
    std::vector<QueuePriority::Reservation> reservations;
    for (const AgentGroupSpec& g : spec.agent_groups) {
      QueuePriority::Reservation r{{g.reserved_for}, g.reserved_agents};
      if (g.reserved_for_channel) {
        r.types.clear();
        for (std::size_t k = 0; k < spec.contact_types.size(); ++k)
          if (spec.contact_types[make_id<ContactTypeId>(k)].channel == *g.reserved_for_channel)
            r.types.push_back(make_id<ContactTypeId>(k));
      }
      reservations.push_back(std::move(r));
    }
    return QueuePriority(std::move(type_to_groups), std::move(priority), spec.agent_groups.size(), group_order,
                         std::move(reservations));
  }
  if (spec.router.policy == OverflowAfterDelay::kName)
    return OverflowAfterDelay(std::move(type_to_groups), delays, priority, spec.agent_groups.size(), group_order);
  if (spec.router.policy == LongestWeightedWait::kName)
    return LongestWeightedWait(std::move(type_to_groups), weights, priority, spec.agent_groups.size(), group_order);
  if (spec.router.policy == LongestIdleAgent::kName)
    return LongestIdleAgent(std::move(type_to_groups), std::move(priority), spec.agent_groups.size(), group_order);
  if (spec.router.policy == RandomIdleAgent::kName)
    return RandomIdleAgent(std::move(type_to_groups), std::move(priority), spec.agent_groups.size(), group_order);
  if (spec.router.policy == EarliestDueFirst::kName) {
    std::vector<double> due_s;
    for (std::size_t k = 0; k < spec.contact_types.size(); ++k)
      due_s.push_back(spec.service_level_of(make_id<ContactTypeId>(k)).awt_s);
    return EarliestDueFirst(std::move(type_to_groups), due_s, priority, spec.agent_groups.size(), group_order);
  }
  // The loader rejects unknown names with a located message; reaching this is a bug.
  throw std::logic_error("make_router: unknown policy \"" + spec.router.policy + "\" passed validation");
}

bool router_draws_on_arrival(const AnyRouter& router) {
  return std::visit([](const auto& p) { return draws_on_arrival<std::remove_cvref_t<decltype(p)>>; }, router);
}

bool router_picks_idle_agent(const AnyRouter& router) {
  return std::visit([](const auto& p) { return picks_idle_agent<std::remove_cvref_t<decltype(p)>>; }, router);
}

}  // namespace ccsim::models
