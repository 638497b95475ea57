// tests/cli/cli_test_support.h
// Running the ccsim binary as a user does, from a test: a fresh folder per test, the
// exit code and both output streams, and the results JSON minus what may differ
// between equal runs (how they were spread over threads and ranks, and their timing).
#pragma once

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace ccsim::testing {

namespace fs = std::filesystem;

struct Outcome {
  int exit_code;
  std::string out;
  std::string err;
};

inline std::string slurp(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// A results file with run.threads, run.ranks and performance removed: two runs of the
// same scenario, seed and replications must then be equal, value for value.
inline nlohmann::json comparable_results(const fs::path& file) {
  nlohmann::json doc = nlohmann::json::parse(slurp(file));
  doc.erase("performance");
  doc["run"].erase("threads");
  doc["run"].erase("ranks");
  return doc;
}

// Each test gets an empty folder of its own, dir_, removed afterwards.
class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::temp_directory_path() / ("ccsim_cli_" + std::string(info->test_suite_name()) + "_" + info->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Runs a shell command line, capturing its exit code, stdout and stderr.
  Outcome shell(const std::string& command) {
    const fs::path out = dir_ / "stdout.txt";
    const fs::path err = dir_ / "stderr.txt";
    const int status = std::system((command + " >" + out.string() + " 2>" + err.string()).c_str());
    return Outcome{WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(out), slurp(err)};
  }

  // A file of the source tree, by its path from the top.
  static std::string scenario(const std::string& relative) { return std::string(CCSIM_SOURCE_DIR) + "/" + relative; }

  fs::path dir_;
};

}  // namespace ccsim::testing
