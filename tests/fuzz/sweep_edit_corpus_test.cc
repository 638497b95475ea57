// tests/fuzz/sweep_edit_corpus_test.cc
// Replays the sweep edit fuzzer's seed corpus (tests/fuzz/corpus/sweep_edit, where every
// input that once broke a promise is kept) through the fuzzer's own entry, so the normal
// suite keeps those findings fixed without libFuzzer.
#include <gtest/gtest.h>

#include <algorithm>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <vector>

#include "tests/fuzz/sweep_edit_input.h"

namespace ccsim::cli::testing {
namespace {

namespace fs = std::filesystem;

TEST(SweepEditCorpus, EveryCorpusInputIsRejectedWithOneLineMessagesOrLoads) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(CCSIM_SOURCE_DIR "/tests/fuzz/corpus/sweep_edit"))
    if (entry.is_regular_file()) files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  ASSERT_GE(files.size(), 10u);
  std::map<SweepEditOutcome, int> outcomes;
  for (const fs::path& file : files) {
    std::ifstream in(file, std::ios::binary);
    const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    try {
      ++outcomes[exercise_sweep_edits(bytes)];
    } catch (const std::exception& e) {
      ADD_FAILURE() << file << ": " << e.what();
    }
  }
  // Both ends must be reached, or the replay would miss bugs in the parser or past it.
  EXPECT_GT(outcomes[SweepEditOutcome::Rejected], 0);
  EXPECT_GT(outcomes[SweepEditOutcome::Loaded], 0);
}

}  // namespace
}  // namespace ccsim::cli::testing
