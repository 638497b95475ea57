// models/scenario/spec.h
// ScenarioSpec: a validated scenario as plain aggregates, the only input CallCenter
// reads. The loader (load*.cc) fills it from JSON and resolves every name into a dense
// id; tests can build one in code. docs/scenario-format.md documents the file format.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "models/ids.h"
#include "models/kpi/kpi_names.h"
#include "models/scenario/check_spec.h"
#include "sim/rng/distribution.h"

namespace ccsim::models {

enum class RunMode : std::uint8_t { Day, SteadyState };

// How calls of one type arrive. Poisson: constant rate over the whole horizon.
// PiecewisePoisson: per_period[k] expected arrivals in period k (rate per_period[k] /
// period_s). Trace: the given arrival instants, replayed identically in every replication.
struct ArrivalSpec {
  enum class Process : std::uint8_t { Poisson, PiecewisePoisson, Trace };
  Process process = Process::Poisson;
  double rate_per_s = 0.0;
  std::vector<double> per_period;
  std::vector<double> times_s;  // non-decreasing, inside the horizon

  // Positive rate, some positive volume or a non-empty trace.
  bool arrives() const {
    switch (process) {
      case Process::Poisson: return rate_per_s > 0.0;
      case Process::PiecewisePoisson: return std::ranges::any_of(per_period, [](double x) { return x > 0.0; });
      case Process::Trace: return !times_s.empty();
    }
    return false;
  }
};

// What the IVR does with one contact type: it holds a port for `duration`, then the
// call is contained (self-service, leaves), hangs up, or goes on to the ACD queue.
struct IvrTreatment {
  sim::Distribution duration;
  double p_self_service = 0.0;
  double p_hangup = 0.0;  // p_self_service + p_hangup <= 1

  double p_to_agents() const { return 1.0 - p_self_service - p_hangup; }
};

enum class SlDefinition : std::uint8_t {
  AnsweredWithinTOverAdmitted,  // answered within awt / admitted (answered, abandoned, timed out, disconnected)
  AnsweredWithinTOverAnswered,  // answered within awt / answered
  ExcludingShortAbandons,       // answered within awt / (admitted less the abandons before short_abandon_s)
  AnsweredWithinTOverOffered,   // answered within awt / every offered call (blocked and IVR-ended too)
};

// The name a scenario file gives each definition (service_level.definition).
constexpr std::string_view sl_definition_name(SlDefinition d) {
  switch (d) {
    case SlDefinition::AnsweredWithinTOverAdmitted: return "answered_within_t_over_admitted";
    case SlDefinition::AnsweredWithinTOverAnswered: return "answered_within_t_over_answered";
    case SlDefinition::ExcludingShortAbandons: return "excluding_short_abandons";
    case SlDefinition::AnsweredWithinTOverOffered: return "answered_within_t_over_offered";
  }
  return {};
}

struct ServiceLevelSpec {
  double awt_s = 20.0;
  double target = 0.8;
  SlDefinition definition = SlDefinition::AnsweredWithinTOverAdmitted;
  double short_abandon_s = 5.0;
};

// How an attempt of a caller ended without an agent: the outcomes a redial may follow.
enum class AttemptEnd : std::uint8_t { Blocked, IvrHangup, Abandoned, Balked, TimedOut, Disconnected };
inline constexpr std::size_t kNumAttemptEnds = 6;

constexpr std::string_view attempt_end_name(AttemptEnd e) {
  switch (e) {
    case AttemptEnd::Blocked: return "blocked";
    case AttemptEnd::IvrHangup: return "ivr_hangup";
    case AttemptEnd::Abandoned: return "abandoned";
    case AttemptEnd::Balked: return "balked";
    case AttemptEnd::TimedOut: return "timed_out";
    case AttemptEnd::Disconnected: return "disconnected";
  }
  return {};
}

constexpr std::uint8_t attempt_end_bit(AttemptEnd e) {
  return static_cast<std::uint8_t>(1u << static_cast<unsigned>(e));
}

// Redials (retrials): after an attempt that ended in one of `after`, the caller calls the
// same contact type again, with probability p_by_attempt[n - 1] after its n-th attempt (the
// last value for later attempts), delay after the failure, making at most max_attempts
// attempts in all (none: no bound; then the last probability is below 1). A redial is a
// new call: it takes a line, passes the IVR, may balk; it keeps the caller's first
// patience and handle time, or draws new ones.
struct RedialSpec {
  std::vector<double> p_by_attempt;
  std::optional<std::uint32_t> max_attempts;
  sim::Distribution delay;
  std::uint8_t after = attempt_end_bit(AttemptEnd::Blocked) | attempt_end_bit(AttemptEnd::IvrHangup) |
                       attempt_end_bit(AttemptEnd::Abandoned) | attempt_end_bit(AttemptEnd::Balked);
  bool keep_patience = false;
  bool keep_handle_time = true;

  bool follows(AttemptEnd e) const { return (after & attempt_end_bit(e)) != 0; }
  // The probability of a redial after the caller's attempt number `attempt` (1 = the first).
  double p_after(std::uint32_t attempt) const {
    if (max_attempts && attempt >= *max_attempts) return 0.0;
    return p_by_attempt[std::min<std::size_t>(attempt, p_by_attempt.size()) - 1];
  }
};

// After its talk, a call of this type is transferred to another contact type with
// probability p: the agent spends `handle` more (consulting, handing over) with the caller
// on the line, then the caller joins the queue of type `to`, keeping its line and its
// identity, and is served there as a call of that type.
struct TransferSpec {
  ContactTypeId to{};
  double p = 0.0;
  sim::Distribution handle;
};

// A served customer (not transferred) calls again later with probability p, after
// `delay`, as a new call of type `as`: the issue was not resolved (first-contact
// resolution is 1 - p).
struct ReturnSpec {
  double p = 0.0;
  sim::Distribution delay;
  ContactTypeId as{};
};

// Callbacks (virtual hold): a caller about to wait in its queue whose announced wait is
// above offer_above_wait_s is offered a callback and accepts with probability p_accept.
// It hangs up (its line is freed) and its callback joins the queue of contact type `to`
// after `delay` (none: at once, so it keeps its place in the order of waits). An agent who
// takes it spends `dial` of its time calling; the customer answers with probability p_reach
// and is served as a call of type `to`; else the callback is dialled again retry_delay
// later, at most max_attempts dials in all, and then fails. docs/scenario-format.md#callbacks
struct CallbackSpec {
  double offer_above_wait_s = 0.0;
  double p_accept = 0.0;
  ContactTypeId to{};
  std::optional<sim::Distribution> delay;
  std::optional<sim::Distribution> dial;
  double p_reach = 1.0;
  std::uint32_t max_attempts = 1;
  std::optional<sim::Distribution> retry_delay;  // needed when a dial may fail and another may follow
};

// How a contact type's contacts reach the centre (docs/scenario-format.md#channels).
// Voice: a call, holding a trunk line (when lines are limited) from arrival to the end of
// its talk. Email: any deferred work item (e-mail, web form, ticket): it holds no line,
// has no IVR and never abandons; it waits in the backlog, and its service level is the
// share answered within its due time (the type's service-level threshold, given as due_s).
// Items still waiting when the day ends stay in the backlog: no agent takes them after
// the close, and the results count them in backlog_at_close. Chat: a session in a chat
// window; it holds no line and has no IVR, and its customer waits with patience like a
// caller. An agent may hold several sessions at once (AgentGroupSpec::chat_sessions).
// Outbound: customers the centre calls; nobody arrives, the type's dialer (DialerSpec)
// places the calls. A customer reached is offered to the type's agents like a call,
// holding a trunk line from the dial to the end of its talk; one who finds no agent waits
// with its patience (by default none: it hangs up at once, a nuisance call).
enum class Channel : std::uint8_t { Voice, Email, Chat, Outbound };
inline constexpr std::size_t kNumChannels = 4;
constexpr std::size_t index(Channel c) { return static_cast<std::size_t>(c); }

constexpr std::string_view channel_name(Channel c) {
  switch (c) {
    case Channel::Voice: return "voice";
    case Channel::Email: return "email";
    case Channel::Chat: return "chat";
    case Channel::Outbound: return "outbound";
  }
  return {};
}

// An outbound type's threshold dialer (ContactCenters' ThresholdDialerPolicy; Deslauriers et
// al. 2003, blend of inbound and outbound): whenever the number N of idle agents of the
// type's groups changes, or a dial ends, it keeps round(ratio x (N - threshold)) dials in
// progress (none while N <= threshold: those agents are kept for inbound). A dial holds a
// trunk line (none free: no dial) for `dial`, then reaches the customer with probability
// p_reach; no dial starts after the close (day) or the window's end (steady state).
struct DialerSpec {
  std::uint32_t threshold = 0;
  double ratio = 1.0;
  sim::Distribution dial;
  double p_reach = 1.0;
};

struct ContactTypeSpec {
  std::string name;
  Channel channel = Channel::Voice;
  std::uint32_t priority = 0;  // lower is served first by a freed agent
  ArrivalSpec arrivals;
  std::optional<IvrTreatment> ivr;
  sim::Distribution talk;
  std::optional<sim::Distribution> wrap_up;   // none: the agent is free at the end of talk
  std::optional<sim::Distribution> patience;  // none: infinite patience, never abandons
  std::vector<AgentGroupId> groups;           // routing preference, first = preferred
  // Parallel to groups: the talk and wrap-up of a call of this type served by groups[i]
  // take handle_time_multiplier[i] times as long as drawn (a generalist may be slower).
  // Empty means 1 for every group.
  std::vector<double> handle_time_multiplier;
  // overflow_after_delay only, parallel to groups: a waiting call becomes eligible for
  // groups[i] once it has waited overflow_delay_s[i] seconds. Empty means 0 for all.
  std::vector<double> overflow_delay_s;
  // longest_weighted_wait only, parallel to groups: a freed agent of groups[i] ranks a
  // waiting head of this type by wait_weight[i] * its wait. Empty means 1 for all.
  std::vector<double> wait_weight;
  // Day mode, empty or one value per period: the mean handle time (talk and wrap-up) of
  // a contact arriving in that period (a forecast's AHT per interval). Its talk and
  // wrap-up draws are scaled to it, so the laws keep their shape (and CRN its draws).
  std::vector<double> aht_per_period_s;
  // Day mode, empty or one value per period (with a patience law): the mean patience of
  // a caller arriving in that period; the patience draw is scaled likewise.
  std::vector<double> patience_per_period_s;
  // This type's own service-level definition (threshold, target, ratio); none: the
  // scenario's. Its target is judged on the type over the day (a TargetSpec with type).
  std::optional<ServiceLevelSpec> service_level;
  // A caller still waiting after max_wait_s leaves the queue as timed out (voicemail, a
  // message, a partner centre), not abandoned: the centre ended the wait, not the caller.
  std::optional<double> max_wait_s;
  // Balking: a caller who would have to wait hangs up at once, without joining the queue,
  // with probability balk_p_by_queue_length[n] when n callers of its type wait ahead (the
  // last value for any longer queue). Empty: no caller balks.
  std::vector<double> balk_p_by_queue_length;
  // Or by the wait the caller is told (CallCenter::announced_wait_s): with probability p of
  // the last step whose above_s the announced wait exceeds (none: 0). Steps in increasing
  // above_s; at most one of the two tables is given.
  struct BalkStep {
    double above_s = 0.0;
    double p = 0.0;
    bool operator==(const BalkStep&) const = default;
  };
  std::vector<BalkStep> balk_by_announced_wait;
  bool balks() const { return !balk_p_by_queue_length.empty() || !balk_by_announced_wait.empty(); }
  std::optional<RedialSpec> redial;  // none: a caller who fails does not call again
  std::vector<TransferSpec> transfers;  // their p add up to at most 1
  std::optional<ReturnSpec> returns;    // none: a served customer does not come back
  std::optional<CallbackSpec> callback;  // none: no caller is offered a callback
  // E-mail only: an agent working on an item of this type (in its talk, not its wrap-up)
  // hands it back when a call arrives that would otherwise wait and the routing policy, seeing
  // such agents as free, picks the agent's group. The item goes back to the head of its
  // backlog with the work left, for the next agent to resume (preemptive-resume).
  bool interruptible = false;
  std::optional<DialerSpec> dialer;  // outbound only, and there required
};

// A break or scheduled activity (lunch, coffee, team meeting) inside a shift. An agent
// starts it at its first idle moment at or after its planned start, so a break never cuts
// a contact, and takes all of duration_s. Fixed: earliest_start_s == latest_start_s.
// Flexible: the planned starts of the shift's agents lie in [earliest_start_s,
// latest_start_s], placed by `placement`. A break that starts after latest_start_s (the
// agent was still busy) is late by the difference. Times are seconds from time 0 of the
// day (the start of period 0).
enum class BreakPlacement : std::uint8_t {
  Spread,    // agent i of n plans its start at earliest + (latest - earliest) * (i + 0.5) / n
  Earliest,  // every agent plans it at earliest_start_s
  Latest,    // every agent plans it at latest_start_s
};

struct BreakSpec {
  std::string name;
  double duration_s = 0.0;
  double earliest_start_s = 0.0;
  double latest_start_s = 0.0;
  BreakPlacement placement = BreakPlacement::Spread;
  bool paid = true;
};

// `agents` agents log on at start_s and log off at end_s (seconds from time 0 of the
// day, 0 <= start_s < end_s <= horizon); an agent busy at end_s finishes the contact in
// hand and its wrap-up first (overtime). Breaks are in planned order.
struct ShiftSpec {
  std::string name;
  double start_s = 0.0;
  double end_s = 0.0;
  std::uint32_t agents = 0;
  std::vector<BreakSpec> breaks;
};

struct AgentGroupSpec {
  std::string name;
  // One value per period (day), exactly one (steady). Empty when the group is staffed by
  // shifts only. Day mode reads the array as whole-period shifts (docs/workforce.md).
  std::vector<std::uint32_t> staffing;
  std::vector<ShiftSpec> shifts;  // day mode only; agents add to those of `staffing`
  // Day mode: each scheduled agent (a shift's agent, or one whole-period run of the
  // staffing array) is absent the whole day with this probability, drawn per replication.
  double absenteeism = 0.0;
  // Day mode, empty or one value per period: the fraction of its logged-on time an agent
  // spends unavailable for contacts (coaching, meetings, aux) in that period.
  std::vector<double> shrinkage;
  // router.group_to_type: the queues a freed agent of this group takes from, highest
  // priority first (exactly the types whose groups list this group). Empty: those
  // types ordered by their priority, the longest-waiting head first among equals.
  std::vector<ContactTypeId> type_order;
  // router.reservations (queue_priority): the group keeps its last reserved_agents idle
  // agents for calls of reserved_for (with reserved_for_channel, for every type of that
  // channel instead: "keep agents free for voice"); other types get one of its agents
  // only while more than reserved_agents are idle. reserved_agents == 0: no reservation.
  ContactTypeId reserved_for{};
  std::uint32_t reserved_agents = 0;
  std::optional<Channel> reserved_for_channel;
  // What one paid agent-hour of this group costs (wages, seat); none: the scenario has no
  // agent costs (then no group has one).
  std::optional<double> cost_per_hour;
  // Chat: an agent holds up to chat_sessions chat sessions at once (never a chat beside a
  // call or an e-mail). A session's talk and wrap-up are scaled, when it starts, by
  // chat_handle_factors[n - 1] for the n sessions the agent then holds, this one included
  // (1, then non-decreasing); empty: 1 for every n.
  std::uint32_t chat_sessions = 1;
  std::vector<double> chat_handle_factors;
  double chat_handle_factor(std::uint32_t sessions) const {
    return chat_handle_factors.empty() ? 1.0 : chat_handle_factors[sessions - 1];
  }
  // By channel (e-mail and chat; never voice): at most this many of the group's agents
  // work on contacts of the channel at once (an e-mail's talk and wrap-up; holding one
  // chat session or more); none: no cap. An idle agent of a group at its cap takes no
  // contact of the channel.
  std::array<std::optional<std::uint32_t>, kNumChannels> max_agents_on{};
};

// The routing policy by its registry name; its tables are resolved into the specs
// above (ContactTypeSpec::groups) by the loader.
struct RouterSpec {
  std::string policy = "queue_priority";
};

enum class TargetBound : std::uint8_t { AtLeast, AtMost };

// Day: the KPI over the whole run. Intervals (day mode): the KPI in each interval where
// it is defined, of which at least share_of_intervals must meet the bound.
enum class TargetScope : std::uint8_t { Day, Intervals };

// A planner's target on a KPI of the whole centre, of one contact type or of one agent
// group; judged met / missed / inconclusive by confidence intervals (docs/targets.md).
struct TargetSpec {
  Kpi kpi = Kpi::ServiceLevel;
  TargetBound bound = TargetBound::AtLeast;
  double value = 0.0;
  std::optional<ContactTypeId> type = std::nullopt;  // none: the whole centre (or the group)
  std::optional<AgentGroupId> group = std::nullopt;  // none: the whole centre (or the type)
  TargetScope scope = TargetScope::Day;
  double share_of_intervals = 1.0;  // Intervals only; 1: every interval

  bool operator==(const TargetSpec&) const = default;
};

// What calls cost or earn beside the agents' hours (docs/kpis.md#cost): each abandoned
// call (lost business, a redial) and each answered call (telephony, a fee), in `currency`.
struct CostSpec {
  std::string currency;
  double per_abandoned_call = 0.0;
  double per_answered_call = 0.0;
};

// Steady state: stationary rates; arrivals in [0, warmup_s) are simulated but not
// counted; then either `calls` arrivals or `duration_s` seconds are counted (exactly
// one of the two is non-zero). batches > 1 asks for batch means (replications == 1).
struct SteadyStateSpec {
  double warmup_s = 0.0;
  double duration_s = 0.0;
  std::uint64_t calls = 0;
  std::uint32_t batches = 1;
};

// Day mode: what happens to callers the centre cannot serve any more. Each choice
// includes the ones before it.
enum class Closing : std::uint8_t {
  ServeAfterClose,    // callers waiting at the end of the day are served (agents stay on)
  DisconnectAtClose,  // at the end of the day every waiting caller is disconnected
  DisconnectNoAgent,  // ... and, all day, a caller whose type has no eligible agent on duty
};

constexpr std::string_view closing_name(Closing c) {
  switch (c) {
    case Closing::ServeAfterClose: return "serve_after_close";
    case Closing::DisconnectAtClose: return "disconnect_at_close";
    case Closing::DisconnectNoAgent: return "disconnect_when_no_agent";
  }
  return {};
}

// Day mode: how much busier or quieter than its forecast a replication's day is. Each
// replication draws a factor, gamma with mean 1 and coefficient of variation cv (one for
// the whole centre, or one per contact type), that multiplies every expected arrival of
// the day; with interval_cv > 0 each period's arrivals are multiplied again by a factor of
// its own (gamma, mean 1, cv interval_cv): overdispersion within the day.
struct BusynessSpec {
  double cv = 0.0;
  double interval_cv = 0.0;
  bool per_type = false;  // false: one factor for the centre
};

// Day d (from 0) of a run of several days: its name, or "day 3" when the days are counted.
inline std::string day_name(const std::vector<std::string>& names, std::uint32_t d) {
  return d < names.size() ? names[d] : "day " + std::to_string(d + 1);
}

// What the loader appends to a shift's name for its copy on a day of a run of several
// ("early" on Monday is "early (Mon)").
inline std::string day_copy_suffix(const std::string& day) { return " (" + day + ")"; }

struct ScenarioSpec {
  std::string name;         // file stem unless the file names it
  std::string description;  // free text, may be empty
  std::string source_file;  // as given on the command line; for messages
  RunMode mode = RunMode::Day;

  // Day mode: the day is num_periods intervals of period_s seconds. Steady state:
  // num_periods == 1 and period_s == 0 (no planning intervals).
  double period_s = 0.0;
  std::uint32_t num_periods = 1;
  std::optional<std::uint32_t> start_minute;  // clock label of period 0 (e.g. 07:00 = 420), reports only
  // Day mode: the run is `days` consecutive days of 24 hours each, the backlog and the
  // work in progress carried over; num_periods counts the periods of all of them (days
  // times the periods of one day). day_names: empty (the days are "day 1", "day 2", ...)
  // or one unique name per day.
  std::uint32_t days = 1;
  std::vector<std::string> day_names;
  SteadyStateSpec steady;

  std::optional<std::uint32_t> trunk_lines;  // none: unlimited
  bool has_ivr = false;                       // the "ivr" object is present
  std::optional<std::uint32_t> ivr_ports;     // none: unlimited

  // The forecast file the arrivals of some types were read from (docs/forecasts.md):
  // what the reports name and the warnings check (the total its header states).
  struct ForecastSource {
    std::string file;
    bool per_hour = false;
    std::optional<double> stated_total;  // "# total_volume: N" in the file
    double total = 0.0;                  // the volumes read, per interval
  };
  std::optional<ForecastSource> forecast;
  std::string staffing_plan_file;  // the staffing plan CSV read (docs/forecasts.md), if any

  IdVector<ContactTypeId, ContactTypeSpec> contact_types;
  IdVector<AgentGroupId, AgentGroupSpec> agent_groups;
  RouterSpec router;
  ServiceLevelSpec service_level;
  Closing closing = Closing::ServeAfterClose;
  std::optional<BusynessSpec> busyness;
  std::vector<TargetSpec> targets;  // includes the service-level target first

  std::uint64_t seed = 1;
  std::uint32_t replications = 1;
  double confidence = 0.95;
  CheckSpec check;
  std::optional<CostSpec> costs;  // the "costs" object; none when the file has none

  // Whether the run has a cost KPI: agent costs on the groups or call costs.
  bool has_costs() const {
    if (costs) return true;
    for (const auto& g : agent_groups)
      if (g.cost_per_hour) return true;
    return false;
  }

  double horizon_s() const { return period_s * num_periods; }  // day mode only
  std::uint32_t periods_per_day() const { return days > 0 ? num_periods / days : num_periods; }
  std::string day_name(std::uint32_t d) const { return models::day_name(day_names, d); }

  // The service level a contact type is judged by: its own, else the scenario's.
  const ServiceLevelSpec& service_level_of(ContactTypeId k) const {
    const auto& own = contact_types[k].service_level;
    return own ? *own : service_level;
  }

  // The share of an agent a contact of type t takes when its agents are full: for a chat,
  // its best group's handle factor at full sessions over those sessions (a group holding
  // 3 chats at 1.2 times the handle time gives each 0.4 of an agent; one holding 2 at 2.5
  // times, 1.25); 1 otherwise. The planning estimates and the steady-state check count a
  // chat's work in agents by it, as if its best group served it all.
  double agent_share(const ContactTypeSpec& t) const {
    if (t.channel != Channel::Chat || t.groups.empty()) return 1.0;
    double share = std::numeric_limits<double>::infinity();
    for (const AgentGroupId g : t.groups) {
      const AgentGroupSpec& a = agent_groups[g];
      share = std::min(share, a.chat_handle_factor(a.chat_sessions) / a.chat_sessions);
    }
    return share;
  }
};

}  // namespace ccsim::models
