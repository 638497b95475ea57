// cli/output_file.h
// Writing a file the user named (--json, a baseline): its folder is created when
// missing, as --csv does, and a failure is reported to the caller, never ignored.
#pragma once

#include <string>
#include <string_view>

namespace ccsim::cli {

// Writes `text` to `path` (binary, so the bytes are exactly `text`); false on failure.
bool write_output_file(const std::string& path, std::string_view text);

}  // namespace ccsim::cli
