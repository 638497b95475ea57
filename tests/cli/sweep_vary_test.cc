// tests/cli/sweep_vary_test.cc
// The --vary argument parser: values split at top-level commas only, every character kept.
#include "cli/sweep_vary.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace ccsim::cli {
namespace {

TEST(SweepVary, CommasInsideJsonValuesDoNotSplitThem) {
  const Vary v = parse_vary(R"(/agent_groups/0/staffing=[10,12],[11,13])");
  EXPECT_EQ(v.values, (std::vector<std::string>{"[10,12]", "[11,13]"}));
}

TEST(SweepVary, AnEscapedQuoteInAStringIsKeptAsWritten) {
  // The sweep edit fuzzer found the escaped character dropped and the backslash doubled:
  // "c \"d\" e" became "c \\d\\ e", another value than the one typed.
  const Vary v = parse_vary(R"(/description="a, b","c \"d\" e")");
  EXPECT_EQ(v.values, (std::vector<std::string>{R"("a, b")", R"("c \"d\" e")"}));
}

}  // namespace
}  // namespace ccsim::cli
