// The overflow_after_delay policy decided on hand-built views.
#include "models/routing/overflow_after_delay.h"

#include <vector>

#include <gtest/gtest.h>

#include "tests/models/routing/view_fixture.h"

namespace ccsim::models {
namespace {

using testing::G;
using testing::Q;
using Fixture = testing::ViewFixture;

TEST(OverflowAfterDelay, ArrivalUsesOnlyGroupsWithoutDelay) {
  const OverflowAfterDelay p({{G(0), G(1)}}, {{0.0, 30.0}}, {0}, 2, {});
  Fixture f{{{1, 1}, {3, 0}}, std::vector<WaitingQueue>(1), {}};
  const Contact c{make_id<ContactId>(0), make_id<ContactTypeId>(0), 0.0};
  // Group 0 busy, group 1 idle but delayed: the call waits.
  const RouteDecision d = p.on_arrival(c, f.view(0));
  ASSERT_TRUE(std::holds_alternative<Enqueue>(d));
  f.groups[0].busy = 0;
  EXPECT_EQ(std::get<ServeBy>(p.on_arrival(c, f.view(0))).group, G(0));
}

TEST(OverflowAfterDelay, DelayedGroupTakesTheHeadOnlyOnceItsDelayHasPassed) {
  const OverflowAfterDelay p({{G(0), G(1)}}, {{0.0, 30.0}}, {0}, 2, {});
  Fixture f{{{1, 1}, {1, 0}}, std::vector<WaitingQueue>(1), {}};
  f.wait(0, 10.0);
  EXPECT_FALSE(p.on_agent_free(G(1), f.view(39.999)).has_value());
  EXPECT_EQ(p.on_agent_free(G(1), f.view(40.0)), Q(0));  // exactly at enqueue + delay
  EXPECT_EQ(p.on_agent_free(G(0), f.view(11.0)), Q(0));  // no delay for the first group
}

TEST(OverflowAfterDelay, TimersListPositiveDelaysShortestFirst) {
  const OverflowAfterDelay p({{G(0), G(2), G(1)}, {G(1)}}, {{0.0, 60.0, 20.0}, {}}, {0, 0}, 3, {});
  const auto t = p.timers(make_id<ContactTypeId>(0));
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0].delay_s, 20.0);
  EXPECT_EQ(t[0].group, G(1));
  EXPECT_EQ(t[1].delay_s, 60.0);
  EXPECT_EQ(t[1].group, G(2));
  EXPECT_TRUE(p.timers(make_id<ContactTypeId>(1)).empty());
}

TEST(OverflowAfterDelay, EligibleHeadOfWorseRankIsTakenWhenTheBetterOneIsNotYetEligible) {
  // Group 0 serves type 0 (rank 0, delay 50) and type 1 (rank 1, no delay).
  const OverflowAfterDelay p({{G(1), G(0)}, {G(0)}}, {{0.0, 50.0}, {}}, {0, 1}, 2, {});
  Fixture f{{{1, 0}, {1, 1}}, std::vector<WaitingQueue>(2), {}};
  f.wait(0, 0.0);
  f.wait(1, 5.0);
  EXPECT_EQ(p.on_agent_free(G(0), f.view(10)), Q(1));
  EXPECT_EQ(p.on_agent_free(G(0), f.view(50)), Q(0));
}

}  // namespace
}  // namespace ccsim::models
