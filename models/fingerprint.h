// models/fingerprint.h
// Fingerprint: a 64-bit hash of a replication's lifecycle records (time, transition,
// contact type, agent group) and, at the end, of its random draws. Two runs that differ
// in any transition's order, time, type or group differ in the fingerprint; a refactor
// that schedules other engine events but changes no transition keeps it.
#pragma once

#include <bit>
#include <cstdint>

namespace ccsim::models {

class Fingerprint {
 public:
  // A rotate and an add per record: cheap enough for every transition, order-dependent
  // (the rotation) and not linear over XOR (the add), so differences do not cancel out.
  void fold(double time_s, std::uint8_t what, std::uint32_t type, std::uint32_t group) {
    h_ = std::rotl(h_, 23) +
         (std::bit_cast<std::uint64_t>(time_s) ^ (std::uint64_t{what} << 56) ^ (std::uint64_t{type} << 28) ^ group);
  }
  std::uint64_t value() const { return h_; }

 private:
  std::uint64_t h_ = 0x6363'7369'6d00'0002ULL;
};

}  // namespace ccsim::models
