// cli/report_html.cc
// The HTML pages: the run report (the results JSON contract exactly as results_json()
// writes it, drawn by cli/report_html/report.js) and the comparison (ccsim.compare/2,
// drawn by compare.js), each self-contained: the JSON, our scripts and the vendored uPlot,
// all inline. A Content-Security-Policy forbids every fetch: the pages work offline.
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

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

// One JSON element of a page: its id and its text.
struct EmbeddedJson {
  std::string_view id;
  std::string json;
};

// A page: the title, a heading shown before the renderer replaces it (and with a note
// when scripts are off), the JSON it draws from, then common.js, its renderer and uPlot.
std::string html_page(const std::string& title, const std::string& heading, std::string_view noscript,
                      const std::vector<EmbeddedJson>& data, std::string_view renderer) {
  std::string page;
  page += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  page += "<meta http-equiv=\"Content-Security-Policy\" content=\"";
  page += kContentSecurityPolicy;
  page += "\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  page += "<meta name=\"generator\" content=\"ccsim\">\n<link rel=\"icon\" href=\"data:,\">\n";
  page += "<title>" + html_text(title) + "</title>\n<style>\n";
  page += internal::kUplotCss;
  page += "\n";
  page += internal::kReportCss;
  page += "</style>\n</head>\n<body>\n";
  page += "<pre id=\"ccsim-errors\" hidden></pre>\n";
  page += "<main id=\"ccsim-report\"><h1>" + html_text(heading) + "</h1><noscript><p>";
  page += noscript;
  page += "</p></noscript></main>\n";
  for (const EmbeddedJson& d : data) {
    page += "<script type=\"application/json\" id=\"";
    page += d.id;
    page += "\">\n" + script_safe(d.json) + "\n</script>\n";
  }
  // common.js first: it installs the error handlers; the renderer then draws once the
  // document (and with it uPlot) has loaded.
  page += "<script>\n";
  page += internal::kCommonJs;
  page += "</script>\n<script>\n";
  page += renderer;
  page += "</script>\n<script>\n/*! The licence of uPlot, which follows unchanged from the npm package \"uplot\"\n";
  page += internal::kUplotLicense;
  page += "*/\n";
  page += internal::kUplotJs;
  page += "\n</script>\n</body>\n</html>\n";
  return page;
}

void write_page(const std::string& path, const std::string& page) {
  std::string why;
  if (!write_output_file(path, page, &why)) throw std::runtime_error(why);
}

}  // namespace

void write_html(const std::string& path, const models::ScenarioSpec& spec, const models::RunResults& results,
                const models::Staffing* required) {
  write_page(path, html_page(spec.name + " – ccsim report", spec.name,
                             "This report draws its charts and tables with JavaScript, which is turned off. The "
                             "results are in this file as JSON, in the element with id \"ccsim-results\".",
                             {{"ccsim-results", results_json(spec, results)},
                              {"ccsim-page", report_page_json(spec, required)}},
                             internal::kReportJs));
}

void write_compare_html(const std::string& path, const std::string& compare_json_text, const models::ScenarioSpec& a,
                        const models::ScenarioSpec& b, const std::vector<models::Kpi>& shown) {
  write_page(path, html_page(a.name + " and " + b.name + " – ccsim comparison", "Comparison",
                             "This page draws its charts and tables with JavaScript, which is turned off. The "
                             "comparison is in this file as JSON, in the element with id \"ccsim-compare\".",
                             {{"ccsim-compare", compare_json_text}, {"ccsim-page", compare_page_json(a, b, shown)}},
                             internal::kCompareJs));
}

}  // namespace ccsim::cli
