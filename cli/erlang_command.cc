// cli/erlang_command.cc
// `ccsim erlang b|ivr|c|a`: exact Erlang B / C / A, finite-line (M/M/c/K) and IVR port
// numbers and staffing from the command line, as aligned text or one JSON object. Bad
// values exit 2 with one line on stderr; CLI11 usage errors (unknown flag, non-number)
// are left to main. docs/erlang.md.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <deque>
#include <exception>
#include <iostream>
#include <limits>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/bad_input.h"
#include "cli/cluster.h"
#include "cli/commands.h"
#include "models/analytic/erlang.h"
#include "models/scenario/message_text.h"

namespace ccsim::cli {
namespace {

namespace an = ccsim::models::analytic;
using json = nlohmann::ordered_json;  // keys stay in the order of the text output

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

// Under mpirun every rank runs the command: the formulas are cheap and deterministic, so
// each rank computes and exits alike, and while this lives, ranks other than the root
// write nothing on stdout or stderr.
class RootAlonePrints {
 public:
  explicit RootAlonePrints(const Cluster& cluster) {
    if (cluster.is_root()) return;
    out_ = std::cout.rdbuf(nullptr);
    err_ = std::cerr.rdbuf(nullptr);
  }
  ~RootAlonePrints() {
    if (out_ == nullptr) return;
    std::cout.rdbuf(out_);  // which also clears the badbit that writing to no buffer set
    std::cerr.rdbuf(err_);
  }
  RootAlonePrints(const RootAlonePrints&) = delete;
  RootAlonePrints& operator=(const RootAlonePrints&) = delete;

 private:
  std::streambuf* out_ = nullptr;
  std::streambuf* err_ = nullptr;
};

// Runs one subcommand body and turns its failures into an exit code and one line.
template <class Body>
int guarded(const Cluster& cluster, Body body) {
  const RootAlonePrints root_alone(cluster);
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

// ---- erlang b and ivr ----------------------------------------------------------------

// Erlang B serves two pools with the same formula: trunk lines held for a whole call, and
// IVR ports held for the IVR time. Each prints in its own words, so a port pool never
// has to pose as a group of agents.
struct LossWords {
  const char* model;
  const char* title;
  const char* count;      // "lines" / "ports": the flag without "--", the inputs key
  const char* hold_flag;  // mean holding time flag
  const char* hold_key;
  const char* occupancy;  // results key of the mean fraction of servers busy
};

constexpr LossWords kLines{"erlang_b", "Erlang B: M/M/c/c, blocked calls are lost (no queue)",
                           "lines", "--aht-s", "mean_service_s", "line_occupancy"};
constexpr LossWords kPorts{"ivr_ports",
                           "IVR port pool: M/G/P/P, a call finding every port busy is blocked "
                           "(Erlang B: any IVR-time distribution)",
                           "ports", "--mean-ivr-s", "mean_ivr_s", "port_occupancy"};

struct BOptions {
  RateOptions rate;
  double hold_s = 0.0, load_erlangs = 0.0, target_block = 0.0;
  std::int64_t count = 0;
  bool as_json = false;
  CLI::Option *o_hold = nullptr, *o_load = nullptr, *o_target = nullptr, *o_count = nullptr;
};

void run_b(const BOptions& o, const LossWords& w) {
  double a = 0.0;
  Report rep(w.model, w.title);
  Section& in = rep.section("inputs");
  if (o.o_load->count()) {
    if (o.rate.any() || o.o_hold->count())
      throw BadInput(fmt::format("--load-erlangs given together with a rate or {}; give either "
                                 "--load-erlangs or one --rate-per-* with {}", w.hold_flag,
                                 w.hold_flag));
    if (!std::isfinite(o.load_erlangs) || o.load_erlangs < 0.0)
      throw BadInput(fmt::format("--load-erlangs is {}; expected a finite number >= 0",
                                 o.load_erlangs));
    a = o.load_erlangs;
  } else {
    if (!o.rate.any() && !o.o_hold->count())
      throw BadInput(fmt::format(
          "no offered load given; give --load-erlangs, or one --rate-per-* with {}", w.hold_flag));
    if (!o.o_hold->count())
      throw BadInput(fmt::format("{} missing; a rate needs the mean holding time in seconds (or "
                                 "give --load-erlangs instead)", w.hold_flag));
    const auto [rate, note] = o.rate.get();
    const double hold = positive_seconds(w.hold_flag, o.hold_s);
    a = rate * hold;
    in.rows.push_back({"rate_per_s", rate, note});
    in.rows.push_back({w.hold_key, hold, ""});
  }
  const std::string count_flag = fmt::format("--{}", w.count);
  if (!o.o_count->count() && !o.o_target->count())
    throw BadInput(fmt::format("nothing to compute; give {}, --target-block, or both", count_flag));
  in.rows.push_back({"load_erlangs", a, ""});

  std::optional<std::uint32_t> staffed;
  if (o.o_target->count()) {
    const double target = fraction("--target-block", o.target_block, false, true);
    staffed = an::staff_erlang_b_for_blocking(a, target);
  }
  const std::uint32_t n = o.o_count->count() ? count_of(count_flag.c_str(), o.count, 0) : *staffed;
  in.rows.push_back({w.count, n, o.o_count->count() ? "" : "(from --target-block)"});

  const double b = an::erlang_b(n, a);
  Section& res = rep.section("results");
  res.rows.push_back({"p_block", b, ""});
  res.rows.push_back({"carried_load_erlangs", a * (1.0 - b), ""});
  res.rows.push_back({w.occupancy, n > 0 ? a * (1.0 - b) / n : 0.0, ""});
  if (staffed) {
    Section& st = rep.section("staffing");
    st.rows.push_back({"target_p_block", o.target_block, ""});
    st.rows.push_back({fmt::format("{}_for_p_block", w.count), *staffed, ""});
    st.rows.push_back({"achieved_p_block", an::erlang_b(*staffed, a), ""});
  }
  emit(rep, o.as_json);
}

void add_loss(CLI::App& erlang, const Cluster& cluster, int& exit_code, const LossWords& w, const char* name,
              const char* help, const char* count_help, const char* hold_help) {
  auto o = std::make_shared<BOptions>();
  CLI::App* sub = erlang.add_subcommand(name, help);
  o->o_count = sub->add_option(fmt::format("--{}", w.count), o->count, count_help);
  o->o_load = sub->add_option("--load-erlangs", o->load_erlangs,
                              fmt::format("Offered load in Erlangs (instead of a rate and {})",
                                          w.hold_flag));
  o->rate.add(*sub);
  o->o_hold = sub->add_option(w.hold_flag, o->hold_s, hold_help);
  o->o_target = sub->add_option("--target-block", o->target_block,
                                fmt::format("Also find the fewest {} with p_block <= this", w.count));
  sub->add_flag("--json", o->as_json, "Print one JSON object instead of text");
  sub->callback([o, &w, &cluster, &exit_code] { exit_code = guarded(cluster, [&] { run_b(*o, w); }); });
}

// ---- erlang c and a ----------------------------------------------------------------

struct QueueOptions {
  RateOptions rate;
  double aht_s = 0.0, awt_s = 20.0, patience_s = 0.0, short_abandon_s = 0.0;
  double target_sl = 0.0, target_sl_answered = 0.0, target_sl_admitted = 0.0;
  double target_asa_s = 0.0, target_abandon = 0.0, target_p_wait = 0.0, target_block = 0.0;
  std::int64_t agents = 0, lines = 0;
  bool as_json = false;
  // Options a subcommand does not have stay null.
  CLI::Option *o_aht = nullptr, *o_agents = nullptr, *o_lines = nullptr, *o_patience = nullptr,
              *o_short = nullptr, *o_target_sl = nullptr, *o_target_sl_answered = nullptr,
              *o_target_sl_admitted = nullptr, *o_target_asa = nullptr,
              *o_target_abandon = nullptr, *o_target_p_wait = nullptr, *o_target_block = nullptr;
};

bool given(const CLI::Option* opt) { return opt != nullptr && opt->count() > 0; }

void add_queue_options(CLI::App& sub, QueueOptions& o) {
  o.o_agents = sub.add_option("--agents", o.agents, "Number of agents");
  o.rate.add(sub);
  o.o_aht = sub.add_option("--aht-s", o.aht_s, "Mean handle time (talk + wrap-up), seconds");
  sub.add_option("--awt-s", o.awt_s, "Acceptable waiting time of the service level, seconds")
      ->capture_default_str();
  o.o_lines = sub.add_option(
      "--lines", o.lines,
      "Lines (trunks) K >= agents: calls in service or waiting; a call finding all K busy is "
      "blocked (M/M/c/K)");
  o.o_target_sl = sub.add_option(
      "--target-sl", o.target_sl,
      "Also find the fewest agents with sl_answered_within_t_over_offered >= this");
  o.o_target_sl_admitted = sub.add_option(
      "--target-sl-over-admitted", o.target_sl_admitted,
      "With --lines: also find the fewest agents with sl_answered_within_t_over_admitted >= this");
  o.o_target_p_wait = sub.add_option(
      "--target-p-wait", o.target_p_wait,
      "Also find the fewest agents whose probability of waiting is <= this (over admitted calls)");
  o.o_target_block = sub.add_option("--target-block", o.target_block,
                                    "With --lines: also find the fewest agents with p_block <= this");
  sub.add_flag("--json", o.as_json, "Print one JSON object instead of text");
}

// What the model is asked about: the inputs every target and result needs.
struct Model {
  double rate_per_s, aht_s, awt_s;
  double patience_s;                   // +inf for Erlang C
  std::optional<std::uint32_t> lines;  // M/M/c/K(+M)
  bool abandons;                       // the a subcommand: report abandonment
};

Model model_inputs(const QueueOptions& o, bool abandons, Section& in) {
  const auto [rate, note] = o.rate.get();
  if (!o.o_aht->count()) throw BadInput("--aht-s missing; give the mean handle time in seconds");
  Model m{rate, positive_seconds("--aht-s", o.aht_s), nonneg_seconds("--awt-s", o.awt_s),
          std::numeric_limits<double>::infinity(), std::nullopt, abandons};
  in.rows.push_back({"rate_per_s", rate, note});
  in.rows.push_back({"mean_service_s", m.aht_s, ""});
  in.rows.push_back({"load_erlangs", rate * m.aht_s, ""});
  if (abandons) {
    if (!o.o_patience->count())
      throw BadInput(
          "--patience-s missing; give the mean patience in seconds (inf: nobody abandons)");
    if (std::isnan(o.patience_s) || o.patience_s <= 0.0)
      throw BadInput(fmt::format(
          "--patience-s is {}; expected a number of seconds > 0 (inf: nobody abandons)",
          o.patience_s));
    m.patience_s = o.patience_s;
    in.rows.push_back({"mean_patience_s", m.patience_s, ""});
  }
  in.rows.push_back({"awt_s", m.awt_s, ""});
  if (given(o.o_lines)) {
    m.lines = count_of("--lines", o.lines, 1);
    if (given(o.o_agents) && o.agents > o.lines)
      throw BadInput(fmt::format("--lines is {}, fewer than --agents {}; expected lines >= agents "
                                 "(each call in service holds a line)", o.lines, o.agents));
  }
  return m;
}

// One staffing target: the results key it constrains, its value, the fewest agents
// meeting it and the value there. Staffing rows are named after the results key.
struct Staffed {
  std::vector<std::uint32_t> agents;
  Section section{"staffing", {}};

  void add(const std::string& quantity, double target, std::uint32_t c, double achieved) {
    agents.push_back(c);
    section.rows.push_back({"target_" + quantity, target, ""});
    section.rows.push_back({"agents_for_" + quantity, c, ""});
    section.rows.push_back({"achieved_" + quantity, achieved, ""});
  }
};

// Targets of a model whose queue is unlimited (Erlang C, Erlang A).
Staffed staff_unlimited(const QueueOptions& o, const Model& k) {
  if (given(o.o_target_block) || given(o.o_target_sl_admitted))
    throw BadInput(fmt::format("{} needs --lines; without a line limit nothing is blocked and "
                               "every call is admitted",
                               given(o.o_target_block) ? "--target-block" : "--target-sl-over-admitted"));
  const auto at = [&](std::uint32_t c) {
    return an::erlang_a_metrics(c, k.rate_per_s, k.aht_s, k.patience_s, k.awt_s);
  };
  Staffed st;
  if (given(o.o_target_sl)) {
    const double t = fraction("--target-sl", o.target_sl, true, false);
    const std::uint32_t c = an::staff_erlang_a_for_sl(k.rate_per_s, k.aht_s, k.patience_s, k.awt_s, t);
    st.add("sl_answered_within_t_over_offered", t, c, at(c).sl_answered_within_t_over_offered);
  }
  if (given(o.o_target_sl_answered)) {
    const double t = fraction("--target-sl-over-answered", o.target_sl_answered, true, false);
    const std::uint32_t c =
        an::staff_erlang_a_for_sl_over_answered(k.rate_per_s, k.aht_s, k.patience_s, k.awt_s, t);
    st.add("sl_answered_within_t_over_answered", t, c, at(c).sl_answered_within_t_over_answered);
  }
  if (given(o.o_target_p_wait)) {
    const double t = fraction("--target-p-wait", o.target_p_wait, false, false);
    const std::uint32_t c = an::staff_erlang_a_for_p_wait(k.rate_per_s, k.aht_s, k.patience_s, t);
    st.add("p_wait_over_offered", t, c, at(c).p_wait);
  }
  if (given(o.o_target_abandon)) {
    const double t = fraction("--target-abandon", o.target_abandon, false, true);
    const std::uint32_t c = an::staff_erlang_a_for_abandon(k.rate_per_s, k.aht_s, k.patience_s, t);
    st.add("p_abandon_over_offered", t, c, at(c).p_abandon);
  }
  if (given(o.o_target_asa)) {
    const double t = positive_seconds("--target-asa-s", o.target_asa_s);
    const std::uint32_t c = an::staff_erlang_c_for_asa(k.rate_per_s, k.aht_s, t);
    st.add("asa_s", t, c, an::erlang_c_metrics(c, k.rate_per_s, k.aht_s, k.awt_s).asa_s);
  }
  return st;
}

// Targets with a fixed number of lines: each search runs over 1..K agents.
Staffed staff_lines(const QueueOptions& o, const Model& k) {
  if (given(o.o_target_asa))
    throw BadInput("--target-asa-s is not available with --lines; give --target-sl, "
                   "--target-sl-over-admitted, --target-p-wait or --target-block");
  struct Goal {
    const CLI::Option* opt;
    const char* flag;
    double value;
    bool is_sl;
    an::FiniteLinesTarget kind;
    const char* quantity;
    double an::FiniteLines::*field;
  };
  using T = an::FiniteLinesTarget;
  using F = an::FiniteLines;
  const Goal goals[] = {
      {o.o_target_sl, "--target-sl", o.target_sl, true, T::SlOverOffered,
       "sl_answered_within_t_over_offered", &F::sl_answered_within_t_over_offered},
      {o.o_target_sl_admitted, "--target-sl-over-admitted", o.target_sl_admitted, true,
       T::SlOverAdmitted, "sl_answered_within_t_over_admitted", &F::sl_answered_within_t_over_admitted},
      {o.o_target_sl_answered, "--target-sl-over-answered", o.target_sl_answered, true,
       T::SlOverAnswered, "sl_answered_within_t_over_answered", &F::sl_answered_within_t_over_answered},
      {o.o_target_p_wait, "--target-p-wait", o.target_p_wait, false, T::PWaitOverAdmitted,
       "p_wait_over_admitted", &F::p_wait_over_admitted},
      {o.o_target_abandon, "--target-abandon", o.target_abandon, false, T::PAbandonOverAdmitted,
       "p_abandon_over_admitted", &F::p_abandon_over_admitted},
      {o.o_target_block, "--target-block", o.target_block, false, T::PBlock, "p_block",
       &F::p_block},
  };
  Staffed st;
  for (const Goal& g : goals) {
    if (!given(g.opt)) continue;
    const double t = fraction(g.flag, g.value, g.is_sl, false);
    std::uint32_t c = 0;
    try {  // with several targets, say which one cannot be met
      c = an::staff_finite_lines(*k.lines, k.rate_per_s, k.aht_s, k.patience_s, k.awt_s, g.kind, t);
    } catch (const std::invalid_argument& e) {
      throw BadInput(fmt::format("{} {}: {}", g.flag, t, e.what()));
    }
    st.add(g.quantity, t, c,
           an::finite_lines_metrics(c, *k.lines, k.rate_per_s, k.aht_s, k.patience_s, k.awt_s).*g.field);
  }
  return st;
}

// The agents to report on: --agents if given, else the most any target needs.
std::uint32_t agents_to_report(const QueueOptions& o, const Staffed& st, Section& in) {
  if (o.o_agents->count()) {
    const std::uint32_t c = count_of("--agents", o.agents, 1);
    in.rows.push_back({"agents", c, ""});
    return c;
  }
  if (st.agents.empty())
    throw BadInput("nothing to compute; give --agents, a --target-*, or both");
  const std::uint32_t c = *std::max_element(st.agents.begin(), st.agents.end());
  in.rows.push_back({"agents", c, "(fewest meeting every target)"});
  return c;
}

constexpr const char* kNobodyAbandons = "(= over answered: nobody abandons)";

// The rows both queueing models end with; without abandonment the mean wait of admitted
// calls is asa_s.
void wait_rows(Section& res, bool abandons, double asa_s, double mean_wait_admitted_s,
               double mean_queue_length, double occupancy) {
  res.rows.push_back({"asa_s", asa_s, "(answered calls)"});
  if (abandons)
    res.rows.push_back(
        {"mean_wait_admitted_s", mean_wait_admitted_s, "(admitted calls, incl. abandoned)"});
  res.rows.push_back({"mean_queue_length", mean_queue_length, ""});
  res.rows.push_back({"occupancy", occupancy, ""});
}

void unlimited_results(const QueueOptions& o, const Model& k, std::uint32_t c, Section& res) {
  const an::ErlangA m = an::erlang_a_metrics(c, k.rate_per_s, k.aht_s, k.patience_s, k.awt_s);
  if (!k.abandons || !m.stable)
    res.rows.push_back(
        {"stable", m.stable, m.stable ? "" : "(load >= agents: the queue grows without bound)"});
  res.rows.push_back({"p_wait_over_offered", m.p_wait, ""});
  if (k.abandons) {
    res.rows.push_back({"p_abandon_over_offered", m.p_abandon, ""});
    res.rows.push_back({"p_abandon_given_wait", m.p_abandon_given_wait, ""});
  }
  res.rows.push_back({"sl_answered_within_t_over_offered", m.sl_answered_within_t_over_offered,
                      k.abandons ? "" : kNobodyAbandons});
  if (k.abandons)
    res.rows.push_back(
        {"sl_answered_within_t_over_answered", m.sl_answered_within_t_over_answered, ""});
  if (given(o.o_short))
    res.rows.push_back({"sl_excluding_short_abandons",
                        an::erlang_a_sl_excluding_short_abandons(
                            c, k.rate_per_s, k.aht_s, k.patience_s, k.awt_s,
                            nonneg_seconds("--short-abandon-s", o.short_abandon_s)),
                        ""});
  wait_rows(res, k.abandons, m.asa_s, m.mean_wait_s, m.mean_queue_length, m.occupancy);
}

void lines_results(const Model& k, std::uint32_t c, Section& res) {
  const an::FiniteLines m =
      an::finite_lines_metrics(c, *k.lines, k.rate_per_s, k.aht_s, k.patience_s, k.awt_s);
  res.rows.push_back({"p_block", m.p_block, ""});
  res.rows.push_back({"p_wait_over_offered", m.p_wait_over_offered, ""});
  res.rows.push_back({"p_wait_over_admitted", m.p_wait_over_admitted, ""});
  if (k.abandons) {
    res.rows.push_back({"p_abandon_over_offered", m.p_abandon_over_offered, ""});
    res.rows.push_back({"p_abandon_over_admitted", m.p_abandon_over_admitted, ""});
  }
  res.rows.push_back({"sl_answered_within_t_over_offered", m.sl_answered_within_t_over_offered, ""});
  res.rows.push_back({"sl_answered_within_t_over_admitted", m.sl_answered_within_t_over_admitted,
                      k.abandons ? "" : kNobodyAbandons});
  if (k.abandons)
    res.rows.push_back(
        {"sl_answered_within_t_over_answered", m.sl_answered_within_t_over_answered, ""});
  wait_rows(res, k.abandons, m.asa_s, m.mean_wait_admitted_s, m.mean_queue_length, m.occupancy);
}

void run_queue(const QueueOptions& o, bool abandons) {
  const bool lines = given(o.o_lines);
  Report rep(fmt::format("erlang_{}{}", abandons ? "a" : "c", lines ? "_lines" : ""),
             lines ? (abandons ? "M/M/c/K+M: K lines, FIFO, a call finding every line busy is "
                                 "blocked, callers abandon after an exponential patience"
                               : "M/M/c/K: K lines, FIFO, a call finding every line busy is "
                                 "blocked, callers never abandon")
                   : (abandons ? "Erlang A: M/M/c+M, FIFO, callers abandon after an exponential "
                                 "patience"
                               : "Erlang C: M/M/c, FIFO, callers never abandon"));
  Section& in = rep.section("inputs");
  const Model k = model_inputs(o, abandons, in);
  if (given(o.o_short)) {
    if (lines)
      throw BadInput("--short-abandon-s is not available with --lines; drop one of them");
    in.rows.push_back(
        {"short_abandon_s", nonneg_seconds("--short-abandon-s", o.short_abandon_s), ""});
  }
  Staffed st = lines ? staff_lines(o, k) : staff_unlimited(o, k);
  const std::uint32_t c = agents_to_report(o, st, in);
  if (lines) in.rows.push_back({"lines", *k.lines, ""});
  Section& res = rep.section("results");
  if (lines)
    lines_results(k, c, res);
  else
    unlimited_results(o, k, c, res);
  rep.section("staffing") = std::move(st.section);
  emit(rep, o.as_json);
}

void add_c(CLI::App& erlang, const Cluster& cluster, int& exit_code) {
  auto o = std::make_shared<QueueOptions>();
  CLI::App* sub = erlang.add_subcommand(
      "c", "Erlang C (M/M/c; M/M/c/K with --lines): wait probability, service level, ASA and "
           "agents needed");
  add_queue_options(*sub, *o);
  o->o_target_asa = sub->add_option("--target-asa-s", o->target_asa_s,
                                    "Also find the fewest agents with asa_s <= this, seconds");
  sub->callback([o, &cluster, &exit_code] { exit_code = guarded(cluster, [&] { run_queue(*o, false); }); });
}

void add_a(CLI::App& erlang, const Cluster& cluster, int& exit_code) {
  auto o = std::make_shared<QueueOptions>();
  CLI::App* sub = erlang.add_subcommand(
      "a", "Erlang A (M/M/c+M; M/M/c/K+M with --lines): abandonment, service level, ASA and "
           "agents needed");
  add_queue_options(*sub, *o);
  o->o_patience = sub->add_option("--patience-s", o->patience_s,
                                  "Mean patience before abandoning, seconds (inf: never)");
  o->o_short = sub->add_option(
      "--short-abandon-s", o->short_abandon_s,
      "Also report the service level that ignores abandons within this many seconds");
  o->o_target_sl_answered = sub->add_option(
      "--target-sl-over-answered", o->target_sl_answered,
      "Also find the fewest agents with sl_answered_within_t_over_answered >= this");
  o->o_target_abandon = sub->add_option(
      "--target-abandon", o->target_abandon,
      "Also find the fewest agents whose abandonment probability is <= this (over admitted calls)");
  sub->callback([o, &cluster, &exit_code] { exit_code = guarded(cluster, [&] { run_queue(*o, true); }); });
}

}  // namespace

void add_erlang_command(CLI::App& app, const Cluster& cluster, int& exit_code) {
  CLI::App* erlang = app.add_subcommand(
      "erlang",
      "Exact queueing formulas (Erlang B, C, A; finite lines; IVR ports) and staffing; no "
      "simulation");
  erlang->require_subcommand(1);
  add_loss(*erlang, cluster, exit_code, kLines, "b", "Erlang B (M/M/c/c): blocking probability and lines needed",
           "Number of lines (servers)", "Mean holding (handle) time, seconds");
  add_loss(*erlang, cluster, exit_code, kPorts, "ivr",
           "IVR port pool (Erlang B): blocking probability and ports needed",
           "Number of IVR ports", "Mean time a call holds a port in the IVR, seconds");
  add_c(*erlang, cluster, exit_code);
  add_a(*erlang, cluster, exit_code);
}

}  // namespace ccsim::cli
