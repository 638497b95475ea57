// tests/cli/cluster_mpi_test.cc
// `mpirun -np K ccsim run` against one process: the same results file bar run.ranks,
// run.threads and performance (day, batch means, multi-skill, odd counts, more ranks
// than replications); one report and one copy of each error; a failing rank ends the
// job with its rank named; ranks of another job refuse to run; erlang prints once; ccsim
// itself loads no MPI library and becomes ccsim-mpi under mpirun. The same binary, started by mpirun with
// --rank-program, drives Cluster directly: chunked calls, a failed call and calls after it.
// Label "mpi"; skipped when ccsim is built without MPI or mpirun is missing.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "cli/cluster.h"
#include "models/aggregate.h"
#include "models/scenario/load.h"
#include "tests/cli/cli_test_support.h"

namespace {

namespace fs = std::filesystem;
using ccsim::test_support::comparable_results;
using ccsim::test_support::Outcome;
using ccsim::test_support::slurp;

std::size_t occurrences(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

class ClusterMpi : public ccsim::test_support::CliTest {
 protected:
  void SetUp() override {
    if (!CCSIM_WITH_MPI) GTEST_SKIP() << "ccsim is built without MPI (CCSIM_WITH_MPI=OFF): nothing to test";
    if (std::string(CCSIM_MPIRUN).empty() || ::access(CCSIM_MPIRUN, X_OK) != 0)
      GTEST_SKIP() << "mpirun not found (install openmpi-bin): MPI tests skipped";
    CliTest::SetUp();
  }

  // A deadlock becomes a failure (exit 124) instead of a hung suite. `program_and_args`
  // may go on with " : -np N other_program ..." for ranks that run another command line.
  Outcome mpirun(int ranks, const std::string& program_and_args, int timeout_s = 120) {
    return shell("timeout " + std::to_string(timeout_s) + " " + std::string(CCSIM_MPIRUN) + " --oversubscribe -np " +
                 std::to_string(ranks) + " " + program_and_args);
  }

  // Runs `file` in one process and on `ranks` ranks; both results files must agree.
  void expect_same_results(const std::string& file, const std::string& args, int ranks, int threads_per_rank) {
    const fs::path one = dir_ / "one.json";
    const fs::path many = dir_ / "many.json";
    const Outcome single = ccsim("run " + file + " --quiet --threads 2 " + args + " --json " + one.string());
    ASSERT_EQ(single.exit_code, 0) << single.err;
    const Outcome job = mpirun(ranks, std::string(CCSIM_BINARY) + " run " + file + " --quiet --threads " +
                                          std::to_string(threads_per_rank) + " " + args + " --json " + many.string());
    ASSERT_EQ(job.exit_code, 0) << job.err;
    EXPECT_TRUE(job.out.empty()) << job.out;
    const nlohmann::json run = nlohmann::json::parse(slurp(many))["run"];
    EXPECT_EQ(run["ranks"], ranks);
    EXPECT_GE(run["threads"], 1);
    EXPECT_LE(run["threads"], threads_per_rank);
    EXPECT_EQ(comparable_results(one), comparable_results(many));
  }
};

TEST_F(ClusterMpi, DayScenarioWithAnOddReplicationCountMatchesOneProcess) {
  expect_same_results(scenario("scenarios/examples/single_day_ivr.json"), "--replications 7", 2, 1);
}

TEST_F(ClusterMpi, BatchMeansScenarioOnMoreRanksThanReplicationsMatchesOneProcess) {
  nlohmann::json s = nlohmann::json::parse(slurp(scenario("scenarios/examples/erlang_c_14_agents.json")));
  s["steady_state"]["batches"] = 20;
  s["rng"]["replications"] = 1;
  std::ofstream(dir_ / "batch_means.json") << s.dump(2);
  expect_same_results((dir_ / "batch_means.json").string(), "", 2, 2);
  EXPECT_EQ(nlohmann::json::parse(slurp(dir_ / "many.json"))["run"]["observations"], 20);
}

TEST_F(ClusterMpi, MultiSkillScenarioMatchesOneProcess) {
  expect_same_results(scenario("scenarios/examples/two_skill_overflow_15min.json"), "--replications 5", 2, 2);
  EXPECT_FALSE(nlohmann::json::parse(slurp(dir_ / "many.json"))["kpis"]["by_type_group"].empty());
}

TEST_F(ClusterMpi, ThreeRanksForTwoReplicationsMatchOneProcess) {
  expect_same_results(scenario("scenarios/examples/overflow_after_delay.json"), "--replications 2", 3, 1);
}

TEST_F(ClusterMpi, OnlyTheRootPrintsTheReportAndWritesTheTables) {
  const Outcome o = mpirun(2, std::string(CCSIM_BINARY) + " run " + scenario("scenarios/examples/single_day_ivr.json") +
                                  " --replications 3 --threads 1 --csv " + (dir_ / "csv").string());
  ASSERT_EQ(o.exit_code, 0) << o.err;
  EXPECT_EQ(occurrences(o.out, "Targets"), 1u) << o.out;
  EXPECT_TRUE(fs::exists(dir_ / "csv" / "single_day_ivr_overall.csv"));
}

// Every rank computes the formulas; before, each printed them too.
TEST_F(ClusterMpi, ErlangPrintsItsResultsAndItsErrorsOnce) {
  const std::string args = " erlang c --agents 14 --rate-per-hour 200 --aht-s 180 --awt-s 20";
  const Outcome single = ccsim(args);
  ASSERT_EQ(single.exit_code, 0) << single.err;
  const Outcome job = mpirun(2, std::string(CCSIM_BINARY) + args);
  EXPECT_EQ(job.exit_code, 0) << job.err;
  EXPECT_EQ(job.out, single.out);
  EXPECT_EQ(occurrences(job.out, "p_wait_over_offered"), 1u) << job.out;

  const Outcome bad = mpirun(2, std::string(CCSIM_BINARY) + " erlang c --agents 14 --rate-per-hour 200 --aht-s -1");
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_TRUE(bad.out.empty()) << bad.out;
  EXPECT_EQ(occurrences(bad.err, "ccsim erlang: --aht-s is -1"), 1u) << bad.err;

  const Outcome unknown = mpirun(2, std::string(CCSIM_BINARY) + args + " --bogus");
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_EQ(occurrences(unknown.err, "ccsim erlang c: unknown option --bogus"), 1u) << unknown.err;
}

TEST_F(ClusterMpi, SequentialCheckStopsWhereOneProcessStopsWithTheSameReport) {
  const std::string file = scenario("scenarios/examples/two_skill_overflow_15min.json");
  const std::string args = " --sequential --max-replications 400 --baseline " +
                           scenario("results/two_skill_overflow_15min.json") + " --json ";
  const Outcome single = ccsim("check " + file + args + (dir_ / "one.json").string());
  const Outcome job = mpirun(2, std::string(CCSIM_BINARY) + " check " + file + " --threads 1" + args +
                                    (dir_ / "many.json").string());
  EXPECT_EQ(job.exit_code, single.exit_code) << job.err;
  EXPECT_EQ(occurrences(job.out, "ccsim check:"), 1u) << job.out;
  nlohmann::json one = nlohmann::json::parse(slurp(dir_ / "one.json"));
  nlohmann::json many = nlohmann::json::parse(slurp(dir_ / "many.json"));
  for (auto* doc : {&one, &many}) {
    (*doc)["run"].erase("threads");
    (*doc).erase("performance");
  }
  EXPECT_GT(one["run"]["replications"].get<int>(), 50) << "the check should have added replications";
  EXPECT_EQ(one, many);
}

TEST_F(ClusterMpi, SweepOnTwoRanksWritesTheSameTableAsOneProcess) {
  const std::string file = scenario("scenarios/examples/two_skill_overflow_15min.json");
  const std::string args = " --vary '/agent_groups/2/staffing=3..5' --replications 7 --csv ";
  ASSERT_EQ(ccsim("sweep " + file + args + (dir_ / "one.csv").string()).exit_code, 0);
  const Outcome job =
      mpirun(2, std::string(CCSIM_BINARY) + " sweep " + file + " --threads 1" + args + (dir_ / "many.csv").string());
  ASSERT_EQ(job.exit_code, 0) << job.err;
  EXPECT_EQ(occurrences(job.out, "Sweep of"), 1u) << job.out;
  EXPECT_EQ(slurp(dir_ / "one.csv"), slurp(dir_ / "many.csv"));
}

TEST_F(ClusterMpi, TraceOfAReplicationOnAnotherRankIsTheSameFile) {
  const std::string file = scenario("scenarios/examples/single_day_ivr.json");
  const std::string args = " --replications 4 --quiet --trace-replication 3 --trace ";
  ASSERT_EQ(ccsim("run " + file + args + (dir_ / "one.csv").string()).exit_code, 0);
  const Outcome job =
      mpirun(2, std::string(CCSIM_BINARY) + " run " + file + " --threads 1" + args + (dir_ / "many.csv").string());
  ASSERT_EQ(job.exit_code, 0) << job.err;
  EXPECT_GT(slurp(dir_ / "one.csv").size(), 1000u);
  EXPECT_EQ(slurp(dir_ / "one.csv"), slurp(dir_ / "many.csv"));
}

TEST_F(ClusterMpi, BadScenarioExitsWith2AndEachErrorIsPrintedOnce) {
  const fs::path bad = dir_ / "bad.json";
  std::ofstream(bad) << R"({"mode": "day", "period_s": 1800, "num_periods": 2, "contact_types": [
    {"name": "a", "arivals": {"process": "poisson", "rate_per_hour": 10}, "talk": {"dist": "exponential", "mean_s": -1}}],
    "agent_groups": [{"name": "g", "staffing": [1, 2, 3]}], "router": {"type_to_group": {"a": ["g"]}}})";
  const Outcome o = mpirun(2, std::string(CCSIM_BINARY) + " run " + bad.string());
  EXPECT_EQ(o.exit_code, 2) << o.err;
  EXPECT_TRUE(o.out.empty()) << o.out;
  EXPECT_EQ(occurrences(o.err, "/contact_types/0/arivals: unknown key \"arivals\""), 1u) << o.err;
  EXPECT_EQ(occurrences(o.err, "/agent_groups/0/staffing: expected 2 values"), 1u) << o.err;
  EXPECT_EQ(occurrences(o.err, "[rank"), 0u) << o.err;  // every rank said the same: no rank prefix

  const std::string file = scenario("scenarios/examples/erlang_c_14_agents.json");
  const Outcome zero = mpirun(2, std::string(CCSIM_BINARY) + " run " + file + " --replications 0");
  EXPECT_EQ(zero.exit_code, 2);
  EXPECT_EQ(occurrences(zero.err, "--replications must be >= 1"), 1u) << zero.err;
  const Outcome usage = mpirun(2, std::string(CCSIM_BINARY) + " run " + file + " --no-such-flag");
  EXPECT_EQ(usage.exit_code, 2);
  EXPECT_EQ(occurrences(usage.err, "--no-such-flag"), 1u) << usage.err;
}

// Ranks given other files or options than rank 0 (mpirun's MPMD form, "A : -np 1 B")
// stop at once: far less than a run takes, so a wait for ever shows as a timeout.
constexpr int kMismatchTimeoutS = 60;

TEST_F(ClusterMpi, RanksOnDifferentScenarioFilesExitWith2NamingTheRankThatDiffers) {
  const std::string a = scenario("scenarios/examples/single_day_ivr.json");
  const std::string b = scenario("scenarios/examples/two_skill_overflow_15min.json");
  const std::string run = std::string(CCSIM_BINARY) + " run --quiet --threads 1 --replications 3 ";
  const Outcome o =
      mpirun(1, run + a + " --json " + (dir_ / "a.json").string() + " : -np 1 " + run + b, kMismatchTimeoutS);
  EXPECT_EQ(o.exit_code, 2) << o.err;
  EXPECT_EQ(occurrences(o.err, "ccsim run: ranks must run the same scenario and options, but rank 1 of 2 loaded"),
            1u)
      << o.err;
  EXPECT_FALSE(fs::exists(dir_ / "a.json"));
}

// Before the ranks compared their jobs, this waited for ever: the root waited for
// replications the other rank was never given, or the other way round.
TEST_F(ClusterMpi, RanksWithDifferentOptionsExitWith2InsteadOfWaiting) {
  const std::string file = scenario("scenarios/examples/single_day_ivr.json");
  const std::string run = std::string(CCSIM_BINARY) + " run " + file + " --quiet --threads 1 ";
  for (const auto& [mine, other] : {std::pair{"--replications 3", "--replications 5"},
                                    std::pair{"--replications 5", "--replications 3"},
                                    std::pair{"--seed 1", "--seed 2"}}) {
    const Outcome o = mpirun(1, run + mine + " : -np 1 " + run + other, kMismatchTimeoutS);
    EXPECT_EQ(o.exit_code, 2) << mine << " vs " << other << ": " << o.err;
    EXPECT_EQ(occurrences(o.err, "ranks must run the same scenario and options"), 1u) << o.err;
  }
  const std::string check = std::string(CCSIM_BINARY) + " check " +
                            scenario("scenarios/examples/two_skill_overflow_15min.json") + " --threads 1 --sequential";
  const Outcome o =
      mpirun(1, check + " --max-replications 100 : -np 1 " + check + " --max-replications 400", kMismatchTimeoutS);
  EXPECT_EQ(o.exit_code, 2) << o.err;
  EXPECT_EQ(occurrences(o.err, "ccsim check: ranks must run the same scenario and options"), 1u) << o.err;
}

// The MPI libraries are ccsim-mpi's alone: a plain ccsim starts without them.
TEST_F(ClusterMpi, CcsimLoadsNoMpiLibraryAndCcsimMpiDoes) {
  const Outcome plain = shell("ldd " + std::string(CCSIM_BINARY));
  ASSERT_EQ(plain.exit_code, 0) << plain.err;
  EXPECT_EQ(plain.out.find("libmpi"), std::string::npos) << plain.out;
  const Outcome mpi = shell("ldd " + (fs::path(CCSIM_BINARY).parent_path() / "ccsim-mpi").string());
  EXPECT_NE(mpi.out.find("libmpi"), std::string::npos) << mpi.out << mpi.err;
}

TEST_F(ClusterMpi, CcsimUnderALauncherWithoutCcsimMpiBesideItSaysSo) {
  fs::copy_file(CCSIM_BINARY, dir_ / "ccsim");
  const Outcome o = shell("OMPI_COMM_WORLD_SIZE=2 ./ccsim --version");
  EXPECT_EQ(o.exit_code, 4) << o.out;
  EXPECT_TRUE(o.out.empty()) << o.out;
  EXPECT_NE(o.err.find("ccsim: cannot join the MPI job: started by an MPI launcher (OMPI_COMM_WORLD_SIZE=2), ccsim "
                       "runs its ranks as " + (dir_ / "ccsim-mpi").string() + ", which cannot start: "),
            std::string::npos)
      << o.err;
}

TEST_F(ClusterMpi, FailureOnOneRankEndsTheJobNamingThatRank) {
  const std::string run = std::string(CCSIM_BINARY) + " run " + scenario("scenarios/examples/single_day_ivr.json") +
                          " --quiet --replications 9 --threads 2";
  // Replication r belongs to rank r % 2: 3 fails on rank 1, 4 on the root.
  for (const auto& [replication, rank] : {std::pair{3, 1}, std::pair{4, 0}}) {
    const Outcome o = mpirun(2, "-x CCSIM_FAULT_INJECT_REPLICATION=" + std::to_string(replication) + " " + run);
    EXPECT_EQ(o.exit_code, 4) << o.err;
    const std::string line = "ccsim run: model invariant failed on rank " + std::to_string(rank) +
                             " of 2: replication " + std::to_string(replication) + ": failure injected";
    EXPECT_EQ(occurrences(o.err, line), 1u) << o.err;
  }
}

TEST_F(ClusterMpi, ChunkedCallsFoldEveryReplicationInOrderOnTheRootOnly) {
  for (int ranks : {2, 3}) {
    const Outcome o = mpirun(ranks, std::string(CCSIM_MPI_TEST_BINARY) + " --rank-program");
    EXPECT_EQ(o.exit_code, 0) << "ranks " << ranks << ":\n" << o.out << o.err;
  }
}

// ---- the rank program: every rank of the job runs this --------------------------

// Chunks [0,3), [3,3), [3,8) and [8,9), then [9,13) failing on replication 10, then
// [9,13) again: the root must fold 0..12 in order, as one process does, and no other
// rank may fold; every rank must see the failure. Returns the exit code.
int rank_program(int argc, char** argv) {
  auto cluster = ccsim::cli::join_cluster(argc, argv);
  namespace models = ccsim::models;
  const models::ScenarioSpec spec =
      models::load_scenario_file(std::string(CCSIM_SOURCE_DIR) + "/scenarios/examples/single_day_ivr.json");
  const models::AnyRouter router = models::make_router(spec);
  std::string problems;
  std::vector<std::uint32_t> order;
  models::ResultsAccumulator spread(spec);
  const models::FoldFn fold = [&](std::uint32_t r, models::ReplicationCounters&& rc) {
    if (!cluster->is_root()) problems += "fold called on rank " + std::to_string(cluster->rank()) + "\n";
    order.push_back(r);
    spread.add(rc);
  };
  const models::RunOptions two_threads{.threads = 2};
  for (auto [first, end] : {std::pair{0u, 3u}, std::pair{3u, 3u}, std::pair{3u, 8u}, std::pair{8u, 9u}})
    cluster->run_replications_everywhere(spec, router, first, end, two_threads, fold);
  ::setenv("CCSIM_FAULT_INJECT_REPLICATION", "10", 1);
  try {
    cluster->run_replications_everywhere(spec, router, 9, 13, two_threads, [](std::uint32_t, auto&&) {});
    problems += "no ReplicationError on rank " + std::to_string(cluster->rank()) + "\n";
  } catch (const ccsim::cli::ReplicationError& e) {
    if (e.rank() != (10 - 9) % cluster->size() || std::strstr(e.what(), "replication 10") == nullptr)
      problems += "rank " + std::to_string(cluster->rank()) + " got " + e.what() + "\n";
  }
  ::unsetenv("CCSIM_FAULT_INJECT_REPLICATION");
  cluster->run_replications_everywhere(spec, router, 9, 13, two_threads, fold);

  if (cluster->is_root()) {
    models::ResultsAccumulator alone(spec);
    models::run_replications(spec, router, 0, 13, models::RunOptions{.threads = 1},
                             [&](std::uint32_t, models::ReplicationCounters&& rc) { alone.add(rc); });
    std::vector<std::uint32_t> expected(13);
    for (std::uint32_t r = 0; r < 13; ++r) expected[r] = r;
    if (order != expected) problems += "root folded out of order\n";
    if (spread.results().fingerprint != alone.results().fingerprint) problems += "fingerprints differ\n";
  }
  return cluster->agree(problems.empty() ? 0 : 1, problems);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc > 1 && std::strcmp(argv[1], "--rank-program") == 0) return rank_program(argc, argv);
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
