#include "models/scenario/channel_rules.h"

#include <fmt/format.h>

#include <array>
#include <string>
#include <utility>

#include "models/scenario/json_pointer.h"
#include "models/scenario/message_text.h"

namespace ccsim::models::internal {
namespace {

// A key an e-mail type may not have: what sets it in a spec, and why it does not apply;
// `waits` adds what the e-mail does instead.
struct EmailRefusal {
  std::string_view key;
  bool (*set)(const ContactTypeSpec&);
  std::string_view why;
  bool waits = true;
};

constexpr std::array<EmailRefusal, 9> kEmailRefusals = {{
    {"ivr", [](const ContactTypeSpec& t) { return t.ivr.has_value(); }, "an e-mail has no IVR"},
    {"patience", [](const ContactTypeSpec& t) { return t.patience.has_value(); }, "an e-mail never abandons"},
    {"patience_per_period_s", [](const ContactTypeSpec& t) { return !t.patience_per_period_s.empty(); },
     "an e-mail never abandons"},
    {"max_wait_s", [](const ContactTypeSpec& t) { return t.max_wait_s.has_value(); }, "an e-mail is never timed out"},
    {"balking", [](const ContactTypeSpec& t) { return t.balks(); }, "an e-mail never balks"},
    {"redial", [](const ContactTypeSpec& t) { return t.redial.has_value(); }, "an e-mail is never redialled"},
    {"callback", [](const ContactTypeSpec& t) { return t.callback.has_value(); }, "an e-mail is never called back"},
    {"transfers", [](const ContactTypeSpec& t) { return !t.transfers.empty(); },
     "transfers of e-mails are not modelled", false},
    {"returns", [](const ContactTypeSpec& t) { return t.returns.has_value(); },
     "returns of e-mails are not modelled", false},
}};

template <class Given>
std::vector<Diagnostic> refusals(Channel channel, Given given, const std::string& ptr) {
  std::vector<Diagnostic> out;
  if (channel != Channel::Email) return out;
  for (const EmailRefusal& r : kEmailRefusals) {
    if (!given(r)) continue;
    const std::string why =
        r.waits ? fmt::format("{}: it waits in the backlog until answered", r.why) : std::string(r.why);
    out.push_back({child_pointer(ptr, r.key), why + "; remove it"});
  }
  return out;
}

}  // namespace

std::vector<Diagnostic> channel_key_problems(Channel channel, const KeyGiven& given, const std::string& ptr) {
  return refusals(channel, [&](const EmailRefusal& r) { return given(r.key); }, ptr);
}

std::vector<Diagnostic> channel_type_problems(const ContactTypeSpec& t, const std::string& ptr) {
  std::vector<Diagnostic> out = refusals(t.channel, [&](const EmailRefusal& r) { return r.set(t); }, ptr);
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
  const auto email = [&](ContactTypeId k) {
    return index(k) < types.size() && types[k].channel == Channel::Email;
  };
  const auto refuse = [&](std::string pointer, ContactTypeId k, std::string_view what) {
    out.push_back({std::move(pointer), fmt::format("names {}, an e-mail type: {}; name a voice type",
                                                   quote(types[k].name), what)});
  };
  for (std::size_t j = 0; j < types.size(); ++j) {
    const ContactTypeSpec& t = types[make_id<ContactTypeId>(j)];
    if (t.channel == Channel::Email) continue;  // its own transfers, returns and callback are refused
    for (std::size_t i = 0; i < t.transfers.size(); ++i)
      if (email(t.transfers[i].to))
        refuse(child_pointer(child_pointer(type_pointers[j] + "/transfers", i), "to"), t.transfers[i].to,
               "transfers to e-mails are not modelled");
    if (t.returns && email(t.returns->as))
      refuse(type_pointers[j] + "/returns/as", t.returns->as, "returns as e-mails are not modelled");
    if (t.callback && email(t.callback->to))
      refuse(type_pointers[j] + "/callback/to", t.callback->to, "a callback is a call");
  }
  return out;
}

}  // namespace ccsim::models::internal
