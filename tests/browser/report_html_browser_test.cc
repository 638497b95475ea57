// tests/browser/report_html_browser_test.cc
// Opens the HTML pages in headless Chromium, as a planner would open them: `ccsim run
// --html`, the report with the staffing `ccsim staff` found required, and the comparison
// of two scenarios. The renderers record what they drew in data-* attributes (cli/report_html/),
// Chromium dumps the rendered DOM, writes a screenshot and logs every console message.
// Checked: every chart drew data, no console message or uncaught error, no fetch, and
// the screenshot is a real picture. Skipped when /usr/bin/chromium is absent.
// CCSIM_BROWSER_ARTIFACTS=<folder> keeps each test's page and screenshot there, to look at.
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "cli/report.h"
#include "models/experiment/experiment.h"
#include "models/scenario/load.h"
#include "tests/cli/cli_test_support.h"

namespace {

namespace fs = std::filesystem;
using ccsim::test_support::Outcome;
using ccsim::test_support::slurp;

constexpr const char* kChromium = "/usr/bin/chromium";
constexpr int kWidth = 1400;
constexpr int kHeight = 3000;

struct RenderedPage {
  std::string dom;                    // the DOM after the scripts ran
  std::vector<std::string> console;   // every console message, error or not
  fs::path screenshot;
};

class ReportInBrowser : public ccsim::test_support::CliTest {
 protected:
  void SetUp() override {
    if (!fs::exists(kChromium)) GTEST_SKIP() << kChromium << " is absent: install the Debian package chromium";
    CliTest::SetUp();
  }

  fs::path write_report(const std::string& scenario_file, const std::string& extra = "") {
    const fs::path html = dir_ / "report.html";
    const Outcome o = ccsim("run " + scenario_file + " --html " + html.string() + " --quiet " + extra);
    EXPECT_EQ(o.exit_code, 0) << o.err;
    return html;
  }

  // The report of a scenario given as text (one of tests/cli/cli_test_support.h).
  fs::path write_report_of(const char* scenario_text) {
    const fs::path file = dir_ / "scenario.json";
    std::ofstream(file) << scenario_text;
    return write_report(file.string());
  }

  // One Chromium run gives both the DOM and the screenshot. The virtual time budget
  // lets the page finish its timers without the test sleeping; the host resolver rule
  // keeps Chromium's own background traffic off the network.
  RenderedPage open(const fs::path& html) {
    RenderedPage page;
    page.screenshot = dir_ / "screenshot.png";
    const std::string command =
        std::string("timeout 120 ") + kChromium +
        " --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --disable-extensions"
        " --disable-background-networking --disable-component-update --disable-sync --disable-default-apps"
        " '--host-resolver-rules=MAP * ~NOTFOUND' --user-data-dir=" + (dir_ / "profile").string() +
        " --window-size=" + std::to_string(kWidth) + "," + std::to_string(kHeight) +
        " --virtual-time-budget=5000 --enable-logging=stderr --v=0 --screenshot=" + page.screenshot.string() +
        " --dump-dom file://" + html.string();
    const Outcome o = shell(command);
    EXPECT_EQ(o.exit_code, 0) << o.err;
    page.dom = o.out;
    std::istringstream lines(o.err);
    for (std::string line; std::getline(lines, line);)
      if (line.find(":CONSOLE") != std::string::npos) page.console.push_back(line);
    if (const char* keep = std::getenv("CCSIM_BROWSER_ARTIFACTS")) {
      const fs::path folder(keep);
      const std::string name = ::testing::UnitTest::GetInstance()->current_test_info()->name();
      fs::create_directories(folder);
      fs::copy_file(html, folder / (name + ".html"), fs::copy_options::overwrite_existing);
      if (fs::exists(page.screenshot))
        fs::copy_file(page.screenshot, folder / (name + ".png"), fs::copy_options::overwrite_existing);
    }
    return page;
  }
};

// The opening tag of the element with this id, or "" when there is none.
std::string tag_of(const std::string& dom, const std::string& id) {
  const auto at = dom.find("id=\"" + id + "\"");
  if (at == std::string::npos) return "";
  const auto begin = dom.rfind('<', at);
  return dom.substr(begin, dom.find('>', at) - begin + 1);
}

long attribute(const std::string& tag, const std::string& name) {
  std::smatch m;
  if (!std::regex_search(tag, m, std::regex(" " + name + "=\"(\\d+)\""))) return -1;
  return std::stol(m[1]);
}

std::string root_tag(const std::string& dom) {
  const auto at = dom.find("<html");
  return at == std::string::npos ? "" : dom.substr(at, dom.find('>', at) - at + 1);
}

std::uint32_t big_endian(const std::string& s, std::size_t at) {
  std::uint32_t v = 0;
  for (std::size_t i = 0; i < 4; ++i) v = (v << 8) | static_cast<unsigned char>(s[at + i]);
  return v;
}

// The page finished, recorded no error and fetched nothing, and Chromium logged no
// console message (the report writes none: CSP violations and uncaught errors land there).
void expect_clean(const RenderedPage& page) {
  const std::string root = root_tag(page.dom);
  EXPECT_NE(root.find("data-render=\"done\""), std::string::npos) << root;
  EXPECT_EQ(attribute(root, "data-errors"), 0) << root << "\n" << tag_of(page.dom, "ccsim-errors");
  EXPECT_EQ(attribute(root, "data-resources"), 0) << "the page fetched something: " << root;
  EXPECT_TRUE(page.console.empty()) << page.console.size() << " console messages, the first: " << page.console[0];
  EXPECT_EQ(root.find("data-pwned"), std::string::npos) << "a name ran as script";
}

// A PNG of the window's size, and not one colour: a blank 1400 x 3000 screenshot
// compresses to about 19 KB, the day report's to about 400 KB.
void expect_picture(const fs::path& png, std::size_t min_bytes) {
  const std::string bytes = slurp(png);
  ASSERT_GT(bytes.size(), 24u) << png;
  EXPECT_EQ(bytes.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
  EXPECT_EQ(bytes.substr(12, 4), "IHDR");
  EXPECT_EQ(big_endian(bytes, 16), static_cast<std::uint32_t>(kWidth));
  EXPECT_EQ(big_endian(bytes, 20), static_cast<std::uint32_t>(kHeight));
  EXPECT_GT(bytes.size(), min_bytes) << "the screenshot looks blank";
}

// A data-* attribute's text, or "" when there is none.
std::string text_attribute(const std::string& tag, const std::string& name) {
  std::smatch m;
  if (!std::regex_search(tag, m, std::regex(" " + name + "=\"([^\"]*)\""))) return "";
  return m[1];
}

// The values a staffing chart drew for one series ("Scheduled"), from its data-values
// ("Productive:5.01 2.56|Scheduled:6 6"), as numbers; empty when the series is absent.
std::vector<double> series_values(const std::string& dom, const std::string& id, const std::string& label) {
  const std::string all = text_attribute(tag_of(dom, id + "-chart"), "data-values");
  const auto at = all.find(label + ":");
  if (at == std::string::npos || (at > 0 && all[at - 1] != '|')) return {};
  std::istringstream in(all.substr(at + label.size() + 1, all.find('|', at) - at - label.size() - 1));
  std::vector<double> out;
  for (double v; in >> v;) out.push_back(v);
  return out;
}

bool has(const std::string& dom, const std::string& text) { return dom.find(text) != std::string::npos; }

long count(const std::string& text, const std::string& what) {
  long n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

// Appends to the page a script that does what a reader would once the page is drawn
// (choose in a list, click); the page then records what it shows, for the DOM dump.
void add_reader_script(const fs::path& html, const std::string& actions) {
  std::string text = slurp(html);
  const std::string script = "<script>\ndocument.addEventListener(\"DOMContentLoaded\", () => setTimeout(() => {" +
                             actions + "}, 0));\n</script>\n";
  text.insert(text.rfind("</body>"), script);
  std::ofstream(html) << text;
}

// The DOM of the element with this id, from its opening tag to its end.
std::string element(const std::string& dom, const std::string& id) {
  const std::string tag = tag_of(dom, id);
  if (tag.empty()) return "";
  const std::string name = tag.substr(1, tag.find_first_of(" >") - 1);
  const std::string open = "<" + name, close = "</" + name + ">";
  const auto begin = dom.find(tag);
  int depth = 0;
  for (auto at = begin; at != std::string::npos; ++at) {
    at = dom.find('<', at);
    if (at == std::string::npos) break;
    if (dom.compare(at, close.size(), close) == 0) {
      if (--depth == 0) return dom.substr(begin, at + close.size() - begin);
    } else if (dom.compare(at, open.size(), open) == 0) {
      const char next = dom[at + open.size()];
      if (next == ' ' || next == '>') ++depth;
    }
  }
  return dom.substr(begin);
}

void expect_chart_drawn(const std::string& dom, const std::string& id) {
  const std::string tag = tag_of(dom, id + "-chart");
  ASSERT_FALSE(tag.empty()) << "no chart " << id;
  EXPECT_GT(attribute(tag, "data-points"), 0) << tag;
  EXPECT_GE(attribute(tag, "data-drawn"), 1) << tag;
  EXPECT_GT(attribute(tag, "data-coloured-pixels"), 100) << "no data painted: " << tag;
}

// The width of the first canvas inside the element with this id (uPlot draws there), or -1.
long canvas_width(const std::string& dom, const std::string& id) {
  const auto at = dom.find("id=\"" + id + "\"");
  if (at == std::string::npos) return -1;
  const auto canvas = dom.find("<canvas", at);
  if (canvas == std::string::npos) return -1;
  return attribute(dom.substr(canvas, dom.find('>', canvas) - canvas + 1), "width");
}

TEST_F(ReportInBrowser, DayReportDrawsEveryChartWithoutErrorsOrFetches) {
  const fs::path html = write_report(scenario("scenarios/examples/single_day_ivr.json"), "--replications 5");
  const RenderedPage page = open(html);
  expect_clean(page);
  EXPECT_EQ(attribute(root_tag(page.dom), "data-charts"), 9);
  for (const char* id : {"chart-service-level", "chart-calls", "chart-queue", "chart-occupancy", "chart-staffing-0",
                         "chart-staffing-1", "chart-staffing-2", "chart-type-service-level-0",
                         "chart-type-service-level-1"})
    expect_chart_drawn(page.dom, id);
  // One staffing chart per group: scheduled (the staffing array, exactly) against productive
  // agents; nobody takes a break, so there is no third series.
  EXPECT_EQ(attribute(tag_of(page.dom, "chart-staffing-0-chart"), "data-series"), 2);
  EXPECT_EQ(series_values(page.dom, "chart-staffing-0", "Scheduled"),
            (std::vector<double>{5, 6, 9, 11, 14, 15, 16, 16, 15, 14, 11, 10, 10, 13, 15, 15, 15, 14, 13, 14, 12, 12,
                                 10, 10, 8, 6, 5, 4}));
  EXPECT_EQ(series_values(page.dom, "chart-staffing-0", "Productive").size(), 28u);
  EXPECT_TRUE(series_values(page.dom, "chart-staffing-0", "On break").empty());
  EXPECT_NE(page.dom.find("<h3>Agents on duty: generalists</h3>"), std::string::npos);
  EXPECT_EQ(attribute(tag_of(page.dom, "chart-service-level-chart"), "data-points"), 4 * 28 + 1)
      << "band edges, mean and target for 28 intervals, and the one missed interval at 12:30";
  EXPECT_EQ(attribute(tag_of(page.dom, "table-intervals"), "data-rows"), 28);
  EXPECT_EQ(attribute(tag_of(page.dom, "table-types"), "data-rows"), 2);
  EXPECT_EQ(attribute(tag_of(page.dom, "table-groups"), "data-rows"), 3);
  EXPECT_EQ(attribute(tag_of(page.dom, "table-overall"), "data-rows"), 36);
  EXPECT_EQ(attribute(tag_of(page.dom, "table-overall-workforce"), "data-rows"), 6) << "no break: no lateness";
  for (const char* key : {"scheduled_agents", "present_agents", "agents_on_break", "productive_agents",
                          "overtime_agent_min", "paid_agent_hours"})
    EXPECT_TRUE(has(page.dom, std::string("class=\"tile\" data-key=\"") + key + "\"")) << key;
  EXPECT_FALSE(has(page.dom, "data-key=\"break_lateness_s\""));
  EXPECT_TRUE(has(page.dom, "title=\"productive_agents\"")) << "a column of the group and interval tables";
  EXPECT_NE(page.dom.find("class=\"badge badge-met\""), std::string::npos);
  EXPECT_NE(page.dom.find("class=\"badge badge-missed\""), std::string::npos);  // 12:30 in the interval table
  EXPECT_EQ(page.dom.find("id=\"no-intervals\""), std::string::npos);
  // Each service level says what it divides by; offered is said to count more than answered and lost.
  EXPECT_TRUE(has(page.dom, "class=\"tile-label\">Service level (answered ≤ 20 s / admitted)<"));
  EXPECT_TRUE(has(element(page.dom, "table-intervals"), "Service level (answered ≤ 20 s / admitted)"));
  EXPECT_TRUE(has(element(page.dom, "table-groups"), "Answered ≤ 20 s / answered"));
  EXPECT_TRUE(has(page.dom, ">Service level ≥ 80.0% within 20 s<")) << "a target gives its own threshold";
  EXPECT_TRUE(has(element(page.dom, "offered-note"),
                  "offered − answered is not the calls lost. Service level: answered within 20 s over admitted calls "
                  "(every call that joined the queue)."));
  // The scenario's one sanity warning (service's load equals its agents at 13:00), as text.
  EXPECT_EQ(count(page.dom, "class=\"warning\" data-code="), 1);
  EXPECT_TRUE(has(page.dom, "data-code=\"load_above_agents\">Warning: service: offered load at or above"));
  // Charts fill their card (about 1230 px in a 1400 px window), not the 320 px they are
  // first drawn at, before the page holds them; no window resize is needed.
  EXPECT_GT(canvas_width(page.dom, "chart-service-level-chart"), 1000);
  expect_picture(page.screenshot, 150'000);
}

// E-mails wait in a backlog hundreds long beside queues of a few calls: a chart of their
// own; chat groups get the sessions their chatting agents hold.
TEST_F(ReportInBrowser, MultichannelReportChartsTheBacklogAndTheChatSessionsApart) {
  const fs::path html = write_report(scenario("scenarios/examples/multichannel_day.json"), "--replications 3");
  const RenderedPage page = open(html);
  expect_clean(page);
  for (const char* id : {"chart-queue", "chart-backlog", "chart-sessions"}) expect_chart_drawn(page.dom, id);
  EXPECT_EQ(series_values(page.dom, "chart-queue", "email").size(), 0u) << "the e-mails are in the backlog chart";
  EXPECT_EQ(series_values(page.dom, "chart-queue", "service").size(), 28u);
  EXPECT_EQ(series_values(page.dom, "chart-backlog", "email").size(), 28u);
  // Both chat groups hold up to 3 sessions; the voice team holds none and has no line.
  const std::vector<double> chat = series_values(page.dom, "chart-sessions", "chat_team");
  EXPECT_EQ(chat.size(), 28u);
  // The blended agents, busy with e-mail late in the day, may hold no chat in an interval
  // (undefined there).
  std::vector<double> blended = series_values(page.dom, "chart-sessions", "blended");
  EXPECT_GE(blended.size(), 20u);
  blended.insert(blended.end(), chat.begin(), chat.end());
  for (const double v : blended) {
    EXPECT_GE(v, 1.0);
    EXPECT_LE(v, 3.0);
  }
  EXPECT_EQ(series_values(page.dom, "chart-sessions", "voice_team").size(), 0u);
}

TEST_F(ReportInBrowser, AWeekGetsTablesByDayAndAnAxisOfDaysAndTimes) {
  const fs::path html = write_report(scenario("scenarios/examples/email_week.json"), "--replications 3");
  const RenderedPage page = open(html);
  expect_clean(page);
  EXPECT_TRUE(has(page.dom, "7 days (Mon to Sun) · 24 intervals of 60 min a day from 00:00"));
  EXPECT_EQ(attribute(tag_of(page.dom, "table-days"), "data-rows"), 7);
  EXPECT_EQ(attribute(tag_of(page.dom, "table-day-types"), "data-rows"), 14);  // 7 days x 2 types
  EXPECT_EQ(attribute(tag_of(page.dom, "table-intervals"), "data-rows"), 168);
  const std::string days = element(page.dom, "table-days");
  for (const char* d : {">Mon<", ">Tue<", ">Sat<", ">Sun<"}) EXPECT_TRUE(has(days, d)) << d << "\n" << days;
  // Nobody works on Sunday: the backlog grows all day.
  const std::vector<double> backlog = series_values(page.dom, "chart-backlog", "email");
  ASSERT_EQ(backlog.size(), 168u);
  for (std::size_t i = 6 * 24 + 1; i < 168; ++i) EXPECT_GT(backlog[i], backlog[i - 1]) << i;
}

TEST_F(ReportInBrowser, PerTypeReportShowsCardsAHeatMapAndAChartPerType) {
  const RenderedPage page = open(write_report_of(ccsim::test_support::kPerTypeTargetsScenario));
  expect_clean(page);
  ASSERT_TRUE(has(page.dom, "id=\"type-service-levels\""));
  // Cards: premium against its own 70 % within 60 s, standard against the centre's.
  const std::string premium = element(page.dom, "type-card-0");
  const std::string standard = element(page.dom, "type-card-1");
  EXPECT_TRUE(has(premium, "target 70.0% within 60 s<")) << premium;
  EXPECT_TRUE(has(standard, "target 80.0% within 30 s, the centre's")) << standard;
  EXPECT_TRUE(has(standard, "class=\"badge badge-missed\"")) << standard;
  EXPECT_TRUE(has(standard, "<dt>ASA</dt>") && has(standard, "<dt>Abandoned / admitted</dt>")) << standard;
  // The heat map: 2 types x 8 intervals, and the card counts the intervals it marks missed.
  const std::string heat = element(page.dom, "heat-map");
  EXPECT_EQ(attribute(tag_of(page.dom, "heat-map"), "data-types"), 2);
  EXPECT_EQ(count(heat, "<td class=\"heat-cell"), 16);
  const std::string standard_row = heat.substr(heat.find("<tr data-type=\"standard\""));
  const long missed = count(standard_row, "data-verdict=\"missed\"");
  EXPECT_GT(missed, 0) << "the standard team is short from 08:45";
  EXPECT_TRUE(has(standard, "missed in " + std::to_string(missed) + " of 8 intervals")) << standard;
  EXPECT_TRUE(has(heat, "title=\"standard · 09:45–10:00\nservice level ")) << "the values on hover";
  // Two types: a chart each, no chooser; each draws band, mean and target, and its misses.
  EXPECT_EQ(attribute(root_tag(page.dom), "data-charts"), 9);
  EXPECT_FALSE(has(page.dom, "id=\"type-chooser\""));
  for (const char* id : {"chart-type-service-level-0", "chart-type-service-level-1"}) expect_chart_drawn(page.dom, id);
  EXPECT_EQ(text_attribute(tag_of(page.dom, "chart-type-service-level-1-chart"), "data-type"), "standard");
  EXPECT_EQ(attribute(tag_of(page.dom, "chart-type-service-level-1-chart"), "data-points"), 4 * 8 + missed);
  expect_picture(page.screenshot, 150'000);
}

// A statistic as the page writes it (ccsimPage.fmtStat), from a value and its half-width:
// "91.6 ± 2.4%" for a fraction, "3.11 ± 0.97 s" for seconds, "–" when undefined.
std::string page_stat(const nlohmann::json& value, const nlohmann::json& half_width, bool fraction) {
  if (value.is_null()) return "–";
  const double v = value, hw = half_width;
  if (fraction) return fmt::format("{:.1f} ± {:.1f}%", 100 * v, 100 * hw);
  const int digits = std::fabs(v) >= 100 ? 0 : std::fabs(v) >= 10 ? 1 : 2;
  return fmt::format("{:.{}f} ± {:.{}f} s", v, digits, hw, digits);
}

std::string page_ratio_of_means(const nlohmann::json& stat, bool fraction) {
  const nlohmann::json& r = stat["ratio_of_means"];
  return r.is_null() ? "–" : page_stat(r["value"], r["half_width"], fraction);
}

// A table row as the page writes it: the name, then each cell's text, right-aligned.
std::string page_row(const std::string& name, const std::vector<std::string>& cells) {
  std::string row = "<th scope=\"row\">" + name + "</th>";
  for (const std::string& c : cells) row += "<td class=\"num\">" + c + "</td>";
  return row;
}

// With several replications, a table of the ratio KPIs' ratios of means follows the
// tables by type and by group, and the interval table gives the service level's beside its
// mean, with the numbers of the results JSON; with one replication there is none of it.
TEST_F(ReportInBrowser, RatioOfMeansTablesAndColumnShowOnlyWithSeveralReplications) {
  const fs::path html = write_report(scenario("scenarios/examples/busy_days.json"), "--replications 5 --json r.json");
  const nlohmann::json k = nlohmann::json::parse(slurp(dir_ / "r.json"))["kpis"];
  const RenderedPage page = open(html);
  expect_clean(page);
  const std::string types = element(page.dom, "table-types-rom");
  EXPECT_EQ(attribute(tag_of(page.dom, "table-types-rom"), "data-rows"), 2);
  for (const char* type : {"sales", "service"}) {
    const nlohmann::json& t = k["by_type"][type];
    EXPECT_TRUE(has(types, page_row(type, {page_ratio_of_means(t["service_level"], true),
                                           page_ratio_of_means(t["asa_s"], false),
                                           page_ratio_of_means(t["p_abandon_over_admitted"], true)})))
        << type << "\n" << types;
  }
  EXPECT_TRUE(has(types, "title=\"service_level\"") && has(types, "title=\"p_abandon_over_admitted\""));
  EXPECT_FALSE(has(types, "title=\"offered\"")) << "a count has no ratio of means";
  const std::string groups = element(page.dom, "table-groups-rom");
  EXPECT_EQ(attribute(tag_of(page.dom, "table-groups-rom"), "data-rows"), 3);
  for (const char* group : {"sales_team", "service_team", "generalists"}) {
    const nlohmann::json& g = k["by_group"][group];
    EXPECT_TRUE(has(groups, page_row(group, {page_ratio_of_means(g["occupancy"], true),
                                             page_ratio_of_means(g["sl_answered_within_t_over_answered"], true),
                                             page_ratio_of_means(g["asa_s"], false)})))
        << group << "\n" << groups;
  }
  const std::string intervals = element(page.dom, "table-intervals");
  EXPECT_TRUE(has(intervals, ">Service level, ratio of means</th>"));
  for (const nlohmann::json& i : k["by_interval"]) {
    const nlohmann::json& sl = i["kpis"]["service_level"];
    EXPECT_TRUE(has(intervals, "<td class=\"num\">" + page_stat(sl["mean"], sl["half_width"], true) +
                                   "</td><td class=\"num\">" + page_ratio_of_means(sl, true) + "</td>"))
        << i["label"];
  }

  const RenderedPage one = open(write_report(scenario("scenarios/examples/busy_days.json"), "--replications 1"));
  expect_clean(one);
  const std::string drawn = element(one.dom, "ccsim-report");  // the page's scripts hold these words too
  EXPECT_TRUE(has(drawn, "id=\"table-types\"") && has(drawn, "id=\"table-intervals\""));
  for (const char* text : {"id=\"table-types-rom\"", "id=\"table-groups-rom\"", "Ratio of means ±",
                           "Service level, ratio of means"})
    EXPECT_FALSE(has(drawn, text)) << text;
}

// Where no observation defines a ratio (a group that never answers, an interval without
// calls) its ratio of means is "–", as its mean is.
TEST_F(ReportInBrowser, UndefinedRatioOfMeansShowsADash) {
  const RenderedPage page = open(write_report_of(ccsim::test_support::kIdleGroupScenario));
  expect_clean(page);
  EXPECT_TRUE(has(element(page.dom, "table-groups-rom"), page_row("idle", {"–", "–", "–"})));
  const std::string intervals = element(page.dom, "table-intervals");
  const auto at = intervals.find("<th scope=\"row\">08:30</th>");
  ASSERT_NE(at, std::string::npos) << intervals;
  const std::string empty = intervals.substr(at, intervals.find("</tr>", at) - at);
  EXPECT_TRUE(has(empty, "<td class=\"num\">–</td><td class=\"num\">–</td><td class=\"num\">–</td>"))
      << "service level, its ratio of means and ASA: " << empty;
}

// 24 contact types with a group of 5 agents each over four half-hours, except t17's
// group of one agent: t17 misses its target in every interval.
std::string many_types_scenario() {
  std::string types, groups, routes;
  for (int k = 0; k < 24; ++k) {
    const std::string t = (k < 10 ? "t0" : "t") + std::to_string(k);
    const std::string sep = k ? ",\n" : "";
    types += sep + "{ \"name\": \"" + t + "\", \"arrivals\": { \"process\": \"piecewise_poisson\", \"per_period\": "
             "[20, 20, 20, 20] }, \"talk\": { \"dist\": \"exponential\", \"mean_s\": 180 }, \"patience\": { \"dist\": "
             "\"exponential\", \"mean_s\": 300 } }";
    groups += sep + "{ \"name\": \"g" + t + "\", \"staffing\": " + (k == 17 ? "1" : "5") + " }";
    routes += sep + "\"" + t + "\": [\"g" + t + "\"]";
  }
  return "{ \"name\": \"many_types\", \"mode\": \"day\", \"period_s\": 1800, \"num_periods\": 4, \"start_time\": "
         "\"08:00\",\n\"contact_types\": [" + types + "],\n\"agent_groups\": [" + groups + "],\n\"router\": { "
         "\"policy\": \"queue_priority\", \"type_to_group\": {" + routes + "} },\n\"rng\": { \"seed\": 3, "
         "\"replications\": 5 } }";
}

TEST_F(ReportInBrowser, ManyTypesGetOneChartWithAChooserThatSwitchesIt) {
  const std::string scenario = many_types_scenario();
  const fs::path html = write_report_of(scenario.c_str());
  // What a planner does once the page is there: choose t03 in the list, then click t05's
  // name in the heat map. The page records what the chart showed after each step.
  add_reader_script(html, R"(
  const root = document.documentElement;
  const box = document.getElementById("chart-type-service-level-chart");
  root.dataset.firstType = box.dataset.type;
  const chooser = document.getElementById("type-chooser");
  chooser.value = "t03";
  chooser.dispatchEvent(new Event("change"));
  root.dataset.chosenType = box.dataset.type;
  document.querySelector('#heat-map tr[data-type="t05"] button').click();
)");
  const RenderedPage page = open(html);
  expect_clean(page);
  const std::string root = root_tag(page.dom);
  EXPECT_EQ(text_attribute(root, "data-first-type"), "t17") << "first the type that missed the most intervals";
  EXPECT_EQ(text_attribute(root, "data-chosen-type"), "t03");
  const std::string chart = tag_of(page.dom, "chart-type-service-level-chart");
  EXPECT_EQ(text_attribute(chart, "data-type"), "t05");
  expect_chart_drawn(page.dom, "chart-type-service-level");
  EXPECT_TRUE(has(element(page.dom, "chart-type-service-level"), "<h3>Service level: t05</h3>"));
  EXPECT_EQ(count(element(page.dom, "type-chooser"), "<option"), 24);
  EXPECT_TRUE(has(page.dom, ">t17 · missed in 4 of 4</option>"));
  EXPECT_FALSE(has(page.dom, "id=\"chart-type-service-level-0\""));
  // Every type in the heat map; 8 cards in view, the worst first, the other 16 folded.
  EXPECT_EQ(count(element(page.dom, "heat-map"), "<td class=\"heat-cell"), 24 * 4);
  EXPECT_TRUE(has(page.dom, "class=\"target type-card target-missed\" data-type=\"t17\" data-verdict=\"missed\" "
                            "id=\"type-card-17\""));
  EXPECT_EQ(count(page.dom, "class=\"target type-card"), 24);
  EXPECT_EQ(count(element(page.dom, "more-types"), "class=\"target type-card"), 16);
  expect_picture(page.screenshot, 150'000);
}

TEST_F(ReportInBrowser, SteadyStateReportSaysWhyItHasNoChartsAndStillShowsTables) {
  const fs::path html = write_report(scenario("scenarios/examples/erlang_c_14_agents.json"), "--replications 3");
  const RenderedPage page = open(html);
  expect_clean(page);
  EXPECT_EQ(attribute(root_tag(page.dom), "data-charts"), 0);
  EXPECT_EQ(page.dom.find("class=\"chart"), std::string::npos);
  EXPECT_NE(page.dom.find("id=\"no-intervals\""), std::string::npos);
  EXPECT_NE(page.dom.find("need a day scenario"), std::string::npos);
  EXPECT_EQ(attribute(tag_of(page.dom, "table-overall"), "data-rows"), 36);
  EXPECT_EQ(attribute(tag_of(page.dom, "table-overall-workforce"), "data-rows"), 6);
  EXPECT_EQ(attribute(tag_of(page.dom, "table-types"), "data-rows"), 1);
  // Every agent is logged on all the time: the agents alone, said once.
  EXPECT_TRUE(has(page.dom, "every agent logged on throughout, none on a break"));
  EXPECT_TRUE(has(page.dom, "class=\"tile\" data-key=\"scheduled_agents\""));
  EXPECT_FALSE(has(page.dom, "class=\"tile\" data-key=\"productive_agents\""));
  EXPECT_TRUE(has(page.dom, "title=\"scheduled_agents\"")) << "the group table's agents";
  EXPECT_FALSE(has(page.dom, "title=\"agents_on_break\""));
  EXPECT_NE(page.dom.find("class=\"target target-met\""), std::string::npos);
  expect_picture(page.screenshot, 60'000);
}

TEST_F(ReportInBrowser, ShiftReportChartsScheduledAgainstProductiveAgentsAndBreaks) {
  const RenderedPage page = open(write_report_of(ccsim::test_support::kShiftOnlyScenario));
  expect_clean(page);
  EXPECT_EQ(attribute(root_tag(page.dom), "data-charts"), 5);
  expect_chart_drawn(page.dom, "chart-staffing-0");
  EXPECT_EQ(attribute(tag_of(page.dom, "chart-staffing-0-chart"), "data-series"), 3);
  // The shifts' agents: 6 early, 4 more late from 09:00, the early ones gone at 09:30.
  EXPECT_EQ(series_values(page.dom, "chart-staffing-0", "Scheduled"), (std::vector<double>{6, 6, 10, 4}));
  const std::vector<double> productive = series_values(page.dom, "chart-staffing-0", "Productive");
  const std::vector<double> on_break = series_values(page.dom, "chart-staffing-0", "On break");
  ASSERT_EQ(productive.size(), 4u);
  ASSERT_EQ(on_break.size(), 4u);
  EXPECT_LT(productive[1], 6 - 1) << "absence and the coffee breaks at 08:30";
  EXPECT_GT(on_break[1], 1.0);
  EXPECT_GT(on_break[0], 0.0) << "5 % shrinkage";
  // Every workforce KPI is defined: a tile each, a column each in the group table.
  for (const char* key : {"scheduled_agents", "present_agents", "agents_on_break", "productive_agents",
                          "overtime_agent_min", "break_lateness_s", "paid_agent_hours"}) {
    EXPECT_TRUE(has(page.dom, std::string("class=\"tile\" data-key=\"") + key + "\"")) << key;
    EXPECT_TRUE(has(page.dom, std::string("title=\"") + key + "\"")) << key;
  }
  EXPECT_EQ(attribute(tag_of(page.dom, "table-overall-workforce"), "data-rows"), 7);
  expect_picture(page.screenshot, 100'000);
}

TEST_F(ReportInBrowser, HostileNamesAreShownAsTextAndRunNothing) {
  const RenderedPage page = open(write_report_of(ccsim::test_support::kHostileNamesScenario));
  expect_clean(page);
  EXPECT_EQ(attribute(root_tag(page.dom), "data-charts"), 5);
  EXPECT_NE(page.dom.find("<h1>&lt;/script&gt;&lt;script&gt;document.documentElement.dataset.pwned = 1&lt;/script&gt;</h1>"),
            std::string::npos);
  EXPECT_EQ(page.dom.find("<b>bold</b>"), std::string::npos) << "a group name became markup";
}

// ---- The report with a required staffing (`ccsim staff --html`) ----

// A scenario given as text, loaded and validated as ccsim loads a file.
ccsim::models::ScenarioSpec spec_of(const std::string& text) {
  return ccsim::models::load_scenario_text(text, "scenario.json");
}

ccsim::models::RunResults run_all(const ccsim::models::ScenarioSpec& spec) {
  ccsim::models::Experiment e(spec, ccsim::models::RunOptions{});
  e.extend_to(spec.replications);
  return e.results();
}

TEST_F(ReportInBrowser, RequiredStaffingIsADashedLineOnTheStaffingChartOnlyWhenGiven) {
  const auto spec = spec_of(ccsim::test_support::kHostileNamesScenario);
  const auto results = run_all(spec);
  const ccsim::models::Staffing required{{6, 4}};
  const fs::path with = dir_ / "with.html";
  ccsim::cli::write_html(with.string(), spec, results, &required);
  const RenderedPage page = open(with);
  expect_clean(page);
  expect_chart_drawn(page.dom, "chart-staffing-0");
  EXPECT_EQ(attribute(tag_of(page.dom, "chart-staffing-0-chart"), "data-series"), 3);
  EXPECT_EQ(series_values(page.dom, "chart-staffing-0", "Required"), (std::vector<double>{6, 4}));
  EXPECT_EQ(series_values(page.dom, "chart-staffing-0", "Scheduled"), (std::vector<double>{4, 5}));
  EXPECT_TRUE(has(element(page.dom, "chart-staffing-0"), ">Required<")) << "a legend entry";
  EXPECT_TRUE(has(element(page.dom, "staffing-charts"), "Required (dash-dotted)"));
  // The table: per interval the scheduled agents and the required with the difference.
  const std::string table = element(page.dom, "table-required");
  EXPECT_EQ(attribute(tag_of(page.dom, "table-required"), "data-rows"), 2);
  EXPECT_TRUE(has(table, "&lt;/SCRIPT &gt;&lt;b&gt;bold&lt;/b&gt;: required")) << table;
  EXPECT_TRUE(has(table, ">6 (+2)</td>") && has(table, ">4 (−1)</td>")) << table;
  EXPECT_EQ(page.dom.find("<b>bold</b>"), std::string::npos) << "a group name became markup";

  const fs::path without = dir_ / "without.html";
  ccsim::cli::write_html(without.string(), spec, results);
  const RenderedPage plain = open(without);
  expect_clean(plain);
  EXPECT_EQ(attribute(tag_of(plain.dom, "chart-staffing-0-chart"), "data-series"), 2);
  EXPECT_TRUE(series_values(plain.dom, "chart-staffing-0", "Required").empty());
  EXPECT_FALSE(has(plain.dom, "id=\"table-required\""));
  EXPECT_FALSE(has(element(plain.dom, "staffing-charts"), "Required (dash-dotted)"));
}

// ---- The comparison page (`ccsim compare --html`) ----

class CompareInBrowser : public ReportInBrowser {
 protected:
  // Compares two scenario texts with `ccsim compare --json` and writes the page from that
  // JSON, as the command does.
  fs::path write_compare(const std::string& a_text, const std::string& b_text, const std::string& extra = "") {
    const fs::path a = dir_ / "a.json", b = dir_ / "b.json", json = dir_ / "compare.json";
    std::ofstream(a) << a_text;
    std::ofstream(b) << b_text;
    const Outcome o = ccsim("compare " + a.string() + " " + b.string() + " --json " + json.string() + " " + extra);
    EXPECT_EQ(o.exit_code, 0) << o.err;
    const fs::path html = dir_ / "compare.html";
    using ccsim::models::Kpi;
    ccsim::cli::write_compare_html(html.string(), slurp(json), ccsim::models::load_scenario_file(a.string()),
                                   ccsim::models::load_scenario_file(b.string()),
                                   {Kpi::ServiceLevel, Kpi::AsaS, Kpi::PAbandonOverAdmitted, Kpi::Answered, Kpi::Occupancy});
    return html;
  }
};

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  return at == std::string::npos ? text : text.replace(at, from.size(), to);
}

TEST_F(CompareInBrowser, TablesAndAChartPerTypeWithHostileNames) {
  const std::string a = ccsim::test_support::kHostileNamesScenario;
  // One agent more in each interval: every service level rises, surely on 10 pairs.
  const std::string b = replaced(a, "\"staffing\": [4, 5]", "\"staffing\": [5, 6]");
  const RenderedPage page = open(write_compare(a, b, "--replications 10"));
  expect_clean(page);
  EXPECT_NE(page.dom.find("</span> &lt;/script&gt;&lt;script&gt;document.documentElement.dataset.pwned = 1"
                          "&lt;/script&gt;<span class=\"versus\">"),
            std::string::npos);
  // The centre and the one type: A and B above, B - A with its band below.
  EXPECT_EQ(attribute(root_tag(page.dom), "data-charts"), 4);
  for (const char* id : {"chart-compare-0", "chart-compare-0-change", "chart-compare-1", "chart-compare-1-change"})
    expect_chart_drawn(page.dom, id);
  EXPECT_EQ(text_attribute(tag_of(page.dom, "chart-compare-1"), "data-subject"),
            "a &quot;quoted&quot; &amp; 'single' &lt;!-- type");
  EXPECT_EQ(text_attribute(tag_of(page.dom, "chart-compare-0"), "data-kpi"), "service_level");
  EXPECT_GT(attribute(tag_of(page.dom, "chart-compare-0-change-chart"), "data-significant"), 0);
  EXPECT_FALSE(has(page.dom, "id=\"type-chooser\""));
  EXPECT_EQ(count(element(page.dom, "kpi-chooser"), "<option"), 41)
      << "every KPI but break lateness (no break) and IVR port occupancy (no port limit)";
  // Tables: the shown KPIs each level defines; the service level rose, marked.
  EXPECT_EQ(attribute(tag_of(page.dom, "table-centre"), "data-rows"), 5);
  EXPECT_EQ(attribute(tag_of(page.dom, "table-types"), "data-rows"), 4) << "no occupancy for a type";
  EXPECT_EQ(attribute(tag_of(page.dom, "table-groups"), "data-rows"), 3) << "ASA, answered, occupancy";
  const std::string centre = element(page.dom, "table-centre");
  EXPECT_TRUE(has(centre, "<th scope=\"row\" title=\"service_level\">Service level</th>")) << centre;
  EXPECT_GE(count(page.dom, "class=\"num change sig\""), 2);
  EXPECT_TRUE(has(element(page.dom, "table-groups"), "&lt;/SCRIPT &gt;&lt;b&gt;bold&lt;/b&gt;"));
  EXPECT_EQ(page.dom.find("<b>bold</b>"), std::string::npos) << "a group name became markup";
  EXPECT_FALSE(has(page.dom, "id=\"intervals-not-paired\""));
  expect_picture(page.screenshot, 100'000);
}

TEST_F(CompareInBrowser, ManyTypesGetOneChartWithTypeAndKpiChoosers) {
  const std::string a = many_types_scenario();
  const std::string b = replaced(a, "\"staffing\": 1", "\"staffing\": 4");
  const fs::path html = write_compare(a, b, "--replications 20");
  // A reader picks t17, then the ASA.
  add_reader_script(html, R"(
  const pick = (id, value) => {
    const chooser = document.getElementById(id);
    chooser.value = value;
    chooser.dispatchEvent(new Event("change"));
  };
  pick("type-chooser", "18");
  pick("kpi-chooser", "asa_s");
)");
  const RenderedPage page = open(html);
  expect_clean(page);
  EXPECT_EQ(count(element(page.dom, "type-chooser"), "<option"), 25) << "the centre and 24 types";
  const std::string card = tag_of(page.dom, "chart-compare");
  EXPECT_EQ(text_attribute(card, "data-subject"), "t17");
  EXPECT_EQ(text_attribute(card, "data-kpi"), "asa_s");
  EXPECT_TRUE(has(element(page.dom, "chart-compare"), "<h3>t17: ASA</h3>"));
  expect_chart_drawn(page.dom, "chart-compare");
  expect_chart_drawn(page.dom, "chart-compare-change");
  EXPECT_EQ(attribute(tag_of(page.dom, "chart-compare-change-chart"), "data-significant"), 4)
      << "three agents more for t17 cut its wait in every interval";
  EXPECT_EQ(attribute(tag_of(page.dom, "table-types"), "data-rows"), 24 * 4);
}

TEST_F(CompareInBrowser, AWeekGetsTablesByDayAndByDayAndType) {
  const std::string a = slurp(fs::path(CCSIM_SOURCE_DIR) / "scenarios/examples/helpline_week.json");
  const std::string b = replaced(a, "\"agents\": 10,", "\"agents\": 12,");  // the weekend's early shift
  const RenderedPage page = open(write_compare(a, b, "--replications 5"));
  expect_clean(page);
  EXPECT_EQ(attribute(tag_of(page.dom, "table-days"), "data-rows"), 7 * 5);
  EXPECT_EQ(attribute(tag_of(page.dom, "table-day-types"), "data-rows"), 7 * 4) << "no occupancy for a type";
  const std::string days = element(page.dom, "table-days");
  EXPECT_TRUE(has(days, ">Sat<")) << days.substr(0, 2000);
  EXPECT_TRUE(has(element(page.dom, "table-day-types"), ">Sun calls<"));
  EXPECT_GE(count(days, "class=\"num change sig\""), 2) << "Saturday's and Sunday's waits";
  EXPECT_TRUE(has(element(page.dom, "pairing"), "<dd>7 days (Mon to Sun) compared</dd>"));
}

TEST_F(CompareInBrowser, DaysOfDifferentIntervalsGetANoteInPlaceOfCharts) {
  const std::string a = ccsim::test_support::kHostileNamesScenario;
  const std::string b = replaced(a, "\"period_s\": 1800", "\"period_s\": 3600");
  const RenderedPage page = open(write_compare(a, b));
  expect_clean(page);
  EXPECT_EQ(attribute(root_tag(page.dom), "data-charts"), 0);
  EXPECT_TRUE(has(page.dom, "id=\"intervals-not-paired\""));
  EXPECT_TRUE(has(page.dom, "not days of the same intervals"));
  EXPECT_EQ(attribute(tag_of(page.dom, "table-centre"), "data-rows"), 5);
  EXPECT_FALSE(has(page.dom, "id=\"table-days\"")) << "one day";
}

}  // namespace
