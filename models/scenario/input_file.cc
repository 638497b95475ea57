#include "models/scenario/input_file.h"

#include <fmt/format.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include "models/scenario/diagnostics.h"

namespace ccsim::models::internal {

std::string file_stem(std::string_view path) {
  std::string stem = std::filesystem::path(path).stem().string();
  return stem.empty() ? std::string(path) : stem;
}

namespace {

// What a path that is not a regular file is, for the message that refuses it.
std::string_view file_kind(mode_t mode) {
  if (S_ISDIR(mode)) return "a directory";
  if (S_ISFIFO(mode)) return "a named pipe (FIFO)";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISSOCK(mode)) return "a socket";
  return "not a regular file";
}

// Closes a descriptor on every way out of read_input_file.
struct FileDescriptor {
  int fd;
  ~FileDescriptor() {
    if (fd >= 0) ::close(fd);
  }
};

}  // namespace

// Regular files only, so that /dev/zero is not read until memory runs out and a FIFO
// does not wait for a writer for ever; and a size limit checked before reading.
std::string read_input_file(const std::string& path, std::string_view noun, std::string_view missing_hint,
                            std::string_view expected) {
  const auto fail = [&](const std::string& why) {
    throw ScenarioError(path, {{"", fmt::format("cannot read the {}: {}", noun, why)}});
  };
  const auto not_regular = [&](mode_t mode) {
    fail(S_ISDIR(mode) ? fmt::format("it is a directory (expected {})", expected)
                       : fmt::format("it is {}, not a regular file (expected {})", file_kind(mode), expected));
  };
  const std::uintmax_t limit_mib = kMaxInputFileBytes >> 20;
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    const int err = errno;
    if (err == ENOENT || err == ENOTDIR) fail(fmt::format("no such file ({})", missing_hint));
    fail(std::strerror(err));
  }
  if (!S_ISREG(st.st_mode)) not_regular(st.st_mode);
  if (static_cast<std::uintmax_t>(st.st_size) > kMaxInputFileBytes)
    fail(fmt::format("it is {} bytes, over the {} MiB limit for an input file; is it the right file?", st.st_size,
                     limit_mib));
  // The path may have been replaced since stat: O_NONBLOCK keeps the open of a FIFO from
  // waiting for a writer, and fstat checks what was actually opened.
  const FileDescriptor file{::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC)};
  if (file.fd < 0) fail(std::strerror(errno));
  if (::fstat(file.fd, &st) != 0) fail(std::strerror(errno));
  if (!S_ISREG(st.st_mode)) not_regular(st.st_mode);
  std::string text;
  text.reserve(static_cast<std::size_t>(std::min<std::uintmax_t>(static_cast<std::uintmax_t>(st.st_size),
                                                                 kMaxInputFileBytes)));
  char buffer[1 << 16];
  for (;;) {
    const ssize_t n = ::read(file.fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) fail(std::strerror(errno));
    if (n == 0) break;
    if (text.size() + static_cast<std::size_t>(n) > kMaxInputFileBytes)
      fail(fmt::format("it grew past the {} MiB limit for an input file while being read", limit_mib));
    text.append(buffer, static_cast<std::size_t>(n));
  }
  return text;
}

std::string json_error_detail(const std::string& what) {
  const std::string marker = "parse error at ";
  if (auto p = what.find(marker); p != std::string::npos) return what.substr(p + marker.size());
  if (auto p = what.find("] "); p != std::string::npos) return what.substr(p + 2);
  return what;
}

}  // namespace ccsim::models::internal
