// models/scenario/load_router.cc
// The Decoder's /router: the policy, type_to_group and group_to_type, the
// (contact type, agent group) tables (handle_time_multipliers, overflow_delays_s,
// wait_weights) and reservations, with name resolution and "did you mean".
#include "models/scenario/load_internal.h"

#include <fmt/format.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "models/scenario/channel_rules.h"
#include "models/scenario/did_you_mean.h"
#include "models/scenario/json_pointer.h"
#include "models/scenario/limits.h"
#include "models/scenario/router_tables.h"

namespace ccsim::models::internal {

namespace {

const PairTable kHandleTimeMultipliers{.key = "handle_time_multipliers",
                                       .field = &ContactTypeSpec::handle_time_multiplier,
                                       .unlisted = 1.0,
                                       .range = above(0.0),
                                       .placeholder = "factor",
                                       .values = "factors",
                                       .short_values = "factors",
                                       .example = "1.25"};
const PairTable kOverflowDelays{.key = "overflow_delays_s",
                                .field = &ContactTypeSpec::overflow_delay_s,
                                .unlisted = 0.0,
                                .range = at_least(0.0),
                                .placeholder = "seconds",
                                .values = "delays in seconds",
                                .short_values = "delays",
                                .example = "20",
                                .policy = kOverflowAfterDelayPolicy};
const PairTable kWaitWeights{.key = "wait_weights",
                             .field = &ContactTypeSpec::wait_weight,
                             .unlisted = 1.0,
                             .range = above(0.0),
                             .placeholder = "weight",
                             .values = "weights",
                             .short_values = "weights",
                             .example = "3",
                             .bare = true,
                             .policy = kLongestWeightedWaitPolicy};

}  // namespace

// ---- router -----------------------------------------------------------------------

void Decoder::decode_router(const Json& doc, ScenarioSpec& spec) {
  const Json* r = find(doc, "router");
  if (!r) {
    missing("", "router",
            R"({"policy": "queue_priority", "type_to_group": {"<contact type>": ["<agent group>", ...]}})");
    return;
  }
  if (!expect_object(*r, "/router", R"(an object {"policy": ..., "type_to_group": {...}})")) return;
  check_keys(*r, "/router", kRouterKeys);
  bool policy_read = true;  // absent is the default policy
  if (const Json* p = find(*r, "policy")) {
    if (auto i = choice(*p, "/router/policy", "router policy", kRouterPolicyNames)) {
      spec.router.policy = std::string(kRouterPolicyNames[*i]);
    } else {
      policy_read = false;
    }
  }
  decode_routes(*r, spec);
  decode_group_to_type(*r, spec);
  decode_pair_table(*r, kHandleTimeMultipliers, policy_read, spec);
  decode_overflow_delays(*r, policy_read, spec);
  decode_pair_table(*r, kWaitWeights, policy_read, spec);
  decode_reservations(*r, policy_read, spec);
}

std::optional<std::size_t> Decoder::resolve(const std::map<std::string, std::size_t, std::less<>>& index,
                                            const std::vector<std::string>& names, bool all_named,
                                            std::string_view noun, std::string_view name, const std::string& ptr,
                                            std::optional<std::string>* close) {
  if (auto it = index.find(name); it != index.end()) return it->second;
  if (!all_named) return std::nullopt;
  error(ptr,
        fmt::format("unknown {} {}; defined: {}{}", noun, quote(name), join_names(names), did_you_mean(name, names)));
  if (close) *close = internal::closest_name(name, names);
  return std::nullopt;
}

std::optional<std::size_t> Decoder::resolve_type(std::string_view name, const std::string& ptr,
                                                 std::optional<std::string>* close) {
  return resolve(type_index_, type_names_, types_known_, "contact type", name, ptr, close);
}

std::optional<std::size_t> Decoder::resolve_group(std::string_view name, const std::string& ptr,
                                                  std::optional<std::string>* close) {
  return resolve(group_index_, group_names_, groups_known_, "agent group", name, ptr, close);
}

bool Decoder::resolve_name_list(const Json& list, const std::string& ptr, Named kind,
                                const std::function<void(const ListedName&)>& on_name) {
  const bool types = kind == Named::Type;
  const std::string_view noun = types ? "contact type" : "agent group";
  std::map<std::string, std::size_t, std::less<>> seen;
  bool all_strings = true;
  for (std::size_t j = 0; j < list.size(); ++j) {
    const std::string ep = child_pointer(ptr, j);
    auto name = string(list[j], ep, types ? "a contact type name (a string)" : "an agent group name (a string)");
    if (!name) {
      all_strings = false;
      continue;
    }
    if (auto [where, fresh] = seen.emplace(*name, j); !fresh) {
      error(ep, fmt::format("{} {} is listed twice (also at index {}); list each {} once", noun, quote(*name),
                            where->second, types ? "type" : "group"));
      continue;
    }
    std::optional<std::string> close;
    std::optional<std::size_t> id = types ? resolve_type(*name, ep, &close) : resolve_group(*name, ep, &close);
    on_name(ListedName{ep, *name, id, std::move(close)});
  }
  return all_strings;
}

void Decoder::decode_routes(const Json& router, ScenarioSpec& spec) {
  const Json* table = find(router, "type_to_group");
  const std::string tptr = "/router/type_to_group";
  if (!table) {
    missing("/router", "type_to_group", R"(an object mapping each contact type name to an array of agent group names)");
    return;
  }
  if (!table->is_object()) {
    error(tptr, fmt::format("expected an object mapping each contact type name to an array of agent group names, "
                            "preferred first; got {}",
                            describe(*table)));
    return;
  }
  routes_known_ = true;
  for (auto it = table->begin(); it != table->end(); ++it) {
    const std::string& type_name = it.key();
    const std::string kp = child_pointer(tptr, type_name);
    std::optional<std::string> close;
    const std::optional<std::size_t> type = resolve_type(type_name, kp, &close);
    if (type) {
      types_[*type].routed = true;
    } else {
      route_keys_ok_ = false;
      if (close) suggested_.insert(*close);
    }
    const Json& list = it.value();
    if (!list.is_array() || list.empty()) {
      routes_readable_ = routes_readable_ && list.is_array();
      error(kp,
            fmt::format("expected a non-empty array of agent group names, preferred first; got {}", describe(list)));
      continue;
    }
    std::vector<AgentGroupId> resolved;
    bool exact = true;
    const bool all_strings = resolve_name_list(list, kp, Named::Group, [&](const ListedName& n) {
      if (!n.id) {
        exact = false;
        if (n.close) suggested_.insert(*n.close);
        return;
      }
      resolved.push_back(make_id<AgentGroupId>(*n.id));
      groups_[*n.id].served = true;
    });
    if (!all_strings) {
      routes_readable_ = false;
      exact = false;
    }
    if (type) {
      types_[*type].route_exact = exact;
      spec.contact_types[make_id<ContactTypeId>(*type)].groups = std::move(resolved);
    }
  }
}

// Whether the route of this contact type is known exactly, so that a table that
// disagrees with it is wrong in itself and not an echo of an error in type_to_group:
// its route was read in full, or it has none and needs none (its IVR releases every
// call) while every route names a defined type.
bool Decoder::route_settled(std::size_t type) const {
  const TypeInfo& info = types_[type];
  if (!routes_known_) return false;
  if (info.routed) return info.route_exact;
  return route_keys_ok_ && info.named && info.ivr_ok && !info.reaches_agents;
}

bool Decoder::serves(const ContactTypeSpec& t, std::size_t group) {
  for (AgentGroupId g : t.groups)
    if (index(g) == group) return true;
  return false;
}

void Decoder::decode_group_to_type(const Json& router, ScenarioSpec& spec) {
  const Json* table = find(router, "group_to_type");
  if (!table) return;
  const std::string tptr = "/router/group_to_type";
  if (!table->is_object()) {
    error(tptr, fmt::format("expected an object mapping agent group names to arrays of contact type names, highest "
                            "priority first; got {}",
                            describe(*table)));
    return;
  }
  const std::string rptr = "/router/type_to_group";
  for (auto it = table->begin(); it != table->end(); ++it) {
    const std::string& group_name = it.key();
    const std::string kp = child_pointer(tptr, group_name);
    const std::optional<std::size_t> group = resolve_group(group_name, kp);
    const Json& list = it.value();
    if (!list.is_array() || list.empty()) {
      error(kp, fmt::format("expected a non-empty array of contact type names, highest priority first; got {}",
                            describe(list)));
      continue;
    }
    std::vector<ContactTypeId> order;
    std::set<std::string, std::less<>> listed;
    // An entry that could not be resolved may be the type that looks missing below.
    std::set<std::string, std::less<>> meant;
    bool unexplained = false;
    const bool all_strings = resolve_name_list(list, kp, Named::Type, [&](const ListedName& n) {
      listed.insert(n.name);
      if (!n.id) {
        // Unreported (some type has no readable name) or without a suggestion: the
        // missing type below may be this one.
        if (n.close) {
          meant.insert(*n.close);
        } else {
          unexplained = true;
        }
        return;
      }
      const std::size_t t = *n.id;
      order.push_back(make_id<ContactTypeId>(t));
      if (group && !serves(spec.contact_types[make_id<ContactTypeId>(t)], *group) && route_settled(t)) {
        error(n.pointer, fmt::format("contact type {} does not route to agent group {} in {}; remove it from this "
                                     "list or add {} to {}",
                                     quote(n.name), quote(group_name), rptr, quote(group_name),
                                     child_pointer(rptr, n.name)));
      }
    });
    if (!all_strings) unexplained = true;
    if (!group) continue;
    if (!unexplained) {
      for (std::size_t k = 0; k < types_.size(); ++k) {
        const ContactTypeSpec& t = spec.contact_types[make_id<ContactTypeId>(k)];
        if (!types_[k].named || !serves(t, *group) || listed.contains(t.name) || meant.contains(t.name)) continue;
        error(kp, fmt::format("agent group {} serves contact type {} (it is in {}) but {} does not list it; list "
                              "every type the group serves",
                              quote(group_name), quote(t.name), child_pointer(rptr, t.name), kp));
      }
    }
    spec.agent_groups[make_id<AgentGroupId>(*group)].type_order = std::move(order);
  }
}

// A (contact type, agent group) table: see PairTable. Each listed type gets a full vector
// parallel to its groups, `unlisted` for the groups its entry does not name (a bare
// number: that number for all); types not listed keep an empty vector. Returns whether
// the table is present and was read. A table of another policy than the one set is
// reported once and not read; with an unreadable policy it is still checked (its policy
// was probably meant).
bool Decoder::decode_pair_table(const Json& router, const PairTable& pt, bool policy_read, ScenarioSpec& spec) {
  const Json* table = find(router, pt.key);
  if (!table) return false;
  const std::string tptr = child_pointer("/router", pt.key);
  if (!pt.policy.empty() && !table_policy_ok(tptr, pt.policy, policy_read, spec)) return false;
  if (!table->is_object()) {
    error(tptr, fmt::format(R"(expected an object mapping contact type names to {}objects {{"<agent group>": {} {}, )"
                            R"(...}}; got {})",
                            pt.bare ? fmt::format("{} {} or ", pt.values, pt.range.text()) : std::string(),
                            pt.placeholder, pt.range.text(), describe(*table)));
    return true;
  }
  const std::string rptr = "/router/type_to_group";
  for (auto it = table->begin(); it != table->end(); ++it) {
    const std::string& type_name = it.key();
    const std::string kp = child_pointer(tptr, type_name);
    const std::optional<std::size_t> type = resolve_type(type_name, kp);
    const Json& entry = it.value();
    ContactTypeSpec* t = type ? &spec.contact_types[make_id<ContactTypeId>(*type)] : nullptr;
    if (pt.bare && entry.is_number()) {
      const auto value = number(entry, kp, pt.range);
      if (t && value) (t->*pt.field).assign(t->groups.size(), *value);
      continue;
    }
    const std::string bare_text =
        pt.bare ? fmt::format("a {} {} for every group serving the type, or ", pt.placeholder, pt.range.text())
                : std::string();
    if (!expect_object(entry, kp,
                       fmt::format(R"({}an object mapping agent group names to {} {}, such as {{"<group>": {}}})",
                                   bare_text, pt.values, pt.range.text(), pt.example)))
      continue;
    if (t) (t->*pt.field).assign(t->groups.size(), pt.unlisted);
    for (auto f = entry.begin(); f != entry.end(); ++f) {
      const std::string& group_name = f.key();
      const std::string fp = child_pointer(kp, group_name);
      const std::optional<std::size_t> g = resolve_group(group_name, fp);
      const auto value = number(f.value(), fp, pt.range);
      if (!g || !t) continue;
      bool found = false;
      for (std::size_t i = 0; i < t->groups.size(); ++i) {
        if (index(t->groups[i]) != *g) continue;
        found = true;
        if (value) (t->*pt.field)[i] = *value;
      }
      if (!found && route_settled(*type)) {
        error(fp, fmt::format("agent group {} does not serve contact type {} (see {}); give {} only for the "
                              "groups in that list",
                              quote(group_name), quote(type_name), child_pointer(rptr, type_name), pt.short_values));
      }
    }
  }
  return true;
}

// /router/overflow_delays_s: read only by overflow_after_delay. Beyond the shared checks,
// a type may have at most kMaxDelayedGroupsPerType delayed groups.
void Decoder::decode_overflow_delays(const Json& router, bool policy_read, ScenarioSpec& spec) {
  if (!decode_pair_table(router, kOverflowDelays, policy_read, spec)) return;
  const std::string tptr = child_pointer("/router", kOverflowDelays.key);
  // A value with an error stays 0, so the count is never too high.
  for (const ContactTypeSpec& t : spec.contact_types) {
    const auto delayed =
        static_cast<std::size_t>(std::ranges::count_if(t.overflow_delay_s, [](double d) { return d > 0.0; }));
    if (t.channel == Channel::Outbound && delayed > 0)
      error(child_pointer(tptr, t.name), outbound_delay_problem(t.name));
    if (delayed <= kMaxDelayedGroupsPerType) continue;
    error(child_pointer(tptr, t.name),
          fmt::format("contact type {} has {} agent groups with a positive delay; at most {} are supported (one "
                      "eligibility timer per delayed group): give the others a delay of 0",
                      quote(t.name), delayed, kMaxDelayedGroupsPerType));
  }
}

// /router/reservations: read only by queue_priority. Each entry {"type": t, "agents": n}
// makes its agent group keep its last n idle agents for calls of type t ({"channel": c,
// ...}: for every type of channel c). Beyond the values, the loader checks what would make
// the reservation meaningless: t must route to the group (some type of c must), the group
// must serve another type (one of another channel), and n must leave the other types an
// agent when the most agents are on duty (staffing and shifts).
void Decoder::decode_reservations(const Json& router, bool policy_read, ScenarioSpec& spec) {
  const Json* table = find(router, "reservations");
  if (!table) return;
  const std::string tptr = "/router/reservations";
  if (!table_policy_ok(tptr, kQueuePriorityPolicy, policy_read, spec)) return;
  constexpr std::string_view kShape = R"({"type": "<contact type>" or "channel": "<channel>", "agents": integer >= 1})";
  if (!table->is_object()) {
    error(tptr, fmt::format("expected an object mapping agent group names to reservations {}; got {}", kShape,
                            describe(*table)));
    return;
  }
  const std::string rptr = "/router/type_to_group";
  const bool every_route_settled = all_routes_settled();
  for (auto it = table->begin(); it != table->end(); ++it) {
    const std::string& group_name = it.key();
    const std::string kp = child_pointer(tptr, group_name);
    const std::optional<std::size_t> group = resolve_group(group_name, kp);
    const Json& entry = it.value();
    if (!expect_object(entry, kp, fmt::format("a reservation object {}", kShape))) continue;
    check_keys(entry, kp, kReservationKeys);
    const std::string tp = kp + "/type";
    std::optional<std::string> type_name;
    std::optional<std::size_t> type;
    const Json* channel = find(entry, "channel");
    if (const Json* t = find(entry, "type")) {
      if (channel)
        error(kp, R"(give either "type" (one contact type) or "channel" (every type of a channel), not both)");
      type_name = string(*t, tp, "a contact type name (a string)");
      if (type_name) type = resolve_type(*type_name, tp);
    } else if (!channel) {
      missing(kp, "type", R"(the name of a contact type that routes to this group (or "channel": the channel )"
                          "whose types the agents are kept for)");
    }
    const std::optional<std::uint64_t> agents = integer_at(entry, kp, "agents", 1, kU32Max, true);
    if (channel && !find(entry, "type")) {
      decode_channel_reservation(*channel, kp, group, agents, spec);
      continue;
    }
    if (!group || !type) continue;

    const ContactTypeSpec& reserved = spec.contact_types[make_id<ContactTypeId>(*type)];
    AgentGroupSpec& g = spec.agent_groups[make_id<AgentGroupId>(*group)];
    if (!serves(reserved, *group)) {
      // An inexact route (a misspelt group in it) may be the one meant to list this group.
      if (route_settled(*type)) {
        error(tp, fmt::format("contact type {} does not route to agent group {} in {}; reserve a group's agents "
                              "only for a type it serves, or add {} to {}",
                              quote(*type_name), quote(group_name), rptr, quote(group_name),
                              child_pointer(rptr, *type_name)));
      }
      continue;
    }
    if (every_route_settled) {
      bool serves_others = false;
      for (std::size_t k = 0; k < spec.contact_types.size(); ++k)
        serves_others = serves_others || (k != *type && serves(spec.contact_types[make_id<ContactTypeId>(k)], *group));
      if (!serves_others) {
        error(kp, fmt::format("reservation has no effect: agent group {} serves only contact type {}; reserve "
                              "agents of a group that also serves other types, or remove this entry",
                              quote(group_name), quote(*type_name)));
        continue;
      }
    }
    if (!agents) continue;
    if (groups_[*group].agents_ok) {
      if (auto message = reservation_leaves_none(*agents, group_name, peak_scheduled_agents(g, spec.period_s))) {
        error(kp + "/agents", std::move(*message));
        continue;
      }
    }
    g.reserved_for = make_id<ContactTypeId>(*type);
    g.reserved_agents = static_cast<std::uint32_t>(*agents);
  }
}

// {"channel": c, "agents": n} at ptr: the group must serve a type of c and one of another
// channel.
void Decoder::decode_channel_reservation(const Json& channel, const std::string& ptr, std::optional<std::size_t> group,
                                         std::optional<std::uint64_t> agents, ScenarioSpec& spec) {
  const auto i = choice(channel, ptr + "/channel", "channel", kChannelNames);
  if (!i || !group) return;
  const auto c = static_cast<Channel>(*i);
  AgentGroupSpec& g = spec.agent_groups[make_id<AgentGroupId>(*group)];
  if (all_routes_settled()) {
    bool of_channel = false, of_others = false;
    for (const ContactTypeSpec& t : spec.contact_types)
      if (serves(t, *group)) (t.channel == c ? of_channel : of_others) = true;
    if (!of_channel) {
      error(ptr + "/channel", fmt::format("agent group {} serves no {} type in /router/type_to_group; keep agents "
                                          "for a channel the group serves, or remove this entry",
                                          quote(g.name), channel_name(c)));
      return;
    }
    if (!of_others) {
      error(ptr, fmt::format("reservation has no effect: agent group {} serves only {} types; keep agents of a "
                             "group that also serves another channel, or remove this entry",
                             quote(g.name), channel_name(c)));
      return;
    }
  }
  if (!agents) return;
  if (groups_[*group].agents_ok)
    if (auto message = reservation_leaves_none(*agents, g.name, peak_scheduled_agents(g, spec.period_s))) {
      error(ptr + "/agents", std::move(*message));
      return;
    }
  g.reserved_for_channel = c;
  g.reserved_agents = static_cast<std::uint32_t>(*agents);
}

bool Decoder::table_policy_ok(const std::string& ptr, std::string_view policy, bool policy_read,
                              const ScenarioSpec& spec) {
  if (!policy_read || spec.router.policy == policy) return true;
  error(ptr, fmt::format("only used by policy {}; set /router/policy to it or remove this table", quote(policy)));
  return false;
}

bool Decoder::all_routes_settled() const {
  if (!types_known_ || !routes_known_ || !routes_readable_ || !route_keys_ok_) return false;
  for (std::size_t k = 0; k < types_.size(); ++k)
    if (!route_settled(k)) return false;
  return true;
}

}  // namespace ccsim::models::internal
