#include "models/planning/run_size.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "models/agents/roster.h"
#include "models/kpi/counters.h"
#include "sim/time.h"
#include "models/kpi/kpis.h"
#include "models/queues/waiting_queue.h"
#include "models/results.h"
#include "models/scenario/after_service_rules.h"
#include "models/scenario/workforce_rules.h"
#include "sim/event.h"
#include "sim/stats/ratio_tally.h"
#include "sim/stats/tally.h"

namespace ccsim::models {
namespace {

// What the model keeps per scheduled agent: its stint (and the copy build_roster sorts),
// log-on and log-off, sort indices, the pool's 32-byte record, the per-agent flags, chat
// sessions and interruptible work.
constexpr double kBytesPerAgent = 2 * sizeof(Stint) + 2 * sizeof(RosterChange) + 3 * sizeof(std::uint32_t) + 32 +
                                  5 * sizeof(std::uint8_t) + sizeof(double);
// Per contact in the system: the pool's seventeen arrays and its free list, a queue entry
// (the ring doubles, so up to two), and its pending events (patience and service, say two).
constexpr double kBytesPerContact = 9 * sizeof(std::uint32_t) + 7 * sizeof(double) + sizeof(std::uint8_t) +
                                    sizeof(std::uint32_t) + 2 * sizeof(WaitingQueue::Entry) + 2 * sizeof(sim::Event);

// a * b where 0 times anything (an infinite day, say) is 0: nothing arrives, nothing costs.
double times(double a, double b) { return a == 0.0 || b == 0.0 ? 0.0 : a * b; }

std::string type_pointer(std::size_t k) { return fmt::format("/contact_types/{}", k); }

struct TypeFigures {
  double contacts = 0.0;
  double peak_rate_per_s = 0.0;
  double at_once = -1.0;  // an outbound type's: its dials in progress and its customers talking; else by Little
  std::string where, detail;
};

// A type's expected arrivals in a day and where in the file they come from.
TypeFigures day_arrivals(const ContactTypeSpec& t, std::size_t k, const ScenarioSpec& spec) {
  TypeFigures f;
  const ArrivalSpec& a = t.arrivals;
  const double horizon_s = spec.horizon_s();
  switch (a.process) {
    case ArrivalSpec::Process::Poisson:
      f.contacts = times(a.rate_per_s, horizon_s);
      f.peak_rate_per_s = a.rate_per_s;
      f.where = type_pointer(k) + "/arrivals";
      f.detail = fmt::format("{:.3g} arrivals/s over a day of {:.3g} s", a.rate_per_s, horizon_s);
      break;
    case ArrivalSpec::Process::PiecewisePoisson: {
      std::size_t busiest = 0;
      for (std::size_t p = 0; p < a.per_period.size(); ++p) {
        f.contacts += a.per_period[p];
        if (a.per_period[p] > a.per_period[busiest]) busiest = p;
      }
      if (!a.per_period.empty()) f.peak_rate_per_s = a.per_period[busiest] / spec.period_s;
      f.where = fmt::format("{}/arrivals/per_period/{}", type_pointer(k), busiest);
      f.detail = fmt::format("{:.3g} arrivals in the day, {:.3g} in period {}", f.contacts,
                             a.per_period.empty() ? 0.0 : a.per_period[busiest], busiest);
      break;
    }
    case ArrivalSpec::Process::Trace:
      f.contacts = static_cast<double>(a.times_s.size());
      f.peak_rate_per_s = f.contacts / horizon_s;
      f.where = type_pointer(k) + "/arrivals/times_s";
      f.detail = fmt::format("{:.3g} arrival times", f.contacts);
      break;
  }
  f.detail = fmt::format("contact type \"{}\": {}", t.name, f.detail);
  return f;
}

// An outbound type's dials over `run_s`, at most: its dialer's most dials in progress (for
// every agent of its groups idle at their peak), each replaced as it ends. The estimate
// errs high: agents are busy, and the dialer dials only for idle ones.
TypeFigures dials_bound(const ContactTypeSpec& t, std::size_t k, const ScenarioSpec& spec, double run_s) {
  TypeFigures f;
  const DialerSpec& d = *t.dialer;
  double agents = 0.0;
  for (const AgentGroupId g : t.groups)
    agents += static_cast<double>(internal::peak_scheduled_agents(spec.agent_groups[g], spec.period_s));
  double in_progress = std::floor(d.ratio * std::max(0.0, agents - d.threshold) + 0.5);
  if (spec.trunk_lines) in_progress = std::min(in_progress, static_cast<double>(*spec.trunk_lines));
  f.peak_rate_per_s = in_progress / d.dial.mean();
  f.contacts = times(f.peak_rate_per_s, run_s);
  f.at_once = in_progress + agents;
  f.where = type_pointer(k) + "/dialer";
  f.detail = fmt::format("contact type \"{}\": up to {:.3g} dials in progress of {:.3g} s each over {:.3g} s", t.name,
                         in_progress, d.dial.mean(), run_s);
  return f;
}

// The overflow timers one wait in the type's queue schedules.
double overflow_timers(const ContactTypeSpec& t) {
  return static_cast<double>(std::ranges::count_if(t.overflow_delay_s, [](double d) { return d > 0.0; }));
}

// Events one arrival of the type causes: its arrival, the IVR's end, and for the share
// that goes on to agents its end of talk, of wrap-up, its patience timer and overflow
// timers (counted as if every call waited: the estimate errs high).
double events_per_contact(const ContactTypeSpec& t) {
  const double to_agents = t.ivr ? t.ivr->p_to_agents() : 1.0;
  const double delayed = overflow_timers(t);
  const bool deadline = t.patience || t.max_wait_s;  // one patience or maximum-wait timer per wait
  const double after = 1.0 + (t.wrap_up ? 1.0 : 0.0) + (deadline ? 1.0 : 0.0) + delayed;
  return 1.0 + (t.ivr ? 1.0 : 0.0) + to_agents * after;
}

// Events of the callbacks one arrival of the type accepts, counted as if every call that
// goes on to agents were offered one (the estimate errs high): each is dialled until the
// customer answers, up to max_attempts times (every time when trunk lines may all be busy:
// a dial that finds none is retried whatever p_reach), and every dial has its due time, its
// end (of the dial, or of the talk), the overflow timers of its wait at the type that serves
// it, and once answered the end of that type's wrap-up. That type has no arrivals of its
// own: its work is counted here.
double callback_events_per_contact(const ScenarioSpec& spec, const ContactTypeSpec& t) {
  if (!t.callback) return 0.0;
  const CallbackSpec& cb = *t.callback;
  const ContactTypeSpec& serving = spec.contact_types[cb.to];
  const double to_agents = t.ivr ? t.ivr->p_to_agents() : 1.0;
  const double attempts = static_cast<double>(cb.max_attempts);
  const double dials = spec.trunk_lines || cb.p_reach <= 0.0 ? attempts
                       : cb.p_reach >= 1.0                   ? std::min(1.0, attempts)
                                           : (1.0 - std::pow(1.0 - cb.p_reach, attempts)) / cb.p_reach;
  const double per_dial = 2.0 + overflow_timers(serving) + (serving.wrap_up ? 1.0 : 0.0);
  return to_agents * cb.p_accept * dials * per_dial;
}

// Attempts one customer makes at most on average: every attempt failing, each followed
// by a redial with its probability (the last one's geometric tail when unbounded).
double attempts_bound(const ContactTypeSpec& t) {
  if (!t.redial) return 1.0;
  const RedialSpec& r = *t.redial;
  const std::size_t listed = r.max_attempts ? *r.max_attempts - 1 : r.p_by_attempt.size() - 1;
  double attempts = 1.0, reach = 1.0;
  for (std::uint32_t n = 1; n <= listed; ++n) {
    reach *= r.p_after(n);
    attempts += reach;
  }
  if (!r.max_attempts) {
    const double q = r.p_by_attempt.back();
    attempts += reach * q / (1.0 - q);
  }
  return attempts;
}

double mean_handle_s(const ContactTypeSpec& t) {
  const double law = t.talk.mean() + (t.wrap_up ? t.wrap_up->mean() : 0.0);
  if (t.aht_per_period_s.empty()) return law;
  return std::max(law, *std::ranges::max_element(t.aht_per_period_s));
}

// Events the workforce causes in a day: roster changes (one per distinct instant),
// breaks (due and end), and shrinkage blocks (plan, due and end per agent on duty).
double workforce_events(const ScenarioSpec& spec) {
  if (spec.mode != RunMode::Day) return 0.0;
  double events = 0.0, stints = 0.0, shifts = 0.0;
  std::vector<bool> shrinkage_planned(spec.num_periods, false);
  for (const AgentGroupSpec& g : spec.agent_groups) {
    stints += static_cast<double>(internal::scheduled_stints(g));
    shifts += static_cast<double>(g.shifts.size());
    for (const ShiftSpec& s : g.shifts) events += 2.0 * s.agents * static_cast<double>(s.breaks.size());
    for (std::uint32_t p = 0; p < g.shrinkage.size(); ++p) {
      if (g.shrinkage[p] <= 0.0) continue;
      shrinkage_planned[p] = true;
      double on_duty = g.staffing.empty() ? 0.0 : g.staffing[p];
      for (const ShiftSpec& s : g.shifts)
        if (s.start_s < (p + 1) * spec.period_s && s.end_s > p * spec.period_s) on_duty += s.agents;
      events += 2.0 * on_duty;
    }
  }
  events += std::min(2.0 * stints, spec.num_periods + 1.0 + 2.0 * shifts);
  return events + static_cast<double>(std::ranges::count(shrinkage_planned, true));
}

std::string duration_text(double s) {
  if (!std::isfinite(s)) return "for ever";
  if (s < 120) return fmt::format("{:.2g} s", s);
  if (s < 2 * 3600) return fmt::format("{:.2g} min", s / 60);
  if (s < 2 * 86400) return fmt::format("{:.2g} h", s / 3600);
  if (s < 2 * 365 * 86400.0) return fmt::format("{:.3g} days", s / 86400);
  return fmt::format("{:.3g} years", s / (365.25 * 86400));
}

std::string bytes_text(double b) {
  if (!std::isfinite(b)) return "unbounded memory";
  static constexpr const char* kUnits[] = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
  std::size_t u = 0;
  while (b >= 1024 && u + 1 < std::size(kUnits)) {
    b /= 1024;
    ++u;
  }
  return fmt::format("{:.3g} {}", b, kUnits[u]);
}

}  // namespace

RunSize estimate_run_size(const ScenarioSpec& spec, std::uint32_t threads) {
  RunSize r;
  r.replications = spec.replications;
  r.concurrent = std::max<std::uint32_t>(1, std::min(threads, spec.replications));
  const bool day = spec.mode == RunMode::Day;
  const double types = static_cast<double>(spec.contact_types.size());
  const double groups = static_cast<double>(spec.agent_groups.size());

  // Arrivals per type. Steady state: the rates over the warm-up and the run; a run of
  // `calls` counted arrivals lasts calls / (total rate) after the warm-up.
  std::vector<TypeFigures> figures;
  double total_rate = 0.0;
  for (const ContactTypeSpec& t : spec.contact_types) total_rate += t.arrivals.rate_per_s;
  const SteadyStateSpec& ss = spec.steady;
  const double run_s = ss.calls > 0 ? static_cast<double>(ss.calls) / total_rate : ss.duration_s;
  r.simulated_s = day ? spec.horizon_s() : ss.warmup_s + run_s;
  for (std::size_t k = 0; k < spec.contact_types.size(); ++k) {
    const ContactTypeSpec& t = spec.contact_types[make_id<ContactTypeId>(k)];
    if (t.dialer) {
      figures.push_back(dials_bound(t, k, spec, r.simulated_s));
    } else if (day) {
      figures.push_back(day_arrivals(t, k, spec));
    } else {
      TypeFigures f;
      f.contacts = times(t.arrivals.rate_per_s, r.simulated_s);
      f.peak_rate_per_s = t.arrivals.rate_per_s;
      f.where = type_pointer(k) + "/arrivals";
      f.detail = fmt::format("contact type \"{}\": {:.3g} arrivals/s over {:.3g} s of warm-up and run", t.name,
                             t.arrivals.rate_per_s, r.simulated_s);
      figures.push_back(std::move(f));
    }
  }

  // Transferred legs and returns are calls too, at the types they reach.
  std::vector<double> fresh;
  for (const TypeFigures& f : figures) fresh.push_back(f.contacts);
  const std::vector<double> offered = internal::offered_with_follow_ups(spec.contact_types, fresh);
  std::size_t busiest = 0;
  double most_sent = 0.0;
  for (std::size_t k = 0; k < figures.size(); ++k) {
    const ContactTypeSpec& t = spec.contact_types[make_id<ContactTypeId>(k)];
    r.contacts += figures[k].contacts;
    r.events +=
        times(offered[k], (events_per_contact(t) + callback_events_per_contact(spec, t)) * attempts_bound(t));
    r.follow_ups += offered[k] - fresh[k];
    if (figures[k].contacts > figures[busiest].contacts) busiest = k;
    const internal::FollowUpOdds odds = internal::follow_up_odds(t);
    double transferred = 0.0;
    for (const double p : odds.transfer) transferred += p;
    if (const double sent = times(offered[k], std::max(transferred, odds.returns)); sent > most_sent) {
      most_sent = sent;
      r.follow_ups_where = type_pointer(k) + (transferred >= odds.returns ? "/transfers" : "/returns");
    }
  }
  if (!figures.empty()) {
    r.contacts_where = figures[busiest].where;
    r.contacts_detail = figures[busiest].detail;
  }
  if (!day && ss.calls > 0 && static_cast<double>(ss.calls) >= times(total_rate, ss.warmup_s)) {
    r.contacts_where = "/steady_state/calls";
    r.contacts_detail = fmt::format("steady_state.calls is {}", ss.calls);
  }
  // Steady state follows the window's customers through their redials: the clock runs on.
  for (std::size_t k = 0; k < spec.contact_types.size() && !day; ++k) {
    const ContactTypeSpec& t = spec.contact_types[make_id<ContactTypeId>(k)];
    if (!t.redial) continue;
    const double redialling_s = (attempts_bound(t) - 1.0) * t.redial->delay.mean();
    if (ss.warmup_s + run_s + redialling_s > r.simulated_s) {
      r.simulated_s = ss.warmup_s + run_s + redialling_s;
      if (redialling_s > run_s) r.redial_where = type_pointer(k) + "/redial/delay";
    }
  }
  const double slots = day ? spec.num_periods : ss.batches;
  r.events += slots + 1.0 + workforce_events(spec);
  r.time_where = day                                   ? "/period_s"
                 : !r.redial_where.empty()             ? r.redial_where
                 : ss.warmup_s >= run_s                ? "/steady_state/warmup_s"
                 : ss.calls > 0                        ? "/steady_state/calls"
                                                       : "/steady_state/duration_s";

  // Counters: one row per slot for each type, group and route; the per-period scale
  // factors of AHT and patience; and the tallies (and results) per interval, type and group.
  double pairs = 0.0;
  bool aht = false, patience = false;
  for (const ContactTypeSpec& t : spec.contact_types) {
    pairs += static_cast<double>(t.groups.size());
    aht = aht || !t.aht_per_period_s.empty();
    patience = patience || !t.patience_per_period_s.empty();
  }
  r.counter_bytes = slots * (types * sizeof(TypeCounters) + groups * sizeof(GroupCounters) +
                             pairs * sizeof(PairCounters) + sizeof(double)) +
                    ((aht ? 1.0 : 0.0) + (patience ? 1.0 : 0.0)) * types * spec.num_periods * sizeof(double);
  r.counter_where = day ? "/num_periods" : "/steady_state/batches";
  const double tally_rows = (day ? spec.num_periods + 1.0 : 1.0) * (1.0 + types + groups);
  // Each KPI has a Tally (mean of ratios) and a RatioTally (ratio of means): models/aggregate.cc.
  const double per_kpi = sizeof(sim::Tally) + sizeof(sim::RatioTally);
  r.tally_bytes = tally_rows * (kNumKpis * per_kpi + sizeof(KpiStats)) +
                  (day ? spec.num_periods * sizeof(IntervalResult) : 0.0) + slots * sizeof(KpiValues) +
                  pairs * (5 * per_kpi + sizeof(PairResult));

  // Agents: one record per stint; the group with the most is the one to name.
  double most = -1.0;
  for (std::size_t g = 0; g < spec.agent_groups.size(); ++g) {
    const AgentGroupSpec& group = spec.agent_groups[make_id<AgentGroupId>(g)];
    const auto stints = static_cast<double>(internal::scheduled_stints(group));
    r.agent_bytes += stints * kBytesPerAgent;
    if (stints > most) {
      most = stints;
      r.agent_where = fmt::format("/agent_groups/{}/{}", g, group.staffing.empty() ? "shifts" : "staffing");
    }
  }

  // Contacts in the system at once. A day's caller who never abandons and has no maximum
  // wait may wait until the end of the day, so every such arrival of the day counts;
  // others stay about as long as their patience (or maximum wait), IVR and handle time
  // (Little's law at the busiest rate). Trunk lines bound them all, but not the e-mails
  // nor the customers waiting to redial, who hold a record and no line.
  double in_system = 0.0, largest = -1.0, redialling = 0.0, deferred = 0.0;
  bool largest_deferred = false;
  for (std::size_t k = 0; k < figures.size(); ++k) {
    const ContactTypeSpec& t = spec.contact_types[make_id<ContactTypeId>(k)];
    const double wait_s = std::min(t.patience ? t.patience->mean() : sim::kNever, t.max_wait_s.value_or(sim::kNever));
    const bool unbounded = wait_s == sim::kNever;
    const double stay_s = (t.ivr ? t.ivr->duration.mean() : 0.0) + mean_handle_s(t) + (unbounded ? 0.0 : wait_s);
    const double n = figures[k].at_once >= 0.0      ? figures[k].at_once
                     : day && unbounded ? figures[k].contacts
                                        : times(figures[k].peak_rate_per_s, stay_s);
    (t.channel == Channel::Email ? deferred : in_system) += n;
    if (t.redial)
      redialling += times(figures[k].peak_rate_per_s * (attempts_bound(t) - 1.0), t.redial->delay.mean());
    if (n > largest) {
      largest = n;
      largest_deferred = t.channel == Channel::Email;
      r.contact_where = day && unbounded ? type_pointer(k) : figures[k].where;
    }
  }
  if (spec.trunk_lines && *spec.trunk_lines < in_system) {
    in_system = *spec.trunk_lines;
    if (!largest_deferred) r.contact_where = "/trunks/lines";
  }
  r.contact_bytes = (in_system + deferred + redialling) * kBytesPerContact;
  return r;
}

std::string describe_run_size(const RunSize& s) {
  return fmt::format("about {:.2g} events ({:.2g} contacts per replication) in {} replication{}, {} at {:.2g} "
                     "events/s per thread on {} thread{}; memory up to {}",
                     s.total_events(), s.contacts, s.replications, s.replications == 1 ? "" : "s",
                     duration_text(s.seconds()), kEstimateEventsPerS, s.concurrent, s.concurrent == 1 ? "" : "s",
                     bytes_text(s.bytes()));
}

std::vector<Diagnostic> run_size_problems(const RunSize& s, bool allow_large) {
  std::vector<Diagnostic> out;
  if (!(s.simulated_s <= kMaxSimulatedTimeS))
    out.push_back({s.time_where,
                   fmt::format("a replication would run to a simulated time of about {:.3g} s ({}), where a "
                               "double-precision clock cannot keep durations of seconds apart; accepted: at most "
                               "{:.3g} s (a day of num_periods x period_s, or a steady state's warm-up and run)",
                               s.simulated_s, duration_text(s.simulated_s), kMaxSimulatedTimeS)});
  if (allow_large) return out;
  const std::string override_hint = "or pass --allow-large-run if you mean it";
  if (!(s.total_events() <= kMaxRunEvents)) {
    const bool per_replication = !(s.events <= kMaxRunEvents);
    // Transfers and returns are what to lower when they bring most of the calls: at least
    // ten times the arrivals (a chain that doubles them is better lowered at the arrivals).
    const bool follow_ups = per_replication && s.follow_ups >= 10.0 * s.contacts && !s.follow_ups_where.empty();
    const std::string sent_on =
        follow_ups ? fmt::format(", and {:.3g} transferred legs and returns, the most sent on at {}", s.follow_ups,
                                 s.follow_ups_where)
                   : "";
    out.push_back({follow_ups ? s.follow_ups_where : per_replication ? s.contacts_where : "/rng/replications",
                   fmt::format("the run would simulate about {:.3g} events ({:.3g} contacts per replication, the "
                               "most from {}{}; {} replication{}), {} on one thread at {:.2g} events/s; accepted: at "
                               "most {:.3g} events: lower {}, {}",
                               s.total_events(), s.contacts, s.contacts_detail, sent_on, s.replications,
                               s.replications == 1 ? "" : "s", duration_text(s.total_events() / kEstimateEventsPerS),
                               kEstimateEventsPerS, kMaxRunEvents,
                               follow_ups        ? "the transfer and return probabilities"
                               : per_replication ? "the arrivals or the length of the run"
                                                 : "the replications",
                               override_hint)});
  }
  if (!(s.bytes() <= kMaxRunBytes)) {
    struct Part {
      double bytes;
      const std::string* where;
      const char* what;
      const char* fix;
    };
    const Part parts[] = {
        {2 * s.counter_bytes, &s.counter_where, "counters per period (or batch), type, group and route",
         "fewer periods (or batches), types or groups"},
        {s.agent_bytes, &s.agent_where, "agent records", "fewer agents"},
        {s.contact_bytes, &s.contact_where, "contacts in the system at once",
         "give callers a patience (a caller who never abandons may wait all day) or set trunks"},
    };
    const Part& top = *std::ranges::max_element(parts, {}, &Part::bytes);
    const Part tallies{s.tally_bytes, &s.counter_where, "KPI tallies per period, type and group",
                       "fewer periods, types or groups"};
    const Part& biggest = top.bytes * s.concurrent >= s.tally_bytes ? top : tallies;
    const double one_at_a_time = 2 * s.counter_bytes + s.agent_bytes + s.contact_bytes + s.tally_bytes;
    const std::string fix = s.concurrent > 1 && one_at_a_time <= kMaxRunBytes
                                ? "fewer --threads (each thread holds a replication)"
                                : std::string(biggest.fix);
    out.push_back({*biggest.where,
                   fmt::format("the run would hold up to {} in memory ({} per replication: {} counters, {} agents, "
                               "{} contacts in the system; {} replication{} at once; {} of KPI tallies), the most for "
                               "{}; accepted: at most {}: {}, {}",
                               bytes_text(s.bytes()), bytes_text(2 * s.counter_bytes + s.agent_bytes + s.contact_bytes),
                               bytes_text(2 * s.counter_bytes), bytes_text(s.agent_bytes), bytes_text(s.contact_bytes),
                               s.concurrent, s.concurrent == 1 ? "" : "s", bytes_text(s.tally_bytes), biggest.what,
                               bytes_text(kMaxRunBytes), fix, override_hint)});
  }
  return out;
}

}  // namespace ccsim::models
