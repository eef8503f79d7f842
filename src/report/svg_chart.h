// Static charts as inline SVG for the HTML report: no script, no font or network request,
// printable. Every chart has a title, axis labels with units and a source line; series are
// told apart by shade and pattern as well as colour (Okabe-Ito), and bars carry their value,
// so that a chart reads in greyscale and for colour-blind readers (docs/architecture.md).
#pragma once

#include <array>
#include <string>
#include <vector>

namespace spillover {

struct ChartText {
  std::string id;       // unique in the page: the figure's id, prefix of its pattern ids
  std::string title;    // drawn in the chart and its accessible name
  std::string x_label;  // with the unit, e.g. "change, bn KZT"
  std::string y_label;
  std::string source;  // "Source: …", printed under the chart
};

struct ChartSeries {
  std::string name;  // the legend entry ("" when there is one series)
  std::vector<double> values;
};

// Horizontal bars, one group per category, one bar per series; negative values to the left
// of the zero line. NaN values draw no bar.
std::string BarChart(const ChartText& text, const std::vector<std::string>& categories,
                     const std::vector<ChartSeries>& series);

// Lines with markers (a different marker and dash per series) against x.
std::string LineChart(const ChartText& text, const std::vector<double>& x,
                      const std::vector<ChartSeries>& series);

// A grid of cells: values[row][column]; shade from dark (lowest) to light (highest), each
// cell labelled with its value; `value_label` names the shaded quantity and its unit.
std::string Heatmap(const ChartText& text, const std::vector<std::string>& columns,
                    const std::vector<std::string>& rows,
                    const std::vector<std::vector<double>>& values, const std::string& value_label);

// Counts of `values` in `bins` equal bins between their minimum and maximum.
std::string Histogram(const ChartText& text, const std::vector<double>& values, int bins);

// Bands p5–p95 and p25–p75 with the median line against x; quantiles[i] = {p5, p25, p50,
// p75, p95} at x[i].
std::string FanChart(const ChartText& text, const std::vector<double>& x,
                     const std::vector<std::array<double, 5>>& quantiles);

// Text escaped for HTML and SVG (&, <, >, ").
std::string EscapeXml(const std::string& text);

// A short axis or label number: 3 significant figures, thousands separated.
std::string ShortNumber(double value);

}  // namespace spillover
