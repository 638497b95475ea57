// tests/models/scenario/workforce_rules_test.cc
// The workforce rules shared by the loader and validate_spec, on values: the peak of
// agents on duty, the clock in messages, the fraction hint, a group never staffed.
// The located messages are tested through both callers (load_test.cc, validate_spec_test.cc).
#include "models/scenario/workforce_rules.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace ccsim::models::internal {
namespace {

ShiftSpec shift(double start_s, double end_s, std::uint32_t agents) {
  ShiftSpec s;
  s.name = "s";
  s.start_s = start_s;
  s.end_s = end_s;
  s.agents = agents;
  return s;
}

TEST(WorkforceRules, PeakAddsStaffingAndTheShiftsOnDuty) {
  AgentGroupSpec g;
  g.staffing = {2, 5, 1};                                  // hours 0, 1, 2
  g.shifts = {shift(1800, 5400, 3), shift(5400, 9000, 4)};  // a relay: never both on duty
  // [1800, 3600): 5 + 3; [3600, 5400): 5 + 3; [5400, 7200): 5 + 4 = 9; [7200, 9000): 1 + 4.
  EXPECT_EQ(peak_scheduled_agents(g, 3600.0), 9u);
  g.staffing.clear();
  EXPECT_EQ(peak_scheduled_agents(g, 3600.0), 4u);  // a shift ends as the next one starts
  g.shifts.push_back(shift(0, 1801, 2));
  EXPECT_EQ(peak_scheduled_agents(g, 3600.0), 5u);  // 2 + 3 during [1800, 1801)
}

TEST(WorkforceRules, PeakWithoutShiftsIsTheLargestStaffing) {
  AgentGroupSpec g;
  g.staffing = {7};
  EXPECT_EQ(peak_scheduled_agents(g, 0.0), 7u);  // steady state: no periods
  g.staffing = {3, 12, 11};
  EXPECT_EQ(peak_scheduled_agents(g, 1800.0), 12u);
  EXPECT_EQ(peak_scheduled_agents(g, std::nan("")), 12u);
  EXPECT_EQ(peak_scheduled_agents(AgentGroupSpec{}, 1800.0), 0u);
}

TEST(WorkforceRules, PeakLeavesOutShiftsWithoutValidTimes) {
  AgentGroupSpec g;
  g.staffing = {3, 12};
  g.shifts = {shift(std::nan(""), 100, 50), shift(500, 400, 50),
              shift(0, std::numeric_limits<double>::infinity(), 50), shift(0, 100, 1)};
  EXPECT_EQ(peak_scheduled_agents(g, 1800.0), 12u);
  // An unusable period_s counts the staffing as its largest value all day.
  EXPECT_EQ(peak_scheduled_agents(g, 0.0), 13u);
}

TEST(WorkforceRules, DayClockShowsClockTimesFromTheStartTime) {
  const DayClock day{57600.0, 7 * 60, std::nullopt};
  EXPECT_EQ(day.time(0.0), "07:00");
  EXPECT_EQ(day.time(9015.0), "09:30:15");
  EXPECT_EQ(day.time(0.5), "07:00:00.5");
  EXPECT_EQ(day.time(-600.0), "06:50");
  EXPECT_EQ(day.time(61200.0), "00:00 next day");
  EXPECT_EQ(day.end_time(61200.0), "24:00");
  EXPECT_EQ(day.time(61200.0 + 86400.0), "00:00 on day 3");
  EXPECT_EQ(day.time(std::nan("")), "nan");
  // The fuzzer's break of 9e36 s: no clock that far (its day was cast past 2^64).
  EXPECT_EQ(day.end_time(9e36), "9e+36 s");
  EXPECT_EQ(day.time(0x1p53), "9007199254740992 s");
  EXPECT_EQ(day.extent(), "07:00 to 23:00");
  const DayClock seconds{43200.0, std::nullopt, std::nullopt};
  EXPECT_EQ(seconds.time(34200.0), "34200 s");
  EXPECT_EQ(seconds.time(0.25), "0.25 s");
  EXPECT_EQ(seconds.extent(), "0 s to 43200 s");
}

TEST(WorkforceRules, FractionHintMovesTheDecimalPoint) {
  EXPECT_EQ(fraction_problem(0.0, "0", kAbsenteeismAtOne), std::nullopt);
  EXPECT_EQ(fraction_problem(0.999, "0.999", kAbsenteeismAtOne), std::nullopt);
  EXPECT_EQ(fraction_problem(100.0, "100", kAbsenteeismAtOne),
            "must be in [0, 1) (a fraction: write 100 % as 1.00); got 100");
  EXPECT_EQ(fraction_problem(1.5, "1.5", kShrinkageAtOne),
            "must be in [0, 1) (a fraction: write 1.5 % as 0.015); got 1.5");
  EXPECT_EQ(fraction_problem(33.3, "33.3", kShrinkageAtOne),
            "must be in [0, 1) (a fraction: write 33.3 % as 0.333); got 33.3");
  EXPECT_EQ(fraction_problem(1.0, "1", kShrinkageAtOne),
            "must be in [0, 1) (1 would mean agents never available); got 1");
  EXPECT_EQ(fraction_problem(std::nan(""), "nan", kShrinkageAtOne), "must be in [0, 1); got nan");
}

TEST(WorkforceRules, NeverStaffedNeedsStaffingOrShifts) {
  EXPECT_EQ(never_staffed(AgentGroupSpec{}, "/agent_groups/0", "\"g\""), std::nullopt);
  AgentGroupSpec g;
  g.staffing = {0, 0};
  ASSERT_TRUE(never_staffed(g, "/agent_groups/0", "\"g\""));
  EXPECT_EQ(never_staffed(g, "/agent_groups/0", "\"g\"")->pointer, "/agent_groups/0/staffing");
  g.shifts = {shift(0, 100, 1)};
  EXPECT_EQ(never_staffed(g, "/agent_groups/0", "\"g\""), std::nullopt);
}

}  // namespace
}  // namespace ccsim::models::internal
