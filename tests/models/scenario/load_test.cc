// tests/models/scenario/load_test.cc
// The scenario loader: one test per kind of bad input (exact pointer, and a message
// that says what is accepted), exact decoding of valid files, and the shipped examples.
#include "models/scenario/load.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "models/planning/warnings.h"
#include "models/routing/policy_names.h"
#include "models/scenario/diagnostic_sink.h"
#include "models/scenario/did_you_mean.h"
#include "models/scenario/input_file.h"
#include "models/scenario/limits.h"
#include "models/scenario/load_internal.h"
#include "models/scenario/message_text.h"
#include "tests/models/scenario/diagnostic_checks.h"
#include "tests/models/scenario/scenario_texts.h"

namespace ccsim::models {
namespace {

using testing::dump;
using testing::errors_of;
using testing::expect_has;
using testing::kDay;
using testing::kSteady;
using testing::with;

// Exactly one diagnostic, with this pointer and this message.
void expect_only(std::string_view text, const std::string& pointer, const std::string& message) {
  testing::expect_single(errors_of(text), pointer, message);
}

// The "known: ..." list of router policies, as the loader prints it; built from the
// registry's list so that adding a policy does not rewrite every policy message here.
std::string known_policies() {
  std::string out;
  for (std::string_view name : kRouterPolicyNames) out += (out.empty() ? "" : ", ") + std::string(name);
  return out;
}

std::string source_path(const std::string& relative) { return std::string(CCSIM_SOURCE_DIR) + "/" + relative; }

// ---- syntax and document-level errors -------------------------------------------------

TEST(LoadScenario, SyntaxErrorGivesByteOffsetLineAndColumn) {
  const auto ds = errors_of("{\n  \"mode\": \"day\",,\n}");
  ASSERT_EQ(ds.size(), 1u) << dump(ds);
  EXPECT_EQ(ds[0].pointer, "");
  EXPECT_EQ(ds[0].message,
            "invalid JSON at byte 19, line 2, column 17: syntax error while parsing object key - unexpected ','; "
            "expected string literal");
}

TEST(LoadScenario, EmptyInputIsASyntaxError) {
  const auto ds = errors_of("");
  ASSERT_EQ(ds.size(), 1u) << dump(ds);
  EXPECT_EQ(ds[0].pointer, "");
  EXPECT_NE(ds[0].message.find("invalid JSON at byte 1"), std::string::npos) << ds[0].message;
  EXPECT_NE(ds[0].message.find("unexpected end of input"), std::string::npos) << ds[0].message;
}

TEST(LoadScenario, NumberOverflowIsReported) {
  const auto ds = errors_of(with(kDay, "\"period_s\": 1800", "\"period_s\": 1e400"));
  ASSERT_EQ(ds.size(), 1u) << dump(ds);
  EXPECT_EQ(ds[0].pointer, "");
  EXPECT_EQ(ds[0].message, "invalid JSON: number overflow parsing '1e400' (numbers must fit a double)");
}

TEST(LoadScenario, TopLevelMustBeAnObject) {
  expect_only("[1, 2]", "", "expected a JSON object at the top level; got an array");
}

TEST(LoadScenario, DuplicateKeyIsAnErrorNotLastWins) {
  expect_only(with(kDay, "\"num_periods\": 3,", "\"num_periods\": 3, \"num_periods\": 3,"), "/num_periods",
              "duplicate key \"num_periods\"; each key may appear once in an object");
  expect_only(with(kDay, "\"mean_s\": 300 }", "\"mean_s\": 300, \"mean_s\": 30 }"), "/contact_types/0/patience/mean_s",
              "duplicate key \"mean_s\"; each key may appear once in an object");
  expect_only(with(kDay, "\"cv\": 0.5", "\"cv\": 0.5, \"cv\": 0.5"), "/contact_types/1/talk/cv",
              "duplicate key \"cv\"; each key may appear once in an object");
}

TEST(LoadScenario, MissingFileIsAWholeDocumentError) {
  try {
    load_scenario_file("/nonexistent/dir/two_skill.json");
    FAIL() << "expected a ScenarioError";
  } catch (const ScenarioError& e) {
    EXPECT_EQ(e.file(), "/nonexistent/dir/two_skill.json");
    ASSERT_EQ(e.diagnostics().size(), 1u);
    EXPECT_EQ(e.diagnostics()[0].pointer, "");
    EXPECT_EQ(e.diagnostics()[0].message,
              "cannot read the scenario file: no such file (expected a path to a .json file)");
    EXPECT_EQ(format_diagnostics(e),
              "/nonexistent/dir/two_skill.json: cannot read the scenario file: no such file (expected a path to a "
              ".json file)\n");
  }
}

TEST(LoadScenario, DirectoryIsNotAScenarioFile) {
  try {
    load_scenario_file(CCSIM_SOURCE_DIR);
    FAIL() << "expected a ScenarioError";
  } catch (const ScenarioError& e) {
    ASSERT_EQ(e.diagnostics().size(), 1u);
    EXPECT_EQ(e.diagnostics()[0].message, "cannot read the scenario file: it is a directory (expected a .json file)");
  }
}

// The one message of a scenario file that must not load.
std::string file_error(const std::string& path) {
  try {
    load_scenario_file(path);
  } catch (const ScenarioError& e) {
    return e.what();
  }
  return "(loaded)";
}

// A scratch folder of this test's own, removed at the end.
struct ScratchDir {
  std::filesystem::path path =
      std::filesystem::temp_directory_path() /
      ("ccsim_load_" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()) + "_" +
       std::to_string(::getpid()));
  ScratchDir() {
    std::filesystem::remove_all(path);
    std::filesystem::create_directories(path);
  }
  ~ScratchDir() { std::filesystem::remove_all(path); }
};

// /dev/zero was read until bad_alloc and a FIFO blocked for ever: only regular files are
// read, and their size is checked before a byte is.
TEST(LoadScenario, OnlyRegularFilesUpToTheSizeLimitAreRead) {
  EXPECT_EQ(file_error("/dev/zero"),
            "/dev/zero: cannot read the scenario file: it is a character device, not a regular file (expected a .json "
            "file)");
  ScratchDir dir;
  const std::string fifo = (dir.path / "fifo.json").string();
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  EXPECT_EQ(file_error(fifo), fifo + ": cannot read the scenario file: it is a named pipe (FIFO), not a regular file "
                                     "(expected a .json file)");
  // A sparse file one byte over the limit costs no disk and is refused unread.
  const std::filesystem::path big = dir.path / "big.json";
  std::ofstream(big) << "{}";
  std::filesystem::resize_file(big, internal::kMaxInputFileBytes + 1);
  EXPECT_EQ(file_error(big.string()), big.string() + ": cannot read the scenario file: it is 67108865 bytes, over the "
                                                     "64 MiB limit for an input file; is it the right file?");
  // A link to a regular file is that file.
  const std::filesystem::path file = dir.path / "day.json", link = dir.path / "link.json";
  std::ofstream(file) << kDay;
  std::filesystem::create_symlink(file, link);
  EXPECT_NO_THROW(load_scenario_file(link.string()));
}

// An 80 KB file nested 40,000 deep took 1.6 GB: the duplicate-key finder kept each open
// level's whole pointer. Parsing now stops at the first level past the limit.
TEST(LoadScenario, NestingPastTheDepthLimitStopsWithALocatedError) {
  const std::size_t limit = internal::kMaxNestingDepth;
  const std::string message = fmt::format(
      "arrays and objects nested more than {0} levels deep; at most {0} are accepted (a scenario needs fewer than 10)",
      limit);
  const auto nested = [](std::size_t depth, std::string_view open, std::string_view inner, std::string_view close) {
    std::string text;
    for (std::size_t i = 0; i < depth; ++i) text += open;
    text += inner;
    for (std::size_t i = 0; i < depth; ++i) text += close;
    return text;
  };
  const auto repeat = [](std::size_t n, std::string_view token) {
    std::string out;
    for (std::size_t i = 0; i < n; ++i) out += token;
    return out;
  };
  expect_only(nested(40000, "[", "", "]"), repeat(limit, "/0"), message);
  expect_only(nested(40000, R"({"a~b":)", "1", "}"), repeat(limit, "/a~0b"), message);
  // Inside a scenario, after a duplicate key that is still reported.
  const std::string deep = nested(20000, R"([{"k":)", "1", "}]");
  const auto ds = errors_of(with(kDay, R"("mode": "day",)", R"("mode": "day", "mode": "day", "x": )" + deep + ","));
  ASSERT_EQ(ds.size(), 2u) << dump(ds);
  EXPECT_EQ(ds[0].pointer, "/mode");
  EXPECT_EQ(ds[1].pointer, "/x" + repeat(limit / 2 - 1, "/0/k") + "/0");
  EXPECT_EQ(ds[1].message, message);
  // At the limit the file is parsed, and only decoded values can be wrong.
  expect_only(nested(limit, "[", "", "]"), "", "expected a JSON object at the top level; got an array");
}

// ---- unknown keys -----------------------------------------------------------------

TEST(LoadScenario, UnknownTopLevelKeySuggestsTheCloseOne) {
  const auto ds = errors_of(with(kDay, "\"period_s\"", "\"perod_s\""));
  ASSERT_EQ(ds.size(), 2u) << dump(ds);
  EXPECT_EQ(ds[0].pointer, "/perod_s");
  EXPECT_EQ(ds[0].message,
            "unknown key \"perod_s\"; known: name, description, mode, period_s, num_periods, start_time, days, "
            "steady_state, trunks, ivr, forecast, staffing_plan, contact_types, agent_groups, router, service_level, targets, rng, confidence, check, costs, closing, busyness, $schema "
            "(did you mean \"period_s\"?)");
  EXPECT_EQ(ds[1].pointer, "");
  EXPECT_EQ(ds[1].message, "missing required key \"period_s\"; expected a number > 0");
}

TEST(LoadScenario, UnknownNestedKeySuggestsTheCloseOne) {
  expect_only(with(kDay, "\"patience\":", "\"patiense\":"), "/contact_types/0/patiense",
              "unknown key \"patiense\"; known: name, channel, due_s, interruptible, dialer, priority, arrivals, ivr, talk, "
              "wrap_up, patience, aht_per_period_s, patience_per_period_s, service_level, max_wait_s, balking, redial, "
              "transfers, returns, callback (did you mean \"patience\"?)");
}

TEST(LoadScenario, UnknownKeyInADistributionNamesTheDist) {
  const auto ds = errors_of(with(kDay, "\"mean_s\": 240", "\"mean\": 240"));
  ASSERT_EQ(ds.size(), 2u) << dump(ds);
  EXPECT_EQ(ds[0].pointer, "/contact_types/0/talk/mean");
  EXPECT_EQ(ds[0].message,
            "unknown key \"mean\" for dist \"exponential\"; known: dist, mean_s (did you mean \"mean_s\"?)");
  EXPECT_EQ(ds[1].pointer, "/contact_types/0/talk");
  EXPECT_EQ(ds[1].message, "missing required key \"mean_s\"; expected a number > 0");
}

TEST(LoadScenario, UnknownKeyFarFromEveryKnownOneHasNoSuggestion) {
  expect_only(with(kDay, "\"mode\": \"day\",", "\"mode\": \"day\", \"colour\": \"blue\","), "/colour",
              "unknown key \"colour\"; known: name, description, mode, period_s, num_periods, start_time, "
              "days, steady_state, trunks, ivr, forecast, staffing_plan, contact_types, agent_groups, router, service_level, targets, rng, "
              "confidence, check, costs, closing, busyness, $schema");
}

TEST(LoadScenario, KeyOfAnotherArrivalProcessIsUnknownForThisOne) {
  expect_only(with(kDay, "\"rate_per_hour\": 60", "\"rate_per_hour\": 60, \"per_period\": [1, 2, 3]"),
              "/contact_types/1/arrivals/per_period",
              "unknown key \"per_period\" for process \"poisson\"; known: process, rate_per_s, rate_per_min, "
              "rate_per_hour");
}

TEST(LoadScenario, PointerTokensAreEscaped) {
  // RFC 6901: "~" -> "~0", "/" -> "~1".
  expect_only(with(kDay, "\"sales\": [\"tier1\"]", "\"sales\": [\"tier1\"], \"a/b~c\": [\"tier1\"]"),
              "/router/type_to_group/a~1b~0c", "unknown contact type \"a/b~c\"; defined: billing, sales");
}

// ---- missing keys and wrong types ---------------------------------------------------

TEST(LoadScenario, MissingRequiredKeySaysWhatIsExpected) {
  expect_only(
      with(kDay, R"("talk": { "dist": "lognormal", "mean_s": 300, "cv": 0.5 })", R"("priority": 2)"),
      "/contact_types/1",
      R"(missing required key "talk"; expected a distribution object such as {"dist": "exponential", "mean_s": 180})");
  expect_only(
      with(kDay, "\"mode\": \"day\",", ""), "",
      R"(missing required key "mode"; expected "day" (planning periods over one day) or "steady_state" (stationary long run))");
  expect_only(with(kDay, R"("router": { "type_to_group": { "billing": ["support", "tier1"], "sales": ["tier1"] } })",
                   R"("router": { "policy": "queue_priority" })"),
              "/router",
              "missing required key \"type_to_group\"; expected an object mapping each contact type name to an array "
              "of agent group names");
}

TEST(LoadScenario, WrongTypeSaysWhatIsExpectedAndWhatWasGot) {
  expect_only(with(kDay, "\"period_s\": 1800", "\"period_s\": \"1800\""), "/period_s",
              "expected a number > 0; got string \"1800\"");
  expect_only(with(kDay, "\"staffing\": 4", "\"staffing\": 1.5"), "/agent_groups/1/staffing",
              "expected an integer >= 0; got 1.5");
  // Integer keys take JSON integers only; 4.0 is shown as written.
  expect_only(with(kDay, "\"staffing\": 4", "\"staffing\": 4.0"), "/agent_groups/1/staffing",
              "expected an integer >= 0; got 4.0");
  expect_only(with(kDay, "\"staffing\": 4", "\"staffing\": \"4\""), "/agent_groups/1/staffing",
              "expected an integer >= 0 (every period) or an array of 3 integers >= 0 (one per period); got string "
              "\"4\"");
}

TEST(LoadScenario, ContactTypesMustBeANonEmptyArray) {
  // Routes to the types that failed to decode are not reported as unknown.
  auto ds = errors_of(with(kDay, "\"contact_types\": [", "\"contact_types\": [], \"x\": ["));
  ASSERT_EQ(ds.size(), 2u) << dump(ds);
  EXPECT_EQ(ds[0].pointer, "/x");
  EXPECT_EQ(ds[1].pointer, "/contact_types");
  EXPECT_EQ(ds[1].message, "expected a non-empty array of contact type objects; got an empty array");
  ds = errors_of(with(kDay, "\"contact_types\": [", "\"contact_types\": {\"a\": 1}, \"x\": ["));
  ASSERT_EQ(ds.size(), 2u) << dump(ds);
  EXPECT_EQ(ds[1].pointer, "/contact_types");
  EXPECT_EQ(ds[1].message, "expected a non-empty array of contact type objects; got an object");
}

// ---- numbers out of range ------------------------------------------------------------

TEST(LoadScenario, NegativeRateIsAnError) {
  expect_only(with(kDay, "\"rate_per_hour\": 60", "\"rate_per_hour\": -60"), "/contact_types/1/arrivals/rate_per_hour",
              "must be >= 0; got -60");
  expect_only(with(kDay, "[120, 180, 150]", "[120, -1.5, 150]"), "/contact_types/0/arrivals/per_period/1",
              "must be >= 0; got -1.5");
}

TEST(LoadScenario, PoissonNeedsExactlyOneRate) {
  expect_only(with(kDay, "\"rate_per_hour\": 60", "\"rate_per_hour\": 60, \"rate_per_s\": 1"),
              "/contact_types/1/arrivals", "\"rate_per_s\" and \"rate_per_hour\" are exclusive; give exactly one rate");
  expect_only(with(kDay, ", \"rate_per_hour\": 60", ""), "/contact_types/1/arrivals",
              "process \"poisson\" needs exactly one of \"rate_per_s\", \"rate_per_min\", \"rate_per_hour\" (a number "
              ">= 0)");
}

TEST(LoadScenario, ArrayLengthMustMatchNumPeriods) {
  expect_only(with(kDay, "[120, 180, 150]", "[120, 180]"), "/contact_types/0/arrivals/per_period",
              "expected 3 values (num_periods), got 2");
  expect_only(with(kDay, "[10, 12, 11]", "[10, 12, 11, 9]"), "/agent_groups/0/staffing",
              "expected 3 values (num_periods), got 4");
}

TEST(LoadScenario, NegativeStaffingIsAnErrorNotZero) {
  expect_only(with(kDay, "[10, 12, 11]", "[10, -2, 11]"), "/agent_groups/0/staffing/1", "must be >= 0; got -2");
}

// Legal (a what-if, or a group `ccsim staff` found no need for), so a warning, not an error.
std::string never_staffed_warning(const ScenarioSpec& s) {
  for (const Warning& w : scenario_warnings(s))
    if (w.code == "group_never_staffed") return w.message;
  return "";
}

TEST(LoadScenario, GroupNeverStaffedLoadsWithAWarning) {
  const ScenarioSpec s = load_scenario_text(with(kDay, "[10, 12, 11]", "[0, 0, 0]"), "t.json");
  EXPECT_EQ(never_staffed_warning(s),
            "/agent_groups/0/staffing: agent group \"support\" is never staffed (0 agents in every period); it takes "
            "no contact (its types are left to their other groups, if they have any)");
  EXPECT_EQ(never_staffed_warning(load_scenario_text(kDay, "t.json")), "");
}

// ---- names and cross-references -------------------------------------------------------

TEST(LoadScenario, UnknownGroupInRoutingSuggestsTheCloseOne) {
  expect_only(with(kDay, "\"sales\": [\"tier1\"]", "\"sales\": [\"tier2\"]"), "/router/type_to_group/sales/0",
              "unknown agent group \"tier2\"; defined: support, tier1 (did you mean \"tier1\"?)");
  // tier1 then serves nobody, but that only repeats the typo: one error.
  expect_only(
      with(with(kDay, "\"sales\": [\"tier1\"]", "\"sales\": [\"tier2\"]"), "[\"support\", \"tier1\"]", "[\"support\"]"),
      "/router/type_to_group/sales/0",
      "unknown agent group \"tier2\"; defined: support, tier1 (did you mean \"tier1\"?)");
}

TEST(LoadScenario, UnknownContactTypeInRoutingSuggestsTheCloseOne) {
  // "billing" then has no route, but that only repeats the typo: one error.
  expect_only(with(kDay, "\"billing\": [\"support\"", "\"biling\": [\"support\""), "/router/type_to_group/biling",
              "unknown contact type \"biling\"; defined: billing, sales (did you mean \"billing\"?)");
}

TEST(LoadScenario, ContactTypeWithoutRouteIsAnError) {
  expect_only(with(kDay, ", \"sales\": [\"tier1\"]", ""), "/router/type_to_group",
              "contact type \"sales\" has no route; add \"sales\": [\"<agent group>\", ...] (every contact type "
              "that can reach agents needs one)");
}

TEST(LoadScenario, GroupListedTwiceInOneRouteIsAnError) {
  expect_only(with(kDay, "[\"support\", \"tier1\"]", "[\"support\", \"tier1\", \"support\"]"),
              "/router/type_to_group/billing/2",
              "agent group \"support\" is listed twice (also at index 0); list each group once");
}

TEST(LoadScenario, EmptyRouteIsAnError) {
  expect_only(with(kDay, "\"sales\": [\"tier1\"]", "\"sales\": []"), "/router/type_to_group/sales",
              "expected a non-empty array of agent group names, preferred first; got an empty array");
}

TEST(LoadScenario, RouteThatIsNotAnArrayIsOneError) {
  // tier1 then serves nobody, but the route that names it could not be read: one error.
  expect_only(with(kDay, "\"sales\": [\"tier1\"]", "\"sales\": \"tier1\""), "/router/type_to_group/sales",
              "expected a non-empty array of agent group names, preferred first; got string \"tier1\"");
}

TEST(LoadScenario, GroupThatServesNoTypeIsAnError) {
  expect_only(with(with(kDay, "[\"support\", \"tier1\"]", "[\"support\"]"), "\"sales\": [\"tier1\"]",
                   "\"sales\": [\"support\"]"),
              "/agent_groups/1",
              "agent group \"tier1\" serves no contact type; list it in /router/type_to_group or remove it");
}

TEST(LoadScenario, UnknownPolicySuggestsTheCloseOne) {
  expect_only(with(kDay, "\"router\": {", "\"router\": { \"policy\": \"queue_priorty\","), "/router/policy",
              "unknown router policy \"queue_priorty\"; known: " + known_policies() +
                  " (did you mean \"queue_priority\"?)");
  expect_only(with(kDay, "\"router\": {", "\"router\": { \"policy\": \"skill_based\","), "/router/policy",
              "unknown router policy \"skill_based\"; known: " + known_policies());
}

TEST(LoadScenario, DuplicateNamesAreErrors) {
  auto ds = errors_of(with(kDay, "\"name\": \"sales\"", "\"name\": \"billing\""));
  expect_has(ds, "/contact_types/1/name",
             "duplicate contact type name \"billing\"; names must be unique (first used at /contact_types/0/name)");
  ds = errors_of(with(kDay, "\"name\": \"tier1\"", "\"name\": \"support\""));
  expect_has(ds, "/agent_groups/1/name",
             "duplicate agent group name \"support\"; names must be unique (first used at /agent_groups/0/name)");
}

TEST(LoadScenario, UnreadableNameDoesNotMakeRoutesUnknown) {
  // The route to "sales" may well mean the type whose name is broken: one error only.
  expect_only(with(kDay, "\"name\": \"sales\"", "\"name\": 7"), "/contact_types/1/name",
              "expected a non-empty string; got 7");
  const auto ds = errors_of(with(kDay, "\"name\": \"tier1\"", "\"nam\": \"tier1\""));
  ASSERT_EQ(ds.size(), 2u) << dump(ds);
  EXPECT_EQ(ds[0].pointer, "/agent_groups/1/nam");
  EXPECT_EQ(ds[0].message,
            "unknown key \"nam\"; known: name, staffing, shifts, absenteeism, shrinkage, cost_per_hour, chat, "
            "max_agents_on (did you mean \"name\"?)");
  EXPECT_EQ(ds[1].pointer, "/agent_groups/1");
  EXPECT_EQ(ds[1].message, "missing required key \"name\"; expected a non-empty string, unique among agent groups");
}

TEST(LoadScenario, EmptyNameIsAnError) {
  const auto ds = errors_of(with(kDay, "\"name\": \"sales\"", "\"name\": \"\""));
  expect_has(ds, "/contact_types/1/name", "must be a non-empty string; got \"\"");
}

// ---- IVR ------------------------------------------------------------------------------

constexpr std::string_view kIvr =
    R"("ivr": { "duration": { "dist": "constant", "value_s": 40 }, "p_self_service": 0.3, "p_hangup": 0.1 },)";

TEST(LoadScenario, IvrProbabilityOutOfRangeIsAnError) {
  const std::string ivr = with(kIvr, "0.3", "1.2");
  expect_only(with(with(kDay, "\"mode\": \"day\",", "\"mode\": \"day\", \"ivr\": {},"), "\"name\": \"sales\",",
                   "\"name\": \"sales\", " + ivr),
              "/contact_types/1/ivr/p_self_service",
              "must be in [0, 1] (a fraction: write 1.2 % as 0.012); got 1.2");
}

TEST(LoadScenario, IvrProbabilitiesSummingOverOneAreNotRescaled) {
  const std::string ivr = with(with(kIvr, "0.3", "0.9"), "0.1", "0.2");
  expect_only(with(with(kDay, "\"mode\": \"day\",", "\"mode\": \"day\", \"ivr\": {},"), "\"name\": \"sales\",",
                   "\"name\": \"sales\", " + ivr),
              "/contact_types/1/ivr",
              "p_self_service + p_hangup must be <= 1 (the rest goes on to the agents); got 0.9 + 0.2 = 1.1");
}

TEST(LoadScenario, IvrTreatmentNeedsTheTopLevelIvr) {
  expect_only(with(kDay, "\"name\": \"sales\",", "\"name\": \"sales\", " + std::string(kIvr)), "/contact_types/1/ivr",
              "contact type \"sales\" has an IVR treatment but the scenario has no top-level \"ivr\" object; add "
              "\"ivr\": {} (unlimited ports) or \"ivr\": {\"ports\": N}");
}

TEST(LoadScenario, TopLevelIvrWithoutTreatmentIsAnError) {
  expect_only(with(kDay, "\"mode\": \"day\",", "\"mode\": \"day\", \"ivr\": { \"ports\": 10 },"), "/ivr",
              "no contact type has an ivr treatment; remove \"ivr\" or give a contact type an \"ivr\" object");
  expect_only(with(with(kDay, "\"mode\": \"day\",", "\"mode\": \"day\", \"ivr\": { \"ports\": 0 },"),
                   "\"name\": \"sales\",", "\"name\": \"sales\", " + std::string(kIvr)),
              "/ivr/ports", "must be >= 1; got 0");
}

TEST(LoadScenario, MalformedIvrTreatmentIsNotReportedAsMissing) {
  expect_only(with(with(kDay, "\"mode\": \"day\",", "\"mode\": \"day\", \"ivr\": {},"), "\"name\": \"sales\",",
                   "\"name\": \"sales\", \"ivr\": 3,"),
              "/contact_types/1/ivr",
              "expected an object {\"duration\": <distribution>, \"p_self_service\": p, \"p_hangup\": p}; got 3");
}

TEST(LoadScenario, TrunksNeedLines) {
  const auto ds = errors_of(with(kDay, "\"mode\": \"day\",", "\"mode\": \"day\", \"trunks\": {},"));
  ASSERT_EQ(ds.size(), 1u) << dump(ds);
  EXPECT_EQ(ds[0].pointer, "/trunks");
  EXPECT_EQ(ds[0].message, "missing required key \"lines\"; expected an integer >= 1");
}

// ---- router.group_to_type and router.handle_time_multipliers ---------------------------

// kDay with `entries` added at the start of the router object. In kDay, support serves
// billing; tier1 serves billing and sales.
std::string with_router(std::string_view entries) {
  return with(kDay, "\"router\": {", "\"router\": { " + std::string(entries) + ",");
}

TEST(LoadScenario, UnknownRouterKeyListsTheTables) {
  expect_only(with_router(R"("group_to_typ": { "tier1": ["sales", "billing"] })"), "/router/group_to_typ",
              "unknown key \"group_to_typ\"; known: policy, type_to_group, group_to_type, handle_time_multipliers, "
              "overflow_delays_s, wait_weights, reservations (did you mean \"group_to_type\"?)");
}

TEST(LoadScenario, GroupToTypeMustBeAnObjectOfNonEmptyArrays) {
  expect_only(with_router(R"("group_to_type": ["tier1"])"), "/router/group_to_type",
              "expected an object mapping agent group names to arrays of contact type names, highest priority first; "
              "got an array");
  expect_only(with_router(R"("group_to_type": { "tier1": [] })"), "/router/group_to_type/tier1",
              "expected a non-empty array of contact type names, highest priority first; got an empty array");
  expect_only(with_router(R"("group_to_type": { "tier1": "sales" })"), "/router/group_to_type/tier1",
              "expected a non-empty array of contact type names, highest priority first; got string \"sales\"");
  // The unreadable entry may be the "missing" billing: one error.
  expect_only(with_router(R"("group_to_type": { "tier1": ["sales", 3] })"), "/router/group_to_type/tier1/1",
              "expected a contact type name (a string); got 3");
}

TEST(LoadScenario, UnknownGroupInGroupToTypeSuggestsTheCloseOne) {
  // tier1 then keeps the derived order: nothing else to report.
  expect_only(with_router(R"("group_to_type": { "tier2": ["sales", "billing"] })"), "/router/group_to_type/tier2",
              "unknown agent group \"tier2\"; defined: support, tier1 (did you mean \"tier1\"?)");
}

TEST(LoadScenario, UnknownTypeInGroupToTypeSuggestsTheCloseOne) {
  // billing then looks missing from the list, but that only repeats the typo: one error.
  expect_only(with_router(R"("group_to_type": { "tier1": ["sales", "biling"] })"), "/router/group_to_type/tier1/1",
              "unknown contact type \"biling\"; defined: billing, sales (did you mean \"billing\"?)");
  expect_only(with_router(R"("group_to_type": { "tier1": ["sales", "refunds"] })"), "/router/group_to_type/tier1/1",
              "unknown contact type \"refunds\"; defined: billing, sales");
}

TEST(LoadScenario, TypeListedTwiceInGroupToTypeIsAnError) {
  expect_only(with_router(R"("group_to_type": { "tier1": ["sales", "billing", "sales"] })"),
              "/router/group_to_type/tier1/2",
              "contact type \"sales\" is listed twice (also at index 0); list each type once");
}

TEST(LoadScenario, GroupToTypeMustListEveryTypeTheGroupServes) {
  expect_only(with_router(R"("group_to_type": { "tier1": ["sales"] })"), "/router/group_to_type/tier1",
              "agent group \"tier1\" serves contact type \"billing\" (it is in /router/type_to_group/billing) but "
              "/router/group_to_type/tier1 does not list it; list every type the group serves");
}

TEST(LoadScenario, GroupToTypeMustListOnlyTypesThatRouteToTheGroup) {
  expect_only(with_router(R"("group_to_type": { "support": ["billing", "sales"] })"), "/router/group_to_type/support/1",
              "contact type \"sales\" does not route to agent group \"support\" in /router/type_to_group; remove it "
              "from this list or add \"support\" to /router/type_to_group/sales");
  // A type whose IVR releases every call has no route, and routes to no group.
  const std::string ivr = with(with(kIvr, "0.3", "0.75"), "0.1", "0.25");
  std::string text = with(with_router(R"("group_to_type": { "tier1": ["billing", "sales"] })"), "\"mode\": \"day\",",
                          "\"mode\": \"day\", \"ivr\": {},");
  text = with(text, "\"name\": \"sales\",", "\"name\": \"sales\", " + ivr);
  text = with(text, ", \"sales\": [\"tier1\"]", "");
  expect_only(text, "/router/group_to_type/tier1/1",
              "contact type \"sales\" does not route to agent group \"tier1\" in /router/type_to_group; remove it "
              "from this list or add \"tier1\" to /router/type_to_group/sales");
}

TEST(LoadScenario, TypoInTypeToGroupIsNotRepeatedByTheTables) {
  // sales -> tier2 (a typo of tier1): tier1's list and factor for sales only echo it.
  expect_only(with(with_router(R"("group_to_type": { "tier1": ["sales", "billing"] }, )"
                               R"("handle_time_multipliers": { "sales": { "tier1": 1.5 } })"),
                   "\"sales\": [\"tier1\"]", "\"sales\": [\"tier2\"]"),
              "/router/type_to_group/sales/0",
              "unknown agent group \"tier2\"; defined: support, tier1 (did you mean \"tier1\"?)");
  // "biling" (a typo of billing): support's list naming billing only echoes it.
  expect_only(with(with_router(R"("group_to_type": { "support": ["billing"] })"), "\"billing\": [\"support\"",
                   "\"biling\": [\"support\""),
              "/router/type_to_group/biling",
              "unknown contact type \"biling\"; defined: billing, sales (did you mean \"billing\"?)");
  // No type_to_group at all: nothing to compare the tables with.
  expect_only(with(with_router(R"("group_to_type": { "tier1": ["sales", "billing"] }, )"
                               R"("handle_time_multipliers": { "sales": { "support": 1.5 } })"),
                   R"(, "type_to_group": { "billing": ["support", "tier1"], "sales": ["tier1"] })", ""),
              "/router",
              "missing required key \"type_to_group\"; expected an object mapping each contact type name to an array "
              "of agent group names");
}

TEST(LoadScenario, HandleTimeMultipliersMustBeObjects) {
  expect_only(with_router(R"("handle_time_multipliers": [1.25])"), "/router/handle_time_multipliers",
              "expected an object mapping contact type names to objects {\"<agent group>\": factor > 0, ...}; got an "
              "array");
  expect_only(with_router(R"("handle_time_multipliers": { "billing": 1.25 })"),
              "/router/handle_time_multipliers/billing",
              "expected an object mapping agent group names to factors > 0, such as {\"<group>\": 1.25}; got 1.25");
}

TEST(LoadScenario, UnknownNamesInHandleTimeMultipliersSuggestTheCloseOne) {
  expect_only(with_router(R"("handle_time_multipliers": { "biling": { "tier1": 1.25 } })"),
              "/router/handle_time_multipliers/biling",
              "unknown contact type \"biling\"; defined: billing, sales (did you mean \"billing\"?)");
  expect_only(with_router(R"("handle_time_multipliers": { "billing": { "tier2": 1.25 } })"),
              "/router/handle_time_multipliers/billing/tier2",
              "unknown agent group \"tier2\"; defined: support, tier1 (did you mean \"tier1\"?)");
}

TEST(LoadScenario, HandleTimeMultiplierNeedsAGroupThatServesTheType) {
  expect_only(with_router(R"("handle_time_multipliers": { "sales": { "support": 1.25 } })"),
              "/router/handle_time_multipliers/sales/support",
              "agent group \"support\" does not serve contact type \"sales\" (see /router/type_to_group/sales); give "
              "factors only for the groups in that list");
}

TEST(LoadScenario, HandleTimeMultiplierMustBePositive) {
  const std::string base = with_router(R"("handle_time_multipliers": { "billing": { "tier1": X } })");
  const std::string ptr = "/router/handle_time_multipliers/billing/tier1";
  expect_only(with(base, "X", "0"), ptr, "must be > 0; got 0");
  expect_only(with(base, "X", "-1.5"), ptr, "must be > 0; got -1.5");
  expect_only(with(base, "X", "\"1.25\""), ptr, "expected a number > 0; got string \"1.25\"");
  expect_only(with(base, "X", "null"), ptr, "expected a number > 0; got null");
  // Not finite: JSON has no infinity, and 1e400 is rejected by the parser.
  expect_only(with(base, "X", "1e400"), "",
              "invalid JSON: number overflow parsing '1e400' (numbers must fit a double)");
}

// ---- router.overflow_delays_s -----------------------------------------------------------

// kDay under overflow_after_delay with this overflow_delays_s table.
std::string with_delays(std::string_view table) {
  return with_router(R"("policy": "overflow_after_delay", "overflow_delays_s": )" + std::string(table));
}

// One contact type "calls" routed to `groups` groups g0, g1, ..., each delayed 30 s.
std::string many_delayed_groups(std::size_t groups) {
  std::string list, staffing, delays;
  for (std::size_t i = 0; i < groups; ++i) {
    const std::string name = "\"g" + std::to_string(i) + "\"";
    list += (i ? ", " : "") + name;
    staffing += std::string(i ? ", " : "") + "{ \"name\": " + name + ", \"staffing\": 1 }";
    delays += (i ? ", " : "") + name + ": 30";
  }
  return R"({ "mode": "day", "period_s": 3600, "num_periods": 1,
    "contact_types": [ { "name": "calls", "arrivals": { "process": "poisson", "rate_per_hour": 60 },
                         "talk": { "dist": "exponential", "mean_s": 180 } } ],
    "agent_groups": [ )" +
         staffing + R"( ],
    "router": { "policy": "overflow_after_delay", "type_to_group": { "calls": [ )" +
         list + R"( ] },
                "overflow_delays_s": { "calls": { )" +
         delays + " } } } }";
}

TEST(LoadScenario, OverflowDelaysDecodeExactly) {
  // billing lists (support, tier1): parallel to that list whatever the order in the file.
  const ScenarioSpec s = load_scenario_text(with_delays(R"({ "billing": { "tier1": 20, "support": 0 } })"), "t.json");
  const auto billing = make_id<ContactTypeId>(0), sales = make_id<ContactTypeId>(1);
  EXPECT_EQ(s.router.policy, "overflow_after_delay");
  EXPECT_EQ(s.contact_types[billing].overflow_delay_s, (std::vector<double>{0.0, 20.0}));
  EXPECT_TRUE(s.contact_types[sales].overflow_delay_s.empty());  // not listed: 0 for every group

  // Unlisted groups get 0; a type whose every group is delayed is accepted.
  const ScenarioSpec t =
      load_scenario_text(with_delays(R"({ "billing": { "tier1": 12.5 }, "sales": { "tier1": 15 } })"), "t.json");
  EXPECT_EQ(t.contact_types[billing].overflow_delay_s, (std::vector<double>{0.0, 12.5}));
  EXPECT_EQ(t.contact_types[sales].overflow_delay_s, (std::vector<double>{15.0}));

  // The policy without the table: no delays at all (queue_priority behaviour).
  const ScenarioSpec plain = load_scenario_text(with_router(R"("policy": "overflow_after_delay")"), "t.json");
  for (const ContactTypeSpec& c : plain.contact_types) EXPECT_TRUE(c.overflow_delay_s.empty());
}

TEST(LoadScenario, OverflowDelaysNeedTheirPolicy) {
  const std::string table = R"("overflow_delays_s": { "billing": { "tier1": 20 } })";
  const std::string message =
      "only used by policy \"overflow_after_delay\"; set /router/policy to it or remove this table";
  expect_only(with_router(table), "/router/overflow_delays_s", message);  // default policy
  expect_only(with_router(R"("policy": "queue_priority", )" + table), "/router/overflow_delays_s", message);
  // A misspelt policy is reported once; the table is still checked.
  expect_only(with_router(R"("policy": "overflow_after_dealy", )" + table), "/router/policy",
              "unknown router policy \"overflow_after_dealy\"; known: " + known_policies() +
                  " (did you mean \"overflow_after_delay\"?)");
  const auto ds = errors_of(with_router(R"("policy": "overflow_after_dealy", "overflow_delays_s": { "billing": 20 })"));
  ASSERT_EQ(ds.size(), 2u) << dump(ds);
  EXPECT_EQ(ds[1].pointer, "/router/overflow_delays_s/billing");
}

TEST(LoadScenario, OverflowDelaysMustBeObjects) {
  expect_only(with_delays("[20]"), "/router/overflow_delays_s",
              "expected an object mapping contact type names to objects {\"<agent group>\": seconds >= 0, ...}; got "
              "an array");
  expect_only(with_delays(R"({ "billing": 20 })"), "/router/overflow_delays_s/billing",
              "expected an object mapping agent group names to delays in seconds >= 0, such as {\"<group>\": 20}; "
              "got 20");
}

TEST(LoadScenario, UnknownNamesInOverflowDelaysSuggestTheCloseOne) {
  expect_only(with_delays(R"({ "biling": { "tier1": 20 } })"), "/router/overflow_delays_s/biling",
              "unknown contact type \"biling\"; defined: billing, sales (did you mean \"billing\"?)");
  expect_only(with_delays(R"({ "billing": { "tier2": 20 } })"), "/router/overflow_delays_s/billing/tier2",
              "unknown agent group \"tier2\"; defined: support, tier1 (did you mean \"tier1\"?)");
  expect_only(with_delays(R"({ "billing": { "overflow": 20 } })"), "/router/overflow_delays_s/billing/overflow",
              "unknown agent group \"overflow\"; defined: support, tier1");
}

TEST(LoadScenario, OverflowDelayNeedsAGroupThatServesTheType) {
  expect_only(with_delays(R"({ "sales": { "support": 20 } })"), "/router/overflow_delays_s/sales/support",
              "agent group \"support\" does not serve contact type \"sales\" (see /router/type_to_group/sales); give "
              "delays only for the groups in that list");
  // sales -> tier2 (a typo of tier1): a delay for tier1 only echoes it.
  expect_only(with(with_delays(R"({ "sales": { "tier1": 20 } })"), "\"sales\": [\"tier1\"]", "\"sales\": [\"tier2\"]"),
              "/router/type_to_group/sales/0",
              "unknown agent group \"tier2\"; defined: support, tier1 (did you mean \"tier1\"?)");
}

TEST(LoadScenario, OverflowDelayMustBeANonNegativeNumber) {
  const std::string base = with_delays(R"({ "billing": { "tier1": X } })");
  const std::string ptr = "/router/overflow_delays_s/billing/tier1";
  expect_only(with(base, "X", "-5"), ptr, "must be >= 0; got -5");
  expect_only(with(base, "X", "-0.5"), ptr, "must be >= 0; got -0.5");
  expect_only(with(base, "X", "\"20\""), ptr, "expected a number >= 0; got string \"20\"");
  expect_only(with(base, "X", "null"), ptr, "expected a number >= 0; got null");
  expect_only(with(base, "X", "true"), ptr, "expected a number >= 0; got true");
  EXPECT_NO_THROW(load_scenario_text(with(base, "X", "0"), "t.json"));
}

TEST(LoadScenario, AtMost255DelayedGroupsPerType) {
  const ScenarioSpec s = load_scenario_text(many_delayed_groups(255), "t.json");
  EXPECT_EQ(s.contact_types[make_id<ContactTypeId>(0)].overflow_delay_s, std::vector<double>(255, 30.0));
  expect_only(many_delayed_groups(256), "/router/overflow_delays_s/calls",
              "contact type \"calls\" has 256 agent groups with a positive delay; at most 255 are supported (one "
              "eligibility timer per delayed group): give the others a delay of 0");
  // Groups with delay 0 need no timer.
  EXPECT_NO_THROW(load_scenario_text(with(many_delayed_groups(256), "\"g0\": 30", "\"g0\": 0"), "t.json"));
}

// ---- router.wait_weights ----------------------------------------------------------------

// kDay under longest_weighted_wait with this wait_weights table.
std::string with_weights(std::string_view table) {
  return with_router(R"("policy": "longest_weighted_wait", "wait_weights": )" + std::string(table));
}

TEST(LoadScenario, WaitWeightsDecodeExactly) {
  const auto billing = make_id<ContactTypeId>(0), sales = make_id<ContactTypeId>(1);
  // Per-group form: parallel to billing's groups (support, tier1) whatever the order in
  // the file; sales is not listed and keeps an empty vector (1 for every group).
  const ScenarioSpec s = load_scenario_text(with_weights(R"({ "billing": { "tier1": 3, "support": 0.5 } })"), "t.json");
  EXPECT_EQ(s.router.policy, "longest_weighted_wait");
  EXPECT_EQ(s.contact_types[billing].wait_weight, (std::vector<double>{0.5, 3.0}));
  EXPECT_TRUE(s.contact_types[sales].wait_weight.empty());

  // A group the entry does not name gets 1; an empty object is all 1, but not empty.
  const ScenarioSpec t =
      load_scenario_text(with_weights(R"({ "billing": { "tier1": 2.5 }, "sales": {} })"), "t.json");
  EXPECT_EQ(t.contact_types[billing].wait_weight, (std::vector<double>{1.0, 2.5}));
  EXPECT_EQ(t.contact_types[sales].wait_weight, (std::vector<double>{1.0}));

  // Bare number: that weight for every group serving the type; both forms may be mixed.
  const ScenarioSpec u =
      load_scenario_text(with_weights(R"({ "billing": 3, "sales": { "tier1": 0.25 } })"), "t.json");
  EXPECT_EQ(u.contact_types[billing].wait_weight, (std::vector<double>{3.0, 3.0}));
  EXPECT_EQ(u.contact_types[sales].wait_weight, (std::vector<double>{0.25}));

  // The policy without the table: no weights at all (all 1).
  const ScenarioSpec plain = load_scenario_text(with_router(R"("policy": "longest_weighted_wait")"), "t.json");
  for (const ContactTypeSpec& c : plain.contact_types) EXPECT_TRUE(c.wait_weight.empty());
  // Other tables leave the weights alone.
  for (const ContactTypeSpec& c : load_scenario_text(kDay, "t.json").contact_types) EXPECT_TRUE(c.wait_weight.empty());
}

TEST(LoadScenario, WaitWeightsNeedTheirPolicy) {
  const std::string table = R"("wait_weights": { "billing": 3 })";
  const std::string message =
      "only used by policy \"longest_weighted_wait\"; set /router/policy to it or remove this table";
  expect_only(with_router(table), "/router/wait_weights", message);  // default policy
  expect_only(with_router(R"("policy": "queue_priority", )" + table), "/router/wait_weights", message);
  expect_only(with_router(R"("policy": "overflow_after_delay", )" + table), "/router/wait_weights", message);
  // A misspelt policy is reported once; the table is still checked.
  expect_only(with_router(R"("policy": "longest_weighted_wiat", )" + table), "/router/policy",
              "unknown router policy \"longest_weighted_wiat\"; known: " + known_policies() +
                  " (did you mean \"longest_weighted_wait\"?)");
  const auto ds = errors_of(with_router(R"("policy": "longest_weighted_wiat", "wait_weights": { "billing": 0 })"));
  ASSERT_EQ(ds.size(), 2u) << dump(ds);
  EXPECT_EQ(ds[1].pointer, "/router/wait_weights/billing");
  EXPECT_EQ(ds[1].message, "must be > 0; got 0");
  // The other way round: overflow delays under longest_weighted_wait.
  expect_only(with_router(R"("policy": "longest_weighted_wait", "overflow_delays_s": { "billing": { "tier1": 20 } })"),
              "/router/overflow_delays_s",
              "only used by policy \"overflow_after_delay\"; set /router/policy to it or remove this table");
}

TEST(LoadScenario, WaitWeightsMustBeAnObjectOfNumbersOrObjects) {
  expect_only(with_weights("[3]"), "/router/wait_weights",
              "expected an object mapping contact type names to weights > 0 or objects {\"<agent group>\": weight > "
              "0, ...}; got an array");
  expect_only(with_weights("3"), "/router/wait_weights",
              "expected an object mapping contact type names to weights > 0 or objects {\"<agent group>\": weight > "
              "0, ...}; got 3");
  expect_only(with_weights(R"({ "billing": "3" })"), "/router/wait_weights/billing",
              "expected a weight > 0 for every group serving the type, or an object mapping agent group names to "
              "weights > 0, such as {\"<group>\": 3}; got string \"3\"");
  expect_only(with_weights(R"({ "billing": [3, 1] })"), "/router/wait_weights/billing",
              "expected a weight > 0 for every group serving the type, or an object mapping agent group names to "
              "weights > 0, such as {\"<group>\": 3}; got an array");
  expect_only(with_weights(R"({ "billing": null })"), "/router/wait_weights/billing",
              "expected a weight > 0 for every group serving the type, or an object mapping agent group names to "
              "weights > 0, such as {\"<group>\": 3}; got null");
}

TEST(LoadScenario, UnknownNamesInWaitWeightsSuggestTheCloseOne) {
  expect_only(with_weights(R"({ "biling": 3 })"), "/router/wait_weights/biling",
              "unknown contact type \"biling\"; defined: billing, sales (did you mean \"billing\"?)");
  expect_only(with_weights(R"({ "biling": { "tier1": 3 } })"), "/router/wait_weights/biling",
              "unknown contact type \"biling\"; defined: billing, sales (did you mean \"billing\"?)");
  expect_only(with_weights(R"({ "refunds": 3 })"), "/router/wait_weights/refunds",
              "unknown contact type \"refunds\"; defined: billing, sales");
  expect_only(with_weights(R"({ "billing": { "tier2": 3 } })"), "/router/wait_weights/billing/tier2",
              "unknown agent group \"tier2\"; defined: support, tier1 (did you mean \"tier1\"?)");
  expect_only(with_weights(R"({ "billing": { "overflow": 3 } })"), "/router/wait_weights/billing/overflow",
              "unknown agent group \"overflow\"; defined: support, tier1");
}

TEST(LoadScenario, WaitWeightNeedsAGroupThatServesTheType) {
  expect_only(with_weights(R"({ "sales": { "support": 3 } })"), "/router/wait_weights/sales/support",
              "agent group \"support\" does not serve contact type \"sales\" (see /router/type_to_group/sales); give "
              "weights only for the groups in that list");
  // sales -> tier2 (a typo of tier1): a weight for tier1 only echoes it.
  expect_only(with(with_weights(R"({ "sales": { "tier1": 3 } })"), "\"sales\": [\"tier1\"]", "\"sales\": [\"tier2\"]"),
              "/router/type_to_group/sales/0",
              "unknown agent group \"tier2\"; defined: support, tier1 (did you mean \"tier1\"?)");
}

TEST(LoadScenario, WaitWeightMustBeAPositiveNumber) {
  // Per group.
  const std::string base = with_weights(R"({ "billing": { "tier1": X } })");
  const std::string ptr = "/router/wait_weights/billing/tier1";
  expect_only(with(base, "X", "0"), ptr, "must be > 0; got 0");
  expect_only(with(base, "X", "-2"), ptr, "must be > 0; got -2");
  expect_only(with(base, "X", "0.0"), ptr, "must be > 0; got 0.0");
  expect_only(with(base, "X", "\"3\""), ptr, "expected a number > 0; got string \"3\"");
  expect_only(with(base, "X", "null"), ptr, "expected a number > 0; got null");
  expect_only(with(base, "X", "true"), ptr, "expected a number > 0; got true");
  // Bare, for the whole type.
  const std::string bare = with_weights(R"({ "billing": X })");
  expect_only(with(bare, "X", "0"), "/router/wait_weights/billing", "must be > 0; got 0");
  expect_only(with(bare, "X", "-1.5"), "/router/wait_weights/billing", "must be > 0; got -1.5");
  EXPECT_NO_THROW(load_scenario_text(with(bare, "X", "1e-6"), "t.json"));
}

TEST(LoadScenario, WaitWeightErrorsAreCollectedTogether) {
  const auto ds = errors_of(with_weights(R"({ "biling": 3, "billing": { "tier2": 0 }, "sales": -1 })"));
  ASSERT_EQ(ds.size(), 4u) << dump(ds);
  expect_has(ds, "/router/wait_weights/biling",
             "unknown contact type \"biling\"; defined: billing, sales (did you mean \"billing\"?)");
  expect_has(ds, "/router/wait_weights/billing/tier2",
             "unknown agent group \"tier2\"; defined: support, tier1 (did you mean \"tier1\"?)");
  expect_has(ds, "/router/wait_weights/billing/tier2", "must be > 0; got 0");
  expect_has(ds, "/router/wait_weights/sales", "must be > 0; got -1");
}

// ---- router.reservations -----------------------------------------------------------------

// kDay with this reservations table (default policy, queue_priority). In kDay, support
// (staffing 10, 12, 11) serves billing only; tier1 (staffing 4) serves billing and sales.
std::string with_reservations(std::string_view table) {
  return with_router(R"("reservations": )" + std::string(table));
}

TEST(LoadScenario, ReservationsDecodeExactly) {
  const auto billing = make_id<ContactTypeId>(0), sales = make_id<ContactTypeId>(1);
  const auto support = make_id<AgentGroupId>(0), tier1 = make_id<AgentGroupId>(1);
  const ScenarioSpec s =
      load_scenario_text(with_reservations(R"({ "tier1": { "type": "sales", "agents": 2 } })"), "t.json");
  EXPECT_EQ(s.router.policy, "queue_priority");
  EXPECT_EQ(s.agent_groups[tier1].reserved_for, sales);
  EXPECT_EQ(s.agent_groups[tier1].reserved_agents, 2u);
  EXPECT_EQ(s.agent_groups[support].reserved_agents, 0u);  // not listed: no reservation

  // Explicit policy; keys in any order; the largest value below the staffing (4).
  const ScenarioSpec t = load_scenario_text(
      with_router(R"("policy": "queue_priority", "reservations": { "tier1": { "agents": 3, "type": "billing" } })"),
      "t.json");
  EXPECT_EQ(t.agent_groups[tier1].reserved_for, billing);
  EXPECT_EQ(t.agent_groups[tier1].reserved_agents, 3u);

  // Day staffing: below its largest value (12) is enough, even above its smallest (10).
  const std::string both = with(kDay, R"("sales": ["tier1"])", R"("sales": ["tier1", "support"])");
  const ScenarioSpec u = load_scenario_text(
      with(both, "\"router\": {", R"("router": { "reservations": { "support": { "type": "billing", "agents": 11 } },)"),
      "t.json");
  EXPECT_EQ(u.agent_groups[support].reserved_for, billing);
  EXPECT_EQ(u.agent_groups[support].reserved_agents, 11u);

  // No table: no reservation anywhere.
  for (const AgentGroupSpec& g : load_scenario_text(kDay, "t.json").agent_groups) EXPECT_EQ(g.reserved_agents, 0u);
}

TEST(LoadScenario, ReservationsNeedQueuePriority) {
  const std::string table = R"("reservations": { "tier1": { "type": "sales", "agents": 2 } })";
  const std::string message = "only used by policy \"queue_priority\"; set /router/policy to it or remove this table";
  for (std::string_view policy : {"overflow_after_delay", "longest_weighted_wait", "longest_idle_agent"})
    expect_only(with_router(R"("policy": ")" + std::string(policy) + "\", " + table), "/router/reservations",
                message);
  // A misspelt policy is reported once; the table is still checked.
  expect_only(with_router(R"("policy": "queue_priorty", )" + table), "/router/policy",
              "unknown router policy \"queue_priorty\"; known: " + known_policies() +
                  " (did you mean \"queue_priority\"?)");
  const auto ds = errors_of(
      with_router(R"("policy": "queue_priorty", )"
                  R"("reservations": { "tier1": { "type": "sales", "agents": 0 } })"));
  ASSERT_EQ(ds.size(), 2u) << dump(ds);
  EXPECT_EQ(ds[1].pointer, "/router/reservations/tier1/agents");
  EXPECT_EQ(ds[1].message, "must be >= 1; got 0");
}

TEST(LoadScenario, ReservationsMustBeAnObjectOfObjects) {
  expect_only(with_reservations(R"([{ "type": "sales", "agents": 2 }])"), "/router/reservations",
              "expected an object mapping agent group names to reservations {\"type\": \"<contact type>\" or "
              "\"channel\": \"<channel>\", \"agents\": integer >= 1}; got an array");
  expect_only(with_reservations(R"({ "tier1": 2 })"), "/router/reservations/tier1",
              "expected a reservation object {\"type\": \"<contact type>\" or \"channel\": \"<channel>\", "
              "\"agents\": integer >= 1}; got 2");
  expect_only(with_reservations(R"({ "tier1": "sales" })"), "/router/reservations/tier1",
              "expected a reservation object {\"type\": \"<contact type>\" or \"channel\": \"<channel>\", "
              "\"agents\": integer >= 1}; got string \"sales\"");
}

TEST(LoadScenario, UnknownNamesInReservationsSuggestTheCloseOne) {
  expect_only(with_reservations(R"({ "tier2": { "type": "sales", "agents": 2 } })"), "/router/reservations/tier2",
              "unknown agent group \"tier2\"; defined: support, tier1 (did you mean \"tier1\"?)");
  expect_only(with_reservations(R"({ "tier1": { "type": "sale", "agents": 2 } })"),
              "/router/reservations/tier1/type",
              "unknown contact type \"sale\"; defined: billing, sales (did you mean \"sales\"?)");
  expect_only(with_reservations(R"({ "tier1": { "type": "refunds", "agents": 2 } })"),
              "/router/reservations/tier1/type", "unknown contact type \"refunds\"; defined: billing, sales");
  expect_only(with_reservations(R"({ "tier1": { "type": 1, "agents": 2 } })"), "/router/reservations/tier1/type",
              "expected a contact type name (a string); got 1");
}

TEST(LoadScenario, UnknownKeyInAReservationSuggestsTheCloseOne) {
  expect_only(with_reservations(R"({ "tier1": { "type": "sales", "agents": 2, "agent": 2 } })"),
              "/router/reservations/tier1/agent",
              "unknown key \"agent\"; known: type, channel, agents (did you mean \"agents\"?)");
  expect_only(with_reservations(R"({ "tier1": { "type": "sales", "agents": 2, "priority": 1 } })"),
              "/router/reservations/tier1/priority", "unknown key \"priority\"; known: type, channel, agents");
}

TEST(LoadScenario, ReservationNeedsTypeAndAgents) {
  expect_only(with_reservations(R"({ "tier1": { "agents": 2 } })"), "/router/reservations/tier1",
              "missing required key \"type\"; expected the name of a contact type that routes to this group (or "
              "\"channel\": the channel whose types the agents are kept for)");
  expect_only(with_reservations(R"({ "tier1": { "type": "sales" } })"), "/router/reservations/tier1",
              "missing required key \"agents\"; expected an integer >= 1");
  // A misspelt key: reported as unknown, and the key it stands for as missing.
  const auto ds = errors_of(with_reservations(R"({ "tier1": { "type": "sales", "agent": 2 } })"));
  ASSERT_EQ(ds.size(), 2u) << dump(ds);
  expect_has(ds, "/router/reservations/tier1/agent",
             "unknown key \"agent\"; known: type, channel, agents (did you mean \"agents\"?)");
  expect_has(ds, "/router/reservations/tier1", "missing required key \"agents\"; expected an integer >= 1");
}

TEST(LoadScenario, ReservedAgentsMustBeAnIntegerAtLeastOne) {
  const std::string base = with_reservations(R"({ "tier1": { "type": "sales", "agents": X } })");
  const std::string ptr = "/router/reservations/tier1/agents";
  expect_only(with(base, "X", "0"), ptr, "must be >= 1; got 0");
  expect_only(with(base, "X", "-2"), ptr, "must be >= 1; got -2");
  expect_only(with(base, "X", "2.5"), ptr, "expected an integer >= 1; got 2.5");
  expect_only(with(base, "X", "2.0"), ptr, "expected an integer >= 1; got 2.0");
  expect_only(with(base, "X", "\"2\""), ptr, "expected an integer >= 1; got string \"2\"");
  expect_only(with(base, "X", "null"), ptr, "expected an integer >= 1; got null");
  expect_only(with(base, "X", "4294967296"), ptr, "must be <= 4294967295; got 4294967296");
}

TEST(LoadScenario, ReservedTypeMustRouteToTheGroup) {
  expect_only(with_reservations(R"({ "support": { "type": "sales", "agents": 2 } })"),
              "/router/reservations/support/type",
              "contact type \"sales\" does not route to agent group \"support\" in /router/type_to_group; reserve a "
              "group's agents only for a type it serves, or add \"support\" to /router/type_to_group/sales");
  // sales -> tier2 (a typo of tier1): the reservation of tier1 for sales only echoes it.
  expect_only(with(with_reservations(R"({ "tier1": { "type": "sales", "agents": 2 } })"), "\"sales\": [\"tier1\"]",
                   "\"sales\": [\"tier2\"]"),
              "/router/type_to_group/sales/0",
              "unknown agent group \"tier2\"; defined: support, tier1 (did you mean \"tier1\"?)");
}

TEST(LoadScenario, ReservationInAGroupServingOnlyThatTypeHasNoEffect) {
  expect_only(with_reservations(R"({ "support": { "type": "billing", "agents": 2 } })"),
              "/router/reservations/support",
              "reservation has no effect: agent group \"support\" serves only contact type \"billing\"; reserve "
              "agents of a group that also serves other types, or remove this entry");
  // sales -> suport (a typo of support): support may well serve sales; only the typo.
  expect_only(with(with_reservations(R"({ "support": { "type": "billing", "agents": 2 } })"),
                   "\"sales\": [\"tier1\"]", "\"sales\": [\"tier1\", \"suport\"]"),
              "/router/type_to_group/sales/1",
              "unknown agent group \"suport\"; defined: support, tier1 (did you mean \"support\"?)");
}

TEST(LoadScenario, ReservationMustLeaveAnAgentForTheOtherTypes) {
  const std::string tier1 = with_reservations(R"({ "tier1": { "type": "sales", "agents": X } })");
  expect_only(with(tier1, "X", "4"), "/router/reservations/tier1/agents",
              "reserving 4 agents leaves none for the other types of agent group \"tier1\" (it has at most 4 agents "
              "on duty at once); reserve at most 3");
  expect_only(with(tier1, "X", "9"), "/router/reservations/tier1/agents",
              "reserving 9 agents leaves none for the other types of agent group \"tier1\" (it has at most 4 agents "
              "on duty at once); reserve at most 3");
  // Day staffing: the largest value counts.
  const std::string both = with(kDay, R"("sales": ["tier1"])", R"("sales": ["tier1", "support"])");
  expect_only(
      with(both, "\"router\": {", R"("router": { "reservations": { "support": { "type": "billing", "agents": 12 } },)"),
      "/router/reservations/support/agents",
      "reserving 12 agents leaves none for the other types of agent group \"support\" (it has at most 12 agents on "
      "duty at once); reserve at most 11");
  // A group of one agent cannot reserve any.
  expect_only(with(with(tier1, "X", "1"), "\"staffing\": 4", "\"staffing\": 1"), "/router/reservations/tier1/agents",
              "reserving 1 agent leaves none for the other types of agent group \"tier1\" (it has at most 1 agent on "
              "duty at once); a reservation needs a group with at least 2 agents on duty at once");
  // A bad staffing is reported once, not compared with.
  expect_only(with(with(tier1, "X", "2"), "\"staffing\": 4", "\"staffing\": -4"), "/agent_groups/1/staffing",
              "must be >= 0; got -4");
}

TEST(LoadScenario, ReservationErrorsAreCollectedTogether) {
  const auto ds = errors_of(with_reservations(
      R"({ "tier2": { "type": "sales", "agents": 2 }, "tier1": { "type": "sale", "agents": 0 }, )"
      R"("support": { "type": "billing", "agents": 1, "extra": true } })"));
  ASSERT_EQ(ds.size(), 5u) << dump(ds);
  expect_has(ds, "/router/reservations/tier2",
             "unknown agent group \"tier2\"; defined: support, tier1 (did you mean \"tier1\"?)");
  expect_has(ds, "/router/reservations/tier1/type",
             "unknown contact type \"sale\"; defined: billing, sales (did you mean \"sales\"?)");
  expect_has(ds, "/router/reservations/tier1/agents", "must be >= 1; got 0");
  expect_has(ds, "/router/reservations/support/extra", "unknown key \"extra\"; known: type, channel, agents");
  expect_has(ds, "/router/reservations/support",
             "reservation has no effect: agent group \"support\" serves only contact type \"billing\"; reserve "
             "agents of a group that also serves other types, or remove this entry");
}

// ---- distributions ------------------------------------------------------------------

TEST(LoadScenario, DistributionMeanMustBePositive) {
  expect_only(with(kDay, "\"mean_s\": 300 }", "\"mean_s\": -30 }"), "/contact_types/0/patience/mean_s",
              "must be > 0; got -30");
  expect_only(with(kDay, "\"mean_s\": 240", "\"mean_s\": 0"), "/contact_types/0/talk/mean_s", "must be > 0; got 0");
}

TEST(LoadScenario, NegativeCvIsAnError) {
  expect_only(with(kDay, "\"cv\": 0.5", "\"cv\": -0.5"), "/contact_types/1/talk/cv", "must be > 0; got -0.5");
  expect_only(with(kDay, "\"cv\": 0.5", "\"cv\": 0"), "/contact_types/1/talk/cv",
              "must be > 0 (for no variability use \"dist\": \"constant\"); got 0");
  expect_only(with(kDay, "\"cv\": 0.5", "\"cv\": 0.5, \"sd_s\": 150"), "/contact_types/1/talk",
              "\"cv\" and \"sd_s\" are exclusive; give exactly one (cv = sd_s / mean_s)");
  expect_only(with(kDay, ", \"cv\": 0.5", ""), "/contact_types/1/talk",
              "dist \"lognormal\" needs exactly one of \"cv\" (a number > 0) or \"sd_s\" (a number > 0)");
}

TEST(LoadScenario, UnknownDistSuggestsTheCloseOne) {
  expect_only(with(kDay, "\"lognormal\"", "\"log_normal\""), "/contact_types/1/talk/dist",
              "unknown dist \"log_normal\"; known: constant, exponential, uniform, lognormal, gamma, erlang, weibull, "
              "empirical, triangular, mixture (did you mean \"lognormal\"?)");
  expect_only(with(kDay, R"({ "dist": "exponential", "mean_s": 240 })", R"({ "mean_s": 240 })"),
              "/contact_types/0/talk",
              "missing required key \"dist\"; expected one of: constant, exponential, uniform, lognormal, gamma, "
              "erlang, weibull, empirical, triangular, mixture");
  expect_only(with(kDay, R"({ "dist": "exponential", "mean_s": 240 })", "240"), "/contact_types/0/talk",
              R"(expected a distribution object such as {"dist": "exponential", "mean_s": 180}; got 240)");
}

// Parameters each in range can still make a law whose draws overflow a double; the run
// then died on an event at t = NaN. Every kind is checked at the law's pointer, and the
// limit the message gives is itself accepted.
TEST(LoadScenario, LawsWhoseDrawsAreNotFiniteAreRejectedAtTheLaw) {
  const auto talk = [](std::string_view dist) {
    return with(kDay, R"({ "dist": "exponential", "mean_s": 240 })", dist);
  };
  // The law as the message names it, what is not finite, and the limit accepted.
  struct Case {
    const char* json;
    const char* law;
    const char* wrong;
    const char* accepted;
  };
  const std::string draws = "would draw values that are not finite numbers";
  const std::string mean = "has a mean that is not a finite number (inf)";
  const Case cases[] = {
      {R"({ "dist": "gamma", "mean_s": 180, "cv": 1e200 })", "gamma law with mean_s 180.0 and cv 1e+200", "inf",
       "cv <= 1.83e+152 with mean_s 180.0"},
      {R"({ "dist": "gamma", "mean_s": 180, "cv": 1e154 })", "gamma law with mean_s 180.0 and cv 1e+154", "inf",
       "cv <= 1.83e+152 with mean_s 180.0"},
      {R"({ "dist": "gamma", "mean_s": 180, "cv": 1e-160 })", "gamma law with mean_s 180.0 and cv 1e-160", "inf",
       "cv >= 7.46e-155 with mean_s 180.0"},
      {R"({ "dist": "lognormal", "mean_s": 180, "cv": 1e200 })", "lognormal law with mean_s 180.0 and cv 1e+200",
       "NaN", "cv <= 1.34e+154 with mean_s 180.0"},
      {R"({ "dist": "gamma", "mean_s": 1, "sd_s": 1e200 })", "gamma law with mean_s 1.0 and cv 1e+200", "inf",
       "cv <= 2.46e+153 with mean_s 1.0"},
      {R"({ "dist": "exponential", "mean_s": 1e308 })", "exponential law with mean_s 1e+308", "inf",
       "mean_s <= 8.1e+306"},
      {R"({ "dist": "erlang", "k": 3, "mean_s": 1e308 })", "erlang law with k 3 and mean_s 1e+308", "inf",
       "mean_s <= 8.1e+306"},
      {R"({ "dist": "weibull", "shape": 0.001, "scale_s": 60 })", "weibull law with shape 0.001 and scale_s 60.0",
       nullptr, "shape >= 0.00589 with scale_s 60.0"},
      {R"({ "dist": "uniform", "min_s": 1e308, "max_s": 1.7e308 })",
       "uniform law with min_s 1e+308 and max_s 1.7e+308", nullptr, "min_s + max_s <= 1.8e+308"},
  };
  for (const Case& c : cases) {
    const std::string wrong = c.wrong ? fmt::format("{} ({})", draws, c.wrong) : mean;
    expect_only(talk(c.json), "/contact_types/0/talk",
                fmt::format("{} {}; accepted: {}, so that the mean and every draw are finite", c.law, wrong,
                            c.accepted));
  }
  // Wrap-up, patience and IVR durations go through the same check.
  expect_only(with(kDay, R"("patience": { "dist": "exponential", "mean_s": 300 })",
                   R"("patience": { "dist": "lognormal", "mean_s": 1e308, "cv": 1 })"),
              "/contact_types/0/patience",
              "lognormal law with mean_s 1e+308 and cv 1.0 would draw values that are not finite numbers (inf); "
              "accepted: mean_s <= 1.42e+306 with cv 1.0, so that the mean and every draw are finite");
  // The limits given are accepted, and they are where the rule turns.
  for (const char* ok : {R"({ "dist": "gamma", "mean_s": 180, "cv": 1.83e152 })",
                         R"({ "dist": "gamma", "mean_s": 180, "cv": 7.46e-155 })",
                         R"({ "dist": "lognormal", "mean_s": 180, "cv": 1.34e154 })",
                         R"({ "dist": "exponential", "mean_s": 8.1e306 })",
                         R"({ "dist": "erlang", "k": 4000000000, "mean_s": 1e308 })",
                         R"({ "dist": "weibull", "shape": 0.00589, "scale_s": 60 })"})
    EXPECT_NO_THROW(load_scenario_text(talk(ok), "t.json")) << ok;
  for (const char* bad : {R"({ "dist": "gamma", "mean_s": 180, "cv": 1.9e152 })",
                          R"({ "dist": "exponential", "mean_s": 8.2e306 })"})
    EXPECT_THROW(load_scenario_text(talk(bad), "t.json"), ScenarioError) << bad;
}

TEST(LoadScenario, TriangularLawReadsMinModeAndMax) {
  const ScenarioSpec s = load_scenario_text(
      with(kDay, R"({ "dist": "exponential", "mean_s": 240 })",
           R"({ "dist": "triangular", "min_s": 60, "mode_s": 120, "max_s": 600 })"),
      "t.json");
  const sim::Distribution& talk = s.contact_types[make_id<ContactTypeId>(0)].talk;
  EXPECT_EQ(talk.kind, sim::DistKind::Triangular);
  EXPECT_EQ(talk.a, 60.0);
  EXPECT_EQ(talk.c, 120.0);
  EXPECT_EQ(talk.b, 600.0);
  EXPECT_DOUBLE_EQ(talk.mean(), 260.0);
}

TEST(LoadScenario, MixtureReadsAPointItsProbabilityAndTheOtherLaw) {
  const ScenarioSpec s = load_scenario_text(
      with(kDay, R"({ "dist": "exponential", "mean_s": 300 })",
           R"({ "dist": "mixture", "p": 0.2, "value_s": 0, "else": { "dist": "exponential", "mean_s": 300 } })"),
      "t.json");
  const sim::Distribution& patience = *s.contact_types[make_id<ContactTypeId>(0)].patience;
  EXPECT_EQ(patience.kind, sim::DistKind::Mixture);
  EXPECT_EQ(patience.b, 0.2);
  EXPECT_EQ(patience.a, 0.0);
  ASSERT_EQ(patience.parts.size(), 1u);
  EXPECT_EQ(patience.parts[0].kind, sim::DistKind::Exponential);
  EXPECT_DOUBLE_EQ(patience.mean(), 240.0);
}

TEST(LoadScenario, BadParametersOfEachDistAreLocated) {
  const auto talk = [](std::string_view dist) {
    return with(kDay, R"({ "dist": "exponential", "mean_s": 240 })", dist);
  };
  expect_only(talk(R"({ "dist": "constant", "value_s": 0 })"), "/contact_types/0/talk/value_s", "must be > 0; got 0");
  expect_only(talk(R"({ "dist": "uniform", "min_s": 60, "max_s": 30 })"), "/contact_types/0/talk/max_s",
              "must be > min_s (60); got 30");
  expect_only(talk(R"({ "dist": "triangular", "min_s": 60, "mode_s": 60, "max_s": 60 })"),
              "/contact_types/0/talk/max_s", "must be > min_s (60); got 60");
  expect_only(talk(R"({ "dist": "triangular", "min_s": 60, "mode_s": 400, "max_s": 300 })"),
              "/contact_types/0/talk/mode_s", "must be between min_s (60) and max_s (300); got 400");
  expect_only(talk(R"({ "dist": "mixture", "p": 1.5, "value_s": 0, "else": { "dist": "constant", "value_s": 9 } })"),
              "/contact_types/0/talk/p", "must be in [0, 1] (a fraction: write 1.5 % as 0.015); got 1.5");
  expect_only(talk(R"({ "dist": "mixture", "p": 0.5, "value_s": 0 })"), "/contact_types/0/talk",
              "missing required key \"else\"; expected the law drawn when the point is not (a distribution object "
              "such as {\"dist\": \"exponential\", \"mean_s\": 180})");
  expect_only(talk(R"({ "dist": "mixture", "p": 0.5, "value_s": 0, "else": { "dist": "mixture" } })"),
              "/contact_types/0/talk/else/dist",
              "a mixture's other law cannot be a mixture itself; give one point and one law");
  expect_only(talk(R"({ "dist": "mixture", "p": 0.5, "value_s": 0, "else": { "dist": "exponential", "mean_s": -1 } })"),
              "/contact_types/0/talk/else/mean_s", "must be > 0; got -1");
  expect_only(talk(R"({ "dist": "mixture", "p": 1, "value_s": 0, "else": { "dist": "exponential", "mean_s": 60 } })"),
              "/contact_types/0/talk", "talk needs a positive mean; this mixture's is 0");
  expect_only(talk(R"({ "dist": "triangular", "min_s": 60, "max_s": 300 })"), "/contact_types/0/talk",
              "missing required key \"mode_s\"; expected a number >= 0");
  expect_only(talk(R"({ "dist": "triangular", "min_s": 1e308, "mode_s": 1e308, "max_s": 1.7e308 })"),
              "/contact_types/0/talk",
              "triangular law with min_s 1e+308, mode_s 1e+308 and max_s 1.7e+308 has a mean that is not a finite "
              "number (inf); accepted: min_s + mode_s + max_s <= 1.8e+308, so that the mean and every draw are "
              "finite");
  expect_only(talk(R"({ "dist": "erlang", "k": 0, "mean_s": 200 })"), "/contact_types/0/talk/k", "must be >= 1; got 0");
  expect_only(talk(R"({ "dist": "erlang", "k": 2.5, "mean_s": 200 })"), "/contact_types/0/talk/k",
              "expected an integer >= 1; got 2.5");
  expect_only(talk(R"({ "dist": "weibull", "shape": 0, "scale_s": 200 })"), "/contact_types/0/talk/shape",
              "must be > 0; got 0");
  expect_only(talk(R"({ "dist": "gamma", "mean_s": 200, "sd_s": -1 })"), "/contact_types/0/talk/sd_s",
              "must be > 0; got -1");
  expect_only(talk(R"({ "dist": "empirical", "values_s": [] })"), "/contact_types/0/talk/values_s",
              "expected a non-empty array of numbers >= 0 (seconds); got an empty array");
  expect_only(talk(R"({ "dist": "empirical", "values_s": [60, 120], "weights": [1] })"),
              "/contact_types/0/talk/weights", "expected 2 weights (one per value in values_s), got 1");
  expect_only(talk(R"({ "dist": "empirical", "values_s": [60, 120], "weights": [0, 0] })"),
              "/contact_types/0/talk/weights", "weights must have a positive (finite) sum; got all zero");
  expect_only(talk(R"({ "dist": "empirical", "values_s": [60, 120], "weights": [1e308, 1e308] })"),
              "/contact_types/0/talk/weights",
              "weights must have a finite sum; got a sum beyond the largest double (scale them down: only their "
              "ratios matter)");
  expect_only(talk(R"({ "dist": "empirical", "values_s": [0, 120], "weights": [1, 0] })"),
              "/contact_types/0/talk/values_s", "talk needs a positive mean; every value with a positive weight is 0");
  // Patience and wrap-up may be zero.
  EXPECT_NO_THROW(load_scenario_text(with(kDay, R"("patience": { "dist": "exponential", "mean_s": 300 })",
                                          R"("patience": { "dist": "constant", "value_s": 0 })"),
                                     "t.json"));
}

// ---- day and steady-state structure ---------------------------------------------------

TEST(LoadScenario, UnknownModeSuggestsTheCloseOne) {
  expect_only(with(kDay, "\"mode\": \"day\"", "\"mode\": \"dya\""), "/mode",
              "unknown mode \"dya\"; known: day, steady_state (did you mean \"day\"?)");
}

TEST(LoadScenario, DayKeysAreRejectedInSteadyState) {
  expect_only(with(kSteady, "\"mode\": \"steady_state\",", "\"mode\": \"steady_state\", \"period_s\": 900,"),
              "/period_s", "\"period_s\" is only used in day mode; remove it (mode is \"steady_state\")");
  expect_only(with(kSteady, "\"mode\": \"steady_state\",", "\"mode\": \"steady_state\", \"start_time\": \"08:00\","),
              "/start_time", "\"start_time\" is only used in day mode; remove it (mode is \"steady_state\")");
}

TEST(LoadScenario, SteadyStateObjectIsRequiredInSteadyStateAndForbiddenInDay) {
  expect_only(
      with(kSteady, R"("steady_state": { "warmup_s": 600, "duration_s": 36000 },)", ""), "",
      R"(missing required key "steady_state"; expected {"warmup_s": ..., "duration_s": ... or "calls": ...} (mode is "steady_state"))");
  expect_only(with(kDay, "\"mode\": \"day\",", "\"mode\": \"day\", \"steady_state\": { \"calls\": 10 },"),
              "/steady_state",
              "\"steady_state\" is only used when \"mode\" is \"steady_state\"; remove it (mode is \"day\")");
}

TEST(LoadScenario, SteadyStateNeedsExactlyOneRunLength) {
  expect_only(with(kSteady, "\"duration_s\": 36000", "\"duration_s\": 36000, \"calls\": 5000"), "/steady_state",
              "\"calls\" and \"duration_s\" are exclusive; give exactly one run length");
  expect_only(with(kSteady, ", \"duration_s\": 36000", ""), "/steady_state",
              "missing the run length; give exactly one of \"calls\" (an integer >= 1) or \"duration_s\" (a number > "
              "0)");
  expect_only(with(kSteady, "\"duration_s\": 36000", "\"calls\": 0"), "/steady_state/calls", "must be >= 1; got 0");
  expect_only(with(kSteady, "\"warmup_s\": 600", "\"warmup_s\": -1"), "/steady_state/warmup_s", "must be >= 0; got -1");
}

TEST(LoadScenario, SteadyStateAcceptsOnlyPoissonArrivals) {
  expect_only(with(kSteady, R"({ "process": "poisson", "rate_per_min": 2 })",
                   R"({ "process": "piecewise_poisson", "per_period": [5] })"),
              "/contact_types/0/arrivals/process",
              "process \"piecewise_poisson\" is only accepted in day mode; in steady_state mode use \"poisson\"");
}

TEST(LoadScenario, SteadyStateStaffingIsASingleInteger) {
  expect_only(with(kSteady, "\"staffing\": 8", "\"staffing\": [8]"), "/agent_groups/0/staffing",
              "expected a single integer >= 0 (steady_state mode has no periods); got an array");
}

TEST(LoadScenario, BatchMeansReplaceReplications) {
  expect_only(with(with(kSteady, "\"duration_s\": 36000", "\"duration_s\": 36000, \"batches\": 20"), "\"router\"",
                   "\"rng\": { \"replications\": 10 }, \"router\""),
              "/rng/replications",
              "must be 1 when /steady_state/batches > 1 (batch means replace replications); got 10");
  const ScenarioSpec spec =
      load_scenario_text(with(kSteady, "\"duration_s\": 36000", "\"duration_s\": 36000, \"batches\": 20"), "t.json");
  EXPECT_EQ(spec.steady.batches, 20u);
  EXPECT_EQ(spec.replications, 1u);  // the default becomes 1 with batch means
  expect_only(with(kSteady, "\"duration_s\": 36000", "\"calls\": 5, \"batches\": 10"), "/steady_state/batches",
              "must be <= calls (5), each batch needs a call; got 10");
}

TEST(LoadScenario, SteadyStateThatCannotExistIsAnError) {
  // 2 calls/min x 180 s = 6 erlangs, infinite patience, 6 agents: the queue grows without bound.
  expect_only(with(kSteady, "\"staffing\": 8", "\"staffing\": 6"), "/contact_types/0",
              "no steady state: contact types with infinite patience (calls) offer 6 erlangs (rate x mean talk and "
              "wrap-up) to 6 agents, so their queue grows without bound; the offered load must be < the agents: add "
              "agents, give them a \"patience\" or a \"max_wait_s\", or set \"trunks\"");
  // With patience or trunks the system is stable at any staffing.
  EXPECT_NO_THROW(
      load_scenario_text(with(with(kSteady, "\"staffing\": 8", "\"staffing\": 6"), "\"mean_s\": 180 }",
                              "\"mean_s\": 180 }, \"patience\": { \"dist\": \"exponential\", \"mean_s\": 60 }"),
                         "t.json"));
  EXPECT_NO_THROW(
      load_scenario_text(with(with(kSteady, "\"staffing\": 8", "\"staffing\": 6"), "\"mode\": \"steady_state\",",
                              "\"mode\": \"steady_state\", \"trunks\": {\"lines\": 20},"),
                         "t.json"));
}

// Found in review: a type that overloads its own groups passed while other agents were idle.
TEST(LoadScenario, ASteadyStateNeedsEachTypeWithinItsOwnGroups) {
  const std::string two = with(with(with(kSteady, R"({ "name": "agents", "staffing": 8 })",
                                         R"({ "name": "agents", "staffing": 5 }, { "name": "others", "staffing": 10 })"),
                                    R"("talk": { "dist": "exponential", "mean_s": 180 } })",
                                    R"("talk": { "dist": "exponential", "mean_s": 180 } },
    { "name": "other_calls", "arrivals": { "process": "poisson", "rate_per_min": 1 },
      "talk": { "dist": "exponential", "mean_s": 60 } })"),
                               R"("calls": ["agents"])", R"("calls": ["agents"], "other_calls": ["others"])");
  expect_only(two, "/contact_types/0",
              "no steady state: contact type \"calls\" with infinite patience offers 6 erlangs of work, and its agent "
              "groups can do at most 5 (their agents on duty), so the queue grows without bound; add agents to its "
              "groups, or route it to more");
  EXPECT_NO_THROW(load_scenario_text(with(two, R"("calls": ["agents"])", R"("calls": ["agents", "others"])"), "t.json"));
}

TEST(LoadScenario, SteadyStateBehindIvrPortsThatRarelyFillCannotExist) {
  // 2 calls/min hold a port 30 s: 1 erlang on 1000 ports, which block (almost) nothing;
  // 6 erlangs of talk reach 3 agents (rho = 2) and never abandon.
  const std::string behind_ports =
      with(with(with(kSteady, "\"staffing\": 8", "\"staffing\": 3"), "\"mode\": \"steady_state\",",
                "\"mode\": \"steady_state\", \"ivr\": {\"ports\": 1000},"),
           "\"talk\"", "\"ivr\": { \"duration\": { \"dist\": \"constant\", \"value_s\": 30 } }, \"talk\"");
  expect_only(behind_ports, "/contact_types/0",
              "no steady state: contact types with infinite patience (calls) offer 6 erlangs (rate x mean talk and "
              "wrap-up, less the 0 % the 1000 IVR ports block) to 3 agents, so their queue grows without bound; the "
              "offered load must be < the agents: add agents, give them a \"patience\" or a \"max_wait_s\", or set "
              "\"trunks\"");
  // Two ports held 300 s (10 erlangs) block 82 % of the calls: 1.1 erlangs reach the agents.
  EXPECT_NO_THROW(load_scenario_text(
      with(with(behind_ports, "\"ports\": 1000", "\"ports\": 2"), "\"value_s\": 30", "\"value_s\": 300"), "t.json"));
}

TEST(LoadScenario, StartTimeMustBeAClockTime) {
  for (std::string_view bad : {"\"7:00\"", "\"24:00\"", "\"07:60\"", "420"}) {
    const auto ds =
        errors_of(with(kDay, "\"num_periods\": 3,", "\"num_periods\": 3, \"start_time\": " + std::string(bad) + ","));
    ASSERT_EQ(ds.size(), 1u) << bad << "\n" << dump(ds);
    EXPECT_EQ(ds[0].pointer, "/start_time");
    EXPECT_EQ(ds[0].message.rfind(R"(expected a clock time "HH:MM" from "00:00" to "23:59"; got )", 0), 0u)
        << ds[0].message;
  }
}

TEST(LoadScenario, TraceTimesMustBeSortedAndInsideTheDay) {
  const auto trace = [](std::string_view times) {
    return with(kDay, R"({ "process": "poisson", "rate_per_hour": 60 })",
                R"({ "process": "trace", "times_s": )" + std::string(times) + " }");
  };
  expect_only(trace("[10, 5]"), "/contact_types/1/arrivals/times_s/1",
              "must be >= the previous time 10.0 (times_s must be non-decreasing); got 5");
  expect_only(trace("[10, 5400]"), "/contact_types/1/arrivals/times_s/1", "must be in [0, 5400); got 5400");
  const ScenarioSpec spec = load_scenario_text(trace("[0, 10.5, 10.5, 5399]"), "t.json");
  const ArrivalSpec& a = spec.contact_types[make_id<ContactTypeId>(1)].arrivals;
  EXPECT_EQ(a.process, ArrivalSpec::Process::Trace);
  EXPECT_EQ(a.times_s, (std::vector<double>{0, 10.5, 10.5, 5399}));
}

TEST(LoadScenario, NothingArrivingIsAnError) {
  expect_only(with(with(kDay, "[120, 180, 150]", "[0, 0, 0]"), "\"rate_per_hour\": 60", "\"rate_per_hour\": 0"),
              "/contact_types",
              "nothing arrives: every contact type has a zero rate, zero volumes or an empty trace; give at least one "
              "a positive arrival rate or a trace time");
}

// ---- service level, targets, rng --------------------------------------------------------

TEST(LoadScenario, ServiceLevelValuesAreChecked) {
  const std::string base = with(kDay, "\"router\"", "\"service_level\": { SL }, \"router\"");
  expect_only(with(base, "SL", "\"target\": 0"), "/service_level/target", "must be in (0, 1]; got 0");
  expect_only(with(base, "SL", "\"awt_s\": -20"), "/service_level/awt_s", "must be >= 0; got -20");
  expect_only(with(base, "SL", "\"definition\": \"over_answered\""), "/service_level/definition",
              "unknown service level definition \"over_answered\"; known: answered_within_t_over_admitted, "
              "answered_within_t_over_answered, excluding_short_abandons, answered_within_t_over_offered");
}

TEST(LoadScenario, MoreAgentsThanTheModelCanNumberIsAnError) {
  // Each rise of a staffing array starts that many agents: 4294967295 + 4 > 2^32 - 2.
  expect_only(with(kDay, "[10, 12, 11]", "4294967295"), "/agent_groups",
              "the agent groups schedule 4294967299 agents in all (staffing arrays count each rise, shifts their "
              "agents); at most 4294967294 are supported (agent ids are 32-bit)");
}

constexpr std::string_view kKnownKpis =
    "offered, blocked, ivr_contained, ivr_abandoned, answered, abandoned, p_block, p_wait_over_admitted, "
    "p_abandon_over_admitted, service_level, sl_answered_within_t_over_admitted, sl_answered_within_t_over_answered, "
    "sl_excluding_short_abandons, asa_s, mean_wait_admitted_s, occupancy, mean_queue_length, scheduled_agents, "
    "present_agents, agents_on_break, productive_agents, overtime_agent_min, break_lateness_s, paid_agent_hours, cost, "
    "sl_answered_within_t_over_offered, p_wait_over_offered, p_abandon_over_offered, answered_within_t, "
    "abandoned_within_t, p_abandon_within_t_over_admitted, mean_wait_abandoned_s, "
    "sl_answered_within_10s_over_admitted, sl_answered_within_20s_over_admitted, "
    "sl_answered_within_30s_over_admitted, sl_answered_within_60s_over_admitted, mean_time_in_system_s, "
    "mean_in_system, mean_in_ivr, ivr_port_occupancy, p50_wait_answered_s, p90_wait_answered_s, "
    "p95_wait_answered_s, max_wait_answered_s, balked, timed_out, disconnected, p_balk_over_offered, "
    "p_timed_out_over_offered, p_disconnected_over_offered, redials, customers, customers_served, "
    "p_abandon_over_customers, p_unserved_over_customers, transfers, transferred_in, returns, callbacks_offered, "
    "callbacks_accepted, callbacks_completed, callbacks_failed";
// A message lists at most 64 names: the KPIs past them are counted.
const std::string kKnownKpisShown =
    std::string(kKnownKpis) + ", p_accepted_over_callbacks_offered, p_completed_over_callbacks_accepted, ... (14 more)";

TEST(LoadScenario, TargetOnUnknownKpiSuggestsTheCloseOne) {
  expect_only(with(kDay, "\"router\"", "\"targets\": [{ \"kpi\": \"p_abandon_over_admited\", \"max\": 0.05 }], \"router\""),
              "/targets/0/kpi",
              "unknown KPI \"p_abandon_over_admited\"; known: " + kKnownKpisShown +
                  " (did you mean \"p_abandon_over_admitted\"?)");
}

// Keys renamed in December 2026 name what they became (docs/kpis.md#renamed-keys).
TEST(LoadScenario, TargetOnARenamedKpiNamesItsNewKey) {
  expect_only(with(kDay, "\"router\"", "\"targets\": [{ \"kpi\": \"p_abandon\", \"max\": 0.05 }], \"router\""),
              "/targets/0/kpi",
              "unknown KPI \"p_abandon\"; known: " + kKnownKpisShown +
                  " (p_abandon was renamed p_abandon_over_admitted in December 2026 (same value: its denominator is "
                  "admitted calls, every call that joined the queue; p_abandon_over_offered divides by every offered "
                  "call))");
  expect_only(with(kDay, "\"router\"", "\"check\": {\"tolerance\": {\"p_wait\": 0.01}}, \"router\""),
              "/check/tolerance/p_wait",
              "unknown key \"p_wait\"; known: fraction, relative, " + std::string(kKnownKpis) + ", ... (16 more)" +
                  " (p_wait was renamed p_wait_over_admitted in December 2026 (same value: its denominator is "
                  "admitted calls, every call that joined the queue; p_wait_over_offered divides by every offered "
                  "call))");
}

TEST(LoadScenario, TargetsAreChecked) {
  const std::string base = with(kDay, "\"router\"", "\"targets\": [ T ], \"router\"");
  expect_only(with(base, "T", R"({ "kpi": "service_level", "min": 0.9 })"), "/targets/0/kpi",
              "the centre's service-level target over the day is set in /service_level/target (with "
              "/service_level/awt_s); remove this entry, or give it a \"type\" or the scope \"intervals\"");
  expect_only(with(base, "T", R"({ "kpi": "p_abandon_over_admitted", "max": 5 })"), "/targets/0/max",
              "must be in [0, 1] (p_abandon_over_admitted is a fraction: write 5% as 0.05); got 5");
  expect_only(with(base, "T", R"({ "kpi": "asa_s", "max": -1 })"), "/targets/0/max", "must be >= 0; got -1");
  expect_only(with(base, "T", R"({ "kpi": "asa_s", "min": 1, "max": 30 })"), "/targets/0",
              "\"min\" and \"max\" are exclusive; give exactly one (use two entries for a band)");
  expect_only(with(base, "T", R"({ "kpi": "asa_s" })"), "/targets/0",
              "missing the bound; give exactly one of \"min\" (the KPI must be at least this) or \"max\" (at most)");
  expect_only(with(base, "T", R"({ "kpi": "asa_s", "max": 30 }, { "kpi": "asa_s", "max": 20 })"), "/targets/1",
              "duplicate target: asa_s already has a \"max\" at /targets/0");
}

TEST(LoadScenario, SeedAndReplicationsAreChecked) {
  const std::string base = with(kDay, "\"router\"", "\"rng\": { R }, \"router\"");
  expect_only(with(base, "R", "\"seed\": -1"), "/rng/seed", "must be in [0, 9223372036854775807]; got -1");
  expect_only(with(base, "R", "\"seed\": 9223372036854775808"), "/rng/seed",
              "must be in [0, 9223372036854775807]; got 9223372036854775808");
  expect_only(with(base, "R", "\"seed\": 1.5"), "/rng/seed",
              "expected an integer in [0, 9223372036854775807]; got 1.5");
  expect_only(with(base, "R", "\"replications\": 0"), "/rng/replications", "must be >= 1; got 0");
  expect_only(with(base, "R", "\"replications\": 4294967296"), "/rng/replications",
              "must be <= 4294967295; got 4294967296");
  expect_only(with(base, "R", "\"replications\": true"), "/rng/replications", "expected an integer >= 1; got true");
  const ScenarioSpec spec = load_scenario_text(with(base, "R", "\"seed\": 9223372036854775807"), "t.json");
  EXPECT_EQ(spec.seed, 9223372036854775807u);
}

TEST(LoadScenario, ConfidenceIsAnOpenInterval) {
  expect_only(with(kDay, "\"router\"", "\"confidence\": 1, \"router\""), "/confidence", "must be in (0, 1); got 1");
}

// ---- check ------------------------------------------------------------------------------

// kDay with `"check": <check>` added at the top level.
std::string with_check(std::string_view check) {
  return with(kDay, "\"router\"", "\"check\": " + std::string(check) + ", \"router\"");
}

TEST(LoadScenario, CheckSettingsDecodeExactly) {
  const ScenarioSpec s = load_scenario_text(
      with_check(R"({"alpha": 0.05, "tolerance": {"fraction": 0.02, "relative": 0.1, "asa_s": 2.5, "p_abandon_over_admitted": 0.005}})"),
      "t.json");
  EXPECT_EQ(s.check.alpha, 0.05);
  EXPECT_EQ(s.check.tolerance_fraction, 0.02);
  EXPECT_EQ(s.check.tolerance_relative, 0.1);
  EXPECT_EQ(s.check.tolerance_absolute[static_cast<std::size_t>(Kpi::AsaS)], 2.5);
  EXPECT_EQ(s.check.tolerance_absolute[static_cast<std::size_t>(Kpi::PAbandonOverAdmitted)], 0.005);
  EXPECT_FALSE(s.check.tolerance_absolute[static_cast<std::size_t>(Kpi::Offered)]);
}

TEST(LoadScenario, CheckDefaultsWhenAbsent) {
  const ScenarioSpec s = load_scenario_text(kDay, "t.json");
  EXPECT_EQ(s.check.alpha, 0.01);
  EXPECT_EQ(s.check.tolerance_fraction, 0.01);
  EXPECT_EQ(s.check.tolerance_relative, 0.05);
  for (const auto& t : s.check.tolerance_absolute) EXPECT_FALSE(t);
}

TEST(LoadScenario, CheckAlphaIsAnOpenInterval) {
  expect_only(with_check(R"({"alpha": 0})"), "/check/alpha", "must be in (0, 1); got 0");
  expect_only(with_check(R"({"alpha": 1.5})"), "/check/alpha", "must be in (0, 1) (a fraction: write 1.5 % as 0.015); got 1.5");
  expect_only(with_check(R"({"alpha": 101})"), "/check/alpha", "must be in (0, 1); got 101");
  expect_only(with_check(R"({"alpha": "0.01"})"), "/check/alpha",
              "expected a number in (0, 1); got string \"0.01\"");
}

TEST(LoadScenario, CheckToleranceRangesAndPercentTypos) {
  expect_only(with_check(R"({"tolerance": {"fraction": 5}})"), "/check/tolerance/fraction",
              "must be in [0, 1] (the tolerance of fraction KPIs is a fraction: write 1% as 0.01); got 5");
  expect_only(with_check(R"({"tolerance": {"p_wait_over_admitted": 2}})"), "/check/tolerance/p_wait_over_admitted",
              "must be in [0, 1] (p_wait_over_admitted is a fraction: write 1% as 0.01); got 2");
  expect_only(with_check(R"({"tolerance": {"relative": -0.1}})"), "/check/tolerance/relative",
              "must be >= 0; got -0.1");
  expect_only(with_check(R"({"tolerance": {"asa_s": -2}})"), "/check/tolerance/asa_s", "must be >= 0; got -2");
  expect_only(with_check(R"({"tolerance": {"asa_s": null}})"), "/check/tolerance/asa_s",
              "expected a number >= 0; got null");
}

TEST(LoadScenario, CheckUnknownKeysSuggestTheCloseOne) {
  const auto ds = errors_of(with_check(R"({"alfa": 0.01, "tolerance": {"asa": 2}})"));
  ASSERT_EQ(ds.size(), 2u) << dump(ds);
  EXPECT_EQ(ds[0].pointer, "/check/alfa");
  EXPECT_EQ(ds[0].message, "unknown key \"alfa\"; known: alpha, tolerance (did you mean \"alpha\"?)");
  EXPECT_EQ(ds[1].pointer, "/check/tolerance/asa");
  EXPECT_NE(ds[1].message.find("known: fraction, relative, offered, blocked"), std::string::npos) << ds[1].message;
  EXPECT_NE(ds[1].message.find("(did you mean \"asa_s\"?)"), std::string::npos) << ds[1].message;
}

TEST(LoadScenario, CheckMustBeObjects) {
  expect_only(with_check("0.01"), "/check",
              R"(expected an object {"alpha": 0.01, "tolerance": {"fraction": 0.01, "relative": 0.05}}; got 0.01)");
  expect_only(with_check(R"({"tolerance": 0.05})"), "/check/tolerance",
              R"(expected an object {"fraction": 0.01, "relative": 0.05, "<kpi>": <absolute tolerance>}; got 0.05)");
}

// ---- many errors together ---------------------------------------------------------------

TEST(LoadScenario, SeveralErrorsAreReportedTogetherInDocumentOrder) {
  std::string text = with(kDay, "\"period_s\": 1800", "\"period_s\": -1800");
  text = with(text, "\"patience\":", "\"patiense\":");
  text = with(text, "[10, 12, 11]", "[10, 12]");
  text = with(text, "\"sales\": [\"tier1\"]", "\"sales\": [\"tier2\"]");
  try {
    load_scenario_text(text, "two_skill.json");
    FAIL() << "expected a ScenarioError";
  } catch (const ScenarioError& e) {
    EXPECT_EQ(format_diagnostics(e),
              "two_skill.json: /period_s: must be > 0; got -1800\n"
              "two_skill.json: /contact_types/0/patiense: unknown key \"patiense\"; known: name, channel, due_s, "
              "interruptible, dialer, priority, arrivals, ivr, talk, wrap_up, patience, aht_per_period_s, "
              "patience_per_period_s, service_level, max_wait_s, balking, redial, transfers, returns, callback (did "
              "you mean \"patience\"?)\n"
              "two_skill.json: /agent_groups/0/staffing: expected 3 values (num_periods), got 2\n"
              "two_skill.json: /router/type_to_group/sales/0: unknown agent group \"tier2\"; defined: support, tier1 "
              "(did you mean \"tier1\"?)\n");
    EXPECT_EQ(std::string(e.what()) + "\n", format_diagnostics(e));
  }
}

TEST(LoadScenario, StopsListingAfterTwentyErrors) {
  std::string keys;
  for (int i = 1; i <= 23; ++i) keys += "\"a" + std::to_string(i) + "\": 1, ";
  const auto ds = errors_of(with(kDay, "\"mode\": \"day\",", keys + "\"mode\": \"day\","));
  ASSERT_EQ(ds.size(), internal::kMaxDiagnostics + 1) << dump(ds);
  EXPECT_EQ(ds[0].pointer, "/a1");
  EXPECT_EQ(ds[19].pointer, "/a20");
  EXPECT_EQ(ds[20].pointer, "");
  EXPECT_EQ(ds[20].message, "... 3 more errors not shown; fix the ones above first");
}

// ---- workforce: shifts, breaks, absenteeism, shrinkage -----------------------------------

// A day from 07:00 to 23:00 (16 periods of an hour); "support" is staffed by shifts only.
constexpr std::string_view kShifts = R"([
        { "name": "early", "start": "07:00", "end": "15:30", "agents": 12,
          "breaks": [
            { "name": "coffee", "duration_s": 900, "at": "09:30" },
            { "name": "lunch", "duration_s": 1800, "window": { "from": "11:00", "to": "12:30" },
              "placement": "spread", "paid": false },
            { "name": "team_meeting", "duration_s": 3600, "at": "14:00", "paid": true }
          ] },
        { "name": "late", "start": 25200, "length_s": 30600, "agents": 8 }
      ])";

std::string roster(std::string_view shifts = kShifts) {
  return R"({
  "mode": "day",
  "period_s": 3600,
  "num_periods": 16,
  "start_time": "07:00",
  "contact_types": [
    { "name": "billing",
      "arrivals": { "process": "poisson", "rate_per_hour": 100 },
      "talk": { "dist": "exponential", "mean_s": 240 },
      "patience": { "dist": "exponential", "mean_s": 300 } },
    { "name": "sales",
      "arrivals": { "process": "poisson", "rate_per_hour": 30 },
      "talk": { "dist": "exponential", "mean_s": 300 } }
  ],
  "agent_groups": [
    { "name": "support",
      "shifts": )" + std::string(shifts) +
         R"(,
      "absenteeism": 0.06,
      "shrinkage": 0.1 },
    { "name": "tier1", "staffing": 4 }
  ],
  "router": { "type_to_group": { "billing": ["support", "tier1"], "sales": ["tier1"] } }
})";
}

// The same shifts in seconds from time 0, without /start_time.
constexpr std::string_view kShiftsInSeconds = R"([
        { "name": "early", "start": 0, "end": 30600, "agents": 12,
          "breaks": [
            { "name": "coffee", "duration_s": 900, "at": 9000 },
            { "name": "lunch", "duration_s": 1800, "window": { "from": 14400, "to": 19800.5 } }
          ] },
        { "name": "late", "start": 25200, "length_s": 30600, "agents": 8 }
      ])";

std::string roster_in_seconds(std::string_view shifts = kShiftsInSeconds) {
  return with(roster(shifts), "\"start_time\": \"07:00\",", "");
}

const ShiftSpec& shift_of(const ScenarioSpec& s, std::size_t group, std::size_t shift) {
  return s.agent_groups[make_id<AgentGroupId>(group)].shifts.at(shift);
}

constexpr std::string_view kTimeExpected =
    R"(expected a clock time "HH:MM" or "HH:MM:SS" ("00:00" to "24:00"), or seconds from the start of the day (a )"
    R"(number); got )";

TEST(LoadScenario, ShiftsBreaksAndAbsenceDecodeExactly) {
  const ScenarioSpec s = load_scenario_text(roster(), "t.json");
  const AgentGroupSpec& support = s.agent_groups[make_id<AgentGroupId>(0)];
  EXPECT_TRUE(support.staffing.empty());  // staffed by shifts only
  ASSERT_EQ(support.shifts.size(), 2u);

  const ShiftSpec& early = support.shifts[0];
  EXPECT_EQ(early.name, "early");
  EXPECT_EQ(early.start_s, 0.0);      // 07:00 is the start of the day
  EXPECT_EQ(early.end_s, 30600.0);    // 15:30 - 07:00
  EXPECT_EQ(early.agents, 12u);
  ASSERT_EQ(early.breaks.size(), 3u);
  const BreakSpec& coffee = early.breaks[0];
  EXPECT_EQ(coffee.name, "coffee");
  EXPECT_EQ(coffee.duration_s, 900.0);
  EXPECT_EQ(coffee.earliest_start_s, 9000.0);  // a fixed time: earliest == latest
  EXPECT_EQ(coffee.latest_start_s, 9000.0);
  EXPECT_EQ(coffee.placement, BreakPlacement::Spread);
  EXPECT_TRUE(coffee.paid);  // the default
  const BreakSpec& lunch = early.breaks[1];
  EXPECT_EQ(lunch.name, "lunch");
  EXPECT_EQ(lunch.duration_s, 1800.0);
  EXPECT_EQ(lunch.earliest_start_s, 14400.0);
  EXPECT_EQ(lunch.latest_start_s, 19800.0);
  EXPECT_EQ(lunch.placement, BreakPlacement::Spread);
  EXPECT_FALSE(lunch.paid);
  const BreakSpec& meeting = early.breaks[2];
  EXPECT_EQ(meeting.name, "team_meeting");
  EXPECT_EQ(meeting.duration_s, 3600.0);
  EXPECT_EQ(meeting.earliest_start_s, 25200.0);
  EXPECT_EQ(meeting.latest_start_s, 25200.0);
  EXPECT_TRUE(meeting.paid);

  const ShiftSpec& late = support.shifts[1];
  EXPECT_EQ(late.name, "late");
  EXPECT_EQ(late.start_s, 25200.0);
  EXPECT_EQ(late.end_s, 55800.0);  // start + length_s
  EXPECT_EQ(late.agents, 8u);
  EXPECT_TRUE(late.breaks.empty());

  EXPECT_EQ(support.absenteeism, 0.06);
  EXPECT_EQ(support.shrinkage, std::vector<double>(16, 0.1));  // one number: every period

  const AgentGroupSpec& tier1 = s.agent_groups[make_id<AgentGroupId>(1)];
  EXPECT_EQ(tier1.staffing, std::vector<std::uint32_t>(16, 4));
  EXPECT_TRUE(tier1.shifts.empty());
  EXPECT_EQ(tier1.absenteeism, 0.0);
  EXPECT_TRUE(tier1.shrinkage.empty());

  const auto placement = [](std::string_view name) {
    return shift_of(load_scenario_text(with(roster(), "\"spread\"", name), "t.json"), 0, 0).breaks[1].placement;
  };
  EXPECT_EQ(placement("\"earliest\""), BreakPlacement::Earliest);
  EXPECT_EQ(placement("\"latest\""), BreakPlacement::Latest);
}

TEST(LoadScenario, StaffingAndShiftsMayBeGivenTogether) {
  const ScenarioSpec s =
      load_scenario_text(with(roster(), R"("name": "support",)", R"("name": "support", "staffing": [2, 3, 0, 0, 0, 0, )"
                                                                 R"(0, 0, 0, 0, 0, 0, 0, 0, 0, 1],)"),
                         "t.json");
  const AgentGroupSpec& support = s.agent_groups[make_id<AgentGroupId>(0)];
  EXPECT_EQ(support.staffing, (std::vector<std::uint32_t>{2, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}));
  EXPECT_EQ(support.shifts.size(), 2u);
}

TEST(LoadScenario, ClockTimesCountFromStartTimeAndWrapPastMidnight) {
  // A night from 22:00 to 08:00: a clock time earlier than 22:00 is on the next day.
  constexpr std::string_view kNight = R"([
        { "name": "evening", "start": "22:00", "end": "24:00", "agents": 3 },
        { "name": "night", "start": "23:00", "end": "06:30:15", "agents": 2,
          "breaks": [ { "name": "tea", "duration_s": 600, "at": "01:15:30" } ] },
        { "name": "dawn", "start": "00:00", "length_s": 7200, "agents": 1 },
        { "name": "by_seconds", "start": 1800.5, "end": 36000, "agents": 1 }
      ])";
  const ScenarioSpec s = load_scenario_text(
      with(with(roster(kNight), "\"num_periods\": 16", "\"num_periods\": 10"), "\"07:00\",", "\"22:00\","), "t.json");
  EXPECT_EQ(shift_of(s, 0, 0).start_s, 0.0);
  EXPECT_EQ(shift_of(s, 0, 0).end_s, 7200.0);  // "24:00": the midnight two hours after 22:00
  EXPECT_EQ(shift_of(s, 0, 1).start_s, 3600.0);
  EXPECT_EQ(shift_of(s, 0, 1).end_s, 30615.0);  // 06:30:15 next day
  EXPECT_EQ(shift_of(s, 0, 1).breaks[0].earliest_start_s, 11730.0);  // 01:15:30
  EXPECT_EQ(shift_of(s, 0, 1).breaks[0].latest_start_s, 11730.0);
  EXPECT_EQ(shift_of(s, 0, 2).start_s, 7200.0);  // "00:00" is the same midnight as "24:00"
  EXPECT_EQ(shift_of(s, 0, 2).end_s, 14400.0);
  EXPECT_EQ(shift_of(s, 0, 3).start_s, 1800.5);  // numbers are seconds, whatever /start_time
  EXPECT_EQ(shift_of(s, 0, 3).end_s, 36000.0);

  // From midnight: "00:00" is time 0 and "24:00" the end of a 24-hour day.
  const std::string midnight =
      with(with(roster(R"([ { "name": "all_day", "start": "00:00", "end": "24:00:00", "agents": 5 } ])"),
                "\"num_periods\": 16", "\"num_periods\": 24"),
           "\"07:00\",", "\"00:00\",");
  const ScenarioSpec m = load_scenario_text(midnight, "t.json");
  EXPECT_EQ(shift_of(m, 0, 0).start_s, 0.0);
  EXPECT_EQ(shift_of(m, 0, 0).end_s, 86400.0);
  expect_only(with(midnight, R"("start": "00:00")", R"("start": "24:00")"), "/agent_groups/0/shifts/0/start",
              "shift \"all_day\" starts at 00:00 next day, outside the day (00:00 to 24:00); a shift starts and ends "
              "inside the day");
}

TEST(LoadScenario, TimesInSecondsNeedNoStartTime) {
  const ScenarioSpec s = load_scenario_text(roster_in_seconds(), "t.json");
  EXPECT_FALSE(s.start_minute.has_value());
  EXPECT_EQ(shift_of(s, 0, 0).end_s, 30600.0);
  EXPECT_EQ(shift_of(s, 0, 0).breaks[0].earliest_start_s, 9000.0);
  EXPECT_EQ(shift_of(s, 0, 0).breaks[1].earliest_start_s, 14400.0);
  EXPECT_EQ(shift_of(s, 0, 0).breaks[1].latest_start_s, 19800.5);
  EXPECT_EQ(shift_of(s, 0, 1).end_s, 55800.0);
}

TEST(LoadScenario, ClockTimeNeedsStartTime) {
  const auto ds = errors_of(with(roster(), "\"start_time\": \"07:00\",", ""));
  ASSERT_EQ(ds.size(), 6u) << dump(ds);  // every clock time, and nothing checked against them
  const std::string needs =
      "a clock time needs /start_time (the clock time of time 0); set /start_time or give seconds from the start of "
      "the day (a number); got ";
  expect_has(ds, "/agent_groups/0/shifts/0/start", needs + "string \"07:00\"");
  expect_has(ds, "/agent_groups/0/shifts/0/end", needs + "string \"15:30\"");
  expect_has(ds, "/agent_groups/0/shifts/0/breaks/0/at", needs + "string \"09:30\"");
  expect_has(ds, "/agent_groups/0/shifts/0/breaks/1/window/from", needs + "string \"11:00\"");
  expect_has(ds, "/agent_groups/0/shifts/0/breaks/1/window/to", needs + "string \"12:30\"");
  expect_has(ds, "/agent_groups/0/shifts/0/breaks/2/at", needs + "string \"14:00\"");
  // An invalid /start_time is reported there only.
  expect_only(with(roster(), "\"start_time\": \"07:00\"", "\"start_time\": \"7:00\""), "/start_time",
              R"(expected a clock time "HH:MM" from "00:00" to "23:59"; got string "7:00")");
}

TEST(LoadScenario, FractionalStaffingIsOneMessageThatSaysToRound) {
  expect_only(with(kDay, "[10, 12, 11]", "[10.4, 12, 11.2]"), "/agent_groups/0/staffing",
              "agents are whole: 2 of the 3 values are fractional (the first, /agent_groups/0/staffing/0, is 10.4); "
              "round them (up, to keep at least the agents asked for)");
}

TEST(LoadScenario, BadTimeSaysWhatIsAccepted) {
  for (std::string_view bad :
       {"\"25:00\"", "\"24:30\"", "\"24:00:01\"", "\"12:60\"", "\"12:00:60\"", "\"12:00:5\"", "\"noon\""}) {
    expect_only(with(roster(), "\"start\": 25200", "\"start\": " + std::string(bad)), "/agent_groups/0/shifts/1/start",
                std::string(kTimeExpected) + "string " + std::string(bad));
  }
  expect_only(with(roster(), "\"start\": 25200", "\"start\": true"), "/agent_groups/0/shifts/1/start",
              std::string(kTimeExpected) + "true");
  // Spreadsheets drop the hour's leading zero: "7:00" is "07:00".
  const auto start_of = [](std::string_view clock) {
    const std::string text = with(roster(), "\"start\": 25200", "\"start\": \"" + std::string(clock) + "\"");
    return load_scenario_text(text, "t.json").agent_groups[make_id<AgentGroupId>(0)].shifts[1].start_s;
  };
  EXPECT_EQ(start_of("7:45"), start_of("07:45"));
  EXPECT_EQ(start_of("7:45:30"), start_of("07:45:30"));
  // A shift without a valid start: its breaks are not compared with it.
  expect_only(with(roster(), R"("start": "07:00")", R"("start": "7am")"), "/agent_groups/0/shifts/0/start",
              std::string(kTimeExpected) + "string \"7am\"");
}

TEST(LoadScenario, ShiftMustLieInsideTheDay) {
  expect_only(with(roster(), "\"length_s\": 30600", "\"length_s\": 34200"), "/agent_groups/0/shifts/1/length_s",
              "shift \"late\" ends at 23:30, outside the day (07:00 to 23:00); end it by 23:00");
  expect_only(with(roster(), R"("end": "15:30")", R"("end": "24:00")"), "/agent_groups/0/shifts/0/end",
              "shift \"early\" ends at 24:00, outside the day (07:00 to 23:00); end it by 23:00");
  expect_only(with(roster(), "\"start\": 25200", "\"start\": 57600"), "/agent_groups/0/shifts/1/start",
              "shift \"late\" starts at 23:00, outside the day (07:00 to 23:00); a shift starts and ends inside the "
              "day");
  // Earlier than /start_time: the next day, after this one.
  expect_only(with(roster(), R"("start": "07:00")", R"("start": "06:00")"), "/agent_groups/0/shifts/0/start",
              "shift \"early\" starts at 06:00 next day, outside the day (07:00 to 23:00); a shift starts and ends "
              "inside the day");
  expect_only(with(roster_in_seconds(), "\"start\": 25200", "\"start\": -600"), "/agent_groups/0/shifts/1/start",
              "shift \"late\" starts at -600 s, outside the day (0 s to 57600 s); a shift starts and ends inside the "
              "day");
}

TEST(LoadScenario, ShiftMustEndAfterItStarts) {
  expect_only(with(roster(), R"("end": "15:30")", R"("end": "07:00")"), "/agent_groups/0/shifts/0/end",
              "shift \"early\" ends at 07:00, not after it starts (07:00); give an end after the start (07:00 is "
              "the day's start time, so time 0: give length_s to end at the day's end)");
  expect_only(with(roster(), R"("length_s": 30600)", R"("end": "13:00")"), "/agent_groups/0/shifts/1/end",
              "shift \"late\" ends at 13:00, not after it starts (14:00); give an end after the start");
  expect_only(with(roster(), R"("length_s": 30600)", R"("end": "06:30")"), "/agent_groups/0/shifts/1/end",
              "shift \"late\" ends at 06:30 next day, outside the day (07:00 to 23:00); end it by 23:00");
  expect_only(with(roster_in_seconds(), R"("end": 30600)", R"("end": 0)"), "/agent_groups/0/shifts/0/end",
              "shift \"early\" ends at 0 s, not after it starts (0 s); give an end after the start");
}

TEST(LoadScenario, ShiftNeedsExactlyOneOfEndAndLength) {
  expect_only(with(roster(), R"("length_s": 30600)", R"("length_s": 30600, "end": "20:00")"),
              "/agent_groups/0/shifts/1", R"("end" and "length_s" are exclusive; give exactly one)");
  expect_only(with(roster(), R"(, "length_s": 30600)", ""), "/agent_groups/0/shifts/1",
              R"(missing the end of the shift; give exactly one of "end" (a time) or "length_s" (a number > 0, )"
              R"(seconds))");
  expect_only(with(roster(), R"("length_s": 30600)", R"("length_s": 0)"), "/agent_groups/0/shifts/1/length_s",
              "must be > 0; got 0");
}

TEST(LoadScenario, ShiftKeysAreChecked) {
  EXPECT_EQ(dump(errors_of(with(roster(), "\"agents\": 8", "\"agent\": 8"))),
            "  [/agent_groups/0/shifts/1/agent] unknown key \"agent\"; known: name, start, end, length_s, agents, "
            "breaks, days (did you mean \"agents\"?)\n"
            "  [/agent_groups/0/shifts/1] missing required key \"agents\"; expected an integer >= 0\n");
  expect_only(with(roster(), "\"agents\": 8", "\"agents\": -1"), "/agent_groups/0/shifts/1/agents",
              "must be >= 0; got -1");
  expect_only(with(roster(), "\"agents\": 8", "\"agents\": 1.5"), "/agent_groups/0/shifts/1/agents",
              "expected an integer >= 0; got 1.5");
  expect_only(with(roster(), R"("name": "late", )", ""), "/agent_groups/0/shifts/1",
              "missing required key \"name\"; expected a non-empty string, unique within the agent group");
  expect_only(with(roster(), R"("start": 25200, )", ""), "/agent_groups/0/shifts/1",
              "missing required key \"start\"; expected a clock time \"HH:MM\" or \"HH:MM:SS\" (\"00:00\" to "
              "\"24:00\"), or seconds from the start of the day (a number)");
  expect_only(roster("[3]"), "/agent_groups/0/shifts/0",
              R"(expected a shift object {"name": ..., "start": ..., "end" or "length_s": ..., "agents": ...}; got 3)");
  expect_only(roster("[]"), "/agent_groups/0/shifts",
              R"(expected a non-empty array of shift objects {"name": ..., "start": ..., "end" or "length_s": ..., )"
              R"("agents": ...}; got an empty array (omit "shifts" when the group has none))");
  expect_only(with(roster(), "\"agents\": 8", R"("agents": 8, "breaks": {})"), "/agent_groups/0/shifts/1/breaks",
              R"(expected an array of break objects {"name": ..., "duration_s": ..., "at" or "window": ...}; got an )"
              R"(empty object)");
}

TEST(LoadScenario, ShiftAndBreakNamesAreUniqueWhereTheyLive) {
  expect_only(with(roster(), R"("name": "late")", R"("name": "early")"), "/agent_groups/0/shifts/1/name",
              "duplicate shift name \"early\"; names must be unique within the agent group (first used at "
              "/agent_groups/0/shifts/0/name)");
  expect_only(with(roster(), R"("name": "lunch")", R"("name": "coffee")"), "/agent_groups/0/shifts/0/breaks/1/name",
              "duplicate break name \"coffee\"; names must be unique within the shift (first used at "
              "/agent_groups/0/shifts/0/breaks/0/name)");
  expect_only(with(roster(), R"("name": "late")", R"("name": "")"), "/agent_groups/0/shifts/1/name",
              "must be a non-empty string; got \"\"");
  // The same break name in two shifts is fine.
  const ScenarioSpec s = load_scenario_text(
      with(roster(), "\"agents\": 8",
           R"("agents": 8, "breaks": [ { "name": "coffee", "duration_s": 900, "at": "18:00" } ])"),
      "t.json");
  EXPECT_EQ(shift_of(s, 0, 1).breaks.at(0).name, "coffee");
  EXPECT_EQ(shift_of(s, 0, 1).breaks.at(0).earliest_start_s, 39600.0);
}

TEST(LoadScenario, BreakNeedsADurationAndExactlyOneStart) {
  expect_only(with(roster(), R"("at": "09:30")", R"("at": "09:30", "window": { "from": "09:00", "to": "10:00" })"),
              "/agent_groups/0/shifts/0/breaks/0",
              R"("at" and "window" are exclusive; give "at" (a fixed start) or "window" (a range of starts))");
  expect_only(with(roster(), R"(, "at": "09:30")", ""), "/agent_groups/0/shifts/0/breaks/0",
              R"(missing the start of the break; give exactly one of "at" (a time) or "window" ({"from": <time>, )"
              R"("to": <time>}))");
  expect_only(with(roster(), R"("duration_s": 900, )", ""), "/agent_groups/0/shifts/0/breaks/0",
              "missing required key \"duration_s\"; expected a number > 0");
  expect_only(with(roster(), R"("duration_s": 900)", R"("duration_s": 0)"),
              "/agent_groups/0/shifts/0/breaks/0/duration_s", "must be > 0; got 0");
  expect_only(with(roster(), R"("from": "11:00", )", ""), "/agent_groups/0/shifts/0/breaks/1/window",
              "missing required key \"from\"; expected a clock time \"HH:MM\" or \"HH:MM:SS\" (\"00:00\" to "
              "\"24:00\"), or seconds from the start of the day (a number)");
  expect_only(with(roster(), "\"paid\": false", "\"paid\": \"no\""), "/agent_groups/0/shifts/0/breaks/1/paid",
              "expected true (the default) or false; got string \"no\"");
}

TEST(LoadScenario, WindowMustOpenBeforeItCloses) {
  expect_only(with(roster(), R"({ "from": "11:00", "to": "12:30" })", R"({ "from": "12:30", "to": "11:00" })"),
              "/agent_groups/0/shifts/0/breaks/1/window/to",
              "the window of break \"lunch\" closes at 11:00, before it opens (12:30); the latest start must not be "
              "before the earliest");
  expect_only(with(roster(), R"("to": "12:30")", R"("to": "11:00")"), "/agent_groups/0/shifts/0/breaks/1/window/to",
              R"(the window is empty: "from" and "to" are both 11:00; use "at" for a fixed time)");
}

TEST(LoadScenario, PlacementOnlyWithAWindow) {
  expect_only(with(roster(), R"("at": "09:30")", R"("at": "09:30", "placement": "earliest")"),
              "/agent_groups/0/shifts/0/breaks/0/placement",
              R"("placement" is only used with "window"; remove it (a break "at" a fixed time has one start))");
  expect_only(with(roster(), "\"spread\"", "\"sprad\""), "/agent_groups/0/shifts/0/breaks/1/placement",
              "unknown placement \"sprad\"; known: spread, earliest, latest (did you mean \"spread\"?)");
}

TEST(LoadScenario, BreakMustFitItsShift) {
  const auto late_breaks = [](std::string_view breaks) {
    return with(roster(), "\"agents\": 8", "\"agents\": 8, \"breaks\": " + std::string(breaks));
  };
  // "late" runs from 14:00 to 22:30.
  expect_only(late_breaks(R"([ { "name": "coffee", "duration_s": 900, "at": "13:45" } ])"),
              "/agent_groups/0/shifts/1/breaks/0/at",
              "break \"coffee\" starts at 13:45, before its shift \"late\" starts (14:00); start it at 14:00 or later");
  const auto dinner = [&](std::string_view window) {
    return late_breaks(R"([ { "name": "dinner", "duration_s": 1800, "window": )" + std::string(window) + " } ]");
  };
  expect_only(dinner(R"({ "from": "13:00", "to": "18:00" })"),
              "/agent_groups/0/shifts/1/breaks/0/window/from",
              "break \"dinner\" may start at 13:00, before its shift \"late\" starts (14:00); open the window at 14:00 "
              "or later");
  expect_only(dinner(R"({ "from": "21:00", "to": "22:15" })"),
              "/agent_groups/0/shifts/1/breaks/0/window/to",
              "a window that cannot hold its break: break \"dinner\" may start as late as 22:15 and lasts 1800 s, so "
              "it may end at 22:45, after its shift \"late\" ends (22:30); close the window by 22:00");
  expect_only(late_breaks(R"([ { "name": "training", "duration_s": 32400, "at": "14:00" } ])"),
              "/agent_groups/0/shifts/1/breaks/0/duration_s",
              "break longer than its shift: break \"training\" lasts 32400 s, shift \"late\" lasts 30600 s (14:00 to "
              "22:30); a break fits inside its shift");
  expect_only(with(roster(), R"("at": "14:00")", R"("at": "15:00")"), "/agent_groups/0/shifts/0/breaks/2/at",
              "break \"team_meeting\" at 15:00 lasts 3600 s and ends at 16:00, after its shift \"early\" ends (15:30); "
              "start it by 14:30");
}

TEST(LoadScenario, BreaksAreInTimeOrderAndNeverOverlap) {
  // Two fixed breaks.
  expect_only(with(with(roster(), R"("placement": "spread", )", ""), R"("window": { "from": "11:00", "to": "12:30" },)",
                   R"("at": "09:40",)"),
              "/agent_groups/0/shifts/0/breaks/1/at",
              "break \"lunch\" at 09:40 overlaps break \"coffee\" (09:30 to 09:45); fixed breaks must not overlap: "
              "start it at 09:45 or later");
  // A window that opens while the fixed break before it may still run.
  expect_only(with(roster(), R"("from": "11:00")", R"("from": "09:40")"),
              "/agent_groups/0/shifts/0/breaks/1/window/from",
              "break \"lunch\" may start at 09:40 and so overlaps break \"coffee\" (09:30 to 09:45); breaks never "
              "overlap, whatever the placement: open the window at 09:45 or later");
  // A fixed break after a window: it must wait for the latest start plus the duration.
  expect_only(with(roster(), R"("at": "14:00")", R"("at": "12:45")"), "/agent_groups/0/shifts/0/breaks/2/at",
              "break \"team_meeting\" starts at 12:45 and so overlaps break \"lunch\", which may run until 13:00 "
              "(latest start 12:30 + 1800 s); breaks never overlap, whatever the placement: start it at 13:00 or "
              "later");
  // Right after is fine: 12:30 + 30 min = 13:00.
  EXPECT_NO_THROW(load_scenario_text(with(roster(), R"("at": "14:00")", R"("at": "13:00")"), "t.json"));
  // Listed out of order.
  expect_only(with(roster(), R"("at": "09:30")", R"("at": "12:00")"), "/agent_groups/0/shifts/0/breaks/1/window/from",
              "break \"lunch\" (from 11:00 to 12:30) is listed after break \"coffee\" (at 12:00) but starts before it; "
              "list breaks in time order");
}

TEST(LoadScenario, AbsenteeismAndShrinkageAreFractionsBelowOne) {
  const auto absent = [](std::string_view x) {
    return with(roster(), "\"absenteeism\": 0.06", "\"absenteeism\": " + std::string(x));
  };
  const std::string ap = "/agent_groups/0/absenteeism";
  expect_only(absent("6"), ap, "must be in [0, 1) (a fraction: write 6 % as 0.06); got 6");
  expect_only(absent("30"), ap, "must be in [0, 1) (a fraction: write 30 % as 0.30); got 30");
  expect_only(absent("1"), ap, "must be in [0, 1) (1 would mean every agent absent); got 1");
  expect_only(absent("-0.1"), ap, "must be in [0, 1); got -0.1");
  expect_only(absent("150"), ap, "must be in [0, 1); got 150");
  expect_only(absent("\"6%\""), ap, "expected a number in [0, 1); got string \"6%\"");
  EXPECT_EQ(load_scenario_text(absent("0"), "t.json").agent_groups[make_id<AgentGroupId>(0)].absenteeism, 0.0);

  const auto shrink = [](std::string_view x) {
    return with(roster(), "\"shrinkage\": 0.1", "\"shrinkage\": " + std::string(x));
  };
  const std::string sp = "/agent_groups/0/shrinkage";
  expect_only(shrink("12.5"), sp, "must be in [0, 1) (a fraction: write 12.5 % as 0.125); got 12.5");
  expect_only(shrink("1.0"), sp, "must be in [0, 1) (1 would mean agents never available); got 1.0");
  expect_only(shrink("\"10%\""), sp,
              "expected a number in [0, 1) (every period) or an array of 16 numbers in [0, 1) (one per period); got "
              "string \"10%\"");
  expect_only(shrink("[0.1, 0.2, 0.3]"), sp, "expected 16 values (num_periods), got 3");
  const std::string per_period = "[0.3, 0.25, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.1, X]";
  expect_only(shrink(with(per_period, "X", "1")), sp + "/15",
              "must be in [0, 1) (1 would mean agents never available); got 1");
  expect_only(shrink(with(per_period, "X", "20")), sp + "/15",
              "must be in [0, 1) (a fraction: write 20 % as 0.20); got 20");
  const ScenarioSpec s = load_scenario_text(shrink(with(per_period, "X", "0.5")), "t.json");
  EXPECT_EQ(s.agent_groups[make_id<AgentGroupId>(0)].shrinkage,
            (std::vector<double>{0.3, 0.25, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.1, 0.5}));
}

TEST(LoadScenario, WorkforceKeysAreDayModeOnly) {
  const auto ds = errors_of(with(kSteady, "\"staffing\": 8",
                                 R"("staffing": 8, "shifts": [], "absenteeism": 0.1, "shrinkage": 0.2)"));
  ASSERT_EQ(ds.size(), 3u) << dump(ds);
  EXPECT_EQ(ds[0].pointer, "/agent_groups/0/shifts");
  EXPECT_EQ(ds[0].message, "\"shifts\" is only used in day mode; remove it (mode is \"steady_state\")");
  EXPECT_EQ(ds[1].pointer, "/agent_groups/0/absenteeism");
  EXPECT_EQ(ds[1].message, "\"absenteeism\" is only used in day mode; remove it (mode is \"steady_state\")");
  EXPECT_EQ(ds[2].pointer, "/agent_groups/0/shrinkage");
  EXPECT_EQ(ds[2].message, "\"shrinkage\" is only used in day mode; remove it (mode is \"steady_state\")");
  // Shifts do not replace the steady-state staffing.
  const auto no_staffing = errors_of(with(kSteady, "\"staffing\": 8", R"("shifts": [])"));
  ASSERT_EQ(no_staffing.size(), 2u) << dump(no_staffing);
  EXPECT_EQ(no_staffing[1].pointer, "/agent_groups/0");
  EXPECT_EQ(no_staffing[1].message,
            "missing required key \"staffing\"; expected a single integer >= 0 (steady_state mode has no periods)");
}

TEST(LoadScenario, GroupNeedsStaffingOrShifts) {
  expect_only(with(kDay, ", \"staffing\": 4", ""), "/agent_groups/1",
              R"(missing the agents; give "staffing" (agents per period), "shifts", or both)");
}

TEST(LoadScenario, GroupNeverStaffedCountsShiftAgents) {
  const std::string idle = with(with(roster(), "\"agents\": 12", "\"agents\": 0"), "\"agents\": 8", "\"agents\": 0");
  EXPECT_EQ(never_staffed_warning(load_scenario_text(idle, "t.json")),
            "/agent_groups/0/shifts: agent group \"support\" is never staffed (0 agents on every shift); it takes no "
            "contact (its types are left to their other groups, if they have any)");
  EXPECT_EQ(never_staffed_warning(load_scenario_text(
                with(idle, R"("name": "support",)", R"("name": "support", "staffing": 0,)"), "t.json")),
            "/agent_groups/0: agent group \"support\" is never staffed (0 agents in every period and on every shift); "
            "it takes no contact (its types are left to their other groups, if they have any)");
  // Agents on one shift are enough, with a staffing of 0 everywhere.
  const ScenarioSpec s = load_scenario_text(
      with(with(roster(), "\"agents\": 12", "\"agents\": 0"), R"("name": "support",)",
           R"("name": "support", "staffing": 0,)"),
      "t.json");
  EXPECT_EQ(s.agent_groups[make_id<AgentGroupId>(0)].staffing, std::vector<std::uint32_t>(16, 0));
  EXPECT_EQ(shift_of(s, 0, 1).agents, 8u);
}

TEST(LoadScenario, ReservationCountsTheAgentsOnDutyAtOnce) {
  // "support" serves both types; early (12 agents, 07:00-15:30) and late (8, 14:00-22:30) overlap.
  const auto reserve = [](const std::string& text, std::string_view agents) {
    return with(with(text, R"("sales": ["tier1"])", R"("sales": ["tier1", "support"])"), "\"router\": {",
                R"("router": { "reservations": { "support": { "type": "billing", "agents": )" + std::string(agents) +
                    " } },");
  };
  expect_only(reserve(roster(), "20"), "/router/reservations/support/agents",
              "reserving 20 agents leaves none for the other types of agent group \"support\" (it has at most 20 "
              "agents on duty at once); reserve at most 19");
  const ScenarioSpec s = load_scenario_text(reserve(roster(), "19"), "t.json");
  EXPECT_EQ(s.agent_groups[make_id<AgentGroupId>(0)].reserved_agents, 19u);
  // Staffing adds to the shifts.
  const std::string staffed = with(roster(), R"("name": "support",)", R"("name": "support", "staffing": 3,)");
  expect_only(reserve(staffed, "23"), "/router/reservations/support/agents",
              "reserving 23 agents leaves none for the other types of agent group \"support\" (it has at most 23 "
              "agents on duty at once); reserve at most 22");
  // A shift ends before the next one starts at the same instant: they do not add up.
  const std::string relay =
      with(roster(), "\"start\": 25200, \"length_s\": 30600", "\"start\": \"15:30\", \"length_s\": 25200");
  expect_only(reserve(relay, "12"), "/router/reservations/support/agents",
              "reserving 12 agents leaves none for the other types of agent group \"support\" (it has at most 12 "
              "agents on duty at once); reserve at most 11");
  EXPECT_NO_THROW(load_scenario_text(reserve(relay, "11"), "t.json"));
}

TEST(LoadScenario, WorkforceErrorsAreReportedTogether) {
  std::string text = with(roster(), "\"agents\": 12", "\"agents\": -1");
  text = with(text, R"("to": "12:30")", R"("to": "10:00")");
  text = with(text, "\"length_s\": 30600", "\"length_s\": 34200");
  text = with(text, "\"absenteeism\": 0.06", "\"absenteeism\": 6");
  text = with(text, "\"shrinkage\": 0.1", "\"shrinkage\": 1");
  EXPECT_EQ(dump(errors_of(text)),
            "  [/agent_groups/0/shifts/0/agents] must be >= 0; got -1\n"
            "  [/agent_groups/0/shifts/0/breaks/1/window/to] the window of break \"lunch\" closes at 10:00, before it "
            "opens (11:00); the latest start must not be before the earliest\n"
            "  [/agent_groups/0/shifts/1/length_s] shift \"late\" ends at 23:30, outside the day (07:00 to 23:00); end "
            "it by 23:00\n"
            "  [/agent_groups/0/absenteeism] must be in [0, 1) (a fraction: write 6 % as 0.06); got 6\n"
            "  [/agent_groups/0/shrinkage] must be in [0, 1) (1 would mean agents never available); got 1\n");
}

// ---- valid scenarios decode exactly ---------------------------------------------------

TEST(LoadScenario, FullDayScenarioDecodesExactly) {
  constexpr std::string_view kFull = R"({
    "name": "two_skill",
    "description": "two types, IVR, overflow",
    "mode": "day",
    "period_s": 900,
    "num_periods": 4,
    "start_time": "08:30",
    "trunks": { "lines": 40 },
    "ivr": { "ports": 12 },
    "contact_types": [
      { "name": "billing",
        "priority": 1,
        "arrivals": { "process": "piecewise_poisson", "per_period": [30, 45.5, 60, 0] },
        "ivr": { "duration": { "dist": "uniform", "min_s": 20, "max_s": 40 }, "p_self_service": 0.2 },
        "talk": { "dist": "gamma", "mean_s": 240, "sd_s": 120 },
        "wrap_up": { "dist": "constant", "value_s": 30 },
        "patience": { "dist": "weibull", "shape": 1.5, "scale_s": 200 } },
      { "name": "sales",
        "arrivals": { "process": "poisson", "rate_per_min": 3 },
        "talk": { "dist": "erlang", "k": 3, "mean_s": 300 },
        "wrap_up": { "dist": "empirical", "values_s": [10, 20, 40], "weights": [1, 2, 1] } },
      { "name": "callbacks",
        "priority": 5,
        "arrivals": { "process": "trace", "times_s": [100, 200.5, 3599.9] },
        "talk": { "dist": "lognormal", "mean_s": 180, "cv": 0.75 },
        "patience": { "dist": "exponential", "mean_s": 600 } }
    ],
    "agent_groups": [
      { "name": "tier1", "staffing": [5, 6, 6, 0] },
      { "name": "sales_desk", "staffing": 3 },
      { "name": "overflow", "staffing": [0, 2, 2, 0] }
    ],
    "router": {
      "policy": "queue_priority",
      "type_to_group": {
        "sales": ["sales_desk", "overflow"],
        "billing": ["tier1", "overflow"],
        "callbacks": ["tier1"]
      }
    },
    "service_level": { "awt_s": 30, "target": 0.9, "definition": "excluding_short_abandons", "short_abandon_s": 3 },
    "targets": [ { "kpi": "p_abandon_over_admitted", "max": 0.05 }, { "kpi": "occupancy", "min": 0.6 } ],
    "rng": { "seed": 12345, "replications": 25 },
    "confidence": 0.9
  })";
  const ScenarioSpec s = load_scenario_text(kFull, "scenarios/two_skill_overflow.json");

  EXPECT_EQ(s.name, "two_skill");
  EXPECT_EQ(s.description, "two types, IVR, overflow");
  EXPECT_EQ(s.source_file, "scenarios/two_skill_overflow.json");
  EXPECT_EQ(s.mode, RunMode::Day);
  EXPECT_EQ(s.period_s, 900.0);
  EXPECT_EQ(s.num_periods, 4u);
  EXPECT_EQ(s.horizon_s(), 3600.0);
  EXPECT_EQ(s.start_minute, std::optional<std::uint32_t>(510));
  EXPECT_EQ(s.trunk_lines, std::optional<std::uint32_t>(40));
  EXPECT_TRUE(s.has_ivr);
  EXPECT_EQ(s.ivr_ports, std::optional<std::uint32_t>(12));

  ASSERT_EQ(s.contact_types.size(), 3u);
  const ContactTypeSpec& billing = s.contact_types[make_id<ContactTypeId>(0)];
  EXPECT_EQ(billing.name, "billing");
  EXPECT_EQ(billing.priority, 1u);
  EXPECT_EQ(billing.arrivals.process, ArrivalSpec::Process::PiecewisePoisson);
  EXPECT_EQ(billing.arrivals.per_period, (std::vector<double>{30, 45.5, 60, 0}));
  ASSERT_TRUE(billing.ivr.has_value());
  EXPECT_EQ(billing.ivr->duration.kind, sim::DistKind::Uniform);
  EXPECT_EQ(billing.ivr->duration.a, 20.0);
  EXPECT_EQ(billing.ivr->duration.b, 40.0);
  EXPECT_EQ(billing.ivr->p_self_service, 0.2);
  EXPECT_EQ(billing.ivr->p_hangup, 0.0);
  EXPECT_EQ(billing.talk.kind, sim::DistKind::Gamma);
  EXPECT_EQ(billing.talk.a, 240.0);
  EXPECT_EQ(billing.talk.b, 0.5);  // cv = sd_s / mean_s
  ASSERT_TRUE(billing.wrap_up.has_value());
  EXPECT_EQ(billing.wrap_up->kind, sim::DistKind::Constant);
  EXPECT_EQ(billing.wrap_up->a, 30.0);
  ASSERT_TRUE(billing.patience.has_value());
  EXPECT_EQ(billing.patience->kind, sim::DistKind::Weibull);
  EXPECT_EQ(billing.patience->a, 1.5);
  EXPECT_EQ(billing.patience->b, 200.0);
  EXPECT_EQ(billing.groups, (std::vector<AgentGroupId>{make_id<AgentGroupId>(0), make_id<AgentGroupId>(2)}));

  const ContactTypeSpec& sales = s.contact_types[make_id<ContactTypeId>(1)];
  EXPECT_EQ(sales.name, "sales");
  EXPECT_EQ(sales.priority, 0u);
  EXPECT_EQ(sales.arrivals.process, ArrivalSpec::Process::Poisson);
  EXPECT_DOUBLE_EQ(sales.arrivals.rate_per_s, 0.05);
  EXPECT_FALSE(sales.ivr.has_value());
  EXPECT_EQ(sales.talk.kind, sim::DistKind::Erlang);
  EXPECT_EQ(sales.talk.k, 3u);
  EXPECT_EQ(sales.talk.a, 300.0);
  ASSERT_TRUE(sales.wrap_up.has_value());
  EXPECT_EQ(sales.wrap_up->kind, sim::DistKind::Empirical);
  EXPECT_EQ(sales.wrap_up->values_s, (std::vector<double>{10, 20, 40}));
  EXPECT_EQ(sales.wrap_up->cdf, (std::vector<double>{0.25, 0.75, 1.0}));
  EXPECT_FALSE(sales.patience.has_value());
  EXPECT_EQ(sales.groups, (std::vector<AgentGroupId>{make_id<AgentGroupId>(1), make_id<AgentGroupId>(2)}));

  const ContactTypeSpec& callbacks = s.contact_types[make_id<ContactTypeId>(2)];
  EXPECT_EQ(callbacks.priority, 5u);
  EXPECT_EQ(callbacks.arrivals.process, ArrivalSpec::Process::Trace);
  EXPECT_EQ(callbacks.arrivals.times_s, (std::vector<double>{100, 200.5, 3599.9}));
  EXPECT_EQ(callbacks.talk.kind, sim::DistKind::LogNormal);
  EXPECT_EQ(callbacks.talk.a, 180.0);
  EXPECT_EQ(callbacks.talk.b, 0.75);
  EXPECT_EQ(callbacks.groups, (std::vector<AgentGroupId>{make_id<AgentGroupId>(0)}));

  ASSERT_EQ(s.agent_groups.size(), 3u);
  EXPECT_EQ(s.agent_groups[make_id<AgentGroupId>(0)].name, "tier1");
  EXPECT_EQ(s.agent_groups[make_id<AgentGroupId>(0)].staffing, (std::vector<std::uint32_t>{5, 6, 6, 0}));
  EXPECT_EQ(s.agent_groups[make_id<AgentGroupId>(1)].name, "sales_desk");
  EXPECT_EQ(s.agent_groups[make_id<AgentGroupId>(1)].staffing, (std::vector<std::uint32_t>{3, 3, 3, 3}));
  EXPECT_EQ(s.agent_groups[make_id<AgentGroupId>(2)].staffing, (std::vector<std::uint32_t>{0, 2, 2, 0}));

  EXPECT_EQ(s.router.policy, "queue_priority");
  EXPECT_EQ(s.service_level.awt_s, 30.0);
  EXPECT_EQ(s.service_level.target, 0.9);
  EXPECT_EQ(s.service_level.definition, SlDefinition::ExcludingShortAbandons);
  EXPECT_EQ(s.service_level.short_abandon_s, 3.0);

  ASSERT_EQ(s.targets.size(), 3u);
  EXPECT_EQ(s.targets[0].kpi, Kpi::ServiceLevel);
  EXPECT_EQ(s.targets[0].bound, TargetBound::AtLeast);
  EXPECT_EQ(s.targets[0].value, 0.9);
  EXPECT_EQ(s.targets[1].kpi, Kpi::PAbandonOverAdmitted);
  EXPECT_EQ(s.targets[1].bound, TargetBound::AtMost);
  EXPECT_EQ(s.targets[1].value, 0.05);
  EXPECT_EQ(s.targets[2].kpi, Kpi::Occupancy);
  EXPECT_EQ(s.targets[2].bound, TargetBound::AtLeast);
  EXPECT_EQ(s.targets[2].value, 0.6);

  EXPECT_EQ(s.seed, 12345u);
  EXPECT_EQ(s.replications, 25u);
  EXPECT_EQ(s.confidence, 0.9);
}

TEST(LoadScenario, DefaultsAreFilledIn) {
  const ScenarioSpec s = load_scenario_text(kSteady, "dir/erlang.c.json");
  EXPECT_EQ(s.name, "erlang.c");  // the file stem
  EXPECT_EQ(s.description, "");
  EXPECT_EQ(s.mode, RunMode::SteadyState);
  EXPECT_EQ(s.period_s, 0.0);
  EXPECT_EQ(s.num_periods, 1u);
  EXPECT_FALSE(s.start_minute.has_value());
  EXPECT_EQ(s.steady.warmup_s, 600.0);
  EXPECT_EQ(s.steady.duration_s, 36000.0);
  EXPECT_EQ(s.steady.calls, 0u);
  EXPECT_EQ(s.steady.batches, 1u);
  EXPECT_FALSE(s.trunk_lines.has_value());
  EXPECT_FALSE(s.has_ivr);
  EXPECT_FALSE(s.ivr_ports.has_value());
  const ContactTypeSpec& t = s.contact_types[make_id<ContactTypeId>(0)];
  EXPECT_EQ(t.priority, 0u);
  EXPECT_DOUBLE_EQ(t.arrivals.rate_per_s, 2.0 / 60.0);
  EXPECT_FALSE(t.wrap_up.has_value());
  EXPECT_FALSE(t.patience.has_value());
  EXPECT_EQ(s.agent_groups[make_id<AgentGroupId>(0)].staffing, (std::vector<std::uint32_t>{8}));
  EXPECT_EQ(s.router.policy, "queue_priority");
  EXPECT_EQ(s.service_level.awt_s, 20.0);
  EXPECT_EQ(s.service_level.target, 0.8);
  EXPECT_EQ(s.service_level.definition, SlDefinition::AnsweredWithinTOverAdmitted);
  EXPECT_EQ(s.service_level.short_abandon_s, 5.0);
  ASSERT_EQ(s.targets.size(), 1u);
  EXPECT_EQ(s.targets[0].kpi, Kpi::ServiceLevel);
  EXPECT_EQ(s.targets[0].value, 0.8);
  EXPECT_EQ(s.seed, 1u);
  EXPECT_EQ(s.replications, 10u);
  EXPECT_EQ(s.confidence, 0.95);
}

TEST(LoadScenario, IvrThatReleasesEveryCallNeedsNoRoute) {
  // sales: 75% self-service + 25% hang-up: nobody reaches an agent.
  const std::string ivr = with(with(kIvr, "0.3", "0.75"), "0.1", "0.25");
  std::string text = with(kDay, "\"mode\": \"day\",", "\"mode\": \"day\", \"ivr\": {},");
  text = with(text, "\"name\": \"sales\",", "\"name\": \"sales\", " + ivr);
  text = with(text, ", \"sales\": [\"tier1\"]", "");
  const ScenarioSpec s = load_scenario_text(text, "t.json");
  EXPECT_TRUE(s.contact_types[make_id<ContactTypeId>(1)].groups.empty());
  EXPECT_TRUE(s.has_ivr);
  EXPECT_FALSE(s.ivr_ports.has_value());
}

TEST(LoadScenario, SchemaKeyIsAccepted) {
  EXPECT_NO_THROW(load_scenario_text(
      with(kDay, "\"mode\": \"day\",", "\"$schema\": \"../scenario.schema.json\", \"mode\": \"day\","), "t.json"));
}

TEST(LoadScenario, GroupToTypeAndHandleTimeMultipliersDecodeExactly) {
  const ScenarioSpec s =
      load_scenario_text(with_router(R"("group_to_type": { "tier1": ["sales", "billing"], "support": ["billing"] }, )"
                                     R"("handle_time_multipliers": { "billing": { "tier1": 1.25, "support": 0.8 } })"),
                         "t.json");
  const auto billing = make_id<ContactTypeId>(0), sales = make_id<ContactTypeId>(1);
  const auto support = make_id<AgentGroupId>(0), tier1 = make_id<AgentGroupId>(1);
  EXPECT_EQ(s.agent_groups[tier1].type_order, (std::vector<ContactTypeId>{sales, billing}));
  EXPECT_EQ(s.agent_groups[support].type_order, (std::vector<ContactTypeId>{billing}));
  // Parallel to groups (support, tier1), whatever the order in the file.
  EXPECT_EQ(s.contact_types[billing].groups, (std::vector<AgentGroupId>{support, tier1}));
  EXPECT_EQ(s.contact_types[billing].handle_time_multiplier, (std::vector<double>{0.8, 1.25}));
  EXPECT_TRUE(s.contact_types[sales].handle_time_multiplier.empty());  // not listed: 1 for every group
}

TEST(LoadScenario, UnlistedGroupsKeepTheDerivedOrderAndAFactorOfOne) {
  const ScenarioSpec s =
      load_scenario_text(with_router(R"("group_to_type": { "tier1": ["billing", "sales"] }, )"
                                     R"("handle_time_multipliers": { "billing": { "tier1": 1.5 }, "sales": {} })"),
                         "t.json");
  const auto billing = make_id<ContactTypeId>(0), sales = make_id<ContactTypeId>(1);
  EXPECT_TRUE(s.agent_groups[make_id<AgentGroupId>(0)].type_order.empty());
  EXPECT_EQ(s.agent_groups[make_id<AgentGroupId>(1)].type_order, (std::vector<ContactTypeId>{billing, sales}));
  EXPECT_EQ(s.contact_types[billing].handle_time_multiplier, (std::vector<double>{1.0, 1.5}));
  EXPECT_EQ(s.contact_types[sales].handle_time_multiplier, (std::vector<double>{1.0}));

  // Without the tables: derived order everywhere, factors left empty.
  const ScenarioSpec plain = load_scenario_text(kDay, "t.json");
  for (const AgentGroupSpec& g : plain.agent_groups) EXPECT_TRUE(g.type_order.empty());
  for (const ContactTypeSpec& t : plain.contact_types) EXPECT_TRUE(t.handle_time_multiplier.empty());
}

// ---- shipped scenarios ----------------------------------------------------------------

// The schema offers exactly the keys and names the loader reads (the loader is the reference).
nlohmann::json shipped_schema() {
  std::ifstream in(source_path("scenarios/scenario.schema.json"));
  return nlohmann::json::parse(in);
}

std::set<std::string> keys(const nlohmann::json& object) {
  std::set<std::string> out;
  for (const auto& [key, value] : object.at("properties").items()) out.insert(key);
  return out;
}

std::set<std::string> loader(internal::Names names) { return std::set<std::string>(names.begin(), names.end()); }

TEST(ScenarioSchema, WorkforceKeysAreTheLoaders) {
  const nlohmann::json schema = shipped_schema();
  const nlohmann::json& defs = schema.at("$defs");
  EXPECT_EQ(keys(defs.at("agent_group")), loader(internal::kGroupKeys));
  EXPECT_EQ(keys(defs.at("agent_group").at("properties").at("chat")), loader(internal::kChatKeys));
  EXPECT_EQ(keys(defs.at("shift")), loader(internal::kShiftKeys));
  EXPECT_EQ(keys(defs.at("break")), loader(internal::kBreakKeys));
  EXPECT_EQ(keys(defs.at("break").at("properties").at("window")), loader(internal::kWindowKeys));
  EXPECT_EQ(defs.at("break").at("properties").at("placement").at("enum").get<std::vector<std::string>>(),
            std::vector<std::string>(internal::kPlacementNames.begin(), internal::kPlacementNames.end()));
}

TEST(ScenarioSchema, TopLevelContactTypeTargetAndForecastKeysAreTheLoaders) {
  const nlohmann::json schema = shipped_schema();
  const nlohmann::json& defs = schema.at("$defs");
  EXPECT_EQ(keys(schema), loader(internal::kTopKeys));
  EXPECT_EQ(keys(defs.at("contact_type")), loader(internal::kContactTypeKeys));
  EXPECT_EQ(defs.at("contact_type").at("properties").at("channel").at("enum").get<std::vector<std::string>>(),
            std::vector<std::string>(internal::kChannelNames.begin(), internal::kChannelNames.end()));
  EXPECT_EQ(keys(defs.at("target")), loader(internal::kTargetKeys));
  EXPECT_EQ(keys(schema.at("properties").at("forecast")), loader(internal::kForecastKeys));
  EXPECT_EQ(keys(defs.at("service_level")), loader(internal::kServiceLevelKeys));
  EXPECT_EQ(defs.at("target").at("properties").at("scope").at("enum").get<std::vector<std::string>>(),
            std::vector<std::string>(internal::kScopeNames.begin(), internal::kScopeNames.end()));
  EXPECT_EQ(defs.at("target").at("properties").at("kpi").at("enum").get<std::vector<std::string>>(),
            std::vector<std::string>(kKpiNames.begin(), kKpiNames.end()));
}

TEST(ShippedScenarios, ErlangC14AgentsLoads) {
  const ScenarioSpec s = load_scenario_file(source_path("scenarios/examples/erlang_c_14_agents.json"));
  EXPECT_EQ(s.name, "erlang_c_14_agents");
  EXPECT_EQ(s.mode, RunMode::SteadyState);
  EXPECT_EQ(s.steady.warmup_s, 3600.0);
  EXPECT_EQ(s.steady.duration_s, 72000.0);
  ASSERT_EQ(s.contact_types.size(), 1u);
  const ContactTypeSpec& t = s.contact_types[make_id<ContactTypeId>(0)];
  EXPECT_DOUBLE_EQ(t.arrivals.rate_per_s * t.talk.a, 10.0);  // 10 erlangs
  EXPECT_EQ(t.talk.kind, sim::DistKind::Exponential);
  EXPECT_FALSE(t.patience.has_value());
  EXPECT_EQ(s.agent_groups[make_id<AgentGroupId>(0)].staffing, (std::vector<std::uint32_t>{14}));
  EXPECT_EQ(s.service_level.definition, SlDefinition::AnsweredWithinTOverAnswered);
  EXPECT_EQ(s.seed, 20261123u);
  EXPECT_EQ(s.replications, 20u);
}

TEST(ShippedScenarios, SingleDayIvrLoads) {
  const ScenarioSpec s = load_scenario_file(source_path("scenarios/examples/single_day_ivr.json"));
  EXPECT_EQ(s.name, "single_day_ivr");
  EXPECT_EQ(s.mode, RunMode::Day);
  EXPECT_EQ(s.period_s, 1800.0);
  EXPECT_EQ(s.num_periods, 28u);
  EXPECT_EQ(s.start_minute, std::optional<std::uint32_t>(420));
  EXPECT_EQ(s.trunk_lines, std::optional<std::uint32_t>(150));
  EXPECT_EQ(s.ivr_ports, std::optional<std::uint32_t>(60));
  ASSERT_EQ(s.contact_types.size(), 2u);
  ASSERT_EQ(s.agent_groups.size(), 3u);
  for (const ContactTypeSpec& t : s.contact_types) {
    EXPECT_EQ(t.arrivals.per_period.size(), 28u);
    EXPECT_TRUE(t.ivr.has_value());
    EXPECT_EQ(t.groups.size(), 2u);
  }
  for (const AgentGroupSpec& g : s.agent_groups) EXPECT_EQ(g.staffing.size(), 28u);
  ASSERT_EQ(s.targets.size(), 3u);
  EXPECT_EQ(s.targets[1].kpi, Kpi::PAbandonOverAdmitted);
  EXPECT_EQ(s.targets[2].kpi, Kpi::AsaS);
  EXPECT_EQ(s.seed, 42u);
  EXPECT_EQ(s.replications, 30u);
}

TEST(ShippedScenarios, OverflowAfterDelayLoads) {
  const ScenarioSpec s = load_scenario_file(source_path("scenarios/examples/overflow_after_delay.json"));
  EXPECT_EQ(s.name, "overflow_after_delay");
  EXPECT_EQ(s.router.policy, "overflow_after_delay");
  EXPECT_EQ(s.num_periods, 20u);
  EXPECT_EQ(s.start_minute, std::optional<std::uint32_t>(480));
  ASSERT_EQ(s.contact_types.size(), 3u);
  ASSERT_EQ(s.agent_groups.size(), 3u);
  const auto billing_team = make_id<AgentGroupId>(0), tech_team = make_id<AgentGroupId>(1),
             generalists = make_id<AgentGroupId>(2);
  const ContactTypeSpec& billing = s.contact_types[make_id<ContactTypeId>(0)];
  const ContactTypeSpec& tech = s.contact_types[make_id<ContactTypeId>(1)];
  const ContactTypeSpec& account = s.contact_types[make_id<ContactTypeId>(2)];
  EXPECT_EQ(billing.groups, (std::vector<AgentGroupId>{billing_team, generalists}));
  EXPECT_EQ(billing.overflow_delay_s, (std::vector<double>{0.0, 20.0}));
  EXPECT_EQ(tech.groups, (std::vector<AgentGroupId>{tech_team, generalists}));
  EXPECT_EQ(tech.overflow_delay_s, (std::vector<double>{0.0, 20.0}));
  EXPECT_EQ(account.groups, (std::vector<AgentGroupId>{generalists, billing_team}));
  EXPECT_EQ(account.overflow_delay_s, (std::vector<double>{0.0, 30.0}));
  for (const ContactTypeSpec& t : s.contact_types) EXPECT_EQ(t.arrivals.per_period.size(), 20u);
  for (const AgentGroupSpec& g : s.agent_groups) EXPECT_EQ(g.staffing.size(), 20u);
}

TEST(ShippedScenarios, LongestWeightedWaitLoads) {
  const ScenarioSpec s = load_scenario_file(source_path("scenarios/examples/longest_weighted_wait.json"));
  EXPECT_EQ(s.name, "longest_weighted_wait");
  EXPECT_EQ(s.mode, RunMode::SteadyState);
  EXPECT_EQ(s.router.policy, "longest_weighted_wait");
  ASSERT_EQ(s.contact_types.size(), 2u);
  ASSERT_EQ(s.agent_groups.size(), 2u);
  const auto premium_desk = make_id<AgentGroupId>(0), generalists = make_id<AgentGroupId>(1);
  const ContactTypeSpec& premium = s.contact_types[make_id<ContactTypeId>(0)];
  const ContactTypeSpec& standard = s.contact_types[make_id<ContactTypeId>(1)];
  EXPECT_EQ(premium.groups, (std::vector<AgentGroupId>{premium_desk, generalists}));
  EXPECT_EQ(premium.wait_weight, (std::vector<double>{3.0, 3.0}));  // bare number
  EXPECT_EQ(standard.groups, (std::vector<AgentGroupId>{generalists, premium_desk}));
  EXPECT_EQ(standard.wait_weight, (std::vector<double>{1.0, 0.5}));  // generalists unlisted: 1
  EXPECT_EQ(s.agent_groups[premium_desk].staffing, (std::vector<std::uint32_t>{10}));
  EXPECT_EQ(s.agent_groups[generalists].staffing, (std::vector<std::uint32_t>{32}));
}

TEST(ShippedScenarios, ReservationLoads) {
  const ScenarioSpec s = load_scenario_file(source_path("scenarios/examples/reservation.json"));
  EXPECT_EQ(s.name, "reservation");
  EXPECT_EQ(s.mode, RunMode::SteadyState);
  EXPECT_EQ(s.router.policy, "queue_priority");
  ASSERT_EQ(s.contact_types.size(), 2u);
  ASSERT_EQ(s.agent_groups.size(), 2u);
  const auto vip = make_id<ContactTypeId>(0);
  const auto vip_team = make_id<AgentGroupId>(0), regular_team = make_id<AgentGroupId>(1);
  EXPECT_EQ(s.contact_types[vip].name, "vip");
  EXPECT_EQ(s.contact_types[vip].groups, (std::vector<AgentGroupId>{vip_team}));
  EXPECT_EQ(s.contact_types[make_id<ContactTypeId>(1)].groups,
            (std::vector<AgentGroupId>{regular_team, vip_team}));
  EXPECT_EQ(s.agent_groups[vip_team].name, "vip_team");
  EXPECT_EQ(s.agent_groups[vip_team].reserved_for, vip);
  EXPECT_EQ(s.agent_groups[vip_team].reserved_agents, 3u);
  EXPECT_EQ(s.agent_groups[regular_team].reserved_agents, 0u);
  EXPECT_EQ(s.agent_groups[vip_team].type_order, (std::vector<ContactTypeId>{vip, make_id<ContactTypeId>(1)}));
}

TEST(ShippedScenarios, BenchModelALoads) {
  const ScenarioSpec s = load_scenario_file(source_path("scenarios/bench/model_a.json"));
  EXPECT_EQ(s.name, "model_a");
  EXPECT_EQ(s.description, "benchmark model A: exactly 1,000,000 arriving calls");
  EXPECT_EQ(s.mode, RunMode::SteadyState);
  EXPECT_EQ(s.steady.calls, 1000000u);
  EXPECT_EQ(s.steady.duration_s, 0.0);
  EXPECT_EQ(s.steady.warmup_s, 0.0);
  const ContactTypeSpec& t = s.contact_types[make_id<ContactTypeId>(0)];
  EXPECT_DOUBLE_EQ(t.arrivals.rate_per_s, 100.0 / 60.0);
  ASSERT_TRUE(t.patience.has_value());
  EXPECT_EQ(t.patience->a, 120.0);
  EXPECT_EQ(s.agent_groups[make_id<AgentGroupId>(0)].staffing, (std::vector<std::uint32_t>{310}));
  EXPECT_EQ(s.replications, 1u);
  EXPECT_EQ(s.seed, 1u);
}

// ---- helpers ---------------------------------------------------------------------------

TEST(ScenarioValidate, EditDistanceCountsTranspositionsAsOne) {
  EXPECT_EQ(internal::edit_distance("frist", "first"), 1u);
  EXPECT_EQ(internal::edit_distance("tier2", "tier1"), 1u);
  EXPECT_EQ(internal::edit_distance("", "abc"), 3u);
  EXPECT_EQ(internal::edit_distance("mean", "mean_s"), 2u);
}

TEST(ScenarioValidate, SuggestsOnlyCloseNames) {
  const std::vector<std::string> names = {"sales", "support", "tier1"};
  EXPECT_EQ(internal::closest_name("tier2", names), std::optional<std::string>("tier1"));
  EXPECT_EQ(internal::closest_name("suport", names), std::optional<std::string>("support"));
  EXPECT_EQ(internal::closest_name("billing", names), std::nullopt);
  EXPECT_EQ(internal::closest_name("x", std::vector<std::string>{"k"}), std::nullopt);
  EXPECT_EQ(internal::did_you_mean("longest_queue_frist", std::vector<std::string>{"longest_queue_first"}),
            " (did you mean \"longest_queue_first\"?)");
}

TEST(ScenarioValidate, EscapeControlsChangesOnlyControlCharacters) {
  EXPECT_EQ(internal::escape_controls("a\nb\tc\rd\x1b[31me\x7f\x01"), R"(a\nb\tc\rd\u001b[31me\u007f\u0001)");
  EXPECT_EQ(internal::escape_controls(R"(plain "quoted" \n é ~1)"), R"(plain "quoted" \n é ~1)");
  EXPECT_EQ(internal::quote("a\"b\\c\nd\x7f"), R"("a\"b\\c\nd\u007f")");
}

// A key holding a newline printed one problem on two lines: the pointer, the file name
// and the names a message lists are echoed with their control characters escaped, while
// the diagnostics keep the true strings.
TEST(LoadScenario, ControlCharactersInKeysNamesAndFileNamesStayOnOneLine) {
  std::string text = with(kDay, R"("mode": "day",)", "\"mode\": \"day\", \"per\\niod\": 1,");
  text = with(text, R"("router": { "type_to_group": { "billing")",
              "\"router\": { \"type_to_group\": { \"bil\\u001b[2Jling\"");
  text = with(text, R"("name": "tier1")", R"("name": "tier\t1")");
  try {
    load_scenario_text(text, "two\nlines.json");
    FAIL() << "expected a ScenarioError";
  } catch (const ScenarioError& e) {
    const std::string shown = e.what();
    EXPECT_EQ(std::count(shown.begin(), shown.end(), '\n') + 1, static_cast<std::ptrdiff_t>(e.diagnostics().size()))
        << shown;
    for (char c : shown) EXPECT_TRUE(c == '\n' || static_cast<unsigned char>(c) >= 0x20) << shown;
    EXPECT_NE(shown.find(R"(two\nlines.json: /per\niod: unknown key "per\niod"; known:)"), std::string::npos) << shown;
    EXPECT_NE(shown.find(R"(two\nlines.json: /router/type_to_group/bil\u001b[2Jling: unknown contact type )"
                         R"("bil\u001b[2Jling"; defined: billing, sales)"),
              std::string::npos)
        << shown;
    EXPECT_NE(shown.find(R"(defined: support, tier\t1 (did you mean "tier\t1"?))"), std::string::npos) << shown;
    EXPECT_EQ(e.diagnostics()[0].pointer, "/per\niod");
    EXPECT_EQ(e.file(), "two\nlines.json");
  }
}

TEST(ScenarioValidate, FormatDiagnosticsPrintsWholeDocumentErrorsWithoutPointer) {
  const ScenarioError e("a.json", {{"", "whole"}, {"/x/0", "part"}});
  EXPECT_EQ(format_diagnostics(e), "a.json: whole\na.json: /x/0: part\n");
  EXPECT_STREQ(e.what(), "a.json: whole\na.json: /x/0: part");
}

}  // namespace
}  // namespace ccsim::models
