#include "cli/cluster.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <thread>
#include <utility>

#include <fmt/format.h>

#include "cli/cluster_support.h"
#include "cli/interrupt.h"
#include "models/invariant.h"

namespace ccsim::cli {

models::ReplicationRunner Cluster::runner() {
  return [this](const models::ScenarioSpec& spec, const models::AnyRouter& router, std::uint32_t first,
                std::uint32_t end, const models::RunOptions& options, const models::FoldFn& fold) {
    run_replications_everywhere(spec, router, first, end, options, fold);
  };
}

std::uint32_t SingleProcess::default_threads() const { return std::max(1u, std::thread::hardware_concurrency()); }

void SingleProcess::run_replications_everywhere(const models::ScenarioSpec& spec, const models::AnyRouter& router,
                                                std::uint32_t first, std::uint32_t end,
                                                const models::RunOptions& options, const models::FoldFn& fold) {
  try {
    internal::run_share(spec, router, first, end, 1, options, interruptible(fold, first, end));
  } catch (const Interrupted&) {
    throw;
  } catch (...) {
    throw ReplicationError(internal::describe_failure(std::current_exception(), 0, 1), 0);
  }
}

int SingleProcess::agree(int exit_code, const std::string& error_text) {
  std::fputs(internal::merge_rank_texts({error_text}).c_str(), stderr);
  return exit_code;
}

namespace internal {

std::optional<LauncherHint> mpi_launcher_hint() {
  const auto number = [](const char* text) {
    char* end = nullptr;
    const long n = std::strtol(text, &end, 10);
    return end != text && n > 0 && n < (1L << 30) ? static_cast<int>(n) : 0;
  };
  for (const char* name : {"OMPI_COMM_WORLD_SIZE", "PMI_SIZE"}) {
    if (const char* value = std::getenv(name)) return LauncherHint{fmt::format("{}={}", name, value), number(value)};
  }
  for (const char* name : {"PMIX_RANK", "PMI_RANK"}) {
    if (const char* value = std::getenv(name)) return LauncherHint{fmt::format("{}={}", name, value), 0};
  }
  return std::nullopt;
}

void run_share(const models::ScenarioSpec& spec, const models::AnyRouter& router, std::uint32_t first,
               std::uint32_t end, std::uint32_t stride, const models::RunOptions& options,
               const models::FoldFn& fold) {
  const char* inject = std::getenv("CCSIM_FAULT_INJECT_REPLICATION");
  if (inject == nullptr || *inject == '\0') {
    models::run_replications_strided(spec, router, first, end, stride, options, fold);
    return;
  }
  const unsigned long failing = std::strtoul(inject, nullptr, 10);
  models::run_replications_strided(spec, router, first, end, stride, options,
                                   [&](std::uint32_t r, models::ReplicationCounters&& rc) {
                                     if (r == failing)
                                       throw models::InvariantError(fmt::format(
                                           "replication {}: failure injected by CCSIM_FAULT_INJECT_REPLICATION", r));
                                     fold(r, std::move(rc));
                                   });
}

std::string describe_failure(const std::exception_ptr& error, int rank, int size) {
  const std::string where = size > 1 ? fmt::format(" on rank {} of {}", rank, size) : "";
  try {
    std::rethrow_exception(error);
  } catch (const models::InvariantError& e) {
    return fmt::format("model invariant failed{}: {}", where, e.what());
  } catch (const ReplicationError& e) {
    return e.what();  // already worded, with its rank
  } catch (const std::exception& e) {
    return fmt::format("internal error{}: {}", where, e.what());
  } catch (...) {
    return fmt::format("internal error{}: unknown exception", where);
  }
}

std::string merge_rank_texts(const std::vector<std::string>& texts) {
  std::vector<std::pair<std::string_view, std::vector<std::size_t>>> distinct;  // text, ranks that gave it
  for (std::size_t k = 0; k < texts.size(); ++k) {
    if (texts[k].empty()) continue;
    auto it = std::find_if(distinct.begin(), distinct.end(), [&](const auto& d) { return d.first == texts[k]; });
    if (it == distinct.end()) distinct.push_back({texts[k], {k}});
    else it->second.push_back(k);
  }
  std::string out;
  for (const auto& [text, ranks] : distinct) {
    const std::string prefix = ranks.size() == texts.size()
                                   ? std::string()
                                   : fmt::format("[rank{} {}] ", ranks.size() > 1 ? "s" : "", fmt::join(ranks, ","));
    std::size_t begin = 0;
    while (begin < text.size()) {
      std::size_t end = text.find('\n', begin);
      if (end == std::string_view::npos) end = text.size();
      out += prefix;
      out += text.substr(begin, end - begin);
      out += '\n';
      begin = end + 1;
    }
  }
  return out;
}

std::string job_mismatch_text(const std::vector<std::uint64_t>& hashes, std::string_view command) {
  std::vector<std::size_t> differ;
  for (std::size_t k = 1; k < hashes.size(); ++k)
    if (hashes[k] != hashes[0]) differ.push_back(k);
  if (differ.empty()) return "";
  return fmt::format("ccsim {}: ranks must run the same scenario and options, but rank{} {} of {} loaded another "
                     "scenario or other options than rank 0: give every rank the same arguments and identical "
                     "scenario, forecast and staffing files (--threads and output paths may differ)\n",
                     command, differ.size() > 1 ? "s" : "", fmt::join(differ, ","), hashes.size());
}

}  // namespace internal
}  // namespace ccsim::cli
