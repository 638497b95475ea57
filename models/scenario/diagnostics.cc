#include "models/scenario/diagnostics.h"

#include <fmt/format.h>

namespace ccsim::models {
namespace {

// "<file>: <pointer>: <message>" per line; a whole-document diagnostic (pointer "")
// prints as "<file>: <message>". Lines are separated, not terminated, by '\n'.
std::string join_lines(const std::string& file, const std::vector<Diagnostic>& diagnostics) {
  if (diagnostics.empty()) return fmt::format("{}: invalid scenario", file);
  std::string out;
  for (const Diagnostic& d : diagnostics) {
    if (!out.empty()) out += '\n';
    if (d.pointer.empty()) {
      out += fmt::format("{}: {}", file, d.message);
    } else {
      out += fmt::format("{}: {}: {}", file, d.pointer, d.message);
    }
  }
  return out;
}

}  // namespace

ScenarioError::ScenarioError(std::string file, std::vector<Diagnostic> diagnostics)
    : std::runtime_error(join_lines(file, diagnostics)), file_(std::move(file)), diagnostics_(std::move(diagnostics)) {}

// what() plus a final newline: ready to write to stderr as is.
std::string format_diagnostics(const ScenarioError& e) { return std::string(e.what()) + '\n'; }

}  // namespace ccsim::models
