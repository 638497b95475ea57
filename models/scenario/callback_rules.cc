#include "models/scenario/callback_rules.h"

#include <algorithm>

#include <fmt/format.h>

#include "models/scenario/json_pointer.h"
#include "models/scenario/message_text.h"

namespace ccsim::models::internal {

std::vector<Diagnostic> balk_step_problems(const std::vector<ContactTypeSpec::BalkStep>& steps,
                                           const std::string& ptr) {
  std::vector<Diagnostic> out;
  for (std::size_t i = 1; i < steps.size(); ++i)
    if (!(steps[i].above_s > steps[i - 1].above_s))
      out.push_back({child_pointer(child_pointer(ptr, i), "above_s"),
                     fmt::format("must be above the step before's ({:.6g}): steps go in increasing above_s; got {:.6g}",
                                 steps[i - 1].above_s, steps[i].above_s)});
  return out;
}

bool is_callback_type(const IdVector<ContactTypeId, ContactTypeSpec>& types, ContactTypeId k) {
  return std::ranges::any_of(types, [&](const ContactTypeSpec& t) { return t.callback && t.callback->to == k; });
}

std::vector<Diagnostic> callback_problems(const IdVector<ContactTypeId, ContactTypeSpec>& types,
                                          const std::vector<std::string>& type_pointers) {
  std::vector<Diagnostic> out;
  std::vector<std::string> served_for(types.size());  // per callback type: the first type it serves
  for (std::size_t k = 0; k < types.size(); ++k) {
    const ContactTypeSpec& t = types[make_id<ContactTypeId>(k)];
    if (!t.callback) continue;
    const CallbackSpec& cb = *t.callback;
    const std::string ptr = type_pointers[k] + "/callback";
    if (index(cb.to) >= types.size()) continue;  // reported where the name is resolved
    if (index(cb.to) == k) {
      out.push_back({ptr + "/to", "names the type itself; a callback is served as a contact type of its own (declare "
                                  "one, e.g. " + quote(t.name + "_callback") + ", with its talk and its groups)"});
      continue;
    }
    if (served_for[index(cb.to)].empty()) served_for[index(cb.to)] = t.name;
    if (cb.max_attempts > 1 && !cb.retry_delay)
      out.push_back({ptr, fmt::format("up to {} dials are made: add \"retry_delay\", the time from a dial that "
                                      "failed (no answer, or no trunk line free) to the next (a distribution object "
                                      "such as {})",
                                      cb.max_attempts, R"({"dist": "constant", "value_s": 900})")});
    if (cb.max_attempts == 1 && cb.retry_delay)
      out.push_back({ptr + "/retry_delay", "is never used: one dial is made (max_attempts 1); remove it, or set "
                                           "max_attempts above 1"});
  }
  for (std::size_t k = 0; k < types.size(); ++k) {
    const ContactTypeSpec& t = types[make_id<ContactTypeId>(k)];
    const ContactTypeId self = make_id<ContactTypeId>(k);
    if (served_for[k].empty()) continue;
    const std::string& ptr = type_pointers[k];
    const std::string why =
        fmt::format("it serves the callbacks of {}, customers waiting off the line", quote(served_for[k]));
    const auto refuse = [&](const std::string& key, bool present, std::string_view what) {
      if (present) out.push_back({ptr + "/" + key, fmt::format("{}: {}; remove it", why, what)});
    };
    refuse("arrivals", t.arrivals.arrives(), "it takes no calls of its own (omit \"arrivals\")");
    refuse("ivr", t.ivr.has_value(), "they do not pass the IVR");
    refuse("patience", t.patience.has_value(), "they do not abandon");
    refuse("max_wait_s", t.max_wait_s.has_value(), "they have no maximum wait");
    refuse("balking", t.balks(), "they do not balk");
    refuse("redial", t.redial.has_value(), "a dial that fails is retried by the callback's own max_attempts");
    refuse("callback", t.callback.has_value(), "they are not offered another callback");
    // A transferred or returning customer could be offered a callback to this type again,
    // without end; a callback's customer is served here and leaves.
    refuse("transfers", !t.transfers.empty(), "a customer called back is not transferred");
    refuse("returns", t.returns.has_value(), "a customer called back does not return");
    for (std::size_t j = 0; j < types.size(); ++j) {
      if (j == k) continue;
      const ContactTypeSpec& other = types[make_id<ContactTypeId>(j)];
      for (std::size_t i = 0; i < other.transfers.size(); ++i)
        if (other.transfers[i].to == self)
          out.push_back({type_pointers[j] + "/transfers/" + std::to_string(i) + "/to",
                         fmt::format("names {}, which serves callbacks: a transferred caller is on the line, a "
                                     "callback is not; transfer to another type",
                                     quote(t.name))});
      if (other.returns && other.returns->as == self)
        out.push_back({type_pointers[j] + "/returns/as",
                       fmt::format("names {}, which serves callbacks: a return is a new call; name another type",
                                   quote(t.name))});
    }
  }
  return out;
}

}  // namespace ccsim::models::internal
