// tests/cli/cluster_test.cc
// The MPI-free parts of cli/cluster.h: a single process as a cluster of one, the
// wording of failures, the merging of the ranks' error texts, the line naming ranks that
// run another job, and launcher detection.
// The multi-rank protocol is tested under mpirun in cluster_mpi_test.cc.
#include "cli/cluster.h"

#include <cstdlib>
#include <stdexcept>
#include <vector>

#include <gtest/gtest.h>

#include "cli/cluster_support.h"
#include "models/invariant.h"
#include "tests/models/test_scenarios.h"

namespace ccsim::cli {
namespace {

using internal::describe_failure;
using internal::merge_rank_texts;

TEST(SingleProcess, FoldsTheRangeInOrderAndIsRankZeroOfOne) {
  SingleProcess cluster;
  EXPECT_TRUE(cluster.is_root());
  EXPECT_EQ(cluster.size(), 1);
  EXPECT_GE(cluster.default_threads(), 1u);
  const models::ScenarioSpec s = models::testing::markov_scenario(0.5, 10, 6, 30.0, 100, 2000, 1, 5);
  const models::AnyRouter router = models::make_router(s);
  std::vector<std::uint32_t> order;
  cluster.run_replications_everywhere(s, router, 3, 8, models::RunOptions{.threads = 2},
                                      [&](std::uint32_t r, models::ReplicationCounters&&) { order.push_back(r); });
  EXPECT_EQ(order, (std::vector<std::uint32_t>{3, 4, 5, 6, 7}));
}

TEST(SingleProcess, InjectedFailureBecomesAReplicationErrorWithoutARank) {
  SingleProcess cluster;
  const models::ScenarioSpec s = models::testing::markov_scenario(0.5, 10, 6, 30.0, 100, 2000, 1, 5);
  const models::AnyRouter router = models::make_router(s);
  ::setenv("CCSIM_FAULT_INJECT_REPLICATION", "2", 1);
  try {
    cluster.run_replications_everywhere(s, router, 0, 5, models::RunOptions{.threads = 2},
                                        [](std::uint32_t, models::ReplicationCounters&&) {});
    ADD_FAILURE() << "no ReplicationError";
  } catch (const ReplicationError& e) {
    EXPECT_STREQ(e.what(), "model invariant failed: replication 2: failure injected by CCSIM_FAULT_INJECT_REPLICATION");
    EXPECT_EQ(e.rank(), 0);
  }
  ::unsetenv("CCSIM_FAULT_INJECT_REPLICATION");
}

TEST(ClusterSupport, FailuresAreWordedByKindAndRank) {
  const auto invariant = std::make_exception_ptr(models::InvariantError("at t=5s: busy count underflow"));
  EXPECT_EQ(describe_failure(invariant, 0, 1), "model invariant failed: at t=5s: busy count underflow");
  EXPECT_EQ(describe_failure(invariant, 2, 4), "model invariant failed on rank 2 of 4: at t=5s: busy count underflow");
  EXPECT_EQ(describe_failure(std::make_exception_ptr(std::bad_alloc()), 1, 2),
            "internal error on rank 1 of 2: std::bad_alloc");
  EXPECT_EQ(describe_failure(std::make_exception_ptr(ReplicationError("as worded", 3)), 0, 4), "as worded");
  EXPECT_EQ(describe_failure(std::make_exception_ptr(42), 0, 1), "internal error: unknown exception");
}

TEST(ClusterSupport, TextEveryRankGaveIsPrintedOnceAsIs) {
  EXPECT_EQ(merge_rank_texts({"a.json: /x: bad\na.json: /y: bad\n", "a.json: /x: bad\na.json: /y: bad\n"}),
            "a.json: /x: bad\na.json: /y: bad\n");
  EXPECT_EQ(merge_rank_texts({"no newline", "no newline"}), "no newline\n");
  EXPECT_EQ(merge_rank_texts({"", "", ""}), "");
  EXPECT_EQ(merge_rank_texts({"alone\n"}), "alone\n");
}

TEST(ClusterSupport, TextSomeRanksGaveIsPrefixedWithThoseRanks) {
  EXPECT_EQ(merge_rank_texts({"", "cannot open a.json\n", "", "cannot open a.json\n"}),
            "[ranks 1,3] cannot open a.json\n");
  EXPECT_EQ(merge_rank_texts({"x\n", "y\nz\n", "x\n"}), "[ranks 0,2] x\n[rank 1] y\n[rank 1] z\n");
}

TEST(ClusterSupport, JobsThatDifferFromTheRootsAreNamedOnOneLine) {
  EXPECT_EQ(internal::job_mismatch_text({7, 7, 7}, "run"), "");
  EXPECT_EQ(internal::job_mismatch_text({7}, "run"), "");
  const std::string two = internal::job_mismatch_text({7, 8, 7, 9}, "sweep");
  EXPECT_EQ(two.rfind("ccsim sweep: ranks must run the same scenario and options, but ranks 1,3 of 4 loaded ", 0), 0u)
      << two;
  EXPECT_EQ(two.find('\n'), two.size() - 1) << two;
  EXPECT_NE(internal::job_mismatch_text({7, 8}, "run").find("but rank 1 of 2 loaded"), std::string::npos);
}

TEST(ClusterSupport, LauncherIsSpottedByItsEnvironment) {
  for (const char* name : {"OMPI_COMM_WORLD_SIZE", "PMI_SIZE", "PMIX_RANK", "PMI_RANK"}) ::unsetenv(name);
  EXPECT_FALSE(internal::mpi_launcher_hint().has_value());
  ::setenv("PMIX_RANK", "3", 1);
  ASSERT_TRUE(internal::mpi_launcher_hint().has_value());
  EXPECT_EQ(internal::mpi_launcher_hint()->variable, "PMIX_RANK=3");
  EXPECT_EQ(internal::mpi_launcher_hint()->size, 0);
  ::setenv("OMPI_COMM_WORLD_SIZE", "4", 1);
  EXPECT_EQ(internal::mpi_launcher_hint()->size, 4);
  ::unsetenv("PMIX_RANK");
  ::unsetenv("OMPI_COMM_WORLD_SIZE");
}

}  // namespace
}  // namespace ccsim::cli
