#include "models/planning/warnings.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "models/planning/interval_plan.h"
#include "models/scenario/interval_label.h"
#include "models/scenario/json_pointer.h"
#include "models/scenario/message_text.h"
#include "models/scenario/workforce_rules.h"

namespace ccsim::models {
namespace {

constexpr double kShortPeriodS = 300.0;
constexpr double kLongShiftS = 16 * 3600.0;
constexpr double kLongNightS = 13 * 3600.0;
constexpr std::size_t kIntervalsListed = 6;

// The first kIntervalsListed of `count` items, "a, b, c and 3 more"; item(j) gives the j-th.
template <class Item>
std::string first_listed(std::size_t count, Item item) {
  std::string out;
  for (std::size_t j = 0; j < count && j < kIntervalsListed; ++j) out += (j ? ", " : "") + item(j);
  if (count > kIntervalsListed) out += fmt::format(" and {} more", count - kIntervalsListed);
  return out;
}

// "12:00 (48.2 > 45.0), 12:30 (...) and 3 more"; detail(i) gives the parenthesis.
template <class Detail>
std::string interval_list(const ScenarioSpec& spec, const std::vector<std::uint32_t>& intervals, Detail detail) {
  return first_listed(intervals.size(), [&](std::size_t j) {
    return fmt::format("{}{}", interval_label(spec, intervals[j]), detail(intervals[j]));
  });
}

// Runs of consecutive intervals as their spans, "Mon 00:00 to 08:00, Mon 20:00 to Tue
// 08:00, Tue 17:00, Sat 20:00 to the run's end and 3 more": a week's nights read as nights,
// not 60 intervals.
std::string interval_spans(const ScenarioSpec& spec, const std::vector<std::uint32_t>& intervals) {
  const internal::DayClock midnight{std::nullopt, 0, std::nullopt};
  const std::uint32_t per_day = spec.periods_per_day();
  const auto end_text = [&](std::uint32_t first, std::uint32_t after) {
    if (after >= spec.num_periods) return std::string("the run's end");
    // On a later day of the run its label; within the run's day a clock time, which is
    // the next calendar day's past midnight when the day starts later than 00:00.
    if (!spec.start_minute || after / per_day != first / per_day) return interval_label(spec, after);
    const double from = std::fmod(*spec.start_minute * 60.0 + (first % per_day) * spec.period_s,
                                  internal::kSecondsPerDay);
    return midnight.end_time(from + (after - first) * spec.period_s);
  };
  std::vector<std::string> spans;
  for (std::size_t j = 0; j < intervals.size();) {
    std::size_t end = j + 1;
    while (end < intervals.size() && intervals[end] == intervals[end - 1] + 1) ++end;
    const std::uint32_t after = intervals[end - 1] + 1;
    spans.push_back(end - j == 1 && after < spec.num_periods
                        ? interval_label(spec, intervals[j])
                        : fmt::format("{} to {}", interval_label(spec, intervals[j]), end_text(intervals[j], after)));
    j = end;
  }
  return first_listed(spans.size(), [&](std::size_t j) { return spans[j]; });
}

std::string group_names(const ScenarioSpec& spec, const std::vector<AgentGroupId>& groups) {
  std::string out;
  for (AgentGroupId g : groups) out += (out.empty() ? "" : ", ") + spec.agent_groups[g].name;
  return out;
}

// Legal, and what some planners quote; but where calls can end before the agent queue the
// over-offered service level counts them as not answered in time, and before December 2026
// the same name meant the usual ACD figure over admitted calls (docs/kpis.md#renamed-keys).
std::optional<Warning> over_offered_warning(const ScenarioSpec& spec) {
  std::string types;
  for (std::size_t k = 0; k < spec.contact_types.size(); ++k) {
    const auto id = make_id<ContactTypeId>(k);
    const ContactTypeSpec& type = spec.contact_types[id];
    // An e-mail or a chat is never blocked (it holds no line) and has no IVR.
    if ((!spec.trunk_lines && !type.ivr) || type.channel != Channel::Voice) continue;
    // A check.tolerance on it counts too: the key kept its name and changed its meaning.
    bool uses = spec.service_level_of(id).definition == SlDefinition::AnsweredWithinTOverOffered ||
                spec.check.tolerance_absolute[static_cast<std::size_t>(Kpi::SlOverOffered)].has_value();
    for (const TargetSpec& t : spec.targets)
      uses = uses || (t.kpi == Kpi::SlOverOffered && (!t.type || *t.type == id));
    if (uses) types += (types.empty() ? "" : ", ") + type.name;
  }
  if (types.empty()) return std::nullopt;
  return Warning{"sl_over_offered",
                 fmt::format("the service level over offered calls (sl_answered_within_t_over_offered, in a target, a "
                             "check tolerance or service_level.definition) of {} divides by every offered call: those "
                             "blocked at the trunks or the IVR ports, and those ended in the IVR, count as not "
                             "answered in time "
                             "(answered_within_t_over_admitted divides by the calls that reached the agent queue, as "
                             "answered_within_t_over_offered did before December 2026)",
                             types),
                 std::nullopt,
                 {}};
}

// "16 h", "15 h 30 min".
std::string hours_text(double s) {
  const auto minutes = static_cast<std::uint64_t>(std::llround(s / 60.0));
  return minutes % 60 ? fmt::format("{} h {} min", minutes / 60, minutes % 60) : fmt::format("{} h", minutes / 60);
}

// A shift over 16 h (legal: an on-call day), or a night shift (across midnight) over 13 h:
// what a day shift typed the wrong way round becomes where an end before the start is on
// the next day (09:00 to 17:00 typed 17:00 to 09:00 is a 16-hour night). The loader's
// copies of a shift on each day it is worked ("early (Mon)") count as the shift written.
std::optional<Warning> long_shift_warning(const ScenarioSpec& spec, std::size_t g) {
  const AgentGroupSpec& group = spec.agent_groups[make_id<AgentGroupId>(g)];
  // A time as a clock shows it, whatever its day (seconds into its day without start_time).
  const internal::DayClock clock{std::nullopt, spec.start_minute ? std::optional<std::uint32_t>(0) : std::nullopt,
                                 std::nullopt};
  // Seconds after midnight (without start_time, after the start of the run's day).
  const auto seconds_of = [&](double t, double day_start) {
    return spec.start_minute ? std::fmod(*spec.start_minute * 60.0 + t, internal::kSecondsPerDay) : t - day_start;
  };
  std::vector<std::string> seen;  // shifts as written, each once
  std::string first;
  for (const ShiftSpec& shift : group.shifts) {
    const double day_start = std::floor(shift.start_s / internal::kSecondsPerDay) * internal::kSecondsPerDay;
    const auto day = static_cast<std::uint32_t>(day_start / internal::kSecondsPerDay);
    const std::string copy = day_copy_suffix(spec.day_name(day));
    const std::string name = spec.days > 1 && shift.name.ends_with(copy)
                                 ? shift.name.substr(0, shift.name.size() - copy.size())
                                 : shift.name;
    const double length = shift.end_s - shift.start_s;
    const double from_s = seconds_of(shift.start_s, day_start);
    // Reversed, a shift of 8 to 11 h is a night of 13 to 16 h; over 16 h it is long either way.
    const bool night = from_s + length > internal::kSecondsPerDay && length <= kLongShiftS;
    if (!(length > (night ? kLongNightS : kLongShiftS)) || std::ranges::find(seen, name) != seen.end()) continue;
    seen.push_back(name);
    if (seen.size() > 1) continue;
    const std::string from = clock.time(from_s);
    const std::string to = night ? clock.time(from_s + length - internal::kSecondsPerDay)
                                 : clock.end_time(from_s + length);
    first = night ? fmt::format("shift {} of agent group {} works from {} to {} the next day ({}): were its start "
                                "and end typed the wrong way round ({} to {})? A night shift over {} is rare",
                                internal::quote(name), internal::quote(group.name), from, to, hours_text(length), to,
                                from, hours_text(kLongNightS))
                  : fmt::format("shift {} of agent group {} lasts {} ({} to {}); a shift over {} is rare",
                                internal::quote(name), internal::quote(group.name), hours_text(length), from, to,
                                hours_text(kLongShiftS));
  }
  if (seen.empty()) return std::nullopt;
  return Warning{"long_shift",
                 fmt::format("{}/shifts: {}{}", internal::child_pointer("/agent_groups", g), first,
                             seen.size() > 1 ? fmt::format(" (and {} more long shift{} in the group)", seen.size() - 1,
                                                           seen.size() == 2 ? "" : "s")
                                             : ""),
                 std::nullopt,
                 {}};
}

}  // namespace

std::vector<Warning> scenario_warnings(const ScenarioSpec& spec) {
  std::vector<Warning> out;
  // Legal (a group kept for a what-if, or one `ccsim staff` found no need for), and rarely meant.
  for (std::size_t g = 0; g < spec.agent_groups.size(); ++g) {
    const AgentGroupSpec& group = spec.agent_groups[make_id<AgentGroupId>(g)];
    if (auto d = internal::never_staffed(group, internal::child_pointer("/agent_groups", g), internal::quote(group.name)))
      out.push_back({"group_never_staffed", d->pointer + ": " + d->message, std::nullopt, {}});
  }
  // Legal (a cap kept for days with more agents), and a planner who set it expected it to hold some back.
  for (std::size_t g = 0; g < spec.agent_groups.size(); ++g) {
    const AgentGroupSpec& group = spec.agent_groups[make_id<AgentGroupId>(g)];
    const std::uint64_t peak = internal::peak_scheduled_agents(group, spec.period_s);
    for (const Channel c : {Channel::Email, Channel::Chat}) {
      const std::optional<std::uint32_t>& cap = group.max_agents_on[index(c)];
      if (!cap || *cap < peak || peak == 0) continue;
      out.push_back({"cap_never_binds",
                     fmt::format("{}/max_agents_on/{}: agent group {} has at most {} agents scheduled at once, so its "
                                 "cap of {} on {} never holds an agent back",
                                 internal::child_pointer("/agent_groups", g), channel_name(c),
                                 internal::quote(group.name), peak, *cap, channel_name(c)),
                     std::nullopt,
                     {}});
    }
  }
  if (auto w = over_offered_warning(spec)) out.push_back(std::move(*w));
  if (spec.mode != RunMode::Day) return out;
  for (std::size_t g = 0; g < spec.agent_groups.size(); ++g)
    if (auto w = long_shift_warning(spec, g)) out.push_back(std::move(*w));
  if (spec.period_s < kShortPeriodS)
    out.push_back({"short_period",
                   fmt::format("period_s is {:g} s: intervals shorter than 5 minutes are unusual for a forecast (were "
                               "minutes typed as seconds? 15 minutes is 900)",
                               spec.period_s),
                   std::nullopt,
                   {}});

  if (spec.forecast && spec.forecast->stated_total) {
    const double stated = *spec.forecast->stated_total, read = spec.forecast->total;
    // Beyond rounding of the exported volumes: an hourly forecast read per interval is
    // off by a whole factor (4 for 15-minute intervals).
    if (std::fabs(read - stated) > std::max(1.0, 0.01 * stated))
      out.push_back({"forecast_total",
                     fmt::format("{} states a total volume of {:g}, its rows give {:.1f} {}: {}", spec.forecast->file,
                                 stated, read, spec.forecast->per_hour ? "(read per hour)" : "(read per interval)",
                                 read > stated ? "per-hour volumes read per interval, or rows counted twice?"
                                               : "per-interval volumes read per hour, or rows missing?"),
                     std::nullopt,
                     {}});
  }
  const IntervalPlan plan(spec);
  const auto productive = [&](std::uint32_t i, const std::vector<AgentGroupId>& groups) {
    double n = 0.0;
    for (AgentGroupId g : groups) n += plan.productive(i, g);
    return n;
  };
  // The productive agents group g lends channel c in interval i: at most its cap on c (max_agents_on).
  const auto lends = [&](std::uint32_t i, AgentGroupId g, Channel c) {
    const std::optional<std::uint32_t>& cap = spec.agent_groups[g].max_agents_on[index(c)];
    return cap ? std::min<double>(*cap, plan.productive(i, g)) : plan.productive(i, g);
  };
  const auto productive_for = [&](std::uint32_t i, const ContactTypeSpec& t) {
    double n = 0.0;
    for (AgentGroupId g : t.groups) n += lends(i, g, t.channel);
    return n;
  };
  const auto scheduled = [&](std::uint32_t i, const std::vector<AgentGroupId>& groups) {
    double n = 0.0;
    for (AgentGroupId g : groups) n += plan.scheduled(i, g);
    return n;
  };
  for (std::size_t kk = 0; kk < spec.contact_types.size(); ++kk) {
    const auto k = make_id<ContactTypeId>(kk);
    const ContactTypeSpec& t = spec.contact_types[k];
    std::vector<std::uint32_t> unstaffed, overloaded;
    double unstaffed_calls = 0.0;
    for (std::uint32_t i = 0; i < plan.intervals(); ++i) {
      if (plan.load_erlangs(i, k) <= 0.0) continue;
      if (scheduled(i, t.groups) == 0.0) {
        unstaffed.push_back(i);
        unstaffed_calls += plan.to_agents(i, k);
      } else if (plan.load_erlangs(i, k) >= productive_for(i, t)) {
        overloaded.push_back(i);
      }
    }
    if (!unstaffed.empty()) {
      // Those of the intervals after the last one with an agent of its groups on wait for none.
      std::optional<std::uint32_t> last_on;
      for (std::uint32_t i = 0; i < plan.intervals(); ++i)
        if (scheduled(i, t.groups) > 0.0) last_on = i;
      std::vector<std::uint32_t> waiting, stranded;
      for (std::uint32_t i : unstaffed) (!last_on || i > *last_on ? stranded : waiting).push_back(i);
      const bool email = t.channel == Channel::Email;
      const std::string fate = email ? "stay in the backlog at the close"
                               : spec.closing == Closing::DisconnectAtClose
                                   ? "wait until they abandon, or are disconnected at the close"
                                   : "wait until they abandon, or until nothing else can happen";
      // Where, and what becomes of them; split in two (each part listed once) when some
      // have an agent to wait for and the others none.
      std::string what;
      if (!email && spec.closing == Closing::DisconnectNoAgent)
        what = fmt::format(": {}; the closing rule disconnects them (disconnect_when_no_agent)",
                           interval_spans(spec, unstaffed));
      else if (stranded.empty())
        what = fmt::format(": {}; they wait {}for the next agent to log on", interval_spans(spec, unstaffed),
                           email ? "in the backlog " : "");
      else if (stranded.size() == unstaffed.size())
        what = fmt::format(": {}; no agent of its groups logs on after them: they {}", interval_spans(spec, unstaffed),
                           fate);
      else
        what = fmt::format("; those of {} wait for the next agent to log on; none is scheduled from {}: those of {} {}",
                           interval_spans(spec, waiting), interval_label(spec, *last_on + 1),
                           interval_spans(spec, stranded), fate);
      out.push_back({"no_agent_scheduled",
                     fmt::format("{}: {:.1f} contacts expected in {} interval{} where no agent of its groups ({}) is "
                                 "scheduled{}",
                                 t.name, unstaffed_calls, unstaffed.size(), unstaffed.size() == 1 ? "" : "s",
                                 group_names(spec, t.groups), what),
                     k, unstaffed});
    }
    if (!overloaded.empty())
      out.push_back({"load_above_agents",
                     fmt::format("{}: offered load at or above the productive agents of its groups ({}{}) in {} "
                                 "interval{}: {}: more work arrives than those agents can do",
                                 t.name, group_names(spec, t.groups),
                                 std::ranges::any_of(t.groups,
                                                     [&](AgentGroupId g) {
                                                       return spec.agent_groups[g].max_agents_on[index(t.channel)]
                                                           .has_value();
                                                     })
                                     ? fmt::format("; at most their caps on {}", channel_name(t.channel))
                                     : "",
                                 overloaded.size(),
                                 overloaded.size() == 1 ? "" : "s",
                                 interval_list(spec, overloaded,
                                               [&](std::uint32_t i) {
                                                 return fmt::format(" ({:.1f} erlangs, {:.1f} agents)",
                                                                    plan.load_erlangs(i, k), productive_for(i, t));
                                               })),
                     k, overloaded});
  }
  // A channel some group caps: all its types together against what their groups may give
  // it (two types of one channel each under the caps may not be together).
  for (const Channel c : {Channel::Email, Channel::Chat}) {
    std::vector<bool> reached(spec.agent_groups.size(), false);
    bool capped = false;
    for (const ContactTypeSpec& t : spec.contact_types)
      if (t.channel == c)
        for (AgentGroupId g : t.groups) {
          reached[index(g)] = true;
          capped = capped || spec.agent_groups[g].max_agents_on[index(c)].has_value();
        }
    if (!capped) continue;
    const auto load = [&](std::uint32_t i) {
      double sum = 0.0;
      for (std::size_t k = 0; k < spec.contact_types.size(); ++k) {
        const auto id = make_id<ContactTypeId>(k);
        if (spec.contact_types[id].channel == c) sum += plan.load_erlangs(i, id);
      }
      return sum;
    };
    const auto agents = [&](std::uint32_t i) {
      double n = 0.0;
      for (std::size_t g = 0; g < reached.size(); ++g)
        if (reached[g]) n += lends(i, make_id<AgentGroupId>(g), c);
      return n;
    };
    std::vector<std::uint32_t> overloaded;
    for (std::uint32_t i = 0; i < plan.intervals(); ++i)
      if (load(i) > 0.0 && load(i) >= agents(i)) overloaded.push_back(i);
    if (!overloaded.empty())
      out.push_back({"channel_load_above_agents",
                     fmt::format("the {} types together: offered load at or above the productive agents their groups "
                                 "may put on {} (up to their max_agents_on caps) in {} interval{}: {}",
                                 channel_name(c), channel_name(c), overloaded.size(), overloaded.size() == 1 ? "" : "s",
                                 interval_list(spec, overloaded,
                                               [&](std::uint32_t i) {
                                                 return fmt::format(" ({:.1f} erlangs, {:.1f} agents)", load(i),
                                                                    agents(i));
                                               })),
                     std::nullopt, overloaded});
  }
  // The centre as a whole (with one type, the type's warning says it already).
  if (spec.contact_types.size() > 1) {
    std::vector<AgentGroupId> all;
    for (std::size_t g = 0; g < spec.agent_groups.size(); ++g) all.push_back(make_id<AgentGroupId>(g));
    std::vector<std::uint32_t> overloaded;
    const auto load = [&](std::uint32_t i) {
      double sum = 0.0;
      for (std::size_t k = 0; k < spec.contact_types.size(); ++k) sum += plan.load_erlangs(i, make_id<ContactTypeId>(k));
      return sum;
    };
    // E-mails coming while nobody works (a night) wait by design: no_agent_scheduled says so.
    const auto waits_for_morning = [&](std::uint32_t i) {
      if (productive(i, all) > 0.0) return false;
      for (std::size_t k = 0; k < spec.contact_types.size(); ++k)
        if (spec.contact_types[make_id<ContactTypeId>(k)].channel != Channel::Email &&
            plan.load_erlangs(i, make_id<ContactTypeId>(k)) > 0.0)
          return false;
      return true;
    };
    for (std::uint32_t i = 0; i < plan.intervals(); ++i)
      if (load(i) > 0.0 && load(i) >= productive(i, all) && !waits_for_morning(i)) overloaded.push_back(i);
    if (!overloaded.empty())
      out.push_back({"centre_load_above_agents",
                     fmt::format("the centre: offered load at or above all productive agents in {} interval{}: {}",
                                 overloaded.size(), overloaded.size() == 1 ? "" : "s",
                                 interval_list(spec, overloaded,
                                               [&](std::uint32_t i) {
                                                 return fmt::format(" ({:.1f} erlangs, {:.1f} agents)", load(i),
                                                                    productive(i, all));
                                               })),
                     std::nullopt, overloaded});
  }
  return out;
}

}  // namespace ccsim::models
