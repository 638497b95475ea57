// Cluster over an MPI job (CCSIM_WITH_MPI=ON). Boost.MPI owns MPI_Init/MPI_Finalize
// and the collectives; the counters travel as plain bytes (cli/counters_wire.h) through
// the C API, because Boost.MPI has no synchronous send. docs/mpi.md has the protocol;
// in short, for one call of run_replications_everywhere:
//   rank k > 0  sends the counters of each of its replications, in order, with
//               MPI_Issend, at most `window` unmatched at a time (a synchronous send
//               completes only when the root takes it: the root never holds more than
//               ranks x window messages); before each send it looks for the root's
//               verdict, which then means "stop": it sends kStopped and stops; if one
//               of its replications fails it sends kFailed with the text instead. Then
//               it receives the verdict.
//   the root    folds in replication order: its own as its threads finish them, the
//               others' received from their owners as their turn comes. On a failure
//               (its own, or a kFailed) it sends every rank the verdict at once and drains
//               what each still sends until that rank's last replication, kStopped or
//               kFailed; else it sends the verdict "ok" after the last fold.
// Every message of a call is received within the call, so calls can follow each other.
// Waits poll and sleep rather than spin in MPI, so a waiting rank leaves its cores to
// its own threads (and to whatever else shares the node).
#include <sched.h>

#include <algorithm>
#include <chrono>
#include <climits>
#include <cstdio>
#include <cstring>
#include <deque>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <boost/mpi/collectives.hpp>
#include <boost/mpi/communicator.hpp>
#include <boost/mpi/environment.hpp>
#include <boost/serialization/string.hpp>
#include <boost/serialization/utility.hpp>
#include <mpi.h>

#include "cli/cluster.h"
#include "cli/cluster_support.h"
#include "cli/commands.h"
#include "cli/counters_wire.h"

namespace ccsim::cli {
namespace {

namespace mpi = boost::mpi;

enum Tag : int { kCounters = 1, kFailed = 2, kStopped = 3, kVerdict = 4 };

// The root's verdict on a call: ok, or the failure every rank throws.
struct Verdict {
  int failed_rank = -1;  // -1: ok
  std::string text;
};

// Thrown inside the root's fold when a rank reports a failure, to stop the root's threads.
struct RemoteFailure {};
// Thrown inside a rank's fold when the root's verdict arrives early: stop sending.
struct StopRequested {};

int checked_count(std::size_t bytes) {
  if (bytes > static_cast<std::size_t>(INT_MAX))
    throw std::runtime_error("message of " + std::to_string(bytes) + " bytes is too large for one MPI send");
  return static_cast<int>(bytes);
}

// Calls done() until it says true, sleeping between calls: an MPI wait would spin.
template <class Done>
void poll_until(Done done) {
  while (!done()) std::this_thread::sleep_for(std::chrono::microseconds(50));
}

void wait(MPI_Request& request) {
  poll_until([&] {
    int complete = 0;
    MPI_Test(&request, &complete, MPI_STATUS_IGNORE);
    return complete != 0;
  });
}

// Replications first, first + stride, ... below end.
std::uint32_t share_count(std::uint32_t first, std::uint32_t end, std::uint32_t stride) {
  return first < end ? (end - first - 1) / stride + 1 : 0;
}

class MpiCluster final : public Cluster {
 public:
  MpiCluster(int& argc, char**& argv)
      : env_(argc, argv, mpi::threading::serialized), comm_(MPI_COMM_WORLD, mpi::comm_duplicate) {
    // Worker threads call MPI (one at a time, from the fold); without that level, one thread.
    if (env_.thread_level() < mpi::threading::serialized) {
      max_threads_ = 1;
      if (comm_.rank() == 0)
        std::fprintf(stderr,
                     "ccsim: this MPI library does not allow MPI calls from several threads "
                     "(MPI_THREAD_SERIALIZED): each rank runs one thread\n");
    }
    // Ranks sharing this node, to share its hardware threads by default.
    MPI_Comm node;
    MPI_Comm_split_type(comm_, MPI_COMM_TYPE_SHARED, comm_.rank(), MPI_INFO_NULL, &node);
    MPI_Comm_size(node, &ranks_on_node_);
    MPI_Comm_free(&node);
  }

  int rank() const override { return comm_.rank(); }
  int size() const override { return comm_.size(); }

  std::uint32_t default_threads() const override {
    // The CPUs this rank may run on (mpirun and Slurm bind ranks), and no more than its
    // part of the node when ranks are not bound.
    unsigned cpus = std::max(1u, std::thread::hardware_concurrency());
    cpu_set_t set;
    if (sched_getaffinity(0, sizeof set, &set) == 0) cpus = std::max(1, CPU_COUNT(&set));
    const unsigned fair = std::max(1u, std::thread::hardware_concurrency() / static_cast<unsigned>(ranks_on_node_));
    return std::min({cpus, fair, max_threads_});
  }

  void run_replications_everywhere(const models::ScenarioSpec& spec, const models::AnyRouter& router,
                                   std::uint32_t first, std::uint32_t end, const models::RunOptions& options,
                                   const models::FoldFn& fold) override {
    if (size() == 1) return alone_.run_replications_everywhere(spec, router, first, end, options, fold);
    if (end <= first) return;  // every rank sees the same range, so all return here
    models::RunOptions local = options;
    local.threads = std::min(options.threads, max_threads_);
    local.progress = {};
    if (is_root()) run_as_root(spec, router, first, end, local, fold);
    else run_as_worker(spec, router, first, end, local);
  }

  int agree(int exit_code, const std::string& error_text) override {
    if (size() == 1) return alone_.agree(exit_code, error_text);
    std::vector<std::string> texts;
    mpi::gather(comm_, error_text, texts, 0);
    if (is_root()) {
      std::fputs(internal::merge_rank_texts(texts).c_str(), stderr);
      std::fflush(stderr);
    }
    return mpi::all_reduce(comm_, exit_code, mpi::maximum<int>());
  }

  int same_job(std::uint64_t job_hash, std::string_view command) override {
    if (size() == 1) return alone_.same_job(job_hash, command);
    std::vector<std::uint64_t> hashes;
    mpi::all_gather(comm_, job_hash, hashes);
    // Every rank has every hash, so every rank reaches the same verdict with no more messages.
    const std::string text = internal::job_mismatch_text(hashes, command);
    if (is_root() && !text.empty()) {
      std::fputs(text.c_str(), stderr);
      std::fflush(stderr);
    }
    return text.empty() ? kExitOk : kExitBadInput;
  }

  std::uint32_t root_value(std::uint32_t value) override {
    if (size() > 1) mpi::broadcast(comm_, value, 0);
    return value;
  }

  int abandon(int exit_code) override {
    if (size() == 1) return exit_code;
    std::fprintf(stderr, "ccsim: rank %d of %d failed on its own; aborting the MPI job (exit code %d)\n", rank(),
                 size(), exit_code);
    std::fflush(stderr);
    MPI_Abort(comm_, exit_code);
    return exit_code;
  }

 private:
  void run_as_root(const models::ScenarioSpec& spec, const models::AnyRouter& router, std::uint32_t first,
                   std::uint32_t end, const models::RunOptions& local, const models::FoldFn& fold) {
    const auto ranks = static_cast<std::uint32_t>(size());
    std::vector<std::uint32_t> owed(ranks);  // replications each rank has yet to send
    for (std::uint32_t k = 1; k < ranks; ++k) owed[k] = share_count(first + k, end, ranks);
    std::vector<bool> closed(ranks, false);  // sent kStopped or kFailed
    std::optional<Verdict> failure;
    std::vector<std::byte> buffer;
    std::uint32_t next = first;

    // Folds the other ranks' replications [next, until), taking each from its owner.
    const auto fold_remote = [&](std::uint32_t until) {
      for (; next < until; ++next) {
        const int k = static_cast<int>((next - first) % ranks);
        if (receive(k, buffer) != kCounters) {
          closed[k] = true;
          failure = Verdict{k, std::string(reinterpret_cast<const char*>(buffer.data()), buffer.size())};
          throw RemoteFailure{};
        }
        --owed[k];
        fold(next, counters_from_bytes(buffer));
      }
    };
    try {
      internal::run_share(spec, router, first, end, ranks, local,
                          [&](std::uint32_t r, models::ReplicationCounters&& rc) {
                            fold_remote(r);
                            fold(r, std::move(rc));
                            ++next;
                          });
      fold_remote(end);
    } catch (const RemoteFailure&) {
    } catch (...) {
      failure = Verdict{0, internal::describe_failure(std::current_exception(), 0, size())};
    }

    const Verdict verdict = failure.value_or(Verdict{});
    std::vector<std::byte> message(sizeof(int) + verdict.text.size());
    std::memcpy(message.data(), &verdict.failed_rank, sizeof(int));
    std::memcpy(message.data() + sizeof(int), verdict.text.data(), verdict.text.size());
    std::vector<MPI_Request> sends(ranks - 1);
    for (std::uint32_t k = 1; k < ranks; ++k)
      MPI_Isend(message.data(), checked_count(message.size()), MPI_BYTE, static_cast<int>(k), kVerdict, comm_,
                &sends[k - 1]);
    if (failure) {
      for (std::uint32_t k = 1; k < ranks; ++k)
        while (!closed[k] && owed[k] > 0) {
          if (receive(static_cast<int>(k), buffer) == kCounters) --owed[k];
          else closed[k] = true;
        }
    }
    for (MPI_Request& request : sends) wait(request);
    if (failure) throw ReplicationError(failure->text, failure->failed_rank);
  }

  void run_as_worker(const models::ScenarioSpec& spec, const models::AnyRouter& router, std::uint32_t first,
                     std::uint32_t end, const models::RunOptions& local) {
    const auto ranks = static_cast<std::uint32_t>(size());
    // Sends not yet taken by the root, oldest first, with their bytes; as many as the
    // replications this rank may have in flight, so that it rarely waits for the root.
    struct Outgoing {
      MPI_Request request;
      std::vector<std::byte> bytes;
    };
    std::deque<Outgoing> outgoing;
    const std::size_t window = std::max<std::size_t>(2, local.threads);
    std::string failure;
    bool stopped = false;
    try {
      internal::run_share(spec, router, first + static_cast<std::uint32_t>(rank()), end, ranks, local,
                          [&](std::uint32_t, models::ReplicationCounters&& rc) {
                            int verdict_waiting = 0;
                            MPI_Iprobe(0, kVerdict, comm_, &verdict_waiting, MPI_STATUS_IGNORE);
                            if (verdict_waiting) throw StopRequested{};
                            if (outgoing.size() == window) {
                              wait(outgoing.front().request);
                              outgoing.pop_front();
                            }
                            Outgoing& o = outgoing.emplace_back(Outgoing{MPI_REQUEST_NULL, counters_to_bytes(rc)});
                            MPI_Issend(o.bytes.data(), checked_count(o.bytes.size()), MPI_BYTE, 0, kCounters,
                                       comm_, &o.request);
                          });
    } catch (const StopRequested&) {
      stopped = true;
    } catch (...) {
      failure = internal::describe_failure(std::current_exception(), rank(), size());
    }
    for (Outgoing& o : outgoing) wait(o.request);  // the root takes them all, even when draining
    if (!failure.empty()) MPI_Send(failure.data(), checked_count(failure.size()), MPI_BYTE, 0, kFailed, comm_);
    else if (stopped) MPI_Send(nullptr, 0, MPI_BYTE, 0, kStopped, comm_);

    std::vector<std::byte> buffer;
    receive(0, buffer, kVerdict);
    Verdict verdict;
    std::memcpy(&verdict.failed_rank, buffer.data(), sizeof(int));
    verdict.text.assign(reinterpret_cast<const char*>(buffer.data()) + sizeof(int), buffer.size() - sizeof(int));
    if (verdict.failed_rank >= 0) throw ReplicationError(verdict.text, verdict.failed_rank);
  }

  // The next message from `source` (with `tag`, or any) into buffer; returns its tag.
  int receive(int source, std::vector<std::byte>& buffer, int tag = MPI_ANY_TAG) {
    MPI_Status status;
    poll_until([&] {
      int arrived = 0;
      MPI_Iprobe(source, tag, comm_, &arrived, &status);
      return arrived != 0;
    });
    int count = 0;
    MPI_Get_count(&status, MPI_BYTE, &count);
    buffer.resize(static_cast<std::size_t>(count));
    MPI_Recv(buffer.data(), count, MPI_BYTE, source, status.MPI_TAG, comm_, MPI_STATUS_IGNORE);
    return status.MPI_TAG;
  }

  mpi::environment env_;
  mpi::communicator comm_;  // a duplicate of MPI_COMM_WORLD: ccsim's messages alone
  SingleProcess alone_;     // what a job of one rank does
  unsigned max_threads_ = UINT_MAX;
  int ranks_on_node_ = 1;
};

}  // namespace

std::unique_ptr<Cluster> join_cluster(int& argc, char**& argv) {
  const auto hint = internal::mpi_launcher_hint();
  if (!hint) return std::make_unique<SingleProcess>();  // MPI stays uninitialised
  auto cluster = std::make_unique<MpiCluster>(argc, argv);
  if (hint->size > 1 && cluster->size() == 1)
    std::fprintf(stderr,
                 "ccsim: the launcher announced %d processes (%s) but MPI sees 1: was ccsim built with another "
                 "MPI than the launcher's? Each process runs every replication on its own\n",
                 hint->size, hint->variable.c_str());
  return cluster;
}

}  // namespace ccsim::cli
