// Cluster for the ccsim program: always this process alone. MPI lives in a second program,
// ccsim-mpi (cluster_mpi.cc), built beside ccsim when CMake finds MPI, so that a plain
// ccsim does not load the MPI libraries on every start (docs/mpi.md, "Start-up"). Started
// by an MPI launcher, ccsim becomes ccsim-mpi by exec: same process, arguments and
// environment, so the launcher sees the rank it started, and `mpirun ccsim` works as is.
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "cli/cluster.h"
#include "cli/cluster_support.h"

namespace ccsim::cli {

std::unique_ptr<Cluster> join_cluster(int&, char**& argv) {
  const auto hint = internal::mpi_launcher_hint();
  if (!hint) return std::make_unique<SingleProcess>();
  // CMake's name for the MPI program; empty in a build without MPI.
  constexpr std::string_view kMpiProgram = CCSIM_MPI_PROGRAM;
  if (kMpiProgram.empty()) {
    if (hint->size != 1)
      std::fprintf(stderr,
                   "ccsim: started by an MPI launcher (%s), but this ccsim was built without MPI "
                   "(CCSIM_WITH_MPI=OFF): this process runs every replication on its own\n",
                   hint->variable.c_str());
    return std::make_unique<SingleProcess>();
  }
  std::error_code ec;
  const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", ec);
  const std::string program = (self.parent_path() / kMpiProgram).string();
  if (!ec) ::execv(program.c_str(), argv);  // returns only on failure
  throw std::runtime_error(fmt::format(
      "started by an MPI launcher ({}), ccsim runs its ranks as {}, which cannot start: {}; install ccsim-mpi beside "
      "ccsim (both are built when CMake finds MPI), or run ccsim without the launcher",
      hint->variable, ec ? "ccsim-mpi" : program, std::strerror(ec ? ec.value() : errno)));
}

}  // namespace ccsim::cli
