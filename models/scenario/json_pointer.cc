#include "models/scenario/json_pointer.h"

#include <fmt/format.h>

namespace ccsim::models::internal {

std::string escape_pointer_token(std::string_view token) {
  std::string out;
  out.reserve(token.size());
  for (char c : token) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

std::string child_pointer(std::string_view parent, std::string_view token) {
  std::string out(parent);
  out += '/';
  out += escape_pointer_token(token);
  return out;
}

std::string child_pointer(std::string_view parent, std::size_t index) { return fmt::format("{}/{}", parent, index); }

}  // namespace ccsim::models::internal
