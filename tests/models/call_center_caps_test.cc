// Caps by channel traced by hand: a group at its cap on e-mail (or chat) keeps its idle
// agents for the other channels; the cap counts an e-mail's wrap-up, frees a place when
// an agent goes off or a call interrupts the e-mail, and lets an agent holding chats take
// more. A group of n agents that only serves e-mail, capped at m, is a group of m agents.
#include <algorithm>
#include <cstdint>
#include <map>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "models/kpi/kpis.h"
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
using testing::markov_day_type;
using testing::Step;
using testing::Steps;
using testing::traced_type;
using testing::type_totals;

ContactTypeSpec mail(std::vector<double> times_s, double talk_s, double wrap_s, std::vector<std::uint32_t> groups) {
  ContactTypeSpec t = traced_type("mail", std::move(times_s), talk_s, std::nullopt, std::move(groups), 1);
  t.channel = Channel::Email;
  if (wrap_s > 0) t.wrap_up = sim::Distribution::constant(wrap_s);
  t.service_level = ServiceLevelSpec{.awt_s = 3600};
  return t;
}

AgentGroupSpec capped(std::string name, std::vector<std::uint32_t> staffing, Channel c, std::uint32_t cap) {
  AgentGroupSpec g = group(std::move(name), std::move(staffing));
  g.max_agents_on[index(c)] = cap;
  return g;
}

constexpr std::uint32_t kNone = kNoId;

// Two agents, at most one on e-mail. Mails (talk 100 s, wrap-up 10 s) at 0 and 10, a call
// (talk 50 s) at 20. By hand: agent 0 takes mail 0 (talk to 100, wrap-up to 110); mail 10
// waits though agent 1 is idle; the call takes agent 1 at once. Agent 1, free at 70, is
// idle with mail 10 waiting: the group is still at its cap, through agent 0's wrap-up.
// At 110 agent 0 is free: the longest idle, agent 1, takes mail 10 (wait 100).
TEST(CallCenterCaps, AnEmailWaitsWhileTheGroupIsAtItsCapAndTheIdleAgentTakesACall) {
  ScenarioSpec s = day_scenario(3600, 1);
  s.contact_types.push_back(traced_type("calls", {20}, 50, std::nullopt, {0}));
  s.contact_types.push_back(mail({0, 10}, 100, 10, {0}));
  s.agent_groups.push_back(capped("blended", {2}, Channel::Email, 1));
  Steps trace({TraceWhat::Answered, TraceWhat::Interrupted, TraceWhat::Resumed, TraceWhat::LogOff});
  const ReplicationCounters c = run_replication(s, make_router(s), 0, &trace);
  const std::vector<Step> expected = {
      {0, TraceWhat::Answered, 1, 0, 0},
      {20, TraceWhat::Answered, 0, 1, 0},
      {110, TraceWhat::Answered, 1, 1, 100},
  };
  EXPECT_EQ(std::vector<Step>(trace.steps.begin(), trace.steps.begin() + 3), expected);
  EXPECT_DOUBLE_EQ(type_totals(c, 1).wait_sum_answered_s, 100);

  ScenarioSpec uncapped = s;
  uncapped.agent_groups.raw()[0].max_agents_on = {};
  const ReplicationCounters u = run_replication(uncapped, make_router(uncapped), 0);
  EXPECT_DOUBLE_EQ(type_totals(u, 1).wait_sum_answered_s, 0);
  EXPECT_DOUBLE_EQ(type_totals(u, 0).wait_sum_answered_s, 90);  // both agents on e-mail: the call waits for 110
}

// Periods of 100 s; two agents, agent 1 logging off at 100, at most one on e-mail. A call
// (talk 100 s) at 40, mails (talk 100 s) at 50 and 60. By hand: agent 0 takes the call,
// agent 1 mail 50 (to 150); mail 60 waits. Agent 0, free at 140, stays idle: the group is
// at its cap. At 150 agent 1 finishes its mail and logs off; its place under the cap goes
// to agent 0, who takes mail 60 then (wait 90), though nothing else happens.
TEST(CallCenterCaps, AnAgentLoggingOffFreesItsPlaceForTheIdleAgents) {
  ScenarioSpec s = day_scenario(100, 3);
  s.contact_types.push_back(traced_type("calls", {40}, 100, std::nullopt, {0}));
  s.contact_types.push_back(mail({50, 60}, 100, 0, {0}));
  s.agent_groups.push_back(capped("blended", {2, 1, 1}, Channel::Email, 1));
  Steps trace({TraceWhat::Answered, TraceWhat::Interrupted, TraceWhat::Resumed, TraceWhat::LogOff});
  const ReplicationCounters c = run_replication(s, make_router(s), 0, &trace);
  const std::vector<Step> expected = {
      {40, TraceWhat::Answered, 0, 0, 0},
      {50, TraceWhat::Answered, 1, 1, 0},
      {150, TraceWhat::LogOff, kNone, 1, 0},
      {150, TraceWhat::Answered, 1, 0, 90},
  };
  EXPECT_EQ(trace.steps, expected);
  EXPECT_EQ(type_totals(c, 1).answered, 2u);
}

// One agent, capped at one e-mail; the mail (talk 100 s, wrap-up 10 s) at 0 may be
// interrupted. The call at 30 (talk 50 s) takes the agent: off e-mail, the group is below
// its cap, so at 80 the agent resumes the mail, as without a cap.
TEST(CallCenterCaps, AnInterruptedEmailFreesItsPlace) {
  ScenarioSpec s = day_scenario(3600, 1);
  s.contact_types.push_back(traced_type("calls", {30}, 50, std::nullopt, {0}));
  ContactTypeSpec m = mail({0}, 100, 10, {0});
  m.interruptible = true;
  s.contact_types.push_back(m);
  s.agent_groups.push_back(capped("blended", {1}, Channel::Email, 1));
  Steps trace({TraceWhat::Answered, TraceWhat::Interrupted, TraceWhat::Resumed, TraceWhat::LogOff});
  const ReplicationCounters c = run_replication(s, make_router(s), 0, &trace);
  const std::vector<Step> expected = {
      {0, TraceWhat::Answered, 1, 0, 0},
      {30, TraceWhat::Interrupted, 1, 0, 70},
      {30, TraceWhat::Answered, 0, 0, 0},
      {80, TraceWhat::Resumed, 1, 0, 50},
  };
  EXPECT_EQ(trace.steps, expected);
  EXPECT_EQ(type_totals(c, 1).interrupted_unfinished, 0u);
  // By channel: the mail's 30 s before the call and its 80 s after; the call's 50 s.
  const KpiValues k = compute_group_kpis(group_totals(c, 0), 3600);
  EXPECT_DOUBLE_EQ(k[static_cast<std::size_t>(Kpi::OccupancyEmail)], 110.0 / 3600);
  EXPECT_DOUBLE_EQ(k[static_cast<std::size_t>(Kpi::OccupancyVoice)], 50.0 / 3600);
  EXPECT_DOUBLE_EQ(k[static_cast<std::size_t>(Kpi::OccupancyChat)], 0.0);
  EXPECT_DOUBLE_EQ(k[static_cast<std::size_t>(Kpi::Occupancy)], 160.0 / 3600);
}

// Two agents of two chat sessions each. A mail (talk 100 s, wrap-up 10 s) at 0 takes agent
// 0 to 110; a call (talk 50 s) at 20 agent 1 to 70; chats (talk 60 s) at 200 and 230 each
// take an idle agent (none joins another's sessions while one is idle), to 260 and 290.
// Of the 7,200 productive agent-seconds: 110 on e-mail, 50 on calls, 120 holding chats.
TEST(CallCenterCaps, OccupancyIsSplitByChannel) {
  ScenarioSpec s = day_scenario(3600, 1);
  s.contact_types.push_back(traced_type("calls", {20}, 50, std::nullopt, {0}));
  s.contact_types.push_back(mail({0}, 100, 10, {0}));
  ContactTypeSpec chat = traced_type("chat", {200, 230}, 60, std::nullopt, {0}, 1);
  chat.channel = Channel::Chat;
  s.contact_types.push_back(chat);
  AgentGroupSpec g = group("blended", {2});
  g.chat_sessions = 2;
  s.agent_groups.push_back(g);
  const KpiValues k = compute_group_kpis(group_totals(run_replication(s, make_router(s), 0), 0), 3600);
  EXPECT_DOUBLE_EQ(k[static_cast<std::size_t>(Kpi::OccupancyEmail)], 110.0 / 7200);
  EXPECT_DOUBLE_EQ(k[static_cast<std::size_t>(Kpi::OccupancyVoice)], 50.0 / 7200);
  EXPECT_DOUBLE_EQ(k[static_cast<std::size_t>(Kpi::OccupancyChat)], 120.0 / 7200);
  EXPECT_DOUBLE_EQ(k[static_cast<std::size_t>(Kpi::Occupancy)], 280.0 / 7200);
}

// Two agents of three chat sessions each, at most one holding chats. Chats (talk 100 s)
// at 0, 10, 20 and 30, a call (talk 10 s) at 40. By hand: agent 0 takes chats 0, 10 and 20
// (agent 1 stays idle: the group is at its cap); chat 30 waits for a place in agent 0's
// sessions, at 100 (wait 70); the call takes agent 1 at once.
TEST(CallCenterCaps, AnAgentHoldingChatsTakesMoreWhileTheGroupIsAtItsCap) {
  ScenarioSpec s = day_scenario(3600, 1);
  s.contact_types.push_back(traced_type("calls", {40}, 10, std::nullopt, {0}));
  ContactTypeSpec chat = traced_type("chat", {0, 10, 20, 30}, 100, std::nullopt, {0}, 1);
  chat.channel = Channel::Chat;
  s.contact_types.push_back(chat);
  AgentGroupSpec g = capped("blended", {2}, Channel::Chat, 1);
  g.chat_sessions = 3;
  s.agent_groups.push_back(g);
  Steps trace({TraceWhat::Answered, TraceWhat::Interrupted, TraceWhat::Resumed, TraceWhat::LogOff});
  run_replication(s, make_router(s), 0, &trace);
  const std::vector<Step> expected = {
      {0, TraceWhat::Answered, 1, 0, 0},  {10, TraceWhat::Answered, 1, 0, 0},  {20, TraceWhat::Answered, 1, 0, 0},
      {40, TraceWhat::Answered, 0, 1, 0}, {100, TraceWhat::Answered, 1, 0, 70},
  };
  EXPECT_EQ(std::vector<Step>(trace.steps.begin(), trace.steps.begin() + 5), expected);
}

// The e-mail backlog of a group of 7 agents capped at 3 moves exactly as that of a group
// of 3: the same arrivals and handle times, and a place frees at the same instants.
TEST(CallCenterCaps, AnEmailOnlyGroupCappedAtMIsAGroupOfM) {
  ScenarioSpec s = day_scenario(1800, 8);
  ContactTypeSpec m = markov_day_type("mail", {40, 60, 90, 70, 50, 60, 40, 20}, 240, std::nullopt, {0});
  m.channel = Channel::Email;
  m.wrap_up = sim::Distribution::exponential(30);
  m.service_level = ServiceLevelSpec{.awt_s = 1800};
  s.contact_types.push_back(m);
  s.agent_groups.push_back(capped("mail_team", {7, 7, 7, 7, 7, 7, 7, 7}, Channel::Email, 3));
  ScenarioSpec three = s;
  three.agent_groups.raw()[0] = group("mail_team", {3, 3, 3, 3, 3, 3, 3, 3});
  for (std::uint64_t r = 0; r < 5; ++r) {
    const TypeCounters a = type_totals(run_replication(s, make_router(s), r), 0);
    const TypeCounters b = type_totals(run_replication(three, make_router(three), r), 0);
    EXPECT_GT(a.wait_sum_answered_s, 0);
    EXPECT_EQ(a.answered, b.answered);
    EXPECT_EQ(a.answered_within_awt, b.answered_within_awt);
    EXPECT_EQ(a.wait_sum_answered_s, b.wait_sum_answered_s);
    EXPECT_EQ(a.sojourn_sum_s, b.sojourn_sum_s);
    EXPECT_EQ(a.queue_area, b.queue_area);
    EXPECT_EQ(a.backlog_at_close, b.backlog_at_close);
  }
}

// Replays a day's trace and checks, at the end of every instant before the close: no group
// has more agents on e-mail or holding chats than its caps; and no group has an idle agent
// while a contact it could take waits (a call; an e-mail or a chat while below its cap).
class CapAudit : public TraceSink {
 public:
  CapAudit(const ScenarioSpec& s) : spec_(s), waiting_(s.contact_types.size()) {}

  void record(const TraceRecord& r) override {
    if (r.time_s > now_) {
      check();
      const double end_s = spec_.num_periods * spec_.period_s;
      std::uint32_t on_email = 0;
      for (const auto& [id, a] : agents_) on_email += a.on_email;
      email_area_ += on_email * (std::min(r.time_s, end_s) - std::min(now_, end_s));
    }
    now_ = r.time_s;
    const auto channel = [&] { return spec_.contact_types[make_id<ContactTypeId>(r.type)].channel; };
    switch (r.what) {
      case TraceWhat::LogOn:
        agents_[r.agent] = Agent{r.group, State::Idle, false, 0};
        break;
      case TraceWhat::BreakEnd:
      case TraceWhat::AuxEnd:
        agents_[r.agent].state = State::Idle;
        break;
      case TraceWhat::AgentFree:
      case TraceWhat::LogOff:
      case TraceWhat::BreakStart:
      case TraceWhat::AuxStart:
        agents_[r.agent] = Agent{r.group, r.what == TraceWhat::AgentFree ? State::Idle : State::Off, false, 0};
        break;
      case TraceWhat::Queued:
        ++waiting_[r.type];
        queued_.push_back(r.contact);
        break;
      case TraceWhat::Answered:
      case TraceWhat::Resumed: {
        Agent& a = agents_[r.agent];
        a.state = State::Busy;
        a.on_email = channel() == Channel::Email;
        a.chats += channel() == Channel::Chat;
        leave_queue(r.contact, r.type);
        ++answered_;
        break;
      }
      case TraceWhat::Interrupted:
        agents_[r.agent].on_email = false;
        ++waiting_[r.type];
        queued_.push_back(r.contact);
        ++interrupted_;
        break;
      case TraceWhat::SessionEnd:
        --agents_[r.agent].chats;
        break;
      case TraceWhat::Abandoned:
      case TraceWhat::TimedOut:
      case TraceWhat::Disconnected:
        leave_queue(r.contact, r.type);
        break;
      default:
        break;
    }
  }

  void check() {
    if (now_ >= spec_.num_periods * spec_.period_s) return;  // the backlog waits for the next day
    ++instants_;
    for (std::size_t g = 0; g < spec_.agent_groups.size(); ++g) {
      const AgentGroupSpec& group = spec_.agent_groups[make_id<AgentGroupId>(g)];
      std::uint32_t idle = 0, on_email = 0, chatting = 0;
      for (const auto& [id, a] : agents_) {
        if (a.group != g) continue;
        idle += a.state == State::Idle;
        on_email += a.on_email;
        chatting += a.chats > 0;
      }
      const std::uint32_t email_cap = group.max_agents_on[index(Channel::Email)].value_or(kNoId);
      const std::uint32_t chat_cap = group.max_agents_on[index(Channel::Chat)].value_or(kNoId);
      ASSERT_LE(on_email, email_cap) << group.name << " at " << now_;
      ASSERT_LE(chatting, chat_cap) << group.name << " at " << now_;
      if (idle == 0) continue;
      for (std::size_t k = 0; k < spec_.contact_types.size(); ++k) {
        const ContactTypeSpec& t = spec_.contact_types[make_id<ContactTypeId>(k)];
        if (waiting_[k] == 0 || std::ranges::find(t.groups, make_id<AgentGroupId>(g)) == t.groups.end()) continue;
        const bool full = (t.channel == Channel::Email && on_email >= email_cap) ||
                          (t.channel == Channel::Chat && chatting >= chat_cap);
        ASSERT_TRUE(full) << group.name << " has " << idle << " idle agents while " << waiting_[k] << " " << t.name
                          << " wait, at " << now_;
        ++held_back_;
      }
    }
  }

  std::uint64_t instants_ = 0, held_back_ = 0, answered_ = 0, interrupted_ = 0;
  double email_area_ = 0.0;  // agent-seconds on e-mail until the close

 private:
  enum class State { Off, Idle, Busy };
  struct Agent {
    std::uint32_t group = 0;
    State state = State::Off;
    bool on_email = false;
    std::uint32_t chats = 0;
  };
  void leave_queue(std::uint32_t contact, std::uint32_t type) {
    const auto it = std::ranges::find(queued_, contact);
    if (it == queued_.end()) return;
    queued_.erase(it);
    --waiting_[type];
  }

  const ScenarioSpec& spec_;
  std::map<std::uint32_t, Agent> agents_;
  std::vector<std::uint32_t> waiting_;
  std::vector<std::uint32_t> queued_;
  double now_ = 0.0;
};

// A blended day: calls, e-mails (interruptible or not) and chats (three sessions) on a
// voice team, a blended group capped on both channels, and a back office capped on e-mail;
// staffing that changes every half hour, so that agents log off in the middle of work, and
// on the blended group a shift with coffee breaks, shrinkage and absence.
ScenarioSpec blended_day(bool interruptible) {
  ScenarioSpec s = day_scenario(1800, 8);
  s.contact_types.push_back(markov_day_type("calls", {60, 90, 110, 100, 90, 100, 80, 50}, 240, 180, {0, 1}));
  ContactTypeSpec m = markov_day_type("mail", {8, 10, 12, 10, 10, 10, 8, 6}, 420, std::nullopt, {1, 2});
  m.channel = Channel::Email;
  m.wrap_up = sim::Distribution::exponential(60);
  m.interruptible = interruptible;
  m.service_level = ServiceLevelSpec{.awt_s = 7200};
  m.priority = 1;
  s.contact_types.push_back(m);
  ContactTypeSpec chat = markov_day_type("chat", {30, 40, 45, 40, 35, 40, 30, 20}, 360, 240, {1});
  chat.channel = Channel::Chat;
  s.contact_types.push_back(chat);
  s.agent_groups.push_back(group("voice_team", {6, 9, 11, 10, 9, 10, 8, 5}));
  AgentGroupSpec blended = group("blended", {6, 7, 8, 8, 7, 8, 6, 5});
  blended.chat_sessions = 3;
  blended.chat_handle_factors = {1.0, 1.1, 1.25};
  blended.max_agents_on[index(Channel::Email)] = 2;
  blended.max_agents_on[index(Channel::Chat)] = 3;
  blended.shifts = {ShiftSpec{"late", 3600, 14400, 3, {BreakSpec{"coffee", 900, 7200, 9000}}}};
  blended.shrinkage.assign(8, 0.1);
  blended.absenteeism = 0.05;
  s.agent_groups.push_back(blended);
  s.agent_groups.push_back(capped("back_office", {2, 3, 3, 2, 3, 3, 2, 1}, Channel::Email, 1));
  return s;
}

// Under every policy that never keeps an agent idle while something it may take waits.
TEST(CallCenterCaps, NoGroupPassesItsCapsAndNoneKeepsAnAgentIdleBelowThem) {
  for (const char* policy : {"queue_priority", "longest_idle_agent", "random_idle_agent", "earliest_due_first",
                             "longest_weighted_wait"})
    for (const bool interruptible : {false, true}) {
      ScenarioSpec s = blended_day(interruptible);
      s.router.policy = policy;
      for (std::uint64_t r = 0; r < 3; ++r) {
        CapAudit audit(s);
        const ReplicationCounters c = run_replication(s, make_router(s), r, &audit);
        audit.check();
        double email_area = 0.0;
        for (std::size_t g = 0; g < s.agent_groups.size(); ++g) email_area += group_totals(c, g).email_area;
        EXPECT_NEAR(email_area, audit.email_area_, 1e-9 * audit.email_area_);
        ASSERT_FALSE(HasFatalFailure()) << policy << ", interruptible " << interruptible << ", replication " << r;
      // The audit saw a busy day in which the caps held agents back.
        EXPECT_GT(audit.answered_, 800u);
        EXPECT_GT(audit.held_back_, 1000u);
        if (interruptible) {
          EXPECT_GT(audit.interrupted_, 30u);
        }
      }
    }
}

}  // namespace
}  // namespace ccsim::models
