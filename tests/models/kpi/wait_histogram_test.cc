// The wait histogram behind the wait quantiles: its bins tile [0, +inf) without gaps or
// overlaps, each at most 1/16 of its waits wide, and its quantiles agree with the exact
// order statistics of a sample within the width of the bin they fall in.
#include "models/kpi/wait_histogram.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <random>
#include <vector>

namespace ccsim::models {
namespace {

using H = WaitHistogram;

TEST(WaitHistogram, BinsTileTheWaitsAndEachIsAtMostASixteenthOfItsWaitsWide) {
  EXPECT_EQ(H::kBins, 274u);
  EXPECT_EQ(H::bin_of(0.0), 0u);
  EXPECT_EQ(H::bin_of(1e-300), 1u);
  for (std::size_t i = 1; i < H::kBins; ++i) {
    const double lo = H::lower(i);
    if (i > 1) {  // bin 1 is (0, 1/16): 0 itself is bin 0
      EXPECT_EQ(H::bin_of(lo), i) << lo;
    }
    if (i + 1 < H::kBins) {
      const double hi = H::lower(i + 1);
      EXPECT_LT(lo, hi);
      EXPECT_EQ(H::bin_of(std::nextafter(hi, 0.0)), i) << hi;
      if (lo >= 2.0) {
        EXPECT_LE(hi - lo, lo / 16) << lo;
      }
    }
  }
  EXPECT_EQ(H::lower(H::kBins - 1), 65536.0);
  EXPECT_EQ(H::bin_of(1e12), H::kBins - 1);
  EXPECT_EQ(H::bin_of(1.99999), 32u);
  EXPECT_EQ(H::bin_of(2.0), 33u);
}

std::array<double, 3> quantiles(const H& h) {
  std::array<double, 3> out{};
  h.quantiles(std::array{0.5, 0.9, 0.95}, out);
  return out;
}

TEST(WaitHistogram, QuantilesOfAFewWaitsByHand) {
  H h;
  EXPECT_TRUE(std::isnan(quantiles(h)[0]));
  // Two waits, 0 and 90 s: rank 1 of 2 is the call answered at once; 90 s is in the bin
  // [88, 92) s, closed at 90 s by the longest wait, so rank 1.8 reads 88 + 0.8 x 2.
  h.add(0.0);
  h.add(90.0);
  EXPECT_EQ(h.count(), 2u);
  EXPECT_EQ(h.max_s(), 90.0);
  const auto q = quantiles(h);
  EXPECT_EQ(q[0], 0.0);
  EXPECT_DOUBLE_EQ(q[1], 89.6);
  EXPECT_DOUBLE_EQ(q[2], 89.8);
  // Ten waits evenly spread in [100, 100.9]: all in the bin [100, 104), closed at 100.9.
  H g;
  for (int i = 0; i < 10; ++i) g.add(100.0 + 0.1 * i);
  const auto r = quantiles(g);
  EXPECT_DOUBLE_EQ(r[0], 100.0 + 0.5 * 0.9);
  EXPECT_DOUBLE_EQ(r[1], 100.0 + 0.9 * 0.9);
  // A wait past the last edge: the open bin ends at the longest wait.
  H far;
  far.add(100000.0);
  EXPECT_DOUBLE_EQ(quantiles(far)[0], 65536.0 + 0.5 * (100000.0 - 65536.0));
}

TEST(WaitHistogram, MergingIsAddingTheWaitsToOne) {
  H a, b, both;
  for (double w : {0.0, 3.5, 17.0}) {
    a.add(w);
    both.add(w);
  }
  for (double w : {0.25, 400.0}) {
    b.add(w);
    both.add(w);
  }
  a += b;
  EXPECT_EQ(a, both);
}

// Waits like a queue's: a third answered at once, the rest exponential with mean 40 s.
// Each estimate lies in the bin of the exact order statistic or next to it, and within a
// bin's width of it.
TEST(WaitHistogram, QuantilesMatchTheExactOrderStatisticsWithinABinWidth) {
  std::mt19937_64 rng(7);
  std::exponential_distribution<double> exp(1.0 / 40.0);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  for (int n : {10, 1000, 100000}) {
    H h;
    std::vector<double> w;
    for (int i = 0; i < n; ++i) {
      const double x = u(rng) < 1.0 / 3 ? 0.0 : exp(rng);
      h.add(x);
      w.push_back(x);
    }
    std::ranges::sort(w);
    const std::array qs{0.25, 0.5, 0.9, 0.95, 0.99, 1.0};
    std::array<double, qs.size()> est{};
    h.quantiles(qs, est);
    for (std::size_t i = 0; i < qs.size(); ++i) {
      const double exact = w[static_cast<std::size_t>(std::ceil(qs[i] * n)) - 1];
      const std::size_t bin = H::bin_of(exact);
      const double width = bin == 0 ? 0.0 : H::lower(bin + 1) - H::lower(bin);
      EXPECT_NEAR(est[i], exact, width) << "n=" << n << " q=" << qs[i];
    }
    EXPECT_DOUBLE_EQ(est.back(), w.back()) << "the 100th percentile is the longest wait";
  }
}

}  // namespace
}  // namespace ccsim::models
