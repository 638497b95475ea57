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
#include "tests/models/test_scenarios.h"

namespace ccsim::models {
namespace {

using testing::day_scenario;
using testing::group;
using testing::traced_type;

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

TypeCounters totals(const ReplicationCounters& c, std::size_t type) {
  TypeCounters total;
  for (std::size_t slot = 0; slot < c.num_slots; ++slot) total += c.type(slot, type);
  return total;
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
    const TypeCounters mail = totals(c, 1);
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
    const TypeCounters calls = totals(c, 0);
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

}  // namespace
}  // namespace ccsim::models
