#include "report/html_report.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>

#include "core/text.h"
#include "report/report_data.h"
#include "report/selection.h"
#include "report/svg_chart.h"

namespace spillover {
namespace {

std::string H(const std::string& text) { return EscapeXml(text); }

std::string Signed(double value, int decimals) {
  if (!std::isfinite(value)) return "–";
  std::string text = FormatGrouped(value, decimals);
  if (value > 0 && text != FormatGrouped(0.0, decimals)) text = "+" + text;
  return text;
}

std::string Points(double value) {
  if (!std::isfinite(value)) return "–";
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%+.2f", value);
  return buffer;
}

int Decimals(const std::string& unit) { return unit.rfind("index", 0) == 0 ? 4 : 0; }

// A table of rows × scenarios: change and % per scenario, then each one's difference.
std::string ChangeTable(const Comparison& c, const std::string& caption,
                        const std::vector<RowKey>& keys) {
  if (keys.empty()) return "";
  const size_t count = c.scenarios().size();
  std::string out =
      "<table>\n<caption>" + H(caption) + "</caption>\n<thead><tr><th>Item</th><th>Unit</th>";
  for (size_t s = 0; s < count; ++s) {
    out += "<th>" + H(c.result(s).scenario) + ": change</th><th>%</th>";
  }
  for (size_t s = 0; s < count; ++s) {
    if (s != c.baseline()) out += "<th>" + H(c.result(s).scenario) + ": difference</th><th>pp</th>";
  }
  out += "</tr></thead>\n<tbody>\n";
  for (const auto& key : keys) {
    std::string unit, cells, differences;
    for (size_t s = 0; s < count; ++s) {
      const ResultRow* row = c.result(s).Find(key.variable, key.region, key.sector);
      if (row) unit = row->unit;
      const int d = Decimals(unit);
      cells += row ? "<td>" + Signed(row->Change(), d) + "</td><td>" +
                         Points(row->PercentChange()) + "</td>"
                   : "<td>–</td><td>–</td>";
      if (s == c.baseline()) continue;
      differences += row ? "<td>" + Signed(c.Difference(*row), d) + "</td><td>" +
                               Points(c.DifferencePctPoints(*row)) + "</td>"
                         : "<td>–</td><td>–</td>";
    }
    out += "<tr><th scope='row'>" + H(key.label) + "</th><td class='unit'>" + H(unit) + "</td>" +
           cells + differences + "</tr>\n";
  }
  return out + "</tbody>\n</table>\n";
}

std::string Source(const ReportInfo& info) {
  return "Source: spillover " + info.version + " on " + (info.model ? info.model->name : "") +
         "; changes from the model's base year.";
}

std::vector<ChartSeries> SeriesOf(const Comparison& c, const std::vector<RowKey>& keys,
                                  bool difference) {
  std::vector<ChartSeries> series;
  for (size_t s = 0; s < c.scenarios().size(); ++s) {
    if (difference && s == c.baseline()) continue;
    ChartSeries one{c.result(s).scenario, {}};
    for (const auto& key : keys) {
      const ResultRow* row = c.result(s).Find(key.variable, key.region, key.sector);
      one.values.push_back(!row ? NAN : difference ? c.Difference(*row) : row->Change());
    }
    series.push_back(one);
  }
  return series;
}

std::vector<std::string> Labels(const std::vector<RowKey>& keys) {
  std::vector<std::string> labels;
  for (const auto& key : keys) labels.push_back(key.label);
  return labels;
}

std::string QuestionSection(const Comparison& c) {
  std::string out = "<section id='question'>\n<h2>The question</h2>\n";
  for (size_t s = 0; s < c.scenarios().size(); ++s) {
    const ComparedScenario& run = c.scenarios()[s];
    out += "<h3>" + H(run.result.scenario) + (s == c.baseline() ? " (baseline)" : "") + "</h3>\n";
    if (!run.result.description.empty()) out += "<p>" + H(run.result.description) + "</p>\n";
    const std::string comment = LeadingComment(run.text);
    if (!comment.empty()) {
      out +=
          "<p class='note'>From the scenario file's notes (magnitudes and their sources):</p>\n"
          "<pre class='comment'>" +
          H(comment) + "</pre>\n";
    }
    if (!run.file.empty())
      out += "<p class='file'>Scenario file: <code>" + H(run.file) + "</code></p>\n";
    if (!run.result.message.empty())
      out += "<p class='warning'>Note: " + H(run.result.message) + "</p>\n";
  }
  return out + "</section>\n";
}

std::string HeadlineSection(const Comparison& c) {
  const ScenarioResult& base = c.baseline_result();
  std::string out = "<section id='headline'>\n<h2>Headline</h2>\n" +
                    ChangeTable(c, "Headline: change from the base year", HeadlineRows(base));
  const ResultRow* gdp = base.Find("gdp", HomeRegion(base), "ALL");
  for (size_t s = 0; s < c.scenarios().size() && gdp; ++s) {
    if (s == c.baseline()) continue;
    if (const ResultRow* row = c.result(s).Find("gdp", gdp->region, "ALL")) {
      out += "<p class='reading'><strong>" + H(c.result(s).scenario) +
             "</strong> against <strong>" + H(base.scenario) + "</strong>: GDP " +
             H(DifferenceReading(gdp->Change(), c.Difference(*row), row->unit)) + ".</p>\n";
    }
  }
  return out + "</section>\n";
}

}  // namespace

std::string LeadingComment(const std::string& yaml_text) {
  std::string out;
  size_t start = 0;
  while (start < yaml_text.size()) {
    size_t end = yaml_text.find('\n', start);
    if (end == std::string::npos) end = yaml_text.size();
    const std::string line = yaml_text.substr(start, end - start);
    start = end + 1;
    if (line.empty() || line[0] != '#') break;
    out += line.size() > 1 && line[1] == ' ' ? line.substr(2) : line.substr(1);
    out += "\n";
  }
  return out;
}

std::string HtmlPage(const std::string& title, const std::string& body) {
  return "<!DOCTYPE html>\n<html lang='en'>\n<head>\n<meta charset='utf-8'>\n"
         "<meta name='viewport' content='width=device-width, initial-scale=1'>\n"
         "<meta name='generator' content='spillover'>\n<title>" +
         H(title) +
         "</title>\n<style>\n"
         "body{font-family:sans-serif;max-width:60rem;margin:1.5rem auto;padding:0 1rem;"
         "color:#111;line-height:1.4}\n"
         "h1{font-size:1.6rem}h2{border-bottom:1px solid #999;margin-top:2rem}\n"
         "table{border-collapse:collapse;margin:0.8rem 0;font-size:0.85rem;display:block;"
         "overflow-x:auto;max-width:100%}\n"
         "caption{text-align:left;font-weight:bold;padding:0.3rem 0}\n"
         "th,td{border:1px solid #bbb;padding:0.2rem 0.4rem}td{text-align:right;"
         "font-variant-numeric:tabular-nums}td.unit,td.text{text-align:left}\n"
         "thead th{background:#eee}tbody th{text-align:left;font-weight:normal}\n"
         "figure.chart{margin:1rem 0;break-inside:avoid}figure.chart svg{max-width:100%;"
         "height:auto}\nfigcaption{font-size:0.8rem;color:#333}\n"
         "pre.comment{background:#f6f6f6;padding:0.5rem;white-space:pre-wrap;font-size:0.8rem}\n"
         ".warning{border-left:4px solid #000;padding-left:0.5rem}\n"
         "@page{size:A4;margin:15mm}\n"
         "@media print{body{max-width:none;margin:0;font-size:10pt}table{display:table}"
         "h2{break-after:avoid}"
         "table,figure{break-inside:avoid}a{color:inherit;text-decoration:none}}\n"
         "</style>\n</head>\n<body>\n" +
         body + "</body>\n</html>\n";
}

std::string ModelSectionHtml(const ReportInfo& info) {
  std::string out = "<section id='model'>\n<h2>The model</h2>\n";
  if (info.model) {
    const Model& m = *info.model;
    out += "<p><strong>" + H(m.name) + "</strong>, base year " + std::to_string(m.year) +
           ", flows in " + H(m.unit) + ", " + std::to_string(m.sectors_per_region()) +
           " sectors, " + std::to_string(m.partners.size()) + " trade partners, " +
           std::to_string(m.routes.size()) + " export routes.</p>\n<p>" + H(m.description) +
           "</p>\n<p class='file'>Model folder: <code>" +
           H(info.model_path.empty() ? m.folder : info.model_path) + "</code></p>\n";
  }
  out +=
      "<p class='version'>Made by spillover " + H(info.version) + " on " + H(info.date) + ".</p>\n";
  return out + "</section>\n";
}

std::string HowToReadHtml() {
  return "<section id='how-to-read'>\n<h2>How to read this</h2>\n"
         "<p>Every number is a change from the model's base year, caused by the scenario's shocks "
         "alone, with everything else held as it was in that year. The model is a linear "
         "input-output (Leontief) model: a fall in exports or final demand lowers the output of "
         "the sectors that make the goods and, through their purchases, of their suppliers; "
         "prices follow costs (Leontief price model).</p>\n"
         "<p>It does <em>not</em> capture: substitution between inputs or suppliers beyond what "
         "the "
         "scenario states; price responses of demand; capacity limits other than those stated; "
         "exchange-rate, monetary and fiscal reactions; time paths (a duration in months scales "
         "an annual effect). Read the results as the size and spread of first-round and "
         "supply-chain effects, not as a forecast.</p>\n"
         "<p>'Difference' is a scenario's change minus the baseline scenario's, in the same unit; "
         "'pp' are percentage points. Route volumes in Mt/yr are the route's recorded use scaled "
         "by "
         "the change in the money value it carries.</p>\n</section>\n";
}

std::string ScenarioReportHtml(const Comparison& c, const ReportInfo& info) {
  const ScenarioResult& base = c.baseline_result();
  std::vector<const ScenarioResult*> results;
  std::vector<std::string> names;
  for (size_t s = 0; s < c.scenarios().size(); ++s) {
    results.push_back(&c.result(s));
    names.push_back(c.result(s).scenario);
  }
  const std::string money = ShortMoneyUnit(base.money_unit);
  const std::string source = Source(info);
  std::string body = "<header>\n<h1>" + H(Join(names, " · ")) + "</h1>\n<p>Scenario report on " +
                     H(base.model_name) + "; " + std::to_string(names.size()) + " scenario" +
                     (names.size() > 1 ? "s; baseline: " + H(base.scenario) : "") +
                     ".</p>\n</header>\n";
  body += QuestionSection(c) + ModelSectionHtml(info) + HeadlineSection(c);

  body += "<section id='sectors'>\n<h2>Sectors</h2>\n";
  if (info.groups) {
    const GroupRows groups = SectorGroupRows(results, *info.groups, "gva");
    std::vector<ChartSeries> series;
    for (size_t s = 0; s < groups.change.size(); ++s)
      series.push_back({names[s], groups.change[s]});
    body += BarChart(
        {"chart-gva-groups", "Gross value added: change by sector group", "change, " + money, "",
         source + " Groups: " + std::filesystem::path(info.groups->file).filename().string() + "."},
        groups.labels, series);
  }
  const std::vector<RowKey> top = TopSectorRows(results, "gva", base.top);
  body += BarChart({"chart-gva-sectors", "Gross value added: the sectors that change most",
                    "change, " + money, "", source},
                   Labels(top), SeriesOf(c, top, false));
  body += ChangeTable(c, "Gross value added, largest changes", top);
  body += ChangeTable(c, "Output, largest changes", TopSectorRows(results, "output", base.top));
  body += "</section>\n";

  body += "<section id='partners'>\n<h2>Trade by partner</h2>\n";
  const std::vector<RowKey> exports = PartnerRows(base, "exports"),
                            imports = PartnerRows(base, "imports");
  body += BarChart({"chart-exports", "Exports by partner: change", "change, " + money, "", source},
                   Labels(exports), SeriesOf(c, exports, false));
  body += BarChart({"chart-imports", "Imports by origin: change", "change, " + money, "", source},
                   Labels(imports), SeriesOf(c, imports, false));
  body +=
      ChangeTable(c, "Exports by partner", exports) + ChangeTable(c, "Imports by origin", imports);
  body += "</section>\n";

  const std::vector<RouteFigures> routes = RouteTable(results, info.model);
  if (!routes.empty()) {
    body += "<section id='routes'>\n<h2>Export routes</h2>\n";
    std::vector<std::string> labels;
    // Capacity before (the model's) and after (each scenario's, with its route shocks):
    // a corridor expansion is the point of such a scenario and must show.
    std::vector<ChartSeries> physical = {{"capacity before (model)", {}}, {"base use", {}}};
    std::vector<ChartSeries> value = {{"base flow", {}}};
    for (const auto& name : names) {
      physical.push_back({name + ": capacity after", {}});
      physical.push_back({name + ": rerouted", {}});
      physical.push_back({name + ": lost", {}});
      value.push_back({name + ": rerouted", {}});
      value.push_back({name + ": lost", {}});
    }
    std::string table =
        "<table>\n<caption>Routes the shocks touch</caption>\n<thead><tr><th>Route</th>"
        "<th>Scenario</th><th>unit</th><th>capacity before</th><th>capacity after</th>"
        "<th>base use</th>"
        "<th>rerouted</th><th>lost</th><th>base flow, " +
        H(money) + "</th><th>rerouted, " + H(money) + "</th><th>lost, " + H(money) +
        "</th></tr></thead>\n<tbody>\n";
    for (const auto& r : routes) {
      labels.push_back(r.unit.empty() ? r.code : r.code + " (" + r.unit + ")");
      physical[0].values.push_back(r.capacity);
      physical[1].values.push_back(r.base_use);
      value[0].values.push_back(r.base_flow);
      for (size_t s = 0; s < r.rerouted.size(); ++s) {
        physical[2 + 3 * s].values.push_back(r.capacity_after[s]);
        physical[3 + 3 * s].values.push_back(r.Physical(r.rerouted[s]));
        physical[4 + 3 * s].values.push_back(r.Physical(r.lost[s]));
        value[1 + 2 * s].values.push_back(r.rerouted[s]);
        value[2 + 2 * s].values.push_back(r.lost[s]);
        table += "<tr><th scope='row'>" + H(r.code) + "</th><td class='text'>" + H(names[s]) +
                 "</td><td class='unit'>" + H(r.unit) + "</td><td>" + Signed(r.capacity, 1) +
                 "</td><td>" + Signed(r.capacity_after[s], 1) + "</td><td>" +
                 Signed(r.base_use, 1) + "</td><td>" + Signed(r.Physical(r.rerouted[s]), 2) +
                 "</td><td>" + Signed(r.Physical(r.lost[s]), 2) + "</td><td>" +
                 Signed(r.base_flow, 0) + "</td><td>" + Signed(r.rerouted[s], 0) + "</td><td>" +
                 Signed(r.lost[s], 0) + "</td></tr>\n";
      }
    }
    body += BarChart(
        {"chart-routes-mt", "Routes: capacity before and after, base use, rerouted and lost volume",
         "volume per year, in each route's unit (Mt/yr = million tonnes per year)", "",
         source + " Volumes: the model's routes file."},
        labels, physical);
    body += BarChart({"chart-routes-money", "Routes: base flow, rerouted and lost value",
                      "value, " + money, "", source},
                     labels, value);
    body += table + "</tbody>\n</table>\n</section>\n";
  }

  if (HasPriceChange(results)) {
    body += "<section id='prices'>\n<h2>Prices</h2>\n";
    const std::vector<RowKey> prices = TopSectorRows(results, "price", base.top);
    std::vector<ChartSeries> series = SeriesOf(c, prices, false);
    for (auto& s : series) {
      for (double& v : s.values) v *= 100;  // index change -> percent
    }
    body += BarChart({"chart-prices", "Prices: the products whose price changes most",
                      "change, % of the base price", "", source},
                     Labels(prices), series);
    std::vector<RowKey> cpi;
    if (base.Find("cpi", HomeRegion(base), "ALL"))
      cpi.push_back({HomeRegion(base), "ALL", "cpi", "Consumer prices (index)"});
    body +=
        ChangeTable(c, "Consumer prices", cpi) + ChangeTable(c, "Prices, largest changes", prices);
    body += "</section>\n";
  }

  if (c.scenarios().size() > 1) {
    std::vector<RowKey> keys;
    for (const auto& key : HeadlineRows(base)) {
      if (key.variable != "cpi") keys.push_back(key);
    }
    body += "<section id='difference'>\n<h2>Difference from the baseline</h2>\n";
    body += BarChart({"chart-difference", "Difference from the baseline (" + base.scenario + ")",
                      "scenario's change minus the baseline's, " + money, "", source},
                     Labels(keys), SeriesOf(c, keys, true));
    body += "</section>\n";
  }
  body += HowToReadHtml();
  return HtmlPage("spillover report: " + Join(names, ", "), body);
}

}  // namespace spillover
