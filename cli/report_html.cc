// cli/report_html.cc
// The HTML report: one self-contained page holding the results JSON contract exactly
// as results_json() writes it, our renderer (cli/report_html/report.js) and the vendored
// uPlot, all inline. A Content-Security-Policy forbids every fetch: the page works offline.
#include <stdexcept>
#include <string>
#include <string_view>

#include "cli/output_file.h"
#include "cli/report.h"
#include "cli/report_html_assets.h"

namespace ccsim::cli {
namespace {

// JSON inside <script type="application/json">: '<' can only stand inside a JSON
// string, where \u003c means the same character, so "</script>" or "<!--" in a
// scenario name cannot end the element. The JSON value is unchanged.
std::string script_safe(std::string_view json) {
  std::string out;
  out.reserve(json.size());
  for (char c : json) {
    if (c == '<') out += "\\u003c";
    else out += c;
  }
  return out;
}

std::string html_text(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

// Inline scripts and styles only, no connections, images only as data: URLs (the
// empty favicon). The browser itself then guarantees that opening the page fetches nothing.
constexpr std::string_view kContentSecurityPolicy =
    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:";

std::string html_page(const models::ScenarioSpec& spec, const models::RunResults& results) {
  std::string page;
  page += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  page += "<meta http-equiv=\"Content-Security-Policy\" content=\"";
  page += kContentSecurityPolicy;
  page += "\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  page += "<meta name=\"generator\" content=\"ccsim\">\n<link rel=\"icon\" href=\"data:,\">\n";
  page += "<title>" + html_text(spec.name) + " – ccsim report</title>\n<style>\n";
  page += internal::kUplotCss;
  page += "\n";
  page += internal::kReportCss;
  page += "</style>\n</head>\n<body>\n";
  page += "<pre id=\"ccsim-errors\" hidden></pre>\n";
  page += "<main id=\"ccsim-report\"><h1>" + html_text(spec.name) +
          "</h1><noscript><p>This report draws its charts and tables with JavaScript, which is turned off. The "
          "results are in this file as JSON, in the element with id \"ccsim-results\".</p></noscript></main>\n";
  page += "<script type=\"application/json\" id=\"ccsim-results\">\n";
  page += script_safe(results_json(spec, results));
  page += "\n</script>\n<script type=\"application/json\" id=\"ccsim-page\">";
  page += script_safe(report_page_json(spec));
  page += "</script>\n";
  // The renderer comes first: it installs the error handlers, then draws once the
  // document (and with it uPlot) has loaded.
  page += "<script>\n";
  page += internal::kReportJs;
  page += "</script>\n<script>\n/*! The licence of uPlot, which follows unchanged from the npm package \"uplot\"\n";
  page += internal::kUplotLicense;
  page += "*/\n";
  page += internal::kUplotJs;
  page += "\n</script>\n</body>\n</html>\n";
  return page;
}

}  // namespace

void write_html(const std::string& path, const models::ScenarioSpec& spec, const models::RunResults& results) {
  std::string why;
  if (!write_output_file(path, html_page(spec, results), &why)) throw std::runtime_error(why);
}

}  // namespace ccsim::cli
