// The random_idle_agent policy decided on hand-built views: the uniform the model would draw
// is set by hand, so each decision is exact.
#include "models/routing/random_idle_agent.h"

#include <vector>

#include <gtest/gtest.h>

#include "tests/models/routing/view_fixture.h"

namespace ccsim::models {
namespace {

using testing::G;
using testing::Q;
using Fixture = testing::ViewFixture;

Contact arrival(std::uint32_t type, double u) {
  return Contact{make_id<ContactId>(0), make_id<ContactTypeId>(type), 0.0, u};
}

ServeBy served(const RouteDecision& d) {
  EXPECT_TRUE(std::holds_alternative<ServeBy>(d));
  return std::holds_alternative<ServeBy>(d) ? std::get<ServeBy>(d) : ServeBy{G(99), 99};
}

TEST(RandomIdleAgent, TheUniformNamesOneIdleAgentCountingGroupByGroupInListOrder) {
  // Type 0 lists group 2 (3 idle of 4), group 0 (no agent idle), group 1 (1 idle of 1).
  const RandomIdleAgent p({{G(2), G(0), G(1)}}, {0}, 3, {});
  Fixture f{{{2, 2}, {1, 0}, {4, 1}}, std::vector<WaitingQueue>(1), {}};
  // Four idle agents: [0, 1/4) the first of group 2, ..., [3/4, 1) the one of group 1.
  const double u[] = {0.0, 0.2499, 0.25, 0.5, 0.7499, 0.75, 0.9999999};
  const ServeBy expected[] = {{G(2), 0}, {G(2), 0}, {G(2), 1}, {G(2), 2}, {G(2), 2}, {G(1), 0}, {G(1), 0}};
  for (std::size_t i = 0; i < std::size(u); ++i) {
    const ServeBy s = served(p.on_arrival(arrival(0, u[i]), f.view(0)));
    EXPECT_EQ(s.group, expected[i].group) << "u=" << u[i];
    EXPECT_EQ(s.idle_agent, expected[i].idle_agent) << "u=" << u[i];
  }
}

TEST(RandomIdleAgent, EachGroupIsChosenInProportionToItsIdleAgents) {
  // Over a fine grid of u, group 0 (1 idle) takes 1/4 of the calls and group 1 (3 idle)
  // 3/4, each of its agents 1/4; the group without an idle agent none.
  const RandomIdleAgent p({{G(0), G(2), G(1)}}, {0}, 3, {});
  Fixture f{{{2, 1}, {3, 0}, {5, 5}}, std::vector<WaitingQueue>(1), {}};
  constexpr int kSteps = 4000;
  std::vector<std::vector<int>> taken = {std::vector<int>(1), std::vector<int>(3), std::vector<int>(5)};
  for (int i = 0; i < kSteps; ++i) {
    const ServeBy s = served(p.on_arrival(arrival(0, (i + 0.5) / kSteps), f.view(0)));
    ASSERT_LT(s.idle_agent, f.groups[index(s.group)].staffed - f.groups[index(s.group)].busy);
    ++taken[index(s.group)][s.idle_agent];
  }
  EXPECT_EQ(taken[0][0], kSteps / 4);
  for (int n : taken[1]) EXPECT_EQ(n, kSteps / 4);
  for (int n : taken[2]) EXPECT_EQ(n, 0);
}

TEST(RandomIdleAgent, ListOrderDoesNotChangeTheShares) {
  // The same groups listed the other way round give each the same share.
  const RandomIdleAgent p({{G(0), G(1)}, {G(1), G(0)}}, {0, 0}, 2, {});
  Fixture f{{{2, 0}, {6, 0}}, std::vector<WaitingQueue>(2), {}};
  constexpr int kSteps = 800;
  int first[2] = {0, 0};
  int second[2] = {0, 0};
  for (int i = 0; i < kSteps; ++i) {
    const double u = (i + 0.5) / kSteps;
    ++first[index(served(p.on_arrival(arrival(0, u), f.view(0))).group)];
    ++second[index(served(p.on_arrival(arrival(1, u), f.view(0))).group)];
  }
  EXPECT_EQ(first[0], kSteps / 4);
  EXPECT_EQ(second[0], kSteps / 4);
  EXPECT_EQ(first[1], second[1]);
}

TEST(RandomIdleAgent, WaitsInItsTypesQueueWhenNoGroupOfItsListHasAnIdleAgent) {
  const RandomIdleAgent p({{G(0)}, {G(0), G(1)}}, {0, 0}, 3, {});
  Fixture f{{{2, 2}, {1, 1}, {4, 0}}, std::vector<WaitingQueue>(2), {}};  // only group 2 is idle
  for (const double u : {0.0, 0.5, 0.99}) {
    const RouteDecision d = p.on_arrival(arrival(1, u), f.view(0));
    ASSERT_TRUE(std::holds_alternative<Enqueue>(d));
    EXPECT_EQ(std::get<Enqueue>(d).queue, Q(1));
  }
}

TEST(RandomIdleAgent, BlocksATypeThatNoGroupServes) {
  const RandomIdleAgent p({{}}, {0}, 1, {});
  Fixture f{{{1, 0}}, std::vector<WaitingQueue>(1), {}};
  const RouteDecision d = p.on_arrival(arrival(0, 0.3), f.view(0));
  ASSERT_TRUE(std::holds_alternative<Block>(d));
  EXPECT_EQ(std::get<Block>(d).reason, BlockReason::NoEligibleGroup);
}

TEST(RandomIdleAgent, FreedAgentChoosesItsNextCallAsQueuePriority) {
  // Types 0 and 2 have priority 1, type 1 priority 0; the group serves all three.
  const RandomIdleAgent p({{G(0)}, {G(0)}, {G(0)}}, {1, 0, 1}, 1, {});
  const QueuePriority reference({{G(0)}, {G(0)}, {G(0)}}, {1, 0, 1}, 1);
  Fixture f{{{1, 0}}, std::vector<WaitingQueue>(3), {}};
  EXPECT_FALSE(p.on_agent_free(G(0), f.view(100)).has_value());
  f.wait(0, 10.0);
  f.wait(2, 5.0);
  EXPECT_EQ(p.on_agent_free(G(0), f.view(100)), Q(2));
  f.wait(1, 90.0);
  EXPECT_EQ(p.on_agent_free(G(0), f.view(100)), Q(1));
  EXPECT_EQ(p.on_agent_free(G(0), f.view(100)), reference.on_agent_free(G(0), f.view(100)));
}

TEST(RandomIdleAgent, AsksTheModelForAUniformAndForIdleAgentsByPosition) {
  // The other policies ask for neither, so they draw nothing and keep no positions.
  EXPECT_TRUE(draws_on_arrival<RandomIdleAgent>);
  EXPECT_TRUE(picks_idle_agent<RandomIdleAgent>);
  EXPECT_FALSE(draws_on_arrival<QueuePriority>);
  EXPECT_FALSE(picks_idle_agent<QueuePriority>);
  const QueuePriority other({{G(0)}}, {0}, 1);
  const Fixture f{{{2, 0}}, std::vector<WaitingQueue>(1), {}};
  EXPECT_EQ(served(other.on_arrival(arrival(0, 0.9), f.view(0))).idle_agent, kLongestIdle);
}

}  // namespace
}  // namespace ccsim::models
