// sim/stats/hypothesis.h
// Two-sample tests: Student's pooled t-test from (mean, sd, n) of each sample, the
// paired t-test on values of the same replications, the sample sd recovered from a
// Student-t half-width, and Holm's step-down adjustment of p-values for many tests at
// once. Plain numbers, no names.
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

// Student's two-sample t-test with a pooled variance, of H0: the two samples come from
// one distribution (so mean(b) == mean(a) and equal variances), two-sided.
// sp^2 = ((n_a - 1) sd_a^2 + (n_b - 1) sd_b^2) / (n_a + n_b - 2),
// t = (mean_b - mean_a) / (sp sqrt(1/n_a + 1/n_b)), df = n_a + n_b - 2.
// Pooling is what "nothing changed" implies, and it keeps a small sample whose sd came
// out tiny by chance (two equal replications) from passing for an exact value, which
// Welch's test would do. One sample may be a single value (n = 1, its sd ignored): the
// test then asks whether that value lies where the other sample's distribution puts a
// new draw (a prediction interval), df = n_other - 1. Each sample needs n >= 1, a finite
// mean and, with n >= 2, a finite sd >= 0; n_a + n_b >= 3; else std::domain_error.
// When sp is 0 both samples are constant: equal means give t = 0 and p = 1, different
// means t = +-inf and p = 0 (a certain difference).
struct TTestResult {
  double t;
  double df;
  double p;  // two-sided p-value
};
TTestResult pooled_t_test(const SampleSummary& a, const SampleSummary& b);

// The paired t-test of H0: mean(b_i - a_i) == 0, two-sided, over the pairs where both
// values are finite: t = mean(d) / (sd(d) / sqrt(m)), df = m - 1 for m pairs. For two
// runs on common random numbers (replication i of both on the same substreams) the
// differences vary far less than either run, so this sees changes that a two-sample
// test cannot. Needs a.size() == b.size() and at least 2 finite pairs, else
// std::domain_error. Differences that are all equal: t = 0 and p = 1 when they are 0,
// else t = +-inf and p = 0.
TTestResult paired_t_test(const std::vector<double>& a, const std::vector<double>& b);

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
