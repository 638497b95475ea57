#include "models/scenario/validate.h"

#include <fmt/format.h>

#include <algorithm>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <numeric>

#include "models/analytic/erlang.h"
#include "models/kpi/kpi_names.h"
#include "sim/rng/variates.h"

namespace ccsim::models::internal {

// "6" -> "0.06", "30" -> "0.30", "12.5" -> "0.125": the decimal point moved two places
// in the number's shortest text, so that no binary rounding shows.
std::string hundredth_text(double x) {
  const std::string text = fmt::format("{}", x);
  const auto dot = text.find('.');
  std::string whole = text.substr(0, dot);
  const std::string frac = dot == std::string::npos ? std::string() : text.substr(dot + 1);
  if (whole.size() < 3) whole.insert(0, 3 - whole.size(), '0');
  return whole.substr(0, whole.size() - 2) + "." + whole.substr(whole.size() - 2) + frac;
}

std::string Range::text() const {
  const bool has_lo = std::isfinite(lo), has_hi = std::isfinite(hi);
  if (has_lo && has_hi) return fmt::format("in {}{}, {}{}", lo_open ? '(' : '[', lo, hi, hi_open ? ')' : ']');
  if (has_lo) return fmt::format("{} {}", lo_open ? ">" : ">=", lo);
  if (has_hi) return fmt::format("{} {}", hi_open ? "<" : "<=", hi);
  return "(any finite number)";
}

void DiagnosticSink::add(std::string pointer, std::string message) {
  if (kept_.size() < kMaxDiagnostics) {
    kept_.push_back({std::move(pointer), std::move(message)});
  } else {
    ++dropped_;
  }
}

std::vector<Diagnostic> DiagnosticSink::take() {
  std::vector<Diagnostic> out = std::move(kept_);
  if (dropped_ > 0)
    out.push_back({"", fmt::format("... {} more error{} not shown; fix the ones above first", dropped_,
                                   dropped_ == 1 ? "" : "s")});
  kept_.clear();
  dropped_ = 0;
  return out;
}

std::string escape_pointer_token(std::string_view token) {
  std::string out;
  out.reserve(token.size());
  for (char c : token) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

std::string child_pointer(std::string_view parent, std::string_view token) {
  std::string out(parent);
  out += '/';
  out += escape_pointer_token(token);
  return out;
}

std::string child_pointer(std::string_view parent, std::size_t index) { return fmt::format("{}/{}", parent, index); }

namespace {

// A control character (a byte below 0x20, or DEL) as a JSON escape, so that it cannot
// break a message's line or drive the terminal; any other byte as is.
void append_escaped(std::string& out, char c) {
  const auto u = static_cast<unsigned char>(c);
  if (c == '\n') {
    out += "\\n";
  } else if (c == '\t') {
    out += "\\t";
  } else if (c == '\r') {
    out += "\\r";
  } else if (u < 0x20 || u == 0x7f) {
    out += fmt::format("\\u{:04x}", static_cast<unsigned>(u));
  } else {
    out += c;
  }
}

}  // namespace

std::string escape_controls(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) append_escaped(out, c);
  return out;
}

std::string quote(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    append_escaped(out, c);
  }
  out += '"';
  return out;
}

namespace {

template <class S>
std::string join_impl(std::span<const S> names, std::size_t limit) {
  std::string out;
  const std::size_t shown = std::min(names.size(), limit);
  for (std::size_t i = 0; i < shown; ++i) {
    if (i > 0) out += ", ";
    out += std::string_view(names[i]);
  }
  if (names.size() > shown) out += fmt::format(", ... ({} more)", names.size() - shown);
  return out;
}

template <class S>
std::optional<std::string> closest_impl(std::string_view bad, std::span<const S> known) {
  std::optional<std::string> best;
  std::size_t best_distance = 0;
  for (const S& k : known) {
    const std::string_view name(k);
    const std::size_t longest = std::max(bad.size(), name.size());
    const std::size_t allowed = longest <= 3 ? 1 : longest <= 6 ? 2 : std::max<std::size_t>(2, longest / 3);
    const std::size_t d = edit_distance(bad, name);
    if (d == 0 || d > allowed || d >= longest) continue;
    if (!best || d < best_distance) {
      best = std::string(name);
      best_distance = d;
    }
  }
  return best;
}

template <class S>
std::string did_you_mean_impl(std::string_view bad, std::span<const S> known) {
  // A KPI key renamed in December 2026, where its new name is accepted: say what became of it.
  if (const std::string hint = renamed_kpi_hint(bad); !hint.empty())
    for (const RenamedKpi& r : kRenamedKpis)
      if (r.old_name == bad && std::ranges::find(known, kpi_name(r.now)) != known.end()) return " (" + hint + ")";
  if (auto c = closest_impl(bad, known)) return fmt::format(" (did you mean {}?)", quote(*c));
  return "";
}

}  // namespace

std::string join_names(std::span<const std::string_view> names, std::size_t limit) { return join_impl(names, limit); }
std::string join_names(std::span<const std::string> names, std::size_t limit) { return join_impl(names, limit); }

std::size_t edit_distance(std::string_view a, std::string_view b) {
  // Three rolling rows of the optimal-string-alignment table.
  const std::size_t n = b.size();
  std::vector<std::size_t> prev2(n + 1), prev(n + 1), cur(n + 1);
  std::iota(prev.begin(), prev.end(), std::size_t{0});
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= n; ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) cur[j] = std::min(cur[j], prev2[j - 2] + 1);
    }
    std::swap(prev2, prev);
    std::swap(prev, cur);
  }
  return prev[n];
}

std::optional<std::string> closest_name(std::string_view bad, std::span<const std::string_view> known) {
  return closest_impl(bad, known);
}
std::optional<std::string> closest_name(std::string_view bad, std::span<const std::string> known) {
  return closest_impl(bad, known);
}

std::string did_you_mean(std::string_view bad, std::span<const std::string_view> known) {
  return did_you_mean_impl(bad, known);
}
std::string did_you_mean(std::string_view bad, std::span<const std::string> known) {
  return did_you_mean_impl(bad, known);
}

std::string format_double(double x) {
  std::string s = fmt::format("{}", x);
  if (s.find_first_of(".eEn") == std::string::npos) s += ".0";  // "n": inf, nan
  return s;
}

namespace {

// The rule of law_not_finite.
bool law_is_finite(const sim::Distribution& d) {
  return std::isfinite(d.mean()) && std::isfinite(sim::largest_draw(d));
}

// A parameter of a law, by the name a scenario file gives it.
struct LawParameter {
  std::string_view name;
  double sim::Distribution::*member;
};

// The parameters a limit can be given for, the spread first: a cv of 1e200 is the
// mistake, not the mean beside it. Uniform fails only through min_s + max_s, and a
// constant or an empirical law never fails (values finite, mean between them).
std::vector<LawParameter> limitable_parameters(const sim::Distribution& d) {
  using D = sim::Distribution;
  switch (d.kind) {
    case sim::DistKind::Exponential:
    case sim::DistKind::Erlang:
      return {{"mean_s", &D::a}};
    case sim::DistKind::LogNormal:
    case sim::DistKind::Gamma:
      return {{"cv", &D::b}, {"mean_s", &D::a}};
    case sim::DistKind::Weibull:
      return {{"shape", &D::a}, {"scale_s", &D::b}};
    case sim::DistKind::Constant:
    case sim::DistKind::Uniform:
    case sim::DistKind::Empirical:
    case sim::DistKind::Triangular:
    case sim::DistKind::Mixture:
      return {};
  }
  return {};
}

// "gamma law with mean_s 180.0 and cv 1e+200": the law as a scenario file gives it.
std::string law_text(const sim::Distribution& d) {
  const std::string a = format_double(d.a), b = format_double(d.b);
  switch (d.kind) {
    case sim::DistKind::Constant:
      return fmt::format("constant law with value_s {}", a);
    case sim::DistKind::Exponential:
      return fmt::format("exponential law with mean_s {}", a);
    case sim::DistKind::Uniform:
      return fmt::format("uniform law with min_s {} and max_s {}", a, b);
    case sim::DistKind::LogNormal:
      return fmt::format("lognormal law with mean_s {} and cv {}", a, b);
    case sim::DistKind::Gamma:
      return fmt::format("gamma law with mean_s {} and cv {}", a, b);
    case sim::DistKind::Erlang:
      return fmt::format("erlang law with k {} and mean_s {}", d.k, a);
    case sim::DistKind::Weibull:
      return fmt::format("weibull law with shape {} and scale_s {}", a, b);
    case sim::DistKind::Empirical:
      return "empirical law";
    case sim::DistKind::Triangular:
      return fmt::format("triangular law with min_s {}, mode_s {} and max_s {}", a, format_double(d.c), b);
    case sim::DistKind::Mixture:
      return fmt::format("mixture of value_s {} with p {} and a {}", a, b, law_text(d.parts.front()));
  }
  return "law";
}

// The value of `p` nearest d's own for which the law is finite, bisected on a log scale
// between `good` (finite) and d's value; finiteness changes once between them for every
// limitable parameter. Rounded to 3 significant digits toward `good`, so that the value
// printed is itself accepted.
double finite_limit(sim::Distribution d, const LawParameter& p, double good) {
  double ok = std::log(good), bad = std::log(d.*p.member);
  for (int i = 0; i < 80; ++i) {
    const double mid = 0.5 * (ok + bad);
    d.*p.member = std::exp(mid);
    (law_is_finite(d) ? ok : bad) = mid;
  }
  const double limit = std::exp(ok);
  const double unit = std::pow(10.0, std::floor(std::log10(limit)) - 2);
  return (good < limit ? std::floor(limit / unit) : std::ceil(limit / unit)) * unit;
}

// "cv <= 1.83e+152 with mean_s 180.0": a limit on one parameter, the others kept, when
// moving that one alone to 1 makes the law finite.
std::string accepted_parameters(const sim::Distribution& d) {
  if (d.kind == sim::DistKind::Uniform || d.kind == sim::DistKind::Triangular)
    return fmt::format("min_s + {}max_s <= {:.3g}", d.kind == sim::DistKind::Triangular ? "mode_s + " : "",
                       std::numeric_limits<double>::max());
  const std::vector<LawParameter> params = limitable_parameters(d);
  for (const LawParameter& p : params) {
    sim::Distribution trial = d;
    trial.*p.member = 1.0;
    if (!law_is_finite(trial)) continue;
    const double limit = finite_limit(d, p, 1.0);
    std::string text = fmt::format("{} {} {:.3g}", p.name, limit < d.*p.member ? "<=" : ">=", limit);
    for (const LawParameter& other : params)
      if (other.name != p.name) text += fmt::format(" with {} {}", other.name, format_double(d.*other.member));
    return text;
  }
  std::vector<std::string_view> names;
  for (const LawParameter& p : params) names.push_back(p.name);
  return names.empty() ? std::string("finite parameters")
                       : fmt::format("other values of {}", fmt::join(names, " and "));
}

}  // namespace

std::optional<std::string> law_not_finite(const sim::Distribution& d) {
  const double mean = d.mean(), largest = sim::largest_draw(d);
  if (std::isfinite(mean) && std::isfinite(largest)) return std::nullopt;
  const std::string wrong =
      !std::isfinite(mean)
          ? fmt::format("has a mean that is not a finite number ({})", std::isnan(mean) ? "NaN" : "inf")
          : fmt::format("would draw values that are not finite numbers ({})", std::isnan(largest) ? "NaN" : "inf");
  return fmt::format("{} {}; accepted: {}, so that the mean and every draw are finite", law_text(d), wrong,
                     accepted_parameters(d));
}

std::optional<Diagnostic> steady_state_overload(const ScenarioSpec& spec) {
  if (spec.trunk_lines) return std::nullopt;
  // Finite IVR ports are an Erlang loss system (Poisson arrivals, any IVR duration law):
  // a share B of every IVR type is blocked, the rest passes, whatever happens after.
  double ivr_erlangs = 0.0;
  for (const ContactTypeSpec& t : spec.contact_types)
    if (t.ivr) ivr_erlangs += t.arrivals.rate_per_s * t.ivr->duration.mean();
  const double blocked = !spec.ivr_ports             ? 0.0
                         : std::isfinite(ivr_erlangs) ? analytic::erlang_b(*spec.ivr_ports, ivr_erlangs)
                                                      : 1.0;
  double load = 0.0, largest = 0.0;
  std::size_t top = 0;
  bool behind_ports = false;
  std::vector<bool> reachable(spec.agent_groups.size(), false);
  std::vector<std::string> names;
  for (std::size_t k = 0; k < spec.contact_types.size(); ++k) {
    const ContactTypeSpec& t = spec.contact_types[make_id<ContactTypeId>(k)];
    if (t.patience) continue;
    double to_agents = 1.0;
    if (t.ivr) to_agents -= t.ivr->p_self_service + t.ivr->p_hangup;
    if (t.ivr && spec.ivr_ports) to_agents *= 1.0 - blocked;
    if (to_agents <= 0.0 || t.arrivals.rate_per_s <= 0.0) continue;
    const double work_s = t.talk.mean() + (t.wrap_up ? t.wrap_up->mean() : 0.0);
    const double erlangs = t.arrivals.rate_per_s * to_agents * work_s;
    load += erlangs;
    if (erlangs > largest) {
      largest = erlangs;
      top = k;
    }
    behind_ports = behind_ports || (t.ivr && spec.ivr_ports);
    names.push_back(t.name);
    for (AgentGroupId g : t.groups) reachable[index(g)] = true;
  }
  if (names.empty()) return std::nullopt;
  double agents = 0.0;
  for (std::size_t g = 0; g < reachable.size(); ++g)
    if (reachable[g]) agents += spec.agent_groups[make_id<AgentGroupId>(g)].staffing.front();
  if (load < agents) return std::nullopt;
  const std::string ports =
      behind_ports ? fmt::format(", less the {:.3g} % the {} IVR ports block", 100.0 * blocked, *spec.ivr_ports) : "";
  return Diagnostic{fmt::format("/contact_types/{}", top),
                    fmt::format("no steady state: contact types with infinite patience ({}) offer {:.4g} erlangs "
                                "(rate x mean talk and wrap-up{}) to {} agents, so their queue grows without bound; "
                                "the offered load must be < the agents: add agents, give them a \"patience\", or set "
                                "\"trunks\"",
                                join_names(names), load, ports, agents)};
}

std::string file_stem(std::string_view path) {
  std::string stem = std::filesystem::path(path).stem().string();
  return stem.empty() ? std::string(path) : stem;
}

namespace {

// What a path that is not a regular file is, for the message that refuses it.
std::string_view file_kind(mode_t mode) {
  if (S_ISDIR(mode)) return "a directory";
  if (S_ISFIFO(mode)) return "a named pipe (FIFO)";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISSOCK(mode)) return "a socket";
  return "not a regular file";
}

// Closes a descriptor on every way out of read_input_file.
struct FileDescriptor {
  int fd;
  ~FileDescriptor() {
    if (fd >= 0) ::close(fd);
  }
};

}  // namespace

// Regular files only, so that /dev/zero is not read until memory runs out and a FIFO
// does not wait for a writer for ever; and a size limit checked before reading.
std::string read_input_file(const std::string& path, std::string_view noun, std::string_view missing_hint,
                            std::string_view expected) {
  const auto fail = [&](const std::string& why) {
    throw ScenarioError(path, {{"", fmt::format("cannot read the {}: {}", noun, why)}});
  };
  const auto not_regular = [&](mode_t mode) {
    fail(S_ISDIR(mode) ? fmt::format("it is a directory (expected {})", expected)
                       : fmt::format("it is {}, not a regular file (expected {})", file_kind(mode), expected));
  };
  const std::uintmax_t limit_mib = kMaxInputFileBytes >> 20;
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    const int err = errno;
    if (err == ENOENT || err == ENOTDIR) fail(fmt::format("no such file ({})", missing_hint));
    fail(std::strerror(err));
  }
  if (!S_ISREG(st.st_mode)) not_regular(st.st_mode);
  if (static_cast<std::uintmax_t>(st.st_size) > kMaxInputFileBytes)
    fail(fmt::format("it is {} bytes, over the {} MiB limit for an input file; is it the right file?", st.st_size,
                     limit_mib));
  // The path may have been replaced since stat: O_NONBLOCK keeps the open of a FIFO from
  // waiting for a writer, and fstat checks what was actually opened.
  const FileDescriptor file{::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC)};
  if (file.fd < 0) fail(std::strerror(errno));
  if (::fstat(file.fd, &st) != 0) fail(std::strerror(errno));
  if (!S_ISREG(st.st_mode)) not_regular(st.st_mode);
  std::string text;
  text.reserve(static_cast<std::size_t>(std::min<std::uintmax_t>(static_cast<std::uintmax_t>(st.st_size),
                                                                 kMaxInputFileBytes)));
  char buffer[1 << 16];
  for (;;) {
    const ssize_t n = ::read(file.fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) fail(std::strerror(errno));
    if (n == 0) break;
    if (text.size() + static_cast<std::size_t>(n) > kMaxInputFileBytes)
      fail(fmt::format("it grew past the {} MiB limit for an input file while being read", limit_mib));
    text.append(buffer, static_cast<std::size_t>(n));
  }
  return text;
}

std::string json_error_detail(const std::string& what) {
  const std::string marker = "parse error at ";
  if (auto p = what.find(marker); p != std::string::npos) return what.substr(p + marker.size());
  if (auto p = what.find("] "); p != std::string::npos) return what.substr(p + 2);
  return what;
}

}  // namespace ccsim::models::internal
