// models/scenario/load.cc
// The scenario decoder: the only file that includes nlohmann/json. It checks every key,
// value and cross-reference of the format in docs/scenario-format.md, resolves names to
// dense ids, and reports all problems together (ScenarioError), each at a JSON Pointer.
// Nothing is clamped or rescaled: a value outside its range is an error.
#include "models/scenario/load.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "models/kpi/kpi_names.h"
#include "models/routing/policy_names.h"
#include "models/scenario/validate.h"
#include "sim/rng/stream_id.h"

namespace ccsim::models {
namespace {

// ordered_json keeps the document's key order, so diagnostics follow the file.
using Json = nlohmann::ordered_json;
using internal::child_pointer;
using internal::DiagnosticSink;
using internal::did_you_mean;
using internal::format_double;
using internal::join_names;
using internal::quote;

using Names = std::span<const std::string_view>;

constexpr std::uint64_t kU32Max = std::numeric_limits<std::uint32_t>::max();
constexpr std::uint64_t kU64Max = std::numeric_limits<std::uint64_t>::max();
constexpr std::uint64_t kMaxSeed = (std::uint64_t{1} << 63) - 1;
// Guards against allocating a table per period for an absurd value; a year of
// 15-minute periods is 35,040.
constexpr std::uint64_t kMaxPeriods = 1'000'000;
// Each contact type owns kPurposesPerComponent random streams (sim/rng/stream_id.h).
constexpr std::uint64_t kMaxContactTypes = sim::max_index_per_component();
// A RouteTimer event carries the index of the timer in 8 bits, and CallCenter stops
// with an invariant failure beyond 255 (models/call_center.cc): at most this many groups
// of one contact type may have a positive overflow delay.
constexpr std::size_t kMaxDelayedGroupsPerType = 255;
// The only policy that reads /router/overflow_delays_s.
constexpr std::string_view kOverflowAfterDelayPolicy = "overflow_after_delay";
static_assert(std::ranges::find(kRouterPolicyNames, kOverflowAfterDelayPolicy) != kRouterPolicyNames.end());
// The only policy that reads /router/wait_weights.
constexpr std::string_view kLongestWeightedWaitPolicy = "longest_weighted_wait";
static_assert(std::ranges::find(kRouterPolicyNames, kLongestWeightedWaitPolicy) != kRouterPolicyNames.end());
// The only policy that reads /router/reservations.
constexpr std::string_view kQueuePriorityPolicy = "queue_priority";
static_assert(std::ranges::find(kRouterPolicyNames, kQueuePriorityPolicy) != kRouterPolicyNames.end());
// Tolerance when probabilities given in decimal are added in binary.
constexpr double kProbabilitySlack = 1e-12;
constexpr std::uint32_t kDefaultReplications = 10;

// ---- the vocabulary of the format: every key and every name, in one place ----------

constexpr std::array<std::string_view, 17> kTopKeys = {
    "name",          "description", "mode", "period_s",      "num_periods",  "start_time",
    "steady_state",  "trunks",      "ivr",  "contact_types", "agent_groups", "router",
    "service_level", "targets",     "rng",  "confidence",    "$schema"};
constexpr std::array<std::string_view, 4> kSteadyKeys = {"warmup_s", "calls", "duration_s", "batches"};
constexpr std::array<std::string_view, 1> kTrunkKeys = {"lines"};
constexpr std::array<std::string_view, 1> kIvrKeys = {"ports"};
constexpr std::array<std::string_view, 7> kContactTypeKeys = {"name", "priority", "arrivals", "ivr",
                                                              "talk", "wrap_up",  "patience"};
constexpr std::array<std::string_view, 3> kIvrTreatmentKeys = {"duration", "p_self_service", "p_hangup"};
constexpr std::array<std::string_view, 2> kGroupKeys = {"name", "staffing"};
constexpr std::array<std::string_view, 7> kRouterKeys = {"policy",
                                                        "type_to_group",
                                                        "group_to_type",
                                                        "handle_time_multipliers",
                                                        "overflow_delays_s",
                                                        "wait_weights",
                                                        "reservations"};
constexpr std::array<std::string_view, 2> kReservationKeys = {"type", "agents"};
constexpr std::array<std::string_view, 4> kServiceLevelKeys = {"awt_s", "target", "definition", "short_abandon_s"};
constexpr std::array<std::string_view, 3> kTargetKeys = {"kpi", "min", "max"};
constexpr std::array<std::string_view, 2> kRngKeys = {"seed", "replications"};

constexpr std::array<std::string_view, 2> kModeNames = {"day", "steady_state"};

enum class Process : std::uint8_t { Poisson, PiecewisePoisson, Trace };
constexpr std::array<std::string_view, 3> kProcessNames = {"poisson", "piecewise_poisson", "trace"};
constexpr std::array<std::string_view, 3> kRateKeys = {"rate_per_s", "rate_per_min", "rate_per_hour"};
constexpr std::array<double, 3> kRateSeconds = {1.0, 60.0, 3600.0};
constexpr std::array<std::string_view, 4> kPoissonKeys = {"process", "rate_per_s", "rate_per_min", "rate_per_hour"};
constexpr std::array<std::string_view, 2> kPiecewiseKeys = {"process", "per_period"};
constexpr std::array<std::string_view, 2> kTraceKeys = {"process", "times_s"};
constexpr std::array<Names, 3> kProcessKeys = {Names(kPoissonKeys), Names(kPiecewiseKeys), Names(kTraceKeys)};

// Same order as sim::DistKind.
constexpr std::array<std::string_view, 8> kDistNames = {"constant", "exponential", "uniform", "lognormal",
                                                        "gamma",    "erlang",      "weibull", "empirical"};
constexpr std::array<std::string_view, 2> kConstantKeys = {"dist", "value_s"};
constexpr std::array<std::string_view, 2> kExponentialKeys = {"dist", "mean_s"};
constexpr std::array<std::string_view, 3> kUniformKeys = {"dist", "min_s", "max_s"};
constexpr std::array<std::string_view, 4> kMeanCvKeys = {"dist", "mean_s", "cv", "sd_s"};
constexpr std::array<std::string_view, 3> kErlangKeys = {"dist", "k", "mean_s"};
constexpr std::array<std::string_view, 3> kWeibullKeys = {"dist", "shape", "scale_s"};
constexpr std::array<std::string_view, 3> kEmpiricalKeys = {"dist", "values_s", "weights"};
constexpr std::array<Names, 8> kDistKeys = {Names(kConstantKeys), Names(kExponentialKeys), Names(kUniformKeys),
                                            Names(kMeanCvKeys),   Names(kMeanCvKeys),      Names(kErlangKeys),
                                            Names(kWeibullKeys),  Names(kEmpiricalKeys)};

// Same order as SlDefinition.
constexpr std::array<std::string_view, 3> kSlDefinitionNames = {
    "answered_within_t_over_offered", "answered_within_t_over_answered", "excluding_short_abandons"};

constexpr std::string_view kDistExample = R"({"dist": "exponential", "mean_s": 180})";

// ---- value descriptions and ranges ------------------------------------------------

// How a JSON value is shown after "got": numbers as written (3.0 stays 3.0), strings
// quoted, containers by kind.
std::string describe(const Json& v) {
  switch (v.type()) {
    case Json::value_t::null:
      return "null";
    case Json::value_t::boolean:
      return v.get<bool>() ? "true" : "false";
    case Json::value_t::number_integer:
      return fmt::format("{}", v.get<std::int64_t>());
    case Json::value_t::number_unsigned:
      return fmt::format("{}", v.get<std::uint64_t>());
    case Json::value_t::number_float:
      return format_double(v.get<double>());
    case Json::value_t::string: {
      const std::string& s = v.get_ref<const std::string&>();
      if (s.size() > 60) return "string " + quote(s.substr(0, 57)) + "...";
      return "string " + quote(s);
    }
    case Json::value_t::array:
      return v.empty() ? "an empty array" : "an array";
    case Json::value_t::object:
      return v.empty() ? "an empty object" : "an object";
    case Json::value_t::binary:
    case Json::value_t::discarded:
      return "an invalid value";
  }
  return "an invalid value";
}

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
  std::string text() const {
    const bool has_lo = std::isfinite(lo), has_hi = std::isfinite(hi);
    if (has_lo && has_hi) return fmt::format("in {}{}, {}{}", lo_open ? '(' : '[', lo, hi, hi_open ? ')' : ']');
    if (has_lo) return fmt::format("{} {}", lo_open ? ">" : ">=", lo);
    if (has_hi) return fmt::format("{} {}", hi_open ? "<" : "<=", hi);
    return "(any finite number)";
  }
};
constexpr Range at_least(double lo) { return {lo, false}; }
constexpr Range above(double lo) { return {lo, true}; }
constexpr Range closed(double lo, double hi) { return {lo, false, hi, false}; }

std::string int_range_text(std::uint64_t lo, std::uint64_t hi) {
  if (hi == kU32Max || hi == kU64Max) return fmt::format(">= {}", lo);
  return fmt::format("in [{}, {}]", lo, hi);
}

// ---- (contact type, agent group) tables -------------------------------------------

// A router table {"<contact type>": {"<agent group>": number, ...}, ...} whose numbers
// fill a vector of ContactTypeSpec parallel to its groups. The wording parameters make
// messages such as (for handle_time_multipliers)
//   expected an object mapping contact type names to objects {"<agent group>": factor > 0, ...}; got ...
//   expected an object mapping agent group names to factors > 0, such as {"<group>": 1.25}; got ...
//   agent group "g" does not serve contact type "t" (see ...); give factors only for the groups in that list
// A table with `bare` also takes a plain number for a type, the value of every group
// serving it: {"<contact type>": number | {"<agent group>": number, ...}, ...}. A table
// with `policy` is read only under that router policy.
struct PairTable {
  std::string_view key;                         // under /router
  std::vector<double> ContactTypeSpec::*field;  // filled parallel to ContactTypeSpec::groups
  double unlisted;                              // the value of a group the type's entry does not name
  Range range;                                  // accepted values
  std::string_view placeholder;                 // one value in the table's shape: "factor"
  std::string_view values;                      // the values of one entry: "factors"
  std::string_view short_values;                // in "give <short_values> only for ...": "factors"
  std::string_view example;                     // one accepted value: "1.25"
  bool bare = false;                            // a number for a type applies to all its groups
  std::string_view policy = {};                 // the only policy that reads it; empty: any
};

const PairTable kHandleTimeMultipliers{.key = "handle_time_multipliers",
                                       .field = &ContactTypeSpec::handle_time_multiplier,
                                       .unlisted = 1.0,
                                       .range = above(0.0),
                                       .placeholder = "factor",
                                       .values = "factors",
                                       .short_values = "factors",
                                       .example = "1.25"};
const PairTable kOverflowDelays{.key = "overflow_delays_s",
                                .field = &ContactTypeSpec::overflow_delay_s,
                                .unlisted = 0.0,
                                .range = at_least(0.0),
                                .placeholder = "seconds",
                                .values = "delays in seconds",
                                .short_values = "delays",
                                .example = "20",
                                .policy = kOverflowAfterDelayPolicy};
const PairTable kWaitWeights{.key = "wait_weights",
                             .field = &ContactTypeSpec::wait_weight,
                             .unlisted = 1.0,
                             .range = above(0.0),
                             .placeholder = "weight",
                             .values = "weights",
                             .short_values = "weights",
                             .example = "3",
                             .bare = true,
                             .policy = kLongestWeightedWaitPolicy};

// ---- duplicate keys ---------------------------------------------------------------

// nlohmann keeps only the last of two equal keys in an object; this parser callback
// reports the duplicate instead, at the pointer of the repeated key.
class DuplicateKeyFinder {
 public:
  explicit DuplicateKeyFinder(DiagnosticSink& sink) : sink_(sink) {}

  bool operator()(int /*depth*/, Json::parse_event_t event, Json& parsed) {
    switch (event) {
      case Json::parse_event_t::object_start:
      case Json::parse_event_t::array_start: {
        std::string pointer = stack_.empty() ? std::string() : current_child();
        stack_.push_back({event == Json::parse_event_t::array_start, 0, {}, {}, std::move(pointer)});
        break;
      }
      case Json::parse_event_t::key:
        if (!stack_.empty() && parsed.is_string()) {
          Frame& f = stack_.back();
          f.key = parsed.get<std::string>();
          if (!f.keys.insert(f.key).second)
            sink_.add(child_pointer(f.pointer, f.key),
                      fmt::format("duplicate key {}; each key may appear once in an object", quote(f.key)));
        }
        break;
      case Json::parse_event_t::object_end:
      case Json::parse_event_t::array_end:
        if (!stack_.empty()) stack_.pop_back();
        advance();
        break;
      case Json::parse_event_t::value:
        advance();
        break;
    }
    return true;
  }

 private:
  struct Frame {
    bool is_array;
    std::size_t next_index;
    std::string key;
    std::set<std::string> keys;
    std::string pointer;
  };
  std::string current_child() const {
    const Frame& f = stack_.back();
    return f.is_array ? child_pointer(f.pointer, f.next_index) : child_pointer(f.pointer, f.key);
  }
  void advance() {
    if (!stack_.empty() && stack_.back().is_array) ++stack_.back().next_index;
  }

  DiagnosticSink& sink_;
  std::vector<Frame> stack_;
};

// ---- the decoder ------------------------------------------------------------------

// What the cross-checks need to know about each contact type beyond its spec.
struct TypeInfo {
  std::string pointer;
  bool named = false;          // has a valid, unique name
  bool arrivals_ok = false;    // arrivals decoded without error
  bool arrives = false;        // positive rate, positive volume or a non-empty trace
  bool is_object = false;      // the element is an object (its keys could be read)
  bool has_ivr_key = false;    // has an "ivr" key, valid or not
  bool ivr_ok = false;         // IVR treatment decoded without error
  bool reaches_agents = true;  // false when its IVR contains or loses every call
  bool durations_ok = false;   // talk, wrap-up and patience decoded without error
  bool routed = false;         // appears in /router/type_to_group
  bool route_exact = false;    // ... and its route was read in full: every group in it resolved
};

struct GroupInfo {
  bool named = false;
  bool staffing_ok = false;
  bool served = false;  // some contact type routes to it
};

class Decoder {
 public:
  explicit Decoder(DiagnosticSink& sink) : sink_(sink) {}

  ScenarioSpec decode(const Json& doc, const std::string& file_label);

 private:
  void error(std::string pointer, std::string message) { sink_.add(std::move(pointer), std::move(message)); }

  // Generic readers: each reports its own error and returns nullopt on a bad value.
  static const Json* find(const Json& obj, std::string_view key);
  bool expect_object(const Json& v, const std::string& ptr, std::string_view what);
  void check_keys(const Json& obj, const std::string& ptr, Names known, std::string_view context = {});
  void missing(const std::string& ptr, std::string_view key, std::string_view accepted);
  std::optional<double> number(const Json& v, const std::string& ptr, const Range& r);
  std::optional<std::uint64_t> integer(const Json& v, const std::string& ptr, std::uint64_t lo, std::uint64_t hi);
  std::optional<std::string> string(const Json& v, const std::string& ptr, std::string_view what);
  std::optional<std::size_t> choice(const Json& v, const std::string& ptr, std::string_view noun, Names names);
  std::optional<double> number_at(const Json& obj, const std::string& ptr, std::string_view key, const Range& r,
                                  bool required);
  std::optional<std::uint64_t> integer_at(const Json& obj, const std::string& ptr, std::string_view key,
                                          std::uint64_t lo, std::uint64_t hi, bool required);

  void decode_mode(const Json& doc, ScenarioSpec& spec);
  void decode_steady(const Json& v, ScenarioSpec& spec);
  void decode_facilities(const Json& doc, ScenarioSpec& spec);
  void decode_contact_types(const Json& doc, ScenarioSpec& spec);
  void decode_contact_type(const Json& v, const std::string& ptr, ContactTypeSpec& t, TypeInfo& info);
  bool decode_arrivals(const Json& v, const std::string& ptr, ArrivalSpec& a, TypeInfo& info);
  std::optional<sim::Distribution> decode_distribution(const Json& v, const std::string& ptr, bool is_talk);
  void decode_agent_groups(const Json& doc, ScenarioSpec& spec);
  void decode_router(const Json& doc, ScenarioSpec& spec);
  void decode_routes(const Json& router, ScenarioSpec& spec);
  void decode_group_to_type(const Json& router, ScenarioSpec& spec);
  bool decode_pair_table(const Json& router, const PairTable& table, bool policy_read, ScenarioSpec& spec);
  void decode_overflow_delays(const Json& router, bool policy_read, ScenarioSpec& spec);
  void decode_reservations(const Json& router, bool policy_read, ScenarioSpec& spec);
  // Whether a router table that only `policy` reads may be read: reports it (at `ptr`)
  // when the policy set is readable and another one. An unreadable policy reads it.
  bool table_policy_ok(const std::string& ptr, std::string_view policy, bool policy_read, const ScenarioSpec& spec);
  // Whether every contact type's route is known exactly, so that the set of types an
  // agent group serves is the one the file means.
  bool all_routes_settled() const;
  // A contact type / agent group by name. An unknown name is reported at `ptr`, with a
  // "did you mean", when every entity of that kind has a readable name (otherwise the
  // unreadable one may be the one meant); `close` then receives the suggested name, if any.
  std::optional<std::size_t> resolve_type(std::string_view name, const std::string& ptr,
                                          std::optional<std::string>* close = nullptr);
  std::optional<std::size_t> resolve_group(std::string_view name, const std::string& ptr,
                                           std::optional<std::string>* close = nullptr);
  std::optional<std::size_t> resolve(const std::map<std::string, std::size_t, std::less<>>& index,
                                     const std::vector<std::string>& names, bool all_named, std::string_view noun,
                                     std::string_view name, const std::string& ptr, std::optional<std::string>* close);
  bool route_settled(std::size_t type) const;
  static bool serves(const ContactTypeSpec& t, std::size_t group);
  void decode_service_level(const Json& doc, ScenarioSpec& spec);
  void decode_targets(const Json& doc, ScenarioSpec& spec);
  void decode_rng(const Json& doc, ScenarioSpec& spec);
  void cross_check(const ScenarioSpec& spec);
  void check_steady_state_exists(const ScenarioSpec& spec);

  DiagnosticSink& sink_;
  std::optional<RunMode> mode_;
  std::optional<std::uint32_t> num_periods_;  // day mode, when valid
  std::optional<double> horizon_s_;           // day mode, when period_s and num_periods are valid
  std::uint64_t batches_ = 1;
  std::vector<TypeInfo> types_;
  std::vector<GroupInfo> groups_;
  std::map<std::string, std::size_t, std::less<>> type_index_;
  std::map<std::string, std::size_t, std::less<>> group_index_;
  std::vector<std::string> type_names_;   // valid names, in file order
  std::vector<std::string> group_names_;  // valid names, in file order
  // Unknown names in the router are reported only when every entity of that kind has a
  // readable name: otherwise the unreadable one may be the one meant.
  bool types_known_ = false;     // /contact_types is a non-empty array, every type has a name
  bool groups_known_ = false;    // /agent_groups is a non-empty array, every group has a name
  bool routes_known_ = false;    // /router/type_to_group is an object
  bool routes_readable_ = true;  // every entry in it is an array of strings
  bool route_keys_ok_ = true;    // every key in it is a defined contact type
  // Names offered as "did you mean" for a misspelt route entry: their missing route or
  // unused group would only repeat that error.
  std::set<std::string, std::less<>> suggested_;
  const Json* top_ivr_ = nullptr;
};

const Json* Decoder::find(const Json& obj, std::string_view key) {
  if (!obj.is_object()) return nullptr;
  auto it = obj.find(key);
  return it == obj.end() ? nullptr : &*it;
}

bool Decoder::expect_object(const Json& v, const std::string& ptr, std::string_view what) {
  if (v.is_object()) return true;
  error(ptr, fmt::format("expected {}; got {}", what, describe(v)));
  return false;
}

void Decoder::check_keys(const Json& obj, const std::string& ptr, Names known, std::string_view context) {
  for (auto it = obj.begin(); it != obj.end(); ++it) {
    const std::string& key = it.key();
    bool ok = false;
    for (std::string_view k : known) ok = ok || k == key;
    if (ok) continue;
    error(child_pointer(ptr, key), fmt::format("unknown key {}{}; known: {}{}", quote(key), context,
                                               join_names(known, 32), did_you_mean(key, known)));
  }
}

void Decoder::missing(const std::string& ptr, std::string_view key, std::string_view accepted) {
  error(ptr, fmt::format("missing required key {}; expected {}", quote(key), accepted));
}

std::optional<double> Decoder::number(const Json& v, const std::string& ptr, const Range& r) {
  if (!v.is_number()) {
    error(ptr, fmt::format("expected a number {}; got {}", r.text(), describe(v)));
    return std::nullopt;
  }
  const double x = v.get<double>();
  if (!r.contains(x)) {
    error(ptr, fmt::format("must be {}; got {}", r.text(), describe(v)));
    return std::nullopt;
  }
  return x;
}

std::optional<std::uint64_t> Decoder::integer(const Json& v, const std::string& ptr, std::uint64_t lo,
                                              std::uint64_t hi) {
  const std::string accepted = int_range_text(lo, hi);
  std::uint64_t u = 0;
  if (v.is_number_unsigned()) {
    u = v.get<std::uint64_t>();
  } else if (v.is_number_integer()) {
    const auto s = v.get<std::int64_t>();
    if (s < 0) {
      error(ptr, fmt::format("must be {}; got {}", accepted, s));
      return std::nullopt;
    }
    u = static_cast<std::uint64_t>(s);
  } else {
    error(ptr, fmt::format("expected an integer {}; got {}", accepted, describe(v)));
    return std::nullopt;
  }
  if (u < lo || u > hi) {
    if (u > hi && (hi == kU32Max || hi == kU64Max)) {
      error(ptr, fmt::format("must be <= {}; got {}", hi, u));
    } else {
      error(ptr, fmt::format("must be {}; got {}", accepted, u));
    }
    return std::nullopt;
  }
  return u;
}

std::optional<std::string> Decoder::string(const Json& v, const std::string& ptr, std::string_view what) {
  if (!v.is_string()) {
    error(ptr, fmt::format("expected {}; got {}", what, describe(v)));
    return std::nullopt;
  }
  return v.get<std::string>();
}

std::optional<std::size_t> Decoder::choice(const Json& v, const std::string& ptr, std::string_view noun, Names names) {
  if (!v.is_string()) {
    error(ptr, fmt::format("expected one of: {} (a string); got {}", join_names(names, 32), describe(v)));
    return std::nullopt;
  }
  const std::string& s = v.get_ref<const std::string&>();
  for (std::size_t i = 0; i < names.size(); ++i)
    if (names[i] == s) return i;
  error(ptr, fmt::format("unknown {} {}; known: {}{}", noun, quote(s), join_names(names, 32), did_you_mean(s, names)));
  return std::nullopt;
}

std::optional<double> Decoder::number_at(const Json& obj, const std::string& ptr, std::string_view key, const Range& r,
                                         bool required) {
  if (const Json* v = find(obj, key)) return number(*v, child_pointer(ptr, key), r);
  if (required) missing(ptr, key, "a number " + r.text());
  return std::nullopt;
}

std::optional<std::uint64_t> Decoder::integer_at(const Json& obj, const std::string& ptr, std::string_view key,
                                                 std::uint64_t lo, std::uint64_t hi, bool required) {
  if (const Json* v = find(obj, key)) return integer(*v, child_pointer(ptr, key), lo, hi);
  if (required) missing(ptr, key, "an integer " + int_range_text(lo, hi));
  return std::nullopt;
}

// ---- top level --------------------------------------------------------------------

ScenarioSpec Decoder::decode(const Json& doc, const std::string& file_label) {
  ScenarioSpec spec;
  spec.source_file = file_label;
  spec.name = internal::file_stem(file_label);
  if (!doc.is_object()) {
    error("", fmt::format("expected a JSON object at the top level; got {}", describe(doc)));
    return spec;
  }
  check_keys(doc, "", kTopKeys);
  if (const Json* v = find(doc, "$schema")) string(*v, "/$schema", "a string (path or URL of the JSON Schema)");
  if (const Json* v = find(doc, "name")) {
    if (auto s = string(*v, "/name", "a non-empty string")) {
      if (s->empty()) {
        error("/name", "must be a non-empty string; got \"\" (omit it to use the file name)");
      } else {
        spec.name = *s;
      }
    }
  }
  if (const Json* v = find(doc, "description")) {
    if (auto s = string(*v, "/description", "a string")) spec.description = *s;
  }
  decode_mode(doc, spec);
  decode_facilities(doc, spec);
  decode_contact_types(doc, spec);
  decode_agent_groups(doc, spec);
  decode_router(doc, spec);
  decode_service_level(doc, spec);
  decode_targets(doc, spec);
  decode_rng(doc, spec);
  if (const Json* v = find(doc, "confidence")) {
    if (auto c = number(*v, "/confidence", Range{0.0, true, 1.0, true})) spec.confidence = *c;
  }
  cross_check(spec);
  return spec;
}

void Decoder::decode_mode(const Json& doc, ScenarioSpec& spec) {
  if (const Json* m = find(doc, "mode")) {
    if (auto i = choice(*m, "/mode", "mode", kModeNames)) mode_ = *i == 0 ? RunMode::Day : RunMode::SteadyState;
  } else {
    missing("", "mode", R"("day" (planning periods over one day) or "steady_state" (stationary long run))");
  }
  if (mode_) spec.mode = *mode_;

  if (mode_ == RunMode::SteadyState) {
    for (std::string_view key : {"period_s", "num_periods", "start_time"}) {
      if (find(doc, key))
        error(child_pointer("", key),
              fmt::format("{} is only used in day mode; remove it (mode is \"steady_state\")", quote(key)));
    }
    spec.period_s = 0.0;
    spec.num_periods = 1;
    if (const Json* s = find(doc, "steady_state")) {
      decode_steady(*s, spec);
    } else {
      missing("", "steady_state", R"({"warmup_s": ..., "duration_s": ... or "calls": ...} (mode is "steady_state"))");
    }
    return;
  }

  // Day mode, or an invalid mode: still check the day keys that are present.
  const bool day = mode_ == RunMode::Day;
  if (day && find(doc, "steady_state"))
    error("/steady_state", R"("steady_state" is only used when "mode" is "steady_state"; remove it (mode is "day"))");
  const auto period = number_at(doc, "", "period_s", above(0.0), day);
  const auto periods = integer_at(doc, "", "num_periods", 1, kMaxPeriods, day);
  if (period) spec.period_s = *period;
  if (periods) {
    spec.num_periods = static_cast<std::uint32_t>(*periods);
    num_periods_ = spec.num_periods;
  }
  if (period && periods) horizon_s_ = *period * static_cast<double>(*periods);
  if (const Json* v = find(doc, "start_time")) {
    const char* accepted = R"(a clock time "HH:MM" from "00:00" to "23:59")";
    if (auto s = string(*v, "/start_time", accepted)) {
      const std::string& t = *s;
      const auto digit = [&](std::size_t i) { return t[i] >= '0' && t[i] <= '9'; };
      bool ok = t.size() == 5 && t[2] == ':' && digit(0) && digit(1) && digit(3) && digit(4);
      const int hh = ok ? (t[0] - '0') * 10 + (t[1] - '0') : 0;
      const int mm = ok ? (t[3] - '0') * 10 + (t[4] - '0') : 0;
      ok = ok && hh < 24 && mm < 60;
      if (ok) {
        spec.start_minute = static_cast<std::uint32_t>(hh * 60 + mm);
      } else {
        error("/start_time", fmt::format("expected {}; got {}", accepted, describe(*v)));
      }
    }
  }
  if (!day && find(doc, "steady_state")) decode_steady(*find(doc, "steady_state"), spec);
}

void Decoder::decode_steady(const Json& v, ScenarioSpec& spec) {
  const std::string ptr = "/steady_state";
  if (!expect_object(v, ptr, R"(an object {"warmup_s": ..., "duration_s": ... or "calls": ...})")) return;
  check_keys(v, ptr, kSteadyKeys);
  SteadyStateSpec& s = spec.steady;
  if (auto w = number_at(v, ptr, "warmup_s", at_least(0.0), false)) s.warmup_s = *w;
  const Json* calls = find(v, "calls");
  const Json* duration = find(v, "duration_s");
  std::optional<std::uint64_t> n_calls;
  if (calls) n_calls = integer(*calls, ptr + "/calls", 1, kU64Max);
  if (duration) {
    if (auto d = number(*duration, ptr + "/duration_s", above(0.0))) s.duration_s = *d;
  }
  if (n_calls) s.calls = *n_calls;
  if (calls && duration) {
    error(ptr, R"("calls" and "duration_s" are exclusive; give exactly one run length)");
  } else if (!calls && !duration) {
    error(ptr,
          R"(missing the run length; give exactly one of "calls" (an integer >= 1) or "duration_s" (a number > 0))");
  }
  if (auto b = integer_at(v, ptr, "batches", 1, kU32Max, false)) {
    s.batches = static_cast<std::uint32_t>(*b);
    batches_ = *b;
    if (n_calls && *b > *n_calls)
      error(ptr + "/batches", fmt::format("must be <= calls ({}), each batch needs a call; got {}", *n_calls, *b));
  }
}

void Decoder::decode_facilities(const Json& doc, ScenarioSpec& spec) {
  if (const Json* t = find(doc, "trunks")) {
    if (expect_object(*t, "/trunks", R"(an object {"lines": N} (omit "trunks" for unlimited lines))")) {
      check_keys(*t, "/trunks", kTrunkKeys);
      if (auto n = integer_at(*t, "/trunks", "lines", 1, kU32Max, true))
        spec.trunk_lines = static_cast<std::uint32_t>(*n);
    }
  }
  if (const Json* i = find(doc, "ivr")) {
    top_ivr_ = i;
    if (expect_object(*i, "/ivr", R"(an object {"ports": N} or {} for unlimited ports)")) {
      spec.has_ivr = true;
      check_keys(*i, "/ivr", kIvrKeys);
      if (auto n = integer_at(*i, "/ivr", "ports", 1, kU32Max, false)) spec.ivr_ports = static_cast<std::uint32_t>(*n);
    }
  }
}

// ---- contact types ----------------------------------------------------------------

void Decoder::decode_contact_types(const Json& doc, ScenarioSpec& spec) {
  const Json* cts = find(doc, "contact_types");
  if (!cts) {
    missing("", "contact_types", "a non-empty array of contact type objects");
    return;
  }
  if (!cts->is_array() || cts->empty()) {
    error("/contact_types", fmt::format("expected a non-empty array of contact type objects; got {}", describe(*cts)));
    return;
  }
  if (cts->size() > kMaxContactTypes) {
    error("/contact_types", fmt::format("at most {} contact types are supported (random stream numbering); got {}",
                                        kMaxContactTypes, cts->size()));
    return;
  }
  types_known_ = true;
  for (std::size_t i = 0; i < cts->size(); ++i) {
    const Json* name = (*cts)[i].is_object() ? find((*cts)[i], "name") : nullptr;
    if (!name || !name->is_string() || name->get_ref<const std::string&>().empty()) types_known_ = false;
  }
  for (std::size_t i = 0; i < cts->size(); ++i) {
    ContactTypeSpec t;
    TypeInfo info;
    info.pointer = child_pointer("/contact_types", i);
    decode_contact_type((*cts)[i], info.pointer, t, info);
    if (info.named) {
      type_index_.emplace(t.name, i);
      type_names_.push_back(t.name);
    }
    spec.contact_types.push_back(std::move(t));
    types_.push_back(std::move(info));
  }
}

void Decoder::decode_contact_type(const Json& v, const std::string& ptr, ContactTypeSpec& t, TypeInfo& info) {
  if (!expect_object(v, ptr, R"(a contact type object {"name": ..., "arrivals": ..., "talk": ...})")) return;
  info.is_object = true;
  check_keys(v, ptr, kContactTypeKeys);

  if (const Json* n = find(v, "name")) {
    const std::string np = ptr + "/name";
    if (auto s = string(*n, np, "a non-empty string")) {
      if (s->empty()) {
        error(np, "must be a non-empty string; got \"\"");
      } else if (auto it = type_index_.find(*s); it != type_index_.end()) {
        error(np, fmt::format("duplicate contact type name {}; names must be unique (first used at {}/name)", quote(*s),
                              child_pointer("/contact_types", it->second)));
      } else {
        t.name = *s;
        info.named = true;
      }
    }
  } else {
    missing(ptr, "name", "a non-empty string, unique among contact types");
  }

  if (auto p = integer_at(v, ptr, "priority", 0, kU32Max, false)) t.priority = static_cast<std::uint32_t>(*p);

  if (const Json* a = find(v, "arrivals")) {
    info.arrivals_ok = decode_arrivals(*a, ptr + "/arrivals", t.arrivals, info);
  } else {
    missing(ptr, "arrivals", R"(an object such as {"process": "poisson", "rate_per_hour": 200})");
  }

  info.ivr_ok = true;
  if (const Json* iv = find(v, "ivr")) {
    const std::string ip = ptr + "/ivr";
    info.ivr_ok = false;
    info.has_ivr_key = true;
    if (expect_object(*iv, ip, R"(an object {"duration": <distribution>, "p_self_service": p, "p_hangup": p})")) {
      const std::size_t before = sink_.count();
      check_keys(*iv, ip, kIvrTreatmentKeys);
      IvrTreatment treatment;
      if (const Json* d = find(*iv, "duration")) {
        if (auto dist = decode_distribution(*d, ip + "/duration", false)) treatment.duration = std::move(*dist);
      } else {
        missing(ip, "duration", fmt::format("a distribution object such as {}", kDistExample));
      }
      const auto ss = number_at(*iv, ip, "p_self_service", closed(0.0, 1.0), false);
      const auto hu = number_at(*iv, ip, "p_hangup", closed(0.0, 1.0), false);
      if (ss) treatment.p_self_service = *ss;
      if (hu) treatment.p_hangup = *hu;
      const double sum = treatment.p_self_service + treatment.p_hangup;
      if (sum > 1.0 + kProbabilitySlack) {
        error(ip, fmt::format("p_self_service + p_hangup must be <= 1 (the rest goes on to the agents); got {} + {} = "
                              "{:.6g}",
                              describe(*find(*iv, "p_self_service")), describe(*find(*iv, "p_hangup")), sum));
      }
      info.reaches_agents = sum < 1.0 - kProbabilitySlack;
      t.ivr = std::move(treatment);
      info.ivr_ok = sink_.count() == before;
    }
  }

  const std::size_t before = sink_.count();
  if (const Json* d = find(v, "talk")) {
    if (auto dist = decode_distribution(*d, ptr + "/talk", true)) t.talk = std::move(*dist);
  } else {
    missing(ptr, "talk", fmt::format("a distribution object such as {}", kDistExample));
  }
  if (const Json* d = find(v, "wrap_up")) t.wrap_up = decode_distribution(*d, ptr + "/wrap_up", false);
  if (const Json* d = find(v, "patience")) t.patience = decode_distribution(*d, ptr + "/patience", false);
  info.durations_ok = sink_.count() == before;
}

bool Decoder::decode_arrivals(const Json& v, const std::string& ptr, ArrivalSpec& a, TypeInfo& info) {
  const std::size_t before = sink_.count();
  if (!expect_object(v, ptr, R"(an object such as {"process": "poisson", "rate_per_hour": 200})")) return false;
  const Json* p = find(v, "process");
  if (!p) {
    missing(ptr, "process", fmt::format("one of: {}", join_names(kProcessNames)));
    return false;
  }
  const auto which = choice(*p, ptr + "/process", "arrival process", kProcessNames);
  if (!which) return false;
  const auto process = static_cast<Process>(*which);
  check_keys(v, ptr, kProcessKeys[*which], fmt::format(" for process {}", quote(kProcessNames[*which])));

  if (process != Process::Poisson && mode_ == RunMode::SteadyState) {
    error(ptr + "/process",
          fmt::format(R"(process {} is only accepted in day mode; in steady_state mode use "poisson")",
                      quote(kProcessNames[*which])));
    return false;
  }

  switch (process) {
    case Process::Poisson: {
      a.process = ArrivalSpec::Process::Poisson;
      std::vector<std::string_view> given;
      for (std::size_t r = 0; r < kRateKeys.size(); ++r) {
        if (!find(v, kRateKeys[r])) continue;
        given.push_back(kRateKeys[r]);
        if (auto x = number_at(v, ptr, kRateKeys[r], at_least(0.0), true)) a.rate_per_s = *x / kRateSeconds[r];
      }
      if (given.empty()) {
        error(
            ptr,
            R"(process "poisson" needs exactly one of "rate_per_s", "rate_per_min", "rate_per_hour" (a number >= 0))");
      } else if (given.size() > 1) {
        error(ptr, fmt::format("{} and {} are exclusive; give exactly one rate", quote(given[0]), quote(given[1])));
      }
      info.arrives = a.rate_per_s > 0.0;
      break;
    }
    case Process::PiecewisePoisson: {
      a.process = ArrivalSpec::Process::PiecewisePoisson;
      const Json* pp = find(v, "per_period");
      const std::string pptr = ptr + "/per_period";
      const std::string count = num_periods_ ? fmt::format("{}", *num_periods_) : std::string("num_periods");
      if (!pp) {
        missing(ptr, "per_period",
                fmt::format("an array of {} numbers >= 0 (expected arrivals in each period)", count));
      } else if (!pp->is_array()) {
        error(pptr, fmt::format("expected an array of {} numbers >= 0 (expected arrivals in each period); got {}",
                                count, describe(*pp)));
      } else {
        if (num_periods_ && pp->size() != *num_periods_)
          error(pptr, fmt::format("expected {} values (num_periods), got {}", *num_periods_, pp->size()));
        for (std::size_t k = 0; k < pp->size(); ++k) {
          if (auto x = number((*pp)[k], child_pointer(pptr, k), at_least(0.0))) {
            a.per_period.push_back(*x);
            info.arrives = info.arrives || *x > 0.0;
          }
        }
      }
      break;
    }
    case Process::Trace: {
      a.process = ArrivalSpec::Process::Trace;
      const Json* ts = find(v, "times_s");
      const std::string tptr = ptr + "/times_s";
      const Range range = horizon_s_ ? Range{0.0, false, *horizon_s_, true} : at_least(0.0);
      if (!ts) {
        missing(ptr, "times_s", "an array of non-decreasing arrival times in seconds, each " + range.text());
      } else if (!ts->is_array()) {
        error(tptr, fmt::format("expected an array of non-decreasing arrival times in seconds; got {}", describe(*ts)));
      } else {
        std::optional<double> prev;
        for (std::size_t k = 0; k < ts->size(); ++k) {
          const std::string ep = child_pointer(tptr, k);
          auto x = number((*ts)[k], ep, range);
          if (!x) continue;
          if (prev && *x < *prev) {
            error(ep, fmt::format("must be >= the previous time {} (times_s must be non-decreasing); got {}",
                                  format_double(*prev), describe((*ts)[k])));
          }
          prev = *x;
          a.times_s.push_back(*x);
        }
        info.arrives = !a.times_s.empty();
      }
      break;
    }
  }
  return sink_.count() == before;
}

std::optional<sim::Distribution> Decoder::decode_distribution(const Json& v, const std::string& ptr, bool is_talk) {
  if (!expect_object(v, ptr, fmt::format("a distribution object such as {}", kDistExample))) return std::nullopt;
  const Json* d = find(v, "dist");
  if (!d) {
    missing(ptr, "dist", fmt::format("one of: {}", join_names(kDistNames)));
    return std::nullopt;
  }
  const auto which = choice(*d, ptr + "/dist", "dist", kDistNames);
  if (!which) return std::nullopt;
  const auto kind = static_cast<sim::DistKind>(*which);
  const std::string_view name = kDistNames[*which];
  const std::size_t before = sink_.count();
  check_keys(v, ptr, kDistKeys[*which], fmt::format(" for dist {}", quote(name)));

  // Talk needs a positive mean: a call with no talk time is not a call.
  const Range value_range = is_talk ? above(0.0) : at_least(0.0);
  std::optional<sim::Distribution> out;
  switch (kind) {
    case sim::DistKind::Constant:
      if (auto x = number_at(v, ptr, "value_s", value_range, true)) out = sim::Distribution::constant(*x);
      break;
    case sim::DistKind::Exponential:
      if (auto m = number_at(v, ptr, "mean_s", above(0.0), true)) out = sim::Distribution::exponential(*m);
      break;
    case sim::DistKind::Uniform: {
      const auto lo = number_at(v, ptr, "min_s", at_least(0.0), true);
      const auto hi = number_at(v, ptr, "max_s", above(0.0), true);
      if (lo && hi) {
        if (*hi > *lo) {
          out = sim::Distribution::uniform(*lo, *hi);
        } else {
          error(ptr + "/max_s",
                fmt::format("must be > min_s ({}); got {}", describe(*find(v, "min_s")), describe(*find(v, "max_s"))));
        }
      }
      break;
    }
    case sim::DistKind::LogNormal:
    case sim::DistKind::Gamma: {
      const auto mean = number_at(v, ptr, "mean_s", above(0.0), true);
      const Json* cv_v = find(v, "cv");
      const Json* sd_v = find(v, "sd_s");
      std::optional<double> cv;
      const auto spread = [&](const Json& x, const std::string& p) -> std::optional<double> {
        if (x.is_number() && x.get<double>() == 0.0) {
          error(p, fmt::format(R"(must be > 0 (for no variability use "dist": "constant"); got {})", describe(x)));
          return std::nullopt;
        }
        return number(x, p, above(0.0));
      };
      if (cv_v && sd_v) {
        error(ptr, R"("cv" and "sd_s" are exclusive; give exactly one (cv = sd_s / mean_s))");
      } else if (!cv_v && !sd_v) {
        error(ptr,
              fmt::format(R"(dist {} needs exactly one of "cv" (a number > 0) or "sd_s" (a number > 0))", quote(name)));
      } else if (cv_v) {
        cv = spread(*cv_v, ptr + "/cv");
      } else if (auto sd = spread(*sd_v, ptr + "/sd_s"); sd && mean) {
        cv = *sd / *mean;
      }
      if (mean && cv) {
        out = kind == sim::DistKind::LogNormal ? sim::Distribution::lognormal(*mean, *cv)
                                               : sim::Distribution::gamma(*mean, *cv);
      }
      break;
    }
    case sim::DistKind::Erlang: {
      const auto k = integer_at(v, ptr, "k", 1, kU32Max, true);
      const auto mean = number_at(v, ptr, "mean_s", above(0.0), true);
      if (k && mean) out = sim::Distribution::erlang(static_cast<std::uint32_t>(*k), *mean);
      break;
    }
    case sim::DistKind::Weibull: {
      const auto shape = number_at(v, ptr, "shape", above(0.0), true);
      const auto scale = number_at(v, ptr, "scale_s", above(0.0), true);
      if (shape && scale) out = sim::Distribution::weibull(*shape, *scale);
      break;
    }
    case sim::DistKind::Empirical: {
      const Json* vs = find(v, "values_s");
      const Json* ws = find(v, "weights");
      const std::string vptr = ptr + "/values_s", wptr = ptr + "/weights";
      std::vector<double> values, weights;
      bool ok = true;
      if (!vs) {
        missing(ptr, "values_s", "a non-empty array of numbers >= 0 (seconds)");
        ok = false;
      } else if (!vs->is_array() || vs->empty()) {
        error(vptr, fmt::format("expected a non-empty array of numbers >= 0 (seconds); got {}", describe(*vs)));
        ok = false;
      } else {
        for (std::size_t i = 0; i < vs->size(); ++i) {
          if (auto x = number((*vs)[i], child_pointer(vptr, i), at_least(0.0))) {
            values.push_back(*x);
          } else {
            ok = false;
          }
        }
      }
      if (ws) {
        const std::size_t n = vs && vs->is_array() ? vs->size() : 0;
        if (!ws->is_array()) {
          error(wptr, fmt::format("expected an array of numbers >= 0, one per value; got {}", describe(*ws)));
          ok = false;
        } else {
          if (vs && vs->is_array() && ws->size() != n) {
            error(wptr, fmt::format("expected {} weights (one per value in values_s), got {}", n, ws->size()));
            ok = false;
          }
          double total = 0.0;
          bool all_ok = true;
          for (std::size_t i = 0; i < ws->size(); ++i) {
            if (auto x = number((*ws)[i], child_pointer(wptr, i), at_least(0.0))) {
              weights.push_back(*x);
              total += *x;
            } else {
              all_ok = false;
            }
          }
          if (all_ok && !(total > 0.0 && std::isfinite(total))) {
            error(wptr, "weights must have a positive (finite) sum; got all zero");
            all_ok = false;
          }
          ok = ok && all_ok;
        }
      } else {
        weights.assign(values.size(), 1.0);
      }
      if (ok && is_talk) {
        bool positive = false;
        for (std::size_t i = 0; i < values.size(); ++i) positive = positive || (values[i] > 0.0 && weights[i] > 0.0);
        if (!positive) {
          error(vptr, "talk needs a positive mean; every value with a positive weight is 0");
          ok = false;
        }
      }
      if (ok) out = sim::Distribution::empirical(std::move(values), weights);
      break;
    }
  }
  if (sink_.count() != before) return std::nullopt;
  return out;
}

// ---- agent groups -----------------------------------------------------------------

void Decoder::decode_agent_groups(const Json& doc, ScenarioSpec& spec) {
  const Json* gs = find(doc, "agent_groups");
  if (!gs) {
    missing("", "agent_groups", R"(a non-empty array of {"name": ..., "staffing": ...} objects)");
    return;
  }
  if (!gs->is_array() || gs->empty()) {
    error("/agent_groups",
          fmt::format(R"(expected a non-empty array of {{"name": ..., "staffing": ...}} objects; got {})",
                      describe(*gs)));
    return;
  }
  groups_known_ = true;
  for (std::size_t i = 0; i < gs->size(); ++i) {
    const Json* name = (*gs)[i].is_object() ? find((*gs)[i], "name") : nullptr;
    if (!name || !name->is_string() || name->get_ref<const std::string&>().empty()) groups_known_ = false;
  }
  const bool steady = mode_ == RunMode::SteadyState;
  const std::string count = num_periods_ ? fmt::format("{}", *num_periods_) : std::string("num_periods");
  for (std::size_t i = 0; i < gs->size(); ++i) {
    const Json& v = (*gs)[i];
    const std::string ptr = child_pointer("/agent_groups", i);
    AgentGroupSpec g;
    GroupInfo info;
    if (expect_object(v, ptr, R"(an agent group object {"name": ..., "staffing": ...})")) {
      check_keys(v, ptr, kGroupKeys);
      if (const Json* n = find(v, "name")) {
        const std::string np = ptr + "/name";
        if (auto s = string(*n, np, "a non-empty string")) {
          if (s->empty()) {
            error(np, "must be a non-empty string; got \"\"");
          } else if (auto it = group_index_.find(*s); it != group_index_.end()) {
            error(np, fmt::format("duplicate agent group name {}; names must be unique (first used at {}/name)",
                                  quote(*s), child_pointer("/agent_groups", it->second)));
          } else {
            g.name = *s;
            info.named = true;
          }
        }
      } else {
        missing(ptr, "name", "a non-empty string, unique among agent groups");
      }

      const std::string sp = ptr + "/staffing";
      const std::string accepted =
          steady
              ? std::string("a single integer >= 0 (steady_state mode has no periods)")
              : fmt::format("an integer >= 0 (every period) or an array of {} integers >= 0 (one per period)", count);
      const std::size_t before = sink_.count();
      if (const Json* s = find(v, "staffing")) {
        if (s->is_array()) {
          if (steady) {
            error(sp, fmt::format("expected {}; got an array", accepted));
          } else {
            if (num_periods_ && s->size() != *num_periods_)
              error(sp, fmt::format("expected {} values (num_periods), got {}", *num_periods_, s->size()));
            for (std::size_t k = 0; k < s->size(); ++k)
              if (auto x = integer((*s)[k], child_pointer(sp, k), 0, kU32Max))
                g.staffing.push_back(static_cast<std::uint32_t>(*x));
          }
        } else if (s->is_number()) {
          if (auto x = integer(*s, sp, 0, kU32Max))
            g.staffing.assign(steady ? 1 : num_periods_.value_or(1), static_cast<std::uint32_t>(*x));
        } else {
          error(sp, fmt::format("expected {}; got {}", accepted, describe(*s)));
        }
        info.staffing_ok = sink_.count() == before;
        if (info.staffing_ok) {
          bool staffed = false;
          for (std::uint32_t n : g.staffing) staffed = staffed || n > 0;
          if (!staffed) {
            error(sp, fmt::format("agent group {} is never staffed (0 agents in every period); staff at least one "
                                  "period or remove the group",
                                  info.named ? quote(g.name) : std::string("#") + std::to_string(i)));
            info.staffing_ok = false;
          }
        }
      } else {
        missing(ptr, "staffing", accepted);
      }
    }
    if (info.named) {
      group_index_.emplace(g.name, i);
      group_names_.push_back(g.name);
    }
    spec.agent_groups.push_back(std::move(g));
    groups_.push_back(info);
  }
}

// ---- router -----------------------------------------------------------------------

void Decoder::decode_router(const Json& doc, ScenarioSpec& spec) {
  const Json* r = find(doc, "router");
  if (!r) {
    missing("", "router",
            R"({"policy": "queue_priority", "type_to_group": {"<contact type>": ["<agent group>", ...]}})");
    return;
  }
  if (!expect_object(*r, "/router", R"(an object {"policy": ..., "type_to_group": {...}})")) return;
  check_keys(*r, "/router", kRouterKeys);
  bool policy_read = true;  // absent is the default policy
  if (const Json* p = find(*r, "policy")) {
    if (auto i = choice(*p, "/router/policy", "router policy", kRouterPolicyNames)) {
      spec.router.policy = std::string(kRouterPolicyNames[*i]);
    } else {
      policy_read = false;
    }
  }
  decode_routes(*r, spec);
  decode_group_to_type(*r, spec);
  decode_pair_table(*r, kHandleTimeMultipliers, policy_read, spec);
  decode_overflow_delays(*r, policy_read, spec);
  decode_pair_table(*r, kWaitWeights, policy_read, spec);
  decode_reservations(*r, policy_read, spec);
}

std::optional<std::size_t> Decoder::resolve(const std::map<std::string, std::size_t, std::less<>>& index,
                                            const std::vector<std::string>& names, bool all_named,
                                            std::string_view noun, std::string_view name, const std::string& ptr,
                                            std::optional<std::string>* close) {
  if (auto it = index.find(name); it != index.end()) return it->second;
  if (!all_named) return std::nullopt;
  error(ptr,
        fmt::format("unknown {} {}; defined: {}{}", noun, quote(name), join_names(names), did_you_mean(name, names)));
  if (close) *close = internal::closest_name(name, names);
  return std::nullopt;
}

std::optional<std::size_t> Decoder::resolve_type(std::string_view name, const std::string& ptr,
                                                 std::optional<std::string>* close) {
  return resolve(type_index_, type_names_, types_known_, "contact type", name, ptr, close);
}

std::optional<std::size_t> Decoder::resolve_group(std::string_view name, const std::string& ptr,
                                                  std::optional<std::string>* close) {
  return resolve(group_index_, group_names_, groups_known_, "agent group", name, ptr, close);
}

void Decoder::decode_routes(const Json& router, ScenarioSpec& spec) {
  const Json* table = find(router, "type_to_group");
  const std::string tptr = "/router/type_to_group";
  if (!table) {
    missing("/router", "type_to_group", R"(an object mapping each contact type name to an array of agent group names)");
    return;
  }
  if (!table->is_object()) {
    error(tptr, fmt::format("expected an object mapping each contact type name to an array of agent group names, "
                            "preferred first; got {}",
                            describe(*table)));
    return;
  }
  routes_known_ = true;
  for (auto it = table->begin(); it != table->end(); ++it) {
    const std::string& type_name = it.key();
    const std::string kp = child_pointer(tptr, type_name);
    std::optional<std::string> close;
    const std::optional<std::size_t> type = resolve_type(type_name, kp, &close);
    if (type) {
      types_[*type].routed = true;
    } else {
      route_keys_ok_ = false;
      if (close) suggested_.insert(*close);
    }
    const Json& list = it.value();
    if (!list.is_array() || list.empty()) {
      routes_readable_ = routes_readable_ && list.is_array();
      error(kp,
            fmt::format("expected a non-empty array of agent group names, preferred first; got {}", describe(list)));
      continue;
    }
    std::vector<AgentGroupId> resolved;
    std::map<std::string, std::size_t, std::less<>> seen;
    bool exact = true;
    for (std::size_t j = 0; j < list.size(); ++j) {
      const std::string ep = child_pointer(kp, j);
      auto name = string(list[j], ep, "an agent group name (a string)");
      if (!name) {
        routes_readable_ = false;
        exact = false;
        continue;
      }
      if (auto [where, fresh] = seen.emplace(*name, j); !fresh) {
        error(ep, fmt::format("agent group {} is listed twice (also at index {}); list each group once", quote(*name),
                              where->second));
        continue;
      }
      std::optional<std::string> close_group;
      const std::optional<std::size_t> g = resolve_group(*name, ep, &close_group);
      if (!g) {
        exact = false;
        if (close_group) suggested_.insert(*close_group);
        continue;
      }
      resolved.push_back(make_id<AgentGroupId>(*g));
      groups_[*g].served = true;
    }
    if (type) {
      types_[*type].route_exact = exact;
      spec.contact_types[make_id<ContactTypeId>(*type)].groups = std::move(resolved);
    }
  }
}

// Whether the route of this contact type is known exactly, so that a table that
// disagrees with it is wrong in itself and not an echo of an error in type_to_group:
// its route was read in full, or it has none and needs none (its IVR releases every
// call) while every route names a defined type.
bool Decoder::route_settled(std::size_t type) const {
  const TypeInfo& info = types_[type];
  if (!routes_known_) return false;
  if (info.routed) return info.route_exact;
  return route_keys_ok_ && info.named && info.ivr_ok && !info.reaches_agents;
}

bool Decoder::serves(const ContactTypeSpec& t, std::size_t group) {
  for (AgentGroupId g : t.groups)
    if (index(g) == group) return true;
  return false;
}

void Decoder::decode_group_to_type(const Json& router, ScenarioSpec& spec) {
  const Json* table = find(router, "group_to_type");
  if (!table) return;
  const std::string tptr = "/router/group_to_type";
  if (!table->is_object()) {
    error(tptr, fmt::format("expected an object mapping agent group names to arrays of contact type names, highest "
                            "priority first; got {}",
                            describe(*table)));
    return;
  }
  const std::string rptr = "/router/type_to_group";
  for (auto it = table->begin(); it != table->end(); ++it) {
    const std::string& group_name = it.key();
    const std::string kp = child_pointer(tptr, group_name);
    const std::optional<std::size_t> group = resolve_group(group_name, kp);
    const Json& list = it.value();
    if (!list.is_array() || list.empty()) {
      error(kp, fmt::format("expected a non-empty array of contact type names, highest priority first; got {}",
                            describe(list)));
      continue;
    }
    std::vector<ContactTypeId> order;
    std::map<std::string, std::size_t, std::less<>> seen;
    // An entry that could not be resolved may be the type that looks missing below.
    std::set<std::string, std::less<>> meant;
    bool unexplained = false;
    for (std::size_t j = 0; j < list.size(); ++j) {
      const std::string ep = child_pointer(kp, j);
      auto name = string(list[j], ep, "a contact type name (a string)");
      if (!name) {
        unexplained = true;
        continue;
      }
      if (auto [where, fresh] = seen.emplace(*name, j); !fresh) {
        error(ep, fmt::format("contact type {} is listed twice (also at index {}); list each type once", quote(*name),
                              where->second));
        continue;
      }
      std::optional<std::string> close;
      const std::optional<std::size_t> t = resolve_type(*name, ep, &close);
      if (!t) {
        // Unreported (some type has no readable name) or without a suggestion: the
        // missing type below may be this one.
        if (close) {
          meant.insert(*close);
        } else {
          unexplained = true;
        }
        continue;
      }
      order.push_back(make_id<ContactTypeId>(*t));
      if (group && !serves(spec.contact_types[make_id<ContactTypeId>(*t)], *group) && route_settled(*t)) {
        error(ep, fmt::format("contact type {} does not route to agent group {} in {}; remove it from this list or "
                              "add {} to {}",
                              quote(*name), quote(group_name), rptr, quote(group_name), child_pointer(rptr, *name)));
      }
    }
    if (!group) continue;
    if (!unexplained) {
      for (std::size_t k = 0; k < types_.size(); ++k) {
        const ContactTypeSpec& t = spec.contact_types[make_id<ContactTypeId>(k)];
        if (!types_[k].named || !serves(t, *group) || seen.contains(t.name) || meant.contains(t.name)) continue;
        error(kp, fmt::format("agent group {} serves contact type {} (it is in {}) but {} does not list it; list "
                              "every type the group serves",
                              quote(group_name), quote(t.name), child_pointer(rptr, t.name), kp));
      }
    }
    spec.agent_groups[make_id<AgentGroupId>(*group)].type_order = std::move(order);
  }
}

// A (contact type, agent group) table: see PairTable. Each listed type gets a full vector
// parallel to its groups, `unlisted` for the groups its entry does not name (a bare
// number: that number for all); types not listed keep an empty vector. Returns whether
// the table is present and was read. A table of another policy than the one set is
// reported once and not read; with an unreadable policy it is still checked (its policy
// was probably meant).
bool Decoder::decode_pair_table(const Json& router, const PairTable& pt, bool policy_read, ScenarioSpec& spec) {
  const Json* table = find(router, pt.key);
  if (!table) return false;
  const std::string tptr = child_pointer("/router", pt.key);
  if (!pt.policy.empty() && !table_policy_ok(tptr, pt.policy, policy_read, spec)) return false;
  if (!table->is_object()) {
    error(tptr, fmt::format(R"(expected an object mapping contact type names to {}objects {{"<agent group>": {} {}, )"
                            R"(...}}; got {})",
                            pt.bare ? fmt::format("{} {} or ", pt.values, pt.range.text()) : std::string(),
                            pt.placeholder, pt.range.text(), describe(*table)));
    return true;
  }
  const std::string rptr = "/router/type_to_group";
  for (auto it = table->begin(); it != table->end(); ++it) {
    const std::string& type_name = it.key();
    const std::string kp = child_pointer(tptr, type_name);
    const std::optional<std::size_t> type = resolve_type(type_name, kp);
    const Json& entry = it.value();
    ContactTypeSpec* t = type ? &spec.contact_types[make_id<ContactTypeId>(*type)] : nullptr;
    if (pt.bare && entry.is_number()) {
      const auto value = number(entry, kp, pt.range);
      if (t && value) (t->*pt.field).assign(t->groups.size(), *value);
      continue;
    }
    const std::string bare_text =
        pt.bare ? fmt::format("a {} {} for every group serving the type, or ", pt.placeholder, pt.range.text())
                : std::string();
    if (!expect_object(entry, kp,
                       fmt::format(R"({}an object mapping agent group names to {} {}, such as {{"<group>": {}}})",
                                   bare_text, pt.values, pt.range.text(), pt.example)))
      continue;
    if (t) (t->*pt.field).assign(t->groups.size(), pt.unlisted);
    for (auto f = entry.begin(); f != entry.end(); ++f) {
      const std::string& group_name = f.key();
      const std::string fp = child_pointer(kp, group_name);
      const std::optional<std::size_t> g = resolve_group(group_name, fp);
      const auto value = number(f.value(), fp, pt.range);
      if (!g || !t) continue;
      bool found = false;
      for (std::size_t i = 0; i < t->groups.size(); ++i) {
        if (index(t->groups[i]) != *g) continue;
        found = true;
        if (value) (t->*pt.field)[i] = *value;
      }
      if (!found && route_settled(*type)) {
        error(fp, fmt::format("agent group {} does not serve contact type {} (see {}); give {} only for the "
                              "groups in that list",
                              quote(group_name), quote(type_name), child_pointer(rptr, type_name), pt.short_values));
      }
    }
  }
  return true;
}

// /router/overflow_delays_s: read only by overflow_after_delay. Beyond the shared checks,
// a type may have at most kMaxDelayedGroupsPerType delayed groups.
void Decoder::decode_overflow_delays(const Json& router, bool policy_read, ScenarioSpec& spec) {
  if (!decode_pair_table(router, kOverflowDelays, policy_read, spec)) return;
  const std::string tptr = child_pointer("/router", kOverflowDelays.key);
  // A value with an error stays 0, so the count is never too high.
  for (const ContactTypeSpec& t : spec.contact_types) {
    const auto delayed =
        static_cast<std::size_t>(std::ranges::count_if(t.overflow_delay_s, [](double d) { return d > 0.0; }));
    if (delayed <= kMaxDelayedGroupsPerType) continue;
    error(child_pointer(tptr, t.name),
          fmt::format("contact type {} has {} agent groups with a positive delay; at most {} are supported (one "
                      "eligibility timer per delayed group): give the others a delay of 0",
                      quote(t.name), delayed, kMaxDelayedGroupsPerType));
  }
}

// /router/reservations: read only by queue_priority. Each entry {"type": t, "agents": n}
// makes its agent group keep its last n idle agents for calls of type t. Beyond the
// values, the loader checks what would make the reservation meaningless: t must route to
// the group, the group must serve another type, and n must leave the other types an
// agent in some period.
void Decoder::decode_reservations(const Json& router, bool policy_read, ScenarioSpec& spec) {
  const Json* table = find(router, "reservations");
  if (!table) return;
  const std::string tptr = "/router/reservations";
  if (!table_policy_ok(tptr, kQueuePriorityPolicy, policy_read, spec)) return;
  constexpr std::string_view kShape = R"({"type": "<contact type>", "agents": integer >= 1})";
  if (!table->is_object()) {
    error(tptr, fmt::format("expected an object mapping agent group names to reservations {}; got {}", kShape,
                            describe(*table)));
    return;
  }
  const std::string rptr = "/router/type_to_group";
  const bool every_route_settled = all_routes_settled();
  for (auto it = table->begin(); it != table->end(); ++it) {
    const std::string& group_name = it.key();
    const std::string kp = child_pointer(tptr, group_name);
    const std::optional<std::size_t> group = resolve_group(group_name, kp);
    const Json& entry = it.value();
    if (!expect_object(entry, kp, fmt::format("a reservation object {}", kShape))) continue;
    check_keys(entry, kp, kReservationKeys);
    const std::string tp = kp + "/type";
    std::optional<std::string> type_name;
    std::optional<std::size_t> type;
    if (const Json* t = find(entry, "type")) {
      type_name = string(*t, tp, "a contact type name (a string)");
      if (type_name) type = resolve_type(*type_name, tp);
    } else {
      missing(kp, "type", "the name of a contact type that routes to this group");
    }
    const std::optional<std::uint64_t> agents = integer_at(entry, kp, "agents", 1, kU32Max, true);
    if (!group || !type) continue;

    const ContactTypeSpec& reserved = spec.contact_types[make_id<ContactTypeId>(*type)];
    AgentGroupSpec& g = spec.agent_groups[make_id<AgentGroupId>(*group)];
    if (!serves(reserved, *group)) {
      // An inexact route (a misspelt group in it) may be the one meant to list this group.
      if (route_settled(*type)) {
        error(tp, fmt::format("contact type {} does not route to agent group {} in {}; reserve a group's agents "
                              "only for a type it serves, or add {} to {}",
                              quote(*type_name), quote(group_name), rptr, quote(group_name),
                              child_pointer(rptr, *type_name)));
      }
      continue;
    }
    if (every_route_settled) {
      bool serves_others = false;
      for (std::size_t k = 0; k < spec.contact_types.size(); ++k)
        serves_others = serves_others || (k != *type && serves(spec.contact_types[make_id<ContactTypeId>(k)], *group));
      if (!serves_others) {
        error(kp, fmt::format("reservation has no effect: agent group {} serves only contact type {}; reserve "
                              "agents of a group that also serves other types, or remove this entry",
                              quote(group_name), quote(*type_name)));
        continue;
      }
    }
    if (!agents) continue;
    if (groups_[*group].staffing_ok) {
      const std::uint32_t most = std::ranges::max(g.staffing);
      if (*agents >= most) {
        error(kp + "/agents",
              fmt::format("reserving {} agent{} leaves none for the other types of agent group {} (its staffing is "
                          "at most {}); {}",
                          *agents, *agents == 1 ? "" : "s", quote(group_name), most,
                          most >= 2 ? fmt::format("reserve at most {}", most - 1)
                                    : std::string("a reservation needs a group staffed with at least 2 agents in "
                                                  "some period")));
        continue;
      }
    }
    g.reserved_for = make_id<ContactTypeId>(*type);
    g.reserved_agents = static_cast<std::uint32_t>(*agents);
  }
}

bool Decoder::table_policy_ok(const std::string& ptr, std::string_view policy, bool policy_read,
                              const ScenarioSpec& spec) {
  if (!policy_read || spec.router.policy == policy) return true;
  error(ptr, fmt::format("only used by policy {}; set /router/policy to it or remove this table", quote(policy)));
  return false;
}

bool Decoder::all_routes_settled() const {
  if (!types_known_ || !routes_known_ || !routes_readable_ || !route_keys_ok_) return false;
  for (std::size_t k = 0; k < types_.size(); ++k)
    if (!route_settled(k)) return false;
  return true;
}

// ---- service level, targets, rng ---------------------------------------------------

void Decoder::decode_service_level(const Json& doc, ScenarioSpec& spec) {
  const Json* s = find(doc, "service_level");
  if (!s) return;
  const std::string ptr = "/service_level";
  if (!expect_object(*s, ptr, R"(an object {"awt_s": 20, "target": 0.8, ...})")) return;
  check_keys(*s, ptr, kServiceLevelKeys);
  ServiceLevelSpec& sl = spec.service_level;
  if (auto x = number_at(*s, ptr, "awt_s", at_least(0.0), false)) sl.awt_s = *x;
  if (auto x = number_at(*s, ptr, "target", Range{0.0, true, 1.0, false}, false)) sl.target = *x;
  if (const Json* d = find(*s, "definition")) {
    if (auto i = choice(*d, ptr + "/definition", "service level definition", kSlDefinitionNames))
      sl.definition = static_cast<SlDefinition>(*i);
  }
  if (auto x = number_at(*s, ptr, "short_abandon_s", at_least(0.0), false)) sl.short_abandon_s = *x;
}

void Decoder::decode_targets(const Json& doc, ScenarioSpec& spec) {
  // The service-level target always comes first; it has a default.
  spec.targets.push_back({Kpi::ServiceLevel, TargetBound::AtLeast, spec.service_level.target});
  const Json* ts = find(doc, "targets");
  if (!ts) return;
  if (!ts->is_array()) {
    error("/targets",
          fmt::format(R"(expected an array of {{"kpi": ..., "min" or "max": ...}} objects; got {})", describe(*ts)));
    return;
  }
  std::map<std::pair<Kpi, TargetBound>, std::size_t> seen;
  for (std::size_t i = 0; i < ts->size(); ++i) {
    const Json& v = (*ts)[i];
    const std::string ptr = child_pointer("/targets", i);
    if (!expect_object(v, ptr, R"(a target object {"kpi": ..., "min" or "max": ...})")) continue;
    check_keys(v, ptr, kTargetKeys);
    std::optional<Kpi> kpi;
    if (const Json* k = find(v, "kpi")) {
      if (auto idx = choice(*k, ptr + "/kpi", "KPI", kKpiNames)) {
        kpi = static_cast<Kpi>(*idx);
        if (*kpi == Kpi::ServiceLevel) {
          error(ptr + "/kpi",
                "the service-level target is set in /service_level/target (with /service_level/awt_s); remove this "
                "entry");
          kpi.reset();
          continue;
        }
      }
    } else {
      missing(ptr, "kpi", fmt::format("a KPI name, one of: {}", join_names(kKpiNames, 32)));
    }
    const Json* mn = find(v, "min");
    const Json* mx = find(v, "max");
    if (mn && mx) {
      error(ptr, R"("min" and "max" are exclusive; give exactly one (use two entries for a band))");
      continue;
    }
    if (!mn && !mx) {
      error(ptr, R"(missing the bound; give exactly one of "min" (the KPI must be at least this) or "max" (at most))");
      continue;
    }
    if (!kpi) continue;
    const bool fraction = kpi_is_fraction(*kpi);
    const Range range = fraction ? closed(0.0, 1.0) : at_least(0.0);
    const Json& bound_v = mn ? *mn : *mx;
    const std::string bp = ptr + (mn ? "/min" : "/max");
    std::optional<double> value;
    if (fraction && bound_v.is_number() && std::isfinite(bound_v.get<double>()) &&
        !range.contains(bound_v.get<double>())) {
      error(bp, fmt::format("must be in [0, 1] ({} is a fraction: write 5% as 0.05); got {}", kpi_name(*kpi),
                            describe(bound_v)));
    } else {
      value = number(bound_v, bp, range);
    }
    if (!value) continue;
    const TargetBound bound = mn ? TargetBound::AtLeast : TargetBound::AtMost;
    if (auto [where, fresh] = seen.emplace(std::pair{*kpi, bound}, i); !fresh) {
      error(ptr, fmt::format("duplicate target: {} already has a {} at /targets/{}", kpi_name(*kpi),
                             mn ? "\"min\"" : "\"max\"", where->second));
      continue;
    }
    spec.targets.push_back({*kpi, bound, *value});
  }
}

void Decoder::decode_rng(const Json& doc, ScenarioSpec& spec) {
  spec.seed = 1;
  spec.replications = batches_ > 1 ? 1 : kDefaultReplications;
  const Json* r = find(doc, "rng");
  if (!r) return;
  if (!expect_object(*r, "/rng", R"(an object {"seed": ..., "replications": ...})")) return;
  check_keys(*r, "/rng", kRngKeys);
  if (auto s = integer_at(*r, "/rng", "seed", 0, kMaxSeed, false)) spec.seed = *s;
  if (auto n = integer_at(*r, "/rng", "replications", 1, kU32Max, false)) {
    if (batches_ > 1 && *n != 1) {
      error("/rng/replications",
            fmt::format("must be 1 when /steady_state/batches > 1 (batch means replace replications); got {}", *n));
    } else {
      spec.replications = static_cast<std::uint32_t>(*n);
    }
  }
}

// ---- checks across sections ---------------------------------------------------------

void Decoder::cross_check(const ScenarioSpec& spec) {
  bool any_ivr = false, all_read = !types_.empty();
  for (std::size_t i = 0; i < types_.size(); ++i) {
    const TypeInfo& info = types_[i];
    const ContactTypeSpec& t = spec.contact_types[make_id<ContactTypeId>(i)];
    any_ivr = any_ivr || info.has_ivr_key;
    all_read = all_read && info.is_object;
    if (!t.ivr) continue;
    if (!top_ivr_) {
      error(info.pointer + "/ivr",
            fmt::format(R"(contact type {} has an IVR treatment but the scenario has no top-level "ivr" object; add )"
                        R"("ivr": {{}} (unlimited ports) or "ivr": {{"ports": N}})",
                        info.named ? quote(t.name) : std::string("#") + std::to_string(i)));
    }
  }
  if (top_ivr_ && !any_ivr && all_read) {
    error("/ivr", R"(no contact type has an ivr treatment; remove "ivr" or give a contact type an "ivr" object)");
  }

  bool all_arrivals_ok = !types_.empty(), anything_arrives = false;
  for (const TypeInfo& info : types_) {
    all_arrivals_ok = all_arrivals_ok && info.arrivals_ok;
    anything_arrives = anything_arrives || info.arrives;
  }
  if (all_arrivals_ok && !anything_arrives) {
    error("/contact_types",
          "nothing arrives: every contact type has a zero rate, zero volumes or an empty trace; give at least one a "
          "positive arrival rate or a trace time");
  }

  if (routes_known_) {
    for (std::size_t i = 0; i < types_.size(); ++i) {
      const TypeInfo& info = types_[i];
      if (!info.named || info.routed || !info.ivr_ok || !info.reaches_agents) continue;
      const std::string& name = spec.contact_types[make_id<ContactTypeId>(i)].name;
      if (suggested_.contains(name)) continue;
      error("/router/type_to_group",
            fmt::format("contact type {} has no route; add {}: [\"<agent group>\", ...] (every contact type that can "
                        "reach agents needs one)",
                        quote(name), quote(name)));
    }
    for (std::size_t i = 0; i < groups_.size() && routes_readable_; ++i) {
      if (!groups_[i].named || groups_[i].served) continue;
      if (suggested_.contains(spec.agent_groups[make_id<AgentGroupId>(i)].name)) continue;
      error(child_pointer("/agent_groups", i),
            fmt::format("agent group {} serves no contact type; list it in /router/type_to_group or remove it",
                        quote(spec.agent_groups[make_id<AgentGroupId>(i)].name)));
    }
  }

  if (spec.mode == RunMode::SteadyState && mode_ && sink_.empty()) check_steady_state_exists(spec);
}

// Without trunks every arrival that passes the IVR eventually needs an agent. If the
// types that never abandon bring at least as much work as all the agents who can serve
// them, their queue grows without bound and a long-run average does not exist. Types
// behind a finite IVR are left out (the ports may block part of them), so the sum is a
// lower bound and the check never rejects a stable system; it is a necessary condition
// only: multi-skill pools can be unstable below it.
void Decoder::check_steady_state_exists(const ScenarioSpec& spec) {
  if (spec.trunk_lines) return;
  double load = 0.0;
  std::vector<bool> reachable(spec.agent_groups.size(), false);
  std::vector<std::string> names;
  for (const ContactTypeSpec& t : spec.contact_types) {
    if (t.patience || (t.ivr && spec.ivr_ports)) continue;
    double to_agents = 1.0;
    if (t.ivr) to_agents -= t.ivr->p_self_service + t.ivr->p_hangup;
    if (to_agents <= 0.0 || t.arrivals.rate_per_s <= 0.0) continue;
    const double work_s = t.talk.mean() + (t.wrap_up ? t.wrap_up->mean() : 0.0);
    load += t.arrivals.rate_per_s * to_agents * work_s;
    names.push_back(t.name);
    for (AgentGroupId g : t.groups) reachable[index(g)] = true;
  }
  if (names.empty()) return;
  double agents = 0.0;
  for (std::size_t g = 0; g < reachable.size(); ++g)
    if (reachable[g]) agents += spec.agent_groups[make_id<AgentGroupId>(g)].staffing.front();
  if (load < agents) return;
  error("", fmt::format("no steady state: contact types with infinite patience ({}) offer {:.4g} erlangs (rate x mean "
                        "talk and wrap-up) to {} agents, so their queue grows without bound; the offered load must "
                        "be < the agents: add agents, give them a \"patience\", or set \"trunks\"",
                        join_names(names), load, agents));
}

// ---- parsing ------------------------------------------------------------------------

// nlohmann's message after its "[json.exception.parse_error.101] parse error at " prefix.
std::string parse_error_detail(const std::string& what) {
  const std::string marker = "parse error at ";
  if (auto p = what.find(marker); p != std::string::npos) return what.substr(p + marker.size());
  if (auto p = what.find("] "); p != std::string::npos) return what.substr(p + 2);
  return what;
}

}  // namespace

ScenarioSpec load_scenario_text(std::string_view json_text, const std::string& file_label) {
  DiagnosticSink sink;
  Json doc;
  {
    DiagnosticSink duplicates;
    DuplicateKeyFinder finder(duplicates);
    try {
      doc = Json::parse(
          json_text.begin(), json_text.end(),
          [&finder](int depth, Json::parse_event_t event, Json& parsed) { return finder(depth, event, parsed); });
    } catch (const nlohmann::json::parse_error& e) {
      throw ScenarioError(file_label,
                          {{"", fmt::format("invalid JSON at byte {}, {}", e.byte, parse_error_detail(e.what()))}});
    } catch (const nlohmann::json::exception& e) {
      // e.g. out_of_range.406 "number overflow parsing '1e400'"
      const std::string what = e.what();
      const auto p = what.find("] ");
      throw ScenarioError(file_label, {{"", fmt::format("invalid JSON: {} (numbers must fit a double)",
                                                        p == std::string::npos ? what : what.substr(p + 2))}});
    }
    for (Diagnostic& d : duplicates.take()) sink.add(std::move(d.pointer), std::move(d.message));
  }
  Decoder decoder(sink);
  ScenarioSpec spec = decoder.decode(doc, file_label);
  if (!sink.empty()) throw ScenarioError(file_label, sink.take());
  return spec;
}

ScenarioSpec load_scenario_file(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (!fs::exists(status))
    throw ScenarioError(path, {{"", "cannot read the scenario file: no such file (expected a path to a .json file)"}});
  if (fs::is_directory(status))
    throw ScenarioError(path, {{"", "cannot read the scenario file: it is a directory (expected a .json file)"}});
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    const int err = errno;
    throw ScenarioError(path, {{"", fmt::format("cannot read the scenario file: {}", std::strerror(err))}});
  }
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) throw ScenarioError(path, {{"", "cannot read the scenario file: read error"}});
  return load_scenario_text(text, path);
}

}  // namespace ccsim::models
