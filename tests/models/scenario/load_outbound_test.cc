// tests/models/scenario/load_outbound_test.cc
// Outbound types (docs/scenario-format.md#outbound): a type the dialer calls loads with
// its dialer and a patience of 0 by default; each bad input gets one located error, and
// validate_spec applies the same rules to a spec built in code.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "models/scenario/load.h"
#include "models/scenario/validate_spec.h"
#include "tests/models/scenario/diagnostic_checks.h"
#include "tests/models/scenario/scenario_texts.h"

namespace ccsim::models {
namespace {

using testing::billing_with;
using testing::dump;
using testing::errors_of;
using testing::expect_has;
using testing::expect_single;
using testing::kDay;
using testing::kSteady;
using testing::with;

const ContactTypeId kRenewals = make_id<ContactTypeId>(2);
constexpr std::string_view kDialer =
    R"("dialer": { "threshold": 2, "ratio": 1.5, "dial": { "dist": "uniform", "min_s": 10, "max_s": 25 }, )"
    R"("p_reach": 0.4 })";

// kDay with a third type, "renewals", called by its dialer for tier1; `keys` (each with
// its leading comma) follow its talk, `dialer` is its dialer key (empty: none).
std::string with_renewals(const std::string& keys = "", std::string_view dialer = kDialer) {
  const std::string text = with(kDay, R"("talk": { "dist": "lognormal", "mean_s": 300, "cv": 0.5 } })",
                                R"("talk": { "dist": "lognormal", "mean_s": 300, "cv": 0.5 } },
    { "name": "renewals", "channel": "outbound", )" + std::string(dialer) +
                                    (dialer.empty() ? "" : ",") + R"(
      "talk": { "dist": "exponential", "mean_s": 360 })" + keys + " }");
  return with(text, R"("sales": ["tier1"])", R"("sales": ["tier1"], "renewals": ["tier1"])");
}

TEST(LoadOutbound, AnOutboundTypeLoadsWithItsDialerAndAPatienceOfZero) {
  const ScenarioSpec s = load_scenario_text(with_renewals(), "t.json");
  const ContactTypeSpec& t = s.contact_types[kRenewals];
  EXPECT_EQ(t.channel, Channel::Outbound);
  ASSERT_TRUE(t.dialer);
  EXPECT_EQ(t.dialer->threshold, 2u);
  EXPECT_EQ(t.dialer->ratio, 1.5);
  EXPECT_EQ(t.dialer->p_reach, 0.4);
  EXPECT_EQ(t.dialer->dial.kind, sim::DistKind::Uniform);
  EXPECT_EQ(t.dialer->dial.mean(), 17.5);
  ASSERT_TRUE(t.patience);
  EXPECT_EQ(t.patience->kind, sim::DistKind::Constant);  // reached with no agent idle: hangs up at once
  EXPECT_EQ(t.patience->mean(), 0.0);
  EXPECT_FALSE(t.arrivals.arrives());
  EXPECT_EQ(spec_problems(s).size(), 0u) << dump(spec_problems(s));
}

TEST(LoadOutbound, TheDialerDefaultsToOneDialPerIdleAgentReachingEveryone) {
  const ScenarioSpec s =
      load_scenario_text(with_renewals("", R"("dialer": { "dial": { "dist": "constant", "value_s": 15 } })"), "t.json");
  const DialerSpec& d = *s.contact_types[kRenewals].dialer;
  EXPECT_EQ(d.threshold, 0u);
  EXPECT_EQ(d.ratio, 1.0);
  EXPECT_EQ(d.p_reach, 1.0);
}

TEST(LoadOutbound, AGivenPatienceIsHowLongAReachedCustomerWaits) {
  const ScenarioSpec s =
      load_scenario_text(with_renewals(R"(, "patience": { "dist": "exponential", "mean_s": 8 })"), "t.json");
  EXPECT_EQ(s.contact_types[kRenewals].patience->kind, sim::DistKind::Exponential);
  EXPECT_EQ(s.contact_types[kRenewals].patience->mean(), 8.0);
}

// A centre that only calls out has work all the same.
TEST(LoadOutbound, ACentreOfOutboundOnlyLoads) {
  const std::string text = with(with(kSteady, R"({ "name": "calls",
      "arrivals": { "process": "poisson", "rate_per_min": 2 },)",
                                     R"({ "name": "calls", "channel": "outbound", )" + std::string(kDialer) + ","),
                                R"("duration_s": 36000)", R"("duration_s": 36000)");
  const ScenarioSpec s = load_scenario_text(text, "t.json");
  EXPECT_EQ(s.contact_types[make_id<ContactTypeId>(0)].channel, Channel::Outbound);
}

TEST(LoadOutbound, AnOutboundTypeNeedsItsDialer) {
  expect_single(errors_of(with_renewals("", "")), "/contact_types/2",
                R"(missing required key "dialer" of an outbound type: an object {"threshold": n, "ratio": r, "dial": )"
                R"(<distribution>, "p_reach": p}; its dialer places the type's calls)");
}

TEST(LoadOutbound, OnlyAnOutboundTypeHasADialer) {
  const std::string text = with(with_renewals(), R"("talk": { "dist": "exponential", "mean_s": 240 },)",
                                R"("talk": { "dist": "exponential", "mean_s": 240 }, )" + std::string(kDialer) + ",");
  expect_single(errors_of(text), "/contact_types/0/dialer",
                R"(is only for an outbound type ("channel": "outbound"): nobody dials calls; remove it)");
}

TEST(LoadOutbound, EachValueOfTheDialerIsInItsRange) {
  struct Case {
    std::string dialer;
    std::string pointer;
    std::string message;
  };
  const std::string dial = R"("dial": { "dist": "constant", "value_s": 15 })";
  const std::vector<Case> cases = {
      {R"("threshold": -1, )" + dial, "threshold", "must be >= 0; got -1"},
      {R"("ratio": 0, )" + dial, "ratio", "must be in (0, 100]; got 0"},
      {R"("ratio": 101, )" + dial, "ratio", "must be in (0, 100]; got 101"},
      {R"("p_reach": 0, )" + dial, "p_reach", "must be in (0, 1]; got 0"},
      {R"("p_reach": 1.5, )" + dial, "p_reach", "must be in (0, 1] (a fraction: write 1.5 % as 0.015); got 1.5"},
      {R"("ratio": 1)", "", ""},
      {R"("pace": 1, )" + dial, "pace", ""},
      {R"("dial": { "dist": "constant", "value_s": 0 })", "dial",
       R"(has mean 0: every dial would end the instant it started, and a dialer that reaches nobody would dial )"
       R"(again without end; give the ringing time, e.g. {"dist": "uniform", "min_s": 10, "max_s": 25})"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.dialer);
    const std::vector<Diagnostic> errors = errors_of(with_renewals("", R"("dialer": { )" + c.dialer + " }"));
    ASSERT_EQ(errors.size(), 1u) << dump(errors);
    if (c.pointer.empty()) {
      EXPECT_EQ(errors[0].pointer, "/contact_types/2/dialer");
      EXPECT_NE(errors[0].message.find(R"(missing required key "dial")"), std::string::npos) << errors[0].message;
    } else {
      EXPECT_EQ(errors[0].pointer, "/contact_types/2/dialer/" + c.pointer);
      if (!c.message.empty()) {
        EXPECT_EQ(errors[0].message, c.message);
      }
    }
  }
}

TEST(LoadOutbound, EachKeyOfAnArrivingCallerIsRefused) {
  struct Case {
    std::string keys;
    std::string key;
    std::string message;
  };
  const std::vector<Case> cases = {
      {R"(, "arrivals": { "process": "poisson", "rate_per_hour": 60 })", "arrivals",
       "its dialer calls its customers: nothing arrives; remove it"},
      {R"(, "max_wait_s": 600)", "max_wait_s",
       "a customer called has no maximum wait: its patience ends its wait; remove it"},
      {R"(, "balking": { "p_by_queue_length": [0.1] })", "balking",
       "a customer called does not balk: its patience decides whether it waits; remove it"},
      {R"(, "redial": { "p_by_attempt": [0.5], "delay": { "dist": "constant", "value_s": 60 } })", "redial",
       "the dialer calls each customer once: calling again is not modelled; remove it"},
      {R"(, "callback": { "offer_above_wait_s": 60, "p_accept": 0.5, "to": "sales" })", "callback",
       "a customer called is not offered a callback; remove it"},
      {R"(, "transfers": [{ "to": "sales", "p": 0.1, "handle": { "dist": "constant", "value_s": 10 } }])",
       "transfers", "transfers of outbound calls are not modelled; remove it"},
      {R"(, "returns": { "p": 0.1, "delay": { "dist": "constant", "value_s": 3600 } })", "returns",
       "returns of outbound calls are not modelled; remove it"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.key);
    expect_single(errors_of(with_renewals(c.keys)), "/contact_types/2/" + c.key, c.message);
  }
  expect_has(errors_of(with(with_renewals(R"(, "ivr": { "duration": { "dist": "constant", "value_s": 30 } })"),
                            R"("mode": "day",)", R"("mode": "day", "ivr": {},)")),
             "/contact_types/2/ivr", "a customer called does not pass the IVR; remove it");
}

TEST(LoadOutbound, NothingLeadsToAnOutboundType) {
  const std::string handle = R"({ "dist": "constant", "value_s": 10 })";
  expect_single(errors_of(billing_with(with_renewals(), R"(, "transfers": [{ "to": "renewals", "p": 0.1, "handle": )" +
                                                            handle + " }]")),
                "/contact_types/0/transfers/0/to",
                "names \"renewals\", an outbound type: transfers to outbound calls are not modelled; name a voice type");
  expect_single(errors_of(billing_with(with_renewals(), R"(, "returns": { "p": 0.1, "delay": )" + handle +
                                                            R"(, "as": "renewals" })")),
                "/contact_types/0/returns/as",
                "names \"renewals\", an outbound type: a customer who returns calls in; the dialer calls out; name a "
                "voice type");
}

TEST(LoadOutbound, TwoDialersMayNotCountTheSameAgents) {
  const std::string text =
      with(with(with_renewals(), R"("talk": { "dist": "exponential", "mean_s": 360 } })",
                R"("talk": { "dist": "exponential", "mean_s": 360 } },
    { "name": "winback", "channel": "outbound", )" + std::string(kDialer) +
                    R"(, "talk": { "dist": "exponential", "mean_s": 300 } })"),
           R"("renewals": ["tier1"])", R"("renewals": ["tier1"], "winback": ["support", "tier1"])");
  expect_single(errors_of(text), "/contact_types/3",
                "outbound types \"renewals\" and \"winback\" both route to agent group \"tier1\": each dialer would "
                "dial for the same idle agents; give each outbound type its own groups (or make them one type)");
}

TEST(LoadOutbound, ASteadyStateOfOutboundOnlyIsNotCountedInArrivals) {
  const std::string text = with(with(kSteady, R"({ "name": "calls",
      "arrivals": { "process": "poisson", "rate_per_min": 2 },)",
                                     R"({ "name": "calls", "channel": "outbound", )" + std::string(kDialer) + ","),
                                R"("duration_s": 36000)", R"("calls": 5000)");
  expect_single(errors_of(text), "/steady_state/calls",
                "counts arriving contacts, and every contact type is outbound (nothing arrives): the run would never "
                "end; give \"duration_s\" instead");
}

TEST(LoadOutbound, OutboundCallsAreNotCapped) {
  const std::string text =
      with(with_renewals(), R"({ "name": "tier1", "staffing": 4 })",
           R"({ "name": "tier1", "staffing": 4, "max_agents_on": { "outbound": 2 } })");
  expect_single(errors_of(text), "/agent_groups/1/max_agents_on/outbound",
                "outbound calls are not capped: the dialer dials only for the idle agents beyond its \"threshold\", "
                "which keeps that many for inbound; raise the threshold instead");
}

TEST(LoadOutbound, ACustomerReachedIsOfferedToItsGroupsAtOnce) {
  const std::string text = with(with(with_renewals(), R"("router": {)", R"("router": { "policy": "overflow_after_delay",)"),
                                R"("sales": ["tier1"], "renewals": ["tier1"] })",
                                R"("sales": ["tier1"], "renewals": ["tier1"] },
    "overflow_delays_s": { "renewals": { "tier1": 5 } })");
  expect_single(errors_of(text), "/router/overflow_delays_s/renewals",
                "contact type \"renewals\" is outbound: its dialer dials for the idle agents of its groups, and a "
                "customer reached must be offered to them at once (a delay would leave it to hang up first); give "
                "every group a delay of 0");
}

TEST(LoadOutbound, APatiencePerPeriodNeedsItsLawAlone) {
  const std::string text = with(with_renewals(), R"("talk": { "dist": "exponential", "mean_s": 360 })",
                                R"("talk": { "dist": "exponential", "mean_s": 360 }, "patience_per_period_s": [5, 5, 5])");
  expect_single(errors_of(text), "/contact_types/2/patience_per_period_s",
                "needs a patience law (its shape, scaled to these means); add \"patience\" or remove this key");
}

// ---- validate_spec ------------------------------------------------------------------------

ScenarioSpec loaded() { return load_scenario_text(with_renewals(), "t.json"); }

TEST(ValidateOutbound, AnOutboundTypeNeedsItsDialerAndNoOtherHasOne) {
  ScenarioSpec s = loaded();
  s.contact_types[kRenewals].dialer.reset();
  expect_single(spec_problems(s), "/contact_types/2",
                R"(missing required key "dialer" of an outbound type: an object {"threshold": n, "ratio": r, "dial": )"
                R"(<distribution>, "p_reach": p}; its dialer places the type's calls)");
  s = loaded();
  s.contact_types[make_id<ContactTypeId>(1)].dialer = s.contact_types[kRenewals].dialer;
  expect_single(spec_problems(s), "/contact_types/1/dialer",
                R"(is only for an outbound type ("channel": "outbound"): nobody dials calls; remove it)");
}

TEST(ValidateOutbound, TheDialersValuesAreInRange) {
  ScenarioSpec s = loaded();
  s.contact_types[kRenewals].dialer->ratio = 0.0;
  s.contact_types[kRenewals].dialer->p_reach = 0.0;
  const std::vector<Diagnostic> problems = spec_problems(s);
  EXPECT_EQ(problems.size(), 2u) << dump(problems);
  expect_has(problems, "/contact_types/2/dialer/ratio", "must be in (0, 100] (dials per idle agent); got 0.0");
  expect_has(problems, "/contact_types/2/dialer/p_reach", "must be in (0, 1] (a probability); got 0.0");
}

TEST(ValidateOutbound, AnOutboundTypeHasNoArrivals) {
  ScenarioSpec s = loaded();
  s.contact_types[kRenewals].arrivals.rate_per_s = 0.1;
  expect_single(spec_problems(s), "/contact_types/2/arrivals",
                "its dialer calls its customers: nothing arrives; remove it");
}

}  // namespace
}  // namespace ccsim::models
