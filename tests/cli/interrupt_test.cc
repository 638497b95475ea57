// tests/cli/interrupt_test.cc
// SIGTERM and SIGINT during a long run: ccsim stops at a replication boundary, says so
// in one line, exits 143 / 130, and leaves every file it was asked to write as it was,
// the trace it had been streaming included, with no temporary behind.
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "tests/cli/cli_test_support.h"

extern char** environ;

namespace {

namespace fs = std::filesystem;
using ccsim::test_support::slurp;

// The last line of `text`, without its newline (before it, the run's size estimate).
std::string last_line(const std::string& text) {
  const std::string body = text.ends_with('\n') ? text.substr(0, text.size() - 1) : text;
  return body.substr(body.rfind('\n') + 1);
}

class Interrupt : public ccsim::test_support::CliTest {
 protected:
  // Starts ccsim with `args` (a run with --trace), sends `signal` once the run is under
  // way, and returns how it ended (waitpid status); stderr goes to dir_/stderr.txt. The
  // trace's temporary, opened after loading and kept until the run ends, says it is under
  // way, however slowly a loaded machine starts it. A ccsim that ignored the signal is
  // killed after a minute, and the test fails.
  int run_and_signal(const std::vector<std::string>& args, int signal) {
    std::vector<std::string> argv_text = {CCSIM_BINARY};
    argv_text.insert(argv_text.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (std::string& a : argv_text) argv.push_back(a.data());
    argv.push_back(nullptr);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, (dir_ / "stderr.txt").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    sigset_t defaults;  // the test runner may ignore them; ccsim would then keep ignoring them
    sigemptyset(&defaults);
    sigaddset(&defaults, SIGINT);
    sigaddset(&defaults, SIGTERM);
    posix_spawnattr_setsigdefault(&attributes, &defaults);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGDEF);
    pid_t pid = 0;
    const int spawned = posix_spawn(&pid, argv[0], &actions, &attributes, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attributes);
    EXPECT_EQ(spawned, 0);
    if (spawned != 0) return -1;

    int status = 0;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(1);
    while (temporaries().empty() && std::chrono::steady_clock::now() < deadline) {
      if (waitpid(pid, &status, WNOHANG) == pid) {
        ADD_FAILURE() << "ccsim ended before its run started: " << slurp(dir_ / "stderr.txt");
        return status;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    kill(pid, signal);
    while (waitpid(pid, &status, WNOHANG) == 0) {
      if (std::chrono::steady_clock::now() > deadline) {
        ADD_FAILURE() << "ccsim still running a minute after the signal";
        kill(pid, SIGKILL);
        waitpid(pid, &status, 0);
        return status;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return status;
  }
};

// A million replications of about a millisecond each: the signal always comes mid-run.
// The trace of replication 0 is complete long before, but belongs to a run that is not.
TEST_F(Interrupt, SigtermStopsTheRunWritesNothingAndExits143) {
  const fs::path json = dir_ / "results.json";
  const fs::path trace = dir_ / "trace.csv";
  const fs::path csv = dir_ / "csv" / "erlang_c_14_agents_overall.csv";
  fs::create_directories(csv.parent_path());
  for (const fs::path& p : {json, trace, csv}) std::ofstream(p) << "previous";

  const int status = run_and_signal({"run", scenario("scenarios/examples/erlang_c_14_agents.json"), "--quiet",
                                     "--replications", "1000000", "--threads", "2", "--json", json.string(), "--csv",
                                     (dir_ / "csv").string(), "--trace", trace.string()},
                                    SIGTERM);
  const std::string err = slurp(dir_ / "stderr.txt");
  ASSERT_TRUE(WIFEXITED(status)) << "ended by signal " << (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
  EXPECT_EQ(WEXITSTATUS(status), 143) << err;
  EXPECT_TRUE(last_line(err).starts_with("ccsim run: interrupted by SIGTERM after ")) << err;
  EXPECT_TRUE(last_line(err).ends_with(" of 1000000 replications; nothing written")) << err;
  for (const fs::path& p : {json, trace, csv}) EXPECT_EQ(slurp(p), "previous") << p;
  EXPECT_TRUE(temporaries().empty());
}

TEST_F(Interrupt, SigintExits130) {
  const fs::path json = dir_ / "results.json";
  std::ofstream(json) << "previous";
  const int status = run_and_signal({"run", scenario("scenarios/examples/erlang_c_14_agents.json"), "--quiet",
                                     "--replications", "1000000", "--threads", "1", "--json", json.string(),
                                     "--trace", (dir_ / "trace.jsonl").string()},
                                    SIGINT);
  ASSERT_TRUE(WIFEXITED(status));
  const std::string err = slurp(dir_ / "stderr.txt");
  EXPECT_EQ(WEXITSTATUS(status), 130) << err;
  EXPECT_TRUE(last_line(err).starts_with("ccsim run: interrupted by SIGINT after ")) << err;
  EXPECT_EQ(slurp(json), "previous");
  EXPECT_FALSE(fs::exists(dir_ / "trace.jsonl"));
  EXPECT_TRUE(temporaries().empty());
}

}  // namespace
