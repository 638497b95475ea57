// models/scenario/channel_rules.h
// The rules on a contact type's channel (docs/scenario-format.md#channels), written once for
// the loader and validate_spec. An e-mail waits in the backlog until an agent answers it, so
// it has nothing a caller on the line does (IVR, patience, maximum wait, balking, redials,
// callbacks); its transfers and returns are not modelled, so nothing leads to an e-mail
// either; and its service-level threshold is its due time. A chat has no IVR and is never
// called back, and its transfers and returns are not modelled either; its customer
// waits with patience, balks and redials like a caller. An agent group's chat sessions
// and their handle-time factors are checked here too. Each value's own range is checked
// where it is read.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "models/scenario/diagnostics.h"
#include "models/scenario/spec.h"

namespace ccsim::models::internal {

// Whether a contact type gives one of its keys: in a file the key is present, in a spec
// built in code its member is set. The loader asks the file, so that a key an e-mail may
// not have is refused even when its value is also wrong.
using KeyGiven = std::function<bool(std::string_view key)>;

// The keys a type of this channel may not have, each located at ptr + "/" + key; none for
// a voice type.
std::vector<Diagnostic> channel_key_problems(Channel channel, const KeyGiven& given, const std::string& ptr);

// For a spec built in code, the problems of type t at ptr: channel_key_problems on its
// members, and an e-mail type without its due time (the loader sets service_level from
// due_s, so only code can leave it out).
std::vector<Diagnostic> channel_type_problems(const ContactTypeSpec& t, const std::string& ptr);

// Every transfer's `to`, return's `as` and callback's `to` of a voice type that names an
// e-mail, chat or outbound type, located under type_pointers[k]. Ids out of range are left to the caller.
std::vector<Diagnostic> channel_target_problems(const IdVector<ContactTypeId, ContactTypeSpec>& types,
                                                const std::vector<std::string>& type_pointers);

// An outbound type without its dialer (at ptr), or a dialer (at ptr + "/dialer") on a type
// of another channel; dialer_given: the file has the key, a spec sets the member.
std::vector<Diagnostic> dialer_problems(Channel channel, bool dialer_given, const std::string& ptr);

// A dial law of mean 0 (at ptr): every dial would end the instant it started, and a
// dialer that reaches nobody would dial again without end at that instant.
std::optional<Diagnostic> dial_law_problem(const sim::Distribution& dial, const std::string& ptr);

// The message for outbound type `name` with an overflow delay on a group (each caller
// locates it): the dialer dials for idle agents whose customers could not reach them.
std::string outbound_delay_problem(std::string_view name);

// The rules across outbound types: a steady state counting arrivals (steady.calls, at
// steady_calls_pointer) with only outbound types, which never ends; and (routes_known) two outbound types routed to
// one agent group, whose dialers would both dial for its idle agents.
std::vector<Diagnostic> outbound_problems(const ScenarioSpec& spec, const std::vector<std::string>& type_pointers,
                                          const std::string& steady_calls_pointer, bool routes_known);

// The handle-time factors of a group allowed `sessions` chat sessions, located at ptr: one
// per session count, the first 1 (a lone session takes its drawn time), none smaller than
// the one before (a session never gets quicker for having company), all finite.
std::vector<Diagnostic> chat_factor_problems(std::uint32_t sessions, const std::vector<double>& factors,
                                             const std::string& ptr);

// A group's chat sessions, at group_pointers[g] + "/chat": given (chat[g]: the file has
// the key, a spec sets a member) on a group that serves no chat type; more than 1 on a
// group with a reservation. Sessions and factors must already be in range.
std::vector<Diagnostic> chat_group_problems(const ScenarioSpec& spec, const std::vector<std::string>& group_pointers,
                                            const std::vector<bool>& chat);

// Every group's caps by channel (AgentGroupSpec::max_agents_on), located at
// group_pointers[g] + "/max_agents_on/<channel>": a cap on voice, a cap below 1, a cap on
// a channel the group keeps idle agents for (a reservation), and (routes_known: the types'
// groups and channels are read) a cap on a channel the group serves no type of.
std::vector<Diagnostic> channel_cap_problems(const ScenarioSpec& spec, const std::vector<std::string>& group_pointers,
                                             bool routes_known);

// Every type marked interruptible that is not an e-mail (only an e-mail's work may be put
// aside for a call), or whose groups serve no voice type but callbacks' (no call could
// interrupt it),
// located at type_pointers[k] + "/interruptible". routes_known: the types' groups are read (else
// only the channel is checked).
std::vector<Diagnostic> interruptible_problems(const IdVector<ContactTypeId, ContactTypeSpec>& types,
                                               const std::vector<std::string>& type_pointers, bool routes_known);

}  // namespace ccsim::models::internal
