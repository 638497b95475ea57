// tests/cli/report_html_test.cc
// `ccsim run --html`: the page embeds the results JSON byte for byte as --json writes
// it, fetches nothing, survives names that try to end its <script> element, and a file
// that cannot be written exits with code 2. The page JSON carries a required staffing
// only when given; the comparison page embeds the comparison JSON the same way.
// (tests/browser/ opens the pages in Chromium.)
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <utility>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "cli/report.h"
#include "models/scenario/load.h"
#include "tests/cli/cli_test_support.h"

namespace {

namespace fs = std::filesystem;
using ccsim::test_support::Outcome;
using ccsim::test_support::slurp;

class HtmlReport : public ccsim::test_support::CliTest {};

// The text of <script type="application/json" id="...">, or "" if there is none.
std::string json_element(const std::string& html, const std::string& id) {
  const std::string open = "<script type=\"application/json\" id=\"" + id + "\">";
  const auto begin = html.find(open);
  if (begin == std::string::npos) return "";
  const auto from = begin + open.size();
  return html.substr(from, html.find("</script>", from) - from);
}

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (auto at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) s.replace(at, from.size(), to);
  return s;
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

TEST_F(HtmlReport, EmbedsTheResultsJsonExactlyAsJsonWritesIt) {
  const fs::path html = dir_ / "out" / "report.html";  // the folder is created
  const fs::path json = dir_ / "results.json";
  const Outcome o = ccsim("run " + scenario("scenarios/examples/single_day_ivr.json") +
                          " --quiet --replications 3 --json " + json.string() + " --html " + html.string());
  ASSERT_EQ(o.exit_code, 0) << o.err;
  const std::string page = slurp(html);
  const std::string embedded = json_element(page, "ccsim-results");
  ASSERT_FALSE(embedded.empty());
  // The only change is '<' written as \u003c, and this scenario has none.
  EXPECT_EQ(embedded, std::string("\n").append(slurp(json)));
  EXPECT_EQ(nlohmann::json::parse(embedded)["kpis"]["by_interval"].size(), 28u);
  const auto meta = nlohmann::json::parse(json_element(page, "ccsim-page"));
  EXPECT_EQ(meta["kpis"][0]["key"], "offered");
  EXPECT_EQ(meta["kpis"][9]["key"], "service_level");
  EXPECT_EQ(meta["kpis"][9]["unit"], "fraction");
  EXPECT_EQ(meta["kpis"][13]["unit"], "seconds");
  ASSERT_EQ(meta["kpis"].size(), 43u);
  const std::pair<const char*, const char*> workforce[] = {
      {"scheduled_agents", "agents"},  {"present_agents", "agents"},          {"agents_on_break", "agents"},
      {"productive_agents", "agents"}, {"overtime_agent_min", "agent_minutes"}, {"break_lateness_s", "seconds"},
      {"paid_agent_hours", "agent_hours"}};
  for (std::size_t i = 0; i < 7; ++i) {
    EXPECT_EQ(meta["kpis"][17 + i]["key"], workforce[i].first);
    EXPECT_EQ(meta["kpis"][17 + i]["unit"], workforce[i].second) << workforce[i].first;
  }
}

TEST_F(HtmlReport, PageFetchesNothing) {
  const fs::path html = dir_ / "report.html";
  ASSERT_EQ(ccsim("run " + scenario("scenarios/examples/erlang_c_14_agents.json") + " --quiet --replications 2 --html " +
                  html.string())
                .exit_code,
            0);
  const std::string page = lower(slurp(html));
  EXPECT_NE(page.find("<meta http-equiv=\"content-security-policy\" content=\"default-src 'none';"), std::string::npos);
  EXPECT_EQ(page.find(" src="), std::string::npos);  // every script is inline
  EXPECT_EQ(count(page, "<link "), 1u);               // the empty favicon only
  EXPECT_NE(page.find("<link rel=\"icon\" href=\"data:,\">"), std::string::npos);
  EXPECT_EQ(page.find("@import"), std::string::npos);
  EXPECT_EQ(page.find("url("), std::string::npos);
  EXPECT_NE(page.find("permission is hereby granted"), std::string::npos);  // uPlot's licence travels with it
}

TEST_F(HtmlReport, NamesWithScriptTagsAndQuotesStayInsideTheirElements) {
  const fs::path file = dir_ / "hostile.json";
  std::ofstream(file) << ccsim::test_support::kHostileNamesScenario;
  const fs::path html = dir_ / "report.html";
  const fs::path json = dir_ / "results.json";
  const Outcome o = ccsim("run " + file.string() + " --quiet --json " + json.string() + " --html " + html.string());
  ASSERT_EQ(o.exit_code, 0) << o.err;
  const std::string page = slurp(html);
  // Five script elements (results, page facts, common.js, renderer, uPlot): each "</script" closes one.
  EXPECT_EQ(count(lower(page), "<script"), 5u);
  EXPECT_EQ(count(lower(page), "</script"), 5u);
  EXPECT_EQ(count(page, "<!--"), 0u);
  EXPECT_NE(page.find("<title>&lt;/script&gt;&lt;script&gt;document.documentElement.dataset.pwned = 1&lt;/script&gt; "),
            std::string::npos);
  // The embedded JSON is the --json file with '<' escaped, and means the same.
  const std::string embedded = json_element(page, "ccsim-results");
  EXPECT_EQ(replace_all(embedded, "\\u003c", "<"), std::string("\n").append(slurp(json)));
  const auto results = nlohmann::json::parse(embedded);
  EXPECT_EQ(results, nlohmann::json::parse(slurp(json)));
  EXPECT_EQ(results["scenario"]["name"], "</script><script>document.documentElement.dataset.pwned = 1</script>");
  EXPECT_TRUE(results["kpis"]["by_group"].contains("</SCRIPT ><b>bold</b>"));
  EXPECT_EQ(nlohmann::json::parse(json_element(page, "ccsim-page"))["description"],
            "Names that try to break out of the report's <script> and <title> elements & \"quotes\".");
}

// The cards, heat map and charts per contact type are drawn from the embedded results:
// each type's own service level, and per interval its service level and verdict.
TEST_F(HtmlReport, CarriesWhatThePerTypeSectionsDraw) {
  const fs::path file = dir_ / "per_type.json";
  std::ofstream(file) << ccsim::test_support::kPerTypeTargetsScenario;
  const fs::path html = dir_ / "report.html";
  const Outcome o = ccsim("run " + file.string() + " --quiet --html " + html.string());
  ASSERT_EQ(o.exit_code, 0) << o.err;
  const std::string page = slurp(html);
  const auto results = nlohmann::json::parse(json_element(page, "ccsim-results"));
  const auto& own = results["scenario"]["service_level"]["by_type"];
  EXPECT_EQ(own["premium"]["awt_s"], 60.0);
  EXPECT_EQ(own["premium"]["target"], 0.7);
  EXPECT_EQ(own["premium"]["definition"], "answered_within_t_over_admitted");
  EXPECT_FALSE(own.contains("standard")) << "standard is judged against the centre's 80 % within 30 s";
  const auto& intervals = results["kpis"]["by_interval"];
  ASSERT_EQ(intervals.size(), 8u);
  int standard_missed = 0;
  for (const auto& i : intervals) {
    for (const char* type : {"premium", "standard"}) {
      EXPECT_TRUE(i["type_service_level_verdicts"].contains(type)) << i["label"] << " " << type;
      EXPECT_EQ(i["by_type"][type]["service_level"]["n"], 10) << i["label"] << " " << type;
    }
    standard_missed += i["type_service_level_verdicts"]["standard"] == "missed";
  }
  EXPECT_GT(standard_missed, 0) << "the standard team is short from 08:45";
  std::size_t interval_targets = 0;
  for (const auto& t : results["targets"]) interval_targets += t["scope"] == "intervals" && t.contains("type");
  EXPECT_EQ(interval_targets, 2u);
  // The renderer that draws them travels in the page.
  for (const char* id : {"\"type-service-levels\"", "\"heat-map\"", "\"type-chooser\"", "\"chart-type-service-level"})
    EXPECT_NE(page.find(id), std::string::npos) << id;
}

TEST_F(HtmlReport, UnwritableFileExitsWith2NamingIt) {
  std::ofstream(dir_ / "plain_file") << "not a folder";
  const fs::path html = dir_ / "plain_file" / "report.html";
  const Outcome o = ccsim("run " + scenario("scenarios/examples/erlang_c_14_agents.json") +
                          " --quiet --replications 2 --html " + html.string());
  EXPECT_EQ(o.exit_code, 2);
  EXPECT_NE(o.err.find("cannot write " + html.string()), std::string::npos) << o.err;
}

ccsim::models::ScenarioSpec hostile_spec() {
  return ccsim::models::load_scenario_text(ccsim::test_support::kHostileNamesScenario, "hostile.json");
}

TEST(ReportPageJson, HasTheRequiredStaffingOnlyWhenGiven) {
  const auto spec = hostile_spec();
  EXPECT_FALSE(nlohmann::json::parse(ccsim::cli::report_page_json(spec)).contains("required_staffing"));
  const ccsim::models::Staffing required{{6, 4}};
  const auto page = nlohmann::json::parse(ccsim::cli::report_page_json(spec, &required));
  EXPECT_EQ(page["required_staffing"],
            (nlohmann::json::array({{{"group", "</SCRIPT ><b>bold</b>"}, {"agents", {6, 4}}}})));
  EXPECT_EQ(page["kpis"].size(), 43u) << "the rest is unchanged";
}

TEST(ReportPageJson, RefusesARequiredStaffingOfAnotherShape) {
  const auto spec = hostile_spec();
  const ccsim::models::Staffing two_groups{{6, 4}, {1, 1}};
  const ccsim::models::Staffing three_intervals{{6, 4, 4}};
  EXPECT_THROW(ccsim::cli::report_page_json(spec, &two_groups), std::invalid_argument);
  EXPECT_THROW(ccsim::cli::report_page_json(spec, &three_intervals), std::invalid_argument);
}

TEST(ComparePageJson, GivesUnitsTheShownKpisAndTheIntervalLength) {
  using ccsim::models::Kpi;
  const auto page =
      nlohmann::json::parse(ccsim::cli::compare_page_json(hostile_spec(), hostile_spec(), {Kpi::AsaS, Kpi::Occupancy}));
  EXPECT_EQ(page["shown"], (nlohmann::json{"asa_s", "occupancy"}));
  EXPECT_EQ(page["period_s"], 1800.0);
  EXPECT_EQ(page["awt_s"], 20.0);
  ASSERT_EQ(page["kpis"].size(), 43u);
  EXPECT_EQ(page["kpis"][9], (nlohmann::json{{"key", "service_level"}, {"unit", "fraction"}}));
  const auto steady = ccsim::models::load_scenario_file(
      std::string(CCSIM_SOURCE_DIR) + "/scenarios/examples/erlang_c_14_agents.json");
  EXPECT_TRUE(nlohmann::json::parse(ccsim::cli::compare_page_json(steady, steady, {Kpi::AsaS}))["period_s"].is_null());
  // B has a maximum wait where A has none: its time-outs get their units all the same.
  ccsim::models::ScenarioSpec timed = hostile_spec();
  timed.contact_types.raw()[0].max_wait_s = 120.0;
  const auto both = nlohmann::json::parse(ccsim::cli::compare_page_json(hostile_spec(), timed, {Kpi::AsaS}));
  ASSERT_EQ(both["kpis"].size(), 45u);
  EXPECT_EQ(both["kpis"][44], (nlohmann::json{{"key", "p_timed_out_over_offered"}, {"unit", "fraction"}}));
}

TEST_F(HtmlReport, ComparePageEmbedsTheComparisonWithNamesAsText) {
  const auto spec = hostile_spec();
  const fs::path a = dir_ / "a.json", b = dir_ / "b.json", json = dir_ / "compare.json";
  std::ofstream(a) << ccsim::test_support::kHostileNamesScenario;
  std::ofstream(b) << ccsim::test_support::kHostileNamesScenario;
  ASSERT_EQ(ccsim("compare " + a.string() + " " + b.string() + " --json " + json.string()).exit_code, 0);
  const fs::path html = dir_ / "out" / "compare.html";  // the folder is created
  ccsim::cli::write_compare_html(html.string(), slurp(json), spec, spec, {ccsim::models::Kpi::ServiceLevel});
  const std::string page = slurp(html);
  EXPECT_EQ(count(lower(page), "<script"), 5u);
  EXPECT_EQ(count(lower(page), "</script"), 5u);
  EXPECT_EQ(count(page, "<!--"), 0u);
  EXPECT_NE(page.find("<title>&lt;/script&gt;&lt;script&gt;document.documentElement.dataset.pwned = 1&lt;/script&gt; "
                      "and &lt;/script&gt;"),
            std::string::npos);
  const std::string embedded = json_element(page, "ccsim-compare");
  EXPECT_EQ(replace_all(embedded, "\\u003c", "<"), std::string("\n").append(slurp(json)).append("\n"));
  const auto compare = nlohmann::json::parse(embedded);
  EXPECT_EQ(compare["schema"], "ccsim.compare/2");
  EXPECT_EQ(compare["b"]["name"], "</script><script>document.documentElement.dataset.pwned = 1</script>");
  EXPECT_EQ(nlohmann::json::parse(json_element(page, "ccsim-page"))["shown"], (nlohmann::json{"service_level"}));
  EXPECT_NE(page.find("// cli/report_html/compare.js"), std::string::npos);
  EXPECT_EQ(page.find("// cli/report_html/report.js"), std::string::npos);
}

TEST_F(HtmlReport, ComparePageThatCannotBeWrittenThrowsNamingTheFile) {
  std::ofstream(dir_ / "plain_file") << "not a folder";
  const fs::path html = dir_ / "plain_file" / "compare.html";
  try {
    ccsim::cli::write_compare_html(html.string(), "{}", hostile_spec(), hostile_spec(), {});
    FAIL() << "no exception";
  } catch (const std::runtime_error& e) {
    EXPECT_EQ(std::string(e.what()).rfind("cannot write " + html.string() + ": ", 0), 0u) << e.what();
  }
}

}  // namespace
