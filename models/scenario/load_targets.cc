// models/scenario/load_targets.cc
// The scenario's service level, each contact type's own, and the targets: on the centre,
// a contact type or an agent group, over the day or over its intervals.
#include <fmt/format.h>

#include <cmath>
#include <map>
#include <string>
#include <tuple>

#include "models/kpi/kpi_names.h"
#include "models/scenario/json_pointer.h"
#include "models/scenario/load_internal.h"
#include "models/scenario/target_rules.h"

namespace ccsim::models::internal {

void Decoder::decode_service_level_object(const Json& v, const std::string& ptr, ServiceLevelSpec& sl) {
  if (!expect_object(v, ptr, R"(an object {"awt_s": 20, "target": 0.8, ...})")) return;
  check_keys(v, ptr, kServiceLevelKeys);
  if (auto x = number_at(v, ptr, "awt_s", at_least(0.0), false)) sl.awt_s = *x;
  if (auto x = number_at(v, ptr, "target", Range{0.0, true, 1.0, false}, false)) sl.target = *x;
  if (const Json* d = find(v, "definition")) {
    if (auto i = choice(*d, ptr + "/definition", "service level definition", kSlDefinitionNames))
      sl.definition = static_cast<SlDefinition>(*i);
  }
  if (auto x = number_at(v, ptr, "short_abandon_s", at_least(0.0), false)) sl.short_abandon_s = *x;
}

// A contact type's own service level starts from the scenario's: it gives only what differs.
// An e-mail type always has its own, whose threshold is its due time.
void Decoder::decode_service_level(const Json& doc, ScenarioSpec& spec) {
  if (const Json* s = find(doc, "service_level")) decode_service_level_object(*s, "/service_level", spec.service_level);
  const Json* cts = find(doc, "contact_types");
  if (!cts || !cts->is_array()) return;
  for (std::size_t i = 0; i < cts->size() && i < spec.contact_types.size(); ++i) {
    const Json& ct = (*cts)[i];
    ContactTypeSpec& t = spec.contact_types[make_id<ContactTypeId>(i)];
    const bool email = t.channel == Channel::Email;
    const Json* s = ct.is_object() ? find(ct, "service_level") : nullptr;
    if (!s && !email) continue;
    ServiceLevelSpec own = spec.service_level;
    if (s) {
      const std::string ptr = child_pointer("/contact_types", i) + "/service_level";
      if (email && find(*s, "awt_s"))
        error(ptr + "/awt_s", "an e-mail's threshold is its due time: give it once, as due_s");
      decode_service_level_object(*s, ptr, own);
    }
    if (email) {
      if (!types_[i].due_s) continue;  // reported where due_s is read
      own.awt_s = *types_[i].due_s;
    }
    t.service_level = own;
  }
}

std::optional<TargetSpec> Decoder::decode_target(const Json& v, const std::string& ptr, const ScenarioSpec& spec) {
  if (!expect_object(v, ptr, R"(a target object {"kpi": ..., "min" or "max": ...})")) return std::nullopt;
  const std::size_t before = sink_.count();
  check_keys(v, ptr, kTargetKeys);
  TargetSpec t;
  std::optional<Kpi> kpi;
  if (const Json* k = find(v, "kpi")) {
    if (auto idx = choice(*k, ptr + "/kpi", "KPI", kKpiNames)) kpi = static_cast<Kpi>(*idx);
  } else {
    missing(ptr, "kpi", fmt::format("a KPI name, one of: {}", join_names(kKpiNames, 32)));
  }
  if (const Json* n = find(v, "type")) {
    if (auto name = string(*n, ptr + "/type", "a contact type's name"))
      if (auto i = resolve_type(*name, ptr + "/type")) t.type = make_id<ContactTypeId>(*i);
  }
  if (const Json* n = find(v, "group")) {
    if (auto name = string(*n, ptr + "/group", "an agent group's name"))
      if (auto i = resolve_group(*name, ptr + "/group")) t.group = make_id<AgentGroupId>(*i);
  }
  if (const Json* s = find(v, "scope")) {
    if (auto i = choice(*s, ptr + "/scope", "target scope", kScopeNames))
      t.scope = *i == 0 ? TargetScope::Day : TargetScope::Intervals;
  }
  if (const Json* sh = find(v, "share_of_intervals")) {
    if (t.scope != TargetScope::Intervals) {
      error(ptr + "/share_of_intervals",
            R"(applies to the scope "intervals" only; add "scope": "intervals" or remove it)");
    } else if (auto x = number(*sh, ptr + "/share_of_intervals", Range{0.0, true, 1.0, false})) {
      t.share_of_intervals = *x;
    }
  }
  const Json* mn = find(v, "min");
  const Json* mx = find(v, "max");
  if (mn && mx) {
    error(ptr, R"("min" and "max" are exclusive; give exactly one (use two entries for a band))");
  } else if (!mn && !mx) {
    error(ptr, R"(missing the bound; give exactly one of "min" (the KPI must be at least this) or "max" (at most))");
  } else if (kpi) {
    const bool is_fraction = kpi_is_fraction(*kpi);
    const Range range = is_fraction ? closed(0.0, 1.0) : at_least(0.0);
    const Json& bound_v = mn ? *mn : *mx;
    const std::string bp = ptr + (mn ? "/min" : "/max");
    if (is_fraction && bound_v.is_number() && std::isfinite(bound_v.get<double>()) &&
        !range.contains(bound_v.get<double>())) {
      error(bp, fmt::format("must be in [0, 1] ({} is a fraction: write 5% as 0.05); got {}", kpi_name(*kpi),
                            describe(bound_v)));
    } else if (auto value = number(bound_v, bp, range)) {
      t.value = *value;
    }
    t.bound = mn ? TargetBound::AtLeast : TargetBound::AtMost;
  }
  if (!kpi || sink_.count() != before) return std::nullopt;
  t.kpi = *kpi;
  if (auto p = target_problem(t, spec.mode)) {
    using W = TargetProblem::Where;
    error(p->where == W::Kpi ? ptr + "/kpi" : p->where == W::Scope ? ptr + "/scope" : ptr, p->message);
    return std::nullopt;
  }
  return t;
}

void Decoder::decode_targets(const Json& doc, ScenarioSpec& spec) {
  // The centre's service-level target always comes first (it has a default), then each
  // contact type's own; the per-interval verdicts use them.
  spec.targets.push_back({Kpi::ServiceLevel, TargetBound::AtLeast, spec.service_level.target});
  for (TargetSpec& t : type_service_level_targets(spec)) spec.targets.push_back(t);
  const Json* ts = find(doc, "targets");
  if (!ts) return;
  if (!ts->is_array()) {
    error("/targets",
          fmt::format(R"(expected an array of {{"kpi": ..., "min" or "max": ...}} objects; got {})", describe(*ts)));
    return;
  }
  using Key = std::tuple<Kpi, TargetBound, std::optional<ContactTypeId>, std::optional<AgentGroupId>, TargetScope>;
  std::map<Key, std::string> seen;
  // An e-mail type has its own service level whether or not the file gives one (its
  // threshold is due_s); without a service_level key, a target entry for it is its target.
  const Json* cts = find(doc, "contact_types");
  const auto implicit = [&](const TargetSpec& t) {
    return t.kpi == Kpi::ServiceLevel && t.type && spec.contact_types[*t.type].channel == Channel::Email &&
           cts && cts->is_array() && index(*t.type) < cts->size() && (*cts)[index(*t.type)].is_object() &&
           !find((*cts)[index(*t.type)], "service_level");
  };
  for (const TargetSpec& t : spec.targets)
    seen.emplace(Key{t.kpi, t.bound, t.type, t.group, t.scope},
                 implicit(t) ? std::string()
                 : t.type    ? child_pointer("/contact_types", index(*t.type)) + "/service_level/target"
                             : std::string("/service_level/target"));
  for (std::size_t i = 0; i < ts->size(); ++i) {
    const std::string ptr = child_pointer("/targets", i);
    auto t = decode_target((*ts)[i], ptr, spec);
    if (!t) continue;
    if (auto [where, fresh] = seen.emplace(Key{t->kpi, t->bound, t->type, t->group, t->scope}, ptr);
        !fresh && where->second.empty()) {
      where->second = ptr;
      for (TargetSpec& given : spec.targets)
        if (given.kpi == t->kpi && given.bound == t->bound && given.type == t->type && !given.group &&
            given.scope == t->scope)
          given.value = t->value;
      spec.contact_types[*t->type].service_level->target = t->value;
      continue;
    } else if (!fresh) {
      error(ptr, fmt::format("duplicate target: {} already has a {} at {}", kpi_name(t->kpi),
                             t->bound == TargetBound::AtLeast ? "\"min\"" : "\"max\"", where->second));
      continue;
    }
    spec.targets.push_back(*t);
  }
}

}  // namespace ccsim::models::internal
