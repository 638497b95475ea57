// Outbound traced by hand: the threshold dialer dials for the idle agents beyond its
// threshold, counting the dials in progress, after each agent is freed and each dial
// ends; a customer reached with no agent idle is a nuisance call (patience 0) or waits
// (a patience given); dials hold trunk lines, and none starts after the close.
#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "models/replication.h"
#include "models/routing/registry.h"
#include "tests/models/counter_totals.h"
#include "tests/models/test_scenarios.h"
#include "tests/models/traced_steps.h"

namespace ccsim::models {
namespace {

using testing::day_scenario;
using testing::group;
using testing::group_totals;
using testing::Step;
using testing::Steps;
using testing::traced_type;
using testing::type_totals;

constexpr std::uint32_t kNone = kNoId;
// Every dial, answer, abandonment and block, in the order they happen.
constexpr std::initializer_list<TraceWhat> kSteps = {TraceWhat::Dial, TraceWhat::DialUnreached, TraceWhat::Answered,
                                                     TraceWhat::Abandoned, TraceWhat::BlockedTrunk};

// An outbound type on group 0: dials of 10 s, talk 100 s, patience 0 (the loader's default).
ContactTypeSpec outbound(std::uint32_t threshold, double ratio, double p_reach) {
  ContactTypeSpec t = traced_type("renewals", {}, 100, 0.0, {0});
  t.channel = Channel::Outbound;
  t.dialer = DialerSpec{threshold, ratio, sim::Distribution::constant(10), p_reach};
  return t;
}

// Two agents, a day of 200 s; a call (talk 50 s) at 5; one dial per idle agent, each
// reaching its customer. By hand: at 0 both agents are idle: two dials (to 10). The call
// at 5 takes agent 0. At 10 the first customer takes agent 1; the second finds nobody and
// hangs up (a nuisance call). At 55 agent 0 is free: a dial, its customer taking agent 0
// at 65 (to 165). At 110 agent 1 is free: a dial, answered at 120. At 165 agent 0: a dial,
// answered at 175. At 220, after the close, agent 1 is free: no dial.
TEST(CallCenterOutbound, TheDialerDialsForEachIdleAgentAndACustomerWithNoneHangsUp) {
  ScenarioSpec s = day_scenario(100, 2);
  s.contact_types.push_back(traced_type("calls", {5}, 50, std::nullopt, {0}));
  s.contact_types.push_back(outbound(0, 1.0, 1.0));
  s.agent_groups.push_back(group("blended", {2, 2}));
  Steps trace(kSteps);
  const ReplicationCounters c = run_replication(s, make_router(s), 0, &trace);
  const std::vector<Step> expected = {
      {0, TraceWhat::Dial, 1, kNone, 10},       {0, TraceWhat::Dial, 1, kNone, 10},       {5, TraceWhat::Answered, 0, 0, 0},
      {10, TraceWhat::Answered, 1, 1, 0},      {10, TraceWhat::Abandoned, 1, kNone, 0}, {55, TraceWhat::Dial, 1, kNone, 10},
      {65, TraceWhat::Answered, 1, 0, 0},      {110, TraceWhat::Dial, 1, kNone, 10},     {120, TraceWhat::Answered, 1, 1, 0},
      {165, TraceWhat::Dial, 1, kNone, 10},     {175, TraceWhat::Answered, 1, 0, 0},
  };
  EXPECT_EQ(trace.steps, expected);
  const TypeCounters out = type_totals(c, 1);
  EXPECT_EQ(out.dials, 5u);
  EXPECT_EQ(out.offered, 5u);
  EXPECT_EQ(out.answered, 4u);
  EXPECT_EQ(out.abandoned, 1u);
  EXPECT_EQ(c.type(0, 1).dials, 3u);  // counted in the slot each was placed in: 0, 0, 55
  EXPECT_EQ(c.type(1, 1).dials, 2u);
  // Up to the close at 200: agent 1 on customers 10-110 and 120-200, agent 0 65-165 and
  // 175-200 (its call, 5-55, is the rest of its busy time).
  const GroupCounters g = group_totals(c, 0);
  EXPECT_DOUBLE_EQ(g.outbound_area, 100 + 80 + 100 + 25);
  EXPECT_DOUBLE_EQ(g.busy_area - g.outbound_area, 50);
}

// Three agents, threshold 1, 1.5 dials per idle agent beyond it; a call (talk 50 s) at 5.
// At 0, round(1.5 x 2) = 3 dials. The call takes agent 0. At 10 two customers take agents
// 1 and 2, the third hangs up. At 55 agent 0 is free, the one agent the threshold keeps:
// no dial. At 110 agents 1 and 2 are free: the first leaves two idle, round(1.5) = 2
// dials; the second three, one more. At 120 the three customers take the three agents.
TEST(CallCenterOutbound, TheThresholdKeepsAgentsForInboundAndTheRatioOverDials) {
  ScenarioSpec s = day_scenario(100, 2);
  s.contact_types.push_back(traced_type("calls", {5}, 50, std::nullopt, {0}));
  s.contact_types.push_back(outbound(1, 1.5, 1.0));
  s.agent_groups.push_back(group("blended", {3, 3}));
  Steps trace(kSteps);
  run_replication(s, make_router(s), 0, &trace);
  const std::vector<Step> expected = {
      {0, TraceWhat::Dial, 1, kNone, 10},   {0, TraceWhat::Dial, 1, kNone, 10},   {0, TraceWhat::Dial, 1, kNone, 10},
      {5, TraceWhat::Answered, 0, 0, 0},   {10, TraceWhat::Answered, 1, 1, 0},  {10, TraceWhat::Answered, 1, 2, 0},
      {10, TraceWhat::Abandoned, 1, kNone, 0}, {110, TraceWhat::Dial, 1, kNone, 10}, {110, TraceWhat::Dial, 1, kNone, 10},
      {110, TraceWhat::Dial, 1, kNone, 10}, {120, TraceWhat::Answered, 1, 0, 0}, {120, TraceWhat::Answered, 1, 1, 0},
      {120, TraceWhat::Answered, 1, 2, 0},
  };
  EXPECT_EQ(trace.steps, expected);
}

// Two trunk lines, three agents: at 0 the dialer would keep three dials, but two lines
// are free. The call at 5 finds both taken: blocked. At 10 the two customers take agents
// 0 and 1, keeping their lines through the talk; agent 2 is idle and still no line is
// free. At 110 the first talk ends, releasing a line: one dial (two agents idle); the
// second, the other line: another (three idle, one dial in progress).
TEST(CallCenterOutbound, DialsHoldTrunkLinesLikeCalls) {
  ScenarioSpec s = day_scenario(100, 2);
  s.trunk_lines = 2;
  s.contact_types.push_back(traced_type("calls", {5}, 50, std::nullopt, {0}));
  s.contact_types.push_back(outbound(0, 1.0, 1.0));
  s.agent_groups.push_back(group("blended", {3, 3}));
  Steps trace(kSteps);
  run_replication(s, make_router(s), 0, &trace);
  ASSERT_GE(trace.steps.size(), 7u);
  const std::vector<Step> expected = {
      {0, TraceWhat::Dial, 1, kNone, 10},  {0, TraceWhat::Dial, 1, kNone, 10},   {5, TraceWhat::BlockedTrunk, 0, kNone, 0},
      {10, TraceWhat::Answered, 1, 0, 0}, {10, TraceWhat::Answered, 1, 1, 0},  {110, TraceWhat::Dial, 1, kNone, 10},
      {110, TraceWhat::Dial, 1, kNone, 10},
  };
  EXPECT_EQ(std::vector<Step>(trace.steps.begin(), trace.steps.begin() + 7), expected);
}

// Lines freed later wake the dialer: two trunk lines, both taken at 0 by calls (talk 50 s)
// that no agent of the campaign's group serves; the campaign's two agents log on at 10 and
// find no line. At 50 the calls end: each released line brings a dial.
TEST(CallCenterOutbound, ALineReleasedWakesADialerThatHadNone) {
  ScenarioSpec s = day_scenario(10, 20);
  s.trunk_lines = 2;
  s.contact_types.push_back(traced_type("calls", {0, 0}, 50, std::nullopt, {0}));
  s.contact_types.push_back(outbound(0, 1.0, 1.0));
  s.contact_types.raw()[1].groups = {make_id<AgentGroupId>(1)};
  s.agent_groups.push_back(group("inbound", std::vector<std::uint32_t>(20, 2)));
  std::vector<std::uint32_t> later(20, 2);
  later[0] = 0;
  s.agent_groups.push_back(group("campaign", later));
  Steps trace(kSteps);
  run_replication(s, make_router(s), 0, &trace);
  ASSERT_GE(trace.steps.size(), 4u);
  const std::vector<Step> expected = {
      {0, TraceWhat::Answered, 0, 0, 0}, {0, TraceWhat::Answered, 0, 1, 0},
      {50, TraceWhat::Dial, 1, kNone, 10}, {50, TraceWhat::Dial, 1, kNone, 10}};
  EXPECT_EQ(std::vector<Step>(trace.steps.begin(), trace.steps.begin() + 4), expected);
}

// The dialer counts once every group freed at an instant has taken its waiting calls: the
// campaign routes to "outbound" (1 agent) and "inbound" (3 agents, also serving calls).
// Three calls wait from 5; both groups log on at 10. The three inbound agents take the
// calls, and one agent is idle: one dial, not four.
TEST(CallCenterOutbound, TheDialerCountsAfterEveryGroupTookItsWaitingCalls) {
  ScenarioSpec s = day_scenario(10, 20);
  s.contact_types.push_back(traced_type("calls", {5, 5, 5}, 500, std::nullopt, {1}));
  s.contact_types.push_back(outbound(0, 1.0, 1.0));
  s.contact_types.raw()[1].groups = {make_id<AgentGroupId>(0), make_id<AgentGroupId>(1)};
  std::vector<std::uint32_t> one(20, 1), three(20, 3);
  one[0] = 0;
  three[0] = 0;
  s.agent_groups.push_back(group("outbound", one));
  s.agent_groups.push_back(group("inbound", three));
  Steps trace(kSteps);
  const ReplicationCounters c = run_replication(s, make_router(s), 0, &trace);
  ASSERT_GE(trace.steps.size(), 4u);
  EXPECT_EQ(trace.steps[3], (Step{10, TraceWhat::Dial, 1, kNone, 10}));
  EXPECT_EQ(std::ranges::count(trace.steps, Step{10, TraceWhat::Dial, 1, kNone, 10}), 1);
  EXPECT_EQ(type_totals(c, 1).abandoned, 0u);
}

// Two campaigns on groups of their own share two trunk lines, which inbound calls and the
// customers reached (talk 100 s) take and release all day: the freed lines go to each
// dialer in turn. Served from the first in file order each time, the second got 2 dials
// to the first's 20.
TEST(CallCenterOutbound, DialersShortOfLinesShareThemInTurn) {
  ScenarioSpec s = day_scenario(600, 6);
  s.trunk_lines = 2;
  std::vector<double> times;
  for (double t = 0; t < 3600; t += 30) times.push_back(t);
  s.contact_types.push_back(traced_type("calls", times, 20, std::nullopt, {0}));
  for (std::uint32_t g : {1u, 2u}) {
    ContactTypeSpec c = outbound(0, 1.0, 0.5);
    c.name = "campaign" + std::to_string(g);
    c.groups = {make_id<AgentGroupId>(g)};
    s.contact_types.push_back(c);
  }
  for (const char* name : {"inbound", "first", "second"}) s.agent_groups.push_back(group(name, {5}));
  const ReplicationCounters c = run_replication(s, make_router(s), 0);
  const std::uint64_t first = type_totals(c, 1).dials, second = type_totals(c, 2).dials;
  EXPECT_GE(first, 5u);
  EXPECT_GE(second, 5u);
  EXPECT_LT(std::max(first, second), 2 * std::min(first, second));
}

// Two campaigns share one trunk line, dials and talks of fixed lengths: every line cycle
// wakes the dialers at the same points, and a turn moved at each wake-up gave the line to
// the same campaign every time (66 dials to 0). The one denied goes first next time.
TEST(CallCenterOutbound, OneLineAlternatesBetweenTwoCampaigns) {
  ScenarioSpec s = day_scenario(3600, 2);
  s.trunk_lines = 1;
  s.contact_types.push_back(traced_type("calls", {}, 20, std::nullopt, {0}));
  for (std::uint32_t g : {0u, 1u}) {
    ContactTypeSpec c = outbound(0, 1.0, 1.0);
    c.name = "campaign" + std::to_string(g);
    c.groups = {make_id<AgentGroupId>(g)};
    s.contact_types.push_back(c);
  }
  s.contact_types.raw()[0].groups = {make_id<AgentGroupId>(0)};
  for (const char* name : {"first", "second"}) s.agent_groups.push_back(group(name, {5, 5}));
  const ReplicationCounters c = run_replication(s, make_router(s), 0);
  const std::uint64_t first = type_totals(c, 1).dials, second = type_totals(c, 2).dials;
  EXPECT_GE(first, 30u);
  EXPECT_LE(first > second ? first - second : second - first, 1u);
}

// A group that keeps agents for calls (router.reservations) lends the dialer only the
// idle agents beyond them: 4 agents, 2 kept for calls, one dial per idle agent: 2 dials.
TEST(CallCenterOutbound, AReservationKeepsItsAgentsFromTheDialer) {
  ScenarioSpec s = day_scenario(100, 1);
  s.contact_types.push_back(traced_type("calls", {}, 50, std::nullopt, {0}));
  s.contact_types.push_back(outbound(0, 1.0, 1.0));
  AgentGroupSpec g = group("blended", {4});
  g.reserved_for_channel = Channel::Voice;
  g.reserved_agents = 2;
  s.agent_groups.push_back(g);
  Steps trace(kSteps);
  const ReplicationCounters c = run_replication(s, make_router(s), 0, &trace);
  EXPECT_EQ(c.type(0, 1).dials, 2u);
  EXPECT_EQ(type_totals(c, 1).abandoned, 0u);
}

// With a patience, a customer reached with no agent idle waits: one agent, ratio 2 (two
// dials for it), patience 60 s. At 10 the first customer takes the agent (to 110); the
// second waits, and abandons at 70. With a patience of 200 s it is answered at 110.
TEST(CallCenterOutbound, ACustomerReachedWaitsWithItsPatience) {
  for (const double patience_s : {60.0, 200.0}) {
    SCOPED_TRACE(patience_s);
    ScenarioSpec s = day_scenario(100, 2);
    s.contact_types.push_back(traced_type("calls", {}, 50, std::nullopt, {0}));
    s.contact_types.push_back(outbound(0, 2.0, 1.0));
    s.contact_types.raw()[1].patience = sim::Distribution::constant(patience_s);
    s.agent_groups.push_back(group("blended", {1, 1}));
    Steps trace(kSteps);
    run_replication(s, make_router(s), 0, &trace);
    ASSERT_GE(trace.steps.size(), 4u);
    const Step second =
        patience_s < 100 ? Step{70, TraceWhat::Abandoned, 1, kNone, 60} : Step{110, TraceWhat::Answered, 1, 0, 100};
    const std::vector<Step> expected = {
        {0, TraceWhat::Dial, 1, kNone, 10}, {0, TraceWhat::Dial, 1, kNone, 10}, {10, TraceWhat::Answered, 1, 0, 0}, second};
    EXPECT_EQ(std::vector<Step>(trace.steps.begin(), trace.steps.begin() + 4), expected);
  }
}

// A dial that reaches nobody frees its line and its place among the dials in progress:
// the dialer dials again at once. With p_reach small, the dials outnumber the customers.
TEST(CallCenterOutbound, AnUnreachedDialIsFollowedByAnother) {
  ScenarioSpec s = day_scenario(3600, 1);
  s.contact_types.push_back(traced_type("calls", {}, 50, std::nullopt, {0}));
  s.contact_types.push_back(outbound(0, 1.0, 0.2));
  s.agent_groups.push_back(group("blended", {1}));
  Steps trace(kSteps);
  const ReplicationCounters c = run_replication(s, make_router(s), 0, &trace);
  const TypeCounters out = type_totals(c, 1);
  std::uint64_t unreached = 0;
  for (std::size_t i = 0; i < trace.steps.size(); ++i) {
    if (trace.steps[i].what != TraceWhat::DialUnreached) continue;
    ++unreached;
    ASSERT_LT(i + 1, trace.steps.size());
    // The agent was idle: the next dial starts at the same instant (none after the close).
    if (trace.steps[i].time_s < 3600) {
      EXPECT_EQ(trace.steps[i + 1], (Step{trace.steps[i].time_s, TraceWhat::Dial, 1, kNone, 10}));
    }
  }
  EXPECT_GT(unreached, 0u);
  EXPECT_EQ(out.dials, out.offered + unreached);
  EXPECT_EQ(out.abandoned, 0u);  // one dial at a time, for the one idle agent
}

}  // namespace
}  // namespace ccsim::models
