// models/call_center.h
// CallCenter: the state of one replication of a scenario — arrivals, trunks, IVR,
// one waiting queue per contact type, agent groups — and dispatch(Event), the one
// exhaustive switch that moves it. run() simulates until nothing is left to happen
// (calls in the system at the end of the window are finished) and returns the totals.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "models/agents/agent_group.h"
#include "models/arrivals/arrival_process.h"
#include "models/agents/idle_agents.h"
#include "models/contact_pool.h"
#include "models/events.h"
#include "models/ids.h"
#include "models/kpi/counters.h"
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
  struct TypeStreams {
    sim::Mrg32k3a patience, service, wrap_up, ivr_path, ivr_duration;
  };

  void schedule_first_events();
  void on_arrival(ContactTypeId k);
  void on_ivr_done(ContactId c);
  void on_patience_expired(ContactId c);
  void on_service_end(ContactId c);
  void on_slot_start(std::uint32_t slot);
  void on_window_end();
  void set_staffing(AgentGroupId g, std::uint32_t staffed);
  std::span<const EligibilityTimer> router_timers(ContactTypeId k) const;
  void schedule_router_timer(ContactId c, std::size_t i);
  void on_route_timer(ContactId c, std::size_t i);
  std::uint64_t next_batch_end() const;

  void route_to_agents(ContactId c);
  void start_service(ContactId c, AgentGroupId g);
  void agent_free(AgentGroupId g);
  void assign_idle_agents(AgentGroupId g);
  void leave_system(ContactId c);

  // Time integrals: flush an entity's area up to now before its value changes.
  void touch_queue(QueueId q);
  void touch_group(AgentGroupId g);
  void switch_time_slot(std::uint32_t slot);

  RoutingView view() const;
  void trace(TraceWhat what, std::uint32_t contact, std::uint32_t type, std::uint32_t group, double value = 0.0);
  double now() const { return engine_.now(); }
  void schedule(double t, CcEvent kind, CcPriority p, std::uint32_t subject, std::uint32_t generation = 0,
                std::uint8_t aux = 0) {
    engine_.schedule_at(t, static_cast<std::uint16_t>(kind), static_cast<std::uint8_t>(p), subject, generation, aux);
  }

  const ScenarioSpec& spec_;
  AnyRouter router_;
  TraceSink* trace_;
  sim::Engine<sim::CalendarQueue> engine_;
  ContactPool pool_;
  IdVector<QueueId, WaitingQueue> queues_;
  IdVector<AgentGroupId, AgentGroup> groups_;
  IdVector<AgentGroupId, IdleAgents> idle_agents_;  // kept only when track_idle_
  bool track_idle_ = false;                          // the policy routes by idle times
  IdVector<ContactTypeId, TypeStreams> streams_;
  IdVector<ContactTypeId, ArrivalProcess> arrivals_;
  // [type * groups + group]: the pair's index (kNoId when the type does not route to
  // the group) and its handle-time multiplier.
  struct PairInfo {
    std::uint32_t pair;
    double multiplier;
  };
  std::vector<PairInfo> pair_of_;
  ReplicationCounters counters_;

  std::uint32_t lines_busy_ = 0;
  std::uint32_t ports_busy_ = 0;

  std::uint32_t discard_slot_ = 0;       // index of the slot that collects what is not observed
  std::uint32_t arrival_slot_ = 0;       // steady state: slot of an arrival now
  std::uint32_t time_slot_ = 0;          // slot that time integrals go to now
  double time_slot_start_s_ = 0.0;
  std::vector<double> queue_touched_s_;  // per queue: time of its last flush
  std::vector<double> group_touched_s_;  // per group
  double arrivals_end_s_ = 0.0;          // no arrival at or after this time
  std::uint64_t counted_arrivals_ = 0;   // steady state with a call count
  std::uint32_t batch_ = 0;              // batch of the counted arrivals now
  std::uint64_t batch_end_ = 0;          // first counted arrival of the next batch
  bool arrivals_closed_ = false;
};

}  // namespace ccsim::models
