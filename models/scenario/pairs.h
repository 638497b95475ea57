// models/scenario/pairs.h
// The (contact type, agent group) pairs of a scenario: every group in every type's
// routing list, numbered type by type in list order. Per-pair statistics use this index.
#pragma once

#include <vector>

#include "models/ids.h"
#include "models/scenario/spec.h"

namespace ccsim::models {

struct TypeGroupPair {
  ContactTypeId type;
  AgentGroupId group;
  double handle_time_multiplier;
};

inline std::vector<TypeGroupPair> type_group_pairs(const ScenarioSpec& spec) {
  std::vector<TypeGroupPair> pairs;
  for (std::size_t k = 0; k < spec.contact_types.size(); ++k) {
    const ContactTypeSpec& t = spec.contact_types[make_id<ContactTypeId>(k)];
    for (std::size_t i = 0; i < t.groups.size(); ++i)
      pairs.push_back(TypeGroupPair{make_id<ContactTypeId>(k), t.groups[i],
                                    t.handle_time_multiplier.empty() ? 1.0 : t.handle_time_multiplier[i]});
  }
  return pairs;
}

}  // namespace ccsim::models
