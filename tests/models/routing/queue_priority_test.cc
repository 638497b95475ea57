// The queue_priority policy decided on hand-built views: no model state involved.
#include "models/routing/queue_priority.h"

#include <vector>

#include <gtest/gtest.h>

#include "tests/models/routing/view_fixture.h"

namespace ccsim::models {
namespace {

using testing::G;
using testing::Q;
using Fixture = testing::ViewFixture;

TEST(QueuePriority, ServesArrivalByFirstPreferredGroupWithAnIdleAgent) {
  const QueuePriority p({{G(1), G(0)}}, {0}, 2);
  Fixture f{{{1, 0}, {2, 2}}, std::vector<WaitingQueue>(1), {}};
  const Contact c{make_id<ContactId>(0), make_id<ContactTypeId>(0), 0.0};
  // Group 1 is preferred but fully busy: overflow to group 0.
  const RouteDecision d = p.on_arrival(c, f.view(0));
  ASSERT_TRUE(std::holds_alternative<ServeBy>(d));
  EXPECT_EQ(std::get<ServeBy>(d).group, G(0));
  f.groups[0].busy = 1;
  const RouteDecision queued = p.on_arrival(c, f.view(0));
  ASSERT_TRUE(std::holds_alternative<Enqueue>(queued));
  EXPECT_EQ(std::get<Enqueue>(queued).queue, Q(0));
}

TEST(QueuePriority, BlocksATypeThatNoGroupServes) {
  const QueuePriority p({{}}, {0}, 1);
  Fixture f{{{1, 0}}, std::vector<WaitingQueue>(1), {}};
  const RouteDecision d = p.on_arrival(Contact{make_id<ContactId>(0), make_id<ContactTypeId>(0), 0.0}, f.view(0));
  EXPECT_TRUE(std::holds_alternative<Block>(d));
}

TEST(QueuePriority, FreedAgentTakesLowestPriorityValueThenLongestWaiting) {
  // Types 0 and 2 have priority 1, type 1 has priority 0; the group serves all three.
  const QueuePriority p({{G(0)}, {G(0)}, {G(0)}}, {1, 0, 1}, 1);
  Fixture f{{{1, 0}}, std::vector<WaitingQueue>(3), {}};
  EXPECT_FALSE(p.on_agent_free(G(0), f.view(100)).has_value());
  f.wait(0, 10.0);
  f.wait(2, 5.0);
  EXPECT_EQ(p.on_agent_free(G(0), f.view(100)), Q(2));  // equal priority: waited longer
  f.wait(1, 90.0);
  EXPECT_EQ(p.on_agent_free(G(0), f.view(100)), Q(1));  // priority beats waiting time
}

TEST(QueuePriority, GroupOrderIsStrictAndOverridesTypePriorities) {
  // Type 1 has the better priority value, but group 0 lists type 2, then 0, then 1.
  const QueuePriority p({{G(0)}, {G(0)}, {G(0)}}, {1, 0, 1}, 1,
                        {{make_id<ContactTypeId>(2), make_id<ContactTypeId>(0), make_id<ContactTypeId>(1)}});
  Fixture f{{{1, 0}}, std::vector<WaitingQueue>(3), {}};
  f.wait(1, 0.0);
  f.wait(0, 1.0);
  EXPECT_EQ(p.on_agent_free(G(0), f.view(100)), Q(0));  // rank 1 beats rank 2 despite waiting less
  f.wait(2, 99.0);
  EXPECT_EQ(p.on_agent_free(G(0), f.view(100)), Q(2));  // first in the list, even if it waited least
}

TEST(QueuePriority, ReservedAgentsServeOnlyTheirTypeAtArrival) {
  // Group 0 keeps 2 agents for type 0; type 1 overflows to group 1.
  const QueuePriority p({{G(0)}, {G(0), G(1)}}, {0, 0}, 2, {},
                        {QueuePriority::Reservation{{make_id<ContactTypeId>(0)}, 2}, {}});
  Fixture f{{{3, 0}, {1, 0}}, std::vector<WaitingQueue>(2), {}};
  const Contact vip{make_id<ContactId>(0), make_id<ContactTypeId>(0), 0.0};
  const Contact regular{make_id<ContactId>(1), make_id<ContactTypeId>(1), 0.0};
  EXPECT_EQ(std::get<ServeBy>(p.on_arrival(regular, f.view(0))).group, G(0));  // 3 idle > 2 kept back
  f.groups[0].busy = 1;
  EXPECT_EQ(std::get<ServeBy>(p.on_arrival(regular, f.view(0))).group, G(1));  // 2 idle: kept for vip
  EXPECT_EQ(std::get<ServeBy>(p.on_arrival(vip, f.view(0))).group, G(0));
  f.groups[0].busy = 3;
  EXPECT_TRUE(std::holds_alternative<Enqueue>(p.on_arrival(vip, f.view(0))));
}

TEST(QueuePriority, FreedAgentLeavesOtherTypesWaitingWhileOnlyReservedAgentsAreIdle) {
  const QueuePriority p({{G(0)}, {G(0)}}, {0, 0}, 1, {}, {QueuePriority::Reservation{{make_id<ContactTypeId>(0)}, 1}});
  Fixture f{{{3, 2}}, std::vector<WaitingQueue>(2), {}};  // one idle agent: the reserved one
  f.wait(1, 0.0);
  EXPECT_FALSE(p.on_agent_free(G(0), f.view(10)).has_value());
  f.wait(0, 5.0);
  EXPECT_EQ(p.on_agent_free(G(0), f.view(10)), Q(0));
  f.groups[0].busy = 1;  // two idle: one may serve the other type
  Fixture g{{{3, 1}}, std::vector<WaitingQueue>(2), {}};
  g.wait(1, 0.0);
  EXPECT_EQ(p.on_agent_free(G(0), g.view(10)), Q(1));
}

// A channel's reservation keeps agents for several types (voice: types 0 and 1); the
// e-mails (type 2, the best priority here) get an agent only while more are idle.
TEST(QueuePriority, AReservationForSeveralTypesKeepsAgentsForEachOfThem) {
  const QueuePriority p({{G(0)}, {G(0)}, {G(0)}}, {1, 1, 0}, 1, {},
                        {QueuePriority::Reservation{{make_id<ContactTypeId>(0), make_id<ContactTypeId>(1)}, 1}});
  Fixture f{{{3, 2}}, std::vector<WaitingQueue>(3), {}};  // one idle agent: kept
  const Contact call{make_id<ContactId>(0), make_id<ContactTypeId>(1), 0.0};
  const Contact mail{make_id<ContactId>(1), make_id<ContactTypeId>(2), 0.0};
  EXPECT_EQ(std::get<ServeBy>(p.on_arrival(call, f.view(0))).group, G(0));
  EXPECT_TRUE(std::holds_alternative<Enqueue>(p.on_arrival(mail, f.view(0))));
  f.wait(2, 0.0);
  EXPECT_FALSE(p.on_agent_free(G(0), f.view(10)).has_value()) << "the mail waits for a second idle agent";
  f.wait(1, 5.0);
  EXPECT_EQ(p.on_agent_free(G(0), f.view(10)), Q(1)) << "a reserved type's call passes the better-ranked mail";
  f.groups[0].busy = 1;  // two idle: the mail, ranked first, goes first
  EXPECT_EQ(p.on_agent_free(G(0), f.view(10)), Q(2));
  EXPECT_EQ(std::get<ServeBy>(p.on_arrival(mail, f.view(0))).group, G(0));
}

TEST(QueuePriority, FreedAgentIgnoresQueuesOfTypesItsGroupDoesNotServe) {
  const QueuePriority p({{G(0)}, {G(1)}}, {0, 0}, 2);
  Fixture f{{{1, 0}, {1, 0}}, std::vector<WaitingQueue>(2), {}};
  f.wait(1, 0.0);
  EXPECT_FALSE(p.on_agent_free(G(0), f.view(10)).has_value());
  EXPECT_EQ(p.on_agent_free(G(1), f.view(10)), Q(1));
}

}  // namespace
}  // namespace ccsim::models
