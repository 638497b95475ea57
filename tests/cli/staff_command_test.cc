// tests/cli/staff_command_test.cc
// `ccsim staff` as a planner uses it: the Monday scenario in, a required-against-
// scheduled table, a staffing CSV that `run --staffing` reads back, a scenario file
// that runs on its own (its forecast found from wherever it is written), JSON; and bad
// input refused before any run.
#include <fstream>

#include "tests/cli/cli_test_support.h"

namespace ccsim::test_support {
namespace {

using Staff = CliTest;

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

TEST_F(Staff, MondayAnswerRoundTripsThroughItsCsvAndItsScenarioAndMeetsTheTargets) {
  const std::string monday = scenario("scenarios/examples/three_queue_monday.json");
  std::filesystem::create_directories(dir_ / "out");
  const Outcome o = ccsim("staff " + monday + " --csv out/plan.csv --write-scenario out/monday_staffed.json "
                          "--json out/staff.json --threads 2");
  ASSERT_EQ(o.exit_code, 0) << o.out << o.err;
  EXPECT_TRUE(has(o.err, "ccsim staff: wrote out/plan.csv\nccsim staff: wrote out/monday_staffed.json\n"
                         "ccsim staff: wrote out/staff.json\n"))
      << o.err;
  EXPECT_TRUE(has(o.out, "Staffing search for three_queue_monday: 48 intervals x 3 groups")) << o.out;
  EXPECT_TRUE(has(o.out, "sales_team scheduled")) << o.out;
  EXPECT_TRUE(has(o.out, "agent-hours")) << o.out;

  const nlohmann::json j = nlohmann::json::parse(slurp(dir_ / "out/staff.json"));
  EXPECT_EQ(j["schema"], "ccsim.staff/2");
  EXPECT_LE(j["runs"].get<int>(), 60);
  ASSERT_EQ(j["groups"].size(), 3u);
  EXPECT_EQ(j["groups"][0]["name"], "sales_team");
  EXPECT_EQ(j["groups"][2]["required"].size(), 48u);
  for (const auto& t : j["targets"]) EXPECT_EQ(t["verdict"], "met") << t;

  // The CSV is a staffing plan: row 08:00 holds the required agents of interval 0.
  const std::string csv = slurp(dir_ / "out/plan.csv");
  EXPECT_EQ(csv.substr(0, csv.find('\n')), "interval_start,sales_team,support_team,generalists");
  EXPECT_TRUE(has(csv, "\n08:00," + std::to_string(j["groups"][0]["required"][0].get<int>()) + "," +
                           std::to_string(j["groups"][1]["required"][0].get<int>()) + "," +
                           std::to_string(j["groups"][2]["required"][0].get<int>()) + "\n"))
      << csv;
  const Outcome with_plan = ccsim("run " + monday + " --staffing out/plan.csv --json with_plan.json --quiet");
  ASSERT_EQ(with_plan.exit_code, 0) << with_plan.err;

  // The written scenario runs from its own folder, forecast included, with the same staffing.
  const Outcome staffed = ccsim("run out/monday_staffed.json --json staffed.json --quiet");
  ASSERT_EQ(staffed.exit_code, 0) << staffed.err;
  const nlohmann::json a = comparable_results(dir_ / "with_plan.json");
  const nlohmann::json b = comparable_results(dir_ / "staffed.json");
  EXPECT_EQ(a["fingerprint"], b["fingerprint"]);
  EXPECT_EQ(a["kpis"], b["kpis"]);
}

// The required staffing of redials_and_callbacks leaves the generalists at 0: a warning
// about the answer, on stderr. Both streams into one pipe (2>&1 | less, a CI log) must
// read as the report and then the warning, not the warning inside a table row.
TEST_F(Staff, WarningsAboutTheAnswerFollowTheReportInOnePipe) {
  // The pipe's status is cat's: staff's own is the line echoed after it.
  const Outcome o = shell("{ " + std::string(CCSIM_BINARY) + " staff " +
                          scenario("scenarios/examples/redials_and_callbacks.json") +
                          " --threads 1 2>&1; echo \"staff exit $?\"; } | cat");
  ASSERT_TRUE(o.out.ends_with("staff exit 0\n")) << o.out;
  const std::size_t warning = o.out.find("WARNING: ");
  const std::size_t last_target = o.out.rfind("asa_s <= 30.00");
  ASSERT_NE(warning, std::string::npos) << o.out;
  ASSERT_NE(last_target, std::string::npos) << o.out;
  EXPECT_GT(warning, o.out.find('\n', last_target)) << o.out;
  EXPECT_EQ(o.out.rfind('\n', warning) + 1, warning) << "the warning starts its own line";
}

TEST_F(Staff, RefusesWhatItCannotSearchBeforeRunning) {
  const Outcome steady = ccsim("staff " + scenario("scenarios/examples/erlang_c_14_agents.json"));
  EXPECT_EQ(steady.exit_code, 2);
  EXPECT_TRUE(has(steady.err, "steady-state")) << steady.err;
  const Outcome budget = ccsim("staff " + scenario("scenarios/examples/three_queue_monday.json") + " --max-runs 3");
  EXPECT_EQ(budget.exit_code, 2);
  EXPECT_TRUE(has(budget.err, "--max-runs 3 leaves no run to search with")) << budget.err;
  std::ofstream(dir_ / "bad.json") << "{\"mode\": \"day\"";
  const Outcome bad = ccsim("staff bad.json");
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_TRUE(has(bad.err, "bad.json")) << bad.err;
  EXPECT_EQ(bad.out, "");
  // The forecast the scenario names is an input: an output that would replace it is refused.
  const Outcome clobber = ccsim("staff " + scenario("scenarios/examples/three_queue_monday.json") + " --csv " +
                                scenario("scenarios/examples/forecasts/three_queue_monday.csv"));
  EXPECT_EQ(clobber.exit_code, 2);
  EXPECT_TRUE(has(clobber.err, "would replace scenario's forecast")) << clobber.err;
}

// An e-mail is answered by the agents of the hours after its interval: the search, which
// sizes each interval for what arrives in it, refuses rather than answer 0 agents.
TEST_F(Staff, RefusesEmailLocatedAtItsChannel) {
  std::ofstream(dir_ / "mail.json") << R"({"mode": "day", "period_s": 3600, "num_periods": 2,
    "contact_types": [{"name": "calls", "arrivals": {"process": "poisson", "rate_per_hour": 30},
                       "talk": {"dist": "exponential", "mean_s": 200}},
                      {"name": "mail", "channel": "email", "due_s": 86400,
                       "arrivals": {"process": "poisson", "rate_per_hour": 30},
                       "talk": {"dist": "exponential", "mean_s": 300}}],
    "agent_groups": [{"name": "team", "staffing": 4}],
    "router": {"type_to_group": {"calls": ["team"], "mail": ["team"]}},
    "targets": [{"kpi": "service_level", "type": "calls", "min": 0.8}],
    "rng": {"seed": 1, "replications": 3}})";
  const Outcome o = ccsim("staff mail.json");
  EXPECT_EQ(o.exit_code, 2);
  EXPECT_TRUE(has(o.err, "mail.json: /contact_types/1/channel: \"mail\" is e-mail, which ccsim staff cannot size "
                         "yet"))
      << o.err;
  EXPECT_EQ(o.out, "");
}

}  // namespace
}  // namespace ccsim::test_support
