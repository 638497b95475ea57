// models/kpi/wait_histogram.h
// The distribution of the waits of one slot's answered calls, for the wait quantiles
// (docs/kpis.md#wait-quantiles). Bins are log-linear: exactly zero (the calls answered at
// once), sixteenths of a second below 2 s, then sixteen bins per doubling up to 2^16 s
// (18.2 h), so from 2 s up a bin is at most 1/16 of the waits it holds wide; longer waits share a last
// bin that ends at the longest wait. Quantiles interpolate linearly inside their bin.
//
// Written here rather than with Boost.Histogram: this layout is indexed from a double's
// exponent and top mantissa bits in a few instructions on the answer path (a log axis
// calls log() per fill), its counts live inline in the trivially copyable per-slot
// counters (Boost's storage is a heap vector per histogram), and Boost has no quantile.
#pragma once

#include <algorithm>
#include <array>
#include <bit>
#include <cassert>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>

namespace ccsim::models {

class WaitHistogram {
 public:
  static constexpr std::size_t kSubBins = 16;    // bins per doubling, and per second below 2 s: 16 ⇒ 1/16 s
  static constexpr int kTopExponent = 16;        // 2^16 s: where the last, open-ended bin starts
  static constexpr std::size_t kLinearBins = 2 * kSubBins;  // (0, 2) s
  static constexpr std::size_t kBins = 1 + kLinearBins + (kTopExponent - 1) * kSubBins + 1;
  static constexpr double kTopS = static_cast<double>(1u << kTopExponent);

  // wait_s >= 0 (the model never produces a negative or non-finite wait). Most calls are
  // answered at once: they touch one count and leave the maximum alone.
  void add(double wait_s) {
    assert(wait_s >= 0.0 && wait_s < std::numeric_limits<double>::infinity());
    if (wait_s <= 0.0) {
      ++counts_[0];
      return;
    }
    ++counts_[bin_of(wait_s)];
    max_s_ = std::max(max_s_, wait_s);
  }

  WaitHistogram& operator+=(const WaitHistogram& o) {
    for (std::size_t i = 0; i < kBins; ++i) counts_[i] += o.counts_[i];
    max_s_ = std::max(max_s_, o.max_s_);
    return *this;
  }
  bool operator==(const WaitHistogram&) const = default;

  std::uint64_t count() const {
    std::uint64_t n = 0;
    for (std::uint64_t c : counts_) n += c;
    return n;
  }
  // The longest wait added (0 when none was).
  double max_s() const { return max_s_; }

  // The q-quantiles (each q in (0, 1], increasing) of the waits added, written to `out`:
  // the wait at rank q·n, interpolated in its bin; 0 when that rank falls on the calls
  // answered at once; NaN when nothing was added. One pass over the bins for all of them.
  void quantiles(std::span<const double> qs, std::span<double> out) const;

  static std::size_t bin_of(double wait_s) {
    if (wait_s <= 0.0) return 0;
    if (wait_s < 2.0) return 1 + static_cast<std::size_t>(wait_s * kSubBins);
    if (wait_s >= kTopS) return kBins - 1;
    // wait = 2^e · 1.m: e from the exponent field, the sub-bin from the top 4 mantissa bits.
    const auto bits = std::bit_cast<std::uint64_t>(wait_s);
    const auto e = static_cast<std::size_t>((bits >> 52) - 1023);
    const auto sub = static_cast<std::size_t>((bits >> (52 - 4)) & (kSubBins - 1));
    return 1 + kLinearBins + (e - 1) * kSubBins + sub;
  }
  // Bin i holds waits in [lower(i), lower(i + 1)); bin 0 holds exactly 0.
  static double lower(std::size_t i) {
    if (i == 0) return 0.0;
    if (i <= kLinearBins) return static_cast<double>(i - 1) / kSubBins;
    if (i == kBins - 1) return kTopS;
    const std::size_t j = i - 1 - kLinearBins;
    const double octave = static_cast<double>(std::uint64_t{2} << (j / kSubBins));
    return octave * (1.0 + static_cast<double>(j % kSubBins) / kSubBins);
  }

 private:
  static_assert(std::has_single_bit(kSubBins) && kSubBins == 16, "bin_of reads 4 mantissa bits");
  std::array<std::uint64_t, kBins> counts_{};
  double max_s_ = 0.0;
};

}  // namespace ccsim::models
