// tests/cli/baseline_test.cc
// The baseline format: a run's baseline lists every KPI once, writes and reads back to
// the same values and the same bytes, and every kind of bad file gets a located error.
#include "cli/baseline.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "models/experiment/experiment.h"
#include "models/kpi/kpis.h"
#include "models/replication.h"
#include "models/scenario/diagnostics.h"
#include "models/scenario/load.h"
#include "tests/models/scenario/diagnostic_checks.h"

namespace ccsim::cli {
namespace {

std::string source_path(const std::string& relative) { return std::string(CCSIM_SOURCE_DIR) + "/" + relative; }

struct ExampleRun {
  models::ScenarioSpec spec;
  models::RunResults results;
};

ExampleRun run_example(const std::string& file, std::uint32_t replications) {
  ExampleRun r{models::load_scenario_file(source_path(file)), {}};
  r.spec.replications = replications;
  r.results = models::run_scenario(r.spec, models::RunOptions{.threads = 2});
  return r;
}

bool same_bits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

TEST(Baseline, ListsEveryKpiOfTheScenarioOnceInFileOrder) {
  const ExampleRun run = run_example("scenarios/examples/single_day_ivr.json", 3);
  const Baseline b = make_baseline(run.spec, run.results, "x.json");
  // 28 intervals x (78 + 2 types x 65 + 3 groups x 16) + overall 78 + 2 types x 65
  // + 3 groups x 18 + pairs x 5.
  const std::size_t pairs = run.results.by_type_group.size();
  EXPECT_EQ(b.kpis.size(), 28u * (78 + 130 + 48) + 78 + 130 + 54 + 5 * pairs);
  std::set<std::string> seen;
  for (const BaselineKpi& k : b.kpis) EXPECT_TRUE(seen.insert(k.pointer).second) << k.pointer;
  EXPECT_EQ(b.kpis.front().pointer, "/kpis/overall/offered");
  EXPECT_EQ(b.kpis.back().pointer, "/kpis/by_interval/27/by_group/generalists/occupancy_outbound");
  EXPECT_EQ(b.kpis.back().kpi, "occupancy_outbound");
  EXPECT_EQ(b.seed, 42u);
  EXPECT_EQ(b.replications, 3u);
  EXPECT_EQ(b.fingerprint, run.results.fingerprint);
}

TEST(Baseline, GroupKpiListsCoverEveryKpiAGroupHas) {
  // A KPI the accumulator starts to fill for groups must be added to kGroupKpis, or
  // baselines would silently leave it out.
  const ExampleRun run = run_example("scenarios/examples/single_day_ivr.json", 2);
  const auto listed = [](auto const& list, std::size_t i) {
    for (models::Kpi k : list)
      if (static_cast<std::size_t>(k) == i) return true;
    return false;
  };
  for (const models::KpiStats& g : run.results.by_group)
    for (std::size_t i = 0; i < models::kNumKpis; ++i)
      if (g[i].n > 0) {
        EXPECT_TRUE(listed(models::kGroupKpis, i)) << models::kKpiNames[i];
      }
  for (const models::IntervalResult& ir : run.results.by_interval)
    for (const models::KpiStats& g : ir.by_group)
      for (std::size_t i = 0; i < models::kNumKpis; ++i)
        if (g[i].n > 0) {
          EXPECT_TRUE(listed(models::kGroupIntervalKpis, i)) << models::kKpiNames[i];
        }
}

TEST(Baseline, WritesAndReadsBackTheSameValuesAndBytes) {
  const ExampleRun run = run_example("scenarios/examples/single_day_ivr.json", 3);
  const Baseline b = make_baseline(run.spec, run.results, "../scenarios/examples/single_day_ivr.json");
  const std::string text = baseline_json(b);
  const Baseline back = read_baseline_text(text, "b.json");
  EXPECT_EQ(back.scenario_name, "single_day_ivr");
  EXPECT_EQ(back.scenario_file, "../scenarios/examples/single_day_ivr.json");
  EXPECT_EQ(back.seed, b.seed);
  EXPECT_EQ(back.replications, b.replications);
  EXPECT_EQ(back.confidence, b.confidence);
  EXPECT_EQ(back.fingerprint, b.fingerprint);
  ASSERT_EQ(back.service_levels.size(), 3u) << "the scenario's and its two types'";
  EXPECT_EQ(back.service_levels, b.service_levels);
  EXPECT_EQ(back.service_levels[2].type, "service");
  ASSERT_EQ(back.kpis.size(), b.kpis.size());
  for (std::size_t i = 0; i < b.kpis.size(); ++i) {
    EXPECT_EQ(back.kpis[i].pointer, b.kpis[i].pointer);
    EXPECT_EQ(back.kpis[i].stat.n, b.kpis[i].stat.n) << b.kpis[i].pointer;
    // Bit for bit (NaN for undefined values included): doubles are written to round-trip.
    EXPECT_TRUE(same_bits(back.kpis[i].stat.mean, b.kpis[i].stat.mean) ||
                (std::isnan(back.kpis[i].stat.mean) && std::isnan(b.kpis[i].stat.mean)))
        << b.kpis[i].pointer;
    EXPECT_TRUE(same_bits(back.kpis[i].stat.half_width, b.kpis[i].stat.half_width) ||
                (std::isnan(back.kpis[i].stat.half_width) && std::isnan(b.kpis[i].stat.half_width)))
        << b.kpis[i].pointer;
  }
  EXPECT_EQ(baseline_json(back), text);
}

TEST(Baseline, OneStatisticPerLine) {
  const ExampleRun run = run_example("scenarios/examples/erlang_c_14_agents.json", 2);
  const std::string text = baseline_json(make_baseline(run.spec, run.results, "e.json"));
  EXPECT_NE(text.find("\n      \"offered\": {\"mean\": "), std::string::npos) << text.substr(0, 600);
  EXPECT_NE(text.find("\"by_interval\": []"), std::string::npos);  // steady state
  EXPECT_EQ(text.back(), '\n');
  EXPECT_EQ(text.find("wall"), std::string::npos);
  EXPECT_EQ(text.find("threads"), std::string::npos);
}

TEST(Baseline, ScenarioPathIsRelativeToTheBaselineFolder) {
  EXPECT_EQ(scenario_path_from("results/a.json", "scenarios/examples/a.json"), "../scenarios/examples/a.json");
  EXPECT_EQ(scenario_path_from("/r/results/a.json", "/r/scenarios/./a.json"), "../scenarios/a.json");
  EXPECT_EQ(scenario_path_from("a.json", "a_scenario.json"), "a_scenario.json");
}

// ---- bad files --------------------------------------------------------------------------

constexpr std::string_view kGood = R"({
  "schema": "ccsim.baseline/2",
  "scenario": {"name": "s", "file": "s.json"},
  "seed": 7, "replications": 4, "confidence": 0.95, "fingerprint": "0123456789abcdef",
  "kpis": {
    "overall": {"asa_s": {"mean": 12.5, "half_width": 1.5, "n": 4}, "p_block": {"mean": null, "half_width": null, "n": 0}},
    "by_type": {"t": {"asa_s": {"mean": 3.0, "half_width": null, "n": 1}}},
    "by_group": {}, "by_type_group": {"t": {"g": {"share": {"mean": 1.0, "half_width": 0.0, "n": 4}}}},
    "by_interval": [{"interval": 0, "kpis": {}, "by_type": {}, "by_group": {"g": {"answered": {"mean": 4, "half_width": 1, "n": 4}}}}]
  }
})";

using models::testing::with;

std::vector<models::Diagnostic> errors_of(std::string_view text) {
  return models::testing::diagnostics_of(
      [](std::string_view t, const std::string& f) { read_baseline_text(t, f); }, text, "b.json");
}

void expect_only(std::string_view text, const std::string& pointer, const std::string& message) {
  models::testing::expect_single(errors_of(text), pointer, message);
}

TEST(Baseline, GoodExampleReads) {
  const Baseline b = read_baseline_text(kGood, "b.json");
  ASSERT_EQ(b.kpis.size(), 5u);
  EXPECT_EQ(b.kpis[0].pointer, "/kpis/overall/asa_s");
  EXPECT_EQ(b.kpis[1].stat.n, 0u);
  EXPECT_TRUE(std::isnan(b.kpis[1].stat.mean));
  EXPECT_EQ(b.kpis[3].pointer, "/kpis/by_type_group/t/g/share");
  EXPECT_EQ(b.kpis[4].pointer, "/kpis/by_interval/0/by_group/g/answered");
}

// Version 1 named three KPIs by their former keys (docs/kpis.md#renamed-keys); it reads
// with the values under the keys that now mean the same.
TEST(Baseline, VersionOneReadsWithTheRenamedKeys) {
  std::string v1 = with(kGood, "ccsim.baseline/2", "ccsim.baseline/1");
  v1 = with(v1, R"("asa_s": {"mean": 12.5)", R"("p_abandon": {"mean": 0.04, "half_width": 0.01, "n": 4},
    "sl_answered_within_t_over_offered": {"mean": 0.8, "half_width": 0.02, "n": 4}, "asa_s": {"mean": 12.5)");
  v1 = with(v1, R"("t": {"asa_s")", R"("t": {"p_wait": {"mean": 0.5, "half_width": null, "n": 1}, "asa_s")");
  const Baseline b = read_baseline_text(v1, "b.json");
  ASSERT_EQ(b.kpis.size(), 8u);
  EXPECT_EQ(b.kpis[0].pointer, "/kpis/overall/p_abandon_over_admitted");
  EXPECT_EQ(b.kpis[0].stat.mean, 0.04);
  EXPECT_EQ(b.kpis[1].pointer, "/kpis/overall/sl_answered_within_t_over_admitted");
  EXPECT_EQ(b.kpis[4].pointer, "/kpis/by_type/t/p_wait_over_admitted");
  // Only KPI keys: a contact type may be called p_wait.
  const Baseline named = read_baseline_text(with(v1, R"("by_type": {"t")", R"("by_type": {"p_wait")"), "b.json");
  EXPECT_EQ(named.kpis[4].pointer, "/kpis/by_type/p_wait/p_wait_over_admitted");
  // The keys are renamed only in a version 1 file: in version 2 the former names are unknown.
  const Baseline v2 = read_baseline_text(with(v1, "ccsim.baseline/1", "ccsim.baseline/2"), "b.json");
  EXPECT_EQ(v2.kpis[0].pointer, "/kpis/overall/p_abandon");
}

TEST(Baseline, AKeyGivenTwiceIsAnError) {
  expect_only(with(kGood, R"("seed": 7,)", R"("seed": 7, "seed": 8,)"), "/seed",
              "duplicate key \"seed\"; each key may appear once in an object");
}

TEST(Baseline, AnOverallStatisticEditedWithoutItsObservationsIsRejected) {
  models::ScenarioSpec spec = models::load_scenario_file(source_path("scenarios/examples/single_day_ivr.json"));
  spec.replications = 3;
  models::Experiment e(spec, models::RunOptions{.threads = 2});
  e.extend_to(spec.replications);
  const models::RunResults results = e.results();
  Baseline b = make_baseline(spec, results, "x.json");
  b.observations = e.observations();
  const std::string text = baseline_json(b);
  EXPECT_NO_THROW(read_baseline_text(text, "b.json"));
  // The mean of the overall service level, moved by hand: its observations still say otherwise.
  const models::KpiStat& sl = models::stat_of(results.overall, models::Kpi::ServiceLevel);
  const std::string written = fmt::format(R"("service_level": {{"mean": {})", sl.mean);
  ASSERT_NE(text.find(written), std::string::npos) << written;
  const std::string edited = with(text, written, R"("service_level": {"mean": 0.99)");
  const auto ds = errors_of(edited);
  ASSERT_EQ(ds.size(), 1u);
  EXPECT_EQ(ds[0].pointer, "/kpis/overall/service_level");
  EXPECT_NE(ds[0].message.find("does not match its observations"), std::string::npos) << ds[0].message;
}

TEST(Baseline, SyntaxErrorGivesTheByteOffset) {
  const auto ds = errors_of(R"({"schema": "ccsim.baseline/2",})");
  ASSERT_EQ(ds.size(), 1u);
  EXPECT_EQ(ds[0].pointer, "");
  EXPECT_NE(ds[0].message.find("invalid JSON at byte 31, line 1, column 31"), std::string::npos) << ds[0].message;
}

TEST(Baseline, ResultsFileOrOtherSchemaIsRejectedUpFront) {
  expect_only(R"({"schema": "ccsim.results/1", "run": {}})", "/schema",
              "this is a results file (ccsim run --json), not a baseline; expected \"ccsim.baseline/2\": write a "
              "baseline with `ccsim check SCENARIO --update`");
  expect_only(with(kGood, "ccsim.baseline/2", "ccsim.baseline/3"), "/schema",
              "unsupported schema string \"ccsim.baseline/3\"; expected \"ccsim.baseline/2\" (written by `ccsim "
              "check --update`)");
  expect_only("[1, 2]", "", "expected a JSON object (a ccsim.baseline/2 file); got an array");
  expect_only("{}", "", "missing required key \"schema\"");
}

TEST(Baseline, TopLevelValuesAreChecked) {
  expect_only(with(kGood, "\"seed\": 7", "\"seed\": -7"), "/seed",
              "expected an integer in [0, 9223372036854775807]; got -7");
  expect_only(with(kGood, "\"replications\": 4", "\"replications\": 0"), "/replications",
              "expected an integer in [1, 4294967295]; got 0");
  expect_only(with(kGood, "\"confidence\": 0.95", "\"confidence\": 95"), "/confidence",
              "expected a number in (0, 1); got 95");
  expect_only(with(kGood, "0123456789abcdef", "0123456789ABCDEF"), "/fingerprint",
              "expected 16 lowercase hex digits; got string \"0123456789ABCDEF\"");
  expect_only(with(kGood, "\"name\": \"s\"", "\"name\": \"\""), "/scenario/name",
              "must be a non-empty string; got \"\"");
  const auto ds = errors_of(with(kGood, "\"seed\": 7,", "\"sed\": 7,"));
  ASSERT_EQ(ds.size(), 2u);
  EXPECT_EQ(ds[0].pointer, "/sed");
  EXPECT_EQ(ds[0].message,
            "unknown key \"sed\"; known: schema, scenario, seed, replications, confidence, fingerprint, service_level, "
            "kpis, observations (did you mean \"seed\"?)");
  EXPECT_EQ(ds[1].pointer, "");
  EXPECT_EQ(ds[1].message, "missing required key \"seed\"");
}

TEST(Baseline, MissingKeysAreReportedAtTheirObject) {
  const auto ds = errors_of(with(kGood, "\"seed\": 7,", ""));
  ASSERT_EQ(ds.size(), 1u);
  EXPECT_EQ(ds[0].pointer, "");
  EXPECT_EQ(ds[0].message, "missing required key \"seed\"");
  expect_only(with(kGood, "\"by_group\": {}, ", ""), "/kpis", "missing required key \"by_group\"");
}

TEST(Baseline, StatisticsMustBeConsistentWithTheirN) {
  expect_only(
      with(kGood, "\"mean\": null, \"half_width\": null, \"n\": 0", "\"mean\": 0.5, \"half_width\": null, \"n\": 0"),
      "/kpis/overall/p_block/mean", "must be null when n is 0 (the KPI was never defined); got 0.5");
  expect_only(with(kGood, "\"mean\": 12.5", "\"mean\": null"), "/kpis/overall/asa_s/mean",
              "expected a number (n is 4); got null");
  expect_only(with(kGood, "\"half_width\": 1.5", "\"half_width\": -1.5"), "/kpis/overall/asa_s/half_width",
              "expected a number >= 0 (n is 4); got -1.5");
  expect_only(with(kGood, "\"mean\": 3.0, \"half_width\": null", "\"mean\": 3.0, \"half_width\": 0.1"),
              "/kpis/by_type/t/asa_s/half_width", "must be null when n < 2 (no spread from 1 value); got 0.1");
  expect_only(with(kGood, "\"n\": 1}", "\"n\": 1.5}"), "/kpis/by_type/t/asa_s/n",
              "expected an integer in [0, 18446744073709551615]; got 1.5");
  expect_only(with(kGood, "\"half_width\": 0.0, \"n\": 4", "\"half_width\": 0.0, \"n\": 4, \"sd\": 1"),
              "/kpis/by_type_group/t/g/share/sd", "unknown key \"sd\"; known: mean, half_width, n");
  expect_only(with(kGood, "{\"asa_s\": {\"mean\": 3.0, \"half_width\": null, \"n\": 1}}", "{\"asa_s\": [1]}"),
              "/kpis/by_type/t/asa_s", "expected an object; got an array");
}

TEST(Baseline, IntervalsMustBeInOrder) {
  expect_only(with(kGood, "\"interval\": 0", "\"interval\": 1"), "/kpis/by_interval/0/interval",
              "must be 0 (the position in by_interval); got 1");
  const std::string intervals = with(kGood, "\"by_interval\": [", "\"by_interval\": {\"x\": [");
  expect_only(with(intervals, "}}}}]", "}}}}]}"), "/kpis/by_interval", "expected an array; got an object");
}

// Over several days the days' KPIs are listed after the intervals', each day numbered
// like an interval, and read back to the same bytes; a one-day file has no by_day.
TEST(Baseline, AWeekListsEachDaysKpisAfterTheIntervals) {
  const ExampleRun run = run_example("scenarios/examples/email_week.json", 2);
  const Baseline b = make_baseline(run.spec, run.results, "w.json");
  std::size_t days = 0;
  for (const BaselineKpi& k : b.kpis) days += k.pointer.starts_with("/kpis/by_day/");
  // 7 days x (78 + 2 types x 65 + 2 groups x 16).
  EXPECT_EQ(days, 7u * (78 + 130 + 32));
  EXPECT_EQ(b.kpis.back().pointer, "/kpis/by_day/6/by_group/email_team/occupancy_outbound");
  const std::string text = baseline_json(b);
  EXPECT_NE(text.find("\"by_day\": [\n      {\n        \"day\": 0,"), std::string::npos);
  EXPECT_EQ(baseline_json(read_baseline_text(text, "w.json")), text);
  const ExampleRun day = run_example("scenarios/examples/erlang_c_14_agents.json", 2);
  EXPECT_EQ(baseline_json(make_baseline(day.spec, day.results, "e.json")).find("by_day"), std::string::npos);
  const std::string second = R"(, "by_day": [{"day": 1, "kpis": {}, "by_type": {}, "by_group": {}}])";
  expect_only(with(kGood, "}}}}]\n", "}}}}]" + second + "\n"), "/kpis/by_day/0/day",
              "must be 0 (the position in by_day); got 1");
  expect_only(with(kGood, "}}}}]\n", R"(}}}}], "by_day": {})" "\n"), "/kpis/by_day",
              "expected an array; got an empty object");
}

TEST(Baseline, PointerTokensAreEscaped) {
  const Baseline b = read_baseline_text(with(kGood, "\"by_type\": {\"t\"", "\"by_type\": {\"a/b~c\""), "b.json");
  EXPECT_EQ(b.kpis[2].pointer, "/kpis/by_type/a~1b~0c/asa_s");
  // ... and the writer puts it back under the same name.
  EXPECT_NE(baseline_json(b).find("\"a/b~c\": {\n"), std::string::npos);
}

// The lines a baseline reader prints for what `read` must reject.
template <class Read>
std::string shown_error(Read read) {
  try {
    read();
  } catch (const models::ScenarioError& e) {
    return e.what();
  }
  ADD_FAILURE() << "expected a ScenarioError";
  return "";
}

TEST(Baseline, AKeyWithANewlineIsReportedOnOneLine) {
  const std::string shown = shown_error(
      [] { read_baseline_text(with(kGood, "\"seed\": 7,", "\"seed\": 7, \"bad\\nkey\": 1,"), "b.json"); });
  EXPECT_EQ(shown.find("key\n"), std::string::npos) << shown;
  EXPECT_NE(shown.find(R"(b.json: /bad\nkey: unknown key "bad\nkey")"), std::string::npos) << shown;
}

TEST(Baseline, OnlyARegularFileIsReadAsABaseline) {
  EXPECT_EQ(shown_error([] { read_baseline_file("/dev/zero"); }),
            "/dev/zero: cannot read the baseline: it is a character device, not a regular file (expected a .json "
            "file)");
}

TEST(Baseline, MissingFileSaysHowToWriteOne) {
  EXPECT_EQ(shown_error([] { read_baseline_file("/nonexistent/results/x.json"); }),
            "/nonexistent/results/x.json: cannot read the baseline: no such file (write one with `ccsim check "
            "SCENARIO --update`)");
}

}  // namespace
}  // namespace ccsim::cli
