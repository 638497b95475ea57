// models/scenario/did_you_mean.h
// "Did you mean": the known name closest to a misspelt one by edit distance, offered
// only when it is close enough to be a likely typo.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace ccsim::models::internal {

// Optimal string alignment distance: insertions, deletions, substitutions and
// transpositions of adjacent characters each cost 1 ("frist" -> "first" is 1).
std::size_t edit_distance(std::string_view a, std::string_view b);

// The closest known name when it is close enough to be a likely typo: distance at
// most 1 for names up to 3 characters, 2 up to 6, a third of the length beyond that,
// and never a complete rewrite. Ties go to the earlier name.
std::optional<std::string> closest_name(std::string_view bad, std::span<const std::string_view> known);
std::optional<std::string> closest_name(std::string_view bad, std::span<const std::string> known);

// ` (did you mean "x"?)` or "" when nothing is close.
std::string did_you_mean(std::string_view bad, std::span<const std::string_view> known);
std::string did_you_mean(std::string_view bad, std::span<const std::string> known);

}  // namespace ccsim::models::internal
