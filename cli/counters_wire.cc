// Plain bytes rather than Boost.Serialization: every counters struct is trivially
// copyable, so one memcpy per table carries every field, including fields added later,
// with no per-field list to keep in step and no archive overhead per value.
#include "cli/counters_wire.h"

#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>
#include <type_traits>

namespace ccsim::cli {
namespace {

using models::GroupCounters;
using models::PairCounters;
using models::ReplicationCounters;
using models::TypeCounters;

static_assert(std::is_trivially_copyable_v<TypeCounters> && std::is_trivially_copyable_v<PairCounters> &&
              std::is_trivially_copyable_v<GroupCounters>);
// The header below lists ReplicationCounters' scalars by hand; a new one must be added there.
static_assert(sizeof(ReplicationCounters) ==
                  4 * sizeof(std::size_t) + 4 * sizeof(std::vector<double>) + 6 * sizeof(std::uint64_t),
              "ReplicationCounters changed: update Header in cli/counters_wire.cc");

struct Header {
  std::uint64_t num_types, num_groups, num_slots, num_pairs;
  std::uint64_t type_rows, pair_rows, group_rows, slot_rows;
  std::uint64_t events, draws, arrivals, unserved_at_end, backlog_at_close, fingerprint;
};
static_assert(std::is_trivially_copyable_v<Header>);

template <class T>
void put(std::byte*& out, const std::vector<T>& v) {
  if (v.empty()) return;  // data() may be null
  std::memcpy(out, v.data(), v.size() * sizeof(T));
  out += v.size() * sizeof(T);
}

template <class T>
void take(const std::byte*& in, std::vector<T>& v, std::uint64_t rows) {
  v.resize(rows);
  if (rows == 0) return;
  std::memcpy(v.data(), in, rows * sizeof(T));
  in += rows * sizeof(T);
}

}  // namespace

std::vector<std::byte> counters_to_bytes(const ReplicationCounters& c) {
  const Header h{c.num_types,          c.num_groups,         c.num_slots,           c.num_pairs,
                 c.by_slot_type.size(), c.by_slot_pair.size(), c.by_slot_group.size(), c.slot_duration_s.size(),
                 c.events,             c.draws,              c.arrivals,            c.unserved_at_end,
                 c.backlog_at_close,   c.fingerprint};
  std::vector<std::byte> bytes(sizeof(Header) + h.type_rows * sizeof(TypeCounters) +
                               h.pair_rows * sizeof(PairCounters) + h.group_rows * sizeof(GroupCounters) +
                               h.slot_rows * sizeof(double));
  std::byte* out = bytes.data();
  std::memcpy(out, &h, sizeof h);
  out += sizeof h;
  put(out, c.by_slot_type);
  put(out, c.by_slot_pair);
  put(out, c.by_slot_group);
  put(out, c.slot_duration_s);
  return bytes;
}

ReplicationCounters counters_from_bytes(std::span<const std::byte> bytes) {
  Header h;
  if (bytes.size() < sizeof h)
    throw std::runtime_error("replication counters message of " + std::to_string(bytes.size()) +
                             " bytes is shorter than its header");
  std::memcpy(&h, bytes.data(), sizeof h);
  // Row counts no larger than the buffer keep the products below from overflowing.
  const std::uint64_t limit = bytes.size();
  if (h.type_rows > limit || h.pair_rows > limit || h.group_rows > limit || h.slot_rows > limit ||
      sizeof h + h.type_rows * sizeof(TypeCounters) + h.pair_rows * sizeof(PairCounters) +
              h.group_rows * sizeof(GroupCounters) + h.slot_rows * sizeof(double) !=
          bytes.size())
    throw std::runtime_error("replication counters message of " + std::to_string(bytes.size()) +
                             " bytes does not match its header");
  ReplicationCounters c;
  c.num_types = h.num_types;
  c.num_groups = h.num_groups;
  c.num_slots = h.num_slots;
  c.num_pairs = h.num_pairs;
  const std::byte* in = bytes.data() + sizeof h;
  take(in, c.by_slot_type, h.type_rows);
  take(in, c.by_slot_pair, h.pair_rows);
  take(in, c.by_slot_group, h.group_rows);
  take(in, c.slot_duration_s, h.slot_rows);
  c.events = h.events;
  c.draws = h.draws;
  c.arrivals = h.arrivals;
  c.unserved_at_end = h.unserved_at_end;
  c.backlog_at_close = h.backlog_at_close;
  c.fingerprint = h.fingerprint;
  return c;
}

}  // namespace ccsim::cli
