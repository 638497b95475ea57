#include "models/scenario/diagnostics.h"

#include <fmt/format.h>

#include "models/scenario/message_text.h"

namespace ccsim::models {
namespace {

using internal::escape_controls;

// "<file>: <pointer>: <message>" per line; a whole-document diagnostic (pointer "")
// prints as "<file>: <message>". Lines are separated, not terminated, by '\n'. The file
// name, a key in the pointer and any name a message lists are the user's, and may hold a
// newline or an escape sequence: all three are printed with their control characters
// escaped, so one problem is always one line.
std::string join_lines(const std::string& file, const std::vector<Diagnostic>& diagnostics) {
  const std::string shown_file = escape_controls(file);
  if (diagnostics.empty()) return fmt::format("{}: invalid scenario", shown_file);
  std::string out;
  for (const Diagnostic& d : diagnostics) {
    if (!out.empty()) out += '\n';
    if (d.pointer.empty()) {
      out += fmt::format("{}: {}", shown_file, escape_controls(d.message));
    } else {
      out += fmt::format("{}: {}: {}", shown_file, escape_controls(d.pointer), escape_controls(d.message));
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
