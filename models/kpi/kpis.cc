#include "models/kpi/kpis.h"

#include <algorithm>
#include <limits>

namespace ccsim::models {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double ratio(double num, double den) { return den > 0.0 ? num / den : kNaN; }

void set(KpiValues& v, Kpi k, double x) { v[static_cast<std::size_t>(k)] = x; }
double get(const KpiValues& v, Kpi k) { return v[static_cast<std::size_t>(k)]; }

// Occupancy is over productive time: agents logged on and not on a break.
double occupancy(const GroupCounters& g) { return ratio(g.busy_area, g.present_area - g.break_area); }

void set_workforce(KpiValues& v, const GroupCounters& g, double duration_s) {
  set(v, Kpi::ScheduledAgents, ratio(g.scheduled_area, duration_s));
  set(v, Kpi::PresentAgents, ratio(g.present_area, duration_s));
  set(v, Kpi::AgentsOnBreak, ratio(g.break_area, duration_s));
  set(v, Kpi::ProductiveAgents, ratio(g.present_area - g.break_area, duration_s));
  // Logged on but no longer on duty: finishing a contact after the shift ended.
  set(v, Kpi::OvertimeAgentMin, (g.present_area - g.staffed_area) / 60.0);
  set(v, Kpi::BreakLatenessS, ratio(g.break_lateness_sum_s, static_cast<double>(g.breaks_taken)));
  set(v, Kpi::PaidAgentHours, (g.present_area - g.unpaid_break_area) / 3600.0);
}

}  // namespace

KpiValues compute_kpis(const TypeCounters& c, const GroupCounters* g, double duration_s,
                       const ServiceLevelSpec& sl, std::optional<std::uint32_t> ivr_ports) {
  KpiValues v;
  v.fill(kNaN);
  const auto d = [](std::uint64_t n) { return static_cast<double>(n); };
  const double blocked = d(c.blocked_trunk + c.blocked_ivr + c.blocked_router);
  // Joined the agent queue (or found an agent at once), whatever ended the wait.
  const double admitted = d(c.answered + c.abandoned + c.timed_out + c.disconnected - c.disconnected_unqueued);
  set(v, Kpi::Offered, d(c.offered));
  set(v, Kpi::Blocked, blocked);
  set(v, Kpi::IvrContained, d(c.ivr_contained));
  set(v, Kpi::IvrAbandoned, d(c.ivr_abandoned));
  set(v, Kpi::Answered, d(c.answered));
  set(v, Kpi::Abandoned, d(c.abandoned));
  set(v, Kpi::PBlock, ratio(blocked, d(c.offered)));
  const double offered = d(c.offered);
  set(v, Kpi::Balked, d(c.balked));
  set(v, Kpi::TimedOut, d(c.timed_out));
  set(v, Kpi::Disconnected, d(c.disconnected));
  set(v, Kpi::PBalkOverOffered, ratio(d(c.balked), offered));
  set(v, Kpi::PTimedOutOverOffered, ratio(d(c.timed_out), offered));
  set(v, Kpi::PDisconnectedOverOffered, ratio(d(c.disconnected), offered));
  set(v, Kpi::Redials, d(c.redials));
  set(v, Kpi::Customers, d(c.customers()));
  set(v, Kpi::CustomersServed, d(c.customers_served()));
  set(v, Kpi::PAbandonOverCustomers, ratio(d(c.customers_abandoned), d(c.customers())));
  set(v, Kpi::PUnservedOverCustomers, ratio(d(c.customers() - c.customers_served()), d(c.customers())));
  set(v, Kpi::Transfers, d(c.transfers));
  set(v, Kpi::TransferredIn, d(c.transferred_in));
  set(v, Kpi::Returns, d(c.returns));
  set(v, Kpi::PWaitOverAdmitted, ratio(d(c.waited), admitted));
  set(v, Kpi::PWaitOverOffered, ratio(d(c.waited), offered));
  set(v, Kpi::PAbandonOverAdmitted, ratio(d(c.abandoned), admitted));
  set(v, Kpi::PAbandonOverOffered, ratio(d(c.abandoned), offered));
  set(v, Kpi::PAbandonWithinTOverAdmitted, ratio(d(c.abandoned_within_awt), admitted));
  set(v, Kpi::AnsweredWithinT, d(c.answered_within_awt));
  set(v, Kpi::AbandonedWithinT, d(c.abandoned_within_awt));
  set(v, Kpi::SlOverAdmitted, ratio(d(c.answered_within_awt), admitted));
  set(v, Kpi::SlOverOffered, ratio(d(c.answered_within_awt), offered));
  set(v, Kpi::SlOverAnswered, ratio(d(c.answered_within_awt), d(c.answered)));
  set(v, Kpi::SlExcludingShortAbandons, ratio(d(c.answered_within_awt), admitted - d(c.abandoned_short)));
  for (std::size_t i = 0; i < kSlThresholdKpis.size(); ++i)
    set(v, kSlThresholdKpis[i], ratio(d(c.answered_within_fixed[i]), admitted));
  switch (sl.definition) {
    case SlDefinition::AnsweredWithinTOverAdmitted: set(v, Kpi::ServiceLevel, get(v, Kpi::SlOverAdmitted)); break;
    case SlDefinition::AnsweredWithinTOverOffered: set(v, Kpi::ServiceLevel, get(v, Kpi::SlOverOffered)); break;
    case SlDefinition::AnsweredWithinTOverAnswered: set(v, Kpi::ServiceLevel, get(v, Kpi::SlOverAnswered)); break;
    case SlDefinition::ExcludingShortAbandons:
      set(v, Kpi::ServiceLevel, get(v, Kpi::SlExcludingShortAbandons));
      break;
  }
  set(v, Kpi::AsaS, ratio(c.wait_sum_answered_s, d(c.answered)));
  set(v, Kpi::MeanWaitAdmittedS, ratio(c.wait_sum_admitted_s, admitted));
  set(v, Kpi::MeanWaitAbandonedS, ratio(c.wait_sum_abandoned_s, d(c.abandoned)));
  std::array<double, kWaitQuantiles.size()> quantiles{};
  c.answered_waits.quantiles(kWaitQuantiles, quantiles);
  for (std::size_t i = 0; i < kWaitQuantileKpis.size(); ++i) set(v, kWaitQuantileKpis[i], quantiles[i]);
  if (c.answered > 0) set(v, Kpi::MaxWaitAnsweredS, c.answered_waits.max_s());
  set(v, Kpi::MeanQueueLength, ratio(c.queue_area, duration_s));
  set(v, Kpi::MeanTimeInSystemS, ratio(c.sojourn_sum_s, offered - d(c.blocked_trunk + c.blocked_ivr)));
  set(v, Kpi::MeanInSystem, ratio(c.system_area, duration_s));
  set(v, Kpi::MeanInIvr, ratio(c.ivr_area, duration_s));
  if (ivr_ports) set(v, Kpi::IvrPortOccupancy, ratio(c.ivr_area, *ivr_ports * duration_s));
  if (g) {
    set(v, Kpi::Occupancy, occupancy(*g));
    set_workforce(v, *g, duration_s);
  }
  return v;
}

KpiValues compute_group_kpis(const GroupCounters& g, double duration_s) {
  KpiValues v;
  v.fill(kNaN);
  set(v, Kpi::Answered, static_cast<double>(g.answered));
  set(v, Kpi::Occupancy, occupancy(g));
  set_workforce(v, g, duration_s);
  return v;
}

bool kpi_shown(const ScenarioSpec& spec, Kpi k) {
  const auto any_type = [&](auto has) { return std::ranges::any_of(spec.contact_types, has); };
  switch (k) {
    case Kpi::Cost: return spec.has_costs();
    case Kpi::Balked:
    case Kpi::PBalkOverOffered:
      return any_type([](const ContactTypeSpec& t) { return !t.balk_p_by_queue_length.empty(); });
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
        return t.redial.has_value() || !t.transfers.empty() || t.returns.has_value();
      });
    case Kpi::Transfers:
    case Kpi::TransferredIn:
      return any_type([](const ContactTypeSpec& t) { return !t.transfers.empty(); });
    case Kpi::Returns:
      return any_type([](const ContactTypeSpec& t) { return t.returns.has_value(); });
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
