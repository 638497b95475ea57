// Rosters built from staffing arrays (layers of whole-period runs) and shifts.
#include "models/agents/roster.h"

#include <vector>

#include <gtest/gtest.h>

#include "sim/time.h"
#include "tests/models/test_scenarios.h"

namespace ccsim::models {
namespace {

using testing::day_scenario;
using testing::group;

struct Span {
  double start_s;
  double end_s;
  bool operator==(const Span&) const = default;
};

std::vector<Span> spans(const Roster& r) {
  std::vector<Span> out;
  for (const Stint& s : r.agents) out.push_back(Span{s.start_s, s.end_s});
  return out;
}

TEST(Roster, StaffingLayersBecomeWholePeriodStintsLaterEndFirst) {
  ScenarioSpec s = day_scenario(100, 4);
  s.agent_groups.push_back(group("team", {2, 3, 1, 3}));
  const Roster r = build_roster(s);
  // Layer 0 works all day (its end is the end of the day: it never logs off), layer 1
  // periods 0-1 and 3, layer 2 periods 1 and 3.
  const double never = sim::kNever;
  const std::vector<Span> expected = {{0, never}, {0, 200}, {100, 200}, {300, never}, {300, never}};
  EXPECT_EQ(spans(r), expected);
  // Log-offs come before log-ons at one instant, and a stint to the end never logs off.
  ASSERT_EQ(r.changes.size(), 7u);
  EXPECT_EQ(r.changes[3].time_s, 200);
  EXPECT_FALSE(r.changes[3].log_on);
  EXPECT_FALSE(r.changes[4].log_on);
  EXPECT_EQ(r.changes[5].time_s, 300);
  EXPECT_TRUE(r.changes[5].log_on);
}

TEST(Roster, ShiftsAndStaffingShareOneOrderingAcrossGroups) {
  ScenarioSpec s = day_scenario(100, 4);
  s.agent_groups.push_back(group("a", {1, 0, 0, 0}));
  AgentGroupSpec b = group("b", {});
  b.shifts.push_back(ShiftSpec{"late", 50, 400, 2, {}});
  b.shifts.push_back(ShiftSpec{"early", 0, 250, 1, {}});
  s.agent_groups.push_back(b);
  const Roster r = build_roster(s);
  ASSERT_EQ(r.agents.size(), 4u);
  // At 0: b's early shift (ends 250) before a's agent (ends 100); then b's late pair.
  EXPECT_EQ(r.agents[0].group, make_id<AgentGroupId>(1));
  EXPECT_EQ(r.agents[0].shift, 1u);
  EXPECT_EQ(r.agents[1].group, make_id<AgentGroupId>(0));
  EXPECT_EQ(r.agents[1].shift, kNoShift);
  EXPECT_EQ(r.agents[2].agent_in_shift, 0u);
  EXPECT_EQ(r.agents[3].agent_in_shift, 1u);
  EXPECT_EQ(r.agents[3].end_s, sim::kNever);  // the late shift lasts to the end of the day
}

TEST(Roster, SteadyStateAgentsLogOnAtZeroAndNeverOff) {
  const ScenarioSpec s = testing::markov_scenario(1.0, 10.0, 3, std::nullopt, 0, 100, 1, 1);
  const Roster r = build_roster(s);
  ASSERT_EQ(r.agents.size(), 3u);
  ASSERT_EQ(r.changes.size(), 3u);
  for (const RosterChange& c : r.changes) {
    EXPECT_EQ(c.time_s, 0);
    EXPECT_TRUE(c.log_on);
  }
}

}  // namespace
}  // namespace ccsim::models
