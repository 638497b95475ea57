// cli/bad_input.h
// BadInput: bad input a command finds itself once CLI11 has accepted the command line (a
// value out of range, options that contradict each other, a baseline of another scenario).
#pragma once

#include <stdexcept>

namespace ccsim::cli {

// Thrown where the problem is found, with the message as what() (one line, no newline);
// the command catches it, prints it once on stderr (the root alone under mpirun) and exits
// kExitBadInput (2). `check` prints what() as is (its messages start with the command or
// the file they locate); `erlang` after "ccsim erlang: ", as it prints the formulas' own
// std::invalid_argument, hence the base class.
class BadInput : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

}  // namespace ccsim::cli
