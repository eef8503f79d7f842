// The HTML report of a finished sweep (declared in html_report.h).
#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

#include "core/text.h"
#include "io/yaml_read.h"
#include "report/compare.h"
#include "report/html_report.h"
#include "report/svg_chart.h"
#include "report/sweep_stats.h"

namespace spillover {
namespace {

std::string H(const std::string& text) { return EscapeXml(text); }

std::vector<double> Distinct(const std::vector<double>& values) {
  std::vector<double> out;
  for (double v : values) {
    if (std::isfinite(v) && std::find(out.begin(), out.end(), v) == out.end()) out.push_back(v);
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string Labelled(const SweepTable& t, const std::string& column) {
  return SweepColumnHeader(t, column);
}

// Lines of the money headline changes against the only parameter.
std::string OneParameter(const SweepTable& t, const std::string& source) {
  const int p = t.Column(t.parameters[0]);
  std::vector<size_t> order(t.rows.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return t.rows[a][static_cast<size_t>(p)] < t.rows[b][static_cast<size_t>(p)];
  });
  std::vector<double> x;
  std::vector<ChartSeries> money = {
      {"GDP change", {}}, {"exports change", {}}, {"imports change", {}}};
  std::vector<ChartSeries> pct = {{"", {}}};
  const int columns[] = {t.Column("gdp_change"), t.Column("exports_change"),
                         t.Column("imports_change")};
  const int gdp_pct = t.Column("gdp_pct_change");
  for (size_t i : order) {
    x.push_back(t.rows[i][static_cast<size_t>(p)]);
    for (size_t s = 0; s < 3; ++s) {
      money[s].values.push_back(columns[s] < 0 ? NAN : t.rows[i][static_cast<size_t>(columns[s])]);
    }
    pct[0].values.push_back(gdp_pct < 0 ? NAN : t.rows[i][static_cast<size_t>(gdp_pct)]);
  }
  const std::string unit = ShortMoneyUnit(t.money_unit);
  return LineChart({"chart-sweep-lines", "Headline changes against " + t.parameters[0],
                    t.parameters[0], "change, " + unit, source},
                   x, money) +
         LineChart({"chart-sweep-gdp-pct", "GDP change (%) against " + t.parameters[0],
                    t.parameters[0], "GDP change, % of the base year", source},
                   x, pct);
}

// A heatmap of the GDP change over the first two parameters.
std::string TwoParameters(const SweepTable& t, const std::string& source) {
  const int a = t.Column(t.parameters[0]), b = t.Column(t.parameters[1]),
            g = t.Column("gdp_change");
  const std::vector<double> xs = Distinct(t.Values(a)), ys = Distinct(t.Values(b));
  std::vector<std::vector<double>> cells(ys.size(), std::vector<double>(xs.size(), NAN));
  for (const auto& row : t.rows) {
    const auto xi = std::find(xs.begin(), xs.end(), row[static_cast<size_t>(a)]);
    const auto yi = std::find(ys.begin(), ys.end(), row[static_cast<size_t>(b)]);
    if (xi == xs.end() || yi == ys.end() || g < 0) continue;
    cells[static_cast<size_t>(yi - ys.begin())][static_cast<size_t>(xi - xs.begin())] =
        row[static_cast<size_t>(g)];
  }
  std::vector<std::string> columns, rows;
  for (double x : xs) columns.push_back(ShortNumber(x));
  for (double y : ys) rows.push_back(ShortNumber(y));
  const std::string unit = ShortMoneyUnit(t.money_unit);
  return Heatmap(
      {"chart-sweep-heatmap", "GDP change over " + t.parameters[0] + " and " + t.parameters[1],
       t.parameters[0], t.parameters[1], source},
      columns, rows, cells, "GDP change, " + unit);
}

std::string MonteCarlo(const SweepTable& t, const std::string& source) {
  const std::string unit = ShortMoneyUnit(t.money_unit);
  const std::vector<double> gdp = t.Values(t.Column("gdp_change"));
  std::string out =
      Histogram({"chart-mc-histogram",
                 "Distribution of the GDP change over " + std::to_string(gdp.size()) + " draws",
                 "GDP change, " + unit, "draws", source},
                gdp, 30);
  const std::vector<RankDriver> drivers = RankDrivers(t, "gdp_change");
  if (!drivers.empty()) {
    const FanBins fan = FanByParameter(t, drivers.front().parameter, "gdp_change", 10);
    out += FanChart({"chart-mc-fan",
                     "GDP change: p5 to p95 against its main driver, " + drivers.front().parameter,
                     drivers.front().parameter + " (bin median)", "GDP change, " + unit, source},
                    fan.x, fan.quantiles);
    std::vector<std::string> labels;
    ChartSeries rho{"", {}};
    std::string table =
        "<table>\n<caption>What drives the GDP change: Spearman rank correlation of "
        "each parameter with it</caption>\n<thead><tr><th>parameter</th>"
        "<th>rank correlation (−1 to 1)</th></tr></thead>\n<tbody>\n";
    for (const auto& d : drivers) {
      labels.push_back(d.parameter);
      rho.values.push_back(d.rho);
      table +=
          "<tr><th scope='row'>" + H(d.parameter) + "</th><td>" + Fixed(d.rho, 3) + "</td></tr>\n";
    }
    out += BarChart({"chart-mc-drivers", "What drives the GDP change (rank correlation)",
                     "Spearman rank correlation with the GDP change (−1 to 1)", "", source},
                    labels, {rho});
    out += table + "</tbody>\n</table>\n";
  }
  if (!t.summary_columns.empty()) {
    out +=
        "<table>\n<caption>summary.csv: the headline variables' change (in their unit) and % "
        "change over the draws</caption>\n<thead><tr>";
    // The levels (mean … p95) are in summary.csv and the workbook; the page shows changes.
    const auto shown = [&t](size_t c) {
      return c < 5 || t.summary_columns[c].rfind("change_", 0) == 0 ||
             t.summary_columns[c].rfind("pct_change_", 0) == 0;
    };
    for (size_t c = 0; c < t.summary_columns.size(); ++c) {
      if (shown(c)) out += "<th>" + H(t.summary_columns[c]) + "</th>";
    }
    out += "</tr></thead>\n<tbody>\n";
    for (const auto& row : t.summary_rows) {
      if (row.size() < 2 || row[1] != "ALL") continue;
      out += "<tr>";
      for (size_t c = 0; c < row.size() && c < t.summary_columns.size(); ++c) {
        if (!shown(c)) continue;
        double v = 0;
        if (c < 4 || !ParseNumber(row[c], &v)) {
          out += "<td class='text'>" + H(row[c]) + "</td>";
        } else {
          out += "<td>" + (c == 4 ? FormatNumber(v) : FormatGrouped(v, std::fabs(v) < 10 ? 4 : 1)) +
                 "</td>";
        }
      }
      out += "</tr>\n";
    }
    out += "</tbody>\n</table>\n";
  }
  return out;
}

std::string PointsTable(const SweepTable& t) {
  const size_t shown = std::min<size_t>(t.rows.size(), 60);
  std::string out = "<table>\n<caption>Points (" + std::to_string(shown) + " of " +
                    std::to_string(t.rows.size()) +
                    "; all in points.csv and the workbook)</caption>\n<thead><tr>";
  for (const auto& c : t.columns) out += "<th>" + H(Labelled(t, c)) + "</th>";
  out += "</tr></thead>\n<tbody>\n";
  for (size_t r = 0; r < shown; ++r) {
    out += "<tr>";
    for (size_t c = 0; c < t.rows[r].size(); ++c) {
      const double v = t.rows[r][c];
      // The point number and the parameters as given; results rounded for reading.
      out += "<td>" +
             (c <= t.parameters.size() && std::isfinite(v) ? FormatNumber(v) : ShortNumber(v)) +
             "</td>";
    }
    out += "</tr>\n";
  }
  return out + "</tbody>\n</table>\n";
}

}  // namespace

std::string SweepReportHtml(const SweepTable& t, const ReportInfo& info) {
  const std::string source = "Source: spillover " + info.version + ", sweep " + t.name + " on " +
                             (info.model ? info.model->name : t.model_folder) +
                             "; changes from the model's base year.";
  std::string body = "<header>\n<h1>Sweep " + H(t.name) + "</h1>\n<p>" + H(t.method) + ", " +
                     std::to_string(t.rows.size()) + " points, from <code>" + H(t.dir) +
                     "</code>.</p>\n</header>\n";
  body += "<section id='question'>\n<h2>The question</h2>\n<p>How the results change with ";
  std::vector<std::string> quoted;
  for (const auto& p : t.parameters) quoted.push_back("<code>" + H(p) + "</code>");
  body += Join(quoted, ", ") + ".</p>\n</section>\n";
  body += ModelSectionHtml(info);
  body += "<section id='sweep'>\n<h2>Results</h2>\n";
  const bool sampled = t.method == "monte_carlo" || t.method == "latin_hypercube";
  if (t.rows.empty() || t.parameters.empty()) {
    body += "<p>The sweep has no points.</p>\n";
  } else if (sampled) {
    body += MonteCarlo(t, source);
  } else if (t.parameters.size() == 1) {
    body += OneParameter(t, source);
  } else {
    body += TwoParameters(t, source);
    if (t.parameters.size() > 2) {
      body +=
          "<p class='note'>The heatmap shows the first two parameters; with more, each cell "
          "is the last point with those two values.</p>\n";
    }
  }
  body += PointsTable(t) + "</section>\n" + HowToReadHtml();
  return HtmlPage("spillover sweep report: " + t.name, body);
}

}  // namespace spillover
