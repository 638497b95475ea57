#include "models/scenario/channel_rules.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <string>
#include <utility>

#include "models/scenario/json_pointer.h"
#include "models/scenario/message_text.h"
#include "models/scenario/workforce_rules.h"

namespace ccsim::models::internal {
namespace {

// A key a type of some channel may not have: what sets it in a spec, and why it does not
// apply to an e-mail, a chat or an outbound call (empty: it does); `waits` adds what an
// e-mail does instead.
struct Refusal {
  std::string_view key;
  bool (*set)(const ContactTypeSpec&);
  std::string_view email;
  std::string_view chat;
  std::string_view outbound;
  bool waits = true;
};

constexpr std::array<Refusal, 10> kRefusals = {{
    {"arrivals", [](const ContactTypeSpec& t) { return t.arrivals.arrives(); }, "", "",
     "its dialer calls its customers: nothing arrives"},
    {"ivr", [](const ContactTypeSpec& t) { return t.ivr.has_value(); }, "an e-mail has no IVR", "a chat has no IVR",
     "a customer called does not pass the IVR"},
    {"patience", [](const ContactTypeSpec& t) { return t.patience.has_value(); }, "an e-mail never abandons", "", ""},
    {"patience_per_period_s", [](const ContactTypeSpec& t) { return !t.patience_per_period_s.empty(); },
     "an e-mail never abandons", "", ""},
    {"max_wait_s", [](const ContactTypeSpec& t) { return t.max_wait_s.has_value(); }, "an e-mail is never timed out",
     "", "a customer called has no maximum wait: its patience ends its wait"},
    {"balking", [](const ContactTypeSpec& t) { return t.balks(); }, "an e-mail never balks", "",
     "a customer called does not balk: its patience decides whether it waits"},
    {"redial", [](const ContactTypeSpec& t) { return t.redial.has_value(); }, "an e-mail is never redialled", "",
     "the dialer calls each customer once: calling again is not modelled"},
    {"callback", [](const ContactTypeSpec& t) { return t.callback.has_value(); }, "an e-mail is never called back",
     "a chat is never called back", "a customer called is not offered a callback"},
    {"transfers", [](const ContactTypeSpec& t) { return !t.transfers.empty(); },
     "transfers of e-mails are not modelled", "transfers of chats are not modelled",
     "transfers of outbound calls are not modelled", false},
    {"returns", [](const ContactTypeSpec& t) { return t.returns.has_value(); },
     "returns of e-mails are not modelled", "returns of chats are not modelled",
     "returns of outbound calls are not modelled", false},
}};

template <class Given>
std::vector<Diagnostic> refusals(Channel channel, Given given, const std::string& ptr) {
  std::vector<Diagnostic> out;
  if (channel == Channel::Voice) return out;
  for (const Refusal& r : kRefusals) {
    std::string_view why;  // empty for a value no channel has: its own error says enough
    switch (channel) {
      case Channel::Voice: break;
      case Channel::Email: why = r.email; break;
      case Channel::Chat: why = r.chat; break;
      case Channel::Outbound: why = r.outbound; break;
    }
    if (why.empty() || !given(r)) continue;
    const std::string text = channel == Channel::Email && r.waits
                                 ? fmt::format("{}: it waits in the backlog until answered", why)
                                 : std::string(why);
    out.push_back({child_pointer(ptr, r.key), text + "; remove it"});
  }
  return out;
}

std::string_view type_noun(Channel c) {
  switch (c) {
    case Channel::Voice: return "a voice type";
    case Channel::Email: return "an e-mail type";
    case Channel::Chat: return "a chat type";
    case Channel::Outbound: return "an outbound type";
  }
  return {};
}

std::string_view contacts_noun(Channel c) {
  switch (c) {
    case Channel::Voice: return "calls";
    case Channel::Email: return "e-mails";
    case Channel::Chat: return "chats";
    case Channel::Outbound: return "outbound calls";
  }
  return {};
}

}  // namespace

std::vector<Diagnostic> channel_key_problems(Channel channel, const KeyGiven& given, const std::string& ptr) {
  return refusals(channel, [&](const Refusal& r) { return given(r.key); }, ptr);
}

std::vector<Diagnostic> channel_type_problems(const ContactTypeSpec& t, const std::string& ptr) {
  std::vector<Diagnostic> out = refusals(t.channel, [&](const Refusal& r) { return r.set(t); }, ptr);
  if (t.channel != Channel::Email) return out;
  if (!t.service_level)
    out.push_back({ptr + "/service_level", "must be set for an e-mail type: its awt_s is the due time, the seconds "
                                           "(> 0) within which an item must be answered"});
  else if (t.service_level->awt_s == 0.0)  // below 0 or not finite: the range every threshold has reports it
    out.push_back({ptr + "/service_level/awt_s", "must be > 0 for an e-mail type: it is the due time, the seconds "
                                                 "within which an item must be answered; got 0"});
  return out;
}

std::vector<Diagnostic> channel_target_problems(const IdVector<ContactTypeId, ContactTypeSpec>& types,
                                                const std::vector<std::string>& type_pointers) {
  std::vector<Diagnostic> out;
  const auto voice = [&](ContactTypeId k) { return index(k) >= types.size() || types[k].channel == Channel::Voice; };
  const auto refuse = [&](std::string pointer, ContactTypeId k, std::string_view what) {
    out.push_back({std::move(pointer), fmt::format("names {}, {}: {}; name a voice type", quote(types[k].name),
                                                   type_noun(types[k].channel), what)});
  };
  for (std::size_t j = 0; j < types.size(); ++j) {
    const ContactTypeSpec& t = types[make_id<ContactTypeId>(j)];
    if (t.channel != Channel::Voice) continue;  // its own transfers, returns and callback are refused
    for (std::size_t i = 0; i < t.transfers.size(); ++i)
      if (!voice(t.transfers[i].to))
        refuse(child_pointer(child_pointer(type_pointers[j] + "/transfers", i), "to"), t.transfers[i].to,
               fmt::format("transfers to {} are not modelled", contacts_noun(types[t.transfers[i].to].channel)));
    if (t.returns && !voice(t.returns->as))
      refuse(type_pointers[j] + "/returns/as", t.returns->as,
             types[t.returns->as].channel == Channel::Outbound
                 ? "a customer who returns calls in; the dialer calls out"
                 : fmt::format("returns as {} are not modelled", contacts_noun(types[t.returns->as].channel)));
    if (t.callback && !voice(t.callback->to))
      refuse(type_pointers[j] + "/callback/to", t.callback->to,
             types[t.callback->to].channel == Channel::Outbound
                 ? "a callback is dialled by the agent who takes it, not by a dialer"
                 : "a callback is a call");
  }
  return out;
}

std::vector<Diagnostic> dialer_problems(Channel channel, bool dialer_given, const std::string& ptr) {
  std::vector<Diagnostic> out;
  if (channel == Channel::Outbound && !dialer_given)
    out.push_back({ptr, R"(missing required key "dialer" of an outbound type: an object {"threshold": n, "ratio": )"
                        R"(r, "dial": <distribution>, "p_reach": p}; its dialer places the type's calls)"});
  else if (channel != Channel::Outbound && dialer_given)
    out.push_back({ptr + "/dialer", fmt::format(R"(is only for an outbound type ("channel": "outbound"): nobody dials )"
                                                "{}; remove it",
                                                contacts_noun(channel))});
  return out;
}

std::optional<Diagnostic> dial_law_problem(const sim::Distribution& dial, const std::string& ptr) {
  if (dial.mean() > 0.0) return std::nullopt;
  return Diagnostic{ptr, R"(has mean 0: every dial would end the instant it started, and a dialer that reaches )"
                         R"(nobody would dial again without end; give the ringing time, e.g. {"dist": "uniform", )"
                         R"("min_s": 10, "max_s": 25})"};
}

std::string outbound_delay_problem(std::string_view name) {
  return fmt::format("contact type {} is outbound: its dialer dials for the idle agents of its groups, and a customer "
                     "reached must be offered to them at once (a delay would leave it to hang up first); give every "
                     "group a delay of 0",
                     quote(name));
}

std::vector<Diagnostic> outbound_problems(const ScenarioSpec& spec, const std::vector<std::string>& type_pointers,
                                          const std::string& steady_calls_pointer, bool routes_known) {
  std::vector<Diagnostic> out;
  const auto& types = spec.contact_types;
  const auto outbound = [](const ContactTypeSpec& t) { return t.channel == Channel::Outbound; };
  if (spec.mode == RunMode::SteadyState && spec.steady.calls > 0 && std::ranges::all_of(types, outbound))
    out.push_back({steady_calls_pointer, "counts arriving contacts, and every contact type is outbound (nothing "
                                         "arrives): the run would never end; give \"duration_s\" instead"});
  if (!routes_known) return out;
  // Two dialers counting the same idle agents would each dial for them.
  std::vector<std::size_t> dialer_of(spec.agent_groups.size(), types.size());
  for (std::size_t k = 0; k < types.size(); ++k) {
    const ContactTypeSpec& t = types[make_id<ContactTypeId>(k)];
    if (!outbound(t)) continue;
    for (const AgentGroupId g : t.groups) {
      if (index(g) >= dialer_of.size()) continue;
      std::size_t& first = dialer_of[index(g)];
      if (first == types.size()) {
        first = k;
      } else if (first != k) {
        out.push_back({type_pointers[k], fmt::format("outbound types {} and {} both route to agent group {}: each "
                                                     "dialer would dial for the same idle agents; give each outbound "
                                                     "type its own groups (or make them one type)",
                                                     quote(types[make_id<ContactTypeId>(first)].name), quote(t.name),
                                                     quote(spec.agent_groups[g].name))});
        break;
      }
    }
  }
  return out;
}

std::vector<Diagnostic> chat_factor_problems(std::uint32_t sessions, const std::vector<double>& factors,
                                             const std::string& ptr) {
  std::vector<Diagnostic> out;
  if (factors.empty()) return out;
  if (factors.size() != sessions) {
    out.push_back({ptr, fmt::format("expected {} factors, one per number of sessions held (1 to {}); got {}",
                                    sessions, sessions, factors.size())});
    return out;
  }
  for (std::size_t n = 0; n < factors.size(); ++n) {
    const double f = factors[n];
    const std::string at = child_pointer(ptr, n);
    if (!std::isfinite(f)) {
      out.push_back({at, fmt::format("must be a finite number >= 1; got {}", f)});
    } else if (n == 0 && f != 1.0) {
      out.push_back({at, fmt::format("must be 1: a lone session takes the handle time drawn for it (a group slower "
                                     "at every contact of a type has a handle-time multiplier); got {}",
                                     f)});
    } else if (n > 0 && std::isfinite(factors[n - 1]) && f < factors[n - 1]) {
      out.push_back({at, fmt::format("must be >= the factor before it ({}): a session never gets quicker for having "
                                     "more company; got {}",
                                     factors[n - 1], f)});
    }
  }
  return out;
}

std::vector<Diagnostic> chat_group_problems(const ScenarioSpec& spec, const std::vector<std::string>& group_pointers,
                                            const std::vector<bool>& chat) {
  std::vector<Diagnostic> out;
  for (std::size_t g = 0; g < spec.agent_groups.size(); ++g) {
    const AgentGroupSpec& a = spec.agent_groups[make_id<AgentGroupId>(g)];
    if (!chat[g]) continue;
    const bool serves_chat = std::ranges::any_of(spec.contact_types, [&](const ContactTypeSpec& t) {
      return t.channel == Channel::Chat && std::ranges::find(t.groups, make_id<AgentGroupId>(g)) != t.groups.end();
    });
    if (!serves_chat)
      out.push_back({group_pointers[g] + "/chat",
                     fmt::format("agent group {} serves no chat type, so its chat sessions would never be used; "
                                 "route a chat type (\"channel\": \"chat\") to it or remove \"chat\"",
                                 quote(a.name))});
    else if (a.reserved_agents > 0 && a.chat_sessions > 1)
      out.push_back({group_pointers[g] + "/chat",
                     fmt::format("agent group {} keeps idle agents back (router.reservations) and holds several "
                                 "chats per agent: a chat may take an idle agent while others hold sessions, which "
                                 "reservations do not model yet; remove the reservation or give the group 1 session",
                                 quote(a.name))});
  }
  return out;
}

std::vector<Diagnostic> interruptible_problems(const IdVector<ContactTypeId, ContactTypeSpec>& types,
                                               const std::vector<std::string>& type_pointers, bool routes_known) {
  std::vector<Diagnostic> out;
  for (std::size_t k = 0; k < types.size(); ++k) {
    const ContactTypeSpec& t = types[make_id<ContactTypeId>(k)];
    if (!t.interruptible) continue;
    const std::string ptr = type_pointers[k] + "/interruptible";
    if (t.channel != Channel::Email) {
      out.push_back({ptr, fmt::format(R"(is only for an e-mail type ("channel": "email"): a {} is never put aside )"
                                      "for a call; remove it",
                                      t.channel == Channel::Chat ? "chat" : "call")});
      continue;
    }
    // A callback's dial is made by the agent who takes it: it never interrupts anyone.
    std::vector<bool> dials(types.size(), false);
    for (const ContactTypeSpec& v : types)
      if (v.callback && index(v.callback->to) < types.size()) dials[index(v.callback->to)] = true;
    const auto serves_it = [&](AgentGroupId g) { return std::ranges::find(t.groups, g) != t.groups.end(); };
    bool shared_with_calls = false;
    for (std::size_t j = 0; j < types.size(); ++j) {
      const ContactTypeSpec& v = types[make_id<ContactTypeId>(j)];
      shared_with_calls = shared_with_calls || (v.channel == Channel::Voice && !dials[j] &&
                                                std::ranges::any_of(v.groups, serves_it));
    }
    if (routes_known && !shared_with_calls)
      out.push_back({ptr, fmt::format("no call can interrupt {}: none of the agent groups that serve it serves a voice "
                                      "type (other than one that serves callbacks, whose dials interrupt nobody); "
                                      "route a voice type to one of them or remove \"interruptible\"",
                                      quote(t.name))});
  }
  return out;
}

std::vector<Diagnostic> channel_cap_problems(const ScenarioSpec& spec, const std::vector<std::string>& group_pointers,
                                             bool routes_known) {
  std::vector<Diagnostic> out;
  for (std::size_t g = 0; g < spec.agent_groups.size(); ++g) {
    const AgentGroupSpec& a = spec.agent_groups[make_id<AgentGroupId>(g)];
    for (std::size_t c = 0; c < kNumChannels; ++c) {
      const std::optional<std::uint32_t>& cap = a.max_agents_on[c];
      if (!cap) continue;
      const auto channel = static_cast<Channel>(c);
      const std::string ptr = fmt::format("{}/max_agents_on/{}", group_pointers[g], channel_name(channel));
      if (channel == Channel::Voice) {
        out.push_back({ptr, "calls are not capped: an idle agent of a group that serves calls always takes one; cap "
                            "\"email\" or \"chat\", or keep agents free for calls with router.reservations "
                            "{\"channel\": \"voice\", \"agents\": n}"});
        continue;
      }
      if (channel == Channel::Outbound) {
        out.push_back({ptr, "outbound calls are not capped: the dialer dials only for the idle agents beyond its "
                            "\"threshold\", which keeps that many for inbound; raise the threshold instead"});
        continue;
      }
      if (*cap < 1) {
        out.push_back({ptr, fmt::format("must be an integer >= 1; got 0 (a group that never works on {0} should not "
                                        "serve it: take it out of the {0} types' groups instead)",
                                        channel_name(channel))});
        continue;
      }
      const bool serves = std::ranges::any_of(spec.contact_types, [&](const ContactTypeSpec& t) {
        return t.channel == channel && std::ranges::find(t.groups, make_id<AgentGroupId>(g)) != t.groups.end();
      });
      if (routes_known && !serves) {
        out.push_back({ptr, fmt::format("agent group {} serves no {} type, so the cap would never apply; route one "
                                        "to it or remove the cap",
                                        quote(a.name), channel_name(channel))});
        continue;
      }
      // Kept for the channel it is at its cap on, an idle agent would take nothing (a cap
      // the group's agents never reach leaves none idle at it).
      const bool kept_for_it =
          a.reserved_agents > 0 && *cap < peak_scheduled_agents(a, spec.period_s) &&
          (a.reserved_for_channel ? *a.reserved_for_channel == channel
                                  : index(a.reserved_for) < spec.contact_types.size() &&
                                        spec.contact_types[a.reserved_for].channel == channel);
      if (kept_for_it)
        out.push_back({ptr, fmt::format("agent group {} also keeps idle agents for {} (router.reservations): at its "
                                        "cap they could take nothing while other contacts wait; keep agents for "
                                        "another channel, or drop the cap or the reservation",
                                        quote(a.name), channel_name(channel))});
    }
  }
  return out;
}

}  // namespace ccsim::models::internal
