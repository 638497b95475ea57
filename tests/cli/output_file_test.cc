// tests/cli/output_file_test.cc
// Output files are replaced whole or not at all: in process (OutputFile, check_outputs)
// and as a user meets it, with a write that fails half-way through (a file-size limit).
#include "cli/output_file.h"

#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "tests/cli/cli_test_support.h"

namespace {

namespace fs = std::filesystem;
using ccsim::cli::check_outputs;
using ccsim::cli::NamedFile;
using ccsim::cli::OutputFile;
using ccsim::cli::write_output_file;
using ccsim::test_support::Outcome;
using ccsim::test_support::slurp;

class OutputFileTest : public ccsim::test_support::CliTest {
 protected:
  void SetUp() override {
    CliTest::SetUp();
    cwd_ = fs::current_path();
  }
  void TearDown() override {
    fs::current_path(cwd_);
    CliTest::TearDown();
  }

  std::string path(const std::string& relative) const { return (dir_ / relative).string(); }

  fs::path cwd_;  // check_outputs is shown relative paths, as a user types them
};

TEST_F(OutputFileTest, TheTargetChangesOnlyAtCommit) {
  std::ofstream(dir_ / "out.json") << "previous";
  {
    OutputFile out(path("out.json"));
    std::fputs("new content", out.stream());
    EXPECT_EQ(slurp(dir_ / "out.json"), "previous");
    EXPECT_EQ(temporaries().size(), 1u);
    out.commit();
  }
  EXPECT_EQ(slurp(dir_ / "out.json"), "new content");
  EXPECT_TRUE(temporaries().empty());
}

TEST_F(OutputFileTest, AFileNeverCommittedLeavesThePreviousOneAndNoTemporary) {
  std::ofstream(dir_ / "out.json") << "previous";
  {
    OutputFile out(path("out.json"));
    std::fputs("half of it", out.stream());
  }
  EXPECT_EQ(slurp(dir_ / "out.json"), "previous");
  EXPECT_TRUE(temporaries().empty());
}

TEST_F(OutputFileTest, ASymlinkStaysALinkAndItsTargetIsReplaced) {
  fs::create_directories(dir_ / "real");
  std::ofstream(dir_ / "real" / "out.json") << "previous";
  fs::create_symlink(dir_ / "real" / "out.json", dir_ / "link.json");
  ASSERT_TRUE(write_output_file(path("link.json"), "new"));
  EXPECT_TRUE(fs::is_symlink(dir_ / "link.json"));
  EXPECT_EQ(slurp(dir_ / "real" / "out.json"), "new");
}

TEST_F(OutputFileTest, ADeviceIsWrittenToNotReplaced) {
  ASSERT_TRUE(write_output_file("/dev/null", "discarded"));
  struct stat st {};
  ASSERT_EQ(::stat("/dev/null", &st), 0);
  EXPECT_TRUE(S_ISCHR(st.st_mode));
}

TEST_F(OutputFileTest, FailuresSayWhy) {
  std::ofstream(dir_ / "plain") << "x";
  std::string why;
  EXPECT_FALSE(write_output_file(path("plain/out.json"), "x", &why));
  EXPECT_EQ(why, "cannot write " + path("plain/out.json") + ": " + path("plain") + " is not a folder");
  fs::create_directories(dir_ / "folder");
  EXPECT_FALSE(write_output_file(path("folder"), "x", &why));
  EXPECT_EQ(why, "cannot write " + path("folder") + ": it is a folder");
  EXPECT_TRUE(temporaries().empty());
}

TEST_F(OutputFileTest, ClashingOutputsAreNamedWithBothOptions) {
  fs::current_path(dir_);
  std::ofstream("scenario.json") << "{}";
  EXPECT_EQ(check_outputs("ccsim run", {{"--json", "a.json"}, {"--html", "./a.json"}}),
            "ccsim run: --json a.json and --html ./a.json name the same file; give each output its own file\n");
  EXPECT_EQ(check_outputs("ccsim run", {{"scenario", "scenario.json", true}, {"--json", path("scenario.json")}}),
            "ccsim run: --json " + path("scenario.json") +
                " would replace the scenario scenario.json; write it elsewhere\n");
  EXPECT_EQ(check_outputs("ccsim run", {{"--json", "out"}, {"--csv", "out/x_overall.csv"}}),
            "ccsim run: --json out is a file, but --csv out/x_overall.csv puts a file inside it\n");
  EXPECT_EQ(check_outputs("ccsim run", {{"scenario", "scenario.json", true}, {"--json", "new/deeper/a.json"},
                                        {"--trace", "t.csv"}}),
            "");
  EXPECT_FALSE(fs::exists("new")) << "checking creates no folder";
  EXPECT_TRUE(temporaries().empty());
}

TEST_F(OutputFileTest, UnwritableOutputsAreReportedOncePerOption) {
  fs::current_path(dir_);
  std::ofstream("plain") << "x";
  fs::create_directories("folder");
  EXPECT_EQ(check_outputs("ccsim run", {{"--csv", "plain/a.csv"}, {"--csv", "plain/b.csv"}, {"--html", "folder"},
                                        {"--json", "/proc/ccsim/a.json"}}),
            "ccsim run: cannot write plain/a.csv (--csv): plain is not a folder\n"
            "ccsim run: cannot write folder (--html): it is a folder\n"
            "ccsim run: cannot write /proc/ccsim/a.json (--json): cannot create a file in /proc: "
            "No such file or directory\n");
}

// A file-size limit (in 512-byte blocks for /bin/sh) makes every write past 1 KB fail
// (SIGXFSZ ignored, so the write returns EFBIG): before, the previous file was left
// truncated at the limit. `run` says why; check and sweep name the file.
TEST_F(OutputFileTest, AWriteThatFailsHalfWayLeavesEveryPreviousFileWhole) {
  const std::string file = scenario("scenarios/examples/single_day_ivr.json");
  const std::string csv_set[] = {"targets", "overall", "by_type", "by_group", "by_type_group",
                                 "by_interval", "by_interval_group", "by_interval_type"};
  fs::create_directories(dir_ / "csv");
  std::vector<fs::path> previous = {dir_ / "r.json", dir_ / "r.html", dir_ / "b.json", dir_ / "s.csv"};
  for (const std::string& table : csv_set) previous.push_back(dir_ / "csv" / ("single_day_ivr_" + table + ".csv"));
  for (const fs::path& p : previous) std::ofstream(p) << "previous";

  const std::string limited = "trap '' XFSZ; ulimit -f 2; exec " + std::string(CCSIM_BINARY) + " ";
  for (const auto& [args, written] : std::vector<std::pair<std::string, std::string>>{
           {"run " + file + " --quiet --replications 2 --json r.json", "r.json"},
           {"run " + file + " --quiet --replications 2 --html r.html", "r.html"},
           {"run " + file + " --quiet --replications 2 --csv csv", "csv/single_day_ivr_"},
           {"check " + file + " --update --baseline b.json --replications 2", "b.json"},
           {"sweep " + file + " --replications 2 --vary /service_level/awt_s=20,30 --csv s.csv", "s.csv"}}) {
    const Outcome o = shell(limited + args);
    EXPECT_EQ(o.exit_code, 2) << args << "\n" << o.err;
    EXPECT_NE(o.err.find("cannot write"), std::string::npos) << args << "\n" << o.err;
    EXPECT_NE(o.err.find(written), std::string::npos) << args << "\n" << o.err;
    if (args.starts_with("run")) {
      EXPECT_NE(o.err.find("File too large"), std::string::npos) << o.err;
    }
  }
  for (const fs::path& p : previous) EXPECT_EQ(slurp(p), "previous") << p;
  EXPECT_TRUE(temporaries().empty());
}

}  // namespace
