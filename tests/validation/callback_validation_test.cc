// Validation of callbacks (virtual hold) against exact results: callbacks offered to
// every caller who would wait make M/M/c (Erlang C) again, the dials' outcomes follow the
// geometric law of p_reach and max_attempts, callbacks nobody takes change nothing (the
// fingerprint to the bit), only the callers told a wait above the threshold are offered
// one, and a dial that finds no trunk line free is counted as unreached, never lost.
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <set>
#include <vector>

#include <gtest/gtest.h>

#include "models/analytic/erlang.h"
#include "models/replication.h"
#include "models/routing/registry.h"
#include "models/scenario/validate_spec.h"
#include "models/trace.h"
#include "tests/models/counter_totals.h"
#include "tests/models/test_scenarios.h"
#include "tests/validation/observed_run.h"
#include "tests/validation/validation_support.h"

namespace ccsim::models {
namespace {

using testing::covers;
using testing::customer_basis_holds;
using testing::kValidationConfidence;
using testing::markov_scenario;
using testing::Observed;
using testing::ratio;
using testing::run_observed;
using testing::type_totals;
using testing::value;

constexpr std::size_t kCalls = 0;      // the callers' type
constexpr std::size_t kCallbacks = 1;  // the type that serves their callbacks

// The type that serves the callers' callbacks: no calls of its own, no patience, the
// talk law given, routed to group 0 like the callers.
ContactTypeSpec callback_type(sim::Distribution talk) {
  ContactTypeSpec t;
  t.name = "calls_callback";
  t.talk = talk;
  t.groups = {make_id<AgentGroupId>(0)};
  return t;
}

// Callbacks offered to the callers told more than offer_above_wait_s, accepted with
// p_accept, served by the serving type: one dial, always answered, unless a test says more.
CallbackSpec offer_callbacks(double offer_above_wait_s, double p_accept) {
  CallbackSpec cb;
  cb.offer_above_wait_s = offer_above_wait_s;
  cb.p_accept = p_accept;
  cb.to = make_id<ContactTypeId>(kCallbacks);
  return cb;
}

// Callbacks as Erlang C. M/M/10 without patience, lambda = 0.08/s, exponential talk of
// mean 100 s (8 Erlangs). Every caller who finds no idle agent is told a wait above 0 s,
// is offered a callback and takes it, and the callback joins the serving type's queue at
// once with a talk drawn from the same law; the callers' own queue stays empty, so the
// callbacks wait FIFO for the same 10 agents and the centre is still M/M/10. So:
// callbacks offered / calls offered = P(wait) = C(10, 8) = 0.4092, the callback's delay
// (acceptance to the answer, p_reach 1, no dial time) is E[W | W > 0] = 1 / (c mu -
// lambda) = 50 s, occupancy a / c = 0.8. With 9 agents these would be 0.6533, 100 s and
// 0.889; with a mean talk 10 % longer (callbacks served with a wrong law, say) 0.6110,
// 91.7 s and 0.88, and even 5 % longer, 0.5043, 65.6 s and 0.84. Every bound is below
// half the gap to any of these, so each fails. 40 windows of 2 x 10^6 s (6.4 M calls, about
// 1.5 s) put the intervals at 0.35 to 0.45 of their bounds.
TEST(CallbackValidation, CallbacksTakenByEveryCallerWhoWouldWaitLeaveTheCentreErlangC) {
  const double lambda = 0.08, talk_s = 100.0;
  const std::uint32_t agents = 10;
  const analytic::ErlangC exact = analytic::erlang_c_metrics(agents, lambda, talk_s, 20.0);
  const double delay_s = 1.0 / (agents / talk_s - lambda);

  const testing::TestSeed seed(20261214);
  ScenarioSpec s = markov_scenario(lambda, talk_s, agents, std::nullopt, 5000, 2000000, 40, seed.value());
  s.contact_types.push_back(callback_type(sim::Distribution::exponential(talk_s)));
  s.contact_types.raw()[kCalls].callback = offer_callbacks(0.0, 1.0);
  s.confidence = kValidationConfidence;
  const Observed o = run_observed(s);
  const KpiStats& calls = o.results.by_type[kCalls];

  EXPECT_TRUE(covers(ratio(o, kCalls, Kpi::CallbacksOffered, kCalls, Kpi::Offered), exact.p_wait, 0.01))
      << exact.p_wait;
  EXPECT_TRUE(covers(stat_of(calls, Kpi::MeanCallbackDelayS), delay_s, 0.05 * delay_s)) << delay_s;
  EXPECT_TRUE(covers(stat_of(o.results.by_group[0], Kpi::Occupancy), exact.occupancy, 0.004)) << exact.occupancy;
  // Every offer is accepted, every callback reached at its one dial, and nobody waits on the line.
  EXPECT_EQ(stat_of(calls, Kpi::PAcceptedOverCallbacksOffered).mean, 1.0);
  EXPECT_EQ(stat_of(calls, Kpi::CallbacksFailed).mean, 0.0);
  EXPECT_EQ(stat_of(calls, Kpi::PWaitOverOffered).mean, 0.0);
  EXPECT_TRUE(customer_basis_holds(o));
}

// Dials. A day of 8 hours on 10 agents, Poisson callers at 7 Erlangs (mean talk 100 s),
// served after the close so that every callback ends in the day. Callers who would wait
// are offered a callback and accept with p_accept = 0.8. Each dial takes 20 s of an
// agent and reaches the customer with p_reach = 0.6, independently; an unreached callback
// is dialled again 300 s later on average, at most 3 dials in all. So, exactly: accepted /
// offered 0.8; completed / accepted 1 - 0.4^3 = 0.936; failed / accepted 0.4^3 = 0.064;
// dials / accepted 1 + 0.4 + 0.4^2 = (1 - 0.4^3) / 0.6 = 1.56; completed / dials 0.6.
// With p_reach 0.5 these would be 0.875, 0.125, 1.75 and 0.5; with 2 dials at most 0.84,
// 0.16 and 1.4; each bound is below half the nearer gap. No trunk limit: every dial finds
// a line. 200 days (0.4 M calls, 90 k accepted callbacks) put the intervals at 0.25 to
// 0.45 of their bounds.
TEST(CallbackValidation, DialsReachTheCustomerGeometricallyUpToMaxAttempts) {
  const double p_reach = 0.6, q = 1.0 - p_reach;
  const testing::TestSeed seed(20261215);
  ScenarioSpec s = testing::day_scenario(28800, 1);
  s.closing = Closing::ServeAfterClose;
  s.contact_types.push_back(testing::markov_day_type("calls", {0.07 * 28800}, 100.0, std::nullopt, {0}));
  s.contact_types.push_back(callback_type(sim::Distribution::exponential(100.0)));
  CallbackSpec& cb = s.contact_types.raw()[kCalls].callback.emplace(offer_callbacks(0.0, 0.8));
  cb.dial = sim::Distribution::constant(20.0);
  cb.p_reach = p_reach;
  cb.max_attempts = 3;
  cb.retry_delay = sim::Distribution::exponential(300.0);
  s.agent_groups.push_back(testing::group("agents", {10}));
  s.replications = 200;
  s.seed = seed.value();
  s.confidence = kValidationConfidence;
  const Observed o = run_observed(s);

  const auto accepted = [&](Kpi k) { return ratio(o, kCalls, k, kCalls, Kpi::CallbacksAccepted); };
  EXPECT_TRUE(covers(ratio(o, kCalls, Kpi::CallbacksAccepted, kCalls, Kpi::CallbacksOffered), 0.8, 0.01));
  EXPECT_TRUE(covers(accepted(Kpi::CallbacksCompleted), 1.0 - q * q * q, 0.01)) << 1.0 - q * q * q;
  EXPECT_TRUE(covers(accepted(Kpi::CallbacksFailed), q * q * q, 0.01)) << q * q * q;
  // The dials: the serving type's answered (an agent dialled), here every attempt.
  EXPECT_TRUE(covers(ratio(o, kCallbacks, Kpi::Answered, kCalls, Kpi::CallbacksAccepted),
                     (1.0 - q * q * q) / p_reach, 0.03))
      << (1.0 - q * q * q) / p_reach;
  EXPECT_TRUE(covers(ratio(o, kCalls, Kpi::CallbacksCompleted, kCallbacks, Kpi::Answered), p_reach, 0.02));
  // Served after the close, every callback accepted in the day completes or fails in it.
  for (std::size_t i = 0; i < o.observations.size(); ++i) {
    const KpiValues& v = o.observations[i].by_type[kCalls];
    EXPECT_EQ(value(v, Kpi::CallbacksAccepted), value(v, Kpi::CallbacksCompleted) + value(v, Kpi::CallbacksFailed))
        << "day " << i;
  }
  EXPECT_TRUE(customer_basis_holds(o));
}

// A day with patience, a trunk limit and two periods, so that declined offers meet every
// path a caller can take (blocked, abandoned, served).
ScenarioSpec reduction_day(std::optional<CallbackSpec> callback, std::uint64_t seed) {
  ScenarioSpec s = testing::day_scenario(3600, 2);
  s.closing = Closing::DisconnectAtClose;
  s.trunk_lines = 14;
  s.contact_types.push_back(testing::markov_day_type("calls", {300, 380}, 100.0, 120.0, {0}));
  s.contact_types.push_back(callback_type(sim::Distribution::exponential(100.0)));
  s.contact_types.raw()[kCalls].callback = callback;
  s.agent_groups.push_back(testing::group("agents", {9, 10}));
  s.seed = seed;
  validate_spec(s);
  return s;
}

// The counters with callbacks_offered set aside: all a declined offer may change.
ReplicationCounters without_offers(ReplicationCounters c) {
  for (TypeCounters& t : c.by_slot_type) t.callbacks_offered = 0;
  return c;
}

std::uint64_t total_offers(const ReplicationCounters& c) {
  std::uint64_t n = 0;
  for (const TypeCounters& t : c.by_slot_type) n += t.callbacks_offered;
  return n;
}

// Callbacks nobody takes are no callbacks: p_accept 0 gives the counters, the draws and
// the fingerprint of the same day without "callback" (the serving type declared and
// routed in both), only the offers being counted; a threshold no announced wait reaches
// gives no offer at all. Exact, on several days.
TEST(CallbackValidation, CallbacksNobodyTakesChangeNothing) {
  const testing::TestSeed seed(20261216);
  const ScenarioSpec plain = reduction_day(std::nullopt, seed.value());
  const ScenarioSpec declined = reduction_day(offer_callbacks(0.0, 0.0), seed.value());
  const ScenarioSpec unreachable = reduction_day(offer_callbacks(1e9, 1.0), seed.value());
  for (std::uint64_t rep = 0; rep < 4; ++rep) {
    const ReplicationCounters base = run_replication(plain, make_router(plain), rep);
    const ReplicationCounters d = run_replication(declined, make_router(declined), rep);
    const ReplicationCounters u = run_replication(unreachable, make_router(unreachable), rep);
    EXPECT_GT(total_offers(d), 100u) << "day " << rep << ": too few offers to show anything";
    EXPECT_EQ(d.fingerprint, base.fingerprint) << "day " << rep;
    EXPECT_EQ(d.draws, base.draws) << "day " << rep;
    EXPECT_TRUE(without_offers(d) == base) << "day " << rep;
    EXPECT_EQ(total_offers(u), 0u) << "day " << rep;
    EXPECT_EQ(u.fingerprint, base.fingerprint) << "day " << rep;
    EXPECT_TRUE(u == base) << "day " << rep;
  }
}

// Follows one type's queue through the trace (who is waiting in it, alive) and keeps
// every callback offer with the queue it was made against.
class QueueWatcher : public TraceSink {
 public:
  struct Offer {
    double announced_s;
    std::size_t waiting;  // live callers of the type in its queue at the offer
    bool accepted;
  };
  void record(const TraceRecord& r) override {
    if (r.type != kCalls) return;
    switch (r.what) {
      case TraceWhat::Queued:
        ++queued;
        if (!last_declined_ || *last_declined_ != r.contact) {
          ++queued_without_offer;
          most_ahead_without_offer = std::max(most_ahead_without_offer, waiting_.size());
        }
        waiting_.insert(r.contact);
        last_declined_.reset();
        return;
      case TraceWhat::CallbackDeclined:
      case TraceWhat::CallbackAccepted:
        offers.push_back(Offer{r.value, waiting_.size(), r.what == TraceWhat::CallbackAccepted});
        if (r.what == TraceWhat::CallbackDeclined) last_declined_ = r.contact;
        return;
      case TraceWhat::Answered:
      case TraceWhat::Abandoned:
      case TraceWhat::TimedOut:
      case TraceWhat::Disconnected:
        waiting_.erase(r.contact);
        return;
      default: return;
    }
  }
  std::vector<Offer> offers;
  std::size_t queued = 0;                // callers who joined the queue
  std::size_t queued_without_offer = 0;  // of those, not just told a wait (and declined)
  std::size_t most_ahead_without_offer = 0;

 private:
  std::set<std::uint32_t> waiting_;
  std::optional<std::uint32_t> last_declined_;
};

// The threshold. 5 agents, talk of mean 80 s and a constant wrap-up of 20 s: the mean
// handle h is 100 s, and a caller with n ahead is told (n + 1) h / 5 = 20 (n + 1) s. With
// the threshold at 70 s, between 3 h / 5 and 4 h / 5, exactly the callers with 3 or more
// live callers ahead (abandons taken out) are offered a callback, told 80, 100, ... s;
// half accept. Checked on every offer of a busy steady-state run (patience of mean 300 s,
// 4.5 Erlangs), and every caller who joined the queue without an offer had 2 or fewer
// ahead. An estimate that counted the caller twice, or abandoned callers, or the agents
// of the whole centre, would be off by h / 5 or more on some offer.
TEST(CallbackValidation, OnlyCallersToldAWaitAboveTheThresholdAreOfferedACallback) {
  const double handle_s = 100.0, threshold_s = 70.0;
  const std::uint32_t agents = 5;
  const testing::TestSeed seed(20261217);
  ScenarioSpec s = markov_scenario(0.045, 80.0, agents, 300.0, 0, 200000, 1, seed.value());
  s.contact_types.raw()[kCalls].wrap_up = sim::Distribution::constant(20.0);
  ContactTypeSpec cb = callback_type(sim::Distribution::exponential(80.0));
  cb.wrap_up = sim::Distribution::constant(20.0);
  s.contact_types.push_back(cb);
  s.contact_types.raw()[kCalls].callback = offer_callbacks(threshold_s, 0.5);
  validate_spec(s);
  QueueWatcher w;
  run_replication(s, make_router(s), 0, &w);

  ASSERT_GT(w.offers.size(), 1000u);
  std::size_t accepted = 0, bad = 0;
  for (const QueueWatcher::Offer& offer : w.offers) {
    accepted += offer.accepted;
    const double expected_s = static_cast<double>(offer.waiting + 1) * handle_s / agents;
    if (offer.announced_s > threshold_s && std::fabs(offer.announced_s - expected_s) <= 1e-9 * expected_s) continue;
    if (++bad <= 5)
      ADD_FAILURE() << "offer told " << offer.announced_s << " s with " << offer.waiting << " live callers ahead ("
                    << expected_s << " s expected), threshold " << threshold_s << " s";
  }
  EXPECT_EQ(bad, 0u) << "of " << w.offers.size() << " offers";
  EXPECT_GT(accepted, w.offers.size() / 3);
  EXPECT_LT(accepted, 2 * w.offers.size() / 3);
  // Every caller who declined joined the queue; the others who joined were offered nothing,
  // and had at most 2 live callers ahead (told at most 60 s).
  EXPECT_EQ(w.queued - w.queued_without_offer, w.offers.size() - accepted);
  EXPECT_GT(w.queued_without_offer, 1000u);
  EXPECT_EQ(w.most_ahead_without_offer, 2u);
}

// Counts the trace's unreached dials and failed callbacks.
class DialCounter : public TraceSink {
 public:
  void record(const TraceRecord& r) override {
    if (r.what == TraceWhat::CallbackUnreached) ++unreached;
    if (r.what == TraceWhat::CallbackFailed) ++failed;
  }
  std::uint64_t unreached = 0, failed = 0;
};

// Trunk lines. Callers on 5 agents of their own, their callbacks on 3 others, and 8
// lines for all: half the callers who would wait take a callback (dialled a minute later
// on average), the other half keep waiting on their line, so a callback agent often finds
// every line taken (callers talking or waiting, callbacks talking). The dial then fails at
// once (no agent time) and is retried, up to 3 dials. p_reach 1, so every unreached dial
// is one that found no line. Exact, on each of 20 days, served after the close or
// disconnected at it (a callback due after the close then fails undialled): every
// callback accepted in the day completes or fails in it, every dial either reached the
// customer (a completed callback) or was unreached, and each customer lost is a caller
// blocked at entry or disconnected, or a callback that failed, counted once, in the
// callers' type.
TEST(CallbackValidation, DialsThatFindNoLineAreRetriedAndEveryCallbackEnds) {
  const testing::TestSeed seed(20261218);
  ScenarioSpec s = testing::day_scenario(3600, 4);
  s.trunk_lines = 8;
  s.contact_types.push_back(testing::markov_day_type("calls", {200, 200, 200, 200}, 100.0, std::nullopt, {0}));
  ContactTypeSpec serving = callback_type(sim::Distribution::exponential(100.0));
  serving.wrap_up = sim::Distribution::constant(30.0);
  serving.groups = {make_id<AgentGroupId>(1)};
  s.contact_types.push_back(serving);
  CallbackSpec& cb = s.contact_types.raw()[kCalls].callback.emplace(offer_callbacks(0.0, 0.5));
  cb.delay = sim::Distribution::exponential(60.0);
  cb.dial = sim::Distribution::constant(15.0);
  cb.max_attempts = 3;
  cb.retry_delay = sim::Distribution::exponential(120.0);
  s.agent_groups.push_back(testing::group("agents", {5, 5, 5, 5}));
  s.agent_groups.push_back(testing::group("callback agents", {3, 3, 3, 3}));
  s.seed = seed.value();
  for (const Closing closing : {Closing::ServeAfterClose, Closing::DisconnectAtClose}) {
    SCOPED_TRACE(closing_name(closing));
    s.closing = closing;
    validate_spec(s);
    std::uint64_t all_unreached = 0, all_failed = 0, waiting_at_close = 0;
    for (std::uint64_t rep = 0; rep < 20; ++rep) {
      DialCounter d;
      const ReplicationCounters c = run_replication(s, make_router(s), rep, &d);
      const TypeCounters calls = type_totals(c, kCalls), callbacks = type_totals(c, kCallbacks);
      EXPECT_EQ(calls.callbacks_accepted, calls.callbacks_completed + calls.callbacks_failed) << "day " << rep;
      // Every attempt is dialled by an agent (reached or not) or disconnected at the close.
      EXPECT_EQ(callbacks.answered, calls.callbacks_completed + d.unreached) << "day " << rep;
      EXPECT_EQ(callbacks.callback_attempts, callbacks.answered + callbacks.disconnected) << "day " << rep;
      EXPECT_EQ(calls.callbacks_failed, d.failed) << "day " << rep;
      EXPECT_EQ(calls.customers_lost, calls.blocked_trunk + calls.disconnected + calls.callbacks_failed)
          << "day " << rep;
      EXPECT_EQ(callbacks.customers(), 0u) << "day " << rep;
      EXPECT_EQ(callbacks.customers_lost, 0u) << "day " << rep;
      EXPECT_EQ(callbacks.offered, callbacks.callback_attempts) << "day " << rep;
      EXPECT_EQ(c.unserved_at_end, 0u) << "day " << rep;
      all_unreached += d.unreached;
      all_failed += d.failed;
      waiting_at_close += callbacks.disconnected;
    }
    // The case is the one meant: dials found no line, some callbacks ran out of dials, and
    // where the close disconnects, some were still waiting for an agent then (a few days
    // in ten have one).
    EXPECT_GT(all_unreached, 50u);
    EXPECT_GT(all_failed, 0u);
    if (closing == Closing::DisconnectAtClose) {
      EXPECT_GT(waiting_at_close, 0u);
    }
  }
}

// A callback still waiting for an agent when the centre disconnects at its close is never
// dialled. One agent, talking from t = 0 to 5000 s with the first caller; the second, at
// t = 10 s, is told 5000 s, takes a callback, and its callback waits for that agent until
// the close at 3600 s, where it fails. So one callback accepted and failed, one attempt
// (it joined the serving type's queue) that no agent dialled (none answered, reached or
// not) and that the close disconnected, and the customer lost once, in the callers' type.
TEST(CallbackValidation, ACallbackDisconnectedBeforeAnyDialIsAnAttemptNobodyDialled) {
  ScenarioSpec s = testing::day_scenario(3600, 1);
  s.closing = Closing::DisconnectAtClose;
  s.contact_types.push_back(testing::traced_type("calls", {0.0, 10.0}, 5000.0, std::nullopt, {0}));
  s.contact_types.push_back(callback_type(sim::Distribution::constant(100.0)));
  s.contact_types.raw()[kCalls].callback = offer_callbacks(0.0, 1.0);
  s.agent_groups.push_back(testing::group("agents", {1}));
  validate_spec(s);
  DialCounter d;
  const ReplicationCounters c = run_replication(s, make_router(s), 0, &d);
  const TypeCounters calls = type_totals(c, kCalls), callbacks = type_totals(c, kCallbacks);
  EXPECT_EQ(calls.callbacks_accepted, 1u);
  EXPECT_EQ(calls.callbacks_completed, 0u);
  EXPECT_EQ(calls.callbacks_failed, 1u);
  EXPECT_EQ(d.failed, 1u);
  EXPECT_EQ(d.unreached, 0u);
  EXPECT_EQ(calls.customers_lost, 1u);
  EXPECT_EQ(callbacks.customers_lost, 0u);
  EXPECT_EQ(callbacks.callback_attempts, 1u);
  EXPECT_EQ(callbacks.answered, 0u);
  EXPECT_EQ(callbacks.disconnected, 1u);
}

}  // namespace
}  // namespace ccsim::models
