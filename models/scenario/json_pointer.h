// models/scenario/json_pointer.h
// JSON Pointers (RFC 6901) as the messages locate problems: a token escaped, a child of
// a pointer by key or by index.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace ccsim::models::internal {

// One reference token of a JSON Pointer: "~" -> "~0", "/" -> "~1" (RFC 6901).
std::string escape_pointer_token(std::string_view token);
// parent + "/" + escaped token; parent "" is the whole document.
std::string child_pointer(std::string_view parent, std::string_view token);
std::string child_pointer(std::string_view parent, std::size_t index);

}  // namespace ccsim::models::internal
