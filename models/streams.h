// models/streams.h
// What the model's random streams are for: the contact-centre meaning of the engine's
// (component, index, purpose) numbers (sim/rng/stream_id.h), and the one way the model
// asks for a stream. Never renumber or reorder an enumerator: results/ depend on them.
#pragma once

#include <cstdint>

#include "sim/rng/mrg32k3a.h"
#include "sim/rng/stream_id.h"

namespace ccsim::models {

// A new component takes the next free number; a new purpose the next free value of its
// component (at most sim::kPurposesPerComponent). Caller holds the behaviours of callers
// (balking, redials, transfers, returns, callbacks) and Channel is held for channels (chat,
// e-mail, outbound), so that those streams never move the ones below.
enum class Component : std::uint32_t {
  Arrivals = 0,     // index: contact type
  ContactType = 1,  // index: contact type
  Router = 2,       // index: router instance
  Workforce = 3,    // index: agent group
  Caller = 4,       // index: contact type
  Channel = 5,      // index: contact type
};

// Rates: the busy-day factors (ScenarioSpec::busyness); the centre's on contact type 0's.
enum class ArrivalPurpose : std::uint32_t { Interarrival = 0, Rates = 1 };
enum class ContactTypePurpose : std::uint32_t {
  Patience = 0,
  Service = 1,
  WrapUp = 2,
  IvrPath = 3,
  IvrDuration = 4,
};
// Redial: whether a failed attempt is followed by another; RedialDelay: when; Attempt:
// what a redial draws afresh (patience, handle time, IVR path, balk), so that no redial
// moves a draw of the first attempts.
// AfterService: whether a served call is transferred (and the transfer's handle time) or
// returns (and when); Leg: the draws of a transferred leg or of a return call, from the
// stream of the type it arrives at. Callback: whether an offered callback is accepted, its
// delay, and each dial's time and whether it reaches the customer (on the offering type's
// stream; the talk of a reached customer comes from the Service and WrapUp streams of the
// type that serves callbacks, which has no calls of its own).
enum class CallerPurpose : std::uint32_t {
  Balk = 0,
  Redial = 1,
  RedialDelay = 2,
  Attempt = 3,
  AfterService = 4,
  Leg = 5,
  Callback = 6,
};
// Dial: an outbound type's dials, each its time and then whether it reached the customer
// (the customer's patience and talk come from the type's own ContactType streams).
enum class ChannelPurpose : std::uint32_t { Dial = 0 };
enum class RouterPurpose : std::uint32_t { TieBreak = 0 };
enum class WorkforcePurpose : std::uint32_t { Absence = 0 };

constexpr Component component_of(ArrivalPurpose) { return Component::Arrivals; }
constexpr Component component_of(ContactTypePurpose) { return Component::ContactType; }
constexpr Component component_of(CallerPurpose) { return Component::Caller; }
constexpr Component component_of(ChannelPurpose) { return Component::Channel; }
constexpr Component component_of(RouterPurpose) { return Component::Router; }
constexpr Component component_of(WorkforcePurpose) { return Component::Workforce; }

// The purpose's enum fixes the component, so the two cannot be mismatched.
template <class Purpose>
constexpr std::uint64_t stream_number(std::uint32_t index, Purpose p) {
  return sim::stream_number(static_cast<std::uint32_t>(component_of(p)), index, static_cast<std::uint32_t>(p));
}

// Substream `replication` of the stream for (index, purpose) under `base` (docs/rng.md).
template <class Purpose>
sim::Mrg32k3a stream_for(const sim::Mrg32k3a& base, std::uint32_t index, Purpose p, std::uint64_t replication) {
  return base.stream(stream_number(index, p), replication);
}

static_assert(static_cast<std::uint64_t>(ContactTypePurpose::IvrDuration) < sim::kPurposesPerComponent);
static_assert(static_cast<std::uint64_t>(WorkforcePurpose::Absence) < sim::kPurposesPerComponent);
static_assert(static_cast<std::uint64_t>(CallerPurpose::Callback) < sim::kPurposesPerComponent);

}  // namespace ccsim::models
