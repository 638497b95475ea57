// cli/baseline.cc
// The baseline format ("ccsim.baseline/2", docs/check.md), read and written in this one
// file so that the two cannot drift apart. Reading checks every value and reports each
// problem at its JSON Pointer, as the scenario loader does.
#include "cli/baseline.h"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>
#include <optional>
#include <span>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "models/kpi/kpis.h"
#include "models/scenario/diagnostic_sink.h"
#include "models/scenario/diagnostics.h"
#include "models/scenario/did_you_mean.h"
#include "models/scenario/input_file.h"
#include "models/scenario/json_pointer.h"
#include "models/scenario/load_internal.h"
#include "models/scenario/message_text.h"
#include "sim/stats/tally.h"

namespace ccsim::cli {
namespace {

// ordered_json keeps the order the writer chose, so the file reads top-down.
using Json = nlohmann::ordered_json;
using models::internal::child_pointer;
using models::internal::quote;

constexpr std::string_view kSchema = "ccsim.baseline/2";
// Version 1 differs only in three KPI keys, renamed in December 2026 when every ratio came
// to name its real denominator (docs/kpis.md#renamed-keys); its values meant what the new
// keys mean, so it is read by renaming them.
constexpr std::string_view kSchemaV1 = "ccsim.baseline/1";
constexpr std::array<std::pair<std::string_view, std::string_view>, 3> kV1Renames = {{
    {"p_wait", "p_wait_over_admitted"},
    {"p_abandon", "p_abandon_over_admitted"},
    {"sl_answered_within_t_over_offered", "sl_answered_within_t_over_admitted"},
}};
constexpr std::uint64_t kMaxSeed = (std::uint64_t{1} << 63) - 1;

// The per-(type, group) statistics, in the order of the results JSON.
struct PairKpi {
  std::string_view name;
  models::KpiStat models::PairResult::*stat;
};
constexpr std::array<PairKpi, 5> kPairKpis = {{{"answered", &models::PairResult::answered},
                                               {"share", &models::PairResult::share},
                                               {"service_level", &models::PairResult::service_level},
                                               {"asa_s", &models::PairResult::asa_s},
                                               {"work_share", &models::PairResult::work_share}}};

// The numbered lists of KPIs, and the key that numbers each entry: the intervals', and
// over several days the days' (absent from a one-day run's file).
constexpr std::array<std::pair<std::string_view, std::string_view>, 2> kNumbered = {
    {{"by_interval", "interval"}, {"by_day", "day"}}};

// ---- the baseline of a run -----------------------------------------------------------

class Collector {
 public:
  explicit Collector(std::vector<BaselineKpi>& out) : out_(out) {}

  void add(const std::string& parent, std::string_view kpi, const models::KpiStat& stat) {
    out_.push_back(BaselineKpi{child_pointer(parent, kpi), std::string(kpi), stat});
  }
  void all(const std::string& parent, const models::KpiStats& stats) {
    for (std::size_t i = 0; i < models::kNumKpis; ++i)
      add(parent, models::kpi_name(static_cast<models::Kpi>(i)), stats[i]);
  }
  template <std::size_t N>
  void some(const std::string& parent, const models::KpiStats& stats, const std::array<models::Kpi, N>& kpis) {
    for (models::Kpi k : kpis) add(parent, models::kpi_name(k), models::stat_of(stats, k));
  }

 private:
  std::vector<BaselineKpi>& out_;
};

}  // namespace

std::vector<ServiceLevelRecord> service_level_records(const models::ScenarioSpec& spec) {
  const auto record = [](std::string type, const models::ServiceLevelSpec& sl) {
    return ServiceLevelRecord{std::move(type), std::string(models::sl_definition_name(sl.definition)), sl.awt_s,
                              sl.short_abandon_s};
  };
  std::vector<ServiceLevelRecord> out{record("", spec.service_level)};
  for (std::size_t k = 0; k < spec.contact_types.size(); ++k) {
    const auto id = models::make_id<models::ContactTypeId>(k);
    out.push_back(record(spec.contact_types[id].name, spec.service_level_of(id)));
  }
  return out;
}

std::vector<std::string> service_level_changes(const std::vector<ServiceLevelRecord>& before,
                                               const std::vector<ServiceLevelRecord>& after, std::string_view was,
                                               std::string_view is) {
  std::vector<std::string> out;
  for (const ServiceLevelRecord& b : before) {
    const auto a = std::ranges::find(after, b.type, &ServiceLevelRecord::type);
    if (a == after.end()) continue;
    const std::string whose = b.type.empty() ? "the scenario" : "contact type " + quote(b.type);
    if (a->definition != b.definition)
      out.push_back(fmt::format("{}: definition {} {}, {} {}", whose, b.definition, was, a->definition, is));
    if (a->awt_s != b.awt_s)
      out.push_back(fmt::format("{}: awt_s {:g} s {}, {:g} s {}", whose, b.awt_s, was, a->awt_s, is));
    // The short-abandon threshold changes only sl_excluding_short_abandons.
    if (a->short_abandon_s != b.short_abandon_s)
      out.push_back(fmt::format("{}: short_abandon_s {:g} s {}, {:g} s {}", whose, b.short_abandon_s, was,
                                a->short_abandon_s, is));
  }
  return out;
}

Baseline make_baseline(const models::ScenarioSpec& spec, const models::RunResults& r, std::string scenario_file) {
  Baseline b;
  b.scenario_name = spec.name;
  b.scenario_file = std::move(scenario_file);
  b.seed = spec.seed;
  b.replications = r.replications;
  b.confidence = spec.confidence;
  b.fingerprint = r.fingerprint;
  b.service_levels = service_level_records(spec);
  Collector c(b.kpis);
  const auto type_name = [&](std::size_t t) {
    return spec.contact_types[models::make_id<models::ContactTypeId>(t)].name;
  };
  const auto group_name = [&](std::size_t g) {
    return spec.agent_groups[models::make_id<models::AgentGroupId>(g)].name;
  };
  c.all("/kpis/overall", r.overall);
  for (std::size_t t = 0; t < r.by_type.size(); ++t)
    c.some(child_pointer("/kpis/by_type", type_name(t)), r.by_type[t], models::kTypeKpis);
  for (std::size_t g = 0; g < r.by_group.size(); ++g)
    c.some(child_pointer("/kpis/by_group", group_name(g)), r.by_group[g], models::kGroupKpis);
  for (const models::PairResult& p : r.by_type_group) {
    const std::string parent = child_pointer(child_pointer("/kpis/by_type_group", spec.contact_types[p.type].name),
                                             spec.agent_groups[p.group].name);
    for (const PairKpi& k : kPairKpis) c.add(parent, k.name, p.*k.stat);
  }
  // An interval's or a day's KPIs, its types' and its groups'.
  const auto part = [&](const std::string& parent, const auto& x) {
    c.all(parent + "/kpis", x.kpis);
    for (std::size_t t = 0; t < x.by_type.size(); ++t)
      c.some(child_pointer(parent + "/by_type", type_name(t)), x.by_type[t], models::kTypeKpis);
    for (std::size_t g = 0; g < x.by_group.size(); ++g)
      c.some(child_pointer(parent + "/by_group", group_name(g)), x.by_group[g], models::kGroupIntervalKpis);
  };
  for (const models::IntervalResult& ir : r.by_interval) part(child_pointer("/kpis/by_interval", ir.interval), ir);
  for (const models::DayResult& dr : r.by_day) part(child_pointer("/kpis/by_day", dr.day), dr);
  return b;
}

std::string scenario_path_from(const std::string& baseline_path, const std::string& scenario) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path target = fs::absolute(scenario, ec).lexically_normal();
  const fs::path dir = fs::absolute(baseline_path, ec).lexically_normal().parent_path();
  const fs::path rel = target.lexically_relative(dir);
  return (rel.empty() ? target : rel).generic_string();
}

// ---- writing -------------------------------------------------------------------------

namespace {

Json number_or_null(double x) { return std::isfinite(x) ? Json(x) : Json(nullptr); }

bool is_flat(const Json& j) {
  for (const Json& v : j) {
    if (v.is_structured()) return false;
  }
  return true;
}

// Pretty-printing with every object or array of scalars on one line: one KPI statistic
// a line keeps the file short and its diffs readable.
void write(std::string& out, const Json& j, int indent) {
  if (!j.is_structured()) {
    out += j.dump();
    return;
  }
  const bool object = j.is_object();
  const char open = object ? '{' : '[', close = object ? '}' : ']';
  const bool flat = is_flat(j);
  const std::string pad(static_cast<std::size_t>(indent) + 2, ' ');
  out += open;
  bool first = true;
  for (auto it = j.begin(); it != j.end(); ++it) {
    if (!first) out += flat ? ", " : ",";
    if (!flat) out.append(1, '\n').append(pad);
    first = false;
    if (object) out.append(Json(it.key()).dump()).append(": ");
    write(out, *it, indent + 2);
  }
  if (!flat && !j.empty()) out.append(1, '\n').append(static_cast<std::size_t>(indent), ' ');
  out += close;
}

}  // namespace

std::string baseline_json(const Baseline& b) {
  Json doc = {{"schema", kSchema},
              {"scenario", {{"name", b.scenario_name}, {"file", b.scenario_file}}},
              {"seed", b.seed},
              {"replications", b.replications},
              {"confidence", b.confidence},
              {"fingerprint", b.fingerprint}};
  if (!b.service_levels.empty()) {
    // Before the KPIs, for readers of the file: what service_level meant.
    const auto record = [](const ServiceLevelRecord& r) {
      return Json{{"definition", r.definition}, {"awt_s", r.awt_s}, {"short_abandon_s", r.short_abandon_s}};
    };
    Json& sl = doc["service_level"] = record(b.service_levels.front());
    sl["by_type"] = Json::object();
    for (std::size_t i = 1; i < b.service_levels.size(); ++i)
      sl["by_type"][b.service_levels[i].type] = record(b.service_levels[i]);
  }
  doc["kpis"] = {{"overall", Json::object()},
                 {"by_type", Json::object()},
                 {"by_group", Json::object()},
                 {"by_type_group", Json::object()},
                 {"by_interval", Json::array()}};
  if (!b.observations.empty()) {
    Json& by_kpi = doc["observations"]["overall"];
    by_kpi = Json::object();
    for (std::size_t k = 0; k < models::kNumKpis; ++k) {
      Json values = Json::array();
      for (const models::KpiValues& o : b.observations) values.push_back(number_or_null(o[k]));
      by_kpi[std::string(models::kpi_name(static_cast<models::Kpi>(k)))] = std::move(values);
    }
  }
  for (const BaselineKpi& k : b.kpis) {
    // Each interval or day starts with its index, for readers of the file.
    for (const auto& [list, index] : kNumbered) {
      const std::string prefix = fmt::format("/kpis/{}/", list);
      if (!k.pointer.starts_with(prefix)) continue;
      Json& parts = doc["kpis"][std::string(list)];
      const std::size_t i = std::stoul(k.pointer.substr(prefix.size()));
      while (parts.size() <= i) parts.push_back({{std::string(index), parts.size()}});
    }
    doc[Json::json_pointer(k.pointer)] = {
        {"mean", number_or_null(k.stat.mean)}, {"half_width", number_or_null(k.stat.half_width)}, {"n", k.stat.n}};
  }
  std::string out;
  write(out, doc, 0);
  out += '\n';
  return out;
}

// ---- reading -------------------------------------------------------------------------

namespace {

constexpr std::array<std::string_view, 9> kTopKeys = {"schema",      "scenario",      "seed",
                                                      "replications", "confidence", "fingerprint",
                                                      "service_level", "kpis",      "observations"};
constexpr std::array<std::string_view, 4> kServiceLevelKeys = {"definition", "awt_s", "short_abandon_s", "by_type"};
constexpr std::array<std::string_view, 3> kServiceLevelRecordKeys = {"definition", "awt_s", "short_abandon_s"};
constexpr std::array<std::string_view, 2> kScenarioKeys = {"name", "file"};
constexpr std::array<std::string_view, 6> kKpisKeys = {"overall",       "by_type",     "by_group",
                                                       "by_type_group", "by_interval", "by_day"};
constexpr std::array<std::string_view, 3> kStatKeys = {"mean", "half_width", "n"};

// A value as shown after "got": numbers as written, strings quoted, containers by kind.
std::string describe(const Json& v) {
  if (v.is_string()) return "string " + v.dump();
  if (v.is_object()) return v.empty() ? "an empty object" : "an object";
  if (v.is_array()) return v.empty() ? "an empty array" : "an array";
  return v.dump();
}

class Reader {
 public:
  Baseline read(const Json& doc) {
    Baseline b;
    if (!doc.is_object()) {
      error("", fmt::format("expected a JSON object (a {} file); got {}", kSchema, describe(doc)));
      return b;
    }
    if (!read_schema(doc)) return b;  // another kind of file: the rest would only add noise
    keys(doc, "", kTopKeys);
    if (const Json* s = object_at(doc, "", "scenario")) {
      keys(*s, "/scenario", kScenarioKeys);
      if (auto name = string_at(*s, "/scenario", "name")) {
        if (name->empty()) error("/scenario/name", "must be a non-empty string; got \"\"");
        b.scenario_name = *name;
      }
      if (auto file = string_at(*s, "/scenario", "file")) b.scenario_file = *file;
    }
    if (auto seed = integer_at(doc, "", "seed", 0, kMaxSeed)) b.seed = *seed;
    if (auto reps = integer_at(doc, "", "replications", 1, std::numeric_limits<std::uint32_t>::max()))
      b.replications = static_cast<std::uint32_t>(*reps);
    if (const Json* c = find(doc, "confidence", "")) {
      if (!c->is_number() || !(c->get<double>() > 0.0 && c->get<double>() < 1.0))
        error("/confidence", fmt::format("expected a number in (0, 1); got {}", describe(*c)));
      else
        b.confidence = c->get<double>();
    }
    if (auto f = string_at(doc, "", "fingerprint")) {
      const bool hex = f->size() == 16 && f->find_first_not_of("0123456789abcdef") == std::string::npos;
      if (!hex)
        error("/fingerprint", fmt::format("expected 16 lowercase hex digits; got {}", describe(Json(*f))));
      else
        b.fingerprint = *f;
    }
    if (doc.contains("service_level")) read_service_levels(doc["service_level"], b.service_levels);
    if (const Json* k = object_at(doc, "", "kpis")) read_kpis(*k, b.kpis);
    if (doc.contains("observations")) read_observations(doc["observations"], b.observations);
    return b;
  }

  models::internal::DiagnosticSink& sink() { return sink_; }

 private:
  void error(std::string pointer, std::string message) { sink_.add(std::move(pointer), std::move(message)); }

  bool read_schema(const Json& doc) {
    const Json* s = find(doc, "schema", "");
    if (!s) return false;
    if (s->is_string() && s->get<std::string>() == kSchema) return true;
    if (s->is_string() && s->get<std::string>().starts_with("ccsim.results/")) {
      error("/schema", fmt::format("this is a results file (ccsim run --json), not a baseline; expected {}: write a "
                                   "baseline with `ccsim check SCENARIO --update`",
                                   quote(kSchema)));
    } else {
      error("/schema", fmt::format("unsupported schema {}; expected {} (written by `ccsim check --update`)",
                                   describe(*s), quote(kSchema)));
    }
    return false;
  }

  // Unknown keys are errors (with a suggestion); every known key is required.
  void keys(const Json& obj, const std::string& ptr, std::span<const std::string_view> known) {
    for (auto it = obj.begin(); it != obj.end(); ++it) {
      bool ok = false;
      for (std::string_view k : known) ok = ok || k == it.key();
      if (!ok)
        error(child_pointer(ptr, it.key()),
              fmt::format("unknown key {}; known: {}{}", quote(it.key()), models::internal::join_names(known, 32),
                          models::internal::did_you_mean(it.key(), known)));
    }
  }

  // The value of a required key, or nullptr after reporting that it is missing.
  const Json* find(const Json& obj, std::string_view key, const std::string& ptr) {
    auto it = obj.find(key);
    if (it != obj.end()) return &*it;
    error(ptr, fmt::format("missing required key {}", quote(key)));
    return nullptr;
  }

  const Json* object_at(const Json& obj, const std::string& ptr, std::string_view key) {
    const Json* v = find(obj, key, ptr);
    return v && expect(*v, child_pointer(ptr, key), Json::value_t::object) ? v : nullptr;
  }

  bool expect(const Json& v, const std::string& ptr, Json::value_t type) {
    if (v.type() == type) return true;
    error(ptr,
          fmt::format("expected {}; got {}", type == Json::value_t::object ? "an object" : "an array", describe(v)));
    return false;
  }

  std::optional<std::string> string_at(const Json& obj, const std::string& ptr, std::string_view key) {
    const Json* v = find(obj, key, ptr);
    if (!v) return std::nullopt;
    if (v->is_string()) return v->get<std::string>();
    error(child_pointer(ptr, key), fmt::format("expected a string; got {}", describe(*v)));
    return std::nullopt;
  }

  std::optional<std::uint64_t> integer(const Json& v, const std::string& ptr, std::uint64_t lo, std::uint64_t hi) {
    // nlohmann reads every non-negative JSON integer as unsigned.
    if (v.is_number_unsigned() && v.get<std::uint64_t>() >= lo && v.get<std::uint64_t>() <= hi)
      return v.get<std::uint64_t>();
    error(ptr, fmt::format("expected an integer in [{}, {}]; got {}", lo, hi, describe(v)));
    return std::nullopt;
  }

  std::optional<std::uint64_t> integer_at(const Json& obj, const std::string& ptr, std::string_view key,
                                          std::uint64_t lo, std::uint64_t hi) {
    const Json* v = find(obj, key, ptr);
    return v ? integer(*v, child_pointer(ptr, key), lo, hi) : std::nullopt;
  }

  void read_kpis(const Json& kpis, std::vector<BaselineKpi>& out) {
    keys(kpis, "/kpis", kKpisKeys);
    if (const Json* v = object_at(kpis, "/kpis", "overall")) stats(*v, "/kpis/overall", out);
    for (std::string_view scope : {"by_type", "by_group"}) {
      const std::string ptr = child_pointer("/kpis", scope);
      if (const Json* v = object_at(kpis, "/kpis", scope)) named_stats(*v, ptr, out);
    }
    if (const Json* v = object_at(kpis, "/kpis", "by_type_group")) {
      for (auto it = v->begin(); it != v->end(); ++it) {
        const std::string ptr = child_pointer("/kpis/by_type_group", it.key());
        if (expect(*it, ptr, Json::value_t::object)) named_stats(*it, ptr, out);
      }
    }
    numbered(kpis, kNumbered[0], true, out);
    numbered(kpis, kNumbered[1], false, out);
  }

  // by_interval (required) or by_day: [{"<index key>": i, "kpis": {...}, "by_type": {...},
  // "by_group": {...}}, ...].
  void numbered(const Json& kpis, std::pair<std::string_view, std::string_view> list, bool required,
                std::vector<BaselineKpi>& out) {
    const auto [name, index_key] = list;
    const std::string list_ptr = child_pointer("/kpis", name);
    const auto it = kpis.find(name);
    const Json* parts = required ? find(kpis, name, "/kpis") : it != kpis.end() ? &*it : nullptr;
    if (!parts || !expect(*parts, list_ptr, Json::value_t::array)) return;
    const std::array<std::string_view, 4> part_keys = {index_key, "kpis", "by_type", "by_group"};
    for (std::size_t i = 0; i < parts->size(); ++i) {
      const Json& v = (*parts)[i];
      const std::string ptr = child_pointer(list_ptr, i);
      if (!expect(v, ptr, Json::value_t::object)) continue;
      keys(v, ptr, part_keys);
      if (auto index = integer_at(v, ptr, index_key, 0, std::numeric_limits<std::uint32_t>::max());
          index && *index != i)
        error(child_pointer(ptr, index_key), fmt::format("must be {} (the position in {}); got {}", i, name, *index));
      if (const Json* k = object_at(v, ptr, "kpis")) stats(*k, ptr + "/kpis", out);
      for (std::string_view scope : {"by_type", "by_group"}) {
        if (const Json* s = object_at(v, ptr, scope)) named_stats(*s, child_pointer(ptr, scope), out);
      }
    }
  }

  // {"definition": ..., "awt_s": ..., "short_abandon_s": ..., "by_type": {"<type>": {the same three}}}
  void read_service_levels(const Json& v, std::vector<ServiceLevelRecord>& out) {
    const std::string ptr = "/service_level";
    if (!expect(v, ptr, Json::value_t::object)) return;
    keys(v, ptr, kServiceLevelKeys);
    out.push_back(service_level_record(v, ptr, ""));
    const Json* types = object_at(v, ptr, "by_type");
    if (!types) return;
    for (auto it = types->begin(); it != types->end(); ++it) {
      const std::string p = child_pointer(ptr + "/by_type", it.key());
      if (!expect(*it, p, Json::value_t::object)) continue;
      keys(*it, p, kServiceLevelRecordKeys);
      out.push_back(service_level_record(*it, p, it.key()));
    }
  }

  ServiceLevelRecord service_level_record(const Json& v, const std::string& ptr, std::string type) {
    ServiceLevelRecord r{std::move(type), "", 0.0, 0.0};
    if (auto d = string_at(v, ptr, "definition")) {
      if (std::ranges::find(models::internal::kSlDefinitionNames, *d) != models::internal::kSlDefinitionNames.end())
        r.definition = *d;
      else
        error(ptr + "/definition",
              fmt::format("unknown service level definition {}; known: {}", quote(*d),
                          models::internal::join_names(models::internal::kSlDefinitionNames, 8)));
    }
    for (auto [key, field] : {std::pair{"awt_s", &ServiceLevelRecord::awt_s},
                              std::pair{"short_abandon_s", &ServiceLevelRecord::short_abandon_s}}) {
      const Json* x = find(v, key, ptr);
      if (!x) continue;
      if (x->is_number() && std::isfinite(x->get<double>()) && x->get<double>() >= 0.0)
        r.*field = x->get<double>();
      else
        error(child_pointer(ptr, key), fmt::format("expected a number of seconds >= 0; got {}", describe(*x)));
    }
    return r;
  }

  // {"overall": {"<kpi>": [value or null, ...], ...}}: one value per observation, the
  // same number for each KPI. A KPI the file lacks (added to ccsim after the baseline was
  // written, such as cost) is undefined in every observation; offered, the first, is required.
  void read_observations(const Json& v, std::vector<models::KpiValues>& out) {
    if (!expect(v, "/observations", Json::value_t::object)) return;
    keys(v, "/observations", std::array<std::string_view, 1>{"overall"});
    const Json* overall = object_at(v, "/observations", "overall");
    if (!overall) return;
    keys(*overall, "/observations/overall", models::kKpiNames);
    std::optional<std::size_t> count;
    for (std::size_t k = 0; k < models::kNumKpis; ++k) {
      const std::string_view name = models::kKpiNames[k];
      const std::string ptr = child_pointer("/observations/overall", name);
      if (k > 0 && !overall->contains(name)) {
        if (count) for (models::KpiValues& o : out) o[k] = std::numeric_limits<double>::quiet_NaN();
        continue;
      }
      const Json* values = find(*overall, name, "/observations/overall");
      if (!values || !expect(*values, ptr, Json::value_t::array)) continue;
      if (!count) {
        count = values->size();
        out.assign(*count, models::KpiValues{});
      } else if (values->size() != *count) {
        error(ptr, fmt::format("expected {} values, as for {}; got {}", *count, models::kKpiNames[0], values->size()));
        continue;
      }
      for (std::size_t i = 0; i < values->size(); ++i) {
        const Json& x = (*values)[i];
        if (x.is_null()) {
          out[i][k] = std::numeric_limits<double>::quiet_NaN();
        } else if (x.is_number() && std::isfinite(x.get<double>())) {
          out[i][k] = x.get<double>();
        } else {
          error(child_pointer(ptr, i), fmt::format("expected a number or null; got {}", describe(x)));
        }
      }
    }
  }

  // {"<name>": {"<kpi>": stat, ...}, ...}
  void named_stats(const Json& v, const std::string& ptr, std::vector<BaselineKpi>& out) {
    for (auto it = v.begin(); it != v.end(); ++it) {
      const std::string p = child_pointer(ptr, it.key());
      if (expect(*it, p, Json::value_t::object)) stats(*it, p, out);
    }
  }

  // {"<kpi>": {"mean": ..., "half_width": ..., "n": ...}, ...}; any KPI name is read (a
  // name this version does not know compares as a KPI the current run does not have).
  void stats(const Json& v, const std::string& ptr, std::vector<BaselineKpi>& out) {
    for (auto it = v.begin(); it != v.end(); ++it) {
      const std::string p = child_pointer(ptr, it.key());
      if (!expect(*it, p, Json::value_t::object)) continue;
      if (auto s = stat(*it, p)) out.push_back(BaselineKpi{p, it.key(), *s});
    }
  }

  // n >= 0; mean null exactly when n == 0; half_width null exactly when n < 2, else >= 0.
  std::optional<models::KpiStat> stat(const Json& v, const std::string& ptr) {
    const std::size_t before = sink_.count();
    keys(v, ptr, kStatKeys);
    const Json* mean = find(v, "mean", ptr);
    const Json* hw = find(v, "half_width", ptr);
    const auto n = integer_at(v, ptr, "n", 0, std::numeric_limits<std::uint64_t>::max());
    constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
    models::KpiStat s{kNaN, kNaN, n.value_or(0)};
    if (n && mean) {
      if (*n == 0 && !mean->is_null()) {
        error(ptr + "/mean",
              fmt::format("must be null when n is 0 (the KPI was never defined); got {}", describe(*mean)));
      } else if (*n > 0 && !(mean->is_number() && std::isfinite(mean->get<double>()))) {
        error(ptr + "/mean", fmt::format("expected a number (n is {}); got {}", *n, describe(*mean)));
      } else if (*n > 0) {
        s.mean = mean->get<double>();
      }
    }
    if (n && hw) {
      if (*n < 2 && !hw->is_null()) {
        error(ptr + "/half_width", fmt::format("must be null when n < 2 (no spread from {} value{}); got {}", *n,
                                               *n == 1 ? "" : "s", describe(*hw)));
      } else if (*n >= 2 && !(hw->is_number() && std::isfinite(hw->get<double>()) && hw->get<double>() >= 0.0)) {
        error(ptr + "/half_width", fmt::format("expected a number >= 0 (n is {}); got {}", *n, describe(*hw)));
      } else if (*n >= 2) {
        s.half_width = hw->get<double>();
      }
    }
    if (sink_.count() != before) return std::nullopt;
    return s;
  }

  models::internal::DiagnosticSink sink_;
};

}  // namespace

namespace {

// Each overall KPI's statistic must be what its observations give (they are what a paired
// comparison uses): a mean edited by hand without them would otherwise pass `check`.
void check_consistency(const Baseline& b, models::internal::DiagnosticSink& sink) {
  if (b.observations.empty()) return;
  for (std::size_t k = 0; k < models::kNumKpis; ++k) {
    const std::string pointer = child_pointer("/kpis/overall", models::kKpiNames[k]);
    const auto listed = std::ranges::find(b.kpis, pointer, &BaselineKpi::pointer);
    if (listed == b.kpis.end()) continue;
    sim::Tally t;
    for (const models::KpiValues& o : b.observations)
      if (!std::isnan(o[k])) t.add(o[k]);
    const models::KpiStat& s = listed->stat;
    const auto differs = [](double x, double y) {
      if (std::isnan(x) || std::isnan(y)) return std::isnan(x) != std::isnan(y);
      return std::fabs(x - y) > 1e-9 * std::max(1.0, std::fabs(y));
    };
    const double hw = t.count() > 1 ? t.half_width(b.confidence) : std::nan("");
    if (s.n != t.count() || differs(s.mean, t.count() ? t.mean() : std::nan("")) || differs(s.half_width, hw))
      sink.add(pointer, fmt::format("does not match its observations (/observations/overall/{}: mean {:.10g}, half-width "
                                    "{:.10g}, n {}; here: mean {:.10g}, half-width {:.10g}, n {}): the file was edited "
                                    "or is damaged; write it again with ccsim check --update",
                                    models::kKpiNames[k], t.count() ? t.mean() : std::nan(""), hw, t.count(), s.mean,
                                    s.half_width, s.n));
  }
}

// One {"<kpi>": ...} object with its KPI keys renamed by kV1Renames; only KPI keys (a
// contact type may be named p_wait).
Json renamed_kpis(const Json& v) {
  if (!v.is_object()) return v;
  Json out = Json::object();
  for (auto it = v.begin(); it != v.end(); ++it) {
    std::string key = it.key();
    for (const auto& [old_key, new_key] : kV1Renames)
      if (key == old_key) key = new_key;
    out[key] = it.value();
  }
  return out;
}

// The same in each member of a {"<name>": {"<kpi>": ...}} object (by_type, by_group).
void rename_in_members(Json& parent, const char* key) {
  if (!parent.is_object() || !parent.contains(key) || !parent[key].is_object()) return;
  for (auto& [name, kpis] : parent[key].items()) kpis = renamed_kpis(kpis);
}

// A version 1 baseline read as version 2: the KPI keys of every level renamed; what is
// malformed is left for the reader to report.
void upgrade_v1(Json& doc) {
  doc["schema"] = kSchema;
  if (doc.contains("kpis") && doc["kpis"].is_object()) {
    Json& kpis = doc["kpis"];
    if (kpis.contains("overall")) kpis["overall"] = renamed_kpis(kpis["overall"]);
    rename_in_members(kpis, "by_type");
    rename_in_members(kpis, "by_group");
    if (kpis.contains("by_interval") && kpis["by_interval"].is_array()) {
      for (Json& interval : kpis["by_interval"]) {
        if (!interval.is_object()) continue;
        if (interval.contains("kpis")) interval["kpis"] = renamed_kpis(interval["kpis"]);
        rename_in_members(interval, "by_type");
        rename_in_members(interval, "by_group");
      }
    }
  }
  if (doc.contains("observations") && doc["observations"].is_object() && doc["observations"].contains("overall"))
    doc["observations"]["overall"] = renamed_kpis(doc["observations"]["overall"]);
}

}  // namespace

Baseline read_baseline_text(std::string_view text, const std::string& file_label) {
  models::internal::DiagnosticSink parsed;
  Json doc = models::internal::parse_document(text, file_label, parsed);  // duplicate keys are errors too
  if (doc.is_object() && doc.contains("schema") && doc["schema"] == kSchemaV1) upgrade_v1(doc);
  Reader reader;
  Baseline b = reader.read(doc);
  models::internal::DiagnosticSink& sink = reader.sink();
  for (models::Diagnostic& d : parsed.take()) sink.add(std::move(d.pointer), std::move(d.message));
  if (sink.empty()) check_consistency(b, sink);
  if (!sink.empty()) throw models::ScenarioError(file_label, sink.take());
  return b;
}

Baseline read_baseline_file(const std::string& path) {
  return read_baseline_text(
      models::internal::read_input_file(path, "baseline", "write one with `ccsim check SCENARIO --update`",
                                        "a .json file"),
      path);
}

}  // namespace ccsim::cli
