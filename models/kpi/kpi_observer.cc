#include "models/kpi/kpi_observer.h"

#include <utility>

namespace ccsim::models {

KpiObserver::KpiObserver(const ScenarioSpec& spec, std::size_t pairs, std::size_t slots, const WaitingQueue* queues,
                         const GroupCounts* groups, const ChannelCounts* chat)
    : queues_(queues),
      groups_(groups),
      discard_slot_(static_cast<std::uint32_t>(slots)),
      time_slot_(discard_slot_),
      queue_touched_s_(spec.contact_types.size(), 0.0),
      in_system_(spec.contact_types.size()),
      in_ivr_(spec.contact_types.size()),
      busy_touched_s_(spec.agent_groups.size(), 0.0),
      presence_touched_s_(spec.agent_groups.size(), 0.0),
      chat_(chat) {
  counters_.resize(spec.contact_types.size(), spec.agent_groups.size(), pairs, slots + 1);
  if (chat_) {
    chat_places_.assign(spec.agent_groups.size(), 0.0);
    session_touched_s_.assign(spec.agent_groups.size(), 0.0);
    email_touched_s_.assign(spec.agent_groups.size(), 0.0);
    outbound_touched_s_.assign(spec.agent_groups.size(), 0.0);
    for (const ContactTypeSpec& t : spec.contact_types)
      if (t.channel == Channel::Chat)
        for (const AgentGroupId g : t.groups) chat_places_[index(g)] = spec.agent_groups[g].chat_sessions;
  }
  for (const ContactTypeSpec& t : spec.contact_types) put_aside_.push_back(t.interruptible);
  for (std::size_t k = 0; k < spec.contact_types.size(); ++k) {
    const ServiceLevelSpec& sl = spec.service_level_of(make_id<ContactTypeId>(k));
    thresholds_.push_back({sl.awt_s, sl.short_abandon_s});
  }
  point_time_rows();
}

void KpiObserver::point_time_rows() {
  time_types_ = &counters_.type(time_slot_, 0);
  time_groups_ = &counters_.group(time_slot_, 0);
}

void KpiObserver::switch_time_slot(std::uint32_t slot, double now_s) {
  for (std::size_t q = 0; q < queue_touched_s_.size(); ++q) {
    queue_changes(make_id<QueueId>(q), now_s);
    // The head waited longest, but for interruptible e-mails: one put aside goes to the
    // front with its first enqueue time, younger perhaps than one put aside before it.
    if (!queues_[q].empty()) {
      const double enqueued_s = put_aside_[q] ? queues_[q].oldest_enqueue_s() : queues_[q].head().enqueue_s;
      time_types_[q].oldest_waiting_s = std::max(time_types_[q].oldest_waiting_s, now_s - enqueued_s);
    }
  }
  for (std::size_t g = 0; g < busy_touched_s_.size(); ++g) presence_changes(make_id<AgentGroupId>(g), now_s);
  for (std::size_t g = 0; g < session_touched_s_.size(); ++g) {
    sessions_change(make_id<AgentGroupId>(g), now_s);
    email_work_changes(make_id<AgentGroupId>(g), now_s);
    outbound_work_changes(make_id<AgentGroupId>(g), now_s);
  }
  for (std::size_t k = 0; k < in_system_.size(); ++k) {
    in_system_changes(make_id<ContactTypeId>(k), now_s, 0);
    in_ivr_changes(make_id<ContactTypeId>(k), now_s, 0);
  }
  counters_.slot_duration_s[time_slot_] += now_s - time_slot_start_s_;
  time_slot_ = slot;
  point_time_rows();
  time_slot_start_s_ = now_s;
}

ReplicationCounters KpiObserver::finish(double now_s, std::uint64_t unserved_at_end) {
  if (time_slot_ != discard_slot_) switch_time_slot(discard_slot_, now_s);
  counters_.unserved_at_end = unserved_at_end;
  const std::size_t slots = counters_.num_slots - 1;
  counters_.by_slot_type.resize(slots * counters_.num_types);
  counters_.by_slot_pair.resize(slots * counters_.num_pairs);
  counters_.by_slot_group.resize(slots * counters_.num_groups);
  counters_.slot_duration_s.resize(slots);
  counters_.num_slots = slots;
  return std::move(counters_);
}

}  // namespace ccsim::models
