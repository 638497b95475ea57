// tests/models/kpi/kpis_test.cc
// compute_kpis and compute_group_kpis give the numerator and denominator of exactly the
// KPIs that kpi_is_ratio lists, and each such KPI's value is their quotient.
#include "models/kpi/kpis.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstddef>

namespace ccsim::models {
namespace {

// Every counter different from 0 and from the others, so that no ratio is undefined and
// no two ratios can be mistaken for each other.
TypeCounters some_calls() {
  TypeCounters c;
  c.offered = 100;
  c.blocked_trunk = 3;
  c.blocked_ivr = 2;
  c.blocked_router = 1;
  c.ivr_contained = 5;
  c.ivr_abandoned = 4;
  c.answered = 60;
  c.answered_within_awt = 50;
  c.answered_within_fixed = {40, 49, 55, 58};
  c.abandoned = 10;
  c.abandoned_short = 2;
  c.abandoned_within_awt = 6;
  c.balked = 3;
  c.timed_out = 4;
  c.disconnected = 3;
  c.disconnected_unqueued = 1;
  c.backlog_at_close = 5;
  c.backlog_late_at_close = 2;
  c.backlog_over_fixed = {1, 2, 2, 3};
  c.redials = 8;
  c.customers_lost = 7;
  c.customers_abandoned = 4;
  c.callbacks_offered = 9;
  c.callbacks_accepted = 6;
  c.callbacks_completed = 5;
  c.callbacks_failed = 1;
  c.callback_delay_sum_s = 700;
  c.callback_attempts = 7;
  c.waited = 30;
  c.wait_sum_answered_s = 900;
  c.wait_sum_admitted_s = 1500;
  c.wait_sum_abandoned_s = 400;
  c.queue_area = 7000;
  c.ivr_area = 4500;
  c.system_area = 30000;
  c.sojourn_sum_s = 27000;
  return c;
}

GroupCounters some_agents() {
  GroupCounters g;
  g.answered = 60;
  g.busy_area = 20000;
  g.present_area = 30000;
  g.staffed_area = 29000;
  g.scheduled_area = 31000;
  g.break_area = 2000;
  g.unpaid_break_area = 1000;
  g.breaks_taken = 3;
  g.break_lateness_sum_s = 90;
  g.session_area = 9000;
  g.chatting_area = 5000;
  g.chat_place_area = 12000;
  return g;
}

void expect_parts_of_ratios_only(const KpiValues& v, const KpiRatios& parts) {
  for (std::size_t i = 0; i < kNumKpis; ++i) {
    const auto k = static_cast<Kpi>(i);
    if (std::isnan(parts[i].den)) continue;
    EXPECT_TRUE(kpi_is_ratio(k)) << kpi_name(k) << " has a numerator and denominator but is no ratio";
    EXPECT_EQ(v[i], parts[i].num / parts[i].den) << kpi_name(k);
  }
}

TEST(Kpis, GiveTheNumeratorAndDenominatorOfEveryRatioKpi) {
  for (const SlDefinition d : {SlDefinition::AnsweredWithinTOverAdmitted, SlDefinition::AnsweredWithinTOverOffered,
                               SlDefinition::AnsweredWithinTOverAnswered, SlDefinition::ExcludingShortAbandons}) {
    const GroupCounters agents = some_agents();
    KpiRatios parts;
    const KpiValues v = compute_kpis(some_calls(), &agents, 1800, ServiceLevelSpec{.definition = d}, 60, &parts);
    for (std::size_t i = 0; i < kNumKpis; ++i)
      EXPECT_EQ(!std::isnan(parts[i].den), kpi_is_ratio(static_cast<Kpi>(i))) << kpi_name(static_cast<Kpi>(i));
    expect_parts_of_ratios_only(v, parts);
  }
}

// Three e-mails not yet due at the close (5 in the backlog, 2 past due): each definition's
// service level once they are answered, with the three late and with the three in time.
// Over answered e-mails it also counts the two past due, answered late in the end.
TEST(Kpis, TheBacklogBoundsFollowTheServiceLevelsDefinition) {
  // Admitted: 60 answered + 10 abandoned + 4 timed out + (3 - 1) disconnected waiting + 2 late.
  const double admitted = 78, not_yet_due = 3, within = 50;
  const struct {
    SlDefinition definition;
    double denominator;  // of the service level as defined
  } cases[] = {{SlDefinition::AnsweredWithinTOverAdmitted, admitted},
               {SlDefinition::AnsweredWithinTOverOffered, 100 - not_yet_due},
               {SlDefinition::AnsweredWithinTOverAnswered, 60 + 2},
               {SlDefinition::ExcludingShortAbandons, admitted - 2}};
  for (const auto& c : cases) {
    const KpiValues v = compute_kpis(some_calls(), nullptr, 1800, ServiceLevelSpec{.definition = c.definition},
                                     std::nullopt, nullptr);
    const auto at = [&](Kpi k) { return v[static_cast<std::size_t>(k)]; };
    EXPECT_DOUBLE_EQ(at(Kpi::SlIfBacklogLate), within / (c.denominator + not_yet_due));
    EXPECT_DOUBLE_EQ(at(Kpi::SlIfBacklogInTime), (within + not_yet_due) / (c.denominator + not_yet_due));
    EXPECT_LE(at(Kpi::SlIfBacklogLate), at(Kpi::ServiceLevel));
    // The value over answered e-mails leaves the late ones out: above both bounds here.
    if (c.definition == SlDefinition::AnsweredWithinTOverAnswered)
      EXPECT_GT(at(Kpi::ServiceLevel), at(Kpi::SlIfBacklogInTime));
    else
      EXPECT_LE(at(Kpi::ServiceLevel), at(Kpi::SlIfBacklogInTime));
  }
  const KpiValues v = compute_kpis(some_calls(), nullptr, 1800, ServiceLevelSpec{}, std::nullopt, nullptr);
  EXPECT_DOUBLE_EQ(v[static_cast<std::size_t>(Kpi::SlOverAdmitted)], within / admitted);
  EXPECT_DOUBLE_EQ(v[static_cast<std::size_t>(Kpi::SlOverOffered)], within / 100);
  // Those that had waited past 60 s are certain misses; the one that had not, undecided.
  EXPECT_DOUBLE_EQ(v[static_cast<std::size_t>(Kpi::SlWithin60sOverAdmitted)], 58 / (admitted + 3));
  EXPECT_DOUBLE_EQ(v[static_cast<std::size_t>(Kpi::PWaitOverOffered)], (30 + not_yet_due) / 100);
  EXPECT_DOUBLE_EQ(v[static_cast<std::size_t>(Kpi::BacklogAtClose)], 5);
}

// A contact type has no agents: its occupancy and break lateness are no ratio of anything.
TEST(Kpis, GiveNoPartsForWhatALevelDoesNotHave) {
  KpiRatios parts;
  const KpiValues type = compute_kpis(some_calls(), nullptr, 1800, ServiceLevelSpec{}, std::nullopt, &parts);
  EXPECT_TRUE(std::isnan(parts[static_cast<std::size_t>(Kpi::Occupancy)].den));
  EXPECT_TRUE(std::isnan(parts[static_cast<std::size_t>(Kpi::BreakLatenessS)].den));
  expect_parts_of_ratios_only(type, parts);

  const KpiValues group = compute_group_kpis(some_agents(), 1800, &parts);
  EXPECT_EQ(parts[static_cast<std::size_t>(Kpi::Occupancy)].den, 28000.0) << "productive: present less on break";
  EXPECT_EQ(parts[static_cast<std::size_t>(Kpi::BreakLatenessS)].den, 3.0);
  EXPECT_EQ(group[static_cast<std::size_t>(Kpi::ChatConcurrency)], 1.8) << "sessions per chatting agent";
  EXPECT_EQ(group[static_cast<std::size_t>(Kpi::ChatOccupancy)], 0.75) << "sessions over places";
  EXPECT_TRUE(std::isnan(parts[static_cast<std::size_t>(Kpi::ServiceLevel)].den)) << "the parts of the call before";
  expect_parts_of_ratios_only(group, parts);
}

// A denominator of 0 leaves the value undefined and the parts 0 over 0: the ratio of
// means counts that observation, the mean of ratios leaves it out.
TEST(Kpis, AnEmptyObservationHasPartsZeroOverZero) {
  KpiRatios parts;
  const KpiValues v = compute_kpis(TypeCounters{}, nullptr, 1800, ServiceLevelSpec{}, std::nullopt, &parts);
  const auto asa = static_cast<std::size_t>(Kpi::AsaS);
  EXPECT_TRUE(std::isnan(v[asa]));
  EXPECT_EQ(parts[asa].num, 0.0);
  EXPECT_EQ(parts[asa].den, 0.0);
}

}  // namespace
}  // namespace ccsim::models
