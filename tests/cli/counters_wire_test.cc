// tests/cli/counters_wire_test.cc
// ReplicationCounters through the MPI wire format: every field back equal, doubles to
// the bit, and malformed buffers refused.
#include "cli/counters_wire.h"

#include <cstring>
#include <stdexcept>

#include <gtest/gtest.h>

#include "models/replication.h"
#include "models/scenario/load.h"

namespace ccsim::cli {
namespace {

using models::ReplicationCounters;

// A real replication of a multi-skill day: every table has rows and most fields are non-zero.
ReplicationCounters sample() {
  const models::ScenarioSpec spec =
      models::load_scenario_file(std::string(CCSIM_SOURCE_DIR) + "/scenarios/examples/single_day_ivr.json");
  ReplicationCounters c = models::run_replication(spec, models::make_router(spec), 3);
  c.unserved_at_end = 7;  // zero in a well-staffed day
  c.backlog_at_close = 5;  // zero without e-mail
  return c;
}

template <class T>
bool same_bytes(const std::vector<T>& a, const std::vector<T>& b) {
  return a.size() == b.size() && (a.empty() || std::memcmp(a.data(), b.data(), a.size() * sizeof(T)) == 0);
}

TEST(CountersWire, RoundTripGivesBackEveryFieldBitForBit) {
  const ReplicationCounters c = sample();
  ASSERT_GT(c.num_pairs, 0u);
  ASSERT_GT(c.by_slot_type.front().wait_sum_admitted_s + c.by_slot_type.back().queue_area, 0.0);
  const std::vector<std::byte> bytes = counters_to_bytes(c);
  const ReplicationCounters back = counters_from_bytes(bytes);

  EXPECT_EQ(back, c);  // defaulted operator==: every field of every struct, in every table
  EXPECT_EQ(back.num_types, c.num_types);
  EXPECT_EQ(back.num_groups, c.num_groups);
  EXPECT_EQ(back.num_slots, c.num_slots);
  EXPECT_EQ(back.num_pairs, c.num_pairs);
  EXPECT_EQ(back.events, c.events);
  EXPECT_EQ(back.draws, c.draws);
  EXPECT_EQ(back.arrivals, c.arrivals);
  EXPECT_EQ(back.unserved_at_end, 7u);
  EXPECT_EQ(back.backlog_at_close, 5u);
  EXPECT_EQ(back.fingerprint, c.fingerprint);
  EXPECT_TRUE(same_bytes(back.by_slot_type, c.by_slot_type));
  EXPECT_TRUE(same_bytes(back.by_slot_pair, c.by_slot_pair));
  EXPECT_TRUE(same_bytes(back.by_slot_group, c.by_slot_group));
  EXPECT_TRUE(same_bytes(back.slot_duration_s, c.slot_duration_s));
}

TEST(CountersWire, EmptyCountersRoundTrip) {
  const ReplicationCounters empty;
  EXPECT_EQ(counters_from_bytes(counters_to_bytes(empty)), empty);
}

TEST(CountersWire, TruncatedOrPaddedBuffersAreRefused) {
  std::vector<std::byte> bytes = counters_to_bytes(sample());
  std::vector<std::byte> shorter(bytes.begin(), bytes.end() - 8);
  EXPECT_THROW(counters_from_bytes(shorter), std::runtime_error);
  std::vector<std::byte> longer = bytes;
  longer.push_back(std::byte{0});
  EXPECT_THROW(counters_from_bytes(longer), std::runtime_error);
  EXPECT_THROW(counters_from_bytes(std::span<const std::byte>(bytes.data(), 10)), std::runtime_error);
}

}  // namespace
}  // namespace ccsim::cli
