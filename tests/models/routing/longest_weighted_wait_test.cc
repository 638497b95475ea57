// The longest_weighted_wait policy decided on hand-built views.
#include "models/routing/longest_weighted_wait.h"

#include <vector>

#include <gtest/gtest.h>

#include "tests/models/routing/view_fixture.h"

namespace ccsim::models {
namespace {

using testing::G;
using testing::Q;
using Fixture = testing::ViewFixture;

TEST(LongestWeightedWait, FreedAgentTakesTheLargestWeightTimesWait) {
  // Type 0 weight 3, type 1 weight 1, both served by group 0.
  const LongestWeightedWait p({{G(0)}, {G(0)}}, {{3.0}, {1.0}}, {0, 0}, 1, {});
  Fixture f{{{1, 0}}, std::vector<WaitingQueue>(2), {}};
  f.wait(0, 90.0);  // waited 10 s at t=100: score 30
  f.wait(1, 75.0);  // waited 25 s: score 25
  EXPECT_EQ(p.on_agent_free(G(0), f.view(100)), Q(0));
  Fixture g{{{1, 0}}, std::vector<WaitingQueue>(2), {}};
  g.wait(0, 90.0);  // 3 * 10 = 30
  g.wait(1, 60.0);  // 1 * 40 = 40
  EXPECT_EQ(p.on_agent_free(G(0), g.view(100)), Q(1));
}

TEST(LongestWeightedWait, EqualScoresGoToTheEarlierTypeInTheGroupsOrder) {
  const LongestWeightedWait p({{G(0)}, {G(0)}}, {{2.0}, {1.0}}, {1, 0}, 1, {});
  Fixture f{{{1, 0}}, std::vector<WaitingQueue>(2), {}};
  f.wait(0, 90.0);  // 2 * 10 = 20
  f.wait(1, 80.0);  // 1 * 20 = 20; type 1 has the better priority value
  EXPECT_EQ(p.on_agent_free(G(0), f.view(100)), Q(1));
}

TEST(LongestWeightedWait, WeightsArePerTypeAndGroup) {
  // Group 1 weighs type 1 heavily, group 0 does not.
  const LongestWeightedWait p({{G(0), G(1)}, {G(0), G(1)}}, {{1.0, 1.0}, {1.0, 5.0}}, {0, 0}, 2, {});
  Fixture f{{{1, 0}, {1, 0}}, std::vector<WaitingQueue>(2), {}};
  f.wait(0, 0.0);
  f.wait(1, 70.0);
  EXPECT_EQ(p.on_agent_free(G(0), f.view(100)), Q(0));  // 100 against 1 * 30
  EXPECT_EQ(p.on_agent_free(G(1), f.view(100)), Q(1));  // 100 against 5 * 30
}

TEST(LongestWeightedWait, ArrivalGoesToTheFirstGroupWithAnIdleAgent) {
  const LongestWeightedWait p({{G(1), G(0)}}, {{}}, {0}, 2, {});
  Fixture f{{{1, 0}, {1, 1}}, std::vector<WaitingQueue>(1), {}};
  const Contact c{make_id<ContactId>(0), make_id<ContactTypeId>(0), 0.0};
  EXPECT_EQ(std::get<ServeBy>(p.on_arrival(c, f.view(0))).group, G(0));
  f.groups[0].busy = 1;
  EXPECT_TRUE(std::holds_alternative<Enqueue>(p.on_arrival(c, f.view(0))));
}

}  // namespace
}  // namespace ccsim::models
