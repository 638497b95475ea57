// cli/interrupt.h
// SIGINT and SIGTERM end a simulating command at a replication boundary, with nothing
// written: the first signal only sets a flag, the fold of the next replication (or the
// start of the next batch) sees it and throws Interrupted, which no command catches; main()
// prints one line and exits 128 + the signal number. A second signal ends the process
// the usual way. Outputs are written after the last fold, so an interrupted command
// leaves every file as it was (a trace being streamed is a temporary: cli/output_file.h).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "models/replication.h"

namespace ccsim::cli {

// Not a std::exception, so that no command's handler of errors mistakes it for one.
struct Interrupted {
  int signal;             // SIGINT or SIGTERM
  std::uint64_t folded;   // replications folded in this process before it
  std::uint64_t planned;  // replications asked for so far (a sweep or check may have asked for more later)
};

// Catches SIGINT and SIGTERM for the rest of the process. Call once, from main, before
// any thread starts.
void install_interrupt_handlers();

// `fold` that first throws Interrupted if a signal came (and throws it at once when one
// came before this call): for the replications [first, end) about to run.
models::FoldFn interruptible(const models::FoldFn& fold, std::uint32_t first, std::uint32_t end);

// "ccsim run: interrupted by SIGTERM after 12 of 30 replications; nothing written\n".
std::string interrupted_message(std::string_view command, const Interrupted& e);

// 130 for SIGINT, 143 for SIGTERM: what a shell reports for a process the signal killed.
inline int interrupted_exit_code(const Interrupted& e) { return 128 + e.signal; }

}  // namespace ccsim::cli
