// sim/rng/mrg32k3a.cc
// Seeding and jumps of Mrg32k3a. A jump of n steps multiplies each component's state
// vector by A^n mod m (L'Ecuyer, Simard, Chen & Kelton 2002, section 3).
#include "sim/rng/mrg32k3a.h"

#include <cstddef>
#include <stdexcept>
#include <string>

namespace ccsim::sim {
namespace {

using Vec = std::array<std::uint64_t, 3>;
using Mat = std::array<Vec, 3>;

constexpr std::uint64_t kM1 = Mrg32k3a::kM1;
constexpr std::uint64_t kM2 = Mrg32k3a::kM2;

// Entries are below m < 2^32, so each product fits in 64 bits before reduction and the
// sum of three reduced products (< 3 * 2^32) cannot overflow either.
constexpr Mat mat_mul(const Mat& x, const Mat& y, std::uint64_t m) {
  Mat r{};
  for (std::size_t i = 0; i < 3; ++i) {
    for (std::size_t j = 0; j < 3; ++j) {
      std::uint64_t acc = 0;
      for (std::size_t k = 0; k < 3; ++k) acc += (x[i][k] * y[k][j]) % m;
      r[i][j] = acc % m;
    }
  }
  return r;
}

constexpr Vec mat_vec(const Mat& x, const Vec& v, std::uint64_t m) {
  Vec r{};
  for (std::size_t i = 0; i < 3; ++i) {
    std::uint64_t acc = 0;
    for (std::size_t k = 0; k < 3; ++k) acc += (x[i][k] * v[k]) % m;
    r[i] = acc % m;
  }
  return r;
}

// One step of each component as a companion matrix acting on (x_{n-2}, x_{n-1}, x_n):
// x_{n+1} = a12 x_{n-1} - a13n x_{n-2} (mod m1), y_{n+1} = a21 y_n - a23n y_{n-2} (mod m2).
constexpr Mat kA1{{{0, 1, 0}, {0, 0, 1}, {kM1 - 810728, 1403580, 0}}};
constexpr Mat kA2{{{0, 1, 0}, {0, 0, 1}, {kM2 - 1370589, 0, 527612}}};

// A^(2^j) for j = kFirstLog2 .. kLastLog2: substream jumps use exponents 76..139 and stream
// jumps 127..190 (one per bit of a 64-bit index). Built by repeated squaring at compile
// time, so no magic table is copied from elsewhere; the tests check the results against
// RngStreams' published stream seeds.
constexpr int kSubstreamLog2 = 76;
constexpr int kStreamLog2 = 127;
constexpr int kFirstLog2 = kSubstreamLog2;
constexpr int kLastLog2 = kStreamLog2 + 63;
using PowerTable = std::array<Mat, kLastLog2 - kFirstLog2 + 1>;

constexpr PowerTable power_table(const Mat& a, std::uint64_t m) {
  Mat p = a;
  for (int j = 0; j < kFirstLog2; ++j) p = mat_mul(p, p, m);
  PowerTable t{};
  for (std::size_t i = 0; i < t.size(); ++i) {
    t[i] = p;
    p = mat_mul(p, p, m);
  }
  return t;
}

constexpr PowerTable kPow1 = power_table(kA1, kM1);
constexpr PowerTable kPow2 = power_table(kA2, kM2);

Vec head(const Mrg32k3a::Seed& s) { return {s[0], s[1], s[2]}; }
Vec tail(const Mrg32k3a::Seed& s) { return {s[3], s[4], s[5]}; }
Mrg32k3a::Seed join(const Vec& x, const Vec& y) { return {x[0], x[1], x[2], y[0], y[1], y[2]}; }

// Multiplies s by A^(n * 2^log2) = product over the set bits b of n of A^(2^(log2 + b)).
// The powers of A commute, so the order of the factors does not matter.
Mrg32k3a::Seed jump_pow2(const Mrg32k3a::Seed& s, std::uint64_t n, int log2) {
  Vec x = head(s);
  Vec y = tail(s);
  for (int b = 0; n != 0; ++b, n >>= 1) {
    if ((n & 1) == 0) continue;
    const std::size_t i = static_cast<std::size_t>(log2 + b - kFirstLog2);
    x = mat_vec(kPow1[i], x, kM1);
    y = mat_vec(kPow2[i], y, kM2);
  }
  return join(x, y);
}

void check_seed(const Mrg32k3a::Seed& s) {
  const bool first_ok = s[0] < kM1 && s[1] < kM1 && s[2] < kM1 && (s[0] | s[1] | s[2]) != 0;
  const bool second_ok = s[3] < kM2 && s[4] < kM2 && s[5] < kM2 && (s[3] | s[4] | s[5]) != 0;
  if (first_ok && second_ok) return;
  std::string msg = "Mrg32k3a: invalid seed {";
  for (std::size_t i = 0; i < s.size(); ++i) msg += (i ? ", " : "") + std::to_string(s[i]);
  msg += "}; s[0..2] must be < 4294967087 and not all 0, s[3..5] < 4294944443 and not all 0";
  throw std::invalid_argument(msg);
}

// Vigna's splitmix64 (https://prng.di.unimi.it/splitmix64.c): a bijective mixer, so
// distinct scenario seeds start from distinct points of a well-scrambled sequence.
std::uint64_t splitmix64_next(std::uint64_t& x) {
  x += 0x9E3779B97F4A7C15ULL;
  std::uint64_t z = x;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

}  // namespace

Mrg32k3a::Mrg32k3a() : Mrg32k3a(Seed{12345, 12345, 12345, 12345, 12345, 12345}) {}

Mrg32k3a::Mrg32k3a(const Seed& seed) : state_(seed), stream_start_(seed), substream_start_(seed) {
  check_seed(seed);
}

Mrg32k3a Mrg32k3a::from_seed(std::uint64_t seed) {
  std::uint64_t x = seed;
  Seed s{};
  do {
    for (std::size_t i = 0; i < 3; ++i) s[i] = splitmix64_next(x) % kM1;
  } while ((s[0] | s[1] | s[2]) == 0);
  do {
    for (std::size_t i = 3; i < 6; ++i) s[i] = splitmix64_next(x) % kM2;
  } while ((s[3] | s[4] | s[5]) == 0);
  return Mrg32k3a(s);
}

Mrg32k3a Mrg32k3a::stream(std::uint64_t stream, std::uint64_t substream) const {
  Mrg32k3a g = *this;
  g.stream_start_ = jump_pow2(stream_start_, stream, kStreamLog2);
  g.substream_start_ = jump_pow2(g.stream_start_, substream, kSubstreamLog2);
  g.state_ = g.substream_start_;
  g.draws_ = 0;
  return g;
}

void Mrg32k3a::reset_start_stream() {
  substream_start_ = stream_start_;
  state_ = stream_start_;
}

void Mrg32k3a::reset_start_substream() { state_ = substream_start_; }

void Mrg32k3a::reset_next_substream() {
  substream_start_ = jump_pow2(substream_start_, 1, kSubstreamLog2);
  state_ = substream_start_;
}

void Mrg32k3a::advance(std::uint64_t steps) {
  Vec x = head(state_);
  Vec y = tail(state_);
  Mat p1 = kA1;
  Mat p2 = kA2;
  while (steps != 0) {
    if (steps & 1) {
      x = mat_vec(p1, x, kM1);
      y = mat_vec(p2, y, kM2);
    }
    steps >>= 1;
    if (steps != 0) {
      p1 = mat_mul(p1, p1, kM1);
      p2 = mat_mul(p2, p2, kM2);
    }
  }
  state_ = join(x, y);
}

}  // namespace ccsim::sim
