// models/scenario/follow_up_flows.h
// The traffic equations of transfers and returns, solved exactly: the calls x each contact
// type is offered when b arrive fresh and a call of type k leads to one of type j with
// probability P[k][j], x = b + P^T x. The loader's rules make every chain end, so the
// solution is finite; rounds of x <- b + P^T x converge as slowly as the most persistent
// loop (about 1e9 rounds for a return with p = 1 - 1e-9), and rounds cut short were low.
#pragma once

#include <cstddef>
#include <memory>
#include <vector>

namespace ccsim::models::internal {

// The most types one loop of transfers and returns may join: its equations are solved
// together, in time growing as the cube of its size, before any limit on the run's size
// is known (the rules refuse larger loops: after_service_rules.h).
inline constexpr std::size_t kMaxLoopTypes = 256;

// One matrix P, factored once and applied to any b. Types on no loop pass their calls on
// in order; each set of types that lead to one another (a strongly connected component)
// is solved at once, by LU with partial pivoting (Boost uBLAS). The cost is the types
// and links, plus the cube of the largest such set's size (solve: its square); a set of
// more than kMaxLoopTypes throws std::invalid_argument.
// Precondition: every chain ends with probability 1 (follow_up_loop_problem found nothing)
// and no type sends on more than its calls (follow_up_odds). Otherwise the matrix of a
// loop that never ends is singular: its calls, and those they lead to, are infinite when
// some arrive, and 0 when none do.
class FollowUpFlows {
 public:
  struct Link {
    std::size_t to;  // the type a call leads to; links beyond the types are left out
    double p;        // the probability it does; links with p <= 0 are left out
  };

  // links[k]: where a call of type k leads. Two links to one type add up.
  explicit FollowUpFlows(std::vector<std::vector<Link>> links);

  // x = fresh + P^T x, one value per type.
  std::vector<double> solve(std::vector<double> fresh) const;

 private:
  struct Lu;  // Boost uBLAS's, kept out of this installed header
  struct Component {
    std::vector<std::size_t> types;  // ascending
    bool singular = false;         // a loop that never ends
    std::shared_ptr<const Lu> lu;  // of I - P^T on the component, when it loops and is not singular
  };

  void factor(Component& c) const;

  std::vector<std::vector<Link>> links_;
  std::vector<std::size_t> component_of_;
  std::vector<Component> components_;  // sources first: every link goes to a later one or stays
};

// The types of the largest set that lead to one another (more than one type, or one that
// leads to itself), ascending; empty when no call can come back. Linear in types and links.
std::vector<std::size_t> largest_loop(const std::vector<std::vector<FollowUpFlows::Link>>& links);

}  // namespace ccsim::models::internal
