// cli/usage_error.h
// What ccsim says about command-line arguments no command accepts: CLI11's own message
// lists them backwards and names nothing that would have been accepted.
#pragma once

#include <string>

namespace CLI {
class App;
}

namespace ccsim::cli {

// The lines for the arguments CLI11 left over after parsing `top` (it threw
// CLI::ExtrasError, or a RequiredError for a command named wrong), one per unknown
// option, stray argument or unknown command, in command-line order; "" if none:
//   ccsim run: unknown option --calls; accepted: --seed, ... (did you mean "--cells"?);
//   see ccsim run --help
// An argument right after an unknown option is taken as its value, and those after an
// unknown command as its own: neither is named again.
std::string unexpected_arguments_message(const CLI::App& top);

}  // namespace ccsim::cli
