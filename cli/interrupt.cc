// cli/interrupt.cc
#include "cli/interrupt.h"

#include <atomic>
#include <csignal>
#include <utility>

#include <fmt/format.h>

namespace ccsim::cli {
namespace {

std::atomic<int> g_signal{0};
static_assert(std::atomic<int>::is_always_lock_free, "read and written from a signal handler");
std::atomic<std::uint64_t> g_folded{0};
std::atomic<std::uint64_t> g_planned{0};

std::atomic<bool> g_caught_sigint{false};
std::atomic<bool> g_caught_sigterm{false};

extern "C" void on_signal(int signal) {
  g_signal.store(signal);
  // The next one, of either kind, ends the process: a user who insists is not kept waiting
  // for a long replication to finish. (Both are blocked while this runs, so one sent
  // meanwhile arrives after this.)
  if (g_caught_sigint.load()) std::signal(SIGINT, SIG_DFL);
  if (g_caught_sigterm.load()) std::signal(SIGTERM, SIG_DFL);
}

void throw_if_interrupted() {
  if (const int signal = g_signal.load(); signal != 0) throw Interrupted{signal, g_folded.load(), g_planned.load()};
}

}  // namespace

void install_interrupt_handlers() {
  struct sigaction action {};
  struct sigaction previous {};
  action.sa_handler = on_signal;
  sigemptyset(&action.sa_mask);
  sigaddset(&action.sa_mask, SIGINT);
  sigaddset(&action.sa_mask, SIGTERM);
  action.sa_flags = SA_RESTART;  // writes in progress carry on rather than fail with EINTR
  for (const int signal : {SIGINT, SIGTERM}) {
    // A signal ignored on entry stays ignored: a job started with nohup or in the
    // background of a script was meant to survive it.
    if (sigaction(signal, nullptr, &previous) == 0 && previous.sa_handler == SIG_IGN) continue;
    (signal == SIGINT ? g_caught_sigint : g_caught_sigterm).store(true);
    sigaction(signal, &action, nullptr);
  }
}

models::FoldFn interruptible(const models::FoldFn& fold, std::uint32_t first, std::uint32_t end) {
  if (end > first) g_planned += end - first;
  throw_if_interrupted();
  return [fold](std::uint32_t r, models::ReplicationCounters&& counters) {
    throw_if_interrupted();
    fold(r, std::move(counters));
    ++g_folded;
  };
}

std::string interrupted_message(std::string_view command, const Interrupted& e) {
  const char* name = e.signal == SIGINT ? "SIGINT" : e.signal == SIGTERM ? "SIGTERM" : "a signal";
  return fmt::format("{}: interrupted by {} after {} of {} replications; nothing written\n", command, name, e.folded,
                     e.planned);
}

}  // namespace ccsim::cli
