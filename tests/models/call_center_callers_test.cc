// Callers as they behave: exact traces of balking, the maximum wait and the closing rules,
// and the counters each outcome lands in.
#include <cmath>
#include <cstdint>
#include <ostream>
#include <vector>

#include <gtest/gtest.h>

#include "models/call_center.h"
#include "models/kpi/kpis.h"
#include "models/replication.h"
#include "models/routing/registry.h"
#include "tests/models/test_scenarios.h"

namespace ccsim::models {
namespace {

using testing::day_scenario;
using testing::group;
using testing::traced_type;

struct Line {
  double t;
  TraceWhat what;
  std::uint32_t agent;
  double value;
  bool operator==(const Line&) const = default;
};

std::ostream& operator<<(std::ostream& os, const Line& l) {
  return os << "{t=" << l.t << " " << trace_what_name(l.what) << " agent=" << static_cast<int>(l.agent)
            << " value=" << l.value << "}";
}

class Recorder : public TraceSink {
 public:
  void record(const TraceRecord& r) override {
    if (r.what == TraceWhat::Arrival || r.what == TraceWhat::TalkEnd || r.what == TraceWhat::AgentFree) return;
    lines.push_back(Line{r.time_s, r.what, r.agent, r.value});
  }
  std::vector<Line> lines;
};

constexpr std::uint32_t N = kNoId;

std::vector<Line> trace_of(const ScenarioSpec& spec) {
  Recorder rec;
  run_replication(spec, make_router(spec), 0, &rec);
  return rec.lines;
}

TypeCounters day_totals(const ScenarioSpec& spec) {
  const ReplicationCounters c = run_replication(spec, make_router(spec), 0);
  TypeCounters total;
  for (std::size_t slot = 0; slot < c.num_slots; ++slot) total += c.type(slot, 0);
  return total;
}

// One agent, calls of 100 s.
ScenarioSpec one_agent(std::vector<double> arrivals_s, std::optional<double> patience_s) {
  ScenarioSpec s = day_scenario(1000, 1);
  s.contact_types.push_back(traced_type("calls", std::move(arrivals_s), 100, patience_s, {0}));
  s.agent_groups.push_back(group("team", {1}));
  return s;
}

ContactTypeSpec& calls(ScenarioSpec& s) { return s.contact_types.raw()[0]; }

TEST(CallCenterCallers, ACallerBalksByTheQueueAheadButNeverWhenAnAgentIsIdle) {
  ScenarioSpec s = one_agent({0, 10, 20, 30}, std::nullopt);
  // Joins an empty queue (p 0); hangs up at once with anyone ahead (p 1).
  calls(s).balk_p_by_queue_length = {0.0, 1.0};
  const std::vector<Line> expected = {
      {0, TraceWhat::LogOn, 0, 0},     {0, TraceWhat::Answered, 0, 0},  {10, TraceWhat::Queued, N, 0},     {20, TraceWhat::Balked, N, 0},
      {30, TraceWhat::Balked, N, 0},   {100, TraceWhat::Answered, 0, 90},
  };
  EXPECT_EQ(trace_of(s), expected);
  const TypeCounters c = day_totals(s);
  EXPECT_EQ(c.offered, 4u);
  EXPECT_EQ(c.balked, 2u);
  EXPECT_EQ(c.answered, 2u);
  // Balked callers never joined the queue: admitted calls are the two answered.
  const KpiValues v = compute_kpis(c, nullptr, 1000, s.service_level);
  EXPECT_DOUBLE_EQ(v[static_cast<std::size_t>(Kpi::PBalkOverOffered)], 0.5);
  EXPECT_DOUBLE_EQ(v[static_cast<std::size_t>(Kpi::SlOverAdmitted)], 0.5);
  EXPECT_DOUBLE_EQ(v[static_cast<std::size_t>(Kpi::SlOverOffered)], 0.25);

  // Even with probability 1 for every queue length, a caller who finds the agent idle is served.
  calls(s).balk_p_by_queue_length = {1.0};
  const std::vector<Line> all_balk = {
      {0, TraceWhat::LogOn, 0, 0},
      {0, TraceWhat::Answered, 0, 0},
      {10, TraceWhat::Balked, N, 0},
      {20, TraceWhat::Balked, N, 0},
      {30, TraceWhat::Balked, N, 0},
  };
  EXPECT_EQ(trace_of(s), all_balk);
}

TEST(CallCenterCallers, TheMaximumWaitEndsTheWaitUnlessThePatienceRunsOutFirst) {
  // The agent is busy until 100; the call at 10 reaches the maximum wait of 50 s at 60.
  ScenarioSpec s = one_agent({0, 10}, std::nullopt);
  calls(s).max_wait_s = 50;
  std::vector<Line> expected = {{0, TraceWhat::LogOn, 0, 0},
                                {0, TraceWhat::Answered, 0, 0},
                                {10, TraceWhat::Queued, N, 0},
                                {60, TraceWhat::TimedOut, N, 50}};
  EXPECT_EQ(trace_of(s), expected);
  // A caller whose patience is exactly the maximum wait was still waiting: timed out.
  calls(s).patience = sim::Distribution::constant(50);
  EXPECT_EQ(trace_of(s), expected);
  calls(s).patience = sim::Distribution::constant(80);
  EXPECT_EQ(trace_of(s), expected);
  calls(s).patience = sim::Distribution::constant(40);
  expected.back() = {50, TraceWhat::Abandoned, N, 40};
  EXPECT_EQ(trace_of(s), expected);
  // Served before the maximum wait: nothing times out.
  calls(s).max_wait_s = 95;
  calls(s).patience.reset();
  expected.back() = {100, TraceWhat::Answered, 0, 90};
  EXPECT_EQ(trace_of(s), expected);

  calls(s).max_wait_s = 50;
  const TypeCounters c = day_totals(s);
  EXPECT_EQ(c.timed_out, 1u);
  EXPECT_EQ(c.abandoned, 0u);
  EXPECT_EQ(c.waited, 1u);
  EXPECT_DOUBLE_EQ(c.wait_sum_admitted_s, 50);
  // A timed-out call joined the queue: it counts in admitted calls, not answered within t.
  const KpiValues v = compute_kpis(c, nullptr, 1000, s.service_level);
  EXPECT_DOUBLE_EQ(v[static_cast<std::size_t>(Kpi::SlOverAdmitted)], 0.5);
  EXPECT_DOUBLE_EQ(v[static_cast<std::size_t>(Kpi::MeanWaitAdmittedS)], 25);
  EXPECT_DOUBLE_EQ(v[static_cast<std::size_t>(Kpi::PTimedOutOverOffered)], 0.5);
  EXPECT_DOUBLE_EQ(v[static_cast<std::size_t>(Kpi::PAbandonOverAdmitted)], 0.0);
}

TEST(CallCenterCallers, AtClosingWaitingCallersAreServedOrDisconnected) {
  // The day ends at 200. The agent talks 0-100, 100-200 and 200-300; the caller of 150
  // waits until 200 (after the close), and the IVR lets the caller of 190 out at 210.
  ScenarioSpec s = day_scenario(200, 1);
  s.contact_types.push_back(traced_type("calls", {0, 50, 150}, 100, std::nullopt, {0}));
  s.contact_types.push_back(traced_type("late", {190}, 100, std::nullopt, {0}));
  s.contact_types.raw()[1].ivr = IvrTreatment{sim::Distribution::constant(20), 0.0, 0.0};
  s.has_ivr = true;
  s.agent_groups.push_back(group("team", {1}));
  std::vector<Line> served = {
      {0, TraceWhat::LogOn, 0, 0},       {0, TraceWhat::Answered, 0, 0},    {50, TraceWhat::Queued, N, 0},     {100, TraceWhat::Answered, 0, 50},
      {150, TraceWhat::Queued, N, 0},    {190, TraceWhat::IvrStart, N, 0},  {200, TraceWhat::Answered, 0, 50},
      {210, TraceWhat::Queued, N, 0},    {300, TraceWhat::Answered, 0, 90},
  };
  EXPECT_EQ(trace_of(s), served);

  s.closing = Closing::DisconnectAtClose;
  // At 200 the agent frees (Release) before the day ends (EndOfDay): the caller of 150
  // is still answered; the caller out of the IVR after the close is disconnected.
  const std::vector<Line> disconnected = {
      {0, TraceWhat::LogOn, 0, 0},       {0, TraceWhat::Answered, 0, 0},    {50, TraceWhat::Queued, N, 0},     {100, TraceWhat::Answered, 0, 50},
      {150, TraceWhat::Queued, N, 0},    {190, TraceWhat::IvrStart, N, 0},  {200, TraceWhat::Answered, 0, 50},
      {210, TraceWhat::Disconnected, N, 0},
  };
  EXPECT_EQ(trace_of(s), disconnected);

  // With talk of 120 s, the caller of 150 still waits at 200 and is disconnected then.
  s.contact_types.raw()[0].talk = sim::Distribution::constant(120);
  const std::vector<Line> cut = {
      {0, TraceWhat::LogOn, 0, 0},       {0, TraceWhat::Answered, 0, 0},       {50, TraceWhat::Queued, N, 0},        {120, TraceWhat::Answered, 0, 70},
      {150, TraceWhat::Queued, N, 0},       {190, TraceWhat::IvrStart, N, 0},     {200, TraceWhat::Disconnected, N, 50},
      {210, TraceWhat::Disconnected, N, 0},
  };
  EXPECT_EQ(trace_of(s), cut);
  const ReplicationCounters c = run_replication(s, make_router(s), 0);
  EXPECT_EQ(c.type(0, 0).disconnected, 1u);
  EXPECT_EQ(c.type(0, 1).disconnected, 1u);
  EXPECT_EQ(c.unserved_at_end, 0u);
}

TEST(CallCenterCallers, WithoutAnEligibleAgentOnDutyCallersAreDisconnected) {
  // Agent 0 works 0-50, agent 1 100-280; the day ends at 280.
  ScenarioSpec s = day_scenario(280, 1);
  s.contact_types.push_back(traced_type("calls", {10, 20, 70, 120}, 100, std::nullopt, {0}));
  AgentGroupSpec g = group("team", {});
  g.shifts.push_back(ShiftSpec{"early", 0, 50, 1, {}});
  g.shifts.push_back(ShiftSpec{"late", 100, 280, 1, {}});
  s.agent_groups.push_back(g);
  s.closing = Closing::DisconnectNoAgent;
  // At 50 agent 0's shift ends while it talks: nobody is on duty, so the caller waiting
  // since 20 is cut off, and the caller of 70 at once; agent 1 answers the call of 120.
  const std::vector<Line> expected = {
      {0, TraceWhat::LogOn, 0, 0},          {10, TraceWhat::Answered, 0, 0},
      {20, TraceWhat::Queued, N, 0},        {50, TraceWhat::ShiftEnd, 0, 0},
      {50, TraceWhat::Disconnected, N, 30}, {70, TraceWhat::Disconnected, N, 0},
      {100, TraceWhat::LogOn, 1, 0},        {110, TraceWhat::LogOff, 0, 0},
      {120, TraceWhat::Answered, 1, 0},
  };
  EXPECT_EQ(trace_of(s), expected);
  const TypeCounters c = day_totals(s);
  EXPECT_EQ(c.disconnected, 2u);
  EXPECT_EQ(c.answered, 2u);
  EXPECT_EQ(c.disconnected_unqueued, 1u);
  const KpiValues v = compute_kpis(c, nullptr, 280, s.service_level);
  EXPECT_DOUBLE_EQ(v[static_cast<std::size_t>(Kpi::PDisconnectedOverOffered)], 0.5);
  // The caller of 70 never joined the queue: admitted are the two answered at once and
  // the one cut off while waiting.
  EXPECT_DOUBLE_EQ(v[static_cast<std::size_t>(Kpi::SlOverAdmitted)], 2.0 / 3.0);
  EXPECT_DOUBLE_EQ(v[static_cast<std::size_t>(Kpi::MeanWaitAdmittedS)], 10.0);

  // Closing at the end of the day only: the callers of 20 and 70 wait for agent 1 (who
  // answers them at 100 and 200); the caller of 120 still waits at 280 and is cut off.
  s.closing = Closing::DisconnectAtClose;
  const TypeCounters at_close = day_totals(s);
  EXPECT_EQ(at_close.answered, 3u);
  EXPECT_EQ(at_close.disconnected, 1u);
  EXPECT_DOUBLE_EQ(at_close.wait_sum_admitted_s, 0 + 80 + 130 + 160);
}

TEST(CallCenterCallers, ADisconnectedCallersPendingDeadlineNeverReachesTheNextCallerInItsRecord) {
  // Day of 100 s, one agent busy 0-150. The caller of 10 (patience and maximum wait of
  // 200 s) is disconnected at 100; its record is reused by the caller of 120 (out of the
  // IVR after the close: disconnected too). Had the deadlines of 210 reached the record,
  // a time-out or abandonment would show there.
  ScenarioSpec s = day_scenario(100, 1);
  s.contact_types.push_back(traced_type("calls", {0, 10}, 150, 200.0, {0}));
  s.contact_types.raw()[0].max_wait_s = 200;
  s.contact_types.push_back(traced_type("late", {90}, 150, 200.0, {0}));
  s.contact_types.raw()[1].ivr = IvrTreatment{sim::Distribution::constant(30), 0.0, 0.0};
  s.contact_types.raw()[1].max_wait_s = 200;
  s.has_ivr = true;
  s.agent_groups.push_back(group("team", {1}));
  s.closing = Closing::DisconnectAtClose;
  const std::vector<Line> expected = {
      {0, TraceWhat::LogOn, 0, 0},          {0, TraceWhat::Answered, 0, 0},        {10, TraceWhat::Queued, N, 0},
      {90, TraceWhat::IvrStart, N, 0},      {100, TraceWhat::Disconnected, N, 90}, {120, TraceWhat::Disconnected, N, 0},
  };
  EXPECT_EQ(trace_of(s), expected);
  const ReplicationCounters c = run_replication(s, make_router(s), 0);
  EXPECT_EQ(c.type(0, 0).abandoned + c.type(0, 0).timed_out + c.type(0, 1).abandoned + c.type(0, 1).timed_out, 0u);
}

// A queue emptied by the closing rule while it held a stale entry (an abandon in the
// middle) counts its new callers right: each balks by the live callers ahead.
TEST(CallCenterCallers, AQueueEmptiedByTheClosingRuleCountsOnlyItsLiveCallers) {
  // Periods of 10 s; the caller of 20 (period 2) has a patience of 5 s, the others 1000 s.
  // Agent 0 works 0-50 (busy with the first call until 500), agent 1 from 60 on.
  ScenarioSpec s = day_scenario(10, 20);
  s.contact_types.push_back(traced_type("calls", {0, 10, 20, 30, 70, 80, 90, 95}, 500, 1000.0, {0}));
  ContactTypeSpec& t = s.contact_types.raw()[0];
  t.patience_per_period_s.assign(20, 1000.0);
  t.patience_per_period_s[2] = 5.0;
  t.balk_p_by_queue_length = {0.0, 0.0, 1.0};  // two or more ahead: balk
  AgentGroupSpec g = group("team", {});
  g.shifts.push_back(ShiftSpec{"early", 0, 50, 1, {}});
  g.shifts.push_back(ShiftSpec{"late", 60, 200, 1, {}});
  s.agent_groups.push_back(g);
  s.closing = Closing::DisconnectNoAgent;
  // The caller of 30 has one live caller ahead (the stale entry of 20 does not count), so
  // it joins; at 50 nobody is on duty and both are cut off. Of the new callers, the one of
  // 95 finds two ahead and balks; the day's end cuts off the other two.
  const std::vector<Line> expected = {
      {0, TraceWhat::LogOn, 0, 0},            {0, TraceWhat::Answered, 0, 0},         {10, TraceWhat::Queued, N, 0},
      {20, TraceWhat::Queued, N, 0},          {25, TraceWhat::Abandoned, N, 5},       {30, TraceWhat::Queued, N, 0},
      {50, TraceWhat::ShiftEnd, 0, 0},        {50, TraceWhat::Disconnected, N, 40},   {50, TraceWhat::Disconnected, N, 20},
      {60, TraceWhat::LogOn, 1, 0},           {70, TraceWhat::Answered, 1, 0},        {80, TraceWhat::Queued, N, 0},
      {90, TraceWhat::Queued, N, 0},          {95, TraceWhat::Balked, N, 0},          {200, TraceWhat::Disconnected, N, 120},
      {200, TraceWhat::Disconnected, N, 110}, {500, TraceWhat::LogOff, 0, 0},
  };
  EXPECT_EQ(trace_of(s), expected);
  const ReplicationCounters c = run_replication(s, make_router(s), 0);
  TypeCounters total;
  for (std::size_t slot = 0; slot < c.num_slots; ++slot) total += c.type(slot, 0);
  EXPECT_EQ(total.disconnected, 4u);
  EXPECT_EQ(total.disconnected_unqueued, 0u);
  // Queue length: 10-20 one, 20-25 two, 25-30 one, 30-50 two, 80-90 one, 90-200 two.
  double area = 0.0;
  for (std::size_t slot = 0; slot < c.num_slots; ++slot) area += c.type(slot, 0).queue_area;
  EXPECT_DOUBLE_EQ(area, 10 + 10 + 5 + 40 + 10 + 220);
}

// Busy days whose factors are all 1 (cv 0) draw nothing: the run is the run without them.
TEST(CallCenterCallers, BusyDaysOfCvZeroAreTheForecastDayToTheLastBit) {
  ScenarioSpec s = day_scenario(1800, 2);
  s.contact_types.push_back(testing::markov_day_type("a", {300, 200}, 120, 90.0, {0}));
  s.contact_types.push_back(testing::markov_day_type("b", {}, 100, std::nullopt, {0}));
  s.contact_types.raw()[1].arrivals = ArrivalSpec{.process = ArrivalSpec::Process::Poisson, .rate_per_s = 0.05, .per_period = {}, .times_s = {}};
  s.agent_groups.push_back(group("team", {20, 15}));
  const ReplicationCounters plain = run_replication(s, make_router(s), 3);
  s.busyness = BusynessSpec{.cv = 0.0, .interval_cv = 0.0, .per_type = true};
  EXPECT_EQ(run_replication(s, make_router(s), 3), plain);
  s.busyness = BusynessSpec{.cv = 0.2};
  const ReplicationCounters busy = run_replication(s, make_router(s), 3);
  EXPECT_NE(busy.fingerprint, plain.fingerprint);
  EXPECT_NE(busy.arrivals, plain.arrivals);  // a busier or quieter day
}


// ---- redials ----------------------------------------------------------------------

RedialSpec redial_always(double delay_s, std::uint32_t max_attempts) {
  RedialSpec r;
  r.p_by_attempt = {1.0};
  r.max_attempts = max_attempts;
  r.delay = sim::Distribution::constant(delay_s);
  return r;
}

double kpi_of(const KpiValues& v, Kpi k) { return v[static_cast<std::size_t>(k)]; }

TEST(CallCenterRedials, AnAbandonedCallerRedialsAndIsServedOnItsSecondAttempt) {
  // The agent talks 0-100. The caller of 10 abandons at 40, redials at 90 and is answered at 100.
  ScenarioSpec s = one_agent({0, 10}, 30.0);
  calls(s).redial = redial_always(50, 3);
  const std::vector<Line> expected = {
      {0, TraceWhat::LogOn, 0, 0},        {0, TraceWhat::Answered, 0, 0}, {10, TraceWhat::Queued, N, 0},
      {40, TraceWhat::Abandoned, N, 30},  {40, TraceWhat::Redial, N, 50}, {90, TraceWhat::Queued, N, 0},
      {100, TraceWhat::Answered, 0, 10},
  };
  EXPECT_EQ(trace_of(s), expected);
  const TypeCounters c = day_totals(s);
  EXPECT_EQ(c.offered, 3u);
  EXPECT_EQ(c.redials, 1u);
  EXPECT_EQ(c.customers(), 2u);
  EXPECT_EQ(c.customers_served(), 2u);
  EXPECT_EQ(c.customers_abandoned, 0u);
  const KpiValues v = compute_kpis(c, nullptr, 1000, s.service_level);
  EXPECT_DOUBLE_EQ(kpi_of(v, Kpi::PAbandonOverAdmitted), 1.0 / 3.0);  // per attempt
  EXPECT_DOUBLE_EQ(kpi_of(v, Kpi::PAbandonOverCustomers), 0.0);      // per customer
  EXPECT_DOUBLE_EQ(kpi_of(v, Kpi::PUnservedOverCustomers), 0.0);
}

TEST(CallCenterRedials, ACustomerMakesAtMostMaxAttemptsAttempts) {
  // Patience 5 s, the agent busy until 100: the caller of 10 abandons three times.
  ScenarioSpec s = one_agent({0, 10}, 5.0);
  calls(s).redial = redial_always(20, 3);
  const std::vector<Line> expected = {
      {0, TraceWhat::LogOn, 0, 0},      {0, TraceWhat::Answered, 0, 0},  {10, TraceWhat::Queued, N, 0},
      {15, TraceWhat::Abandoned, N, 5}, {15, TraceWhat::Redial, N, 20},  {35, TraceWhat::Queued, N, 0},
      {40, TraceWhat::Abandoned, N, 5}, {40, TraceWhat::Redial, N, 20},  {60, TraceWhat::Queued, N, 0},
      {65, TraceWhat::Abandoned, N, 5},
  };
  EXPECT_EQ(trace_of(s), expected);
  const TypeCounters c = day_totals(s);
  EXPECT_EQ(c.offered, 4u);
  EXPECT_EQ(c.redials, 2u);
  EXPECT_EQ(c.customers_abandoned, 1u);
  const KpiValues v = compute_kpis(c, nullptr, 1000, s.service_level);
  EXPECT_DOUBLE_EQ(kpi_of(v, Kpi::PAbandonOverCustomers), 0.5);
  EXPECT_DOUBLE_EQ(kpi_of(v, Kpi::PUnservedOverCustomers), 0.5);
  EXPECT_DOUBLE_EQ(kpi_of(v, Kpi::PAbandonOverOffered), 0.75);

  // The probability after the second attempt is 0: two attempts only.
  calls(s).redial->p_by_attempt = {1.0, 0.0};
  calls(s).redial->max_attempts.reset();
  EXPECT_EQ(day_totals(s).offered, 3u);
  // Redials follow only the outcomes named: an abandonment is final.
  calls(s).redial->after = attempt_end_bit(AttemptEnd::Blocked);
  EXPECT_EQ(day_totals(s).offered, 2u);
}

TEST(CallCenterRedials, ABlockedCallerRedialsWhenALineIsFree) {
  ScenarioSpec s = one_agent({0, 10}, std::nullopt);
  s.trunk_lines = 1;
  calls(s).redial = redial_always(95, 2);
  const std::vector<Line> expected = {
      {0, TraceWhat::LogOn, 0, 0},          {0, TraceWhat::Answered, 0, 0}, {10, TraceWhat::BlockedTrunk, N, 0},
      {10, TraceWhat::Redial, N, 95},       {105, TraceWhat::Answered, 0, 0},
  };
  EXPECT_EQ(trace_of(s), expected);
  const TypeCounters c = day_totals(s);
  EXPECT_EQ(c.blocked_trunk, 1u);
  EXPECT_EQ(c.customers_served(), 2u);
}

TEST(CallCenterRedials, ARedialDueAfterTheCloseIsNeverMade) {
  // The day ends at 1000; the redial would come at 1040.
  ScenarioSpec s = one_agent({0, 10}, 30.0);
  calls(s).talk = sim::Distribution::constant(2000);
  calls(s).redial = redial_always(1000, 3);
  const std::vector<Line> expected = {
      {0, TraceWhat::LogOn, 0, 0},         {0, TraceWhat::Answered, 0, 0},  {10, TraceWhat::Queued, N, 0},
      {40, TraceWhat::Abandoned, N, 30},   {40, TraceWhat::Redial, N, 1000}, {1040, TraceWhat::GaveUp, N, 0},
  };
  EXPECT_EQ(trace_of(s), expected);
  const TypeCounters c = day_totals(s);
  EXPECT_EQ(c.offered, 2u);
  EXPECT_EQ(c.customers_abandoned, 1u);  // its last attempt was abandoned
}

TEST(CallCenterRedials, EveryAttemptPassesTheIvrAgain) {
  ScenarioSpec s = one_agent({0, 10, 20}, std::nullopt);
  calls(s).ivr = IvrTreatment{sim::Distribution::constant(5), 0.0, 1.0};  // every caller hangs up
  s.has_ivr = true;
  calls(s).redial = redial_always(30, 3);
  const TypeCounters c = day_totals(s);
  EXPECT_EQ(c.offered, 9u);
  EXPECT_EQ(c.ivr_abandoned, 9u);
  EXPECT_EQ(c.customers(), 3u);
  EXPECT_EQ(c.customers_served(), 0u);
  // Contained in the IVR is served (self-service): nobody redials, everyone is served.
  calls(s).ivr = IvrTreatment{sim::Distribution::constant(5), 1.0, 0.0};
  const TypeCounters contained = day_totals(s);
  EXPECT_EQ(contained.offered, 3u);
  EXPECT_EQ(contained.customers_served(), 3u);
}

// A redial keeps the caller's first patience draw, or draws a new one: with the agent busy
// all along, the two waits of the caller are equal (up to the rounding of clock times)
// exactly when the patience is kept.
TEST(CallCenterRedials, ARedialKeepsOrRedrawsThePatience) {
  ScenarioSpec s = one_agent({0, 10}, std::nullopt);
  calls(s).talk = sim::Distribution::constant(5000);
  calls(s).patience = sim::Distribution::exponential(60);
  calls(s).redial = redial_always(100, 2);
  std::vector<double> waits;
  const auto abandoned_waits = [&] {
    waits.clear();
    for (const Line& l : trace_of(s))
      if (l.what == TraceWhat::Abandoned) waits.push_back(l.value);
    return waits.size();
  };
  calls(s).redial->keep_patience = true;
  ASSERT_EQ(abandoned_waits(), 2u);
  EXPECT_NEAR(waits[0], waits[1], 1e-9);
  calls(s).redial->keep_patience = false;
  ASSERT_EQ(abandoned_waits(), 2u);
  EXPECT_GT(std::abs(waits[0] - waits[1]), 1e-6);
}

// Redials that never happen change nothing: not a draw, not a count, not the fingerprint.
TEST(CallCenterRedials, ARedialProbabilityOfZeroIsTheModelWithoutRedials) {
  ScenarioSpec s = day_scenario(1800, 2);
  s.contact_types.push_back(testing::markov_day_type("a", {300, 200}, 120, 90.0, {0}));
  s.agent_groups.push_back(group("team", {9, 7}));
  s.trunk_lines = 14;
  const ReplicationCounters plain = run_replication(s, make_router(s), 5);
  RedialSpec r;
  r.p_by_attempt = {0.0};
  r.delay = sim::Distribution::exponential(300);
  s.contact_types.raw()[0].redial = r;
  EXPECT_EQ(run_replication(s, make_router(s), 5), plain);
  s.contact_types.raw()[0].redial->p_by_attempt = {0.5};
  const ReplicationCounters redialling = run_replication(s, make_router(s), 5);
  EXPECT_NE(redialling.fingerprint, plain.fingerprint);
  EXPECT_GT(redialling.arrivals, plain.arrivals);
}

// ---- transfers and returns --------------------------------------------------------

// Two types, each with its own agent: "front" (talk 100 s) and "back" (talk 50 s).
ScenarioSpec front_and_back(std::vector<double> front_arrivals_s) {
  ScenarioSpec s = day_scenario(1000, 1);
  s.contact_types.push_back(traced_type("front", std::move(front_arrivals_s), 100, std::nullopt, {0}));
  s.contact_types.push_back(traced_type("back", {}, 50, std::nullopt, {1}));
  s.agent_groups.push_back(group("front_team", {1}));
  s.agent_groups.push_back(group("back_team", {1}));
  return s;
}

TEST(CallCenterTransfers, ATransferredCallerKeepsItsLineAndJoinsTheNextTypeAfterTheHandover) {
  ScenarioSpec s = front_and_back({0, 10});
  s.trunk_lines = 2;
  s.contact_types.raw()[0].transfers = {TransferSpec{make_id<ContactTypeId>(1), 1.0, sim::Distribution::constant(20)}};
  // Front answers the caller of 0 and talks until 120 (100 + 20 of handover); the caller
  // then waits for back, which serves it 120-170. The caller of 10 waits for front until
  // 120 and is transferred at 240, when back is free: served at once. Both hold a line
  // all along, so a third caller would be blocked.
  const ReplicationCounters c = run_replication(s, make_router(s), 0);
  const TypeCounters& front = c.type(0, 0);
  const TypeCounters& back = c.type(0, 1);
  EXPECT_EQ(front.offered, 2u);
  EXPECT_EQ(front.answered, 2u);
  EXPECT_EQ(front.transfers, 2u);
  EXPECT_EQ(back.offered, 2u);
  EXPECT_EQ(back.transferred_in, 2u);
  EXPECT_EQ(back.answered, 2u);
  EXPECT_EQ(back.customers(), 0u);  // the customers are front's
  EXPECT_EQ(front.customers(), 2u);
  EXPECT_EQ(front.customers_served(), 2u);
  EXPECT_DOUBLE_EQ(front.wait_sum_answered_s, 0 + 110);
  EXPECT_DOUBLE_EQ(back.wait_sum_answered_s, 0 + 0);
  // Front's agent is busy 0-240 (two talks with handover), back's 120-170 and 240-290.
  EXPECT_DOUBLE_EQ(c.group(0, 0).busy_area, 240);
  EXPECT_DOUBLE_EQ(c.group(0, 1).busy_area, 100);
  // Time in system of a leg: from its arrival at the type to the end of its talk.
  EXPECT_DOUBLE_EQ(front.sojourn_sum_s, 120 + 230);
  EXPECT_DOUBLE_EQ(back.sojourn_sum_s, 50 + 50);

  s.contact_types.raw()[0].arrivals.times_s = {0, 10, 20};
  EXPECT_EQ(run_replication(s, make_router(s), 0).type(0, 0).blocked_trunk, 1u);
}

TEST(CallCenterTransfers, ATransferredCallerWhoAbandonsIsALostCustomer) {
  ScenarioSpec s = front_and_back({0, 5});
  ContactTypeSpec& back = s.contact_types.raw()[1];
  back.talk = sim::Distribution::constant(1000);
  back.patience = sim::Distribution::constant(30);
  s.contact_types.raw()[0].transfers = {TransferSpec{make_id<ContactTypeId>(1), 1.0, sim::Distribution::constant(0)}};
  // Back's agent talks to the first caller from 100; the second reaches back at 200 and
  // abandons at 230.
  const std::vector<Line> expected = {
      {0, TraceWhat::LogOn, 0, 0},        {0, TraceWhat::LogOn, 1, 0},         {0, TraceWhat::Answered, 0, 0},
      {5, TraceWhat::Queued, N, 0},       {100, TraceWhat::Transferred, N, 0}, {100, TraceWhat::Answered, 1, 0},
      {100, TraceWhat::Answered, 0, 95},  {200, TraceWhat::Transferred, N, 0}, {200, TraceWhat::Queued, N, 0},
      {230, TraceWhat::Abandoned, N, 30},
  };
  EXPECT_EQ(trace_of(s), expected);
  const ReplicationCounters c = run_replication(s, make_router(s), 0);
  EXPECT_EQ(c.type(0, 0).customers_served(), 1u);
  EXPECT_EQ(c.type(0, 0).customers_lost, 1u);
  EXPECT_EQ(c.type(0, 1).abandoned, 1u);
}

// The fuzzer's finding of issue 13: a handover of 1e47 s put the transferred caller's
// arrival at back 1e44 periods into the day, and the cast of that period number to an
// unsigned was undefined (UBSan); on x86 it gave period 0. It counts in the last period.
TEST(CallCenterTransfers, ACallerTransferredAfterAHandoverOfAnyLengthCountsInTheLastPeriod) {
  ScenarioSpec s = day_scenario(1000, 2);
  s.contact_types.push_back(traced_type("front", {0}, 100, std::nullopt, {0}));
  s.contact_types.push_back(traced_type("back", {}, 50, std::nullopt, {1}));
  s.agent_groups.push_back(group("front_team", {1, 1}));
  s.agent_groups.push_back(group("back_team", {1, 1}));
  s.contact_types.raw()[0].transfers = {
      TransferSpec{make_id<ContactTypeId>(1), 1.0, sim::Distribution::constant(1e47)}};
  const ReplicationCounters c = run_replication(s, make_router(s), 0);
  EXPECT_EQ(c.type(0, 1).transferred_in, 0u);
  EXPECT_EQ(c.type(1, 1).transferred_in, 1u);
  EXPECT_EQ(c.type(1, 1).offered, 1u);
}

TEST(CallCenterReturns, AServedCustomerReturnsAsANewCallOfTheTypeNamed) {
  ScenarioSpec s = front_and_back({0});
  s.contact_types.raw()[0].returns = ReturnSpec{1.0, sim::Distribution::constant(300), make_id<ContactTypeId>(1)};
  const std::vector<Line> expected = {
      {0, TraceWhat::LogOn, 0, 0},        {0, TraceWhat::LogOn, 1, 0},   {0, TraceWhat::Answered, 0, 0},
      {100, TraceWhat::Return, N, 300},   {400, TraceWhat::Answered, 1, 0},
  };
  EXPECT_EQ(trace_of(s), expected);
  const ReplicationCounters c = run_replication(s, make_router(s), 0);
  EXPECT_EQ(c.type(0, 1).offered, 1u);
  EXPECT_EQ(c.type(0, 1).returns, 1u);
  EXPECT_EQ(c.type(0, 1).customers(), 1u);  // a return is a new request
  // A return due after the close is not made.
  s.contact_types.raw()[0].returns->delay = sim::Distribution::constant(950);
  EXPECT_EQ(run_replication(s, make_router(s), 0).type(0, 1).offered, 0u);
}

// Transfers and returns that never happen change nothing, to the last bit.
TEST(CallCenterTransfers, ProbabilitiesOfZeroAreTheModelWithoutTransfersOrReturns) {
  ScenarioSpec s = day_scenario(1800, 2);
  s.contact_types.push_back(testing::markov_day_type("a", {300, 200}, 120, 90.0, {0}));
  s.contact_types.push_back(testing::markov_day_type("b", {100, 100}, 200, 90.0, {1}));
  s.agent_groups.push_back(group("ta", {9, 7}));
  s.agent_groups.push_back(group("tb", {6, 6}));
  const ReplicationCounters plain = run_replication(s, make_router(s), 2);
  s.contact_types.raw()[0].transfers = {TransferSpec{make_id<ContactTypeId>(1), 0.0, sim::Distribution::constant(30)}};
  s.contact_types.raw()[1].returns = ReturnSpec{0.0, sim::Distribution::exponential(600), make_id<ContactTypeId>(0)};
  const ReplicationCounters zero = run_replication(s, make_router(s), 2);
  EXPECT_EQ(zero.fingerprint, plain.fingerprint);
  EXPECT_EQ(zero.by_slot_type, plain.by_slot_type);
  s.contact_types.raw()[0].transfers[0].p = 0.2;
  EXPECT_NE(run_replication(s, make_router(s), 2).fingerprint, plain.fingerprint);
}

TEST(CallCenterCallers, ACallerBalksByTheWaitItIsToldNotByTheQueueAlone) {
  ScenarioSpec s = one_agent({0, 10, 20, 30}, std::nullopt);
  // Told (ahead + 1) x 100 s / 1 agent: 100 s at 10 (joins), 200 s at 20 and 30 (balk).
  calls(s).balk_by_announced_wait = {{50.0, 0.0}, {150.0, 1.0}};
  const std::vector<Line> expected = {
      {0, TraceWhat::LogOn, 0, 0},   {0, TraceWhat::Answered, 0, 0},  {10, TraceWhat::Queued, N, 0},
      {20, TraceWhat::Balked, N, 0}, {30, TraceWhat::Balked, N, 0},   {100, TraceWhat::Answered, 0, 90},
  };
  EXPECT_EQ(trace_of(s), expected);
  EXPECT_EQ(day_totals(s).balked, 2u);
  // Two agents halve the wait told: 50 s and 100 s, neither above 150.
  s.agent_groups.raw()[0].staffing = {2};
  calls(s).arrivals.times_s = {0, 1, 10, 20};
  EXPECT_EQ(day_totals(s).balked, 0u);
}

// One agent serves "calls" (talk 100) and "calls_cb" (talk 50), the type that serves the
// callbacks of calls, at the same priority: a callback keeps its place among the waits.
ScenarioSpec with_callbacks(std::vector<double> arrivals_s, double offer_above_wait_s) {
  ScenarioSpec s = one_agent(std::move(arrivals_s), std::nullopt);
  s.contact_types.push_back(traced_type("calls_cb", {}, 50, std::nullopt, {0}));
  CallbackSpec cb;
  cb.offer_above_wait_s = offer_above_wait_s;
  cb.p_accept = 1.0;
  cb.to = make_id<ContactTypeId>(1);
  calls(s).callback = cb;
  return s;
}

TEST(CallCenterCallbacks, ACallerToldALongWaitHangsUpAndIsCalledBackInItsTurn) {
  ScenarioSpec s = with_callbacks({0, 10, 20}, 50);
  s.trunk_lines = 2;
  // Both callers who would wait are told 1 x 100 / 1 agent = 100 s (nobody waits ahead of
  // them in calls' own queue) and take a callback: their lines are free at once (two lines
  // are enough). The agent calls them back at 100 and 150, in the order they accepted.
  const std::vector<Line> expected = {
      {0, TraceWhat::LogOn, 0, 0},          {0, TraceWhat::Answered, 0, 0},
      {10, TraceWhat::CallbackAccepted, N, 100}, {10, TraceWhat::Queued, N, 0},
      {20, TraceWhat::CallbackAccepted, N, 100}, {20, TraceWhat::Queued, N, 0},
      {100, TraceWhat::Answered, 0, 90},    {150, TraceWhat::Answered, 0, 130},
  };
  EXPECT_EQ(trace_of(s), expected);
  const ReplicationCounters c = run_replication(s, make_router(s), 0);
  const TypeCounters& calls_tc = c.type(0, 0);
  const TypeCounters& cb_tc = c.type(0, 1);
  EXPECT_EQ(calls_tc.offered, 3u);
  EXPECT_EQ(calls_tc.answered, 1u);
  EXPECT_EQ(calls_tc.blocked_trunk, 0u);
  EXPECT_EQ(calls_tc.callbacks_offered, 2u);
  EXPECT_EQ(calls_tc.callbacks_accepted, 2u);
  EXPECT_EQ(calls_tc.callbacks_completed, 2u);
  EXPECT_DOUBLE_EQ(calls_tc.callback_delay_sum_s, 90 + 130);
  EXPECT_EQ(calls_tc.customers(), 3u);
  EXPECT_EQ(calls_tc.customers_served(), 3u);
  // The accepting callers left calls' system at once; the callbacks' time counts in calls_cb.
  EXPECT_DOUBLE_EQ(calls_tc.sojourn_sum_s, 100);
  EXPECT_EQ(cb_tc.offered, 2u);
  EXPECT_EQ(cb_tc.callback_attempts, 2u);
  EXPECT_EQ(cb_tc.answered, 2u);
  EXPECT_EQ(cb_tc.customers(), 0u);
  EXPECT_DOUBLE_EQ(cb_tc.sojourn_sum_s, (100 + 50 - 10) + (150 + 50 - 20));
  EXPECT_DOUBLE_EQ(c.group(0, 0).busy_area, 200);
}

TEST(CallCenterCallbacks, OnlyAWaitAnnouncedAboveTheThresholdIsOfferedACallback) {
  ScenarioSpec s = with_callbacks({0, 10, 20}, 150);
  // At 10 nobody waits ahead: 100 s, not above 150, the caller waits. At 20 one waits
  // ahead: 200 s, offered and taken. The waiting caller (since 10) is served first.
  const std::vector<Line> expected = {
      {0, TraceWhat::LogOn, 0, 0},          {0, TraceWhat::Answered, 0, 0},
      {10, TraceWhat::Queued, N, 0},        {20, TraceWhat::CallbackAccepted, N, 200},
      {20, TraceWhat::Queued, N, 0},        {100, TraceWhat::Answered, 0, 90},
      {200, TraceWhat::Answered, 0, 180},
  };
  EXPECT_EQ(trace_of(s), expected);
  // No agent on duty: the announced wait is endless, so every caller who would wait is offered.
  s.agent_groups.raw()[0].staffing = {0};
  const TypeCounters c = day_totals(s);
  EXPECT_EQ(c.callbacks_offered, 3u);
}

TEST(CallCenterCallbacks, AnUnansweredDialIsRetriedThenTheCallbackFails) {
  ScenarioSpec s = with_callbacks({0, 10}, 50);
  CallbackSpec& cb = *calls(s).callback;
  cb.p_reach = 0.0;
  cb.max_attempts = 2;
  cb.dial = sim::Distribution::constant(10);
  cb.retry_delay = sim::Distribution::constant(300);
  // The agent dials at 100 for 10 s, frees itself at 110 without a wrap-up; the second
  // dial is made at 410 (an idle agent takes it at once) and fails at 420.
  const std::vector<Line> expected = {
      {0, TraceWhat::LogOn, 0, 0},          {0, TraceWhat::Answered, 0, 0},
      {10, TraceWhat::CallbackAccepted, N, 100}, {10, TraceWhat::Queued, N, 0},
      {100, TraceWhat::Answered, 0, 90},    {110, TraceWhat::CallbackUnreached, N, 300},
      {410, TraceWhat::Answered, 0, 0},     {420, TraceWhat::CallbackUnreached, N, 0},
      {420, TraceWhat::CallbackFailed, N, 0},
  };
  EXPECT_EQ(trace_of(s), expected);
  const ReplicationCounters c = run_replication(s, make_router(s), 0);
  EXPECT_EQ(c.type(0, 0).callbacks_failed, 1u);
  EXPECT_EQ(c.type(0, 0).callbacks_completed, 0u);
  EXPECT_EQ(c.type(0, 0).customers_lost, 1u);
  EXPECT_EQ(c.type(0, 0).customers_abandoned, 0u);
  EXPECT_EQ(c.type(0, 1).callback_attempts, 2u);
  EXPECT_DOUBLE_EQ(c.group(0, 0).busy_area, 100 + 10 + 10);
}

TEST(CallCenterCallbacks, ADialThatFindsEveryTrunkLineBusyFailsAtOnce) {
  ScenarioSpec s = with_callbacks({0, 10}, 50);
  calls(s).wrap_up = sim::Distribution::constant(50);
  s.contact_types.push_back(traced_type("other", {50, 60, 120}, 1000, std::nullopt, {1}));
  s.agent_groups.push_back(group("others", {1}));
  s.trunk_lines = 3;
  // The caller of 0 frees its line at 100 and its agent at 150; by then "other" holds all
  // three lines (the caller of 10 gave its own back when it took the callback).
  Recorder rec;
  const ReplicationCounters c = run_replication(s, make_router(s), 0, &rec);
  std::vector<Line> at_150;
  for (const Line& l : rec.lines)
    if (l.t == 150) at_150.push_back(l);
  const std::vector<Line> expected = {
      {150, TraceWhat::Answered, 0, 140}, {150, TraceWhat::CallbackUnreached, N, 0},
      {150, TraceWhat::CallbackFailed, N, 0}};
  EXPECT_EQ(at_150, expected);
  EXPECT_EQ(c.type(0, 0).callbacks_failed, 1u);
  EXPECT_EQ(c.type(0, 1).callback_attempts, 1u);
  EXPECT_EQ(c.type(0, 2).blocked_trunk, 0u);
}

TEST(CallCenterCallbacks, ACustomerReachedOnARetryHasItsWrapUp) {
  ScenarioSpec s = with_callbacks({0, 10}, 50);
  calls(s).wrap_up = sim::Distribution::constant(50);
  s.contact_types.raw()[1].wrap_up = sim::Distribution::constant(30);
  CallbackSpec& cb = *calls(s).callback;
  cb.max_attempts = 2;
  cb.retry_delay = sim::Distribution::constant(100);
  s.contact_types.push_back(traced_type("other", {50, 60, 120}, 150, std::nullopt, {1}));
  s.agent_groups.push_back(group("others", {1}));
  s.trunk_lines = 3;
  // At 150 "other" holds the three lines: the dial fails at once. Its first call ends at
  // 200, so the retry at 250 gets a line and the customer: talk 50, then its wrap-up 30.
  const ReplicationCounters c = run_replication(s, make_router(s), 0);
  EXPECT_EQ(c.type(0, 0).callbacks_completed, 1u);
  EXPECT_DOUBLE_EQ(c.type(0, 0).callback_delay_sum_s, 250 - 10);
  EXPECT_EQ(c.type(0, 1).callback_attempts, 2u);
  EXPECT_DOUBLE_EQ(c.group(0, 0).busy_area, (100 + 50) + 0 + (50 + 30));
}

TEST(CallCenterCallbacks, TheCloseEndsTheCallbacksWhereTheCentreDisconnects) {
  ScenarioSpec s = with_callbacks({0, 10}, 50);
  calls(s).callback->delay = sim::Distribution::constant(2000);  // due after the close at 1000
  EXPECT_EQ(day_totals(s).callbacks_completed, 1u);              // served after the close
  s.closing = Closing::DisconnectAtClose;
  const ReplicationCounters c = run_replication(s, make_router(s), 0);
  EXPECT_EQ(c.type(0, 0).callbacks_failed, 1u);
  EXPECT_EQ(c.type(0, 0).customers_lost, 1u);
  EXPECT_EQ(c.type(0, 1).offered, 0u);
  // A callback waiting at the close is disconnected there, and fails.
  ScenarioSpec waiting = with_callbacks({0, 10}, 50);
  waiting.contact_types.raw()[0].talk = sim::Distribution::constant(2000);
  waiting.closing = Closing::DisconnectAtClose;
  const ReplicationCounters w = run_replication(waiting, make_router(waiting), 0);
  EXPECT_EQ(w.type(0, 1).disconnected, 1u);
  EXPECT_EQ(w.type(0, 0).callbacks_failed, 1u);
  // Under disconnect_when_no_agent a callback waits while no agent is on duty.
  ScenarioSpec no_agent = with_callbacks({0, 10}, 50);
  no_agent.closing = Closing::DisconnectNoAgent;
  no_agent.agent_groups.raw()[0].staffing = {1};
  EXPECT_EQ(day_totals(no_agent).callbacks_completed, 1u);
}

// Callbacks nobody accepts change nothing the model does, to the last bit; only the offers
// are counted.
TEST(CallCenterCallbacks, AnAcceptanceOfZeroIsTheModelWithoutCallbacks) {
  ScenarioSpec with = day_scenario(1800, 4);
  with.contact_types.push_back(testing::markov_day_type("calls", {300, 400, 350, 300}, 240, 180, {0}));
  with.contact_types.push_back(traced_type("calls_cb", {}, 240, std::nullopt, {0}));
  with.agent_groups.push_back(group("team", {38, 50, 45, 38}));
  ScenarioSpec without = with;
  CallbackSpec cb;
  cb.offer_above_wait_s = 10;
  cb.p_accept = 0.0;
  cb.to = make_id<ContactTypeId>(1);
  with.contact_types.raw()[0].callback = cb;
  for (std::uint64_t r = 0; r < 3; ++r) {
    ReplicationCounters a = run_replication(with, make_router(with), r);
    const ReplicationCounters b = run_replication(without, make_router(without), r);
    std::uint64_t offers = 0;
    for (std::size_t slot = 0; slot < a.num_slots; ++slot) {
      offers += a.type(slot, 0).callbacks_offered;
      a.type(slot, 0).callbacks_offered = 0;
    }
    EXPECT_GT(offers, 50u);
    EXPECT_EQ(a, b);
  }
}

}  // namespace
}  // namespace ccsim::models
