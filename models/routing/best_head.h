// models/routing/best_head.h
// best_head: the scan a freed agent's choice shares across policies. It looks at the
// heads of the queues a group serves, in the group's order, and keeps the best one;
// the policies differ only in which heads are eligible and what makes one better.
#pragma once

#include <optional>
#include <vector>

#include "models/ids.h"
#include "models/routing/routing_view.h"

namespace ccsim::models {

// Among the entries of `served` (one group's, in its order; each names a `queue`) whose
// queue is not empty and whose head `eligible(entry, head_enqueue_s)` accepts, the queue
// with the lowest `key(entry, head_enqueue_s)`; on equal keys the earlier entry. Entries
// with a `rank` must be sorted by it: a lower rank wins whatever the key, so the scan
// stops at the first rank past the best so far. Always inlined: with three policies sharing
// queue_priority's scan, GCC otherwise calls it out of line on every freed agent (+4 %
// instructions per call on model B).
template <class Served, class Eligible, class Key>
[[gnu::always_inline]] inline std::optional<QueueId> best_head(const std::vector<Served>& served, const RoutingView& v, Eligible eligible, Key key) {
  const Served* best = nullptr;
  double best_key = 0.0;
  for (const Served& s : served) {
    if constexpr (requires { s.rank; })
      if (best && s.rank > best->rank) break;
    if (v.queue_size(s.queue) == 0) continue;
    const double since = v.head_enqueue_s(s.queue);
    if (!eligible(s, since)) continue;
    const double k = key(s, since);
    if (!best || k < best_key) {
      best = &s;
      best_key = k;
    }
  }
  if (!best) return std::nullopt;
  return best->queue;
}

}  // namespace ccsim::models
