// docs/embedding/main.cc
// ccsim as a library: build a scenario in code (no JSON), run its replications on two
// threads, and print the service level and ASA with their confidence half-widths and
// the verdict on each target. Shows how a mistake in a hand-built spec is reported, and,
// given a scenario file as argument, loads and runs that too. docs/embedding.md explains.
#include <cstdio>
#include <exception>
#include <string>

#include "models/replication.h"
#include "models/results.h"
#include "models/scenario/diagnostics.h"
#include "models/scenario/load.h"
#include "models/scenario/spec.h"
#include "models/scenario/validate_spec.h"
#include "models/targets.h"

namespace cc = ccsim::models;
using ccsim::sim::Distribution;

// A billing line over three 30-minute intervals: piecewise Poisson arrivals, lognormal
// talk, a fixed wrap-up, exponential patience, one agent group staffed per interval.
cc::ScenarioSpec billing_morning() {
  cc::ScenarioSpec s;
  s.name = "billing_morning";
  s.mode = cc::RunMode::Day;
  s.period_s = 1800.0;
  s.num_periods = 3;

  cc::ContactTypeSpec billing;
  billing.name = "billing";
  billing.arrivals.process = cc::ArrivalSpec::Process::PiecewisePoisson;
  billing.arrivals.per_period = {120, 180, 150};  // expected calls in each interval
  billing.talk = Distribution::lognormal(240.0, 0.8);  // mean 240 s, coefficient of variation 0.8
  billing.wrap_up = Distribution::constant(30.0);
  billing.patience = Distribution::exponential(300.0);
  billing.groups = {cc::make_id<cc::AgentGroupId>(0)};  // served by agent_groups[0]
  s.contact_types.push_back(billing);

  cc::AgentGroupSpec support;
  support.name = "support";
  support.staffing = {21, 30, 25};  // agents in each interval
  s.agent_groups.push_back(support);

  s.router.policy = "queue_priority";
  s.service_level = {.awt_s = 20.0, .target = 0.8};
  // targets[0] is the service-level target, equal to service_level.target; others follow.
  s.targets = {{cc::Kpi::ServiceLevel, cc::TargetBound::AtLeast, 0.8},
               {cc::Kpi::PAbandonOverAdmitted, cc::TargetBound::AtMost, 0.05}};
  s.seed = 2024;
  s.replications = 30;
  return s;
}

void print_results(const cc::ScenarioSpec& spec, const cc::RunResults& r) {
  const cc::KpiStat& sl = cc::stat_of(r.overall, cc::Kpi::ServiceLevel);
  const cc::KpiStat& asa = cc::stat_of(r.overall, cc::Kpi::AsaS);
  std::printf("%s: %u replications, %.0f%% confidence intervals, fingerprint %s\n", spec.name.c_str(),
              r.replications, 100.0 * spec.confidence, r.fingerprint.c_str());
  std::printf("  service level %.4f ± %.4f (answered within %g s)\n", sl.mean, sl.half_width,
              spec.service_level.awt_s);
  std::printf("  ASA %.2f s ± %.2f s\n", asa.mean, asa.half_width);
  for (const cc::TargetResult& t : r.targets) {
    const std::string kpi(cc::kpi_name(t.target.kpi));
    const std::string verdict(cc::verdict_name(t.verdict));
    std::printf("  target %s %s %g: %s\n", kpi.c_str(), t.target.bound == cc::TargetBound::AtLeast ? ">=" : "<=",
                t.target.value, verdict.c_str());
  }
}

int main(int argc, char** argv) {
  try {
    const cc::ScenarioSpec spec = billing_morning();
    // run_scenario checks the spec itself; validate_spec does it without running.
    cc::validate_spec(spec);
    print_results(spec, cc::run_scenario(spec, cc::RunOptions{.threads = 2}));

    // A hand-built spec gets the same one-line diagnostics as a scenario file.
    cc::ScenarioSpec broken = spec;
    broken.agent_groups[cc::make_id<cc::AgentGroupId>(0)].staffing.pop_back();
    try {
      cc::run_scenario(broken, cc::RunOptions{.threads = 2});
    } catch (const cc::ScenarioError& e) {
      std::printf("a broken spec is rejected before it runs:\n%s", cc::format_diagnostics(e).c_str());
    }

    if (argc > 1) {
      const cc::ScenarioSpec from_file = cc::load_scenario_file(argv[1]);
      print_results(from_file, cc::run_scenario(from_file, cc::RunOptions{.threads = 2}));
    }
  } catch (const cc::ScenarioError& e) {  // bad input: one line per problem
    std::fputs(cc::format_diagnostics(e).c_str(), stderr);
    return 2;
  } catch (const std::exception& e) {  // cc::InvariantError: a model bug
    std::fprintf(stderr, "ccsim failed: %s\n", e.what());
    return 4;
  }
  return 0;
}
