// models/kpi/kpi_names.h
// The KPI keys of the results contract (docs/kpis.md defines each one exactly).
// The order here is the order of every table and results file; append, never reorder.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ccsim::models {

enum class Kpi : std::uint8_t {
  Offered,
  Blocked,
  IvrContained,
  IvrAbandoned,
  Answered,
  Abandoned,
  PBlock,
  PWaitOverAdmitted,
  PAbandonOverAdmitted,
  ServiceLevel,
  SlOverAdmitted,
  SlOverAnswered,
  SlExcludingShortAbandons,
  AsaS,
  MeanWaitAdmittedS,
  Occupancy,
  MeanQueueLength,
  ScheduledAgents,
  PresentAgents,
  AgentsOnBreak,
  ProductiveAgents,
  OvertimeAgentMin,
  BreakLatenessS,
  PaidAgentHours,
  Cost,
  SlOverOffered,
  PWaitOverOffered,
  PAbandonOverOffered,
  AnsweredWithinT,
  AbandonedWithinT,
  PAbandonWithinTOverAdmitted,
  MeanWaitAbandonedS,
  SlWithin10sOverAdmitted,
  SlWithin20sOverAdmitted,
  SlWithin30sOverAdmitted,
  SlWithin60sOverAdmitted,
  MeanTimeInSystemS,
  MeanInSystem,
  MeanInIvr,
  IvrPortOccupancy,
  P50WaitAnsweredS,
  P90WaitAnsweredS,
  P95WaitAnsweredS,
  MaxWaitAnsweredS,
  Balked,
  TimedOut,
  Disconnected,
  PBalkOverOffered,
  PTimedOutOverOffered,
  PDisconnectedOverOffered,
  Redials,
  Customers,
  CustomersServed,
  PAbandonOverCustomers,
  PUnservedOverCustomers,
  Transfers,
  TransferredIn,
  Returns,
  CallbacksOffered,
  CallbacksAccepted,
  CallbacksCompleted,
  CallbacksFailed,
  PAcceptedOverCallbacksOffered,
  PCompletedOverCallbacksAccepted,
  MeanCallbackDelayS,
  CallbackAttempts,
  BacklogAtClose,
  SlIfBacklogLate,
  SlIfBacklogInTime,
  ChatConcurrency,
  ChatOccupancy,
  Interrupted,
  OccupancyVoice,
  OccupancyEmail,
  OccupancyChat,
  Dials,
  OccupancyOutbound,
  OldestWaitingS,
};

namespace internal {
// The key of each KPI. A new enumerator without a case here does not compile
// (-Werror=switch); a value past the last enumerator has no name.
constexpr std::string_view kpi_key(Kpi k) {
  switch (k) {
    case Kpi::Offered: return "offered";
    case Kpi::Blocked: return "blocked";
    case Kpi::IvrContained: return "ivr_contained";
    case Kpi::IvrAbandoned: return "ivr_abandoned";
    case Kpi::Answered: return "answered";
    case Kpi::Abandoned: return "abandoned";
    case Kpi::PBlock: return "p_block";
    case Kpi::PWaitOverAdmitted: return "p_wait_over_admitted";
    case Kpi::PAbandonOverAdmitted: return "p_abandon_over_admitted";
    case Kpi::ServiceLevel: return "service_level";
    case Kpi::SlOverAdmitted: return "sl_answered_within_t_over_admitted";
    case Kpi::SlOverAnswered: return "sl_answered_within_t_over_answered";
    case Kpi::SlExcludingShortAbandons: return "sl_excluding_short_abandons";
    case Kpi::AsaS: return "asa_s";
    case Kpi::MeanWaitAdmittedS: return "mean_wait_admitted_s";
    case Kpi::Occupancy: return "occupancy";
    case Kpi::MeanQueueLength: return "mean_queue_length";
    case Kpi::ScheduledAgents: return "scheduled_agents";
    case Kpi::PresentAgents: return "present_agents";
    case Kpi::AgentsOnBreak: return "agents_on_break";
    case Kpi::ProductiveAgents: return "productive_agents";
    case Kpi::OvertimeAgentMin: return "overtime_agent_min";
    case Kpi::BreakLatenessS: return "break_lateness_s";
    case Kpi::PaidAgentHours: return "paid_agent_hours";
    case Kpi::Cost: return "cost";
    case Kpi::SlOverOffered: return "sl_answered_within_t_over_offered";
    case Kpi::PWaitOverOffered: return "p_wait_over_offered";
    case Kpi::PAbandonOverOffered: return "p_abandon_over_offered";
    case Kpi::AnsweredWithinT: return "answered_within_t";
    case Kpi::AbandonedWithinT: return "abandoned_within_t";
    case Kpi::PAbandonWithinTOverAdmitted: return "p_abandon_within_t_over_admitted";
    case Kpi::MeanWaitAbandonedS: return "mean_wait_abandoned_s";
    case Kpi::SlWithin10sOverAdmitted: return "sl_answered_within_10s_over_admitted";
    case Kpi::SlWithin20sOverAdmitted: return "sl_answered_within_20s_over_admitted";
    case Kpi::SlWithin30sOverAdmitted: return "sl_answered_within_30s_over_admitted";
    case Kpi::SlWithin60sOverAdmitted: return "sl_answered_within_60s_over_admitted";
    case Kpi::MeanTimeInSystemS: return "mean_time_in_system_s";
    case Kpi::MeanInSystem: return "mean_in_system";
    case Kpi::MeanInIvr: return "mean_in_ivr";
    case Kpi::IvrPortOccupancy: return "ivr_port_occupancy";
    case Kpi::P50WaitAnsweredS: return "p50_wait_answered_s";
    case Kpi::P90WaitAnsweredS: return "p90_wait_answered_s";
    case Kpi::P95WaitAnsweredS: return "p95_wait_answered_s";
    case Kpi::MaxWaitAnsweredS: return "max_wait_answered_s";
    case Kpi::Balked: return "balked";
    case Kpi::TimedOut: return "timed_out";
    case Kpi::Disconnected: return "disconnected";
    case Kpi::PBalkOverOffered: return "p_balk_over_offered";
    case Kpi::PTimedOutOverOffered: return "p_timed_out_over_offered";
    case Kpi::PDisconnectedOverOffered: return "p_disconnected_over_offered";
    case Kpi::Redials: return "redials";
    case Kpi::Customers: return "customers";
    case Kpi::CustomersServed: return "customers_served";
    case Kpi::PAbandonOverCustomers: return "p_abandon_over_customers";
    case Kpi::PUnservedOverCustomers: return "p_unserved_over_customers";
    case Kpi::Transfers: return "transfers";
    case Kpi::TransferredIn: return "transferred_in";
    case Kpi::Returns: return "returns";
    case Kpi::CallbacksOffered: return "callbacks_offered";
    case Kpi::CallbacksAccepted: return "callbacks_accepted";
    case Kpi::CallbacksCompleted: return "callbacks_completed";
    case Kpi::CallbacksFailed: return "callbacks_failed";
    case Kpi::PAcceptedOverCallbacksOffered: return "p_accepted_over_callbacks_offered";
    case Kpi::PCompletedOverCallbacksAccepted: return "p_completed_over_callbacks_accepted";
    case Kpi::MeanCallbackDelayS: return "mean_callback_delay_s";
    case Kpi::CallbackAttempts: return "callback_attempts";
    case Kpi::BacklogAtClose: return "backlog_at_close";
    case Kpi::SlIfBacklogLate: return "sl_if_backlog_late";
    case Kpi::SlIfBacklogInTime: return "sl_if_backlog_in_time";
    case Kpi::ChatConcurrency: return "chat_concurrency";
    case Kpi::ChatOccupancy: return "chat_occupancy";
    case Kpi::Interrupted: return "interrupted";
    case Kpi::OccupancyVoice: return "occupancy_voice";
    case Kpi::OccupancyEmail: return "occupancy_email";
    case Kpi::OccupancyChat: return "occupancy_chat";
    case Kpi::Dials: return "dials";
    case Kpi::OccupancyOutbound: return "occupancy_outbound";
    case Kpi::OldestWaitingS: return "oldest_waiting_s";
  }
  return {};
}

constexpr std::size_t count_kpis() {
  std::size_t n = 0;
  while (!kpi_key(static_cast<Kpi>(n)).empty()) ++n;
  return n;
}
}  // namespace internal

// Counted from the enum itself, so the count, the names and the enum cannot disagree.
inline constexpr std::size_t kNumKpis = internal::count_kpis();

inline constexpr std::array<std::string_view, kNumKpis> kKpiNames = [] {
  std::array<std::string_view, kNumKpis> names{};
  for (std::size_t i = 0; i < kNumKpis; ++i) names[i] = internal::kpi_key(static_cast<Kpi>(i));
  return names;
}();

constexpr std::string_view kpi_name(Kpi k) { return internal::kpi_key(k); }

// KPIs whose value is a fraction in [0, 1] (shown as percentages; a target on one
// outside [0, 1] is a typo such as 5 for 5 %).
constexpr bool kpi_is_fraction(Kpi k) {
  switch (k) {
    case Kpi::PBlock:
    case Kpi::PWaitOverAdmitted:
    case Kpi::PAbandonOverAdmitted:
    case Kpi::ServiceLevel:
    case Kpi::SlOverAdmitted:
    case Kpi::SlOverAnswered:
    case Kpi::SlExcludingShortAbandons:
    case Kpi::Occupancy:
    case Kpi::SlOverOffered:
    case Kpi::PWaitOverOffered:
    case Kpi::PAbandonOverOffered:
    case Kpi::PAbandonWithinTOverAdmitted:
    case Kpi::SlWithin10sOverAdmitted:
    case Kpi::SlWithin20sOverAdmitted:
    case Kpi::SlWithin30sOverAdmitted:
    case Kpi::SlWithin60sOverAdmitted:
    case Kpi::IvrPortOccupancy:
    case Kpi::PBalkOverOffered:
    case Kpi::PTimedOutOverOffered:
    case Kpi::PDisconnectedOverOffered:
    case Kpi::PAbandonOverCustomers:
    case Kpi::PUnservedOverCustomers:
    case Kpi::PAcceptedOverCallbacksOffered:
    case Kpi::PCompletedOverCallbacksAccepted:
    case Kpi::SlIfBacklogLate:
    case Kpi::SlIfBacklogInTime:
    case Kpi::ChatOccupancy:
    case Kpi::OccupancyVoice:
    case Kpi::OccupancyEmail:
    case Kpi::OccupancyChat:
    case Kpi::OccupancyOutbound:
      return true;
    case Kpi::Offered:
    case Kpi::Blocked:
    case Kpi::IvrContained:
    case Kpi::IvrAbandoned:
    case Kpi::Answered:
    case Kpi::Abandoned:
    case Kpi::AsaS:
    case Kpi::MeanWaitAdmittedS:
    case Kpi::MeanQueueLength:
    case Kpi::ScheduledAgents:
    case Kpi::PresentAgents:
    case Kpi::AgentsOnBreak:
    case Kpi::ProductiveAgents:
    case Kpi::OvertimeAgentMin:
    case Kpi::BreakLatenessS:
    case Kpi::PaidAgentHours:
    case Kpi::Cost:
    case Kpi::AnsweredWithinT:
    case Kpi::AbandonedWithinT:
    case Kpi::MeanWaitAbandonedS:
    case Kpi::MeanTimeInSystemS:
    case Kpi::MeanInSystem:
    case Kpi::MeanInIvr:
    case Kpi::P50WaitAnsweredS:
    case Kpi::P90WaitAnsweredS:
    case Kpi::P95WaitAnsweredS:
    case Kpi::MaxWaitAnsweredS:
    case Kpi::Balked:
    case Kpi::TimedOut:
    case Kpi::Disconnected:
    case Kpi::Redials:
    case Kpi::Customers:
    case Kpi::CustomersServed:
    case Kpi::Transfers:
    case Kpi::TransferredIn:
    case Kpi::Returns:
    case Kpi::CallbacksOffered:
    case Kpi::CallbacksAccepted:
    case Kpi::CallbacksCompleted:
    case Kpi::CallbacksFailed:
    case Kpi::MeanCallbackDelayS:
    case Kpi::CallbackAttempts:
    case Kpi::BacklogAtClose:
    case Kpi::ChatConcurrency:
    case Kpi::Interrupted:
    case Kpi::Dials:
    case Kpi::OldestWaitingS:
      return false;
  }
  return false;
}

// KPIs of agents, which a contact type does not have (its value is always undefined).
constexpr bool kpi_of_agents(Kpi k) {
  return k == Kpi::Occupancy || k == Kpi::ChatConcurrency || k == Kpi::ChatOccupancy || k == Kpi::OccupancyVoice ||
         k == Kpi::OccupancyEmail || k == Kpi::OccupancyChat || k == Kpi::OccupancyOutbound;
}

constexpr std::optional<Kpi> kpi_from_name(std::string_view name) {
  for (std::size_t i = 0; i < kNumKpis; ++i)
    if (kKpiNames[i] == name) return static_cast<Kpi>(i);
  return std::nullopt;
}

// The fixed waits of the sl_answered_within_<N>s_over_admitted KPIs, in their order: one
// run gives the service level at the thresholds planners quote, whatever awt_s is.
inline constexpr std::array<double, 4> kSlThresholdsS = {10.0, 20.0, 30.0, 60.0};
inline constexpr std::array<Kpi, kSlThresholdsS.size()> kSlThresholdKpis = {
    Kpi::SlWithin10sOverAdmitted, Kpi::SlWithin20sOverAdmitted, Kpi::SlWithin30sOverAdmitted,
    Kpi::SlWithin60sOverAdmitted};

// The quantiles of the waits of answered calls, and the KPI of each, in their order.
inline constexpr std::array<double, 3> kWaitQuantiles = {0.50, 0.90, 0.95};
inline constexpr std::array<Kpi, kWaitQuantiles.size()> kWaitQuantileKpis = {
    Kpi::P50WaitAnsweredS, Kpi::P90WaitAnsweredS, Kpi::P95WaitAnsweredS};

// Keys renamed in December 2026, when every ratio came to name its real denominator
// (docs/kpis.md#renamed-keys). `sl_answered_within_t_over_offered` is not here: the name
// stayed, with its true denominator, and its former value is now ..._over_admitted.
struct RenamedKpi {
  std::string_view old_name;
  Kpi now;
};
inline constexpr std::array<RenamedKpi, 2> kRenamedKpis = {{
    {"p_wait", Kpi::PWaitOverAdmitted},
    {"p_abandon", Kpi::PAbandonOverAdmitted},
}};

// "p_abandon was renamed p_abandon_over_admitted (same value; ...)" for a renamed key, or
// empty: the hint an unknown-KPI message adds.
std::string renamed_kpi_hint(std::string_view name);

}  // namespace ccsim::models
