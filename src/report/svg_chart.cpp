#include "report/svg_chart.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/text.h"

namespace spillover {
namespace {

constexpr double kWidth = 720;
// Okabe-Ito colours, each with its own pattern so that series differ in greyscale too.
const char* const kColours[] = {"#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00"};
constexpr int kStyles = 6;
const char* const kDashes[] = {"", "6 3", "2 2", "8 3 2 3", "4 4", "1 3"};

std::string Num(double v) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", v);
  return buffer;
}

std::string Fill(const ChartText& text, size_t series) {
  return "url(#" + text.id + "-p" + std::to_string(series % kStyles) + ")";
}

// Pattern k: colour k with solid, hatched, dotted, cross-hatched, vertical or horizontal marks.
std::string Patterns(const ChartText& text) {
  const char* const marks[] = {"",
                               "<path d='M0,6 L6,0' stroke='#000' stroke-width='1.2'/>",
                               "<circle cx='3' cy='3' r='1.3' fill='#000'/>",
                               "<path d='M0,6 L6,0 M0,0 L6,6' stroke='#000' stroke-width='0.8'/>",
                               "<path d='M3,0 L3,6' stroke='#000' stroke-width='1'/>",
                               "<path d='M0,3 L6,3' stroke='#000' stroke-width='1'/>"};
  std::string out = "<defs>";
  for (int k = 0; k < kStyles; ++k) {
    out += "<pattern id='" + text.id + "-p" + std::to_string(k) +
           "' patternUnits='userSpaceOnUse' width='6' height='6'><rect width='6' height='6' "
           "fill='" +
           kColours[k] + "'/>" + marks[k] + "</pattern>";
  }
  return out + "</defs>";
}

std::string Text(double x, double y, const std::string& body, const std::string& attrs = "") {
  return "<text x='" + Num(x) + "' y='" + Num(y) + "'" + (attrs.empty() ? "" : " " + attrs) + ">" +
         EscapeXml(body) + "</text>";
}

std::string Line(double x1, double y1, double x2, double y2, const std::string& attrs) {
  return "<line x1='" + Num(x1) + "' y1='" + Num(y1) + "' x2='" + Num(x2) + "' y2='" + Num(y2) +
         "' " + attrs + "/>";
}

std::string Rect(double x, double y, double w, double h, const std::string& attrs) {
  return "<rect x='" + Num(x) + "' y='" + Num(y) + "' width='" + Num(std::max(w, 0.0)) +
         "' height='" + Num(std::max(h, 0.0)) + "' " + attrs + "/>";
}

// The opening of a figure and its SVG, with the title drawn at the top.
std::string Open(const ChartText& text, double height) {
  return "<figure class='chart' id='" + EscapeXml(text.id) +
         "'>\n<svg xmlns='http://www.w3.org/2000/svg' role='img' width='" + Num(kWidth) +
         "' height='" + Num(height) + "' viewBox='0 0 " + Num(kWidth) + " " + Num(height) +
         "' font-family='sans-serif' font-size='11'><title>" + EscapeXml(text.title) + "</title>" +
         Patterns(text) +
         Text(8, 18, text.title, "font-size='14' font-weight='bold' class='chart-title'");
}

std::string Close(const ChartText& text) {
  return "</svg>\n<figcaption>" + EscapeXml(text.source) + "</figcaption>\n</figure>\n";
}

// Round tick positions covering [lo, hi].
std::vector<double> Ticks(double lo, double hi, int target = 5) {
  if (!(hi > lo)) {
    const double pad = lo == 0 ? 1.0 : std::fabs(lo) * 0.1;
    lo -= pad;
    hi += pad;
  }
  const double raw = (hi - lo) / target;
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  double step = magnitude;
  for (double m : {1.0, 2.0, 2.5, 5.0, 10.0}) {
    step = m * magnitude;
    if (step >= raw) break;
  }
  std::vector<double> ticks;
  for (double t = std::floor(lo / step) * step; t <= hi + step * 0.999; t += step) {
    ticks.push_back(std::fabs(t) < step * 1e-9 ? 0.0 : t);
    if (t >= hi) break;
  }
  return ticks;
}

void Range(const std::vector<double>& values, double* lo, double* hi) {
  for (double v : values) {
    if (!std::isfinite(v)) continue;
    *lo = std::min(*lo, v);
    *hi = std::max(*hi, v);
  }
}

// The legend, wrapped onto as many lines as it needs from `y` down; *height is the space
// it takes beyond its first line.
std::string Legend(const ChartText& text, const std::vector<ChartSeries>& series, double y,
                   bool lines, double* height) {
  *height = 0;
  if (series.size() < 2 && (series.empty() || series[0].name.empty())) return "";
  std::string out;
  double x = 8;
  for (size_t s = 0; s < series.size(); ++s) {
    const std::string name = Cut(series[s].name, 48);
    const double width = 40 + 6.2 * static_cast<double>(DisplayWidth(name));
    if (x > 8 && x + width > kWidth) {
      x = 8;
      y += 16;
      *height += 16;
    }
    if (lines) {
      out += Line(x, y - 4, x + 24, y - 4,
                  std::string("stroke='") + kColours[s % kStyles] + "' stroke-width='2'" +
                      (*kDashes[s % kStyles]
                           ? std::string(" stroke-dasharray='") + kDashes[s % kStyles] + "'"
                           : ""));
    } else {
      out += Rect(x, y - 10, 24, 12, "fill='" + Fill(text, s) + "' stroke='#000'");
    }
    out += Text(x + 30, y, name);
    x += width;
  }
  return out;
}

// A linear scale from data to pixels.
struct Scale {
  double d0, d1, p0, p1;
  double operator()(double v) const { return p0 + (v - d0) / (d1 - d0) * (p1 - p0); }
};

// Horizontal value axis with grid lines at the ticks, and its label below.
std::string XAxis(const Scale& x, const std::vector<double>& ticks, double top, double bottom,
                  const std::string& label) {
  std::string out;
  for (double t : ticks) {
    out += Line(x(t), top, x(t), bottom, "stroke='#ccc' stroke-width='0.5'");
    out += Text(x(t), bottom + 14, ShortNumber(t), "text-anchor='middle'");
  }
  out += Line(x.p0, bottom, x.p1, bottom, "stroke='#000'");
  return out + Text((x.p0 + x.p1) / 2, bottom + 32, label, "text-anchor='middle' class='axis'");
}

std::string YAxis(const Scale& y, const std::vector<double>& ticks, double left, double right,
                  const std::string& label) {
  std::string out;
  for (double t : ticks) {
    out += Line(left, y(t), right, y(t), "stroke='#ccc' stroke-width='0.5'");
    out += Text(left - 6, y(t) + 4, ShortNumber(t), "text-anchor='end'");
  }
  out += Line(left, y.p0, left, y.p1, "stroke='#000'");
  const double mid = (y.p0 + y.p1) / 2;
  return out +
         Text(14, mid, label,
              "text-anchor='middle' class='axis' transform='rotate(-90 14 " + Num(mid) + ")'");
}

}  // namespace

std::string EscapeXml(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string ShortNumber(double value) {
  if (!std::isfinite(value)) return "n/a";
  const double a = std::fabs(value);
  const int decimals = a == 0 || a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : a >= 0.01 ? 3 : 4;
  std::string text = FormatGrouped(value, decimals);
  if (text == "-0" || text.find_first_not_of("-0.,") == std::string::npos) text = "0";
  return text;
}

std::string BarChart(const ChartText& text, const std::vector<std::string>& categories,
                     const std::vector<ChartSeries>& series) {
  double extra = 0;
  const std::string legend = Legend(text, series, 36, false, &extra);
  const double bar = 13, gap = 9, left = 250, right = kWidth - 70, top = 44 + extra;
  const double group = bar * static_cast<double>(series.size()) + gap;
  const double bottom = top + group * static_cast<double>(categories.size());
  double lo = 0, hi = 0;
  for (const auto& s : series) Range(s.values, &lo, &hi);
  const std::vector<double> ticks = Ticks(lo, hi);
  const Scale x{ticks.front(), ticks.back(), left, right};
  std::string out = Open(text, bottom + 46) + legend;
  out += XAxis(x, ticks, top, bottom, text.x_label);
  for (size_t c = 0; c < categories.size(); ++c) {
    const double y0 = top + group * static_cast<double>(c) + gap / 2;
    out += Text(left - 6, y0 + group / 2 - 1, Cut(categories[c], 38), "text-anchor='end'");
    for (size_t s = 0; s < series.size(); ++s) {
      const double v = c < series[s].values.size() ? series[s].values[c] : NAN;
      if (!std::isfinite(v)) continue;
      const double y = y0 + bar * static_cast<double>(s);
      const double a = x(std::min(v, 0.0)), b = x(std::max(v, 0.0));
      out += Rect(a, y, b - a, bar - 1,
                  "fill='" + Fill(text, s) + "' stroke='#000' stroke-width='0.5' class='bar'");
      // The value beside the bar's end; inside it (on a white ground) where it would run
      // into the category labels or off the chart.
      const std::string label = ShortNumber(v);
      const double room = 6.0 * static_cast<double>(label.size()) + 6;
      const bool inside = v < 0 ? a - room < left : b + room > kWidth;
      const double tx = v < 0 ? (inside ? a + 3 : a - 3) : (inside ? b - 3 : b + 3);
      const bool start = (v < 0) == inside;
      if (inside) {
        out += Rect(start ? tx - 1 : tx - room + 5, y + 1, room - 4, bar - 3, "fill='#fff'");
      }
      out += Text(tx, y + bar - 3, label,
                  std::string("font-size='10' text-anchor='") + (start ? "start" : "end") + "'");
    }
  }
  out += Line(x(0), top, x(0), bottom, "stroke='#000' stroke-width='1'");
  return out + Close(text);
}

std::string LineChart(const ChartText& text, const std::vector<double>& xs,
                      const std::vector<ChartSeries>& series) {
  double extra = 0;
  const std::string legend = Legend(text, series, 38, true, &extra);
  const double left = 90, right = kWidth - 30, top = 50 + extra, bottom = 330 + extra;
  double xlo = INFINITY, xhi = -INFINITY, ylo = INFINITY, yhi = -INFINITY;
  Range(xs, &xlo, &xhi);
  for (const auto& s : series) Range(s.values, &ylo, &yhi);
  if (!std::isfinite(xlo)) xlo = xhi = 0;
  if (!std::isfinite(ylo)) ylo = yhi = 0;
  const std::vector<double> xt = Ticks(xlo, xhi), yt = Ticks(ylo, yhi);
  const Scale x{xt.front(), xt.back(), left, right}, y{yt.front(), yt.back(), bottom, top};
  std::string out = Open(text, bottom + 46) + legend;
  out += XAxis(x, xt, top, bottom, text.x_label) + YAxis(y, yt, left, right, text.y_label);
  for (size_t s = 0; s < series.size(); ++s) {
    const std::string colour = kColours[s % kStyles];
    std::string points;
    for (size_t i = 0; i < xs.size() && i < series[s].values.size(); ++i) {
      if (!std::isfinite(series[s].values[i])) continue;
      points += Num(x(xs[i])) + "," + Num(y(series[s].values[i])) + " ";
    }
    const char* dash = kDashes[s % kStyles];
    out += "<polyline class='series' fill='none' stroke='" + colour + "' stroke-width='2'" +
           (*dash ? std::string(" stroke-dasharray='") + dash + "'" : "") + " points='" + points +
           "'/>";
    for (size_t i = 0; i < xs.size() && i < series[s].values.size(); ++i) {
      if (!std::isfinite(series[s].values[i])) continue;
      out += "<circle cx='" + Num(x(xs[i])) + "' cy='" + Num(y(series[s].values[i])) +
             "' r='3' fill='" + Fill(text, s) + "' stroke='#000' stroke-width='0.5'/>";
    }
  }
  return out + Close(text);
}

std::string Heatmap(const ChartText& text, const std::vector<std::string>& columns,
                    const std::vector<std::string>& rows,
                    const std::vector<std::vector<double>>& values,
                    const std::string& value_label) {
  const double left = 110, right = kWidth - 30, top = 44;
  const double cw = (right - left) / std::max<double>(1, static_cast<double>(columns.size()));
  const double ch =
      std::clamp(300.0 / std::max<double>(1, static_cast<double>(rows.size())), 18.0, 40.0);
  const double bottom = top + ch * static_cast<double>(rows.size());
  double lo = INFINITY, hi = -INFINITY;
  for (const auto& r : values) Range(r, &lo, &hi);
  // A dark-to-light ramp of viridis stops: its lightness rises monotonically, so the order of
  // the cells survives greyscale printing; each cell also carries its value.
  const double stops[5][3] = {
      {68, 1, 84}, {59, 82, 139}, {33, 145, 140}, {94, 201, 98}, {253, 231, 37}};
  auto shade = [&](double v, double* lightness) {
    const double t = hi > lo ? (v - lo) / (hi - lo) : 0.5;
    const double f = std::clamp(t, 0.0, 1.0) * 4;
    const int k = std::min(3, static_cast<int>(f));
    char buffer[16];
    double rgb[3];
    for (int i = 0; i < 3; ++i) rgb[i] = stops[k][i] + (f - k) * (stops[k + 1][i] - stops[k][i]);
    *lightness = 0.3 * rgb[0] + 0.59 * rgb[1] + 0.11 * rgb[2];
    std::snprintf(buffer, sizeof buffer, "#%02x%02x%02x", static_cast<int>(rgb[0]),
                  static_cast<int>(rgb[1]), static_cast<int>(rgb[2]));
    return std::string(buffer);
  };
  std::string out = Open(text, bottom + 80);
  for (size_t r = 0; r < rows.size(); ++r) {
    const double y = top + ch * static_cast<double>(r);
    out += Text(left - 6, y + ch / 2 + 4, Cut(rows[r], 16), "text-anchor='end'");
    for (size_t c = 0; c < columns.size(); ++c) {
      const double v = c < values[r].size() ? values[r][c] : NAN;
      const double x = left + cw * static_cast<double>(c);
      if (!std::isfinite(v)) continue;
      double lightness = 0;
      out += Rect(x, y, cw, ch, "fill='" + shade(v, &lightness) + "' stroke='#fff' class='cell'");
      if (cw >= 34) {
        out += Text(x + cw / 2, y + ch / 2 + 4, ShortNumber(v),
                    std::string("font-size='10' text-anchor='middle' fill='") +
                        (lightness < 128 ? "#fff" : "#000") + "'");
      }
    }
  }
  for (size_t c = 0; c < columns.size(); ++c) {
    out += Text(left + cw * (static_cast<double>(c) + 0.5), bottom + 14, Cut(columns[c], 10),
                "text-anchor='middle'");
  }
  out += Text((left + right) / 2, bottom + 32, text.x_label, "text-anchor='middle' class='axis'");
  const double mid = (top + bottom) / 2;
  out += Text(14, mid, text.y_label,
              "text-anchor='middle' class='axis' transform='rotate(-90 14 " + Num(mid) + ")'");
  // The colour scale: lowest to highest, with both ends labelled.
  for (int i = 0; i < 20; ++i) {
    double lightness = 0;
    out += Rect(left + 12 * i, bottom + 44, 12, 10,
                "fill='" + shade(lo + (hi - lo) * i / 19.0, &lightness) + "'");
  }
  out += Text(left - 6, bottom + 53, ShortNumber(lo), "text-anchor='end'");
  out += Text(left + 246, bottom + 53, ShortNumber(hi) + "  (" + value_label + ")");
  return out + Close(text);
}

std::string Histogram(const ChartText& text, const std::vector<double>& values, int bins) {
  double lo = INFINITY, hi = -INFINITY;
  Range(values, &lo, &hi);
  if (!std::isfinite(lo)) lo = hi = 0;
  if (!(hi > lo)) hi = lo + 1;
  bins = std::max(1, bins);
  std::vector<double> counts(static_cast<size_t>(bins), 0.0);
  for (double v : values) {
    if (!std::isfinite(v)) continue;
    const int b = std::min(bins - 1, static_cast<int>((v - lo) / (hi - lo) * bins));
    counts[static_cast<size_t>(b)] += 1;
  }
  const double left = 90, right = kWidth - 30, top = 40, bottom = 300;
  const std::vector<double> xt = Ticks(lo, hi);
  const std::vector<double> yt = Ticks(0, *std::max_element(counts.begin(), counts.end()));
  const Scale x{xt.front(), xt.back(), left, right}, y{0, yt.back(), bottom, top};
  std::string out = Open(text, bottom + 46);
  out += XAxis(x, xt, top, bottom, text.x_label) + YAxis(y, yt, left, right, text.y_label);
  const double width = (hi - lo) / bins;
  for (int b = 0; b < bins; ++b) {
    const double a = x(lo + width * b), e = x(lo + width * (b + 1));
    out += Rect(a, y(counts[static_cast<size_t>(b)]), e - a,
                bottom - y(counts[static_cast<size_t>(b)]),
                "fill='" + Fill(text, 0) + "' stroke='#000' stroke-width='0.5' class='bar'");
  }
  return out + Close(text);
}

std::string FanChart(const ChartText& text, const std::vector<double>& xs,
                     const std::vector<std::array<double, 5>>& q) {
  const double left = 90, right = kWidth - 30, top = 50, bottom = 330;
  double xlo = INFINITY, xhi = -INFINITY, ylo = INFINITY, yhi = -INFINITY;
  Range(xs, &xlo, &xhi);
  for (const auto& row : q) Range(std::vector<double>(row.begin(), row.end()), &ylo, &yhi);
  if (!std::isfinite(xlo)) xlo = xhi = 0;
  if (!std::isfinite(ylo)) ylo = yhi = 0;
  const std::vector<double> xt = Ticks(xlo, xhi), yt = Ticks(ylo, yhi);
  const Scale x{xt.front(), xt.back(), left, right}, y{yt.front(), yt.back(), bottom, top};
  std::string out = Open(text, bottom + 46);
  out += XAxis(x, xt, top, bottom, text.x_label) + YAxis(y, yt, left, right, text.y_label);
  auto band = [&](int lo_q, int hi_q, const char* fill, const char* name) {
    std::string points;
    for (size_t i = 0; i < xs.size(); ++i) points += Num(x(xs[i])) + "," + Num(y(q[i][lo_q])) + " ";
    for (size_t i = xs.size(); i-- > 0;) points += Num(x(xs[i])) + "," + Num(y(q[i][hi_q])) + " ";
    return "<polygon class='band' fill='" + std::string(fill) + "' stroke='#555' points='" +
           points + "'><title>" + name + "</title></polygon>";
  };
  out += band(0, 4, "#c6dbef", "p5 to p95") + band(1, 3, "#6baed6", "p25 to p75");
  std::string median;
  for (size_t i = 0; i < xs.size(); ++i) median += Num(x(xs[i])) + "," + Num(y(q[i][2])) + " ";
  out += "<polyline fill='none' stroke='#000' stroke-width='2' points='" + median + "'/>";
  out += Rect(8, 28, 20, 10, "fill='#c6dbef' stroke='#555'") + Text(32, 37, "p5 to p95");
  out += Rect(110, 28, 20, 10, "fill='#6baed6' stroke='#555'") + Text(134, 37, "p25 to p75");
  out += Line(214, 33, 238, 33, "stroke='#000' stroke-width='2'") + Text(242, 37, "median");
  return out + Close(text);
}

}  // namespace spillover
