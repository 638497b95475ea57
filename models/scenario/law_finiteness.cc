#include "models/scenario/law_finiteness.h"

#include <fmt/format.h>

#include <cmath>
#include <limits>
#include <string_view>
#include <vector>

#include "models/scenario/message_text.h"
#include "sim/rng/variates.h"

namespace ccsim::models::internal {

namespace {

// The rule of law_not_finite.
bool law_is_finite(const sim::Distribution& d) {
  return std::isfinite(d.mean()) && std::isfinite(sim::largest_draw(d));
}

// A parameter of a law, by the name a scenario file gives it.
struct LawParameter {
  std::string_view name;
  double sim::Distribution::*member;
};

// The parameters a limit can be given for, the spread first: a cv of 1e200 is the
// mistake, not the mean beside it. Uniform fails only through min_s + max_s, and a
// constant or an empirical law never fails (values finite, mean between them).
std::vector<LawParameter> limitable_parameters(const sim::Distribution& d) {
  using D = sim::Distribution;
  switch (d.kind) {
    case sim::DistKind::Exponential:
    case sim::DistKind::Erlang:
      return {{"mean_s", &D::a}};
    case sim::DistKind::LogNormal:
    case sim::DistKind::Gamma:
      return {{"cv", &D::b}, {"mean_s", &D::a}};
    case sim::DistKind::Weibull:
      return {{"shape", &D::a}, {"scale_s", &D::b}};
    case sim::DistKind::Constant:
    case sim::DistKind::Uniform:
    case sim::DistKind::Empirical:
    case sim::DistKind::Triangular:
    case sim::DistKind::Mixture:
      return {};
  }
  return {};
}

// "gamma law with mean_s 180.0 and cv 1e+200": the law as a scenario file gives it.
std::string law_text(const sim::Distribution& d) {
  const std::string a = format_double(d.a), b = format_double(d.b);
  switch (d.kind) {
    case sim::DistKind::Constant:
      return fmt::format("constant law with value_s {}", a);
    case sim::DistKind::Exponential:
      return fmt::format("exponential law with mean_s {}", a);
    case sim::DistKind::Uniform:
      return fmt::format("uniform law with min_s {} and max_s {}", a, b);
    case sim::DistKind::LogNormal:
      return fmt::format("lognormal law with mean_s {} and cv {}", a, b);
    case sim::DistKind::Gamma:
      return fmt::format("gamma law with mean_s {} and cv {}", a, b);
    case sim::DistKind::Erlang:
      return fmt::format("erlang law with k {} and mean_s {}", d.k, a);
    case sim::DistKind::Weibull:
      return fmt::format("weibull law with shape {} and scale_s {}", a, b);
    case sim::DistKind::Empirical:
      return "empirical law";
    case sim::DistKind::Triangular:
      return fmt::format("triangular law with min_s {}, mode_s {} and max_s {}", a, format_double(d.c), b);
    case sim::DistKind::Mixture:
      return fmt::format("mixture of value_s {} with p {} and a {}", a, b, law_text(d.parts.front()));
  }
  return "law";
}

// The value of `p` nearest d's own for which the law is finite, bisected on a log scale
// between `good` (finite) and d's value; finiteness changes once between them for every
// limitable parameter. Rounded to 3 significant digits toward `good`, so that the value
// printed is itself accepted.
double finite_limit(sim::Distribution d, const LawParameter& p, double good) {
  double ok = std::log(good), bad = std::log(d.*p.member);
  for (int i = 0; i < 80; ++i) {
    const double mid = 0.5 * (ok + bad);
    d.*p.member = std::exp(mid);
    (law_is_finite(d) ? ok : bad) = mid;
  }
  const double limit = std::exp(ok);
  const double unit = std::pow(10.0, std::floor(std::log10(limit)) - 2);
  return (good < limit ? std::floor(limit / unit) : std::ceil(limit / unit)) * unit;
}

// "cv <= 1.83e+152 with mean_s 180.0": a limit on one parameter, the others kept, when
// moving that one alone to 1 makes the law finite.
std::string accepted_parameters(const sim::Distribution& d) {
  if (d.kind == sim::DistKind::Uniform || d.kind == sim::DistKind::Triangular)
    return fmt::format("min_s + {}max_s <= {:.3g}", d.kind == sim::DistKind::Triangular ? "mode_s + " : "",
                       std::numeric_limits<double>::max());
  const std::vector<LawParameter> params = limitable_parameters(d);
  for (const LawParameter& p : params) {
    sim::Distribution trial = d;
    trial.*p.member = 1.0;
    if (!law_is_finite(trial)) continue;
    const double limit = finite_limit(d, p, 1.0);
    std::string text = fmt::format("{} {} {:.3g}", p.name, limit < d.*p.member ? "<=" : ">=", limit);
    for (const LawParameter& other : params)
      if (other.name != p.name) text += fmt::format(" with {} {}", other.name, format_double(d.*other.member));
    return text;
  }
  std::vector<std::string_view> names;
  for (const LawParameter& p : params) names.push_back(p.name);
  return names.empty() ? std::string("finite parameters")
                       : fmt::format("other values of {}", fmt::join(names, " and "));
}

}  // namespace

std::optional<std::string> law_not_finite(const sim::Distribution& d) {
  const double mean = d.mean(), largest = sim::largest_draw(d);
  if (std::isfinite(mean) && std::isfinite(largest)) return std::nullopt;
  const std::string wrong =
      !std::isfinite(mean)
          ? fmt::format("has a mean that is not a finite number ({})", std::isnan(mean) ? "NaN" : "inf")
          : fmt::format("would draw values that are not finite numbers ({})", std::isnan(largest) ? "NaN" : "inf");
  return fmt::format("{} {}; accepted: {}, so that the mean and every draw are finite", law_text(d), wrong,
                     accepted_parameters(d));
}

}  // namespace ccsim::models::internal
