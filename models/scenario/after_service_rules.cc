#include "models/scenario/after_service_rules.h"

#include <algorithm>
#include <cstddef>
#include <set>
#include <utility>

#include <fmt/format.h>

#include "models/scenario/follow_up_flows.h"
#include "models/scenario/json_pointer.h"
#include "models/scenario/message_text.h"

namespace ccsim::models::internal {
namespace {

// Probabilities that add up to 1 in decimal may sum to a hair above it in binary.
constexpr double kSumSlack = 1e-9;

// f(j, p) for each type j a call of type t leads to after its service, with the
// probability p that it does: each transfer, and the return of a call not transferred.
template <class F>
void for_each_follow_up(const ContactTypeSpec& t, F&& f) {
  const FollowUpOdds odds = follow_up_odds(t);
  for (std::size_t i = 0; i < t.transfers.size(); ++i) f(index(t.transfers[i].to), odds.transfer[i]);
  if (t.returns) f(index(t.returns->as), odds.returns);
}

}  // namespace

FollowUpOdds follow_up_odds(const ContactTypeSpec& t) {
  FollowUpOdds odds;
  double transferred = 0.0;
  for (const TransferSpec& x : t.transfers) {
    const double p = std::min(x.p, std::max(0.0, 1.0 - transferred));  // what the running sum leaves below 1
    odds.transfer.push_back(p);
    transferred += p;
  }
  if (t.returns) odds.returns = std::max(0.0, 1.0 - transferred) * t.returns->p;
  return odds;
}

std::vector<Diagnostic> transfer_problems(const std::vector<TransferSpec>& transfers, ContactTypeId self,
                                          const std::string& ptr) {
  std::vector<Diagnostic> out;
  std::set<ContactTypeId> seen;
  double sum = 0.0;
  for (std::size_t i = 0; i < transfers.size(); ++i) {
    const TransferSpec& x = transfers[i];
    const std::string to = child_pointer(child_pointer(ptr, i), "to");
    if (x.to == self)
      out.push_back({to, "names the type itself; a transfer goes to another contact type (a caller who calls the same "
                         "type again is a redial or a return)"});
    else if (!seen.insert(x.to).second)
      out.push_back({to, "names a type already listed; give each target once, with the probability of the two"});
    sum += x.p;
  }
  if (sum > 1.0 + kSumSlack)
    out.push_back({ptr, fmt::format("the transfer probabilities add up to {:.6g}; they must add up to at most 1 (the "
                                    "rest of the calls end with their talk)",
                                    sum)});
  return out;
}

std::optional<Diagnostic> endless_work_problem(const IdVector<ContactTypeId, ContactTypeSpec>& types,
                                               const std::vector<std::string>& type_pointers) {
  const std::size_t n = types.size();
  // A call of type k goes on (transfer, else return) with probability go[k]; a type with
  // go < 1 ends chains. The types that can reach one are safe; the others loop forever.
  std::vector<double> go(n, 0.0);
  for (std::size_t k = 0; k < n; ++k)
    for_each_follow_up(types[make_id<ContactTypeId>(k)], [&](std::size_t, double p) { go[k] += p; });
  std::vector<bool> ends(n, false);
  for (std::size_t k = 0; k < n; ++k) ends[k] = go[k] < 1.0 - kSumSlack;
  for (bool changed = true; changed;) {
    changed = false;
    for (std::size_t k = 0; k < n; ++k) {
      if (ends[k]) continue;
      bool reaches = false;
      for_each_follow_up(types[make_id<ContactTypeId>(k)], [&](std::size_t j, double p) {
        reaches = reaches || (p > 0.0 && j < n && ends[j]);
      });
      if (reaches) ends[k] = changed = true;
    }
  }
  for (std::size_t k = 0; k < n; ++k) {
    if (ends[k]) continue;
    const ContactTypeSpec& t = types[make_id<ContactTypeId>(k)];
    double transferred = 0.0;
    for (const TransferSpec& x : t.transfers) transferred += x.p;
    const std::string where = type_pointers[k] + (transferred > 0.0 ? "/transfers" : "/returns");
    return Diagnostic{where, fmt::format("every call of {} is transferred or returns, and so is every call it leads "
                                         "to: the work never ends; give some type on the way a transfer and return "
                                         "probability below 1",
                                         quote(t.name))};
  }
  return std::nullopt;
}

std::vector<double> offered_with_follow_ups(const IdVector<ContactTypeId, ContactTypeSpec>& types,
                                            const std::vector<double>& fresh) {
  std::vector<std::vector<FollowUpFlows::Link>> links(types.size());
  for (std::size_t k = 0; k < types.size(); ++k)
    for_each_follow_up(types[make_id<ContactTypeId>(k)], [&](std::size_t j, double p) { links[k].push_back({j, p}); });
  return FollowUpFlows(std::move(links)).solve(fresh);
}

}  // namespace ccsim::models::internal
