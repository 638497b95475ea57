// tests/cli/usage_error_test.cc
// Arguments no command accepts, as a user types them: each unknown option named in the
// order typed, with what the command accepts, the closest accepted option and its --help;
// exit code 2, and nothing run.
#include <string>

#include <gtest/gtest.h>

#include "tests/cli/cli_test_support.h"

namespace {

using ccsim::test_support::Outcome;

class UsageError : public ccsim::test_support::CliTest {};

constexpr const char* kErlangC = "scenarios/examples/erlang_c_14_agents.json";

TEST_F(UsageError, UnknownOptionsAreNamedInTheOrderTypedWithoutTheirValues) {
  const Outcome o = ccsim("run " + scenario(kErlangC) + " --calls 50 --interval-s=900");
  EXPECT_EQ(o.exit_code, 2);
  EXPECT_TRUE(o.out.empty()) << o.out;
  const std::string accepted =
      "accepted: --help, -h, --seed, --replications, --confidence, --threads, --forecast, --forecast-volume, "
      "--staffing, --allow-large-run, --json, --observations, --csv, --trace, --trace-format, --trace-replication, "
      "--html, --quiet";
  EXPECT_EQ(o.err, "ccsim run: unknown option --calls; " + accepted + "; see ccsim run --help\n" +
                       "ccsim run: unknown option --interval-s; " + accepted + "; see ccsim run --help\n");
}

TEST_F(UsageError, AMisspelledOptionGetsTheClosestAcceptedOne) {
  const Outcome o = ccsim("run " + scenario(kErlangC) + " --replicatons 5");
  EXPECT_EQ(o.exit_code, 2);
  EXPECT_TRUE(o.out.empty()) << o.out;
  EXPECT_NE(o.err.find("ccsim run: unknown option --replicatons; accepted: "), std::string::npos) << o.err;
  EXPECT_NE(o.err.find(" (did you mean \"--replications\"?); see ccsim run --help\n"), std::string::npos) << o.err;
  EXPECT_EQ(o.err.find("not expected"), std::string::npos) << "CLI11's own message: " << o.err;
}

TEST_F(UsageError, EveryCommandNamesItsUnknownOptionAndItsHelp) {
  const std::string s = scenario(kErlangC);
  for (const std::string& command :
       {"run " + s, "validate " + s, "check " + s, "compare " + s + " " + s,
        "sweep " + s + " --vary /agent_groups/0/staffing=14,15", "staff " + s,
        std::string("erlang c --agents 14 --rate-per-hour 200 --aht-s 180"),
        std::string("erlang b --lines 10 --load-erlangs 5")}) {
    const Outcome o = ccsim(command + " --bogus");
    const std::string name = command.substr(0, command.find(' ', command.starts_with("erlang") ? 7 : 0));
    EXPECT_EQ(o.exit_code, 2) << command;
    EXPECT_TRUE(o.out.empty()) << command << ": " << o.out;
    EXPECT_TRUE(o.err.starts_with("ccsim " + name + ": unknown option --bogus; accepted: --help")) << o.err;
    EXPECT_TRUE(o.err.ends_with("; see ccsim " + name + " --help\n")) << o.err;
  }
}

TEST_F(UsageError, AStrayArgumentIsNamed) {
  const Outcome o = ccsim("run " + scenario(kErlangC) + " second.json");
  EXPECT_EQ(o.exit_code, 2);
  EXPECT_EQ(o.err, "ccsim run: unexpected argument \"second.json\"; see ccsim run --help\n");
}

TEST_F(UsageError, AMisspeltCommandGetsTheClosestOneAndItsArgumentsAreNotNamed) {
  const Outcome o = ccsim("erlang cc --agents 14");
  EXPECT_EQ(o.exit_code, 2);
  EXPECT_EQ(o.err, "ccsim erlang: unknown command \"cc\"; accepted: b, ivr, c, a (did you mean \"c\"?); "
                   "see ccsim erlang --help\n");
  const Outcome missing = ccsim("erlang");
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_TRUE(missing.err.starts_with("A subcommand is required")) << "CLI11's own: nothing was misspelt";
}

TEST_F(UsageError, AnOptionBeforeTheCommandIsTheTopLevelOnes) {
  const Outcome o = ccsim("--bogus run " + scenario(kErlangC));
  EXPECT_EQ(o.exit_code, 2);
  EXPECT_EQ(o.err, "ccsim: unknown option --bogus; accepted: --help, -h, --version; see ccsim --help\n");
}

}  // namespace
