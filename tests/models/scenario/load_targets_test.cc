// tests/models/scenario/load_targets_test.cc
// Service levels per contact type and targets on a level (centre, type, group) and a
// scope (the day, the intervals): exact decoding, and one located error per mistake.
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "models/scenario/load.h"
#include "models/scenario/validate_spec.h"
#include "tests/models/scenario/diagnostic_checks.h"
#include "tests/models/scenario/scenario_texts.h"

namespace ccsim::models {
namespace {

using testing::errors_of;
using testing::with;

// kDay with a slot SL for the first type's extra keys and a slot T for the targets.
const std::string kSlots = with(with(testing::kDay, R"("mean_s": 300 } },)", R"("mean_s": 300 } SL },)"),
                                R"("router")", R"("service_level": { "awt_s": 20, "target": 0.8, "definition": "answered_within_t_over_answered" },
  "targets": [ T ],
  "router")");

std::string day(std::string_view sl, std::string_view targets) { return with(with(kSlots, "SL", sl), "T", targets); }

std::string lines(const std::vector<Diagnostic>& ds) {
  std::string out;
  for (const Diagnostic& d : ds) out += d.pointer + ": " + d.message + "\n";
  return out;
}

void expect_only(std::string_view text, const std::string& pointer, const std::string& message) {
  testing::expect_single(errors_of(text), pointer, message);
}

TEST(LoadTargets, ATypesOwnServiceLevelStartsFromTheScenarios) {
  const ScenarioSpec s = load_scenario_text(day(R"(, "service_level": { "awt_s": 60, "target": 0.7 })", ""), "t.json");
  const ServiceLevelSpec& own = s.service_level_of(make_id<ContactTypeId>(0));
  EXPECT_EQ(own.awt_s, 60.0);
  EXPECT_EQ(own.target, 0.7);
  EXPECT_EQ(own.definition, SlDefinition::AnsweredWithinTOverAnswered);  // inherited
  EXPECT_EQ(own.short_abandon_s, 5.0);
  EXPECT_FALSE(s.contact_types[make_id<ContactTypeId>(1)].service_level);
  EXPECT_EQ(s.service_level_of(make_id<ContactTypeId>(1)).awt_s, 20.0);
  // The type's target is judged on the type over the day, right after the centre's.
  ASSERT_EQ(s.targets.size(), 2u);
  EXPECT_EQ(s.targets[1].kpi, Kpi::ServiceLevel);
  EXPECT_EQ(s.targets[1].type, make_id<ContactTypeId>(0));
  EXPECT_EQ(s.targets[1].value, 0.7);
  EXPECT_EQ(s.targets[1].scope, TargetScope::Day);
  EXPECT_EQ(lines(spec_problems(s)), "");
}

TEST(LoadTargets, LevelsAndScopesAreDecoded) {
  const ScenarioSpec s =
      load_scenario_text(day("", R"({ "kpi": "service_level", "type": "billing", "min": 0.7, "scope": "intervals",
                                       "share_of_intervals": 0.9 },
                                     { "kpi": "occupancy", "group": "tier1", "max": 0.9, "scope": "intervals" },
                                     { "kpi": "asa_s", "type": "sales", "max": 30, "scope": "day" },
                                     { "kpi": "service_level", "min": 0.75, "scope": "intervals" })"),
                         "t.json");
  ASSERT_EQ(s.targets.size(), 5u);
  const TargetSpec& a = s.targets[1];
  EXPECT_EQ(a.type, make_id<ContactTypeId>(0));
  EXPECT_FALSE(a.group);
  EXPECT_EQ(a.scope, TargetScope::Intervals);
  EXPECT_EQ(a.share_of_intervals, 0.9);
  const TargetSpec& b = s.targets[2];
  EXPECT_EQ(b.group, make_id<AgentGroupId>(1));
  EXPECT_EQ(b.bound, TargetBound::AtMost);
  EXPECT_EQ(b.share_of_intervals, 1.0);
  EXPECT_EQ(s.targets[3].scope, TargetScope::Day);
  EXPECT_EQ(s.targets[4].scope, TargetScope::Intervals);
  EXPECT_FALSE(s.targets[4].type);
  EXPECT_EQ(lines(spec_problems(s)), "");
}

TEST(LoadTargets, MistakesAreLocated) {
  expect_only(day("", R"({ "kpi": "asa_s", "type": "biling", "max": 30 })"), "/targets/0/type",
              "unknown contact type \"biling\"; defined: billing, sales (did you mean \"billing\"?)");
  expect_only(day("", R"({ "kpi": "occupancy", "group": "tier2", "max": 0.9 })"), "/targets/0/group",
              "unknown agent group \"tier2\"; defined: support, tier1 (did you mean \"tier1\"?)");
  expect_only(day("", R"({ "kpi": "asa_s", "type": "sales", "group": "tier1", "max": 30 })"), "/targets/0",
              "give a contact type or an agent group, not both (a target is on one level)");
  expect_only(day("", R"({ "kpi": "occupancy", "type": "sales", "max": 0.9 })"), "/targets/0/kpi",
              "occupancy is not a KPI of a contact type (agents belong to groups); a contact type has: offered, "
              "blocked, ivr_contained, ivr_abandoned, answered, abandoned, p_block, p_wait_over_admitted, p_abandon_over_admitted, service_level, "
              "sl_answered_within_t_over_admitted, sl_answered_within_t_over_answered, sl_excluding_short_abandons, "
              "asa_s, mean_wait_admitted_s, mean_queue_length, cost, sl_answered_within_t_over_offered, "
              "p_wait_over_offered, p_abandon_over_offered, answered_within_t, abandoned_within_t, "
              "p_abandon_within_t_over_admitted, mean_wait_abandoned_s, sl_answered_within_10s_over_admitted, "
              "sl_answered_within_20s_over_admitted, sl_answered_within_30s_over_admitted, "
              "sl_answered_within_60s_over_admitted, mean_time_in_system_s, mean_in_system, mean_in_ivr, "
              "ivr_port_occupancy, p50_wait_answered_s, p90_wait_answered_s, p95_wait_answered_s, "
              "max_wait_answered_s, balked, timed_out, disconnected, p_balk_over_offered, p_timed_out_over_offered, "
              "p_disconnected_over_offered, redials, customers, customers_served, p_abandon_over_customers, "
              "p_unserved_over_customers, transfers, transferred_in, returns, callbacks_offered, callbacks_accepted, "
              "callbacks_completed, callbacks_failed, p_accepted_over_callbacks_offered, "
              "p_completed_over_callbacks_accepted, mean_callback_delay_s, callback_attempts, backlog_at_close, "
              "sl_if_backlog_late, sl_if_backlog_in_time, interrupted, dials, oldest_waiting_s");
  expect_only(day("", R"({ "kpi": "asa_s", "group": "tier1", "max": 30, "scope": "intervals" })"), "/targets/0/kpi",
              "asa_s is not a KPI of an agent group per interval; a group has per interval: answered, occupancy, "
              "scheduled_agents, present_agents, agents_on_break, productive_agents, overtime_agent_min, "
              "break_lateness_s, paid_agent_hours, cost, chat_concurrency, chat_occupancy, occupancy_voice, "
              "occupancy_email, occupancy_chat, occupancy_outbound");
  expect_only(day("", R"({ "kpi": "asa_s", "max": 30, "scope": "week" })"), "/targets/0/scope",
              "unknown target scope \"week\"; known: day, intervals");
  expect_only(day("", R"({ "kpi": "asa_s", "max": 30, "share_of_intervals": 0.9 })"), "/targets/0/share_of_intervals",
              "applies to the scope \"intervals\" only; add \"scope\": \"intervals\" or remove it");
  expect_only(day("", R"({ "kpi": "asa_s", "max": 30, "scope": "intervals", "share_of_intervals": 90 })"),
              "/targets/0/share_of_intervals", "must be in (0, 1] (a fraction: write 90 % as 0.90); got 90");
  expect_only(day(R"(, "service_level": { "target": 80 })", ""), "/contact_types/0/service_level/target",
              "must be in (0, 1] (a fraction: write 80 % as 0.80); got 80");
  expect_only(day(R"(, "service_level": { "awt": 60 })", ""), "/contact_types/0/service_level/awt",
              "unknown key \"awt\"; known: awt_s, target, definition, short_abandon_s (did you mean \"awt_s\"?)");
  expect_only(day(R"(, "service_level": { "target": 0.7 })", R"({ "kpi": "service_level", "type": "billing", "min": 0.6 })"),
              "/targets/0", "duplicate target: service_level already has a \"min\" at /contact_types/0/service_level/target");
}

TEST(LoadTargets, IntervalsNeedADay) {
  const std::string steady = R"({
    "mode": "steady_state", "steady_state": { "duration_s": 36000 },
    "contact_types": [ { "name": "calls", "arrivals": { "process": "poisson", "rate_per_min": 2 },
                         "talk": { "dist": "exponential", "mean_s": 180 } } ],
    "agent_groups": [ { "name": "agents", "staffing": 8 } ],
    "router": { "type_to_group": { "calls": ["agents"] } },
    "targets": [ { "kpi": "asa_s", "max": 30, "scope": "intervals" } ] })";
  expect_only(steady, "/targets/0/scope",
              "\"intervals\" needs mode \"day\" (a steady state has no intervals); use \"day\"");
}

TEST(ValidateTargets, LevelsOutOfRangeAndRulesAreReported) {
  ScenarioSpec s = load_scenario_text(day("", ""), "t.json");
  s.targets.push_back({Kpi::AsaS, TargetBound::AtMost, 30.0, make_id<ContactTypeId>(7), std::nullopt});
  EXPECT_NE(lines(spec_problems(s)).find("/targets/1/type: must be a contact type index below 2; got 7"),
            std::string::npos)
      << lines(spec_problems(s));
  s.targets.back() = {Kpi::Occupancy, TargetBound::AtMost, 0.9, make_id<ContactTypeId>(1), std::nullopt};
  EXPECT_NE(lines(spec_problems(s)).find("/targets/1/kpi: occupancy is not a KPI of a contact type"),
            std::string::npos);
  s.targets.back() = {Kpi::AsaS, TargetBound::AtMost, 30.0, std::nullopt, std::nullopt, TargetScope::Day, 0.5};
  EXPECT_NE(lines(spec_problems(s)).find("/targets/1/share_of_intervals: applies to TargetScope::Intervals only"),
            std::string::npos);
  // A type's own service level without its target in the list.
  s = load_scenario_text(day("", ""), "t.json");
  s.contact_types.raw()[0].service_level = ServiceLevelSpec{60.0, 0.7};
  EXPECT_NE(lines(spec_problems(s)).find("/targets: must start with the service-level targets"), std::string::npos);
}

}  // namespace
}  // namespace ccsim::models
