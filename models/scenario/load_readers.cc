// models/scenario/load_readers.cc
// The Decoder's generic readers: find a key, check an object's keys, read a number,
// integer, string or name from a list. Each reports its own error at the value's
// pointer and returns nullopt on a bad value.
#include "models/scenario/load_internal.h"

#include <fmt/format.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "models/scenario/did_you_mean.h"
#include "models/scenario/json_pointer.h"

namespace ccsim::models::internal {

const Json* Decoder::find(const Json& obj, std::string_view key) {
  if (!obj.is_object()) return nullptr;
  auto it = obj.find(key);
  return it == obj.end() ? nullptr : &*it;
}

bool Decoder::expect_object(const Json& v, const std::string& ptr, std::string_view what) {
  if (v.is_object()) return true;
  error(ptr, fmt::format("expected {}; got {}", what, describe(v)));
  return false;
}

void Decoder::check_keys(const Json& obj, const std::string& ptr, Names known, std::string_view context) {
  for (auto it = obj.begin(); it != obj.end(); ++it) {
    const std::string& key = it.key();
    bool ok = false;
    for (std::string_view k : known) ok = ok || k == key;
    if (ok) continue;
    error(child_pointer(ptr, key), fmt::format("unknown key {}{}; known: {}{}", quote(key), context,
                                               join_names(known, 64), did_you_mean(key, known)));
  }
}

void Decoder::missing(const std::string& ptr, std::string_view key, std::string_view accepted) {
  error(ptr, fmt::format("missing required key {}; expected {}", quote(key), accepted));
}

std::optional<double> Decoder::number(const Json& v, const std::string& ptr, const Range& r) {
  if (!v.is_number()) {
    error(ptr, fmt::format("expected a number {}; got {}", r.text(), describe(v)));
    return std::nullopt;
  }
  const double x = v.get<double>();
  if (!r.contains(x)) {
    // A fraction's range given a percentage: say how to write it.
    const bool percent = r.lo >= 0.0 && r.hi == 1.0 && x > 1.0 && x <= 100.0;
    error(ptr, percent ? fmt::format("must be {} (a fraction: write {} % as {}); got {}", r.text(), x,
                                     hundredth_text(x), describe(v))
                       : fmt::format("must be {}; got {}", r.text(), describe(v)));
    return std::nullopt;
  }
  return x;
}

std::optional<std::uint64_t> Decoder::integer(const Json& v, const std::string& ptr, std::uint64_t lo,
                                              std::uint64_t hi) {
  const std::string accepted = int_range_text(lo, hi);
  std::uint64_t u = 0;
  if (v.is_number_unsigned()) {
    u = v.get<std::uint64_t>();
  } else if (v.is_number_integer()) {
    const auto s = v.get<std::int64_t>();
    if (s < 0) {
      error(ptr, fmt::format("must be {}; got {}", accepted, s));
      return std::nullopt;
    }
    u = static_cast<std::uint64_t>(s);
  } else {
    error(ptr, fmt::format("expected an integer {}; got {}", accepted, describe(v)));
    return std::nullopt;
  }
  if (u < lo || u > hi) {
    if (u > hi && (hi == kU32Max || hi == kU64Max)) {
      error(ptr, fmt::format("must be <= {}; got {}", hi, u));
    } else {
      error(ptr, fmt::format("must be {}; got {}", accepted, u));
    }
    return std::nullopt;
  }
  return u;
}

std::optional<std::string> Decoder::string(const Json& v, const std::string& ptr, std::string_view what) {
  if (!v.is_string()) {
    error(ptr, fmt::format("expected {}; got {}", what, describe(v)));
    return std::nullopt;
  }
  return v.get<std::string>();
}

std::optional<std::size_t> Decoder::choice(const Json& v, const std::string& ptr, std::string_view noun, Names names) {
  if (!v.is_string()) {
    error(ptr, fmt::format("expected one of: {} (a string); got {}", join_names(names, 64), describe(v)));
    return std::nullopt;
  }
  const std::string& s = v.get_ref<const std::string&>();
  for (std::size_t i = 0; i < names.size(); ++i)
    if (names[i] == s) return i;
  error(ptr, fmt::format("unknown {} {}; known: {}{}", noun, quote(s), join_names(names, 64), did_you_mean(s, names)));
  return std::nullopt;
}

std::optional<double> Decoder::number_at(const Json& obj, const std::string& ptr, std::string_view key, const Range& r,
                                         bool required) {
  if (const Json* v = find(obj, key)) return number(*v, child_pointer(ptr, key), r);
  if (required) missing(ptr, key, "a number " + r.text());
  return std::nullopt;
}

std::optional<std::uint64_t> Decoder::integer_at(const Json& obj, const std::string& ptr, std::string_view key,
                                                 std::uint64_t lo, std::uint64_t hi, bool required) {
  if (const Json* v = find(obj, key)) return integer(*v, child_pointer(ptr, key), lo, hi);
  if (required) missing(ptr, key, "an integer " + int_range_text(lo, hi));
  return std::nullopt;
}

}  // namespace ccsim::models::internal
