#include "models/scenario/steady_state_check.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "models/analytic/erlang.h"
#include "models/scenario/after_service_rules.h"
#include "models/scenario/message_text.h"

namespace ccsim::models::internal {

namespace {

// What group g can do for type t per second, in t's work (talk and wrap-up as drawn): its
// agents, at most its cap on t's channel, each at t's multiplier for g; a chat agent
// holds its sessions at the handle factor of a full agent.
double capacity(const ScenarioSpec& spec, const ContactTypeSpec& t, std::size_t i) {
  const AgentGroupSpec& a = spec.agent_groups[t.groups[i]];
  const std::optional<std::uint32_t>& cap = a.max_agents_on[index(t.channel)];
  double agents = static_cast<double>(a.staffing.front());
  if (cap) agents = std::min<double>(agents, *cap);
  if (t.channel == Channel::Chat) agents *= a.chat_sessions / a.chat_handle_factor(a.chat_sessions);
  const double multiplier = t.handle_time_multiplier.empty() ? 1.0 : t.handle_time_multiplier[i];
  return multiplier > 0.0 ? agents / multiplier : std::numeric_limits<double>::infinity();
}

// An unbounded type whose work (work_erlangs[k]) reaches what all its groups can do for
// it, whatever the other types do; with caps by channel, also a capped channel whose
// unbounded types' work reaches what all the groups they reach can do for it (each group
// at its best for one of them).
std::optional<Diagnostic> own_groups_overload(const ScenarioSpec& spec, const std::vector<double>& work_erlangs) {
  const bool caps = std::ranges::any_of(spec.agent_groups, [](const AgentGroupSpec& a) {
    return a.max_agents_on[index(Channel::Email)] || a.max_agents_on[index(Channel::Chat)];
  });
  const auto refuse = [&](std::size_t k, const std::string& who, double load, double can) {
    const bool one = who.starts_with("contact type");
    return Diagnostic{fmt::format("/contact_types/{}", k),
                      fmt::format("no steady state: {} with infinite patience offer{} {:.4g} erlangs of work, and "
                                  "{} agent groups can do at most {:.4g} (their agents on duty{}{}), so the queue "
                                  "grows without bound; {}",
                                  who, one ? "s" : "", load, one ? "its" : "their", can,
                                  caps ? ", up to their max_agents_on caps" : "",
                                  spec.contact_types[make_id<ContactTypeId>(k)].channel == Channel::Chat
                                      ? "; a chat agent's sessions at the handle factor of a full agent"
                                      : "",
                                  caps ? "raise the caps, or add agents to groups without one"
                                       : "add agents to its groups, or route it to more")};
  };
  for (const Channel c : {Channel::Voice, Channel::Email, Channel::Chat}) {
    std::vector<double> best(spec.agent_groups.size(), 0.0);
    double load = 0.0, largest = 0.0;
    std::size_t top = 0;
    bool capped = false;
    for (std::size_t k = 0; k < spec.contact_types.size(); ++k) {
      const ContactTypeSpec& t = spec.contact_types[make_id<ContactTypeId>(k)];
      if (t.channel != c || work_erlangs[k] <= 0.0) continue;
      double can = 0.0;
      for (std::size_t i = 0; i < t.groups.size(); ++i) {
        const double g = capacity(spec, t, i);
        can += g;
        best[index(t.groups[i])] = std::max(best[index(t.groups[i])], g);
        capped = capped || spec.agent_groups[t.groups[i]].max_agents_on[index(c)].has_value();
      }
      if (work_erlangs[k] >= can) return refuse(k, "contact type " + quote(t.name), work_erlangs[k], can);
      load += work_erlangs[k];
      if (work_erlangs[k] > largest) {
        largest = work_erlangs[k];
        top = k;
      }
    }
    double can = 0.0;
    for (double g : best) can += g;
    if (capped && load >= can) return refuse(top, fmt::format("the {} types", channel_name(c)), load, can);
  }
  return std::nullopt;
}

}  // namespace

std::optional<Diagnostic> steady_state_overload(const ScenarioSpec& spec) {
  // Finite IVR ports are an Erlang loss system (Poisson arrivals, any IVR duration law):
  // a share B of every IVR type is blocked, the rest passes, whatever happens after.
  double ivr_erlangs = 0.0;
  for (const ContactTypeSpec& t : spec.contact_types)
    if (t.ivr) ivr_erlangs += t.arrivals.rate_per_s * t.ivr->duration.mean();
  const double blocked = !spec.ivr_ports             ? 0.0
                         : std::isfinite(ivr_erlangs) ? analytic::erlang_b(*spec.ivr_ports, ivr_erlangs)
                                                      : 1.0;
  // Transferred legs and returns add to the calls each type is offered (an upper bound:
  // as if every call were served).
  std::vector<double> fresh;
  for (const ContactTypeSpec& t : spec.contact_types) fresh.push_back(t.arrivals.rate_per_s);
  const std::vector<double> rate = offered_with_follow_ups(spec.contact_types, fresh);
  const bool follow_ups = rate != fresh;
  double load = 0.0, largest = 0.0;
  std::size_t top = 0;
  bool behind_ports = false, only_email = true, some_email = false, some_chat = false, some_voice = false;
  std::vector<bool> reachable(spec.agent_groups.size(), false);
  std::vector<double> work_erlangs(spec.contact_types.size(), 0.0);  // unbounded types: rate x work, no share
  std::vector<std::string> names;
  for (std::size_t k = 0; k < spec.contact_types.size(); ++k) {
    const ContactTypeSpec& t = spec.contact_types[make_id<ContactTypeId>(k)];
    // Its queue is bounded by the callers, the centre, or the trunk lines; an e-mail holds none.
    if (t.patience || t.max_wait_s || (spec.trunk_lines && t.channel == Channel::Voice)) continue;
    double to_agents = t.ivr ? t.ivr->p_to_agents() : 1.0;
    if (t.ivr && spec.ivr_ports) to_agents *= 1.0 - blocked;
    // Past its balking table, a caller joins a long queue with probability 1 - the last value.
    if (!t.balk_p_by_queue_length.empty()) to_agents *= 1.0 - t.balk_p_by_queue_length.back();
    if (!t.balk_by_announced_wait.empty()) to_agents *= 1.0 - t.balk_by_announced_wait.back().p;
    // A transferred leg passes neither the IVR nor balking: it reaches the agents.
    const double legs = rate[k] - fresh[k];
    const double reaching = fresh[k] * std::max(0.0, to_agents) + legs;
    if (reaching <= 0.0) continue;
    double work_s = t.talk.mean() + (t.wrap_up ? t.wrap_up->mean() : 0.0);
    for (const TransferSpec& x : t.transfers) work_s += x.p * x.handle.mean();
    const double share = spec.agent_share(t);
    const double erlangs = reaching * work_s * share;
    some_chat = some_chat || t.channel == Channel::Chat;
    some_voice = some_voice || t.channel == Channel::Voice;
    load += erlangs;
    if (erlangs > largest) {
      largest = erlangs;
      top = k;
    }
    behind_ports = behind_ports || (t.ivr && spec.ivr_ports);
    names.push_back(t.name);
    only_email = only_email && t.channel == Channel::Email;
    some_email = some_email || t.channel == Channel::Email;
    for (AgentGroupId g : t.groups) reachable[index(g)] = true;
    work_erlangs[k] = reaching * work_s;
  }
  if (names.empty()) return std::nullopt;
  double agents = 0.0;
  for (std::size_t g = 0; g < reachable.size(); ++g)
    if (reachable[g]) agents += spec.agent_groups[make_id<AgentGroupId>(g)].staffing.front();
  if (load < agents) return own_groups_overload(spec, work_erlangs);
  const std::string ports =
      behind_ports ? fmt::format(", less the {:.3g} % the {} IVR ports block", 100.0 * blocked, *spec.ivr_ports) : "";
  // Patience bounds a call's or a chat's queue, trunk lines only a call's.
  std::string advice;
  if (only_email)
    advice = " (an e-mail waits until answered, and holds no trunk line)";
  else if (!some_voice)
    advice = some_email ? R"(, give the chats a "patience" or a "max_wait_s" (chats and e-mails hold no trunk line))"
                        : R"(, give them a "patience" or a "max_wait_s" (a chat holds no trunk line))";
  else if (some_email)
    advice = fmt::format(R"(, give the calls{} a "patience" or a "max_wait_s", or set "trunks" (e-mails{} hold no )"
                         "line)",
                         some_chat ? " and chats" : "", some_chat ? " and chats" : "");
  else
    advice = fmt::format(R"(, give them a "patience" or a "max_wait_s", or set "trunks"{})",
                         some_chat ? " (chats hold no line)" : "");
  return Diagnostic{fmt::format("/contact_types/{}", top),
                    fmt::format("no steady state: contact types with infinite patience ({}) offer {:.4g} erlangs "
                                "(rate x mean talk and wrap-up{}{}{}) to {} agents, so their queue grows without "
                                "bound; the offered load must be < the agents: add agents{}",
                                join_names(names), load, ports,
                                follow_ups ? ", with the calls transfers and returns add" : "",
                                some_chat ? "; a chat counts as its best group's handle factor for a full agent over "
                                            "its sessions"
                                          : "",
                                agents, advice)};
}

}  // namespace ccsim::models::internal
