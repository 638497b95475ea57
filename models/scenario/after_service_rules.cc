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

// Per type, the types a call leads to after its service, with the probability that it
// does: each transfer, and the return of a call not transferred.
std::vector<std::vector<FollowUpFlows::Link>> follow_up_links(const IdVector<ContactTypeId, ContactTypeSpec>& types) {
  std::vector<std::vector<FollowUpFlows::Link>> links(types.size());
  for (std::size_t k = 0; k < types.size(); ++k) {
    const ContactTypeSpec& t = types[make_id<ContactTypeId>(k)];
    const FollowUpOdds odds = follow_up_odds(t);
    for (std::size_t i = 0; i < t.transfers.size(); ++i) links[k].push_back({index(t.transfers[i].to), odds.transfer[i]});
    if (t.returns) links[k].push_back({index(t.returns->as), odds.returns});
  }
  return links;
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

std::optional<Diagnostic> follow_up_loop_problem(const IdVector<ContactTypeId, ContactTypeSpec>& types,
                                                 const std::vector<std::string>& type_pointers) {
  const std::size_t n = types.size();
  const std::vector<std::vector<FollowUpFlows::Link>> links = follow_up_links(types);
  const auto where = [&](std::size_t k) {
    const bool transfers = std::ranges::any_of(types[make_id<ContactTypeId>(k)].transfers,
                                               [](const TransferSpec& x) { return x.p > 0.0; });
    return type_pointers[k] + (transfers ? "/transfers" : "/returns");
  };
  if (const std::vector<std::size_t> loop = largest_loop(links); loop.size() > kMaxLoopTypes)
    return Diagnostic{where(loop.front()),
                      fmt::format("{} is one of {} contact types whose transfers and returns lead to one another; "
                                  "accepted: at most {} in one such loop (the planning solves a loop's traffic "
                                  "equations together, in time growing as the cube of its size)",
                                  quote(types[make_id<ContactTypeId>(loop.front())].name), loop.size(),
                                  kMaxLoopTypes)};
  // A call of type k goes on (transfer, else return) with probability go[k]; a type with
  // go < 1 ends chains. The types that lead to one are safe; the others loop for ever.
  // Searched back from the ends along the links: linear in types and links.
  std::vector<std::vector<std::size_t>> led_from(n);
  std::vector<std::size_t> safe;
  std::vector<bool> ends(n, false);
  for (std::size_t k = 0; k < n; ++k) {
    double go = 0.0;
    for (const FollowUpFlows::Link& l : links[k]) {
      go += l.p;
      if (l.p > 0.0 && l.to < n) led_from[l.to].push_back(k);
    }
    if (go < 1.0 - kSumSlack) {
      ends[k] = true;
      safe.push_back(k);
    }
  }
  while (!safe.empty()) {
    const std::size_t j = safe.back();
    safe.pop_back();
    for (const std::size_t k : led_from[j])
      if (!ends[k]) {
        ends[k] = true;
        safe.push_back(k);
      }
  }
  for (std::size_t k = 0; k < n; ++k) {
    if (ends[k]) continue;
    return Diagnostic{where(k), fmt::format("every call of {} is transferred or returns, and so is every call it leads "
                                            "to: the work never ends; give some type on the way a transfer and "
                                            "return probability below 1",
                                            quote(types[make_id<ContactTypeId>(k)].name))};
  }
  return std::nullopt;
}

std::vector<double> offered_with_follow_ups(const IdVector<ContactTypeId, ContactTypeSpec>& types,
                                            const std::vector<double>& fresh) {
  return FollowUpFlows(follow_up_links(types)).solve(fresh);
}

}  // namespace ccsim::models::internal
