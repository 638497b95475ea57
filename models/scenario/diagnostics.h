// models/scenario/diagnostics.h
// ScenarioError: every problem found in a scenario, reported together.
// Each Diagnostic is one line: "<file>: <JSON pointer>: <what is wrong>; <what is accepted>".
// Diagnostics keep the user's strings as they are; what() shows their control characters
// escaped (\n, \u001b), so that a key holding a newline cannot split a line.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace ccsim::models {

struct Diagnostic {
  std::string pointer;  // RFC 6901, "" for the whole document
  std::string message;  // what is wrong; what is accepted [ (did you mean "x"?)]
};

class ScenarioError : public std::runtime_error {
 public:
  ScenarioError(std::string file, std::vector<Diagnostic> diagnostics);
  const std::string& file() const { return file_; }
  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }

 private:
  std::string file_;
  std::vector<Diagnostic> diagnostics_;
};

// One line per diagnostic, as printed by the CLI.
std::string format_diagnostics(const ScenarioError& e);

}  // namespace ccsim::models
