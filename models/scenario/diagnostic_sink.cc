#include "models/scenario/diagnostic_sink.h"

#include <fmt/format.h>

namespace ccsim::models::internal {

void DiagnosticSink::add(std::string pointer, std::string message) {
  if (kept_.size() < kMaxDiagnostics) {
    kept_.push_back({std::move(pointer), std::move(message)});
  } else {
    ++dropped_;
  }
}

std::vector<Diagnostic> DiagnosticSink::take() {
  std::vector<Diagnostic> out = std::move(kept_);
  if (dropped_ > 0)
    out.push_back({"", fmt::format("... {} more error{} not shown; fix the ones above first", dropped_,
                                   dropped_ == 1 ? "" : "s")});
  kept_.clear();
  dropped_ = 0;
  return out;
}

}  // namespace ccsim::models::internal
