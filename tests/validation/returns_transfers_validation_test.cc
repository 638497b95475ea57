// Validation of returns and transfers against exact results: served customers who call
// again, as an open Jackson network (the queue fed back through an infinite-server delay),
// and transfers from one group's type to another's in tandem (Burke's theorem), with the
// transfer's handle time paid by the first group (Little's law).
#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include <gtest/gtest.h>

#include "models/analytic/erlang.h"
#include "models/replication.h"
#include "tests/models/test_scenarios.h"
#include "tests/validation/observed_run.h"
#include "tests/validation/validation_support.h"

namespace ccsim::models {
namespace {

using testing::covers;
using testing::customer_basis_holds;
using testing::kValidationConfidence;
using testing::markov_scenario;
using testing::Observed;
using testing::ratio;
using testing::run_observed;
using testing::value;

// A count over the observation window as a rate per second of it.
KpiStat per_second(KpiStat s, double duration_s) {
  s.mean /= duration_s;
  s.half_width /= duration_s;
  return s;
}

// Returns as an open Jackson network. One type on 20 agents, exponential talk of mean
// 100 s, fresh callers at lambda = 0.119/s; a served customer calls again with probability
// p = 0.3 after an exponential delay of mean 600 s (an infinite-server station), as a new
// call of the same type that may return in turn. The queue sees Lambda = lambda / (1 - p)
// = 0.17/s, 17 Erlangs (Jackson 1957), and by the arrival theorem every call, fresh or
// returning, sees the stationary law: P(wait) = Erlang C(20, 17) = 0.3851, ASA 12.84 s,
// mean queue 2.182, occupancy 0.85, 0.17 calls/s offered of which a share p are returns
// (the fresh ones, 1 - p, are offered - returns: customers = offered, a return counting as
// a new customer). p = 0.25 would give 15.87 Erlangs: 0.2415, 5.84 s, 0.927, 0.793,
// 0.1587/s and 0.25; returns that never returned again, lambda (1 + p) = 0.1547/s: 0.2015,
// 4.45 s, 0.688, 0.774, 0.1547/s and 3/13 = 0.231. Every bound is below half the gap to
// the nearer of the two, so both fail. 40 windows of 10^6 s (6.8 M calls) put the
// intervals at a quarter to a half of their bounds in a simulation of the network itself.
// The returns' rate approaches its stationary value like exp(-t / 905 s) from an empty
// start (p E[exp(X / 905 s)] = 1 for the talk and delay X): the warm-up is 11 of those.
TEST(ReturnsValidation, ReturnsOfServedCustomersAreAJacksonNetworkWithErlangCAtTheTotalRate) {
  const double lambda = 0.119, talk_s = 100.0, p = 0.3, duration_s = 1e6;
  const std::uint32_t agents = 20;
  const double total_rate = lambda / (1.0 - p);
  const analytic::ErlangC exact = analytic::erlang_c_metrics(agents, total_rate, talk_s, 20.0);
  ASSERT_NEAR(total_rate * talk_s, 17.0, 1e-9);

  const testing::TestSeed seed(20261209);
  ScenarioSpec s = markov_scenario(lambda, talk_s, agents, std::nullopt, 10000, duration_s, 40, seed.value());
  s.contact_types.raw()[0].returns =
      ReturnSpec{.p = p, .delay = sim::Distribution::exponential(600.0), .as = make_id<ContactTypeId>(0)};
  s.confidence = kValidationConfidence;
  const Observed o = run_observed(s);
  const KpiStats& calls = o.results.by_type[0];

  EXPECT_TRUE(covers(stat_of(calls, Kpi::PWaitOverOffered), exact.p_wait, 0.015)) << exact.p_wait;
  EXPECT_TRUE(covers(stat_of(calls, Kpi::AsaS), exact.asa_s, 0.1 * exact.asa_s)) << exact.asa_s;
  EXPECT_TRUE(covers(stat_of(calls, Kpi::MeanQueueLength), exact.mean_queue_length, 0.1 * exact.mean_queue_length))
      << exact.mean_queue_length;
  EXPECT_TRUE(covers(stat_of(o.results.by_group[0], Kpi::Occupancy), exact.occupancy, 0.005)) << exact.occupancy;
  EXPECT_TRUE(covers(per_second(stat_of(calls, Kpi::Offered), duration_s), total_rate, 0.001)) << total_rate;
  EXPECT_TRUE(covers(ratio(o, 0, Kpi::Returns, 0, Kpi::Offered), p, 0.002));
  EXPECT_TRUE(customer_basis_holds(o));
  EXPECT_EQ(stat_of(calls, Kpi::Transfers).mean, 0.0);
  EXPECT_EQ(stat_of(calls, Kpi::TransferredIn).mean, 0.0);
}

// Type a (0.17 calls/s, mean talk 100 s) served by group 0 only, type b (0.032 calls/s,
// mean talk 120 s) by group 1 only; a share p of a's calls are transferred to b, the agent
// of a spending `handle_s` more with each of them.
ScenarioSpec tandem(std::uint32_t agents_a, double p, double handle_s, double duration_s, std::uint64_t seed) {
  ScenarioSpec s = markov_scenario(0.17, 100.0, agents_a, std::nullopt, 5000, duration_s, 40, seed);
  s.contact_types.raw()[0].name = "a";
  s.contact_types.raw()[0].transfers = {
      TransferSpec{.to = make_id<ContactTypeId>(1), .p = p, .handle = sim::Distribution::constant(handle_s)}};
  ContactTypeSpec b = s.contact_types.raw()[0];
  b.name = "b";
  b.arrivals.rate_per_s = 0.032;
  b.talk = sim::Distribution::exponential(120.0);
  b.groups = {make_id<AgentGroupId>(1)};
  b.transfers.clear();
  s.contact_types.push_back(b);
  s.agent_groups.push_back(testing::group("b agents", {15}));
  s.confidence = kValidationConfidence;
  return s;
}

// Transfers in tandem: 20 agents for a, 15 for b, p = 0.4 and no handle time, so that a is
// M/M/20 at 17 Erlangs whose answered calls are transferred independently of their talk.
// By Burke's theorem a's departures are Poisson, and so is their thinning by p: b sees
// Poisson calls at 0.032 + 0.4 x 0.17 = 0.1/s, talks drawn afresh from b's law, 12
// Erlangs on 15 agents, and is M/M/15 (a feed-forward Jackson network, where every
// arrival sees the stationary law). Exact: a P(wait) 0.3851, ASA 12.84 s; b P(wait)
// 0.3192, ASA 12.77 s, mean queue 1.277; 68 % of b's calls come by transfer; occupancies
// (Little) 0.85 and 0.8. With p = 0.3, b would have 9.96 Erlangs: 0.0993, 2.36 s, 0.196,
// 61.4 % and 0.664; transferred legs that kept a's talk (100 s), 10.64 Erlangs and a
// P(wait) near 0.15, ASA near 4 s, occupancy 0.709 (its transfer share stays 68 %). Every
// bound on b is below half the gap to p = 0.3, and to the kept talk where that differs.
// 40 windows of 6 x 10^5 s (6.5 M calls in both types) put the intervals at a quarter to
// a half of their bounds in a simulation of the network.
TEST(TransfersValidation, TransfersInTandemMakeTheTargetQueueErlangCAtTheThinnedRate) {
  const double lambda_a = 0.17, lambda_b = 0.032, p = 0.4, duration_s = 600000;
  const double rate_b = lambda_b + p * lambda_a;
  const analytic::ErlangC exact_a = analytic::erlang_c_metrics(20, lambda_a, 100.0, 20.0);
  const analytic::ErlangC exact_b = analytic::erlang_c_metrics(15, rate_b, 120.0, 20.0);

  const testing::TestSeed seed(20261210);
  const Observed o = run_observed(tandem(20, p, 0.0, duration_s, seed.value()));
  const KpiStats& a = o.results.by_type[0];
  const KpiStats& b = o.results.by_type[1];

  EXPECT_TRUE(covers(stat_of(a, Kpi::PWaitOverOffered), exact_a.p_wait, 0.02)) << exact_a.p_wait;
  EXPECT_TRUE(covers(stat_of(a, Kpi::AsaS), exact_a.asa_s, 0.15 * exact_a.asa_s)) << exact_a.asa_s;
  EXPECT_TRUE(covers(stat_of(b, Kpi::PWaitOverOffered), exact_b.p_wait, 0.02)) << exact_b.p_wait;
  EXPECT_TRUE(covers(stat_of(b, Kpi::AsaS), exact_b.asa_s, 0.15 * exact_b.asa_s)) << exact_b.asa_s;
  EXPECT_TRUE(covers(stat_of(b, Kpi::MeanQueueLength), exact_b.mean_queue_length, 0.15 * exact_b.mean_queue_length))
      << exact_b.mean_queue_length;
  EXPECT_TRUE(covers(ratio(o, 1, Kpi::TransferredIn, 1, Kpi::Offered), p * lambda_a / rate_b, 0.003));
  EXPECT_TRUE(covers(ratio(o, 0, Kpi::Transfers, 0, Kpi::Answered), p, 0.003));
  EXPECT_TRUE(covers(stat_of(o.results.by_group[0], Kpi::Occupancy), exact_a.occupancy, 0.006)) << exact_a.occupancy;
  EXPECT_TRUE(covers(stat_of(o.results.by_group[1], Kpi::Occupancy), exact_b.occupancy, 0.008)) << exact_b.occupancy;
  // Each count belongs to one side of the transfer, and nobody returns.
  EXPECT_EQ(stat_of(a, Kpi::TransferredIn).mean, 0.0);
  EXPECT_EQ(stat_of(b, Kpi::Transfers).mean, 0.0);
  EXPECT_EQ(stat_of(a, Kpi::Returns).mean, 0.0);
  EXPECT_EQ(stat_of(b, Kpi::Returns).mean, 0.0);
  EXPECT_TRUE(customer_basis_holds(o));
}

// The handle time of a transfer is paid by the transferring agent: with a constant 60 s,
// a's agents are busy 100 + 0.4 x 60 = 124 s per call on average, so by Little's law
// (no queueing formula needed: a's service is no longer exponential, nor are b's arrivals
// Poisson) a's 30 agents are busy 0.17 x 124 / 30 = 0.7027 of the time and b's 15,
// 0.1 x 120 / 15 = 0.8, as before. A handle time not paid would give a 0.5667; paid on
// every call of a, 0.9067; paid by b's agents, a load of 1.072 on b. 40 windows of
// 2 x 10^5 s put the intervals near 0.35 (a) and 0.4 (b) of their bounds in a simulation.
TEST(TransfersValidation, TheTransferringAgentPaysTheHandleTime) {
  const double lambda_a = 0.17, p = 0.4, handle_s = 60.0;
  const testing::TestSeed seed(20261211);
  const Observed o = run_observed(tandem(30, p, handle_s, 200000, seed.value()));
  const double busy_a = lambda_a * (100.0 + p * handle_s) / 30;
  const double busy_b = (0.032 + p * lambda_a) * 120.0 / 15;
  EXPECT_TRUE(covers(stat_of(o.results.by_group[0], Kpi::Occupancy), busy_a, 0.008)) << busy_a;
  EXPECT_TRUE(covers(stat_of(o.results.by_group[1], Kpi::Occupancy), busy_b, 0.012)) << busy_b;
}

}  // namespace
}  // namespace ccsim::models
