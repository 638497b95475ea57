// tests/models/counter_totals.h
// A replication's counters summed over its slots (intervals or batches): what a test
// traced by hand usually checks.
#pragma once

#include <cstddef>

#include "models/kpi/counters.h"

namespace ccsim::models::testing {

inline TypeCounters type_totals(const ReplicationCounters& c, std::size_t type) {
  TypeCounters total;
  for (std::size_t slot = 0; slot < c.num_slots; ++slot) total += c.type(slot, type);
  return total;
}

inline GroupCounters group_totals(const ReplicationCounters& c, std::size_t group) {
  GroupCounters total;
  for (std::size_t slot = 0; slot < c.num_slots; ++slot) total += c.group(slot, group);
  return total;
}

inline PairCounters pair_totals(const ReplicationCounters& c, std::size_t pair) {
  PairCounters total;
  for (std::size_t slot = 0; slot < c.num_slots; ++slot) total += c.pair(slot, pair);
  return total;
}

}  // namespace ccsim::models::testing
