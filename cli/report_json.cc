// cli/report_json.cc
// The results JSON contract ("ccsim.results/1", documented in docs/results-format.md).
// Written with nlohmann/json. The other JSON files are the scenario (read in
// models/scenario/load*.cc) and the baseline (read and written in cli/baseline.cc).
// Undefined values (NaN) are written as null.
#include <cmath>

#include <nlohmann/json.hpp>

#include "cli/report.h"

namespace ccsim::cli {
namespace {

using nlohmann::json;

json number(double x) { return std::isfinite(x) ? json(x) : json(nullptr); }

json kpis_json(const models::KpiStats& s, bool only_defined) {
  json o = json::object();
  for (std::size_t i = 0; i < models::kNumKpis; ++i) {
    if (only_defined && s[i].n == 0) continue;
    o[std::string(models::kpi_name(static_cast<models::Kpi>(i)))] =
        json{{"mean", number(s[i].mean)}, {"half_width", number(s[i].half_width)}, {"n", s[i].n}};
  }
  return o;
}

}  // namespace

std::string results_json(const models::ScenarioSpec& spec, const models::RunResults& r) {
  const bool day = spec.mode == models::RunMode::Day;
  json scenario = {{"name", spec.name}, {"file", spec.source_file}, {"mode", day ? "day" : "steady_state"}};
  if (day) {
    scenario["period_s"] = spec.period_s;
    scenario["num_periods"] = spec.num_periods;
  } else {
    scenario["warmup_s"] = spec.steady.warmup_s;
    if (spec.steady.calls > 0) scenario["calls"] = spec.steady.calls;
    else scenario["duration_s"] = spec.steady.duration_s;
    scenario["batches"] = spec.steady.batches;
  }
  scenario["service_level"] = {{"awt_s", spec.service_level.awt_s}, {"target", spec.service_level.target}};
  json types = json::array();
  for (const auto& t : spec.contact_types) types.push_back(t.name);
  json groups = json::array();
  for (const auto& g : spec.agent_groups) groups.push_back(g.name);
  scenario["contact_types"] = types;
  scenario["agent_groups"] = groups;

  json by_type = json::object();
  for (std::size_t t = 0; t < r.by_type.size(); ++t)
    by_type[spec.contact_types[models::make_id<models::ContactTypeId>(t)].name] = kpis_json(r.by_type[t], false);
  json by_group = json::object();
  for (std::size_t g = 0; g < r.by_group.size(); ++g)
    by_group[spec.agent_groups[models::make_id<models::AgentGroupId>(g)].name] = kpis_json(r.by_group[g], true);
  json by_type_group = json::object();
  for (const models::PairResult& p : r.by_type_group) {
    const auto stat = [](const models::KpiStat& k) {
      return json{{"mean", number(k.mean)}, {"half_width", number(k.half_width)}, {"n", k.n}};
    };
    by_type_group[spec.contact_types[p.type].name][spec.agent_groups[p.group].name] = {
        {"answered", stat(p.answered)},
        {"share", stat(p.share)},
        {"service_level", stat(p.service_level)},
        {"asa_s", stat(p.asa_s)},
        {"work_share", stat(p.work_share)}};
  }
  json by_interval = json::array();
  for (const models::IntervalResult& ir : r.by_interval) {
    json interval_groups = json::object();
    for (std::size_t g = 0; g < ir.by_group.size(); ++g) {
      const auto id = models::make_id<models::AgentGroupId>(g);
      json group = kpis_json(ir.by_group[g], true);
      group["staffing"] = spec.agent_groups[id].staffing[ir.interval];
      interval_groups[spec.agent_groups[id].name] = group;
    }
    json interval_types = json::object();
    for (std::size_t t = 0; t < ir.by_type.size(); ++t)
      interval_types[spec.contact_types[models::make_id<models::ContactTypeId>(t)].name] =
          kpis_json(ir.by_type[t], false);
    by_interval.push_back({{"interval", ir.interval},
                           {"label", interval_label(spec, ir.interval)},
                           {"start_s", ir.start_s},
                           {"kpis", kpis_json(ir.kpis, false)},
                           {"by_type", interval_types},
                           {"by_group", interval_groups},
                           {"service_level_verdict", models::verdict_name(ir.service_level)}});
  }

  json targets = json::array();
  for (const models::TargetResult& t : r.targets)
    targets.push_back({{"kpi", models::kpi_name(t.target.kpi)},
                       {t.target.bound == models::TargetBound::AtLeast ? "min" : "max", t.target.value},
                       {"mean", number(t.stat.mean)},
                       {"half_width", number(t.stat.half_width)},
                       {"n", t.stat.n},
                       {"verdict", models::verdict_name(t.verdict)}});

  json doc = {
      {"schema", "ccsim.results/1"},
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
       {{"overall", kpis_json(r.overall, false)},
        {"by_type", by_type},
        {"by_interval", by_interval},
        {"by_group", by_group},
        {"by_type_group", by_type_group}}},
      {"targets", targets},
      {"unserved_at_end", r.unserved_at_end},
      {"fingerprint", r.fingerprint},
      {"performance",
       {{"wall_s", r.wall_s},
        {"events", r.events},
        {"calls", r.calls},
        {"draws", r.draws},
        {"calls_per_s", r.wall_s > 0 ? json(r.calls / r.wall_s) : json(nullptr)}}},
  };
  return doc.dump(2);
}

}  // namespace ccsim::cli
