#include "tests/fuzz/sweep_edit_input.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <vector>

#include "cli/sweep_vary.h"
#include "models/scenario/load.h"
#include "models/scenario/validate_spec.h"

namespace ccsim::cli::testing {
namespace {

namespace fs = std::filesystem;
using models::ScenarioEdit;
using models::ScenarioError;

// Inside the examples folder, as the scenario fuzzer's label: a /forecast/file edit then
// resolves a relative name as a shipped scenario would.
const std::string kLabel = CCSIM_SOURCE_DIR "/scenarios/examples/fuzz_input.json";

[[noreturn]] void broken(const std::string& promise, const std::string& detail) {
  throw std::logic_error(promise + ": " + detail);
}

// The small valid scenarios of the scenario fuzzer's corpus, read once: day and steady
// state, named elements to address by name, router tables, IVR, shifts, costs.
const std::vector<std::string>& bases() {
  static const std::vector<std::string> texts = [] {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(CCSIM_SOURCE_DIR "/tests/fuzz/corpus/scenario"))
      if (entry.path().filename().string().rfind("tiny_", 0) == 0) files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    std::vector<std::string> out;
    for (const fs::path& f : files) {
      std::ifstream in(f, std::ios::binary);
      out.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    if (out.empty()) throw std::runtime_error("sweep edit fuzzer: no tiny_*.json base scenario");
    return out;
  }();
  return texts;
}

void expect_one_line(const std::string& what, const std::string& text) {
  if (text.find('\n') != std::string::npos) broken(what + " is one line", text);
}

bool is_number(const std::string& s) {
  std::size_t used = 0;
  try {
    return std::isfinite(std::stod(s, &used)) && used == s.size();
  } catch (const std::exception&) {
    return false;
  }
}

// The promises of parse_vary on an argument it accepted.
void check_vary(const std::string& arg, const Vary& v) {
  if (v.pointer.empty() || v.pointer[0] != '/') broken("a Vary's pointer starts with '/'", v.pointer);
  if (v.values.empty() || v.values.size() > kMaxValuesPerVary)
    broken("a Vary has 1 to kMaxValuesPerVary values", std::to_string(v.values.size()) + " from " + arg);
  for (const std::string& x : v.values) {
    if (x.empty()) broken("no value is empty", arg);
    if (v.op != ScenarioEdit::Op::Set && !is_number(x)) broken("*= and += take numbers", x + " from " + arg);
  }
  // Splitting at top-level commas keeps every character: without a range, the values
  // joined by commas are the text after the operator.
  const std::string text = arg.substr(arg.find('=') + 1);
  if (text.find("..") != std::string::npos) return;
  std::string joined;
  for (const std::string& x : v.values) joined += (joined.empty() ? "" : ",") + x;
  if (joined != text) broken("values join back to the text they came from", text + " split as " + joined);
}

// True when the edited scenario loaded (and passed validate_spec).
bool load_with(const std::string& base, const std::vector<ScenarioEdit>& edits) {
  models::ScenarioSpec spec;
  try {
    spec = models::load_scenario_text(base, kLabel, edits);
  } catch (const ScenarioError& e) {
    const std::string text = models::format_diagnostics(e);
    const auto lines = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
    if (e.diagnostics().empty() || lines != e.diagnostics().size())
      broken("one line per problem", std::to_string(e.diagnostics().size()) + " diagnostics printed as " +
                                          std::to_string(lines) + " lines:\n" + text);
    return false;
  }
  if (auto problems = models::spec_problems(spec); !problems.empty())
    broken("every spec the loader returns passes validate_spec",
           models::format_diagnostics(ScenarioError(kLabel, std::move(problems))));
  return true;
}

}  // namespace

SweepEditOutcome exercise_sweep_edits(std::string_view bytes) {
  const std::vector<std::string>& texts = bases();
  std::size_t base = 0;
  std::vector<Vary> varies;
  std::size_t from = 0;
  while (from <= bytes.size()) {
    const std::size_t to = std::min(bytes.find('\n', from), bytes.size());
    const std::string line(bytes.substr(from, to - from));
    from = to + 1;
    if (line.size() > 1 && line[0] == '@' && line.size() < 6 &&
        line.find_first_not_of("0123456789", 1) == std::string::npos) {
      base = std::stoul(line.substr(1)) % texts.size();
    } else if (!line.empty() && line[0] == '/') {
      try {
        Vary v = parse_vary(line);
        check_vary(line, v);
        varies.push_back(std::move(v));
      } catch (const std::invalid_argument& e) {
        expect_one_line("a --vary error", e.what());
      }
    }
  }
  bool loaded = false;
  std::vector<ScenarioEdit> firsts;
  for (const Vary& v : varies) {
    firsts.push_back({v.pointer, v.op, v.values.front()});
    loaded = load_with(texts[base], {firsts.back()}) || loaded;
    if (v.values.size() > 1) loaded = load_with(texts[base], {{v.pointer, v.op, v.values.back()}}) || loaded;
  }
  if (firsts.size() > 1) loaded = load_with(texts[base], firsts) || loaded;
  return loaded ? SweepEditOutcome::Loaded : SweepEditOutcome::Rejected;
}

}  // namespace ccsim::cli::testing
