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

class OutputFile;

enum class TraceFormat : std::uint8_t { Csv, JsonLines };

// "csv" or "jsonl"; for an empty name, the format the file's extension implies
// (.csv, .jsonl / .ndjson). Throws std::invalid_argument saying what is accepted.
TraceFormat trace_format(std::string_view name, const std::string& path);

// Every call gets a number, 1, 2, ... in arrival order (blocked calls included), so a
// reader can follow one call from arrival to its end although the model reuses slots.
class TraceWriter final : public models::TraceSink {
 public:
  // Opens a temporary beside `path` (cli/output_file.h); throws std::runtime_error naming
  // the file on failure. Destroyed without finish(), it leaves `path` as it was.
  TraceWriter(const std::string& path, TraceFormat format, const models::ScenarioSpec& spec,
              std::uint32_t replication);
  ~TraceWriter() override;

  void record(const models::TraceRecord& r) override;

  // Flushes, closes and renames the temporary over `path`; throws std::runtime_error
  // naming the file if a write failed.
  void finish();

 private:
  TraceFormat format_;
  std::uint32_t replication_;
  std::vector<std::string> type_names_;   // quoted/escaped for the format
  std::vector<std::string> group_names_;
  std::vector<std::uint64_t> call_of_slot_;
  // Per contact record: dialled, not yet answered: its customer's arrival keeps the dial's number.
  std::vector<std::uint8_t> dialled_;
  std::uint64_t calls_ = 0;
  std::string line_;
  std::unique_ptr<OutputFile> out_;
  std::FILE* file_;  // out_'s stream, or null once finished
};

}  // namespace ccsim::cli
