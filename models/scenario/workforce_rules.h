// models/scenario/workforce_rules.h
// The rules on an agent group's workforce (shifts, breaks, absenteeism, shrinkage) and on
// the agents it schedules, written once for the loader (load_workforce.cc) and for
// validate_spec. Each caller checks single values its own way, then passes what is valid
// to these rules; problems are located through the caller's own pointers.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "models/scenario/diagnostic_sink.h"
#include "models/scenario/diagnostics.h"
#include "models/scenario/spec.h"
#include "sim/rng/stream_id.h"

namespace ccsim::models::internal {

inline constexpr double kSecondsPerDay = 86400.0;

// The simulated day as messages show it. With start_minute, a time t (seconds from time
// 0) is the clock time start + t: "09:30", "09:30:15", "01:00 next day", or "24:00" for
// the midnight that ends a day; without it, "34200 s".
struct DayClock {
  std::optional<double> horizon_s;            // none when period_s or num_periods is invalid
  std::optional<std::uint32_t> start_minute;  // ScenarioSpec::start_minute, when valid
  // In a run of several days a shift may run past its day's end (a night shift, 22:00 to
  // 06:00 the next day), ending at most this long (a day) after it starts; without it a
  // shift ends by horizon_s.
  std::optional<double> overnight_s;

  std::string time(double t) const;
  std::string end_time(double t) const;  // as time(), but a midnight reads "24:00"
  std::string extent() const;            // "07:00 to 19:00", "0 to 43200 s"
};

// Why a day's name (ScenarioSpec::day_names) cannot label intervals ("Tue 08:00") in
// reports, CSV cells and the paths of sweep --kpis, or none.
std::optional<std::string> day_name_problem(std::string_view name);

// The value of a shift or a break that a problem is about. Each caller names its key
// below the shift or break (the loader: "end" or "length_s", "at" or "window/from";
// validate_spec: "end_s", "earliest_start_s"); the pointer is then
// <shifts>/<s>/<key> or <shifts>/<s>/breaks/<b>/<key>.
// The model numbers a shift's breaks in one byte (models/call_center_workforce.cc).
inline constexpr std::size_t kMaxBreaksPerShift = 254;

enum class ShiftPart : std::uint8_t { Name, Start, End };
enum class BreakPart : std::uint8_t { Name, Duration, Earliest, Latest };

class ShiftPointers {
 public:
  explicit ShiftPointers(std::string shifts_pointer) : shifts_(std::move(shifts_pointer)) {}
  virtual ~ShiftPointers() = default;

  std::string shift(std::size_t s, ShiftPart part) const;
  std::string brk(std::size_t s, std::size_t b, BreakPart part) const;

 private:
  // Keys of the caller's own, so written unescaped (they may hold a "/").
  virtual std::string_view shift_key(std::size_t s, ShiftPart part) const = 0;
  virtual std::string_view break_key(std::size_t s, std::size_t b, BreakPart part) const = 0;

  std::string shifts_;
};

// Which values passed the caller's own checks; the rules below leave the others out, so
// that one bad value is reported once. times: start_s and end_s of a shift; duration_s,
// earliest_start_s and latest_start_s of a break. `breaks` is parallel to the shift's.
struct BreakValid {
  bool name = true;
  bool times = true;
};
struct ShiftValid {
  bool name = true;
  bool times = true;
  std::vector<BreakValid> breaks;
};

// The shifts of one group (`valid` is parallel to `shifts`): names non-empty and unique
// (shifts within the group, breaks within their shift); 0 <= start_s < end_s <= horizon
// (with day.overnight_s: start_s < horizon and end_s <= start_s + overnight_s);
// a break's earliest start <= its latest start; it fits its shift (earliest start >= the
// shift's start, latest start + duration_s <= the shift's end); and each break starts no
// earlier than the previous one can end (its latest start + its duration), whatever the
// placement.
void check_shifts(std::span<const ShiftSpec> shifts, std::span<const ShiftValid> valid, const DayClock& day,
                  const ShiftPointers& where, DiagnosticSink& sink);

// The most agents the group schedules at one instant: the staffing of the period plus
// the agents of every shift with start_s <= t < end_s. Breaks, absenteeism and
// shrinkage are not subtracted. Shifts whose times are not finite with start_s < end_s
// are left out; when period_s is not a finite number > 0, a staffing array counts as its
// largest value throughout.
std::uint64_t peak_scheduled_agents(const AgentGroupSpec& g, double period_s);

// The agents (stints) a group schedules over the day, one record each in the model: every
// rise of the staffing array starts that many (docs/workforce.md), plus each shift's agents.
std::uint64_t scheduled_stints(const AgentGroupSpec& g);

// Agent ids are 32-bit, one value kept for "no agent"; agent groups index random streams
// like contact types (docs/rng.md).
inline constexpr std::uint64_t kMaxAgents = 0xfffffffeULL;
inline constexpr std::uint64_t kMaxAgentGroups = sim::max_index_per_component();

// A message when the groups schedule more agents in all than the model can number.
std::optional<std::string> too_many_agents(std::uint64_t total);

// Reserving `reserved` agents of group `group_name` (quoted in the message) for one type
// must leave another agent when the group has `peak` agents on duty: nullopt, or the
// message saying it does not.
std::optional<std::string> reservation_leaves_none(std::uint64_t reserved, std::string_view group_name,
                                                   std::uint64_t peak);

// A group that schedules no agent at all (0 in every period of `staffing`, 0 on every
// shift): legal, but rarely meant, so the sanity warnings name it (models/planning/warnings.h)
// at group_pointer + "/staffing" or "/shifts" (whichever it has; the group itself when
// both), by `label`. None when the group has neither staffing nor shifts.
std::optional<Diagnostic> never_staffed(const AgentGroupSpec& g, std::string_view group_pointer,
                                        std::string_view label);

// Absenteeism or a shrinkage value: a fraction in [0, 1). nullopt when it is one, else
// the message; `got` is the value as the caller shows it and `at_one` what 1 would mean
// ("every agent absent"). A value in (1, 100] gets the hint "write 6 % as 0.06".
std::optional<std::string> fraction_problem(double x, std::string_view got, std::string_view at_one);
inline constexpr std::string_view kAbsenteeismAtOne = "every agent absent";
inline constexpr std::string_view kShrinkageAtOne = "agents never available";

}  // namespace ccsim::models::internal
