// tests/cli/malformed_scenarios_test.cc
// `ccsim validate` on every file of tests/malformed/, one per class of input the loader
// rejects: exit 2, and the first line of the message exactly as tests/malformed/expected.txt
// keeps it, so that rewording a message, moving its pointer or losing its suggestion is a
// visible change here (tests/README.md says how to update the manifest).
#include <algorithm>
#include <filesystem>
#include <map>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "tests/cli/cli_test_support.h"

namespace ccsim::cli {
namespace {

namespace fs = std::filesystem;
using test_support::CliTest;
using test_support::Outcome;

const fs::path kDir = fs::path(CCSIM_SOURCE_DIR) / "tests/malformed";
// Files are named relative to the source tree, so the messages do not depend on where
// the build folder is.
const std::string kPrefix = "tests/malformed/";

// File name -> expected first line. Each line of the manifest is a message as printed,
// which starts with the file it is about: "tests/malformed/<name>.json: ...".
std::map<std::string, std::string> expectations() {
  std::map<std::string, std::string> out;
  std::istringstream manifest(test_support::slurp(kDir / "expected.txt"));
  std::string line;
  while (std::getline(manifest, line)) {
    if (line.empty() || line[0] == '#') continue;
    const auto end = line.find(".json: ");
    if (line.rfind(kPrefix, 0) != 0 || end == std::string::npos) {
      ADD_FAILURE() << "expected.txt: a line that does not start with " << kPrefix << "<name>.json: " << line;
      continue;
    }
    const std::string name = line.substr(kPrefix.size(), end + 5 - kPrefix.size());
    if (!out.emplace(name, line).second) ADD_FAILURE() << "expected.txt: " << name << " listed twice";
  }
  return out;
}

using MalformedScenarios = CliTest;

TEST_F(MalformedScenarios, EveryFileHasOneExpectedMessage) {
  const auto expected = expectations();
  std::size_t files = 0;
  for (const auto& entry : fs::directory_iterator(kDir)) {
    if (entry.path().extension() != ".json") continue;
    ++files;
    EXPECT_TRUE(expected.count(entry.path().filename().string())) << entry.path() << " has no line in expected.txt";
  }
  for (const auto& [name, line] : expected) EXPECT_TRUE(fs::exists(kDir / name)) << "expected.txt names " << name;
  // The corpus is meant to cover every class the loader rejects (tests/README.md).
  EXPECT_GE(files, 25u);
}

TEST_F(MalformedScenarios, ValidateExitsTwoWithTheExpectedFirstLine) {
  for (const auto& [name, line] : expectations()) {
    const Outcome o = shell("cd '" + std::string(CCSIM_SOURCE_DIR) + "' && " + CCSIM_BINARY + " validate " +
                            kPrefix + name);
    EXPECT_EQ(o.exit_code, 2) << name << ":\n" << o.err;
    EXPECT_EQ(o.err.substr(0, o.err.find('\n')), line) << name;
  }
}

}  // namespace
}  // namespace ccsim::cli
