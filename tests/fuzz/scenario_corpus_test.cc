// tests/fuzz/scenario_corpus_test.cc
// Replays the scenario fuzzer's seed corpus (tests/fuzz/corpus/scenario, where every
// input that once broke a promise is kept) and the shipped scenarios through the
// fuzzer's own entry, so the normal suite keeps the class closed without libFuzzer.
#include <gtest/gtest.h>

#include <algorithm>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <vector>

#include "tests/fuzz/scenario_input.h"

namespace ccsim::models::testing {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> files_in(const fs::path& dir, const std::string& extension) {
  std::vector<fs::path> out;
  for (const auto& entry : fs::directory_iterator(dir))
    if (entry.is_regular_file() && (extension.empty() || entry.path().extension() == extension))
      out.push_back(entry.path());
  std::sort(out.begin(), out.end());
  return out;
}

std::string bytes_of(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The outcome of each file; a broken promise or any other exception is a test failure
// that names the file.
std::map<ScenarioOutcome, int> replay(const std::vector<fs::path>& files) {
  std::map<ScenarioOutcome, int> outcomes;
  for (const fs::path& file : files) {
    try {
      ++outcomes[exercise_scenario(bytes_of(file))];
    } catch (const std::exception& e) {
      ADD_FAILURE() << file << ": " << e.what();
    }
  }
  return outcomes;
}

TEST(ScenarioCorpus, EveryCorpusInputIsRejectedWithDiagnosticsOrLoadsPlansAndRuns) {
  const auto files = files_in(CCSIM_SOURCE_DIR "/tests/fuzz/corpus/scenario", "");
  ASSERT_GE(files.size(), 10u);
  auto outcomes = replay(files);
  // Both ends must be reached, or the replay would miss bugs past the loader or in it.
  EXPECT_GT(outcomes[ScenarioOutcome::Rejected], 0);
  EXPECT_GT(outcomes[ScenarioOutcome::Ran], 0);
}

TEST(ScenarioCorpus, ShippedScenariosLoadThroughTheFuzzEntry) {
  std::vector<fs::path> files = files_in(CCSIM_SOURCE_DIR "/scenarios/examples", ".json");
  const auto bench = files_in(CCSIM_SOURCE_DIR "/scenarios/bench", ".json");
  files.insert(files.end(), bench.begin(), bench.end());
  ASSERT_GE(files.size(), 10u);
  auto outcomes = replay(files);
  EXPECT_EQ(outcomes[ScenarioOutcome::Rejected], 0) << "the entry must read a file as ccsim does";
}

}  // namespace
}  // namespace ccsim::models::testing
