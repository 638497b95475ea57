// models/scenario/load.cc
// The scenario loader's entry points: parse the text (reporting duplicate keys), decode
// the top level, service level, targets, rng and check settings, and check across
// sections. Nothing is clamped or rescaled: a value outside its range is an error.
#include "models/scenario/load.h"

#include <fmt/format.h>

#include <cmath>
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "models/kpi/kpi_names.h"
#include "models/scenario/channel_rules.h"
#include "models/scenario/cost_rules.h"
#include "models/scenario/diagnostic_sink.h"
#include "models/scenario/input_file.h"
#include "models/scenario/json_pointer.h"
#include "models/scenario/limits.h"
#include "models/scenario/load_internal.h"
#include "models/scenario/message_text.h"
#include "models/scenario/range.h"
#include "models/scenario/steady_state_check.h"
#include "models/scenario/workforce_rules.h"

namespace ccsim::models {
namespace internal {

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
  file_label_ = file_label;
  forecast_key_ = find(doc, "forecast") != nullptr;
  decode_mode(doc, spec);
  decode_facilities(doc, spec);
  decode_contact_types(doc, spec);
  decode_forecast(doc, spec);
  check_arrivals_given(spec);
  check_callbacks(spec);
  decode_busyness(doc, spec);
  decode_staffing_plan(doc, spec);
  spec.staffing_plan_file = staffing_plan_file_;
  decode_agent_groups(doc, spec);
  decode_router(doc, spec);
  decode_service_level(doc, spec);
  decode_targets(doc, spec);
  decode_rng(doc, spec);
  if (const Json* v = find(doc, "confidence")) {
    if (auto c = number(*v, "/confidence", Range{0.0, true, 1.0, true})) spec.confidence = *c;
  }
  decode_check(doc, spec);
  decode_costs(doc, spec);
  spread_over_days(spec);
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
    day_only(doc, "", {"period_s", "num_periods", "start_time", "days", "closing", "busyness"});
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
  if (period && periods) day_s_ = horizon_s_ = *period * static_cast<double>(*periods);
  decode_days(doc, spec);
  if (const Json* v = find(doc, "start_time")) {
    start_time_given_ = true;
    const char* accepted = R"(a clock time "HH:MM" from "00:00" to "23:59")";
    if (auto s = string(*v, "/start_time", accepted)) {
      const std::optional<std::uint32_t> clock = s->size() == 5 ? parse_clock(*s) : std::nullopt;
      if (clock && *clock < kSecondsPerDay) {
        spec.start_minute = *clock / 60;
        start_minute_ = spec.start_minute;
      } else {
        error("/start_time", fmt::format("expected {}; got {}", accepted, describe(*v)));
      }
    }
  }
  if (!day && find(doc, "steady_state")) decode_steady(*find(doc, "steady_state"), spec);
  if (const Json* v = find(doc, "closing"))
    if (auto i = choice(*v, "/closing", "closing rule", kClosingNames)) spec.closing = static_cast<Closing>(*i);
}

void Decoder::decode_days(const Json& doc, ScenarioSpec& spec) {
  const Json* v = find(doc, "days");
  if (!v) return;
  // Steady state: day_only reported it. No valid mode: what the days decide is unknown.
  if (mode_ != RunMode::Day) {
    days_bad_ = !mode_.has_value();
    return;
  }
  const std::size_t before = sink_.count();
  decode_days_value(*v);
  if (sink_.count() != before) {
    // What depends on the days (the lengths of the tables, the times of a trace or a
    // shift, the days a shift names) cannot be judged: reported once, here.
    days_bad_ = true;
    days_ = 1;
    day_names_.clear();
    day_s_.reset();
    horizon_s_.reset();
    return;
  }
  spec.days = days_;
  spec.day_names = day_names_;
  if (days_ > 1 && day_s_) horizon_s_ = *day_s_ * days_;
}

void Decoder::decode_days_value(const Json& days) {
  const Json* v = &days;
  const std::string accepted =
      fmt::format("a number of days from 1 to {} or an array of their names (unique, non-empty strings)", kMaxDays);
  if (v->is_array()) {
    if (v->empty() || v->size() > kMaxDays) {
      error("/days", fmt::format("expected {}; got {} names", accepted, v->size()));
      return;
    }
    std::map<std::string, std::size_t, std::less<>> seen;
    std::vector<std::string> names;
    for (std::size_t d = 0; d < v->size(); ++d) {
      const std::string dp = child_pointer("/days", d);
      auto s = string((*v)[d], dp, "a non-empty string, the day's name");
      if (!s) continue;
      if (auto problem = day_name_problem(*s)) {
        error(dp, std::move(*problem));
      } else if (auto [it, fresh] = seen.emplace(*s, d); !fresh) {
        error(dp, fmt::format("{} names two days (first {}); day names must be unique", quote(*s),
                              child_pointer("/days", it->second)));
      }
      names.push_back(std::move(*s));
    }
    if (names.size() != v->size()) return;
    days_ = static_cast<std::uint32_t>(names.size());
    day_names_ = std::move(names);
  } else if (v->is_number()) {
    if (auto n = integer(*v, "/days", 1, kMaxDays)) days_ = static_cast<std::uint32_t>(*n);
  } else {
    error("/days", fmt::format("expected {}; got {}", accepted, describe(*v)));
  }
  if (days_ == 1 || !day_s_) return;
  // Days follow one another in real time: an e-mail's due time, a caller's patience and
  // the backlog's age run through the night, which needs periods of its own.
  if (*day_s_ != kSecondsPerDay) {
    const double period_s = *day_s_ / *num_periods_;
    const double per_day = kSecondsPerDay / period_s;
    error("/num_periods",
          fmt::format("a run of {} days needs days of 24 hours, but num_periods x period_s is {} x {:g} s = {:g} h; "
                      "give the periods of the whole day{}, the night's with no arrivals and no agents",
                      days_, *num_periods_, period_s, *day_s_ / 3600.0,
                      per_day == std::floor(per_day) ? fmt::format(" ({:g} of {:g} s)", per_day, period_s)
                                                     : std::string()));
    return;
  }
  if (static_cast<std::uint64_t>(*num_periods_) * days_ > kMaxPeriods)
    error("/days", fmt::format("{} days of {} periods are {} periods; at most {} are supported", days_,
                               *num_periods_, static_cast<std::uint64_t>(*num_periods_) * days_, kMaxPeriods));
}

bool Decoder::periods_fit(std::size_t size, const std::string& ptr) {
  if (!num_periods_ || size == *num_periods_ || (days_ > 1 && size == std::size_t{*num_periods_} * days_)) return true;
  // Days unknown (reported at /days): any whole number of them may be meant.
  if (days_bad_ && size > 0 && size % *num_periods_ == 0 && size / *num_periods_ <= kMaxDays) return true;
  if (days_bad_) {
    error(ptr, fmt::format("expected {} values (num_periods) or a multiple of them (one day's per day), got {}",
                           *num_periods_, size));
    return false;
  }
  if (days_ == 1)
    error(ptr, fmt::format("expected {} values (num_periods), got {}", *num_periods_, size));
  else
    error(ptr, fmt::format("expected {} values (num_periods: every day the same) or {} (days x num_periods: each day "
                           "its own), got {}",
                           *num_periods_, std::uint64_t{*num_periods_} * days_, size));
  return false;
}

std::string Decoder::period_count() const {
  if (!num_periods_) return "num_periods";
  if (days_ == 1) return fmt::format("{}", *num_periods_);
  return fmt::format("{} (every day the same) or {} (each day its own)", *num_periods_,
                     std::uint64_t{*num_periods_} * days_);
}

void Decoder::spread_over_days(ScenarioSpec& spec) const {
  if (days_ == 1 || !num_periods_ || !horizon_s_ || *horizon_s_ == *day_s_) return;
  const std::size_t one_day = *num_periods_;
  const auto spread = [&](auto& table) {
    if (table.size() != one_day) return;
    table.reserve(one_day * days_);
    for (std::uint32_t d = 1; d < days_; ++d) table.insert(table.end(), table.begin(), table.begin() + one_day);
  };
  for (ContactTypeSpec& t : spec.contact_types) {
    if (t.arrivals.process == ArrivalSpec::Process::PiecewisePoisson) spread(t.arrivals.per_period);
    spread(t.aht_per_period_s);
    spread(t.patience_per_period_s);
  }
  for (AgentGroupSpec& g : spec.agent_groups) {
    spread(g.staffing);
    spread(g.shrinkage);
  }
  spec.num_periods = static_cast<std::uint32_t>(one_day * days_);
}

void Decoder::decode_busyness(const Json& doc, ScenarioSpec& spec) {
  const Json* v = find(doc, "busyness");
  if (!v || mode_ != RunMode::Day) return;  // steady state: day_only reported it
  const std::string ptr = "/busyness";
  if (!expect_object(*v, ptr, R"(an object {"cv": ..., "interval_cv": ..., "per": "centre" or "contact_type"})"))
    return;
  check_keys(*v, ptr, kBusynessKeys);
  BusynessSpec b;
  const Range cv{0.0, false, kMaxBusynessCv, false};
  if (auto x = number_at(*v, ptr, "cv", cv, true)) b.cv = *x;
  if (auto x = number_at(*v, ptr, "interval_cv", cv, false)) b.interval_cv = *x;
  if (const Json* per = find(*v, "per"))
    if (auto i = choice(*per, ptr + "/per", "busyness unit", kBusynessPerNames)) b.per_type = *i == 1;
  // A trace is the day's arrivals as they were: there is no rate to make busier.
  for (std::size_t k = 0; k < spec.contact_types.size(); ++k)
    if (spec.contact_types[make_id<ContactTypeId>(k)].arrivals.process == ArrivalSpec::Process::Trace)
      error(ptr, fmt::format("multiplies expected arrivals, but {} replays a trace of arrival times, which has "
                             "none; give it poisson or piecewise_poisson arrivals, or remove \"busyness\"",
                             types_[k].pointer));
  spec.busyness = b;
}

void Decoder::day_only(const Json& obj, const std::string& ptr, std::initializer_list<std::string_view> keys) {
  for (std::string_view key : keys) {
    if (find(obj, key))
      error(child_pointer(ptr, key),
            fmt::format("{} is only used in day mode; remove it (mode is \"steady_state\")", quote(key)));
  }
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

// ---- rng --------------------------------------------------------------------------

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

// ---- check: how `ccsim check` compares a run with its baseline ----------------------

void Decoder::decode_check(const Json& doc, ScenarioSpec& spec) {
  const Json* c = find(doc, "check");
  if (!c) return;
  const std::string ptr = "/check";
  if (!expect_object(*c, ptr, R"(an object {"alpha": 0.01, "tolerance": {"fraction": 0.01, "relative": 0.05}})"))
    return;
  check_keys(*c, ptr, kCheckKeys);
  CheckSpec& check = spec.check;
  if (auto a = number_at(*c, ptr, "alpha", Range{0.0, true, 1.0, true}, false)) check.alpha = *a;
  const Json* t = find(*c, "tolerance");
  if (!t) return;
  const std::string tptr = ptr + "/tolerance";
  if (!expect_object(*t, tptr, R"(an object {"fraction": 0.01, "relative": 0.05, "<kpi>": <absolute tolerance>})"))
    return;
  check_keys(*t, tptr, kToleranceKeys);
  // A tolerance on a fraction above 1 could never be exceeded: it is a percentage typo.
  const auto fraction_tolerance = [&](const Json& v, const std::string& p, std::string_view what) {
    if (v.is_number() && std::isfinite(v.get<double>()) && !closed(0.0, 1.0).contains(v.get<double>())) {
      error(p, fmt::format("must be in [0, 1] ({} a fraction: write 1% as 0.01); got {}", what, describe(v)));
      return std::optional<double>();
    }
    return number(v, p, closed(0.0, 1.0));
  };
  if (const Json* v = find(*t, "fraction")) {
    if (auto x = fraction_tolerance(*v, tptr + "/fraction", "the tolerance of fraction KPIs is"))
      check.tolerance_fraction = *x;
  }
  if (auto x = number_at(*t, tptr, "relative", at_least(0.0), false)) check.tolerance_relative = *x;
  for (std::size_t i = 0; i < kNumKpis; ++i) {
    const Kpi kpi = static_cast<Kpi>(i);
    const Json* v = find(*t, kpi_name(kpi));
    if (!v) continue;
    const std::string p = child_pointer(tptr, kpi_name(kpi));
    const auto x = kpi_is_fraction(kpi) ? fraction_tolerance(*v, p, fmt::format("{} is", kpi_name(kpi)))
                                        : number(*v, p, at_least(0.0));
    if (x) check.tolerance_absolute[i] = *x;
  }
}

// ---- costs ---------------------------------------------------------------------------

void Decoder::decode_costs(const Json& doc, ScenarioSpec& spec) {
  const Json* c = find(doc, "costs");
  if (!c) return;
  const std::string ptr = "/costs";
  if (!expect_object(*c, ptr, R"(an object {"currency": "EUR", "per_abandoned_call": 4.0, "per_answered_call": 0.1})"))
    return;
  check_keys(*c, ptr, kCostKeys);
  CostSpec costs;
  if (const Json* v = find(*c, "currency")) {
    if (auto s = string(*v, ptr + "/currency", "a currency name or code, such as \"EUR\"")) costs.currency = *s;
  }
  if (auto x = number_at(*c, ptr, "per_abandoned_call", at_least(0.0), false)) costs.per_abandoned_call = *x;
  if (auto x = number_at(*c, ptr, "per_answered_call", at_least(0.0), false)) costs.per_answered_call = *x;
  spec.costs = costs;
}

// ---- checks across sections ---------------------------------------------------------

void Decoder::cross_check(const ScenarioSpec& spec) {
  std::vector<std::string> group_pointers;
  std::vector<bool> priced;
  for (std::size_t g = 0; g < spec.agent_groups.size(); ++g) {
    group_pointers.push_back(child_pointer("/agent_groups", g));
    priced.push_back(groups_[g].priced);
  }
  if (auto d = cost_coverage_problem(spec, priced, group_pointers)) error(d->pointer, d->message);
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
    if (routes_readable_) {
      std::vector<std::string> group_pointers;
      std::vector<bool> chat;
      for (std::size_t i = 0; i < groups_.size(); ++i) {
        group_pointers.push_back(child_pointer("/agent_groups", i));
        chat.push_back(groups_[i].chat);
      }
      for (Diagnostic& d : chat_group_problems(spec, group_pointers, chat))
        error(std::move(d.pointer), std::move(d.message));
    }
    for (std::size_t i = 0; i < groups_.size() && routes_readable_; ++i) {
      if (!groups_[i].named || groups_[i].served) continue;
      if (suggested_.contains(spec.agent_groups[make_id<AgentGroupId>(i)].name)) continue;
      error(child_pointer("/agent_groups", i),
            fmt::format("agent group {} serves no contact type; list it in /router/type_to_group or remove it",
                        quote(spec.agent_groups[make_id<AgentGroupId>(i)].name)));
    }
  }

  if (spec.contact_types.size() == types_.size())
    for (Diagnostic& d : interruptible_problems(spec.contact_types, type_pointers(), all_routes_settled()))
      error(std::move(d.pointer), std::move(d.message));
  if (spec.agent_groups.size() == groups_.size()) {
    std::vector<std::string> group_pointers;
    for (std::size_t i = 0; i < groups_.size(); ++i) group_pointers.push_back(child_pointer("/agent_groups", i));
    for (Diagnostic& d : channel_cap_problems(spec, group_pointers, all_routes_settled() && channels_ok_))
      error(std::move(d.pointer), std::move(d.message));
  }
  if (spec.contact_types.size() == types_.size() && channels_ok_ && mode_)
    for (Diagnostic& d : outbound_problems(spec, type_pointers(), "/steady_state/calls", all_routes_settled()))
      error(std::move(d.pointer), std::move(d.message));

  if (spec.mode == RunMode::SteadyState && mode_ && sink_.empty()) check_steady_state_exists(spec);
}

// The shared rule (steady_state_check.h): without trunks, the types that never abandon must bring
// less work than the agents who can serve them.
void Decoder::check_steady_state_exists(const ScenarioSpec& spec) {
  if (auto problem = steady_state_overload(spec)) error(problem->pointer, std::move(problem->message));
}

}  // namespace internal

namespace {

using internal::child_pointer;
using internal::Decoder;
using internal::DiagnosticSink;
using internal::Json;
using internal::quote;

// ---- duplicate keys and nesting depth ----------------------------------------------

// Thrown by the parser callback to stop at the first level beyond kMaxNestingDepth; the
// diagnostic is already in the finder's sink.
struct NestingTooDeep {};

// nlohmann keeps only the last of two equal keys in an object; this parser callback
// reports the duplicate instead, at the pointer of the repeated key. Each open level keeps
// only its own token (current key or index) and the keys it has seen, never its whole
// pointer, so memory stays linear in the file (a pointer per level was quadratic: 1.6 GB
// for 80 KB nested 40,000 deep); a pointer is built only for a diagnostic.
class DuplicateKeyFinder {
 public:
  explicit DuplicateKeyFinder(DiagnosticSink& sink) : sink_(sink) {}

  bool operator()(int /*depth*/, Json::parse_event_t event, Json& parsed) {
    switch (event) {
      case Json::parse_event_t::object_start:
      case Json::parse_event_t::array_start:
        if (stack_.size() >= internal::kMaxNestingDepth) {
          sink_.add(pointer(stack_.size()),
                    fmt::format("arrays and objects nested more than {0} levels deep; at most {0} are accepted (a "
                                "scenario needs fewer than 10)",
                                internal::kMaxNestingDepth));
          throw NestingTooDeep{};
        }
        stack_.push_back({event == Json::parse_event_t::array_start, 0, {}, {}});
        break;
      case Json::parse_event_t::key:
        if (!stack_.empty() && parsed.is_string()) {
          Frame& f = stack_.back();
          f.key = parsed.get<std::string>();
          if (!f.keys.insert(f.key).second)
            sink_.add(child_pointer(pointer(stack_.size() - 1), f.key),
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
  };
  // The pointer of the value open at `levels` levels deep: the current key or index of
  // each of the outer levels.
  std::string pointer(std::size_t levels) const {
    std::string out;
    for (std::size_t i = 0; i < levels; ++i) {
      const Frame& f = stack_[i];
      out = f.is_array ? child_pointer(out, f.next_index) : child_pointer(out, f.key);
    }
    return out;
  }
  void advance() {
    if (!stack_.empty() && stack_.back().is_array) ++stack_.back().next_index;
  }

  DiagnosticSink& sink_;
  std::vector<Frame> stack_;
};

// ---- parsing ------------------------------------------------------------------------

// nlohmann's syntax errors quote the bytes read last, which in a file that is not UTF-8
// are not text: shown as \xNN, they print the same on every terminal and in every log.
std::string escape_invalid_utf8(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    const auto lead = static_cast<unsigned char>(s[i]);
    const std::size_t length = lead < 0x80           ? 1
                               : (lead >> 5) == 0x6  ? 2
                               : (lead >> 4) == 0xe  ? 3
                               : (lead >> 3) == 0x1e ? 4
                                                     : 0;
    bool valid = length > 0 && i + length <= s.size();
    for (std::size_t k = 1; valid && k < length; ++k) valid = (static_cast<unsigned char>(s[i + k]) >> 6) == 0x2;
    if (valid) {
      out.append(s.substr(i, length));
      i += length;
    } else {
      out += fmt::format("\\x{:02x}", lead);
      ++i;
    }
  }
  return out;
}

}  // namespace

namespace internal {

Json parse_document(std::string_view json_text, const std::string& file_label, DiagnosticSink& sink) {
  DiagnosticSink duplicates;
  DuplicateKeyFinder finder(duplicates);
  Json doc;
  try {
    doc = Json::parse(
        json_text.begin(), json_text.end(),
        [&finder](int depth, Json::parse_event_t event, Json& parsed) { return finder(depth, event, parsed); });
  } catch (const NestingTooDeep&) {
    throw ScenarioError(file_label, duplicates.take());
  } catch (const nlohmann::json::parse_error& e) {
    const std::string detail = escape_invalid_utf8(internal::json_error_detail(e.what()));
    throw ScenarioError(file_label, {{"", fmt::format("invalid JSON at byte {}, {}", e.byte, detail)}});
  } catch (const nlohmann::json::exception& e) {
    // e.g. out_of_range.406 "number overflow parsing '1e400'"
    const std::string what = e.what();
    const auto p = what.find("] ");
    throw ScenarioError(file_label, {{"", fmt::format("invalid JSON: {} (numbers must fit a double)",
                                                      p == std::string::npos ? what : what.substr(p + 2))}});
  }
  for (Diagnostic& d : duplicates.take()) sink.add(std::move(d.pointer), std::move(d.message));
  return doc;
}

std::string read_scenario_text(const std::string& path) {
  return read_input_file(path, "scenario file", "expected a path to a .json file", "a .json file");
}

ScenarioSpec decode_document(const Json& doc, const std::string& file_label, DiagnosticSink& sink) {
  Decoder decoder(sink);
  ScenarioSpec spec = decoder.decode(doc, file_label);
  if (!sink.empty()) throw ScenarioError(file_label, sink.take());
  return spec;
}

}  // namespace internal

ScenarioSpec load_scenario_text(std::string_view json_text, const std::string& file_label) {
  internal::DiagnosticSink sink;
  const internal::Json doc = internal::parse_document(json_text, file_label, sink);
  return internal::decode_document(doc, file_label, sink);
}

ScenarioSpec load_scenario_file(const std::string& path) {
  return load_scenario_text(internal::read_scenario_text(path), path);
}

}  // namespace ccsim::models
