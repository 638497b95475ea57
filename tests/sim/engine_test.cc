#include "sim/engine.h"

#include <cmath>
#include <limits>
#include <tuple>
#include <vector>

#include <gtest/gtest.h>

namespace ccsim::sim {
namespace {

// Records (time, kind, subject) and, for kind 1, schedules a follow-up to test
// scheduling from inside dispatch; kind 2 events with a stale generation are dropped.
struct Recorder {
  Engine<>* engine;
  std::vector<std::tuple<double, int, std::uint32_t>> trace;
  std::uint32_t current_generation = 0;

  void dispatch(const Event& e) {
    if (e.kind == 2 && e.generation != current_generation) return;  // lazily cancelled
    trace.emplace_back(e.time, e.kind, e.subject);
    if (e.kind == 1) engine->schedule_after(0.0, 3, 0, e.subject + 100);
  }
};

TEST(Engine, RunsEventsInKeyOrderWithExactTrace) {
  Engine<> engine;
  Recorder rec{&engine, {}};
  engine.schedule_at(2.0, 0, 2, 10);
  engine.schedule_at(1.0, 0, 2, 11);
  engine.schedule_at(2.0, 1, 1, 12);  // same time, priority 1 beats priority 2
  engine.schedule_at(2.0, 0, 2, 13);  // FIFO after 10
  engine.run_until(10.0, rec);
  // The follow-up of 12 (priority 0, scheduled at t=2) runs before the priority-2 events at t=2.
  const std::vector<std::tuple<double, int, std::uint32_t>> expected = {
      {1.0, 0, 11}, {2.0, 1, 12}, {2.0, 3, 112}, {2.0, 0, 10}, {2.0, 0, 13}};
  EXPECT_EQ(rec.trace, expected);
  EXPECT_EQ(engine.now(), 10.0);
  EXPECT_EQ(engine.events_dispatched(), 5u);
}

TEST(Engine, StopsAtEndAndResumesLater) {
  Engine<> engine;
  Recorder rec{&engine, {}};
  engine.schedule_at(1.0, 0, 0, 1);
  engine.schedule_at(3.0, 0, 0, 2);
  engine.run_until(2.0, rec);
  ASSERT_EQ(rec.trace.size(), 1u);
  EXPECT_EQ(engine.now(), 2.0);
  engine.run_until(std::numeric_limits<double>::infinity(), rec);
  ASSERT_EQ(rec.trace.size(), 2u);
  EXPECT_EQ(engine.now(), 3.0);  // an infinite end leaves the clock at the last event
}

TEST(Engine, LazyCancelDropsStaleGenerations) {
  Engine<> engine;
  Recorder rec{&engine, {}};
  engine.schedule_at(1.0, 2, 0, 7, /*generation=*/0);
  engine.schedule_at(2.0, 2, 0, 8, /*generation=*/0);
  rec.current_generation = 1;  // both are now stale
  engine.schedule_at(3.0, 2, 0, 9, /*generation=*/1);
  engine.run_until(5.0, rec);
  const std::vector<std::tuple<double, int, std::uint32_t>> expected = {{3.0, 2, 9}};
  EXPECT_EQ(rec.trace, expected);
}

TEST(Engine, RejectsSchedulingInThePastOrAtNaNWithBothTimes) {
  Engine<> engine;
  Recorder rec{&engine, {}};
  engine.schedule_at(5.0, 0, 0, 1);
  engine.run_until(5.0, rec);
  try {
    engine.schedule_at(4.0, 7, 0, 1);
    FAIL() << "no error";
  } catch (const SchedulingError& e) {
    const std::string msg = e.what();
    EXPECT_NE(msg.find("t=4s"), std::string::npos) << msg;
    EXPECT_NE(msg.find("now=5s"), std::string::npos) << msg;
  }
  EXPECT_THROW(engine.schedule_at(std::nan(""), 0, 0, 1), SchedulingError);
  EXPECT_THROW(engine.run_until(1.0, rec), SchedulingError);
}

}  // namespace
}  // namespace ccsim::sim
