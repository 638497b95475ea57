// The loader on the callers' behaviours (balking, maximum wait, closing, busy days, redials,
// transfers, returns, callbacks):
// exact decoding and one located error per kind of bad input, all reported at once.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "models/scenario/load.h"
#include "tests/models/scenario/diagnostic_checks.h"
#include "tests/models/scenario/scenario_texts.h"

namespace ccsim::models {
namespace {

using testing::dump;
using testing::errors_of;
using testing::expect_has;
using testing::kDay;
using testing::kSteady;
using testing::with;

// kDay with the billing type's patience followed by `keys`.
std::string billing_with(const std::string& keys) {
  return with(kDay, R"("patience": { "dist": "exponential", "mean_s": 300 } })",
              R"("patience": { "dist": "exponential", "mean_s": 300 }, )" + keys + " }");
}

TEST(LoadCallers, BalkingMaximumWaitAndClosingAreDecoded) {
  const std::string text = with(billing_with(R"("max_wait_s": 600, "balking": { "p_by_queue_length": [0, 0.05, 0.2] })"),
                                R"("mode": "day",)", R"("mode": "day", "closing": "disconnect_when_no_agent",)");
  const ScenarioSpec s = load_scenario_text(text, "t.json");
  const ContactTypeSpec& billing = s.contact_types.raw()[0];
  EXPECT_EQ(billing.max_wait_s, 600.0);
  EXPECT_EQ(billing.balk_p_by_queue_length, (std::vector<double>{0, 0.05, 0.2}));
  EXPECT_FALSE(s.contact_types.raw()[1].max_wait_s);
  EXPECT_TRUE(s.contact_types.raw()[1].balk_p_by_queue_length.empty());
  EXPECT_EQ(s.closing, Closing::DisconnectNoAgent);
  EXPECT_EQ(load_scenario_text(kDay, "t.json").closing, Closing::ServeAfterClose);
}

TEST(LoadCallers, EveryBadValueIsReportedWhereItIs) {
  const std::string text =
      with(billing_with(R"("max_wait_s": 0, "balking": { "p_by_queue_length": [0.1, 1.5, "x"], "p": 1 })"),
           R"("mode": "day",)", R"("mode": "day", "closing": "drain",)");
  const std::vector<Diagnostic> ds = errors_of(text);
  expect_has(ds, "/contact_types/0/max_wait_s", "must be > 0; got 0");
  expect_has(ds, "/contact_types/0/balking/p_by_queue_length/1",
             "must be in [0, 1] (a fraction: write 1.5 % as 0.015); got 1.5");
  expect_has(ds, "/contact_types/0/balking/p_by_queue_length/2", "expected a number in [0, 1]; got string \"x\"");
  expect_has(ds, "/contact_types/0/balking/p", "unknown key \"p\"; known: p_by_queue_length, p_by_announced_wait");
  expect_has(ds, "/closing",
             "unknown closing rule \"drain\"; known: serve_after_close, disconnect_at_close, disconnect_when_no_agent");
  EXPECT_EQ(ds.size(), 5u) << dump(ds);
}

TEST(LoadCallers, ABalkingTableMustHoldProbabilities) {
  const std::string accepted =
      "a non-empty array of probabilities in [0, 1]: [p0, p1, ...], p_n when n callers wait ahead, the last value "
      "for longer queues ([p] for every caller who would wait)";
  expect_has(errors_of(billing_with(R"("balking": { "p_by_queue_length": [] })")),
             "/contact_types/0/balking/p_by_queue_length", "expected " + accepted + "; got an empty array");
  expect_has(errors_of(billing_with(R"("balking": {})")), "/contact_types/0/balking",
             "missing required key \"p_by_queue_length\"; expected " + accepted + "; or \"p_by_announced_wait\"");
  expect_has(errors_of(billing_with(R"("balking": 0.1)")), "/contact_types/0/balking",
             "expected an object {\"p_by_queue_length\": [p0, p1, ...]} or {\"p_by_announced_wait\": "
             "[{\"above_s\": s, \"p\": p}, ...]}; got 0.1");
}

TEST(LoadCallers, ClosingIsADayRule) {
  const std::string text = with(kSteady, R"("mode": "steady_state",)",
                                R"("mode": "steady_state", "closing": "disconnect_at_close",)");
  testing::expect_single(errors_of(text), "/closing",
                         "\"closing\" is only used in day mode; remove it (mode is \"steady_state\")");
}

TEST(LoadCallers, BusynessIsDecodedAndChecked) {
  const auto day_with = [](const std::string& busyness) {
    return with(kDay, R"("mode": "day",)", R"("mode": "day", "busyness": )" + busyness + ",");
  };
  const ScenarioSpec s = load_scenario_text(day_with(R"({ "cv": 0.15, "interval_cv": 0.05, "per": "contact_type" })"),
                                            "t.json");
  ASSERT_TRUE(s.busyness);
  EXPECT_EQ(s.busyness->cv, 0.15);
  EXPECT_EQ(s.busyness->interval_cv, 0.05);
  EXPECT_TRUE(s.busyness->per_type);
  EXPECT_FALSE(load_scenario_text(day_with(R"({ "cv": 0.1 })"), "t.json").busyness->per_type);

  const std::vector<Diagnostic> ds = errors_of(day_with(R"({ "cv": 15, "interval_cv": -1, "per": "center" })"));
  expect_has(ds, "/busyness/cv", "must be in [0, 5]; got 15");
  expect_has(ds, "/busyness/interval_cv", "must be in [0, 5]; got -1");
  expect_has(ds, "/busyness/per",
             "unknown busyness unit \"center\"; known: centre, contact_type (did you mean \"centre\"?)");
  EXPECT_EQ(ds.size(), 3u) << dump(ds);
  expect_has(errors_of(day_with("{}")), "/busyness",
             "missing required key \"cv\"; expected a number in [0, 5]");

  const std::string traced = with(day_with(R"({ "cv": 0.1 })"), R"("process": "poisson", "rate_per_hour": 60)",
                                  R"("process": "trace", "times_s": [10])");
  testing::expect_single(errors_of(traced), "/busyness",
                         "multiplies expected arrivals, but /contact_types/1 replays a trace of arrival times, which "
                         "has none; give it poisson or piecewise_poisson arrivals, or remove \"busyness\"");
  testing::expect_single(errors_of(with(kSteady, R"("mode": "steady_state",)",
                                        R"("mode": "steady_state", "busyness": { "cv": 0.1 },)")),
                         "/busyness", "\"busyness\" is only used in day mode; remove it (mode is \"steady_state\")");
}

TEST(LoadCallers, RedialsAreDecodedWithTheirDefaults) {
  const std::string text = billing_with(
      R"("redial": { "p_by_attempt": [0.7, 0.4], "max_attempts": 4, "delay": { "dist": "exponential", "mean_s": 600 },
                    "after": ["abandoned", "timed_out"], "patience": "keep", "handle_time": "redraw" })");
  const ScenarioSpec s = load_scenario_text(text, "t.json");
  const RedialSpec& r = *s.contact_types.raw()[0].redial;
  EXPECT_EQ(r.p_by_attempt, (std::vector<double>{0.7, 0.4}));
  EXPECT_EQ(r.max_attempts, 4u);
  EXPECT_DOUBLE_EQ(r.delay.mean(), 600);
  EXPECT_EQ(r.after, attempt_end_bit(AttemptEnd::Abandoned) | attempt_end_bit(AttemptEnd::TimedOut));
  EXPECT_TRUE(r.keep_patience);
  EXPECT_FALSE(r.keep_handle_time);
  EXPECT_DOUBLE_EQ(r.p_after(1), 0.7);
  EXPECT_DOUBLE_EQ(r.p_after(3), 0.4);
  EXPECT_DOUBLE_EQ(r.p_after(4), 0.0);  // the fourth attempt is the last
  EXPECT_FALSE(s.contact_types.raw()[1].redial);

  const ScenarioSpec d = load_scenario_text(
      billing_with(R"("redial": { "p_by_attempt": [0.5], "delay": { "dist": "constant", "value_s": 60 } })"), "t.json");
  const RedialSpec& dr = *d.contact_types.raw()[0].redial;
  EXPECT_FALSE(dr.max_attempts);
  EXPECT_FALSE(dr.keep_patience);
  EXPECT_TRUE(dr.keep_handle_time);
  for (AttemptEnd e : {AttemptEnd::Blocked, AttemptEnd::IvrHangup, AttemptEnd::Abandoned, AttemptEnd::Balked})
    EXPECT_TRUE(dr.follows(e)) << attempt_end_name(e);
  EXPECT_FALSE(dr.follows(AttemptEnd::TimedOut));
  EXPECT_FALSE(dr.follows(AttemptEnd::Disconnected));
}

TEST(LoadCallers, EveryBadRedialValueIsReportedWhereItIs) {
  const std::string ptr = "/contact_types/0/redial";
  const std::vector<Diagnostic> ds = errors_of(billing_with(
      R"("redial": { "p_by_attempt": [0.5, 1.2], "after": ["abandoned", "hung_up", "abandoned"],
                    "patience": "same", "max_attempts": 0, "tries": 3 })"));
  expect_has(ds, ptr + "/tries",
             "unknown key \"tries\"; known: after, p_by_attempt, max_attempts, delay, patience, handle_time");
  expect_has(ds, ptr + "/p_by_attempt/1", "must be in [0, 1] (a fraction: write 1.2 % as 0.012); got 1.2");
  expect_has(ds, ptr + "/after/1",
             "unknown outcome \"hung_up\"; known: blocked, ivr_hangup, abandoned, balked, timed_out, disconnected");
  expect_has(ds, ptr + "/after/2", "\"abandoned\" is listed twice; name each outcome once");
  expect_has(ds, ptr + "/patience", "unknown patience rule \"same\"; known: redraw, keep");
  expect_has(ds, ptr + "/max_attempts", "must be in [2, 1000]; got 0");
  expect_has(ds, ptr,
             "missing required key \"delay\"; expected the time from the failed attempt to the redial: a distribution "
             "object such as {\"dist\": \"exponential\", \"mean_s\": 180}");
  EXPECT_EQ(ds.size(), 7u) << dump(ds);
}

TEST(LoadCallers, ARedialRuleThatCannotHoldIsRefused) {
  const std::string ptr = "/contact_types/0/redial";
  const std::string delay = R"("delay": { "dist": "exponential", "mean_s": 60 })";
  testing::expect_single(errors_of(billing_with(R"("redial": { "p_by_attempt": [0.5, 1], )" + delay + " }")),
                         ptr + "/max_attempts",
                         "is needed: the last redial probability is 1, so a customer who keeps failing would call "
                         "forever; give max_attempts (the first attempt included) or a last probability below 1");
  testing::expect_single(
      errors_of(billing_with(R"("redial": { "p_by_attempt": [0.5, 0.4, 0.3], "max_attempts": 3, )" + delay + " }")),
      ptr + "/p_by_attempt",
      "has 3 values, but with max_attempts 3 a customer redials at most 2 times: give at most 2 (one per attempt that "
      "may be followed by a redial)");
  testing::expect_single(errors_of(billing_with(R"("redial": { "p_by_attempt": [], )" + delay + " }")),
                         ptr + "/p_by_attempt",
                         "expected a non-empty array of probabilities in [0, 1]: [p1, p2, ...], p_n the probability "
                         "of a redial after the n-th attempt failed, the last value for later attempts; got an empty "
                         "array");
  testing::expect_single(errors_of(billing_with(R"("redial": { "p_by_attempt": [1], "after": [], )" + delay + " }")),
                         ptr + "/after",
                         "expected a non-empty array of outcomes a redial follows, from blocked, ivr_hangup, "
                         "abandoned, balked, timed_out, disconnected; got an empty array");
  // With max_attempts, a probability of 1 is a bounded persistence.
  EXPECT_NO_THROW(load_scenario_text(billing_with(R"("redial": { "p_by_attempt": [1], "max_attempts": 5, )" + delay +
                                                  " }"),
                                     "t.json"));
}

TEST(LoadCallers, TransfersAndReturnsAreDecoded) {
  const std::string text = billing_with(
      R"("transfers": [{ "to": "sales", "p": 0.15, "handle": { "dist": "constant", "value_s": 30 } }],
         "returns": { "p": 0.1, "delay": { "dist": "exponential", "mean_s": 86400 }, "as": "sales" })");
  const ScenarioSpec s = load_scenario_text(text, "t.json");
  const ContactTypeSpec& billing = s.contact_types.raw()[0];
  ASSERT_EQ(billing.transfers.size(), 1u);
  EXPECT_EQ(billing.transfers[0].to, make_id<ContactTypeId>(1));
  EXPECT_DOUBLE_EQ(billing.transfers[0].p, 0.15);
  EXPECT_DOUBLE_EQ(billing.transfers[0].handle.mean(), 30);
  ASSERT_TRUE(billing.returns);
  EXPECT_DOUBLE_EQ(billing.returns->p, 0.1);
  EXPECT_EQ(billing.returns->as, make_id<ContactTypeId>(1));
  // A return without "as" comes back to its own type.
  const ScenarioSpec own =
      load_scenario_text(billing_with(R"("returns": { "p": 0.1, "delay": { "dist": "constant", "value_s": 60 } })"),
                         "t.json");
  EXPECT_EQ(own.contact_types.raw()[0].returns->as, make_id<ContactTypeId>(0));
}

TEST(LoadCallers, EveryBadTransferIsReportedWhereItIs) {
  const std::string handle = R"("handle": { "dist": "constant", "value_s": 30 })";
  const std::vector<Diagnostic> ds = errors_of(billing_with(
      R"("transfers": [{ "to": "billing", "p": 0.5, )" + handle + R"( }, { "to": "saless", "p": 0.2, )" + handle +
      R"( }, { "to": "sales", "p": 1.5 }], "returns": { "p": 0.1, "as": "sales", "after_s": 3 })"));
  const std::string ptr = "/contact_types/0/transfers";
  expect_has(ds, ptr + "/1/to", "unknown contact type \"saless\"; defined: billing, sales (did you mean \"sales\"?)");
  expect_has(ds, ptr + "/2/p", "must be in [0, 1] (a fraction: write 1.5 % as 0.015); got 1.5");
  bool handle_missing = false;
  for (const Diagnostic& d : ds) handle_missing = handle_missing || (d.pointer == ptr + "/2");
  EXPECT_TRUE(handle_missing) << dump(ds);
  expect_has(ds, "/contact_types/0/returns/after_s", "unknown key \"after_s\"; known: p, delay, as");
  // And the return's missing delay. The rules that tie transfers together wait until every
  // transfer reads well: the self-transfer is not reported yet.
  EXPECT_EQ(ds.size(), 5u) << dump(ds);

  // With every name known, the rules that tie the transfers together.
  const std::vector<Diagnostic> rules = errors_of(billing_with(
      R"("transfers": [{ "to": "billing", "p": 0.5, )" + handle + R"( }, { "to": "sales", "p": 0.4, )" + handle +
      R"( }, { "to": "sales", "p": 0.3, )" + handle + " }]"));
  expect_has(rules, ptr + "/0/to",
             "names the type itself; a transfer goes to another contact type (a caller who calls the same type again "
             "is a redial or a return)");
  expect_has(rules, ptr + "/2/to",
             "names a type already listed; give each target once, with the probability of the two");
  expect_has(rules, ptr,
             "the transfer probabilities add up to 1.2; they must add up to at most 1 (the rest of the calls end "
             "with their talk)");
}

TEST(LoadCallers, WorkThatNeverEndsIsRefused) {
  const std::string handle = R"("handle": { "dist": "constant", "value_s": 30 })";
  // billing always goes to sales, which always returns as billing: no call ever ends.
  std::string text = billing_with(R"("transfers": [{ "to": "sales", "p": 1, )" + handle + " }]");
  text = with(text, R"("name": "sales",)",
              R"("name": "sales", "returns": { "p": 1, "as": "billing",
                  "delay": { "dist": "constant", "value_s": 60 } },)");
  testing::expect_single(errors_of(text), "/contact_types/0/transfers",
                         "every call of \"billing\" is transferred or returns, and so is every call it leads to: the "
                         "work never ends; give some type on the way a transfer and return probability below 1");
  // A return probability below 1 somewhere on the way ends every chain.
  EXPECT_NO_THROW(load_scenario_text(with(text, R"("returns": { "p": 1,)", R"("returns": { "p": 0.9,)"), "t.json"));
  // A return of a type whose calls are all transferred never happens: it is no way out.
  std::string looped = billing_with(R"("transfers": [{ "to": "sales", "p": 1, )" + handle +
                                    R"( }], "returns": { "p": 0.5, "delay": { "dist": "constant", "value_s": 60 } })");
  looped = with(looped, R"("name": "sales",)",
                R"("name": "sales", "transfers": [{ "to": "billing", "p": 1, )" + handle + " }],");
  testing::expect_single(errors_of(looped), "/contact_types/0/transfers",
                         "every call of \"billing\" is transferred or returns, and so is every call it leads to: the "
                         "work never ends; give some type on the way a transfer and return probability below 1");
}

TEST(LoadCallers, ATransferTargetNeedsARouteEvenIfItsIvrServesEveryCaller) {
  // sales' IVR contains all its own callers, but a transferred leg skips the IVR.
  std::string text = billing_with(R"("transfers": [{ "to": "sales", "p": 0.5, "handle": { "dist": "constant",
                                    "value_s": 10 } }])");
  text = with(text, R"("name": "sales",)",
              R"("name": "sales", "ivr": { "duration": { "dist": "constant", "value_s": 5 }, "p_self_service": 1 },)");
  text = with(text, R"(, "sales": ["tier1"])", "");
  const std::vector<Diagnostic> ds = errors_of(text);
  bool refused = false;
  for (const Diagnostic& d : ds) refused = refused || d.message.find("contact type \"sales\" has no route") == 0;
  EXPECT_TRUE(refused) << dump(ds);
}

TEST(LoadCallers, ReturnsCountInTheSteadyStateLoad) {
  // 6 erlangs on 8 agents; with half of the served calls returning, 12.
  const std::string text = with(kSteady, R"("talk":)",
                                R"("returns": { "p": 0.5, "delay": { "dist": "constant", "value_s": 60 } }, "talk":)");
  bool overloaded = false;
  for (const Diagnostic& d : errors_of(text)) overloaded = overloaded || d.message.find("no steady state") == 0;
  EXPECT_TRUE(overloaded) << dump(errors_of(text));
}

TEST(LoadCallers, BalkingByTheAnnouncedWaitIsDecodedAndChecked) {
  const ScenarioSpec s = load_scenario_text(
      billing_with(R"("balking": { "p_by_announced_wait": [{ "above_s": 60, "p": 0.05 }, { "above_s": 300, "p": 0.3 }] })"),
      "t.json");
  const std::vector<ContactTypeSpec::BalkStep> expected = {{60, 0.05}, {300, 0.3}};
  EXPECT_EQ(s.contact_types.raw()[0].balk_by_announced_wait, expected);
  EXPECT_TRUE(s.contact_types.raw()[0].balk_p_by_queue_length.empty());

  const std::string ptr = "/contact_types/0/balking";
  const std::vector<Diagnostic> ds = errors_of(billing_with(
      R"("balking": { "p_by_announced_wait": [{ "above_s": 60, "p": 1.5 }, { "above_s": -1, "p": 0.1 }, 3] })"));
  expect_has(ds, ptr + "/p_by_announced_wait/0/p", "must be in [0, 1] (a fraction: write 1.5 % as 0.015); got 1.5");
  expect_has(ds, ptr + "/p_by_announced_wait/1/above_s", "must be >= 0; got -1");
  bool not_an_object = false;
  for (const Diagnostic& d : ds) not_an_object = not_an_object || d.pointer == ptr + "/p_by_announced_wait/2";
  EXPECT_TRUE(not_an_object) << dump(ds);
  testing::expect_single(
      errors_of(billing_with(
          R"("balking": { "p_by_announced_wait": [{ "above_s": 60, "p": 0.1 }, { "above_s": 60, "p": 0.2 }] })")),
      ptr + "/p_by_announced_wait/1/above_s",
      "must be above the step before's (60): steps go in increasing above_s; got 60");
  testing::expect_single(
      errors_of(billing_with(
          R"("balking": { "p_by_queue_length": [0.1], "p_by_announced_wait": [{ "above_s": 60, "p": 0.1 }] })")),
      ptr, "give one of \"p_by_queue_length\" and \"p_by_announced_wait\", not both");
}

// kDay with billing's callbacks served by a third type, "billing_cb", routed to support.
std::string with_callbacks(const std::string& callback, const std::string& served = "") {
  std::string text = billing_with(R"("callback": )" + callback);
  text = with(text, R"("talk": { "dist": "lognormal", "mean_s": 300, "cv": 0.5 } })",
              R"("talk": { "dist": "lognormal", "mean_s": 300, "cv": 0.5 } },
    { "name": "billing_cb", "talk": { "dist": "exponential", "mean_s": 200 })" + served + " }");
  return with(text, R"("sales": ["tier1"])", R"("sales": ["tier1"], "billing_cb": ["support"])");
}

TEST(LoadCallers, CallbacksAreDecodedWithTheirDefaults) {
  const ScenarioSpec s =
      load_scenario_text(with_callbacks(R"({ "offer_above_wait_s": 120, "p_accept": 0.4, "to": "billing_cb" })"),
                         "t.json");
  ASSERT_EQ(s.contact_types.size(), 3u);
  const CallbackSpec& cb = *s.contact_types.raw()[0].callback;
  EXPECT_EQ(cb.offer_above_wait_s, 120.0);
  EXPECT_EQ(cb.p_accept, 0.4);
  EXPECT_EQ(cb.to, make_id<ContactTypeId>(2));
  EXPECT_FALSE(cb.delay);
  EXPECT_FALSE(cb.dial);
  EXPECT_EQ(cb.p_reach, 1.0);
  EXPECT_EQ(cb.max_attempts, 1u);
  EXPECT_FALSE(cb.retry_delay);
  // The serving type needs no arrivals: it has none.
  EXPECT_EQ(s.contact_types.raw()[2].arrivals.rate_per_s, 0.0);

  const ScenarioSpec full = load_scenario_text(
      with_callbacks(R"({ "offer_above_wait_s": 60, "p_accept": 1, "to": "billing_cb",
                          "delay": { "dist": "constant", "value_s": 900 },
                          "dial": { "dist": "constant", "value_s": 20 },
                          "p_reach": 0.7, "max_attempts": 3, "retry_delay": { "dist": "constant", "value_s": 600 } })"),
      "t.json");
  const CallbackSpec& f = *full.contact_types.raw()[0].callback;
  EXPECT_DOUBLE_EQ(f.delay->mean(), 900);
  EXPECT_DOUBLE_EQ(f.dial->mean(), 20);
  EXPECT_EQ(f.p_reach, 0.7);
  EXPECT_EQ(f.max_attempts, 3u);
  EXPECT_DOUBLE_EQ(f.retry_delay->mean(), 600);
}

TEST(LoadCallers, EveryBadCallbackValueIsReportedWhereItIs) {
  const std::vector<Diagnostic> ds = errors_of(with_callbacks(
      R"({ "offer_above_wait_s": -1, "p_accept": 1.2, "to": "billing_cbb", "p_reach": -0.1, "max_attempts": 0,
           "dial": 5, "ring": 3 })"));
  const std::string ptr = "/contact_types/0/callback";
  expect_has(ds, ptr + "/offer_above_wait_s", "must be >= 0; got -1");
  expect_has(ds, ptr + "/p_accept", "must be in [0, 1] (a fraction: write 1.2 % as 0.012); got 1.2");
  expect_has(ds, ptr + "/to",
             "unknown contact type \"billing_cbb\"; defined: billing, sales, billing_cb (did you mean "
             "\"billing_cb\"?)");
  expect_has(ds, ptr + "/p_reach", "must be in [0, 1]; got -0.1");
  expect_has(ds, ptr + "/max_attempts", "must be in [1, 100]; got 0");
  // The misspelt "to" leaves billing_cb without arrivals; the message says how it would need none.
  expect_has(ds, "/contact_types/2",
             "missing required key \"arrivals\"; expected an object such as {\"process\": \"poisson\", "
             "\"rate_per_hour\": 200}; a type that serves callbacks has none: name \"billing_cb\" in a callback's "
             "\"to\"");
  // With every callback's "to" resolved, a type without arrivals is told nothing about callbacks.
  const std::string no_sales_arrivals = with(with_callbacks(R"({ "offer_above_wait_s": 60, "p_accept": 0.5,
                                                                  "to": "billing_cb" })"),
                                             R"("arrivals": { "process": "poisson", "rate_per_hour": 60 },)", "");
  testing::expect_single(errors_of(no_sales_arrivals), "/contact_types/1",
                         "missing required key \"arrivals\"; expected an object such as {\"process\": \"poisson\", "
                         "\"rate_per_hour\": 200}");
  bool dial = false, ring = false;
  for (const Diagnostic& d : ds) {
    dial = dial || d.pointer == ptr + "/dial";
    ring = ring || (d.pointer == ptr + "/ring" && d.message.find("unknown key \"ring\"") == 0);
  }
  EXPECT_TRUE(dial && ring) << dump(ds);

  const std::vector<Diagnostic> missing = errors_of(with_callbacks("{}"));
  for (const char* key : {"offer_above_wait_s", "p_accept", "to"}) {
    bool found = false;
    for (const Diagnostic& d : missing)
      found = found || d.message.find(std::string("missing required key \"") + key) == 0;
    EXPECT_TRUE(found) << key << "\n" << dump(missing);
  }
}

TEST(LoadCallers, ACallbackIsServedByATypeOfItsOwnThatTakesNoCallerOnTheLine) {
  const std::string ok = R"({ "offer_above_wait_s": 60, "p_accept": 0.5, "to": "billing_cb" })";
  // The serving type has what only a caller on the line has, and calls of its own.
  const std::vector<Diagnostic> ds = errors_of(with_callbacks(
      ok, R"(, "patience": { "dist": "exponential", "mean_s": 60 }, "max_wait_s": 30,
             "arrivals": { "process": "poisson", "rate_per_hour": 10 }, "balking": { "p_by_queue_length": [0.1] },
             "transfers": [{ "to": "billing", "p": 1, "handle": { "dist": "constant", "value_s": 0 } }],
             "returns": { "p": 0.1, "delay": { "dist": "constant", "value_s": 60 } })"));
  const std::string why = "it serves the callbacks of \"billing\", customers waiting off the line: ";
  expect_has(ds, "/contact_types/2/patience", why + "they do not abandon; remove it");
  expect_has(ds, "/contact_types/2/max_wait_s", why + "they have no maximum wait; remove it");
  expect_has(ds, "/contact_types/2/arrivals", why + "it takes no calls of its own (omit \"arrivals\"); remove it");
  expect_has(ds, "/contact_types/2/balking", why + "they do not balk; remove it");
  // A customer called back and transferred to billing could take a callback again, and so on.
  expect_has(ds, "/contact_types/2/transfers", why + "a customer called back is not transferred; remove it");
  expect_has(ds, "/contact_types/2/returns", why + "a customer called back does not return; remove it");
  EXPECT_EQ(ds.size(), 6u) << dump(ds);

  // A callback to the caller's own type; a transfer and a return into the serving type.
  std::string text = with_callbacks(R"({ "offer_above_wait_s": 60, "p_accept": 0.5, "to": "billing" })");
  expect_has(errors_of(text), "/contact_types/0/callback/to",
             "names the type itself; a callback is served as a contact type of its own (declare one, e.g. "
             "\"billing_callback\", with its talk and its groups)");
  text = with(with_callbacks(ok), R"("name": "sales",)",
              R"("name": "sales", "transfers": [{ "to": "billing_cb", "p": 0.1, "handle": { "dist": "constant",
                 "value_s": 10 } }], "returns": { "p": 0.1, "as": "billing_cb", "delay": { "dist": "constant",
                 "value_s": 10 } },)");
  const std::vector<Diagnostic> into = errors_of(text);
  expect_has(into, "/contact_types/1/transfers/0/to",
             "names \"billing_cb\", which serves callbacks: a transferred caller is on the line, a callback is not; "
             "transfer to another type");
  expect_has(into, "/contact_types/1/returns/as",
             "names \"billing_cb\", which serves callbacks: a return is a new call; name another type");
}

TEST(LoadCallers, MoreThanOneDialNeedsARetryDelayAndOneDialNone) {
  const std::vector<Diagnostic> ds =
      errors_of(with_callbacks(R"({ "offer_above_wait_s": 60, "p_accept": 0.5, "to": "billing_cb", "p_reach": 0.8,
                                    "max_attempts": 3 })"));
  testing::expect_single(ds, "/contact_types/0/callback",
                         "up to 3 dials are made: add \"retry_delay\", the time from a dial that failed (no answer, "
                         "or no trunk line free) to the next (a distribution object such as {\"dist\": \"constant\", "
                         "\"value_s\": 900})");
  testing::expect_single(
      errors_of(with_callbacks(R"({ "offer_above_wait_s": 60, "p_accept": 0.5, "to": "billing_cb",
                                    "retry_delay": { "dist": "constant", "value_s": 60 } })")),
      "/contact_types/0/callback/retry_delay",
      "is never used: one dial is made (max_attempts 1); remove it, or set max_attempts above 1");
}

TEST(LoadCallers, TheServingTypeNeedsARoute) {
  std::string text = with_callbacks(R"({ "offer_above_wait_s": 60, "p_accept": 0.5, "to": "billing_cb" })");
  text = with(text, R"(, "billing_cb": ["support"])", "");
  bool refused = false;
  for (const Diagnostic& d : errors_of(text))
    refused = refused || d.message.find("contact type \"billing_cb\" has no route") == 0;
  EXPECT_TRUE(refused) << dump(errors_of(text));
}

}  // namespace
}  // namespace ccsim::models
