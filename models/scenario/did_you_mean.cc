#include "models/scenario/did_you_mean.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <numeric>
#include <vector>

#include "models/kpi/kpi_names.h"
#include "models/scenario/message_text.h"

namespace ccsim::models::internal {

namespace {

template <class S>
std::optional<std::string> closest_impl(std::string_view bad, std::span<const S> known) {
  std::optional<std::string> best;
  std::size_t best_distance = 0;
  const auto same_letters = [&](std::string_view name) {
    return std::ranges::equal(bad, name, [](char a, char b) {
      return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
    });
  };
  // A name typed in the wrong case is many edits away from the right one ("EMAIL").
  for (const S& k : known)
    if (const std::string_view name(k); name != bad && same_letters(name)) return std::string(name);
  for (const S& k : known) {
    const std::string_view name(k);
    const std::size_t longest = std::max(bad.size(), name.size());
    const std::size_t allowed = longest <= 3 ? 1 : longest <= 6 ? 2 : std::max<std::size_t>(2, longest / 3);
    const std::size_t d = edit_distance(bad, name);
    if (d == 0 || d > allowed || d >= longest) continue;
    if (!best || d < best_distance) {
      best = std::string(name);
      best_distance = d;
    }
  }
  return best;
}

template <class S>
std::string did_you_mean_impl(std::string_view bad, std::span<const S> known) {
  // A KPI key renamed in December 2026, where its new name is accepted: say what became of it.
  if (const std::string hint = renamed_kpi_hint(bad); !hint.empty())
    for (const RenamedKpi& r : kRenamedKpis)
      if (r.old_name == bad && std::ranges::find(known, kpi_name(r.now)) != known.end()) return " (" + hint + ")";
  if (auto c = closest_impl(bad, known)) return fmt::format(" (did you mean {}?)", quote(*c));
  return "";
}

}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b) {
  // Three rolling rows of the optimal-string-alignment table.
  const std::size_t n = b.size();
  std::vector<std::size_t> prev2(n + 1), prev(n + 1), cur(n + 1);
  std::iota(prev.begin(), prev.end(), std::size_t{0});
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= n; ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) cur[j] = std::min(cur[j], prev2[j - 2] + 1);
    }
    std::swap(prev2, prev);
    std::swap(prev, cur);
  }
  return prev[n];
}

std::optional<std::string> closest_name(std::string_view bad, std::span<const std::string_view> known) {
  return closest_impl(bad, known);
}
std::optional<std::string> closest_name(std::string_view bad, std::span<const std::string> known) {
  return closest_impl(bad, known);
}

std::string did_you_mean(std::string_view bad, std::span<const std::string_view> known) {
  return did_you_mean_impl(bad, known);
}
std::string did_you_mean(std::string_view bad, std::span<const std::string> known) {
  return did_you_mean_impl(bad, known);
}

}  // namespace ccsim::models::internal
