// cli/cluster_support.h
// Pieces shared by the two Cluster builds (cluster_mpi.cc, cluster_local.cc): spotting
// an MPI launcher, running this process's share of replications, wording a failure,
// and merging the ranks' error texts. No MPI here, so all of it is unit-tested.
#pragma once

#include <cstdint>
#include <exception>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "models/replication.h"

namespace ccsim::cli::internal {

// The environment variable an MPI launcher set for this process, and the job size it
// announces (0 when the variable does not say).
struct LauncherHint {
  std::string variable;  // e.g. "OMPI_COMM_WORLD_SIZE=4"
  int size = 0;
};

// Open MPI's mpirun (OMPI_COMM_WORLD_SIZE), PMIx launchers such as srun --mpi=pmix and
// Open MPI 5 (PMIX_RANK), MPICH/Intel MPI Hydra and Slurm's PMI-2 (PMI_RANK, PMI_SIZE).
std::optional<LauncherHint> mpi_launcher_hint();

// models::run_replications_strided, plus the test hook: with the environment variable
// CCSIM_FAULT_INJECT_REPLICATION=r, replication r fails as a model invariant would on
// the rank that owns it (tests/cli/cluster_mpi_test.cc proves a failing rank ends the job).
void run_share(const models::ScenarioSpec& spec, const models::AnyRouter& router, std::uint32_t first,
               std::uint32_t end, std::uint32_t stride, const models::RunOptions& options, const models::FoldFn& fold);

// "model invariant failed: <what>" for an InvariantError, "internal error: <what>" for any
// other exception; with size > 1, "... failed on rank 1 of 4: <what>".
std::string describe_failure(const std::exception_ptr& error, int rank, int size);

// The text the root prints for the ranks' error texts (texts[k] from rank k): each
// distinct non-empty text once, in order of the first rank that gave it, as is when
// every rank gave it, else each line prefixed "[rank 2] " or "[ranks 1,3] ". Each text
// printed ends with a newline.
std::string merge_rank_texts(const std::vector<std::string>& texts);

// The line the root prints when some ranks' job hashes (hashes[k] from rank k) differ from
// the root's, naming those ranks: "ccsim run: ranks must run the same scenario and
// options, but rank 1 of 2 loaded ..."; "" when every rank has the root's hash.
std::string job_mismatch_text(const std::vector<std::uint64_t>& hashes, std::string_view command);

}  // namespace ccsim::cli::internal
