#include "models/agents/idle_agents.h"

#include <gtest/gtest.h>

namespace ccsim::models {
namespace {

TEST(IdleAgents, FrontIsTheLongestIdleThroughGrowthAndWrapAround) {
  IdleAgents idle;
  for (int i = 0; i < 40; ++i) idle.push_back(i);  // grows past the first ring
  for (int i = 0; i < 30; ++i) idle.pop_front();
  EXPECT_EQ(idle.longest_idle_since(), 30.0);
  for (int i = 40; i < 70; ++i) idle.push_back(i);  // wraps around the ring
  EXPECT_EQ(idle.size(), 40u);
  EXPECT_EQ(idle.longest_idle_since(), 30.0);
  idle.pop_back();  // the most recently idle (69) leaves
  for (int i = 30; i < 69; ++i) {
    ASSERT_EQ(idle.longest_idle_since(), static_cast<double>(i));
    idle.pop_front();
  }
  EXPECT_TRUE(idle.empty());
}

}  // namespace
}  // namespace ccsim::models
