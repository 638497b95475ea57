// Channels: an e-mail's day traced by hand. It holds no trunk line, waits in the backlog
// however long (and whoever is on duty), and what is still waiting at the close stays
// there: under every closing rule, no agent takes it after the close and the run counts
// it in the backlog at the close, as late when its due time has passed, while the calls
// keep their closing rule.
#include <array>
#include <cstdint>
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
using testing::traced_type;
using testing::type_totals;

// Three hours, one trunk line, one agent on in the first and the last hour, calls (talk
// 100 s) before e-mails (talk 1000 s, due within 1500 s).
ScenarioSpec day_of_mail(Closing closing) {
  ScenarioSpec s = day_scenario(3600, 3);
  s.closing = closing;
  s.trunk_lines = 1;
  s.contact_types.push_back(traced_type("calls", {50, 120, 10790}, 100, std::nullopt, {0}, 0));
  ContactTypeSpec mail =
      traced_type("mail", {0, 100, 200, 300, 4000, 7000, 9000, 9100, 9200, 9300}, 1000, std::nullopt, {0}, 1);
  mail.channel = Channel::Email;
  mail.service_level = ServiceLevelSpec{.awt_s = 1500};
  s.contact_types.push_back(mail);
  s.agent_groups.push_back(group("team", {1, 0, 1}));
  return s;
}

// By hand: the agent serves mail 0 over 0-1000; call 50 waits, holding the line, so call
// 120 is blocked, while mail 100, 200 and 300 queue without one. From 1000: call 50
// (wait 950), then mail 100, 200, 300 (waits 1000, 1900, 2800; the shift ends at 3600
// during the last, which ends at 4100). Nobody is on duty until 7200; mail 4000 and 7000
// wait, then are served over 7200-9200 (waits 3200, 1200), mail 9000 and 9100 over
// 9200-11200 (waits 200, 1100). At the close (10800) mail 9200 and 9300 are waiting, and
// call 10790. Within 1500 s: waits 0, 1000, 1200, 200, 1100.
TEST(CallCenterChannels, AnEmailHoldsNoLineWaitsAnyTimeAndWhatWaitsAtTheCloseStaysInTheBacklog) {
  for (const Closing closing : {Closing::ServeAfterClose, Closing::DisconnectAtClose, Closing::DisconnectNoAgent}) {
    const ScenarioSpec s = day_of_mail(closing);
    const ReplicationCounters c = run_replication(s, make_router(s), 0);
    const TypeCounters mail = type_totals(c, 1);
    EXPECT_EQ(mail.offered, 10u);
    EXPECT_EQ(mail.blocked_trunk, 0u);
    EXPECT_EQ(mail.disconnected, 0u);
    EXPECT_EQ(mail.answered, 8u);
    EXPECT_EQ(mail.answered_within_awt, 5u);
    EXPECT_DOUBLE_EQ(mail.wait_sum_answered_s, 0 + 1000 + 1900 + 2800 + 3200 + 1200 + 200 + 1100);
    EXPECT_EQ(mail.customers_lost, 2u);
    // Mail 9200 waited 1600 s at the close, past its due time: admitted and late. Mail
    // 9300 waited 1500 s, still within it: its outcome is the next day's, left out.
    EXPECT_EQ(mail.backlog_at_close, 2u);
    EXPECT_EQ(mail.backlog_late_at_close, 1u);
    const KpiValues k = compute_kpis(mail, nullptr, 10800, s.service_level_of(make_id<ContactTypeId>(1)),
                                     std::nullopt, nullptr);
    EXPECT_DOUBLE_EQ(k[static_cast<std::size_t>(Kpi::ServiceLevel)], 5.0 / 9.0);
    // The one not yet due may be answered in time tomorrow or not: 5 or 6 of 10.
    EXPECT_DOUBLE_EQ(k[static_cast<std::size_t>(Kpi::SlIfBacklogLate)], 5.0 / 10.0);
    EXPECT_DOUBLE_EQ(k[static_cast<std::size_t>(Kpi::SlIfBacklogInTime)], 6.0 / 10.0);
    EXPECT_DOUBLE_EQ(k[static_cast<std::size_t>(Kpi::BacklogAtClose)], 2.0);
    // Mail 9300 waited 1500 s by the close: it waited (over offered), and it is a certain
    // miss of every fixed threshold; only mail 0 was answered within 60 s.
    EXPECT_EQ(mail.backlog_over_fixed, (std::array<std::uint64_t, 4>{1, 1, 1, 1}));
    EXPECT_DOUBLE_EQ(k[static_cast<std::size_t>(Kpi::PWaitOverOffered)], 9.0 / 10.0);
    EXPECT_DOUBLE_EQ(k[static_cast<std::size_t>(Kpi::SlWithin60sOverAdmitted)], 1.0 / 10.0);
    // The answered items' waits and talks, and the late one's 1600 s, over those nine.
    EXPECT_DOUBLE_EQ(k[static_cast<std::size_t>(Kpi::MeanTimeInSystemS)], (11400.0 + 8 * 1000.0 + 1600.0) / 9.0);
    EXPECT_DOUBLE_EQ(k[static_cast<std::size_t>(Kpi::MeanWaitAdmittedS)], (11400.0 + 1600.0) / 9.0);
    EXPECT_EQ(c.backlog_at_close, 2u);
    EXPECT_EQ(c.unserved_at_end, 0u);
    // The oldest item waiting at each interval's end: none at 3600; mail 4000 at 7200
    // (nobody on duty yet); mail 9200 at the close. The day's: the largest. And call 10790
    // at the close.
    EXPECT_EQ(c.type(0, 1).oldest_waiting_s, 0.0);
    EXPECT_EQ(c.type(1, 1).oldest_waiting_s, 3200.0);
    EXPECT_EQ(c.type(2, 1).oldest_waiting_s, 1600.0);
    EXPECT_EQ(mail.oldest_waiting_s, 3200.0);
    EXPECT_EQ(c.type(2, 0).oldest_waiting_s, 10.0);
    EXPECT_DOUBLE_EQ(k[static_cast<std::size_t>(Kpi::OldestWaitingS)], 3200.0);
    const TypeCounters calls = type_totals(c, 0);
    EXPECT_EQ(calls.blocked_trunk, 1u);
    // The call waiting at the close: served after it (at 11200, when the agent is free and
    // takes no mail), or cut off.
    if (closing == Closing::ServeAfterClose) {
      EXPECT_EQ(calls.answered, 2u);
      EXPECT_DOUBLE_EQ(calls.wait_sum_answered_s, 950 + 410);
    } else {
      EXPECT_EQ(calls.answered, 1u);
      EXPECT_EQ(calls.disconnected, 1u);
    }
  }
}

// One agent all day for calls (due 20 s after joining, the centre's threshold) and
// e-mails (due 1500 s after), under earliest_due_first. By hand: mail 0 is served over
// 0-1000. At 1000, call 500 (due 520) goes ahead of mail 10 (due 1510, waited longer):
// 1000-1100, then mail 10 over 1100-2100 (wait 1090, in time). At 2100 call 2050 (due
// 2070) goes ahead of mail 1200 and 1300: 2100-2200; mail 1200 over 2200-3200 (wait
// 1000). At 3200 mail 1300, due at 2800 and late, goes ahead of call 3100 (due 3120): over
// 3200-4200 (wait 1900); call 3100 is served after the close, at 4200 (wait 1100).
TEST(CallCenterChannels, EarliestDueFirstTakesTheHeadDueEarliestAcrossCallsAndEmails) {
  ScenarioSpec s = day_scenario(3600, 1);
  s.router.policy = "earliest_due_first";
  s.contact_types.push_back(traced_type("calls", {500, 2050, 3100}, 100, std::nullopt, {0}));
  ContactTypeSpec mail = traced_type("mail", {0, 10, 1200, 1300}, 1000, std::nullopt, {0});
  mail.channel = Channel::Email;
  mail.service_level = ServiceLevelSpec{.awt_s = 1500};
  s.contact_types.push_back(mail);
  s.agent_groups.push_back(group("team", {1}));
  const ReplicationCounters c = run_replication(s, make_router(s), 0);
  const TypeCounters calls = type_totals(c, 0), mails = type_totals(c, 1);
  EXPECT_EQ(calls.answered, 3u);
  EXPECT_DOUBLE_EQ(calls.wait_sum_answered_s, 500 + 50 + 1100);
  EXPECT_EQ(mails.answered, 4u);
  EXPECT_DOUBLE_EQ(mails.wait_sum_answered_s, 0 + 1090 + 1000 + 1900);
  EXPECT_EQ(mails.answered_within_awt, 3u);
  EXPECT_EQ(c.backlog_at_close, 0u);
}

// Where every type has the same threshold, a head due earlier is one that joined earlier:
// earliest_due_first decides as longest_weighted_wait with every weight 1, so the runs are
// the same, bit for bit; with a threshold of its own for one type they part.
TEST(CallCenterChannels, EarliestDueFirstWithOneThresholdIsLongestWeightedWaitWithWeightsOne) {
  ScenarioSpec s = day_scenario(1800, 2);
  s.contact_types.push_back(markov_day_type("a", {60, 80}, 300, 200.0, {0, 1}));
  s.contact_types.push_back(markov_day_type("b", {50, 40}, 240, std::nullopt, {1}));
  s.contact_types.push_back(markov_day_type("c", {40, 60}, 360, 400.0, {1, 0}));
  s.agent_groups.push_back(group("front", {6, 7}));
  s.agent_groups.push_back(group("back", {5, 5}));
  const auto run = [](ScenarioSpec spec, const char* policy, std::uint32_t r) {
    spec.router.policy = policy;
    return run_replication(spec, make_router(spec), r);
  };
  for (std::uint32_t r = 0; r < 5; ++r) {
    const ReplicationCounters edf = run(s, "earliest_due_first", r);
    const ReplicationCounters lww = run(s, "longest_weighted_wait", r);
    EXPECT_EQ(edf.fingerprint, lww.fingerprint) << r;
    EXPECT_EQ(edf.events, lww.events) << r;
    for (std::size_t k = 0; k < 3; ++k)
      EXPECT_DOUBLE_EQ(type_totals(edf, k).wait_sum_answered_s, type_totals(lww, k).wait_sum_answered_s)
          << r << " " << k;
  }
  ScenarioSpec own = s;
  own.contact_types.raw()[1].service_level = ServiceLevelSpec{.awt_s = 5};
  EXPECT_NE(run(own, "earliest_due_first", 0).fingerprint, run(own, "longest_weighted_wait", 0).fingerprint);
}

// A blended group of two keeps one agent free for voice. Mails (talk 100 s) at 0 and 10,
// a call (talk 50 s) at 20. By hand: mail 0 takes an agent (2 idle > 1 kept); mail 10
// waits (1 idle, kept for calls); the call takes the idle agent at once, over 20-70. Freed
// at 70, that agent is the one idle agent again: it stays free for calls. At 100 the first
// agent is free too, and with 2 idle takes mail 10 (wait 90). Without the reservation mail
// 10 goes at 10 to the second agent, and the call waits until the first is free, at 100.
TEST(CallCenterChannels, AGroupKeepsAgentsFreeForVoice) {
  ScenarioSpec s = day_scenario(3600, 1);
  s.contact_types.push_back(traced_type("calls", {20}, 50, std::nullopt, {0}));
  ContactTypeSpec mail = traced_type("mail", {0, 10}, 100, std::nullopt, {0}, 1);
  mail.channel = Channel::Email;
  mail.service_level = ServiceLevelSpec{.awt_s = 3600};
  s.contact_types.push_back(mail);
  s.agent_groups.push_back(group("blended", {2}));
  ScenarioSpec kept = s;
  kept.agent_groups.raw()[0].reserved_agents = 1;
  kept.agent_groups.raw()[0].reserved_for_channel = Channel::Voice;
  const ReplicationCounters with = run_replication(kept, make_router(kept), 0);
  EXPECT_DOUBLE_EQ(type_totals(with, 0).wait_sum_answered_s, 0);
  EXPECT_DOUBLE_EQ(type_totals(with, 1).wait_sum_answered_s, 0 + 90);
  const ReplicationCounters without = run_replication(s, make_router(s), 0);
  EXPECT_DOUBLE_EQ(type_totals(without, 0).wait_sum_answered_s, 80);
  EXPECT_DOUBLE_EQ(type_totals(without, 1).wait_sum_answered_s, 0);
}

}  // namespace
}  // namespace ccsim::models
