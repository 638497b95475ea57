// cli/cluster.h
// Cluster: the processes a ccsim command runs on — this process alone, or the ranks of
// an MPI job (mpirun, srun). Every rank runs the command; replications are shared out,
// the root (rank 0) folds them in order and alone prints and writes. docs/mpi.md.
#pragma once

#include <algorithm>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

#include "cli/commands.h"
#include "models/replication.h"

namespace ccsim::cli {

// A replication failed (a model invariant, or any other exception) on some rank.
// run_replications_everywhere throws it on every rank with the same text, e.g.
// "model invariant failed on rank 1 of 4: at t=..." ("... failed: ..." in a single
// process), so that all ranks end the same way and the root alone prints it.
class ReplicationError : public std::runtime_error {
 public:
  ReplicationError(const std::string& what, int rank) : std::runtime_error(what), rank_(rank) {}
  int rank() const { return rank_; }

 private:
  int rank_;
};

// What a command sees of the job it belongs to. Every rank runs the same command on the
// same arguments and files, so every rank reaches the same calls in the same order:
// run_replications_everywhere and agree are collective (each rank must call them, or
// none). A single process is a cluster of one, where they reduce to the plain thing.
//
//   models::RunResults r = models::run_scenario(spec, options, cluster.runner());
//   int code = ...;  std::string error;            // this rank's outcome
//   if (cluster.is_root()) { print the report; write files; set code and error }
//   return cluster.agree(code, error);             // root prints, all exit alike
class Cluster {
 public:
  virtual ~Cluster() = default;

  virtual int rank() const = 0;
  virtual int size() const = 0;
  bool is_root() const { return rank() == 0; }

  // Threads per process when the user names none: the hardware threads of this machine
  // (in an MPI job: those this rank may run on, shared with the ranks on its node).
  virtual std::uint32_t default_threads() const = 0;

  // Collective. Runs replications [first, end) with `options` on each rank (rank k
  // takes first + k, first + k + size, ...) and calls fold(r, counters) on the root
  // only, for every r, in replication order: results are bit-identical to one process.
  // The root holds only replications waiting for their turn to be folded: at most a
  // few per rank (as many as it runs threads), however many replications there are.
  // Returns on every rank once the root has folded the last one. If a replication (or
  // the root's fold) throws on any rank, the others stop and every rank throws the same
  // ReplicationError. Can be called many times (chunks, variants) in one process.
  virtual void run_replications_everywhere(const models::ScenarioSpec& spec, const models::AnyRouter& router,
                                           std::uint32_t first, std::uint32_t end, const models::RunOptions& options,
                                           const models::FoldFn& fold) = 0;

  // The threads a rank actually used for `replications` replications at `requested`
  // threads each: never more than its share of the replications (what run.threads says).
  std::uint32_t threads_used(std::uint32_t requested, std::uint32_t replications) const {
    const auto ranks = static_cast<std::uint32_t>(size());
    return std::max(1u, std::min(requested, (replications + ranks - 1) / ranks));
  }

  // run_replications_everywhere as a models::ReplicationRunner, for run_scenario.
  models::ReplicationRunner runner();

  // Collective. Ends a step every rank took (loading the scenario, writing results):
  // each rank gives its exit code and the text it would print on stderr ("" if none).
  // The root prints each distinct text once — as is when every rank gave it, else each
  // line prefixed with the ranks that did, "[rank 2] ..." — and every rank gets the
  // same exit code: the largest given.
  virtual int agree(int exit_code, const std::string& error_text) = 0;

  // Collective. Right after each rank has loaded its scenario, before anything that
  // depends on it: each rank gives the hash of its job (models::spec_hash of the scenario
  // as loaded, mixed with the command and every option that changes results; not
  // --threads or output paths). Ranks on other files or options would fold each other's
  // replications, or wait for ever on replications that no rank runs; so unless every
  // rank gave the root's hash, the root prints one line naming the ranks that differ and
  // every rank gets kExitBadInput; else kExitOk.
  virtual int same_job(std::uint64_t job_hash, std::string_view command) = 0;

  // Collective. The root's `value` on every rank: for decisions only the root can make
  // because it alone holds the folded results (when to stop adding replications).
  virtual std::uint32_t root_value(std::uint32_t value) = 0;

  // A failure only this rank met, outside any collective step: ends the whole job
  // (MPI_Abort) so that no rank waits forever; in a single process returns exit_code.
  virtual int abandon(int exit_code) = 0;
};

// This process alone: what ccsim is without an MPI launcher, and what tests and
// library users construct directly.
class SingleProcess final : public Cluster {
 public:
  int rank() const override { return 0; }
  int size() const override { return 1; }
  std::uint32_t default_threads() const override;
  void run_replications_everywhere(const models::ScenarioSpec& spec, const models::AnyRouter& router,
                                   std::uint32_t first, std::uint32_t end, const models::RunOptions& options,
                                   const models::FoldFn& fold) override;
  int agree(int exit_code, const std::string& error_text) override;
  int same_job(std::uint64_t, std::string_view) override { return kExitOk; }
  std::uint32_t root_value(std::uint32_t value) override { return value; }
  int abandon(int exit_code) override { return exit_code; }
};

// The cluster main() runs the command on. In ccsim-mpi (cluster_mpi.cc): the MPI job when
// an MPI launcher started this process (it sets OMPI_COMM_WORLD_SIZE, PMIX_RANK or
// PMI_RANK), else SingleProcess; MPI is never initialised otherwise. In ccsim
// (cluster_local.cc): SingleProcess, but under a launcher it execs ccsim-mpi from its own
// folder (throws when that fails) or, built without MPI, warns. Call once, before parsing
// arguments; MPI is finalised when the returned object is destroyed.
std::unique_ptr<Cluster> join_cluster(int& argc, char**& argv);

}  // namespace ccsim::cli
