// tests/models/scenario/load_days_test.cc
// Runs of several days (docs/scenario-format.md#days): "days" as a count or names, the
// per-period tables of one day repeated or of every day, shifts on the days they name;
// each bad input gets one located error, and validate_spec checks a spec built in code.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "models/scenario/interval_label.h"
#include "models/scenario/load.h"
#include "models/scenario/validate_spec.h"
#include "tests/models/scenario/diagnostic_checks.h"
#include "tests/models/scenario/scenario_texts.h"

namespace ccsim::models {
namespace {

using testing::dump;
using testing::errors_of;
using testing::expect_single;
using testing::kSteady;
using testing::with;

// Three days of 24 hourly periods; "DAYS" and "STAFF" are replaced by each test.
constexpr std::string_view kDays = R"({
  "mode": "day", "period_s": 3600, "num_periods": 24, "start_time": "00:00",
  "days": DAYS,
  "contact_types": [
    { "name": "calls",
      "arrivals": { "process": "poisson", "rate_per_hour": 30 },
      "talk": { "dist": "exponential", "mean_s": 240 },
      "aht_per_period_s": [200, 200, 200, 200, 200, 200, 200, 200, 240, 240, 240, 240,
                           240, 240, 240, 240, 240, 240, 240, 240, 200, 200, 200, 200] }
  ],
  "agent_groups": [ { "name": "team", STAFF } ],
  "router": { "type_to_group": { "calls": ["team"] } }
})";

constexpr std::string_view kShift = R"("shifts": [ { "name": "early", "start": "08:00", "end": "16:00", "agents": 3 } ])";

std::string days(const std::string& d, std::string_view staff = kShift) {
  return with(with(kDays, "DAYS", d), "STAFF", staff);
}

TEST(LoadDays, NamedDaysRepeatOneDaysTablesAndEachShiftIsWorkedEveryDay) {
  const ScenarioSpec s = load_scenario_text(days(R"(["Sat", "Sun", "Mon"])"), "t.json");
  EXPECT_EQ(s.days, 3u);
  EXPECT_EQ(s.periods_per_day(), 24u);
  EXPECT_EQ(s.num_periods, 72u);
  EXPECT_EQ(s.horizon_s(), 3 * 86400.0);
  const ContactTypeSpec& t = s.contact_types[make_id<ContactTypeId>(0)];
  ASSERT_EQ(t.aht_per_period_s.size(), 72u);
  EXPECT_EQ(t.aht_per_period_s[24 + 8], 240.0);
  EXPECT_EQ(t.aht_per_period_s[48 + 23], 200.0);
  const AgentGroupSpec& g = s.agent_groups[make_id<AgentGroupId>(0)];
  ASSERT_EQ(g.shifts.size(), 3u);
  EXPECT_EQ(g.shifts[2].name, "early (Mon)");
  EXPECT_EQ(g.shifts[2].start_s, 2 * 86400.0 + 8 * 3600.0);
  EXPECT_EQ(g.shifts[2].end_s, 2 * 86400.0 + 16 * 3600.0);
  EXPECT_EQ(interval_label(s, 0), "Sat 00:00");
  EXPECT_EQ(interval_label(s, 71), "Mon 23:00");
  EXPECT_EQ(spec_problems(s).size(), 0u) << dump(spec_problems(s));
}

TEST(LoadDays, ACountOfDaysNumbersThemAndAShiftNamesItsDaysByNumberOrName) {
  const ScenarioSpec s = load_scenario_text(
      days("2", R"("shifts": [ { "name": "late", "start": "12:00", "end": "20:00", "agents": 2, "days": [2],
                                 "breaks": [ { "name": "tea", "duration_s": 900, "at": "16:00" } ] } ])"),
      "t.json");
  EXPECT_EQ(s.day_name(1), "day 2");
  EXPECT_EQ(interval_label(s, 30), "day 2 06:00");
  const AgentGroupSpec& g = s.agent_groups[make_id<AgentGroupId>(0)];
  ASSERT_EQ(g.shifts.size(), 1u);
  EXPECT_EQ(g.shifts[0].name, "late (day 2)");
  EXPECT_EQ(g.shifts[0].start_s, 86400.0 + 12 * 3600.0);
  EXPECT_EQ(g.shifts[0].breaks[0].earliest_start_s, 86400.0 + 16 * 3600.0);
  EXPECT_EQ(g.shifts[0].breaks[0].latest_start_s, 86400.0 + 16 * 3600.0);
  EXPECT_EQ(spec_problems(s).size(), 0u) << dump(spec_problems(s));
}

TEST(LoadDays, ATableOfEveryDayIsTakenAsItIs) {
  std::string staffing;
  for (int k = 0; k < 48; ++k) staffing += (k ? ", " : "") + std::to_string(k < 24 ? 1 : 2);
  const ScenarioSpec s = load_scenario_text(days("2", R"("staffing": [)" + staffing + "]"), "t.json");
  const AgentGroupSpec& g = s.agent_groups[make_id<AgentGroupId>(0)];
  ASSERT_EQ(g.staffing.size(), 48u);
  EXPECT_EQ(g.staffing[23], 1u);
  EXPECT_EQ(g.staffing[24], 2u);
}

TEST(LoadDays, ATableOfAnotherLengthSaysBothLengthsItTakes) {
  expect_single(errors_of(days("2", R"("staffing": [1, 2, 3])")), "/agent_groups/0/staffing",
                "expected 24 values (num_periods: every day the same) or 48 (days x num_periods: each day its own), "
                "got 3");
}

TEST(LoadDays, DaysShorterThan24HoursAreRefused) {
  const std::string text = with(days("5", R"("staffing": 3)"), R"("num_periods": 24)", R"("num_periods": 12)");
  const std::string aht = R"("aht_per_period_s": [200, 200, 200, 200, 200, 200, 200, 200, 240, 240, 240, 240,
                           240, 240, 240, 240, 240, 240, 240, 240, 200, 200, 200, 200] )";
  expect_single(errors_of(with(with(text, aht, ""), R"(240 },
      )", "240 }")),
                "/num_periods",
                "a run of 5 days needs days of 24 hours, but num_periods x period_s is 12 x 3600 s = 12 h; give the "
                "periods of the whole day (24 of 3600 s), the night's with no arrivals and no agents");
}

TEST(LoadDays, BadDaysAreLocated) {
  expect_single(errors_of(days("0")), "/days", "must be in [1, 366]; got 0");
  expect_single(errors_of(days("367")), "/days", "must be in [1, 366]; got 367");
  expect_single(errors_of(days(R"("Mon")")), "/days",
                "expected a number of days from 1 to 366 or an array of their names (unique, non-empty strings); got "
                "string \"Mon\"");
  expect_single(errors_of(days("[]")), "/days",
                "expected a number of days from 1 to 366 or an array of their names (unique, non-empty strings); got 0 "
                "names");
  expect_single(errors_of(days(R"(["Mon", "Tue", "Mon"])")), "/days/2",
                "\"Mon\" names two days (first /days/0); day names must be unique");
  expect_single(errors_of(days(R"(["Mon", ""])")), "/days/1", "must be a non-empty string (the day's name); got \"\"");
  expect_single(errors_of(with(kSteady, R"("mode": "steady_state",)", R"("mode": "steady_state", "days": 7,)")),
                "/days", "\"days\" is only used in day mode; remove it (mode is \"steady_state\")");
}

TEST(LoadDays, AShiftsBadDaysAreLocated) {
  const auto shift = [](const std::string& d) {
    return days(R"(["Mon", "Tue", "Wed"])",
                R"("shifts": [ { "name": "early", "start": "08:00", "end": "16:00", "agents": 3, "days": )" + d +
                    " } ]");
  };
  expect_single(errors_of(shift(R"(["Mon", "Thurs"])")), "/agent_groups/0/shifts/0/days/1",
                "unknown day \"Thurs\"; expected an array of day names from /days (Mon, Tue, Wed) or day "
                "numbers from 1 to 3");
  expect_single(errors_of(shift(R"(["Tues"])")), "/agent_groups/0/shifts/0/days/0",
                "unknown day \"Tues\"; expected an array of day names from /days (Mon, Tue, Wed) or day "
                "numbers from 1 to 3 (did you mean \"Tue\"?)");
  expect_single(errors_of(shift(R"(["Mon", 1])")), "/agent_groups/0/shifts/0/days/1", "names \"Mon\" twice");
  expect_single(errors_of(shift("[4]")), "/agent_groups/0/shifts/0/days/0", "must be in [1, 3]; got 4");
  expect_single(errors_of(shift("[]")), "/agent_groups/0/shifts/0/days",
                "expected an array of day names from /days (Mon, Tue, Wed) or day numbers from 1 to 3; "
                "got an empty array (omit \"days\" for a shift worked every day)");
}

TEST(LoadDays, ValidateSpecChecksTheDaysOfASpecBuiltInCode) {
  ScenarioSpec s = load_scenario_text(days("3"), "t.json");
  s.num_periods = 70;
  s.contact_types[make_id<ContactTypeId>(0)].aht_per_period_s.resize(70, 200.0);
  s.day_names = {"a", "a"};
  const std::vector<Diagnostic> ds = spec_problems(s);
  testing::expect_has(ds, "/num_periods", "must be a whole number of periods per day (3 days); got 70");
  testing::expect_has(ds, "/day_names", "must be empty or name each of the 3 days; got 2 names");
  testing::expect_has(ds, "/day_names/1", "\"a\" names two days (first /day_names/0)");
  ScenarioSpec short_days = load_scenario_text(days("3"), "t.json");
  short_days.period_s = 1800;
  testing::expect_has(spec_problems(short_days), "/num_periods",
                      "a run of 3 days needs days of 24 hours; got 24 periods of 1800 s a day");
}

}  // namespace
}  // namespace ccsim::models
