// tests/cli/cli_fixture.h
// CliTest: runs the built ccsim binary as a user would, in a fresh temporary folder
// per test, and captures its exit code, stdout and stderr.
#pragma once

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

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

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::temp_directory_path() / ("ccsim_cli_" + std::string(info->test_suite_name()) + "_" + info->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Runs `ccsim <args>` through the shell (args may hold redirections and quotes).
  Outcome ccsim(const std::string& args) { return shell(std::string(CCSIM_BINARY) + " " + args); }

  Outcome shell(const std::string& command) {
    const fs::path out = dir_ / "stdout.txt";
    const fs::path err = dir_ / "stderr.txt";
    const std::string cmd = command + " >" + out.string() + " 2>" + err.string();
    const int status = std::system(cmd.c_str());
    return Outcome{WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(out), slurp(err)};
  }

  static std::string scenario(const std::string& relative) { return std::string(CCSIM_SOURCE_DIR) + "/" + relative; }

  fs::path dir_;
};

}  // namespace ccsim::testing
