// tests/models/scenario/after_service_rules_test.cc
// The rules that bound the work transfers and returns bring: a loop of more types than
// planning solves at once is refused at the limit and not below it, and work that never
// ends is found at the end of a chain of 100,000 types (the search back from the types
// that end chains is linear; a sweep per type that ends took 1e10 steps).
#include "models/scenario/after_service_rules.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "models/scenario/follow_up_flows.h"

namespace ccsim::models::internal {
namespace {

// n types; type k transfers to type k + 1 with probability p_next, the last to type 0
// with p_last.
IdVector<ContactTypeId, ContactTypeSpec> ring(std::size_t n, double p_next, double p_last) {
  IdVector<ContactTypeId, ContactTypeSpec> types;
  for (std::size_t k = 0; k < n; ++k) {
    ContactTypeSpec t;
    t.name = fmt::format("t{}", k);  // "t" + std::to_string(k) trips GCC 12's -Wrestrict (PR 105329)
    const double p = k + 1 < n ? p_next : p_last;
    if (p > 0.0) t.transfers.push_back({make_id<ContactTypeId>((k + 1) % n), p, sim::Distribution::constant(1)});
    types.push_back(std::move(t));
  }
  return types;
}

std::vector<std::string> pointers(std::size_t n) {
  std::vector<std::string> out;
  for (std::size_t k = 0; k < n; ++k) out.push_back("/contact_types/" + std::to_string(k));
  return out;
}

TEST(AfterServiceRules, ALoopOfMoreTypesThanPlanningSolvesAtOnceIsRefusedAtItsFirstType) {
  EXPECT_FALSE(follow_up_loop_problem(ring(kMaxLoopTypes, 0.5, 0.5), pointers(kMaxLoopTypes)));
  const std::size_t n = kMaxLoopTypes + 1;
  const auto d = follow_up_loop_problem(ring(n, 0.5, 0.5), pointers(n));
  ASSERT_TRUE(d);
  EXPECT_EQ(d->pointer, "/contact_types/0/transfers");
  EXPECT_EQ(d->message, "\"t0\" is one of 257 contact types whose transfers and returns lead to one another; accepted: "
                        "at most 256 in one such loop (the planning solves a loop's traffic equations together, in "
                        "time growing as the cube of its size)");
  // A chain of as many types is no loop: each passes its calls on once.
  EXPECT_FALSE(follow_up_loop_problem(ring(n, 0.5, 0.0), pointers(n)));
}

TEST(AfterServiceRules, WorkThatNeverEndsIsFoundAlongAChainOfAHundredThousandTypes) {
  const std::size_t n = 100000;
  // Every type transfers all its calls on; only the last ends them.
  EXPECT_FALSE(follow_up_loop_problem(ring(n, 1.0, 0.0), pointers(n)));
  // The last one's calls go back to the first: no chain ends, and the first type is named.
  const auto d = follow_up_loop_problem(ring(2, 1.0, 1.0), pointers(2));
  ASSERT_TRUE(d);
  EXPECT_EQ(d->pointer, "/contact_types/0/transfers");
  EXPECT_NE(d->message.find("the work never ends"), std::string::npos) << d->message;
}

}  // namespace
}  // namespace ccsim::models::internal
