// models/scenario/message_text.h
// How the messages show what they name: a user's string quoted or with its control
// characters escaped (one line, nothing that drives a terminal), lists of names, numbers.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>

namespace ccsim::models::internal {

// `"text"` with quotes, backslashes and control characters escaped as in JSON.
std::string quote(std::string_view text);
// `text` with its control characters escaped as quote() does (a newline as \n, ESC as
// \u001b), nothing else changed: for a user's string shown unquoted in a message (a file
// name, a JSON pointer), so that the message stays one line and cannot drive the terminal.
std::string escape_controls(std::string_view text);

// "a, b, c"; after `limit` names: "a, b, ... (12 more)".
std::string join_names(std::span<const std::string_view> names, std::size_t limit = 12);
std::string join_names(std::span<const std::string> names, std::size_t limit = 12);

// Shortest text that reads back as the same double (fmt's "{}"), with ".0" added to
// integral values so that 3.0 is not shown as the integer 3.
std::string format_double(double x);

// A percentage typed for a fraction, written as the fraction: "6" -> "0.06", "30" ->
// "0.30", "12.5" -> "0.125" (the decimal point moved two places in the shortest text,
// so that no binary rounding shows).
std::string hundredth_text(double x);

}  // namespace ccsim::models::internal
