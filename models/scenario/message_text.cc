#include "models/scenario/message_text.h"

#include <fmt/format.h>

#include <algorithm>

namespace ccsim::models::internal {

namespace {

// A control character (a byte below 0x20, or DEL) as a JSON escape, so that it cannot
// break a message's line or drive the terminal; any other byte as is.
void append_escaped(std::string& out, char c) {
  const auto u = static_cast<unsigned char>(c);
  if (c == '\n') {
    out += "\\n";
  } else if (c == '\t') {
    out += "\\t";
  } else if (c == '\r') {
    out += "\\r";
  } else if (u < 0x20 || u == 0x7f) {
    out += fmt::format("\\u{:04x}", static_cast<unsigned>(u));
  } else {
    out += c;
  }
}

}  // namespace

std::string escape_controls(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) append_escaped(out, c);
  return out;
}

std::string quote(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    append_escaped(out, c);
  }
  out += '"';
  return out;
}

namespace {

template <class S>
std::string join_impl(std::span<const S> names, std::size_t limit) {
  std::string out;
  const std::size_t shown = std::min(names.size(), limit);
  for (std::size_t i = 0; i < shown; ++i) {
    if (i > 0) out += ", ";
    out += std::string_view(names[i]);
  }
  if (names.size() > shown) out += fmt::format(", ... ({} more)", names.size() - shown);
  return out;
}

}  // namespace

std::string join_names(std::span<const std::string_view> names, std::size_t limit) { return join_impl(names, limit); }
std::string join_names(std::span<const std::string> names, std::size_t limit) { return join_impl(names, limit); }

std::string format_double(double x) {
  std::string s = fmt::format("{}", x);
  if (s.find_first_of(".eEn") == std::string::npos) s += ".0";  // "n": inf, nan
  return s;
}

std::string hundredth_text(double x) {
  const std::string text = fmt::format("{}", x);
  const auto dot = text.find('.');
  std::string whole = text.substr(0, dot);
  const std::string frac = dot == std::string::npos ? std::string() : text.substr(dot + 1);
  if (whole.size() < 3) whole.insert(0, 3 - whole.size(), '0');
  return whole.substr(0, whole.size() - 2) + "." + whole.substr(whole.size() - 2) + frac;
}

}  // namespace ccsim::models::internal
