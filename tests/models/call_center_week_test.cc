// tests/models/call_center_week_test.cc
// A run of several days (docs/scenario-format.md#days) traced by hand: e-mails every ten
// minutes of a week, one every 600 s from Monday 00:05, each handled in exactly 18
// minutes by a back office of 2 agents on duty 08:00-16:00 on the days their shift
// names. Nothing is random, so every count below is exact: the backlog carried over each
// night and the weekend, each day's counts (a contact counts in the interval, so the day,
// it arrived in), and the week's totals.
#include <gtest/gtest.h>

#include <fmt/format.h>

#include <array>
#include <cmath>
#include <string>
#include <string_view>
#include <utility>

#include "models/kpi/kpi_names.h"
#include "models/replication.h"
#include "models/scenario/interval_label.h"
#include "models/scenario/load.h"
#include "models/trace.h"
#include "tests/models/traced_steps.h"

namespace ccsim::models {
namespace {

constexpr std::uint32_t kPerDay = 144;   // one e-mail every 600 s
constexpr std::uint32_t kWeek = 7 * kPerDay;
// Each agent starts an e-mail at 08:00 + k 1080 s while that is before 16:00: 27 a day
// (k = 0..26; the last ends at 16:06, in overtime), 54 for the two. At 08:00 the 48 that
// came in the night wait, and the shift never empties the backlog (48 more come by 16:00).
constexpr std::uint32_t kDoneADay = 54;

// The back office's workforce: `staff` is its JSON ("shifts" or "staffing").
std::string week(std::string_view staff) {
  std::string times;
  for (std::uint32_t j = 0; j < kWeek; ++j) times += fmt::format("{}{}", j ? ", " : "", 300 + 600 * j);
  return fmt::format(R"({{
  "mode": "day", "period_s": 3600, "num_periods": 24, "start_time": "00:00",
  "days": ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
  "contact_types": [
    {{ "name": "email", "channel": "email", "due_s": 86400,
      "arrivals": {{ "process": "trace", "times_s": [{}] }},
      "talk": {{ "dist": "constant", "value_s": 1080 }} }}
  ],
  "agent_groups": [ {{ "name": "back_office", {} }} ],
  "router": {{ "type_to_group": {{ "email": ["back_office"] }} }},
  "rng": {{ "seed": 7, "replications": 2 }}
}})",
                     times, staff);
}

constexpr std::string_view kWeekdayShift =
    R"("shifts": [ { "name": "day", "start": "08:00", "end": "16:00", "agents": 2,
                     "days": ["Mon", "Tue", "Wed", "Thu", "Fri"] } ])";

double mean(const KpiStats& k, Kpi kpi) { return stat_of(k, kpi).mean; }

using PerDay = std::array<std::uint32_t, 7>;

// How many steps of kinds `a` and `b` the first replication's trace has on each day; a
// step after the week's end fails the test.
std::pair<PerDay, PerDay> by_day(const ScenarioSpec& spec, TraceWhat a, TraceWhat b) {
  testing::Steps trace{a, b};
  RunOptions options;
  options.trace = &trace;
  run_scenario(spec, options);
  PerDay on_a{}, on_b{};
  for (const testing::Step& s : trace.steps) {
    const auto d = static_cast<std::size_t>(s.time_s / 86400.0);
    EXPECT_LT(d, 7u) << trace_what_name(s.what) << " at " << s.time_s << " s";
    if (d < 7) ++(s.what == a ? on_a : on_b)[d];
  }
  return {on_a, on_b};
}

TEST(Week, TheBacklogCarriesOverEachNightAndTheWeekend) {
  const ScenarioSpec spec = load_scenario_text(week(kWeekdayShift), "week.json");
  ASSERT_EQ(spec.days, 7u);
  ASSERT_EQ(spec.num_periods, 7u * 24u);
  ASSERT_EQ(spec.agent_groups[make_id<AgentGroupId>(0)].shifts.size(), 5u);  // one per day worked
  const RunResults r = run_scenario(spec, RunOptions{});
  // Monday to Friday 54 each; nobody on Saturday and Sunday.
  EXPECT_EQ(mean(r.overall, Kpi::Offered), kWeek);
  EXPECT_EQ(mean(r.overall, Kpi::Answered), 5 * kDoneADay);
  EXPECT_EQ(mean(r.overall, Kpi::BacklogAtClose), kWeek - 5 * kDoneADay);
  EXPECT_EQ(r.backlog_at_close, 2u * (kWeek - 5 * kDoneADay));  // both replications'
  // First in, first out: Monday's 144 are answered on Monday (54), Tuesday (54) and
  // Wednesday (36); Tuesday's get Wednesday's other 18 and Thursday's and Friday's 108.
  ASSERT_EQ(r.by_day.size(), 7u);
  const double answered[7] = {144, 18 + 2 * kDoneADay, 0, 0, 0, 0, 0};
  for (std::uint32_t d = 0; d < 7; ++d) {
    SCOPED_TRACE(spec.day_name(d));
    const DayResult& day = r.by_day[d];
    EXPECT_EQ(day.day, d);
    EXPECT_EQ(day.start_s, d * 86400.0);
    EXPECT_EQ(mean(day.kpis, Kpi::Offered), kPerDay);
    EXPECT_EQ(mean(day.kpis, Kpi::Answered), answered[d]);
    EXPECT_EQ(mean(day.kpis, Kpi::BacklogAtClose), kPerDay - answered[d]);
    EXPECT_EQ(mean(day.by_type[0], Kpi::Offered), kPerDay);
    // Two agents of eight hours and six minutes on a weekday, none at the weekend.
    EXPECT_NEAR(mean(day.by_group[0], Kpi::PaidAgentHours), d < 5 ? 2 * (8 + 0.1) : 0.0, 1e-9);
  }
  // The items still waiting at Sunday's close: the oldest came on Tuesday at 21:05
  // (the 127th of the day), 442,500 s before the close.
  EXPECT_EQ(mean(r.by_day[6].by_type[0], Kpi::OldestWaitingS), 7 * 86400.0 - (86400 + 300 + 600 * 126));
  EXPECT_EQ(interval_label(spec, 25), "Tue 01:00");
  EXPECT_EQ(interval_label(spec, 167), "Sun 23:00");
}

// Conservation each night, from the trace: what came in so far, less what the agents
// took so far, is the backlog carried into the next day.
TEST(Week, WhatCameInLessWhatWasAnsweredIsTheBacklogCarriedIntoEachNextDay) {
  const ScenarioSpec spec = load_scenario_text(week(kWeekdayShift), "week.json");
  const auto [arrived, answered] = by_day(spec, TraceWhat::Arrival, TraceWhat::Answered);
  std::uint32_t in = 0, out = 0;
  const std::uint32_t backlog[7] = {90, 180, 270, 360, 450, 594, 738};
  for (std::uint32_t d = 0; d < 7; ++d) {
    in += arrived[d];
    out += answered[d];
    EXPECT_EQ(arrived[d], kPerDay) << spec.day_name(d);
    EXPECT_EQ(answered[d], d < 5 ? kDoneADay : 0u) << spec.day_name(d);
    EXPECT_EQ(in - out, backlog[d]) << spec.day_name(d);
  }
}

TEST(Week, OneDaysStaffingRepeatsEveryDayAndAWeeksIsEachDaysOwn) {
  const std::string day = "0, 0, 0, 0, 0, 0, 0, 0, 2, 2, 2, 2, 2, 2, 2, 2, 0, 0, 0, 0, 0, 0, 0, 0";
  const ScenarioSpec every_day = load_scenario_text(week(R"("staffing": [)" + day + "]"), "week.json");
  ASSERT_EQ(every_day.agent_groups[make_id<AgentGroupId>(0)].staffing.size(), 7u * 24u);
  EXPECT_EQ(mean(run_scenario(every_day, RunOptions{}).overall, Kpi::Answered), 7 * kDoneADay);

  std::string weekdays;
  const std::string weekend = "0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0";
  for (int d = 0; d < 7; ++d) weekdays += (d ? ", " : "") + (d < 5 ? day : weekend);
  const ScenarioSpec own = load_scenario_text(week(R"("staffing": [)" + weekdays + "]"), "week.json");
  const RunResults r = run_scenario(own, RunOptions{});
  EXPECT_EQ(mean(r.overall, Kpi::Answered), 5 * kDoneADay);
  EXPECT_EQ(mean(r.by_day[1].kpis, Kpi::Answered), 18 + 2 * kDoneADay);
}

// Night shifts (22:00 to 06:00 the next day) with an unpaid meal at 02:00: each agent
// takes e-mails at 22:00 + k 1080 s; the one started at 01:54 (k = 13) ends at 02:12, when
// the meal starts, 720 s late; from 02:32 it takes 12 more, the last ending at 06:08 in
// overtime. 26 an agent, 52 a night, 14 of them before midnight. Nobody works the first
// morning (the night before the run is not in it), and Sunday's night is worked until
// the run ends at midnight: 14 answered, its meal (Monday 02:00) never due.
constexpr std::string_view kNightShift =
    R"("shifts": [ { "name": "night", "start": "22:00", "end": "06:00", "agents": 2,
                     "breaks": [ { "name": "meal", "at": "02:00", "duration_s": 1200, "paid": false } ] } ])";
constexpr std::uint32_t kNight = 52, kBeforeMidnight = 14;

TEST(Week, ANightShiftWorksIntoTheNextDayAndTheLastNightEndsWithTheRun) {
  const ScenarioSpec spec = load_scenario_text(week(kNightShift), "week.json");
  const AgentGroupSpec& g = spec.agent_groups[make_id<AgentGroupId>(0)];
  ASSERT_EQ(g.shifts.size(), 7u);
  EXPECT_EQ(g.shifts[6].end_s, 7 * 86400.0 + 6 * 3600.0);  // past the run's end, which the model stops at
  const RunResults r = run_scenario(spec, RunOptions{});
  const std::uint32_t answered = 6 * kNight + kBeforeMidnight;
  EXPECT_EQ(mean(r.overall, Kpi::Answered), answered);
  EXPECT_EQ(mean(r.overall, Kpi::BacklogAtClose), kWeek - answered);
  EXPECT_EQ(mean(r.overall, Kpi::BreakLatenessS), 720.0);
  // First in, first out: Monday's and Tuesday's 288 by Thursday morning, then 38 of Wednesday's.
  const double by_arrival[7] = {144, 144, answered - 288.0, 0, 0, 0, 0};
  // Paid on each calendar day: Monday 22:00-24:00; then 00:00-06:00 less the 20-minute
  // meal plus 8 minutes of overtime, and 22:00-24:00 (Sunday's too: the run ends there).
  const double paid[7] = {2 * 2.0, 2 * 7.8, 2 * 7.8, 2 * 7.8, 2 * 7.8, 2 * 7.8, 2 * 7.8};
  for (std::uint32_t d = 0; d < 7; ++d) {
    SCOPED_TRACE(spec.day_name(d));
    EXPECT_EQ(mean(r.by_day[d].kpis, Kpi::Answered), by_arrival[d]);
    EXPECT_NEAR(mean(r.by_day[d].by_group[0], Kpi::PaidAgentHours), paid[d], 1e-9);
  }
}

TEST(Week, ANightShiftsAnswersFallOnBothSidesOfMidnight) {
  const ScenarioSpec spec = load_scenario_text(week(kNightShift), "week.json");
  // Nothing starts after the run's end (by_day checks): Sunday night's meal never comes due.
  const auto [answered, meals] = by_day(spec, TraceWhat::Answered, TraceWhat::BreakStart);
  for (std::uint32_t d = 0; d < 7; ++d) {
    EXPECT_EQ(answered[d], d == 0 ? kBeforeMidnight : kNight) << spec.day_name(d);
    EXPECT_EQ(meals[d], d == 0 ? 0u : 2u) << spec.day_name(d);
  }
}

// Calls around the clock, answered by a day shift and a night shift across midnight, or
// by the staffing array of the same hours: the same agents at the same times, so the same
// run to the last bit (docs/workforce.md). The array's last night ends with the run, as
// Sunday's night shift does; its first morning has nobody, as the shifts' has.
TEST(Week, NightShiftsRunAsTheStaffingOfTheirHours) {
  const auto scenario = [](std::string_view staff) {
    return fmt::format(R"({{
  "mode": "day", "period_s": 3600, "num_periods": 24, "start_time": "00:00", "days": 7,
  "contact_types": [
    {{ "name": "calls", "arrivals": {{ "process": "poisson", "rate_per_hour": 12 }},
      "talk": {{ "dist": "exponential", "mean_s": 600 }},
      "patience": {{ "dist": "exponential", "mean_s": 300 }} }}
  ],
  "agent_groups": [ {{ "name": "team", {} }} ],
  "router": {{ "type_to_group": {{ "calls": ["team"] }} }},
  "rng": {{ "seed": 11, "replications": 8 }}
}})",
                       staff);
  };
  const ScenarioSpec shifts = load_scenario_text(
      scenario(R"("shifts": [ { "name": "day", "start": "08:00", "end": "16:00", "agents": 3 },
                              { "name": "night", "start": "20:00", "end": "04:00", "agents": 2 } ])"),
      "shifts.json");
  std::string staffing;
  for (std::uint32_t d = 0; d < 7; ++d)
    for (std::uint32_t h = 0; h < 24; ++h) {
      const std::uint32_t n = h < 4 ? (d > 0 ? 2 : 0) : h >= 8 && h < 16 ? 3 : h >= 20 ? 2 : 0;
      staffing += fmt::format("{}{}", d + h > 0 ? ", " : "", n);
    }
  const ScenarioSpec array = load_scenario_text(scenario(R"("staffing": [)" + staffing + "]"), "array.json");
  const RunResults a = run_scenario(array, RunOptions{.threads = 2});
  const RunResults b = run_scenario(shifts, RunOptions{.threads = 2});
  EXPECT_EQ(a.fingerprint, b.fingerprint);
  EXPECT_GT(mean(a.overall, Kpi::Answered), 1000.0);
  for (std::size_t k = 0; k < kNumKpis; ++k) {
    if (std::isnan(a.overall[k].mean)) continue;
    EXPECT_EQ(a.overall[k].mean, b.overall[k].mean) << kKpiNames[k];
  }
  for (std::uint32_t d = 0; d < 7; ++d)
    EXPECT_EQ(mean(a.by_day[d].by_group[0], Kpi::PaidAgentHours), mean(b.by_day[d].by_group[0], Kpi::PaidAgentHours));
}

}  // namespace
}  // namespace ccsim::models
