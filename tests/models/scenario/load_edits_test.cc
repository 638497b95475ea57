// tests/models/scenario/load_edits_test.cc
// Scenario edits (the basis of `ccsim sweep --vary`): set, scale and add reach the
// decoded spec exactly as an edited file would, and an edit that cannot apply is a
// located diagnostic.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include <gtest/gtest.h>

#include "models/scenario/load.h"

namespace ccsim::models {
namespace {

namespace fs = std::filesystem;

const std::string kScenario = R"({
  "mode": "day", "period_s": 1800, "num_periods": 3,
  "contact_types": [ { "name": "calls",
      "arrivals": { "process": "piecewise_poisson", "per_period": [100, 150, 120] },
      "talk": { "dist": "exponential", "mean_s": 180 } } ],
  "agent_groups": [ { "name": "agents", "staffing": [10, 12, 11] } ],
  "router": { "policy": "queue_priority", "type_to_group": { "calls": ["agents"] } },
  "service_level": { "awt_s": 20, "target": 0.8 },
  "rng": { "seed": 1, "replications": 4 }
})";

class LoadEdits : public ::testing::Test {
 protected:
  void SetUp() override {
    // One file per test and process: ctest -j runs this fixture's tests at once, and one's
    // TearDown removed the file another was reading.
    const std::string test = ::testing::UnitTest::GetInstance()->current_test_info()->name();
    path_ = (fs::temp_directory_path() / ("ccsim_load_edits_" + test + "_" + std::to_string(::getpid()) + ".json"))
                .string();
    std::ofstream(path_) << kScenario;
  }
  void TearDown() override { fs::remove(path_); }

  ScenarioSpec load(std::vector<ScenarioEdit> edits) { return load_scenario_file(path_, edits); }

  std::vector<Diagnostic> errors(std::vector<ScenarioEdit> edits) {
    try {
      load_scenario_file(path_, edits);
    } catch (const ScenarioError& e) {
      return e.diagnostics();
    }
    ADD_FAILURE() << "no error";
    return {};
  }

  std::string path_;
};

using Op = ScenarioEdit::Op;

TEST_F(LoadEdits, SetReplacesAValueAndReadsBareWordsAsStrings) {
  const ScenarioSpec s = load({{"/agent_groups/0/staffing", Op::Set, "[9, 9, 9]"},
                               {"/router/policy", Op::Set, "longest_idle_agent"},
                               {"/service_level/awt_s", Op::Set, "30"}});
  EXPECT_EQ(s.agent_groups[make_id<AgentGroupId>(0)].staffing, (std::vector<std::uint32_t>{9, 9, 9}));
  EXPECT_EQ(s.router.policy, "longest_idle_agent");
  EXPECT_EQ(s.service_level.awt_s, 30);
}

TEST_F(LoadEdits, SetAddsAKeyToAnExistingObjectAndTheLoaderStillChecksTheKey) {
  EXPECT_EQ(load({{"/confidence", Op::Set, "0.99"}}).confidence, 0.99);
  const auto e = errors({{"/confidense", Op::Set, "0.99"}});
  ASSERT_EQ(e.size(), 1u);
  EXPECT_NE(e[0].message.find("unknown key \"confidense\""), std::string::npos) << e[0].message;
}

TEST_F(LoadEdits, SetCreatesMissingObjectsOnTheWayButNoArrayElements) {
  const ScenarioSpec s = load({{"/trunks/lines", Op::Set, "25"}});
  ASSERT_TRUE(s.trunk_lines.has_value());
  EXPECT_EQ(*s.trunk_lines, 25u);
  auto e = errors({{"/agent_groups/1/staffing", Op::Set, "[1, 2, 3]"}});
  ASSERT_EQ(e.size(), 1u);
  EXPECT_NE(e[0].message.find("its parent is not an object"), std::string::npos) << e[0].message;
  // Below a missing key, a segment that looks like an index is a key too: the sweep edit
  // fuzzer found this one building an array of 1e17 nulls (bad_alloc).
  e = errors({{"/nothing/0/staffing/99999999999999999", Op::Set, "1"}});
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].pointer, "/nothing");
  EXPECT_NE(e[0].message.find("unknown key \"nothing\""), std::string::npos) << e[0].message;
}

TEST_F(LoadEdits, ScaleAndAddChangeEveryNumberUnderThePointerAndKeepIntegersWhole) {
  const ScenarioSpec s = load({{"/contact_types/0/arrivals/per_period", Op::Scale, "1.5"},
                               {"/agent_groups/0/staffing", Op::Add, "2"}});
  EXPECT_EQ(s.contact_types[make_id<ContactTypeId>(0)].arrivals.per_period, (std::vector<double>{150, 225, 180}));
  EXPECT_EQ(s.agent_groups[make_id<AgentGroupId>(0)].staffing, (std::vector<std::uint32_t>{12, 14, 13}));
}

TEST_F(LoadEdits, EditsThatCannotApplyAreLocatedDiagnostics) {
  auto e = errors({{"/agent_groups/3/staffing", Op::Set, "5"}});
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].pointer, "/agent_groups/3/staffing");
  EXPECT_NE(e[0].message.find("no such value"), std::string::npos) << e[0].message;
  // Issue 12: a raw nlohmann exception, exit 4; "02" is now a key of the new object "x".
  e = errors({{"/service_level/x/02", Op::Set, "1"}});
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].pointer, "/service_level/x");
  EXPECT_NE(e[0].message.find("unknown key \"x\""), std::string::npos) << e[0].message;
  e = errors({{"/router/policy", Op::Scale, "2"}});
  ASSERT_EQ(e.size(), 1u);
  EXPECT_NE(e[0].message.find("no numbers"), std::string::npos) << e[0].message;
  e = errors({{"/agent_groups/0/staffing", Op::Add, "two"}});
  ASSERT_EQ(e.size(), 1u);
  EXPECT_NE(e[0].message.find("needs a number"), std::string::npos) << e[0].message;
  e = errors({{"agent_groups", Op::Set, "1"}});
  ASSERT_EQ(e.size(), 1u);
  EXPECT_NE(e[0].message.find("not a JSON pointer"), std::string::npos) << e[0].message;
}

TEST_F(LoadEdits, ElementsOfAnArrayCanBeNamedOrAllChosenWithAStar) {
  std::ofstream(path_) << R"({
    "mode": "day", "period_s": 1800, "num_periods": 2,
    "contact_types": [
      { "name": "sales", "arrivals": { "process": "piecewise_poisson", "per_period": [100, 150] },
        "talk": { "dist": "exponential", "mean_s": 180 } },
      { "name": "support", "arrivals": { "process": "piecewise_poisson", "per_period": [10, 20] },
        "talk": { "dist": "exponential", "mean_s": 180 } } ],
    "agent_groups": [ { "name": "flex", "staffing": [10, 12] }, { "name": "core", "staffing": [5, 5] } ],
    "router": { "type_to_group": { "sales": ["flex"], "support": ["core", "flex"] } }
  })";
  const ScenarioSpec s = load({{"/agent_groups/core/staffing", Op::Add, "2"},
                               {"/contact_types/*/arrivals/per_period", Op::Scale, "1.5"}});
  EXPECT_EQ(s.agent_groups[make_id<AgentGroupId>(0)].staffing, (std::vector<std::uint32_t>{10, 12}));
  EXPECT_EQ(s.agent_groups[make_id<AgentGroupId>(1)].staffing, (std::vector<std::uint32_t>{7, 7}));
  EXPECT_EQ(s.contact_types[make_id<ContactTypeId>(0)].arrivals.per_period, (std::vector<double>{150, 225}));
  EXPECT_EQ(s.contact_types[make_id<ContactTypeId>(1)].arrivals.per_period, (std::vector<double>{15, 30}));
  auto e = errors({{"/agent_groups/flx/staffing", Op::Set, "[1, 1]"}});
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].pointer, "/agent_groups/flx/staffing");
  EXPECT_NE(e[0].message.find("no element of /agent_groups is named \"flx\"; names: flex, core (did you mean "
                              "\"flex\"?)"),
            std::string::npos)
      << e[0].message;
  // A star that reaches a value one element lacks names that element.
  e = errors({{"/contact_types/*/ivr/p_hangup", Op::Scale, "2"}});
  ASSERT_EQ(e.size(), 1u);
  EXPECT_NE(e[0].message.find("/contact_types/0/ivr/p_hangup: no such value"), std::string::npos) << e[0].message;
}

TEST_F(LoadEdits, AnEditedValueIsValidatedLikeTheFile) {
  const auto e = errors({{"/agent_groups/0/staffing", Op::Scale, "1.1"}});
  ASSERT_FALSE(e.empty());
  EXPECT_EQ(e[0].pointer, "/agent_groups/0/staffing");  // 12 * 1.1 = 13.2
  EXPECT_NE(e[0].message.find("agents are whole: 2 of the 3 values are fractional"), std::string::npos)
      << e[0].message;
}

}  // namespace
}  // namespace ccsim::models
