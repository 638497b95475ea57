// models/scenario/load_internal.h
// The scenario decoder shared by models/scenario/load*.cc: the Decoder class, the
// vocabulary of the format (every key and every name), ranges and value descriptions.
// Private to models/scenario/: JSON appears only in models/scenario/load*.cc and this private header.
#pragma once

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <limits>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "models/routing/policy_names.h"
#include "models/scenario/diagnostic_sink.h"
#include "models/scenario/diagnostics.h"
#include "models/scenario/message_text.h"
#include "models/scenario/range.h"
#include "models/scenario/spec.h"
#include "models/scenario/workforce_rules.h"

namespace ccsim::models::internal {

// ordered_json keeps the document's key order, so diagnostics follow the file.
using Json = nlohmann::ordered_json;

using Names = std::span<const std::string_view>;

constexpr std::uint64_t kU32Max = std::numeric_limits<std::uint32_t>::max();
constexpr std::uint64_t kU64Max = std::numeric_limits<std::uint64_t>::max();
constexpr std::uint64_t kMaxSeed = (std::uint64_t{1} << 63) - 1;
constexpr std::uint32_t kDefaultReplications = 10;

// ---- the vocabulary of the format: every key and every name, in one place ----------

constexpr std::array<std::string_view, 24> kTopKeys = {
    "name",          "description", "mode", "period_s",      "num_periods",  "start_time", "days",
    "steady_state",  "trunks",      "ivr",  "forecast",      "staffing_plan", "contact_types",
    "agent_groups",  "router",      "service_level", "targets", "rng",      "confidence",
    "check",         "costs",       "closing", "busyness", "$schema"};
constexpr std::array<std::string_view, 3> kBusynessKeys = {"cv", "interval_cv", "per"};
// Same order as BusynessSpec::per_type (false, true).
constexpr std::array<std::string_view, 2> kBusynessPerNames = {"centre", "contact_type"};
// Same order as Closing.
constexpr std::array<std::string_view, 3> kClosingNames = {closing_name(Closing::ServeAfterClose),
                                                           closing_name(Closing::DisconnectAtClose),
                                                           closing_name(Closing::DisconnectNoAgent)};
constexpr std::array<std::string_view, 3> kCostKeys = {"currency", "per_abandoned_call", "per_answered_call"};
constexpr std::array<std::string_view, 4> kSteadyKeys = {"warmup_s", "calls", "duration_s", "batches"};
constexpr std::array<std::string_view, 1> kTrunkKeys = {"lines"};
constexpr std::array<std::string_view, 1> kIvrKeys = {"ports"};
constexpr std::array<std::string_view, 20> kContactTypeKeys = {
    "name",       "channel", "due_s",  "interruptible", "dialer",    "priority", "arrivals",
    "ivr",        "talk",    "wrap_up", "patience", "aht_per_period_s", "patience_per_period_s", "service_level",
    "max_wait_s", "balking", "redial", "transfers", "returns",  "callback"};
// Same order as Channel.
constexpr std::array<std::string_view, 4> kChannelNames = {channel_name(Channel::Voice), channel_name(Channel::Email),
                                                           channel_name(Channel::Chat),
                                                           channel_name(Channel::Outbound)};
constexpr std::array<std::string_view, 4> kDialerKeys = {"threshold", "ratio", "dial", "p_reach"};
constexpr std::string_view kDialerAccepted =
    R"(an object {"threshold": n, "ratio": r, "dial": <distribution>, "p_reach": p}: keep round(r x (idle agents )"
    R"(- n)) dials in progress, each taking "dial" and reaching the customer with probability p)";
constexpr std::array<std::string_view, 3> kTransferKeys = {"to", "p", "handle"};
constexpr std::array<std::string_view, 3> kReturnKeys = {"p", "delay", "as"};
constexpr std::array<std::string_view, 8> kCallbackKeys = {
    "offer_above_wait_s", "p_accept", "to", "delay", "dial", "p_reach", "max_attempts", "retry_delay"};
constexpr std::array<std::string_view, 2> kBalkingKeys = {"p_by_queue_length", "p_by_announced_wait"};
constexpr std::array<std::string_view, 2> kBalkStepKeys = {"above_s", "p"};
constexpr std::array<std::string_view, 6> kRedialKeys = {"after", "p_by_attempt", "max_attempts",
                                                         "delay", "patience", "handle_time"};
// Same order as AttemptEnd.
constexpr std::array<std::string_view, kNumAttemptEnds> kAttemptEndNames = {
    attempt_end_name(AttemptEnd::Blocked),  attempt_end_name(AttemptEnd::IvrHangup),
    attempt_end_name(AttemptEnd::Abandoned), attempt_end_name(AttemptEnd::Balked),
    attempt_end_name(AttemptEnd::TimedOut), attempt_end_name(AttemptEnd::Disconnected)};
// What a redial does with a draw of the first attempt: index 1 keeps it.
constexpr std::array<std::string_view, 2> kRedialDrawNames = {"redraw", "keep"};
constexpr std::array<std::string_view, 3> kForecastKeys = {"file", "volume", "overrides"};
constexpr std::array<std::string_view, 2> kStaffingPlanKeys = {"file", "overrides"};
// Same order as ScenarioSpec::ForecastSource::per_hour (false, true).
constexpr std::array<std::string_view, 2> kVolumeUnits = {"per_interval", "per_hour"};
constexpr std::array<std::string_view, 5> kForecastColumns = {"interval_start", "contact_type", "volume", "aht_s",
                                                              "patience_s"};
constexpr std::array<std::string_view, 3> kIvrTreatmentKeys = {"duration", "p_self_service", "p_hangup"};
constexpr std::array<std::string_view, 8> kGroupKeys = {"name",      "staffing",      "shifts", "absenteeism",
                                                        "shrinkage", "cost_per_hour", "chat",   "max_agents_on"};
constexpr std::array<std::string_view, 3> kChatKeys = {"sessions", "handle_factors", "inflation_per_session"};
constexpr std::array<std::string_view, 7> kShiftKeys = {"name",   "start",  "end", "length_s",
                                                       "agents", "breaks", "days"};
constexpr std::array<std::string_view, 6> kBreakKeys = {"name", "duration_s", "at", "window", "placement", "paid"};
constexpr std::array<std::string_view, 2> kWindowKeys = {"from", "to"};
constexpr std::array<std::string_view, 7> kRouterKeys = {"policy",
                                                        "type_to_group",
                                                        "group_to_type",
                                                        "handle_time_multipliers",
                                                        "overflow_delays_s",
                                                        "wait_weights",
                                                        "reservations"};
constexpr std::array<std::string_view, 3> kReservationKeys = {"type", "channel", "agents"};
constexpr std::array<std::string_view, 4> kServiceLevelKeys = {"awt_s", "target", "definition", "short_abandon_s"};
constexpr std::array<std::string_view, 7> kTargetKeys = {"kpi",   "min",   "max",
                                                        "type",  "group", "scope",
                                                        "share_of_intervals"};
constexpr std::array<std::string_view, 2> kScopeNames = {"day", "intervals"};
constexpr std::array<std::string_view, 2> kRngKeys = {"seed", "replications"};
constexpr std::array<std::string_view, 2> kCheckKeys = {"alpha", "tolerance"};
// /check/tolerance: the two defaults, then one absolute tolerance per KPI name.
constexpr std::array<std::string_view, 2 + kNumKpis> kToleranceKeys = [] {
  std::array<std::string_view, 2 + kNumKpis> keys{"fraction", "relative"};
  for (std::size_t i = 0; i < kNumKpis; ++i) keys[2 + i] = kKpiNames[i];
  return keys;
}();

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
constexpr std::array<std::string_view, 10> kDistNames = {"constant",  "exponential", "uniform",    "lognormal",
                                                         "gamma",     "erlang",      "weibull",    "empirical",
                                                         "triangular", "mixture"};
constexpr std::array<std::string_view, 2> kConstantKeys = {"dist", "value_s"};
constexpr std::array<std::string_view, 2> kExponentialKeys = {"dist", "mean_s"};
constexpr std::array<std::string_view, 3> kUniformKeys = {"dist", "min_s", "max_s"};
constexpr std::array<std::string_view, 4> kMeanCvKeys = {"dist", "mean_s", "cv", "sd_s"};
constexpr std::array<std::string_view, 3> kErlangKeys = {"dist", "k", "mean_s"};
constexpr std::array<std::string_view, 3> kWeibullKeys = {"dist", "shape", "scale_s"};
constexpr std::array<std::string_view, 3> kEmpiricalKeys = {"dist", "values_s", "weights"};
constexpr std::array<std::string_view, 4> kTriangularKeys = {"dist", "min_s", "mode_s", "max_s"};
constexpr std::array<std::string_view, 4> kMixtureKeys = {"dist", "p", "value_s", "else"};
constexpr std::array<Names, 10> kDistKeys = {Names(kConstantKeys),   Names(kExponentialKeys), Names(kUniformKeys),
                                             Names(kMeanCvKeys),     Names(kMeanCvKeys),      Names(kErlangKeys),
                                             Names(kWeibullKeys),    Names(kEmpiricalKeys),   Names(kTriangularKeys),
                                             Names(kMixtureKeys)};

// Same order as BreakPlacement.
constexpr std::array<std::string_view, 3> kPlacementNames = {"spread", "earliest", "latest"};

// Same order as SlDefinition.
constexpr std::array<std::string_view, 4> kSlDefinitionNames = {
    sl_definition_name(SlDefinition::AnsweredWithinTOverAdmitted),
    sl_definition_name(SlDefinition::AnsweredWithinTOverAnswered),
    sl_definition_name(SlDefinition::ExcludingShortAbandons),
    sl_definition_name(SlDefinition::AnsweredWithinTOverOffered)};

constexpr std::string_view kDistExample = R"({"dist": "exponential", "mean_s": 180})";
// A time of the day (shift start and end, break times).
constexpr std::string_view kTimeAccepted =
    R"(a clock time "HH:MM" or "HH:MM:SS" ("00:00" to "24:00"), or seconds from the start of the day (a number))";

// ---- value descriptions and ranges ------------------------------------------------

// How a JSON value is shown after "got": numbers as written (3.0 stays 3.0), strings
// quoted, containers by kind.
inline std::string describe(const Json& v) {
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

inline std::string int_range_text(std::uint64_t lo, std::uint64_t hi) {
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
  bool arrivals_given = false;  // has an "arrivals" key (else the forecast must give them)
  bool aht_given = false;       // has an "aht_per_period_s" key
  bool patience_given = false;  // has a "patience_per_period_s" key
  bool has_patience = false;    // has a valid patience law
  bool serves_callbacks = false;  // some type's callback names it (it needs no arrivals)
  bool channel_ok = true;         // its channel is known (an outbound type needs no arrivals)
  std::optional<double> due_s;    // an e-mail type's valid due time: its service-level threshold
};

struct GroupInfo {
  bool named = false;
  // staffing and shifts read without error, some agent scheduled, and the day's length
  // known when there are shifts: the peak of agents on duty can be compared with.
  bool agents_ok = false;
  bool served = false;  // some contact type routes to it
  bool priced = false;  // has a "cost_per_hour" key, valid or not
  bool chat = false;    // has a "chat" key, valid or not
};

// Seconds after midnight of a clock time "HH:MM" or "HH:MM:SS" (or "H:MM", "H:MM:SS"):
// hours 00 to 24 ("24:00" and "24:00:00" are the midnight that ends the day), minutes
// and seconds 00 to 59.
std::optional<std::uint32_t> parse_clock(std::string_view text);

// Which shift values the file gives (the loader's pointers): "length_s" rather than
// "end"; per break, "at" rather than "window".
struct ShiftKeysGiven {
  bool by_length = false;
  std::vector<bool> fixed;
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
  // Steady state: each of `keys` present in `obj` is an error.
  void day_only(const Json& obj, const std::string& ptr, std::initializer_list<std::string_view> keys);
  void decode_steady(const Json& v, ScenarioSpec& spec);
  // /days: a count or the days' names; a run of more than one needs days of 24 hours.
  void decode_days(const Json& doc, ScenarioSpec& spec);
  void decode_days_value(const Json& v);  // sets days_ and day_names_, or reports
  // Whether a per-period table of `size` values fits the run: one day's periods (the
  // same every day) or, over several days, every day's; else reports it at `ptr`.
  bool periods_fit(std::size_t size, const std::string& ptr);
  // "24" (one day), "24 (every day the same) or 168 (each day its own)": the values a
  // per-period table takes, for messages.
  std::string period_count() const;
  // After decoding: every per-period table of one day repeated over the days, and
  // num_periods counting them all.
  void spread_over_days(ScenarioSpec& spec) const;
  // A shift's "days": the days it works (all when absent), as day indices, or none (reported).
  std::optional<std::vector<std::uint32_t>> shift_days(const Json& shift, const std::string& ptr);
  void decode_facilities(const Json& doc, ScenarioSpec& spec);
  void decode_contact_types(const Json& doc, ScenarioSpec& spec);
  void decode_contact_type(const Json& v, const std::string& ptr, ContactTypeSpec& t, TypeInfo& info);
  void decode_channel(const Json& v, const std::string& ptr, ContactTypeSpec& t, TypeInfo& info);
  void decode_dialer(const Json& v, const std::string& ptr, ContactTypeSpec& t);
  std::vector<std::string> type_pointers() const;
  bool decode_arrivals(const Json& v, const std::string& ptr, ArrivalSpec& a, TypeInfo& info);
  void decode_balking(const Json& v, const std::string& ptr, ContactTypeSpec& t);
  void decode_redial(const Json& v, const std::string& ptr, ContactTypeSpec& t);
  // After every type is named (a transfer or return may name a later one).
  void decode_after_service(const Json& v, const std::string& ptr, ContactTypeSpec& t, std::size_t self);
  void decode_callback(const Json& v, const std::string& ptr, ContactTypeSpec& t);
  void decode_balk_steps(const Json& v, const std::string& ptr, ContactTypeSpec& t);
  void decode_busyness(const Json& doc, ScenarioSpec& spec);
  std::optional<sim::Distribution> decode_distribution(const Json& v, const std::string& ptr, bool is_talk);
  // Day mode: one value > 0 per period at obj[key], or nullopt (reported).
  std::optional<std::vector<double>> per_period_at(const Json& obj, const std::string& ptr, std::string_view key);
  // load_csv.cc: a CSV file named by obj["file"] (relative to the scenario's folder),
  // its text or none (reported at ptr/file); `shown` receives its path.
  std::optional<std::string> read_csv_key(const Json& obj, const std::string& ptr, std::string_view noun,
                                          std::string& shown);
  // The interval a CSV cell names (a clock time or seconds), or none (reported at ptr,
  // the message starting with `where`).
  // Over several days the cell may start with the day ("Tue 08:00"): the interval is then
  // that day's, counted from the first day's first, and `dated` is set.
  std::optional<std::uint32_t> csv_interval(const std::string& cell, const std::string& ptr, const std::string& where,
                                            double period_s, std::uint32_t periods, bool& dated);
  // The periods a CSV file may give rows for: one day's, or every day's over several days.
  std::uint32_t csv_periods() const;
  // "08:30, 12:00 and 3 more"; intervals of a run of several days with their day.
  std::string interval_list(const std::vector<std::uint32_t>& intervals, double period_s, bool dated = false) const;
  // obj["overrides"]: whether the file replaces what the scenario gives; false if absent.
  bool overrides_at(const Json& obj, const std::string& ptr);
  // The forecast file's volumes, AHT and patience per interval.
  void decode_forecast(const Json& doc, ScenarioSpec& spec);
  // The staffing plan file's agents per interval and group, read before the groups.
  void decode_staffing_plan(const Json& doc, const ScenarioSpec& spec);
  // The types that still have no arrivals (neither in the file nor in the forecast).
  void check_arrivals_given(const ScenarioSpec& spec);
  void check_callbacks(const ScenarioSpec& spec);
  void decode_agent_groups(const Json& doc, ScenarioSpec& spec);
  // load_workforce.cc: shifts, absenteeism and shrinkage of the group at `ptr`.
  bool decode_workforce(const Json& v, const std::string& ptr, AgentGroupSpec& g);
  void decode_chat(const Json& v, const std::string& ptr, AgentGroupSpec& g);
  // {"email": n, "chat": m}, integers >= 1 (channel_cap_problems judges the channels).
  void decode_max_agents_on(const Json& v, const std::string& ptr, AgentGroupSpec& g);
  void decode_shifts(const Json& v, const std::string& ptr, AgentGroupSpec& g);
  void decode_shift(const Json& v, const std::string& ptr, ShiftSpec& s, ShiftValid& valid, ShiftKeysGiven& given);
  // `night_start`: the start of a shift across the day's end, before which a clock time is
  // on the next day.
  void decode_break(const Json& v, const std::string& ptr, BreakSpec& b, BreakValid& valid, bool& fixed,
                    std::optional<double> night_start);
  void decode_shrinkage(const Json& v, const std::string& ptr, AgentGroupSpec& g);
  bool open_named(const Json& v, const std::string& ptr, std::string_view what, Names keys,
                  std::string_view unique_within, std::string& name, bool& named);
  // A time of the day in seconds from time 0: a number as is, a clock time against
  // /start_time (earlier than it, or than `night_start`: the next day).
  std::optional<double> time_of_day(const Json& v, const std::string& ptr,
                                    std::optional<double> night_start = std::nullopt);
  std::optional<double> time_at(const Json& obj, const std::string& ptr, std::string_view key,
                                std::optional<double> night_start = std::nullopt);
  std::optional<double> fraction(const Json& v, const std::string& ptr, std::string_view at_one);
  DayClock day_clock() const { return DayClock{day_s_, start_minute_, overnight_s()}; }
  // A day's length when shifts may cross the day's end (a run of several days, or days
  // unknown: /days is wrong, and reported there).
  std::optional<double> overnight_s() const {
    return days_ > 1 || days_bad_ ? std::optional<double>(kSecondsPerDay) : std::nullopt;
  }
  void decode_router(const Json& doc, ScenarioSpec& spec);
  void decode_routes(const Json& router, ScenarioSpec& spec);
  void decode_group_to_type(const Json& router, ScenarioSpec& spec);
  bool decode_pair_table(const Json& router, const PairTable& table, bool policy_read, ScenarioSpec& spec);
  void decode_overflow_delays(const Json& router, bool policy_read, ScenarioSpec& spec);
  void decode_reservations(const Json& router, bool policy_read, ScenarioSpec& spec);
  void decode_channel_reservation(const Json& channel, const std::string& ptr, std::optional<std::size_t> group,
                                  std::optional<std::uint64_t> agents, ScenarioSpec& spec);
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
  // An entry of a router array of names, resolved: `id` none when the name is unknown,
  // `close` then the name resolve_type / resolve_group suggested, if any.
  enum class Named : std::uint8_t { Type, Group };
  struct ListedName {
    const std::string& pointer;
    const std::string& name;
    std::optional<std::size_t> id;
    std::optional<std::string> close;
  };
  // The array `list` at `ptr` of contact type or agent group names: reports an entry that
  // is not a string and a name listed twice, and calls on_name for each other entry, in
  // order. Returns whether every entry was a string.
  bool resolve_name_list(const Json& list, const std::string& ptr, Named kind,
                         const std::function<void(const ListedName&)>& on_name);
  bool route_settled(std::size_t type) const;
  static bool serves(const ContactTypeSpec& t, std::size_t group);
  // load_targets.cc: the scenario's service level and each contact type's own.
  void decode_service_level(const Json& doc, ScenarioSpec& spec);
  void decode_service_level_object(const Json& v, const std::string& ptr, ServiceLevelSpec& sl);
  void decode_targets(const Json& doc, ScenarioSpec& spec);
  std::optional<TargetSpec> decode_target(const Json& v, const std::string& ptr, const ScenarioSpec& spec);
  void decode_rng(const Json& doc, ScenarioSpec& spec);
  void decode_check(const Json& doc, ScenarioSpec& spec);
  void decode_costs(const Json& doc, ScenarioSpec& spec);
  void cross_check(const ScenarioSpec& spec);
  void check_steady_state_exists(const ScenarioSpec& spec);

  DiagnosticSink& sink_;
  std::string file_label_;  // the scenario file as named: relative forecast paths start from its folder
  bool forecast_key_ = false;   // the document has a "forecast" key
  bool callback_to_lost_ = false;  // some callback's "to" names no other type: its serving type is unknown
  bool forecast_read_ = false;  // ... and its file was read without a problem
  // /staffing_plan: agents per interval by group name, and whether they replace a
  // group's own "staffing".
  std::map<std::string, std::vector<std::uint32_t>, std::less<>> staffing_plan_;
  std::string staffing_plan_file_;
  bool staffing_plan_overrides_ = false;
  bool staffing_plan_key_ = false;   // the document has a "staffing_plan" key
  bool staffing_plan_read_ = false;  // ... and its file was read without a problem
  std::optional<RunMode> mode_;
  std::optional<std::uint32_t> num_periods_;  // day mode, when valid: the periods of one day
  std::optional<double> horizon_s_;           // day mode, when period_s and num_periods are valid: the whole run
  std::optional<double> day_s_;               // ... one day of it
  std::uint32_t days_ = 1;                    // /days, when valid
  bool days_bad_ = false;                     // /days is given and wrong: per-day lengths and day names unknown
  bool csv_unjudged_ = false;   // the CSV file being read has rows whose day /days leaves unknown
  bool csv_day_noted_ = false;  // ... or with a day in a run of one day, reported once
  std::vector<std::string> day_names_;        // /days, when it names them
  std::optional<std::uint32_t> start_minute_;  // /start_time, when valid
  bool start_time_given_ = false;              // /start_time is present, valid or not
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
  bool types_read_ = false;      // every contact type and its follow-ups decoded without error
  bool groups_known_ = false;    // /agent_groups is a non-empty array, every group has a name
  bool routes_known_ = false;    // /router/type_to_group is an object
  bool routes_readable_ = true;  // every entry in it is an array of strings
  bool channels_ok_ = true;      // every contact type's channel was read (or is the default)
  bool route_keys_ok_ = true;    // every key in it is a defined contact type
  // Names offered as "did you mean" for a misspelt route entry: their missing route or
  // unused group would only repeat that error.
  std::set<std::string, std::less<>> suggested_;
  const Json* top_ivr_ = nullptr;
};

// ---- entry-point stages (load.cc), shared with the edited load (load_edits.cc) -------

std::string read_scenario_text(const std::string& path);
// Duplicate keys go to `sink`; a syntax error throws a ScenarioError at once.
Json parse_document(std::string_view json_text, const std::string& file_label, DiagnosticSink& sink);
// Throws one ScenarioError with everything in `sink` and what decoding found.
ScenarioSpec decode_document(const Json& doc, const std::string& file_label, DiagnosticSink& sink);

}  // namespace ccsim::models::internal
