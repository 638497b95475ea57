#include "models/scenario/csv_text.h"

#include <boost/tokenizer.hpp>

#include <cmath>
#include <exception>

namespace ccsim::models::internal {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

}  // namespace

CsvText split_csv(std::string_view text) {
  constexpr std::string_view kBom = "\xEF\xBB\xBF";
  if (text.starts_with(kBom)) text.remove_prefix(kBom.size());
  CsvText out;
  std::size_t line_no = 0;
  while (!text.empty()) {
    const std::size_t eol = text.find('\n');
    const std::string_view line = trim(text.substr(0, eol));
    text = eol == std::string_view::npos ? std::string_view{} : text.substr(eol + 1);
    ++line_no;
    if (line.empty()) continue;
    if (line.front() == '#') {
      out.comments.push_back({line_no, {std::string(trim(line.substr(1)))}});
      continue;
    }
    using Tokens = boost::tokenizer<boost::escaped_list_separator<char>>;
    CsvLine row{line_no, {}};
    try {
      const std::string owned(line);
      for (const std::string& cell : Tokens(owned)) row.cells.emplace_back(trim(cell));
      out.rows.push_back(std::move(row));
    } catch (const boost::escaped_list_error& e) {
      out.bad.push_back({line_no, {e.what()}});
    }
  }
  return out;
}

std::optional<double> csv_number(std::string_view cell) {
  const std::string s(trim(cell));
  if (s.empty()) return std::nullopt;
  std::size_t used = 0;
  try {
    const double x = std::stod(s, &used);
    if (used != s.size() || !std::isfinite(x)) return std::nullopt;
    return x;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

}  // namespace ccsim::models::internal
