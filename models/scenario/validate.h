// models/scenario/validate.h
// JSON-free helpers of the scenario loader: the diagnostic collector (stops keeping
// lines after kMaxDiagnostics), RFC 6901 pointer escaping, quoting, name lists and the
// "did you mean" suggestion by edit distance, reading an input file. Used by load*.cc and
// by the baseline reader (cli/baseline.cc), so that both report errors alike.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
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

// One reference token of a JSON Pointer: "~" -> "~0", "/" -> "~1" (RFC 6901).
std::string escape_pointer_token(std::string_view token);
// parent + "/" + escaped token; parent "" is the whole document.
std::string child_pointer(std::string_view parent, std::string_view token);
std::string child_pointer(std::string_view parent, std::size_t index);

// `"text"` with quotes, backslashes and control characters escaped as in JSON.
std::string quote(std::string_view text);

// "a, b, c"; after `limit` names: "a, b, ... (12 more)".
std::string join_names(std::span<const std::string_view> names, std::size_t limit = 12);
std::string join_names(std::span<const std::string> names, std::size_t limit = 12);

// Optimal string alignment distance: insertions, deletions, substitutions and
// transpositions of adjacent characters each cost 1 ("frist" -> "first" is 1).
std::size_t edit_distance(std::string_view a, std::string_view b);

// The closest known name when it is close enough to be a likely typo: distance at
// most 1 for names up to 3 characters, 2 up to 6, a third of the length beyond that,
// and never a complete rewrite. Ties go to the earlier name.
std::optional<std::string> closest_name(std::string_view bad, std::span<const std::string_view> known);
std::optional<std::string> closest_name(std::string_view bad, std::span<const std::string> known);

// ` (did you mean "x"?)` or "" when nothing is close.
std::string did_you_mean(std::string_view bad, std::span<const std::string_view> known);
std::string did_you_mean(std::string_view bad, std::span<const std::string> known);

// Shortest text that reads back as the same double (fmt's "{}"), with ".0" added to
// integral values so that 3.0 is not shown as the integer 3.
std::string format_double(double x);

// The file stem used as the default scenario name: "scenarios/bench/model_a.json" -> "model_a".
std::string file_stem(std::string_view path);

// The bytes of the input file at `path` (a scenario, a baseline). A missing file, a
// directory or a read error throws ScenarioError(path, ...) with one whole-document
// diagnostic "cannot read the <noun>: ..."; `missing_hint` follows "no such file".
std::string read_input_file(const std::string& path, std::string_view noun, std::string_view missing_hint);

// nlohmann's parse-error text without its "[json.exception.parse_error.101] parse
// error at " prefix: "line 3, column 5: syntax error ...".
std::string json_error_detail(const std::string& what);

}  // namespace ccsim::models::internal
