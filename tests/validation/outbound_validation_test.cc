// Outbound against the exact Markov chain of a blended group with a threshold dialer.
//
// c agents serve inbound calls (Poisson, exponential talk, infinite patience, first in
// first out) and the customers an outbound type's dialer reaches (exponential talk of
// another mean). The dialer (DialerSpec) keeps round(r (N - s)) dials in progress when N >
// s agents are idle, counted after each agent is freed (and has taken any waiting call)
// and after each dial ends; a dial lasts an exponential time and reaches its customer with
// probability p; a customer reached with no agent idle hangs up at once (patience 0), a
// nuisance call. The state (inbound calls in the system, outbound customers talking, dials
// in progress) is a continuous-time Markov chain, truncated where the inbound mass has
// vanished and solved here by Gauss-Seidel; its rates give the dials, the customers reached
// and lost, and the inbound queue that the simulated KPIs must match.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

#include "models/replication.h"
#include "tests/models/test_scenarios.h"
#include "tests/validation/validation_support.h"

namespace ccsim::models {
namespace {

using testing::covers;
using testing::kValidationConfidence;
using testing::markov_scenario;

struct Blend {
  std::uint32_t agents = 6;
  double inbound_rate = 2.5;      // per s
  double inbound_mean_s = 1.0;
  double outbound_mean_s = 2.0;
  double dial_mean_s = 0.5;
  double p_reach = 0.6;
  std::uint32_t threshold = 1;
  double ratio = 1.5;
};

struct BlendRates {
  double dials = 0.0;       // dials placed per s
  double reached = 0.0;     // customers reached per s
  double nuisance = 0.0;    // of those, with no agent idle, per s
  double mean_queue = 0.0;  // inbound calls waiting
  double edge_mass = 0.0;   // probability at the truncation of the inbound count
};

BlendRates solve_blend(const Blend& b, std::uint32_t max_inbound) {
  const std::uint32_t c = b.agents;
  const auto target = [&](std::uint32_t idle) -> std::uint32_t {
    if (idle <= b.threshold) return 0;
    return static_cast<std::uint32_t>(std::floor(b.ratio * (idle - b.threshold) + 0.5));
  };
  const std::uint32_t max_dials = target(c);
  const std::uint32_t levels_o = c + 1, levels_d = max_dials + 1;
  const auto id = [&](std::uint32_t i, std::uint32_t o, std::uint32_t d) { return (i * levels_o + o) * levels_d + d; };
  const std::size_t n = static_cast<std::size_t>(max_inbound + 1) * levels_o * levels_d;
  struct Edge {
    std::size_t to;
    double rate;
    std::uint32_t placed;  // dials the transition's dialer run places
  };
  std::vector<std::vector<Edge>> out(n);
  const double mu_i = 1.0 / b.inbound_mean_s, mu_o = 1.0 / b.outbound_mean_s, delta = 1.0 / b.dial_mean_s;
  for (std::uint32_t i = 0; i <= max_inbound; ++i)
    for (std::uint32_t o = 0; o <= c; ++o)
      for (std::uint32_t d = 0; d <= max_dials; ++d) {
        const std::size_t s = id(i, o, d);
        const std::uint32_t served = std::min(i, c - o);
        const std::uint32_t idle = c - o - served;
        // After a change, the dialer tops the dials up to its target for the idle agents.
        const auto with_dialer = [&](std::uint32_t i2, std::uint32_t o2, std::uint32_t d2, double rate) {
          const std::uint32_t idle2 = c - o2 - std::min(i2, c - o2);
          const std::uint32_t d3 = std::max(d2, target(idle2));
          out[s].push_back({id(i2, o2, d3), rate, d3 - d2});
        };
        if (i < max_inbound) out[s].push_back({id(i + 1, o, d), b.inbound_rate, 0});
        if (served > 0) with_dialer(i - 1, o, d, served * mu_i);
        if (o > 0) with_dialer(i, o - 1, d, o * mu_o);
        if (d > 0) {
          with_dialer(i, o, d - 1, d * delta * (1.0 - b.p_reach));
          if (idle > 0)
            with_dialer(i, o + 1, d - 1, d * delta * b.p_reach);
          else
            with_dialer(i, o, d - 1, d * delta * b.p_reach);
        }
      }
  std::vector<std::vector<std::pair<std::size_t, double>>> in(n);
  std::vector<double> leave(n, 0.0);
  for (std::size_t s = 0; s < n; ++s)
    for (const Edge& e : out[s]) {
      if (e.to == s) continue;
      leave[s] += e.rate;
      in[e.to].push_back({s, e.rate});
    }
  std::vector<double> pi(n, 1.0 / static_cast<double>(n));
  for (int sweep = 0; sweep < 200000; ++sweep) {
    double change = 0.0;
    for (std::size_t s = 0; s < n; ++s) {
      if (leave[s] == 0.0) continue;
      double flow = 0.0;
      for (const auto& [from, rate] : in[s]) flow += pi[from] * rate;
      const double next = flow / leave[s];
      change = std::max(change, std::fabs(next - pi[s]));
      pi[s] = next;
    }
    double total = 0.0;
    for (double p : pi) total += p;
    for (double& p : pi) p /= total;
    if (change < 1e-15) break;
  }
  BlendRates r;
  for (std::uint32_t i = 0; i <= max_inbound; ++i)
    for (std::uint32_t o = 0; o <= c; ++o)
      for (std::uint32_t d = 0; d <= max_dials; ++d) {
        const std::size_t s = id(i, o, d);
        const double p = pi[s];
        for (const Edge& e : out[s]) r.dials += p * e.rate * e.placed;
        r.reached += p * d * delta * b.p_reach;
        if (c - o - std::min(i, c - o) == 0) r.nuisance += p * d * delta * b.p_reach;
        r.mean_queue += p * (i - std::min(i, c - o));
        if (i == max_inbound) r.edge_mass += p;
      }
  return r;
}

constexpr double kWarmupS = 500.0;
constexpr double kDurationS = 20000.0;

ScenarioSpec blend_scenario(const Blend& b, std::uint64_t seed) {
  ScenarioSpec s = markov_scenario(b.inbound_rate, b.inbound_mean_s, b.agents, std::nullopt, kWarmupS, kDurationS, 40,
                                   seed);
  ContactTypeSpec out = s.contact_types.raw().front();
  out.name = "outbound";
  out.channel = Channel::Outbound;
  out.arrivals = ArrivalSpec{};
  out.talk = sim::Distribution::exponential(b.outbound_mean_s);
  out.patience = sim::Distribution::constant(0.0);
  out.dialer = DialerSpec{b.threshold, b.ratio, sim::Distribution::exponential(b.dial_mean_s), b.p_reach};
  s.contact_types.push_back(out);
  s.confidence = kValidationConfidence;
  return s;
}

const KpiStat& of_type(const RunResults& r, std::size_t type, Kpi k) { return stat_of(r.by_type[type], k); }

void expect_matches_chain(const Blend& b, std::uint64_t fixed_seed) {
  const testing::TestSeed seed(fixed_seed);
  const BlendRates exact = solve_blend(b, 80);
  ASSERT_LT(exact.edge_mass, 1e-12);
  const RunResults r = run_scenario(blend_scenario(b, seed.value()), RunOptions{.threads = 2});
  const double dials = exact.dials * kDurationS;
  const double reached = exact.reached * kDurationS;
  const double nuisance = exact.nuisance * kDurationS;
  EXPECT_TRUE(covers(of_type(r, 1, Kpi::Dials), dials, 0.01 * dials));
  EXPECT_TRUE(covers(of_type(r, 1, Kpi::Offered), reached, 0.01 * reached));
  EXPECT_TRUE(covers(of_type(r, 1, Kpi::Abandoned), nuisance, 0.05 * nuisance));
  EXPECT_TRUE(covers(of_type(r, 0, Kpi::MeanQueueLength), exact.mean_queue, 0.05 * exact.mean_queue));
  // Every dial ends within the window or just after it: the dials placed and reached agree with p_reach.
  EXPECT_NEAR(of_type(r, 1, Kpi::Offered).mean / of_type(r, 1, Kpi::Dials).mean, b.p_reach, 0.01);
}

TEST(OutboundValidation, ThresholdDialerMatchesTheBlendChain) { expect_matches_chain(Blend{}, 20261205); }

// Progressive dialling (one dial per idle agent, no threshold), every dial reaching its
// customer: nobody is ever a nuisance call unless an inbound call took the agent first.
TEST(OutboundValidation, ProgressiveDialerMatchesTheBlendChain) {
  Blend b;
  b.threshold = 0;
  b.ratio = 1.0;
  b.p_reach = 1.0;
  b.inbound_rate = 3.5;
  expect_matches_chain(b, 5122026);
}

}  // namespace
}  // namespace ccsim::models
