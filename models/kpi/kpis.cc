#include "models/kpi/kpis.h"

#include <algorithm>
#include <limits>

namespace ccsim::models {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double ratio(double num, double den) { return den > 0.0 ? num / den : kNaN; }

// One observation's KPI values and, when asked for, the num and den of its ratio KPIs:
// a ratio is set through set_ratio only, so that its value is always its num / den.
class KpiWriter {
 public:
  explicit KpiWriter(KpiRatios* ratios) : ratios_(ratios) {
    values_.fill(kNaN);
    if (ratios_) *ratios_ = KpiRatios{};
  }
  void set(Kpi k, double x) { values_[at(k)] = x; }
  void set_ratio(Kpi k, double num, double den) {
    values_[at(k)] = ratio(num, den);
    if (ratios_) (*ratios_)[at(k)] = {num, den};
  }
  // service_level is one of the ratios it names.
  void copy(Kpi to, Kpi from) {
    values_[at(to)] = values_[at(from)];
    if (ratios_) (*ratios_)[at(to)] = (*ratios_)[at(from)];
  }
  const KpiValues& values() const { return values_; }

 private:
  static std::size_t at(Kpi k) { return static_cast<std::size_t>(k); }
  KpiValues values_;
  KpiRatios* ratios_;
};

// Occupancy is over productive time: agents logged on and not on a break; by channel, the
// share of it on e-mail (an item's talk and wrap-up), holding chats, and on calls (the
// rest of the busy time; at least 0, which rounding of the three sums could cross).
// Chat: the sessions an agent holding one holds on average, and the share of the places
// its agents could hold that are held.
void set_occupancy(KpiWriter& w, const GroupCounters& g) {
  const double productive = g.present_area - g.break_area;
  w.set_ratio(Kpi::Occupancy, g.busy_area, productive);
  w.set_ratio(Kpi::OccupancyVoice,
              std::max(0.0, g.busy_area - g.email_area - g.chatting_area - g.outbound_area), productive);
  w.set_ratio(Kpi::OccupancyEmail, g.email_area, productive);
  w.set_ratio(Kpi::OccupancyOutbound, g.outbound_area, productive);
  w.set_ratio(Kpi::OccupancyChat, g.chatting_area, productive);
  w.set_ratio(Kpi::ChatConcurrency, g.session_area, g.chatting_area);
  w.set_ratio(Kpi::ChatOccupancy, g.session_area, g.chat_place_area);
}

void set_workforce(KpiWriter& w, const GroupCounters& g, double duration_s) {
  w.set(Kpi::ScheduledAgents, ratio(g.scheduled_area, duration_s));
  w.set(Kpi::PresentAgents, ratio(g.present_area, duration_s));
  w.set(Kpi::AgentsOnBreak, ratio(g.break_area, duration_s));
  w.set(Kpi::ProductiveAgents, ratio(g.present_area - g.break_area, duration_s));
  // Logged on but no longer on duty: finishing a contact after the shift ended.
  w.set(Kpi::OvertimeAgentMin, (g.present_area - g.staffed_area) / 60.0);
  w.set_ratio(Kpi::BreakLatenessS, g.break_lateness_sum_s, static_cast<double>(g.breaks_taken));
  w.set(Kpi::PaidAgentHours, (g.present_area - g.unpaid_break_area) / 3600.0);
}

}  // namespace

KpiValues compute_kpis(const TypeCounters& c, const GroupCounters* g, double duration_s,
                       const ServiceLevelSpec& sl, std::optional<std::uint32_t> ivr_ports, KpiRatios* ratios) {
  KpiWriter w(ratios);
  const auto d = [](std::uint64_t n) { return static_cast<double>(n); };
  const double blocked = d(c.blocked_trunk + c.blocked_ivr + c.blocked_router);
  // Joined the agent queue (or found an agent at once), whatever ended the wait.
  const double admitted = d(c.answered + c.abandoned + c.timed_out + c.disconnected - c.disconnected_unqueued +
                            c.backlog_late_at_close);
  // An e-mail still in the backlog at the close within its due time: it waited, and its
  // outcome is the next day's.
  const double not_yet_due = d(c.backlog_at_close - c.backlog_late_at_close);
  w.set(Kpi::Offered, d(c.offered));
  w.set(Kpi::Blocked, blocked);
  w.set(Kpi::IvrContained, d(c.ivr_contained));
  w.set(Kpi::IvrAbandoned, d(c.ivr_abandoned));
  w.set(Kpi::Answered, d(c.answered));
  w.set(Kpi::Abandoned, d(c.abandoned));
  w.set_ratio(Kpi::PBlock, blocked, d(c.offered));
  const double offered = d(c.offered);
  w.set(Kpi::Balked, d(c.balked));
  w.set(Kpi::Interrupted, d(c.interrupted));
  w.set(Kpi::Dials, d(c.dials));
  w.set(Kpi::OldestWaitingS, c.oldest_waiting_s);
  w.set(Kpi::TimedOut, d(c.timed_out));
  w.set(Kpi::Disconnected, d(c.disconnected));
  w.set_ratio(Kpi::PBalkOverOffered, d(c.balked), offered);
  w.set_ratio(Kpi::PTimedOutOverOffered, d(c.timed_out), offered);
  w.set_ratio(Kpi::PDisconnectedOverOffered, d(c.disconnected), offered);
  w.set(Kpi::Redials, d(c.redials));
  w.set(Kpi::Customers, d(c.customers()));
  w.set(Kpi::CustomersServed, d(c.customers_served()));
  w.set_ratio(Kpi::PAbandonOverCustomers, d(c.customers_abandoned), d(c.customers()));
  w.set_ratio(Kpi::PUnservedOverCustomers, d(c.customers() - c.customers_served()), d(c.customers()));
  w.set(Kpi::Transfers, d(c.transfers));
  w.set(Kpi::TransferredIn, d(c.transferred_in));
  w.set(Kpi::Returns, d(c.returns));
  w.set(Kpi::CallbacksOffered, d(c.callbacks_offered));
  w.set(Kpi::CallbacksAccepted, d(c.callbacks_accepted));
  w.set(Kpi::CallbacksCompleted, d(c.callbacks_completed));
  w.set(Kpi::CallbacksFailed, d(c.callbacks_failed));
  w.set_ratio(Kpi::PAcceptedOverCallbacksOffered, d(c.callbacks_accepted), d(c.callbacks_offered));
  w.set_ratio(Kpi::PCompletedOverCallbacksAccepted, d(c.callbacks_completed), d(c.callbacks_accepted));
  w.set_ratio(Kpi::MeanCallbackDelayS, c.callback_delay_sum_s, d(c.callbacks_completed));
  w.set(Kpi::CallbackAttempts, d(c.callback_attempts));
  w.set_ratio(Kpi::PWaitOverAdmitted, d(c.waited), admitted);
  w.set_ratio(Kpi::PWaitOverOffered, d(c.waited) + not_yet_due, offered);
  w.set_ratio(Kpi::PAbandonOverAdmitted, d(c.abandoned), admitted);
  w.set_ratio(Kpi::PAbandonOverOffered, d(c.abandoned), offered);
  w.set_ratio(Kpi::PAbandonWithinTOverAdmitted, d(c.abandoned_within_awt), admitted);
  w.set(Kpi::AnsweredWithinT, d(c.answered_within_awt));
  w.set(Kpi::AbandonedWithinT, d(c.abandoned_within_awt));
  w.set_ratio(Kpi::SlOverAdmitted, d(c.answered_within_awt), admitted);
  w.set_ratio(Kpi::SlOverOffered, d(c.answered_within_awt), offered);
  w.set_ratio(Kpi::SlOverAnswered, d(c.answered_within_awt), d(c.answered));
  w.set_ratio(Kpi::SlExcludingShortAbandons, d(c.answered_within_awt), admitted - d(c.abandoned_short));
  for (std::size_t i = 0; i < kSlThresholdKpis.size(); ++i)
    w.set_ratio(kSlThresholdKpis[i], d(c.answered_within_fixed[i]), admitted + d(c.backlog_over_fixed[i]));
  // An e-mail not yet due at the close may yet be answered in time or not: a one-day run
  // bounds the service level its definition gives once the backlog is answered, between
  // counting every such e-mail late and counting each in time. Over offered contacts it is
  // already in the denominator.
  double sl_denominator = admitted;
  switch (sl.definition) {
    case SlDefinition::AnsweredWithinTOverAdmitted: w.copy(Kpi::ServiceLevel, Kpi::SlOverAdmitted); break;
    case SlDefinition::AnsweredWithinTOverOffered:
      w.copy(Kpi::ServiceLevel, Kpi::SlOverOffered);
      sl_denominator = offered - not_yet_due;
      break;
    case SlDefinition::AnsweredWithinTOverAnswered:
      // Every e-mail is answered in the end: those past due at the close, late.
      w.copy(Kpi::ServiceLevel, Kpi::SlOverAnswered);
      sl_denominator = d(c.answered + c.backlog_late_at_close);
      break;
    case SlDefinition::ExcludingShortAbandons:
      w.copy(Kpi::ServiceLevel, Kpi::SlExcludingShortAbandons);
      sl_denominator = admitted - d(c.abandoned_short);
      break;
  }
  w.set(Kpi::BacklogAtClose, d(c.backlog_at_close));
  w.set_ratio(Kpi::SlIfBacklogLate, d(c.answered_within_awt), sl_denominator + not_yet_due);
  w.set_ratio(Kpi::SlIfBacklogInTime, d(c.answered_within_awt) + not_yet_due, sl_denominator + not_yet_due);
  w.set_ratio(Kpi::AsaS, c.wait_sum_answered_s, d(c.answered));
  w.set_ratio(Kpi::MeanWaitAdmittedS, c.wait_sum_admitted_s, admitted);
  w.set_ratio(Kpi::MeanWaitAbandonedS, c.wait_sum_abandoned_s, d(c.abandoned));
  std::array<double, kWaitQuantiles.size()> quantiles{};
  c.answered_waits.quantiles(kWaitQuantiles, quantiles);
  for (std::size_t i = 0; i < kWaitQuantileKpis.size(); ++i) w.set(kWaitQuantileKpis[i], quantiles[i]);
  if (c.answered > 0) w.set(Kpi::MaxWaitAnsweredS, c.answered_waits.max_s());
  w.set(Kpi::MeanQueueLength, ratio(c.queue_area, duration_s));
  w.set_ratio(Kpi::MeanTimeInSystemS, c.sojourn_sum_s,
              offered - d(c.blocked_trunk + c.blocked_ivr + c.backlog_at_close - c.backlog_late_at_close));
  w.set(Kpi::MeanInSystem, ratio(c.system_area, duration_s));
  w.set(Kpi::MeanInIvr, ratio(c.ivr_area, duration_s));
  if (ivr_ports) w.set(Kpi::IvrPortOccupancy, ratio(c.ivr_area, *ivr_ports * duration_s));
  if (g) {
    set_occupancy(w, *g);
    set_workforce(w, *g, duration_s);
  }
  return w.values();
}

KpiValues compute_group_kpis(const GroupCounters& g, double duration_s, KpiRatios* ratios) {
  KpiWriter w(ratios);
  w.set(Kpi::Answered, static_cast<double>(g.answered));
  set_occupancy(w, g);
  set_workforce(w, g, duration_s);
  return w.values();
}

bool kpi_shown(const ScenarioSpec& spec, Kpi k) {
  const auto any_type = [&](auto has) { return std::ranges::any_of(spec.contact_types, has); };
  switch (k) {
    case Kpi::Cost: return spec.has_costs();
    case Kpi::Balked:
    case Kpi::PBalkOverOffered:
      return any_type([](const ContactTypeSpec& t) { return t.balks(); });
    case Kpi::TimedOut:
    case Kpi::PTimedOutOverOffered:
      return any_type([](const ContactTypeSpec& t) { return t.max_wait_s.has_value(); });
    case Kpi::Disconnected:
    case Kpi::PDisconnectedOverOffered:
      return spec.mode == RunMode::Day && spec.closing != Closing::ServeAfterClose;
    case Kpi::Redials:
      return any_type([](const ContactTypeSpec& t) { return t.redial.has_value(); });
    // Without redials, transfers and returns, a customer is a call: the call basis says it all.
    case Kpi::Customers:
    case Kpi::CustomersServed:
    case Kpi::PAbandonOverCustomers:
    case Kpi::PUnservedOverCustomers:
      return any_type([](const ContactTypeSpec& t) {
        return t.redial.has_value() || !t.transfers.empty() || t.returns.has_value() || t.callback.has_value();
      });
    case Kpi::Transfers:
    case Kpi::TransferredIn:
      return any_type([](const ContactTypeSpec& t) { return !t.transfers.empty(); });
    case Kpi::Returns:
      return any_type([](const ContactTypeSpec& t) { return t.returns.has_value(); });
    case Kpi::CallbacksOffered:
    case Kpi::CallbacksAccepted:
    case Kpi::CallbacksCompleted:
    case Kpi::CallbacksFailed:
    case Kpi::PAcceptedOverCallbacksOffered:
    case Kpi::PCompletedOverCallbacksAccepted:
    case Kpi::MeanCallbackDelayS:
    case Kpi::CallbackAttempts:
      return any_type([](const ContactTypeSpec& t) { return t.callback.has_value(); });
    case Kpi::ChatConcurrency:
    case Kpi::ChatOccupancy:
      return any_type([](const ContactTypeSpec& t) { return t.channel == Channel::Chat; });
    case Kpi::Interrupted:
      return any_type([](const ContactTypeSpec& t) { return t.interruptible; });
    case Kpi::Dials:
      return any_type([](const ContactTypeSpec& t) { return t.channel == Channel::Outbound; });
    case Kpi::OldestWaitingS:
      return any_type([](const ContactTypeSpec& t) { return t.channel == Channel::Email; });
    // By channel: where there is more than one, for each channel some type is of.
    case Kpi::OccupancyVoice:
    case Kpi::OccupancyEmail:
    case Kpi::OccupancyChat:
    case Kpi::OccupancyOutbound: {
      const Channel c = k == Kpi::OccupancyVoice   ? Channel::Voice
                        : k == Kpi::OccupancyEmail ? Channel::Email
                        : k == Kpi::OccupancyChat  ? Channel::Chat
                                                   : Channel::Outbound;
      return any_type([&](const ContactTypeSpec& t) { return t.channel == c; }) &&
             any_type([&](const ContactTypeSpec& t) { return t.channel != c; });
    }
    case Kpi::BacklogAtClose:
    case Kpi::SlIfBacklogLate:
    case Kpi::SlIfBacklogInTime:
      return spec.mode == RunMode::Day &&
             any_type([](const ContactTypeSpec& t) { return t.channel == Channel::Email; });
    default: return true;
  }
}

double agent_cost(const GroupCounters& g, double per_hour) {
  return per_hour * (g.present_area - g.unpaid_break_area) / 3600.0;
}

double call_cost(const TypeCounters& c, const std::optional<CostSpec>& costs) {
  if (!costs) return 0.0;
  const std::uint64_t lost = c.abandoned + c.balked + c.timed_out + c.disconnected;
  return costs->per_abandoned_call * static_cast<double>(lost) +
         costs->per_answered_call * static_cast<double>(c.answered);
}

}  // namespace ccsim::models
