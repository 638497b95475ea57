// tests/models/test_scenarios.h
// Builders for small scenarios in code (no JSON): deterministic ones with trace
// arrivals and constant durations for exact traces, and Markovian ones for validation.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "models/scenario/spec.h"

namespace ccsim::models::testing {

inline ScenarioSpec day_scenario(double period_s, std::uint32_t num_periods) {
  ScenarioSpec s;
  s.name = "test";
  s.mode = RunMode::Day;
  s.period_s = period_s;
  s.num_periods = num_periods;
  s.replications = 1;
  s.targets = {TargetSpec{Kpi::ServiceLevel, TargetBound::AtLeast, 0.8}};
  return s;
}

inline ContactTypeSpec traced_type(std::string name, std::vector<double> times_s, double talk_s,
                                   std::optional<double> patience_s, std::vector<std::uint32_t> groups,
                                   std::uint32_t priority = 0) {
  ContactTypeSpec t;
  t.name = std::move(name);
  t.priority = priority;
  t.arrivals.process = ArrivalSpec::Process::Trace;
  t.arrivals.times_s = std::move(times_s);
  t.talk = sim::Distribution::constant(talk_s);
  if (patience_s) t.patience = sim::Distribution::constant(*patience_s);
  for (std::uint32_t g : groups) t.groups.push_back(make_id<AgentGroupId>(g));
  return t;
}

// Piecewise Poisson arrivals (per_period[k] expected calls in period k), exponential
// talk and, when given, exponential patience.
inline ContactTypeSpec markov_day_type(std::string name, std::vector<double> per_period, double talk_s,
                                       std::optional<double> patience_s, std::vector<std::uint32_t> groups) {
  ContactTypeSpec t;
  t.name = std::move(name);
  t.arrivals.process = ArrivalSpec::Process::PiecewisePoisson;
  t.arrivals.per_period = std::move(per_period);
  t.talk = sim::Distribution::exponential(talk_s);
  if (patience_s) t.patience = sim::Distribution::exponential(*patience_s);
  for (std::uint32_t g : groups) t.groups.push_back(make_id<AgentGroupId>(g));
  return t;
}

inline AgentGroupSpec group(std::string name, std::vector<std::uint32_t> staffing) {
  AgentGroupSpec g;
  g.name = std::move(name);
  g.staffing = std::move(staffing);
  return g;
}

// M/M/c (+M when patience_mean_s is set) in steady state: one type, one group.
inline ScenarioSpec markov_scenario(double rate_per_s, double mean_talk_s, std::uint32_t agents,
                                    std::optional<double> patience_mean_s, double warmup_s, double duration_s,
                                    std::uint32_t replications, std::uint64_t seed) {
  ScenarioSpec s;
  s.name = "markov";
  s.mode = RunMode::SteadyState;
  s.steady.warmup_s = warmup_s;
  s.steady.duration_s = duration_s;
  s.replications = replications;
  s.seed = seed;
  ContactTypeSpec t;
  t.name = "calls";
  t.arrivals.process = ArrivalSpec::Process::Poisson;
  t.arrivals.rate_per_s = rate_per_s;
  t.talk = sim::Distribution::exponential(mean_talk_s);
  if (patience_mean_s) t.patience = sim::Distribution::exponential(*patience_mean_s);
  t.groups = {make_id<AgentGroupId>(0)};
  s.contact_types.push_back(t);
  s.agent_groups.push_back(group("agents", {agents}));
  s.targets = {TargetSpec{Kpi::ServiceLevel, TargetBound::AtLeast, 0.8}};
  return s;
}

}  // namespace ccsim::models::testing
