// models/scenario/validate.h
// JSON-free helpers of the scenario checks (the loader, load*.cc, validate_spec.cc) and
// of the baseline reader (cli/baseline.cc), so that all report errors alike: the limits
// and number ranges they share, the diagnostic collector (stops keeping lines after
// kMaxDiagnostics), RFC 6901 pointer escaping, quoting, name lists, the "did you mean"
// suggestion by edit distance, whether a law's draws are finite, and reading an input file.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "models/routing/policy_names.h"
#include "models/scenario/diagnostics.h"
#include "models/scenario/spec.h"
#include "sim/rng/stream_id.h"

namespace ccsim::models::internal {

// Diagnostics beyond this many are counted, not kept; one closing line says how many.
inline constexpr std::size_t kMaxDiagnostics = 20;

// Arrays and objects nested deeper than this stop the parse with a located error. The
// deepest key of the format is 7 levels down (/agent_groups/0/shifts/0/breaks/0/window);
// without a limit a file nested 40,000 deep was parsed and walked level by level.
inline constexpr std::size_t kMaxNestingDepth = 64;
// Guards against allocating a table per period for an absurd value; a year of
// 15-minute periods is 35,040.
inline constexpr std::uint64_t kMaxPeriods = 1'000'000;
// Each contact type owns kPurposesPerComponent random streams (sim/rng/stream_id.h).
inline constexpr std::uint64_t kMaxContactTypes = sim::max_index_per_component();
// A RouteTimer event carries the index of the timer in 8 bits, and CallCenter stops
// with an invariant failure beyond 255 (models/call_center.cc): at most this many groups
// of one contact type may have a positive overflow delay.
inline constexpr std::size_t kMaxDelayedGroupsPerType = 255;
// The only policy that reads /router/overflow_delays_s (ContactTypeSpec::overflow_delay_s).
inline constexpr std::string_view kOverflowAfterDelayPolicy = "overflow_after_delay";
static_assert(std::ranges::find(kRouterPolicyNames, kOverflowAfterDelayPolicy) != kRouterPolicyNames.end());
// The only policy that reads /router/wait_weights (ContactTypeSpec::wait_weight).
inline constexpr std::string_view kLongestWeightedWaitPolicy = "longest_weighted_wait";
static_assert(std::ranges::find(kRouterPolicyNames, kLongestWeightedWaitPolicy) != kRouterPolicyNames.end());
// The only policy that reads /router/reservations (AgentGroupSpec::reserved_agents).
inline constexpr std::string_view kQueuePriorityPolicy = "queue_priority";
static_assert(std::ranges::find(kRouterPolicyNames, kQueuePriorityPolicy) != kRouterPolicyNames.end());
// Tolerance when probabilities given in decimal are added in binary.
inline constexpr double kProbabilitySlack = 1e-12;

// An interval of accepted numbers; text() is what the messages print ("> 0", "in [0, 1]").
struct Range {
  double lo = -std::numeric_limits<double>::infinity();
  bool lo_open = false;
  double hi = std::numeric_limits<double>::infinity();
  bool hi_open = false;

  bool contains(double x) const {
    if (!std::isfinite(x)) return false;
    if (lo_open ? !(x > lo) : !(x >= lo)) return false;
    if (hi_open ? !(x < hi) : !(x <= hi)) return false;
    return true;
  }
  std::string text() const;
};
// A percentage typed for a fraction, written as the fraction: "6" -> "0.06", "30" ->
// "0.30", "12.5" -> "0.125" (the decimal point moved two places in the shortest text,
// so that no binary rounding shows).
std::string hundredth_text(double x);
constexpr Range at_least(double lo) { return {lo, false}; }
constexpr Range above(double lo) { return {lo, true}; }
constexpr Range closed(double lo, double hi) { return {lo, false, hi, false}; }

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
// `text` with its control characters escaped as quote() does (a newline as \n, ESC as
// \u001b), nothing else changed: for a user's string shown unquoted in a message (a file
// name, a JSON pointer), so that the message stays one line and cannot drive the terminal.
std::string escape_controls(std::string_view text);

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

// Why a law with valid parameters still cannot be simulated: its mean or some draw would
// not be a finite number (cv 1e200 makes a gamma scale of inf, a mean_s of 1e308 an
// exponential draw of inf). The message says which, and what limit on one parameter
// fixes it, the others kept: "... ; accepted: cv <= 1.83e+152 with the other parameters
// as given ...". nullopt for a law that is fine. Shared by the loader (JSON names) and
// validate_spec; both report it at the law's pointer.
std::optional<std::string> law_not_finite(const sim::Distribution& d);

// Steady state only. Without trunks every arrival that passes the IVR eventually needs
// an agent. If the types that never abandon bring at least as much work as all the
// agents who can serve them, their queue grows without bound and a long-run average
// does not exist: returns the problem, located at the type that brings the most work.
// Types behind finite IVR ports count the share the ports pass (1 - Erlang B over every
// IVR type's port load: exact for Poisson arrivals and any IVR duration law), so ports
// that rarely fill change nothing. The types that abandon are left out, so the sum is a
// lower bound and the check never rejects a stable system; it is a necessary condition
// only: multi-skill pools can be unstable below it. Needs a spec whose ids and staffing sizes are valid.
std::optional<Diagnostic> steady_state_overload(const ScenarioSpec& spec);

// The file stem used as the default scenario name: "scenarios/bench/model_a.json" -> "model_a".
std::string file_stem(std::string_view path);

// The largest input file read_input_file accepts: 64 MiB, thousands of times any real
// scenario or baseline, so that a wrong path fails at once with a message instead of
// filling memory (docs/scenario-format.md, Error messages).
// The largest mean per period (AHT, patience): 10^9 s, past any real contact, so that
// the draws scaled to it stay finite.
inline constexpr double kMaxPerPeriodMeanS = 1e9;

inline constexpr std::uintmax_t kMaxInputFileBytes = std::uintmax_t{64} << 20;

// The bytes of the input file at `path` (a scenario, a baseline): every file a user names
// is read here. A missing file, anything but a regular file (a directory, /dev/zero, a
// FIFO: never opened in a way that blocks), a file over kMaxInputFileBytes or a read error
// throws ScenarioError(path, ...) with one whole-document diagnostic "cannot read the
// <noun>: ..."; `missing_hint` follows "no such file", and `expected` ("a .json file")
// follows a path that is not a regular file.
std::string read_input_file(const std::string& path, std::string_view noun, std::string_view missing_hint,
                            std::string_view expected);

// nlohmann's parse-error text without its "[json.exception.parse_error.101] parse
// error at " prefix: "line 3, column 5: syntax error ...".
std::string json_error_detail(const std::string& what);

}  // namespace ccsim::models::internal
