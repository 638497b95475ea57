// Compile-fail test: an IdVector indexed by AgentGroupId must reject a QueueId.
// With -DCCSIM_CONTROL the same file uses the right id and must compile, which
// proves the failure comes from the id mismatch and not from a broken include.
#include "models/ids.h"

int main() {
  ccsim::models::IdVector<ccsim::models::AgentGroupId, int> staffed(3);
#ifdef CCSIM_CONTROL
  return staffed[ccsim::models::make_id<ccsim::models::AgentGroupId>(1)];
#else
  return staffed[ccsim::models::make_id<ccsim::models::QueueId>(1)];
#endif
}
