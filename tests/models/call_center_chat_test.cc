// Chat: sessions held in parallel, traced by hand, and the two reductions the model must
// keep exactly: one session per agent is a call without a line, and k sessions without
// inflation are k agents' worth of servers.
#include <cstdint>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "models/kpi/kpis.h"
#include "models/replication.h"
#include "models/routing/registry.h"
#include "tests/models/counter_totals.h"
#include "tests/models/test_scenarios.h"

namespace ccsim::models {
namespace {

using testing::day_scenario;
using testing::group;
using testing::markov_day_type;
using testing::pair_totals;
using testing::traced_type;
using testing::type_totals;

// One agent on over 0-200 and 400-600 who holds up to 2 chats, a second session taking
// 1.5 times as long; chats (talk 100 s) at 0, 10, 20, 30 and a call (talk 100 s) at 50.
// By hand: chat 0 over 0-100; chat 10 joins as a second session over 10-160; chats 20
// and 30 and the call wait. At 100 a session ends: the agent, holding one, takes chat 20
// (not the call) over 100-250; at 160 chat 30 over 160-310. Its shift ends at 200: it
// takes nothing more and logs off at 310, its last session done. The agent back at 400
// takes the call: waits 0, 0, 80, 130 for the chats, 350 for the call.
// What the agents do, in the order it happens.
class AgentSteps : public TraceSink {
 public:
  void record(const TraceRecord& r) override {
    if (r.what == TraceWhat::SessionEnd || r.what == TraceWhat::AgentFree || r.what == TraceWhat::LogOff)
      steps.emplace_back(r.time_s, r.what);
  }
  std::vector<std::pair<double, TraceWhat>> steps;
};

TEST(CallCenterChat, SessionsRunInParallelGrowLongerWithCompanyAndHoldTheAgentFromCalls) {
  ScenarioSpec s = day_scenario(200, 3);
  s.contact_types.push_back(traced_type("calls", {50}, 100, std::nullopt, {0}));
  ContactTypeSpec chat = traced_type("chat", {0, 10, 20, 30}, 100, std::nullopt, {0});
  chat.channel = Channel::Chat;
  s.contact_types.push_back(chat);
  AgentGroupSpec team = group("team", {1, 0, 1});
  team.chat_sessions = 2;
  team.chat_handle_factors = {1.0, 1.5};
  s.agent_groups.push_back(team);
  AgentSteps trace;
  const ReplicationCounters c = run_replication(s, make_router(s), 0, &trace);
  const TypeCounters chats = type_totals(c, 1), calls = type_totals(c, 0);
  EXPECT_EQ(chats.answered, 4u);
  EXPECT_DOUBLE_EQ(chats.wait_sum_answered_s, 0 + 0 + 80 + 130);
  EXPECT_DOUBLE_EQ(pair_totals(c, 1).handle_sum_s, 100 + 150 + 150 + 150);
  EXPECT_EQ(calls.answered, 1u);
  EXPECT_DOUBLE_EQ(calls.wait_sum_answered_s, 350);
  // The agent is busy over 0-310 (the shift's end does not cut its sessions) and 400-500.
  double busy = 0.0, present = 0.0;
  for (std::size_t slot = 0; slot < c.num_slots; ++slot) {
    busy += c.group(slot, 0).busy_area;
    present += c.group(slot, 0).present_area;
  }
  EXPECT_DOUBLE_EQ(busy, 310 + 100);
  EXPECT_DOUBLE_EQ(present, 310 + 200);
  // Sessions held: 1 over 0-10, 2 over 10-250, 1 over 250-310; at least one over 0-310; 2
  // places while the agent is logged on (0-310, 400-600).
  GroupCounters agents;
  for (std::size_t slot = 0; slot < c.num_slots; ++slot) agents += c.group(slot, 0);
  EXPECT_DOUBLE_EQ(agents.session_area, 10 + 2 * 240 + 60);
  EXPECT_DOUBLE_EQ(agents.chatting_area, 310);
  EXPECT_DOUBLE_EQ(agents.chat_place_area, 2 * 510);
  const KpiValues k = compute_group_kpis(agents, 600);
  EXPECT_DOUBLE_EQ(k[static_cast<std::size_t>(Kpi::ChatConcurrency)], 550.0 / 310.0);
  EXPECT_DOUBLE_EQ(k[static_cast<std::size_t>(Kpi::ChatOccupancy)], 550.0 / 1020.0);
  // A session ending beside others (at 100, 160 and 250) frees no agent; the last (310),
  // after the shift's end, logs it off; the call's end frees the agent back at 400 (whose
  // stint lasts to the end of the day: it never ends).
  const std::vector<std::pair<double, TraceWhat>> steps = {{100, TraceWhat::SessionEnd},
                                                           {160, TraceWhat::SessionEnd},
                                                           {250, TraceWhat::SessionEnd},
                                                           {310, TraceWhat::LogOff},
                                                           {500, TraceWhat::AgentFree}};
  EXPECT_EQ(trace.steps, steps);
}

// The wait a chat customer is told counts each agent as its sessions over the handle
// factor for as many. One agent holding up to 2 chats (talk 100 s) serves chats 0 and 1
// at once. Without factors, chat 2 finds none ahead and is told (0 + 1) x 100 / 2 = 50 s,
// below the 60 s above which every customer balks, and waits; chat 3 is told
// (1 + 1) x 100 / 2 = 100 s and balks. At twice the handle time for 2 sessions, the agent
// counts as one: chat 2 is told 100 s and balks too.
TEST(CallCenterChat, TheAnnouncedWaitCountsTheAgentsSessionsOverTheirFactor) {
  const auto day = [](std::vector<double> factors) {
    ScenarioSpec s = day_scenario(3600, 1);
    ContactTypeSpec chat = traced_type("chat", {0, 1, 2, 3}, 100, std::nullopt, {0});
    chat.channel = Channel::Chat;
    chat.balk_by_announced_wait = {{60.0, 1.0}};
    s.contact_types.push_back(chat);
    AgentGroupSpec team = group("team", {1});
    team.chat_sessions = 2;
    team.chat_handle_factors = std::move(factors);
    s.agent_groups.push_back(team);
    return type_totals(run_replication(s, make_router(s), 0), 0);
  };
  const TypeCounters plain = day({});
  EXPECT_EQ(plain.balked, 1u);
  EXPECT_EQ(plain.answered, 3u);
  EXPECT_DOUBLE_EQ(plain.wait_sum_answered_s, 0 + 0 + 98);
  const TypeCounters slow = day({1.0, 2.0});
  EXPECT_EQ(slow.balked, 2u);
  EXPECT_EQ(slow.answered, 2u);
}

// random_idle_agent: a draw that falls past the idle agents, on one holding chats, still
// takes an idle agent while there is one. Four chats arrive at once for 4 agents holding
// up to 3: whatever the draws, each agent takes one, at the handle time drawn.
TEST(CallCenterChat, ARandomDrawNeverAddsASessionWhileAnAgentIsIdle) {
  ScenarioSpec s = day_scenario(3600, 1);
  s.router.policy = "random_idle_agent";
  ContactTypeSpec chat = traced_type("chat", {10, 10, 10, 10}, 100, std::nullopt, {0});
  chat.channel = Channel::Chat;
  s.contact_types.push_back(chat);
  AgentGroupSpec team = group("team", {4});
  team.chat_sessions = 3;
  team.chat_handle_factors = {1.0, 1.5, 2.0};
  s.agent_groups.push_back(team);
  for (std::uint32_t r = 0; r < 20; ++r) {
    const ReplicationCounters c = run_replication(s, make_router(s), r);
    EXPECT_DOUBLE_EQ(pair_totals(c, 0).handle_sum_s, 4 * 100) << r;
  }
}

// A day with patience, two groups and a staffing that changes: the same types as chats
// with one session each, and no inflation, run the same day as calls on unlimited lines,
// bit for bit, under every policy.
TEST(CallCenterChat, OneSessionPerAgentIsACallWithoutALine) {
  ScenarioSpec voice = day_scenario(1800, 3);
  voice.contact_types.push_back(markov_day_type("a", {60, 90, 50}, 300, 200.0, {0, 1}));
  voice.contact_types.push_back(markov_day_type("b", {40, 50, 30}, 240, 400.0, {1}));
  voice.agent_groups.push_back(group("front", {6, 8, 4}));
  voice.agent_groups.push_back(group("back", {4, 5, 3}));
  for (const char* policy : {"queue_priority", "overflow_after_delay", "longest_weighted_wait", "longest_idle_agent",
                             "random_idle_agent", "earliest_due_first"}) {
    voice.router.policy = policy;
    ScenarioSpec chat = voice;
    for (ContactTypeSpec& t : chat.contact_types.raw()) t.channel = Channel::Chat;
    for (std::uint32_t r = 0; r < 3; ++r) {
      const ReplicationCounters v = run_replication(voice, make_router(voice), r);
      const ReplicationCounters c = run_replication(chat, make_router(chat), r);
      EXPECT_EQ(v.fingerprint, c.fingerprint) << policy << " " << r;
      EXPECT_EQ(v.by_slot_type, c.by_slot_type) << policy << " " << r;
      EXPECT_EQ(v.by_slot_pair, c.by_slot_pair) << policy << " " << r;
      // The agents' counters too, but for the chat areas only chats have.
      std::vector<GroupCounters> agents = c.by_slot_group;
      for (GroupCounters& g : agents) g.session_area = g.chatting_area = g.chat_place_area = 0.0;
      EXPECT_EQ(v.by_slot_group, agents) << policy << " " << r;
    }
  }
}

// k sessions per agent without inflation are k servers per agent: c agents holding 3
// chats serve a day as 3c agents serve it as calls, wait for wait, for every contact
// (only the agents' own counters differ). With inflation the chats wait longer.
TEST(CallCenterChat, KSessionsWithoutInflationServeAsKTimesTheAgents) {
  ScenarioSpec voice = day_scenario(1800, 3);
  voice.contact_types.push_back(markov_day_type("a", {150, 220, 120}, 300, 200.0, {0, 1}));
  voice.contact_types.push_back(markov_day_type("b", {100, 120, 80}, 240, 400.0, {1, 0}));
  voice.agent_groups.push_back(group("front", {15, 15, 15}));
  voice.agent_groups.push_back(group("back", {9, 9, 9}));
  ScenarioSpec chat = voice;
  for (ContactTypeSpec& t : chat.contact_types.raw()) t.channel = Channel::Chat;
  for (AgentGroupSpec& g : chat.agent_groups.raw()) {
    for (std::uint32_t& n : g.staffing) n /= 3;
    g.chat_sessions = 3;
  }
  ScenarioSpec inflated = chat;
  for (AgentGroupSpec& g : inflated.agent_groups.raw()) g.chat_handle_factors = {1.0, 1.1, 1.25};
  double waits = 0.0, inflated_waits = 0.0;
  for (std::uint32_t r = 0; r < 5; ++r) {
    const ReplicationCounters v = run_replication(voice, make_router(voice), r);
    const ReplicationCounters c = run_replication(chat, make_router(chat), r);
    const ReplicationCounters i = run_replication(inflated, make_router(inflated), r);
    EXPECT_EQ(v.by_slot_type, c.by_slot_type) << r;
    EXPECT_EQ(v.by_slot_pair, c.by_slot_pair) << r;
    EXPECT_GT(type_totals(v, 0).waited, 0u) << r;  // the day queues, so the servers' count matters
    for (std::size_t k = 0; k < 2; ++k) {
      waits += type_totals(c, k).wait_sum_admitted_s;
      inflated_waits += type_totals(i, k).wait_sum_admitted_s;
    }
  }
  EXPECT_GT(inflated_waits, waits);
}

}  // namespace
}  // namespace ccsim::models
