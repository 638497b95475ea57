// Validation of busy days: a day whose volume is multiplied by a gamma factor is the
// mixture of fixed-volume days over the gamma law. Its offered counts have the mixture's
// exact mean, variance and covariances (one factor for the centre, one per type, one per
// interval, one per day), and a loss system's blocking is Erlang B averaged over the law.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <vector>

#include <boost/math/distributions/gamma.hpp>
#include <gtest/gtest.h>

#include "models/analytic/erlang.h"
#include "models/replication.h"
#include "models/routing/registry.h"
#include "tests/models/test_scenarios.h"
#include "tests/validation/validation_support.h"

namespace ccsim::models {
namespace {

using testing::covers;
using testing::kValidationConfidence;

constexpr double kZ = 3.2905;  // two-sided 99.9 %

// The sample covariance of x and y, and its half-width at 99.9 % from the sample
// variance of the products of deviations (large-sample, no normality assumed).
KpiStat covariance(const std::vector<double>& x, const std::vector<double>& y) {
  const auto n = static_cast<double>(x.size());
  double mx = 0.0, my = 0.0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    mx += x[i] / n;
    my += y[i] / n;
  }
  std::vector<double> p(x.size());
  double mean = 0.0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    p[i] = (x[i] - mx) * (y[i] - my);
    mean += p[i] / n;
  }
  double var = 0.0;
  for (double v : p) var += (v - mean) * (v - mean) / (n - 1.0);
  return KpiStat{mean * n / (n - 1.0), kZ * std::sqrt(var / n), x.size()};
}

// Two types of 500 expected calls in each of two half-hours, many agents, short talks.
ScenarioSpec two_types(std::uint64_t seed) {
  ScenarioSpec s = testing::day_scenario(1800, 2);
  s.seed = seed;
  s.contact_types.push_back(testing::markov_day_type("a", {250, 250}, 10, std::nullopt, {0}));
  s.contact_types.push_back(testing::markov_day_type("b", {250, 250}, 10, std::nullopt, {0}));
  s.agent_groups.push_back(testing::group("agents", {20, 20}));
  return s;
}

struct Counts {
  std::vector<double> total, a, b, a0, a1;  // per replication: all, per type, type a per period
};

Counts offered(const ScenarioSpec& s, std::uint32_t replications) {
  const AnyRouter router = make_router(s);
  Counts c;
  for (std::uint32_t r = 0; r < replications; ++r) {
    const ReplicationCounters rc = run_replication(s, router, r);
    const double a0 = static_cast<double>(rc.type(0, 0).offered), a1 = static_cast<double>(rc.type(1, 0).offered);
    const double b = static_cast<double>(rc.type(0, 1).offered + rc.type(1, 1).offered);
    c.a.push_back(a0 + a1);
    c.b.push_back(b);
    c.total.push_back(a0 + a1 + b);
    c.a0.push_back(a0);
    c.a1.push_back(a1);
  }
  return c;
}

constexpr std::uint32_t kDays = 4000;

// One factor G for the centre: a type's day count is Poisson(500 G), so its variance is
// 500 + 500^2 cv^2, and the two types move together: covariance 500^2 cv^2.
TEST(BusynessValidation, OneFactorForTheCentreMovesEveryTypeTogether) {
  const testing::TestSeed seed(20261206);
  ScenarioSpec s = two_types(seed.value());
  s.busyness = BusynessSpec{.cv = 0.3};
  const Counts c = offered(s, kDays);
  const double cv2 = 0.09;
  EXPECT_TRUE(covers(covariance(c.total, c.total), 1000 + 1000.0 * 1000 * cv2, 0.1 * 91000));
  EXPECT_TRUE(covers(covariance(c.a, c.b), 500.0 * 500 * cv2, 0.2 * 22500));
  EXPECT_TRUE(covers(covariance(c.a, c.a), 500 + 500.0 * 500 * cv2, 0.1 * 23000));
}

// One factor per type: the types are independent, and the day's total varies less.
TEST(BusynessValidation, OneFactorPerTypeLeavesTheTypesIndependent) {
  const testing::TestSeed seed(20261207);
  ScenarioSpec s = two_types(seed.value());
  s.busyness = BusynessSpec{.cv = 0.3, .per_type = true};
  const Counts c = offered(s, kDays);
  EXPECT_TRUE(covers(covariance(c.total, c.total), 1000 + 2 * 500.0 * 500 * 0.09, 0.1 * 46000));
  EXPECT_TRUE(covers(covariance(c.a, c.b), 0.0, 0.2 * 22500));
}

// A day factor (cv 0.2) times a factor per interval (cv 0.3): one interval's count has
// variance 250 + 250^2 ((1 + 0.2^2)(1 + 0.3^2) - 1); two intervals of a day share only
// the day's factor, covariance 250^2 0.2^2.
TEST(BusynessValidation, IntervalFactorsAddOverdispersionWithinTheDay) {
  const testing::TestSeed seed(20261208);
  ScenarioSpec s = two_types(seed.value());
  s.busyness = BusynessSpec{.cv = 0.2, .interval_cv = 0.3};
  const Counts c = offered(s, kDays);
  const double interval_var = 250 + 250.0 * 250 * (1.04 * 1.09 - 1.0);
  EXPECT_TRUE(covers(covariance(c.a0, c.a0), interval_var, 0.15 * interval_var));
  EXPECT_TRUE(covers(covariance(c.a0, c.a1), 250.0 * 250 * 0.04, 0.5 * 2500));
  double mean = 0.0;
  for (double x : c.a0) mean += x / kDays;
  EXPECT_NEAR(mean, 250.0, kZ * std::sqrt(interval_var / kDays)) << "the factors have mean 1";
}

// Two days of two 12-hour periods, 500 expected calls a day: each day draws its own
// factor (cv 0.3), so a day's count has variance 500 + 500^2 cv^2 and the two days are
// independent. One factor for both days would make their covariance 500^2 cv^2 = 22500.
TEST(BusynessValidation, EachDayOfARunOfSeveralDrawsItsOwnFactor) {
  const testing::TestSeed seed(20261213);
  ScenarioSpec s = testing::day_scenario(43200, 4);
  s.days = 2;
  s.seed = seed.value();
  s.contact_types.push_back(testing::markov_day_type("calls", {250, 250, 250, 250}, 10, std::nullopt, {0}));
  s.agent_groups.push_back(testing::group("agents", {20, 20, 20, 20}));
  s.busyness = BusynessSpec{.cv = 0.3};
  const AnyRouter router = make_router(s);
  std::vector<double> first, second;
  for (std::uint32_t r = 0; r < kDays; ++r) {
    const ReplicationCounters rc = run_replication(s, router, r);
    first.push_back(static_cast<double>(rc.type(0, 0).offered + rc.type(1, 0).offered));
    second.push_back(static_cast<double>(rc.type(2, 0).offered + rc.type(3, 0).offered));
  }
  const double var = 500 + 500.0 * 500 * 0.09;
  EXPECT_TRUE(covers(covariance(first, first), var, 0.1 * var));
  EXPECT_TRUE(covers(covariance(second, second), var, 0.1 * var));
  EXPECT_TRUE(covers(covariance(first, second), 0.0, 0.2 * 22500)) << "a factor per day, independent";
}

// A Poisson type (a constant rate over the day) with busy days arrives period by period
// at rate G x its rate: 400 expected calls over two half-hours, variance 400 + 400^2 cv^2.
TEST(BusynessValidation, APoissonTypeIsMadeBusierLikeAPiecewiseOne) {
  const testing::TestSeed seed(20261210);
  ScenarioSpec s = two_types(seed.value());
  ContactTypeSpec& a = s.contact_types.raw()[0];
  a.arrivals =
      ArrivalSpec{.process = ArrivalSpec::Process::Poisson, .rate_per_s = 400.0 / 3600, .per_period = {}, .times_s = {}};
  s.busyness = BusynessSpec{.cv = 0.3};
  const Counts c = offered(s, kDays);
  double mean = 0.0;
  for (double x : c.a) mean += x / kDays;
  const double var = 400 + 400.0 * 400 * 0.09;
  EXPECT_NEAR(mean, 400.0, kZ * std::sqrt(var / kDays));
  EXPECT_TRUE(covers(covariance(c.a, c.a), var, 0.1 * var));
  EXPECT_TRUE(covers(covariance(c.a, c.b), 400.0 * 500 * 0.09, 0.2 * 18000)) << "one factor for the centre";
}

// A loss system (12 lines, 10 Erlangs offered on a forecast day) over a day 250 talks
// long, whose volume is G times the forecast, G gamma with mean 1 and cv 0.8.
constexpr double kLossCv = 0.8, kLossErlangs = 10.0;

ScenarioSpec busy_loss_day(std::uint64_t seed, std::uint32_t days) {
  ScenarioSpec s = testing::day_scenario(5000, 1);
  s.seed = seed;
  s.replications = days;
  s.confidence = kValidationConfidence;
  s.trunk_lines = 12;
  s.contact_types.push_back(testing::markov_day_type("calls", {kLossErlangs * 5000 / 20}, 20, std::nullopt, {0}));
  s.agent_groups.push_back(testing::group("agents", {12}));
  s.busyness = BusynessSpec{.cv = kLossCv};
  return s;
}

// E[f(G)] over G's gamma law, by the midpoint rule on its quantiles.
template <class F>
double over_the_days_law(F f) {
  const boost::math::gamma_distribution<double> law(1.0 / (kLossCv * kLossCv), kLossCv * kLossCv);
  double sum = 0.0;
  constexpr int kNodes = 4000;
  for (int i = 0; i < kNodes; ++i) sum += f(quantile(law, (i + 0.5) / kNodes)) / kNodes;
  return sum;
}

// Each replication's blocking is Erlang B at its own load G * 10 (the empty start lowers
// it by well under 0.001), so the mean over replications is the average of Erlang B over
// the gamma law of G, not Erlang B at the mean load.
TEST(BusynessValidation, LossSystemBlockingIsErlangBAveragedOverTheDaysLaw) {
  const double mixture = over_the_days_law([](double g) { return analytic::erlang_b(12, kLossErlangs * g); });
  const double fixed = analytic::erlang_b(12, kLossErlangs);
  ASSERT_GT(mixture - fixed, 0.03) << "the check must tell the mixture from the mean day";

  const testing::TestSeed seed(20261209);
  const RunResults r = run_scenario(busy_loss_day(seed.value(), 4000), RunOptions{.threads = 2});
  EXPECT_TRUE(covers(stat_of(r.overall, Kpi::PBlock), mixture, 0.011)) << "fixed-volume day: " << fixed;
}

// Pooled over the days, blocking is E[blocked] / E[offered] = E[G B(10 G)] / E[G]: a busy
// day offers more calls and blocks more of them, so the ratio of means (0.30) is far above
// the mean of the days' ratios (0.15). Each estimator must cover its own exact value,
// with an interval narrow enough to exclude the other's.
TEST(BusynessValidation, PooledBlockingIsTheRatioOfMeansAndTheMeanOfDaysIsNot) {
  const double mean_of_days = over_the_days_law([](double g) { return analytic::erlang_b(12, kLossErlangs * g); });
  const double pooled = over_the_days_law([](double g) { return g * analytic::erlang_b(12, kLossErlangs * g); }) /
                        over_the_days_law([](double g) { return g; });
  ASSERT_GT(pooled - mean_of_days, 0.1);

  const testing::TestSeed seed(20261212);
  const RunResults r = run_scenario(busy_loss_day(seed.value(), 4000), RunOptions{.threads = 2});
  const KpiStat& p_block = stat_of(r.overall, Kpi::PBlock);
  const KpiStat rom{p_block.ratio_of_means.value, p_block.ratio_of_means.half_width, p_block.n};
  EXPECT_TRUE(covers(rom, pooled, 0.025));
  EXPECT_TRUE(covers(p_block, mean_of_days, 0.011));
  EXPECT_GT(std::fabs(rom.mean - mean_of_days), rom.half_width) << "the ratio of means is not the mean of days";
  EXPECT_GT(std::fabs(p_block.mean - pooled), p_block.half_width) << "the mean of days is not the pooled blocking";
}

}  // namespace
}  // namespace ccsim::models
