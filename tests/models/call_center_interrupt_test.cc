// Interruptible e-mails traced by hand: a call that would wait takes an agent from its
// e-mail, which goes back to the head of its backlog with the work left; the next agent
// free for it resumes it (of any group, at its own multiplier), after the waiting calls.
// The e-mail is answered once; its time in system and the handle time of each pair count
// what was done.
#include <cstdint>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "models/kpi/kpis.h"
#include "models/replication.h"
#include "models/routing/registry.h"
#include "models/scenario/pairs.h"
#include "tests/models/counter_totals.h"
#include "tests/models/test_scenarios.h"

namespace ccsim::models {
namespace {

using testing::day_scenario;
using testing::group;
using testing::pair_totals;
using testing::traced_type;
using testing::type_totals;

struct Step {
  double time_s;
  TraceWhat what;
  std::uint32_t type;
  double value;
  bool operator==(const Step&) const = default;
};

// The interruptions and resumptions, and every answer, in the order they happen.
class Steps : public TraceSink {
 public:
  void record(const TraceRecord& r) override {
    if (r.what == TraceWhat::Interrupted || r.what == TraceWhat::Resumed || r.what == TraceWhat::Answered)
      steps.push_back({r.time_s, r.what, r.type, r.value});
  }
  std::vector<Step> steps;
};

ContactTypeSpec interruptible_mail(std::vector<double> times_s, double talk_s, double wrap_s,
                                   std::vector<std::uint32_t> groups) {
  ContactTypeSpec mail = traced_type("mail", std::move(times_s), talk_s, std::nullopt, std::move(groups), 1);
  mail.channel = Channel::Email;
  mail.interruptible = true;
  mail.wrap_up = sim::Distribution::constant(wrap_s);
  mail.service_level = ServiceLevelSpec{.awt_s = 3600};
  return mail;
}

std::size_t pair_index(const ScenarioSpec& s, std::uint32_t type, std::uint32_t group) {
  const std::vector<TypeGroupPair> pairs = type_group_pairs(s);
  for (std::size_t p = 0; p < pairs.size(); ++p)
    if (index(pairs[p].type) == type && index(pairs[p].group) == group) return p;
  ADD_FAILURE() << "no pair " << type << ", " << group;
  return 0;
}

// One agent. Mails (talk 100 s, wrap-up 10 s) at 0 and 20, calls (talk 50 s) at 30, 60 and
// 200. By hand: mail 0 from 0. Call 30 takes the agent: mail 0 goes back ahead of mail 20
// with 70 s left; the call is answered at once, over 30-80. Call 60 finds the agent on a
// call and waits; at 80 it goes first (wait 20, over 80-130). At 130 the agent resumes
// mail 0 (100 s after its interruption), talk over 130-200, wrap-up to 210: call 200
// arrives during the wrap-up, which no call interrupts, and waits 10 s (over 210-260).
// Mail 20 is answered at 260 (wait 240), talk to 360.
TEST(CallCenterInterrupt, ACallTakesTheAgentFromItsEmailWhichIsResumedWithTheWorkLeft) {
  ScenarioSpec s = day_scenario(3600, 1);
  s.contact_types.push_back(traced_type("calls", {30, 60, 200}, 50, std::nullopt, {0}));
  s.contact_types.push_back(interruptible_mail({0, 20}, 100, 10, {0}));
  s.agent_groups.push_back(group("team", {1}));
  Steps trace;
  const ReplicationCounters c = run_replication(s, make_router(s), 0, &trace);
  const std::vector<Step> expected = {
      {0, TraceWhat::Answered, 1, 0},      {30, TraceWhat::Interrupted, 1, 70}, {30, TraceWhat::Answered, 0, 0},
      {80, TraceWhat::Answered, 0, 20},    {130, TraceWhat::Resumed, 1, 100},   {210, TraceWhat::Answered, 0, 10},
      {260, TraceWhat::Answered, 1, 240},
  };
  EXPECT_EQ(trace.steps, expected);
  const TypeCounters mail = type_totals(c, 1), calls = type_totals(c, 0);
  EXPECT_EQ(mail.answered, 2u);
  EXPECT_EQ(mail.interrupted, 1u);
  EXPECT_DOUBLE_EQ(mail.wait_sum_answered_s, 240);
  EXPECT_DOUBLE_EQ(mail.sojourn_sum_s, 200 + 340);
  EXPECT_DOUBLE_EQ(mail.system_area, 200 + 340);
  EXPECT_DOUBLE_EQ(pair_totals(c, pair_index(s, 1, 0)).handle_sum_s, 110 + 110);
  EXPECT_EQ(calls.answered, 3u);
  EXPECT_DOUBLE_EQ(calls.wait_sum_answered_s, 0 + 20 + 10);
  const KpiValues k = compute_kpis(mail, nullptr, 3600, s.service_level_of(make_id<ContactTypeId>(1)),
                                   std::nullopt, nullptr);
  EXPECT_DOUBLE_EQ(k[static_cast<std::size_t>(Kpi::Interrupted)], 1.0);
  EXPECT_DOUBLE_EQ(k[static_cast<std::size_t>(Kpi::MeanTimeInSystemS)], 270.0);
}

// Periods of 100 s. The front group (mail at multiplier 2) is on throughout, the back
// office (multiplier 1, mail only) from 100. Mail 0 goes to the front agent: talk 200 s,
// wrap-up 20 s. Call 50 takes that agent: 150 s of its talk are left, 75 s of drawn talk.
// At 100 the back office logs on and resumes it at its own pace: talk 75 s to 175, its
// wrap-up 10 s. Time in system 175 s; the front pair keeps the 50 s it worked, the back
// office's pair 85 s.
TEST(CallCenterInterrupt, TheWorkLeftMovesToTheGroupThatResumesIt) {
  ScenarioSpec s = day_scenario(100, 4);
  s.contact_types.push_back(traced_type("calls", {50}, 50, std::nullopt, {0}));
  ContactTypeSpec mail = interruptible_mail({0}, 100, 10, {0, 1});
  mail.handle_time_multiplier = {2.0, 1.0};
  s.contact_types.push_back(mail);
  s.agent_groups.push_back(group("front", {1, 1, 1, 1}));
  s.agent_groups.push_back(group("back_office", {0, 1, 1, 1}));
  Steps trace;
  const ReplicationCounters c = run_replication(s, make_router(s), 0, &trace);
  const std::vector<Step> expected = {
      {0, TraceWhat::Answered, 1, 0},
      {50, TraceWhat::Interrupted, 1, 150},
      {50, TraceWhat::Answered, 0, 0},
      {100, TraceWhat::Resumed, 1, 50},
  };
  EXPECT_EQ(trace.steps, expected);
  const TypeCounters m = type_totals(c, 1);
  EXPECT_EQ(m.answered, 1u);
  EXPECT_EQ(m.interrupted, 1u);
  EXPECT_DOUBLE_EQ(m.sojourn_sum_s, 175);
  EXPECT_DOUBLE_EQ(pair_totals(c, pair_index(s, 1, 0)).handle_sum_s, 50);
  EXPECT_DOUBLE_EQ(pair_totals(c, pair_index(s, 1, 1)).handle_sum_s, 85);
}

// An agent whose shift has ended finishes its e-mail: the call waits. One period of 100 s
// then none; the agent's e-mail (talk 100 s from 50) runs past its shift, and call 120
// waits for it to end at 150 (and its wrap-up, 10 s).
TEST(CallCenterInterrupt, AnAgentLeavingFinishesItsEmail) {
  ScenarioSpec s = day_scenario(100, 2);
  s.contact_types.push_back(traced_type("calls", {120}, 50, std::nullopt, {0}));
  s.contact_types.push_back(interruptible_mail({50}, 100, 10, {0}));
  s.agent_groups.push_back(group("team", {1, 0}));
  const ReplicationCounters c = run_replication(s, make_router(s), 0);
  EXPECT_EQ(type_totals(c, 1).interrupted, 0u);
  EXPECT_EQ(type_totals(c, 0).answered, 0u);  // nobody is on duty after 160
}

// Under every closing rule, an interrupted e-mail waiting at the close was answered in the
// day: the agent who stays finishes it, and it is not in the backlog at the close. One
// agent for 100 s: mail 0 (talk 100 s) from 0, call 90 (talk 50 s) takes the agent with
// 10 s of the mail left; mail 95 waits. At the close (100) mail 95 stays in the backlog;
// the agent is free at 140 and resumes mail 0 to 150.
TEST(CallCenterInterrupt, AnInterruptedEmailIsFinishedAfterTheClose) {
  for (const Closing closing : {Closing::ServeAfterClose, Closing::DisconnectAtClose, Closing::DisconnectNoAgent}) {
    ScenarioSpec s = day_scenario(100, 1);
    s.closing = closing;
    s.contact_types.push_back(traced_type("calls", {90}, 50, std::nullopt, {0}));
    s.contact_types.push_back(interruptible_mail({0, 95}, 100, 0, {0}));
    s.agent_groups.push_back(group("team", {1}));
    Steps trace;
    const ReplicationCounters c = run_replication(s, make_router(s), 0, &trace);
    ASSERT_FALSE(trace.steps.empty());
    EXPECT_EQ(trace.steps.back(), (Step{140, TraceWhat::Resumed, 1, 50}));
    const TypeCounters mail = type_totals(c, 1);
    EXPECT_EQ(mail.answered, 1u);
    EXPECT_EQ(mail.interrupted, 1u);
    EXPECT_EQ(mail.backlog_at_close, 1u);
    EXPECT_DOUBLE_EQ(mail.sojourn_sum_s, 150);
    EXPECT_EQ(c.unserved_at_end, 0u);
  }
}

// Under overflow_after_delay the back office takes mail only once it has waited 300 s
// since it first joined the queue; the back office is idle all day. Mail 0 (talk 1000 s)
// goes to the front agent at 0. A short call at 100 (talk 50 s) interrupts it; the front
// agent resumes it at 150. A long call at 200 (talk 200 s) interrupts it again: its
// eligibility still counts from 0, so its timer still to come fires at 300 and the back
// office resumes it then, not at 400.
TEST(CallCenterInterrupt, APutAsideItemWaitsAgainFromItsFirstEnqueueTime) {
  ScenarioSpec s = day_scenario(3600, 1);
  s.router.policy = "overflow_after_delay";
  s.contact_types.push_back(traced_type("short_calls", {100}, 50, std::nullopt, {0}));
  s.contact_types.push_back(traced_type("long_calls", {200}, 200, std::nullopt, {0}));
  ContactTypeSpec mail = interruptible_mail({0}, 1000, 0, {0, 1});
  mail.overflow_delay_s = {0, 300};
  s.contact_types.push_back(mail);
  s.agent_groups.push_back(group("front", {1}));
  s.agent_groups.push_back(group("back_office", {1}));
  Steps trace;
  const ReplicationCounters c = run_replication(s, make_router(s), 0, &trace);
  const std::vector<Step> expected = {
      {0, TraceWhat::Answered, 2, 0},      {100, TraceWhat::Interrupted, 2, 900}, {100, TraceWhat::Answered, 0, 0},
      {150, TraceWhat::Resumed, 2, 50},    {200, TraceWhat::Interrupted, 2, 850}, {200, TraceWhat::Answered, 1, 0},
      {300, TraceWhat::Resumed, 2, 100},
  };
  EXPECT_EQ(trace.steps, expected);
  EXPECT_EQ(type_totals(c, 2).interrupted, 2u);
}

// A back office that takes no calls and sits idle resumes a put-aside item at once. Mail 0
// (talk 100 s) goes to the front agent; call 30 takes that agent, and the back office
// resumes the mail at 30 with its 70 s left.
TEST(CallCenterInterrupt, AnIdleAgentOfAnotherGroupTakesThePutAsideItemAtOnce) {
  ScenarioSpec s = day_scenario(3600, 1);
  s.contact_types.push_back(traced_type("calls", {30}, 50, std::nullopt, {0}));
  s.contact_types.push_back(interruptible_mail({0}, 100, 0, {0, 1}));
  s.agent_groups.push_back(group("front", {1}));
  s.agent_groups.push_back(group("back_office", {1}));
  Steps trace;
  const ReplicationCounters c = run_replication(s, make_router(s), 0, &trace);
  const std::vector<Step> expected = {
      {0, TraceWhat::Answered, 1, 0},
      {30, TraceWhat::Interrupted, 1, 70},
      {30, TraceWhat::Answered, 0, 0},
      {30, TraceWhat::Resumed, 1, 0},
  };
  EXPECT_EQ(trace.steps, expected);
  EXPECT_DOUBLE_EQ(type_totals(c, 1).sojourn_sum_s, 100);
}

// The e-mails' only group leaves before the close, so an interrupted item has nobody to
// resume it. One agent over 0-100 and none over 100-200. Mail 0 (talk 100 s) from 0; call
// 50 (talk 30 s) interrupts it with 50 s left; the agent resumes it at 80; call 90
// interrupts it again with 40 s left. The agent's shift ends at 100 during that call: it
// logs off at 120. At the close (200) nobody of the group is on duty: mail 0 is left
// unfinished, answered and in the system from 0 to 200, neither in the backlog nor
// unserved.
// Two groups of one agent; mails (talk 1000 s) at 0 and 5 go to g1 and g2; calls (talk
// 3000 s) at 100 and 110 interrupt them in that order. Each goes back to the front: the
// queue is [mail 5, mail 0], its head the younger. At the interval's end (1800) the
// oldest waiting is mail 0: 1800 s, not the head's 1795.
TEST(CallCenterInterrupt, TheOldestWaitingIsFoundBehindAYoungerItemPutAside) {
  ScenarioSpec s = day_scenario(1800, 2);
  s.contact_types.push_back(traced_type("calls", {100, 110}, 3000, std::nullopt, {0, 1}));
  s.contact_types.push_back(interruptible_mail({0, 5}, 1000, 0, {0, 1}));
  s.agent_groups.push_back(group("g1", {1, 1}));
  s.agent_groups.push_back(group("g2", {1, 1}));
  const ReplicationCounters c = run_replication(s, make_router(s), 0);
  EXPECT_EQ(type_totals(c, 1).interrupted, 2u);
  EXPECT_EQ(c.type(0, 1).oldest_waiting_s, 1800.0);
}

TEST(CallCenterInterrupt, AnInterruptedItemNobodyIsLeftToResumeIsLeftUnfinished) {
  ScenarioSpec s = day_scenario(100, 2);
  s.contact_types.push_back(traced_type("calls", {50, 90}, 30, std::nullopt, {0}));
  s.contact_types.push_back(interruptible_mail({0}, 100, 0, {0}));
  s.agent_groups.push_back(group("team", {1, 0}));
  const ReplicationCounters c = run_replication(s, make_router(s), 0);
  const TypeCounters mail = type_totals(c, 1);
  EXPECT_EQ(mail.offered, 1u);
  EXPECT_EQ(mail.answered, 1u);
  EXPECT_EQ(mail.interrupted, 2u);
  EXPECT_EQ(mail.interrupted_unfinished, 1u);
  EXPECT_EQ(mail.backlog_at_close, 0u);
  EXPECT_EQ(mail.customers_lost, 0u);
  EXPECT_EQ(c.backlog_at_close, 0u);
  EXPECT_EQ(c.unserved_at_end, 0u);
  EXPECT_DOUBLE_EQ(mail.sojourn_sum_s, 200);
}

// An agent stays after the close but never takes the item: a blended group of two, one
// of them on duty to the end, keeps one idle agent for calls. Mail 0 (talk 300 s) from 0;
// mail 5 waits (one idle, kept); call 50 takes the idle agent, and call 60 interrupts mail
// 0. After 100 one agent is on duty: alone and idle, it is kept for calls, so neither mail
// is taken. At the close mail 5 stays in the backlog and mail 0 in its queue; when nothing
// else can happen it is left unfinished, in the system to the close (200), not to the last
// event of the run (the stale end of its talk, at 300).
TEST(CallCenterInterrupt, AnItemNoAgentTakesIsLeftUnfinishedAtTheWindowsEnd) {
  ScenarioSpec s = day_scenario(100, 2);
  s.contact_types.push_back(traced_type("calls", {50, 60}, 100, std::nullopt, {0}));
  s.contact_types.push_back(interruptible_mail({0, 5}, 300, 0, {0}));
  s.agent_groups.push_back(group("blended", {2, 1}));
  s.agent_groups.raw()[0].reserved_agents = 1;
  s.agent_groups.raw()[0].reserved_for_channel = Channel::Voice;
  const ReplicationCounters c = run_replication(s, make_router(s), 0);
  const TypeCounters mail = type_totals(c, 1);
  EXPECT_EQ(mail.answered, 1u);
  EXPECT_EQ(mail.interrupted, 1u);
  EXPECT_EQ(mail.interrupted_unfinished, 1u);
  EXPECT_EQ(mail.backlog_at_close, 1u);
  EXPECT_EQ(c.unserved_at_end, 0u);
  EXPECT_DOUBLE_EQ(mail.sojourn_sum_s, 200);
}

}  // namespace
}  // namespace ccsim::models
