// tests/cli/progress_test.cc
// The progress bar: its line, its silence for short runs and non-terminals, and the
// binary drawing it on a real pseudo-terminal (util-linux `script`).
#include "cli/progress.h"

#include <cstdio>
#include <string>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "tests/cli/cli_test_support.h"

namespace {

using ccsim::cli::ProgressBar;

std::string contents(std::FILE* f) {
  std::rewind(f);
  std::string s;
  for (int c; (c = std::fgetc(f)) != EOF;) s += static_cast<char>(c);
  return s;
}

TEST(ProgressBar, LineShowsDoneTotalElapsedAndEta) {
  EXPECT_EQ(ProgressBar::line("run", 6, 24, 30.0),
            "run [######------------------]  6/24 replications  0:30, ETA 1:30");
  EXPECT_EQ(ProgressBar::line("run", 24, 24, 3725.0), "run [########################] 24/24 replications  1:02:05");
}

TEST(ProgressBar, DrawsNothingInTheFirstHalfSecondAndErasesItsLineAtTheEnd) {
  std::FILE* f = std::tmpfile();
  ASSERT_NE(f, nullptr);
  {
    ProgressBar bar(f, true, "run");
    bar.update_at(1, 10, 0.2);
    EXPECT_EQ(contents(f), "");
    bar.update_at(2, 10, 0.6);
    bar.update_at(3, 10, 0.65);  // within 0.1 s of the last draw: skipped
    bar.update_at(10, 10, 0.66);  // the last one is always drawn
  }
  const std::string expected = fmt::format("\r{}\x1b[K\r{}\x1b[K\r\x1b[K", ProgressBar::line("run", 2, 10, 0.6),
                                           ProgressBar::line("run", 10, 10, 0.66));
  EXPECT_EQ(contents(f), expected);
  std::fclose(f);
}

TEST(ProgressBar, DisabledBarWritesNothing) {
  std::FILE* f = std::tmpfile();
  ASSERT_NE(f, nullptr);
  {
    ProgressBar bar(f, false, "run");
    bar.update_at(5, 10, 5.0);
  }
  EXPECT_EQ(contents(f), "");
  std::fclose(f);
}

using ProgressCli = ccsim::test_support::CliTest;

TEST_F(ProgressCli, SilentWhenStderrIsNotATerminal) {
  const auto o =
      ccsim("run " + scenario("scenarios/bench/model_a.json") + " --replications 4 --threads 1 --quiet --json r.json");
  ASSERT_EQ(o.exit_code, 0) << o.err;
  EXPECT_EQ(o.err, "ccsim run: wrote r.json\n") << "no progress bar, only the file written";
}

TEST_F(ProgressCli, DrawsReplicationsOnATerminal) {
  if (std::system("command -v script >/dev/null 2>&1") != 0) GTEST_SKIP() << "util-linux `script` not installed";
  // model_a replications take ~0.2 s each, so the bar appears after the first half second.
  const auto o = shell("script -qec '" + std::string(CCSIM_BINARY) + " run " +
                       scenario("scenarios/bench/model_a.json") + " --replications 6 --threads 1 --quiet' /dev/null");
  ASSERT_EQ(o.exit_code, 0) << o.err;
  EXPECT_NE(o.out.find("/6 replications"), std::string::npos) << o.out;
  EXPECT_NE(o.out.find("\r\x1b[K"), std::string::npos) << "the bar erases its line at the end";
}

}  // namespace
