// cli/report_text.cc
// The terminal report: run summary, targets with verdicts, overall KPIs with
// confidence intervals (the workforce ones apart), per type, per group, the workforce
// of each group, then service level and agents per interval with the intervals that
// miss the target flagged. Agent counts come from the simulation, never the scenario.
// With several observations each ratio KPI shown overall, per type, per group and the
// service level per interval also get their ratio of means.
#include <algorithm>
#include <array>
#include <cmath>
#include <iterator>
#include <stdexcept>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "cli/report.h"
#include "models/kpi/kpis.h"
#include "models/planning/warnings.h"
#include "models/scenario/message_text.h"
#include "models/targets.h"

namespace ccsim::cli {

using models::Kpi;
using models::KpiStat;
using models::stat_of;

namespace {
// What a service level divides by.
std::string sl_denominator_text(const models::ServiceLevelSpec& sl) {
  switch (sl.definition) {
    case models::SlDefinition::AnsweredWithinTOverAdmitted: return "admitted calls (every call that joined the queue)";
    case models::SlDefinition::AnsweredWithinTOverAnswered: return "answered calls";
    case models::SlDefinition::ExcludingShortAbandons:
      return fmt::format("admitted calls less those abandoned within {:g} s", sl.short_abandon_s);
    case models::SlDefinition::AnsweredWithinTOverOffered: return "every offered call";
  }
  return {};
}
}  // namespace

std::string sl_definition_text(const models::ServiceLevelSpec& sl) {
  return fmt::format("answered within {:g} s over {}", sl.awt_s, sl_denominator_text(sl));
}

std::string kpi_value_text(double x, bool fraction) {
  if (std::isnan(x)) return "-";
  if (fraction) return fmt::format("{:.1f}%", 100.0 * x);
  if (std::fabs(x) >= 100) return fmt::format("{:.1f}", x);
  return fmt::format("{:.2f}", x);
}

std::string kpi_stat_text(const KpiStat& s, bool fraction) {
  if (s.n == 0) return "-";
  if (std::isnan(s.half_width)) return kpi_value_text(s.mean, fraction);
  return kpi_value_text(s.mean, fraction) + " ± " + kpi_value_text(s.half_width, fraction);
}

namespace {
// Whether some contact type has a service level of its own: the centre's then counts each
// call against its own type's threshold.
bool types_have_own_service_level(const models::ScenarioSpec& spec) {
  return std::ranges::any_of(spec.contact_types,
                             [](const models::ContactTypeSpec& c) { return c.service_level.has_value(); });
}
}  // namespace

std::string target_text(const models::ScenarioSpec& spec, const models::TargetSpec& t) {
  const Kpi k = t.kpi;
  std::string out;
  if (t.type) out = spec.contact_types[*t.type].name + ": ";
  if (t.group) out = "group " + spec.agent_groups[*t.group].name + ": ";
  out += fmt::format("{} {} {}", models::kpi_name(k), t.bound == models::TargetBound::AtLeast ? ">=" : "<=",
                     kpi_value_text(t.value, models::kpi_is_fraction(k)));
  if (k == Kpi::ServiceLevel && !t.type && !t.group && types_have_own_service_level(spec))
    out += " within each type's threshold";
  else if (k == Kpi::ServiceLevel)
    out += fmt::format(" within {:g} s", t.type ? spec.service_level_of(*t.type).awt_s : spec.service_level.awt_s);
  if (t.scope == models::TargetScope::Intervals)
    out += t.share_of_intervals >= 1.0 ? std::string(", every interval")
                                       : fmt::format(", {:g}% of intervals", 100.0 * t.share_of_intervals);
  return out;
}

std::string target_result_text(const models::ScenarioSpec& spec, const models::TargetResult& t) {
  const bool fraction = models::kpi_is_fraction(t.target.kpi);
  if (t.target.scope == models::TargetScope::Day) return kpi_stat_text(t.stat, fraction);
  const std::uint32_t judged = t.intervals_met + t.intervals_missed + t.intervals_inconclusive;
  if (!t.worst_interval && judged == 0) return "no interval defines it";
  if (!t.worst_interval)  // judged on the bounds of e-mails kept at the close alone
    return fmt::format("met in {} of {}, missed in {}", t.intervals_met, judged, t.intervals_missed);
  return fmt::format("met in {} of {}, missed in {}; worst {} {}", t.intervals_met, judged, t.intervals_missed,
                     interval_label(spec, *t.worst_interval), kpi_stat_text(t.stat, fraction));
}

std::string verdict_text(models::Verdict v) {
  switch (v) {
    case models::Verdict::Met: return "met";
    case models::Verdict::Missed: return "MISSED";
    case models::Verdict::Inconclusive: return "inconclusive";
  }
  return "?";
}

namespace {

std::string num(double x, Kpi k) { return kpi_value_text(x, models::kpi_is_fraction(k)); }
std::string with_ci(const KpiStat& s, Kpi k) { return kpi_stat_text(s, models::kpi_is_fraction(k)); }

// A ratio KPI's ratio of means as its column in the overall list shows it ("84.9% ± 2.8%");
// empty for a KPI that is no ratio, "-" where undefined.
std::string ratio_of_means_text(const KpiStat& s, Kpi k) {
  if (!models::kpi_is_ratio(k)) return {};
  const models::RatioOfMeans& r = s.ratio_of_means;
  if (std::isnan(r.value)) return "-";
  if (std::isnan(r.half_width)) return num(r.value, k);
  return num(r.value, k) + " ± " + num(r.half_width, k);
}

// One line of the overall list: the key, the mean ± half-width and, with several
// observations, the ratio of means beside it.
std::string overall_line(const KpiStat& s, Kpi k, const std::string& mean_text, bool pooled) {
  const std::string line = fmt::format("  {:<36} {:>22}", models::kpi_name(k), mean_text);
  const std::string rom = pooled ? ratio_of_means_text(s, k) : std::string();
  return rom.empty() ? line : fmt::format("{}  {:>22}", line, rom);
}

bool is_workforce(Kpi k) { return std::ranges::find(models::kWorkforceKpis, k) != models::kWorkforceKpis.end(); }

// Agents scheduled are the same in every replication (absent ones included): "10.00",
// not "10.00 ± 0.00" (the half-width is 0 up to rounding errors).
std::string workforce_text(const KpiStat& s, Kpi k) {
  const bool exact = s.half_width <= 1e-9 * std::max(1.0, std::fabs(s.mean));  // false when NaN
  return exact ? num(s.mean, k) : with_ci(s, k);
}

// The workforce KPIs that some group defines (break lateness is undefined where no
// break started).
std::vector<Kpi> defined_workforce_kpis(const std::vector<models::KpiStats>& by_group) {
  std::vector<Kpi> kpis;
  for (Kpi k : models::kWorkforceKpis)
    if (std::ranges::any_of(by_group, [k](const models::KpiStats& g) { return stat_of(g, k).n > 0; }))
      kpis.push_back(k);
  return kpis;
}

// In steady state every agent is logged on all the time (no shifts, breaks or absence):
// the workforce table would only repeat the staffing, so it is shown only if some group
// has agents away, on a break or working overtime. (The time integrals behind the
// averages may differ in the last bits: hence the tolerance.)
bool workforce_says_something(const models::RunResults& r) {
  return std::ranges::any_of(r.by_group, [](const models::KpiStats& g) {
    const auto mean = [&g](Kpi k) { return stat_of(g, k).n > 0 ? stat_of(g, k).mean : 0.0; };
    const double scheduled = mean(Kpi::ScheduledAgents);
    return std::fabs(scheduled - mean(Kpi::PresentAgents)) > 1e-9 * std::max(1.0, scheduled) ||
           mean(Kpi::AgentsOnBreak) > 1e-9 || mean(Kpi::OvertimeAgentMin) > 1e-9 ||
           stat_of(g, Kpi::BreakLatenessS).n > 0;
  });
}

// The header then one row per name, indented, the names at least 16 wide as in the tables
// of fixed width; each column as wide as its longest cell.
void print_named_rows(std::FILE* out, std::vector<std::vector<std::string>> rows) {
  for (auto& row : rows) row[0] = fmt::format("  {:<16}", row[0]);
  print_columns(out, rows, true);
}

// One row per group, one column per workforce KPI some group defines.
void print_workforce_table(std::FILE* out, const models::ScenarioSpec& spec, const models::RunResults& r,
                           const char* over) {
  const std::vector<Kpi> kpis = defined_workforce_kpis(r.by_group);
  std::vector<std::vector<std::string>> rows{{"group"}};
  for (Kpi k : kpis) rows.front().emplace_back(models::kpi_name(k));
  for (std::size_t g = 0; g < r.by_group.size(); ++g) {
    std::vector<std::string> row{spec.agent_groups[models::make_id<models::AgentGroupId>(g)].name};
    for (Kpi k : kpis) row.push_back(workforce_text(stat_of(r.by_group[g], k), k));
    rows.push_back(std::move(row));
  }
  fmt::print(out, "\nWorkforce by agent group (agents: time-average over {}; overtime and paid hours: totals)\n",
             over);
  print_named_rows(out, rows);
}

// The ratio of means of the ratio KPIs among `kpis`, one row per name: a table of its own,
// as the tables of means have no room for a second column per KPI. `header` heads the
// names, then each KPI as those tables head it.
void print_ratio_of_means_table(std::FILE* out, const std::string& title, const std::string& header,
                                const std::vector<std::string>& names, const std::vector<models::KpiStats>& stats,
                                const std::vector<Kpi>& kpis) {
  std::vector<Kpi> ratios;
  std::ranges::copy_if(kpis, std::back_inserter(ratios), models::kpi_is_ratio);
  std::vector<std::vector<std::string>> rows{{header}};
  for (Kpi k : ratios) rows.front().emplace_back(k == Kpi::SlOverAnswered ? "sl_over_answered" : models::kpi_name(k));
  for (std::size_t i = 0; i < names.size(); ++i) {
    std::vector<std::string> row{names[i]};
    for (Kpi k : ratios) row.push_back(ratio_of_means_text(stat_of(stats[i], k), k));
    rows.push_back(std::move(row));
  }
  fmt::print(out, "\n{}\n", title);
  print_named_rows(out, rows);
}

// A run of several days: the centre per day, then each contact type per day (the run's
// totals are the tables above).
void print_days(std::FILE* out, const models::ScenarioSpec& spec, const models::RunResults& r) {
  constexpr std::array kCentre = {Kpi::Offered,   Kpi::Answered,        Kpi::Abandoned,
                                  Kpi::ServiceLevel, Kpi::AsaS,         Kpi::PAbandonOverAdmitted,
                                  Kpi::Occupancy, Kpi::PaidAgentHours};
  std::vector<std::vector<std::string>> rows{{"day"}};
  for (Kpi k : kCentre) rows.front().emplace_back(models::kpi_name(k));
  for (const models::DayResult& d : r.by_day) {
    std::vector<std::string> row{spec.day_name(d.day)};
    for (Kpi k : kCentre) row.push_back(with_ci(stat_of(d.kpis, k), k));
    rows.push_back(std::move(row));
  }
  fmt::print(out, "\nBy day (each day's intervals together; the run's totals above)\n");
  print_named_rows(out, rows);

  std::vector<Kpi> per_type = {Kpi::Offered, Kpi::Answered, Kpi::Abandoned, Kpi::ServiceLevel, Kpi::AsaS,
                               Kpi::MeanQueueLength, Kpi::OldestWaitingS};
  if (models::kpi_shown(spec, Kpi::BacklogAtClose)) per_type.push_back(Kpi::BacklogAtClose);
  rows = {{"day", "type"}};
  for (Kpi k : per_type) rows.front().emplace_back(models::kpi_name(k));
  for (const models::DayResult& d : r.by_day) {
    for (std::size_t k = 0; k < d.by_type.size(); ++k) {
      std::vector<std::string> row{spec.day_name(d.day), spec.contact_types[models::make_id<models::ContactTypeId>(k)].name};
      for (Kpi x : per_type) row.push_back(with_ci(stat_of(d.by_type[k], x), x));
      rows.push_back(std::move(row));
    }
  }
  fmt::print(out, "\nBy day and contact type (service_level: within the type's threshold; mean_queue_length: "
                  "waiting on average; oldest_waiting_s: the longest wait at an interval's end)\n");
  for (auto& row : rows) row[0] = "  " + row[0];
  print_columns(out, rows, true);
}

}  // namespace

void print_targets(std::FILE* out, const models::ScenarioSpec& spec, const std::vector<models::TargetResult>& targets,
                   const std::vector<std::string>& notes) {
  std::vector<std::string> names;
  std::size_t width = 0;
  for (const models::TargetResult& t : targets) {
    names.push_back(target_text(spec, t.target));
    width = std::max(width, names.back().size());
  }
  for (std::size_t i = 0; i < targets.size(); ++i) {
    const std::string note = i < notes.size() && !notes[i].empty() ? " (" + notes[i] + ")" : "";
    fmt::print(out, "  {:<{}}  {:<12}  {}{}\n", names[i], width, verdict_text(targets[i].verdict),
               target_result_text(spec, targets[i]), note);
  }
}

std::vector<models::Kpi> kpis_option(const std::string& list, const std::vector<models::Kpi>& defaults) {
  std::vector<models::Kpi> kpis;
  const auto add = [&kpis](models::Kpi k) {
    if (std::ranges::find(kpis, k) == kpis.end()) kpis.push_back(k);
  };
  if (list.empty()) {
    for (models::Kpi k : defaults) add(k);
    return kpis;
  }
  std::string::size_type start = 0;
  for (;;) {
    const auto comma = list.find(',', start);
    const std::string name = list.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    const auto k = models::kpi_from_name(name);
    if (!k) {
      std::string known;
      for (auto n : models::kKpiNames) known += (known.empty() ? "" : ", ") + std::string(n);
      const std::string renamed = models::renamed_kpi_hint(name);
      throw std::invalid_argument(renamed.empty() ? fmt::format("--kpis: unknown KPI {}; known: {}",
                                                                models::internal::quote(name), known)
                                                  : "--kpis: " + renamed);
    }
    add(*k);
    if (comma == std::string::npos) return kpis;
    start = comma + 1;
  }
}

std::string change_text(const models::KpiStat& d, models::Kpi k, bool mark_significant) {
  if (d.n == 0) return "-";
  const bool fraction = models::kpi_is_fraction(k);
  const double scale = fraction ? 100.0 : 1.0;
  const char* unit = fraction ? " pp" : "";
  if (d.n < 2 || std::isnan(d.half_width)) return fmt::format("{:+.2f}{}", scale * d.mean, unit);
  const bool significant = mark_significant && std::fabs(d.mean) > d.half_width;
  return fmt::format("{:+.2f}{} ± {:.2f}{}", scale * d.mean, unit, scale * d.half_width, significant ? " *" : "");
}

void print_columns(std::FILE* out, const std::vector<std::vector<std::string>>& rows, bool right_align) {
  std::vector<std::size_t> width;
  for (const auto& row : rows) {
    width.resize(std::max(width.size(), row.size()), 0);
    for (std::size_t c = 0; c < row.size(); ++c) width[c] = std::max(width[c], row[c].size());
  }
  for (const auto& row : rows) {
    std::string line;
    for (std::size_t c = 0; c < row.size(); ++c)
      line += right_align && c > 0 ? fmt::format("{:>{}}  ", row[c], width[c]) : fmt::format("{:<{}}  ", row[c], width[c]);
    while (!line.empty() && line.back() == ' ') line.pop_back();
    fmt::print(out, "{}\n", line);
  }
}

void print_warnings(std::FILE* out, const models::ScenarioSpec& spec) {
  // Into one pipe (2>&1), a buffered report would otherwise come out around the warnings.
  if (out == stderr) std::fflush(stdout);
  for (const models::Warning& w : models::scenario_warnings(spec)) fmt::print(out, "WARNING: {}\n", w.message);
}

void print_text_report(std::FILE* out, const models::ScenarioSpec& spec, const models::RunResults& r) {
  const bool day = spec.mode == models::RunMode::Day;
  fmt::print(out, "ccsim run: {}", spec.name);
  if (day && spec.days > 1)
    fmt::print(out, " — {} days ({} to {}), {} intervals of {:g} min a day{}\n", spec.days, spec.day_name(0),
               spec.day_name(spec.days - 1), spec.periods_per_day(), spec.period_s / 60.0,
               spec.start_minute ? fmt::format(" from {:02d}:{:02d}", *spec.start_minute / 60, *spec.start_minute % 60)
                                 : "");
  else if (day)
    fmt::print(out, " — day mode, {} intervals of {:g} min{}\n", spec.num_periods, spec.period_s / 60.0,
               spec.start_minute ? " from " + interval_label(spec, 0) : "");
  else if (spec.steady.batches > 1)
    fmt::print(out, " — steady state, batch means over {} batches after {:g} s warm-up\n", spec.steady.batches,
               spec.steady.warmup_s);
  else
    fmt::print(out, " — steady state, {:g} s warm-up discarded\n", spec.steady.warmup_s);
  fmt::print(out, "{} replication{}, seed {}, {:g}% confidence, {} thread{}; {} calls, {} events in {:.3f} s",
             r.replications, r.replications == 1 ? "" : "s", spec.seed, 100 * spec.confidence, r.threads,
             r.threads == 1 ? "" : "s", r.calls, r.events, r.wall_s);
  if (r.wall_s > 0) fmt::print(out, " ({:.3g} calls/s)", r.calls / r.wall_s);
  fmt::print(out, "\nfingerprint {}\n", r.fingerprint);
  print_warnings(out, spec);
  if (r.unserved_at_end > 0)
    fmt::print(out,
               "WARNING: {} calls were still waiting when nothing else could happen (no agent staffed to "
               "serve them at the end); they count as neither answered nor abandoned\n",
               r.unserved_at_end);
  // "NOTE: 3 e-mails (1.5 per replication) were <what>" for n of every replication's.
  const auto note_emails = [&](std::uint64_t n, std::string_view kind, std::string_view what) {
    if (n == 0) return;
    fmt::print(out, "NOTE: {} {}e-mail{} ({:.1f} per replication) {} {}\n", n, kind, n == 1 ? "" : "s",
               static_cast<double>(n) / static_cast<double>(r.replications), n == 1 ? "was" : "were", what);
  };
  note_emails(r.backlog_at_close, "",
              "still in the backlog at the close; no agent takes them after it; those past their due time count as "
              "not answered in time, the others are not admitted (their outcome is the next day's)");
  note_emails(r.interrupted_unfinished, "interrupted ",
              "never resumed: no agent of their groups was left to resume them (none stayed after the close, or "
              "none took them); they count as answered, their time in system to then");
  for (std::size_t t = 0; t < r.by_type.size(); ++t)
    if (models::backlog_bounds(r.by_type[t], Kpi::ServiceLevel))
      fmt::print(out,
                 "NOTE: once the e-mails not yet due at the close are answered, the service level of {} will be {} "
                 "(each late) to {} (each in time): a run ending at the close cannot tell which, and its target is judged on "
                 "these bounds\n",
                 spec.contact_types[models::make_id<models::ContactTypeId>(t)].name,
                 num(stat_of(r.by_type[t], Kpi::SlIfBacklogLate).mean, Kpi::SlIfBacklogLate),
                 num(stat_of(r.by_type[t], Kpi::SlIfBacklogInTime).mean, Kpi::SlIfBacklogInTime));

  fmt::print(out, "\nTargets (judged by the {:g}% confidence interval)\n", 100 * spec.confidence);
  if (r.observations < 2)
    fmt::print(out,
               "  (one observation gives no confidence interval, so no target can be judged: run at least 2 "
               "replications, or batches in steady state)\n");
  print_targets(out, spec, r.targets);

  const char* over = !day ? "the observed window" : spec.days > 1 ? "the run" : "the day";
  // With one observation the ratio of means is that observation's ratio: no column.
  const bool pooled = r.observations > 1;
  if (pooled)
    fmt::print(out, "\n{:<39}{:>22}  {:>22}\n", "Overall", "mean ± half-width", "ratio of means ± hw");
  else
    fmt::print(out, "\nOverall\n");
  for (std::size_t i = 0; i < models::kNumKpis; ++i) {
    const auto k = static_cast<Kpi>(i);
    if (is_workforce(k) || (k == Kpi::Cost && r.overall[i].n == 0) || !models::kpi_shown(spec, k)) continue;
    fmt::print(out, "{}", overall_line(r.overall[i], k, with_ci(r.overall[i], k), pooled));
    if (k == Kpi::ServiceLevel) {
      fmt::print(out, "  {}{}", sl_definition_text(spec.service_level),
                 types_have_own_service_level(spec) ? " (or each type's own)" : "");
    }
    fmt::print(out, "\n");
  }
  // Read side by side, offered and answered suggest that the difference was lost.
  fmt::print(out, "  (offered counts every call that arrived, blocked and ended in the IVR included: offered − "
                  "answered is not the calls lost; service_level divides by {}{})\n",
             sl_denominator_text(spec.service_level),
             types_have_own_service_level(spec) ? " (or each type's own)" : "");
  const char* observation = r.observations == r.replications ? "replication" : "batch";
  if (pooled)
    fmt::print(out, "  (mean: of each {0}'s own ratio, over the {0}s that define it; ratio of means: every "
                    "{0}'s calls pooled, total over total, e.g. all answered in time over all admitted, with a "
                    "delta-method half-width; the two differ when volumes vary between {0}s: docs/kpis.md)\n",
               observation);
  const bool workforce = day || workforce_says_something(r);
  if (workforce) {
    fmt::print(out, "\n  Workforce, all groups (agents: time-average over {})\n", over);
    for (Kpi k : models::kWorkforceKpis)  // leaves out what no observation defines
      if (stat_of(r.overall, k).n > 0)
        fmt::print(out, "{}\n",
                   overall_line(stat_of(r.overall, k), k, workforce_text(stat_of(r.overall, k), k), pooled));
  } else {
    fmt::print(out, "\n  Workforce, all groups: {} agents logged on throughout, none on a break\n",
               num(stat_of(r.overall, Kpi::ScheduledAgents).mean, Kpi::ScheduledAgents));
  }

  std::vector<Kpi> type_cols = {Kpi::Offered, Kpi::Answered, Kpi::Abandoned};
  if (models::kpi_shown(spec, Kpi::Dials)) type_cols.insert(type_cols.begin(), Kpi::Dials);  // before what they reached
  for (Kpi k : {Kpi::Balked, Kpi::TimedOut, Kpi::Disconnected, Kpi::Interrupted,
                Kpi::OldestWaitingS})  // only where the scenario has them
    if (models::kpi_shown(spec, k)) type_cols.push_back(k);
  type_cols.insert(type_cols.end(), {Kpi::ServiceLevel, Kpi::AsaS, Kpi::PAbandonOverAdmitted});
  // Each type against its own service-level target (or the scenario's); judged here for
  // the reader, and by `check` only where the scenario states it as a target.
  // Types with their own service level may divide by something else; each is named.
  std::string definitions;
  for (std::size_t t = 0; t < r.by_type.size(); ++t) {
    const models::ServiceLevelSpec& sl = spec.service_level_of(models::make_id<models::ContactTypeId>(t));
    const std::string_view name = models::sl_definition_name(sl.definition);
    if (definitions.find(name) == std::string::npos) definitions += std::string(definitions.empty() ? "" : " or ") + std::string(name);
  }
  fmt::print(out, "\nBy contact type (service_level: {}, within the type's threshold; verdict: against the "
                  "type's service-level target{})\n  {:<16} {:>14}",
             definitions, day ? fmt::format(", over {} and in how many intervals it was missed", over) : "", "type",
             "sl target");
  // A key longer than the column (p_abandon_over_admitted) widens it, in the rows too.
  const auto width = [](Kpi k) { return std::max<std::size_t>(20, models::kpi_name(k).size()); };
  for (Kpi k : type_cols) fmt::print(out, " {:>{}}", models::kpi_name(k), width(k));
  fmt::print(out, "  {:<12}{}\n", "verdict", day ? "  intervals missed" : "");
  for (std::size_t t = 0; t < r.by_type.size(); ++t) {
    const auto id = models::make_id<models::ContactTypeId>(t);
    const models::ServiceLevelSpec& sl = spec.service_level_of(id);
    fmt::print(out, "  {:<16} {:>14}", spec.contact_types[id].name,
               fmt::format("{} in {:g} s", num(sl.target, Kpi::ServiceLevel), sl.awt_s));
    for (Kpi k : type_cols) fmt::print(out, " {:>{}}", with_ci(stat_of(r.by_type[t], k), k), width(k));
    fmt::print(out, "  {:<12}",
               verdict_text(models::judge_kpi(r.by_type[t], Kpi::ServiceLevel, models::TargetBound::AtLeast,
                                              sl.target)));
    if (day) {
      const auto missed = std::ranges::count_if(
          r.by_interval, [t](const models::IntervalResult& ir) { return ir.type_service_level[t] == models::Verdict::Missed; });
      fmt::print(out, "  {} of {}", missed, r.by_interval.size());
    }
    fmt::print(out, "\n");
  }
  const auto pooled_title = [observation](const char* level) {
    return fmt::format("By {}, ratio of means ± hw (every {}'s calls pooled)", level, observation);
  };
  if (pooled) {
    std::vector<std::string> names;
    for (const models::ContactTypeSpec& c : spec.contact_types) names.push_back(c.name);
    print_ratio_of_means_table(out, pooled_title("contact type"), "type", names, r.by_type, type_cols);
  }

  // With several channels: the share of productive time on each; with a chat type: the
  // sessions a chatting agent holds, and the share of the places in use.
  std::vector<Kpi> group_cols = {Kpi::Answered, Kpi::SlOverAnswered, Kpi::AsaS, Kpi::Occupancy};
  constexpr std::array kByChannel = {Kpi::OccupancyVoice, Kpi::OccupancyEmail, Kpi::OccupancyChat,
                                     Kpi::OccupancyOutbound};
  for (Kpi k : kByChannel)
    if (models::kpi_shown(spec, k)) group_cols.push_back(k);
  for (Kpi k : {Kpi::ChatConcurrency, Kpi::ChatOccupancy})
    if (models::kpi_shown(spec, k)) group_cols.push_back(k);
  const bool channels = std::ranges::any_of(kByChannel, [&](Kpi k) { return models::kpi_shown(spec, k); });
  const bool chat = models::kpi_shown(spec, Kpi::ChatConcurrency);
  fmt::print(out, "\nBy agent group (service level and ASA of the calls the group answered; sl_over_answered: "
                  "answered within t over answered{}{})\n",
             channels ? "; occupancy_<channel>: the share of productive time on calls, e-mails, chats or outbound "
                        "calls"
                      : "",
             chat ? "; chat_concurrency: chats held per agent holding one; chat_occupancy: chats held over the "
                    "places agents could hold"
                  : "");
  fmt::print(out, "  {:<16}", "group");
  for (Kpi k : group_cols)
    fmt::print(out, " {:>20}", k == Kpi::SlOverAnswered ? std::string_view("sl_over_answered") : models::kpi_name(k));
  fmt::print(out, "\n");
  for (std::size_t g = 0; g < r.by_group.size(); ++g) {
    fmt::print(out, "  {:<16}", spec.agent_groups[models::make_id<models::AgentGroupId>(g)].name);
    for (Kpi k : group_cols) fmt::print(out, " {:>20}", with_ci(stat_of(r.by_group[g], k), k));
    fmt::print(out, "\n");
  }
  if (pooled) {
    std::vector<std::string> names;
    for (const models::AgentGroupSpec& g : spec.agent_groups) names.push_back(g.name);
    print_ratio_of_means_table(out, pooled_title("agent group"), "group", names, r.by_group,
                               {group_cols.begin() + 1, group_cols.end()});
  }
  if (workforce) print_workforce_table(out, spec, r, over);

  fmt::print(out, "\nBy contact type and agent group (share: of the type's answered calls; sl_over_answered: "
                  "answered within t over answered; work: of the group's handle time)\n");
  fmt::print(out, "  {:<16} {:<16} {:>18} {:>16} {:>18} {:>16} {:>16}\n", "type", "group", "answered", "share",
             "sl_over_answered", "asa_s", "work");
  for (const models::PairResult& p : r.by_type_group)
    fmt::print(out, "  {:<16} {:<16} {:>18} {:>16} {:>18} {:>16} {:>16}\n", spec.contact_types[p.type].name,
               spec.agent_groups[p.group].name, with_ci(p.answered, Kpi::Answered), kpi_stat_text(p.share, true),
               with_ci(p.service_level, Kpi::ServiceLevel), with_ci(p.asa_s, Kpi::AsaS),
               with_ci(p.work_share, Kpi::Occupancy));

  if (!r.by_day.empty()) print_days(out, spec, r);

  if (!r.by_interval.empty()) {
    const models::TargetSpec& sl = r.targets.front().target;
    fmt::print(out,
               "\nService level per interval (target {}, {}; agents scheduled and productive, "
               "all groups, time-average)\n",
               num(sl.value, Kpi::ServiceLevel), sl_definition_text(spec.service_level));
    fmt::print(out, "  {:<8} {:>10} {:>18}", "interval", "offered", "service_level");
    if (pooled) fmt::print(out, " {:>18}", "sl ratio of means");
    fmt::print(out, " {:>24} {:>14} {:>16} {:>11} {:>11}\n", "p_abandon_over_admitted", "asa_s", "occupancy",
               "scheduled", "productive");
    std::size_t missed = 0;
    for (const models::IntervalResult& ir : r.by_interval) {
      const char* flag = ir.service_level == models::Verdict::Missed         ? "  << MISSED"
                         : ir.service_level == models::Verdict::Inconclusive ? "  ?  inconclusive"
                                                                             : "";
      missed += ir.service_level == models::Verdict::Missed;
      fmt::print(out, "  {:<8} {:>10} {:>18}", interval_label(spec, ir.interval),
                 num(stat_of(ir.kpis, Kpi::Offered).mean, Kpi::Offered),
                 with_ci(stat_of(ir.kpis, Kpi::ServiceLevel), Kpi::ServiceLevel));
      if (pooled)
        fmt::print(out, " {:>18}", ratio_of_means_text(stat_of(ir.kpis, Kpi::ServiceLevel), Kpi::ServiceLevel));
      fmt::print(out, " {:>24} {:>14} {:>16} {:>11} {:>11}{}\n",
                 with_ci(stat_of(ir.kpis, Kpi::PAbandonOverAdmitted), Kpi::PAbandonOverAdmitted),
                 with_ci(stat_of(ir.kpis, Kpi::AsaS), Kpi::AsaS),
                 with_ci(stat_of(ir.kpis, Kpi::Occupancy), Kpi::Occupancy),
                 num(stat_of(ir.kpis, Kpi::ScheduledAgents).mean, Kpi::ScheduledAgents),
                 num(stat_of(ir.kpis, Kpi::ProductiveAgents).mean, Kpi::ProductiveAgents), flag);
    }
    fmt::print(out, "  {} of {} intervals miss the service-level target\n", missed, r.by_interval.size());
  }
}

}  // namespace ccsim::cli
