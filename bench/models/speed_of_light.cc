// The speed-of-light reference for model A (bench/README.md, "Speed of light"): M/M/c+M
// hand-written as one loop over one binary heap of events, with nothing ccsim has for generality
// (no scenario, router, contact pool, per-period KPIs, fingerprint or trace). ccsim's
// whole-process time on model A is reported as a ratio to this program's.
//
// Parameters are flags whose defaults are model A's (scenarios/bench/model_a.json), not read
// from that file: JSON is the scenario loader's business (conventions section 1), and
// loading a scenario is part of what ccsim's generality costs, which the ratio is to show.
//
// It draws what ccsim draws, from the same MRG32k3a streams and substreams, in the same
// order per stream, and applies the same arithmetic to the uniforms; answered and abandoned
// counts then equal ccsim's exactly (ctest bench.speed_of_light_matches_ccsim checks it).
#include <chrono>
#include <cinttypes>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "sim/rng/mrg32k3a.h"
#include "sim/rng/stream_id.h"
#include "sim/rng/variates.h"

namespace {

struct Params {
  std::uint64_t calls = 1000000;
  std::uint64_t seed = 1;
  std::uint64_t replication = 0;
  std::uint32_t agents = 310;
  double rate_per_min = 100.0;
  double talk_mean_s = 180.0;
  double patience_mean_s = 120.0;
  double awt_s = 20.0;  // ccsim's default service_level.awt_s
};

enum class Kind : std::uint32_t { Arrival, ServiceEnd, PatienceExpired };

struct Event {
  double t;
  std::uint32_t ticket;  // PatienceExpired: the caller's place in the queue, for lazy cancel
  Kind kind;
};

// A caller who found every agent busy. Ticket k lives in slot k & mask; tickets below
// head have left the queue (answered or abandoned).
struct Waiting {
  double arrival_s;
  double talk_s;  // negative once the caller abandoned: the lazily removed entry
};

class WaitingQueue {
 public:
  WaitingQueue() : slots_(1024), mask_(1023) {}
  bool live(std::uint32_t ticket) const { return ticket >= head_ && slots_[ticket & mask_].talk_s >= 0.0; }
  void abandon(std::uint32_t ticket) { slots_[ticket & mask_].talk_s = -1.0; }

  std::uint32_t push(double arrival_s, double talk_s) {
    if (tail_ - head_ == slots_.size()) grow();
    slots_[tail_ & mask_] = {arrival_s, talk_s};
    return tail_++;
  }

  // The longest-waiting caller still there, or nullptr.
  const Waiting* pop() {
    while (head_ != tail_) {
      const Waiting* w = &slots_[head_++ & mask_];
      if (w->talk_s >= 0.0) return w;
    }
    return nullptr;
  }

 private:
  void grow() {
    std::vector<Waiting> bigger(slots_.size() * 2);
    const std::uint32_t mask = static_cast<std::uint32_t>(bigger.size() - 1);
    for (std::uint32_t k = head_; k != tail_; ++k) bigger[k & mask] = slots_[k & mask_];
    slots_.swap(bigger);
    mask_ = mask;
  }

  std::vector<Waiting> slots_;
  std::uint32_t mask_;
  std::uint32_t head_ = 0;
  std::uint32_t tail_ = 0;
};

// A binary min-heap on time. Times are continuous, so equal times have probability zero
// and need no tie-break. Most events schedule one new event as soon as they are handled
// (the next arrival, the next service end), so the loop offers that event in place of the
// root it just took (replace_top: one sift-down) instead of a pop and a push; with
// std::priority_queue, which cannot do this, the loop took 41 % more instructions and
// about 30 % more time (bench/README.md).
class EventHeap {
 public:
  explicit EventHeap(std::size_t capacity) { v_.reserve(capacity); }
  bool empty() const { return v_.empty(); }
  const Event& top() const { return v_[0]; }

  void push(Event e) {
    std::size_t i = v_.size();
    v_.push_back(e);
    while (i > 0) {
      const std::size_t parent = (i - 1) / 2;
      if (!(e.t < v_[parent].t)) break;
      v_[i] = v_[parent];
      i = parent;
    }
    v_[i] = e;
  }

  void replace_top(Event e) {
    const std::size_t n = v_.size();
    std::size_t i = 0;
    for (std::size_t child = 1; child < n; child = 2 * i + 1) {
      if (child + 1 < n && v_[child + 1].t < v_[child].t) ++child;
      if (!(v_[child].t < e.t)) break;
      v_[i] = v_[child];
      i = child;
    }
    v_[i] = e;
  }

  void pop() {
    const Event last = v_.back();
    v_.pop_back();
    if (!v_.empty()) replace_top(last);
  }

 private:
  std::vector<Event> v_;
};

struct Kpis {
  std::uint64_t offered = 0;
  std::uint64_t answered = 0;
  std::uint64_t abandoned = 0;
  std::uint64_t answered_within_awt = 0;
  double wait_sum_s = 0.0;  // answered calls only: ASA
};

Kpis simulate(const Params& p) {
  // ccsim's stream numbers for contact type 0 (models/streams.h): Arrivals/Interarrival,
  // ContactType/Patience and ContactType/Service; replication r is substream r.
  const ccsim::sim::Mrg32k3a base = ccsim::sim::Mrg32k3a::from_seed(p.seed);
  ccsim::sim::Mrg32k3a arrivals = base.stream(ccsim::sim::stream_number(0, 0, 0), p.replication);
  ccsim::sim::Mrg32k3a patience = base.stream(ccsim::sim::stream_number(1, 0, 0), p.replication);
  ccsim::sim::Mrg32k3a service = base.stream(ccsim::sim::stream_number(1, 0, 1), p.replication);
  // The same expression as ccsim's loader and arrival process, so the times are bit-identical.
  const double interarrival_mean_s = 1.0 / (p.rate_per_min / 60.0);

  EventHeap events(2 * std::size_t{p.agents} + 1024);
  WaitingQueue queue;
  Kpis k;
  std::uint32_t idle = p.agents;

  if (p.calls > 0) events.push({ccsim::sim::exponential(arrivals, interarrival_mean_s), 0, Kind::Arrival});
  while (!events.empty()) {
    const Event e = events.top();
    bool root_taken = false;  // e still holds the root until the first event scheduled replaces it
    const auto schedule = [&](const Event& next) {
      if (root_taken) {
        events.push(next);
      } else {
        events.replace_top(next);
        root_taken = true;
      }
    };
    switch (e.kind) {
      case Kind::Arrival: {
        if (++k.offered < p.calls)
          schedule({e.t + ccsim::sim::exponential(arrivals, interarrival_mean_s), 0, Kind::Arrival});
        // Both drawn for every caller, as ccsim does, so each stream stays in step; the
        // patience uniform becomes a time only if the caller waits.
        const double patience_u = patience.next_u01();
        const double talk_s = ccsim::sim::exponential(service, p.talk_mean_s);
        if (idle > 0) {
          --idle;
          ++k.answered;
          ++k.answered_within_awt;
          schedule({e.t + talk_s, 0, Kind::ServiceEnd});
        } else {
          ccsim::sim::ReplayedUniform u{patience_u};
          const std::uint32_t ticket = queue.push(e.t, talk_s);
          schedule({e.t + ccsim::sim::exponential(u, p.patience_mean_s), ticket, Kind::PatienceExpired});
        }
        break;
      }
      case Kind::ServiceEnd:
        if (const Waiting* w = queue.pop()) {
          const double wait_s = e.t - w->arrival_s;
          ++k.answered;
          k.answered_within_awt += wait_s <= p.awt_s;
          k.wait_sum_s += wait_s;
          schedule({e.t + w->talk_s, 0, Kind::ServiceEnd});
        } else {
          ++idle;
        }
        break;
      case Kind::PatienceExpired:
        if (queue.live(e.ticket)) {
          queue.abandon(e.ticket);
          ++k.abandoned;
        }
        break;
    }
    if (!root_taken) events.pop();
  }
  return k;
}

[[noreturn]] void usage(const char* problem) {
  std::fprintf(stderr,
               "ccsim_speed_of_light: %s\n"
               "usage: ccsim_speed_of_light [--calls N] [--seed S] [--replication R] [--agents C]\n"
               "       [--rate-per-min L] [--talk-mean-s T] [--patience-mean-s P] [--awt-s A]\n"
               "defaults: model A (scenarios/bench/model_a.json)\n",
               problem);
  std::exit(2);
}

double positive(const char* flag, const char* text) {
  char* end = nullptr;
  const double x = std::strtod(text, &end);
  if (*end != '\0' || !(x > 0.0) || x > 1e300) usage(flag);
  return x;
}

std::uint64_t count(const char* flag, const char* text, std::uint64_t max) {
  char* end = nullptr;
  const unsigned long long n = std::strtoull(text, &end, 10);
  if (*end != '\0' || text[0] == '-' || n > max) usage(flag);
  return n;
}

Params parse(int argc, char** argv) {
  Params p;
  for (int i = 1; i < argc; ++i) {
    const char* flag = argv[i];
    if (i + 1 == argc) usage(flag);
    const char* v = argv[++i];
    if (!std::strcmp(flag, "--calls")) p.calls = count(flag, v, UINT32_MAX);  // tickets are 32-bit
    else if (!std::strcmp(flag, "--seed")) p.seed = count(flag, v, UINT64_MAX);
    else if (!std::strcmp(flag, "--replication")) p.replication = count(flag, v, UINT64_MAX);
    else if (!std::strcmp(flag, "--agents")) p.agents = static_cast<std::uint32_t>(count(flag, v, UINT32_MAX));
    else if (!std::strcmp(flag, "--rate-per-min")) p.rate_per_min = positive(flag, v);
    else if (!std::strcmp(flag, "--talk-mean-s")) p.talk_mean_s = positive(flag, v);
    else if (!std::strcmp(flag, "--patience-mean-s")) p.patience_mean_s = positive(flag, v);
    else if (!std::strcmp(flag, "--awt-s")) p.awt_s = positive(flag, v);
    else usage(flag);
  }
  return p;
}

}  // namespace

int main(int argc, char** argv) {
  const Params p = parse(argc, argv);
  const auto start = std::chrono::steady_clock::now();
  const Kpis k = simulate(p);
  const double elapsed_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const double handled = static_cast<double>(k.answered + k.abandoned);
  // Service level over admitted calls and ASA over answered calls: ccsim's default
  // definitions (docs/kpis.md), so the lines compare with `ccsim run` as they are.
  std::printf("offered %" PRIu64 "\nanswered %" PRIu64 "\nabandoned %" PRIu64 "\n", k.offered, k.answered,
              k.abandoned);
  const double sl = handled > 0 ? static_cast<double>(k.answered_within_awt) / handled : 0.0;
  const double asa_s = k.answered > 0 ? k.wait_sum_s / static_cast<double>(k.answered) : 0.0;
  std::printf("service_level %.6f\nasa_s %.6f\n", sl, asa_s);
  std::printf("calls_per_s %.0f\n", static_cast<double>(k.offered) / elapsed_s);
  return 0;
}
