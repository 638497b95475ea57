// cli/main.cc
// The ccsim command: subcommands register on one CLI11 app; usage errors exit 2.
#include <cstdio>
#include <exception>

#include <CLI/CLI.hpp>

#include "cli/commands.h"

int main(int argc, char** argv) {
  CLI::App app{"ccsim: discrete-event contact-centre simulator"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "ccsim 0.1.0");
  int exit_code = ccsim::cli::kExitOk;
  ccsim::cli::add_run_command(app, exit_code);
  ccsim::cli::add_validate_command(app, exit_code);
  ccsim::cli::add_erlang_command(app, exit_code);
  ccsim::cli::add_sweep_command(app, exit_code);
  ccsim::cli::add_check_command(app, exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return ccsim::cli::kExitBadInput;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "ccsim: internal error: %s\n", e.what());
    return ccsim::cli::kExitInternal;
  }
  return exit_code;
}
