#include "tests/fuzz/scenario_input.h"

#include <algorithm>
#include <stdexcept>
#include <string>

#include "models/planning/interval_plan.h"
#include "models/planning/run_size.h"
#include "models/planning/warnings.h"
#include "models/replication.h"
#include "models/scenario/load.h"
#include "models/scenario/validate_spec.h"

namespace ccsim::models::testing {
namespace {

// A replication runs only below these estimates, so that an input costs milliseconds even
// under the sanitizers. The CLI trusts the same estimate to refuse runaway runs, so an
// input that runs far longer than estimated is a finding, seen as a fuzzer timeout.
constexpr double kMaxFuzzEvents = 5e4;
constexpr double kMaxFuzzBytes = 64.0 * (1 << 20);

// Inside the examples folder: a relative forecast or staffing file then resolves as in
// the shipped scenarios, and the fuzzer reaches the CSV readers with real files.
const std::string kLabel = CCSIM_SOURCE_DIR "/scenarios/examples/fuzz_input.json";

[[noreturn]] void broken(const std::string& promise, const std::string& detail) {
  throw std::logic_error(promise + ": " + detail);
}

void expect_one_line_per_diagnostic(const ScenarioError& e) {
  const std::string text = format_diagnostics(e);
  const auto lines = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
  if (e.diagnostics().empty() || lines != e.diagnostics().size())
    broken("one line per problem", std::to_string(e.diagnostics().size()) + " diagnostics printed as " +
                                        std::to_string(lines) + " lines:\n" + text);
}

// Reads every cell, so that a table sized wrong shows under the address sanitizer.
double plan_total(const ScenarioSpec& spec) {
  const IntervalPlan plan(spec);
  double total = 0.0;
  for (std::uint32_t i = 0; i < plan.intervals(); ++i) {
    for (std::uint32_t k = 0; k < spec.contact_types.size(); ++k)
      total += plan.arrivals(i, make_id<ContactTypeId>(k)) + plan.load_erlangs(i, make_id<ContactTypeId>(k));
    for (std::uint32_t g = 0; g < spec.agent_groups.size(); ++g)
      total += plan.scheduled(i, make_id<AgentGroupId>(g)) + plan.productive(i, make_id<AgentGroupId>(g));
  }
  return total;
}

}  // namespace

ScenarioOutcome exercise_scenario(std::string_view bytes) {
  ScenarioSpec spec;
  try {
    spec = load_scenario_text(bytes, kLabel);
  } catch (const ScenarioError& e) {
    expect_one_line_per_diagnostic(e);
    return ScenarioOutcome::Rejected;
  }
  if (auto problems = spec_problems(spec); !problems.empty())
    broken("every spec the loader returns passes validate_spec",
           format_diagnostics(ScenarioError(kLabel, std::move(problems))));
  spec.replications = 1;
  const RunSize size = estimate_run_size(spec, 1);
  static_cast<void>(describe_run_size(size));
  // The plan holds one record per scheduled agent, as a run does: the CLI plans and warns
  // only once the run size is accepted, and so does this.
  if (!run_size_problems(size, false).empty()) return ScenarioOutcome::Loaded;
  if (spec.mode == RunMode::Day) static_cast<void>(plan_total(spec));
  for (const Warning& w : scenario_warnings(spec))
    if (w.message.find('\n') != std::string::npos) broken("a warning is one line", w.message);
  if (size.total_events() > kMaxFuzzEvents || size.bytes() > kMaxFuzzBytes) return ScenarioOutcome::Loaded;
  static_cast<void>(run_scenario(spec, RunOptions{}));
  return ScenarioOutcome::Ran;
}

}  // namespace ccsim::models::testing
