// Agents as individuals: exact traces of log-on, end of shift and log-off, and the
// staffing array read as whole-period shifts.
#include <cmath>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "models/call_center.h"
#include "models/replication.h"
#include "models/routing/registry.h"
#include "models/scenario/load.h"
#include "tests/models/test_scenarios.h"

namespace ccsim::models {
namespace {

using testing::day_scenario;
using testing::group;
using testing::traced_type;

struct Line {
  double t;
  TraceWhat what;
  std::uint32_t group;
  std::uint32_t agent;
  double value;
  bool operator==(const Line&) const = default;
};

std::ostream& operator<<(std::ostream& os, const Line& l) {
  return os << "{t=" << l.t << " " << trace_what_name(l.what) << " group=" << static_cast<int>(l.group)
            << " agent=" << static_cast<int>(l.agent) << " value=" << l.value << "}";
}

class Recorder : public TraceSink {
 public:
  void record(const TraceRecord& r) override {
    if (r.what == TraceWhat::Arrival || r.what == TraceWhat::TalkEnd) return;  // not asserted here
    lines.push_back(Line{r.time_s, r.what, r.group, r.agent, r.value});
  }
  std::vector<Line> lines;
};

constexpr std::uint32_t N = kNoId;

std::vector<Line> trace_of(const ScenarioSpec& spec) {
  Recorder rec;
  run_replication(spec, make_router(spec), 0, &rec);
  return rec.lines;
}

TEST(CallCenterWorkforce, AShiftEndingDuringACallEndsWhenTheCallDoes) {
  ScenarioSpec s = day_scenario(1000, 1);
  s.contact_types.push_back(traced_type("calls", {10, 20, 30}, 200, std::nullopt, {0}));
  s.contact_types[make_id<ContactTypeId>(0)].talk = sim::Distribution::constant(200);
  AgentGroupSpec g = group("team", {});
  g.shifts.push_back(ShiftSpec{"short", 0, 100, 1, {}});
  g.shifts.push_back(ShiftSpec{"long", 0, 1000, 1, {}});
  s.agent_groups.push_back(g);
  // Agent 0 works the long shift (later end first), agent 1 the short one. Calls at 10
  // and 20 go to agents 0 and 1 (the longest idle first); the call at 30 waits. At 100
  // agent 1's shift ends while it talks: it finishes at 220 and logs off (120 s of
  // overtime); agent 0 frees at 210 and takes the waiting call.
  const std::vector<Line> expected = {
      {0, TraceWhat::LogOn, 0, 0, 0},        {0, TraceWhat::LogOn, 0, 1, 0},
      {10, TraceWhat::Answered, 0, 0, 0},    {20, TraceWhat::Answered, 0, 1, 0},
      {30, TraceWhat::Queued, N, N, 0},      {100, TraceWhat::ShiftEnd, 0, 1, 0},
      {210, TraceWhat::AgentFree, 0, 0, 0},  {210, TraceWhat::Answered, 0, 0, 180},
      {220, TraceWhat::LogOff, 0, 1, 0},     {410, TraceWhat::AgentFree, 0, 0, 0},
  };
  EXPECT_EQ(trace_of(s), expected);
}

TEST(CallCenterWorkforce, AnIdleAgentLogsOffAtTheEndOfItsShiftAndTheQueueWaits) {
  ScenarioSpec s = day_scenario(1000, 1);
  s.contact_types.push_back(traced_type("calls", {150}, 50, std::nullopt, {0}));
  AgentGroupSpec g = group("team", {});
  g.shifts.push_back(ShiftSpec{"morning", 0, 100, 1, {}});
  g.shifts.push_back(ShiftSpec{"afternoon", 200, 1000, 1, {}});
  s.agent_groups.push_back(g);
  // Nobody is on duty from 100 to 200: the call at 150 waits for the afternoon agent.
  const std::vector<Line> expected = {
      {0, TraceWhat::LogOn, 0, 0, 0},    {100, TraceWhat::LogOff, 0, 0, 0},   {150, TraceWhat::Queued, N, N, 0},
      {200, TraceWhat::LogOn, 0, 1, 0},  {200, TraceWhat::Answered, 0, 1, 50}, {250, TraceWhat::AgentFree, 0, 1, 0},
  };
  EXPECT_EQ(trace_of(s), expected);
}

ShiftSpec all_day(std::uint32_t agents, std::vector<BreakSpec> breaks) {
  return ShiftSpec{"day", 0, 1000, agents, std::move(breaks)};
}

TEST(CallCenterWorkforce, ABreakWaitsForTheCallInHandAndItsLatenessIsRecorded) {
  ScenarioSpec s = day_scenario(1000, 1);
  s.contact_types.push_back(traced_type("calls", {80, 200}, 100, std::nullopt, {0}));
  AgentGroupSpec g = group("team", {});
  g.shifts.push_back(all_day(1, {BreakSpec{"coffee", 50, 100, 100, BreakPlacement::Spread, true}}));
  s.agent_groups.push_back(g);
  // The coffee break is due at 100 while the agent talks (80..180): it starts when the
  // call ends, 80 s late, and ends at 230, when the agent takes the call waiting since 200.
  const std::vector<Line> expected = {
      {0, TraceWhat::LogOn, 0, 0, 0},        {80, TraceWhat::Answered, 0, 0, 0},
      {180, TraceWhat::BreakStart, 0, 0, 80}, {200, TraceWhat::Queued, N, N, 0},
      {230, TraceWhat::BreakEnd, 0, 0, 0},   {230, TraceWhat::Answered, 0, 0, 30},
      {330, TraceWhat::AgentFree, 0, 0, 0},
  };
  EXPECT_EQ(trace_of(s), expected);
}

TEST(CallCenterWorkforce, FlexibleBreaksAreSpreadThroughTheirWindowAndCountedUnpaid) {
  ScenarioSpec s = day_scenario(1000, 1);
  s.contact_types.push_back(traced_type("calls", {900}, 50, std::nullopt, {0}));
  AgentGroupSpec g = group("team", {});
  g.shifts.push_back(all_day(2, {BreakSpec{"lunch", 60, 100, 300, BreakPlacement::Spread, false}}));
  s.agent_groups.push_back(g);
  // Agent i of 2 plans its lunch at 100 + 200 * (i + 0.5) / 2: 150 and 250. At 900 the
  // agent idle longest (agent 0, since 210) takes the call.
  const std::vector<Line> expected = {
      {0, TraceWhat::LogOn, 0, 0, 0},         {0, TraceWhat::LogOn, 0, 1, 0},
      {150, TraceWhat::BreakStart, 0, 0, 0},  {210, TraceWhat::BreakEnd, 0, 0, 0},
      {250, TraceWhat::BreakStart, 0, 1, 0},  {310, TraceWhat::BreakEnd, 0, 1, 0},
      {900, TraceWhat::Answered, 0, 0, 0},    {950, TraceWhat::AgentFree, 0, 0, 0},
  };
  EXPECT_EQ(trace_of(s), expected);
  const ReplicationCounters c = run_replication(s, make_router(s), 0);
  EXPECT_DOUBLE_EQ(c.group(0, 0).break_area, 120);
  EXPECT_DOUBLE_EQ(c.group(0, 0).unpaid_break_area, 120);
  EXPECT_EQ(c.group(0, 0).breaks_taken, 2u);
  EXPECT_DOUBLE_EQ(c.group(0, 0).present_area, 2000);
  // Placed at the end of the window instead, both lunches start at 300.
  s.agent_groups[make_id<AgentGroupId>(0)].shifts[0].breaks[0].placement = BreakPlacement::Latest;
  const std::vector<Line> late = trace_of(s);
  ASSERT_GE(late.size(), 4u);
  EXPECT_EQ(late[2], (Line{300, TraceWhat::BreakStart, 0, 0, 0}));
  EXPECT_EQ(late[3], (Line{300, TraceWhat::BreakStart, 0, 1, 0}));
}

TEST(CallCenterWorkforce, ShrinkageTakesEachAgentOffForItsShareOfThePeriodInOneBlock) {
  ScenarioSpec s = day_scenario(1000, 1);
  s.contact_types.push_back(traced_type("calls", {990}, 5, std::nullopt, {0}));
  s.agent_groups.push_back(group("team", {2}));
  s.agent_groups[make_id<AgentGroupId>(0)].shrinkage = {0.1};
  // 10 % of 1000 s is one 100 s block per agent, planned at 900 * (j + 0.5) / 2.
  const std::vector<Line> expected = {
      {0, TraceWhat::LogOn, 0, 0, 0},         {0, TraceWhat::LogOn, 0, 1, 0},
      {225, TraceWhat::AuxStart, 0, 0, 100},  {325, TraceWhat::AuxEnd, 0, 0, 0},
      {675, TraceWhat::AuxStart, 0, 1, 100},  {775, TraceWhat::AuxEnd, 0, 1, 0},
      {990, TraceWhat::Answered, 0, 0, 0},    {995, TraceWhat::AgentFree, 0, 0, 0},
  };
  EXPECT_EQ(trace_of(s), expected);
  const ReplicationCounters c = run_replication(s, make_router(s), 0);
  EXPECT_DOUBLE_EQ(c.group(0, 0).break_area, 200);
  EXPECT_DOUBLE_EQ(c.group(0, 0).unpaid_break_area, 0);
  EXPECT_EQ(c.group(0, 0).breaks_taken, 0u);
}

TEST(CallCenterWorkforce, ABreakPlannedAtTheStartOfTheShiftComesBeforeTheWaitingCalls) {
  ScenarioSpec s = day_scenario(1000, 1);
  s.contact_types.push_back(traced_type("calls", {100}, 50, std::nullopt, {0}));
  AgentGroupSpec g = group("team", {});
  g.shifts.push_back(ShiftSpec{"late", 500, 1000, 1, {BreakSpec{"briefing", 100, 500, 500, BreakPlacement::Spread, true}}});
  s.agent_groups.push_back(g);
  // The call waits from 100; the agent logs on at 500 and goes to its briefing first.
  const std::vector<Line> expected = {
      {100, TraceWhat::Queued, N, N, 0},     {500, TraceWhat::LogOn, 0, 0, 0},
      {500, TraceWhat::BreakStart, 0, 0, 0}, {600, TraceWhat::BreakEnd, 0, 0, 0},
      {600, TraceWhat::Answered, 0, 0, 500}, {650, TraceWhat::AgentFree, 0, 0, 0},
  };
  EXPECT_EQ(trace_of(s), expected);
}

TEST(CallCenterWorkforce, NoBreakOrShrinkageIsTakenAfterTheEndOfTheDay) {
  ScenarioSpec s = day_scenario(1000, 1);
  s.contact_types.push_back(traced_type("calls", {800, 990}, 400, std::nullopt, {0}));
  AgentGroupSpec g = group("team", {});
  g.shifts.push_back(all_day(1, {BreakSpec{"coffee", 60, 900, 900, BreakPlacement::Spread, true}}));
  g.shrinkage = {0.05};  // a 50 s block planned at 475: taken at once
  s.agent_groups.push_back(g);
  // The coffee break comes due at 900 while the agent talks until 1200, after the end of
  // the day: its duty is over, so it drops the break and answers the call waiting since 990.
  const std::vector<Line> trace = trace_of(s);
  ASSERT_GE(trace.size(), 2u);
  EXPECT_EQ(trace[trace.size() - 2], (Line{1200, TraceWhat::Answered, 0, 0, 210}));
  for (const Line& l : trace) EXPECT_FALSE(l.what == TraceWhat::BreakStart && l.t > 1000) << l;
}

// A day of Poisson calls on a staffing array that rises and falls, and the same agents
// written as whole-period shifts (listed in another order): the two are the same run.
TEST(CallCenterWorkforce, AStaffingArrayAndTheSameWholePeriodShiftsGiveIdenticalRuns) {
  ScenarioSpec s = day_scenario(600, 8);
  ContactTypeSpec t;
  t.name = "calls";
  t.arrivals.process = ArrivalSpec::Process::PiecewisePoisson;
  t.arrivals.per_period = {20, 45, 40, 70, 65, 25, 50, 10};
  t.talk = sim::Distribution::exponential(60);
  t.wrap_up = sim::Distribution::constant(10);
  t.patience = sim::Distribution::exponential(40);
  t.groups = {make_id<AgentGroupId>(0)};
  s.contact_types.push_back(t);
  s.agent_groups.push_back(group("team", {3, 5, 4, 6, 6, 2, 5, 1}));
  ScenarioSpec shifts = s;
  AgentGroupSpec& g = shifts.agent_groups[make_id<AgentGroupId>(0)];
  g.staffing.clear();
  // The layers of the array, by hand: agent i works every period with staffing > i.
  const auto at = [](double periods) { return periods * 600; };
  g.shifts = {ShiftSpec{"p3_5", at(3), at(5), 2, {}}, ShiftSpec{"p6", at(6), at(7), 3, {}},
              ShiftSpec{"day", at(0), at(8), 1, {}},  ShiftSpec{"p1", at(1), at(2), 1, {}},
              ShiftSpec{"p0_7", at(0), at(7), 1, {}}, ShiftSpec{"p1_5", at(1), at(5), 1, {}},
              ShiftSpec{"p0_5", at(0), at(5), 1, {}}};
  const AnyRouter router = make_router(s);
  for (std::uint64_t r = 0; r < 20; ++r) {
    const ReplicationCounters a = run_replication(s, router, r);
    const ReplicationCounters b = run_replication(shifts, router, r);
    EXPECT_EQ(a, b) << "replication " << r;
    EXPECT_GT(a.group(4, 0).busy_area, 0.0);
  }
}

// The shipped pair: single_day_ivr's staffing arrays and the same agents as shifts.
TEST(CallCenterWorkforce, ShiftsAsStaffingGivesSingleDayIvrsResultsExactly) {
  const ScenarioSpec array = load_scenario_file(CCSIM_SOURCE_DIR "/scenarios/examples/single_day_ivr.json");
  const ScenarioSpec shifts = load_scenario_file(CCSIM_SOURCE_DIR "/scenarios/examples/shifts_as_staffing.json");
  ASSERT_TRUE(shifts.agent_groups[make_id<AgentGroupId>(0)].staffing.empty());
  const RunResults a = run_scenario(array, RunOptions{.threads = 2});
  const RunResults b = run_scenario(shifts, RunOptions{.threads = 2});
  EXPECT_EQ(a.fingerprint, b.fingerprint);
  for (std::size_t k = 0; k < kNumKpis; ++k) {
    if (std::isnan(a.overall[k].mean)) continue;
    EXPECT_EQ(a.overall[k].mean, b.overall[k].mean) << kKpiNames[k];
    EXPECT_EQ(a.overall[k].half_width, b.overall[k].half_width) << kKpiNames[k];
  }
  ASSERT_EQ(a.by_interval.size(), b.by_interval.size());
  for (std::size_t i = 0; i < a.by_interval.size(); ++i)
    for (std::size_t g = 0; g < a.by_interval[i].by_group.size(); ++g)
      EXPECT_EQ(stat_of(a.by_interval[i].by_group[g], Kpi::ScheduledAgents).mean,
                stat_of(b.by_interval[i].by_group[g], Kpi::ScheduledAgents).mean);
}

}  // namespace
}  // namespace ccsim::models
