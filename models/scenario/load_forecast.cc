// models/scenario/load_forecast.cc
// A forecast as planners export it (docs/forecasts.md): a CSV file of volume, AHT and
// patience per interval and contact type, named by /forecast. Every problem is reported
// at /forecast/file with the CSV's line and column; nothing is guessed (the volume unit
// must be stated) and nothing is dropped (a type's arrivals given twice is an error
// unless the forecast says it overrides them).
#include <boost/tokenizer.hpp>
#include <fmt/format.h>

#include <cmath>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "models/scenario/load_internal.h"

namespace ccsim::models::internal {
namespace {

constexpr std::size_t kNoColumn = static_cast<std::size_t>(-1);

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::optional<double> parse_number(std::string_view text) {
  const std::string s(trim(text));
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

// The rows of one contact type, per interval (NaN: no row yet) and the line that gave each.
struct TypeRows {
  std::vector<double> volume, aht_s, patience_s;
  std::vector<std::size_t> line;
};

}  // namespace

std::optional<std::vector<double>> Decoder::per_period_at(const Json& obj, const std::string& ptr,
                                                          std::string_view key) {
  const std::string kp = ptr + "/" + std::string(key);
  const Json& v = *find(obj, key);
  const std::string count = num_periods_ ? fmt::format("{}", *num_periods_) : std::string("num_periods");
  if (!v.is_array()) {
    error(kp, fmt::format("expected an array of {} numbers > 0 (one per period, seconds); got {}", count, describe(v)));
    return std::nullopt;
  }
  if (num_periods_ && v.size() != *num_periods_) {
    error(kp, fmt::format("expected {} values (num_periods), got {}", *num_periods_, v.size()));
    return std::nullopt;
  }
  std::vector<double> out;
  bool ok = true;
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (auto x = number(v[i], child_pointer(kp, i), above(0.0)))
      out.push_back(*x);
    else
      ok = false;
  }
  if (!ok) return std::nullopt;
  return out;
}

void Decoder::decode_forecast(const Json& doc, ScenarioSpec& spec) {
  const Json* f = find(doc, "forecast");
  if (!f) return;
  if (mode_ == RunMode::SteadyState) {
    error("/forecast", "a forecast gives volumes per interval, which needs mode \"day\"; remove it");
    return;
  }
  if (!expect_object(*f, "/forecast", R"(an object {"file": "forecasts/monday.csv", "volume": "per_interval"})"))
    return;
  check_keys(*f, "/forecast", kForecastKeys);
  std::optional<bool> key_per_hour;
  if (const Json* u = find(*f, "volume")) {
    if (auto i = choice(*u, "/forecast/volume", "volume unit", kVolumeUnits)) key_per_hour = *i == 1;
  }
  bool overrides = false;
  if (const Json* o = find(*f, "overrides")) {
    if (o->is_boolean())
      overrides = o->get<bool>();
    else
      error("/forecast/overrides", fmt::format("expected true or false; got {}", describe(*o)));
  }
  const Json* file_v = find(*f, "file");
  if (!file_v) {
    missing("/forecast", "file", "the path of a CSV file, relative to the scenario file's folder");
    return;
  }
  const std::string fp = "/forecast/file";
  auto name = string(*file_v, fp, "the path of a CSV file, relative to the scenario file's folder");
  if (!name) return;
  // A relative path starts from the scenario's folder, so a scenario and its forecast
  // move together.
  std::filesystem::path path(*name);
  if (path.is_relative()) path = std::filesystem::path(file_label_).parent_path() / path;
  const std::string shown = path.lexically_normal().string();
  std::string text;
  try {
    text = read_input_file(shown, "forecast", "a relative /forecast/file starts from the scenario file's folder");
  } catch (const ScenarioError& e) {
    error(fp, fmt::format("{}: {}", shown,
                          e.diagnostics().empty() ? "cannot read the forecast" : e.diagnostics().front().message));
    return;
  }
  if (!num_periods_ || spec.period_s <= 0.0) return;  // reported at /period_s, /num_periods
  const std::uint32_t periods = *num_periods_;
  const double period_s = spec.period_s;
  const auto at = [&](std::size_t line, std::size_t column, std::string_view column_name) {
    return column == kNoColumn ? fmt::format("{} line {}: ", shown, line)
                               : fmt::format("{} line {}, column {} ({}): ", shown, line, column + 1, column_name);
  };
  const std::size_t before = sink_.count();

  std::optional<bool> header_per_hour;
  std::optional<double> stated_total;
  std::vector<std::size_t> column(kForecastColumns.size(), kNoColumn);  // by kForecastColumns index
  std::size_t columns = 0;
  bool have_header = false;
  std::map<std::size_t, TypeRows> rows;  // by type index
  std::size_t line_no = 0;
  std::string_view rest = text;
  while (!rest.empty()) {
    const std::size_t eol = rest.find('\n');
    const std::string_view raw = rest.substr(0, eol);
    rest = eol == std::string_view::npos ? std::string_view{} : rest.substr(eol + 1);
    ++line_no;
    const std::string_view line = trim(raw);
    if (line.empty()) continue;
    if (line.front() == '#') {
      // "# volume: per_hour", "# total_volume: 5500"; other comments are free text.
      const std::string_view body = trim(line.substr(1));
      const std::size_t colon = body.find(':');
      if (colon == std::string_view::npos) continue;
      const std::string_view key = trim(body.substr(0, colon)), value = trim(body.substr(colon + 1));
      if (key == "volume") {
        if (value == kVolumeUnits[0] || value == kVolumeUnits[1])
          header_per_hour = value == kVolumeUnits[1];
        else
          error(fp, at(line_no, kNoColumn, "") + fmt::format("unknown volume unit {}; known: per_interval, per_hour",
                                                             quote(value)));
      } else if (key == "total_volume") {
        if (auto x = parse_number(value); x && *x >= 0.0)
          stated_total = *x;
        else
          error(fp, at(line_no, kNoColumn, "") +
                        fmt::format("total_volume must be a number >= 0; got {}", quote(value)));
      }
      continue;
    }
    using Tokens = boost::tokenizer<boost::escaped_list_separator<char>>;
    std::vector<std::string> cells;
    try {
      const std::string owned(line);
      for (const std::string& cell : Tokens(owned)) cells.emplace_back(trim(cell));
    } catch (const boost::escaped_list_error& e) {
      error(fp, at(line_no, kNoColumn, "") + fmt::format("not a CSV row ({})", e.what()));
      continue;
    }
    if (!have_header) {
      have_header = true;
      columns = cells.size();
      for (std::size_t c = 0; c < cells.size(); ++c) {
        const auto it = std::ranges::find(kForecastColumns, cells[c]);
        if (it == kForecastColumns.end()) {
          error(fp, at(line_no, c, cells[c]) +
                        fmt::format("unknown column {}; known: {}{}", quote(cells[c]), join_names(kForecastColumns),
                                    did_you_mean(cells[c], kForecastColumns)));
          continue;
        }
        const auto k = static_cast<std::size_t>(it - kForecastColumns.begin());
        if (column[k] != kNoColumn)
          error(fp, at(line_no, c, cells[c]) + fmt::format("column {} given twice (first as column {})",
                                                           quote(cells[c]), column[k] + 1));
        else
          column[k] = c;
      }
      // An unknown column may be the required one misspelt: its message lists them.
      for (std::size_t k = 0; k < 3 && sink_.count() == before; ++k)
        if (column[k] == kNoColumn)
          error(fp, at(line_no, kNoColumn, "") +
                        fmt::format("the header has no column {}; required: interval_start, contact_type, volume "
                                    "(optional: aht_s, patience_s)",
                                    quote(kForecastColumns[k])));
      if (sink_.count() != before) return;
      continue;
    }
    if (cells.size() != columns) {
      error(fp, at(line_no, kNoColumn, "") +
                    fmt::format("{} cells; the header has {} columns", cells.size(), columns));
      continue;
    }
    const auto cell = [&](std::size_t k) -> const std::string& { return cells[column[k]]; };
    const auto where = [&](std::size_t k) { return at(line_no, column[k], kForecastColumns[k]); };
    // The interval: a clock time against /start_time, or seconds from the start of the day.
    std::optional<double> start_s;
    if (auto clock = parse_clock(cell(0))) {
      if (start_minute_) {
        const double t = static_cast<double>(*clock) - *start_minute_ * 60.0;
        start_s = t < 0.0 ? t + kSecondsPerDay : t;
      } else if (!start_time_given_) {
        error(fp, where(0) + fmt::format("a clock time needs /start_time (the clock time of time 0); set "
                                         "/start_time or give seconds from the start of the day; got {}",
                                         quote(cell(0))));
        continue;
      } else {
        continue;  // an invalid /start_time is reported there
      }
    } else if (auto x = parse_number(cell(0))) {
      start_s = *x;
    } else {
      error(fp, where(0) + fmt::format("expected {}; got {}", kTimeAccepted, quote(cell(0))));
      continue;
    }
    const double index_d = *start_s / period_s;
    const auto interval = static_cast<std::uint32_t>(std::llround(index_d));
    if (std::fabs(index_d - std::round(index_d)) > 1e-9 || index_d < 0.0 || interval >= periods) {
      error(fp, where(0) + fmt::format("{} is not the start of one of the {} intervals of {:g} s{}", quote(cell(0)),
                                       periods, period_s,
                                       start_minute_ ? fmt::format(" from {}", day_clock().time(0.0)) : ""));
      continue;
    }
    const auto found = type_index_.find(cell(1));
    if (found == type_index_.end()) {
      // With an unnamed type in the scenario, the name may be that one's: reported there.
      if (types_known_)
        error(fp, where(1) + fmt::format("unknown contact type {}; defined: {}{}", quote(cell(1)),
                                         join_names(type_names_), did_you_mean(cell(1), type_names_)));
      continue;
    }
    const std::optional<std::size_t> type = found->second;
    const auto value = [&](std::size_t k, bool zero_ok) -> std::optional<double> {
      if (column[k] == kNoColumn) return std::nullopt;
      auto x = parse_number(cell(k));
      if (!x || *x < 0.0 || (!zero_ok && *x == 0.0)) {
        error(fp, where(k) + fmt::format("expected a number {}; got {}", zero_ok ? ">= 0" : "> 0", quote(cell(k))));
        return std::nullopt;
      }
      return x;
    };
    const std::size_t row_errors = sink_.count();
    const auto volume = value(2, true), aht = value(3, false), patience = value(4, false);
    if (column[4] != kNoColumn && !types_[*type].has_patience)
      error(fp, where(4) + fmt::format("{} has no patience law to scale (its shape); add /contact_types/{}/patience or "
                                       "leave the column out",
                                       spec.contact_types[make_id<ContactTypeId>(*type)].name, *type));
    TypeRows& r = rows[*type];
    if (r.line.empty()) {
      r.volume.assign(periods, std::nan(""));
      r.aht_s.assign(periods, std::nan(""));
      r.patience_s.assign(periods, std::nan(""));
      r.line.assign(periods, 0);
    }
    if (r.line[interval] != 0) {
      error(fp, at(line_no, kNoColumn, "") + fmt::format("{} {} is given twice (first on line {})", cell(0), cell(1),
                                                         r.line[interval]));
      continue;
    }
    r.line[interval] = line_no;  // a row with a bad cell still stands for its interval
    if (sink_.count() != row_errors) continue;
    r.volume[interval] = *volume;
    if (aht) r.aht_s[interval] = *aht;
    if (patience) r.patience_s[interval] = *patience;
  }
  if (!have_header) {
    error(fp, fmt::format("{}: no header row; the first line that is not a # comment names the columns: "
                          "interval_start, contact_type, volume (optional: aht_s, patience_s)",
                          shown));
    return;
  }
  if (key_per_hour && header_per_hour && *key_per_hour != *header_per_hour)
    error("/forecast/volume", fmt::format("says {} but {} says \"# volume: {}\"; make them agree",
                                          quote(kVolumeUnits[*key_per_hour]), shown,
                                          kVolumeUnits[*header_per_hour]));
  const std::optional<bool> per_hour = key_per_hour ? key_per_hour : header_per_hour;
  if (!per_hour)
    error("/forecast", fmt::format("the volume unit is not stated: say whether the volumes of {} are per interval "
                                   "or per hour, with \"volume\": \"per_interval\" here or a line \"# volume: "
                                   "per_interval\" in the file",
                                   shown));
  // A bad row may be the missing one: its problem is reported.
  for (const auto& [type, r] : sink_.count() == before ? rows : std::map<std::size_t, TypeRows>{}) {
    std::vector<std::uint32_t> missing_at;
    for (std::uint32_t i = 0; i < periods; ++i)
      if (r.line[i] == 0) missing_at.push_back(i);
    if (missing_at.empty()) continue;
    std::string list;
    for (std::size_t j = 0; j < missing_at.size() && j < 6; ++j)
      list += (j ? ", " : "") + day_clock().time(missing_at[j] * period_s);
    if (missing_at.size() > 6) list += fmt::format(" and {} more", missing_at.size() - 6);
    error(fp, fmt::format("{}: {} has no row for {} interval{}: {}; give every interval of the day (0 where "
                          "nothing arrives)",
                          shown, spec.contact_types[make_id<ContactTypeId>(type)].name, missing_at.size(),
                          missing_at.size() == 1 ? "" : "s", list));
  }
  if (sink_.count() != before) return;
  forecast_read_ = true;

  ScenarioSpec::ForecastSource source{shown, *per_hour, stated_total, 0.0};
  for (const auto& [type, r] : rows) {
    ContactTypeSpec& t = spec.contact_types[make_id<ContactTypeId>(type)];
    TypeInfo& info = types_[type];
    const std::string tp = child_pointer("/contact_types", type);
    if (info.arrivals_given && !overrides) {
      error(fp, fmt::format("{}: the arrivals of {} are given twice, at {}/arrivals and in this file; remove one, or "
                            "set /forecast/overrides to true to let the file replace them",
                            shown, t.name, tp));
      continue;
    }
    if (info.aht_given && column[3] != kNoColumn && !overrides) {
      error(fp, fmt::format("{}: the AHT of {} is given twice, at {}/aht_per_period_s and in this file; remove one, "
                            "or set /forecast/overrides to true to let the file replace it",
                            shown, t.name, tp));
      continue;
    }
    const double scale = *per_hour ? period_s / 3600.0 : 1.0;
    t.arrivals = ArrivalSpec{ArrivalSpec::Process::PiecewisePoisson, 0.0, {}, {}};
    for (double v : r.volume) t.arrivals.per_period.push_back(v * scale);
    for (double v : t.arrivals.per_period) source.total += v;
    if (column[3] != kNoColumn) t.aht_per_period_s = r.aht_s;
    if (column[4] != kNoColumn) t.patience_per_period_s = r.patience_s;
    info.arrivals_given = true;
    info.arrivals_ok = true;
    info.arrives = std::ranges::any_of(t.arrivals.per_period, [](double v) { return v > 0.0; });
  }
  spec.forecast = source;
}

void Decoder::check_arrivals_given(const ScenarioSpec& spec) {
  // A forecast that could not be read may have given them: its problems are reported.
  if (forecast_key_ && !forecast_read_) return;
  for (std::size_t i = 0; i < types_.size(); ++i) {
    if (!types_[i].is_object || types_[i].arrivals_given) continue;
    missing(child_pointer("/contact_types", i), "arrivals",
            forecast_key_ ? fmt::format("an object such as {{\"process\": \"poisson\", \"rate_per_hour\": 200}}, or "
                                        "rows for {} in the forecast file",
                                        quote(spec.contact_types[make_id<ContactTypeId>(i)].name))
                          : std::string(R"(an object such as {"process": "poisson", "rate_per_hour": 200})"));
  }
}

}  // namespace ccsim::models::internal
