#include "sim/event_queue.h"

#include "sim/calendar_queue.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

#include <gtest/gtest.h>

namespace ccsim::sim {
namespace {

Event make(double t, std::uint8_t priority, std::uint64_t counter, std::uint32_t subject) {
  Event e{};
  e.time = t;
  e.priority = priority;
  e.seq = (std::uint64_t{priority} << kPriorityShift) | counter;
  e.subject = subject;
  return e;
}

template <class Q>
std::vector<std::uint32_t> drain(Q& q) {
  std::vector<std::uint32_t> order;
  while (!q.empty()) {
    order.push_back(q.top().subject);
    q.pop();
  }
  return order;
}

template <class Q>
class EventQueueTest : public ::testing::Test {};
using Queues = ::testing::Types<BinaryHeap, QuaternaryHeap, CalendarQueue>;
TYPED_TEST_SUITE(EventQueueTest, Queues);

TYPED_TEST(EventQueueTest, PopsByTimeThenPriorityThenSchedulingOrder) {
  TypeParam q;
  q.push(make(5.0, 2, 0, 1));
  q.push(make(1.0, 2, 1, 2));
  q.push(make(5.0, 0, 2, 3));  // same time as 1, lower priority value: first
  q.push(make(5.0, 2, 3, 4));  // same time and priority as 1, scheduled later: after 1
  q.push(make(0.5, 3, 4, 5));
  EXPECT_EQ(drain(q), (std::vector<std::uint32_t>{5, 2, 3, 1, 4}));
}

TYPED_TEST(EventQueueTest, PopWithoutTopRemovesTheEarliestEvenAfterAnEarlierPush) {
  TypeParam q;
  q.push(make(100.0, 2, 0, 1));
  EXPECT_EQ(q.top().subject, 1u);  // a queue may move its clock to t=100 here
  q.push(make(3.0, 2, 1, 2));
  q.pop();
  EXPECT_EQ(q.top().subject, 1u);
  q.pop();
  EXPECT_TRUE(q.empty());
}

TYPED_TEST(EventQueueTest, MatchesASortedReferenceOnManyRandomEvents) {
  TypeParam q;
  std::vector<Event> ref;
  std::uint64_t x = 88172645463325252ULL;  // xorshift: test data only, not simulation draws
  auto next = [&] {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return x;
  };
  std::uint64_t counter = 0;
  for (int round = 0; round < 50; ++round) {
    for (int i = 0; i < 200; ++i) {
      // Few distinct times and priorities, so ties are frequent.
      const Event e = make(static_cast<double>(next() % 20), static_cast<std::uint8_t>(next() % 3), counter,
                           static_cast<std::uint32_t>(counter));
      ++counter;
      q.push(e);
      ref.push_back(e);
    }
    std::sort(ref.begin(), ref.end(), [](const Event& a, const Event& b) { return fires_before(a, b); });
    for (int i = 0; i < 120; ++i) {
      ASSERT_EQ(q.top().subject, ref.front().subject);
      q.pop();
      ref.erase(ref.begin());
    }
  }
  EXPECT_EQ(q.size(), ref.size());
}

// The hold model with exponential increments and occasional far-future events, as a
// simulation produces them: the calendar queue must pop exactly the heap's order,
// through its resizes (the population grows to 5000 and shrinks back).
TYPED_TEST(EventQueueTest, PopsExactlyLikeTheBinaryHeapUnderAHoldWorkload) {
  TypeParam q;
  BinaryHeap ref;
  std::uint64_t x = 0x2545F4914F6CDD1DULL;
  auto u01 = [&] {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return (static_cast<double>(x >> 11) + 0.5) * 0x1.0p-53;
  };
  std::uint64_t counter = 0;
  double now = 0.0;
  auto push = [&](double t) {
    const Event e = make(t, static_cast<std::uint8_t>(counter % 3), counter, static_cast<std::uint32_t>(counter));
    ++counter;
    q.push(e);
    ref.push(e);
  };
  for (int phase = 0; phase < 3; ++phase) {
    const int target = phase == 1 ? 5000 : 50;
    for (int step = 0; step < 20000; ++step) {
      ASSERT_EQ(q.size(), ref.size());
      if (!ref.empty() && (static_cast<int>(ref.size()) > target || u01() < 0.5)) {
        ASSERT_EQ(q.top().subject, ref.top().subject) << "step " << step;
        now = ref.top().time;
        q.pop();
        ref.pop();
      } else {
        const double r = u01();
        push(r < 0.01 ? now + 1e6 * u01() : r < 0.1 ? now : now - 180.0 * std::log(u01()));
      }
    }
  }
}

}  // namespace
}  // namespace ccsim::sim
