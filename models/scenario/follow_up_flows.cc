#include "models/scenario/follow_up_flows.h"

#include <algorithm>
#include <limits>
#include <stdexcept>
#include <utility>

#include <fmt/format.h>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/strong_components.hpp>
// An ill-conditioned loop (a return with p = 1 - 1e-9) is what this solves; uBLAS's debug
// check recomputes L U and throws when it differs from the matrix by more than sqrt(eps),
// which rounding in such a loop may do. The factors are the same with or without it.
#define BOOST_UBLAS_TYPE_CHECK 0
#include <boost/numeric/ublas/lu.hpp>
#include <boost/numeric/ublas/matrix.hpp>
#include <boost/numeric/ublas/vector.hpp>

namespace ccsim::models::internal {

namespace ublas = boost::numeric::ublas;

// std::vector storage: uBLAS's own allocates through std::allocator::construct, gone in C++20.
struct FollowUpFlows::Lu {
  ublas::matrix<double, ublas::row_major, std::vector<double>> factors;
  ublas::permutation_matrix<std::size_t, std::vector<std::size_t>> pivots;
};

namespace {

using Link = FollowUpFlows::Link;

// The sets of types that lead to one another (strongly connected components), sources
// first: every link goes to a later set or stays in its own; each set ascending.
// Boost's Tarjan numbers them sinks first and searches without recursion, so a chain of
// 100,000 types keeps the call stack flat. Links beyond the types or without probability
// are left out.
std::vector<std::vector<std::size_t>> sets_sources_first(const std::vector<std::vector<Link>>& links) {
  const std::size_t n = links.size();
  boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS> g(n);
  for (std::size_t k = 0; k < n; ++k)
    for (const Link& l : links[k])
      if (l.to < n && l.p > 0.0) boost::add_edge(k, l.to, g);
  std::vector<std::size_t> sink_order(n);
  const std::size_t count = boost::strong_components(g, sink_order.data());
  std::vector<std::vector<std::size_t>> sets(count);
  for (std::size_t k = 0; k < n; ++k) sets[count - 1 - sink_order[k]].push_back(k);
  return sets;
}

bool loops(const std::vector<std::size_t>& set, const std::vector<std::vector<Link>>& links) {
  const std::size_t k = set.front();
  return set.size() > 1 || std::ranges::any_of(links[k], [k](const Link& l) { return l.to == k && l.p > 0.0; });
}

}  // namespace

std::vector<std::size_t> largest_loop(const std::vector<std::vector<Link>>& links) {
  std::vector<std::size_t> largest;
  for (std::vector<std::size_t>& set : sets_sources_first(links))
    if (set.size() > largest.size() && loops(set, links)) largest = std::move(set);
  return largest;
}

FollowUpFlows::FollowUpFlows(std::vector<std::vector<Link>> links) : links_(std::move(links)) {
  const std::size_t n = links_.size();
  for (std::vector<Link>& from : links_) std::erase_if(from, [n](const Link& l) { return l.to >= n || !(l.p > 0.0); });
  std::vector<std::vector<std::size_t>> sets = sets_sources_first(links_);
  components_.resize(sets.size());
  component_of_.resize(n);
  for (std::size_t c = 0; c < sets.size(); ++c) {
    Component& comp = components_[c];
    comp.types = std::move(sets[c]);
    for (const std::size_t k : comp.types) component_of_[k] = c;
    if (!loops(comp.types, links_)) continue;
    if (comp.types.size() > kMaxLoopTypes)
      throw std::invalid_argument(fmt::format("a loop of {} contact types; the rules accept at most {}",
                                              comp.types.size(), kMaxLoopTypes));
    factor(comp);
  }
}

// I - P^T on the component: x_a = b_a + sum_b P[b][a] x_b, factored with partial pivoting.
void FollowUpFlows::factor(Component& c) const {
  const std::size_t m = c.types.size();
  std::vector<std::size_t> local(links_.size(), m);
  for (std::size_t a = 0; a < m; ++a) local[c.types[a]] = a;
  auto lu = std::make_shared<Lu>(Lu{ublas::identity_matrix<double>(m), decltype(Lu::pivots)(m)});
  for (std::size_t from = 0; from < m; ++from)
    for (const Link& l : links_[c.types[from]])
      if (local[l.to] < m) lu->factors(local[l.to], from) -= l.p;
  c.singular = ublas::lu_factorize(lu->factors, lu->pivots) != 0;
  if (!c.singular) c.lu = std::move(lu);
}

std::vector<double> FollowUpFlows::solve(std::vector<double> x) const {
  x.resize(links_.size(), 0.0);
  ublas::vector<double, std::vector<double>> y;
  for (std::size_t ci = 0; ci < components_.size(); ++ci) {
    const Component& c = components_[ci];
    if (c.singular) {
      const bool some = std::ranges::any_of(c.types, [&x](std::size_t k) { return x[k] != 0.0; });
      for (const std::size_t k : c.types) x[k] = some ? std::numeric_limits<double>::infinity() : 0.0;
    } else if (c.lu) {
      y.resize(c.types.size(), false);
      for (std::size_t a = 0; a < c.types.size(); ++a) y(a) = x[c.types[a]];
      ublas::lu_substitute(c.lu->factors, c.lu->pivots, y);
      for (std::size_t a = 0; a < c.types.size(); ++a) x[c.types[a]] = y(a);
    }
    // Every component these calls lead to comes later: its inflow is complete when solved.
    for (const std::size_t k : c.types) {
      if (x[k] == 0.0) continue;
      for (const Link& l : links_[k])
        if (component_of_[l.to] != ci) x[l.to] += l.p * x[k];
    }
  }
  return x;
}

}  // namespace ccsim::models::internal
