// tests/cli/cli_test_support.h
// Shared by the CLI, MPI and browser tests: a fixture that runs the ccsim binary as a
// user would from a shell, in a scratch folder of its own; the results JSON minus what
// may differ between equal runs; a scenario whose names try to break the HTML report,
// one whose agents all work shifts with breaks, and the small scenarios the tests share.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace ccsim::test_support {

// AddressSanitizer reserves terabytes of address space for its shadow memory, so a ccsim
// built with it cannot start under `ulimit -v`: tests of behaviour under such a limit skip.
#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool kAddressSanitizer = true;
#else
inline constexpr bool kAddressSanitizer = false;
#endif

struct Outcome {
  int exit_code;
  std::string out;
  std::string err;
};

inline std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// A results file with run.threads, run.ranks and performance removed: two runs of the
// same scenario, seed and replications must then be equal, value for value.
inline nlohmann::json comparable_results(const std::filesystem::path& file) {
  nlohmann::json doc = nlohmann::json::parse(slurp(file));
  doc.erase("performance");
  doc["run"].erase("threads");
  doc["run"].erase("ranks");
  return doc;
}

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    // The process id too: two checkouts' suites can run at once on one machine.
    dir_ = std::filesystem::temp_directory_path() / ("ccsim_cli_" + std::string(info->test_suite_name()) + "_" +
                                                     std::string(info->name()) + "_" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override {
    if (!dir_.empty()) std::filesystem::remove_all(dir_);  // empty when SetUp skipped the test
  }

  // Runs a shell command line from dir_ (relative paths land there); stdout and stderr
  // are collected through files in dir_.
  Outcome shell(const std::string& command) {
    const std::filesystem::path out = dir_ / "stdout.txt";
    const std::filesystem::path err = dir_ / "stderr.txt";
    const std::string cmd = "cd '" + dir_.string() + "' && " + command + " >" + out.string() + " 2>" + err.string();
    const int status = std::system(cmd.c_str());
    return Outcome{WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(out), slurp(err)};
  }

  Outcome ccsim(const std::string& args) { return shell(std::string(CCSIM_BINARY) + " " + args); }

  std::string scenario(const std::string& relative) { return std::string(CCSIM_SOURCE_DIR) + "/" + relative; }

  // The temporaries of cli/output_file.h left anywhere in dir_: there should be none.
  std::vector<std::string> temporaries() const {
    std::vector<std::string> found;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir_))
      if (entry.path().filename().string().find(".ccsim-") != std::string::npos)
        found.push_back(entry.path().string());
    return found;
  }

  std::filesystem::path dir_;
};

// A day scenario whose names hold "</script>", "<!--", quotes and markup. The
// scenario name's script, if it ever ran, would mark the page with data-pwned.
inline constexpr const char* kHostileNamesScenario = R"({
  "name": "</script><script>document.documentElement.dataset.pwned = 1</script>",
  "description": "Names that try to break out of the report's <script> and <title> elements & \"quotes\".",
  "mode": "day", "period_s": 1800, "num_periods": 2, "start_time": "08:00",
  "contact_types": [
    { "name": "a \"quoted\" & 'single' <!-- type",
      "arrivals": { "process": "piecewise_poisson", "per_period": [60, 80] },
      "talk": { "dist": "exponential", "mean_s": 180 }, "patience": { "dist": "exponential", "mean_s": 120 } }
  ],
  "agent_groups": [ { "name": "</SCRIPT ><b>bold</b>", "staffing": [4, 5] } ],
  "router": { "policy": "queue_priority", "type_to_group": { "a \"quoted\" & 'single' <!-- type": ["</SCRIPT ><b>bold</b>"] } },
  "rng": { "seed": 7, "replications": 3 }
})";

// A day whose only group is staffed by two shifts (no staffing array): 6 agents
// 08:00-09:30 with an unpaid 15-minute coffee break, 4 agents 09:00-10:00, 10 %
// absenteeism and 5 % shrinkage. Agents scheduled per interval: 6, 6, 10, 4 (absent
// ones included, so the same in every replication); 6.5 over the day.
inline constexpr const char* kShiftOnlyScenario = R"({
  "name": "shift_only",
  "mode": "day", "period_s": 1800, "num_periods": 4, "start_time": "08:00",
  "contact_types": [
    { "name": "calls",
      "arrivals": { "process": "piecewise_poisson", "per_period": [40, 40, 60, 30] },
      "talk": { "dist": "exponential", "mean_s": 180 }, "patience": { "dist": "exponential", "mean_s": 300 } }
  ],
  "agent_groups": [
    { "name": "rostered",
      "shifts": [
        { "name": "early", "start": "08:00", "end": "09:30", "agents": 6,
          "breaks": [ { "name": "coffee", "duration_s": 900, "window": { "from": "08:30", "to": "08:45" },
                        "paid": false } ] },
        { "name": "late", "start": "09:00", "end": "10:00", "agents": 4 } ],
      "absenteeism": 0.1, "shrinkage": 0.05 }
  ],
  "router": { "policy": "queue_priority", "type_to_group": { "calls": ["rostered"] } },
  "rng": { "seed": 11, "replications": 4 }
})";

// scenarios/examples/two_skill_overflow_15min.json, shortened to the morning's first two
// hours, with a service level of its own for premium (70 % within 60 s) and targets on
// the intervals: premium in 90 % of them, standard in every one. The standard team is
// short from 08:45, so standard misses its target there.
inline constexpr const char* kPerTypeTargetsScenario = R"({
  "name": "per_type_targets",
  "mode": "day", "period_s": 900, "num_periods": 8, "start_time": "08:00",
  "contact_types": [
    { "name": "premium", "priority": 0,
      "arrivals": { "process": "piecewise_poisson", "per_period": [10, 14, 18, 22, 26, 28, 30, 30] },
      "talk": { "dist": "gamma", "mean_s": 300, "cv": 0.7 },
      "patience": { "dist": "weibull", "shape": 1.5, "scale_s": 240 },
      "service_level": { "awt_s": 60, "target": 0.7 } },
    { "name": "standard", "priority": 1,
      "arrivals": { "process": "piecewise_poisson", "per_period": [30, 40, 52, 64, 72, 80, 86, 90] },
      "talk": { "dist": "gamma", "mean_s": 240, "cv": 0.9 },
      "patience": { "dist": "weibull", "shape": 1.2, "scale_s": 150 } }
  ],
  "agent_groups": [
    { "name": "premium_team", "staffing": [4, 5, 6, 7, 8, 8, 9, 9] },
    { "name": "standard_team", "staffing": [12, 15, 19, 14, 14, 14, 14, 14] },
    { "name": "generalists", "staffing": 3 }
  ],
  "router": {
    "policy": "queue_priority",
    "type_to_group": { "premium": ["premium_team", "generalists"], "standard": ["standard_team", "generalists"] }
  },
  "service_level": { "awt_s": 30, "target": 0.8 },
  "targets": [
    { "kpi": "service_level", "type": "premium", "min": 0.7, "scope": "intervals", "share_of_intervals": 0.9 },
    { "kpi": "service_level", "type": "standard", "min": 0.8, "scope": "intervals" }
  ],
  "rng": { "seed": 15, "replications": 10 }
})";

// A day of three half-hours whose middle one has no call, and whose second group has no
// agent, so never answers: where no observation defines a ratio, neither its mean nor its
// ratio of means is defined.
inline constexpr const char* kIdleGroupScenario = R"({
  "name": "idle_group",
  "mode": "day", "period_s": 1800, "num_periods": 3, "start_time": "08:00",
  "contact_types": [
    { "name": "calls", "arrivals": { "process": "piecewise_poisson", "per_period": [40, 0, 40] },
      "talk": { "dist": "exponential", "mean_s": 180 }, "patience": { "dist": "exponential", "mean_s": 300 } }
  ],
  "agent_groups": [ { "name": "agents", "staffing": 5 }, { "name": "idle", "staffing": 0 } ],
  "router": { "policy": "queue_priority", "type_to_group": { "calls": ["agents", "idle"] } },
  "rng": { "seed": 3, "replications": 3 }
})";

}  // namespace ccsim::test_support
