// The earliest_due_first policy decided on hand-built views.
#include "models/routing/earliest_due_first.h"

#include <vector>

#include <gtest/gtest.h>

#include "tests/models/routing/view_fixture.h"

namespace ccsim::models {
namespace {

using testing::G;
using testing::Q;
using Fixture = testing::ViewFixture;

TEST(EarliestDueFirst, FreedAgentTakesTheHeadDueEarliest) {
  // Type 0: calls due 20 s after joining; type 1: e-mails due 14,400 s after.
  const EarliestDueFirst p({{G(0)}, {G(0)}}, {20.0, 14400.0}, {0, 0}, 1, {});
  Fixture f{{{1, 0}}, std::vector<WaitingQueue>(2), {}};
  f.wait(0, 19990.0);  // due at 20,010
  f.wait(1, 6000.0);   // due at 20,400: has 400 s left
  EXPECT_EQ(p.on_agent_free(G(0), f.view(20000)), Q(0));
  Fixture g{{{1, 0}}, std::vector<WaitingQueue>(2), {}};
  g.wait(0, 19990.0);  // due at 20,010
  g.wait(1, 5500.0);   // due at 19,900: already late, ahead of the call
  EXPECT_EQ(p.on_agent_free(G(0), g.view(20000)), Q(1));
}

TEST(EarliestDueFirst, OneThresholdIsOneFifoAcrossTheGroupsQueues) {
  const EarliestDueFirst p({{G(0)}, {G(0)}, {G(0)}}, {60.0, 60.0, 60.0}, {0, 0, 0}, 1, {});
  Fixture f{{{1, 0}}, std::vector<WaitingQueue>(3), {}};
  f.wait(0, 50.0);
  f.wait(1, 20.0);  // waited longest
  f.wait(2, 30.0);
  EXPECT_EQ(p.on_agent_free(G(0), f.view(100)), Q(1));
}

TEST(EarliestDueFirst, EqualDueTimesGoToTheEarlierTypeInTheGroupsOrder) {
  // Due both at 100; type 1 has the better priority value, and group 1 lists type 0 first.
  const EarliestDueFirst p({{G(0), G(1)}, {G(0), G(1)}}, {30.0, 60.0}, {1, 0}, 2,
                           {{}, {make_id<ContactTypeId>(0), make_id<ContactTypeId>(1)}});
  Fixture f{{{1, 0}, {1, 0}}, std::vector<WaitingQueue>(2), {}};
  f.wait(0, 70.0);
  f.wait(1, 40.0);
  EXPECT_EQ(p.on_agent_free(G(0), f.view(90)), Q(1));
  EXPECT_EQ(p.on_agent_free(G(1), f.view(90)), Q(0));
}

TEST(EarliestDueFirst, ArrivalGoesToTheFirstGroupWithAnIdleAgentAndAGroupTakesOnlyItsTypes) {
  const EarliestDueFirst p({{G(1), G(0)}, {G(1)}}, {20.0, 10.0}, {0, 0}, 2, {});
  Fixture f{{{1, 0}, {1, 1}}, std::vector<WaitingQueue>(2), {}};
  const Contact c{make_id<ContactId>(0), make_id<ContactTypeId>(0), 0.0};
  EXPECT_EQ(std::get<ServeBy>(p.on_arrival(c, f.view(0))).group, G(0));
  f.groups[0].busy = 1;
  EXPECT_TRUE(std::holds_alternative<Enqueue>(p.on_arrival(c, f.view(0))));
  f.wait(1, 0.0);  // due at 10, but group 0 does not serve type 1
  EXPECT_EQ(p.on_agent_free(G(0), f.view(5)), std::nullopt);
  EXPECT_EQ(p.on_agent_free(G(1), f.view(5)), Q(1));
}

}  // namespace
}  // namespace ccsim::models
