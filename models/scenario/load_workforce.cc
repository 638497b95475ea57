// models/scenario/load_workforce.cc
// The Decoder's workforce of an agent group, day mode only: "shifts" with their
// "breaks", "absenteeism" and "shrinkage". Times are clock times read against
// /start_time or seconds from time 0; the checks across values (inside the day, inside
// the shift, in time order) are the shared rules of workforce_rules.h.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "models/scenario/did_you_mean.h"
#include "models/scenario/json_pointer.h"
#include "models/scenario/load_internal.h"
#include "models/scenario/workforce_rules.h"

namespace ccsim::models::internal {
namespace {

constexpr std::string_view kShiftShape = R"({"name": ..., "start": ..., "end" or "length_s": ..., "agents": ...})";
constexpr std::string_view kBreakShape = R"({"name": ..., "duration_s": ..., "at" or "window": ...})";

// The file's keys: "end" or "length_s", "at" or "window/from" and "window/to".
class FilePointers final : public ShiftPointers {
 public:
  FilePointers(const std::string& shifts_pointer, const std::vector<ShiftKeysGiven>& given)
      : ShiftPointers(shifts_pointer), given_(given) {}

 private:
  std::string_view shift_key(std::size_t s, ShiftPart part) const override {
    constexpr std::array<std::string_view, 3> kKeys = {"name", "start", "end"};
    return part == ShiftPart::End && given_[s].by_length ? "length_s" : kKeys[static_cast<std::size_t>(part)];
  }
  std::string_view break_key(std::size_t s, std::size_t b, BreakPart part) const override {
    constexpr std::array<std::string_view, 4> kKeys = {"name", "duration_s", "window/from", "window/to"};
    const bool start = part == BreakPart::Earliest || part == BreakPart::Latest;
    return start && given_[s].fixed[b] ? "at" : kKeys[static_cast<std::size_t>(part)];
  }

  const std::vector<ShiftKeysGiven>& given_;
};

}  // namespace

std::optional<std::uint32_t> parse_clock(std::string_view t) {
  // Spreadsheets drop the leading zero of the hour: "8:00" is "08:00".
  std::string padded(t.size() == 4 || t.size() == 7 ? 1 : 0, '0');
  padded.append(t);  // not "0" + std::string(t): GCC 12 warns (-Wrestrict) on that concatenation
  const std::string_view c = padded;
  if ((c.size() != 5 && c.size() != 8) || c[2] != ':' || (c.size() == 8 && c[5] != ':')) return std::nullopt;
  const auto two_digits = [&](std::size_t i) {
    const bool ok = c[i] >= '0' && c[i] <= '9' && c[i + 1] >= '0' && c[i + 1] <= '9';
    return ok ? (c[i] - '0') * 10 + (c[i + 1] - '0') : -1;
  };
  const int hh = two_digits(0), mm = two_digits(3), ss = c.size() == 8 ? two_digits(6) : 0;
  if (hh < 0 || mm < 0 || ss < 0 || hh > 24 || mm > 59 || ss > 59) return std::nullopt;
  if (hh == 24 && (mm != 0 || ss != 0)) return std::nullopt;
  return static_cast<std::uint32_t>(hh * 3600 + mm * 60 + ss);
}

// Returns whether the shifts were read without error (or are absent).
bool Decoder::decode_workforce(const Json& v, const std::string& ptr, AgentGroupSpec& g) {
  if (mode_ == RunMode::SteadyState) {
    day_only(v, ptr, {"shifts", "absenteeism", "shrinkage"});
    return true;
  }
  const std::size_t before = sink_.count();
  if (const Json* s = find(v, "shifts")) decode_shifts(*s, ptr + "/shifts", g);
  const bool shifts_ok = sink_.count() == before;
  if (const Json* a = find(v, "absenteeism")) {
    if (auto x = fraction(*a, ptr + "/absenteeism", kAbsenteeismAtOne)) g.absenteeism = *x;
  }
  if (const Json* s = find(v, "shrinkage")) decode_shrinkage(*s, ptr + "/shrinkage", g);
  return shifts_ok;
}

void Decoder::decode_shifts(const Json& v, const std::string& ptr, AgentGroupSpec& g) {
  if (!v.is_array() || v.empty()) {
    error(ptr, fmt::format("expected a non-empty array of shift objects {}; got {}{}", kShiftShape, describe(v),
                           v.is_array() ? R"( (omit "shifts" when the group has none))" : ""));
    return;
  }
  std::vector<ShiftValid> valid(v.size());
  std::vector<ShiftKeysGiven> given(v.size());
  std::vector<std::vector<std::uint32_t>> worked(v.size());
  g.shifts.resize(v.size());
  const std::size_t before = sink_.count();
  for (std::size_t s = 0; s < v.size(); ++s) {
    decode_shift(v[s], child_pointer(ptr, s), g.shifts[s], valid[s], given[s]);
    if (auto d = shift_days(v[s], child_pointer(ptr, s))) worked[s] = std::move(*d);
  }
  check_shifts(g.shifts, valid, day_clock(), FilePointers(ptr, given), sink_);
  if (days_ == 1 || sink_.count() != before || !day_s_ || !horizon_s_ || *horizon_s_ != *day_s_ * days_) return;
  // Each day's shifts are the day's own: the model sees them at their times in the run.
  std::vector<ShiftSpec> run;
  for (std::size_t s = 0; s < g.shifts.size(); ++s) {
    for (const std::uint32_t d : worked[s]) {
      ShiftSpec& copy = run.emplace_back(g.shifts[s]);
      const double offset = *day_s_ * d;
      copy.name = g.shifts[s].name + day_copy_suffix(day_name(day_names_, d));
      copy.start_s += offset;
      copy.end_s += offset;
      for (BreakSpec& b : copy.breaks) {
        b.earliest_start_s += offset;
        b.latest_start_s += offset;
      }
    }
  }
  g.shifts = std::move(run);
}

std::optional<std::vector<std::uint32_t>> Decoder::shift_days(const Json& shift, const std::string& ptr) {
  std::vector<std::uint32_t> all(days_);
  for (std::uint32_t d = 0; d < days_; ++d) all[d] = d;
  const Json* v = shift.is_object() ? find(shift, "days") : nullptr;
  if (!v) return all;
  const std::string dp = ptr + "/days";
  const std::string accepted =
      days_bad_           ? std::string("an array of the days' names (from /days) or numbers (1 is the first)")
      : day_names_.empty() ? fmt::format("an array of day numbers from 1 to {} (/days)", days_)
                         : fmt::format("an array of day names from /days ({}) or day numbers from 1 to {}",
                                       join_names(day_names_), days_);
  if (!v->is_array() || v->empty()) {
    error(dp, fmt::format("expected {}; got {}{}", accepted, describe(*v),
                          v->is_array() ? " (omit \"days\" for a shift worked every day)" : ""));
    return std::nullopt;
  }
  if (days_bad_) return std::nullopt;  // which days it names is unknown: reported at /days
  std::vector<bool> named(days_, false);
  std::vector<std::uint32_t> out;
  bool ok = true;
  for (std::size_t i = 0; i < v->size(); ++i) {
    const Json& x = (*v)[i];
    const std::string ip = child_pointer(dp, i);
    std::optional<std::uint32_t> day;
    if (x.is_string()) {
      const auto it = std::ranges::find(day_names_, x.get_ref<const std::string&>());
      if (it != day_names_.end())
        day = static_cast<std::uint32_t>(it - day_names_.begin());
      else
        error(ip, fmt::format("unknown day {}; expected {}{}", quote(x.get_ref<const std::string&>()), accepted,
                              did_you_mean(x.get_ref<const std::string&>(), day_names_)));
    } else if (x.is_number_integer() || x.is_number_unsigned()) {
      if (auto n = integer(x, ip, 1, days_)) day = static_cast<std::uint32_t>(*n - 1);
    } else {
      error(ip, fmt::format("expected {}; got {}", accepted, describe(x)));
    }
    if (!day) {
      ok = false;
    } else if (named[*day]) {
      const std::string name = day_name(day_names_, *day);
      error(ip, fmt::format("names {} twice", day_names_.empty() ? name : quote(name)));
      ok = false;
    } else {
      named[*day] = true;
    }
  }
  if (!ok) return std::nullopt;
  for (std::uint32_t d = 0; d < days_; ++d)
    if (named[d]) out.push_back(d);
  return out;
}

void Decoder::decode_shift(const Json& v, const std::string& ptr, ShiftSpec& s, ShiftValid& valid,
                           ShiftKeysGiven& given) {
  valid.times = false;
  if (!open_named(v, ptr, fmt::format("a shift object {}", kShiftShape), kShiftKeys, "the agent group", s.name,
                  valid.name))
    return;
  const std::optional<double> start = time_at(v, ptr, "start");
  const Json* end = find(v, "end");
  const Json* length = find(v, "length_s");
  std::optional<double> end_s;
  if (end && length) {
    error(ptr, R"("end" and "length_s" are exclusive; give exactly one)");
  } else if (end) {
    end_s = time_of_day(*end, ptr + "/end");
    // A night shift of a run of several days ends on the next day (22:00 to 06:00).
    if (end_s && start && end->is_string() && *end_s <= *start && overnight_s()) *end_s += *overnight_s();
  } else if (length) {
    given.by_length = true;
    if (auto l = number(*length, ptr + "/length_s", above(0.0)); l && start) end_s = *start + *l;
  } else {
    error(ptr, R"(missing the end of the shift; give exactly one of "end" (a time) or "length_s" (a number > 0, )"
               R"(seconds))");
  }
  if (auto a = integer_at(v, ptr, "agents", 0, kU32Max, true)) s.agents = static_cast<std::uint32_t>(*a);
  if (start && end_s) {
    s.start_s = *start;
    s.end_s = *end_s;
    valid.times = true;
  }
  const Json* bs = find(v, "breaks");
  if (!bs) return;
  const std::string bp = ptr + "/breaks";
  if (!bs->is_array()) {
    error(bp, fmt::format("expected an array of break objects {}; got {}", kBreakShape, describe(*bs)));
    return;
  }
  s.breaks.resize(bs->size());
  valid.breaks.resize(bs->size());
  given.fixed.resize(bs->size());
  const bool night = valid.times && overnight_s() && s.end_s > *overnight_s();
  for (std::size_t b = 0; b < bs->size(); ++b) {
    bool fixed = false;
    decode_break((*bs)[b], child_pointer(bp, b), s.breaks[b], valid.breaks[b], fixed,
                 night ? std::optional<double>(s.start_s) : std::nullopt);
    given.fixed[b] = fixed;
  }
}

void Decoder::decode_break(const Json& v, const std::string& ptr, BreakSpec& b, BreakValid& valid, bool& fixed,
                           std::optional<double> night_start) {
  valid.times = false;
  if (!open_named(v, ptr, fmt::format("a break object {}", kBreakShape), kBreakKeys, "the shift", b.name, valid.name))
    return;
  const std::optional<double> duration = number_at(v, ptr, "duration_s", above(0.0), true);
  const Json* at = find(v, "at");
  const Json* window = find(v, "window");
  bool starts_ok = false;  // earliest_start_s and latest_start_s are set
  if (at && window) {
    error(ptr, R"("at" and "window" are exclusive; give "at" (a fixed start) or "window" (a range of starts))");
  } else if (at) {
    fixed = true;
    if (auto t = time_of_day(*at, ptr + "/at", night_start)) {
      b.earliest_start_s = b.latest_start_s = *t;
      starts_ok = true;
    }
  } else if (window) {
    const std::string wp = ptr + "/window";
    if (expect_object(*window, wp, R"(an object {"from": <time>, "to": <time>})")) {
      check_keys(*window, wp, kWindowKeys);
      const std::optional<double> from = time_at(*window, wp, "from", night_start);
      const std::optional<double> to = time_at(*window, wp, "to", night_start);
      if (from && to && *from == *to) {
        error(wp + "/to", fmt::format(R"(the window is empty: "from" and "to" are both {}; use "at" for a fixed time)",
                                      day_clock().time(*from)));
      } else if (from && to) {
        b.earliest_start_s = *from;
        b.latest_start_s = *to;
        starts_ok = true;
      }
    }
  } else {
    error(ptr, R"(missing the start of the break; give exactly one of "at" (a time) or "window" ({"from": <time>, )"
               R"("to": <time>}))");
  }
  if (const Json* p = find(v, "placement")) {
    if (fixed) {
      error(ptr + "/placement", R"("placement" is only used with "window"; remove it (a break "at" a fixed time has )"
                                R"(one start))");
    } else if (auto i = choice(*p, ptr + "/placement", "placement", kPlacementNames)) {
      b.placement = static_cast<BreakPlacement>(*i);
    }
  }
  if (const Json* p = find(v, "paid")) {
    if (p->is_boolean()) {
      b.paid = p->get<bool>();
    } else {
      error(ptr + "/paid", fmt::format("expected true (the default) or false; got {}", describe(*p)));
    }
  }
  if (duration) b.duration_s = *duration;
  valid.times = duration && starts_ok;
}

void Decoder::decode_shrinkage(const Json& v, const std::string& ptr, AgentGroupSpec& g) {
  if (v.is_array()) {
    periods_fit(v.size(), ptr);
    for (std::size_t k = 0; k < v.size(); ++k)
      if (auto x = fraction(v[k], child_pointer(ptr, k), kShrinkageAtOne)) g.shrinkage.push_back(*x);
  } else if (v.is_number()) {
    if (auto x = fraction(v, ptr, kShrinkageAtOne)) g.shrinkage.assign(num_periods_.value_or(1), *x);
  } else {
    error(ptr, fmt::format("expected a number in [0, 1) (every period) or an array of {} numbers in [0, 1) (one per "
                           "period); got {}",
                           period_count(), describe(v)));
  }
}

// A shift or break object: its keys checked, its "name" read into `name` (`named` says
// whether it is a string; check_shifts reports an empty or repeated one). False when `v`
// is not an object.
bool Decoder::open_named(const Json& v, const std::string& ptr, std::string_view what, Names keys,
                         std::string_view unique_within, std::string& name, bool& named) {
  named = false;
  if (!expect_object(v, ptr, what)) return false;
  check_keys(v, ptr, keys);
  if (const Json* n = find(v, "name")) {
    if (auto s = string(*n, ptr + "/name", "a non-empty string")) {
      name = std::move(*s);
      named = true;
    }
  } else {
    missing(ptr, "name", fmt::format("a non-empty string, unique within {}", unique_within));
  }
  return true;
}

std::optional<double> Decoder::time_of_day(const Json& v, const std::string& ptr, std::optional<double> night_start) {
  if (v.is_number()) return v.get<double>();  // finite: the parser rejects overflow
  if (v.is_string()) {
    if (auto clock = parse_clock(v.get_ref<const std::string&>())) {
      if (start_minute_) {
        double t = static_cast<double>(*clock) - *start_minute_ * 60.0;
        if (t < 0.0) t += kSecondsPerDay;
        return night_start && t < *night_start ? t + kSecondsPerDay : t;
      }
      // An invalid /start_time is reported there, once.
      if (!start_time_given_)
        error(ptr, fmt::format("a clock time needs /start_time (the clock time of time 0); set /start_time or give "
                               "seconds from the start of the day (a number); got {}",
                               describe(v)));
      return std::nullopt;
    }
  }
  error(ptr, fmt::format("expected {}; got {}", kTimeAccepted, describe(v)));
  return std::nullopt;
}

std::optional<double> Decoder::time_at(const Json& obj, const std::string& ptr, std::string_view key,
                                       std::optional<double> night_start) {
  if (const Json* v = find(obj, key)) return time_of_day(*v, child_pointer(ptr, key), night_start);
  missing(ptr, key, kTimeAccepted);
  return std::nullopt;
}

std::optional<double> Decoder::fraction(const Json& v, const std::string& ptr, std::string_view at_one) {
  if (!v.is_number()) {
    error(ptr, fmt::format("expected a number in [0, 1); got {}", describe(v)));
    return std::nullopt;
  }
  if (auto message = fraction_problem(v.get<double>(), describe(v), at_one)) {
    error(ptr, std::move(*message));
    return std::nullopt;
  }
  return v.get<double>();
}

}  // namespace ccsim::models::internal
