// tests/models/scenario/follow_up_flows_test.cc
// The traffic equations of transfers and returns, x = b + P^T x, solved exactly: chains
// by hand, loops by their closed forms, a return as persistent as the rules allow, a loop
// that never ends, a chain too long for a recursive search, and the largest loop allowed.
#include "models/scenario/follow_up_flows.h"

#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>
#include <vector>

namespace ccsim::models::internal {
namespace {

using Links = std::vector<std::vector<FollowUpFlows::Link>>;

TEST(FollowUpFlows, AChainPassesItsCallsOnInOrder) {
  // c -> b -> a, listed against the order of the types.
  const FollowUpFlows flows(Links{{}, {{0, 0.5}}, {{1, 0.3}}});
  const std::vector<double> x = flows.solve({1.0, 2.0, 10.0});
  EXPECT_DOUBLE_EQ(x[2], 10.0);
  EXPECT_DOUBLE_EQ(x[1], 2.0 + 0.3 * 10.0);
  EXPECT_DOUBLE_EQ(x[0], 1.0 + 0.5 * 5.0);
}

TEST(FollowUpFlows, ALoopOfTwoTypesAndWhatItSendsOnSolveTheirEquations) {
  // billing b = 100 + 0.5 t, tech t = 0.3 b; billing returns 20 % as survey s, outside the loop.
  const FollowUpFlows flows(Links{{{1, 0.3}, {2, 0.2}}, {{0, 0.5}}, {}});
  const std::vector<double> x = flows.solve({100.0, 0.0, 0.0});
  EXPECT_NEAR(x[0], 100 / 0.85, 1e-12);
  EXPECT_NEAR(x[1], 30 / 0.85, 1e-12);
  EXPECT_NEAR(x[2], 20 / 0.85, 1e-12);
}

// The finding of issue 13: rounds of x <- b + P^T x capped at 10^6 gave a return with p =
// 1 - 2e-9 about 10^6 calls per customer instead of 5e8, in seconds under the sanitizers.
TEST(FollowUpFlows, APersistentReturnCountsEveryReturn) {
  const double p = 1.0 - 2e-9;
  const FollowUpFlows flows(Links{{{0, p}}});
  EXPECT_NEAR(flows.solve({3.0})[0] / (3.0 / (1.0 - p)), 1.0, 1e-6);
}

TEST(FollowUpFlows, ALoopThatNeverEndsHasInfiniteCallsOnlyWhenSomeArrive) {
  // a <-> b with probability 1 each way; c feeds it, d is apart.
  const FollowUpFlows flows(Links{{{1, 1.0}}, {{0, 1.0}}, {{0, 0.5}}, {}});
  std::vector<double> x = flows.solve({0.0, 0.0, 2.0, 1.0});
  EXPECT_TRUE(std::isinf(x[0]) && std::isinf(x[1]));
  EXPECT_DOUBLE_EQ(x[2], 2.0);
  EXPECT_DOUBLE_EQ(x[3], 1.0);
  x = flows.solve({0.0, 0.0, 0.0, 1.0});
  EXPECT_DOUBLE_EQ(x[0], 0.0);
  EXPECT_DOUBLE_EQ(x[1], 0.0);
}

TEST(FollowUpFlows, LinksOutsideTheTypesOrWithoutProbabilityAreLeftOut) {
  const FollowUpFlows flows(Links{{{7, 0.5}, {1, 0.0}, {1, -1.0}, {1, std::nan("")}}, {}});
  const std::vector<double> x = flows.solve({4.0, 1.0});
  EXPECT_DOUBLE_EQ(x[0], 4.0);
  EXPECT_DOUBLE_EQ(x[1], 1.0);
}

TEST(FollowUpFlows, AChainOfAHundredThousandTypesAndALoopThroughAsManyAsTheRulesAllowAreSolved) {
  const std::size_t n = 100000;
  Links chain(n);
  for (std::size_t k = 0; k + 1 < n; ++k) chain[k].push_back({k + 1, 1.0});
  std::vector<double> fresh(n, 0.0);
  fresh[0] = 1.0;
  EXPECT_DOUBLE_EQ(FollowUpFlows(chain).solve(fresh)[n - 1], 1.0);
  // A loop of 256 types that keeps half of its calls each time round: x0 = 1 + x0 / 2.
  const auto loop = [](std::size_t m) {
    Links links(m);
    for (std::size_t k = 0; k < m; ++k) links[k].push_back({(k + 1) % m, k == 0 ? 0.5 : 1.0});
    return links;
  };
  std::vector<double> in(kMaxLoopTypes, 0.0);
  in[0] = 1.0;
  const std::vector<double> x = FollowUpFlows(loop(kMaxLoopTypes)).solve(in);
  EXPECT_NEAR(x[0], 2.0, 1e-9);
  EXPECT_NEAR(x[kMaxLoopTypes - 1], 1.0, 1e-9);
  EXPECT_EQ(largest_loop(loop(kMaxLoopTypes)).size(), kMaxLoopTypes);
  EXPECT_THROW(FollowUpFlows{loop(kMaxLoopTypes + 1)}, std::invalid_argument);
}

}  // namespace
}  // namespace ccsim::models::internal
