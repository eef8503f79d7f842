// summary.csv of a linear sweep, made from the fast path's combination, against the same
// file re-read (byte for byte: the same samples) and against the general path's summary
// (to 1e-12: the combination's values differ from the general path's in the last digits).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "io/csv.h"
#include "io/yaml_read.h"
#include "linear_sweep_fixture.h"
#include "sweep/sweep_runner.h"
#include "test_util.h"

namespace spillover {
namespace {

using testing::RelNear;
using testing::Slurp;

class LinearSummaryTest : public testing::LinearSweepTest {
 protected:
  LinearSummaryTest() : LinearSweepTest("linear_summary_") {}

  SweepSpec Spec(int seed, const std::string& low, int samples) {
    const std::string text =
        "sweep:\n  name: lin\n  base: " + testing::SourceDir() +
        "/scenarios/demand-linear.yaml\n  method: monte_carlo\n  samples: " +
        std::to_string(samples) + "\n  seed: " + std::to_string(seed) +
        "\n  parameters:\n"
        "    shocks.russian_demand.change: {distribution: uniform, low: " +
        low +
        ", high: 0.3}\n"
        "    shocks.households.change: {distribution: truncated_normal, mean: 0, sd: 0.1, "
        "low: -1, high: 1}\n";
    return ParseSweep(ParseYaml(text, "lin.yaml"), "lin.yaml");
  }
};

// Every cell of two summaries: text cells equal, numbers to 1e-12 relative, with a floor
// of 1e-12 of the variable's level for levels and changes (a change near zero carries the
// level's rounding) and 1e-9 for % changes.
void ExpectSameSummary(const std::string& expected_path, const std::string& actual_path) {
  const TextTable expected = ReadTextCsv(expected_path), actual = ReadTextCsv(actual_path);
  ASSERT_EQ(expected.header, actual.header);
  ASSERT_EQ(expected.rows.size(), actual.rows.size());
  ASSERT_FALSE(actual.rows.empty());
  for (size_t r = 0; r < actual.rows.size(); ++r) {
    const std::vector<std::string>&a = actual.rows[r], &e = expected.rows[r];
    ASSERT_EQ(e.size(), a.size());
    for (size_t c = 0; c < 5; ++c) EXPECT_EQ(e[c], a[c]) << "row " << r << " column " << c;
    double level = 0.0;
    ASSERT_TRUE(ParseNumber(e[5], &level)) << e[5];
    for (size_t c = 5; c < e.size(); ++c) {
      if (e[c].empty() || a[c].empty()) {
        EXPECT_EQ(e[c], a[c]) << "row " << r << " " << expected.header[c];
        continue;
      }
      double x = 0.0, y = 0.0;
      ASSERT_TRUE(ParseNumber(e[c], &x)) << e[c];
      ASSERT_TRUE(ParseNumber(a[c], &y)) << a[c];
      const double floor = c < 15 ? 1e-12 * std::fabs(level) : 1e-9;
      EXPECT_TRUE(RelNear(x, y, 1e-12, floor)) << "row " << r << " (" << e[0] << " " << e[1] << " "
                                               << e[2] << ") " << expected.header[c];
    }
  }
}

TEST_F(LinearSummaryTest, RandomSweepsEqualTheReReadAndTheGeneralPath) {
  for (const int seed : {1, 2, 3}) {
    const SweepSpec spec = Spec(seed, "-0.45", 300 + 37 * seed);
    const std::string fast = "fast" + std::to_string(seed),
                      general = "general" + std::to_string(seed);
    const SweepReport report = Run(spec, fast, false);
    ASSERT_TRUE(report.linear) << report.general_why;
    ASSERT_EQ(report.points, report.linear_points) << "seed " << seed;
    EXPECT_FALSE(Run(spec, general, false, false).linear);
    const std::string summary = Slurp(dir_ + "/" + fast + "/summary.csv");
    EXPECT_EQ(SummariseResults(dir_ + "/" + fast + "/results.csv"), summary) << "seed " << seed;
    ExpectSameSummary(dir_ + "/" + general + "/summary.csv", dir_ + "/" + fast + "/summary.csv");
  }
}

TEST_F(LinearSummaryTest, BlocksOnTheGeneralPathReReadTheFile) {
  // Below a cut of about 50% in Russian demand some outputs turn negative: those blocks take
  // the general path, so the combination does not hold every sample.
  const SweepSpec spec = Spec(4, "-0.6", 200);
  const SweepReport report = Run(spec, "fast", false);
  ASSERT_TRUE(report.linear);
  ASSERT_LT(report.linear_points, report.points);
  Run(spec, "general", false, false);
  EXPECT_EQ(SummariseResults(dir_ + "/fast/results.csv"), Slurp(dir_ + "/fast/summary.csv"));
  ExpectSameSummary(dir_ + "/general/summary.csv", dir_ + "/fast/summary.csv");
}

TEST_F(LinearSummaryTest, PointsDetailHasOnlyTheHeader) {
  const SweepSpec spec = Spec(5, "-0.45", 100);
  ASSERT_TRUE(Run(spec, "points", true).linear);
  const std::string summary = Slurp(dir_ + "/points/summary.csv");
  EXPECT_EQ(SummariseResults(dir_ + "/points/results.csv"), summary);
  EXPECT_EQ(1, std::count(summary.begin(), summary.end(), '\n')) << summary;
}

}  // namespace
}  // namespace spillover
