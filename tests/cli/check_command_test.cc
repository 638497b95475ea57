// tests/cli/check_command_test.cc
// `ccsim check` as CI runs it: exit codes for met, missed and inconclusive targets, a
// byte-identical --update, a shifted KPI flagged and a small or noisy one not, the
// fingerprint reported when it changes, renamed groups, sequential stopping that does
// not depend on the thread count, and exit 2 with located errors for bad baselines.
#include <filesystem>
#include <fstream>
#include <string>

#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "tests/cli/cli_test_support.h"

namespace {

namespace fs = std::filesystem;
using ccsim::test_support::Outcome;
using ccsim::test_support::slurp;
using nlohmann::json;

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

class CheckCommand : public ccsim::test_support::CliTest {
 protected:
  // A copy of a shipped scenario in the test folder, edited by `edit`; same file name,
  // so the same scenario name and default baseline path.
  template <class Edit>
  std::string edited(const std::string& relative, Edit edit) {
    json doc = json::parse(slurp(scenario(relative)));
    edit(doc);
    const fs::path copy = dir_ / "edited" / fs::path(relative).filename();
    fs::create_directories(copy.parent_path());
    std::ofstream(copy) << doc.dump(2);
    return copy.string();
  }

  json report(const std::string& name) { return json::parse(slurp(dir_ / name)); }
};

const std::string kErlangC = "scenarios/examples/erlang_c_14_agents.json";

TEST_F(CheckCommand, TargetsMetWithoutBaselineExit0AndSayHowToWriteOne) {
  const Outcome o = ccsim("check " + scenario(kErlangC));
  EXPECT_EQ(o.exit_code, 0) << o.out << o.err;
  EXPECT_TRUE(has(o.out, "targets: 1 met, 0 missed, 0 inconclusive")) << o.out;
  EXPECT_TRUE(has(o.out, "none at results/erlang_c_14_agents.json; `ccsim check --update` writes one")) << o.out;
  EXPECT_TRUE(has(o.out, "exit 0: every target met")) << o.out;
}

TEST_F(CheckCommand, MissedTargetExits1) {
  const Outcome o = ccsim("check " + scenario("scenarios/examples/erlang_a_abandonment.json"));
  EXPECT_EQ(o.exit_code, 1) << o.out << o.err;
  EXPECT_TRUE(has(o.out, "MISSED")) << o.out;
  EXPECT_TRUE(has(o.out, "exit 1: 2 targets missed")) << o.out;
  // --no-targets: nothing judged, nothing to fail.
  EXPECT_EQ(ccsim("check " + scenario("scenarios/examples/erlang_a_abandonment.json") + " --no-targets").exit_code, 0);
}

// The planner's case: the day meets every target, some intervals do not. A target on
// every interval makes check fail; the same target on 80 % of the intervals passes.
TEST_F(CheckCommand, AnIntervalTargetFailsWhereTheDayPasses) {
  const std::string day_ok = "scenarios/examples/single_day_ivr.json";
  const Outcome o = ccsim("check " + edited(day_ok, [](json& d) {
                            d["targets"].push_back({{"kpi", "service_level"}, {"min", 0.8}, {"scope", "intervals"}});
                          }) + " --json r.json");
  EXPECT_EQ(o.exit_code, 1) << o.out << o.err;
  EXPECT_TRUE(has(o.out, "service_level >= 80.0% within 20 s, every interval  MISSED        met in ")) << o.out;
  const json t = report("r.json")["targets"].back();
  EXPECT_EQ(t["scope"], "intervals");
  EXPECT_GT(t["intervals"]["missed"].get<int>(), 0);
  EXPECT_EQ(t["verdict"], "missed");
  const Outcome share = ccsim("check " + edited(day_ok, [](json& d) {
                                d["targets"].push_back({{"kpi", "service_level"}, {"min", 0.8}, {"scope", "intervals"},
                                                        {"share_of_intervals", 0.75}});
                              }));
  EXPECT_EQ(share.exit_code, 0) << share.out << share.err;
}

TEST_F(CheckCommand, InconclusiveTargetExits3AndSaysHowManyReplications) {
  const Outcome o = ccsim("check " + scenario("scenarios/examples/longest_weighted_wait.json") + " --json r.json");
  EXPECT_EQ(o.exit_code, 3) << o.out << o.err;
  EXPECT_TRUE(has(o.out, "(about ")) << o.out;
  EXPECT_TRUE(has(o.out, " replications would decide it")) << o.out;
  const json r = report("r.json");
  EXPECT_EQ(r["schema"], "ccsim.check/2");
  EXPECT_EQ(r["exit_code"], 3);
  EXPECT_EQ(r["targets"][0]["verdict"], "inconclusive");
  EXPECT_GT(r["targets"][0]["needed"].get<double>(), 20.0);
}

TEST_F(CheckCommand, OneReplicationGivesNoIntervalAndSaysSo) {
  const Outcome o = ccsim("check " + scenario(kErlangC) + " --replications 1");
  EXPECT_EQ(o.exit_code, 3);
  EXPECT_TRUE(has(o.out, "no confidence interval from 1 observation: run at least 2 replications")) << o.out;
}

TEST_F(CheckCommand, UpdateIsByteIdenticalAndTheNextCheckPasses) {
  ASSERT_EQ(ccsim("check " + scenario(kErlangC) + " --update --threads 1").exit_code, 0);
  const std::string first = slurp(dir_ / "results" / "erlang_c_14_agents.json");
  const Outcome again = ccsim("check " + scenario(kErlangC) + " --update --threads 2");
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_TRUE(has(again.out, "replacing the previous one")) << again.out;
  EXPECT_EQ(slurp(dir_ / "results" / "erlang_c_14_agents.json"), first);
  EXPECT_TRUE(has(first, "\"schema\": \"ccsim.baseline/2\"")) << first.substr(0, 200);
  EXPECT_FALSE(has(first, "wall")) << "wall time would make regenerated baselines differ";

  const Outcome o = ccsim("check " + scenario(kErlangC) + " --require-fingerprint --json r.json");
  EXPECT_EQ(o.exit_code, 0) << o.out << o.err;
  EXPECT_EQ(o.err, "ccsim check: wrote r.json\n");
  EXPECT_TRUE(has(o.out, "KPIs compared, none changed")) << o.out;
  EXPECT_TRUE(has(o.out, "fingerprint: same as the baseline's")) << o.out;
  const json r = report("r.json");
  EXPECT_EQ(r["fingerprint"]["status"], "same");
  EXPECT_EQ(r["comparison"]["changed"].size(), 0u);
  EXPECT_EQ(r["comparison"]["counts"]["same"], r["comparison"]["compared"]);
}

TEST_F(CheckCommand, ShiftedKpisBeyondToleranceAreFlaggedAndTheFingerprintChangeReported) {
  ASSERT_EQ(ccsim("check " + scenario(kErlangC) + " --update").exit_code, 0);
  // 10 % longer talk: waits and occupancy move far beyond tolerance and noise.
  const std::string slower = edited(kErlangC, [](json& d) { d["contact_types"][0]["talk"]["mean_s"] = 1.1 * 180.0; });
  const Outcome o = ccsim("check " + slower + " --baseline results/erlang_c_14_agents.json --json r.json");
  EXPECT_EQ(o.exit_code, 1) << o.out << o.err;
  EXPECT_TRUE(has(o.out, "changed    overall/asa_s: ")) << o.out;
  EXPECT_TRUE(has(o.out, "; p ")) << o.out;
  EXPECT_TRUE(has(o.out, "fingerprint: CHANGED from ")) << o.out;
  const json r = report("r.json");
  EXPECT_EQ(r["fingerprint"]["status"], "changed");
  ASSERT_GT(r["comparison"]["changed"].size(), 0u);
  const json& first = r["comparison"]["changed"][0];
  EXPECT_LE(first["p_adjusted"].get<double>(), 0.01);
  EXPECT_GT(std::abs(first["difference"].get<double>()), first["tolerance"].get<double>());

  // The same shift within generous tolerances is not flagged; the fingerprint change is
  // still reported, and fails only with --require-fingerprint.
  const std::string loose = " --tolerance-relative 10 --tolerance-fraction 1 --no-targets";
  const Outcome within = ccsim("check " + slower + " --baseline results/erlang_c_14_agents.json" + loose);
  EXPECT_EQ(within.exit_code, 0) << within.out;
  EXPECT_TRUE(has(within.out, "none changed")) << within.out;
  EXPECT_TRUE(has(within.out, "fingerprint: CHANGED from ")) << within.out;
  const Outcome required =
      ccsim("check " + slower + " --baseline results/erlang_c_14_agents.json --require-fingerprint" + loose);
  EXPECT_EQ(required.exit_code, 1) << required.out;
  EXPECT_TRUE(has(required.out, "fingerprint changed (--require-fingerprint)")) << required.out;
}

TEST_F(CheckCommand, ToleranceFromTheScenarioFile) {
  ASSERT_EQ(ccsim("check " + scenario(kErlangC) + " --update").exit_code, 0);
  const std::string slower = edited(kErlangC, [](json& d) {
    d["contact_types"][0]["talk"]["mean_s"] = 1.1 * 180.0;
    d["check"] = {{"tolerance", {{"relative", 10.0}, {"fraction", 1.0}}}};
  });
  const Outcome o = ccsim("check " + slower + " --baseline results/erlang_c_14_agents.json --no-targets");
  EXPECT_EQ(o.exit_code, 0) << o.out;
  EXPECT_TRUE(has(o.out, "tolerance 100.0% on fractions, 1000% relative otherwise")) << o.out;
}

// The baseline records what service_level measured. The same calls under another
// threshold or definition is another measure: the check says which and fails, even where
// the values happen to agree (over admitted equals over answered without abandons).
TEST_F(CheckCommand, AServiceLevelDefinedDifferentlyFromTheBaselinesFails) {
  ASSERT_EQ(ccsim("check " + scenario(kErlangC) + " --update").exit_code, 0);
  const json b = json::parse(slurp(dir_ / "results" / "erlang_c_14_agents.json"));
  EXPECT_EQ(b["service_level"],
            json::parse(R"({"definition": "answered_within_t_over_answered", "awt_s": 20.0, "short_abandon_s": 5.0,
                            "by_type": {"calls": {"definition": "answered_within_t_over_answered", "awt_s": 20.0,
                                                  "short_abandon_s": 5.0}}})"));
  const std::string over_admitted = edited(kErlangC, [](json& d) {
    d["service_level"]["definition"] = "answered_within_t_over_admitted";
    d["service_level"]["awt_s"] = 30;
  });
  const Outcome o = ccsim("check " + over_admitted + " --baseline results/erlang_c_14_agents.json --no-targets "
                          "--json r.json");
  EXPECT_EQ(o.exit_code, 1) << o.out << o.err;
  EXPECT_TRUE(has(o.out, "service level: DEFINED DIFFERENTLY from the baseline's")) << o.out;
  EXPECT_TRUE(has(o.out, "  the scenario: definition answered_within_t_over_answered in the baseline, "
                         "answered_within_t_over_admitted here\n"))
      << o.out;
  EXPECT_TRUE(has(o.out, "  contact type \"calls\": awt_s 20 s in the baseline, 30 s here\n")) << o.out;
  EXPECT_TRUE(has(o.out, "exit 1: ")) << o.out;
  EXPECT_TRUE(has(o.out, "service level defined differently from the baseline's")) << o.out;
  EXPECT_EQ(report("r.json")["comparison"]["service_level_changes"].size(), 4u) << "definition and awt_s, twice";
  // Nobody abandons here: over admitted is over answered, the same values under another name.
  const std::string renamed =
      edited(kErlangC, [](json& d) { d["service_level"]["definition"] = "answered_within_t_over_admitted"; });
  const Outcome values_agree =
      ccsim("check " + renamed + " --baseline results/erlang_c_14_agents.json --no-targets");
  EXPECT_EQ(values_agree.exit_code, 1) << values_agree.out << values_agree.err;
  EXPECT_TRUE(has(values_agree.out, "none changed")) << values_agree.out;
  EXPECT_TRUE(has(values_agree.out, "exit 1: service level defined differently from the baseline's\n"))
      << values_agree.out;
  // Unchanged: no line, and a baseline written before the record (no key) compares as before.
  json old = b;
  old.erase("service_level");
  std::ofstream(dir_ / "old.json") << old.dump();
  const Outcome same = ccsim("check " + scenario(kErlangC) + " --baseline old.json --no-targets");
  EXPECT_EQ(same.exit_code, 0) << same.out << same.err;
  EXPECT_FALSE(has(same.out, "service level:")) << same.out;
}

TEST_F(CheckCommand, AnotherSeedIsNoiseNotAChangeButItsFingerprintIsNotComparable) {
  ASSERT_EQ(ccsim("check " + scenario(kErlangC) + " --update").exit_code, 0);
  const Outcome o = ccsim("check " + scenario(kErlangC) + " --seed 7");
  EXPECT_EQ(o.exit_code, 0) << o.out;
  EXPECT_TRUE(has(o.out, "none changed")) << o.out;
  EXPECT_TRUE(has(o.out, "not comparable with the baseline's")) << o.out;
  EXPECT_TRUE(has(o.out, "(seed 7 here, 20261123 in the baseline)")) << o.out;
  const Outcome required = ccsim("check " + scenario(kErlangC) + " --seed 7 --require-fingerprint");
  EXPECT_EQ(required.exit_code, 1);
  EXPECT_TRUE(has(required.out, "fingerprints not comparable (--require-fingerprint)")) << required.out;
}

// False alarms: unchanged code against every shipped example's baseline, with few
// replications (where a sample's sd is often tiny by chance) and with other seeds. The
// family-wise alpha is 0.01 per check, so a flag here is a bug, not bad luck, unless it
// recurs in under 1 % of these 28 checks.
TEST_F(CheckCommand, UnchangedCodeIsNeverFlaggedWithFewReplicationsOrAnotherSeed) {
  for (const char* name : {"erlang_a_abandonment", "erlang_c_14_agents", "longest_weighted_wait",
                           "overflow_after_delay", "reservation", "single_day_ivr", "two_skill_overflow_15min"}) {
    const std::string file = scenario(std::string("scenarios/examples/") + name + ".json");
    const std::string base = " --no-targets --baseline " + scenario(std::string("results/") + name + ".json");
    for (const char* run : {" --replications 2", " --replications 3", " --seed 11", " --seed 12 --replications 5"}) {
      const Outcome o = ccsim("check " + file + base + run);
      EXPECT_EQ(o.exit_code, 0) << name << run << "\n" << o.out << o.err;
      EXPECT_TRUE(has(o.out, "none changed")) << name << run << "\n" << o.out;
    }
  }
}

// Power: 5 % longer talk in the day scenario moves its waits by well over the tolerance,
// and the comparison (30 replications a side) must see it, pooled or paired. With 1 %
// only the paired test of the overall KPIs (same seed and replications: common random
// numbers) can: the abandoned calls move by 5 to 6 %, a fifth of their run-to-run spread.
TEST_F(CheckCommand, LongerTalkIsFlaggedAndCommonRandomNumbersSeeOnePercent) {
  const auto slower_by = [&](double factor) {
    return edited("scenarios/examples/single_day_ivr.json", [factor](json& d) {
      for (json& t : d["contact_types"]) t["talk"]["mean_s"] = factor * t["talk"]["mean_s"].get<double>();
    });
  };
  const std::string baseline = " --no-targets --baseline " + scenario("results/single_day_ivr.json");
  const Outcome five = ccsim("check " + slower_by(1.05) + baseline + " --json five.json");
  EXPECT_EQ(five.exit_code, 1) << five.out << five.err;
  EXPECT_TRUE(has(five.out, "changed    overall/asa_s: ")) << five.out;
  // By the pooled test (the text lists the first 20 changes; the JSON every one).
  const json changed = report("five.json")["comparison"]["changed"];
  EXPECT_TRUE(std::ranges::any_of(changed, [](const json& k) {
    return k["pointer"] == "/kpis/by_type/service/p_wait_over_admitted" && k["test"] == "pooled";
  })) << changed.dump();

  const Outcome one = ccsim("check " + slower_by(1.01) + baseline + " --json r.json");
  EXPECT_EQ(one.exit_code, 1) << one.out << one.err;
  EXPECT_TRUE(has(one.out, "overall KPIs paired on 30 common-random-number observations")) << one.out;
  EXPECT_TRUE(has(one.out, "changed    overall/abandoned: ")) << one.out;
  const json r = report("r.json");
  EXPECT_EQ(r["comparison"]["paired_on"], 30);
  for (const json& k : r["comparison"]["changed"]) EXPECT_EQ(k["test"], "paired") << k.dump();

  // Another seed cannot be paired: the same 1 % then stays within the noise.
  const Outcome other_seed = ccsim("check " + slower_by(1.01) + baseline + " --seed 5");
  EXPECT_EQ(other_seed.exit_code, 0) << other_seed.out;
  EXPECT_TRUE(has(other_seed.out, "none changed (pooled t-test;")) << other_seed.out;
}

TEST_F(CheckCommand, UpdateDoesNotOverwriteAnotherScenariosBaseline) {
  const fs::path other = dir_ / "model_b.json";
  fs::copy_file(scenario("results/model_b.json"), other);
  const std::string before = slurp(other);
  const Outcome o = ccsim("check " + scenario(kErlangC) + " --update --baseline " + other.string());
  EXPECT_EQ(o.exit_code, 2) << o.out;
  EXPECT_TRUE(has(o.err, "this is the baseline of scenario \"model_b\", not \"erlang_c_14_agents\"")) << o.err;
  EXPECT_EQ(slurp(other), before);
  EXPECT_EQ(ccsim("check " + scenario(kErlangC) + " --update --alpha 0.1").exit_code, 2);
}

TEST_F(CheckCommand, OneReplicationPerSideCannotBeTestedAndSaysSo) {
  ASSERT_EQ(ccsim("check " + scenario(kErlangC) + " --update --replications 1 --no-targets").exit_code, 0);
  const std::string slower = edited(kErlangC, [](json& d) { d["contact_types"][0]["talk"]["mean_s"] = 1.1 * 180.0; });
  const Outcome o =
      ccsim("check " + slower + " --baseline results/erlang_c_14_agents.json --replications 1 --no-targets");
  EXPECT_EQ(o.exit_code, 3) << o.out;
  EXPECT_TRUE(has(o.out, "undecided")) << o.out;
  EXPECT_TRUE(has(o.out, "n < 2 on each side: no test")) << o.out;
}

TEST_F(CheckCommand, RenamedGroupIsReportedNotACrash) {
  const std::string day = "scenarios/examples/single_day_ivr.json";
  ASSERT_EQ(ccsim("check " + scenario(day) + " --update --replications 3 --no-targets").exit_code, 0);
  const std::string renamed = edited(day, [](json& d) {
    std::string text = d.dump();
    for (std::size_t p = text.find("\"generalists\""); p != std::string::npos; p = text.find("\"generalists\""))
      text.replace(p, 13, "\"helpdesk\"");
    d = json::parse(text);
  });
  const Outcome o = ccsim("check " + renamed + " --baseline results/single_day_ivr.json --replications 3 --no-targets");
  EXPECT_EQ(o.exit_code, 1) << o.out << o.err;
  EXPECT_TRUE(has(o.out, "missing from this run: by_group/generalists (18 KPIs)")) << o.out;
  EXPECT_TRUE(has(o.out, "by_interval/*/by_group/generalists (448 KPIs)")) << o.out;
  EXPECT_TRUE(has(o.out, "new in this run (not in the baseline; --update adds them): by_group/helpdesk")) << o.out;
}

TEST_F(CheckCommand, SequentialStopsAtTheSameReplicationWithOneAndTwoThreads) {
  const std::string lww = scenario("scenarios/examples/longest_weighted_wait.json");
  const Outcome one = ccsim("check " + lww + " --sequential --max-replications 2000 --threads 1 --json t1.json");
  const Outcome two = ccsim("check " + lww + " --sequential --max-replications 2000 --threads 2 --json t2.json");
  json a = report("t1.json"), b = report("t2.json");
  EXPECT_EQ(one.exit_code, two.exit_code);
  EXPECT_NE(one.exit_code, 3) << one.out;  // decided before the cap
  EXPECT_TRUE(a["run"]["sequential"]["satisfied"].get<bool>());
  EXPECT_GT(a["run"]["replications"].get<int>(), 20);  // the 20 of the scenario did not decide it
  EXPECT_NE(a["targets"][0]["verdict"], "inconclusive");
  for (json* r : {&a, &b}) (*r)["run"].erase("threads");
  EXPECT_EQ(a, b);  // same stopping point, bit-identical statistics and fingerprint
}

TEST_F(CheckCommand, SequentialAtTheCapExits3WithAnEstimate) {
  const Outcome o = ccsim("check " + scenario("scenarios/examples/longest_weighted_wait.json") +
                          " --sequential --max-replications 30 --json r.json");
  EXPECT_EQ(o.exit_code, 3) << o.out;
  EXPECT_TRUE(has(o.out, "sequential: stopped at the cap before every target decided; about ")) << o.out;
  const json r = report("r.json");
  EXPECT_EQ(r["run"]["replications"], 30);
  EXPECT_FALSE(r["run"]["sequential"]["satisfied"].get<bool>());
  EXPECT_GT(r["run"]["sequential"]["needed"].get<double>(), 30.0);
}

// Four e-mails of 3000 s for one agent in an hour, due in 4 hours: two answered in time,
// two still in the backlog at the close and not yet due. The service level is 100 % in
// every replication, and 50 % with those two late: no replication count decides a target
// of 80 %, so the sequential rule does not run to the cap for it.
TEST_F(CheckCommand, SequentialDoesNotWaitForATargetOnlyTheNextDayDecides) {
  std::ofstream(dir_ / "mail.json") << R"({"mode": "day", "period_s": 3600, "num_periods": 1,
    "contact_types": [{"name": "mail", "channel": "email", "due_s": 14400,
                       "arrivals": {"process": "trace", "times_s": [0, 10, 20, 30]},
                       "talk": {"dist": "constant", "value_s": 3000},
                       "service_level": {"target": 0.8}}],
    "agent_groups": [{"name": "team", "staffing": 1}], "router": {"type_to_group": {"mail": ["team"]}},
    "rng": {"seed": 1, "replications": 3}})";
  const Outcome o = ccsim("check mail.json --sequential --max-replications 200 --json r.json");
  EXPECT_EQ(o.exit_code, 3) << o.out;  // inconclusive
  EXPECT_TRUE(has(o.out, "the e-mails not yet due at the close decide it: the service level will be 50.0% with each "
                         "answered late, 100.0% with each in time; a run ending at the close cannot tell, however many "
                         "replications"))
      << o.out;
  const json r = report("r.json");
  EXPECT_EQ(r["run"]["replications"], 3);
  EXPECT_TRUE(r["run"]["sequential"]["satisfied"].get<bool>());
}

TEST_F(CheckCommand, SequentialPrecisionStopsWhenEveryTargetKpiIsPrecise) {
  const Outcome o = ccsim("check " + scenario(kErlangC) + " --sequential --max-replications 5000 --precision 0.005 " +
                          "--json r.json");
  const json r = report("r.json");
  ASSERT_TRUE(r["run"]["sequential"]["satisfied"].get<bool>()) << o.out;
  const json& t = r["targets"][0];
  EXPECT_LE(t["half_width"].get<double>() / t["mean"].get<double>(), 0.005);
  EXPECT_GT(r["run"]["replications"].get<int>(), 20);
}

TEST_F(CheckCommand, BadBaselinesExit2WithLocatedErrors) {
  EXPECT_EQ(ccsim("check " + scenario(kErlangC) + " --baseline absent.json").exit_code, 2);
  EXPECT_TRUE(has(ccsim("check " + scenario(kErlangC) + " --baseline absent.json").err,
                  "absent.json: cannot read the baseline: no such file"));
  // Read until bad_alloc once; a FIFO blocked for ever.
  ASSERT_EQ(std::system(("mkfifo '" + (dir_ / "fifo.json").string() + "'").c_str()), 0);
  for (const char* path : {"/dev/zero", "fifo.json"}) {
    const Outcome o = ccsim("check " + scenario(kErlangC) + " --baseline " + path);
    EXPECT_EQ(o.exit_code, 2) << path;
    EXPECT_TRUE(has(o.err, std::string(path) + ": cannot read the baseline: it is a ")) << o.err;
  }

  ASSERT_EQ(ccsim("check " + scenario(kErlangC) + " --update --baseline b.json").exit_code, 0);
  json doc = json::parse(slurp(dir_ / "b.json"));
  doc["kpis"]["overall"]["asa_s"]["half_width"] = -1;
  std::ofstream(dir_ / "bad.json") << doc.dump();
  const Outcome bad = ccsim("check " + scenario(kErlangC) + " --baseline bad.json");
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_TRUE(has(bad.err, "bad.json: /kpis/overall/asa_s/half_width: expected a number >= 0 (n is 20); got -1"))
      << bad.err;
  EXPECT_TRUE(bad.out.empty()) << bad.out;

  doc = json::parse(slurp(dir_ / "b.json"));
  doc["service_level"]["definition"] = "over_offered";
  doc["service_level"]["by_type"]["calls"]["awt_s"] = "20";
  std::ofstream(dir_ / "bad_sl.json") << doc.dump();
  const Outcome bad_sl = ccsim("check " + scenario(kErlangC) + " --baseline bad_sl.json");
  EXPECT_EQ(bad_sl.exit_code, 2);
  EXPECT_TRUE(has(bad_sl.err, "bad_sl.json: /service_level/definition: unknown service level definition "
                              "\"over_offered\"; known: answered_within_t_over_admitted,"))
      << bad_sl.err;
  EXPECT_TRUE(has(bad_sl.err, "bad_sl.json: /service_level/by_type/calls/awt_s: expected a number of seconds >= 0; "
                              "got string \"20\""))
      << bad_sl.err;

  std::ofstream(dir_ / "truncated.json") << slurp(dir_ / "b.json").substr(0, 100);
  const Outcome truncated = ccsim("check " + scenario(kErlangC) + " --baseline truncated.json");
  EXPECT_EQ(truncated.exit_code, 2);
  EXPECT_TRUE(has(truncated.err, "truncated.json: invalid JSON at byte ")) << truncated.err;

  const Outcome other =
      ccsim("check " + scenario("scenarios/examples/erlang_a_abandonment.json") + " --baseline b.json");
  EXPECT_EQ(other.exit_code, 2);
  EXPECT_TRUE(has(other.err,
                  "b.json: /scenario/name: this baseline is of scenario \"erlang_c_14_agents\", not "
                  "\"erlang_a_abandonment\""))
      << other.err;
}

TEST_F(CheckCommand, BadArgumentsExit2) {
  const std::string s = "check " + scenario(kErlangC);
  EXPECT_EQ(ccsim(s + " --alpha 1.5").exit_code, 2);
  EXPECT_TRUE(has(ccsim(s + " --alpha 0").err, "--alpha must be in (0, 1); got 0"));
  EXPECT_TRUE(has(ccsim(s + " --tolerance-fraction 5").err, "--tolerance-fraction must be in [0, 1]"));
  EXPECT_EQ(ccsim(s + " --tolerance-relative -1").exit_code, 2);
  EXPECT_EQ(ccsim(s + " --sequential").exit_code, 2);           // needs --max-replications
  EXPECT_EQ(ccsim(s + " --max-replications 50").exit_code, 2);  // needs --sequential
  EXPECT_EQ(ccsim(s + " --sequential --max-replications 50 --precision 0").exit_code, 2);
  EXPECT_TRUE(has(ccsim(s + " --sequential --max-replications 5").err, "--max-replications 5 is below the 20"));
  EXPECT_EQ(ccsim(s + " --sequential --max-replications 50 --update").exit_code, 2);
  EXPECT_EQ(ccsim(s + " --update --require-fingerprint").exit_code, 2);
  EXPECT_TRUE(has(ccsim(s + " --require-fingerprint").err, "--require-fingerprint needs a baseline"));
  EXPECT_EQ(ccsim(s + " --replications 0").exit_code, 2);
  EXPECT_EQ(ccsim("check " + scenario("scenarios/no_such.json")).exit_code, 2);
  const std::string batches = edited(kErlangC, [](json& d) {
    d["steady_state"]["batches"] = 10;
    d["rng"].erase("replications");
  });
  EXPECT_TRUE(has(ccsim("check " + batches + " --sequential --max-replications 50").err, "batch means"));
}

}  // namespace
