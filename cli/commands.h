// cli/commands.h
// Each ccsim subcommand registers itself on the CLI11 app. A callback reports its
// outcome by setting exit_code: 0 ok, 2 bad input, 4 internal error (model invariant)
// for every command; `check` alone gates on verdicts, with 1 a target missed or a KPI
// regressed (or a required fingerprint changed) and 3 undecided. `run` and `sweep`
// report verdicts and exit 0. Every command takes the Cluster it runs on (cli/cluster.h):
// under mpirun every rank runs it, and the root alone prints.
#pragma once

namespace CLI {
class App;
}

namespace ccsim::cli {

class Cluster;

inline constexpr int kExitOk = 0;
inline constexpr int kExitTargetMissed = 1;
inline constexpr int kExitBadInput = 2;
inline constexpr int kExitInconclusive = 3;
inline constexpr int kExitInternal = 4;

void add_run_command(CLI::App& app, Cluster& cluster, int& exit_code);
void add_validate_command(CLI::App& app, Cluster& cluster, int& exit_code);
void add_erlang_command(CLI::App& app, const Cluster& cluster, int& exit_code);
void add_sweep_command(CLI::App& app, Cluster& cluster, int& exit_code);
void add_check_command(CLI::App& app, Cluster& cluster, int& exit_code);
void add_staff_command(CLI::App& app, Cluster& cluster, int& exit_code);
void add_compare_command(CLI::App& app, Cluster& cluster, int& exit_code);

}  // namespace ccsim::cli
