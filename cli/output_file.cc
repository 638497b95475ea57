// cli/output_file.cc
#include "cli/output_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <utility>

#include <fmt/format.h>

#include "models/scenario/message_text.h"

namespace ccsim::cli {
namespace {

namespace fs = std::filesystem;
using models::internal::escape_controls;

std::string shown(const fs::path& p) { return escape_controls(p.string()); }

// A new file in `dir`, created exclusively (so never someone else's), with the mode the
// umask gives a new file; the descriptor, or -1 with errno set. Its name is kept short
// enough for any file system however long `name` is.
int create_temporary(const fs::path& dir, const std::string& name, std::string& temp) {
  static std::atomic<unsigned> counter{0};
  constexpr std::size_t kNameBytes = 120;
  for (int attempt = 0; attempt < 100; ++attempt) {
    temp = (dir / fmt::format(".{}.ccsim-{}-{}.tmp", name.substr(0, kNameBytes), ::getpid(), counter++)).string();
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd >= 0 || errno != EEXIST) return fd;
  }
  return -1;
}

// Why no file could be created in `dir` (the nearest folder that exists, for one still to
// be made); nullopt when a file can. Tried for real: permissions, read-only mounts, /proc.
std::optional<std::string> folder_problem(const fs::path& dir) {
  fs::path existing = dir.empty() ? fs::path(".") : dir;
  struct stat st {};
  while (::stat(existing.c_str(), &st) != 0) {
    if (errno != ENOENT && errno != ENOTDIR) return fmt::format("{}: {}", shown(existing), std::strerror(errno));
    const fs::path up = existing.parent_path().empty() ? fs::path(".") : existing.parent_path();
    if (up == existing) return fmt::format("{}: {}", shown(existing), std::strerror(errno));
    existing = up;
  }
  if (!S_ISDIR(st.st_mode)) return fmt::format("{} is not a folder", shown(existing));
  std::string probe;
  const int fd = create_temporary(existing, "probe", probe);
  if (fd < 0) return fmt::format("cannot create a file in {}: {}", shown(existing), std::strerror(errno));
  ::close(fd);
  ::unlink(probe.c_str());
  return std::nullopt;
}

// Why `path` cannot be written; nullopt when it can.
std::optional<std::string> output_problem(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0) {
    if (S_ISDIR(st.st_mode)) return "it is a folder";
    if (!S_ISREG(st.st_mode))
      return ::access(path.c_str(), W_OK) == 0 ? std::nullopt : std::optional<std::string>(std::strerror(errno));
    std::error_code ec;
    const fs::path target = fs::canonical(path, ec);
    return folder_problem(ec ? fs::path(path).parent_path() : target.parent_path());
  }
  return folder_problem(fs::path(path).parent_path());
}

// Equal for two names of one file, symlinks and "./" included, whether it exists or not.
std::string same_file_key(const std::string& path) {
  std::error_code ec;
  const fs::path absolute = fs::absolute(path, ec);
  if (ec) return fs::path(path).lexically_normal().string();
  const fs::path resolved = fs::weakly_canonical(absolute, ec);
  return (ec ? absolute.lexically_normal() : resolved).string();
}

std::string option_and_path(const NamedFile& f) {
  return f.input && f.option == "scenario" ? "the scenario " + escape_controls(f.path)
                                           : f.option + " " + escape_controls(f.path);
}

}  // namespace

OutputFile::OutputFile(std::string path) : path_(std::move(path)), target_(path_) {
  struct stat st {};
  if (::stat(path_.c_str(), &st) == 0) {
    if (S_ISDIR(st.st_mode)) fail("it is a folder");
    if (!S_ISREG(st.st_mode)) {
      file_ = std::fopen(path_.c_str(), "wb");
      if (!file_) fail(std::strerror(errno));
      return;
    }
    std::error_code ec;
    if (const fs::path resolved = fs::canonical(path_, ec); !ec) target_ = resolved.string();
  }
  const fs::path folder = fs::path(target_).parent_path();
  if (!folder.empty()) {
    std::error_code ec;
    fs::create_directories(folder, ec);
    if (ec)
      fail(folder_problem(folder).value_or(fmt::format("cannot create folder {}: {}", shown(folder), ec.message())));
  }
  const int fd = create_temporary(folder, fs::path(target_).filename().string(), temp_);
  if (fd < 0) {
    const int error = errno;
    temp_.clear();
    fail(fmt::format("cannot create a file in {}: {}", shown(folder.empty() ? "." : folder), std::strerror(error)));
  }
  file_ = ::fdopen(fd, "wb");
  if (!file_) {
    ::close(fd);
    fail(std::strerror(errno));
  }
}

OutputFile::~OutputFile() {
  if (file_) std::fclose(file_);
  if (!temp_.empty()) ::unlink(temp_.c_str());
}

void OutputFile::finish() {
  if (!file_) return;
  if (std::fflush(file_) != 0 || std::ferror(file_)) fail(fmt::format("write failed: {}", std::strerror(errno)));
  // On disk before the rename, so that a crash cannot leave a complete-looking empty file.
  if (!temp_.empty() && ::fsync(::fileno(file_)) != 0) fail(fmt::format("write failed: {}", std::strerror(errno)));
  std::FILE* file = file_;
  file_ = nullptr;
  if (std::fclose(file) != 0) fail(fmt::format("write failed: {}", std::strerror(errno)));
}

void OutputFile::commit() {
  finish();
  if (temp_.empty()) return;
  if (std::rename(temp_.c_str(), target_.c_str()) != 0) fail(std::strerror(errno));
  temp_.clear();
}

void OutputFile::fail(std::string_view why) {
  if (file_) std::fclose(file_);
  file_ = nullptr;
  if (!temp_.empty()) ::unlink(temp_.c_str());
  temp_.clear();
  throw std::runtime_error(fmt::format("cannot write {}: {}", escape_controls(path_), why));
}

void note_written(std::string_view command, std::string_view what) {
  std::fflush(stdout);  // a report buffered into the same pipe (2>&1) comes first, whole
  fmt::print(stderr, "ccsim {}: wrote {}\n", command, models::internal::escape_controls(what));
}

bool write_output_file(const std::string& path, std::string_view text, std::string* why) {
  try {
    OutputFile out(path);
    std::fwrite(text.data(), 1, text.size(), out.stream());
    out.commit();
    return true;
  } catch (const std::runtime_error& e) {
    if (why) *why = e.what();
    return false;
  }
}

std::string check_outputs(std::string_view command, const std::vector<NamedFile>& files) {
  std::vector<std::string> keys;
  for (const NamedFile& f : files) keys.push_back(same_file_key(f.path));
  std::string problems;
  for (std::size_t i = 0; i < files.size(); ++i) {
    for (std::size_t j = i + 1; j < files.size(); ++j) {
      const NamedFile& a = files[i];
      const NamedFile& b = files[j];
      if (a.input && b.input) continue;
      if (keys[i] == keys[j]) {
        if (a.input || b.input)
          problems += fmt::format("{}: {} would replace {}; write it elsewhere\n", command,
                                  option_and_path(a.input ? b : a), option_and_path(a.input ? a : b));
        else
          problems += fmt::format("{}: {} and {} name the same file; give each output its own file\n", command,
                                  option_and_path(a), option_and_path(b));
        continue;
      }
      for (const auto& [outer, inner] : {std::pair{i, j}, std::pair{j, i}})
        if (keys[inner].starts_with(keys[outer] + "/"))
          problems += fmt::format("{}: {} is a file, but {} puts a file inside it\n", command,
                                  option_and_path(files[outer]), option_and_path(files[inner]));
    }
  }
  std::vector<std::string> reported;  // one problem per option: --csv names several files in one folder
  for (const NamedFile& f : files) {
    if (f.input || std::find(reported.begin(), reported.end(), f.option) != reported.end()) continue;
    if (const auto why = output_problem(f.path)) {
      problems += fmt::format("{}: cannot write {} ({}): {}\n", command, escape_controls(f.path), f.option, *why);
      reported.push_back(f.option);
    }
  }
  return problems;
}

}  // namespace ccsim::cli
