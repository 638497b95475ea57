// sim/hash.h
// mix64: the 64-bit hash step behind run fingerprints, content hashes and derived seeds.
// A pure function of its two inputs; changing it changes every fingerprint in results/.
#pragma once

#include <cstdint>

namespace ccsim::sim {

// Folds v into h (the splitmix64 finalizer): every input bit reaches every output bit.
constexpr std::uint64_t mix64(std::uint64_t h, std::uint64_t v) {
  std::uint64_t z = h ^ (v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2));
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

}  // namespace ccsim::sim
