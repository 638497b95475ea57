// tests/models/scenario/load_csv_test.cc
// Planners' CSV files: a forecast named by /forecast (volumes, AHT and patience per
// interval) and a staffing plan named by /staffing_plan (agents per interval and group),
// read exactly, and every mistake an export can hold reported at the key's file with its
// line and column, without a cascade of follow-on errors.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "models/scenario/load.h"
#include "models/scenario/validate_spec.h"
#include "tests/models/scenario/diagnostic_checks.h"

namespace ccsim::models {
namespace {

namespace fs = std::filesystem;
using testing::with;

// Two types, three 30-minute intervals from 08:00; billing comes from the forecast.
constexpr std::string_view kScenario = R"({
  "mode": "day", "period_s": 1800, "num_periods": 3, "start_time": "08:00",
  "forecast": { "file": "forecasts/f.csv" FORECAST_KEYS },
  "contact_types": [
    { "name": "billing",
      "talk": { "dist": "lognormal", "mean_s": 200, "cv": 0.8 },
      "wrap_up": { "dist": "constant", "value_s": 40 },
      "patience": { "dist": "exponential", "mean_s": 300 } BILLING_KEYS },
    { "name": "sales",
      "arrivals": { "process": "poisson", "rate_per_hour": 60 },
      "talk": { "dist": "exponential", "mean_s": 300 } }
  ],
  "agent_groups": [ { "name": "support", "staffing": [10, 12, 11] } ],
  "router": { "type_to_group": { "billing": ["support"], "sales": ["support"] } }
})";

constexpr std::string_view kCsv =
    "# exported by the WFM tool\n"
    "# volume: per_interval\n"
    "# total_volume: 450\n"
    "interval_start,contact_type,volume,aht_s,patience_s\n"
    "08:00,billing,120,250,300\n"
    "8:30,billing,180,260,200\n"
    "\"09:00\",billing,150,240,250\n";

// A fresh folder per test, named after it.
class InTempDir : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("ccsim_csv_" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()) + "_" +
            std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "forecasts");
  }
  void TearDown() override { fs::remove_all(dir_); }

  // The diagnostics of loading dir_/s.json, which must fail.
  std::vector<Diagnostic> load_errors() {
    try {
      load_scenario_file((dir_ / "s.json").string());
    } catch (const ScenarioError& e) {
      return e.diagnostics();
    }
    ADD_FAILURE() << "expected a ScenarioError";
    return {};
  }

  fs::path dir_;
};

class LoadForecast : public InTempDir {
 protected:

  // Writes the scenario (with the given extra keys) and the CSV, and loads it.
  ScenarioSpec load(std::string_view csv, std::string_view forecast_keys = "", std::string_view billing_keys = "") {
    write(csv, forecast_keys, billing_keys);
    return load_scenario_file((dir_ / "s.json").string());
  }
  std::vector<Diagnostic> errors(std::string_view csv, std::string_view forecast_keys = "",
                                 std::string_view billing_keys = "") {
    write(csv, forecast_keys, billing_keys);
    return load_errors();
  }
  // Exactly one diagnostic, at /forecast/file unless said, whose message is `message`
  // with "F" standing for the CSV's path.
  void expect_only(std::string_view csv, const std::string& message, std::string_view forecast_keys = "",
                   std::string_view billing_keys = "", const std::string& pointer = "/forecast/file") {
    std::string m = message;
    if (const auto f = m.find("F "); f != std::string::npos) m.replace(f, 1, csv_path());
    if (const auto f = m.find("F:"); f != std::string::npos) m.replace(f, 1, csv_path());
    testing::expect_single(errors(csv, forecast_keys, billing_keys), pointer, m);
  }
  std::string csv_path() const { return (dir_ / "forecasts" / "f.csv").lexically_normal().string(); }

 private:
  void write(std::string_view csv, std::string_view forecast_keys, std::string_view billing_keys) {
    std::ofstream(dir_ / "forecasts" / "f.csv") << csv;
    std::ofstream(dir_ / "s.json") << with(with(kScenario, "FORECAST_KEYS", forecast_keys), "BILLING_KEYS",
                                           billing_keys);
  }
};

TEST_F(LoadForecast, VolumesAhtAndPatiencePerIntervalAreRead) {
  const ScenarioSpec s = load(kCsv);
  const ContactTypeSpec& billing = s.contact_types[make_id<ContactTypeId>(0)];
  EXPECT_EQ(billing.arrivals.process, ArrivalSpec::Process::PiecewisePoisson);
  EXPECT_EQ(billing.arrivals.per_period, (std::vector<double>{120, 180, 150}));
  EXPECT_EQ(billing.aht_per_period_s, (std::vector<double>{250, 260, 240}));
  EXPECT_EQ(billing.patience_per_period_s, (std::vector<double>{300, 200, 250}));
  const ContactTypeSpec& sales = s.contact_types[make_id<ContactTypeId>(1)];
  EXPECT_EQ(sales.arrivals.process, ArrivalSpec::Process::Poisson);
  EXPECT_TRUE(sales.aht_per_period_s.empty());
  ASSERT_TRUE(s.forecast);
  EXPECT_EQ(s.forecast->file, csv_path());
  EXPECT_EQ(s.forecast->total, 450);
  EXPECT_EQ(s.forecast->stated_total, 450);
  EXPECT_FALSE(s.forecast->per_hour);
  EXPECT_EQ(spec_problems(s).size(), 0u);
}

TEST_F(LoadForecast, HourlyVolumesBecomeVolumesPerInterval) {
  const std::string hourly = with(kCsv, "# volume: per_interval", "# volume: per_hour");
  EXPECT_EQ(load(hourly).contact_types[make_id<ContactTypeId>(0)].arrivals.per_period,
            (std::vector<double>{60, 90, 75}));
  // The scenario's key says it as well as the file: they must agree.
  EXPECT_EQ(load(hourly, R"(, "volume": "per_hour")").forecast->per_hour, true);
  expect_only(hourly,
              "says \"per_interval\" but " + csv_path() + " says \"# volume: per_hour\"; make them agree",
              R"(, "volume": "per_interval")", "", "/forecast/volume");
}

TEST_F(LoadForecast, TheVolumeUnitIsNeverGuessed) {
  expect_only(with(kCsv, "# volume: per_interval\n", ""),
              "the volume unit is not stated: say whether the volumes of F are per interval or per hour, with "
              "\"volume\": \"per_interval\" here or a line \"# volume: per_interval\" in the file",
              "", "", "/forecast");
  EXPECT_EQ(load(with(kCsv, "# volume: per_interval\n", ""), R"(, "volume": "per_interval")")
                .contact_types[make_id<ContactTypeId>(0)]
                .arrivals.per_period[0],
            120);
}

TEST_F(LoadForecast, MistakesAreLocatedByLineAndColumn) {
  expect_only(with(kCsv, "8:30,billing,180,", "8:30,biling,180,"),
              "F line 6, column 2 (contact_type): unknown contact type \"biling\"; defined: billing, sales (did you "
              "mean \"billing\"?)");
  expect_only(with(kCsv, "180,260", "18O,260"), "F line 6, column 3 (volume): expected a number >= 0; got \"18O\"");
  expect_only(with(kCsv, "180,260", "180,0"), "F line 6, column 4 (aht_s): expected a number > 0; got \"0\"");
  expect_only(with(kCsv, "8:30,billing", "08:45,billing"),
              "F line 6, column 1 (interval_start): \"08:45\" is not the start of one of the 3 intervals of 1800 s "
              "from 08:00");
  expect_only(with(kCsv, "8:30,billing,180,260,200", "8:30,billing,180,260"),
              "F line 6: 4 cells; the header has 5 columns");
  expect_only(std::string(kCsv) + "08:00,billing,1,2,3\n", "F line 8: 08:00 billing is given twice (first on line 5)");
  expect_only(with(kCsv, "volume,aht_s", "calls,aht_s"),
              "F line 4, column 3 (calls): unknown column \"calls\"; known: interval_start, contact_type, volume, "
              "aht_s, patience_s");
}

TEST_F(LoadForecast, RowsAndValuesOutOfReachAreRefused) {
  // Far past the day: must not wrap around into an interval of it.
  expect_only(with(kCsv, "8:30,billing", "7730941132800,billing"),
              "F line 6, column 1 (interval_start): \"7730941132800\" is not the start of one of the 3 intervals of "
              "1800 s from 08:00");
  expect_only("# volume: per_interval\ninterval_start,contact_type,volume\n",
              "F: no rows after the header; give one row per interval and contact type");
  expect_only(kCsv,
              "F: the patience of billing is given twice, at /contact_types/0/patience_per_period_s and in this "
              "file; remove one, or set /forecast/overrides to true to let the file replace it",
              "", R"(, "patience_per_period_s": [60, 60, 60])");
}

TEST_F(LoadForecast, EveryIntervalOfATypeIsNeeded) {
  expect_only(with(kCsv, "8:30,billing,180,260,200\n", ""),
              "F: billing has no row for 1 interval: 08:30; give every interval of the day (0 where nothing arrives)");
}

TEST_F(LoadForecast, ArrivalsGivenTwiceAreAnErrorUnlessTheForecastOverrides) {
  const std::string_view arrivals = R"(, "arrivals": { "process": "poisson", "rate_per_hour": 10 })";
  expect_only(kCsv,
              "F: the arrivals of billing are given twice, at /contact_types/0/arrivals and in this file; remove one, "
              "or set /forecast/overrides to true to let the file replace them",
              "", arrivals);
  EXPECT_EQ(load(kCsv, R"(, "overrides": true)", arrivals).contact_types[make_id<ContactTypeId>(0)].arrivals.process,
            ArrivalSpec::Process::PiecewisePoisson);
}

TEST_F(LoadForecast, AnUnreadableForecastIsOneErrorNotACascade) {
  load(kCsv);
  fs::remove(dir_ / "forecasts" / "f.csv");
  try {
    load_scenario_file((dir_ / "s.json").string());
    FAIL() << "expected a ScenarioError";
  } catch (const ScenarioError& e) {
    ASSERT_EQ(e.diagnostics().size(), 1u);
    EXPECT_EQ(e.diagnostics()[0].pointer, "/forecast/file");
    EXPECT_NE(e.diagnostics()[0].message.find("cannot read the forecast: no such file"), std::string::npos);
  }
}

TEST_F(LoadForecast, ATypeNeitherInTheFileNorInTheForecastHasNoArrivals) {
  const std::string only_sales = "# volume: per_interval\ninterval_start,contact_type,volume\n08:00,sales,1\n"
                                 "08:30,sales,1\n09:00,sales,1\n";
  const std::vector<Diagnostic> ds =
      errors(only_sales, "", "");  // sales has arrivals in the file too: two problems
  ASSERT_EQ(ds.size(), 2u) << testing::dump(ds);
  EXPECT_EQ(ds[1].pointer, "/contact_types/0");
  EXPECT_EQ(ds[1].message,
            "missing required key \"arrivals\"; expected an object such as {\"process\": \"poisson\", "
            "\"rate_per_hour\": 200}, or rows for \"billing\" in the forecast file");
}

TEST_F(LoadForecast, PatienceNeedsALawToScale) {
  std::string text = with(kScenario, R"(,
      "patience": { "dist": "exponential", "mean_s": 300 } BILLING_KEYS)", " BILLING_KEYS");
  std::ofstream(dir_ / "forecasts" / "f.csv") << kCsv;
  std::ofstream(dir_ / "s.json") << with(with(text, "FORECAST_KEYS", ""), "BILLING_KEYS", "");
  try {
    load_scenario_file((dir_ / "s.json").string());
    FAIL() << "expected a ScenarioError";
  } catch (const ScenarioError& e) {
    ASSERT_FALSE(e.diagnostics().empty());
    EXPECT_EQ(e.diagnostics()[0].message,
              csv_path() + " line 5, column 5 (patience_s): billing has no patience law to scale (its shape); add "
                           "/contact_types/0/patience or leave the column out");
  }
}

// A table of calls and e-mails carries a patience_s column that an e-mail's rows leave empty.
TEST_F(LoadForecast, AnEmailRowLeavesItsPatienceCellEmpty) {
  const std::string text = with(kScenario, R"("patience": { "dist": "exponential", "mean_s": 300 } BILLING_KEYS)",
                                R"("channel": "email", "due_s": 14400)");
  const auto write = [&](std::string_view csv) {
    std::ofstream(dir_ / "forecasts" / "f.csv") << csv;
    std::ofstream(dir_ / "s.json") << with(text, "FORECAST_KEYS", "");
  };
  write(with(with(with(kCsv, "250,300", "250,"), "260,200", "260,"), "240,250", "240,"));
  const ContactTypeSpec billing = load_scenario_file((dir_ / "s.json").string()).contact_types[make_id<ContactTypeId>(0)];
  EXPECT_EQ(billing.arrivals.per_period, (std::vector<double>{120, 180, 150}));
  EXPECT_TRUE(billing.patience_per_period_s.empty());
  EXPECT_FALSE(billing.patience);

  write(with(with(kCsv, "260,200", "260,"), "240,250", "240,"));
  testing::expect_single(load_errors(), "/forecast/file",
                         csv_path() + " line 5, column 5 (patience_s): billing is an e-mail type: it waits without "
                                      "abandoning, so it has no patience; leave this cell empty");
}

// A staffing plan: interval_start, then one agent group per column.
class LoadStaffingPlan : public InTempDir {
 protected:

  void write(std::string_view csv, std::string_view support_staffing = "") {
    std::ofstream(dir_ / "plan.csv") << csv;
    std::ofstream(dir_ / "s.json") << with(R"({
      "mode": "day", "period_s": 1800, "num_periods": 3, "start_time": "08:00",
      "staffing_plan": { "file": "plan.csv" },
      "contact_types": [ { "name": "calls", "arrivals": { "process": "poisson", "rate_per_hour": 60 },
                           "talk": { "dist": "exponential", "mean_s": 300 } } ],
      "agent_groups": [ { "name": "support" STAFFING }, { "name": "tier1", "staffing": 2 } ],
      "router": { "type_to_group": { "calls": ["support", "tier1"] } } })",
                                           "STAFFING", support_staffing);
  }
  std::vector<Diagnostic> errors() { return load_errors(); }
  std::string csv() const { return (dir_ / "plan.csv").lexically_normal().string(); }
};

constexpr std::string_view kPlan = "\xEF\xBB\xBFinterval_start,support\r\n08:00,10\r\n08:30,12\r\n09:00,11\r\n";

TEST_F(LoadStaffingPlan, AgentsPerIntervalAreReadForTheGroupsItNames) {
  write(kPlan);  // as Excel writes it: a byte-order mark and CRLF line ends
  const ScenarioSpec s = load_scenario_file((dir_ / "s.json").string());
  EXPECT_EQ(s.agent_groups[make_id<AgentGroupId>(0)].staffing, (std::vector<std::uint32_t>{10, 12, 11}));
  EXPECT_EQ(s.agent_groups[make_id<AgentGroupId>(1)].staffing, (std::vector<std::uint32_t>{2, 2, 2}));
  EXPECT_EQ(spec_problems(s).size(), 0u);
}

// Without start_time the reports label intervals "+1800s": a plan made from them reads.
TEST_F(LoadStaffingPlan, IntervalsLabelledAsTheReportsLabelThemWithoutStartTimeAreRead) {
  write("interval_start,support\n+0s,10\n+1800s,12\n3600,11\n");
  std::ifstream in(dir_ / "s.json");
  const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  std::ofstream(dir_ / "s.json") << with(text, R"("start_time": "08:00",)", "");
  const ScenarioSpec s = load_scenario_file((dir_ / "s.json").string());
  EXPECT_EQ(s.agent_groups[make_id<AgentGroupId>(0)].staffing, (std::vector<std::uint32_t>{10, 12, 11}));
  // Only that form: a second sign or a unit typed twice is refused, quoted as written.
  std::ofstream(dir_ / "plan.csv") << "interval_start,support\n+0s,10\n++1800s,12\n+3600ss,11\n";
  const std::vector<Diagnostic> ds = errors();
  ASSERT_EQ(ds.size(), 2u) << testing::dump(ds);
  EXPECT_NE(ds[0].message.find("got \"++1800s\""), std::string::npos) << ds[0].message;
  EXPECT_NE(ds[1].message.find("got \"+3600ss\""), std::string::npos) << ds[1].message;
}

TEST_F(LoadStaffingPlan, MistakesAreLocated) {
  write("interval_start,suport\n08:00,1\n08:30,1\n09:00,1\n");
  auto ds = errors();
  ASSERT_EQ(ds.size(), 1u) << testing::dump(ds);
  EXPECT_EQ(ds[0].pointer, "/staffing_plan/file");
  EXPECT_EQ(ds[0].message, csv() + " line 1, column 2 (suport): unknown agent group \"suport\"; defined: support, "
                                   "tier1 (did you mean \"support\"?)");
  write("interval_start,support\n08:00,10.5\n08:30,12.2\n09:00,11\n");
  ds = errors();
  ASSERT_EQ(ds.size(), 1u) << testing::dump(ds);
  EXPECT_EQ(ds[0].message, csv() + ": agents are whole: 2 cells are fractional (the first, " + csv() +
                               " line 2, column 2 (support): 10.5); round them (up, to keep at least the agents "
                               "asked for)");
  write("interval_start,support\n08:00,10\n09:00,11\n");
  ds = errors();
  ASSERT_EQ(ds.size(), 1u) << testing::dump(ds);
  EXPECT_EQ(ds[0].message, csv() + ": no row for 1 interval: 08:30; give every interval of the day (0 agents where "
                                   "none works)");
  write(kPlan, R"(, "staffing": 4)");
  ds = errors();
  ASSERT_EQ(ds.size(), 1u) << testing::dump(ds);
  EXPECT_EQ(ds[0].pointer, "/agent_groups/0/staffing");
  EXPECT_EQ(ds[0].message, "the staffing of \"support\" is given twice, here and in " + csv() +
                               "; remove one, or set /staffing_plan/overrides to true to let the file replace it");
}

}  // namespace
}  // namespace ccsim::models
