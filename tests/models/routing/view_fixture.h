// tests/models/routing/view_fixture.h
// A hand-built ACD state for testing routing policies without a model: groups as
// counts, queues with callers enqueued at chosen times, and the RoutingView over them.
#pragma once

#include <cstdint>
#include <vector>

#include "models/agents/agent_group.h"
#include "models/contact_pool.h"
#include "models/queues/waiting_queue.h"
#include "models/routing/routing_view.h"

namespace ccsim::models::testing {

inline AgentGroupId G(std::uint32_t i) { return make_id<AgentGroupId>(i); }
inline QueueId Q(std::uint32_t i) { return make_id<QueueId>(i); }

struct ViewFixture {
  std::vector<AgentGroup> groups;  // {staffed, busy}
  std::vector<WaitingQueue> queues;
  ContactPool pool;

  RoutingView view(double now) const {
    return RoutingView(now, groups.data(), groups.size(), queues.data(), queues.size());
  }

  // A caller joins queue `queue` at time `since`.
  void wait(std::uint32_t queue, double since) {
    const ContactId c = pool.allocate();
    queues[queue].push(WaitingQueue::Entry{c, pool.generation(c), since});
  }
};

}  // namespace ccsim::models::testing
