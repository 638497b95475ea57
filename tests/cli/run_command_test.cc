// tests/cli/run_command_test.cc
// The ccsim binary as a user runs it: shipped scenarios, the results JSON contract,
// CSV tables, thread-count invariance, and exit code 2 with located errors for bad
// files and arguments.
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/cli/cli_test_support.h"

namespace {

namespace fs = std::filesystem;
using ccsim::test_support::comparable_results;
using ccsim::test_support::Outcome;
using ccsim::test_support::slurp;

class RunCommand : public ccsim::test_support::CliTest {};

std::vector<std::string> keys(const nlohmann::json& object) {
  std::vector<std::string> out;
  for (auto it = object.begin(); it != object.end(); ++it) out.push_back(it.key());
  return out;
}

// The KPI keys of each level, sorted as nlohmann writes them (docs/results-format.md).
const std::vector<std::string> kTypeKeys = {
    "abandoned", "abandoned_within_t", "answered", "answered_within_t", "asa_s", "backlog_at_close", "balked", "blocked",
    "callback_attempts", "callbacks_accepted", "callbacks_completed", "callbacks_failed", "callbacks_offered", "cost",
    "customers", "customers_served", "dials", "disconnected", "interrupted", "ivr_abandoned", "ivr_contained",
    "ivr_port_occupancy",
    "max_wait_answered_s", "mean_callback_delay_s", "mean_in_ivr", "mean_in_system", "mean_queue_length",
    "mean_time_in_system_s", "mean_wait_abandoned_s", "mean_wait_admitted_s", "occupancy", "offered",
    "oldest_waiting_s", "p50_wait_answered_s", "p90_wait_answered_s", "p95_wait_answered_s", "p_abandon_over_admitted",
    "p_abandon_over_customers", "p_abandon_over_offered", "p_abandon_within_t_over_admitted",
    "p_accepted_over_callbacks_offered", "p_balk_over_offered", "p_block", "p_completed_over_callbacks_accepted",
    "p_disconnected_over_offered", "p_timed_out_over_offered", "p_unserved_over_customers", "p_wait_over_admitted",
    "p_wait_over_offered", "redials", "returns", "service_level", "sl_answered_within_10s_over_admitted",
    "sl_answered_within_20s_over_admitted", "sl_answered_within_30s_over_admitted",
    "sl_answered_within_60s_over_admitted", "sl_answered_within_t_over_admitted",
    "sl_answered_within_t_over_answered", "sl_answered_within_t_over_offered", "sl_excluding_short_abandons",
    "sl_if_backlog_in_time", "sl_if_backlog_late",
    "timed_out", "transferred_in", "transfers"};
const std::vector<std::string> kGroupIntervalKeys = {
    "agents_on_break", "answered", "break_lateness_s", "chat_concurrency", "chat_occupancy", "cost", "occupancy",
    "occupancy_chat", "occupancy_email", "occupancy_outbound", "occupancy_voice", "overtime_agent_min",
    "paid_agent_hours", "present_agents", "productive_agents", "scheduled_agents"};
const std::vector<std::string> kGroupKeys = {
    "agents_on_break", "answered", "asa_s", "break_lateness_s", "chat_concurrency", "chat_occupancy", "cost",
    "occupancy", "occupancy_chat", "occupancy_email", "occupancy_outbound", "occupancy_voice", "overtime_agent_min",
    "paid_agent_hours", "present_agents", "productive_agents", "scheduled_agents", "sl_answered_within_t_over_answered"};

// The first line of `text` at or after `from` that starts with `prefix`, or "".
std::string line_starting(const std::string& text, const std::string& prefix, std::size_t from = 0) {
  for (auto at = text.find(prefix, from); at != std::string::npos; at = text.find(prefix, at + 1))
    if (at == 0 || text[at - 1] == '\n') return text.substr(at, text.find('\n', at) - at);
  return "";
}

// The cells of a table row, split at spaces, without the flag of a missed or
// inconclusive interval.
std::vector<std::string> words(std::string line) {
  for (const char* flag : {"  <<", "  ?"})
    if (const auto at = line.find(flag); at != std::string::npos) line.resize(at);
  std::istringstream in(line);
  std::vector<std::string> out;
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

TEST_F(RunCommand, ConfidenceFromTheCommandLineSizesEveryInterval) {
  const std::string scenario = std::string(CCSIM_SOURCE_DIR) + "/scenarios/examples/erlang_c_14_agents.json";
  ASSERT_EQ(ccsim("run " + scenario + " --quiet --json c95.json").exit_code, 0);
  ASSERT_EQ(ccsim("run " + scenario + " --quiet --confidence 0.99 --json c99.json").exit_code, 0);
  const nlohmann::json a = nlohmann::json::parse(slurp(dir_ / "c95.json"));
  const nlohmann::json b = nlohmann::json::parse(slurp(dir_ / "c99.json"));
  EXPECT_EQ(b["run"]["confidence"], 0.99);
  const auto hw = [](const nlohmann::json& j) {
    return j["kpis"]["overall"]["p_wait_over_admitted"]["half_width"].get<double>();
  };
  EXPECT_EQ(a["kpis"]["overall"]["p_wait_over_admitted"]["mean"], b["kpis"]["overall"]["p_wait_over_admitted"]["mean"]);
  EXPECT_GT(hw(b), 1.2 * hw(a));  // t(0.995, 19) / t(0.975, 19) = 1.36
  const Outcome percent = ccsim("run " + scenario + " --confidence 95");
  EXPECT_EQ(percent.exit_code, 2);
  EXPECT_NE(percent.err.find("--confidence must be in (0, 1) (write 95 % as 0.95); got 95"), std::string::npos)
      << percent.err;
}

// Four e-mails of 3000 s arrive at 0, 10, 20, 30 for one agent in a day of 3600 s: two
// are answered (at 0 and 3000), the other two wait at the close. The report says so, per
// replication, and the JSON counts them apart from the calls no agent came for.
TEST_F(RunCommand, EmailsStillInTheBacklogAtTheCloseAreReportedApart) {
  std::ofstream(dir_ / "mail.json") << R"({"mode": "day", "period_s": 3600, "num_periods": 1,
    "contact_types": [{"name": "mail", "channel": "email", "due_s": 14400,
                       "arrivals": {"process": "trace", "times_s": [0, 10, 20, 30]},
                       "talk": {"dist": "constant", "value_s": 3000}}],
    "agent_groups": [{"name": "team", "staffing": 1}], "router": {"type_to_group": {"mail": ["team"]}},
    "rng": {"seed": 1, "replications": 3}})";
  const Outcome o = ccsim("run mail.json --json mail_out.json");
  ASSERT_EQ(o.exit_code, 0) << o.err;
  EXPECT_NE(o.out.find("NOTE: 6 e-mails (2.0 per replication) were still in the backlog at the close; no agent "
                       "takes them after it; those past their due time count as not answered in time, the others are not "
                       "admitted (their outcome is the next day's)"),
            std::string::npos)
      << o.out;
  EXPECT_EQ(o.out.find("were still waiting when nothing else could happen"), std::string::npos) << o.out;
  const nlohmann::json j = nlohmann::json::parse(slurp(dir_ / "mail_out.json"));
  EXPECT_EQ(j["backlog_at_close"], 6);
  EXPECT_EQ(j["unserved_at_end"], 0);
  EXPECT_EQ(j["kpis"]["by_type"]["mail"]["answered"]["mean"], 2.0);
}

// Each replication's overall KPIs, in order: their mean is the statistic the file reports.
TEST_F(RunCommand, ObservationsGiveEachReplicationsOverallKpisOnlyWhenAsked) {
  const std::string scenario = std::string(CCSIM_SOURCE_DIR) + "/scenarios/examples/erlang_c_14_agents.json";
  ASSERT_EQ(ccsim("run " + scenario + " --quiet --replications 5 --observations --json obs.json").exit_code, 0);
  ASSERT_EQ(ccsim("run " + scenario + " --quiet --replications 5 --json plain.json").exit_code, 0);
  const nlohmann::json with = nlohmann::json::parse(slurp(dir_ / "obs.json"));
  const nlohmann::json plain = nlohmann::json::parse(slurp(dir_ / "plain.json"));
  EXPECT_FALSE(plain.contains("observations"));
  EXPECT_EQ(with["kpis"], plain["kpis"]) << "asking for the observations changes no statistic";
  const nlohmann::json& overall = with["observations"]["overall"];
  EXPECT_EQ(overall.size(), with["kpis"]["overall"].size());
  for (const char* key : {"service_level", "asa_s", "offered"}) {
    ASSERT_EQ(overall[key].size(), 5u) << key;
    double sum = 0;
    for (const auto& x : overall[key]) sum += x.get<double>();
    EXPECT_NEAR(sum / 5, with["kpis"]["overall"][key]["mean"].get<double>(), 1e-9 * std::fabs(sum)) << key;
  }
  const Outcome alone = ccsim("run " + scenario + " --observations");
  EXPECT_EQ(alone.exit_code, 2) << "the observations go in the results JSON: --json is needed";
  EXPECT_NE(alone.err.find("--json"), std::string::npos) << alone.err;
}

TEST_F(RunCommand, DayScenarioPrintsTargetsAndFlagsMissedIntervals) {
  const Outcome o = ccsim("run " + scenario("scenarios/examples/single_day_ivr.json") + " --replications 10");
  ASSERT_EQ(o.exit_code, 0) << o.err;
  EXPECT_NE(o.out.find("Targets"), std::string::npos);
  EXPECT_NE(o.out.find("service_level >= 80.0%"), std::string::npos);
  EXPECT_NE(o.out.find("12:00"), std::string::npos);
  EXPECT_NE(o.out.find("intervals miss the service-level target"), std::string::npos);
  EXPECT_TRUE(o.err.empty()) << o.err;
  // Agents per interval are the simulated ones: 5 + 7 + 0 scheduled at 07:00, 11 + 14 + 1 at 12:00.
  const auto intervals = o.out.find("Service level per interval");
  ASSERT_NE(intervals, std::string::npos);
  const auto header = words(line_starting(o.out, "  interval", intervals));
  ASSERT_GE(header.size(), 2u);
  EXPECT_EQ(header[header.size() - 2], "scheduled");
  EXPECT_EQ(header.back(), "productive");
  EXPECT_EQ(words(line_starting(o.out, "  07:00", intervals)).rbegin()[1], "12.00");
  EXPECT_EQ(words(line_starting(o.out, "  12:00", intervals)).rbegin()[1], "26.00");
  // No break in this scenario: break lateness is undefined, so neither listed nor a column.
  EXPECT_NE(o.out.find("Workforce by agent group"), std::string::npos);
  EXPECT_EQ(o.out.find("break_lateness_s"), std::string::npos);
  EXPECT_EQ(words(line_starting(o.out, "  scheduled_agents")).back(), "29.32");  // 821 agent-periods / 28
}

// --forecast replaces the arrivals of the types it covers, its path taken from where
// ccsim runs; a wrong unit is caught by the total the file states, as a warning.
TEST_F(RunCommand, ForecastOnTheCommandLineReplacesTheScenariosVolumes) {
  const std::string monday = scenario("scenarios/examples/three_queue_monday.json");
  std::string csv = slurp(scenario("scenarios/examples/forecasts/three_queue_monday.csv"));
  std::ofstream(dir_ / "busier.csv") << csv;
  const Outcome same = ccsim("run " + monday + " --replications 3 --forecast busier.csv --json a.json");
  const Outcome shipped = ccsim("run " + monday + " --replications 3 --json b.json");
  ASSERT_EQ(same.exit_code, 0) << same.err;
  EXPECT_EQ(nlohmann::json::parse(slurp(dir_ / "a.json"))["fingerprint"],
            nlohmann::json::parse(slurp(dir_ / "b.json"))["fingerprint"]);
  csv.replace(csv.find("# volume: per_interval"), 22, "# volume: per_hour");
  std::ofstream(dir_ / "hourly.csv") << csv;
  const Outcome hourly = ccsim("validate " + monday + " --forecast hourly.csv");
  ASSERT_EQ(hourly.exit_code, 0) << hourly.err;
  EXPECT_NE(hourly.out.find("WARNING: " + (dir_ / "hourly.csv").string() + " states a total volume of 3637, its rows "
                            "give 909.2 (read per hour)"),
            std::string::npos)
      << hourly.out;
  const Outcome missing = ccsim("run " + monday + " --forecast nowhere.csv");
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("/forecast/file: " + (dir_ / "nowhere.csv").string() +
                             ": cannot read the forecast: no such file"),
            std::string::npos)
      << missing.err;
}

TEST_F(RunCommand, ShiftOnlyGroupGetsItsSimulatedAgentsAndAWorkforceTable) {
  const fs::path file = dir_ / "shift_only.json";
  std::ofstream(file) << ccsim::test_support::kShiftOnlyScenario;
  const Outcome o = ccsim("run " + file.string());
  ASSERT_EQ(o.exit_code, 0) << o.err;  // the report used to index the group's (empty) staffing array
  // Overall: the workforce KPIs under a heading of their own.
  const auto overall_workforce = o.out.find("\n\n  Workforce, all groups (agents: time-average over the day)\n");
  ASSERT_NE(overall_workforce, std::string::npos) << o.out;
  EXPECT_EQ(words(line_starting(o.out, "  scheduled_agents", overall_workforce)),
            (std::vector<std::string>{"scheduled_agents", "6.50"}));  // (6 + 6 + 10 + 4) / 4, exact
  for (const char* key : {"present_agents", "agents_on_break", "productive_agents", "overtime_agent_min",
                          "break_lateness_s", "paid_agent_hours"})
    EXPECT_NE(line_starting(o.out, std::string("  ") + key, overall_workforce), "") << key;

  const auto table = o.out.find("\nWorkforce by agent group");
  ASSERT_NE(table, std::string::npos) << o.out;
  EXPECT_EQ(words(line_starting(o.out, "  group", table)),
            (std::vector<std::string>{"group", "scheduled_agents", "present_agents", "agents_on_break",
                                      "productive_agents", "overtime_agent_min", "break_lateness_s",
                                      "paid_agent_hours"}));
  const auto row = words(line_starting(o.out, "  rostered", table));
  ASSERT_GE(row.size(), 2u);
  EXPECT_EQ(row[1], "6.50");
  EXPECT_LT(std::stod(row[2]), 6.5) << "10 % of the agents are absent";

  const auto intervals = o.out.find("Service level per interval");
  ASSERT_NE(intervals, std::string::npos);
  const char* labels[] = {"08:00", "08:30", "09:00", "09:30"};
  const double scheduled[] = {6, 6, 10, 4};
  for (int i = 0; i < 4; ++i) {
    const auto cells = words(line_starting(o.out, std::string("  ") + labels[i], intervals));
    ASSERT_GE(cells.size(), 3u) << labels[i];
    EXPECT_EQ(std::stod(cells.rbegin()[1]), scheduled[i]) << labels[i];
  }
  const auto coffee = words(line_starting(o.out, "  08:30", intervals));  // the coffee breaks fall here
  EXPECT_LT(std::stod(coffee.back()), 6.0 - 0.5) << "productive agents: a break lasts a quarter of a 6-agent interval";
  EXPECT_GT(std::stod(coffee.back()), 0.0);

  // Contact types have no agents: no workforce column in their table.
  const auto types = o.out.find("\nBy contact type (");
  ASSERT_NE(types, std::string::npos) << o.out;
  const std::string type_header = line_starting(o.out, "  type ", types);
  ASSERT_NE(type_header, "") << o.out;
  EXPECT_EQ(type_header.find("agents"), std::string::npos) << type_header;
}

TEST_F(RunCommand, ShiftOnlyGroupHasItsShiftAgentsPerIntervalInTheResultsJson) {
  const fs::path file = dir_ / "shift_only.json";
  std::ofstream(file) << ccsim::test_support::kShiftOnlyScenario;
  const Outcome o = ccsim("run " + file.string() + " --quiet --json " + (dir_ / "results.json").string());
  ASSERT_EQ(o.exit_code, 0) << o.err;  // the writer used to index the group's (empty) staffing array
  const auto doc = nlohmann::json::parse(slurp(dir_ / "results.json"));
  const nlohmann::json& intervals = doc["kpis"]["by_interval"];
  ASSERT_EQ(intervals.size(), 4u);
  const double scheduled[] = {6, 6, 10, 4};  // early 6 from 08:00 to 09:30, late 4 from 09:00
  for (std::size_t i = 0; i < 4; ++i) {
    const nlohmann::json& group = intervals[i]["by_group"]["rostered"];
    EXPECT_FALSE(group.contains("staffing")) << i;
    EXPECT_EQ(keys(group), kGroupIntervalKeys) << i;
    // Absent agents count as scheduled: the same value in all 4 replications.
    EXPECT_EQ(group["scheduled_agents"]["mean"], scheduled[i]) << i;
    EXPECT_EQ(group["scheduled_agents"]["n"], 4) << i;
    EXPECT_NEAR(group["scheduled_agents"]["half_width"].get<double>(), 0.0, 1e-9) << i;
    EXPECT_EQ(intervals[i]["kpis"]["scheduled_agents"]["mean"], scheduled[i]) << i;
    const double present = group["present_agents"]["mean"];
    const double on_break = group["agents_on_break"]["mean"];
    EXPECT_NEAR(group["productive_agents"]["mean"].get<double>(), present - on_break, 1e-9) << i;
    EXPECT_GT(on_break, 0.0) << i << ": 5 % shrinkage in every interval";
    EXPECT_EQ(keys(intervals[i]["by_type"]["calls"]), kTypeKeys) << i;
  }
  // The coffee breaks (08:30 to 09:00 for the early shift) take about a quarter of that interval.
  EXPECT_GT(intervals[1]["by_group"]["rostered"]["agents_on_break"]["mean"].get<double>(), 1.0);
  EXPECT_EQ(intervals[1]["by_group"]["rostered"]["break_lateness_s"]["n"], 4);
  EXPECT_EQ(intervals[0]["by_group"]["rostered"]["break_lateness_s"]["n"], 0);  // no break starts at 08:00
  const nlohmann::json& group = doc["kpis"]["by_group"]["rostered"];
  EXPECT_EQ(group["scheduled_agents"]["mean"], 6.5);
  EXPECT_LT(group["present_agents"]["mean"].get<double>(), 6.5);
  EXPECT_EQ(group["break_lateness_s"]["n"], 4);
  EXPECT_GT(group["paid_agent_hours"]["mean"].get<double>(), 0.0);
  EXPECT_EQ(keys(doc["kpis"]["by_type"]["calls"]), kTypeKeys);
}

TEST_F(RunCommand, SteadyStateSaysInOneLineThatEveryAgentWorksThroughout) {
  const Outcome o = ccsim("run " + scenario("scenarios/examples/erlang_c_14_agents.json") + " --replications 2");
  ASSERT_EQ(o.exit_code, 0) << o.err;
  EXPECT_NE(o.out.find("\n  Workforce, all groups: 14.00 agents logged on throughout, none on a break\n"),
            std::string::npos)
      << o.out;
  EXPECT_EQ(o.out.find("Workforce by agent group"), std::string::npos);
  EXPECT_EQ(o.out.find("scheduled_agents"), std::string::npos);
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
  EXPECT_EQ(a["schema"], "ccsim.results/3");
  EXPECT_EQ(a["run"]["replications"], 6);
  EXPECT_EQ(a["run"]["seed"], 42);
  EXPECT_EQ(a["kpis"]["by_interval"].size(), 28u);
  EXPECT_TRUE(a["kpis"]["by_type"].contains("service"));
  EXPECT_TRUE(a["kpis"]["by_group"].contains("generalists"));
  for (const char* key : {"offered", "blocked", "ivr_contained", "ivr_abandoned", "answered", "abandoned", "p_block",
                          "p_wait_over_admitted", "p_abandon_over_admitted", "service_level", "sl_answered_within_t_over_admitted",
                          "sl_answered_within_t_over_answered", "sl_excluding_short_abandons", "asa_s",
                          "mean_wait_admitted_s", "occupancy", "mean_queue_length", "scheduled_agents",
                          "present_agents", "agents_on_break", "productive_agents", "overtime_agent_min",
                          "paid_agent_hours"}) {
    ASSERT_TRUE(a["kpis"]["overall"].contains(key)) << key;
    EXPECT_EQ(a["kpis"]["overall"][key]["n"], 6) << key;
  }
  // No break in this scenario: break lateness is listed, undefined.
  EXPECT_EQ(a["kpis"]["overall"]["break_lateness_s"],
            (nlohmann::json{{"mean", nullptr}, {"half_width", nullptr}, {"n", 0}, {"ratio_of_means", nullptr}}));
  EXPECT_EQ(a["kpis"]["overall"].size(), 78u);
  // Each level lists exactly its KPIs: types have no agents, groups have only their own.
  EXPECT_EQ(keys(a["kpis"]["by_type"]["service"]), kTypeKeys);
  EXPECT_EQ(keys(a["kpis"]["by_interval"][3]["by_type"]["sales"]), kTypeKeys);
  EXPECT_EQ(keys(a["kpis"]["by_group"]["generalists"]), kGroupKeys);
  EXPECT_EQ(keys(a["kpis"]["by_interval"][3]["by_group"]["generalists"]), kGroupIntervalKeys);
  // Agents per interval come from the simulation: at 07:00 the staffing arrays' 5, 7 and 0.
  const nlohmann::json& first = a["kpis"]["by_interval"][0];
  EXPECT_EQ(first["by_group"]["sales_team"]["scheduled_agents"]["mean"], 5.0);
  EXPECT_EQ(first["by_group"]["service_team"]["scheduled_agents"]["mean"], 7.0);
  EXPECT_EQ(first["by_group"]["generalists"]["scheduled_agents"]["mean"], 0.0);
  EXPECT_EQ(first["kpis"]["scheduled_agents"]["mean"], 12.0);
  EXPECT_EQ(a["targets"][0]["kpi"], "service_level");
  EXPECT_EQ(b["run"]["threads"], 2);
  EXPECT_EQ(comparable_results(dir_ / "t1.json"), comparable_results(dir_ / "t2.json"));  // bit-identical numbers
}

// A ratio KPI's entry carries its ratio of means, at every level; a count's does not.
// Pooled, blocked over offered is the ratio of the two counts' means.
TEST_F(RunCommand, ResultsJsonGivesEveryRatioKpiItsRatioOfMeans) {
  const std::string file = scenario("scenarios/examples/busy_days.json");
  ASSERT_EQ(ccsim("run " + file + " --quiet --replications 5 --json r.json").exit_code, 0);
  const nlohmann::json k = nlohmann::json::parse(slurp(dir_ / "r.json"))["kpis"];
  const std::vector<std::string> ratio_keys = {"half_width", "mean", "n", "ratio_of_means"};
  const std::vector<std::string> plain_keys = {"half_width", "mean", "n"};
  for (const nlohmann::json* level : {&k["overall"], &k["by_type"]["service"], &k["by_interval"][5]["kpis"],
                                      &k["by_interval"][5]["by_type"]["sales"], &k["by_group"]["generalists"],
                                      &k["by_interval"][5]["by_group"]["generalists"]}) {
    EXPECT_EQ(keys((*level)["occupancy"]), ratio_keys);
    EXPECT_EQ(keys((*level)["answered"]), plain_keys);
  }
  for (const char* key : {"service_level", "p_abandon_over_admitted", "asa_s", "p_block", "mean_time_in_system_s"})
    EXPECT_EQ(keys(k["overall"][key]), ratio_keys) << key;
  for (const char* key : {"offered", "mean_queue_length", "p90_wait_answered_s", "scheduled_agents", "cost"})
    EXPECT_EQ(keys(k["overall"][key]), plain_keys) << key;
  EXPECT_EQ(k["by_type"]["sales"]["occupancy"]["ratio_of_means"], nullptr) << "a type has no agents";
  const nlohmann::json& pair = k["by_type_group"]["service"]["generalists"];
  EXPECT_EQ(keys(pair["service_level"]), ratio_keys);
  EXPECT_EQ(keys(pair["answered"]), plain_keys);

  const nlohmann::json& o = k["overall"];
  const double pooled = o["p_abandon_over_offered"]["ratio_of_means"]["value"];
  EXPECT_NEAR(pooled, o["abandoned"]["mean"].get<double>() / o["offered"]["mean"].get<double>(), 1e-12);
  const nlohmann::json& sl = o["sl_answered_within_t_over_answered"]["ratio_of_means"];
  const double answered_within_t = o["answered_within_t"]["mean"], answered = o["answered"]["mean"];
  EXPECT_NEAR(sl["value"].get<double>(), answered_within_t / answered, 1e-12);
  EXPECT_GT(sl["half_width"].get<double>(), 0.0);
}

TEST_F(RunCommand, TextReportShowsTheRatioOfMeansBesideTheMeanWithSeveralObservations) {
  const std::string file = scenario("scenarios/examples/busy_days.json");
  const Outcome o = ccsim("run " + file + " --replications 5 --json r.json");
  ASSERT_EQ(o.exit_code, 0) << o.err;
  const nlohmann::json overall = nlohmann::json::parse(slurp(dir_ / "r.json"))["kpis"]["overall"];
  const auto list = o.out.find("\nOverall                                     mean ± half-width     ratio of means ± hw\n");
  ASSERT_NE(list, std::string::npos) << o.out;
  const auto sl = words(line_starting(o.out, "  service_level ", list));
  ASSERT_GE(sl.size(), 8u) << o.out;
  EXPECT_EQ(sl[4], fmt::format("{:.1f}%", 100 * overall["service_level"]["ratio_of_means"]["value"].get<double>()));
  EXPECT_EQ(sl[7], "answered") << "the definition follows";
  EXPECT_EQ(words(line_starting(o.out, "  p_abandon_over_admitted ", list)).size(), 7u);
  EXPECT_EQ(words(line_starting(o.out, "  offered ", list)).size(), 4u) << "a count has no ratio of means";

  const Outcome one = ccsim("run " + file + " --replications 1");
  ASSERT_EQ(one.exit_code, 0) << one.err;
  EXPECT_EQ(one.out.find("ratio of means"), std::string::npos) << "one day: the ratio of means is the day's ratio";
}

// A ratio KPI's ratio of means from the results JSON as the text report writes it
// ("91.6% ± 2.4%"; the waits here are under 100 s: "3.11 ± 0.97"), split into words.
std::vector<std::string> ratio_of_means_words(const nlohmann::json& stat, bool fraction) {
  const nlohmann::json& r = stat["ratio_of_means"];
  if (r.is_null()) return {"-"};
  const auto text = [fraction](double x) {
    return fraction ? fmt::format("{:.1f}%", 100 * x) : fmt::format("{:.2f}", x);
  };
  return {text(r["value"]), "±", text(r["half_width"])};
}

// The name, then each KPI's ratio of means: a row of a ratio-of-means table.
std::vector<std::string> ratio_of_means_row(const std::string& name, const nlohmann::json& stats,
                                            const std::vector<std::pair<std::string, bool>>& kpis) {
  std::vector<std::string> row{name};
  for (const auto& [key, fraction] : kpis) {
    const auto cells = ratio_of_means_words(stats[key], fraction);
    row.insert(row.end(), cells.begin(), cells.end());
  }
  return row;
}

// Per type and per group, a table of the ratio KPIs' ratios of means after the table of
// means; per interval, the service level's beside its mean. Their numbers are the
// results JSON's, and with one replication none of it shows.
TEST_F(RunCommand, TextReportGivesTypesGroupsAndIntervalsTheirRatioOfMeansWithSeveralObservations) {
  const std::string file = scenario("scenarios/examples/busy_days.json");
  const Outcome o = ccsim("run " + file + " --replications 5 --json r.json");
  ASSERT_EQ(o.exit_code, 0) << o.err;
  const nlohmann::json k = nlohmann::json::parse(slurp(dir_ / "r.json"))["kpis"];
  // Busy days weigh the bad days more when pooled: the two differ, so showing the mean fails.
  ASSERT_NE(ratio_of_means_words(k["by_type"]["service"]["service_level"], true)[0],
            fmt::format("{:.1f}%", 100 * k["by_type"]["service"]["service_level"]["mean"].get<double>()));

  const auto types = o.out.find("\nBy contact type, ratio of means ± hw (every replication's calls pooled)\n");
  ASSERT_NE(types, std::string::npos) << o.out;
  EXPECT_EQ(words(line_starting(o.out, "  type ", types)),
            (std::vector<std::string>{"type", "service_level", "asa_s", "p_abandon_over_admitted"}));
  for (const char* type : {"sales", "service"})
    EXPECT_EQ(words(line_starting(o.out, std::string("  ") + type + " ", types)),
              ratio_of_means_row(type, k["by_type"][type],
                                 {{"service_level", true}, {"asa_s", false}, {"p_abandon_over_admitted", true}}));

  const auto groups = o.out.find("\nBy agent group, ratio of means ± hw (every replication's calls pooled)\n");
  ASSERT_NE(groups, std::string::npos) << o.out;
  EXPECT_EQ(words(line_starting(o.out, "  group ", groups)),
            (std::vector<std::string>{"group", "sl_over_answered", "asa_s", "occupancy"}));
  for (const char* group : {"sales_team", "service_team", "generalists"})
    EXPECT_EQ(words(line_starting(o.out, std::string("  ") + group + " ", groups)),
              ratio_of_means_row(group, k["by_group"][group], {{"sl_answered_within_t_over_answered", true},
                                                               {"asa_s", false},
                                                               {"occupancy", true}}));

  const auto intervals = o.out.find("\nService level per interval");
  ASSERT_NE(intervals, std::string::npos);
  const auto header = words(line_starting(o.out, "  interval ", intervals));
  ASSERT_GE(header.size(), 7u);
  EXPECT_EQ(std::vector<std::string>(header.begin() + 2, header.begin() + 7),
            (std::vector<std::string>{"service_level", "sl", "ratio", "of", "means"}));
  for (const nlohmann::json& i : k["by_interval"]) {
    const auto cells = words(line_starting(o.out, "  " + i["label"].get<std::string>() + " ", intervals));
    ASSERT_GE(cells.size(), 8u) << i["label"];
    EXPECT_EQ(std::vector<std::string>(cells.begin() + 5, cells.begin() + 8),
              ratio_of_means_words(i["kpis"]["service_level"], true))
        << i["label"];
  }

  const Outcome one = ccsim("run " + file + " --replications 1");
  ASSERT_EQ(one.exit_code, 0) << one.err;
  EXPECT_EQ(one.out.find("ratio of means"), std::string::npos) << one.out;
  EXPECT_NE(one.out.find("\n  interval    offered      service_level  p_abandon_over_admitted          asa_s        "
                         "occupancy   scheduled  productive\n"),
            std::string::npos)
      << one.out;
}

// A group that never answers and an interval without calls have no ratio of means: "-".
TEST_F(RunCommand, TextReportShowsADashWhereNoObservationDefinesTheRatioOfMeans) {
  const fs::path file = dir_ / "idle_group.json";
  std::ofstream(file) << ccsim::test_support::kIdleGroupScenario;
  const Outcome o = ccsim("run " + file.string());
  ASSERT_EQ(o.exit_code, 0) << o.err;
  const auto groups = o.out.find("\nBy agent group, ratio of means ± hw");
  ASSERT_NE(groups, std::string::npos) << o.out;
  EXPECT_EQ(words(line_starting(o.out, "  idle ", groups)), (std::vector<std::string>{"idle", "-", "-", "-"}));
  const auto empty = words(line_starting(o.out, "  08:30 ", o.out.find("\nService level per interval")));
  ASSERT_GE(empty.size(), 4u) << o.out;
  EXPECT_EQ(std::vector<std::string>(empty.begin() + 1, empty.begin() + 4),
            (std::vector<std::string>{"0.00", "-", "-"}))
      << "no call: neither the mean nor the ratio of means";
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

// A script's log says where the results went; a run that keeps nothing says so.
TEST_F(RunCommand, EveryWrittenFileIsNamedAndAQuietRunThatKeepsNothingWarns) {
  const std::string erlang_c = scenario("scenarios/examples/erlang_c_14_agents.json");
  const Outcome o = ccsim("run " + erlang_c + " --quiet --replications 2 --json r.json --csv out --html r.html");
  ASSERT_EQ(o.exit_code, 0) << o.err;
  EXPECT_EQ(o.err,
            "ccsim run: wrote r.json\n"
            "ccsim run: wrote 5 CSV tables: out/erlang_c_14_agents_targets.csv, out/erlang_c_14_agents_overall.csv, "
            "out/erlang_c_14_agents_by_type.csv, out/erlang_c_14_agents_by_group.csv, "
            "out/erlang_c_14_agents_by_type_group.csv\n"
            "ccsim run: wrote r.html\n");
  const Outcome nothing = ccsim("run " + erlang_c + " --quiet --replications 2");
  ASSERT_EQ(nothing.exit_code, 0) << nothing.err;
  EXPECT_EQ(nothing.err,
            "ccsim run: --quiet without --json, --csv, --html or --trace: nothing of this run will be shown or kept\n");
  EXPECT_EQ(nothing.out, "");
}

TEST_F(RunCommand, CsvTablesHaveOneRowPerIntervalTypeAndGroup) {
  const Outcome o = ccsim("run " + scenario("scenarios/examples/single_day_ivr.json") +
                          " --quiet --replications 3 --csv " + dir_.string());
  ASSERT_EQ(o.exit_code, 0) << o.err;
  EXPECT_NE(o.err.find("ccsim run: wrote 8 CSV tables: "), std::string::npos) << o.err;
  EXPECT_NE(o.err.find("single_day_ivr_by_interval_type.csv\n"), std::string::npos) << o.err;
  auto lines = [&](const char* name) {
    const std::string text = slurp(dir_ / name);
    return static_cast<long>(std::count(text.begin(), text.end(), '\n'));
  };
  EXPECT_EQ(lines("single_day_ivr_by_interval.csv"), 1 + 28);
  EXPECT_EQ(lines("single_day_ivr_by_type.csv"), 1 + 2);
  EXPECT_EQ(lines("single_day_ivr_by_group.csv"), 1 + 3);
  EXPECT_EQ(lines("single_day_ivr_overall.csv"), 1 + 1);
  EXPECT_EQ(lines("single_day_ivr_by_interval_group.csv"), 1 + 28 * 3);
  // Each row with a service level says what it measured.
  for (const char* name : {"single_day_ivr_overall.csv", "single_day_ivr_by_type.csv", "single_day_ivr_by_interval.csv",
                           "single_day_ivr_by_interval_type.csv"}) {
    std::istringstream in(slurp(dir_ / name));
    std::string header;
    std::getline(in, header);
    EXPECT_TRUE(header.ends_with(",service_level_definition,service_level_awt_s,service_level_short_abandon_s"))
        << name;
    for (std::string line; std::getline(in, line);)
      EXPECT_TRUE(line.ends_with(",answered_within_t_over_admitted,20,5")) << name << ": " << line;
  }
}

// A CSV file without quoted cells as rows of cells, the header first.
std::vector<std::vector<std::string>> csv_rows(const fs::path& file) {
  std::vector<std::vector<std::string>> rows;
  std::istringstream in(slurp(file));
  for (std::string line; std::getline(in, line);) {
    std::vector<std::string> cells;
    std::istringstream l(line);
    for (std::string cell; std::getline(l, cell, ',');) cells.push_back(cell);
    if (!line.empty() && line.back() == ',') cells.emplace_back();
    rows.push_back(cells);
  }
  return rows;
}

// The cell of `row` under `column` in a table whose header is rows[0]; "?" if there is no such column.
std::string cell(const std::vector<std::vector<std::string>>& rows, std::size_t row, const std::string& column) {
  const auto at = std::find(rows[0].begin(), rows[0].end(), column);
  if (at == rows[0].end()) return "?";
  return rows[row].at(static_cast<std::size_t>(at - rows[0].begin()));
}

TEST_F(RunCommand, AWeeksCsvTablesHaveOneRowPerDayAndTheDaysAddUpToTheWeek) {
  const Outcome o = ccsim("run " + scenario("scenarios/examples/email_week.json") +
                          " --quiet --replications 2 --json " + (dir_ / "r.json").string() + " --csv " + dir_.string());
  ASSERT_EQ(o.exit_code, 0) << o.err;
  EXPECT_NE(o.err.find("ccsim run: wrote 11 CSV tables: "), std::string::npos) << o.err;
  const auto days = csv_rows(dir_ / "email_week_by_day.csv");
  ASSERT_EQ(days.size(), 1u + 7u);
  EXPECT_EQ(days[1][1], "Mon");
  EXPECT_EQ(days[7][1], "Sun");
  EXPECT_EQ(csv_rows(dir_ / "email_week_by_day_type.csv").size(), 1u + 7u * 2u);
  EXPECT_EQ(csv_rows(dir_ / "email_week_by_day_group.csv").size(), 1u + 7u * 2u);
  EXPECT_EQ(csv_rows(dir_ / "email_week_by_interval.csv")[1 + 24][1], "Tue 00:00");
  // Each day's counts are its intervals' and the week's are the days'.
  const std::string text = slurp(dir_ / "r.json");
  const auto r = nlohmann::json::parse(text);
  // The intervals, written one at a time, read as the whole document's dump would.
  EXPECT_EQ(r.dump(2) + "\n", text);
  const auto& k = r["kpis"];
  for (const char* kpi : {"offered", "answered", "abandoned", "backlog_at_close"}) {
    double week = 0;
    for (std::size_t d = 0; d < 7; ++d) {
      double day = 0;
      for (std::size_t i = 24 * d; i < 24 * (d + 1); ++i) day += k["by_interval"][i]["kpis"][kpi]["mean"].get<double>();
      EXPECT_NEAR(k["by_day"][d]["kpis"][kpi]["mean"].get<double>(), day, 1e-9 * (1 + day)) << kpi << " day " << d;
      week += day;
    }
    EXPECT_NEAR(k["overall"][kpi]["mean"].get<double>(), week, 1e-9 * (1 + week)) << kpi;
  }
}

TEST_F(RunCommand, CsvTablesGiveTheAgentsOnDutyPerIntervalAndGroup) {
  const fs::path file = dir_ / "shift_only.json";
  std::ofstream(file) << ccsim::test_support::kShiftOnlyScenario;
  const Outcome o = ccsim("run " + file.string() + " --quiet --csv " + (dir_ / "csv").string());
  ASSERT_EQ(o.exit_code, 0) << o.err;
  const auto by_interval_group = csv_rows(dir_ / "csv" / "shift_only_by_interval_group.csv");
  ASSERT_EQ(by_interval_group.size(), 1u + 4u);
  EXPECT_EQ(by_interval_group[0],
            (std::vector<std::string>{"interval", "label", "start_s", "agent_group", "answered", "answered_hw",
                                      "occupancy", "occupancy_hw", "occupancy_rom", "occupancy_rom_hw",
                                      "scheduled_agents", "scheduled_agents_hw", "present_agents", "present_agents_hw",
                                      "agents_on_break", "agents_on_break_hw", "productive_agents",
                                      "productive_agents_hw", "overtime_agent_min", "overtime_agent_min_hw",
                                      "break_lateness_s", "break_lateness_s_hw", "break_lateness_s_rom",
                                      "break_lateness_s_rom_hw", "paid_agent_hours", "paid_agent_hours_hw",
                                      "occupancy_voice", "occupancy_voice_hw", "occupancy_voice_rom",
                                      "occupancy_voice_rom_hw", "occupancy_email", "occupancy_email_hw",
                                      "occupancy_email_rom", "occupancy_email_rom_hw", "occupancy_chat",
                                      "occupancy_chat_hw", "occupancy_chat_rom", "occupancy_chat_rom_hw",
                                      "occupancy_outbound", "occupancy_outbound_hw", "occupancy_outbound_rom",
                                      "occupancy_outbound_rom_hw"}))
      << "nothing is priced: no cost columns";
  const char* scheduled[] = {"6", "6", "10", "4"};
  for (std::size_t i = 1; i <= 4; ++i) {
    EXPECT_EQ(cell(by_interval_group, i, "agent_group"), "rostered");
    EXPECT_EQ(cell(by_interval_group, i, "scheduled_agents"), scheduled[i - 1]) << i;
    EXPECT_LT(std::stod(cell(by_interval_group, i, "productive_agents")), std::stod(scheduled[i - 1])) << i;
  }
  EXPECT_EQ(cell(by_interval_group, 2, "label"), "08:30");
  EXPECT_GT(std::stod(cell(by_interval_group, 2, "agents_on_break")), 1.0) << "the coffee breaks";
  EXPECT_EQ(cell(by_interval_group, 1, "break_lateness_s"), "") << "no break starts at 08:00: undefined";

  // All groups per interval, each group over the day; contact types have no agents.
  const auto by_interval = csv_rows(dir_ / "csv" / "shift_only_by_interval.csv");
  ASSERT_EQ(by_interval.size(), 1u + 4u);
  EXPECT_EQ(cell(by_interval, 3, "scheduled_agents"), "10");
  for (const char* column : {"present_agents", "agents_on_break", "productive_agents", "overtime_agent_min",
                             "break_lateness_s", "paid_agent_hours"})
    EXPECT_NE(cell(by_interval, 3, column), "?") << column;
  const auto by_group = csv_rows(dir_ / "csv" / "shift_only_by_group.csv");
  EXPECT_EQ(cell(by_group, 1, "scheduled_agents"), "6.5");
  EXPECT_NE(cell(by_group, 1, "break_lateness_s"), "");
  EXPECT_EQ(cell(by_group, 1, "offered"), "?") << "a group lists its own KPIs only";
  const auto by_type = csv_rows(dir_ / "csv" / "shift_only_by_type.csv");
  EXPECT_EQ(cell(by_type, 1, "contact_type"), "calls");
  EXPECT_NE(cell(by_type, 1, "offered"), "?");
  for (const char* column : {"scheduled_agents", "present_agents", "agents_on_break", "productive_agents",
                             "overtime_agent_min", "break_lateness_s", "paid_agent_hours"})
    EXPECT_EQ(cell(by_type, 1, column), "?") << column;
}

// Fractions as the terminal rounds them and one digit more; the JSON keeps every digit.
TEST_F(RunCommand, CsvWritesFractionsWithFourDecimalsAndLeavesOutColumnsEmptyInEveryRow) {
  const std::string ivr = scenario("scenarios/examples/single_day_ivr.json");
  const Outcome o = ccsim("run " + ivr + " --quiet --replications 3 --json r.json --csv csv");
  ASSERT_EQ(o.exit_code, 0) << o.err;
  const nlohmann::json overall = nlohmann::json::parse(slurp(dir_ / "r.json"))["kpis"]["overall"];
  const auto rows = csv_rows(dir_ / "csv" / "single_day_ivr_overall.csv");
  for (const char* kpi : {"service_level", "p_abandon_over_admitted", "occupancy"}) {
    const std::string mean = cell(rows, 1, kpi), hw = cell(rows, 1, std::string(kpi) + "_hw");
    EXPECT_EQ(mean.size(), 6u) << kpi << ": " << mean;  // 0.dddd
    EXPECT_EQ(mean, fmt::format("{:.4f}", overall[kpi]["mean"].get<double>())) << kpi;
    EXPECT_EQ(hw, fmt::format("{:.4f}", overall[kpi]["half_width"].get<double>())) << kpi;
    const nlohmann::json& pooled = overall[kpi]["ratio_of_means"];
    EXPECT_EQ(cell(rows, 1, std::string(kpi) + "_rom"), fmt::format("{:.4f}", pooled["value"].get<double>())) << kpi;
    EXPECT_EQ(cell(rows, 1, std::string(kpi) + "_rom_hw"), fmt::format("{:.4f}", pooled["half_width"].get<double>()))
        << kpi;
  }
  EXPECT_EQ(cell(rows, 1, "offered_rom"), "?") << "a count has no ratio of means";
  const double asa_s = overall["asa_s"]["mean"].get<double>();
  EXPECT_NEAR(std::stod(cell(rows, 1, "asa_s")), asa_s, 1e-9 * asa_s) << "seconds keep their 10 digits";
  EXPECT_EQ(cell(rows, 1, "cost"), "?") << "nothing priced";
  EXPECT_EQ(cell(rows, 1, "break_lateness_s"), "?") << "no breaks";
  const auto pairs = csv_rows(dir_ / "csv" / "single_day_ivr_by_type_group.csv");
  EXPECT_EQ(cell(pairs, 1, "share").size(), 6u) << cell(pairs, 1, "share");
  EXPECT_EQ(cell(pairs, 1, "share_rom").size(), 6u) << cell(pairs, 1, "share_rom");
  // No table keeps a column that no row fills.
  for (const auto& entry : fs::directory_iterator(dir_ / "csv")) {
    const auto table = csv_rows(entry.path());
    for (std::size_t c = 0; c < table[0].size(); ++c) {
      bool filled = false;
      for (std::size_t r = 1; r < table.size(); ++r) filled = filled || !table[r].at(c).empty();
      EXPECT_TRUE(filled) << entry.path() << ": " << table[0][c];
    }
  }

  // One replication: no half-width anywhere, so no _hw column.
  ASSERT_EQ(ccsim("run " + ivr + " --quiet --replications 1 --csv one").exit_code, 0);
  for (const auto& entry : fs::directory_iterator(dir_ / "one")) {
    std::string header;
    std::getline(std::istringstream(slurp(entry.path())) >> std::ws, header);
    EXPECT_EQ(header.find("_hw"), std::string::npos) << entry.path() << ": " << header;
  }
}

// The balk, time-out and disconnection rows appear where the scenario can have them, and
// only there.
TEST_F(RunCommand, TextReportShowsTheCallersOutcomesTheScenarioHas) {
  const Outcome busy = ccsim("run " + scenario("scenarios/examples/busy_days.json") + " --replications 2");
  ASSERT_EQ(busy.exit_code, 0) << busy.err;
  EXPECT_NE(busy.out.find("\n  timed_out "), std::string::npos) << busy.out;
  EXPECT_NE(busy.out.find("\n  p_disconnected_over_offered "), std::string::npos) << busy.out;
  EXPECT_EQ(busy.out.find("\n  balked "), std::string::npos) << "no type balks";
  EXPECT_NE(busy.out.find(" timed_out         disconnected "), std::string::npos) << "by-type columns";
  const Outcome plain = ccsim("run " + scenario("scenarios/examples/single_day_ivr.json") + " --replications 2");
  ASSERT_EQ(plain.exit_code, 0) << plain.err;
  for (const char* key : {"balked", "timed_out", "disconnected"})
    EXPECT_EQ(plain.out.find(key), std::string::npos) << key;
}

// The terminal report says what each service level divides by, and that offered calls
// are not answered or lost only.
TEST_F(RunCommand, TextReportNamesEachServiceLevelAndWhatOfferedCounts) {
  const Outcome o = ccsim("run " + scenario("scenarios/examples/single_day_ivr.json") + " --replications 2");
  ASSERT_EQ(o.exit_code, 0) << o.err;
  EXPECT_NE(o.out.find("\n  (offered counts every call that arrived, blocked and ended in the IVR included: offered "
                       "− answered is not the calls lost; service_level divides by admitted calls (every call "
                       "that joined the queue))\n"),
            std::string::npos)
      << o.out;
  const auto header_of = [&o](const std::string& title) {
    const auto at = o.out.find(title);
    const auto start = o.out.find('\n', at) + 1;
    return at == std::string::npos ? std::string() : o.out.substr(start, o.out.find('\n', start) - start);
  };
  EXPECT_NE(header_of("By agent group (").find(" sl_over_answered "), std::string::npos) << o.out;
  EXPECT_NE(header_of("By contact type and agent group (").find(" sl_over_answered "), std::string::npos) << o.out;
  EXPECT_NE(o.out.find("By agent group (service level and ASA of the calls the group answered; sl_over_answered: "
                       "answered within t over answered)"),
            std::string::npos);
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

// A day of one type whose talk time is `talk`.
std::string day_with_talk(const std::string& talk) {
  return R"({ "mode": "day", "period_s": 3600, "num_periods": 1,
    "contact_types": [ { "name": "calls", "arrivals": { "process": "poisson", "rate_per_hour": 60 },
      "talk": )" + talk + R"(, "patience": { "dist": "exponential", "mean_s": 120 } } ],
    "agent_groups": [ { "name": "agents", "staffing": 2 } ],
    "router": { "type_to_group": { "calls": ["agents"] } }, "rng": { "seed": 1, "replications": 2 } })";
}

TEST_F(RunCommand, ALawWhoseDrawsOverflowIsRefusedBeforeTheRun) {
  // This passed validate, then the run ended with "event kind 3 scheduled at t=-nan".
  std::ofstream(dir_ / "gamma.json") << day_with_talk(R"({ "dist": "gamma", "mean_s": 180, "cv": 1e200 })");
  for (const char* command : {"validate", "run"}) {
    const Outcome o = ccsim(std::string(command) + " gamma.json");
    EXPECT_EQ(o.exit_code, 2) << command << ": " << o.err;
    EXPECT_EQ(o.err,
              "gamma.json: /contact_types/0/talk: gamma law with mean_s 180.0 and cv 1e+200 would draw values that are "
              "not finite numbers (inf); accepted: cv <= 1.83e+152 with mean_s 180.0, so that the mean and every draw "
              "are finite\n")
        << command;
  }
  // 4e9 Erlang phases used to cost 4e9 logarithms per draw.
  std::ofstream(dir_ / "erlang.json") << day_with_talk(R"({ "dist": "erlang", "k": 4000000000, "mean_s": 180 })");
  const Outcome o = ccsim("run --quiet erlang.json");
  EXPECT_EQ(o.exit_code, 0) << o.err;
}

TEST_F(RunCommand, InputsThatAreNotRegularFilesExitWith2AtOnce) {
  // /dev/zero was read until bad_alloc (exit 4) and a FIFO blocked for ever; the shell's
  // timeout turns a hang into a failure here rather than a stuck suite.
  ASSERT_EQ(shell("mkfifo fifo.json").exit_code, 0);
  std::ofstream(dir_ / "big.json") << "{}";
  fs::resize_file(dir_ / "big.json", 64 * 1024 * 1024 + 1);
  const std::pair<const char*, const char*> cases[] = {
      {"/dev/zero", "/dev/zero: cannot read the scenario file: it is a character device, not a regular file (expected "
                    "a .json file)\n"},
      {"fifo.json", "fifo.json: cannot read the scenario file: it is a named pipe (FIFO), not a regular file (expected "
                    "a .json file)\n"},
      {"big.json", "big.json: cannot read the scenario file: it is 67108865 bytes, over the 64 MiB limit for an input "
                   "file; is it the right file?\n"}};
  for (const auto& [path, message] : cases) {
    // sweep says first which point it was loading.
    for (const char* command : {"validate", "run", "sweep --vary /agent_groups/0/staffing=1,2"}) {
      const Outcome o = shell("timeout 20 " + std::string(CCSIM_BINARY) + " " + command + " " + path);
      EXPECT_EQ(o.exit_code, 2) << command << " " << path;
      EXPECT_TRUE(o.err.ends_with(message)) << command << " " << path << ": " << o.err;
    }
  }
}

TEST_F(RunCommand, DeeplyNestedFilesExitWith2InLittleMemory) {
  // 80 KB nested 40,000 deep took 1.6 GB; under a 1 GB address-space limit that was
  // bad_alloc, exit 4.
  if (ccsim::test_support::kAddressSanitizer) GTEST_SKIP() << "ulimit -v stops an ASan build from starting";
  std::ofstream(dir_ / "arrays.json") << std::string(40000, '[') << std::string(40000, ']');
  std::string objects;
  for (int i = 0; i < 40000; ++i) objects += R"({"a":)";
  std::ofstream(dir_ / "objects.json") << objects << "1" << std::string(40000, '}');
  for (const char* file : {"arrays.json", "objects.json"}) {
    for (const char* command : {"validate", "run"}) {
      const Outcome o = shell("ulimit -v 1000000 && " + std::string(CCSIM_BINARY) + " " + command + " " + file);
      EXPECT_EQ(o.exit_code, 2) << command << " " << file << ": " << o.err;
      EXPECT_NE(o.err.find(": arrays and objects nested more than 64 levels deep; at most 64 are accepted"),
                std::string::npos)
          << o.err;
    }
  }
}

// A key holding a newline printed one problem on two lines; a file name or a name from
// the scenario can hold one too, or an escape sequence for the terminal.
TEST_F(RunCommand, EveryProblemIsOneLineWhateverKeysAndFileNamesHold) {
  std::string text = day_with_talk(R"({ "dist": "exponential", "mean_s": 180 })");
  text.insert(1, "\"x\\ny\": 1, ");
  std::ofstream(dir_ / "two\nlines.json") << text;
  const std::string file = R"sh("$(printf 'two\nlines.json')")sh";
  for (const char* command : {"validate", "run"}) {
    const Outcome o = ccsim(std::string(command) + " " + file);
    EXPECT_EQ(o.exit_code, 2) << o.err;
    EXPECT_TRUE(o.err.starts_with(R"(two\nlines.json: /x\ny: unknown key "x\ny"; known: name, description,)")) << o.err;
    EXPECT_EQ(std::count(o.err.begin(), o.err.end(), '\n'), 1) << o.err;
  }
  std::ofstream(dir_ / "good.json") << day_with_talk(R"({ "dist": "exponential", "mean_s": 180 })");
  const Outcome o = ccsim(R"sh(run good.json --quiet --json "$(printf '/proc/no\033[2J\nway.json')")sh");
  EXPECT_EQ(o.exit_code, 2) << o.err;
  EXPECT_TRUE(o.err.starts_with("ccsim run: cannot write /proc/no\\u001b[2J\\nway.json (--json): ")) << o.err;
  EXPECT_EQ(std::count(o.err.begin(), o.err.end(), '\n'), 1) << o.err;
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

// Before, a scenario named "../../x" put its CSV tables two folders above --csv, and one
// named "/abs/x" in /abs. Every name now maps to a file name inside the folder.
TEST_F(RunCommand, CsvFileNamesStayInTheChosenFolderWhateverTheScenarioName) {
  fs::create_directories(dir_ / "abs");
  std::string absolute = (dir_ / "abs" / "x").string();
  std::string absolute_stem = absolute;
  std::replace(absolute_stem.begin(), absolute_stem.end(), '/', '_');
  for (const auto& [name, stem] : std::vector<std::pair<std::string, std::string>>{
           {"../../escaped", "______escaped"}, {absolute, absolute_stem}, {"tab\there", "tab_here"}}) {
    std::string text = day_with_talk(R"({ "dist": "exponential", "mean_s": 180 })");
    text.insert(1, "\"name\": " + nlohmann::json(name).dump() + ", ");
    std::ofstream(dir_ / "named.json") << text;
    const Outcome o = ccsim("run named.json --quiet --csv a/b");
    ASSERT_EQ(o.exit_code, 0) << name << "\n" << o.err;
    EXPECT_TRUE(fs::exists(dir_ / "a" / "b" / (stem + "_overall.csv"))) << name;
  }
  EXPECT_FALSE(fs::exists(dir_ / "escaped_overall.csv"));
  EXPECT_FALSE(fs::exists(dir_ / "abs" / "x_overall.csv"));
  EXPECT_EQ(std::distance(fs::directory_iterator(dir_ / "abs"), fs::directory_iterator()), 0);
}

// Before, the second output silently replaced the first (and --json could overwrite the
// scenario itself).
TEST_F(RunCommand, OutputsThatNameTheSameFileAreRefusedNamingBothOptions) {
  fs::copy_file(scenario("scenarios/examples/erlang_c_14_agents.json"), dir_ / "s.json");
  const std::string run = "run s.json --quiet --replications 2 ";
  for (const auto& [args, message] : std::vector<std::pair<std::string, std::string>>{
           {"--json a.json --html a.json", "--json a.json and --html a.json name the same file"},
           {"--json a.json --trace ./a.json", "--json a.json and --trace ./a.json name the same file"},
           {"--csv out --html out/s_overall.csv", "--html out/s_overall.csv and --csv out/s_overall.csv name the same file"},
           {"--json s.json", "--json s.json would replace the scenario s.json"}}) {
    const Outcome o = ccsim(run + args);
    EXPECT_EQ(o.exit_code, 2) << args;
    EXPECT_TRUE(o.err.starts_with("ccsim run: " + message)) << o.err;
  }
  EXPECT_FALSE(fs::exists(dir_ / "a.json"));
  EXPECT_FALSE(fs::exists(dir_ / "out"));
}

// Before, a run found an output it could not write only once it had simulated (and
// printed) everything.
TEST_F(RunCommand, UnwritableOutputsAreRefusedBeforeAnySimulation) {
  std::ofstream(dir_ / "plain") << "x";
  fs::create_directories(dir_ / "folder");
  const Outcome o = ccsim("run " + scenario("scenarios/examples/erlang_c_14_agents.json") +
                          " --json plain/r.json --html folder --csv plain");
  EXPECT_EQ(o.exit_code, 2);
  EXPECT_EQ(o.out, "");
  EXPECT_EQ(o.err,
            "ccsim run: cannot write plain/r.json (--json): plain is not a folder\n"
            "ccsim run: cannot write folder (--html): it is a folder\n"
            "ccsim run: cannot write plain/erlang_c_14_agents_targets.csv (--csv): plain is not a folder\n");
}

}  // namespace
