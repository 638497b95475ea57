// tests/cli/run_size_test.cc
// The size of a run as the command line sees it: the estimate `validate` prints and
// `run` announces when long, the located refusal past the limits and --allow-large-run,
// the --threads cap, and a run that cannot start every thread it asked for.
#include <filesystem>
#include <fstream>
#include <string>

#include <gtest/gtest.h>

#include "cli/commands.h"
#include "cli/scenario_options.h"
#include "tests/cli/cli_test_support.h"

namespace ccsim::cli {
namespace {

using test_support::CliTest;
using test_support::Outcome;

class RunSizeCli : public CliTest {
 protected:
  // erlang_c_14_agents with the steady state's run length replaced by `run_length`.
  std::string steady(const std::string& run_length) {
    std::string text = test_support::slurp(scenario("scenarios/examples/erlang_c_14_agents.json"));
    const auto from = text.find("\"steady_state\": {");
    const auto to = text.find('}', from);
    text.replace(from, to + 1 - from, "\"steady_state\": " + run_length);
    std::ofstream(dir_ / "t.json") << text;
    return (dir_ / "t.json").string();
  }
};

TEST_F(RunSizeCli, ValidatePrintsTheEstimate) {
  const Outcome o = ccsim("validate " + scenario("scenarios/examples/erlang_c_14_agents.json"));
  ASSERT_EQ(o.exit_code, 0) << o.err;
  EXPECT_NE(o.out.find("\nestimate: about 1.7e+05 events (4.2e+03 contacts per replication) in 20 replications, "),
            std::string::npos)
      << o.out;
}

TEST_F(RunSizeCli, ARunOfAlmostEndlessCallsIsRefusedAtItsPointerUnlessAllowed) {
  const std::string file = steady(R"({ "warmup_s": 0, "calls": 18446744073709551615 })");
  for (const char* command : {"run", "check", "validate"}) {
    const Outcome o = ccsim(std::string(command) + " " + file);
    EXPECT_EQ(o.exit_code, kExitBadInput) << command << o.err;
    EXPECT_NE(o.err.find(file + ": /steady_state/calls: the run would simulate about "), std::string::npos)
        << command << o.err;
    EXPECT_NE(o.err.find("or pass --allow-large-run if you mean it"), std::string::npos) << o.err;
  }
  // Allowed, it still cannot run: 1.8e19 calls at 0.2 per second end past the clock's resolution.
  const Outcome allowed = ccsim("validate --allow-large-run " + file);
  EXPECT_EQ(allowed.exit_code, kExitBadInput);
  EXPECT_EQ(allowed.err.find("the run would simulate"), std::string::npos) << allowed.err;
  EXPECT_NE(allowed.err.find(file + ": /steady_state/calls: a replication would run to a simulated time of about "),
            std::string::npos)
      << allowed.err;
  const Outcome fine = ccsim("validate --allow-large-run " + steady(R"({ "warmup_s": 0, "calls": 100000000000 })"));
  EXPECT_EQ(fine.exit_code, kExitOk) << fine.err;
  EXPECT_NE(fine.out.find("estimate: about 4e+12 events"), std::string::npos) << fine.out;
}

TEST_F(RunSizeCli, ALongRunAnnouncesItsEstimateBeforeItStarts) {
  ScenarioOptions options;
  options.scenario = steady(R"({ "warmup_s": 0, "calls": 100000000 })");
  options.threads = 2;
  models::ScenarioSpec spec;
  std::string notice;
  ASSERT_EQ(load_scenario(options, "run", spec, notice), kExitOk) << notice;
  EXPECT_EQ(notice.rfind("ccsim run: estimate: about 4e+09 events (1e+08 contacts per replication) in 20 "
                         "replications, ",
                         0),
            0u)
      << notice;
  EXPECT_EQ(notice.find('\n'), notice.size() - 1) << notice;
  options.scenario = scenario("scenarios/examples/erlang_c_14_agents.json");
  notice.clear();
  ASSERT_EQ(load_scenario(options, "run", spec, notice), kExitOk) << notice;
  EXPECT_EQ(notice, "");  // a short run says nothing
}

TEST_F(RunSizeCli, ThreadsAreCappedWithAMessage) {
  const std::string file = scenario("scenarios/examples/erlang_c_14_agents.json");
  const Outcome o = ccsim("run " + file + " --threads 5000");
  EXPECT_EQ(o.exit_code, kExitBadInput);
  EXPECT_NE(o.err.find("ccsim run: --threads must be in [1, 1024]; got 5000"), std::string::npos) << o.err;
}

// Issue 12: --threads 300 under a memory limit ended in std::terminate ("terminate called
// without an active exception"). The address-space limit leaves room for a few thread
// stacks (8 MiB each) only; the run goes on with the threads it got, and says so. One malloc
// arena (64 MiB of address space per thread otherwise) keeps room for the replications.
TEST_F(RunSizeCli, ThreadsTheSystemRefusesEndTheRunNeitherWithACrashNorWithOtherResults) {
  if (ccsim::test_support::kAddressSanitizer) GTEST_SKIP() << "ulimit -v stops an ASan build from starting";
  const std::string file = scenario("scenarios/examples/erlang_c_14_agents.json");
  const Outcome plain = ccsim("run " + file + " --quiet --replications 300 --threads 1 --json one.json");
  ASSERT_EQ(plain.exit_code, 0) << plain.err;
  const Outcome limited = shell("ulimit -v 400000 && MALLOC_ARENA_MAX=1 " + std::string(CCSIM_BINARY) + " run " + file +
                                " --quiet --replications 300 --threads 300 --json many.json");
  ASSERT_EQ(limited.exit_code, 0) << limited.err;
  EXPECT_NE(limited.err.find("ccsim run: the system started "), std::string::npos) << limited.err;
  EXPECT_NE(limited.err.find(" of the 300 threads asked for ("), std::string::npos) << limited.err;
  EXPECT_EQ(test_support::comparable_results(dir_ / "one.json"), test_support::comparable_results(dir_ / "many.json"));
}

}  // namespace
}  // namespace ccsim::cli
