// cli/trace_writer.h
// TraceWriter: streams one replication's trace records (models/trace.h) to a file as
// CSV or JSON lines, with contact types and groups by name. Memory stays flat: rows go
// straight to a buffered file, and the only table kept is one entry per contact slot.
#pragma once

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "models/scenario/spec.h"
#include "models/trace.h"

namespace ccsim::cli {

enum class TraceFormat : std::uint8_t { Csv, JsonLines };

// "csv" or "jsonl"; for an empty name, the format the file's extension implies
// (.csv, .jsonl / .ndjson). Throws std::invalid_argument saying what is accepted.
TraceFormat trace_format(std::string_view name, const std::string& path);

// Every call gets a number, 1, 2, ... in arrival order (blocked calls included), so a
// reader can follow one call from arrival to its end although the model reuses slots.
class TraceWriter final : public models::TraceSink {
 public:
  // Opens `path` for writing; throws std::runtime_error naming the file on failure.
  TraceWriter(const std::string& path, TraceFormat format, const models::ScenarioSpec& spec,
              std::uint32_t replication);
  ~TraceWriter() override;

  void record(const models::TraceRecord& r) override;

  // Flushes and closes; throws std::runtime_error naming the file if a write failed.
  void finish();

 private:
  struct FileCloser {
    void operator()(std::FILE* f) const;
  };

  std::string path_;
  TraceFormat format_;
  std::uint32_t replication_;
  std::vector<std::string> type_names_;   // quoted/escaped for the format
  std::vector<std::string> group_names_;
  std::vector<std::uint64_t> call_of_slot_;
  std::uint64_t calls_ = 0;
  std::string line_;
  std::unique_ptr<std::FILE, FileCloser> file_;
};

}  // namespace ccsim::cli
