#include "cli/trace_writer.h"

#include <cmath>
#include <stdexcept>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/output_file.h"
#include "cli/report.h"
#include "models/scenario/message_text.h"

namespace ccsim::cli {
namespace {

std::string json_string(const std::string& s) { return nlohmann::json(s).dump(); }

bool ends_with(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

TraceFormat trace_format(std::string_view name, const std::string& path) {
  if (name == "csv") return TraceFormat::Csv;
  if (name == "jsonl") return TraceFormat::JsonLines;
  if (!name.empty())
    throw std::invalid_argument(
        fmt::format("--trace-format: unknown format {}; accepted: csv, jsonl", models::internal::quote(name)));
  if (ends_with(path, ".csv")) return TraceFormat::Csv;
  if (ends_with(path, ".jsonl") || ends_with(path, ".ndjson")) return TraceFormat::JsonLines;
  throw std::invalid_argument(fmt::format(
      "--trace {}: cannot tell the format from the file name; use a .csv or .jsonl file, or --trace-format csv|jsonl",
      path));
}

TraceWriter::TraceWriter(const std::string& path, TraceFormat format, const models::ScenarioSpec& spec,
                         std::uint32_t replication)
    : format_(format),
      replication_(replication),
      out_(std::make_unique<OutputFile>(path)),
      file_(out_->stream()) {
  std::setvbuf(file_, nullptr, _IOFBF, 1 << 20);
  const auto quote = format == TraceFormat::Csv ? csv_quoted : json_string;
  for (const auto& t : spec.contact_types) type_names_.push_back(quote(t.name));
  for (const auto& g : spec.agent_groups) group_names_.push_back(quote(g.name));
  if (format == TraceFormat::Csv)
    std::fputs("replication,time_s,event,call,contact_type,agent_group,agent,wait_s,lateness_s,delay_s\n", file_);
}

TraceWriter::~TraceWriter() = default;

void TraceWriter::record(const models::TraceRecord& r) {
  using models::kNoId;
  using models::TraceWhat;
  std::uint64_t call = 0;
  if (r.what == TraceWhat::Arrival || r.what == TraceWhat::Dial) {
    const bool reached = r.what == TraceWhat::Arrival && r.contact < dialled_.size() && dialled_[r.contact] != 0;
    call = reached ? call_of_slot_[r.contact] : ++calls_;
    if (r.contact != kNoId) {
      if (r.contact >= call_of_slot_.size()) {
        call_of_slot_.resize(r.contact + 1, 0);
        dialled_.resize(r.contact + 1, 0);
      }
      call_of_slot_[r.contact] = call;
      dialled_[r.contact] = r.what == TraceWhat::Dial;
    }
  } else if (r.what == TraceWhat::BlockedTrunk || r.what == TraceWhat::BlockedIvr) {
    call = calls_;  // blocking is recorded right after the call's arrival
  } else if (r.contact != kNoId && r.contact < call_of_slot_.size()) {
    call = call_of_slot_[r.contact];
    if (r.what == TraceWhat::DialUnreached) dialled_[r.contact] = 0;  // the record is free for another call
  }
  const bool has_wait = r.what == TraceWhat::Answered || r.what == TraceWhat::Abandoned ||
                        r.what == TraceWhat::TimedOut || r.what == TraceWhat::Disconnected ||
                        r.what == TraceWhat::CallbackDeclined || r.what == TraceWhat::CallbackAccepted ||
                        r.what == TraceWhat::Resumed;
  const bool has_lateness = r.what == TraceWhat::BreakStart;
  // An endless announced wait (no agent on duty) has no number in CSV or JSON: left empty.
  const bool finite = std::isfinite(r.value);
  const bool has_delay =
      r.what == TraceWhat::Redial || r.what == TraceWhat::Return || r.what == TraceWhat::CallbackUnreached ||
      r.what == TraceWhat::Dial;
  const std::string_view event = models::trace_what_name(r.what);
  static const std::string kNone;
  const std::string& type = r.type != kNoId ? type_names_[r.type] : kNone;
  const std::string& group = r.group != kNoId ? group_names_[r.group] : kNone;

  line_.clear();
  auto out = std::back_inserter(line_);
  if (format_ == TraceFormat::Csv) {
    fmt::format_to(out, "{},{},{},", replication_, r.time_s, event);
    if (call != 0) fmt::format_to(out, "{}", call);
    fmt::format_to(out, ",{},{},", type, group);
    if (r.agent != kNoId) fmt::format_to(out, "{}", r.agent);
    line_ += ',';
    if (has_wait && finite) fmt::format_to(out, "{}", r.value);
    line_ += ',';
    if (has_lateness) fmt::format_to(out, "{}", r.value);
    line_ += ',';
    if (has_delay) fmt::format_to(out, "{}", r.value);
    line_ += '\n';
  } else {
    fmt::format_to(out, "{{\"replication\":{},\"time_s\":{},\"event\":\"{}\"", replication_, r.time_s, event);
    if (call != 0) fmt::format_to(out, ",\"call\":{}", call);
    if (!type.empty()) fmt::format_to(out, ",\"contact_type\":{}", type);
    if (!group.empty()) fmt::format_to(out, ",\"agent_group\":{}", group);
    if (r.agent != kNoId) fmt::format_to(out, ",\"agent\":{}", r.agent);
    if (has_wait && finite) fmt::format_to(out, ",\"wait_s\":{}", r.value);
    if (has_lateness) fmt::format_to(out, ",\"lateness_s\":{}", r.value);
    if (has_delay) fmt::format_to(out, ",\"delay_s\":{}", r.value);
    line_ += "}\n";
  }
  std::fwrite(line_.data(), 1, line_.size(), file_);
}

void TraceWriter::finish() {
  if (!file_) return;
  file_ = nullptr;
  out_->commit();
}

}  // namespace ccsim::cli
