// models/scenario/spec_hash.h
// spec_hash: one 64-bit number for a loaded ScenarioSpec, so that processes meant to run
// the same scenario (the ranks of an MPI job) can compare it instead of the whole spec.
// Everything a run reads goes in; file paths do not, only what was read from the files.
#pragma once

#include <bit>
#include <concepts>
#include <cstdint>
#include <optional>
#include <string_view>
#include <type_traits>

#include "models/scenario/spec.h"
#include "sim/hash.h"

namespace ccsim::models {

// mix64 over a sequence of values, in order. A string goes in as its length then its
// bytes, so ("ab", "c") and ("a", "bc") differ; a double as its bits. Not a
// cryptographic hash: it tells honest mistakes apart (another file, another option),
// with a chance of 2^-64 that two different sequences collide.
//
//   const std::uint64_t job = Hash64().add(spec_hash(spec)).add("run").add(trace_replication).value();
class Hash64 {
 public:
  template <std::integral T>
  Hash64& add(T v) {
    h_ = sim::mix64(h_, static_cast<std::uint64_t>(v));
    return *this;
  }
  template <class E>
    requires std::is_enum_v<E>
  Hash64& add(E v) {
    return add(static_cast<std::underlying_type_t<E>>(v));
  }
  Hash64& add(double v) { return add(std::bit_cast<std::uint64_t>(v)); }
  Hash64& add(std::string_view s);
  Hash64& add(const char* s) { return add(std::string_view(s)); }
  template <class T>
  Hash64& add(const std::optional<T>& v) {
    add(v.has_value());
    return v ? add(*v) : *this;
  }

  std::uint64_t value() const { return h_; }

 private:
  std::uint64_t h_ = 0x6363'7369'6d00'0003ULL;
};

// Equal for specs that run alike, different (but for 2^-64) when any field differs that
// changes a run or its report: laws, rates, staffing, routing, targets, seed,
// replications, confidence, names. Not source_file and the forecast and staffing-plan
// paths: two machines may read the same data from different places.
std::uint64_t spec_hash(const ScenarioSpec& spec);

}  // namespace ccsim::models
