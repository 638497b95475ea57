// cli/usage_error.cc
// Leftover arguments of a CLI11 parse, said in the order typed, with what the command
// accepts and the closest accepted name (the scenario loader's edit distance).
#include "cli/usage_error.h"

#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "models/scenario/did_you_mean.h"
#include "models/scenario/message_text.h"

namespace ccsim::cli {
namespace {

namespace mi = models::internal;

// The option names `app` accepts, as typed: "--seed", "-h".
std::vector<std::string> option_names(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::Option* o : app.get_options([](const CLI::Option* o) { return o->nonpositional(); })) {
    for (const std::string& l : o->get_lnames()) names.push_back("--" + l);
    for (const std::string& s : o->get_snames()) names.push_back("-" + s);
  }
  return names;
}

std::vector<std::string> subcommand_names(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; }))
    names.push_back(sub->get_name());
  return names;
}

// Leftovers of one command: "--calls 900" is one unknown option and its value.
void describe(const CLI::App& app, const std::string& command, std::string& out) {
  const std::vector<std::string> options = option_names(app);
  const std::vector<std::string> subcommands = subcommand_names(app);
  const std::string help = fmt::format("see {} --help", command);
  bool after_unknown_option = false;
  for (const std::string& arg : app.remaining()) {
    if (arg == "--") continue;
    if (arg.size() > 1 && arg[0] == '-') {
      const std::string name = arg.substr(0, arg.find('='));  // --calls=900
      out += fmt::format("{}: unknown option {}; accepted: {}{}; {}\n", command, mi::escape_controls(name),
                         mi::join_names(options, options.size()), mi::did_you_mean(name, options), help);
      after_unknown_option = arg.find('=') == std::string::npos;
      continue;
    }
    if (after_unknown_option) {
      after_unknown_option = false;
      continue;
    }
    if (subcommands.empty())
      out += fmt::format("{}: unexpected argument {}; {}\n", command, mi::quote(arg), help);
    else {
      out += fmt::format("{}: unknown command {}; accepted: {}{}; {}\n", command, mi::quote(arg),
                         mi::join_names(subcommands, subcommands.size()), mi::did_you_mean(arg, subcommands), help);
      return;  // what follows was meant for that command
    }
  }
}

}  // namespace

std::string unexpected_arguments_message(const CLI::App& top) {
  std::string out;
  std::string command = "ccsim";  // not argv[0], which CLI11 takes as the app's name
  for (const CLI::App* app = &top;;) {
    describe(*app, command, out);
    const std::vector<CLI::App*> chosen = app->get_subcommands();
    if (chosen.empty()) break;
    app = chosen.front();
    command += " " + app->get_name();
  }
  return out;
}

}  // namespace ccsim::cli
