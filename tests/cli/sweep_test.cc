// tests/cli/sweep_test.cc
// `ccsim sweep`: the grid, the CSV, common random numbers (a paired difference that
// covers the exact Erlang C difference with a far narrower interval than two
// independent runs would give), and exit 2 for bad --vary arguments.
#include <cmath>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "models/analytic/erlang.h"
#include "tests/cli/cli_test_support.h"

namespace {

using ccsim::test_support::Outcome;
using ccsim::test_support::slurp;
using Sweep = ccsim::test_support::CliTest;

// Rows of a CSV without quoted commas, as maps from header to cell.
std::vector<std::map<std::string, std::string>> read_csv(const std::string& text) {
  std::vector<std::map<std::string, std::string>> rows;
  std::stringstream in(text);
  std::string line;
  std::getline(in, line);
  std::vector<std::string> header;
  std::stringstream h(line);
  for (std::string cell; std::getline(h, cell, ',');) header.push_back(cell);
  while (std::getline(in, line)) {
    std::map<std::string, std::string> row;
    std::stringstream r(line);
    std::size_t c = 0;
    for (std::string cell; std::getline(r, cell, ',') && c < header.size(); ++c) row[header[c]] = cell;
    rows.push_back(row);
  }
  return rows;
}

double number(const std::map<std::string, std::string>& row, const std::string& key) {
  return std::stod(row.at(key));
}

TEST_F(Sweep, PairedDifferenceCoversTheErlangCDifferenceAndCommonRandomNumbersNarrowIt) {
  // M/M/c, 10 erlangs offered (200 calls/h, 180 s): P(wait) at 14 and 15 agents.
  const std::string csv = (dir_ / "sweep.csv").string();
  const Outcome o = ccsim("sweep " + scenario("scenarios/examples/erlang_c_14_agents.json") +
                          " --vary /agent_groups/0/staffing=14,15 --vary /confidence=0.999 --replications 200 --csv " +
                          csv);
  ASSERT_EQ(o.exit_code, 0) << o.err;
  const auto rows = read_csv(slurp(csv));
  ASSERT_EQ(rows.size(), 2u);
  const double exact = ccsim::models::analytic::erlang_c(15, 10.0) - ccsim::models::analytic::erlang_c(14, 10.0);
  const double change = number(rows[1], "p_wait_over_admitted_change");
  const double change_hw = number(rows[1], "p_wait_over_admitted_change_hw");
  EXPECT_LT(change_hw, 0.005) << "interval too wide to validate anything";
  EXPECT_LE(std::fabs(change - exact), change_hw) << change << " ± " << change_hw << " vs exact " << exact;
  // Independent runs would give a half-width near sqrt(hw14^2 + hw15^2); common random
  // numbers must do far better, or the points did not share their random numbers.
  const double independent = std::hypot(number(rows[0], "p_wait_over_admitted_hw"), number(rows[1], "p_wait_over_admitted_hw"));
  EXPECT_LT(change_hw, 0.5 * independent) << change_hw << " vs " << independent;
}

TEST_F(Sweep, ColumnsPerTypeAndIntervalShowWhereAChangeActsAndBadColumnsAreLocated) {
  const std::string monday = std::string(CCSIM_SOURCE_DIR) + "/scenarios/examples/three_queue_monday.json";
  // Four generalists more in interval 18 (12:30) only.
  const Outcome o = ccsim("sweep " + monday + " --vary '/agent_groups/generalists/staffing/18+=0,4' --threads 2 " +
                          "--kpis 'service_level, 12:30/billing.service_level,09:00/billing.service_level,"
                          "generalists.occupancy' --csv s.csv");
  ASSERT_EQ(o.exit_code, 0) << o.err;
  EXPECT_NE(o.err.find("ccsim sweep: wrote s.csv\n"), std::string::npos) << o.err;
  const auto rows = read_csv(slurp(dir_ / "s.csv"));
  ASSERT_EQ(rows.size(), 2u);
  // Where the agents work, billing's service level rises by far more than its paired interval.
  const double lunch = number(rows[1], "12:30/billing.service_level_change");
  EXPECT_GT(lunch, 0.15);
  EXPECT_GT(lunch, 2 * number(rows[1], "12:30/billing.service_level_change_hw"));
  EXPECT_NEAR(number(rows[1], "12:30/billing.service_level") - number(rows[0], "12:30/billing.service_level"), lunch,
              1e-9);
  // Before the change nothing differs: the same calls meet the same agents.
  EXPECT_EQ(number(rows[1], "09:00/billing.service_level_change"), 0.0);
  // Over the day it is diluted, and the generalists are less busy.
  EXPECT_LT(number(rows[1], "service_level_change"), lunch / 10);
  EXPECT_LT(number(rows[1], "generalists.occupancy_change"), 0.0);
  for (const auto& [column, message] :
       {std::pair{"billing.", "no KPI named"}, std::pair{"bill.service_level", "\"bill\" is neither a contact type"},
        std::pair{"25:00/service_level", "no interval starts at \"25:00\""},
        std::pair{"12:30/generalists.occupancy", "a group's KPIs are swept over the day only"},
        std::pair{"sales.occupancy", "occupancy is not a KPI of a contact type"},
        std::pair{"generalists.service_level", "service_level is not a KPI of an agent group"}}) {
    const Outcome bad = ccsim("sweep " + monday + " --vary '/agent_groups/generalists/staffing/18+=0,4' --kpis '" +
                              column + "'");
    EXPECT_EQ(bad.exit_code, 2) << column;
    EXPECT_NE(bad.err.find(message), std::string::npos) << bad.err;
  }
}

TEST_F(Sweep, APointWithTheFilesOwnValueIsTheRunItselfWithZeroChange) {
  const std::string file = scenario("scenarios/examples/two_skill_overflow_15min.json");
  const std::string csv = (dir_ / "sweep.csv").string();
  const std::string json = (dir_ / "run.json").string();
  ASSERT_EQ(ccsim("sweep " + file + " --vary /agent_groups/2/staffing=3,3 --replications 5 --csv " + csv).exit_code, 0);
  ASSERT_EQ(ccsim("run " + file + " --replications 5 --quiet --json " + json).exit_code, 0);
  const auto rows = read_csv(slurp(csv));
  ASSERT_EQ(rows.size(), 2u);
  const auto run = nlohmann::json::parse(slurp(json));
  EXPECT_EQ(rows[0].at("fingerprint"), run["fingerprint"]);
  EXPECT_EQ(rows[1].at("fingerprint"), run["fingerprint"]);
  for (const char* k : {"service_level", "asa_s", "p_abandon_over_admitted", "occupancy", "offered"}) {
    EXPECT_EQ(number(rows[1], std::string(k) + "_change"), 0.0) << k;
    EXPECT_EQ(number(rows[1], std::string(k) + "_change_hw"), 0.0) << k;
  }
}

// A point that moves a threshold (here the centre's awt_s) is judged on its own: the
// legend names each point's targets rather than point 1's for all.
TEST_F(Sweep, TheLegendNamesEachPointsThresholdWhenAPointMovesIt) {
  const std::string file = scenario("scenarios/examples/erlang_c_14_agents.json");
  const Outcome moved = ccsim("sweep " + file + " --vary /service_level/awt_s=20,60 --replications 3");
  ASSERT_EQ(moved.exit_code, 0) << moved.err;
  EXPECT_NE(moved.out.find("targets of point 1: service_level >= 80.0% within 20 s"), std::string::npos) << moved.out;
  EXPECT_NE(moved.out.find("targets of point 2: service_level >= 80.0% within 60 s"), std::string::npos) << moved.out;
  const Outcome same = ccsim("sweep " + file + " --vary /agent_groups/0/staffing=14,15 --replications 3");
  ASSERT_EQ(same.exit_code, 0) << same.err;
  EXPECT_NE(same.out.find("\ntargets: service_level >= 80.0% within 20 s"), std::string::npos) << same.out;
}

TEST_F(Sweep, GridRunsEveryCombinationFirstVaryOutermost) {
  const std::string csv = (dir_ / "grid.csv").string();
  const Outcome o = ccsim("sweep " + scenario("scenarios/examples/two_skill_overflow_15min.json") +
                          " --vary '/contact_types/1/arrivals/per_period*=1..1.2:0.2' --vary "
                          "/router/policy=queue_priority,longest_idle_agent --replications 3 --csv " +
                          csv);
  ASSERT_EQ(o.exit_code, 0) << o.err;
  EXPECT_NE(o.out.find("common random numbers"), std::string::npos) << o.out;
  const auto rows = read_csv(slurp(csv));
  ASSERT_EQ(rows.size(), 4u);
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"1", "queue_priority"}, {"1", "longest_idle_agent"}, {"1.2", "queue_priority"}, {"1.2", "longest_idle_agent"}};
  for (std::size_t i = 0; i < rows.size(); ++i) {
    EXPECT_EQ(rows[i].at("/contact_types/1/arrivals/per_period*="), expected[i].first);
    EXPECT_EQ(rows[i].at("/router/policy="), expected[i].second);
  }
  EXPECT_GT(number(rows[2], "offered"), number(rows[0], "offered"));
}

TEST_F(Sweep, RangesPrintCleanValuesTextWithDotsIsNotARangeAndTheCsvFolderIsCreated) {
  const std::string csv = (dir_ / "new" / "folder" / "sweep.csv").string();
  const Outcome o = ccsim("sweep " + scenario("scenarios/examples/two_skill_overflow_15min.json") +
                          " --vary /confidence=0.90..0.96:0.03 --vary '/description=from 8..9 am' --replications 2 "
                          "--csv " + csv);
  ASSERT_EQ(o.exit_code, 0) << o.err;
  const auto rows = read_csv(slurp(csv));
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].at("/confidence="), "0.9");
  EXPECT_EQ(rows[1].at("/confidence="), "0.93");
  EXPECT_EQ(rows[2].at("/confidence="), "0.96");
  EXPECT_EQ(rows[2].at("/description="), "from 8..9 am");
}

TEST_F(Sweep, ReplicationsFromTheCommandLineAreCheckedWithEachPoint) {
  // The file has 20 replications: batch means (one long run) are valid only because
  // --replications 1 goes into every point before it is checked.
  const std::string csv = (dir_ / "batches.csv").string();
  const Outcome o = ccsim("sweep " + scenario("scenarios/examples/erlang_c_14_agents.json") +
                          " --vary /steady_state/batches=1,10 --replications 1 --csv " + csv);
  ASSERT_EQ(o.exit_code, 0) << o.err;
  const auto rows = read_csv(slurp(csv));
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].at("service_level_hw"), "");  // one observation: no interval
  EXPECT_NE(rows[1].at("service_level_hw"), "");  // ten batches
  EXPECT_EQ(rows[1].at("service_level_change"), "");  // 1 vs 10 observations: no pairing
  const Outcome zero = ccsim("sweep " + scenario("scenarios/examples/erlang_c_14_agents.json") +
                             " --vary /agent_groups/0/staffing=14 --replications 0");
  EXPECT_EQ(zero.exit_code, 2);
  EXPECT_NE(zero.err.find("--replications must be >= 1; got 0"), std::string::npos) << zero.err;
}

TEST_F(Sweep, BadVaryArgumentsExitTwoWithTheReason) {
  const std::string file = scenario("scenarios/examples/two_skill_overflow_15min.json");
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"/agent_groups/7/staffing=3", "point 1 (/agent_groups/7/staffing=3)"},
      {"/rng/seed=1,2", "common random numbers"},
      {"agent_groups=1", "not a JSON pointer"},
      {"/agent_groups/0/staffing+=a", "\"a\" is not a number"},
      {"/agent_groups/2/staffing=9..1", "needs FROM <= TO"},
      {"/agent_groups/2/staffing", "expected POINTER=VALUES"},
      {"/router/policy=longest_queue", "unknown router policy \"longest_queue\""},
      {"/service_level/target=0.8,0.85", "point 2 has other targets than point 1"},
      {"/agent_groups/2/staffing=1..3:x", "STEP is not a number"},
  };
  for (const auto& [vary, message] : cases) {
    const Outcome o = ccsim("sweep " + file + " --vary '" + vary + "' --replications 2");
    EXPECT_EQ(o.exit_code, 2) << vary;
    EXPECT_NE(o.err.find(message), std::string::npos) << vary << ": " << o.err;
  }
  const Outcome o = ccsim("sweep " + file + " --vary /agent_groups/2/staffing=3 --kpis service_levle");
  EXPECT_EQ(o.exit_code, 2);
  EXPECT_NE(o.err.find("unknown KPI \"service_levle\""), std::string::npos) << o.err;
}

}  // namespace
