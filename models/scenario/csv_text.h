// models/scenario/csv_text.h
// A CSV file as spreadsheets and WFM tools export it, split into its comment lines and
// rows of cells, each with its line number, for the loaders of forecasts and staffing
// plans (load_csv.cc) to check cell by cell. Private to models/scenario/.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ccsim::models::internal {

struct CsvLine {
  std::size_t line;  // from 1
  std::vector<std::string> cells;
};

struct CsvText {
  std::vector<CsvLine> comments;  // '#' lines: one cell, the text after '#', trimmed
  std::vector<CsvLine> rows;      // the header, then the data rows; blank lines skipped
  std::vector<CsvLine> bad;       // lines that are not CSV: one cell, why
};

// Cells are split by Boost.Tokenizer's escaped_list_separator (commas, double quotes,
// backslash escapes) and trimmed; CRLF line ends and a leading UTF-8 byte-order mark
// (as Excel writes) are accepted.
CsvText split_csv(std::string_view text);

// A number cell: the whole cell, finite; none otherwise.
std::optional<double> csv_number(std::string_view cell);

}  // namespace ccsim::models::internal
