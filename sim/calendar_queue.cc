#include "sim/calendar_queue.h"

#include <algorithm>
#include <cmath>

namespace ccsim::sim {

void CalendarQueue::rebuild(std::size_t buckets, double width) {
  buckets_.assign(buckets, Bucket{});
  mask_ = buckets - 1;
  inv_width_ = 1.0 / width;
  nodes_.clear();
  free_ = kNil;
}

// Brown's width rule: three times the mean gap between the earliest events, leaving
// out gaps more than twice the first estimate (they are the sparse far future).
void CalendarQueue::resize(std::size_t buckets) {
  std::vector<Event> all;
  all.reserve(size_);
  for (const Bucket& b : buckets_)
    for (std::uint32_t n = b.head; n != kNil; n = nodes_[n].next) all.push_back(nodes_[n].event);
  const std::size_t k = std::min<std::size_t>(all.size(), 32);
  std::partial_sort(all.begin(), all.begin() + k, all.end(), fires_before);
  double width = 1.0 / inv_width_;
  if (k >= 2) {
    const double mean_gap = (all[k - 1].time - all[0].time) / (k - 1);
    double sum = 0.0;
    std::size_t n = 0;
    for (std::size_t i = 1; i < k; ++i) {
      const double gap = all[i].time - all[i - 1].time;
      if (gap <= 2.0 * mean_gap) {
        sum += gap;
        ++n;
      }
    }
    if (n > 0 && sum > 0.0) width = 3.0 * sum / n;
  }
  rebuild(buckets, width);
  located_ = false;
  cur_day_ = all.empty() ? 0 : day_of(all.front().time);
  for (const Event& e : all) insert(buckets_[day_of(e.time) & mask_], e);
}

}  // namespace ccsim::sim
