// cli/output_file.h
// Files the user named (--json, --html, --csv, --trace, baselines): each is written to a
// temporary file beside it and renamed over it only once complete, so that a failure, an
// interrupt or a crash leaves the previous file whole. Missing folders are created.
// check_outputs() lets a command refuse, before it simulates, outputs it could not write.
#pragma once

#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace ccsim::cli {

// One file being written. The temporary is ".<name>.ccsim-<pid>-<n>.tmp" in the target's
// folder (the folder of the file a symlink points to), so that the rename cannot cross
// file systems. A target that exists and is not a regular file (/dev/null, a FIFO) is
// written in place: renaming over it would replace the device, not write to it.
//
//   OutputFile out(path);                     // throws "cannot write <path>: <why>"
//   std::fputs(text, out.stream());
//   out.commit();                             // the target changes here, or not at all
class OutputFile {
 public:
  // Creates the missing folders and the temporary; throws std::runtime_error
  // "cannot write <path>: <why>" (control characters escaped) on failure.
  explicit OutputFile(std::string path);
  // Removes the temporary unless commit() succeeded: the target keeps its old content.
  ~OutputFile();
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  std::FILE* stream() const { return file_; }

  // Flushes the data to disk and closes the temporary: what can fail for want of space
  // fails here. Throws as the constructor does (the temporary is then removed).
  void finish();
  // finish(), then renames the temporary over the target; throws as finish() does.
  void commit();

 private:
  [[noreturn]] void fail(std::string_view why);

  std::string path_;    // as the user gave it, for messages
  std::string target_;  // the file the rename replaces
  std::string temp_;    // empty when writing in place
  std::FILE* file_ = nullptr;
};

// Writes `text` to `path` through an OutputFile. false on failure, with the reason
// ("cannot write <path>: <why>") in *why when given.
bool write_output_file(const std::string& path, std::string_view text, std::string* why = nullptr);

// "ccsim run: wrote r.json" on stderr, once a file is complete: every command names what
// it wrote, so that a script's log says where the results went.
void note_written(std::string_view command, std::string_view what);

// A file a command names: one it will write (option "--json") or one it reads (option
// "scenario", input = true), which no output may replace.
struct NamedFile {
  std::string option;
  std::string path;
  bool input = false;
};

// Checks the outputs of `files` before a command runs: no two name the same file (or one
// the folder of another), none replaces an input, and each can be written: it is not a
// folder, its folder exists or can be created, and a file can be created there (tried,
// then removed). Returns "" when all is well, else one line per problem, e.g.
// "ccsim run: --json a.json and --html a.json name the same file; give each output its own file".
std::string check_outputs(std::string_view command, const std::vector<NamedFile>& files);

}  // namespace ccsim::cli
