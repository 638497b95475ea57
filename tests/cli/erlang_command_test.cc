// tests/cli/erlang_command_test.cc
// `ccsim erlang b|c|a` through a CLI11 app built here: text and JSON output, staffing,
// and exit code 2 with a one-line message for bad values.
#include <gtest/gtest.h>

#include <CLI/CLI.hpp>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

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
  add_erlang_command(app, o.exit_code);
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
  EXPECT_TRUE(contains(o.out, "p_wait")) << o.out;
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
  EXPECT_EQ(j["results"]["p_wait"].get<double>(), m.p_wait);
  EXPECT_EQ(j["results"]["service_level"].get<double>(), m.service_level);
  EXPECT_EQ(j["results"]["asa_s"].get<double>(), m.asa_s);
  EXPECT_EQ(j["results"]["stable"], true);
  EXPECT_EQ(j["staffing"]["agents_for_sl"],
            an::staff_erlang_c_for_sl(3.3333333333333335 / 60.0, 180.0, 20.0, 0.8));
  EXPECT_EQ(j["staffing"]["agents_for_asa"],
            an::staff_erlang_c_for_asa(3.3333333333333335 / 60.0, 180.0, 5.0));
}

TEST(ErlangCommand, CWithoutAgentsReportsTheStaffedLevel) {
  const Outcome o = run({"c", "--rate-per-s", "0.5", "--aht-s", "240", "--target-sl", "0.9",
                         "--json"});
  ASSERT_EQ(o.exit_code, kExitOk) << o.err;
  const auto j = nlohmann::json::parse(o.out);
  const std::uint32_t c = an::staff_erlang_c_for_sl(0.5, 240.0, 20.0, 0.9);
  EXPECT_EQ(j["inputs"]["agents"], c);
  EXPECT_EQ(j["staffing"]["agents_for_sl"], c);
  EXPECT_GE(j["results"]["service_level"].get<double>(), 0.9);
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
  EXPECT_EQ(j["staffing"]["lines_for_block"], 11);
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
  EXPECT_EQ(r["p_abandon"].get<double>(), m.p_abandon);
  EXPECT_EQ(r["sl_answered_within_t_over_offered"].get<double>(),
            m.sl_answered_within_t_over_offered);
  EXPECT_EQ(r["sl_answered_within_t_over_answered"].get<double>(),
            m.sl_answered_within_t_over_answered);
  EXPECT_EQ(r["asa_s"].get<double>(), m.asa_s);
  EXPECT_EQ(r["mean_wait_s"].get<double>(), m.mean_wait_s);
  EXPECT_TRUE(r.contains("sl_excluding_short_abandons"));
  EXPECT_EQ(j["staffing"]["agents_for_abandon"],
            an::staff_erlang_a_for_abandon(200.0 / 3600.0, 180.0, 120.0, 0.02));

  const Outcome text = run({"a", "--agents", "14", "--rate-per-hour", "200", "--aht-s", "180",
                            "--patience-s", "120"});
  ASSERT_EQ(text.exit_code, kExitOk) << text.err;
  EXPECT_TRUE(contains(text.out, "sl_answered_within_t_over_offered")) << text.out;
  EXPECT_TRUE(contains(text.out, "awt_s")) << text.out;
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
