#include "models/scenario/follow_up_flows.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

namespace ccsim::models::internal {
namespace {

constexpr std::size_t kUnseen = std::numeric_limits<std::size_t>::max();

// Tarjan's strongly connected components (Tarjan 1972), with an explicit stack so that a
// chain of 100,000 types does not overflow the call stack. Components come out sinks
// first: each after every component it leads to.
std::vector<std::vector<std::size_t>> components_sinks_first(const std::vector<std::vector<FollowUpFlows::Link>>& g) {
  const std::size_t n = g.size();
  std::vector<std::size_t> order(n, kUnseen), low(n, 0);
  std::vector<bool> on_stack(n, false);
  std::vector<std::size_t> stack;
  std::vector<std::pair<std::size_t, std::size_t>> calls;  // (type, next link to follow)
  std::vector<std::vector<std::size_t>> out;
  std::size_t counter = 0;
  const auto visit = [&](std::size_t v) {
    order[v] = low[v] = counter++;
    stack.push_back(v);
    on_stack[v] = true;
    calls.emplace_back(v, 0);
  };
  for (std::size_t root = 0; root < n; ++root) {
    if (order[root] != kUnseen) continue;
    visit(root);
    while (!calls.empty()) {
      const std::size_t v = calls.back().first;
      if (calls.back().second < g[v].size()) {
        const std::size_t w = g[v][calls.back().second++].to;
        if (order[w] == kUnseen)
          visit(w);
        else if (on_stack[w])
          low[v] = std::min(low[v], order[w]);
        continue;
      }
      calls.pop_back();
      if (!calls.empty()) low[calls.back().first] = std::min(low[calls.back().first], low[v]);
      if (low[v] != order[v]) continue;
      std::vector<std::size_t> c;
      std::size_t w = kUnseen;
      while (w != v) {
        w = stack.back();
        stack.pop_back();
        on_stack[w] = false;
        c.push_back(w);
      }
      std::sort(c.begin(), c.end());
      out.push_back(std::move(c));
    }
  }
  return out;
}

}  // namespace

FollowUpFlows::FollowUpFlows(std::vector<std::vector<Link>> links) : links_(std::move(links)) {
  const std::size_t n = links_.size();
  for (std::vector<Link>& from : links_)
    std::erase_if(from, [n](const Link& l) { return l.to >= n || !(l.p > 0.0); });
  std::vector<std::vector<std::size_t>> found = components_sinks_first(links_);
  component_of_.assign(n, 0);
  components_.resize(found.size());
  for (std::size_t c = 0; c < found.size(); ++c) {
    Component& comp = components_[c];
    comp.types = std::move(found[found.size() - 1 - c]);
    for (const std::size_t k : comp.types) component_of_[k] = c;
  }
  for (Component& comp : components_) {
    const std::size_t k = comp.types.front();
    comp.loops = comp.types.size() > 1 || std::ranges::any_of(links_[k], [k](const Link& l) { return l.to == k; });
    if (comp.loops) factor(comp);
  }
}

// A = I - P^T on the component: x_a = b_a + sum_b P[b][a] x_b. LU with partial pivoting,
// rows swapped through `row`.
void FollowUpFlows::factor(Component& c) const {
  const std::size_t m = c.types.size();
  std::vector<std::size_t> local(links_.size(), kUnseen);
  for (std::size_t a = 0; a < m; ++a) local[c.types[a]] = a;
  std::vector<double>& a = c.lu;
  a.assign(m * m, 0.0);
  for (std::size_t i = 0; i < m; ++i) a[i * m + i] = 1.0;
  for (std::size_t from = 0; from < m; ++from)
    for (const Link& l : links_[c.types[from]])
      if (local[l.to] != kUnseen) a[local[l.to] * m + from] -= l.p;
  c.row.resize(m);
  for (std::size_t i = 0; i < m; ++i) c.row[i] = i;
  for (std::size_t col = 0; col < m; ++col) {
    std::size_t best = col;
    for (std::size_t r = col + 1; r < m; ++r)
      if (std::fabs(a[r * m + col]) > std::fabs(a[best * m + col])) best = r;
    if (!(std::fabs(a[best * m + col]) > 0.0)) {
      c.singular = true;
      return;
    }
    if (best != col) {
      std::swap_ranges(a.begin() + static_cast<std::ptrdiff_t>(col * m),
                       a.begin() + static_cast<std::ptrdiff_t>((col + 1) * m),
                       a.begin() + static_cast<std::ptrdiff_t>(best * m));
      std::swap(c.row[col], c.row[best]);
    }
    for (std::size_t r = col + 1; r < m; ++r) {
      const double f = a[r * m + col] / a[col * m + col];
      a[r * m + col] = f;
      if (f == 0.0) continue;
      for (std::size_t j = col + 1; j < m; ++j) a[r * m + j] -= f * a[col * m + j];
    }
  }
}

std::vector<double> FollowUpFlows::solve(std::vector<double> x) const {
  x.resize(links_.size(), 0.0);
  std::vector<double> y;
  for (std::size_t ci = 0; ci < components_.size(); ++ci) {
    const Component& c = components_[ci];
    const std::size_t m = c.types.size();
    if (c.singular) {
      bool some = false;
      for (const std::size_t k : c.types) some = some || x[k] != 0.0;
      for (const std::size_t k : c.types) x[k] = some ? std::numeric_limits<double>::infinity() : 0.0;
    } else if (c.loops) {
      // Forward substitution on the permuted inflows, then back substitution.
      y.assign(m, 0.0);
      for (std::size_t i = 0; i < m; ++i) {
        double s = x[c.types[c.row[i]]];
        for (std::size_t j = 0; j < i; ++j) s -= c.lu[i * m + j] * y[j];
        y[i] = s;
      }
      for (std::size_t i = m; i-- > 0;) {
        double s = y[i];
        for (std::size_t j = i + 1; j < m; ++j) s -= c.lu[i * m + j] * y[j];
        y[i] = s / c.lu[i * m + i];
      }
      for (std::size_t a = 0; a < m; ++a) x[c.types[a]] = y[a];
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
