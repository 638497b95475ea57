// tests/cli/erlang_command_test.cc
// `ccsim erlang b|ivr|c|a` through a CLI11 app built here: text and JSON output, staffing,
// and exit code 2 with a one-line message for bad values.
#include <gtest/gtest.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <iostream>
#include <limits>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "cli/cluster.h"
#include "cli/commands.h"
#include "models/analytic/erlang.h"

namespace ccsim::cli {
namespace {

namespace an = ccsim::models::analytic;

struct Outcome {
  int exit_code = -1;
  bool usage_error = false;  // CLI11 rejected the command line (main's job)
  std::string out, err;
};

// Runs `ccsim erlang ...` with the given arguments, capturing std::cout / std::cerr.
Outcome run(std::vector<std::string> args) {
  args.insert(args.begin(), {"ccsim", "erlang"});
  std::vector<const char*> argv;
  for (const std::string& a : args) argv.push_back(a.c_str());

  CLI::App app{"ccsim"};
  Outcome o;
  const SingleProcess cluster;
  add_erlang_command(app, cluster, o.exit_code);
  std::ostringstream out, err;
  std::streambuf* old_out = std::cout.rdbuf(out.rdbuf());
  std::streambuf* old_err = std::cerr.rdbuf(err.rdbuf());
  try {
    app.parse(static_cast<int>(argv.size()), argv.data());
  } catch (const CLI::ParseError&) {
    o.usage_error = true;
  }
  std::cout.rdbuf(old_out);
  std::cerr.rdbuf(old_err);
  o.out = out.str();
  o.err = err.str();
  return o;
}

bool contains(const std::string& s, const std::string& part) {
  return s.find(part) != std::string::npos;
}

TEST(ErlangCommand, CPrintsTheTextbookExample) {
  const Outcome o = run({"c", "--agents", "14", "--rate-per-hour", "200", "--aht-s", "180",
                         "--awt-s", "20"});
  EXPECT_EQ(o.exit_code, kExitOk);
  EXPECT_TRUE(o.err.empty()) << o.err;
  EXPECT_TRUE(contains(o.out, "p_wait_over_offered")) << o.out;
  EXPECT_TRUE(contains(o.out, "0.174132")) << o.out;
  EXPECT_TRUE(contains(o.out, "0.88835")) << o.out;
  EXPECT_TRUE(contains(o.out, "(200 per hour)")) << o.out;
}

TEST(ErlangCommand, CJsonCarriesTheExactFormulaValues) {
  const Outcome o = run({"c", "--agents", "14", "--rate-per-min", "3.3333333333333335",
                         "--aht-s", "180", "--target-sl", "0.8", "--target-asa-s", "5", "--json"});
  ASSERT_EQ(o.exit_code, kExitOk) << o.err;
  const auto j = nlohmann::json::parse(o.out);
  const an::ErlangC m = an::erlang_c_metrics(14, 3.3333333333333335 / 60.0, 180.0, 20.0);
  EXPECT_EQ(j["model"], "erlang_c");
  EXPECT_EQ(j["inputs"]["agents"], 14);
  EXPECT_EQ(j["inputs"]["awt_s"], 20.0);
  EXPECT_EQ(j["results"]["p_wait_over_offered"].get<double>(), m.p_wait);
  EXPECT_EQ(j["results"]["sl_answered_within_t_over_offered"].get<double>(), m.service_level);
  EXPECT_EQ(j["results"]["asa_s"].get<double>(), m.asa_s);
  EXPECT_EQ(j["results"]["stable"], true);
  EXPECT_EQ(j["staffing"]["agents_for_sl_answered_within_t_over_offered"],
            an::staff_erlang_c_for_sl(3.3333333333333335 / 60.0, 180.0, 20.0, 0.8));
  EXPECT_EQ(j["staffing"]["agents_for_asa_s"],
            an::staff_erlang_c_for_asa(3.3333333333333335 / 60.0, 180.0, 5.0));
}

TEST(ErlangCommand, CWithoutAgentsReportsTheStaffedLevel) {
  const Outcome o = run({"c", "--rate-per-s", "0.5", "--aht-s", "240", "--target-sl", "0.9",
                         "--json"});
  ASSERT_EQ(o.exit_code, kExitOk) << o.err;
  const auto j = nlohmann::json::parse(o.out);
  const std::uint32_t c = an::staff_erlang_c_for_sl(0.5, 240.0, 20.0, 0.9);
  EXPECT_EQ(j["inputs"]["agents"], c);
  EXPECT_EQ(j["staffing"]["agents_for_sl_answered_within_t_over_offered"], c);
  EXPECT_GE(j["results"]["sl_answered_within_t_over_offered"].get<double>(), 0.9);
}

TEST(ErlangCommand, CReportsOverloadAsUnstableNotAsAnError) {
  const Outcome o = run({"c", "--agents", "9", "--rate-per-hour", "200", "--aht-s", "180",
                         "--json"});
  ASSERT_EQ(o.exit_code, kExitOk) << o.err;
  const auto j = nlohmann::json::parse(o.out);
  EXPECT_EQ(j["results"]["stable"], false);
  EXPECT_TRUE(j["results"]["asa_s"].is_null());  // +infinity
}

TEST(ErlangCommand, BAcceptsLoadOrRateWithHoldingTime) {
  const Outcome by_load = run({"b", "--lines", "10", "--load-erlangs", "5"});
  ASSERT_EQ(by_load.exit_code, kExitOk) << by_load.err;
  EXPECT_TRUE(contains(by_load.out, "0.0183846")) << by_load.out;
  const Outcome by_rate = run({"b", "--lines", "10", "--rate-per-hour", "100", "--aht-s", "180",
                               "--json"});
  ASSERT_EQ(by_rate.exit_code, kExitOk) << by_rate.err;
  const auto j = nlohmann::json::parse(by_rate.out);
  EXPECT_NEAR(j["results"]["p_block"].get<double>(), 0.018384570336648133, 1e-15);
}

TEST(ErlangCommand, BFindsLinesForTargetBlocking) {
  const Outcome o = run({"b", "--load-erlangs", "5", "--target-block", "0.01", "--json"});
  ASSERT_EQ(o.exit_code, kExitOk) << o.err;
  const auto j = nlohmann::json::parse(o.out);
  EXPECT_EQ(j["staffing"]["lines_for_p_block"], 11);
  EXPECT_EQ(j["staffing"]["achieved_p_block"].get<double>(), an::erlang_b(11, 5.0));
  EXPECT_EQ(j["inputs"]["lines"], 11);
}

TEST(ErlangCommand, APrintsAbandonmentAndBothServiceLevels) {
  const Outcome o = run({"a", "--agents", "14", "--rate-per-hour", "200", "--aht-s", "180",
                         "--patience-s", "120", "--awt-s", "20", "--short-abandon-s", "5",
                         "--target-abandon", "0.02", "--json"});
  ASSERT_EQ(o.exit_code, kExitOk) << o.err;
  const auto j = nlohmann::json::parse(o.out);
  const an::ErlangA m = an::erlang_a_metrics(14, 200.0 / 3600.0, 180.0, 120.0, 20.0);
  const auto& r = j["results"];
  EXPECT_EQ(r["p_abandon_over_offered"].get<double>(), m.p_abandon);
  EXPECT_EQ(r["sl_answered_within_t_over_offered"].get<double>(),
            m.sl_answered_within_t_over_offered);
  EXPECT_EQ(r["sl_answered_within_t_over_answered"].get<double>(),
            m.sl_answered_within_t_over_answered);
  EXPECT_EQ(r["asa_s"].get<double>(), m.asa_s);
  EXPECT_EQ(r["mean_wait_admitted_s"].get<double>(), m.mean_wait_s);
  EXPECT_TRUE(r.contains("sl_excluding_short_abandons"));
  EXPECT_EQ(j["staffing"]["agents_for_p_abandon_over_offered"],
            an::staff_erlang_a_for_abandon(200.0 / 3600.0, 180.0, 120.0, 0.02));

  const Outcome text = run({"a", "--agents", "14", "--rate-per-hour", "200", "--aht-s", "180",
                            "--patience-s", "120"});
  ASSERT_EQ(text.exit_code, kExitOk) << text.err;
  EXPECT_TRUE(contains(text.out, "sl_answered_within_t_over_offered")) << text.out;
  EXPECT_TRUE(contains(text.out, "awt_s")) << text.out;
}

TEST(ErlangCommand, CAndAStaffForAWaitProbability) {
  const Outcome c = run({"c", "--rate-per-hour", "200", "--aht-s", "180", "--target-p-wait", "0.2",
                         "--json"});
  ASSERT_EQ(c.exit_code, kExitOk) << c.err;
  const auto jc = nlohmann::json::parse(c.out);
  EXPECT_EQ(jc["staffing"]["target_p_wait_over_offered"], 0.2);
  EXPECT_EQ(jc["staffing"]["agents_for_p_wait_over_offered"], 14);  // C(14, 10) = 0.174
  EXPECT_EQ(jc["staffing"]["achieved_p_wait_over_offered"].get<double>(), an::erlang_c(14, 10.0));
  EXPECT_EQ(jc["inputs"]["agents"], 14);

  const Outcome a = run({"a", "--rate-per-hour", "200", "--aht-s", "180", "--patience-s", "120",
                         "--target-p-wait", "0.2", "--target-sl-over-answered", "0.9", "--json"});
  ASSERT_EQ(a.exit_code, kExitOk) << a.err;
  const auto ja = nlohmann::json::parse(a.out);
  const double lambda = 200.0 / 3600.0;
  const std::uint32_t for_wait = an::staff_erlang_a_for_p_wait(lambda, 180.0, 120.0, 0.2);
  const std::uint32_t for_sl = an::staff_erlang_a_for_sl_over_answered(lambda, 180.0, 120.0, 20.0, 0.9);
  EXPECT_EQ(ja["staffing"]["agents_for_p_wait_over_offered"], for_wait);
  EXPECT_EQ(ja["staffing"]["agents_for_sl_answered_within_t_over_answered"], for_sl);
  EXPECT_EQ(ja["staffing"]["achieved_sl_answered_within_t_over_answered"].get<double>(),
            an::erlang_a_metrics(for_sl, lambda, 180.0, 120.0, 20.0).sl_answered_within_t_over_answered);
  EXPECT_EQ(ja["inputs"]["agents"], std::max(for_wait, for_sl));
}

TEST(ErlangCommand, LinesGiveTheFiniteLineModelWithEveryDenominator) {
  const Outcome o = run({"a", "--agents", "14", "--lines", "18", "--rate-per-hour", "250", "--aht-s",
                         "180", "--patience-s", "120", "--json"});
  ASSERT_EQ(o.exit_code, kExitOk) << o.err;
  const auto j = nlohmann::json::parse(o.out);
  const an::FiniteLines m = an::finite_lines_metrics(14, 18, 250.0 / 3600.0, 180.0, 120.0, 20.0);
  EXPECT_EQ(j["model"], "erlang_a_lines");
  EXPECT_EQ(j["inputs"]["lines"], 18);
  const auto& r = j["results"];
  EXPECT_EQ(r["p_block"].get<double>(), m.p_block);
  EXPECT_EQ(r["p_wait_over_offered"].get<double>(), m.p_wait_over_offered);
  EXPECT_EQ(r["p_wait_over_admitted"].get<double>(), m.p_wait_over_admitted);
  EXPECT_EQ(r["p_abandon_over_admitted"].get<double>(), m.p_abandon_over_admitted);
  EXPECT_EQ(r["sl_answered_within_t_over_offered"].get<double>(), m.sl_answered_within_t_over_offered);
  EXPECT_EQ(r["sl_answered_within_t_over_admitted"].get<double>(), m.sl_answered_within_t_over_admitted);
  EXPECT_EQ(r["sl_answered_within_t_over_answered"].get<double>(), m.sl_answered_within_t_over_answered);
  EXPECT_EQ(r["mean_wait_admitted_s"].get<double>(), m.mean_wait_admitted_s);

  const Outcome staffed = run({"c", "--lines", "30", "--rate-per-hour", "400", "--aht-s", "180",
                               "--target-block", "0.01", "--target-sl", "0.8", "--json"});
  ASSERT_EQ(staffed.exit_code, kExitOk) << staffed.err;
  const auto js = nlohmann::json::parse(staffed.out);
  using T = an::FiniteLinesTarget;
  const double lambda = 400.0 / 3600.0, inf = std::numeric_limits<double>::infinity();
  const std::uint32_t for_block = an::staff_finite_lines(30, lambda, 180.0, inf, 20.0, T::PBlock, 0.01);
  const std::uint32_t for_sl = an::staff_finite_lines(30, lambda, 180.0, inf, 20.0, T::SlOverOffered, 0.8);
  EXPECT_EQ(js["model"], "erlang_c_lines");
  EXPECT_EQ(js["staffing"]["agents_for_p_block"], for_block);
  EXPECT_EQ(js["staffing"]["agents_for_sl_answered_within_t_over_offered"], for_sl);
  EXPECT_EQ(js["inputs"]["agents"], std::max(for_block, for_sl));
  EXPECT_FALSE(js["results"].contains("p_abandon_over_offered"));  // nobody abandons in c

  const Outcome text = run({"c", "--agents", "10", "--lines", "12", "--rate-per-hour", "200",
                            "--aht-s", "180"});
  ASSERT_EQ(text.exit_code, kExitOk) << text.err;
  EXPECT_TRUE(contains(text.out, "M/M/c/K")) << text.out;
  EXPECT_TRUE(contains(text.out, "(= over answered: nobody abandons)")) << text.out;
}

TEST(ErlangCommand, IvrPortsSpeakOfPortsNotAgents) {
  const Outcome o = run({"ivr", "--ports", "30", "--rate-per-hour", "600", "--mean-ivr-s", "150",
                         "--target-block", "0.01", "--json"});
  ASSERT_EQ(o.exit_code, kExitOk) << o.err;
  const auto j = nlohmann::json::parse(o.out);
  EXPECT_EQ(j["model"], "ivr_ports");
  EXPECT_EQ(j["inputs"]["ports"], 30);
  EXPECT_EQ(j["inputs"]["mean_ivr_s"], 150.0);
  EXPECT_EQ(j["results"]["p_block"].get<double>(), an::erlang_b(30, 25.0));
  EXPECT_TRUE(j["results"].contains("port_occupancy"));
  EXPECT_EQ(j["staffing"]["ports_for_p_block"], an::staff_erlang_b_for_blocking(25.0, 0.01));

  const Outcome text = run({"ivr", "--ports", "30", "--load-erlangs", "25"});
  ASSERT_EQ(text.exit_code, kExitOk) << text.err;
  EXPECT_TRUE(contains(text.out, "IVR port pool")) << text.out;
  EXPECT_FALSE(contains(text.out, "agent")) << text.out;
  EXPECT_FALSE(contains(text.out, "lines")) << text.out;
}

TEST(ErlangCommand, ArrivalRateMustBeGivenExactlyOnce) {
  const Outcome none = run({"c", "--agents", "14", "--aht-s", "180"});
  EXPECT_EQ(none.exit_code, kExitBadInput);
  EXPECT_TRUE(none.out.empty());
  EXPECT_EQ(none.err.rfind("ccsim erlang: no arrival rate given; give exactly one of", 0), 0u)
      << none.err;
  const Outcome two = run({"a", "--agents", "14", "--rate-per-s", "0.1", "--rate-per-hour",
                           "360", "--aht-s", "180", "--patience-s", "60"});
  EXPECT_EQ(two.exit_code, kExitBadInput);
  EXPECT_TRUE(contains(two.err, "2 arrival rates given")) << two.err;
}

TEST(ErlangCommand, BadValuesExitTwoWithOneLine) {
  const std::vector<std::vector<std::string>> bad = {
      {"c", "--agents", "0", "--rate-per-s", "0.1", "--aht-s", "180"},
      {"c", "--agents", "5", "--rate-per-s", "-0.1", "--aht-s", "180"},
      {"c", "--agents", "5", "--rate-per-s", "0.1", "--aht-s", "0"},
      {"c", "--agents", "5", "--rate-per-s", "0.1"},
      {"c", "--rate-per-s", "0.1", "--aht-s", "180"},
      {"c", "--rate-per-s", "0.1", "--aht-s", "180", "--target-sl", "1.5"},
      {"c", "--agents", "5", "--rate-per-s", "0.1", "--aht-s", "180", "--awt-s", "-1"},
      {"a", "--agents", "5", "--rate-per-s", "0.1", "--aht-s", "180"},
      {"a", "--agents", "5", "--rate-per-s", "0.1", "--aht-s", "180", "--patience-s", "-3"},
      {"a", "--agents", "10", "--rate-per-s", "0.2", "--aht-s", "100", "--patience-s", "1e9"},
      {"b", "--lines", "5"},
      {"b", "--lines", "5", "--rate-per-s", "0.1"},
      {"b", "--lines", "5", "--load-erlangs", "3", "--aht-s", "100"},
      {"b", "--load-erlangs", "3", "--target-block", "0"},
      {"c", "--rate-per-s", "0.1", "--aht-s", "180", "--target-p-wait", "0"},
      {"c", "--rate-per-s", "0.1", "--aht-s", "180", "--target-p-wait", "1"},
      {"c", "--rate-per-s", "0.1", "--aht-s", "180", "--target-p-wait", "nan"},
      {"a", "--rate-per-s", "0.1", "--aht-s", "180", "--patience-s", "60", "--target-p-wait", "20"},
      {"a", "--rate-per-s", "0.1", "--aht-s", "180", "--patience-s", "60", "--target-sl-over-answered",
       "1"},
      {"c", "--agents", "5", "--lines", "4", "--rate-per-s", "0.01", "--aht-s", "180"},
      {"c", "--agents", "5", "--lines", "0", "--rate-per-s", "0.01", "--aht-s", "180"},
      {"c", "--agents", "5", "--lines", "8", "--rate-per-s", "inf", "--aht-s", "180"},
      {"c", "--rate-per-s", "0.01", "--aht-s", "180", "--target-block", "0.01"},
      {"c", "--rate-per-s", "0.01", "--aht-s", "180", "--target-sl-over-admitted", "0.8"},
      {"c", "--lines", "8", "--rate-per-s", "0.01", "--aht-s", "180", "--target-asa-s", "10"},
      {"c", "--lines", "8", "--rate-per-s", "0.01", "--aht-s", "180", "--target-block", "1.5"},
      {"c", "--lines", "8", "--rate-per-s", "1", "--aht-s", "180", "--target-block", "0.01"},
      {"a", "--agents", "5", "--lines", "8", "--rate-per-s", "0.01", "--aht-s", "180", "--patience-s",
       "60", "--short-abandon-s", "5"},
      {"ivr", "--ports", "5"},
      {"ivr", "--ports", "-1", "--load-erlangs", "3"},
      {"ivr", "--rate-per-s", "0.1", "--mean-ivr-s", "0", "--target-block", "0.01"},
  };
  for (const auto& args : bad) {
    const Outcome o = run(args);
    std::string joined;
    for (const auto& a : args) joined += a + " ";
    EXPECT_FALSE(o.usage_error) << joined;
    EXPECT_EQ(o.exit_code, kExitBadInput) << joined << "\n" << o.out;
    EXPECT_EQ(o.err.rfind("ccsim erlang: ", 0), 0u) << joined << "\n" << o.err;
    EXPECT_NE(o.err.find("; "), std::string::npos) << o.err;  // "<wrong>; <accepted>"
    EXPECT_EQ(o.err.find('\n'), o.err.size() - 1) << o.err;  // exactly one line
  }
}

TEST(ErlangCommand, UnknownFlagsAreLeftToCli11) {
  const Outcome o = run({"c", "--agnets", "5", "--rate-per-s", "0.1", "--aht-s", "180"});
  EXPECT_TRUE(o.usage_error);
}

}  // namespace
}  // namespace ccsim::cli
