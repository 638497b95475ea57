#include "models/scenario/redial_rules.h"

#include <fmt/format.h>

namespace ccsim::models::internal {

std::vector<Diagnostic> redial_problems(const RedialSpec& r, const std::string& ptr) {
  std::vector<Diagnostic> out;
  if (r.after == 0)
    out.push_back({ptr + "/after", "names no outcome, so nobody would redial; name at least one of blocked, "
                                   "ivr_hangup, abandoned, balked, timed_out, disconnected, or remove \"redial\""});
  if (r.p_by_attempt.empty())
    out.push_back({ptr + "/p_by_attempt", "must hold at least one probability (the last one holds for later "
                                          "attempts)"});
  if (r.max_attempts && (*r.max_attempts < 2 || *r.max_attempts > kMaxRedialAttempts))
    out.push_back({ptr + "/max_attempts", fmt::format("must be an integer from 2 to {} (the first attempt "
                                                      "included; 1 would allow no redial); got {}",
                                                      kMaxRedialAttempts, *r.max_attempts)});
  else if (r.max_attempts && r.p_by_attempt.size() > *r.max_attempts - 1)
    out.push_back({ptr + "/p_by_attempt",
                   fmt::format("has {} values, but with max_attempts {} a customer redials at most {} time{}: "
                               "give at most {} (one per attempt that may be followed by a redial)",
                               r.p_by_attempt.size(), *r.max_attempts, *r.max_attempts - 1,
                               *r.max_attempts == 2 ? "" : "s", *r.max_attempts - 1)});
  if (!r.max_attempts && r.p_by_attempt.size() > kMaxRedialProbabilities)
    out.push_back({ptr + "/p_by_attempt", fmt::format("at most {} values (later attempts use the last); got {}",
                                                      kMaxRedialProbabilities, r.p_by_attempt.size())});
  if (!r.max_attempts && !r.p_by_attempt.empty() && r.p_by_attempt.back() >= 1.0)
    out.push_back({ptr + "/max_attempts",
                   "is needed: the last redial probability is 1, so a customer who keeps failing would call "
                   "forever; give max_attempts (the first attempt included) or a last probability below 1"});
  return out;
}

}  // namespace ccsim::models::internal
