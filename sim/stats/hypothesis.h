// sim/stats/hypothesis.h
// Two-sample tests on summary statistics: Welch's t-test from (mean, sd, n) of each
// sample, the sample sd recovered from a Student-t half-width, and Holm's step-down
// adjustment of p-values for many tests at once. Plain numbers, no names.
#pragma once

#include <cstdint>
#include <vector>

namespace ccsim::sim {

// A sample reduced to its mean, sample standard deviation (divisor n - 1) and size.
struct SampleSummary {
  double mean;
  double sd;
  std::uint64_t n;
};

// Welch's unequal-variance t-test of H0: mean(b) == mean(a), two-sided (Welch,
// Biometrika 34, 1947; degrees of freedom by Satterthwaite's approximation).
// t = (mean_b - mean_a) / sqrt(sd_a^2/n_a + sd_b^2/n_b), df may be fractional.
// Both samples need n >= 2 and a finite sd >= 0, else std::domain_error. When both sds
// are 0 the samples are constant: equal means give t = 0 and p = 1, different means
// t = +-inf and p = 0 (a certain difference); df is NaN then. One sd of 0 is a
// one-sample test against a known value (df = n - 1 of the other sample). Variances so
// small that df underflows use df = min(n_a, n_b) - 1, Satterthwaite's lower bound.
struct WelchResult {
  double t;
  double df;
  double p;  // two-sided p-value
};
WelchResult welch_t_test(const SampleSummary& a, const SampleSummary& b);

// The sample sd behind a two-sided Student-t half-width at `confidence` over n
// observations: hw * sqrt(n) / t_{(1+confidence)/2, n-1}, the inverse of
// Tally::half_width. Needs n >= 2, hw finite >= 0 and 0 < confidence < 1, else
// std::domain_error.
double sd_from_half_width(double half_width, std::uint64_t n, double confidence);

// Holm's step-down adjusted p-values (Holm, Scand. J. Statist. 6, 1979), in the order
// given: rejecting every hypothesis whose adjusted p is <= alpha keeps the family-wise
// error rate <= alpha for any dependence between the tests, and rejects at least what
// Bonferroni (p <= alpha / m) rejects. Each p must be in [0, 1], else std::domain_error.
std::vector<double> holm_adjust(const std::vector<double>& p);

}  // namespace ccsim::sim
