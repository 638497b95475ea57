// cli/report_json.cc
// The results JSON contract ("ccsim.results/3", documented in docs/results-format.md),
// the few facts the HTML report reads beside it (KPI units), and the check report
// ("ccsim.check/2"). Written with nlohmann/json. The other JSON files are the scenario
// (read in models/scenario/load*.cc) and the baseline (read and written in
// cli/baseline.cc). Undefined values (NaN) are written as null.
#include <algorithm>
#include <cmath>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/check.h"
#include "cli/report.h"
#include "models/kpi/kpis.h"
#include "models/planning/warnings.h"
#include "models/targets.h"

namespace ccsim::cli {
namespace {

using nlohmann::json;

json number(double x) { return std::isfinite(x) ? json(x) : json(nullptr); }

// Where results_json() writes the intervals into the dumped document.
constexpr const char* kIntervalsHere = "ccsim:by_interval";

json stat_json(const models::KpiStat& k) {
  return json{{"mean", number(k.mean)}, {"half_width", number(k.half_width)}, {"n", k.n}};
}

// A ratio KPI's statistic: beside the mean of the observations' ratios, the ratio of
// their totals (null where undefined), so that every ratio entry has the same keys.
json ratio_stat_json(const models::KpiStat& k) {
  json o = stat_json(k);
  const models::RatioOfMeans& r = k.ratio_of_means;
  o["ratio_of_means"] =
      std::isfinite(r.value) ? json{{"value", r.value}, {"half_width", number(r.half_width)}} : json(nullptr);
  return o;
}

// The KPIs of one level (kAllKpis, or those a type or a group has), each written even
// when no observation defined it, so a level always has the same keys.
json kpis_json(const models::KpiStats& s, std::span<const models::Kpi> kpis) {
  json o = json::object();
  for (models::Kpi k : kpis) {
    const models::KpiStat& stat = models::stat_of(s, k);
    o[std::string(models::kpi_name(k))] = models::kpi_is_ratio(k) ? ratio_stat_json(stat) : stat_json(stat);
  }
  return o;
}

// Units are in the names (conventions, section 2): a key ending in _s is seconds, _min
// minutes and _hours hours (of agent time); the other workforce KPIs count agents.
const char* kpi_unit(models::Kpi k) {
  const std::string_view name = models::kpi_name(k);
  if (models::kpi_is_fraction(k)) return "fraction";
  if (k == models::Kpi::Cost) return "money";
  if (k == models::Kpi::ChatConcurrency) return "sessions";
  if (name.ends_with("_s")) return "seconds";
  if (name.ends_with("_min")) return "agent_minutes";
  if (name.ends_with("_hours")) return "agent_hours";
  if (std::ranges::find(models::kWorkforceKpis, k) != models::kWorkforceKpis.end()) return "agents";
  return "calls";
}

// A target as the results and check contracts give it: its level (type or group, absent
// for the centre), scope and, for an interval scope, the intervals met, missed and
// undecided and the worst interval, whose statistic is mean / half_width / n.
json target_json(const models::ScenarioSpec& spec, const models::TargetResult& t) {
  json o = {{"kpi", models::kpi_name(t.target.kpi)},
            {t.target.bound == models::TargetBound::AtLeast ? "min" : "max", t.target.value}};
  if (t.target.type) o["type"] = spec.contact_types[*t.target.type].name;
  if (t.target.group) o["group"] = spec.agent_groups[*t.target.group].name;
  if (t.target.kpi == models::Kpi::ServiceLevel)
    o["awt_s"] = t.target.type ? spec.service_level_of(*t.target.type).awt_s : spec.service_level.awt_s;
  const bool intervals = t.target.scope == models::TargetScope::Intervals;
  o["scope"] = intervals ? "intervals" : "day";
  if (intervals) {
    o["share_of_intervals"] = t.target.share_of_intervals;
    o["intervals"] = {{"met", t.intervals_met}, {"missed", t.intervals_missed},
                      {"inconclusive", t.intervals_inconclusive}};
    o["worst_interval"] = t.worst_interval ? json(*t.worst_interval) : json(nullptr);
  }
  o["mean"] = number(t.stat.mean);
  o["half_width"] = number(t.stat.half_width);
  o["n"] = t.stat.n;
  o["verdict"] = models::verdict_name(t.verdict);
  return o;
}

}  // namespace

std::string results_json(const models::ScenarioSpec& spec, const models::RunResults& r) {
  const bool day = spec.mode == models::RunMode::Day;
  json scenario = {{"name", spec.name}, {"file", spec.source_file}, {"mode", day ? "day" : "steady_state"}};
  if (day) {
    scenario["period_s"] = spec.period_s;
    scenario["num_periods"] = spec.num_periods;
    if (spec.days > 1) {
      json names = json::array();
      for (std::uint32_t d = 0; d < spec.days; ++d) names.push_back(spec.day_name(d));
      scenario["days"] = names;
    }
  } else {
    scenario["warmup_s"] = spec.steady.warmup_s;
    if (spec.steady.calls > 0) scenario["calls"] = spec.steady.calls;
    else scenario["duration_s"] = spec.steady.duration_s;
    scenario["batches"] = spec.steady.batches;
  }
  // The definition goes with each threshold: service_level means one of four ratios.
  const auto service_level = [](const models::ServiceLevelSpec& sl) {
    return json{{"awt_s", sl.awt_s},
                {"target", sl.target},
                {"definition", models::sl_definition_name(sl.definition)},
                {"short_abandon_s", sl.short_abandon_s},
                {"text", sl_definition_text(sl)}};
  };
  scenario["service_level"] = service_level(spec.service_level);
  json own_service_levels = json::object();
  for (const auto& t : spec.contact_types)
    if (t.service_level) own_service_levels[t.name] = service_level(*t.service_level);
  if (!own_service_levels.empty()) scenario["service_level"]["by_type"] = own_service_levels;
  json types = json::array();
  for (const auto& t : spec.contact_types) types.push_back(t.name);
  json groups = json::array();
  for (const auto& g : spec.agent_groups) groups.push_back(g.name);
  scenario["contact_types"] = types;
  scenario["agent_groups"] = groups;

  // Each contact type's or agent group's KPIs of `keys`, by name.
  const auto by_name = [](const auto& entities, const std::vector<models::KpiStats>& stats, const auto& keys) {
    json out = json::object();
    std::size_t i = 0;
    for (const auto& e : entities) out[e.name] = kpis_json(stats[i++], keys);
    return out;
  };
  const json by_type = by_name(spec.contact_types, r.by_type, models::kTypeKpis);
  const json by_group = by_name(spec.agent_groups, r.by_group, models::kGroupKpis);
  json by_type_group = json::object();
  for (const models::PairResult& p : r.by_type_group) {
    by_type_group[spec.contact_types[p.type].name][spec.agent_groups[p.group].name] = {
        {"answered", stat_json(p.answered)},
        {"share", ratio_stat_json(p.share)},
        {"service_level", ratio_stat_json(p.service_level)},
        {"asa_s", ratio_stat_json(p.asa_s)},
        {"work_share", ratio_stat_json(p.work_share)}};
  }
  const auto interval_json = [&](const models::IntervalResult& ir) {
    json type_verdicts = json::object();
    // null where the type had no call to judge (no service level in that interval, nor
    // e-mails waiting at the close to bound it).
    for (std::size_t t = 0; t < ir.type_service_level.size(); ++t)
      type_verdicts[spec.contact_types[models::make_id<models::ContactTypeId>(t)].name] =
          stat_of(ir.by_type[t], models::Kpi::ServiceLevel).n == 0 &&
                  !models::backlog_bounds(ir.by_type[t], models::Kpi::ServiceLevel)
              ? json(nullptr)
              : json(models::verdict_name(ir.type_service_level[t]));
    return json{{"interval", ir.interval},
                {"label", interval_label(spec, ir.interval)},
                {"start_s", ir.start_s},
                {"kpis", kpis_json(ir.kpis, kAllKpis)},
                {"by_type", by_name(spec.contact_types, ir.by_type, models::kTypeKpis)},
                {"by_group", by_name(spec.agent_groups, ir.by_group, models::kGroupIntervalKpis)},
                {"service_level_verdict", models::verdict_name(ir.service_level)},
                {"type_service_level_verdicts", type_verdicts}};
  };

  json by_day = json::array();
  for (const models::DayResult& dr : r.by_day)
    by_day.push_back({{"day", dr.day},
                      {"name", spec.day_name(dr.day)},
                      {"start_s", dr.start_s},
                      {"kpis", kpis_json(dr.kpis, kAllKpis)},
                      {"by_type", by_name(spec.contact_types, dr.by_type, models::kTypeKpis)},
                      {"by_group", by_name(spec.agent_groups, dr.by_group, models::kGroupIntervalKpis)}});

  json targets = json::array();
  for (const models::TargetResult& t : r.targets) targets.push_back(target_json(spec, t));
  json warnings = json::array();
  for (const models::Warning& w : models::scenario_warnings(spec)) {
    json o = {{"code", w.code}, {"message", w.message}};
    if (w.type) o["type"] = spec.contact_types[*w.type].name;
    if (!w.intervals.empty()) o["intervals"] = w.intervals;
    warnings.push_back(o);
  }

  json doc = {
      {"schema", "ccsim.results/3"},
      {"scenario", scenario},
      {"run",
       {{"mode", day ? "day" : "steady_state"},
        {"replications", r.replications},
        {"observations", r.observations},
        {"seed", spec.seed},
        {"threads", r.threads},
        {"ranks", r.ranks},
        {"confidence", spec.confidence}}},
      {"kpis",
       {{"overall", kpis_json(r.overall, kAllKpis)},
        {"by_type", by_type},
        {"by_interval", kIntervalsHere},
        {"by_group", by_group},
        {"by_type_group", by_type_group}}},
      {"targets", targets},
      {"warnings", warnings},
      {"unserved_at_end", r.unserved_at_end},
      {"backlog_at_close", r.backlog_at_close},
      {"interrupted_unfinished", r.interrupted_unfinished},
      {"fingerprint", r.fingerprint},
      {"performance",
       {{"wall_s", r.wall_s},
        {"events", r.events},
        {"calls", r.calls},
        {"draws", r.draws},
        {"calls_per_s", r.wall_s > 0 ? json(r.calls / r.wall_s) : json(nullptr)}}},
  };
  if (!r.by_day.empty()) doc["kpis"]["by_day"] = std::move(by_day);
  if (!r.per_observation.empty()) {
    // One array per KPI, as baselines keep them: what a script pairs or plots per replication.
    json by_kpi = json::object();
    for (std::size_t k = 0; k < models::kNumKpis; ++k) {
      json values = json::array();
      for (const models::KpiValues& o : r.per_observation)
        values.push_back(std::isfinite(o[k]) ? json(o[k]) : json(nullptr));
      by_kpi[std::string(models::kKpiNames[k])] = std::move(values);
    }
    doc["observations"] = {{"overall", std::move(by_kpi)}};
  }
  // The intervals are the bulk of the file: written one at a time, at their depth in the
  // document (kpis.by_interval[i]), so that only one is ever held as a tree. As one tree
  // they took about 0.25 MB each, 170 MB for a week of 15-minute intervals.
  constexpr std::string_view kIndent = "      ";
  std::string intervals = "[";
  for (std::size_t i = 0; i < r.by_interval.size(); ++i) {
    const std::string item = interval_json(r.by_interval[i]).dump(2);
    intervals.append(i ? ",\n" : "\n").append(kIndent);
    std::size_t from = 0;
    for (std::size_t nl; (nl = item.find('\n', from)) != std::string::npos; from = nl + 1)
      intervals.append(item, from, nl + 1 - from).append(kIndent);
    intervals.append(item, from);
  }
  intervals += r.by_interval.empty() ? "]" : "\n    ]";
  std::string text = doc.dump(2);
  const std::string key = "\"by_interval\": ", value = fmt::format("\"{}\"", kIntervalsHere);
  text.replace(text.find(key + value) + key.size(), value.size(), intervals);
  return text;
}

namespace {

// An array, not an object: the pages list KPIs in the contract's order, which nlohmann's
// objects (sorted by key) do not keep.
// The KPIs `listed` lets through, with their units.
template <class Listed>
json kpi_units_json(Listed listed) {
  json kpis = json::array();
  for (models::Kpi k : kAllKpis)
    if (listed(k)) kpis.push_back({{"key", models::kpi_name(k)}, {"unit", kpi_unit(k)}});
  return kpis;
}

}  // namespace

std::string report_page_json(const models::ScenarioSpec& spec, const models::Staffing* required) {
  // Only what the scenario can give a value (models::kpi_shown): the cost where nothing is
  // priced would be "–" everywhere, the balks where nobody balks 0 everywhere.
  json page = {{"kpis", kpi_units_json([&](models::Kpi k) { return models::kpi_shown(spec, k); })},
               {"description", spec.description}};
  if (spec.costs && !spec.costs->currency.empty()) page["currency"] = spec.costs->currency;
  // Each type's channel, for the charts that show e-mail backlogs and chat sessions apart.
  json channels = json::object();
  for (const auto& t : spec.contact_types) channels[t.name] = models::channel_name(t.channel);
  page["channels"] = channels;
  json chat_groups = json::object();
  for (const auto& g : spec.agent_groups)
    if (g.chat_sessions > 1) chat_groups[g.name] = g.chat_sessions;
  page["chat_sessions"] = chat_groups;
  if (required) {
    if (required->size() != spec.agent_groups.size())
      throw std::invalid_argument("required staffing: " + std::to_string(required->size()) + " groups for " +
                                  std::to_string(spec.agent_groups.size()));
    json groups = json::array();
    for (std::size_t g = 0; g < required->size(); ++g) {
      const std::string& name = spec.agent_groups[models::make_id<models::AgentGroupId>(g)].name;
      if ((*required)[g].size() != spec.num_periods)
        throw std::invalid_argument("required staffing of " + name + ": " + std::to_string((*required)[g].size()) +
                                    " intervals for " + std::to_string(spec.num_periods));
      groups.push_back({{"group", name}, {"agents", (*required)[g]}});
    }
    page["required_staffing"] = groups;
  }
  return page.dump();
}

std::string compare_page_json(const models::ScenarioSpec& a, const models::ScenarioSpec& b,
                              const std::vector<models::Kpi>& shown) {
  json keys = json::array();
  for (models::Kpi k : shown) keys.push_back(models::kpi_name(k));
  const bool day = a.mode == models::RunMode::Day;
  // Every KPI either run can give a value (B may balk where A does not): `shown` picks among them.
  const auto either = [&](models::Kpi k) { return models::kpi_shown(a, k) || models::kpi_shown(b, k); };
  return json{{"kpis", kpi_units_json(either)},
              {"shown", keys},
              {"awt_s", a.service_level.awt_s},
              {"period_s", day ? json(a.period_s) : json(nullptr)}}
      .dump();
}

// ---- the check report ("ccsim.check/2", docs/check.md) ------------------------------

namespace {

json optional_number(const std::optional<double>& x) { return x ? number(*x) : json(nullptr); }

json comparison_json(const KpiComparison& k) {
  return {{"pointer", k.pointer},
          {"kpi", k.kpi},
          {"baseline", stat_json(k.baseline)},
          {"now", stat_json(k.now)},
          {"difference", number(k.difference)},
          {"tolerance", number(k.tolerance)},
          {"p", number(k.p)},
          {"test", k.paired ? "paired" : "pooled"},
          {"p_adjusted", number(k.p_adjusted)}};
}

std::string_view fingerprint_status_name(FingerprintStatus s) {
  switch (s) {
    case FingerprintStatus::NoBaseline: return "no_baseline";
    case FingerprintStatus::Same: return "same";
    case FingerprintStatus::Changed: return "changed";
    case FingerprintStatus::NotComparable: return "not_comparable";
  }
  return "unknown";
}

}  // namespace

std::string check_json(const CheckReport& r) {
  const models::ScenarioSpec& spec = *r.spec;
  const models::RunResults& res = *r.results;
  json run = {{"replications", res.replications}, {"observations", res.observations}, {"unit", r.unit},
              {"seed", spec.seed},                {"confidence", spec.confidence},     {"threads", res.threads},
              {"sequential", nullptr}};
  if (r.sequential) {
    const models::SequentialCheck& s = *r.sequential;
    run["sequential"] = {{"start", s.start},
                         {"max", s.max},
                         {"rounds", s.rounds},
                         {"precision", optional_number(s.precision)},
                         {"satisfied", s.satisfied},
                         {"needed", s.needed ? json(std::ceil(*s.needed)) : json(nullptr)}};
  }
  json targets = nullptr;
  if (r.targets_judged) {
    targets = json::array();
    for (const models::TargetCheck& t : r.targets) {
      json o = target_json(*r.spec, t.result);
      o["needed"] = t.needed ? json(std::ceil(*t.needed)) : json(nullptr);
      o["note"] = t.note.empty() ? json(nullptr) : json(t.note);
      targets.push_back(o);
    }
  }
  json baseline = {{"file", r.baseline_path}, {"found", r.baseline_found}, {"written", r.baseline_written}};
  if (r.baseline) {
    baseline["scenario"] = r.baseline->scenario_name;
    baseline["seed"] = r.baseline->seed;
    baseline["replications"] = r.baseline->replications;
    baseline["fingerprint"] = r.baseline->fingerprint;
  }
  json comparison = nullptr;
  if (r.comparison) {
    const Comparison& c = *r.comparison;
    json absolute = json::object();
    for (std::size_t i = 0; i < models::kNumKpis; ++i)
      if (r.settings.tolerance_absolute[i])
        absolute[std::string(models::kpi_name(static_cast<models::Kpi>(i)))] = *r.settings.tolerance_absolute[i];
    json counts = json::object();
    json lists = json::object();
    for (KpiOutcome o : {KpiOutcome::Same, KpiOutcome::WithinTolerance, KpiOutcome::NotSignificant,
                         KpiOutcome::Changed, KpiOutcome::Undecided, KpiOutcome::DefinedOnOneSide}) {
      counts[std::string(outcome_name(o))] = c.count(o);
      if (o == KpiOutcome::Same || o == KpiOutcome::WithinTolerance) continue;
      json list = json::array();
      for (const KpiComparison& k : c.kpis)
        if (k.outcome == o) list.push_back(comparison_json(k));
      lists[std::string(outcome_name(o))] = list;
    }
    comparison = {{"test", "student_pooled"},
                  {"paired_on", c.paired_on},
                  {"correction", "holm"},
                  {"alpha", r.settings.alpha},
                  {"tolerance",
                   {{"fraction", r.settings.tolerance_fraction},
                    {"relative", r.settings.tolerance_relative},
                    {"absolute", absolute}}},
                  {"compared", c.kpis.size()},
                  {"tested", c.tested},
                  {"counts", counts},
                  {"changed", lists["changed"]},
                  {"undecided", lists["undecided"]},
                  {"not_significant", lists["not_significant"]},
                  {"defined_on_one_side", lists["defined_on_one_side"]},
                  {"only_in_baseline", c.only_in_baseline},
                  {"only_now", c.only_now},
                  {"service_level_changes", r.service_level_changes}};
  }
  json doc = {{"schema", "ccsim.check/2"},
              {"scenario", {{"name", spec.name}, {"file", spec.source_file}}},
              {"run", run},
              {"targets", targets},
              {"baseline", baseline},
              {"comparison", comparison},
              {"fingerprint",
               {{"now", res.fingerprint},
                {"baseline", r.baseline ? json(r.baseline->fingerprint) : json(nullptr)},
                {"status", fingerprint_status_name(r.fingerprint)},
                {"note", r.fingerprint_note.empty() ? json(nullptr) : json(r.fingerprint_note)},
                {"required", r.require_fingerprint}}},
              {"exit_code", r.exit_code},
              {"outcome", r.outcome}};
  return doc.dump(2);
}

}  // namespace ccsim::cli
