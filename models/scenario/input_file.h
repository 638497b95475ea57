// models/scenario/input_file.h
// Reading a file a user names (a scenario, a baseline, a forecast): its stem, its bytes
// with a size limit and one located message on failure, a parse error's text.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace ccsim::models::internal {

// The file stem used as the default scenario name: "scenarios/bench/model_a.json" -> "model_a".
std::string file_stem(std::string_view path);

// The largest input file read_input_file accepts: 64 MiB, thousands of times any real
// scenario or baseline, so that a wrong path fails at once with a message instead of
// filling memory (docs/scenario-format.md, Error messages).
inline constexpr std::uintmax_t kMaxInputFileBytes = std::uintmax_t{64} << 20;

// The bytes of the input file at `path` (a scenario, a baseline): every file a user names
// is read here. A missing file, anything but a regular file (a directory, /dev/zero, a
// FIFO: never opened in a way that blocks), a file over kMaxInputFileBytes or a read error
// throws ScenarioError(path, ...) with one whole-document diagnostic "cannot read the
// <noun>: ..."; `missing_hint` follows "no such file", and `expected` ("a .json file")
// follows a path that is not a regular file.
std::string read_input_file(const std::string& path, std::string_view noun, std::string_view missing_hint,
                            std::string_view expected);

// nlohmann's parse-error text without its "[json.exception.parse_error.101] parse
// error at " prefix: "line 3, column 5: syntax error ...".
std::string json_error_detail(const std::string& what);

}  // namespace ccsim::models::internal
