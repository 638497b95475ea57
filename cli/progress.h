// cli/progress.h
// ProgressBar: one self-overwriting line on a terminal with replications done, elapsed
// time and ETA. Nothing is drawn when the stream is not a terminal (logs and CI stay
// clean) or before the run has taken half a second (short runs do not flicker).
#pragma once

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

namespace ccsim::cli {

class ProgressBar {
 public:
  // enabled = false draws nothing; use ProgressBar::for_stderr() for the usual choice.
  ProgressBar(std::FILE* out, bool enabled, std::string label);
  ~ProgressBar();
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  // Enabled when stderr is a terminal.
  static ProgressBar for_stderr(std::string label);

  // Called once per folded replication (from one thread at a time).
  void update(std::uint32_t done, std::uint32_t total);
  // Same, at `elapsed_s` seconds since construction (tests drive the clock).
  void update_at(std::uint32_t done, std::uint32_t total, double elapsed_s);

  // Erases the line if one was drawn, so the report starts on a clean line.
  void finish();

  // The text of one line, e.g. "run [########------------]  12/30 replications  0:04, ETA 0:06".
  static std::string line(std::string_view label, std::uint32_t done, std::uint32_t total, double elapsed_s);

 private:
  std::FILE* out_;
  bool enabled_;
  std::string label_;
  std::chrono::steady_clock::time_point start_;
  double last_draw_s_ = -1.0;
  bool drawn_ = false;
};

}  // namespace ccsim::cli
