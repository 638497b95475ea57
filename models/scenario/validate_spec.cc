// models/scenario/validate_spec.cc
// The loader's rules restated on the spec itself, for specs built in code. Sizes and
// ids come first: the cross-checks that index by them run only when they all hold.
// Messages follow the loader's: "<what is wrong>; <what is accepted>".
#include "models/scenario/validate_spec.h"

#include "models/scenario/cost_rules.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>

#include "models/kpi/kpi_names.h"
#include "models/routing/policy_names.h"
#include "models/scenario/diagnostic_sink.h"
#include "models/scenario/did_you_mean.h"
#include "models/scenario/json_pointer.h"
#include "models/scenario/law_finiteness.h"
#include "models/scenario/limits.h"
#include "models/scenario/message_text.h"
#include "models/scenario/after_service_rules.h"
#include "models/scenario/callback_rules.h"
#include "models/scenario/channel_rules.h"
#include "models/scenario/range.h"
#include "models/scenario/redial_rules.h"
#include "models/scenario/router_tables.h"
#include "models/scenario/steady_state_check.h"
#include "models/scenario/target_rules.h"
#include "models/scenario/workforce_rules.h"

namespace ccsim::models {
namespace {

using internal::above;
using internal::at_least;
using internal::child_pointer;
using internal::closed;
using internal::format_double;
using internal::quote;
using internal::Range;

constexpr double kInfinity = std::numeric_limits<double>::infinity();

// The ShiftSpec and BreakSpec members that a workforce rule is about.
class MemberPointers final : public internal::ShiftPointers {
 public:
  using ShiftPointers::ShiftPointers;

 private:
  std::string_view shift_key(std::size_t, internal::ShiftPart part) const override {
    constexpr std::array<std::string_view, 3> kMembers = {"name", "start_s", "end_s"};
    return kMembers[static_cast<std::size_t>(part)];
  }
  std::string_view break_key(std::size_t, std::size_t, internal::BreakPart part) const override {
    constexpr std::array<std::string_view, 4> kMembers = {"name", "duration_s", "earliest_start_s", "latest_start_s"};
    return kMembers[static_cast<std::size_t>(part)];
  }
};

class SpecChecker {
 public:
  explicit SpecChecker(const ScenarioSpec& spec) : s_(spec) {}

  std::vector<Diagnostic> check() {
    mode();
    facilities();
    contact_types();
    busyness();
    agent_groups();
    router();
    service_level_and_targets();
    costs();
    rng();
    if (sink_.empty() && s_.mode == RunMode::SteadyState) {
      if (auto problem = internal::steady_state_overload(s_)) error(problem->pointer, std::move(problem->message));
    }
    return sink_.take();
  }

 private:
  void error(std::string pointer, std::string message) { sink_.add(std::move(pointer), std::move(message)); }

  bool number(const std::string& ptr, double x, const Range& r, std::string_view meaning = {}) {
    if (r.contains(x)) return true;
    error(ptr, meaning.empty() ? fmt::format("must be {}; got {}", r.text(), format_double(x))
                               : fmt::format("must be {} ({}); got {}", r.text(), meaning, format_double(x)));
    return false;
  }

  bool day() const { return s_.mode == RunMode::Day; }
  bool policy_known() const {
    return std::ranges::find(kRouterPolicyNames, s_.router.policy) != kRouterPolicyNames.end();
  }
  // A table that only `policy` reads, set under another (known) policy, would be ignored.
  bool read_by_policy(const std::string& ptr, std::string_view policy) {
    if (!policy_known() || s_.router.policy == policy) return true;
    error(ptr, fmt::format("only used by policy {}; set router.policy to it or leave this empty", quote(policy)));
    return false;
  }
  std::string type_name(std::size_t k) const { return quote(s_.contact_types[make_id<ContactTypeId>(k)].name); }
  std::string group_name(std::size_t g) const { return quote(s_.agent_groups[make_id<AgentGroupId>(g)].name); }
  static bool serves(const ContactTypeSpec& t, std::size_t group) {
    return std::ranges::any_of(t.groups, [&](AgentGroupId g) { return index(g) == group; });
  }

  // Entity `i` of the array at `parent` has a non-empty name not used before it.
  void unique_name(std::map<std::string, std::size_t, std::less<>>& names, std::string_view parent,
                   std::string_view noun, std::size_t i, const std::string& name) {
    const std::string ptr = child_pointer(parent, i) + "/name";
    if (name.empty()) {
      error(ptr, "must be a non-empty string; got \"\"");
    } else if (auto [where, fresh] = names.emplace(name, i); !fresh) {
      error(ptr, fmt::format("duplicate {} name {}; names must be unique (first used at {}/name)", noun, quote(name),
                             child_pointer(parent, where->second)));
    }
  }

  // The number of values a per-period table needs, when num_periods itself is valid.
  std::optional<std::size_t> periods() const {
    if (!day()) return 1;
    if (s_.num_periods < 1 || s_.num_periods > internal::kMaxPeriods) return std::nullopt;
    return s_.num_periods;
  }

  void mode() {
    switch (s_.mode) {
      case RunMode::Day:
        number("/period_s", s_.period_s, above(0.0), "seconds per planning period");
        if (s_.num_periods < 1 || s_.num_periods > internal::kMaxPeriods)
          error("/num_periods", fmt::format("must be in [1, {}]; got {}", internal::kMaxPeriods, s_.num_periods));
        if (closing_name(s_.closing).empty())
          error("/closing", fmt::format("must be Closing::ServeAfterClose, DisconnectAtClose or DisconnectNoAgent; got "
                                        "the value {}",
                                        static_cast<unsigned>(s_.closing)));
        if (s_.start_minute && *s_.start_minute >= 24 * 60)
          error("/start_minute",
                fmt::format("must be < 1440 (minutes after midnight, 07:00 is 420); got {}", *s_.start_minute));
        days();
        return;
      case RunMode::SteadyState:
        steady();
        return;
    }
    error("/mode", fmt::format("must be RunMode::Day or RunMode::SteadyState; got the value {}",
                               static_cast<unsigned>(s_.mode)));
  }

  void days() {
    if (s_.days < 1 || s_.days > internal::kMaxDays) {
      error("/days", fmt::format("must be in [1, {}]; got {}", internal::kMaxDays, s_.days));
      return;
    }
    if (!s_.day_names.empty() && s_.day_names.size() != s_.days)
      error("/day_names", fmt::format("must be empty or name each of the {} days; got {} names", s_.days,
                                      s_.day_names.size()));
    std::map<std::string_view, std::size_t> seen;
    for (std::size_t d = 0; d < s_.day_names.size(); ++d) {
      const std::string ptr = child_pointer("/day_names", d);
      if (auto problem = internal::day_name_problem(s_.day_names[d])) error(ptr, std::move(*problem));
      if (auto [it, fresh] = seen.emplace(s_.day_names[d], d); !fresh)
        error(ptr, fmt::format("{} names two days (first {})", quote(s_.day_names[d]),
                               child_pointer("/day_names", it->second)));
    }
    if (s_.days == 1) return;
    if (s_.num_periods % s_.days != 0) {
      error("/num_periods", fmt::format("must be a whole number of periods per day ({} days); got {}", s_.days,
                                        s_.num_periods));
    } else if (s_.period_s * s_.periods_per_day() != internal::kSecondsPerDay) {
      error("/num_periods", fmt::format("a run of {} days needs days of 24 hours; got {} periods of {:g} s a day",
                                        s_.days, s_.periods_per_day(), s_.period_s));
    }
  }

  void busyness() {
    if (!s_.busyness) return;
    if (s_.mode != RunMode::Day) {
      error("/busyness", "is for day mode only (a day busier or quieter than its forecast); leave it unset");
      return;
    }
    const Range cv{0.0, false, internal::kMaxBusynessCv, false};
    number("/busyness/cv", s_.busyness->cv, cv, "coefficient of variation of the day's factor");
    number("/busyness/interval_cv", s_.busyness->interval_cv, cv, "coefficient of variation of a period's factor");
    for (std::size_t k = 0; k < s_.contact_types.size(); ++k)
      if (s_.contact_types[make_id<ContactTypeId>(k)].arrivals.process == ArrivalSpec::Process::Trace)
        error("/busyness", fmt::format("multiplies expected arrivals, but {} replays a trace of arrival times, "
                                       "which has none",
                                       child_pointer("/contact_types", k)));
  }

  void steady() {
    if (s_.closing != Closing::ServeAfterClose)
      error("/closing", fmt::format("is for day mode only (a steady state never closes); got \"{}\"",
                                    closing_name(s_.closing)));
    if (s_.days != 1 || !s_.day_names.empty())
      error("/days", fmt::format("steady_state mode has no days: days must be 1 and day_names empty; got {} and {} "
                                 "names",
                                 s_.days, s_.day_names.size()));
    if (s_.num_periods != 1 || s_.period_s != 0.0)
      error("/num_periods", fmt::format("steady_state mode has no planning periods: num_periods must be 1 and "
                                        "period_s 0; got {} and {}",
                                        s_.num_periods, format_double(s_.period_s)));
    const SteadyStateSpec& ss = s_.steady;
    number("/steady/warmup_s", ss.warmup_s, at_least(0.0));
    const bool has_duration = ss.duration_s != 0.0;
    if (has_duration) number("/steady/duration_s", ss.duration_s, above(0.0), "0 when calls gives the run length");
    if (has_duration && ss.calls > 0) {
      error("/steady", "calls and duration_s are exclusive; give exactly one run length (leave the other 0)");
    } else if (!has_duration && ss.calls == 0) {
      error("/steady", "missing the run length; give exactly one of calls (>= 1) or duration_s (> 0)");
    }
    if (ss.batches < 1) error("/steady/batches", "must be >= 1; got 0");
    if (ss.calls > 0 && ss.batches > ss.calls)
      error("/steady/batches",
            fmt::format("must be <= calls ({}), each batch needs a call; got {}", ss.calls, ss.batches));
    if (ss.batches > 1 && s_.replications != 1)
      error("/replications",
            fmt::format("must be 1 when steady.batches > 1 (batch means replace replications); got {}",
                        s_.replications));
  }

  void facilities() {
    if (s_.trunk_lines && *s_.trunk_lines == 0)
      error("/trunk_lines", "must be >= 1 (leave it empty for unlimited lines); got 0");
    if (s_.ivr_ports && *s_.ivr_ports == 0)
      error("/ivr_ports", "must be >= 1 (leave it empty for unlimited ports); got 0");
    if (s_.ivr_ports && !s_.has_ivr)
      error("/ivr_ports", "is set but has_ivr is false; set has_ivr = true or leave ivr_ports empty");
    const bool any_ivr =
        std::ranges::any_of(s_.contact_types, [](const ContactTypeSpec& t) { return t.ivr.has_value(); });
    if (s_.has_ivr && !any_ivr && !s_.contact_types.empty())
      error("/has_ivr", "no contact type has an ivr treatment; set has_ivr = false or give a contact type an ivr");
  }

  // ---- contact types --------------------------------------------------------------

  void contact_types() {
    const auto& types = s_.contact_types;
    if (types.empty()) {
      error("/contact_types", "must not be empty; add at least one ContactTypeSpec");
      return;
    }
    if (types.size() > internal::kMaxContactTypes)
      error("/contact_types", fmt::format("at most {} contact types are supported (random stream numbering); got {}",
                                          internal::kMaxContactTypes, types.size()));
    std::map<std::string, std::size_t, std::less<>> names;
    bool all_arrivals_ok = true, anything_arrives = false;
    // A transferred leg skips the IVR: a transfer's target reaches the agents.
    // So do the contacts of a type that serves callbacks.
    std::set<ContactTypeId> transfer_targets;
    for (const ContactTypeSpec& t : types) {
      for (const TransferSpec& x : t.transfers) transfer_targets.insert(x.to);
      if (t.callback) transfer_targets.insert(t.callback->to);
    }
    for (std::size_t k = 0; k < types.size(); ++k) {
      const ContactTypeSpec& t = types[make_id<ContactTypeId>(k)];
      const std::string ptr = child_pointer("/contact_types", k);
      unique_name(names, "/contact_types", "contact type", k, t.name);
      if (channel_name(t.channel).empty())
        error(ptr + "/channel", fmt::format("must be Channel::Voice, Channel::Email, Channel::Chat or "
                                            "Channel::Outbound; got the value {}",
                                            static_cast<unsigned>(t.channel)));
      for (Diagnostic& d : internal::channel_type_problems(t, ptr)) error(std::move(d.pointer), std::move(d.message));
      for (Diagnostic& d : internal::dialer_problems(t.channel, t.dialer.has_value(), ptr))
        error(std::move(d.pointer), std::move(d.message));
      if (t.dialer) dialer(ptr + "/dialer", *t.dialer);
      const std::size_t before = sink_.count();
      anything_arrives = arrivals(ptr + "/arrivals", t.arrivals) || t.channel == Channel::Outbound || anything_arrives;
      all_arrivals_ok = all_arrivals_ok && sink_.count() == before;
      const bool reaches_agents = ivr(ptr + "/ivr", t);
      distribution(ptr + "/talk", t.talk, true);
      if (t.wrap_up) distribution(ptr + "/wrap_up", *t.wrap_up, false);
      if (t.patience) distribution(ptr + "/patience", *t.patience, false);
      per_period_means(ptr + "/aht_per_period_s", t.aht_per_period_s);
      per_period_means(ptr + "/patience_per_period_s", t.patience_per_period_s);
      if (!t.patience_per_period_s.empty() && !(t.patience && t.patience->mean() > 0.0))
        error(ptr + "/patience_per_period_s",
              "needs a patience law of mean > 0 (its shape, scaled to these means); set patience");
      if (t.max_wait_s) number(ptr + "/max_wait_s", *t.max_wait_s, above(0.0), "seconds");
      if (t.balk_p_by_queue_length.size() > internal::kMaxBalkingValues)
        error(ptr + "/balking/p_by_queue_length",
              fmt::format("at most {} values (queues longer than the table use its last value); got {}",
                          internal::kMaxBalkingValues, t.balk_p_by_queue_length.size()));
      for (std::size_t i = 0; i < t.balk_p_by_queue_length.size(); ++i)
        number(child_pointer(ptr + "/balking/p_by_queue_length", i), t.balk_p_by_queue_length[i], closed(0.0, 1.0),
               "a probability");
      balk_steps(ptr + "/balking", t);
      if (t.redial) redial(ptr + "/redial", *t.redial);
      after_service(ptr, t, make_id<ContactTypeId>(k));
      routes(ptr, t, reaches_agents || transfer_targets.contains(make_id<ContactTypeId>(k)));
    }
    std::vector<std::string> pointers;
    for (std::size_t k = 0; k < types.size(); ++k) pointers.push_back(child_pointer("/contact_types", k));
    if (auto d = internal::follow_up_loop_problem(types, pointers)) error(std::move(d->pointer), std::move(d->message));
    for (Diagnostic& d : internal::callback_problems(types, pointers))
      error(std::move(d.pointer), std::move(d.message));
    for (Diagnostic& d : internal::channel_target_problems(types, pointers))
      error(std::move(d.pointer), std::move(d.message));
    for (Diagnostic& d : internal::interruptible_problems(types, pointers, true))
      error(std::move(d.pointer), std::move(d.message));
    for (Diagnostic& d : internal::outbound_problems(s_, pointers, "/steady/calls", true))
      error(std::move(d.pointer), std::move(d.message));
    if (all_arrivals_ok && !anything_arrives)
      error("/contact_types",
            "nothing arrives: every contact type has a zero rate, zero volumes or an empty trace; give at least one a "
            "positive arrival rate or a trace time");
  }

  void dialer(const std::string& ptr, const DialerSpec& d) {
    number(ptr + "/ratio", d.ratio, Range{0.0, true, internal::kMaxDialRatio, false}, "dials per idle agent");
    const std::size_t before = sink_.count();
    distribution(ptr + "/dial", d.dial, false);
    if (sink_.count() == before)
      if (auto problem = internal::dial_law_problem(d.dial, ptr + "/dial"))
        error(std::move(problem->pointer), std::move(problem->message));
    number(ptr + "/p_reach", d.p_reach, Range{0.0, true, 1.0, false}, "a probability");
  }

  void after_service(const std::string& ptr, const ContactTypeSpec& t, ContactTypeId self) {
    const auto known = [&](const std::string& p, ContactTypeId k) {
      if (index(k) < s_.contact_types.size()) return true;
      error(p, fmt::format("names contact type {}, but there are {}", index(k), s_.contact_types.size()));
      return false;
    };
    for (std::size_t i = 0; i < t.transfers.size(); ++i) {
      const std::string tp = child_pointer(ptr + "/transfers", i);
      known(tp + "/to", t.transfers[i].to);
      number(tp + "/p", t.transfers[i].p, closed(0.0, 1.0), "a probability");
      distribution(tp + "/handle", t.transfers[i].handle, false);
    }
    for (Diagnostic& d : internal::transfer_problems(t.transfers, self, ptr + "/transfers"))
      error(std::move(d.pointer), std::move(d.message));
    if (t.returns) {
      known(ptr + "/returns/as", t.returns->as);
      number(ptr + "/returns/p", t.returns->p, closed(0.0, 1.0), "a probability");
      distribution(ptr + "/returns/delay", t.returns->delay, false);
    }
    if (t.callback) {
      const CallbackSpec& cb = *t.callback;
      const std::string cp = ptr + "/callback";
      known(cp + "/to", cb.to);
      number(cp + "/offer_above_wait_s", cb.offer_above_wait_s, at_least(0.0), "seconds");
      number(cp + "/p_accept", cb.p_accept, closed(0.0, 1.0), "a probability");
      number(cp + "/p_reach", cb.p_reach, closed(0.0, 1.0), "a probability");
      if (cb.max_attempts < 1 || cb.max_attempts > internal::kMaxCallbackDials)
        error(cp + "/max_attempts",
              fmt::format("must be an integer in [1, {}]; got {}", internal::kMaxCallbackDials, cb.max_attempts));
      if (cb.delay) distribution(cp + "/delay", *cb.delay, false);
      if (cb.dial) distribution(cp + "/dial", *cb.dial, false);
      if (cb.retry_delay) distribution(cp + "/retry_delay", *cb.retry_delay, false);
    }
  }

  void balk_steps(const std::string& ptr, const ContactTypeSpec& t) {
    const auto& steps = t.balk_by_announced_wait;
    if (steps.empty()) return;
    if (!t.balk_p_by_queue_length.empty())
      error(ptr, "give one of \"p_by_queue_length\" and \"p_by_announced_wait\", not both");
    if (steps.size() > internal::kMaxBalkingValues)
      error(ptr + "/p_by_announced_wait",
            fmt::format("at most {} steps; got {}", internal::kMaxBalkingValues, steps.size()));
    const std::string sp = ptr + "/p_by_announced_wait";
    for (std::size_t i = 0; i < steps.size(); ++i) {
      number(child_pointer(child_pointer(sp, i), "above_s"), steps[i].above_s, at_least(0.0), "seconds");
      number(child_pointer(child_pointer(sp, i), "p"), steps[i].p, closed(0.0, 1.0), "a probability");
    }
    for (Diagnostic& d : internal::balk_step_problems(steps, sp)) error(std::move(d.pointer), std::move(d.message));
  }

  void redial(const std::string& ptr, const RedialSpec& r) {
    if (r.after >= 1u << kNumAttemptEnds)
      error(ptr + "/after", fmt::format("has bits set past the {} outcomes of AttemptEnd; got {:#x}", kNumAttemptEnds,
                                        r.after));
    for (std::size_t i = 0; i < r.p_by_attempt.size(); ++i)
      number(child_pointer(ptr + "/p_by_attempt", i), r.p_by_attempt[i], closed(0.0, 1.0), "a probability");
    distribution(ptr + "/delay", r.delay, false);
    for (Diagnostic& d : internal::redial_problems(r, ptr)) error(std::move(d.pointer), std::move(d.message));
  }

  // Empty, or (day mode) one mean > 0 per period.
  void per_period_means(const std::string& ptr, const std::vector<double>& means) {
    if (means.empty()) return;
    if (s_.mode != RunMode::Day) {
      error(ptr, "is for day mode only (one value per period); leave it empty in steady state");
      return;
    }
    if (const auto n = periods(); n && means.size() != *n)
      error(ptr, fmt::format("expected {} values (num_periods), got {}", *n, means.size()));
    for (std::size_t i = 0; i < means.size(); ++i)
      number(child_pointer(ptr, i), means[i], Range{0.0, true, internal::kMaxPerPeriodMeanS, false}, "seconds");
  }

  // Returns whether anything arrives.
  bool arrivals(const std::string& ptr, const ArrivalSpec& a) {
    using P = ArrivalSpec::Process;
    if (a.process != P::Poisson && a.process != P::PiecewisePoisson && a.process != P::Trace) {
      error(ptr + "/process", fmt::format("must be Poisson, PiecewisePoisson or Trace; got the value {}",
                                          static_cast<unsigned>(a.process)));
      return false;
    }
    if (!day() && a.process != P::Poisson) {
      error(ptr + "/process", "only Process::Poisson is accepted in steady_state mode");
      return false;
    }
    // A member the process does not read is a forgotten `process`, not a harmless extra.
    const auto unread = [&](std::string_view member, bool set, std::string_view process) {
      if (set)
        error(child_pointer(ptr, member), fmt::format("is set but only Process::{} reads it; set process = "
                                                      "ArrivalSpec::Process::{} or leave {} empty",
                                                      process, process, member));
    };
    unread("rate_per_s", a.process != P::Poisson && a.rate_per_s != 0.0, "Poisson");
    unread("per_period", a.process != P::PiecewisePoisson && !a.per_period.empty(), "PiecewisePoisson");
    unread("times_s", a.process != P::Trace && !a.times_s.empty(), "Trace");
    switch (a.process) {
      case P::Poisson:
        number(ptr + "/rate_per_s", a.rate_per_s, at_least(0.0), "arrivals per second");
        return a.rate_per_s > 0.0;
      case P::PiecewisePoisson: {
        const auto n = periods();
        if (n && a.per_period.size() != *n)
          error(ptr + "/per_period", fmt::format("expected {} values (num_periods), got {}", *n, a.per_period.size()));
        bool arrives = false;
        for (std::size_t k = 0; k < a.per_period.size(); ++k) {
          number(child_pointer(ptr + "/per_period", k), a.per_period[k], at_least(0.0), "expected arrivals");
          arrives = arrives || a.per_period[k] > 0.0;
        }
        return arrives;
      }
      case P::Trace: {
        const bool horizon_ok = periods() && s_.period_s > 0.0 && std::isfinite(s_.period_s);
        const Range range{0.0, false, horizon_ok ? s_.horizon_s() : kInfinity, true};
        for (std::size_t k = 0; k < a.times_s.size(); ++k) {
          const std::string ep = child_pointer(ptr + "/times_s", k);
          if (!number(ep, a.times_s[k], range, "inside the day")) continue;
          if (k > 0 && a.times_s[k] < a.times_s[k - 1])
            error(ep, fmt::format("must be >= the previous time {} (times_s must be non-decreasing); got {}",
                                  format_double(a.times_s[k - 1]), format_double(a.times_s[k])));
        }
        return !a.times_s.empty();
      }
    }
    return false;
  }

  // Returns whether some calls of the type go on to the agents.
  bool ivr(const std::string& ptr, const ContactTypeSpec& t) {
    if (!t.ivr) return true;
    if (!s_.has_ivr)
      error(ptr, "the type has an IVR treatment but has_ivr is false; set has_ivr = true (and ivr_ports, or leave "
                 "it empty for unlimited ports)");
    const IvrTreatment& iv = *t.ivr;
    distribution(ptr + "/duration", iv.duration, false);
    const bool ss = number(ptr + "/p_self_service", iv.p_self_service, closed(0.0, 1.0));
    const bool hu = number(ptr + "/p_hangup", iv.p_hangup, closed(0.0, 1.0));
    const double sum = iv.p_self_service + iv.p_hangup;
    if (ss && hu && sum > 1.0 + internal::kProbabilitySlack)
      error(ptr, fmt::format("p_self_service + p_hangup must be <= 1 (the rest goes on to the agents); got {} + {} "
                             "= {:.6g}",
                             format_double(iv.p_self_service), format_double(iv.p_hangup), sum));
    return sum < 1.0 - internal::kProbabilitySlack;
  }

  void distribution(const std::string& ptr, const sim::Distribution& d, bool is_talk) {
    const std::size_t before = sink_.count();
    parameters(ptr, d, is_talk);
    if (sink_.count() != before) return;
    if (auto why = internal::law_not_finite(d)) error(ptr, std::move(*why));
  }

  void parameters(const std::string& ptr, const sim::Distribution& d, bool is_talk) {
    using K = sim::DistKind;
    const auto param = [&](std::string_view member, double x, const Range& r, std::string_view meaning) {
      return number(child_pointer(ptr, member), x, r, meaning);
    };
    switch (d.kind) {
      case K::Constant:
        param("a", d.a, is_talk ? above(0.0) : at_least(0.0),
              is_talk ? "value_s; a call needs a talk time" : "value_s");
        return;
      case K::Exponential:
        param("a", d.a, above(0.0), "mean_s");
        return;
      case K::Uniform:
        if (param("a", d.a, at_least(0.0), "min_s") && param("b", d.b, above(0.0), "max_s") && !(d.b > d.a))
          error(ptr + "/b", fmt::format("must be > a (min_s {}); got {}", format_double(d.a), format_double(d.b)));
        return;
      case K::LogNormal:
      case K::Gamma:
        param("a", d.a, above(0.0), "mean_s");
        param("b", d.b, above(0.0), "cv = sd / mean; for no variability use a constant");
        return;
      case K::Erlang:
        if (d.k < 1) error(ptr + "/k", "must be >= 1 (the number of phases); got 0");
        param("a", d.a, above(0.0), "mean_s");
        return;
      case K::Weibull:
        param("a", d.a, above(0.0), "shape");
        param("b", d.b, above(0.0), "scale_s");
        return;
      case K::Empirical:
        empirical(ptr, d, is_talk);
        return;
      case K::Triangular:
        if (param("a", d.a, at_least(0.0), "min_s") && param("b", d.b, above(0.0), "max_s") &&
            param("c", d.c, at_least(0.0), "mode_s")) {
          if (!(d.b > d.a))
            error(ptr + "/b", fmt::format("must be > a (min_s {}); got {}", format_double(d.a), format_double(d.b)));
          else if (!(d.c >= d.a && d.c <= d.b))
            error(ptr + "/c", fmt::format("must be between a (min_s {}) and b (max_s {}); got {}", format_double(d.a),
                                          format_double(d.b), format_double(d.c)));
        }
        return;
      case K::Mixture:
        mixture(ptr, d, is_talk);
        return;
    }
    error(ptr + "/kind", fmt::format("unknown DistKind value {}; build the law with a sim::Distribution factory "
                                     "(constant, exponential, uniform, lognormal, gamma, erlang, weibull, empirical, "
                                     "triangular, mixture)",
                                     static_cast<unsigned>(d.kind)));
  }

  // The point, its probability, and exactly one other law that is no mixture (checked as
  // any law, at parts/0).
  void mixture(const std::string& ptr, const sim::Distribution& d, bool is_talk) {
    number(child_pointer(ptr, "b"), d.b, closed(0.0, 1.0), "p, the probability of the point");
    number(child_pointer(ptr, "a"), d.a, at_least(0.0), "value_s, the point");
    if (d.parts.size() != 1) {
      error(ptr + "/parts", fmt::format("a mixture needs exactly one other law (build it with "
                                        "sim::Distribution::mixture(p, value_s, otherwise)); got {}",
                                        d.parts.size()));
      return;
    }
    const std::string other = ptr + "/parts/0";
    if (d.parts.front().kind == sim::DistKind::Mixture) {
      error(other + "/kind", "a mixture's other law cannot be a mixture itself");
      return;
    }
    const std::size_t before = sink_.count();
    parameters(other, d.parts.front(), false);
    if (sink_.count() == before && is_talk && !(d.mean() > 0.0))
      error(ptr, "talk needs a positive mean; this mixture's is 0");
  }

  void empirical(const std::string& ptr, const sim::Distribution& d, bool is_talk) {
    if (d.values_s.empty() || d.cdf.size() != d.values_s.size()) {
      error(ptr, fmt::format("an empirical law needs values_s and a cdf of the same non-zero size; got {} and {} "
                             "(build it with sim::Distribution::empirical(values_s, weights))",
                             d.values_s.size(), d.cdf.size()));
      return;
    }
    bool ok = true;
    for (std::size_t i = 0; i < d.values_s.size(); ++i)
      ok = number(child_pointer(ptr + "/values_s", i), d.values_s[i], at_least(0.0)) && ok;
    for (std::size_t i = 0; i < d.cdf.size() && ok; ++i) {
      if (!(d.cdf[i] >= (i == 0 ? 0.0 : d.cdf[i - 1])) || !(d.cdf[i] <= 1.0)) {
        error(child_pointer(ptr + "/cdf", i), fmt::format("must be non-decreasing in [0, 1]; got {}; build the law "
                                                          "with sim::Distribution::empirical(values_s, weights)",
                                                          format_double(d.cdf[i])));
        ok = false;
      }
    }
    if (ok && d.cdf.back() != 1.0) {
      error(child_pointer(ptr + "/cdf", d.cdf.size() - 1),
            fmt::format("the last entry must be exactly 1; got {}; build the law with "
                        "sim::Distribution::empirical(values_s, weights)",
                        format_double(d.cdf.back())));
      ok = false;
    }
    if (ok && is_talk && !(d.mean() > 0.0))
      error(ptr + "/values_s", "talk needs a positive mean; every value with a positive probability is 0");
  }

  // The type's groups and the tables parallel to them.
  void routes(const std::string& ptr, const ContactTypeSpec& t, bool reaches_agents) {
    const std::size_t n_groups = s_.agent_groups.size();
    std::map<std::uint32_t, std::size_t> seen;
    for (std::size_t j = 0; j < t.groups.size(); ++j) {
      const std::uint32_t g = index(t.groups[j]);
      const std::string ep = child_pointer(ptr + "/groups", j);
      if (g >= n_groups) {
        error(ep, n_groups == 0 ? fmt::format("agent group id {} does not exist; agent_groups is empty", g)
                                : fmt::format("agent group id {} does not exist; ids are 0 to {} (agent_groups)", g,
                                              n_groups - 1));
        ids_ok_ = false;
      } else if (auto [where, fresh] = seen.emplace(g, j); !fresh) {
        error(ep, fmt::format("agent group {} is listed twice (also at index {}); list each group once",
                              group_name(g), where->second));
      }
    }
    if (t.groups.empty() && reaches_agents)
      error(ptr + "/groups", fmt::format("contact type {} has no route; list at least one agent group id (every "
                                         "contact type that can reach agents needs one)",
                                         quote(t.name)));
    parallel(ptr, "handle_time_multiplier", t.handle_time_multiplier, t.groups.size(), above(0.0), {});
    parallel(ptr, "overflow_delay_s", t.overflow_delay_s, t.groups.size(), at_least(0.0),
             internal::kOverflowAfterDelayPolicy);
    parallel(ptr, "wait_weight", t.wait_weight, t.groups.size(), above(0.0), internal::kLongestWeightedWaitPolicy);
    const auto delayed =
        static_cast<std::size_t>(std::ranges::count_if(t.overflow_delay_s, [](double d) { return d > 0.0; }));
    if (t.channel == Channel::Outbound && delayed > 0)
      error(ptr + "/overflow_delay_s", internal::outbound_delay_problem(t.name));
    if (delayed > internal::kMaxDelayedGroupsPerType)
      error(ptr + "/overflow_delay_s",
            fmt::format("{} agent groups have a positive delay; at most {} are supported (one eligibility timer per "
                        "delayed group): give the others a delay of 0",
                        delayed, internal::kMaxDelayedGroupsPerType));
  }

  // A vector parallel to groups: empty (the default for every group) or one value each.
  void parallel(const std::string& ptr, std::string_view member, const std::vector<double>& v, std::size_t n,
                const Range& r, std::string_view policy) {
    if (v.empty()) return;
    const std::string mp = child_pointer(ptr, member);
    if (!policy.empty() && !read_by_policy(mp, policy)) return;
    if (v.size() != n) {
      error(mp, fmt::format("expected {} values (one per entry of groups) or none, got {}", n, v.size()));
      ids_ok_ = false;
    }
    for (std::size_t i = 0; i < v.size(); ++i) number(child_pointer(mp, i), v[i], r);
  }

  // ---- agent groups ---------------------------------------------------------------

  void agent_groups() {
    const auto& groups = s_.agent_groups;
    if (groups.empty()) {
      error("/agent_groups", "must not be empty; add at least one AgentGroupSpec");
      return;
    }
    if (groups.size() > internal::kMaxAgentGroups)
      error("/agent_groups", fmt::format("at most {} agent groups are supported (random stream numbering); got {}",
                                         internal::kMaxAgentGroups, groups.size()));
    std::uint64_t agents = 0;
    for (const AgentGroupSpec& a : groups) agents += internal::scheduled_stints(a);
    if (auto message = internal::too_many_agents(agents)) error("/agent_groups", std::move(*message));
    std::map<std::string, std::size_t, std::less<>> names;
    const auto n = periods();
    for (std::size_t g = 0; g < groups.size(); ++g) {
      const AgentGroupSpec& a = groups[make_id<AgentGroupId>(g)];
      const std::string ptr = child_pointer("/agent_groups", g);
      unique_name(names, "/agent_groups", "agent group", g, a.name);
      const bool by_shifts_only = day() && a.staffing.empty() && !a.shifts.empty();
      if (day() && a.staffing.empty() && a.shifts.empty()) {
        error(ptr, "has neither staffing nor shifts; give staffing (one value per period), shifts, or both");
      } else if (n && a.staffing.size() != *n && !by_shifts_only) {
        error(ptr + "/staffing", day() ? fmt::format("expected {} values (num_periods), got {}", *n, a.staffing.size())
                                       : fmt::format("expected exactly 1 value (steady_state mode has no periods), "
                                                     "got {}",
                                                     a.staffing.size()));
        ids_ok_ = false;
      }
      if (!n) ids_ok_ = false;
      workforce(ptr, a);
      type_order(ptr, g, a);
      chat(ptr, a);
    }
    // Cross-checks that index by group ids and staffing.
    if (!ids_ok_) return;
    for (std::size_t g = 0; g < groups.size(); ++g) {
      const bool served =
          std::ranges::any_of(s_.contact_types, [&](const ContactTypeSpec& t) { return serves(t, g); });
      if (!served)
        error(child_pointer("/agent_groups", g),
              fmt::format("agent group {} serves no contact type; list its id in some contact type's groups or remove "
                          "it",
                          group_name(g)));
      reservation(g);
    }
    std::vector<std::string> group_pointers;
    std::vector<bool> chat;
    for (std::size_t g = 0; g < groups.size(); ++g) {
      group_pointers.push_back(child_pointer("/agent_groups", g));
      const AgentGroupSpec& a = groups[make_id<AgentGroupId>(g)];
      chat.push_back(a.chat_sessions != 1 || !a.chat_handle_factors.empty());
    }
    if (chat_ok_)
      for (Diagnostic& d : internal::chat_group_problems(s_, group_pointers, chat))
        error(std::move(d.pointer), std::move(d.message));
    for (Diagnostic& d : internal::channel_cap_problems(s_, group_pointers, true))
      error(std::move(d.pointer), std::move(d.message));
  }

  // Sessions in [1, kMaxChatSessions]; the factors by the shared rule.
  void chat(const std::string& ptr, const AgentGroupSpec& a) {
    if (a.chat_sessions < 1 || a.chat_sessions > internal::kMaxChatSessions) {
      error(ptr + "/chat_sessions", fmt::format("must be an integer in [1, {}]; got {}", internal::kMaxChatSessions,
                                                a.chat_sessions));
      chat_ok_ = false;
      return;
    }
    for (Diagnostic& d : internal::chat_factor_problems(a.chat_sessions, a.chat_handle_factors,
                                                        ptr + "/chat_handle_factors")) {
      error(std::move(d.pointer), std::move(d.message));
      chat_ok_ = false;
    }
  }

  // Finite and >= 0, on every group or none.
  void costs() {
    std::vector<std::string> group_pointers;
    std::vector<bool> priced;
    for (std::size_t g = 0; g < s_.agent_groups.size(); ++g) {
      group_pointers.push_back(child_pointer("/agent_groups", g));
      priced.push_back(s_.agent_groups[make_id<AgentGroupId>(g)].cost_per_hour.has_value());
      if (const auto& c = s_.agent_groups[make_id<AgentGroupId>(g)].cost_per_hour)
        if (auto message = internal::cost_value_problem(*c)) error(group_pointers.back() + "/cost_per_hour", *message);
    }
    if (auto d = internal::cost_coverage_problem(s_, priced, group_pointers)) error(d->pointer, d->message);
    if (s_.costs) {
      if (auto m = internal::cost_value_problem(s_.costs->per_abandoned_call)) error("/costs/per_abandoned_call", *m);
      if (auto m = internal::cost_value_problem(s_.costs->per_answered_call)) error("/costs/per_answered_call", *m);
    }
  }

  // Shifts, absenteeism and shrinkage: day mode only. Values are checked here, then the
  // valid ones against each other by the loader's rules (workforce_rules.h).
  void workforce(const std::string& ptr, const AgentGroupSpec& a) {
    if (!day()) {
      const auto unread = [&](std::string_view member, bool set) {
        if (set)
          error(child_pointer(ptr, member),
                fmt::format("only used in day mode; leave {} empty (mode is RunMode::SteadyState)", member));
      };
      unread("shifts", !a.shifts.empty());
      unread("absenteeism", a.absenteeism != 0.0);
      unread("shrinkage", !a.shrinkage.empty());
      return;
    }
    std::vector<internal::ShiftValid> valid(a.shifts.size());
    for (std::size_t i = 0; i < a.shifts.size(); ++i) {
      const ShiftSpec& shift = a.shifts[i];
      const std::string sp = child_pointer(ptr + "/shifts", i);
      const bool start = finite_time(sp + "/start_s", shift.start_s);
      const bool end = finite_time(sp + "/end_s", shift.end_s);
      valid[i].times = start && end;
      for (std::size_t b = 0; b < shift.breaks.size(); ++b) {
        const BreakSpec& br = shift.breaks[b];
        const std::string bp = child_pointer(sp + "/breaks", b);
        const bool duration = number(bp + "/duration_s", br.duration_s, above(0.0), "seconds");
        const bool earliest = finite_time(bp + "/earliest_start_s", br.earliest_start_s);
        const bool latest = finite_time(bp + "/latest_start_s", br.latest_start_s);
        valid[i].breaks.push_back({true, duration && earliest && latest});
        if (static_cast<unsigned>(br.placement) > static_cast<unsigned>(BreakPlacement::Latest))
          error(bp + "/placement", fmt::format("must be a BreakPlacement enumerator; got the value {}",
                                               static_cast<unsigned>(br.placement)));
      }
    }
    const bool horizon_ok = periods() && s_.period_s > 0.0 && std::isfinite(s_.period_s);
    const internal::DayClock day{horizon_ok ? std::optional<double>(s_.horizon_s()) : std::nullopt,
                                 s_.start_minute && *s_.start_minute < 24 * 60 ? s_.start_minute : std::nullopt,
                                 s_.days > 1 ? std::optional<double>(internal::kSecondsPerDay) : std::nullopt};
    internal::check_shifts(a.shifts, valid, day, MemberPointers(ptr + "/shifts"), sink_);

    if (auto message = internal::fraction_problem(a.absenteeism, format_double(a.absenteeism),
                                                  internal::kAbsenteeismAtOne))
      error(ptr + "/absenteeism", std::move(*message));
    if (a.shrinkage.empty()) return;
    if (const auto n = periods(); n && a.shrinkage.size() != *n)
      error(ptr + "/shrinkage",
            fmt::format("expected {} values (num_periods) or none, got {}", *n, a.shrinkage.size()));
    for (std::size_t k = 0; k < a.shrinkage.size(); ++k) {
      if (auto message = internal::fraction_problem(a.shrinkage[k], format_double(a.shrinkage[k]),
                                                    internal::kShrinkageAtOne))
        error(child_pointer(ptr + "/shrinkage", k), std::move(*message));
    }
  }

  bool finite_time(const std::string& ptr, double t) {
    if (std::isfinite(t)) return true;
    error(ptr, fmt::format("must be a finite number of seconds from time 0 of the day; got {}", format_double(t)));
    return false;
  }

  void type_order(const std::string& ptr, std::size_t g, const AgentGroupSpec& a) {
    if (a.type_order.empty()) return;
    const std::size_t n_types = s_.contact_types.size();
    const std::string op = ptr + "/type_order";
    std::set<std::uint32_t> listed;
    for (std::size_t j = 0; j < a.type_order.size(); ++j) {
      const std::uint32_t k = index(a.type_order[j]);
      const std::string ep = child_pointer(op, j);
      if (k >= n_types) {
        error(ep, fmt::format("contact type id {} does not exist; ids are 0 to {} (contact_types)", k,
                              n_types == 0 ? 0 : n_types - 1));
      } else if (!listed.insert(k).second) {
        error(ep, fmt::format("contact type {} is listed twice; list each type once", type_name(k)));
      } else if (!serves(s_.contact_types[make_id<ContactTypeId>(k)], g)) {
        error(ep, fmt::format("contact type {} does not route to agent group {} (its groups); remove it from "
                              "type_order or add the group to {}/groups",
                              type_name(k), quote(a.name), child_pointer("/contact_types", k)));
      }
    }
    for (std::size_t k = 0; k < n_types; ++k) {
      if (listed.contains(static_cast<std::uint32_t>(k)) || !serves(s_.contact_types[make_id<ContactTypeId>(k)], g))
        continue;
      error(op, fmt::format("agent group {} serves contact type {} (in its groups) but type_order does not list it; "
                            "list every type the group serves, or leave type_order empty",
                            quote(a.name), type_name(k)));
    }
  }

  void reservation(std::size_t g) {
    const AgentGroupSpec& a = s_.agent_groups[make_id<AgentGroupId>(g)];
    if (a.reserved_agents == 0) return;
    const std::string ptr = child_pointer("/agent_groups", g);
    if (!read_by_policy(ptr + "/reserved_agents", internal::kQueuePriorityPolicy)) return;
    if (a.reserved_for_channel ? channel_reservation(g, ptr, *a.reserved_for_channel) : type_reservation(g, ptr))
      if (auto message = internal::reservation_leaves_none(a.reserved_agents, a.name,
                                                           internal::peak_scheduled_agents(a, s_.period_s)))
        error(ptr + "/reserved_agents", std::move(*message));
  }

  // Whether the reservation for one type is one the group can keep (its size aside).
  bool type_reservation(std::size_t g, const std::string& ptr) {
    const AgentGroupSpec& a = s_.agent_groups[make_id<AgentGroupId>(g)];
    const std::uint32_t k = index(a.reserved_for);
    if (k >= s_.contact_types.size()) {
      error(ptr + "/reserved_for", fmt::format("contact type id {} does not exist; ids are 0 to {} (contact_types)", k,
                                               s_.contact_types.size() - 1));
      return false;
    }
    if (!serves(s_.contact_types[a.reserved_for], g)) {
      error(ptr + "/reserved_for",
            fmt::format("contact type {} does not route to agent group {}; reserve a group's agents only for a type "
                        "it serves, or add the group to {}/groups",
                        type_name(k), quote(a.name), child_pointer("/contact_types", k)));
      return false;
    }
    bool serves_others = false;
    for (std::size_t j = 0; j < s_.contact_types.size(); ++j)
      serves_others = serves_others || (j != k && serves(s_.contact_types[make_id<ContactTypeId>(j)], g));
    if (!serves_others) {
      error(ptr + "/reserved_agents",
            fmt::format("reservation has no effect: agent group {} serves only contact type {}; reserve agents of a "
                        "group that also serves other types, or set reserved_agents to 0",
                        quote(a.name), type_name(k)));
      return false;
    }
    return true;
  }

  // Whether the reservation for every type of channel c is one the group can keep.
  bool channel_reservation(std::size_t g, const std::string& ptr, Channel c) {
    const AgentGroupSpec& a = s_.agent_groups[make_id<AgentGroupId>(g)];
    if (channel_name(c).empty()) {
      error(ptr + "/reserved_for_channel",
            fmt::format("must be Channel::Voice, Channel::Email or Channel::Chat; got the value {}",
                        static_cast<unsigned>(c)));
      return false;
    }
    bool of_channel = false, of_others = false;
    for (const ContactTypeSpec& t : s_.contact_types)
      if (serves(t, g)) (t.channel == c ? of_channel : of_others) = true;
    if (!of_channel) {
      error(ptr + "/reserved_for_channel",
            fmt::format("agent group {} serves no {} type; keep agents for a channel the group serves",
                        quote(a.name), channel_name(c)));
      return false;
    }
    if (!of_others)
      error(ptr + "/reserved_agents",
            fmt::format("reservation has no effect: agent group {} serves only {} types; keep agents of a group "
                        "that also serves another channel, or set reserved_agents to 0",
                        quote(a.name), channel_name(c)));
    return of_others;
  }

  // ---- router, service level, targets, rng ----------------------------------------

  void router() {
    if (policy_known()) return;
    error("/router/policy", fmt::format("unknown router policy {}; known: {}{}", quote(s_.router.policy),
                                        internal::join_names(kRouterPolicyNames),
                                        internal::did_you_mean(s_.router.policy, kRouterPolicyNames)));
  }

  void service_level(const ServiceLevelSpec& sl, const std::string& ptr) {
    number(ptr + "/awt_s", sl.awt_s, at_least(0.0), "acceptable waiting time, seconds");
    number(ptr + "/target", sl.target, Range{0.0, true, 1.0, false});
    if (static_cast<unsigned>(sl.definition) > static_cast<unsigned>(SlDefinition::AnsweredWithinTOverOffered))
      error(ptr + "/definition",
            fmt::format("must be an SlDefinition enumerator; got the value {}", static_cast<unsigned>(sl.definition)));
    number(ptr + "/short_abandon_s", sl.short_abandon_s, at_least(0.0));
  }

  void service_level_and_targets() {
    service_level(s_.service_level, "/service_level");
    for (std::size_t k = 0; k < s_.contact_types.size(); ++k)
      if (const auto& own = s_.contact_types[make_id<ContactTypeId>(k)].service_level)
        service_level(*own, child_pointer("/contact_types", k) + "/service_level");

    const auto& ts = s_.targets;
    std::vector<TargetSpec> first{{Kpi::ServiceLevel, TargetBound::AtLeast, s_.service_level.target}};
    for (const TargetSpec& t : internal::type_service_level_targets(s_)) first.push_back(t);
    if (ts.size() < first.size() || !std::equal(first.begin(), first.end(), ts.begin())) {
      error("/targets",
            fmt::format("must start with the service-level targets: TargetSpec{{Kpi::ServiceLevel, "
                        "TargetBound::AtLeast, {}}} (service_level.target), then the {} of the contact types with "
                        "their "
                        "own service_level (internal::type_service_level_targets); the per-interval verdicts use them",
                        format_double(s_.service_level.target), first.size() - 1));
      return;
    }
    using Key = std::tuple<Kpi, TargetBound, std::optional<ContactTypeId>, std::optional<AgentGroupId>, TargetScope>;
    std::set<Key> seen;
    for (const TargetSpec& t : first) seen.emplace(t.kpi, t.bound, t.type, t.group, t.scope);
    for (std::size_t i = first.size(); i < ts.size(); ++i) {
      const TargetSpec& t = ts[i];
      const std::string ptr = child_pointer("/targets", i);
      if (static_cast<std::size_t>(t.kpi) >= kNumKpis) {
        error(ptr + "/kpi", fmt::format("must be a Kpi enumerator; got the value {}", static_cast<unsigned>(t.kpi)));
        continue;
      }
      if (t.bound != TargetBound::AtLeast && t.bound != TargetBound::AtMost) {
        error(ptr + "/bound", "must be TargetBound::AtLeast or TargetBound::AtMost");
        continue;
      }
      if (t.scope != TargetScope::Day && t.scope != TargetScope::Intervals) {
        error(ptr + "/scope", "must be TargetScope::Day or TargetScope::Intervals");
        continue;
      }
      if (t.type && index(*t.type) >= s_.contact_types.size()) {
        error(ptr + "/type", fmt::format("must be a contact type index below {}; got {}", s_.contact_types.size(),
                                         index(*t.type)));
        continue;
      }
      if (t.group && index(*t.group) >= s_.agent_groups.size()) {
        error(ptr + "/group", fmt::format("must be an agent group index below {}; got {}", s_.agent_groups.size(),
                                          index(*t.group)));
        continue;
      }
      number(ptr + "/share_of_intervals", t.share_of_intervals, Range{0.0, true, 1.0, false});
      if (t.scope == TargetScope::Day && t.share_of_intervals != 1.0)
        error(ptr + "/share_of_intervals", "applies to TargetScope::Intervals only; leave it 1 for TargetScope::Day");
      if (auto p = internal::target_problem(t, s_.mode)) {
        using W = internal::TargetProblem::Where;
        error(p->where == W::Kpi ? ptr + "/kpi" : p->where == W::Scope ? ptr + "/scope" : ptr, p->message);
        continue;
      }
      if (kpi_is_fraction(t.kpi)) {
        number(ptr + "/value", t.value, closed(0.0, 1.0),
               fmt::format("{} is a fraction: write 5% as 0.05", kpi_name(t.kpi)));
      } else {
        number(ptr + "/value", t.value, at_least(0.0));
      }
      if (!seen.emplace(t.kpi, t.bound, t.type, t.group, t.scope).second)
        error(ptr, fmt::format("duplicate target: {} already has an {} bound at this level and scope",
                               kpi_name(t.kpi), t.bound == TargetBound::AtLeast ? "AtLeast" : "AtMost"));
    }
  }

  void rng() {
    if (s_.replications < 1) error("/replications", "must be >= 1; got 0");
    number("/confidence", s_.confidence, Range{0.0, true, 1.0, true}, "the level of every confidence interval");
  }

  const ScenarioSpec& s_;
  internal::DiagnosticSink sink_;
  bool ids_ok_ = true;  // every id and per-group table size valid: cross-checks may index by them
  bool chat_ok_ = true;  // every group's chat sessions and factors valid: the chat cross-check reads them
};

}  // namespace

std::vector<Diagnostic> spec_problems(const ScenarioSpec& spec) { return SpecChecker(spec).check(); }

void validate_spec(const ScenarioSpec& spec) {
  std::vector<Diagnostic> problems = spec_problems(spec);
  if (problems.empty()) return;
  std::string file = !spec.source_file.empty() ? spec.source_file : !spec.name.empty() ? spec.name : "scenario";
  throw ScenarioError(std::move(file), std::move(problems));
}

}  // namespace ccsim::models
