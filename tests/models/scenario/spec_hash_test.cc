// tests/models/scenario/spec_hash_test.cc
// spec_hash: the same scenario hashes the same however it is reached, and a change in
// any part that a run reads, deep or shallow, changes the hash.
#include "models/scenario/spec_hash.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "models/scenario/load.h"

namespace ccsim::models {
namespace {

ScenarioSpec example(const std::string& name) {
  return load_scenario_file(std::string(CCSIM_SOURCE_DIR) + "/scenarios/examples/" + name);
}

// The same file name: a scenario without "name" is named after its file's stem.
TEST(SpecHash, SameFileFromAnotherFolderHashesTheSame) {
  const auto dir = std::filesystem::temp_directory_path() / ("ccsim_spec_hash_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::filesystem::copy_file(std::string(CCSIM_SOURCE_DIR) + "/scenarios/examples/single_day_ivr.json",
                             dir / "single_day_ivr.json", std::filesystem::copy_options::overwrite_existing);
  const ScenarioSpec copied = load_scenario_file((dir / "single_day_ivr.json").string());
  std::filesystem::remove_all(dir);
  EXPECT_EQ(spec_hash(copied), spec_hash(example("single_day_ivr.json")));
}

TEST(SpecHash, EveryKindOfChangeChangesTheHash) {
  const ScenarioSpec base = example("single_day_ivr.json");
  const std::uint64_t h = spec_hash(base);
  const auto changed = [&](auto edit) {
    ScenarioSpec s = base;
    edit(s);
    return spec_hash(s);
  };
  EXPECT_NE(changed([](ScenarioSpec& s) { s.replications += 1; }), h);
  EXPECT_NE(changed([](ScenarioSpec& s) { s.seed += 1; }), h);
  EXPECT_NE(changed([](ScenarioSpec& s) { s.confidence = 0.9; }), h);
  EXPECT_NE(changed([](ScenarioSpec& s) { s.agent_groups.raw().front().staffing.back() += 1; }), h);
  EXPECT_NE(changed([](ScenarioSpec& s) { s.contact_types.raw().front().talk.a *= 1.0 + 1e-15; }), h);
  EXPECT_NE(changed([](ScenarioSpec& s) { s.contact_types.raw().front().patience.reset(); }), h);
  EXPECT_NE(changed([](ScenarioSpec& s) { s.contact_types.raw().front().channel = Channel::Email; }), h);
  EXPECT_NE(changed([](ScenarioSpec& s) { s.router.policy = "single_fifo"; }), h);
  EXPECT_NE(changed([](ScenarioSpec& s) { s.targets.front().value += 0.01; }), h);
  EXPECT_NE(changed([](ScenarioSpec& s) { s.name += "x"; }), h);
  EXPECT_EQ(changed([](ScenarioSpec& s) { s.source_file = "elsewhere.json"; }), h);
  EXPECT_NE(spec_hash(example("erlang_c_14_agents.json")), h);
}

TEST(Hash64, StringsAreDelimitedAndOrderMatters) {
  EXPECT_NE(Hash64().add("ab").add("c").value(), Hash64().add("a").add("bc").value());
  EXPECT_NE(Hash64().add(1).add(2).value(), Hash64().add(2).add(1).value());
  EXPECT_EQ(Hash64().add("run").add(3u).value(), Hash64().add(std::string("run")).add(3).value());
}

}  // namespace
}  // namespace ccsim::models
