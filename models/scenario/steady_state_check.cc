#include "models/scenario/steady_state_check.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <string>
#include <vector>

#include "models/analytic/erlang.h"
#include "models/scenario/after_service_rules.h"
#include "models/scenario/message_text.h"

namespace ccsim::models::internal {

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
  // By channel (e-mail, chat): the load of its unbounded types, the largest, and the groups they reach.
  struct ChannelLoad {
    double load = 0.0, largest = 0.0;
    std::size_t top = 0;
    std::vector<bool> reachable;
  };
  std::array<ChannelLoad, kNumChannels> by_channel;
  for (ChannelLoad& c : by_channel) c.reachable.assign(spec.agent_groups.size(), false);
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
    ChannelLoad& c = by_channel[index(t.channel)];
    c.load += erlangs;
    if (erlangs > c.largest) {
      c.largest = erlangs;
      c.top = k;
    }
    for (AgentGroupId g : t.groups) c.reachable[index(g)] = true;
  }
  if (names.empty()) return std::nullopt;
  // A group capped on a channel (max_agents_on) lends it at most its cap of agents.
  for (const Channel channel : {Channel::Email, Channel::Chat}) {
    const ChannelLoad& c = by_channel[index(channel)];
    double capped_agents = 0.0;
    bool capped = false;
    for (std::size_t g = 0; g < c.reachable.size(); ++g) {
      if (!c.reachable[g]) continue;
      const AgentGroupSpec& a = spec.agent_groups[make_id<AgentGroupId>(g)];
      const std::optional<std::uint32_t>& cap = a.max_agents_on[index(channel)];
      capped = capped || (cap && *cap < a.staffing.front());
      capped_agents += cap ? std::min<double>(*cap, a.staffing.front()) : a.staffing.front();
    }
    if (!capped || c.load <= 0.0 || c.load < capped_agents) continue;
    return Diagnostic{fmt::format("/contact_types/{}", c.top),
                      fmt::format("no steady state: the {} types with infinite patience offer {:.4g} erlangs to at "
                                  "most {} agents at once (their groups' max_agents_on.{} caps), so their queue "
                                  "grows without bound; raise the caps, or add agents to groups without one",
                                  channel_name(channel), c.load, capped_agents, channel_name(channel))};
  }
  double agents = 0.0;
  for (std::size_t g = 0; g < reachable.size(); ++g)
    if (reachable[g]) agents += spec.agent_groups[make_id<AgentGroupId>(g)].staffing.front();
  if (load < agents) return std::nullopt;
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
