// Validation of the callers' own behaviours against exact results: balking by queue
// length against its birth-death chain, and the maximum wait against the patience law
// it must equal.
#include <algorithm>
#include <cstddef>
#include <vector>

#include <gtest/gtest.h>

#include "models/replication.h"
#include "tests/models/test_scenarios.h"
#include "tests/validation/validation_support.h"

namespace ccsim::models {
namespace {

using testing::covers;
using testing::overall_kpi;
using testing::kValidationConfidence;
using testing::markov_scenario;


// M/M/20+M (load 20 Erlangs, patience of mean 60 s) where a caller who finds every agent
// busy and j callers waiting balks with probability b[min(j, 3)]. With n callers in the
// system, arrivals join at rate lambda below c and lambda (1 - b[n - c]) from c on;
// departures at n mu up to c, c mu + (n - c) theta beyond: a birth-death chain, solved
// here until its terms vanish. By PASTA an arrival balks with probability
// sum_n pi_n b[n - c]; it abandons at the rate theta E[Q].
TEST(BalkingValidation, BalkingByQueueLengthMatchesItsBirthDeathChain) {
  const double lambda = 0.2, mu = 1.0 / 100, theta = 1.0 / 60;
  const std::vector<double> b = {0.1, 0.3, 0.5, 0.8};
  const unsigned c = 20;
  const auto balk = [&](unsigned n) { return b[std::min<std::size_t>(n - c, b.size() - 1)]; };
  std::vector<double> pi{1.0};
  double total = 1.0;
  for (unsigned n = 0; n < c || pi.back() > 1e-17 * total; ++n) {
    const double birth = n < c ? lambda : lambda * (1.0 - balk(n));
    const double death = n + 1 <= c ? (n + 1) * mu : c * mu + (n + 1 - c) * theta;
    pi.push_back(pi.back() * birth / death);
    total += pi.back();
  }
  double p_balk = 0.0, p_wait = 0.0, queue = 0.0;
  for (unsigned n = c; n < pi.size(); ++n) {
    p_balk += balk(n) * pi[n] / total;
    p_wait += (1.0 - balk(n)) * pi[n] / total;
    queue += (n - c) * pi[n] / total;
  }
  const double p_abandon = theta * queue / lambda;

  const testing::TestSeed seed(20261204);
  ScenarioSpec s = markov_scenario(lambda, 100.0, c, 60.0, 2000, 200000, 40, seed.value());
  s.contact_types.raw()[0].balk_p_by_queue_length = b;
  s.confidence = kValidationConfidence;
  const RunResults r = run_scenario(s, RunOptions{.threads = 2});
  EXPECT_TRUE(covers(overall_kpi(r, Kpi::PBalkOverOffered), p_balk, 0.01)) << p_balk;
  EXPECT_TRUE(covers(overall_kpi(r, Kpi::PAbandonOverOffered), p_abandon, 0.01)) << p_abandon;
  EXPECT_TRUE(covers(overall_kpi(r, Kpi::PWaitOverOffered), p_wait, 0.02)) << p_wait;
  EXPECT_TRUE(covers(overall_kpi(r, Kpi::MeanQueueLength), queue, 0.1 * queue)) << queue;
}

// A maximum wait of D and no patience is, for the queue, a patience of exactly D: the
// same calls leave at the same instants (the patience law draws from its own stream, so
// every other draw is the same). Only the name of the outcome differs.
TEST(MaxWaitValidation, AMaximumWaitWithoutPatienceIsAConstantPatience) {
  const testing::TestSeed seed(20261205);
  ScenarioSpec timed = markov_scenario(0.2, 100.0, 20, std::nullopt, 2000, 50000, 10, seed.value());
  timed.contact_types.raw()[0].max_wait_s = 30.0;
  ScenarioSpec patient = timed;
  patient.contact_types.raw()[0].max_wait_s.reset();
  patient.contact_types.raw()[0].patience = sim::Distribution::constant(30.0);
  const RunResults a = run_scenario(timed, RunOptions{.threads = 2});
  const RunResults p = run_scenario(patient, RunOptions{.threads = 2});
  EXPECT_GT(overall_kpi(a, Kpi::TimedOut).mean, 100.0);
  EXPECT_EQ(overall_kpi(a, Kpi::TimedOut).mean, overall_kpi(p, Kpi::Abandoned).mean);
  EXPECT_EQ(overall_kpi(a, Kpi::Abandoned).mean, 0.0);
  for (Kpi k : {Kpi::Offered, Kpi::Answered, Kpi::AsaS, Kpi::MeanWaitAdmittedS, Kpi::SlOverAdmitted,
                Kpi::MeanQueueLength, Kpi::P90WaitAnsweredS})
    EXPECT_EQ(overall_kpi(a, k).mean, overall_kpi(p, k).mean) << kpi_name(k);
}

}  // namespace
}  // namespace ccsim::models
