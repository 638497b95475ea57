#include "models/scenario/follow_up_flows.h"

#include <algorithm>
#include <limits>
#include <utility>

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

FollowUpFlows::FollowUpFlows(std::vector<std::vector<Link>> links) : links_(std::move(links)) {
  const std::size_t n = links_.size();
  using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;
  Graph g(n);
  for (std::size_t k = 0; k < n; ++k) {
    std::erase_if(links_[k], [n](const Link& l) { return l.to >= n || !(l.p > 0.0); });
    for (const Link& l : links_[k]) boost::add_edge(k, l.to, g);
  }
  // Boost's Tarjan numbers the components sinks first (each after every one it leads to)
  // and searches without recursion, so a chain of 100,000 types keeps the call stack flat.
  std::vector<std::size_t> sink_order(n);
  const std::size_t count = boost::strong_components(g, sink_order.data());
  components_.resize(count);
  component_of_.resize(n);
  for (std::size_t k = 0; k < n; ++k) {
    component_of_[k] = count - 1 - sink_order[k];
    components_[component_of_[k]].types.push_back(k);
  }
  for (Component& comp : components_) {
    const std::size_t k = comp.types.front();
    if (comp.types.size() > 1 || std::ranges::any_of(links_[k], [k](const Link& l) { return l.to == k; }))
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
