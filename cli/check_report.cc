// cli/check_report.cc
// The text summary of `ccsim check`: a few lines (run, targets, baseline comparison,
// fingerprint, exit code), with the changed KPIs listed as baseline -> now and p-value.
#include <cmath>
#include <map>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "cli/check.h"
#include "cli/report.h"
#include "models/kpi/kpi_names.h"

namespace ccsim::cli {
namespace {

// At most this many KPIs of one kind are listed; the JSON report lists them all.
constexpr std::size_t kMaxListed = 20;

bool is_fraction(const std::string& kpi) {
  const auto k = models::kpi_from_name(kpi);
  return (k && models::kpi_is_fraction(*k)) || kpi == "share" || kpi == "work_share";
}

// "by_type/sales/asa_s" for "/kpis/by_type/sales/asa_s".
std::string short_pointer(const std::string& pointer) {
  const std::string prefix = "/kpis/";
  return pointer.starts_with(prefix) ? pointer.substr(prefix.size()) : pointer;
}

// Values in the comparison lines keep 4 significant digits: a tolerance of 0.004 on a
// queue length must not print as 0.00.
std::string value_text(double x, bool fraction) {
  if (std::isnan(x)) return "-";
  return fraction ? fmt::format("{:.4g}%", 100.0 * x) : fmt::format("{:.4g}", x);
}

std::string stat_text(const models::KpiStat& s, bool fraction) {
  if (s.n == 0) return "undefined";
  if (std::isnan(s.half_width)) return value_text(s.mean, fraction) + " (n 1)";
  return value_text(s.mean, fraction) + " ± " + value_text(s.half_width, fraction);
}

std::string p_text(double p) { return p < 1e-4 ? fmt::format("{:.1e}", p) : fmt::format("{:.4f}", p); }

std::string ceil_text(double x) { return x >= 1e9 ? "more than 10^9" : fmt::format("{:.0f}", std::ceil(x)); }

void print_targets(std::FILE* out, const CheckReport& r) {
  if (!r.targets_judged) {
    fmt::print(out, "targets: not judged (--no-targets)\n");
    return;
  }
  std::size_t met = 0, missed = 0, open = 0;
  for (const models::TargetCheck& t : r.targets) {
    met += t.result.verdict == models::Verdict::Met;
    missed += t.result.verdict == models::Verdict::Missed;
    open += t.result.verdict == models::Verdict::Inconclusive;
  }
  fmt::print(out, "targets: {} met, {} missed, {} inconclusive\n", met, missed, open);
  std::vector<models::TargetResult> results;
  std::vector<std::string> notes;
  for (const models::TargetCheck& t : r.targets) {
    results.push_back(t.result);
    std::string note;
    if (t.needed) note = fmt::format("about {} {} would decide it", ceil_text(*t.needed), r.unit);
    if (!t.note.empty()) note += (note.empty() ? "" : "; ") + t.note;
    notes.push_back(std::move(note));
  }
  cli::print_targets(out, *r.spec, results, notes);
}

std::string tolerance_text(const models::CheckSpec& s) {
  std::string text = fmt::format("tolerance {} on fractions, {:g}% relative otherwise",
                                 kpi_value_text(s.tolerance_fraction, true), 100 * s.tolerance_relative);
  for (std::size_t i = 0; i < models::kNumKpis; ++i) {
    if (!s.tolerance_absolute[i]) continue;
    const auto k = static_cast<models::Kpi>(i);
    text += fmt::format(", {} {}", models::kpi_name(k),
                        kpi_value_text(*s.tolerance_absolute[i], models::kpi_is_fraction(k)));
  }
  return text;
}

void print_kpi(std::FILE* out, const KpiComparison& k) {
  const bool f = is_fraction(k.kpi);
  std::string line = fmt::format("  {:<10} {}: {} -> {} ({}{}, tolerance {}", outcome_name(k.outcome),
                                 short_pointer(k.pointer), stat_text(k.baseline, f), stat_text(k.now, f),
                                 k.difference >= 0 ? "+" : "", value_text(k.difference, f), value_text(k.tolerance, f));
  if (std::isnan(k.p)) {
    line += "; n < 2 on each side: no test)";
  } else {
    line += fmt::format("; p {}, Holm {})", p_text(k.p), p_text(k.p_adjusted));
  }
  fmt::print(out, "{}\n", line);
}

// Pointers grouped by their scope, intervals and days merged: "by_group/support (4 KPIs)",
// "by_interval/*/by_group/support (56 KPIs)", for KPIs in one file only.
void print_scopes(std::FILE* out, const char* title, const std::vector<std::string>& pointers) {
  if (pointers.empty()) return;
  std::vector<std::pair<std::string, std::size_t>> scopes;  // in order of first appearance
  std::map<std::string, std::size_t> index;
  for (const std::string& p : pointers) {
    std::string scope = short_pointer(p.substr(0, p.rfind('/')));
    for (const std::string numbered : {"by_interval/", "by_day/"}) {
      if (!scope.starts_with(numbered)) continue;
      const std::size_t end = scope.find('/', numbered.size());
      scope = numbered + "*" + (end == std::string::npos ? "" : scope.substr(end));
    }
    const auto [it, fresh] = index.emplace(scope, scopes.size());
    if (fresh) scopes.push_back({scope, 0});
    ++scopes[it->second].second;
  }
  std::string list;
  for (std::size_t i = 0; i < scopes.size() && i < kMaxListed; ++i)
    list += fmt::format("{}{} ({} KPI{})", i ? ", " : "", scopes[i].first, scopes[i].second,
                        scopes[i].second == 1 ? "" : "s");
  if (scopes.size() > kMaxListed) list += fmt::format(", ... and {} more", scopes.size() - kMaxListed);
  fmt::print(out, "  {}: {}\n", title, list);
}

void print_comparison(std::FILE* out, const CheckReport& r) {
  if (r.baseline_written) {
    fmt::print(out, "baseline: wrote {}{}\n", r.baseline_path, r.baseline_found ? " (replacing the previous one)" : "");
    return;
  }
  if (!r.baseline_found) {
    fmt::print(out, "baseline: none at {}; `ccsim check --update` writes one (only the targets were judged)\n",
               r.baseline_path);
    return;
  }
  const Comparison& c = *r.comparison;
  const std::size_t changed = c.count(KpiOutcome::Changed);
  fmt::print(out,
             "baseline {}: {} KPIs compared, {} changed ({}; Holm over {} tested, family-wise alpha {:g}; {})\n",
             r.baseline_path, c.kpis.size(), changed == 0 ? "none" : std::to_string(changed),
             c.paired_on > 0 ? fmt::format("overall KPIs paired on {} common-random-number observations, the others by "
                                           "pooled t-test",
                                           c.paired_on)
                             : std::string("pooled t-test"),
             c.tested, r.settings.alpha, tolerance_text(r.settings));
  for (KpiOutcome o : {KpiOutcome::Changed, KpiOutcome::Undecided}) {
    std::size_t shown = 0, total = c.count(o);
    for (const KpiComparison& k : c.kpis) {
      if (k.outcome != o) continue;
      if (shown++ == kMaxListed) break;
      print_kpi(out, k);
    }
    if (total > kMaxListed)
      fmt::print(out, "  ... and {} more {} (all in --json)\n", total - kMaxListed, outcome_name(o));
  }
  print_scopes(out, "in the baseline, missing from this run", c.only_in_baseline);
  print_scopes(out, "new in this run (not in the baseline; --update adds them)", c.only_now);
  std::vector<std::string> notes;
  if (const std::size_t n = c.count(KpiOutcome::NotSignificant))
    notes.push_back(fmt::format("{} beyond tolerance but not significant", n));
  if (const std::size_t n = c.count(KpiOutcome::DefinedOnOneSide))
    notes.push_back(fmt::format("{} defined on one side only (never observed on the other)", n));
  if (!notes.empty()) {
    std::string text;
    for (const std::string& n : notes) text += (text.empty() ? "" : "; ") + n;
    fmt::print(out, "  not flagged: {}\n", text);
  }
}

void print_fingerprint(std::FILE* out, const CheckReport& r) {
  const std::string& now = r.results->fingerprint;
  switch (r.fingerprint) {
    case FingerprintStatus::NoBaseline: fmt::print(out, "fingerprint: {} (no baseline to compare with)\n", now); return;
    case FingerprintStatus::Same: fmt::print(out, "fingerprint: same as the baseline's ({})\n", now); return;
    case FingerprintStatus::Changed:
      fmt::print(out,
                 "fingerprint: CHANGED from {} to {} (same seed and replications: the simulation itself changed)\n",
                 r.baseline->fingerprint, now);
      return;
    case FingerprintStatus::NotComparable:
      fmt::print(out, "fingerprint: {} not comparable with the baseline's {} ({})\n", now, r.baseline->fingerprint,
                 r.fingerprint_note);
      return;
  }
}

}  // namespace

void print_check_text(std::FILE* out, const CheckReport& r) {
  const models::ScenarioSpec& spec = *r.spec;
  const models::RunResults& res = *r.results;
  const std::uint64_t count = r.unit == "batches" ? res.observations : res.replications;
  fmt::print(out, "ccsim check: {} — {} {}, seed {}, {:g}% confidence", spec.name, count,
             count == 1 ? r.unit.substr(0, r.unit.size() - 1) : r.unit, spec.seed, 100 * spec.confidence);
  if (r.sequential) {
    const models::SequentialCheck& s = *r.sequential;
    fmt::print(out, " (sequential: from {} in {} round{}, cap {}{})", s.start, s.rounds, s.rounds == 1 ? "" : "s",
               s.max, s.satisfied ? "" : "; cap reached");
  }
  fmt::print(out, "\n");
  if (r.sequential && !r.sequential->satisfied) {
    const models::SequentialCheck& s = *r.sequential;
    const std::string goal = s.precision
                                 ? fmt::format("every target KPI within {:g}% relative half-width", 100 * *s.precision)
                                 : "every target decided";
    if (s.needed) {
      fmt::print(out, "sequential: stopped at the cap before {}; about {} {} would be needed\n", goal,
                 ceil_text(*s.needed), r.unit);
    } else {
      fmt::print(out, "sequential: stopped at the cap before {}; no estimate of the {} needed (see the targets)\n",
                 goal, r.unit);
    }
  }
  cli::print_warnings(out, spec);
  print_targets(out, r);
  print_comparison(out, r);
  if (!r.service_level_changes.empty()) {
    fmt::print(out, "service level: DEFINED DIFFERENTLY from the baseline's, so service_level and the KPIs at awt_s "
                    "compare different measures (write the baseline again with --update if this is meant):\n");
    for (const std::string& c : r.service_level_changes) fmt::print(out, "  {}\n", c);
  }
  print_fingerprint(out, r);
  fmt::print(out, "exit {}: {}\n", r.exit_code, r.outcome);
}

}  // namespace ccsim::cli
