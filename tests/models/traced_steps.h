// tests/models/traced_steps.h
// What the hand-traced model tests compare: the steps of a replication's trace of the
// kinds a test asks for, each with its time, kind, contact type, agent and value.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <ostream>
#include <set>
#include <vector>

#include "models/trace.h"

namespace ccsim::models::testing {

struct Step {
  double time_s;
  TraceWhat what;
  std::uint32_t type;
  std::uint32_t agent;
  double value;
  bool operator==(const Step&) const = default;
  friend void PrintTo(const Step& s, std::ostream* os) {
    *os << "{" << s.time_s << ", " << trace_what_name(s.what) << ", type " << s.type << ", agent " << s.agent << ", "
        << s.value << "}";
  }
};

class Steps : public TraceSink {
 public:
  Steps(std::initializer_list<TraceWhat> kinds) : kinds_(kinds) {}
  void record(const TraceRecord& r) override {
    if (kinds_.contains(r.what)) steps.push_back({r.time_s, r.what, r.type, r.agent, r.value});
  }
  std::vector<Step> steps;

 private:
  std::set<TraceWhat> kinds_;
};

}  // namespace ccsim::models::testing
