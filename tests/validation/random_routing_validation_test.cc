// Validation of random_idle_agent routing in the whole model: each arrival picks a group
// with probability idle(g) / idle agents of its list and an agent uniformly within it
// (binomial and chi-square checks at 99.9 %); two identical groups share the work equally,
// each at the M/M/c occupancy; groups of unequal speed match the product-form occupancy.
#include <cmath>
#include <cstdint>
#include <vector>

#include <gtest/gtest.h>

#include "models/replication.h"
#include "models/routing/registry.h"
#include "models/trace.h"
#include "tests/models/test_scenarios.h"
#include "tests/validation/validation_support.h"

namespace ccsim::models {
namespace {

using testing::covers;
using testing::kValidationConfidence;

// Two-sided 99.9 % normal quantile, and the 99.9 % quantile of chi-square with 2 degrees
// of freedom (-2 ln 0.001).
constexpr double kZ999 = 3.2905267314919255;
const double kChiSquare2Df999 = -2.0 * std::log(0.001);

class AnswerCounter : public TraceSink {
 public:
  explicit AnswerCounter(std::size_t agents) : by_agent(agents, 0), group_of(agents, kNoId) {}
  void record(const TraceRecord& r) override {
    if (r.what != TraceWhat::Answered) return;
    ++by_group[r.group];
    ++by_agent[r.agent];
    group_of[r.agent] = r.group;
  }
  std::uint64_t by_group[2] = {0, 0};
  std::vector<std::uint64_t> by_agent;
  std::vector<std::uint32_t> group_of;
};

// Calls every 10 s, each talking 1 s: every call finds group "one" with its 1 agent idle
// and group "three" with its 3 agents idle, so it goes to "one" with probability 1/4, and
// within "three" to each agent with probability 1/3, independently of the other calls.
TEST(RandomRoutingValidation, GroupsAreChosenInProportionToTheirIdleAgentsAndAgentsUniformly) {
  const testing::TestSeed seed(20261204);
  constexpr std::uint32_t kCalls = 40000;
  std::vector<double> times(kCalls);
  for (std::uint32_t i = 0; i < kCalls; ++i) times[i] = 10.0 * i;
  ScenarioSpec s = testing::day_scenario(10.0 * kCalls, 1);
  s.seed = seed.value();
  s.router.policy = "random_idle_agent";
  s.contact_types.push_back(testing::traced_type("calls", times, 1.0, std::nullopt, {0, 1}));
  s.agent_groups.push_back(testing::group("one", {1}));
  s.agent_groups.push_back(testing::group("three", {3}));
  AnswerCounter answered(4);
  run_replication(s, make_router(s), 0, &answered);
  ASSERT_EQ(answered.by_group[0] + answered.by_group[1], kCalls);

  const double expected = kCalls / 4.0;
  const double bound = kZ999 * std::sqrt(kCalls * 0.25 * 0.75);
  EXPECT_LE(std::fabs(static_cast<double>(answered.by_group[0]) - expected), bound)
      << answered.by_group[0] << " of " << kCalls << " calls went to the group with 1 idle agent of 4";

  const double per_agent = static_cast<double>(answered.by_group[1]) / 3.0;
  double chi_square = 0.0;
  std::vector<std::uint64_t> of_three;
  for (std::size_t a = 0; a < 4; ++a) {
    if (answered.group_of[a] != 1) continue;
    of_three.push_back(answered.by_agent[a]);
    const double d = static_cast<double>(answered.by_agent[a]) - per_agent;
    chi_square += d * d / per_agent;
  }
  ASSERT_EQ(of_three.size(), 3u);
  EXPECT_LT(chi_square, kChiSquare2Df999)
      << of_three[0] << ", " << of_three[1] << ", " << of_three[2] << " calls for the three agents of a group";

  // The list order plays no part: "three" listed first gets the same share.
  s.contact_types[make_id<ContactTypeId>(0)].groups = {make_id<AgentGroupId>(1), make_id<AgentGroupId>(0)};
  AnswerCounter reversed(4);
  run_replication(s, make_router(s), 0, &reversed);
  EXPECT_LE(std::fabs(static_cast<double>(reversed.by_group[0]) - expected), bound)
      << reversed.by_group[0] << " of " << kCalls << " calls went to the group with 1 idle agent of 4";
}

// Two groups of 10 identical agents serve one Poisson stream at 80 % load, M/M/20: the
// centre's occupancy is a / c = 16 / 20, and by symmetry each group's is the same 0.8.
// Under queue_priority the first group of the list works more: the check has the power
// to see an unequal split.
TEST(RandomRoutingValidation, TwoIdenticalGroupsEachGetTheMMcOccupancy) {
  const testing::TestSeed seed(20261205);
  ScenarioSpec s = testing::markov_scenario(0.16, 100.0, 10, std::nullopt, 5000, 100000, 20, seed.value());
  s.confidence = kValidationConfidence;
  s.router.policy = "random_idle_agent";
  s.agent_groups.push_back(testing::group("twin", {10}));
  s.contact_types[make_id<ContactTypeId>(0)].groups.push_back(make_id<AgentGroupId>(1));
  const RunResults r = run_scenario(s, RunOptions{.threads = 2});
  for (std::size_t g = 0; g < 2; ++g)
    EXPECT_TRUE(covers(stat_of(r.by_group[g], Kpi::Occupancy), 0.8, 0.01)) << "group " << g;

  s.router.policy = "queue_priority";
  const RunResults first_preferred = run_scenario(s, RunOptions{.threads = 2});
  EXPECT_FALSE(covers(stat_of(first_preferred.by_group[0], Kpi::Occupancy), 0.8, 0.01));
}

// Each group's occupancy under random routing in M/M/N with two speeds: c1 agents of rate
// mu1 and c2 of rate mu2, one FCFS queue. With an arrival sent to each idle agent with equal
// probability, the busy set S has the product form pi(S) ~ (N - |S|)! prod_{i in S} lambda /
// mu_i (detailed balance: pi(S + i) mu_i = pi(S) lambda / (N - |S|)), and with every agent
// busy the queue is geometric with ratio lambda / (c1 mu1 + c2 mu2). Doroudi and
// Gopalakrishnan (arXiv:1305.6249) show that longest-idle-first has the same steady state.
std::vector<double> random_routing_occupancy(std::uint32_t c1, double mu1, std::uint32_t c2, double mu2,
                                             double lambda) {
  const auto choose = [](std::uint32_t n, std::uint32_t k) {
    double r = 1.0;
    for (std::uint32_t i = 1; i <= k; ++i) r = r * (n - k + i) / i;
    return r;
  };
  const std::uint32_t n = c1 + c2;
  double total = 0.0, busy1 = 0.0, busy2 = 0.0;
  for (std::uint32_t k1 = 0; k1 <= c1; ++k1)
    for (std::uint32_t k2 = 0; k2 <= c2; ++k2) {
      double w = choose(c1, k1) * choose(c2, k2) * std::tgamma(n - k1 - k2 + 1.0) * std::pow(lambda / mu1, k1) *
                 std::pow(lambda / mu2, k2);
      if (k1 == c1 && k2 == c2) w /= 1.0 - lambda / (c1 * mu1 + c2 * mu2);
      total += w;
      busy1 += w * k1;
      busy2 += w * k2;
    }
  return {busy1 / total / c1, busy2 / total / c2};
}

// 4 agents twice as fast as 6 others (a handle-time multiplier of 0.5), 0.09 calls/s of
// mean 100 s at the slow agents: the fast group is less occupied, by the product form.
TEST(RandomRoutingValidation, GroupsOfUnequalSpeedMatchTheProductFormOccupancy) {
  const testing::TestSeed seed(20261206);
  ScenarioSpec s = testing::markov_scenario(0.09, 100.0, 4, std::nullopt, 5000, 100000, 40, seed.value());
  s.confidence = kValidationConfidence;
  s.router.policy = "random_idle_agent";
  s.agent_groups.push_back(testing::group("slow", {6}));
  ContactTypeSpec& t = s.contact_types[make_id<ContactTypeId>(0)];
  t.groups.push_back(make_id<AgentGroupId>(1));
  t.handle_time_multiplier = {0.5, 1.0};
  const RunResults r = run_scenario(s, RunOptions{.threads = 2});
  const std::vector<double> exact = random_routing_occupancy(4, 1.0 / 50.0, 6, 1.0 / 100.0, 0.09);
  for (std::size_t g = 0; g < 2; ++g)
    EXPECT_TRUE(covers(stat_of(r.by_group[g], Kpi::Occupancy), exact[g], 0.01)) << "group " << g;
}

}  // namespace
}  // namespace ccsim::models
