// bench/cli/trace_writer_bench.cc
// Trace records written per second (to /dev/null, so the disk is not measured) in both
// formats: what `ccsim run --trace` adds to each event.
#include <benchmark/benchmark.h>

#include "cli/trace_writer.h"
#include "models/scenario/spec.h"

namespace {

void BM_TraceWriter(benchmark::State& state, ccsim::cli::TraceFormat format) {
  ccsim::models::ScenarioSpec spec;
  for (const char* name : {"sales", "service", "vip"}) {
    ccsim::models::ContactTypeSpec t;
    t.name = name;
    spec.contact_types.push_back(t);
  }
  for (const char* name : {"team", "generalists"}) {
    ccsim::models::AgentGroupSpec g;
    g.name = name;
    spec.agent_groups.push_back(g);
  }
  ccsim::cli::TraceWriter writer("/dev/null", format, spec, 0);
  using ccsim::models::TraceWhat;
  double t = 0;
  std::uint32_t slot = 0;
  for (auto _ : state) {
    t += 1.7320508;
    slot = (slot + 1) % 500;
    writer.record({t, TraceWhat::Arrival, slot, slot % 3, ccsim::models::kNoId, ccsim::models::kNoId, 0.0});
    writer.record({t + 3.5, TraceWhat::Answered, slot, slot % 3, slot % 2, slot % 40, 3.5});
    writer.record({t + 190.25, TraceWhat::TalkEnd, slot, slot % 3, slot % 2, slot % 40, 0.0});
  }
  writer.finish();
  state.counters["records/s"] =
      benchmark::Counter(3.0 * static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK_CAPTURE(BM_TraceWriter, csv, ccsim::cli::TraceFormat::Csv);
BENCHMARK_CAPTURE(BM_TraceWriter, jsonl, ccsim::cli::TraceFormat::JsonLines);

}  // namespace
