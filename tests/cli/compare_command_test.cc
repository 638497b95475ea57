// tests/cli/compare_command_test.cc
// `ccsim compare A B` as a planner uses it: the Monday as scheduled against the Monday
// with four generalists more over lunch. The change shows where it was made (billing at
// 12:30) and nowhere before it; a scenario compared with itself changes nothing; the CSV
// and JSON carry every level; bad input exits 2 before any run.
#include <fstream>

#include "tests/cli/cli_test_support.h"

namespace ccsim::test_support {
namespace {

using Compare = CliTest;

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

const nlohmann::json* row(const nlohmann::json& j, const std::string& level, const std::string& name,
                          const nlohmann::json& interval_start) {
  for (const auto& r : j["rows"])
    if (r["level"] == level && r["name"] == name && r["interval_start"] == interval_start) return &r;
  return nullptr;
}

TEST_F(Compare, LunchAgentsShowWhereTheyWorkAndAScenarioEqualsItself) {
  const std::string monday = scenario("scenarios/examples/three_queue_monday.json");
  // Four generalists more from 12:00 to 13:30 (intervals 16..21).
  nlohmann::json doc = nlohmann::json::parse(slurp(monday));
  for (int i = 16; i < 22; ++i) doc["agent_groups"][2]["staffing"][i] = doc["agent_groups"][2]["staffing"][i].get<int>() + 4;
  doc["forecast"]["file"] = scenario("scenarios/examples/forecasts/three_queue_monday.csv");
  std::ofstream(dir_ / "lunch.json") << doc.dump(2);

  const Outcome o = ccsim("compare " + monday + " lunch.json --threads 2 --csv c.csv --json c.json");
  ASSERT_EQ(o.exit_code, 0) << o.out << o.err;
  EXPECT_NE(o.err.find("ccsim compare: wrote c.csv\nccsim compare: wrote c.json\n"), std::string::npos) << o.err;
  EXPECT_TRUE(has(o.out, "30 replications each on seed 20261207 (common random numbers)")) << o.out;
  EXPECT_TRUE(has(o.out, "service_level per interval")) << o.out;
  const nlohmann::json j = nlohmann::json::parse(slurp(dir_ / "c.json"));
  EXPECT_EQ(j["schema"], "ccsim.compare/2");
  EXPECT_EQ(j["pairs"], 30);
  EXPECT_TRUE(j["intervals_paired"].get<bool>());
  const nlohmann::json* lunch = row(j, "interval_type", "billing", "12:30");
  ASSERT_NE(lunch, nullptr);
  const auto& change = (*lunch)["kpis"]["service_level"]["change"];
  // Four agents where billing had nine: far more than its interval.
  EXPECT_GT(change["mean"].get<double>(), 0.10) << change;
  EXPECT_GT(change["mean"].get<double>(), 2 * change["half_width"].get<double>()) << change;
  // Before 12:00 nothing changed: same random numbers, same staffing, the same calls.
  const nlohmann::json* morning = row(j, "interval_type", "billing", "09:00");
  ASSERT_NE(morning, nullptr);
  EXPECT_EQ((*morning)["kpis"]["service_level"]["change"]["mean"], 0.0);
  EXPECT_EQ((*morning)["kpis"]["service_level"]["a"], (*morning)["kpis"]["service_level"]["b"]);
  const std::string csv = slurp(dir_ / "c.csv");
  EXPECT_EQ(csv.substr(0, csv.find('\n')), "level,name,interval_start,kpi,a,a_hw,b,b_hw,change,change_hw,pairs,day");
  EXPECT_FALSE(j["days_paired"].get<bool>()) << "one day";
  EXPECT_TRUE(has(csv, "\ninterval_type,billing,12:30,service_level,")) << csv.substr(0, 400);

  const Outcome same = ccsim("compare " + monday + " " + monday + " --json same.json");
  ASSERT_EQ(same.exit_code, 0) << same.err;
  const nlohmann::json s = nlohmann::json::parse(slurp(dir_ / "same.json"));
  for (const auto& r : s["rows"])
    for (const auto& [kpi, v] : r["kpis"].items())
      if (!v["change"]["mean"].is_null()) {
        EXPECT_EQ(v["change"]["mean"], 0.0) << r["level"] << " " << kpi;
      }
}

// A week with two agents more on Monday morning: Monday's day row shows the change, with
// a paired interval far narrower than the day's own; the days add up to the run.
TEST_F(Compare, AWeekComparesEachDay) {
  const std::string week = scenario("scenarios/examples/helpline_week.json");
  nlohmann::json doc = nlohmann::json::parse(slurp(week));
  doc["agent_groups"][0]["shifts"].push_back(
      {{"name", "monday_cover"}, {"start", "08:00"}, {"end", "12:00"}, {"agents", 2}, {"days", {"Mon"}}});
  std::ofstream(dir_ / "cover.json") << doc.dump(2);
  const Outcome o = ccsim("compare " + week + " cover.json --replications 10 --csv c.csv --json c.json");
  ASSERT_EQ(o.exit_code, 0) << o.out << o.err;
  EXPECT_TRUE(has(o.out, "\nBy day\nname  kpi ")) << o.out;
  EXPECT_TRUE(has(o.out, "\nBy day and contact type\nname       kpi ")) << o.out;
  const nlohmann::json j = nlohmann::json::parse(slurp(dir_ / "c.json"));
  EXPECT_TRUE(j["days_paired"].get<bool>());
  double answered_a = 0.0;
  std::size_t days = 0;
  for (const auto& r : j["rows"]) {
    if (r["level"] != "day") continue;
    EXPECT_EQ(r["day"], days);
    EXPECT_EQ(r["interval"], nullptr);
    answered_a += r["kpis"]["answered"]["a"]["mean"].get<double>();
    if (days++ != 0) continue;
    EXPECT_EQ(r["day_name"], "Mon");
    const auto& change = r["kpis"]["service_level"]["change"];
    EXPECT_GT(change["mean"].get<double>(), 3 * change["half_width"].get<double>()) << change;
    EXPECT_LT(change["half_width"].get<double>(), r["kpis"]["service_level"]["a"]["half_width"].get<double>());
  }
  EXPECT_EQ(days, 7u);
  EXPECT_NEAR(answered_a, j["rows"][0]["kpis"]["answered"]["a"]["mean"].get<double>(), 1e-6);
  EXPECT_NE(row(j, "day_type", "calls", nullptr), nullptr);
  EXPECT_TRUE(has(slurp(dir_ / "c.csv"), "\nday_type,calls,,service_level,")) << "with the day's name last";
  EXPECT_EQ(j["a"]["days"].size(), 7u);

  // The same week starting on Tuesday: its days are not A's, so they are not compared
  // (the intervals still are, in order), and the report says so.
  doc = nlohmann::json::parse(slurp(week));
  doc["days"] = {"Tue", "Wed", "Thu", "Fri", "Sat", "Sun", "Mon"};
  std::ofstream(dir_ / "from_tuesday.json") << doc.dump(2);
  const Outcome rotated = ccsim("compare " + week + " from_tuesday.json --replications 2 --json r.json");
  ASSERT_EQ(rotated.exit_code, 0) << rotated.err;
  EXPECT_TRUE(has(rotated.out, "days not compared: A has 7 days (Mon to Sun), B 7 days (Tue to Mon) (the intervals "
                               "are paired in order and labelled with A's days)\n"))
      << rotated.out;
  EXPECT_FALSE(has(rotated.out, "\nBy day\n"));
  EXPECT_FALSE(nlohmann::json::parse(slurp(dir_ / "r.json"))["days_paired"].get<bool>());
}

// service_level is the one KPI whose meaning a scenario chooses: the comparison names it,
// and says so when A and B chose differently (B - A would otherwise read as a change).
TEST_F(Compare, NamesTheServiceLevelAndSaysWhenAAndBDefineItDifferently) {
  const std::string a = scenario("scenarios/examples/erlang_c_14_agents.json");
  const Outcome same = ccsim("compare " + a + " " + a);
  ASSERT_EQ(same.exit_code, 0) << same.err;
  EXPECT_TRUE(has(same.out, "service_level: answered within 20 s over answered calls in both\n")) << same.out;
  const std::string monday = scenario("scenarios/examples/three_queue_monday.json");
  const Outcome types = ccsim("compare " + monday + " " + monday + " --replications 2");
  ASSERT_EQ(types.exit_code, 0) << types.err;
  EXPECT_TRUE(has(types.out,
                  "service_level: answered within 20 s over admitted calls (every call that joined the queue); "
                  "billing: answered within 60 s over admitted calls (every call that joined the queue) in both\n"))
      << types.out;
  nlohmann::json doc = nlohmann::json::parse(slurp(a));
  doc["service_level"]["definition"] = "answered_within_t_over_admitted";
  std::ofstream(dir_ / "admitted.json") << doc.dump(2);
  const Outcome o = ccsim("compare " + a + " admitted.json --json c.json");
  ASSERT_EQ(o.exit_code, 0) << o.err;
  EXPECT_TRUE(has(o.out, "NOTE: the service level is defined differently in A and B")) << o.out;
  EXPECT_TRUE(has(o.out, "  contact type \"calls\": definition answered_within_t_over_answered in A, "
                         "answered_within_t_over_admitted in B\n"))
      << o.out;
  const nlohmann::json j = nlohmann::json::parse(slurp(dir_ / "c.json"));
  EXPECT_EQ(j["a"]["service_level"]["definition"], "answered_within_t_over_answered");
  EXPECT_EQ(j["b"]["service_level"]["definition"], "answered_within_t_over_admitted");
  EXPECT_EQ(j["b"]["service_level"]["awt_s"], 20.0);
  EXPECT_EQ(j["service_level_changes"].size(), 2u) << "the scenario's and its one type's";
}

TEST_F(Compare, RefusesBadInputBeforeRunning) {
  const std::string monday = scenario("scenarios/examples/three_queue_monday.json");
  const Outcome missing = ccsim("compare " + monday + " nowhere.json");
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_TRUE(has(missing.err, "nowhere.json")) << missing.err;
  EXPECT_EQ(missing.out, "");
  const Outcome kpi = ccsim("compare " + monday + " " + monday + " --kpis service_level,asa");
  EXPECT_EQ(kpi.exit_code, 2);
  EXPECT_TRUE(has(kpi.err, "--kpis: unknown KPI \"asa\"")) << kpi.err;
  EXPECT_EQ(ccsim("compare " + monday).exit_code, 2);  // B is required
}

}  // namespace
}  // namespace ccsim::test_support
