// models/call_center.h
// CallCenter: the state of one replication of a scenario — arrivals, trunks, IVR, one
// waiting queue per contact type, the agent pool and its roster — and dispatch(Event),
// the one exhaustive switch that moves it. run() simulates until nothing is left to
// happen (contacts in the system at the end of the window are finished) and returns the
// totals. The handlers live by stage, one file each:
//   call_center.cc            construction, run(), dispatch(), observation slots
//   call_center_admission.cc  arrivals, trunk lines, IVR, redials, transferred legs, returns,
//                             outbound dials
//   call_center_routing.cc    routing decisions, queues, abandonment, balking, maximum
//                             wait, closing, eligibility timers
//   call_center_service.cc    talk, wrap-up, freeing the agent; transfers and returns decided
//   call_center_workforce.cc  log-on and log-off from the roster
//   call_center_callbacks.cc  callbacks: the offer, the dials, their retries and failure
// What happens is reported to Lifecycle (models/lifecycle.h), which counts the KPIs.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "models/agents/agent_pool.h"
#include "models/agents/roster.h"
#include "models/arrivals/arrival_process.h"
#include "models/contact_pool.h"
#include "models/events.h"
#include "models/ids.h"
#include "models/kpi/counters.h"
#include "models/lifecycle.h"
#include "models/queues/waiting_queue.h"
#include "models/routing/registry.h"
#include "models/scenario/spec.h"
#include "models/trace.h"
#include "sim/calendar_queue.h"
#include "sim/engine.h"
#include "sim/rng/mrg32k3a.h"

namespace ccsim::models {

class CallCenter {
 public:
  // Replication r draws from substream r of every stream (docs/rng.md).
  CallCenter(const ScenarioSpec& spec, const AnyRouter& router, std::uint64_t replication,
             TraceSink* trace = nullptr);

  ReplicationCounters run();
  void dispatch(const sim::Event& e);

 private:
  // redial, redial_delay and attempt are drawn from only when the type redials;
  struct TypeStreams {
    sim::Mrg32k3a patience, service, wrap_up, ivr_path, ivr_duration, balk, redial, redial_delay, attempt;
    sim::Mrg32k3a after_service, leg;  // drawn from only when some type transfers or returns
    sim::Mrg32k3a callback;            // drawn from only when the type offers callbacks
    sim::Mrg32k3a dial;                // drawn from only when the type is outbound
  };
  // What one attempt of a caller brings to the centre, drawn before it is admitted.
  struct AttemptDraws {
    double patience_draw, talk_s, wrap_s, ivr_u, ivr_s, balk_u;
  };
  // Where an attempt's draws come from: a first attempt's from the type's stream of each
  // purpose, a redial's all from the type's Attempt stream.
  struct AttemptStreams {
    sim::Mrg32k3a *patience, *service, *wrap_up, *ivr_path, *ivr_duration, *balk;
  };
  static constexpr ContactId kNoContact = make_id<ContactId>(kNoId);
  // [type * groups + group]: the pair's index (kNoId when the type does not route to the
  // group) and its handle-time multiplier.
  struct PairInfo {
    std::uint32_t pair;
    double multiplier;
  };

  // call_center.cc
  void schedule_first_events();
  void on_slot_start(std::uint32_t slot);
  void on_window_end();
  std::uint64_t next_batch_end() const;
  std::uint64_t draws() const;
  bool busy_days() const;
  std::vector<double> draw_busyness(const sim::Mrg32k3a& base, std::uint32_t type, std::uint64_t replication);

  // call_center_admission.cc
  void on_arrival(ContactTypeId k);
  std::uint32_t steady_arrival_slot(double t);
  void draw_attempt(ContactTypeId k, std::uint32_t slot, const AttemptStreams& s, bool draw_patience,
                    bool draw_handle, AttemptDraws& d);
  // c: the record of a customer redialling, or kNoContact for a first attempt. Inlined
  // into on_arrival, where a first attempt pays for no redial it does not make.
  void admit(ContactTypeId k, std::uint32_t slot, const AttemptDraws& d, ContactId c);
  void store_draws(ContactId c, const AttemptDraws& d);
  void on_redial_due(ContactId c);
  void on_return_due(ContactTypeId k);
  void transfer(ContactId c);
  std::uint32_t slot_now();
  // Whether a caller whose attempt-th attempt just ended in `end` calls again, and after
  // how long (drawn here, from the type's Redial streams).
  std::optional<double> redial_delay(ContactTypeId k, std::uint32_t attempt, AttemptEnd end);
  void plan_redial(ContactId c, AttemptEnd end, double delay_s);
  // The attempt of c ended without an agent (its line, if it had one, released): the
  // customer redials or is lost.
  void after_attempt(ContactId c, AttemptEnd end);
  void end_attempt(ContactId c, AttemptEnd end) {
    release_line(c);
    after_attempt(c, end);
  }
  void on_ivr_done(ContactId c);
  void release_line(ContactId c);
  void leave_system(ContactId c);

  // call_center_routing.cc
  RoutingView view() const;
  // What a chat's decision sees (RoutingView); only_chat_queues: for an agent who holds chats.
  RoutingView chat_view(bool only_chat_queues) const;
  // What the decision on an arriving contact of type k (kOwnView) sees: for a chat,
  // chat_view; in a centre with caps, capped_view.
  RoutingView arrival_view(ContactTypeId k);
  // The groups at their cap on k's channel show no idle agent.
  RoutingView capped_view(ContactTypeId k);
  // What the decision for group g's freed agents sees: no queue of a channel g is at its cap on.
  RoutingView free_view(AgentGroupId g);
  bool at_cap(AgentGroupId g, Channel c) const;
  // The probability that the caller c of type k, about to join queue q, balks.
  double balk_probability(ContactId c, ContactTypeId k, QueueId q) const;
  // Whether the caller c, about to join queue q, takes a callback or balks instead.
  bool leaves_before_queueing(ContactId c, ContactTypeId k, QueueId q);
  void route_to_agents(ContactId c);
  // A call c of type k that would wait takes an agent from interruptible work when the
  // policy, shown those agents as idle, picks a group: whether it did.
  [[gnu::noinline]] bool interrupt_work(ContactId c, ContactTypeId k);
  // Group g's idle agents take waiting contacts, then (kBlended: in a centre with chats or
  // caps by channel) its agents holding chats take waiting chats. assign_free_agents picks
  // the instance.
  template <bool kBlended>
  void assign_idle_agents(AgentGroupId g);
  void assign_free_agents(AgentGroupId g);
  // The agents of g who hold chats and may take one more take waiting chats.
  void offer_chat_slots(AgentGroupId g);
  void on_patience_expired(ContactId c);
  void on_max_wait(ContactId c);
  // The closing rule (ScenarioSpec::closing): whether a caller of type k about to join
  // its queue is disconnected instead, and the disconnection of every caller waiting.
  bool closed_to(ContactTypeId k) const;
  bool eligible_on_duty(ContactTypeId k) const;
  void disconnect_waiting(QueueId q);
  void carry_backlog(QueueId q);
  std::span<const EligibilityTimer> router_timers(ContactTypeId k) const;
  void schedule_router_timer(ContactId c, std::size_t i);
  void on_route_timer(ContactId c, std::size_t i);

  // call_center_service.cc
  void start_service(ContactId c, AgentGroupId g, QueueId from_queue, std::uint32_t idle_agent = kLongestIdle);
  // Out of line, so that the common case pays for none of the rare ones' registers.
  [[gnu::noinline]] AgentId chosen_idle_agent(ContactId c, AgentGroupId g, std::uint32_t idle_agent) const;
  // idle_agent as for start_service; a position past g's idle agents names one holding chats.
  [[gnu::noinline]] void start_chat(ContactId c, ContactTypeId k, AgentGroupId g, QueueId from_queue,
                                    std::uint32_t idle_agent = kLongestIdle);
  // An agent of g takes call c from its interruptible e-mail.
  void interrupt_for(ContactId c, ContactTypeId k, AgentGroupId g);
  // Agent a of g puts its interruptible e-mail aside: back to the head of its queue.
  void put_aside(AgentId a, AgentGroupId g);
  void offer_put_aside(ContactId e);
  // The interrupted e-mail e, waiting, will never be resumed: it leaves the system (out of
  // its queue by the caller), in it until end_s.
  void leave_unfinished(ContactId e, double end_s);
  // Agent a of g (idle_agent as for start_service) takes the interruptible e-mail c: first
  // answered, or resumed after an interruption.
  [[gnu::noinline]] void start_work(ContactId c, ContactTypeId k, AgentGroupId g, AgentId a, const PairInfo& pi,
                                    QueueId from_queue, std::uint32_t idle_agent);
  // The talk of c begins with agent a of g (not yet serving it: the KPIs see the change).
  void begin_talk(ContactId c, ContactTypeId k, AgentGroupId g, AgentId a, std::uint32_t pair, QueueId from_queue,
                  double talk_s, double wrap_s);
  // One of a's chat sessions ends: whether it still holds others (and so stays busy).
  [[gnu::noinline]] bool end_chat_session(AgentId a);
  [[gnu::noinline]] void end_dial_or_transfer(ContactId c, ContactTypeId k);
  bool plan_transfer(ContactId c, ContactTypeId k);
  void plan_return(ContactId c, ContactTypeId k);
  void on_service_end(ContactId c);
  // The talk ends (after the transfer's handle time when transferring).
  void end_talk(ContactId c, bool transferring);
  // end_talk of a contact whose type returns, is an e-mail or outbound, not transferred; a's wrap-up follows.
  [[gnu::noinline]] void end_talk_by_rules(ContactId c, ContactTypeId k, AgentId a, double wrap_s);
  // Agent a ends its work on an e-mail (its talk, or its wrap-up after it).
  void end_email_work(AgentId a);
  // Agent a ends its work on an outbound customer (its talk, or its wrap-up after it).
  void end_outbound_work(AgentId a);
  void agent_free(AgentId a);
  template <bool kBlended>
  void free_agent(AgentId a);

  // call_center_callbacks.cc
  // The wait a caller of type k (arrived in `slot`) joining queue q is told:
  // (callers ahead + 1) x the type's mean handle time / its agents on duty (for a chat,
  // their sessions).
  double announced_wait_s(ContactTypeId k, QueueId q, std::uint32_t slot) const;
  // Whether the caller c, about to join queue q, is offered a callback and takes it.
  bool offer_callback(ContactId c, ContactTypeId k, QueueId q);
  void on_callback_due(ContactId c);
  // An agent takes the callback c, whose customer talks for talk_s: whether a line is free
  // and the customer answers, and the agent's talk and wrap-up that follow.
  struct AgentTime {
    double talk_s, wrap_s;
  };
  AgentTime dial(ContactId c, double multiplier, double talk_s);
  void end_unanswered_dial(ContactId c);
  void fail_callback(ContactId c);
  bool serves_callbacks(ContactTypeId k) const { return has_any(k, kServesCallbacks); }

  // call_center_admission.cc: outbound
  // Agents of an outbound type's groups may be idle, or a trunk line free for a dialer
  // short of one: the dialers count once the handler that freed them is done (DialersDue).
  void dialers_due();
  void run_dialers();
  // The dials in progress outbound type k's dialer wants for its idle agents.
  std::uint64_t dial_target(ContactTypeId k) const;
  void place_dial(ContactTypeId k);
  void on_dial_end(ContactId c);

  // call_center_workforce.cc
  void draw_absence(std::uint64_t replication);
  void on_roster_change(std::uint32_t first);
  void schedule_breaks(AgentId a);
  void on_break_due(AgentId a, std::uint8_t b);
  void on_shrinkage_plan(std::uint32_t period);
  void on_aux_due(AgentId a);
  void on_break_end(AgentId a);
  bool take_due_break(AgentId a);

  double now() const { return engine_.now(); }
  void schedule(double t, CcEvent kind, CcPriority p, std::uint32_t subject, std::uint32_t generation = 0,
                std::uint8_t aux = 0) {
    engine_.schedule_at(t, static_cast<std::uint16_t>(kind), static_cast<std::uint8_t>(p), subject, generation, aux);
  }

  const ScenarioSpec& spec_;
  AnyRouter router_;
  sim::Engine<sim::CalendarQueue> engine_;
  ContactPool pool_;
  IdVector<QueueId, WaitingQueue> queues_;
  Roster roster_;
  AgentPool agents_;
  std::vector<std::uint8_t> absent_;  // per agent: absent the whole replication
  // Per agent: breaks of its shift that came due, breaks taken, what it is unavailable
  // for now (a break's index or kAuxActivity), and the length of a shrinkage block that
  // came due (0 when none waits).
  std::vector<std::uint8_t> breaks_due_;
  std::vector<std::uint8_t> breaks_taken_;
  std::vector<std::uint8_t> activity_;
  std::vector<double> aux_due_s_;
  IdVector<ContactTypeId, TypeStreams> streams_;
  sim::Mrg32k3a tie_break_;  // the router's; drawn from only when the policy asks (draws_on_arrival)
  IdVector<ContactTypeId, ArrivalProcess> arrivals_;
  std::vector<PairInfo> pair_of_;
  // Day mode, [type * periods + period], empty when no type has one: the factor a
  // contact's talk and wrap-up (handle) or patience draw is scaled by for the mean of
  // its arrival period (ContactTypeSpec::aht_per_period_s, patience_per_period_s).
  std::vector<double> handle_scale_;
  std::vector<double> patience_scale_;
  Lifecycle lifecycle_;
  // Per type, the rules beyond the Erlang model its calls follow: the hot path of a centre
  // without them tests one byte per step (bench/README.md, models A and B).
  enum TypeTrait : std::uint16_t {
    kBalks = 1,
    kOffersCallbacks = 2,
    kServesCallbacks = 4,
    kTransfers = 8,
    kReturns = 16,
    kDeferred = 32,  // e-mail: no trunk line; still waiting at the close, it stays in the backlog (an
                     // interrupted one stays in its queue for the agents who stay)
    kChat = 64,      // no trunk line; an agent may hold several at once
    kInterruptible = 128,  // e-mail whose work a call may interrupt (ContactTypeSpec::interruptible)
    kEmailWork = 256,      // e-mail: its agents are counted (AgentPool::on_email), for caps and occupancy
    kOwnView = 512,        // chat or capped e-mail: its arrival's decision sees arrival_view
    kOutbound = 1024,      // placed by its dialer: no arrivals; it holds a line from its dial
  };
  // A centre with any of these runs the blended instances of assign_idle_agents and free_agent.
  static constexpr std::uint16_t kBlendedTraits = kChat | kEmailWork | kOutbound;
  std::vector<std::uint16_t> traits_;
  std::uint16_t any_traits_ = 0;  // every type's together: a centre without a rule never reads traits_
  bool has_any(ContactTypeId k, std::uint16_t traits) const {
    return (any_traits_ & traits) != 0 && (traits_[index(k)] & traits) != 0;
  }
  std::vector<double> mean_handle_s_;           // per type: its talk and wrap-up laws' means
  std::vector<ContactId> carried_;              // day mode: e-mails still in the backlog at the close
  // Per queue: 1 for a chat type's; empty in a centre without chats or caps.
  std::vector<std::uint8_t> chat_queues_;
  // Per group, in a centre with caps by channel (else empty): the caps (kNoId: none).
  std::vector<std::uint32_t> email_cap_, chat_cap_;
  std::vector<std::uint8_t> shown_queues_;      // free_view's mask, rewritten for each decision
  // Outbound centres only: per type, its dials in progress; per group, the outbound type
  // whose dialer counts its idle agents (kNoId: none).
  std::vector<std::uint32_t> dials_in_progress_;
  std::vector<std::uint32_t> dialer_of_;
  std::vector<ContactTypeId> dialers_;  // the outbound types
  std::vector<std::uint64_t> dial_targets_;  // run_dialers' scratch, parallel to dialers_
  std::size_t next_dialer_ = 0;         // the dialer run_dialers serves first: the last one denied a line
  bool dialers_due_ = false;            // a DialersDue event is pending
  bool dialer_wants_line_ = false;      // a dialer stopped short for want of a free trunk line
  std::vector<GroupCounts> scratch_counts_;     // the counts a view shows, rewritten for each decision
                                                // (interrupt_work, capped_view)
  std::uint64_t absence_draws_ = 0;
  std::uint64_t busyness_draws_ = 0;

  std::uint32_t lines_busy_ = 0;  // only when trunk lines are limited
  std::uint32_t ports_busy_ = 0;

  std::uint32_t arrival_slot_ = 0;       // steady state: slot of an arrival now
  double arrivals_end_s_ = 0.0;          // no arrival at or after this time
  std::uint64_t counted_arrivals_ = 0;   // steady state with a call count
  std::uint32_t batch_ = 0;              // batch of the counted arrivals now
  std::uint64_t batch_end_ = 0;          // first counted arrival of the next batch
  bool arrivals_closed_ = false;
  double window_end_s_ = 0.0;  // when the observation window ended (on_window_end)
};

}  // namespace ccsim::models
