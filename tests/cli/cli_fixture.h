// tests/cli/cli_fixture.h
// Runs the ccsim binary (CCSIM_BINARY) as a user does, in a fresh temporary folder per
// test, and captures its exit code, stdout and stderr.
#pragma once

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

namespace ccsim::testing {

struct Outcome {
  int exit_code;
  std::string out;
  std::string err;
};

inline std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("ccsim_cli_" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  // `ccsim <args>`, run from the test's folder (relative paths land there).
  Outcome ccsim(const std::string& args) {
    const std::filesystem::path out = dir_ / "stdout.txt";
    const std::filesystem::path err = dir_ / "stderr.txt";
    const std::string cmd = "cd '" + dir_.string() + "' && " + std::string(CCSIM_BINARY) + " " + args + " >" +
                            out.string() + " 2>" + err.string();
    const int status = std::system(cmd.c_str());
    return Outcome{WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(out), slurp(err)};
  }

  std::string scenario(const std::string& relative) { return std::string(CCSIM_SOURCE_DIR) + "/" + relative; }

  std::filesystem::path dir_;
};

}  // namespace ccsim::testing
