// The lifecycle fingerprint: equal record sequences give equal values, and a change in
// order, time, transition, type or group gives another.
#include "models/fingerprint.h"

#include <gtest/gtest.h>

namespace ccsim::models {
namespace {

std::uint64_t of(std::initializer_list<std::tuple<double, std::uint8_t, std::uint32_t, std::uint32_t>> records) {
  Fingerprint f;
  for (const auto& [t, what, type, group] : records) f.fold(t, what, type, group);
  return f.value();
}

TEST(Fingerprint, DependsOnEveryFieldAndOnOrder) {
  const std::uint64_t base = of({{1.0, 0, 0, 1}, {2.0, 8, 1, 0}});
  EXPECT_EQ(base, of({{1.0, 0, 0, 1}, {2.0, 8, 1, 0}}));
  EXPECT_NE(base, of({{2.0, 8, 1, 0}, {1.0, 0, 0, 1}}));  // order
  EXPECT_NE(base, of({{1.0, 0, 0, 1}, {2.5, 8, 1, 0}}));  // time
  EXPECT_NE(base, of({{1.0, 0, 0, 1}, {2.0, 9, 1, 0}}));  // transition
  EXPECT_NE(base, of({{1.0, 0, 0, 1}, {2.0, 8, 2, 0}}));  // contact type
  EXPECT_NE(base, of({{1.0, 0, 0, 1}, {2.0, 8, 1, 3}}));  // agent group
  EXPECT_NE(base, of({{1.0, 0, 0, 1}}));                  // a record fewer
}

}  // namespace
}  // namespace ccsim::models
