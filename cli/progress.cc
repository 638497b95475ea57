#include "cli/progress.h"

#include <cmath>
#include <unistd.h>

#include <fmt/format.h>

namespace ccsim::cli {
namespace {

constexpr double kFirstDrawS = 0.5;
constexpr double kRedrawS = 0.1;
constexpr int kBarWidth = 24;

std::string clock_text(double s) {
  const auto total = static_cast<long long>(std::lround(s));
  if (total >= 3600) return fmt::format("{}:{:02}:{:02}", total / 3600, total / 60 % 60, total % 60);
  return fmt::format("{}:{:02}", total / 60, total % 60);
}

}  // namespace

ProgressBar::ProgressBar(std::FILE* out, bool enabled, std::string label)
    : out_(out), enabled_(enabled), label_(std::move(label)), start_(std::chrono::steady_clock::now()) {}

ProgressBar::~ProgressBar() { finish(); }

ProgressBar ProgressBar::for_stderr(std::string label) {
  return ProgressBar(stderr, isatty(fileno(stderr)) == 1, std::move(label));
}

void ProgressBar::update(std::uint32_t done, std::uint32_t total) {
  if (!enabled_) return;
  update_at(done, total, std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count());
}

void ProgressBar::update_at(std::uint32_t done, std::uint32_t total, double elapsed_s) {
  if (!enabled_ || elapsed_s < kFirstDrawS) return;
  if (done < total && elapsed_s - last_draw_s_ < kRedrawS) return;
  last_draw_s_ = elapsed_s;
  drawn_ = true;
  fmt::print(out_, "\r{}\x1b[K", line(label_, done, total, elapsed_s));
  std::fflush(out_);
}

void ProgressBar::finish() {
  if (!drawn_) return;
  drawn_ = false;
  std::fputs("\r\x1b[K", out_);
  std::fflush(out_);
}

std::string ProgressBar::line(std::string_view label, std::uint32_t done, std::uint32_t total, double elapsed_s) {
  const double fraction = total > 0 ? static_cast<double>(done) / total : 1.0;
  const int filled = static_cast<int>(fraction * kBarWidth);
  std::string text = fmt::format("{} [{}{}] {:>{}}/{} replications  {}", label, std::string(filled, '#'),
                                 std::string(kBarWidth - filled, '-'), done, fmt::formatted_size("{}", total),
                                 total, clock_text(elapsed_s));
  if (done > 0 && done < total) text += ", ETA " + clock_text(elapsed_s / done * (total - done));
  return text;
}

}  // namespace ccsim::cli
