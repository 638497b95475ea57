// tests/models/scenario/load_days_test.cc
// Runs of several days (docs/scenario-format.md#days): "days" as a count or names, the
// per-period tables of one day repeated or of every day, shifts on the days they name;
// each bad input gets one located error, and validate_spec checks a spec built in code.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include "models/scenario/interval_label.h"
#include "models/scenario/load.h"
#include "models/scenario/message_text.h"
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
  // JSON text, and the name it gives.
  for (const auto& [text, name] : std::vector<std::pair<std::string, std::string>>{
           {"", ""}, {"12/06", "12/06"}, {"Mon, wk 1", "Mon, wk 1"}, {" Mon", " Mon"}, {"Mon\\t", "Mon\t"}})
    expect_single(errors_of(days(R"(["Sun", ")" + text + "\"]")), "/days/1",
                  "a day's name labels its intervals (\"Tue 08:00\") in reports, CSV files and sweep --kpis: give a "
                  "non-empty name without '/', ',', '\"', control characters or spaces at its ends; got " +
                      internal::quote(name));
  expect_single(errors_of(with(kSteady, R"("mode": "steady_state",)", R"("mode": "steady_state", "days": 7,)")),
                "/days", "\"days\" is only used in day mode; remove it (mode is \"steady_state\")");
}

TEST(LoadDays, BadDaysAreReportedOnceNotAgainAtEveryTableAndShiftThatDependsOnThem) {
  std::string week;
  for (int k = 0; k < 48; ++k) week += (k ? ", " : "") + std::string("3");
  const std::string staff = R"("staffing": [)" + week + R"(], "shifts": [ { "name": "late", "start": "16:00",
                              "end": "23:00", "agents": 1, "days": ["Tue"] } ])";
  expect_single(errors_of(days(R"("two")", staff)), "/days",
                "expected a number of days from 1 to 366 or an array of their names (unique, non-empty strings); got "
                "string \"two\"");
  expect_single(errors_of(with(days(R"(["Mon", "Tue"])", staff), R"("period_s": 3600)", R"("period_s": 1800)")),
                "/num_periods",
                "a run of 2 days needs days of 24 hours, but num_periods x period_s is 24 x 1800 s = 12 h; give the "
                "periods of the whole day (48 of 1800 s), the night's with no arrivals and no agents");
}

TEST(LoadDays, OneDaysStaffingCountsItsAgentsOnEveryDay) {
  // 3e9 agents rise in the first period of each day: 6e9 over two days, past the 32-bit ids.
  const std::string staff = R"("staffing": [3000000000, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                                             0, 0, 0])";
  expect_single(errors_of(days("2", staff)), "/agent_groups",
                "the agent groups schedule 6000000000 agents in all (staffing arrays count each rise, shifts their "
                "agents); at most 4294967294 are supported (agent ids are 32-bit)");
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

TEST(LoadDays, ANightShiftEndsOnTheNextDayAndItsBreaksAfterMidnightToo) {
  const ScenarioSpec s = load_scenario_text(
      days(R"(["Mon", "Tue", "Wed"])",
           R"("shifts": [ { "name": "night", "start": "22:00", "end": "06:00", "agents": 2,
                            "breaks": [ { "name": "tea", "duration_s": 900, "window": { "from": "23:00", "to": "00:30" } },
                                        { "name": "meal", "duration_s": 1800, "at": "02:00", "paid": false } ] },
                          { "name": "late", "start": "20:00", "length_s": 36000, "agents": 1, "days": ["Mon"] },
                          { "name": "all_day", "start": "07:00", "end": "07:00", "agents": 1, "days": ["Tue"] } ])"),
      "t.json");
  const AgentGroupSpec& g = s.agent_groups[make_id<AgentGroupId>(0)];
  ASSERT_EQ(g.shifts.size(), 5u);
  const ShiftSpec& mon = g.shifts[0];
  EXPECT_EQ(mon.name, "night (Mon)");
  EXPECT_EQ(mon.start_s, 22 * 3600.0);
  EXPECT_EQ(mon.end_s, 86400.0 + 6 * 3600.0);
  EXPECT_EQ(mon.breaks[0].earliest_start_s, 23 * 3600.0);
  EXPECT_EQ(mon.breaks[0].latest_start_s, 86400.0 + 1800.0);
  EXPECT_EQ(mon.breaks[1].earliest_start_s, 86400.0 + 2 * 3600.0);
  // Wednesday's night passes the run's end: the model stops it there (docs/workforce.md).
  EXPECT_EQ(g.shifts[2].end_s, 3 * 86400.0 + 6 * 3600.0);
  EXPECT_EQ(g.shifts[3].end_s, 86400.0 + 6 * 3600.0);  // 20:00 + 10 h
  EXPECT_EQ(g.shifts[4].start_s, 86400.0 + 7 * 3600.0);  // an end equal to the start: 24 hours
  EXPECT_EQ(g.shifts[4].end_s, 2 * 86400.0 + 7 * 3600.0);
  EXPECT_EQ(spec_problems(s).size(), 0u) << dump(spec_problems(s));

  // Days from 06:00: 22:00 to 06:00 ends with the day, and crosses nothing.
  const ScenarioSpec six = load_scenario_text(
      with(days("2", R"("shifts": [ { "name": "night", "start": "22:00", "end": "06:00", "agents": 2 } ])"),
           R"("start_time": "00:00")", R"("start_time": "06:00")"),
      "t.json");
  EXPECT_EQ(six.agent_groups[make_id<AgentGroupId>(0)].shifts[0].end_s, 86400.0);
}

TEST(LoadDays, AShiftAcrossTheDaysEndNeedsSeveralDaysAndLastsADayAtMost) {
  const auto night = [](const std::string& d, const std::string& end) {
    return days(d, R"("shifts": [ { "name": "night", "start": "22:00", )" + end + R"(, "agents": 2 } ])");
  };
  expect_single(errors_of(night("1", R"("end": "06:00")")), "/agent_groups/0/shifts/0/end",
                "shift \"night\" ends at 06:00, not after it starts (22:00); give an end after the start; a night "
                "shift across the day's end needs a run of several days (\"days\")");
  expect_single(errors_of(night("1", R"("length_s": 28800)")), "/agent_groups/0/shifts/0/length_s",
                "shift \"night\" ends at 06:00 next day, outside the day (00:00 to 24:00); end it by 24:00; a night "
                "shift across the day's end needs a run of several days (\"days\")");
  expect_single(errors_of(night("2", R"("length_s": 86401)")), "/agent_groups/0/shifts/0/length_s",
                "shift \"night\" ends at 22:00:01 next day, 86401 s after it starts (22:00); a shift lasts at most a "
                "day (86400 s)");
  expect_single(errors_of(night("2", R"("end": 21600)")), "/agent_groups/0/shifts/0/end",
                "shift \"night\" ends at 06:00, not after it starts (22:00); give an end after the start (an end in "
                "seconds on the next day is past 86400: 06:00 the next day is 108000)");
  // A break's clock time before the night's start is the next morning's, so after its end.
  expect_single(errors_of(days("2", R"("shifts": [ { "name": "night", "start": "22:00", "end": "06:00",
                                     "agents": 2, "breaks": [ { "name": "meal", "duration_s": 1800, "at": "21:00" } ]
                                     } ])")),
                "/agent_groups/0/shifts/0/breaks/0/at",
                "break \"meal\" at 21:00 next day lasts 1800 s and ends at 21:30 next day, after its shift \"night\" "
                "ends (06:00 next day); start it by 05:30 next day (in a shift across the day's end, a clock time "
                "before the shift's start is on the next day)");
  // A night shift with a bad start: one error, not another on its breaks' order too
  // (which day 01:30 falls on is unknown without the start); likewise in a one-day run.
  const std::string breaks = R"(, "agents": 2, "breaks": [ { "name": "tea", "duration_s": 900, "at": "23:00" },
      { "name": "meal", "duration_s": 1800, "window": { "from": "01:30", "to": "03:00" } } ] } ])";
  const auto badly = [&](const std::string& d, const std::string& times) {
    return days(d, R"("shifts": [ { "name": "night", )" + times + breaks);
  };
  expect_single(errors_of(badly("2", R"("start": "22h", "end": "06:00")")), "/agent_groups/0/shifts/0/start",
                "expected a clock time \"HH:MM\" or \"HH:MM:SS\" (\"00:00\" to \"24:00\"), or seconds from the start "
                "of the day (a number); got string \"22h\"");
  EXPECT_EQ(errors_of(badly("1", R"("start": "22:00", "end": "06:00")")).size(), 1u);
  // A window from after midnight to before it, and a break in seconds after midnight.
  expect_single(errors_of(days("2", R"("shifts": [ { "name": "night", "start": "22:00", "end": "06:00",
      "agents": 2, "breaks": [ { "name": "meal", "duration_s": 1800, "window": { "from": "01:00", "to": "23:30" } } ]
      } ])")),
                "/agent_groups/0/shifts/0/breaks/0/window/to",
                "the window of break \"meal\" closes at 23:30, before it opens (01:00 next day); the latest start must "
                "not be before the earliest (in a shift across the day's end, a clock time before the shift's start is "
                "on the next day)");
  expect_single(errors_of(days("2", R"("shifts": [ { "name": "night", "start": "22:00", "end": "06:00",
      "agents": 2, "breaks": [ { "name": "meal", "duration_s": 1800, "at": 7200 } ] } ])")),
                "/agent_groups/0/shifts/0/breaks/0/at",
                "break \"meal\" starts at 02:00, before its shift \"night\" starts (22:00); start it at 22:00 or later "
                "(a night shift's break in seconds after midnight is the next day's: past 86400 s)");
  // A bad /days says so once; the night shift is not judged against one day.
  expect_single(errors_of(night(R"("two")", R"("end": "06:00")")), "/days",
                "expected a number of days from 1 to 366 or an array of their names (unique, non-empty strings); got "
                "string \"two\"");
}

TEST(LoadDays, ValidateSpecLetsANightShiftPassTheRunsEndByADayAtMost) {
  ScenarioSpec s = load_scenario_text(
      days("2", R"("shifts": [ { "name": "night", "start": "22:00", "end": "06:00", "agents": 2 } ])"), "t.json");
  ShiftSpec& last = s.agent_groups[make_id<AgentGroupId>(0)].shifts[1];
  last.end_s = last.start_s + 86400.5;
  expect_single(spec_problems(s), "/agent_groups/0/shifts/1/end_s",
                "shift \"night (day 2)\" ends at 22:00:00.5 on day 3, 86400.5 s after it starts (22:00 next day); a "
                "shift lasts at most a day (86400 s)");
  ScenarioSpec one = load_scenario_text(days("1"), "t.json");
  one.agent_groups[make_id<AgentGroupId>(0)].shifts[0].end_s = 86400.0 + 3600.0;
  expect_single(spec_problems(one), "/agent_groups/0/shifts/0/end_s",
                "shift \"early\" ends at 01:00 next day, outside the day (00:00 to 24:00); end it by 24:00; a night "
                "shift across the day's end needs a run of several days (\"days\")");
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

// Two days of two 12-hour periods, the arrivals from a forecast file and the staffing
// from a staffing plan, both written by each test.
class LoadDaysCsv : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("ccsim_days_" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()) + "_" +
            std::to_string(::getpid()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    std::ofstream(dir_ / "s.json") << R"({
  "mode": "day", "period_s": 43200, "num_periods": 2, "start_time": "00:00", "days": ["Mon", "Tue"],
  "forecast": { "file": "f.csv", "volume": "per_interval" },
  "staffing_plan": { "file": "p.csv" },
  "contact_types": [ { "name": "calls", "talk": { "dist": "exponential", "mean_s": 200 } } ],
  "agent_groups": [ { "name": "team" } ],
  "router": { "type_to_group": { "calls": ["team"] } }
})";
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  // Loads the scenario with these files; the diagnostics when it fails.
  ScenarioSpec load(const std::string& forecast, const std::string& plan) {
    std::ofstream(dir_ / "f.csv") << "interval_start,contact_type,volume\n" << forecast;
    std::ofstream(dir_ / "p.csv") << "interval_start,team\n" << plan;
    return load_scenario_file((dir_ / "s.json").string());
  }
  std::vector<Diagnostic> errors(const std::string& forecast, const std::string& plan) {
    try {
      load(forecast, plan);
    } catch (const ScenarioError& e) {
      return e.diagnostics();
    }
    ADD_FAILURE() << "expected a ScenarioError";
    return {};
  }
  std::string file(const char* name) const { return (dir_ / name).string(); }

  std::filesystem::path dir_;
};

constexpr const char* kOneDayPlan = "00:00,2\n12:00,1\n";

TEST_F(LoadDaysCsv, RowsWithTheirDayGiveEachDayItsOwnAndRowsWithoutRepeatOneDay) {
  const ScenarioSpec own = load("Mon 00:00,calls,10\nMon 12:00,calls,20\nTue 00:00,calls,30\nTue 12:00,calls,40\n",
                                "Mon 00:00,1\nMon 12:00,2\nTue 00:00,3\nTue 12:00,4\n");
  EXPECT_EQ(own.contact_types[make_id<ContactTypeId>(0)].arrivals.per_period, (std::vector<double>{10, 20, 30, 40}));
  EXPECT_EQ(own.agent_groups[make_id<AgentGroupId>(0)].staffing, (std::vector<std::uint32_t>{1, 2, 3, 4}));
  const ScenarioSpec same = load("00:00,calls,10\n12:00,calls,20\n", kOneDayPlan);
  EXPECT_EQ(same.contact_types[make_id<ContactTypeId>(0)].arrivals.per_period, (std::vector<double>{10, 20, 10, 20}));
  EXPECT_EQ(same.agent_groups[make_id<AgentGroupId>(0)].staffing, (std::vector<std::uint32_t>{2, 1, 2, 1}));
  EXPECT_EQ(spec_problems(same).size(), 0u) << dump(spec_problems(same));
}

TEST_F(LoadDaysCsv, RowsWithAndWithoutTheirDayAnUnknownDayAndAMissingDayAreLocated) {
  expect_single(errors("Mon 00:00,calls,10\n12:00,calls,20\nTue 00:00,calls,30\nTue 12:00,calls,40\n", kOneDayPlan),
                "/forecast/file",
                file("f.csv") + ": line 2 gives its interval with its day and line 3 without; give every row its day "
                "(\"Tue 08:00\": each day its own) or none (\"08:00\": every day the same)");
  expect_single(errors("00:00,calls,10\n12:00,calls,20\n", "Mon 00:00,1\nTues 12:00,2\n"), "/staffing_plan/file",
                file("p.csv") + " line 3, column 1 (interval_start): unknown day \"Tues\" in \"Tues 12:00\"; the days are Mon, Tue "
                "(did you mean \"Tue\"?)");
  expect_single(errors("Mon 00:00,calls,10\nMon 12:00,calls,20\nTue 00:00,calls,30\n", kOneDayPlan), "/forecast/file",
                file("f.csv") + ": calls has no row for 1 interval: Tue 12:00; give every interval of the run (0 where "
                "nothing arrives)");
}

TEST_F(LoadDaysCsv, RowsWithTheirDayAreOneErrorWhereTheDaysAreWrongOrOne) {
  const std::string dated = "Mon 00:00,calls,10\nMon 12:00,calls,20\nTue 00:00,calls,30\nTue 12:00,calls,40\n";
  const std::string text = std::string(std::istreambuf_iterator<char>(std::ifstream(dir_ / "s.json").rdbuf()), {});
  // Days repeated: the rows' days cannot be read, and that is said once, at /days.
  std::ofstream(dir_ / "s.json") << with(text, R"(["Mon", "Tue"])", R"(["Mon", "Mon"])");
  expect_single(errors(dated, "Mon 00:00,1\nMon 12:00,2\nTue 00:00,3\nTue 12:00,4\n"), "/days/1",
                "\"Mon\" names two days (first /days/0); day names must be unique");
  // One day: the first row with a day says why, once.
  std::ofstream(dir_ / "s.json") << with(text, R"("days": ["Mon", "Tue"],)", "");
  expect_single(errors(dated, kOneDayPlan), "/forecast/file",
                file("f.csv") + " line 2, column 1 (interval_start): \"Mon 00:00\" names a day, but the run is one day; "
                "give the time of day alone (\"08:00\"), or the run's days in /days");
}

TEST_F(LoadDaysCsv, RowsWithAndWithoutTheirDayMeetingAreTheMixNotADuplicate) {
  expect_single(errors("Mon 00:00,calls,10\nMon 12:00,calls,20\n00:00,calls,30\n12:00,calls,40\n", kOneDayPlan),
                "/forecast/file",
                file("f.csv") + ": line 2 gives its interval with its day and line 4 without; give every row its day "
                "(\"Tue 08:00\": each day its own) or none (\"08:00\": every day the same)");
}

}  // namespace
}  // namespace ccsim::models
