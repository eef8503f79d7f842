// The statistics of the sweep report against values worked by hand and numpy's defaults.
#include "report/sweep_stats.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "io/csv.h"
#include "report/svg_chart.h"
#include "sweep/sweep_runner.h"

namespace spillover {
namespace {

// summary.csv (SummariseResults) takes its quantiles from the same Quantile: on the values
// above, numpy gives mean 4, sd (ddof=1) sqrt(12.5), p5 1.2, p50 3, p95 8.8. The failed
// point, whose message spans two lines, is no sample.
TEST(SweepStatsTest, SummaryQuantilesAreNumpysLinearDefault) {
  const std::string path = (std::filesystem::temp_directory_path() /
                            ("summary_test_" + std::to_string(::getpid()) + ".csv"))
                               .string();
  {
    std::ofstream out(path);
    out << "point,x,scenario,region,sector,variable,unit,baseline,value,change,pct_change,"
           "error\n";
    const double values[] = {10, 2, 4, 1, 3};
    for (int p = 0; p < 5; ++p) {
      out << p << ",0.1,s,KAZ,ALL,gdp,KZT bn,100," << values[p] << "," << values[p] - 100 << ","
          << values[p] - 100 << ",\n";
    }
    out << "5,0.2,s,,,,,,,,,\"two mistakes:\n  the second, \"\"quoted\"\"\"\n";
  }
  const std::string summary = SummariseResults(path);
  std::filesystem::remove(path);
  const TextTable table = ParseTextCsv(summary, "summary.csv");
  ASSERT_EQ(1u, table.rows.size()) << summary;
  const auto cell = [&](const std::string& column) {
    for (size_t c = 0; c < table.header.size(); ++c) {
      if (table.header[c] == column) return std::stod(table.rows[0][c]);
    }
    ADD_FAILURE() << "no column " << column;
    return std::nan("");
  };
  EXPECT_EQ(5.0, cell("n"));
  const std::pair<const char*, double> expected[] = {
      {"mean", 4.0}, {"sd", std::sqrt(12.5)}, {"p5", 1.2},           {"p50", 3.0},
      {"p95", 8.8},  {"change_p5", -98.8},    {"change_p95", -91.2}, {"pct_change_p50", -97.0}};
  for (const auto& [column, want] : expected) {
    EXPECT_NEAR(want, cell(column), 1e-12 * std::max(1.0, std::fabs(want)))
        << column << ": expected " << want << ", got " << cell(column);
  }
}

TEST(SweepStatsTest, QuantileIsNumpysLinearDefault) {
  // numpy.percentile([1, 2, 3, 4, 10], [5, 50, 95]) = [1.2, 3.0, 8.8]
  const std::vector<double> v = {1, 2, 3, 4, 10};
  EXPECT_NEAR(1.2, Quantile(v, 0.05), 1e-12);
  EXPECT_NEAR(3.0, Quantile(v, 0.50), 1e-12);
  EXPECT_NEAR(8.8, Quantile(v, 0.95), 1e-12);
  EXPECT_TRUE(std::isnan(Quantile({}, 0.5)));
  // Unsorted values and quantiles in any order: numpy.percentile([10, 2, 4, 1, 3, 7],
  // [95, 5, 50, 25]) = [9.25, 1.25, 3.5, 2.25].
  std::vector<double> w = {10, 2, 4, 1, 3, 7};
  const std::vector<double> q = SelectQuantiles(w, {0.95, 0.05, 0.5, 0.25});
  const double expected[] = {9.25, 1.25, 3.5, 2.25};
  for (size_t k = 0; k < 4; ++k) {
    EXPECT_NEAR(expected[k], q[k], 1e-12)
        << "quantile " << k << ": expected " << expected[k] << ", got " << q[k];
  }
}

TEST(SweepStatsTest, TiesShareTheirMeanRank) {
  // scipy.stats.rankdata([3, 1, 3, 2, 3]) = [4, 1, 4, 2, 4]
  const std::vector<double> ranks = Ranks({3, 1, 3, 2, 3});
  EXPECT_EQ((std::vector<double>{4, 1, 4, 2, 4}), ranks);
}

SweepTable Table(const std::vector<std::vector<double>>& rows) {
  SweepTable t;
  t.columns = {"point", "a", "b", "gdp_baseline", "gdp_change"};
  t.parameters = {"a", "b"};
  t.rows = rows;
  return t;
}

TEST(SweepStatsTest, RankCorrelationOfAMonotoneAndAnAntitoneParameter) {
  // gdp_change = exp(a) rises with a in rank (rho = 1) and falls with b = -a^3 (rho = -1).
  std::vector<std::vector<double>> rows;
  for (int i = 0; i < 20; ++i) {
    const double a = 0.1 * i;
    rows.push_back({static_cast<double>(i), a, -a * a * a, 1.0, std::exp(a)});
  }
  const std::vector<RankDriver> drivers = RankDrivers(Table(rows), "gdp_change");
  ASSERT_EQ(2u, drivers.size());
  EXPECT_NEAR(1.0, drivers[0].rho, 1e-12);
  EXPECT_NEAR(-1.0, drivers[1].rho, 1e-12);
}

TEST(SweepStatsTest, SpearmanOfAWorkedExample) {
  // x = 1..5, y = [2, 1, 4, 3, 5]: d = [1, -1, 1, -1, 0], rho = 1 - 6*4/(5*24) = 0.8.
  const std::vector<double> y = {2, 1, 4, 3, 5};
  std::vector<std::vector<double>> rows;
  for (int i = 0; i < 5; ++i) rows.push_back({0.0, i + 1.0, 0.0, 1.0, y[static_cast<size_t>(i)]});
  EXPECT_NEAR(0.8, RankDrivers(Table(rows), "gdp_change").front().rho, 1e-12);
}

TEST(SweepStatsTest, FanBinsHoldEqualCountsInParameterOrder) {
  std::vector<std::vector<double>> rows;
  for (int i = 0; i < 100; ++i) rows.push_back({0.0, 99.0 - i, 0.0, 1.0, 2.0 * (99 - i)});
  const FanBins fan = FanByParameter(Table(rows), "a", "gdp_change", 4);
  ASSERT_EQ(4u, fan.x.size());
  EXPECT_NEAR(12.0, fan.x[0], 1e-12);  // median of 0..24
  EXPECT_NEAR(24.0, fan.quantiles[0][2], 1e-12);
  EXPECT_NEAR(2 * (0 + 0.05 * 24), fan.quantiles[0][0], 1e-12);
  EXPECT_LT(fan.quantiles[0][4], fan.quantiles[1][0]);
}

TEST(SvgChartTest, EscapesTextAndDrawsOneBarPerValue) {
  EXPECT_EQ("a &lt;b&gt; &amp; &quot;c&quot; &#39;d&#39;", EscapeXml("a <b> & \"c\" 'd'"));
  const std::string svg =
      BarChart({"t", "Title <x>", "change, bn KZT", "", "Source: test"}, {"A", "B", "C"},
               {{"one", {1.0, -2.0, NAN}}, {"two", {3, 4, 5}}});
  size_t bars = 0;
  for (size_t at = svg.find("class='bar'"); at != std::string::npos;
       at = svg.find("class='bar'", at + 1)) {
    ++bars;
  }
  EXPECT_EQ(5u, bars);  // the NaN draws none
  EXPECT_NE(std::string::npos, svg.find("<title>Title &lt;x&gt;</title>"));
  EXPECT_NE(std::string::npos, svg.find("change, bn KZT"));
  EXPECT_NE(std::string::npos, svg.find("<figcaption>Source: test</figcaption>"));
}

}  // namespace
}  // namespace spillover
