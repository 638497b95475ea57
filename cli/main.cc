// cli/main.cc
// The ccsim command: subcommands register on one CLI11 app; usage errors exit 2.
// Started by an MPI launcher, every rank runs this: the root alone prints usage text.
#include <cstdio>
#include <exception>
#include <memory>
#include <ostream>
#include <string>

#include <CLI/CLI.hpp>

#include "cli/cluster.h"
#include "cli/commands.h"
#include "cli/interrupt.h"
#include "cli/usage_error.h"

int main(int argc, char** argv) {
  std::unique_ptr<ccsim::cli::Cluster> cluster;
  try {
    cluster = ccsim::cli::join_cluster(argc, argv);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "ccsim: cannot join the MPI job: %s\n", e.what());
    return ccsim::cli::kExitInternal;
  }
  // Under an MPI launcher the launcher owns signals (docs/mpi.md).
  if (cluster->size() == 1) ccsim::cli::install_interrupt_handlers();
  CLI::App app{"ccsim: discrete-event contact-centre simulator"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "ccsim 0.1.0");
  int exit_code = ccsim::cli::kExitOk;
  ccsim::cli::add_run_command(app, *cluster, exit_code);
  ccsim::cli::add_validate_command(app, *cluster, exit_code);
  ccsim::cli::add_erlang_command(app, *cluster, exit_code);
  ccsim::cli::add_sweep_command(app, *cluster, exit_code);
  ccsim::cli::add_check_command(app, *cluster, exit_code);
  ccsim::cli::add_staff_command(app, *cluster, exit_code);
  ccsim::cli::add_compare_command(app, *cluster, exit_code);
  // Every rank parses the same arguments and meets the same usage error.
  std::ostream discard(nullptr);
  std::ostream& out = cluster->is_root() ? std::cout : discard;
  std::ostream& err = cluster->is_root() ? std::cerr : discard;
  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {
    return app.exit(e, out, err);
  } catch (const CLI::ParseError& e) {
    // CLI11 lists leftover arguments backwards and names nothing accepted; a misspelt
    // command (`erlang cc`) it reports only as a missing one.
    const bool leftovers = dynamic_cast<const CLI::ExtrasError*>(&e) || dynamic_cast<const CLI::RequiredError*>(&e);
    const std::string message = leftovers ? ccsim::cli::unexpected_arguments_message(app) : "";
    if (message.empty())
      app.exit(e, out, err);
    else
      err << message;
    return ccsim::cli::kExitBadInput;
  } catch (const ccsim::cli::Interrupted& e) {
    const auto commands = app.get_subcommands();
    const std::string command = commands.empty() ? "ccsim" : "ccsim " + commands.front()->get_name();
    std::fputs(ccsim::cli::interrupted_message(command, e).c_str(), stderr);
    return ccsim::cli::interrupted_exit_code(e);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "ccsim: internal error: %s\n", e.what());
    return cluster->abandon(ccsim::cli::kExitInternal);
  }
  return exit_code;
}
