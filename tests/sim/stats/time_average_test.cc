// tests/sim/stats/time_average_test.cc
// TimeAverage on step functions whose areas are computed by hand.
#include "sim/stats/time_average.h"

#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>

namespace ccsim::sim {
namespace {

TEST(TimeAverage, IntegratesAHandComputedStepFunction) {
  // Value 0 on [0,2), 3 on [2,5), 1 on [5,9), 0 from 9: area to 10 is 0 + 9 + 4 + 0 = 13.
  TimeAverage q;
  q.update(2.0, 3.0);
  q.update(5.0, 1.0);
  EXPECT_DOUBLE_EQ(q.integral(7.0), 11.0);
  q.update(9.0, 0.0);
  EXPECT_DOUBLE_EQ(q.integral(10.0), 13.0);
  EXPECT_DOUBLE_EQ(q.average(10.0), 1.3);
  EXPECT_EQ(q.value(), 0.0);
}

TEST(TimeAverage, RestartKeepsTheValueAndZeroesTheArea) {
  TimeAverage q(0.0, 2.0);
  q.update(4.0, 5.0);
  q.restart(6.0);  // warm-up over; value 5 carries over
  EXPECT_EQ(q.value(), 5.0);
  EXPECT_EQ(q.integral(6.0), 0.0);
  q.update(8.0, 1.0);
  // 5 on [6,8) and 1 on [8,11): 10 + 3 = 13 over 5 s.
  EXPECT_DOUBLE_EQ(q.integral(11.0), 13.0);
  EXPECT_DOUBLE_EQ(q.average(11.0), 13.0 / 5.0);
  EXPECT_EQ(q.start_time(), 6.0);
}

TEST(TimeAverage, StartsAtTheGivenTimeAndValue) {
  TimeAverage busy(100.0, 2.0);
  EXPECT_DOUBLE_EQ(busy.integral(103.0), 6.0);
  EXPECT_DOUBLE_EQ(busy.average(103.0), 2.0);
  busy.update(100.0, 4.0);  // a change at the start instant leaves no area behind
  EXPECT_DOUBLE_EQ(busy.integral(101.0), 4.0);
}

TEST(TimeAverage, SeveralChangesAtOneInstantCountOnlyTheLast) {
  TimeAverage q;
  q.update(1.0, 7.0);
  q.update(1.0, 2.0);
  q.update(1.0, 3.0);
  EXPECT_DOUBLE_EQ(q.integral(3.0), 6.0);
}

TEST(TimeAverage, EmptyWindowAverageIsNaN) {
  TimeAverage q(5.0, 1.0);
  EXPECT_TRUE(std::isnan(q.average(5.0)));
}

TEST(TimeAverage, RejectsTimeGoingBackwards) {
  TimeAverage q;
  q.update(10.0, 1.0);
  EXPECT_THROW(q.update(9.0, 2.0), std::invalid_argument);
  EXPECT_THROW((void)q.integral(9.5), std::invalid_argument);
  EXPECT_THROW(q.restart(1.0), std::invalid_argument);
  EXPECT_EQ(q.value(), 1.0);  // the rejected update changed nothing
  EXPECT_DOUBLE_EQ(q.integral(12.0), 2.0 + 0.0);
}

}  // namespace
}  // namespace ccsim::sim
