// tests/cli/trace_test.cc
// `ccsim run --trace`: the streamed CSV / JSON lines agree with the run's own KPIs,
// follow every call from its arrival, leave the results untouched, and bad trace
// arguments exit 2.
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/cli/cli_test_support.h"

namespace {

using ccsim::test_support::Outcome;
using ccsim::test_support::slurp;
using Trace = ccsim::test_support::CliTest;

std::vector<std::string> split(const std::string& line) {
  std::vector<std::string> cells;
  std::stringstream s(line);
  for (std::string cell; std::getline(s, cell, ',');) cells.push_back(cell);
  if (!line.empty() && line.back() == ',') cells.emplace_back();
  return cells;
}

// What a trace says about a run: counts per event, and whether every call's events
// come after its arrival in time order.
struct Summary {
  std::map<std::string, int> events;
  bool calls_follow_arrivals = true;
  bool time_ordered = true;
};

void observe(Summary& s, std::map<long, double>& arrival_of, double& last_t, const std::string& event, long call,
             double t) {
  ++s.events[event];
  if (t < last_t) s.time_ordered = false;
  last_t = t;
  if (event == "arrival") {
    arrival_of[call] = t;
  } else if (call > 0) {
    const auto it = arrival_of.find(call);
    if (it == arrival_of.end() || it->second > t) s.calls_follow_arrivals = false;
  }
}

Summary read_csv(const std::string& text) {
  Summary s;
  std::map<long, double> arrival_of;
  double last_t = 0;
  std::stringstream in(text);
  std::string line;
  std::getline(in, line);
  EXPECT_EQ(line, "replication,time_s,event,call,contact_type,agent_group,agent,wait_s,lateness_s,delay_s");
  while (std::getline(in, line)) {
    const auto c = split(line);
    EXPECT_EQ(c.size(), 10u) << line;
    if (c.size() != 10) continue;
    observe(s, arrival_of, last_t, c[2], c[3].empty() ? 0 : std::stol(c[3]), std::stod(c[1]));
  }
  return s;
}

Summary read_jsonl(const std::string& text) {
  Summary s;
  std::map<long, double> arrival_of;
  double last_t = 0;
  std::stringstream in(text);
  for (std::string line; std::getline(in, line);) {
    const auto j = nlohmann::json::parse(line);
    observe(s, arrival_of, last_t, j.at("event"), j.value("call", 0L), j.at("time_s"));
  }
  return s;
}

double kpi(const nlohmann::json& results, const char* name) {
  return results["kpis"]["overall"][name]["mean"].get<double>();
}

TEST_F(Trace, CsvCountsEveryArrivalAnswerAndAbandonOfTheRun) {
  const std::string csv = (dir_ / "trace.csv").string();
  const std::string json = (dir_ / "r.json").string();
  const Outcome o = ccsim("run " + scenario("scenarios/examples/single_day_ivr.json") +
                          " --replications 1 --quiet --json " + json + " --trace " + csv);
  ASSERT_EQ(o.exit_code, 0) << o.err;
  const auto results = nlohmann::json::parse(slurp(json));
  Summary s = read_csv(slurp(csv));
  EXPECT_GT(s.events.at("arrival"), 1000);
  EXPECT_EQ(s.events.at("arrival"), kpi(results, "offered"));
  EXPECT_EQ(s.events.at("answered"), kpi(results, "answered"));
  EXPECT_EQ(s.events["abandoned"], kpi(results, "abandoned"));
  EXPECT_EQ(s.events["ivr_contained"], kpi(results, "ivr_contained"));
  EXPECT_EQ(s.events.at("talk_end"), s.events.at("answered"));
  // Every agent that logs off logged on first; one that ends its shift busy logs off later.
  EXPECT_GT(s.events.at("log_on"), 0);
  EXPECT_LE(s.events.at("log_off"), s.events.at("log_on"));
  EXPECT_LE(s.events["shift_end"], s.events.at("log_off"));
  EXPECT_TRUE(s.calls_follow_arrivals);
  EXPECT_TRUE(s.time_ordered);
}

TEST_F(Trace, JsonLinesTraceTheChosenReplicationAndLeaveResultsUnchanged) {
  const std::string trace = (dir_ / "trace.jsonl").string();
  const std::string with = (dir_ / "with.json").string();
  const std::string without = (dir_ / "without.json").string();
  const std::string file = scenario("scenarios/examples/two_skill_overflow_15min.json");
  ASSERT_EQ(ccsim("run " + file + " --replications 4 --threads 2 --quiet --json " + with + " --trace " + trace +
                  " --trace-replication 2")
                .exit_code,
            0);
  ASSERT_EQ(ccsim("run " + file + " --replications 4 --quiet --json " + without).exit_code, 0);
  const auto a = nlohmann::json::parse(slurp(with));
  const auto b = nlohmann::json::parse(slurp(without));
  EXPECT_EQ(a["fingerprint"], b["fingerprint"]);
  EXPECT_EQ(a["kpis"], b["kpis"]);
  Summary s = read_jsonl(slurp(trace));
  EXPECT_GT(s.events.at("answered"), 100);
  EXPECT_TRUE(s.calls_follow_arrivals);
  EXPECT_NE(slurp(trace).find("\"replication\":2,"), std::string::npos);
  EXPECT_EQ(slurp(trace).find("\"replication\":0,"), std::string::npos);
}

// The wait a caller is told is endless while none of its agents is on duty (group g is
// off in the first hour): the offer's line still parses, without a wait_s.
TEST_F(Trace, ACallbackOfferToldAnEndlessWaitIsStillValidJson) {
  std::ofstream(dir_ / "endless.json") << R"({"mode": "day", "period_s": 3600, "num_periods": 2,
    "contact_types": [
      {"name": "a", "arrivals": {"process": "piecewise_poisson", "per_period": [60, 60]},
       "talk": {"dist": "exponential", "mean_s": 200},
       "callback": {"offer_above_wait_s": 0, "p_accept": 0.5, "to": "cb"}},
      {"name": "cb", "talk": {"dist": "constant", "value_s": 100}}],
    "agent_groups": [{"name": "g", "staffing": [0, 3]}, {"name": "h", "staffing": [2, 2]}],
    "router": {"type_to_group": {"a": ["g"], "cb": ["h"]}}, "rng": {"seed": 1, "replications": 1}})";
  const Outcome o = ccsim("run endless.json --quiet --json r.json --trace t.jsonl");
  ASSERT_EQ(o.exit_code, 0) << o.err;
  int offers = 0, endless = 0;
  std::stringstream in(slurp((dir_ / "t.jsonl").string()));
  for (std::string line; std::getline(in, line);) {
    const auto j = nlohmann::json::parse(line);
    if (j.at("event") != "callback_accepted" && j.at("event") != "callback_declined") continue;
    ++offers;
    endless += !j.contains("wait_s");
  }
  EXPECT_GT(endless, 10);
  EXPECT_GT(offers, endless);
}

TEST_F(Trace, BadTraceArgumentsExitTwoAndSayWhatIsAccepted) {
  const std::string file = scenario("scenarios/examples/single_day_ivr.json");
  Outcome o = ccsim("run " + file + " --trace " + (dir_ / "trace.txt").string());
  EXPECT_EQ(o.exit_code, 2);
  EXPECT_NE(o.err.find("use a .csv or .jsonl file"), std::string::npos) << o.err;
  o = ccsim("run " + file + " --trace " + (dir_ / "t.csv").string() + " --trace-format xml");
  EXPECT_EQ(o.exit_code, 2);
  EXPECT_NE(o.err.find("accepted: csv, jsonl"), std::string::npos) << o.err;
  o = ccsim("run " + file + " --replications 3 --trace " + (dir_ / "t.csv").string() + " --trace-replication 3");
  EXPECT_EQ(o.exit_code, 2);
  EXPECT_NE(o.err.find("replications 0..2"), std::string::npos) << o.err;
  // A folder is created when missing, but not inside a file.
  std::ofstream(dir_ / "a_file") << "x";
  const std::string blocked = (dir_ / "a_file" / "t.csv").string();
  o = ccsim("run " + file + " --trace " + blocked);
  EXPECT_EQ(o.exit_code, 2);
  EXPECT_NE(o.err.find("cannot write " + blocked), std::string::npos) << o.err;
  o = ccsim("run " + file + " --replications 2 --quiet --trace " + (dir_ / "new" / "t.csv").string());
  EXPECT_EQ(o.exit_code, 0) << o.err;
  EXPECT_TRUE(std::filesystem::exists(dir_ / "new" / "t.csv"));
  o = ccsim("run " + file + " --trace-replication 1");
  EXPECT_EQ(o.exit_code, 2);
  EXPECT_NE(o.err.find("--trace-replication requires --trace"), std::string::npos) << o.err;
}

}  // namespace
