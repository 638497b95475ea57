#include "models/experiment/paired_comparison.h"

#include <cmath>
#include <functional>
#include <limits>

#include "sim/stats/tally.h"

namespace ccsim::models {
namespace {

// Where one row's values are: its statistics in a run, and its KPIs in one observation.
struct Side {
  const KpiStats* stats;
  std::function<const KpiValues&(const ObservationKpis&)> values;
};

struct PlannedRow {
  ComparedRow row;
  Side a, b;
};

std::optional<std::size_t> find_name(const std::vector<std::string>& names, const std::string& name) {
  for (std::size_t i = 0; i < names.size(); ++i)
    if (names[i] == name) return i;
  return std::nullopt;
}

std::vector<std::string> type_names(const ScenarioSpec& s) {
  std::vector<std::string> out;
  for (const auto& t : s.contact_types) out.push_back(t.name);
  return out;
}

std::vector<std::string> group_names(const ScenarioSpec& s) {
  std::vector<std::string> out;
  for (const auto& g : s.agent_groups) out.push_back(g.name);
  return out;
}

// Names of `from` that `in` does not have.
std::vector<std::string> missing(const std::vector<std::string>& from, const std::vector<std::string>& in) {
  std::vector<std::string> out;
  for (const std::string& n : from)
    if (!find_name(in, n)) out.push_back(n);
  return out;
}

}  // namespace

PairedComparison compare_paired(const ScenarioSpec& a, const RunResults& ra, const std::vector<ObservationKpis>& da,
                                const ScenarioSpec& b, const RunResults& rb, const std::vector<ObservationKpis>& db,
                                double confidence) {
  PairedComparison out;
  const std::vector<std::string> ta = type_names(a), tb = type_names(b), ga = group_names(a), gb = group_names(b);
  out.types_only_in_a = missing(ta, tb);
  out.types_only_in_b = missing(tb, ta);
  out.groups_only_in_a = missing(ga, gb);
  out.groups_only_in_b = missing(gb, ga);
  out.intervals_paired = a.mode == RunMode::Day && b.mode == RunMode::Day && a.num_periods == b.num_periods &&
                         a.period_s == b.period_s && a.start_minute == b.start_minute;

  // Days pair by name as well as by position: a day of A is compared with B's of its name.
  out.days_paired = out.intervals_paired && a.days == b.days && a.days > 1;
  for (std::uint32_t d = 0; out.days_paired && d < a.days; ++d) out.days_paired = a.day_name(d) == b.day_name(d);

  std::vector<PlannedRow> plan;
  const auto add = [&plan](ComparedLevel level, std::string name, std::optional<std::uint32_t> interval, Side sa,
                           Side sb, std::optional<std::uint32_t> day = std::nullopt) {
    plan.push_back(PlannedRow{ComparedRow{level, std::move(name), interval, day, {}}, std::move(sa), std::move(sb)});
  };
  add(ComparedLevel::Centre, "", std::nullopt, {&ra.overall, [](const ObservationKpis& o) -> const KpiValues& {
        return o.overall;
      }},
      {&rb.overall, [](const ObservationKpis& o) -> const KpiValues& { return o.overall; }});
  const auto by = [](auto member, std::size_t i) {
    return [member, i](const ObservationKpis& o) -> const KpiValues& { return (o.*member)[i]; };
  };
  for (std::size_t k = 0; k < ta.size(); ++k)
    if (const auto kb = find_name(tb, ta[k]))
      add(ComparedLevel::Type, ta[k], std::nullopt, {&ra.by_type[k], by(&ObservationKpis::by_type, k)},
          {&rb.by_type[*kb], by(&ObservationKpis::by_type, *kb)});
  for (std::size_t g = 0; g < ga.size(); ++g)
    if (const auto g2 = find_name(gb, ga[g]))
      add(ComparedLevel::Group, ga[g], std::nullopt, {&ra.by_group[g], by(&ObservationKpis::by_group, g)},
          {&rb.by_group[*g2], by(&ObservationKpis::by_group, *g2)});
  if (out.intervals_paired)
    for (std::uint32_t i = 0; i < a.num_periods; ++i) {
      add(ComparedLevel::Interval, "", i, {&ra.by_interval[i].kpis, by(&ObservationKpis::by_interval, i)},
          {&rb.by_interval[i].kpis, by(&ObservationKpis::by_interval, i)});
      for (std::size_t k = 0; k < ta.size(); ++k)
        if (const auto kb = find_name(tb, ta[k]))
          add(ComparedLevel::IntervalType, ta[k], i,
              {&ra.by_interval[i].by_type[k], by(&ObservationKpis::by_interval_type, i * ta.size() + k)},
              {&rb.by_interval[i].by_type[*kb], by(&ObservationKpis::by_interval_type, i * tb.size() + *kb)});
    }
  if (out.days_paired)
    for (std::uint32_t d = 0; d < a.days; ++d) {
      add(ComparedLevel::Day, "", std::nullopt, {&ra.by_day[d].kpis, by(&ObservationKpis::by_day, d)},
          {&rb.by_day[d].kpis, by(&ObservationKpis::by_day, d)}, d);
      for (std::size_t k = 0; k < ta.size(); ++k)
        if (const auto kb = find_name(tb, ta[k]))
          add(ComparedLevel::DayType, ta[k], std::nullopt,
              {&ra.by_day[d].by_type[k], by(&ObservationKpis::by_day_type, d * ta.size() + k)},
              {&rb.by_day[d].by_type[*kb], by(&ObservationKpis::by_day_type, d * tb.size() + *kb)}, d);
    }

  // Paired only observation for observation: equal counts, or nothing is paired.
  out.pairs = da.size() == db.size() ? da.size() : 0;
  for (PlannedRow& p : plan) {
    std::array<sim::Tally, kNumKpis> diff;
    for (std::size_t j = 0; j < out.pairs; ++j) {
      const KpiValues& x = p.a.values(da[j]);
      const KpiValues& y = p.b.values(db[j]);
      for (std::size_t k = 0; k < kNumKpis; ++k)
        if (!std::isnan(x[k]) && !std::isnan(y[k])) diff[k].add(y[k] - x[k]);
    }
    constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
    for (std::size_t k = 0; k < kNumKpis; ++k) {
      const std::uint64_t n = diff[k].count();
      p.row.kpis[k] = PairedKpi{(*p.a.stats)[k], (*p.b.stats)[k],
                                KpiStat{n > 0 ? diff[k].mean() : kNaN, n > 1 ? diff[k].half_width(confidence) : kNaN, n}};
    }
    out.rows.push_back(std::move(p.row));
  }
  return out;
}

}  // namespace ccsim::models
