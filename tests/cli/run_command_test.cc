// tests/cli/run_command_test.cc
// The ccsim binary as a user runs it: shipped scenarios, the results JSON contract,
// CSV tables, thread-count invariance, and exit code 2 with located errors for bad
// files and arguments.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/cli/cli_test_support.h"

namespace {

namespace fs = std::filesystem;
using ccsim::test_support::comparable_results;
using ccsim::test_support::Outcome;
using ccsim::test_support::slurp;

class RunCommand : public ccsim::test_support::CliTest {};

TEST_F(RunCommand, DayScenarioPrintsTargetsAndFlagsMissedIntervals) {
  const Outcome o = ccsim("run " + scenario("scenarios/examples/single_day_ivr.json") + " --replications 10");
  ASSERT_EQ(o.exit_code, 0) << o.err;
  EXPECT_NE(o.out.find("Targets"), std::string::npos);
  EXPECT_NE(o.out.find("service_level >= 80.0%"), std::string::npos);
  EXPECT_NE(o.out.find("12:00"), std::string::npos);
  EXPECT_NE(o.out.find("intervals miss the service-level target"), std::string::npos);
  EXPECT_TRUE(o.err.empty()) << o.err;
}

TEST_F(RunCommand, ResultsJsonFollowsTheContractAndIsIdenticalForAnyThreadCount) {
  const std::string file = scenario("scenarios/examples/single_day_ivr.json");
  ASSERT_EQ(ccsim("run " + file + " --quiet --replications 6 --threads 1 --json " + (dir_ / "t1.json").string())
                .exit_code,
            0);
  ASSERT_EQ(ccsim("run " + file + " --quiet --replications 6 --threads 2 --json " + (dir_ / "t2.json").string())
                .exit_code,
            0);
  nlohmann::json a = nlohmann::json::parse(slurp(dir_ / "t1.json"));
  nlohmann::json b = nlohmann::json::parse(slurp(dir_ / "t2.json"));
  EXPECT_EQ(a["schema"], "ccsim.results/1");
  EXPECT_EQ(a["run"]["replications"], 6);
  EXPECT_EQ(a["run"]["seed"], 42);
  EXPECT_EQ(a["kpis"]["by_interval"].size(), 28u);
  EXPECT_TRUE(a["kpis"]["by_type"].contains("service"));
  EXPECT_TRUE(a["kpis"]["by_group"].contains("generalists"));
  for (const char* key : {"offered", "blocked", "ivr_contained", "ivr_abandoned", "answered", "abandoned", "p_block",
                          "p_wait", "p_abandon", "service_level", "sl_answered_within_t_over_offered",
                          "sl_answered_within_t_over_answered", "sl_excluding_short_abandons", "asa_s",
                          "mean_wait_admitted_s", "occupancy", "mean_queue_length"}) {
    ASSERT_TRUE(a["kpis"]["overall"].contains(key)) << key;
    EXPECT_EQ(a["kpis"]["overall"][key]["n"], 6) << key;
  }
  EXPECT_EQ(a["targets"][0]["kpi"], "service_level");
  EXPECT_EQ(b["run"]["threads"], 2);
  EXPECT_EQ(comparable_results(dir_ / "t1.json"), comparable_results(dir_ / "t2.json"));  // bit-identical numbers
}

TEST_F(RunCommand, SeedOverrideChangesTheFingerprint) {
  const std::string file = scenario("scenarios/examples/erlang_c_14_agents.json");
  ASSERT_EQ(ccsim("run " + file + " --quiet --replications 2 --json " + (dir_ / "a.json").string()).exit_code, 0);
  ASSERT_EQ(
      ccsim("run " + file + " --quiet --replications 2 --seed 5 --json " + (dir_ / "b.json").string()).exit_code, 0);
  const auto a = nlohmann::json::parse(slurp(dir_ / "a.json"));
  const auto b = nlohmann::json::parse(slurp(dir_ / "b.json"));
  EXPECT_EQ(b["run"]["seed"], 5);
  EXPECT_NE(a["fingerprint"], b["fingerprint"]);
}

TEST_F(RunCommand, CsvTablesHaveOneRowPerIntervalTypeAndGroup) {
  ASSERT_EQ(ccsim("run " + scenario("scenarios/examples/single_day_ivr.json") + " --quiet --replications 3 --csv " +
                  dir_.string())
                .exit_code,
            0);
  auto lines = [&](const char* name) {
    const std::string text = slurp(dir_ / name);
    return static_cast<long>(std::count(text.begin(), text.end(), '\n'));
  };
  EXPECT_EQ(lines("single_day_ivr_by_interval.csv"), 1 + 28);
  EXPECT_EQ(lines("single_day_ivr_by_type.csv"), 1 + 2);
  EXPECT_EQ(lines("single_day_ivr_by_group.csv"), 1 + 3);
  EXPECT_EQ(lines("single_day_ivr_overall.csv"), 1 + 1);
}

TEST_F(RunCommand, BadScenarioGetsEveryLocatedErrorAndExitCode2) {
  const fs::path bad = dir_ / "bad.json";
  std::ofstream(bad) << R"({"mode": "day", "period_s": 1800, "num_periods": 2, "contact_types": [
    {"name": "a", "arivals": {"process": "poisson", "rate_per_hour": 10}, "talk": {"dist": "exponential", "mean_s": -1}}],
    "agent_groups": [{"name": "g", "staffing": [1, 2, 3]}], "router": {"type_to_group": {"a": ["g"]}}})";
  const Outcome o = ccsim("run " + bad.string());
  EXPECT_EQ(o.exit_code, 2);
  EXPECT_TRUE(o.out.empty());
  EXPECT_NE(o.err.find("bad.json: /contact_types/0/arivals: unknown key \"arivals\""), std::string::npos) << o.err;
  EXPECT_NE(o.err.find("(did you mean \"arrivals\"?)"), std::string::npos) << o.err;
  EXPECT_NE(o.err.find("/contact_types/0/talk/mean_s: must be > 0"), std::string::npos) << o.err;
  EXPECT_NE(o.err.find("/agent_groups/0/staffing: expected 2 values (num_periods), got 3"), std::string::npos)
      << o.err;
  EXPECT_EQ(ccsim("validate " + bad.string()).exit_code, 2);
}

TEST_F(RunCommand, MissingFileAndBadArgumentsExitWith2) {
  EXPECT_EQ(ccsim("run " + (dir_ / "absent.json").string()).exit_code, 2);
  const std::string file = scenario("scenarios/examples/erlang_c_14_agents.json");
  EXPECT_EQ(ccsim("run " + file + " --replications 0").exit_code, 2);
  EXPECT_EQ(ccsim("run " + file + " --threads 0").exit_code, 2);
  EXPECT_EQ(ccsim("run " + file + " --threads many").exit_code, 2);
  EXPECT_EQ(ccsim("run " + file + " --no-such-flag").exit_code, 2);
  EXPECT_EQ(ccsim("").exit_code, 2);
}

TEST_F(RunCommand, ValidateAcceptsEveryShippedScenario) {
  int count = 0;
  for (const auto& entry : fs::recursive_directory_iterator(scenario("scenarios"))) {
    if (entry.path().extension() != ".json" || entry.path().filename() == "scenario.schema.json") continue;
    ++count;
    const Outcome o = ccsim("validate " + entry.path().string());
    EXPECT_EQ(o.exit_code, 0) << entry.path() << ": " << o.err;
    EXPECT_NE(o.out.find(": ok"), std::string::npos) << entry.path();
  }
  EXPECT_GE(count, 3);
}

TEST_F(RunCommand, JsonAndCsvFoldersAreCreatedWhenMissing) {
  const fs::path json = dir_ / "new" / "deeper" / "results.json";
  const fs::path csv = dir_ / "csv" / "out";
  const Outcome o = ccsim("run " + scenario("scenarios/examples/erlang_c_14_agents.json") +
                          " --quiet --replications 2 --json " + json.string() + " --csv " + csv.string());
  ASSERT_EQ(o.exit_code, 0) << o.err;
  EXPECT_TRUE(fs::exists(json));
  EXPECT_TRUE(fs::exists(csv / "erlang_c_14_agents_overall.csv"));
}

}  // namespace
