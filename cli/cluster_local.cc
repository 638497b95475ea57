// Cluster for a build without MPI (CCSIM_WITH_MPI=OFF): always this process alone.
// Started by an MPI launcher anyway, each process would run every replication itself,
// so say so rather than print the same results K times without a word.
#include <cstdio>

#include "cli/cluster.h"
#include "cli/cluster_support.h"

namespace ccsim::cli {

std::unique_ptr<Cluster> join_cluster(int&, char**&) {
  if (const auto hint = internal::mpi_launcher_hint(); hint && hint->size != 1) {
    std::fprintf(stderr,
                 "ccsim: started by an MPI launcher (%s), but this ccsim was built without MPI "
                 "(CCSIM_WITH_MPI=OFF): this process runs every replication on its own\n",
                 hint->variable.c_str());
  }
  return std::make_unique<SingleProcess>();
}

}  // namespace ccsim::cli
