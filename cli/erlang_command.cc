// cli/erlang_command.cc
// `ccsim erlang b|c|a`: exact Erlang B / C / A numbers and staffing from the command
// line, as aligned text or one JSON object. Bad values exit 2 with one line on stderr;
// CLI11 usage errors (unknown flag, non-number) are left to main. docs/erlang.md.
#include <cmath>
#include <cstdint>
#include <deque>
#include <exception>
#include <iostream>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "models/analytic/erlang.h"
#include "models/scenario/validate.h"

namespace ccsim::cli {
namespace {

namespace an = ccsim::models::analytic;
using json = nlohmann::ordered_json;  // keys stay in the order of the text output

// Bad input found by the command itself; printed as "ccsim erlang: <message>".
struct BadInput : std::invalid_argument {
  using std::invalid_argument::invalid_argument;
};

// ---- output ------------------------------------------------------------------------

// One "key value" line; the JSON value and the text are kept side by side so that the
// two outputs can never disagree on what a key means.
struct Row {
  std::string key;
  json value;
  std::string note;  // text output only, e.g. "(200 per hour)"
};

struct Section {
  std::string name;
  std::vector<Row> rows;
};

// Six significant digits; computed values keep trailing zeros so that columns line up.
std::string text_of(const json& v, bool keep_zeros) {
  if (v.is_number_float())
    return keep_zeros ? fmt::format("{:#.6g}", v.get<double>())
                      : fmt::format("{:.6g}", v.get<double>());
  if (v.is_boolean()) return v.get<bool>() ? "yes" : "no";
  if (v.is_string()) return v.get<std::string>();
  return v.dump();
}

class Report {
 public:
  Report(std::string model, std::string title) : model_(std::move(model)), title_(std::move(title)) {}

  Section& section(std::string name) {
    sections_.push_back({std::move(name), {}});
    return sections_.back();
  }

  std::string text() const {
    std::size_t width = 0;
    for (const Section& s : sections_)
      for (const Row& r : s.rows) width = std::max(width, r.key.size());
    std::string out = title_ + "\n";
    for (const Section& s : sections_) {
      if (s.rows.empty()) continue;
      out += s.name + "\n";
      for (const Row& r : s.rows) {
        const bool computed = s.name != "inputs" && !r.key.starts_with("target");
        std::string line = fmt::format("  {:<{}}  {}", r.key, width, text_of(r.value, computed));
        if (!r.note.empty()) line += "  " + r.note;
        out += line + "\n";
      }
    }
    return out;
  }

  json to_json() const {
    json j = json::object();
    j["model"] = model_;
    for (const Section& s : sections_) {
      if (s.rows.empty()) continue;
      json obj = json::object();
      for (const Row& r : s.rows) obj[r.key] = r.value;  // inf/NaN become null
      j[s.name] = std::move(obj);
    }
    return j;
  }

 private:
  std::string model_;
  std::string title_;
  std::deque<Section> sections_;  // deque: section() references stay valid
};

void emit(const Report& r, bool as_json) {
  if (as_json)
    std::cout << r.to_json().dump(2) << "\n";
  else
    std::cout << r.text();
  std::cout.flush();
}

// ---- shared options ----------------------------------------------------------------

struct RateOptions {
  double per_s = 0.0, per_min = 0.0, per_hour = 0.0;
  CLI::Option* o_per_s = nullptr;
  CLI::Option* o_per_min = nullptr;
  CLI::Option* o_per_hour = nullptr;

  void add(CLI::App& sub) {
    o_per_s = sub.add_option("--rate-per-s", per_s, "Arrival rate, calls per second");
    o_per_min = sub.add_option("--rate-per-min", per_min, "Arrival rate, calls per minute");
    o_per_hour = sub.add_option("--rate-per-hour", per_hour, "Arrival rate, calls per hour");
  }
  bool any() const { return o_per_s->count() + o_per_min->count() + o_per_hour->count() > 0; }

  // Calls per second and a note with the rate as given.
  std::pair<double, std::string> get() const {
    const std::size_t n = o_per_s->count() + o_per_min->count() + o_per_hour->count();
    const char* accepted = "give exactly one of --rate-per-s, --rate-per-min, --rate-per-hour";
    if (n == 0) throw BadInput(fmt::format("no arrival rate given; {}", accepted));
    if (n > 1) throw BadInput(fmt::format("{} arrival rates given; {}", n, accepted));
    const char* flag = o_per_s->count() ? "--rate-per-s" : o_per_min->count() ? "--rate-per-min"
                                                                               : "--rate-per-hour";
    const double v = o_per_s->count() ? per_s : o_per_min->count() ? per_min : per_hour;
    if (!std::isfinite(v) || v < 0.0)
      throw BadInput(fmt::format("{} is {}; expected a finite number of calls >= 0", flag, v));
    if (o_per_s->count()) return {v, ""};
    if (o_per_min->count()) return {v / 60.0, fmt::format("({:.6g} per minute)", v)};
    return {v / 3600.0, fmt::format("({:.6g} per hour)", v)};
  }
};

double positive_seconds(const char* flag, double v) {
  if (!std::isfinite(v) || v <= 0.0)
    throw BadInput(fmt::format("{} is {}; expected a finite number of seconds > 0", flag, v));
  return v;
}

double nonneg_seconds(const char* flag, double v) {
  if (!std::isfinite(v) || v < 0.0)
    throw BadInput(fmt::format("{} is {}; expected a finite number of seconds >= 0", flag, v));
  return v;
}

double fraction(const char* flag, double v, bool zero_ok, bool one_ok) {
  const bool ok = (zero_ok ? v >= 0.0 : v > 0.0) && (one_ok ? v <= 1.0 : v < 1.0);
  if (!ok)
    throw BadInput(fmt::format("{} is {}; expected a fraction in {}0, 1{}{}", flag, v, zero_ok ? "[" : "(",
                               one_ok ? "]" : ")",
                               v > 1.0 && v <= 100.0
                                   ? fmt::format(" (write {} % as {})", v, models::internal::hundredth_text(v))
                                   : ""));
  return v;
}

std::uint32_t count_of(const char* flag, std::int64_t v, std::int64_t min) {
  if (v < min || v > static_cast<std::int64_t>(an::kMaxStaffingAgents))
    throw BadInput(fmt::format("{} is {}; expected a whole number from {} to {}", flag, v, min,
                               an::kMaxStaffingAgents));
  return static_cast<std::uint32_t>(v);
}

// Runs one subcommand body and turns its failures into an exit code and one line.
template <class Body>
int guarded(Body body) {
  try {
    body();
    return kExitOk;
  } catch (const std::invalid_argument& e) {  // BadInput and the formulas' own checks
    std::cerr << "ccsim erlang: " << e.what() << "\n";
    return kExitBadInput;
  } catch (const std::exception& e) {
    std::cerr << "ccsim erlang: internal error: " << e.what() << "\n";
    return kExitInternal;
  }
}

// ---- erlang b ----------------------------------------------------------------------

struct BOptions {
  RateOptions rate;
  double aht_s = 0.0, load_erlangs = 0.0, target_block = 0.0;
  std::int64_t lines = 0;
  bool as_json = false;
  CLI::Option *o_aht = nullptr, *o_load = nullptr, *o_target = nullptr, *o_lines = nullptr;
};

void run_b(const BOptions& o) {
  double a = 0.0;
  Report rep("erlang_b", "Erlang B: M/M/c/c, blocked calls are lost (no queue)");
  Section& in = rep.section("inputs");
  if (o.o_load->count()) {
    if (o.rate.any() || o.o_aht->count())
      throw BadInput("--load-erlangs given together with a rate or --aht-s; give either "
                     "--load-erlangs or one --rate-per-* with --aht-s");
    if (!std::isfinite(o.load_erlangs) || o.load_erlangs < 0.0)
      throw BadInput(fmt::format("--load-erlangs is {}; expected a finite number >= 0",
                                 o.load_erlangs));
    a = o.load_erlangs;
  } else {
    if (!o.rate.any() && !o.o_aht->count())
      throw BadInput("no offered load given; give --load-erlangs, or one --rate-per-* with "
                     "--aht-s");
    if (!o.o_aht->count())
      throw BadInput("--aht-s missing; a rate needs the mean handle time in seconds (or give "
                     "--load-erlangs instead)");
    const auto [rate, note] = o.rate.get();
    const double aht = positive_seconds("--aht-s", o.aht_s);
    a = rate * aht;
    in.rows.push_back({"rate_per_s", rate, note});
    in.rows.push_back({"mean_service_s", aht, ""});
  }
  if (!o.o_lines->count() && !o.o_target->count())
    throw BadInput("nothing to compute; give --lines, --target-block, or both");
  in.rows.push_back({"load_erlangs", a, ""});

  std::optional<std::uint32_t> staffed;
  if (o.o_target->count()) {
    const double target = fraction("--target-block", o.target_block, false, true);
    staffed = an::staff_erlang_b_for_blocking(a, target);
  }
  const std::uint32_t lines =
      o.o_lines->count() ? count_of("--lines", o.lines, 0) : *staffed;
  in.rows.push_back({"lines", lines, o.o_lines->count() ? "" : "(from --target-block)"});

  const double b = an::erlang_b(lines, a);
  Section& res = rep.section("results");
  res.rows.push_back({"p_block", b, ""});
  res.rows.push_back({"carried_load_erlangs", a * (1.0 - b), ""});
  res.rows.push_back({"line_occupancy", lines > 0 ? a * (1.0 - b) / lines : 0.0, ""});
  if (staffed) {
    Section& st = rep.section("staffing");
    st.rows.push_back({"target_block", o.target_block, ""});
    st.rows.push_back({"lines_for_block", *staffed, ""});
    st.rows.push_back({"p_block_at_lines_for_block", an::erlang_b(*staffed, a), ""});
  }
  emit(rep, o.as_json);
}

void add_b(CLI::App& erlang, int& exit_code) {
  auto o = std::make_shared<BOptions>();
  CLI::App* sub = erlang.add_subcommand(
      "b", "Erlang B (M/M/c/c): blocking probability and lines needed");
  o->o_lines = sub->add_option("--lines", o->lines, "Number of lines (servers)");
  o->o_load = sub->add_option("--load-erlangs", o->load_erlangs,
                              "Offered load in Erlangs (instead of a rate and --aht-s)");
  o->rate.add(*sub);
  o->o_aht = sub->add_option("--aht-s", o->aht_s, "Mean holding (handle) time, seconds");
  o->o_target = sub->add_option("--target-block", o->target_block,
                                "Also find the fewest lines with p_block <= this");
  sub->add_flag("--json", o->as_json, "Print one JSON object instead of text");
  sub->callback([o, &exit_code] { exit_code = guarded([&] { run_b(*o); }); });
}

// ---- erlang c and a: shared staffing options ---------------------------------------

struct QueueOptions {
  RateOptions rate;
  double aht_s = 0.0, awt_s = 20.0, patience_s = 0.0, short_abandon_s = 0.0;
  double target_sl = 0.0, target_asa_s = 0.0, target_abandon = 0.0;
  std::int64_t agents = 0;
  bool as_json = false;
  CLI::Option *o_aht = nullptr, *o_agents = nullptr, *o_target_sl = nullptr,
              *o_target_asa = nullptr, *o_target_abandon = nullptr, *o_patience = nullptr,
              *o_short = nullptr;
};

void add_queue_options(CLI::App& sub, QueueOptions& o, const char* sl_name) {
  o.o_agents = sub.add_option("--agents", o.agents, "Number of agents");
  o.rate.add(sub);
  o.o_aht = sub.add_option("--aht-s", o.aht_s, "Mean handle time (talk + wrap-up), seconds");
  sub.add_option("--awt-s", o.awt_s, "Acceptable waiting time of the service level, seconds")
      ->capture_default_str();
  o.o_target_sl =
      sub.add_option("--target-sl", o.target_sl,
                     fmt::format("Also find the fewest agents with {} >= this", sl_name));
}

struct Common {
  double rate_per_s, aht_s, awt_s;
};

Common common_inputs(const QueueOptions& o, Section& in) {
  const auto [rate, note] = o.rate.get();
  if (!o.o_aht->count()) throw BadInput("--aht-s missing; give the mean handle time in seconds");
  const double aht = positive_seconds("--aht-s", o.aht_s);
  const double awt = nonneg_seconds("--awt-s", o.awt_s);
  in.rows.push_back({"rate_per_s", rate, note});
  in.rows.push_back({"mean_service_s", aht, ""});
  in.rows.push_back({"load_erlangs", rate * aht, ""});
  return {rate, aht, awt};
}

// The agents to report on: --agents if given, else the most any target needs.
std::uint32_t agents_to_report(const QueueOptions& o, const std::vector<std::uint32_t>& staffed,
                               Section& in) {
  if (o.o_agents->count()) {
    const std::uint32_t c = count_of("--agents", o.agents, 1);
    in.rows.push_back({"agents", c, ""});
    return c;
  }
  std::uint32_t c = 0;
  for (std::uint32_t s : staffed) c = std::max(c, s);
  in.rows.push_back({"agents", c, "(fewest meeting every target)"});
  return c;
}

// ---- erlang c ----------------------------------------------------------------------

void run_c(const QueueOptions& o) {
  Report rep("erlang_c", "Erlang C: M/M/c, FIFO, callers never abandon");
  Section& in = rep.section("inputs");
  const Common k = common_inputs(o, in);
  in.rows.push_back({"awt_s", k.awt_s, ""});
  if (!o.o_agents->count() && !o.o_target_sl->count() && !o.o_target_asa->count())
    throw BadInput("nothing to compute; give --agents, --target-sl, --target-asa-s, or a mix");

  Section staffing{"staffing", {}};
  std::vector<std::uint32_t> staffed;
  if (o.o_target_sl->count()) {
    const double target = fraction("--target-sl", o.target_sl, true, false);
    const std::uint32_t c = an::staff_erlang_c_for_sl(k.rate_per_s, k.aht_s, k.awt_s, target);
    staffed.push_back(c);
    staffing.rows.push_back({"target_sl", target, ""});
    staffing.rows.push_back({"agents_for_sl", c, ""});
    staffing.rows.push_back(
        {"service_level_at_agents_for_sl",
         an::erlang_c_metrics(c, k.rate_per_s, k.aht_s, k.awt_s).service_level, ""});
  }
  if (o.o_target_asa->count()) {
    const double target = positive_seconds("--target-asa-s", o.target_asa_s);
    const std::uint32_t c = an::staff_erlang_c_for_asa(k.rate_per_s, k.aht_s, target);
    staffed.push_back(c);
    staffing.rows.push_back({"target_asa_s", target, ""});
    staffing.rows.push_back({"agents_for_asa", c, ""});
    staffing.rows.push_back(
        {"asa_s_at_agents_for_asa", an::erlang_c_metrics(c, k.rate_per_s, k.aht_s, k.awt_s).asa_s,
         ""});
  }
  const std::uint32_t c = agents_to_report(o, staffed, in);

  const an::ErlangC m = an::erlang_c_metrics(c, k.rate_per_s, k.aht_s, k.awt_s);
  Section& res = rep.section("results");
  res.rows.push_back({"stable", m.stable, m.stable ? "" : "(load >= agents: the queue grows without bound)"});
  res.rows.push_back({"p_wait", m.p_wait, ""});
  res.rows.push_back({"service_level", m.service_level, ""});
  res.rows.push_back({"asa_s", m.asa_s, ""});
  res.rows.push_back({"mean_queue_length", m.mean_queue_length, ""});
  res.rows.push_back({"occupancy", m.occupancy, ""});
  rep.section("staffing") = std::move(staffing);
  emit(rep, o.as_json);
}

void add_c(CLI::App& erlang, int& exit_code) {
  auto o = std::make_shared<QueueOptions>();
  CLI::App* sub = erlang.add_subcommand(
      "c", "Erlang C (M/M/c): wait probability, service level, ASA and agents needed");
  add_queue_options(*sub, *o, "service_level");
  o->o_target_asa = sub->add_option("--target-asa-s", o->target_asa_s,
                                    "Also find the fewest agents with asa_s <= this, seconds");
  sub->add_flag("--json", o->as_json, "Print one JSON object instead of text");
  sub->callback([o, &exit_code] { exit_code = guarded([&] { run_c(*o); }); });
}

// ---- erlang a ----------------------------------------------------------------------

void run_a(const QueueOptions& o) {
  Report rep("erlang_a",
             "Erlang A: M/M/c+M, FIFO, callers abandon after an exponential patience");
  Section& in = rep.section("inputs");
  const Common k = common_inputs(o, in);
  if (!o.o_patience->count())
    throw BadInput("--patience-s missing; give the mean patience in seconds (inf: nobody abandons)");
  if (std::isnan(o.patience_s) || o.patience_s <= 0.0)
    throw BadInput(fmt::format(
        "--patience-s is {}; expected a number of seconds > 0 (inf: nobody abandons)",
        o.patience_s));
  in.rows.push_back({"mean_patience_s", o.patience_s, ""});
  in.rows.push_back({"awt_s", k.awt_s, ""});
  std::optional<double> short_s;
  if (o.o_short->count()) {
    short_s = nonneg_seconds("--short-abandon-s", o.short_abandon_s);
    in.rows.push_back({"short_abandon_s", *short_s, ""});
  }
  if (!o.o_agents->count() && !o.o_target_sl->count() && !o.o_target_abandon->count())
    throw BadInput(
        "nothing to compute; give --agents, --target-sl, --target-abandon, or a mix");

  Section staffing{"staffing", {}};
  std::vector<std::uint32_t> staffed;
  if (o.o_target_sl->count()) {
    const double target = fraction("--target-sl", o.target_sl, true, false);
    const std::uint32_t c =
        an::staff_erlang_a_for_sl(k.rate_per_s, k.aht_s, o.patience_s, k.awt_s, target);
    staffed.push_back(c);
    staffing.rows.push_back({"target_sl", target, "(sl_answered_within_t_over_offered)"});
    staffing.rows.push_back({"agents_for_sl", c, ""});
    staffing.rows.push_back(
        {"sl_at_agents_for_sl",
         an::erlang_a_metrics(c, k.rate_per_s, k.aht_s, o.patience_s, k.awt_s)
             .sl_answered_within_t_over_offered,
         ""});
  }
  if (o.o_target_abandon->count()) {
    const double target = fraction("--target-abandon", o.target_abandon, false, true);
    const std::uint32_t c =
        an::staff_erlang_a_for_abandon(k.rate_per_s, k.aht_s, o.patience_s, target);
    staffed.push_back(c);
    staffing.rows.push_back({"target_abandon", target, ""});
    staffing.rows.push_back({"agents_for_abandon", c, ""});
    staffing.rows.push_back(
        {"p_abandon_at_agents_for_abandon",
         an::erlang_a_metrics(c, k.rate_per_s, k.aht_s, o.patience_s, k.awt_s).p_abandon, ""});
  }
  const std::uint32_t c = agents_to_report(o, staffed, in);

  const an::ErlangA m = an::erlang_a_metrics(c, k.rate_per_s, k.aht_s, o.patience_s, k.awt_s);
  Section& res = rep.section("results");
  if (!m.stable)
    res.rows.push_back({"stable", false, "(infinite patience and load >= agents)"});
  res.rows.push_back({"p_wait", m.p_wait, ""});
  res.rows.push_back({"p_abandon", m.p_abandon, ""});
  res.rows.push_back({"p_abandon_given_wait", m.p_abandon_given_wait, ""});
  res.rows.push_back(
      {"sl_answered_within_t_over_offered", m.sl_answered_within_t_over_offered, ""});
  res.rows.push_back(
      {"sl_answered_within_t_over_answered", m.sl_answered_within_t_over_answered, ""});
  if (short_s)
    res.rows.push_back({"sl_excluding_short_abandons",
                        an::erlang_a_sl_excluding_short_abandons(
                            c, k.rate_per_s, k.aht_s, o.patience_s, k.awt_s, *short_s),
                        ""});
  res.rows.push_back({"asa_s", m.asa_s, "(answered calls)"});
  res.rows.push_back({"mean_wait_s", m.mean_wait_s, "(all calls, incl. abandoned)"});
  res.rows.push_back({"mean_queue_length", m.mean_queue_length, ""});
  res.rows.push_back({"occupancy", m.occupancy, ""});
  rep.section("staffing") = std::move(staffing);
  emit(rep, o.as_json);
}

void add_a(CLI::App& erlang, int& exit_code) {
  auto o = std::make_shared<QueueOptions>();
  CLI::App* sub = erlang.add_subcommand(
      "a", "Erlang A (M/M/c+M): abandonment, service level, ASA and agents needed");
  add_queue_options(*sub, *o, "sl_answered_within_t_over_offered");
  o->o_patience = sub->add_option("--patience-s", o->patience_s,
                                  "Mean patience before abandoning, seconds (inf: never)");
  o->o_short = sub->add_option(
      "--short-abandon-s", o->short_abandon_s,
      "Also report the service level that ignores abandons within this many seconds");
  o->o_target_abandon = sub->add_option(
      "--target-abandon", o->target_abandon, "Also find the fewest agents with p_abandon <= this");
  sub->add_flag("--json", o->as_json, "Print one JSON object instead of text");
  sub->callback([o, &exit_code] { exit_code = guarded([&] { run_a(*o); }); });
}

}  // namespace

void add_erlang_command(CLI::App& app, int& exit_code) {
  CLI::App* erlang = app.add_subcommand(
      "erlang", "Exact queueing formulas (Erlang B, C, A) and staffing; no simulation");
  erlang->require_subcommand(1);
  add_b(*erlang, exit_code);
  add_c(*erlang, exit_code);
  add_a(*erlang, exit_code);
}

}  // namespace ccsim::cli
