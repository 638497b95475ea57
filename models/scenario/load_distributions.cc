// models/scenario/load_distributions.cc
// The Decoder's random inputs: the arrival process of a contact type (poisson,
// piecewise_poisson, trace) and the duration distributions (talk, wrap-up, patience,
// IVR), each checked against its own key list and parameter ranges.
#include "models/scenario/load_internal.h"

#include <fmt/format.h>

#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "models/scenario/json_pointer.h"
#include "models/scenario/law_finiteness.h"

namespace ccsim::models::internal {

bool Decoder::decode_arrivals(const Json& v, const std::string& ptr, ArrivalSpec& a, TypeInfo& info) {
  const std::size_t before = sink_.count();
  if (!expect_object(v, ptr, R"(an object such as {"process": "poisson", "rate_per_hour": 200})")) return false;
  const Json* p = find(v, "process");
  if (!p) {
    missing(ptr, "process", fmt::format("one of: {}", join_names(kProcessNames)));
    return false;
  }
  const auto which = choice(*p, ptr + "/process", "arrival process", kProcessNames);
  if (!which) return false;
  const auto process = static_cast<Process>(*which);
  check_keys(v, ptr, kProcessKeys[*which], fmt::format(" for process {}", quote(kProcessNames[*which])));

  if (process != Process::Poisson && mode_ == RunMode::SteadyState) {
    error(ptr + "/process",
          fmt::format(R"(process {} is only accepted in day mode; in steady_state mode use "poisson")",
                      quote(kProcessNames[*which])));
    return false;
  }

  switch (process) {
    case Process::Poisson: {
      a.process = ArrivalSpec::Process::Poisson;
      std::vector<std::string_view> given;
      for (std::size_t r = 0; r < kRateKeys.size(); ++r) {
        if (!find(v, kRateKeys[r])) continue;
        given.push_back(kRateKeys[r]);
        if (auto x = number_at(v, ptr, kRateKeys[r], at_least(0.0), true)) a.rate_per_s = *x / kRateSeconds[r];
      }
      if (given.empty()) {
        error(
            ptr,
            R"(process "poisson" needs exactly one of "rate_per_s", "rate_per_min", "rate_per_hour" (a number >= 0))");
      } else if (given.size() > 1) {
        error(ptr, fmt::format("{} and {} are exclusive; give exactly one rate", quote(given[0]), quote(given[1])));
      }
      info.arrives = a.rate_per_s > 0.0;
      break;
    }
    case Process::PiecewisePoisson: {
      a.process = ArrivalSpec::Process::PiecewisePoisson;
      const Json* pp = find(v, "per_period");
      const std::string pptr = ptr + "/per_period";
      const std::string count = period_count();
      if (!pp) {
        missing(ptr, "per_period",
                fmt::format("an array of {} numbers >= 0 (expected arrivals in each period)", count));
      } else if (!pp->is_array()) {
        error(pptr, fmt::format("expected an array of {} numbers >= 0 (expected arrivals in each period); got {}",
                                count, describe(*pp)));
      } else {
        periods_fit(pp->size(), pptr);
        for (std::size_t k = 0; k < pp->size(); ++k) {
          if (auto x = number((*pp)[k], child_pointer(pptr, k), at_least(0.0))) {
            a.per_period.push_back(*x);
            info.arrives = info.arrives || *x > 0.0;
          }
        }
      }
      break;
    }
    case Process::Trace: {
      a.process = ArrivalSpec::Process::Trace;
      const Json* ts = find(v, "times_s");
      const std::string tptr = ptr + "/times_s";
      const Range range = horizon_s_ ? Range{0.0, false, *horizon_s_, true} : at_least(0.0);
      if (!ts) {
        missing(ptr, "times_s", "an array of non-decreasing arrival times in seconds, each " + range.text());
      } else if (!ts->is_array()) {
        error(tptr, fmt::format("expected an array of non-decreasing arrival times in seconds; got {}", describe(*ts)));
      } else {
        std::optional<double> prev;
        for (std::size_t k = 0; k < ts->size(); ++k) {
          const std::string ep = child_pointer(tptr, k);
          auto x = number((*ts)[k], ep, range);
          if (!x) continue;
          if (prev && *x < *prev) {
            error(ep, fmt::format("must be >= the previous time {} (times_s must be non-decreasing); got {}",
                                  format_double(*prev), describe((*ts)[k])));
          }
          prev = *x;
          a.times_s.push_back(*x);
        }
        info.arrives = !a.times_s.empty();
      }
      break;
    }
  }
  return sink_.count() == before;
}

std::optional<sim::Distribution> Decoder::decode_distribution(const Json& v, const std::string& ptr, bool is_talk) {
  if (!expect_object(v, ptr, fmt::format("a distribution object such as {}", kDistExample))) return std::nullopt;
  const Json* d = find(v, "dist");
  if (!d) {
    missing(ptr, "dist", fmt::format("one of: {}", join_names(kDistNames)));
    return std::nullopt;
  }
  const auto which = choice(*d, ptr + "/dist", "dist", kDistNames);
  if (!which) return std::nullopt;
  const auto kind = static_cast<sim::DistKind>(*which);
  const std::string_view name = kDistNames[*which];
  const std::size_t before = sink_.count();
  check_keys(v, ptr, kDistKeys[*which], fmt::format(" for dist {}", quote(name)));

  // Talk needs a positive mean: a call with no talk time is not a call.
  const Range value_range = is_talk ? above(0.0) : at_least(0.0);
  std::optional<sim::Distribution> out;
  switch (kind) {
    case sim::DistKind::Constant:
      if (auto x = number_at(v, ptr, "value_s", value_range, true)) out = sim::Distribution::constant(*x);
      break;
    case sim::DistKind::Exponential:
      if (auto m = number_at(v, ptr, "mean_s", above(0.0), true)) out = sim::Distribution::exponential(*m);
      break;
    case sim::DistKind::Uniform: {
      const auto lo = number_at(v, ptr, "min_s", at_least(0.0), true);
      const auto hi = number_at(v, ptr, "max_s", above(0.0), true);
      if (lo && hi) {
        if (*hi > *lo) {
          out = sim::Distribution::uniform(*lo, *hi);
        } else {
          error(ptr + "/max_s",
                fmt::format("must be > min_s ({}); got {}", describe(*find(v, "min_s")), describe(*find(v, "max_s"))));
        }
      }
      break;
    }
    case sim::DistKind::LogNormal:
    case sim::DistKind::Gamma: {
      const auto mean = number_at(v, ptr, "mean_s", above(0.0), true);
      const Json* cv_v = find(v, "cv");
      const Json* sd_v = find(v, "sd_s");
      std::optional<double> cv;
      const auto spread = [&](const Json& x, const std::string& p) -> std::optional<double> {
        if (x.is_number() && x.get<double>() == 0.0) {
          error(p, fmt::format(R"(must be > 0 (for no variability use "dist": "constant"); got {})", describe(x)));
          return std::nullopt;
        }
        return number(x, p, above(0.0));
      };
      if (cv_v && sd_v) {
        error(ptr, R"("cv" and "sd_s" are exclusive; give exactly one (cv = sd_s / mean_s))");
      } else if (!cv_v && !sd_v) {
        error(ptr,
              fmt::format(R"(dist {} needs exactly one of "cv" (a number > 0) or "sd_s" (a number > 0))", quote(name)));
      } else if (cv_v) {
        cv = spread(*cv_v, ptr + "/cv");
      } else if (auto sd = spread(*sd_v, ptr + "/sd_s"); sd && mean) {
        cv = *sd / *mean;
      }
      if (mean && cv) {
        out = kind == sim::DistKind::LogNormal ? sim::Distribution::lognormal(*mean, *cv)
                                               : sim::Distribution::gamma(*mean, *cv);
      }
      break;
    }
    case sim::DistKind::Erlang: {
      const auto k = integer_at(v, ptr, "k", 1, kU32Max, true);
      const auto mean = number_at(v, ptr, "mean_s", above(0.0), true);
      if (k && mean) out = sim::Distribution::erlang(static_cast<std::uint32_t>(*k), *mean);
      break;
    }
    case sim::DistKind::Weibull: {
      const auto shape = number_at(v, ptr, "shape", above(0.0), true);
      const auto scale = number_at(v, ptr, "scale_s", above(0.0), true);
      if (shape && scale) out = sim::Distribution::weibull(*shape, *scale);
      break;
    }
    case sim::DistKind::Empirical: {
      const Json* vs = find(v, "values_s");
      const Json* ws = find(v, "weights");
      const std::string vptr = ptr + "/values_s", wptr = ptr + "/weights";
      std::vector<double> values, weights;
      bool ok = true;
      if (!vs) {
        missing(ptr, "values_s", "a non-empty array of numbers >= 0 (seconds)");
        ok = false;
      } else if (!vs->is_array() || vs->empty()) {
        error(vptr, fmt::format("expected a non-empty array of numbers >= 0 (seconds); got {}", describe(*vs)));
        ok = false;
      } else {
        for (std::size_t i = 0; i < vs->size(); ++i) {
          if (auto x = number((*vs)[i], child_pointer(vptr, i), at_least(0.0))) {
            values.push_back(*x);
          } else {
            ok = false;
          }
        }
      }
      if (ws) {
        const std::size_t n = vs && vs->is_array() ? vs->size() : 0;
        if (!ws->is_array()) {
          error(wptr, fmt::format("expected an array of numbers >= 0, one per value; got {}", describe(*ws)));
          ok = false;
        } else {
          if (vs && vs->is_array() && ws->size() != n) {
            error(wptr, fmt::format("expected {} weights (one per value in values_s), got {}", n, ws->size()));
            ok = false;
          }
          double total = 0.0;
          bool all_ok = true;
          for (std::size_t i = 0; i < ws->size(); ++i) {
            if (auto x = number((*ws)[i], child_pointer(wptr, i), at_least(0.0))) {
              weights.push_back(*x);
              total += *x;
            } else {
              all_ok = false;
            }
          }
          if (all_ok && !(total > 0.0 && std::isfinite(total))) {
            error(wptr, total > 0.0 ? "weights must have a finite sum; got a sum beyond the largest double (scale "
                                      "them down: only their ratios matter)"
                                    : "weights must have a positive (finite) sum; got all zero");
            all_ok = false;
          }
          ok = ok && all_ok;
        }
      } else {
        weights.assign(values.size(), 1.0);
      }
      if (ok && is_talk) {
        bool positive = false;
        for (std::size_t i = 0; i < values.size(); ++i) positive = positive || (values[i] > 0.0 && weights[i] > 0.0);
        if (!positive) {
          error(vptr, "talk needs a positive mean; every value with a positive weight is 0");
          ok = false;
        }
      }
      if (ok) out = sim::Distribution::empirical(std::move(values), weights);
      break;
    }
    case sim::DistKind::Triangular: {
      const auto lo = number_at(v, ptr, "min_s", at_least(0.0), true);
      const auto mode = number_at(v, ptr, "mode_s", at_least(0.0), true);
      const auto hi = number_at(v, ptr, "max_s", above(0.0), true);
      if (lo && mode && hi) {
        if (!(*hi > *lo)) {
          error(ptr + "/max_s",
                fmt::format("must be > min_s ({}); got {}", describe(*find(v, "min_s")), describe(*find(v, "max_s"))));
        } else if (!(*mode >= *lo && *mode <= *hi)) {
          error(ptr + "/mode_s", fmt::format("must be between min_s ({}) and max_s ({}); got {}",
                                             describe(*find(v, "min_s")), describe(*find(v, "max_s")),
                                             describe(*find(v, "mode_s"))));
        } else {
          out = sim::Distribution::triangular(*lo, *mode, *hi);
        }
      }
      break;
    }
    case sim::DistKind::Mixture: {
      const auto p = number_at(v, ptr, "p", closed(0.0, 1.0), true);
      const auto point = number_at(v, ptr, "value_s", at_least(0.0), true);
      const Json* other = find(v, "else");
      const std::string optr = ptr + "/else";
      std::optional<sim::Distribution> otherwise;
      if (!other) {
        missing(ptr, "else", fmt::format("the law drawn when the point is not (a distribution object such as {})",
                                         kDistExample));
      } else if (other->is_object() && other->contains("dist") && (*other)["dist"] == "mixture") {
        error(optr + "/dist", "a mixture's other law cannot be a mixture itself; give one point and one law");
      } else {
        otherwise = decode_distribution(*other, optr, false);
      }
      if (p && point && otherwise) {
        out = sim::Distribution::mixture(*p, *point, std::move(*otherwise));
        if (is_talk && !(out->mean() > 0.0)) {
          error(ptr, "talk needs a positive mean; this mixture's is 0");
          out.reset();
        }
      }
      break;
    }
  }
  if (sink_.count() != before) return std::nullopt;
  if (out) {
    if (auto why = law_not_finite(*out)) {
      error(ptr, std::move(*why));
      return std::nullopt;
    }
  }
  return out;
}

}  // namespace ccsim::models::internal
