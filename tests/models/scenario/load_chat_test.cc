// tests/models/scenario/load_chat_test.cc
// Chat (docs/scenario-format.md#chat): a chat type and the sessions its agents hold load,
// each bad input gets one located error, all are reported at once, and validate_spec
// applies the same rules to a spec built in code.
#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

#include "models/scenario/load.h"
#include "models/scenario/validate_spec.h"
#include "tests/models/scenario/diagnostic_checks.h"
#include "tests/models/scenario/scenario_texts.h"

namespace ccsim::models {
namespace {

using testing::dump;
using testing::errors_of;
using testing::expect_has;
using testing::expect_single;
using testing::kDay;
using testing::with;

const ContactTypeId kSales = make_id<ContactTypeId>(1);
const ContactTypeId kWeb = make_id<ContactTypeId>(2);
const AgentGroupId kSupport = make_id<AgentGroupId>(0);

// kDay with a third type, "web", chats answered by support, whose agents hold `chat`;
// `keys` (each with its leading comma) follow web's patience.
std::string with_web(const std::string& chat = R"({ "sessions": 3 })", const std::string& keys = "") {
  std::string text = with(kDay, R"("talk": { "dist": "lognormal", "mean_s": 300, "cv": 0.5 } })",
                          R"("talk": { "dist": "lognormal", "mean_s": 300, "cv": 0.5 } },
    { "name": "web", "channel": "chat",
      "arrivals": { "process": "piecewise_poisson", "per_period": [60, 80, 40] },
      "talk": { "dist": "exponential", "mean_s": 600 },
      "patience": { "dist": "exponential", "mean_s": 120 })" + keys + " }");
  text = with(text, R"("sales": ["tier1"])", R"("sales": ["tier1"], "web": ["support"])");
  return with(text, R"({ "name": "support", "staffing": [10, 12, 11] })",
              R"({ "name": "support", "staffing": [10, 12, 11], "chat": )" + chat + " }");
}

// ---- what loads ------------------------------------------------------------------------

TEST(LoadChat, AChatTypeAndItsAgentsSessionsLoad) {
  const ScenarioSpec s = load_scenario_text(with_web(), "t.json");
  EXPECT_EQ(s.contact_types[kWeb].channel, Channel::Chat);
  EXPECT_TRUE(s.contact_types[kWeb].patience);
  EXPECT_EQ(s.agent_groups[kSupport].chat_sessions, 3u);
  EXPECT_TRUE(s.agent_groups[kSupport].chat_handle_factors.empty());
  EXPECT_EQ(s.agent_groups[kSupport].chat_handle_factor(3), 1.0);
  EXPECT_EQ(s.agent_groups[make_id<AgentGroupId>(1)].chat_sessions, 1u);  // tier1 says nothing
}

TEST(LoadChat, HandleFactorsComeAsATableOrAsAStepPerExtraSession) {
  const ScenarioSpec table =
      load_scenario_text(with_web(R"({ "sessions": 3, "handle_factors": [1, 1.1, 1.3] })"), "t.json");
  EXPECT_EQ(table.agent_groups[kSupport].chat_handle_factors, (std::vector<double>{1.0, 1.1, 1.3}));
  const ScenarioSpec step =
      load_scenario_text(with_web(R"({ "sessions": 3, "inflation_per_session": 0.25 })"), "t.json");
  EXPECT_EQ(step.agent_groups[kSupport].chat_handle_factors, (std::vector<double>{1.0, 1.25, 1.5}));
  EXPECT_EQ(step.agent_groups[kSupport].chat_handle_factor(2), 1.25);
}

// ---- the sessions and their factors -------------------------------------------------------

TEST(LoadChat, SessionsAreAWholeNumberFromOneTo64) {
  expect_single(errors_of(with_web(R"({ "sessions": 0 })")), "/agent_groups/0/chat/sessions",
                "must be in [1, 64]; got 0");
  expect_single(errors_of(with_web(R"({ "sessions": 65 })")), "/agent_groups/0/chat/sessions",
                "must be in [1, 64]; got 65");
  expect_single(errors_of(with_web(R"({ "sessions": 2.5 })")), "/agent_groups/0/chat/sessions",
                "expected an integer in [1, 64]; got 2.5");
  expect_single(errors_of(with_web(R"({ "handle_factors": [1, 1.2] })")), "/agent_groups/0/chat",
                "missing required key \"sessions\"; expected an integer in [1, 64]");
  expect_single(errors_of(with_web("3")), "/agent_groups/0/chat",
                "expected a chat object {\"sessions\": k, \"handle_factors\": [1, ...]}; got 3");
  expect_single(errors_of(with_web(R"({ "sessions": 3, "session_factors": [1, 1, 1] })")),
                "/agent_groups/0/chat/session_factors",
                "unknown key \"session_factors\"; known: sessions, handle_factors, inflation_per_session");
}

TEST(LoadChat, FactorsThatMakeASessionQuickerAreRefused) {
  expect_single(errors_of(with_web(R"({ "sessions": 3, "handle_factors": [1, 1.3, 1.2] })")),
                "/agent_groups/0/chat/handle_factors/2",
                "must be >= the factor before it (1.3): a session never gets quicker for having more company; got "
                "1.2");
  expect_single(errors_of(with_web(R"({ "sessions": 2, "handle_factors": [1, 0.8] })")),
                "/agent_groups/0/chat/handle_factors/1", "must be >= 1; got 0.8");
  expect_single(errors_of(with_web(R"({ "sessions": 2, "handle_factors": [1.2, 1.4] })")),
                "/agent_groups/0/chat/handle_factors/0",
                "must be 1: a lone session takes the handle time drawn for it (a group slower at every contact of "
                "a type has a handle-time multiplier); got 1.2");
  expect_single(errors_of(with_web(R"({ "sessions": 3, "handle_factors": [1, 1.2] })")),
                "/agent_groups/0/chat/handle_factors",
                "expected 3 factors, one per number of sessions held (1 to 3); got 2");
  expect_single(errors_of(with_web(R"({ "sessions": 3, "inflation_per_session": -0.1 })")),
                "/agent_groups/0/chat/inflation_per_session", "must be >= 0; got -0.1");
  expect_single(errors_of(with_web(R"({ "sessions": 3, "handle_factors": [1, 1, 1], "inflation_per_session": 0 })")),
                "/agent_groups/0/chat",
                "gives both \"handle_factors\" and \"inflation_per_session\"; keep one: the table, or the step it "
                "grows by per extra session");
}

TEST(LoadChat, SessionsOnAGroupThatServesNoChatAreRefused) {
  for (const char* chat : {R"({ "sessions": 2 })", R"({ "sessions": 1 })"}) {
    SCOPED_TRACE(chat);
    const std::string text = with(with_web(R"({ "sessions": 1 })"), R"({ "name": "tier1", "staffing": 4 })",
                                  R"({ "name": "tier1", "staffing": 4, "chat": )" + std::string(chat) + " }");
    expect_single(errors_of(text), "/agent_groups/1/chat",
                  "agent group \"tier1\" serves no chat type, so its chat sessions would never be used; route a chat "
                  "type (\"channel\": \"chat\") to it or remove \"chat\"");
  }
}

// Found in review: 1 + x (k - 1) overflowed to an infinite factor, which the loader let
// through and validate_spec then refused at a spec member's name.
TEST(LoadChat, AStepThatMakesAFactorInfiniteIsRefused) {
  expect_single(errors_of(with_web(R"({ "sessions": 64, "inflation_per_session": 1e307 })")),
                "/agent_groups/0/chat/inflation_per_session",
                "is too large: the factor for 64 sessions, 1 + 1e+307 x 63, is not a finite number");
}

// Found in review: the check took a chat's share of an agent as at most 1, so 2 sessions
// at 2.5 times the handle time (1.25 agents a chat) passed 9 erlangs on 10 agents.
TEST(LoadChat, TheSteadyStateCheckCountsAChatAtItsBestGroupsShareOfAnAgent) {
  const std::string steady = R"({
  "mode": "steady_state",
  "steady_state": { "warmup_s": 600, "duration_s": 36000 },
  "contact_types": [
    { "name": "web", "channel": "chat",
      "arrivals": { "process": "poisson", "rate_per_hour": 180 },
      "talk": { "dist": "exponential", "mean_s": 180 } }
  ],
  "agent_groups": [ { "name": "agents", "staffing": 10, "chat": { "sessions": 2, "handle_factors": [1, 2.5] } } ],
  "router": { "type_to_group": { "web": ["agents"] } }
})";
  expect_single(errors_of(steady), "/contact_types/0",
                "no steady state: contact types with infinite patience (web) offer 11.25 erlangs (rate x mean talk "
                "and wrap-up; a chat counts as its best group's handle factor for a full agent over its sessions) to "
                "10 agents, so their queue grows without bound; the offered load must be < the agents: add agents, "
                "give them a \"patience\" or a \"max_wait_s\" (a chat holds no trunk line)");
  EXPECT_NO_THROW(load_scenario_text(with(steady, "[1, 2.5]", "[1, 1.5]"), "t.json")) << "7.5 erlangs on 10 agents";
  // Beside e-mails, which may not have a patience, the advice names the chats.
  const std::string with_mail = with(steady, R"("talk": { "dist": "exponential", "mean_s": 180 } })",
                                     R"("talk": { "dist": "exponential", "mean_s": 180 } },
    { "name": "mail", "channel": "email", "due_s": 3600,
      "arrivals": { "process": "poisson", "rate_per_hour": 10 },
      "talk": { "dist": "exponential", "mean_s": 360 } })");
  expect_single(errors_of(with(with_mail, R"("web": ["agents"])", R"("web": ["agents"], "mail": ["agents"])")),
                "/contact_types/0",
                "no steady state: contact types with infinite patience (web, mail) offer 12.25 erlangs (rate x mean "
                "talk and wrap-up; a chat counts as its best group's handle factor for a full agent over its "
                "sessions) to 10 agents, so their queue grows without bound; the offered load must be < the agents: "
                "add agents, give the chats a \"patience\" or a \"max_wait_s\" (chats and e-mails hold no trunk "
                "line)");
}

TEST(LoadChat, AReservationOnAGroupHoldingSeveralChatsIsRefused) {
  const std::string text = with(with_web(), R"("router": {)",
                                R"("router": { "reservations": { "support": { "type": "billing", "agents": 2 } },)");
  expect_single(errors_of(text), "/agent_groups/0/chat",
                "agent group \"support\" keeps idle agents back (router.reservations) and holds several chats per "
                "agent: a chat may take an idle agent while others hold sessions, which reservations do not model "
                "yet; remove the reservation or give the group 1 session");
  EXPECT_NO_THROW(load_scenario_text(with(with_web(R"({ "sessions": 1 })"), R"("router": {)",
                                          R"("router": { "reservations": { "support": { "type": "billing", )"
                                          R"("agents": 2 } },)"),
                                     "t.json"));
}

// ---- what a chat may not have ----------------------------------------------------------

TEST(LoadChat, AChatHasNoIvrNoCallbackNoDueTimeAndNoFollowUps) {
  struct Case {
    std::string keys;
    std::string key;
    std::string message;
  };
  const std::vector<Case> cases = {
      {R"(, "ivr": { "duration": { "dist": "constant", "value_s": 30 } })", "ivr", "a chat has no IVR; remove it"},
      {R"(, "callback": { "offer_above_wait_s": 60, "p_accept": 0.5, "to": "sales" })", "callback",
       "a chat is never called back; remove it"},
      {R"(, "transfers": [{ "to": "sales", "p": 0.1, "handle": { "dist": "constant", "value_s": 10 } }])",
       "transfers", "transfers of chats are not modelled; remove it"},
      {R"(, "returns": { "p": 0.1, "delay": { "dist": "constant", "value_s": 3600 } })", "returns",
       "returns of chats are not modelled; remove it"},
      {R"(, "due_s": 600)", "due_s",
       "is only for an e-mail type (\"channel\": \"email\"), as its due time; remove it (a chat's threshold is "
       "service_level's awt_s)"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.key);
    std::string text = with_web(R"({ "sessions": 3 })", c.keys);
    if (c.key == "ivr") text = with(text, R"("mode": "day",)", R"("mode": "day", "ivr": {},)");
    expect_single(errors_of(text), "/contact_types/2/" + c.key, c.message);
  }
}

TEST(LoadChat, ACallerOnTheLineMayBeAChatsToo) {
  const ScenarioSpec s = load_scenario_text(
      with_web(R"({ "sessions": 2 })", R"(, "max_wait_s": 600, "balking": { "p_by_queue_length": [0, 0.2] }, )"
                                       R"("redial": { "p_by_attempt": [0.5], "delay": { "dist": "constant", )"
                                       R"("value_s": 60 } })"),
      "t.json");
  EXPECT_EQ(s.contact_types[kWeb].max_wait_s, 600.0);
  EXPECT_TRUE(s.contact_types[kWeb].balks());
  EXPECT_TRUE(s.contact_types[kWeb].redial);
}

TEST(LoadChat, NothingLeadsToAChat) {
  const std::string text = with(with_web(), R"("patience": { "dist": "exponential", "mean_s": 300 } })",
                                R"("patience": { "dist": "exponential", "mean_s": 300 }, "callback": )"
                                R"({ "offer_above_wait_s": 60, "p_accept": 0.5, "to": "web" } })");
  expect_single(errors_of(text), "/contact_types/0/callback/to",
                "names \"web\", a chat type: a callback is a call; name a voice type");
}

TEST(LoadChat, EveryProblemIsReportedAtOnce) {
  std::string text = with_web(R"({ "sessions": 0, "handle_factors": [1, 0.5] })", R"(, "due_s": 60)");
  text = with(text, R"({ "name": "tier1", "staffing": 4 })",
              R"({ "name": "tier1", "staffing": 4, "chat": { "sessions": 2 } })");
  const std::vector<Diagnostic> ds = errors_of(text);
  expect_has(ds, "/agent_groups/0/chat/sessions", "must be in [1, 64]; got 0");
  expect_has(ds, "/agent_groups/0/chat/handle_factors/1", "must be >= 1; got 0.5");
  expect_has(ds, "/contact_types/2/due_s",
             "is only for an e-mail type (\"channel\": \"email\"), as its due time; remove it (a chat's threshold "
             "is service_level's awt_s)");
  expect_has(ds, "/agent_groups/1/chat",
             "agent group \"tier1\" serves no chat type, so its chat sessions would never be used; route a chat "
             "type (\"channel\": \"chat\") to it or remove \"chat\"");
  EXPECT_EQ(ds.size(), 4u) << dump(ds);
}

// ---- the same rules on a spec built in code ---------------------------------------------

std::vector<Diagnostic> spec_problems_with(const std::function<void(ScenarioSpec&)>& edit) {
  ScenarioSpec s = load_scenario_text(with_web(), "t.json");
  edit(s);
  return spec_problems(s);
}

TEST(ValidateChat, SessionsAndFactorsFollowTheLoadersRules) {
  expect_single(spec_problems_with([](ScenarioSpec& s) { s.agent_groups[kSupport].chat_sessions = 0; }),
                "/agent_groups/0/chat_sessions", "must be an integer in [1, 64]; got 0");
  expect_single(spec_problems_with([](ScenarioSpec& s) { s.agent_groups[kSupport].chat_handle_factors = {1, 2, 1.5}; }),
                "/agent_groups/0/chat_handle_factors/2",
                "must be >= the factor before it (2): a session never gets quicker for having more company; got 1.5");
  expect_single(spec_problems_with([](ScenarioSpec& s) { s.agent_groups[kSupport].chat_handle_factors = {1, 1}; }),
                "/agent_groups/0/chat_handle_factors",
                "expected 3 factors, one per number of sessions held (1 to 3); got 2");
}

TEST(ValidateChat, FactorsOnAGroupThatServesNoChatAreRefused) {
  expect_single(spec_problems_with([](ScenarioSpec& s) {
                  s.agent_groups[make_id<AgentGroupId>(1)].chat_handle_factors = {1.0};
                }),
                "/agent_groups/1/chat",
                "agent group \"tier1\" serves no chat type, so its chat sessions would never be used; route a "
                "chat type (\"channel\": \"chat\") to it or remove \"chat\"");
}

TEST(ValidateChat, SessionsOnAGroupThatServesNoChatAreRefused) {
  expect_single(spec_problems_with([](ScenarioSpec& s) { s.contact_types[kWeb].channel = Channel::Voice; }),
                "/agent_groups/0/chat",
                "agent group \"support\" serves no chat type, so its chat sessions would never be used; route a "
                "chat type (\"channel\": \"chat\") to it or remove \"chat\"");
}

TEST(ValidateChat, NothingLeadsToAChat) {
  expect_single(spec_problems_with([](ScenarioSpec& s) {
                  s.contact_types[kSales].returns = ReturnSpec{0.1, sim::Distribution::constant(3600.0), kWeb};
                }),
                "/contact_types/1/returns/as",
                "names \"web\", a chat type: returns as chats are not modelled; name a voice type");
}

}  // namespace
}  // namespace ccsim::models
