// models/scenario/workforce_rules.cc
// The workforce rules shared by the loader and validate_spec: shifts inside the day,
// breaks inside their shift and in time order, the peak of scheduled agents, and the
// messages of a group never staffed, a reservation too large and a fraction out of range.
#include "models/scenario/workforce_rules.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <utility>

#include "models/scenario/diagnostic_sink.h"
#include "models/scenario/message_text.h"
#include "models/scenario/range.h"
#include "sim/time.h"

namespace ccsim::models::internal {
namespace {

std::string clock_text(double t, std::optional<std::uint32_t> start_minute, bool end) {
  if (!std::isfinite(t)) return format_double(t);
  if (!start_minute) return fmt::format("{} s", t);
  const double total = *start_minute * 60.0 + t;
  if (total < 0.0) return fmt::format("{} s", t);  // before the first midnight: no clock
  // Past 2^53 s a double has no whole seconds left to split into days and hours.
  if (total >= 0x1p53) return fmt::format("{} s", t);
  double day = std::floor(total / kSecondsPerDay);
  double rem = total - day * kSecondsPerDay;
  if (rem < 0.0) {  // total / kSecondsPerDay rounded up to a whole day
    day -= 1.0;
    rem += kSecondsPerDay;
  }
  if (end && rem == 0.0 && day > 0.0) {
    day -= 1.0;
    rem = kSecondsPerDay;
  }
  const auto whole = static_cast<std::uint64_t>(rem);
  const std::uint64_t hh = whole / 3600, mm = whole % 3600 / 60;
  const double sec = rem - static_cast<double>(hh * 3600 + mm * 60);
  std::string text = fmt::format("{:02}:{:02}", hh, mm);
  if (sec == std::floor(sec)) {
    if (sec != 0.0) text += fmt::format(":{:02}", static_cast<unsigned>(sec));
  } else {
    text += fmt::format(":{}{}", sec < 10.0 ? "0" : "", sec);
  }
  if (day == 1.0) {
    text += " next day";
  } else if (day > 1.0) {
    text += fmt::format(" on day {}", static_cast<std::uint64_t>(day) + 1);
  }
  return text;
}

std::string seconds(double s) { return fmt::format("{} s", s); }

std::string label(std::string_view noun, bool named, const std::string& name, std::size_t i) {
  return named && !name.empty() ? fmt::format("{} {}", noun, quote(name)) : fmt::format("{} #{}", noun, i);
}

// "at 09:30" for a fixed break, "from 11:00 to 12:30" for a window.
std::string starts_text(const BreakSpec& b, const DayClock& day) {
  if (b.earliest_start_s == b.latest_start_s) return "at " + day.time(b.earliest_start_s);
  return fmt::format("from {} to {}", day.time(b.earliest_start_s), day.time(b.latest_start_s));
}

class ShiftChecker {
 public:
  ShiftChecker(const DayClock& day, const ShiftPointers& where, DiagnosticSink& sink)
      : day_(day), where_(where), sink_(sink) {}

  void check(std::span<const ShiftSpec> shifts, std::span<const ShiftValid> valid) {
    std::map<std::string, std::size_t, std::less<>> names;
    for (std::size_t s = 0; s < shifts.size() && s < valid.size(); ++s) {
      const ShiftSpec& shift = shifts[s];
      const ShiftValid& v = valid[s];
      if (v.name) unique_name(names, shift.name, s, where_.shift(s, ShiftPart::Name), [&](std::size_t first) {
        return fmt::format("duplicate shift name {}; names must be unique within the agent group (first used at {})",
                           quote(shift.name), where_.shift(first, ShiftPart::Name));
      });
      const bool inside = v.times && inside_day(s, shift, label("shift", v.name, shift.name, s));
      // Without the shift's times, which day a night shift's break falls on is unknown:
      // its breaks are not judged against each other either.
      breaks(s, shift, v, inside);
    }
  }

 private:
  template <class Duplicate>
  void unique_name(std::map<std::string, std::size_t, std::less<>>& names, const std::string& name, std::size_t i,
                   std::string pointer, Duplicate duplicate) {
    if (name.empty()) {
      sink_.add(std::move(pointer), "must be a non-empty string; got \"\"");
    } else if (auto [it, fresh] = names.emplace(name, i); !fresh) {
      sink_.add(std::move(pointer), duplicate(it->second));
    }
  }

  // Why an end may come out at or before its start: over several days only an end in
  // seconds can (a clock time is moved to the next day); in one day, a clock time at the
  // day's start is time 0, and one earlier is the next day's. A one-day run's shift that
  // would cross the day's end is told how to get one.
  std::string end_hint(double end_s) const {
    if (day_.overnight_s)
      return fmt::format(" (an end in seconds on the next day is past 86400: {} the next day is {})",
                         day_.time(end_s), end_s + kSecondsPerDay);
    if (day_.start_minute && end_s == 0.0)
      return *day_.start_minute == 0
                 ? " (a clock time equal to the day's start time is time 0: write \"24:00\" for the midnight that "
                   "ends the day, or give length_s)"
                 : fmt::format(" ({} is the day's start time, so time 0: give length_s to end at the day's end)",
                               day_.time(0.0));
    const std::string earlier =
        day_.start_minute && *day_.start_minute > 0 && end_s >= kSecondsPerDay - *day_.start_minute * 60.0
            ? " (a clock time earlier than the day's start time is on the next day)"
            : "";
    return earlier + (day_.horizon_s == kSecondsPerDay
                          ? "; a night shift across the day's end needs a run of several days (\"days\")"
                          : "");
  }

  // 0 <= start_s < end_s <= horizon (overnight: end_s <= start_s + a day); returns whether it holds.
  bool inside_day(std::size_t s, const ShiftSpec& shift, const std::string& who) {
    const auto outside = [&] {
      return day_.horizon_s ? fmt::format("outside the day ({})", day_.extent())
                            : fmt::format("before the day starts ({})", day_.time(0.0));
    };
    if (!(shift.start_s >= 0.0) || (day_.horizon_s && !(shift.start_s < *day_.horizon_s))) {
      sink_.add(where_.shift(s, ShiftPart::Start),
                fmt::format("{} starts at {}, {}; a shift starts {}", who, day_.time(shift.start_s), outside(),
                            day_.overnight_s ? "inside its day" : "and ends inside the day"));
      return false;
    }
    if (!(shift.end_s > shift.start_s)) {
      sink_.add(where_.shift(s, ShiftPart::End),
                fmt::format("{} ends at {}, not after it starts ({}); give an end after the start{}", who,
                            day_.end_time(shift.end_s), day_.time(shift.start_s), end_hint(shift.end_s)));
      return false;
    }
    if (day_.overnight_s) {
      if (shift.end_s - shift.start_s <= *day_.overnight_s) return true;
      sink_.add(where_.shift(s, ShiftPart::End),
                fmt::format("{} ends at {}, {} after it starts ({}); a shift lasts at most a day ({})", who,
                            day_.end_time(shift.end_s), seconds(shift.end_s - shift.start_s),
                            day_.time(shift.start_s), seconds(*day_.overnight_s)));
      return false;
    }
    if (day_.horizon_s && shift.end_s > *day_.horizon_s) {
      sink_.add(where_.shift(s, ShiftPart::End),
                fmt::format("{} ends at {}, outside the day ({}); end it by {}{}", who, day_.end_time(shift.end_s),
                            day_.extent(), day_.end_time(*day_.horizon_s),
                            *day_.horizon_s == kSecondsPerDay
                                ? "; a night shift across the day's end needs a run of several days (\"days\")"
                                : ""));
      return false;
    }
    return true;
  }

  void breaks(std::size_t s, const ShiftSpec& shift, const ShiftValid& v, bool shift_inside) {
    const std::string who = label("shift", v.name, shift.name, s);
    if (shift.breaks.size() > kMaxBreaksPerShift)
      sink_.add(where_.brk(s, kMaxBreaksPerShift, BreakPart::Name),
                fmt::format("{} has {} breaks; at most {} are supported per shift", who, shift.breaks.size(),
                            kMaxBreaksPerShift));
    std::map<std::string, std::size_t, std::less<>> names;
    std::optional<std::size_t> previous;  // the last break whose times are valid and ordered
    for (std::size_t b = 0; b < shift.breaks.size() && b < v.breaks.size(); ++b) {
      const BreakSpec& br = shift.breaks[b];
      const BreakValid& bv = v.breaks[b];
      if (bv.name) unique_name(names, br.name, b, where_.brk(s, b, BreakPart::Name), [&](std::size_t first) {
        return fmt::format("duplicate break name {}; names must be unique within the shift (first used at {})",
                           quote(br.name), where_.brk(s, first, BreakPart::Name));
      });
      if (!bv.times) continue;
      const std::string me = label("break", bv.name, br.name, b);
      if (br.latest_start_s < br.earliest_start_s) {
        const bool before_day = !day_.overnight_s && day_.start_minute &&
                                br.earliest_start_s >= kSecondsPerDay - *day_.start_minute * 60.0;
        sink_.add(where_.brk(s, b, BreakPart::Latest),
                  fmt::format("the window of {} closes at {}, before it opens ({}); the latest start must not be "
                              "before the earliest{}",
                              me, day_.time(br.latest_start_s), day_.time(br.earliest_start_s),
                              shift_inside && crosses(shift) ? std::string(kNextDay)
                              : before_day ? " (a clock time earlier than the day's start time is on the next day: a "
                                             "window opening before the day starts is outside its shift)"
                                           : ""));
        continue;
      }
      if (!shift_inside) continue;
      fits_shift(s, b, br, me, shift, who);
      if (previous) in_order(s, b, br, me, shift.breaks[*previous], label("break", v.breaks[*previous].name,
                                                                        shift.breaks[*previous].name, *previous));
      previous = b;
    }
  }

  // A shift across its day's end, over several days (times count from the run's start).
  bool crosses(const ShiftSpec& shift) const {
    return day_.overnight_s && shift.end_s > (std::floor(shift.start_s / kSecondsPerDay) + 1.0) * kSecondsPerDay;
  }
  static constexpr std::string_view kNextDay =
      " (in a shift across the day's end, a clock time before the shift's start is on the next day)";

  void fits_shift(std::size_t s, std::size_t b, const BreakSpec& br, const std::string& me, const ShiftSpec& shift,
                  const std::string& who) {
    const bool fixed = br.earliest_start_s == br.latest_start_s;
    // Why a night shift's break may lie before its start or after its end.
    const std::string_view before_hint =
        crosses(shift) ? " (a night shift's break in seconds after midnight is the next day's: past 86400 s)" : "";
    const std::string_view after_hint = crosses(shift) ? kNextDay : "";
    if (br.duration_s > shift.end_s - shift.start_s) {
      sink_.add(where_.brk(s, b, BreakPart::Duration),
                fmt::format("break longer than its shift: {} lasts {}, {} lasts {} ({} to {}); a break fits inside "
                            "its shift",
                            me, seconds(br.duration_s), who, seconds(shift.end_s - shift.start_s),
                            day_.time(shift.start_s), day_.end_time(shift.end_s)));
    } else if (br.earliest_start_s < shift.start_s) {
      sink_.add(where_.brk(s, b, BreakPart::Earliest),
                fmt::format("{} {} {}, before its {} starts ({}); {} at {} or later{}", me,
                            fixed ? "starts at" : "may start at", day_.time(br.earliest_start_s), who,
                            day_.time(shift.start_s), fixed ? "start it" : "open the window",
                            day_.time(shift.start_s), before_hint));
    } else if (br.latest_start_s + br.duration_s > shift.end_s) {
      const std::string last = day_.time(shift.end_s - br.duration_s);
      if (fixed) {
        sink_.add(where_.brk(s, b, BreakPart::Latest),
                  fmt::format("{} at {} lasts {} and ends at {}, after its {} ends ({}); start it by {}{}", me,
                              day_.time(br.latest_start_s), seconds(br.duration_s),
                              day_.end_time(br.latest_start_s + br.duration_s), who, day_.end_time(shift.end_s), last,
                              after_hint));
      } else {
        sink_.add(where_.brk(s, b, BreakPart::Latest),
                  fmt::format("a window that cannot hold its break: {} may start as late as {} and lasts {}, so it "
                              "may end at {}, after its {} ends ({}); close the window by {}{}",
                              me, day_.time(br.latest_start_s), seconds(br.duration_s),
                              day_.end_time(br.latest_start_s + br.duration_s), who, day_.end_time(shift.end_s),
                              last, after_hint));
      }
    }
  }

  // `br` starts no earlier than the break listed before it can end.
  void in_order(std::size_t s, std::size_t b, const BreakSpec& br, const std::string& me, const BreakSpec& prev,
                const std::string& prev_label) {
    const double prev_end = prev.latest_start_s + prev.duration_s;
    if (br.earliest_start_s < prev.earliest_start_s) {
      sink_.add(where_.brk(s, b, BreakPart::Earliest),
                fmt::format("{} ({}) is listed after {} ({}) but starts before it; list breaks in time order", me,
                            starts_text(br, day_), prev_label, starts_text(prev, day_)));
      return;
    }
    if (br.earliest_start_s >= prev_end) return;
    const bool both_fixed = br.earliest_start_s == br.latest_start_s && prev.earliest_start_s == prev.latest_start_s;
    if (both_fixed) {
      sink_.add(where_.brk(s, b, BreakPart::Earliest),
                fmt::format("{} at {} overlaps {} ({} to {}); fixed breaks must not overlap: start it at {} or later",
                            me, day_.time(br.earliest_start_s), prev_label, day_.time(prev.earliest_start_s),
                            day_.end_time(prev_end), day_.time(prev_end)));
      return;
    }
    const bool fixed = br.earliest_start_s == br.latest_start_s;
    const std::string other =
        prev.earliest_start_s == prev.latest_start_s
            ? fmt::format("{} ({} to {})", prev_label, day_.time(prev.earliest_start_s), day_.end_time(prev_end))
            : fmt::format("{}, which may run until {} (latest start {} + {})", prev_label, day_.end_time(prev_end),
                          day_.time(prev.latest_start_s), seconds(prev.duration_s));
    sink_.add(where_.brk(s, b, BreakPart::Earliest),
              fmt::format("{} {} at {} and so overlaps {}; breaks never overlap, whatever the placement: {} at {} or "
                          "later",
                          me, fixed ? "starts" : "may start", day_.time(br.earliest_start_s), other,
                          fixed ? "start it" : "open the window", day_.time(prev_end)));
  }

  const DayClock& day_;
  const ShiftPointers& where_;
  DiagnosticSink& sink_;
};


}  // namespace

std::string ShiftPointers::shift(std::size_t s, ShiftPart part) const {
  return fmt::format("{}/{}/{}", shifts_, s, shift_key(s, part));
}

std::string ShiftPointers::brk(std::size_t s, std::size_t b, BreakPart part) const {
  return fmt::format("{}/{}/breaks/{}/{}", shifts_, s, b, break_key(s, b, part));
}

std::string DayClock::time(double t) const { return clock_text(t, start_minute, false); }
std::string DayClock::end_time(double t) const { return clock_text(t, start_minute, true); }
std::string DayClock::extent() const {
  return fmt::format("{} to {}", time(0.0), horizon_s ? end_time(*horizon_s) : std::string("?"));
}

void check_shifts(std::span<const ShiftSpec> shifts, std::span<const ShiftValid> valid, const DayClock& day,
                  const ShiftPointers& where, DiagnosticSink& sink) {
  ShiftChecker(day, where, sink).check(shifts, valid);
}

std::uint64_t peak_scheduled_agents(const AgentGroupSpec& g, double period_s) {
  // (time, change in agents on duty); the count after every change at one instant holds
  // until the next instant, so the peak is the largest such count.
  std::vector<std::pair<double, std::int64_t>> changes;
  if (std::isfinite(period_s) && period_s > 0.0) {
    std::int64_t previous = 0;
    for (std::size_t k = 0; k < g.staffing.size(); ++k) {
      const auto now = static_cast<std::int64_t>(g.staffing[k]);
      if (now != previous) changes.emplace_back(sim::period_start(static_cast<unsigned>(k), period_s), now - previous);
      previous = now;
    }
  } else if (!g.staffing.empty()) {
    changes.emplace_back(-std::numeric_limits<double>::infinity(),
                         static_cast<std::int64_t>(std::ranges::max(g.staffing)));
  }
  for (const ShiftSpec& s : g.shifts) {
    if (!std::isfinite(s.start_s) || !std::isfinite(s.end_s) || !(s.start_s < s.end_s) || s.agents == 0) continue;
    changes.emplace_back(s.start_s, static_cast<std::int64_t>(s.agents));
    changes.emplace_back(s.end_s, -static_cast<std::int64_t>(s.agents));
  }
  std::ranges::sort(changes);
  std::int64_t on_duty = 0, peak = 0;
  for (std::size_t i = 0; i < changes.size(); ++i) {
    on_duty += changes[i].second;
    if (i + 1 == changes.size() || changes[i + 1].first != changes[i].first) peak = std::max(peak, on_duty);
  }
  return static_cast<std::uint64_t>(peak);
}

std::optional<std::string> day_name_problem(std::string_view name) {
  const bool control = std::ranges::any_of(name, [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; });
  // A space at either end, ASCII or no-break (U+00A0), would hide in a label.
  const auto spaced = [](std::string_view n, bool front) {
    constexpr std::string_view kNbsp = "\xc2\xa0";
    return front ? n.front() == ' ' || n.starts_with(kNbsp) : n.back() == ' ' || n.ends_with(kNbsp);
  };
  if (name.empty() || control || spaced(name, true) || spaced(name, false) ||
      name.find_first_of("/,\"") != std::string_view::npos)
    return fmt::format("a day's name labels its intervals (\"Tue 08:00\") in reports, CSV files and sweep --kpis: "
                       "give a non-empty name without '/', ',', '\"', control characters or spaces at its ends; got {}",
                       quote(name));
  return std::nullopt;
}

std::uint64_t scheduled_stints(const AgentGroupSpec& g) {
  std::uint64_t n = 0;
  std::uint32_t previous = 0;
  for (std::uint32_t x : g.staffing) {
    if (x > previous) n += x - previous;
    previous = x;
  }
  for (const ShiftSpec& s : g.shifts) n += s.agents;
  return n;
}

std::optional<std::string> too_many_agents(std::uint64_t total) {
  if (total <= kMaxAgents) return std::nullopt;
  return fmt::format("the agent groups schedule {} agents in all (staffing arrays count each rise, shifts their "
                     "agents); at most {} are supported (agent ids are 32-bit)",
                     total, kMaxAgents);
}

std::optional<std::string> reservation_leaves_none(std::uint64_t reserved, std::string_view group_name,
                                                   std::uint64_t peak) {
  if (reserved < peak) return std::nullopt;
  return fmt::format("reserving {} agent{} leaves none for the other types of agent group {} (it has at most {} "
                     "agent{} on duty at once); {}",
                     reserved, reserved == 1 ? "" : "s", quote(group_name), peak, peak == 1 ? "" : "s",
                     peak >= 2 ? fmt::format("reserve at most {}", peak - 1)
                               : std::string("a reservation needs a group with at least 2 agents on duty at once"));
}

std::optional<Diagnostic> never_staffed(const AgentGroupSpec& g, std::string_view group_pointer,
                                        std::string_view label) {
  if (g.staffing.empty() && g.shifts.empty()) return std::nullopt;
  if (std::ranges::any_of(g.staffing, [](std::uint32_t n) { return n > 0; })) return std::nullopt;
  if (std::ranges::any_of(g.shifts, [](const ShiftSpec& s) { return s.agents > 0; })) return std::nullopt;
  const std::string gp(group_pointer);
  // Its types may have no other group: no_agent_scheduled then says where they wait.
  constexpr std::string_view kFate = "it takes no contact (its types are left to their other groups, if they have any)";
  if (g.shifts.empty())
    return Diagnostic{gp + "/staffing",
                      fmt::format("agent group {} is never staffed (0 agents in every period); {}", label, kFate)};
  if (g.staffing.empty())
    return Diagnostic{gp + "/shifts",
                      fmt::format("agent group {} is never staffed (0 agents on every shift); {}", label, kFate)};
  return Diagnostic{gp, fmt::format("agent group {} is never staffed (0 agents in every period and on every shift); {}",
                                    label, kFate)};
}

std::optional<std::string> fraction_problem(double x, std::string_view got, std::string_view at_one) {
  constexpr Range kFraction{0.0, false, 1.0, true};
  if (kFraction.contains(x)) return std::nullopt;
  if (x == 1.0) return fmt::format("must be {} (1 would mean {}); got {}", kFraction.text(), at_one, got);
  if (x > 1.0 && x <= 100.0)
    return fmt::format("must be {} (a fraction: write {} % as {}); got {}", kFraction.text(), x, hundredth_text(x),
                       got);
  return fmt::format("must be {}; got {}", kFraction.text(), got);
}

}  // namespace ccsim::models::internal
