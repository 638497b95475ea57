// models/scenario/diagnostic_sink.h
// DiagnosticSink: collects the problems found in a scenario or a baseline, in the order
// they are found, keeping the first kMaxDiagnostics.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "models/scenario/diagnostics.h"

namespace ccsim::models::internal {

// Diagnostics beyond this many are counted, not kept; one closing line says how many.
inline constexpr std::size_t kMaxDiagnostics = 20;

// Collects diagnostics in the order they are found. take() appends the
// "... N more errors not shown" line when some were dropped.
class DiagnosticSink {
 public:
  void add(std::string pointer, std::string message);
  std::size_t count() const { return kept_.size() + dropped_; }
  bool empty() const { return count() == 0; }
  std::vector<Diagnostic> take();

 private:
  std::vector<Diagnostic> kept_;
  std::size_t dropped_ = 0;
};

}  // namespace ccsim::models::internal
