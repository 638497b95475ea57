// cli/sweep_vary.cc
#include "cli/sweep_vary.h"

#include <cmath>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "models/scenario/message_text.h"

namespace ccsim::cli {
namespace {

using models::ScenarioEdit;

std::optional<double> to_number(const std::string& s) {
  std::size_t used = 0;
  try {
    const double x = std::stod(s, &used);
    if (used == s.size() && std::isfinite(x)) return x;
  } catch (const std::exception&) {
  }
  return std::nullopt;
}

// "a..b" or "a..b:step", both ends included; nullopt when `text` is not a range (its
// ends are not numbers: "a..b" may be a description being set).
std::optional<std::vector<std::string>> expand_range(const std::string& text) {
  const auto dots = text.find("..");
  if (dots == std::string::npos) return std::nullopt;
  const auto colon = text.find(':', dots);
  const auto from = to_number(text.substr(0, dots));
  const auto to = to_number(text.substr(dots + 2, colon == std::string::npos ? std::string::npos : colon - dots - 2));
  if (!from || !to) return std::nullopt;
  const auto step = colon == std::string::npos ? std::optional<double>(1.0) : to_number(text.substr(colon + 1));
  if (!step) throw std::invalid_argument(fmt::format("range {}: STEP is not a number", models::internal::quote(text)));
  if (*step <= 0 || *to < *from)
    throw std::invalid_argument(fmt::format("range {}: needs FROM <= TO and STEP > 0", models::internal::quote(text)));
  // A small allowance so 1.0..1.3:0.1 includes 1.3 despite rounding.
  const double count = std::floor((*to - *from) / *step + 1e-9) + 1;
  if (count > kMaxValuesPerVary)
    throw std::invalid_argument(
        fmt::format("range {} has {:g} values; at most {}", models::internal::quote(text), count, kMaxValuesPerVary));
  std::vector<std::string> values;
  // 12 significant digits: 0.1..0.3:0.1 gives 0.3, not 0.30000000000000004.
  for (int i = 0; i < static_cast<int>(count); ++i) values.push_back(fmt::format("{:.12g}", *from + i * *step));
  return values;
}

// Commas at the top level only, so "[10,12],[11,13]" is two staffing plans.
std::vector<std::string> split_values(const std::string& text) {
  std::vector<std::string> values(1);
  int depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      // An escape and the character it escapes, kept as written: the escaped one may be
      // a quote that does not end the string.
      if (c == '\\' && i + 1 < text.size()) {
        values.back() += text.substr(i++, 2);
        continue;
      }
      if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      ++depth;
    } else if (c == ']' || c == '}') {
      --depth;
    } else if (c == ',' && depth == 0) {
      values.emplace_back();
      continue;
    }
    values.back() += c;
  }
  for (const std::string& v : values)
    if (v.empty()) throw std::invalid_argument(fmt::format("empty value in {}", models::internal::quote(text)));
  return values;
}

}  // namespace

Vary parse_vary(const std::string& arg) {
  const auto eq = arg.find('=');
  if (eq == std::string::npos || eq == 0)
    throw std::invalid_argument("expected POINTER=VALUES, POINTER*=FACTORS or POINTER+=AMOUNTS");
  Vary v;
  std::size_t end = eq;
  if (arg[eq - 1] == '*' || arg[eq - 1] == '+') {
    v.op = arg[eq - 1] == '*' ? ScenarioEdit::Op::Scale : ScenarioEdit::Op::Add;
    --end;
  }
  v.pointer = arg.substr(0, end);
  if (v.pointer.empty() || v.pointer[0] != '/')
    throw std::invalid_argument(fmt::format("{} is not a JSON pointer; expected one such as /agent_groups/0/staffing",
                                            models::internal::quote(v.pointer)));
  if (v.pointer == "/rng" || v.pointer.rfind("/rng/", 0) == 0)
    throw std::invalid_argument(
        "every point runs on the scenario's seed and replications (common random numbers); set them with --seed "
        "and --replications, not --vary");
  const std::string values = arg.substr(eq + 1);
  if (values.empty()) throw std::invalid_argument("no values after '='");
  if (auto range = expand_range(values)) v.values = std::move(*range);
  else v.values = split_values(values);
  if (v.op != ScenarioEdit::Op::Set)
    for (const std::string& x : v.values)
      if (!to_number(x)) throw std::invalid_argument(fmt::format("{} is not a number", models::internal::quote(x)));
  return v;
}

}  // namespace ccsim::cli
