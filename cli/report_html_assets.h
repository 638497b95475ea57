// cli/report_html_assets.h
// The files under cli/report_html/, compiled into ccsim by cli/report_html/embed.cmake
// (the generated source defines these). Each is the file's bytes, not NUL-terminated.
#pragma once

#include <string_view>

namespace ccsim::cli::internal {

extern const std::string_view kCommonJs;      // common.js: what both renderers share, loaded first
extern const std::string_view kReportJs;      // report.js: the run report's renderer
extern const std::string_view kCompareJs;     // compare.js: the comparison's renderer
extern const std::string_view kReportCss;     // report.css
extern const std::string_view kUplotJs;       // vendor/uPlot.iife.min.js (uPlot, MIT)
extern const std::string_view kUplotCss;      // vendor/uPlot.min.css
extern const std::string_view kUplotLicense;  // vendor/LICENSE, shipped inside every report

}  // namespace ccsim::cli::internal
