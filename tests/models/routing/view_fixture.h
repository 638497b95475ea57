// tests/models/routing/view_fixture.h
// A hand-built ACD state for testing routing policies without a model: groups as
// counts, queues with callers enqueued at chosen times, and the RoutingView over them.
#pragma once

#include <cstdint>
#include <vector>

#include "models/agents/agent_pool.h"
#include "models/contact_pool.h"
#include "models/queues/waiting_queue.h"
#include "models/routing/routing_view.h"

namespace ccsim::models::testing {

inline AgentGroupId G(std::uint32_t i) { return make_id<AgentGroupId>(i); }
inline QueueId Q(std::uint32_t i) { return make_id<QueueId>(i); }

// A group as a test states it: so many agents on duty, so many of them busy.
struct Staffing {
  std::uint32_t staffed = 0;
  std::uint32_t busy = 0;
};

struct ViewFixture {
  std::vector<Staffing> groups;
  std::vector<WaitingQueue> queues;
  ContactPool pool;
  mutable std::vector<GroupCounts> counts{};  // what the view reads, made from `groups`

  RoutingView view(double now) const {
    counts.clear();
    for (const Staffing& g : groups) counts.push_back(GroupCounts{g.staffed - g.busy, g.busy, 0, g.staffed, g.staffed});
    return RoutingView(now, counts.data(), queues.data());
  }

  // A caller joins queue `queue` at time `since`.
  void wait(std::uint32_t queue, double since) {
    const ContactId c = pool.allocate();
    queues[queue].push(WaitingQueue::Entry{c, pool.generation(c), since});
  }
};

}  // namespace ccsim::models::testing
