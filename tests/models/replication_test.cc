// Replication runner and accumulator: fold order, chunked folding (the basis of
// sequential sampling and of MPI gathering) and the per-interval, per-type results.
#include "models/replication.h"

#include <array>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "models/aggregate.h"
#include "tests/models/test_scenarios.h"

namespace ccsim::models {
namespace {

using testing::day_scenario;
using testing::group;
using testing::markov_scenario;

ScenarioSpec two_type_day() {
  ScenarioSpec s = day_scenario(900, 4);
  s.replications = 9;
  s.seed = 77;
  for (const char* name : {"sales", "support"}) {
    ContactTypeSpec t;
    t.name = name;
    t.arrivals.process = ArrivalSpec::Process::PiecewisePoisson;
    t.arrivals.per_period = {40, 80, 60, 20};
    t.talk = sim::Distribution::exponential(120);
    t.patience = sim::Distribution::exponential(200);
    t.groups = {make_id<AgentGroupId>(0)};
    s.contact_types.push_back(t);
  }
  s.agent_groups.push_back(group("agents", {8, 12, 10, 5}));
  return s;
}

TEST(RunReplications, FoldsAGivenRangeInReplicationOrderOnAnyThreadCount) {
  const ScenarioSpec s = markov_scenario(0.5, 10, 6, 30.0, 100, 2000, 1, 5);
  const AnyRouter router = make_router(s);
  for (std::uint32_t threads : {1u, 3u}) {
    std::vector<std::uint32_t> order;
    std::vector<std::uint64_t> fingerprints;
    run_replications(s, router, 2, 9, RunOptions{.threads = threads}, [&](std::uint32_t r, ReplicationCounters&& rc) {
      order.push_back(r);
      fingerprints.push_back(rc.fingerprint);
    });
    EXPECT_EQ(order, (std::vector<std::uint32_t>{2, 3, 4, 5, 6, 7, 8}));
    for (std::size_t i = 0; i < order.size(); ++i)
      EXPECT_EQ(fingerprints[i], run_replication(s, router, order[i]).fingerprint) << "replication " << order[i];
  }
}

TEST(RunReplications, StridedRunFoldsEveryNthReplicationOfTheRangeInOrder) {
  const ScenarioSpec s = markov_scenario(0.5, 10, 6, 30.0, 100, 2000, 1, 5);
  const AnyRouter router = make_router(s);
  for (std::uint32_t threads : {1u, 2u}) {
    std::vector<std::uint32_t> order;
    run_replications_strided(s, router, 1, 10, 3, RunOptions{.threads = threads},
                             [&](std::uint32_t r, ReplicationCounters&& rc) {
                               order.push_back(r);
                               EXPECT_EQ(rc.fingerprint, run_replication(s, router, r).fingerprint) << r;
                             });
    EXPECT_EQ(order, (std::vector<std::uint32_t>{1, 4, 7}));
  }
}

TEST(RunReplications, FoldIsNotCalledAgainAfterItThrows) {
  const ScenarioSpec s = markov_scenario(0.5, 10, 6, 30.0, 100, 2000, 1, 5);
  const AnyRouter router = make_router(s);
  // The throwing fold waits first, so that the other threads are queued for the lock
  // when it unwinds: a thread that got in before the failure was recorded would fold.
  for (int attempt = 0; attempt < 10; ++attempt) {
    std::vector<std::uint32_t> folded;
    const auto fold = [&](std::uint32_t r, ReplicationCounters&&) {
      folded.push_back(r);
      if (r == 2) {
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
        throw std::runtime_error("stop here");
      }
    };
    EXPECT_THROW(run_replications(s, router, 0, 40, RunOptions{.threads = 4}, fold), std::runtime_error);
    EXPECT_EQ(folded, (std::vector<std::uint32_t>{0, 1, 2})) << "attempt " << attempt;
  }
}

TEST(ResultsAccumulator, FoldingInTwoChunksEqualsOneRunBitForBit) {
  ScenarioSpec s = two_type_day();
  const RunResults whole = run_scenario(s, RunOptions{.threads = 2});
  const AnyRouter router = make_router(s);
  ResultsAccumulator acc(s);
  const auto fold = [&](std::uint32_t, ReplicationCounters&& rc) { acc.add(rc); };
  run_replications(s, router, 0, 4, RunOptions{.threads = 1}, fold);
  EXPECT_EQ(acc.replications(), 4u);
  EXPECT_NE(acc.results().fingerprint, whole.fingerprint);
  run_replications(s, router, 4, 9, RunOptions{.threads = 2}, fold);
  const RunResults chunked = acc.results();
  EXPECT_EQ(chunked.fingerprint, whole.fingerprint);
  for (std::size_t k = 0; k < kNumKpis; ++k) {
    EXPECT_EQ(chunked.overall[k].n, whole.overall[k].n);
    if (whole.overall[k].n > 1) {
      EXPECT_EQ(chunked.overall[k].half_width, whole.overall[k].half_width) << k;
    }
  }
}

// Three days made by hand, one type answered by one group (30-minute day):
//   day 1: 10 admitted, all answered, 9 within awt: service level 0.9;
//   day 2: 30 admitted, 20 answered (12 within awt), 10 abandoned: 0.4;
//   day 3: no call: no service level.
// Mean of ratios (0.9 + 0.4) / 2 = 0.65 over n = 2 days; ratio of means over all three,
// (9 + 12 + 0) / (10 + 30 + 0) = 0.525, residuals 3.75, -3.75, 0, mean(D) = 40/3:
// half-width t_{2, 0.975} sqrt(28.125 / 2 / (3 (40/3)^2)) = 0.6986637314297804.
// The group's service level over answered calls pools (9 + 12) / (10 + 20) = 0.7.
TEST(ResultsAccumulator, GivesEachRatioKpiItsRatioOfMeansOverEveryDay) {
  ScenarioSpec s = day_scenario(1800, 1);
  s.confidence = 0.95;
  s.contact_types.push_back(testing::traced_type("calls", {}, 60, std::nullopt, {0}));
  s.agent_groups.push_back(group("agents", {1}));
  ResultsAccumulator acc(s);
  for (const auto [answered, within, abandoned] : {std::array<std::uint64_t, 3>{10, 9, 0}, {20, 12, 10}, {0, 0, 0}}) {
    ReplicationCounters rc;
    rc.resize(1, 1, 1, 1);
    rc.slot_duration_s[0] = 1800;
    TypeCounters& c = rc.type(0, 0);
    c.offered = answered + abandoned;
    c.answered = answered;
    c.answered_within_awt = within;
    c.abandoned = abandoned;
    rc.pair(0, 0).answered = answered;
    rc.pair(0, 0).answered_within_awt = within;
    acc.add(rc);
  }
  const RunResults r = acc.results();
  const KpiStat& sl = stat_of(r.overall, Kpi::ServiceLevel);
  EXPECT_EQ(sl.n, 2u);
  EXPECT_DOUBLE_EQ(sl.mean, 0.65);
  EXPECT_DOUBLE_EQ(sl.ratio_of_means.value, 0.525);
  EXPECT_NEAR(sl.ratio_of_means.half_width, 0.6986637314297804, 1e-12);
  EXPECT_DOUBLE_EQ(stat_of(r.overall, Kpi::PAbandonOverAdmitted).ratio_of_means.value, 0.25);
  EXPECT_DOUBLE_EQ(stat_of(r.by_type[0], Kpi::ServiceLevel).ratio_of_means.value, 0.525);
  EXPECT_DOUBLE_EQ(stat_of(r.by_interval[0].kpis, Kpi::ServiceLevel).ratio_of_means.value, 0.525);
  EXPECT_DOUBLE_EQ(stat_of(r.by_group[0], Kpi::SlOverAnswered).ratio_of_means.value, 0.7);
  EXPECT_DOUBLE_EQ(r.by_type_group[0].service_level.ratio_of_means.value, 0.7);
  EXPECT_TRUE(std::isnan(stat_of(r.by_type[0], Kpi::Occupancy).ratio_of_means.value)) << "a type has no agents";
  EXPECT_TRUE(std::isnan(stat_of(r.overall, Kpi::Offered).ratio_of_means.value)) << "a count is no ratio";
}

TEST(RunScenario, ReportsProgressOncePerReplicationInOrder) {
  const ScenarioSpec s = two_type_day();
  std::vector<std::uint32_t> done;
  run_scenario(s, RunOptions{.threads = 2, .progress = [&](std::uint32_t d, std::uint32_t total) {
                               EXPECT_EQ(total, 9u);
                               done.push_back(d);
                             }});
  EXPECT_EQ(done, (std::vector<std::uint32_t>{1, 2, 3, 4, 5, 6, 7, 8, 9}));
}

TEST(RunScenario, IntervalResultsSplitByContactTypeAddUpToTheInterval) {
  const RunResults r = run_scenario(two_type_day(), RunOptions{.threads = 1});
  ASSERT_EQ(r.by_interval.size(), 4u);
  for (const IntervalResult& ir : r.by_interval) {
    ASSERT_EQ(ir.by_type.size(), 2u);
    for (Kpi k : {Kpi::Offered, Kpi::Answered, Kpi::Abandoned, Kpi::MeanQueueLength}) {
      const double sum = stat_of(ir.by_type[0], k).mean + stat_of(ir.by_type[1], k).mean;
      EXPECT_NEAR(sum, stat_of(ir.kpis, k).mean, 1e-9 * (1 + sum)) << kpi_name(k) << " interval " << ir.interval;
    }
    EXPECT_GT(stat_of(ir.by_type[1], Kpi::Offered).mean, 0);
  }
}

// A contact type's own threshold is the scenario's threshold for that type alone: the
// type's service-level KPIs (day, intervals, pairs) are bit-identical to a run where
// the whole scenario uses it, the other type's are those of the run with the default,
// and the centre's service level counts each call against its own type's threshold.
TEST(RunScenario, ATypesOwnServiceLevelIsJudgedWithItsOwnThreshold) {
  ScenarioSpec base = two_type_day();
  ScenarioSpec own = base;
  ServiceLevelSpec sl = base.service_level;
  sl.awt_s = 60.0;
  sl.short_abandon_s = 15.0;
  sl.target = 0.6;
  own.contact_types.raw()[1].service_level = sl;
  own.targets.push_back(TargetSpec{Kpi::ServiceLevel, TargetBound::AtLeast, 0.6, make_id<ContactTypeId>(1)});
  ScenarioSpec all60 = base;
  all60.service_level.awt_s = 60.0;
  all60.service_level.short_abandon_s = 15.0;
  const RunResults r_base = run_scenario(base, {}), r_own = run_scenario(own, {}), r_60 = run_scenario(all60, {});
  for (Kpi k : {Kpi::ServiceLevel, Kpi::SlOverAnswered, Kpi::SlExcludingShortAbandons}) {
    EXPECT_EQ(stat_of(r_own.by_type[1], k).mean, stat_of(r_60.by_type[1], k).mean) << kpi_name(k);
    EXPECT_EQ(stat_of(r_own.by_type[0], k).mean, stat_of(r_base.by_type[0], k).mean) << kpi_name(k);
    for (std::size_t i = 0; i < r_own.by_interval.size(); ++i)
      EXPECT_EQ(stat_of(r_own.by_interval[i].by_type[1], k).mean, stat_of(r_60.by_interval[i].by_type[1], k).mean);
  }
  EXPECT_EQ(r_own.by_type_group[1].service_level.mean, r_60.by_type_group[1].service_level.mean);
  // The centre: between the two, as its calls are judged against 20 s and 60 s.
  const double centre = stat_of(r_own.overall, Kpi::ServiceLevel).mean;
  EXPECT_GT(centre, stat_of(r_base.overall, Kpi::ServiceLevel).mean);
  EXPECT_LT(centre, stat_of(r_60.overall, Kpi::ServiceLevel).mean);
  // Its target is judged on the type: the same statistic as the type's KPI.
  ASSERT_EQ(r_own.targets.size(), 2u);
  EXPECT_EQ(r_own.targets[1].stat.mean, stat_of(r_own.by_type[1], Kpi::ServiceLevel).mean);
  ASSERT_EQ(r_own.by_interval[0].type_service_level.size(), 2u);
}

}  // namespace
}  // namespace ccsim::models
