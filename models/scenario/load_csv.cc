// models/scenario/load_csv.cc
// Planners' CSV files (docs/forecasts.md): a forecast of volume, AHT and patience per
// interval and contact type (/forecast), and a staffing plan of agents per interval and
// group (/staffing_plan). Every problem is reported at the key's "file" with the CSV's
// line and column; nothing is guessed (the volume unit must be stated) and nothing is
// dropped (a value given twice is an error unless the file says it overrides).
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "models/scenario/csv_text.h"
#include "models/scenario/did_you_mean.h"
#include "models/scenario/input_file.h"
#include "models/scenario/json_pointer.h"
#include "models/scenario/limits.h"
#include "models/scenario/load_internal.h"

namespace ccsim::models::internal {
namespace {

constexpr std::size_t kNoColumn = static_cast<std::size_t>(-1);

// What every message about a CSV line starts with: "monday.csv line 14: ", or with the
// cell "monday.csv line 14, column 3 (volume): ".
std::string csv_at(std::string_view file, std::size_t line) { return fmt::format("{} line {}: ", file, line); }
std::string csv_at(std::string_view file, std::size_t line, std::size_t column, std::string_view name) {
  return fmt::format("{} line {}, column {} ({}): ", file, line, column + 1, name);
}

// The rows of one contact type, per interval (NaN: no row yet) and the line that gave each.
struct TypeRows {
  std::vector<double> volume, aht_s, patience_s;
  std::vector<std::size_t> line;
};

// The first row with its day ("Tue 08:00") and the first without: a file gives one or the other.
struct RowDays {
  static constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();
  std::size_t dated = kNone, undated = kNone;

  void note(bool with_day, std::size_t line) {
    std::size_t& first = with_day ? dated : undated;
    first = std::min(first, line);
  }
  bool any_dated() const { return dated != kNone; }
  bool mixed() const { return dated != kNone && undated != kNone; }
  std::string mixed_text(const std::string& shown) const {
    return fmt::format("{}: line {} gives its interval with its day and line {} without; give every row its day "
                       "(\"Tue 08:00\": each day its own) or none (\"08:00\": every day the same)",
                       shown, dated, undated);
  }
};

// The seconds of "+1800s", as the reports label an interval without /start_time: digits,
// with a point at most; nothing for any other cell.
std::optional<std::string> report_seconds(const std::string& cell) {
  if (cell.size() < 3 || cell.front() != '+' || cell.back() != 's') return std::nullopt;
  const std::string body = cell.substr(1, cell.size() - 2);
  const auto digit = [](char c) { return c >= '0' && c <= '9'; };
  const bool plain = digit(body.front()) && std::ranges::count(body, '.') <= 1 &&
                     std::ranges::all_of(body, [&](char c) { return digit(c) || c == '.'; });
  return plain ? std::optional<std::string>(body) : std::nullopt;
}

}  // namespace

std::optional<std::vector<double>> Decoder::per_period_at(const Json& obj, const std::string& ptr,
                                                          std::string_view key) {
  const std::string kp = ptr + "/" + std::string(key);
  const Json& v = *find(obj, key);
  if (!v.is_array()) {
    error(kp, fmt::format("expected an array of {} numbers > 0 (one per period, seconds); got {}", period_count(),
                          describe(v)));
    return std::nullopt;
  }
  if (!periods_fit(v.size(), kp)) return std::nullopt;
  std::vector<double> out;
  bool ok = true;
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (auto x = number(v[i], child_pointer(kp, i), Range{0.0, true, kMaxPerPeriodMeanS, false}))
      out.push_back(*x);
    else
      ok = false;
  }
  if (!ok) return std::nullopt;
  return out;
}

std::optional<std::string> Decoder::read_csv_key(const Json& obj, const std::string& ptr, std::string_view noun,
                                                  std::string& shown) {
  const std::string fp = ptr + "/file";
  const Json* file_v = find(obj, "file");
  if (!file_v) {
    missing(ptr, "file", "the path of a CSV file, relative to the scenario file's folder");
    return std::nullopt;
  }
  auto name = string(*file_v, fp, "the path of a CSV file, relative to the scenario file's folder");
  if (!name) return std::nullopt;
  // A relative path starts from the scenario's folder, so a scenario and its files move together.
  std::filesystem::path path(*name);
  if (path.is_relative()) path = std::filesystem::path(file_label_).parent_path() / path;
  shown = path.lexically_normal().string();
  try {
    return read_input_file(shown, noun, fmt::format("a relative {} starts from the scenario file's folder", fp),
                           "a .csv file");
  } catch (const ScenarioError& e) {
    error(fp, fmt::format("{}: {}", shown,
                          e.diagnostics().empty() ? "cannot read the file" : e.diagnostics().front().message));
    return std::nullopt;
  }
}

bool Decoder::overrides_at(const Json& obj, const std::string& ptr) {
  const Json* o = find(obj, "overrides");
  if (!o) return false;
  if (!o->is_boolean()) {
    error(ptr + "/overrides", fmt::format("expected true or false; got {}", describe(*o)));
    return false;
  }
  return o->get<bool>();
}

std::uint32_t Decoder::csv_periods() const {
  const bool days = days_ > 1 && horizon_s_ && day_s_ && *horizon_s_ == *day_s_ * days_;
  return *num_periods_ * (days ? days_ : 1);
}

std::optional<std::uint32_t> Decoder::csv_interval(const std::string& whole, const std::string& ptr,
                                                   const std::string& where, double period_s, std::uint32_t periods,
                                                   bool& dated) {
  std::uint32_t day = 0;
  std::string cell = whole;
  dated = false;
  const std::size_t space = whole.rfind(' ');
  if (space != std::string::npos && days_bad_) {
    csv_unjudged_ = true;  // its day cannot be read: /days is reported
    return std::nullopt;
  }
  if (space != std::string::npos && csv_periods() == periods && !parse_clock(whole) && !csv_number(whole)) {
    if (!csv_day_noted_)
      error(ptr, where + fmt::format("{} names a day, but the run is one day; give the time of day alone (\"08:00\"), "
                                     "or the run's days in /days",
                                     quote(whole)));
    csv_day_noted_ = true;
    return std::nullopt;
  }
  if (space != std::string::npos && csv_periods() > periods) {
    const std::string name = whole.substr(0, space);
    std::vector<std::string> names;
    for (std::uint32_t d = 0; d < days_; ++d) names.push_back(day_name(day_names_, d));
    const auto it = std::ranges::find(names, name);
    if (it == names.end()) {
      error(ptr, where + fmt::format("unknown day {} in {}; the days are {}{}", quote(name), quote(whole),
                                     join_names(names), did_you_mean(name, names)));
      return std::nullopt;
    }
    day = static_cast<std::uint32_t>(it - names.begin());
    cell = whole.substr(space + 1);
    dated = true;
  }
  // A clock time against /start_time, or seconds from the start of the day, as a number or
  // as the reports label an interval without /start_time ("+1800s": digits, a point at most).
  const std::string shown = cell;
  if (auto seconds = report_seconds(cell)) cell = *seconds;
  double start_s = 0.0;
  if (auto clock = parse_clock(cell)) {
    if (!start_minute_) {
      // An invalid /start_time is reported there.
      if (!start_time_given_)
        error(ptr, where + fmt::format("a clock time needs /start_time (the clock time of time 0); set /start_time "
                                       "or give seconds from the start of the day; got {}",
                                       quote(cell)));
      return std::nullopt;
    }
    const double t = static_cast<double>(*clock) - *start_minute_ * 60.0;
    start_s = t < 0.0 ? t + kSecondsPerDay : t;
  } else if (auto x = csv_number(cell)) {
    start_s = *x;
  } else {
    error(ptr, where + fmt::format("expected {}; got {}", kTimeAccepted, quote(shown)));
    return std::nullopt;
  }
  const double index_d = start_s / period_s;
  if (std::fabs(index_d - std::round(index_d)) > 1e-9 || index_d < -0.5 || std::round(index_d) >= periods) {
    error(ptr, where + fmt::format("{} is not the start of one of the {} intervals of {:g} s{}", quote(shown), periods,
                                   period_s, start_minute_ ? fmt::format(" from {}", day_clock().time(0.0)) : ""));
    return std::nullopt;
  }
  return day * periods + static_cast<std::uint32_t>(std::llround(index_d));
}

std::string Decoder::interval_list(const std::vector<std::uint32_t>& intervals, double period_s, bool dated) const {
  std::string list;
  const std::uint32_t per_day = *num_periods_;
  const auto day = [&](std::uint32_t i) {
    if (!dated) return std::string();
    return day_name(day_names_, i / per_day) + " ";
  };
  for (std::size_t j = 0; j < intervals.size() && j < 6; ++j)
    list += (j ? ", " : "") + day(intervals[j]) + day_clock().time((intervals[j] % per_day) * period_s);
  if (intervals.size() > 6) list += fmt::format(" and {} more", intervals.size() - 6);
  return list;
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
  const bool overrides = overrides_at(*f, "/forecast");
  const std::string fp = "/forecast/file";
  std::string shown;
  const std::optional<std::string> text = read_csv_key(*f, "/forecast", "forecast", shown);
  if (!text) return;
  if (!num_periods_ || spec.period_s <= 0.0) return;  // reported at /period_s, /num_periods
  const std::uint32_t periods = *num_periods_;
  const std::uint32_t all_periods = csv_periods();
  const double period_s = spec.period_s;
  const std::size_t before = sink_.count();
  csv_unjudged_ = csv_day_noted_ = false;
  RowDays row_days;

  std::optional<bool> header_per_hour;
  std::optional<double> stated_total;
  std::vector<std::size_t> column(kForecastColumns.size(), kNoColumn);  // by kForecastColumns index
  std::size_t columns = 0;
  bool have_header = false;
  std::map<std::size_t, TypeRows> rows;  // by type index
  const CsvText csv = split_csv(*text);
  for (const CsvLine& bad : csv.bad)
    error(fp, csv_at(shown, bad.line) + fmt::format("not a CSV row ({})", bad.cells[0]));
  for (const CsvLine& comment : csv.comments) {
    // "# volume: per_hour", "# total_volume: 5500"; other comments are free text.
    const std::string_view body = comment.cells[0];
    const std::size_t colon = body.find(':');
    if (colon == std::string_view::npos) continue;
    const auto strip = [](std::string_view x) {
      while (!x.empty() && x.front() == ' ') x.remove_prefix(1);
      while (!x.empty() && x.back() == ' ') x.remove_suffix(1);
      return x;
    };
    const std::string_view key = strip(body.substr(0, colon)), value = strip(body.substr(colon + 1));
    if (key == "volume") {
      if (value == kVolumeUnits[0] || value == kVolumeUnits[1])
        header_per_hour = value == kVolumeUnits[1];
      else
        error(fp, csv_at(shown, comment.line) +
                      fmt::format("unknown volume unit {}; known: per_interval, per_hour", quote(value)));
    } else if (key == "total_volume") {
      if (auto x = csv_number(value); x && *x >= 0.0)
        stated_total = *x;
      else
        error(fp, csv_at(shown, comment.line) +
                      fmt::format("total_volume must be a number >= 0; got {}", quote(value)));
    }
  }
  for (const CsvLine& csv_line : csv.rows) {
    const std::size_t line_no = csv_line.line;
    const std::vector<std::string>& cells = csv_line.cells;
    if (!have_header) {
      have_header = true;
      columns = cells.size();
      for (std::size_t c = 0; c < cells.size(); ++c) {
        const auto it = std::ranges::find(kForecastColumns, cells[c]);
        if (it == kForecastColumns.end()) {
          error(fp, csv_at(shown, line_no, c, cells[c]) +
                        fmt::format("unknown column {}; known: {}{}", quote(cells[c]), join_names(kForecastColumns),
                                    did_you_mean(cells[c], kForecastColumns)));
          continue;
        }
        const auto k = static_cast<std::size_t>(it - kForecastColumns.begin());
        if (column[k] != kNoColumn)
          error(fp, csv_at(shown, line_no, c, cells[c]) + fmt::format("column {} given twice (first as column {})",
                                                           quote(cells[c]), column[k] + 1));
        else
          column[k] = c;
      }
      // An unknown column may be the required one misspelt: its message lists them.
      for (std::size_t k = 0; k < 3 && sink_.count() == before; ++k)
        if (column[k] == kNoColumn)
          error(fp, csv_at(shown, line_no) +
                        fmt::format("the header has no column {}; required: interval_start, contact_type, volume "
                                    "(optional: aht_s, patience_s)",
                                    quote(kForecastColumns[k])));
      if (sink_.count() != before) return;
      continue;
    }
    if (cells.size() != columns) {
      error(fp, csv_at(shown, line_no) +
                    fmt::format("{} cells; the header has {} columns", cells.size(), columns));
      continue;
    }
    const auto cell = [&](std::size_t k) -> const std::string& { return cells[column[k]]; };
    const auto where = [&](std::size_t k) { return csv_at(shown, line_no, column[k], kForecastColumns[k]); };
    bool dated = false;
    const std::optional<std::uint32_t> interval_o = csv_interval(cell(0), fp, where(0), period_s, periods, dated);
    if (!interval_o) continue;
    row_days.note(dated, line_no);
    const std::uint32_t interval = *interval_o;
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
      auto x = csv_number(cell(k));
      if (!x || *x < 0.0 || (!zero_ok && *x == 0.0)) {
        error(fp, where(k) + fmt::format("expected a number {}; got {}", zero_ok ? ">= 0" : "> 0", quote(cell(k))));
        return std::nullopt;
      }
      return x;
    };
    const std::size_t row_errors = sink_.count();
    const ContactTypeSpec& ct = spec.contact_types[make_id<ContactTypeId>(*type)];
    // An e-mail never abandons: its row leaves the cell empty, and a table of calls and
    // e-mails can still carry the column.
    const bool deferred = ct.channel == Channel::Email;
    const auto volume = value(2, true), aht = value(3, false);
    const auto patience = deferred ? std::nullopt : value(4, false);
    if (column[4] != kNoColumn && deferred && !cell(4).empty())
      error(fp, where(4) + fmt::format("{} is an e-mail type: it waits without abandoning, so it has no patience; "
                                       "leave this cell empty",
                                       ct.name));
    else if (column[4] != kNoColumn && !deferred && !types_[*type].has_patience)
      error(fp, where(4) + fmt::format("{} has no patience law to scale (its shape); add /contact_types/{}/patience or "
                                       "leave the column out",
                                       ct.name, *type));
    TypeRows& r = rows[*type];
    if (r.line.empty()) {
      r.volume.assign(all_periods, std::nan(""));
      r.aht_s.assign(all_periods, std::nan(""));
      r.patience_s.assign(all_periods, std::nan(""));
      r.line.assign(all_periods, 0);
    }
    if (r.line[interval] != 0) {
      // With rows with and without their day, one of each may meet: the mix is reported.
      if (!row_days.mixed())
        error(fp, csv_at(shown, line_no) + fmt::format("{} {} is given twice (first on line {})", cell(0), cell(1),
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
  if (rows.empty() && sink_.count() == before && !csv_unjudged_) {
    error(fp, fmt::format("{}: no rows after the header; give one row per interval and contact type", shown));
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
  const bool rows_ok = sink_.count() == before;
  // Before the rows it would lack: an outbound type has none to give.
  for (auto it = rows.begin(); it != rows.end();) {
    const ContactTypeSpec& t = spec.contact_types[make_id<ContactTypeId>(it->first)];
    if (t.channel != Channel::Outbound) {
      ++it;
      continue;
    }
    error(fp, fmt::format("{}: {} is outbound ({}/channel): its dialer calls its customers and nothing arrives; "
                          "remove its rows",
                          shown, t.name, child_pointer("/contact_types", it->first)));
    it = rows.erase(it);
  }
  const bool dated = row_days.any_dated();
  if (row_days.mixed()) error(fp, row_days.mixed_text(shown));
  // One day's rows stand for every day.
  if (!dated)
    for (auto& [type, r] : rows)
      for (auto* v : {&r.volume, &r.aht_s, &r.patience_s}) v->resize(periods);
  // A bad row may be the missing one: its problem is reported.
  const bool judge_missing = rows_ok && !row_days.mixed() && !csv_unjudged_;
  for (const auto& [type, r] : judge_missing ? rows : std::map<std::size_t, TypeRows>{}) {
    std::vector<std::uint32_t> missing_at;
    for (std::uint32_t i = 0; i < (dated ? all_periods : periods); ++i)
      if (r.line[i] == 0) missing_at.push_back(i);
    if (missing_at.empty()) continue;
    const std::string list = interval_list(missing_at, period_s, dated);
    error(fp, fmt::format("{}: {} has no row for {} interval{}: {}; give every interval of the {} (0 where "
                          "nothing arrives)",
                          shown, spec.contact_types[make_id<ContactTypeId>(type)].name, missing_at.size(),
                          missing_at.size() == 1 ? "" : "s", list, dated ? "run" : "day"));
  }
  if (sink_.count() != before || csv_unjudged_) return;
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
    // A per-period mean the scenario also gives (the file's arrivals stand: no "missing
    // arrivals" on top).
    const auto twice = [&](bool given, std::size_t column_index, std::string_view what, std::string_view key) {
      if (!given || column[column_index] == kNoColumn || overrides) return false;
      error(fp, fmt::format("{}: the {} of {} is given twice, at {}/{} and in this file; remove one, or set "
                            "/forecast/overrides to true to let the file replace it",
                            shown, what, t.name, tp, key));
      info.arrivals_given = true;
      return true;
    };
    if (twice(info.aht_given, 3, "AHT", "aht_per_period_s") ||
        twice(info.patience_given, 4, "patience", "patience_per_period_s"))
      continue;
    const double scale = *per_hour ? period_s / 3600.0 : 1.0;
    t.arrivals = ArrivalSpec{ArrivalSpec::Process::PiecewisePoisson, 0.0, {}, {}};
    for (double v : r.volume) t.arrivals.per_period.push_back(v * scale);
    for (double v : t.arrivals.per_period) source.total += v;
    if (column[3] != kNoColumn) t.aht_per_period_s = r.aht_s;
    if (column[4] != kNoColumn && t.channel != Channel::Email) t.patience_per_period_s = r.patience_s;
    info.arrivals_given = true;
    info.arrivals_ok = true;
    info.arrives = std::ranges::any_of(t.arrivals.per_period, [](double v) { return v > 0.0; });
  }
  spec.forecast = source;
}

void Decoder::decode_staffing_plan(const Json& doc, const ScenarioSpec& spec) {
  const Json* p = find(doc, "staffing_plan");
  if (!p) return;
  staffing_plan_key_ = true;
  if (mode_ == RunMode::SteadyState) {
    error("/staffing_plan", "a staffing plan gives agents per interval, which needs mode \"day\"; remove it");
    return;
  }
  if (!expect_object(*p, "/staffing_plan", R"(an object {"file": "staffing/monday.csv"})")) return;
  check_keys(*p, "/staffing_plan", kStaffingPlanKeys);
  staffing_plan_overrides_ = overrides_at(*p, "/staffing_plan");
  const std::string fp = "/staffing_plan/file";
  std::string shown;
  const std::optional<std::string> text = read_csv_key(*p, "/staffing_plan", "staffing plan", shown);
  if (!text || !num_periods_ || spec.period_s <= 0.0) return;  // else reported at /period_s, /num_periods
  staffing_plan_file_ = shown;
  const std::uint32_t periods = *num_periods_;
  const std::uint32_t all_periods = csv_periods();
  const std::size_t before = sink_.count();
  RowDays row_days;
  csv_unjudged_ = csv_day_noted_ = false;
  // The groups as the file names them (the plan is read before the groups are decoded).
  std::vector<std::string> names;
  if (const Json* gs = find(doc, "agent_groups"); gs && gs->is_array())
    for (const Json& g : *gs)
      if (const Json* n = g.is_object() ? find(g, "name") : nullptr; n && n->is_string())
        names.push_back(n->get<std::string>());
  const CsvText csv = split_csv(*text);
  for (const CsvLine& bad : csv.bad)
    error(fp, csv_at(shown, bad.line) + fmt::format("not a CSV row ({})", bad.cells[0]));
  if (csv.rows.empty()) {
    error(fp, fmt::format("{}: no header row; the first line that is not a # comment names the columns: "
                          "interval_start, then one agent group per column",
                          shown));
    return;
  }
  const CsvLine& header = csv.rows.front();
  if (header.cells.empty() || header.cells[0] != "interval_start")
    error(fp, csv_at(shown, header.line, 0, header.cells.empty() ? "" : header.cells[0]) +
                  "the first column must be interval_start, then one agent group per column");
  std::vector<std::string> columns;  // group name per column from 1
  for (std::size_t c = 1; c < header.cells.size(); ++c) {
    const std::string& name = header.cells[c];
    if (std::ranges::find(names, name) == names.end())
      error(fp, csv_at(shown, header.line, c, name) + fmt::format("unknown agent group {}; defined: {}{}", quote(name),
                                                       join_names(names), did_you_mean(name, names)));
    else if (std::ranges::find(columns, name) != columns.end())
      error(fp, csv_at(shown, header.line, c, name) + fmt::format("agent group {} has two columns", quote(name)));
    columns.push_back(name);
  }
  if (sink_.count() != before) return;
  std::vector<std::vector<std::uint32_t>> agents(columns.size(), std::vector<std::uint32_t>(all_periods, 0));
  std::vector<std::size_t> line_of(all_periods, 0);
  std::size_t fractional = 0;
  std::string first_fractional;
  for (std::size_t r = 1; r < csv.rows.size(); ++r) {
    const CsvLine& row = csv.rows[r];
    if (row.cells.size() != header.cells.size()) {
      error(fp, csv_at(shown, row.line) +
                    fmt::format("{} cells; the header has {} columns", row.cells.size(), header.cells.size()));
      continue;
    }
    bool dated = false;
    const auto interval =
        csv_interval(row.cells[0], fp, csv_at(shown, row.line, 0, "interval_start"), spec.period_s, periods, dated);
    if (!interval) continue;
    row_days.note(dated, row.line);
    if (line_of[*interval] != 0) {
      if (!row_days.mixed())
        error(fp, csv_at(shown, row.line) +
                      fmt::format("{} is given twice (first on line {})", row.cells[0], line_of[*interval]));
      continue;
    }
    line_of[*interval] = row.line;
    for (std::size_t c = 1; c < row.cells.size(); ++c) {
      const auto x = csv_number(row.cells[c]);
      if (!x || *x < 0.0 || *x > static_cast<double>(kU32Max)) {
        error(fp, csv_at(shown, row.line, c, columns[c - 1]) +
                      fmt::format("expected a whole number of agents >= 0; got {}", quote(row.cells[c])));
      } else if (*x != std::floor(*x)) {
        if (fractional++ == 0) first_fractional = csv_at(shown, row.line, c, columns[c - 1]) + row.cells[c];
      } else {
        agents[c - 1][*interval] = static_cast<std::uint32_t>(*x);
      }
    }
  }
  if (fractional > 0)
    error(fp, fmt::format("{}: agents are whole: {} cell{} {} fractional (the first, {}); round them (up, to keep at "
                          "least the agents asked for)",
                          shown, fractional, fractional == 1 ? "" : "s", fractional == 1 ? "is" : "are",
                          first_fractional));
  const bool dated = row_days.any_dated();
  if (row_days.mixed()) error(fp, row_days.mixed_text(shown));
  std::vector<std::uint32_t> missing_at;
  for (std::uint32_t i = 0; i < (dated ? all_periods : periods); ++i)
    if (line_of[i] == 0) missing_at.push_back(i);
  if (sink_.count() == before && !csv_unjudged_ && !missing_at.empty())
    error(fp, fmt::format("{}: no row for {} interval{}: {}; give every interval of the {} (0 agents where none "
                          "works)",
                          shown, missing_at.size(), missing_at.size() == 1 ? "" : "s",
                          interval_list(missing_at, spec.period_s, dated), dated ? "run" : "day"));
  if (sink_.count() != before || csv_unjudged_) return;
  if (!dated)
    for (auto& a : agents) a.resize(periods);  // one day's plan stands for every day
  for (std::size_t c = 0; c < columns.size(); ++c) staffing_plan_.emplace(columns[c], std::move(agents[c]));
  staffing_plan_read_ = true;
}

void Decoder::check_arrivals_given(const ScenarioSpec& spec) {
  // A forecast that could not be read may have given them: its problems are reported.
  if (forecast_key_ && !forecast_read_) return;
  for (std::size_t i = 0; i < types_.size(); ++i) {
    const TypeInfo& info = types_[i];
    if (!info.is_object || info.arrivals_given || info.serves_callbacks || !info.channel_ok) continue;
    const ContactTypeSpec& t = spec.contact_types[make_id<ContactTypeId>(i)];
    if (t.channel == Channel::Outbound) continue;  // its dialer's calls are its work
    const std::string name = quote(t.name);
    // A callback whose "to" names no other type may have meant this one: say why it would not be here.
    missing(child_pointer("/contact_types", i), "arrivals",
            std::string(R"(an object such as {"process": "poisson", "rate_per_hour": 200})") +
                (forecast_key_ ? fmt::format(", or rows for {} in the forecast file", name) : "") +
                (callback_to_lost_
                     ? fmt::format(R"(; a type that serves callbacks has none: name {} in a callback's "to")", name)
                     : ""));
  }
}

}  // namespace ccsim::models::internal
