// The sweep's linear fast path against the general path, point by point.
#include "sweep/linear_path.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <sstream>

#include "core/text.h"
#include "io/csv.h"
#include "io/yaml_read.h"
#include "linear_sweep_fixture.h"
#include "scenario/scenario.h"
#include "sweep/sweep_runner.h"
#include "test_util.h"

namespace spillover {
namespace {

using testing::RelNear;

SweepSpec LinearSpec(const std::string& body) {
  const std::string text = "sweep:\n  name: lin\n  base: " + testing::SourceDir() +
                           "/scenarios/demand-linear.yaml\n" + body;
  return ParseSweep(ParseYaml(text, "lin.yaml"), "lin.yaml");
}

class LinearPathTest : public testing::LinearSweepTest {
 protected:
  LinearPathTest() : LinearSweepTest("linear_path_") {}

  // Every row of results.csv against Simulate on the point's own scenario.
  void ExpectGeneralPathResults(const SweepSpec& spec, const std::string& sub) {
    const PreparedModel& model = cache_.Get(testing::KazModel());
    const SweepPoints points(spec);
    const TextTable table = ReadTextCsv(dir_ + "/" + sub + "/results.csv");
    const size_t k = spec.parameters.size();
    size_t line = 0;
    for (int64_t p = 0; p < points.count(); ++p) {
      YamlNode tree = spec.base;
      const std::vector<std::string> values = points.Values(p);
      for (size_t i = 0; i < k; ++i) {
        YamlNode value;
        value.kind = YamlNode::Kind::kScalar;
        value.scalar = values[i];
        SetValueAtPath(&tree, spec.parameters[i].path, value, "test");
      }
      const ScenarioResult general = Simulate(
          model, BuildScenario(tree, spec.base_file, model.model()), ResultDetail::kTotals);
      for (const ResultRow& row : general.rows) {
        ASSERT_LT(line, table.rows.size());
        const std::vector<std::string>& cells = table.rows[line++];
        ASSERT_EQ(std::to_string(p), cells[0]);
        ASSERT_EQ(row.variable, cells[k + 4]) << "point " << p;
        ASSERT_EQ(row.region, cells[k + 2]) << "point " << p;
        double value = 0.0, change = 0.0;
        ASSERT_TRUE(ParseNumber(cells[k + 7], &value));
        ASSERT_TRUE(ParseNumber(cells[k + 8], &change));
        EXPECT_TRUE(RelNear(row.value, value, 1e-12, 1e-300))
            << "point " << p << " " << row.region << " " << row.variable;
        EXPECT_TRUE(RelNear(row.Change(), change, 1e-12, 1e-12 * std::fabs(row.baseline)))
            << "point " << p << " " << row.region << " " << row.variable;
      }
    }
    EXPECT_EQ(line, table.rows.size());
  }
};

TEST_F(LinearPathTest, RandomSweepsEqualTheGeneralPath) {
  // Below a cut of about 50% in Russian demand some outputs turn negative (products that
  // export more than they produce), and those blocks take the general path: seed 4 has them.
  for (const int seed : {1, 2, 3, 4}) {
    const std::string low = seed < 4 ? "-0.45" : "-0.6";
    const SweepSpec spec = LinearSpec(
        "  method: monte_carlo\n  samples: 150\n  seed: " + std::to_string(seed) +
        "\n  parameters:\n"
        "    shocks.russian_demand.change: {distribution: uniform, low: " +
        low +
        ", high: 0.3}\n"
        "    shocks.households.change: {distribution: truncated_normal, mean: 0, sd: 0.1, low: -1, "
        "high: 1}\n");
    const SweepReport report = Run(spec, "mc" + std::to_string(seed), false);
    EXPECT_TRUE(report.linear) << report.general_why;
    if (seed < 4) {
      EXPECT_EQ(report.points, report.linear_points) << "seed " << seed;
    } else {
      EXPECT_LT(report.linear_points, report.points);
    }
    ExpectGeneralPathResults(spec, "mc" + std::to_string(seed));
  }
  const SweepSpec grid = LinearSpec(
      "  parameters:\n"
      "    shocks.russian_demand.change: {values: [0, -0.05, -0.3, 0.25]}\n"
      "    shocks.households.change: {linspace: [-0.1, 0.1, 5]}\n");
  const SweepReport report = Run(grid, "grid", false);
  EXPECT_TRUE(report.linear);
  EXPECT_EQ(report.points, report.linear_points);
  ExpectGeneralPathResults(grid, "grid");
}

// The raw fields of a CSV line, quotes kept, so that two files compare byte for byte.
std::vector<std::string> RawFields(const std::string& line) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (const char c : line) {
    if (c == '"') quoted = !quoted;
    if (c == ',' && !quoted) {
      fields.emplace_back();
    } else {
      fields.back().push_back(c);
    }
  }
  return fields;
}

std::vector<std::string> Lines(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// Lines of the fast path's file against the general path's: every field byte for byte,
// except the numbers in `numeric` columns, which agree to 1e-12 and are each written in
// the shortest form that reads back to the same double (FormatNumber), as the general path
// writes them.
void ExpectSameFormat(const std::string& fast_path, const std::string& general_path,
                      const std::vector<size_t>& numeric) {
  const std::vector<std::string> fast = Lines(fast_path), general = Lines(general_path);
  ASSERT_EQ(general.size(), fast.size()) << fast_path;
  ASSERT_FALSE(fast.empty());
  EXPECT_EQ(general[0], fast[0]);  // the header
  size_t differing = 0;
  for (size_t l = 1; l < fast.size(); ++l) {
    const std::vector<std::string> a = RawFields(fast[l]), b = RawFields(general[l]);
    ASSERT_EQ(b.size(), a.size()) << "line " << l << ": " << fast[l] << " / " << general[l];
    for (size_t f = 0; f < a.size(); ++f) {
      if (std::find(numeric.begin(), numeric.end(), f) == numeric.end() || a[f] == b[f]) {
        EXPECT_EQ(b[f], a[f]) << "line " << l << " field " << f;
        continue;
      }
      ++differing;
      double x = 0.0, y = 0.0;
      ASSERT_TRUE(ParseNumber(a[f], &x)) << a[f];
      ASSERT_TRUE(ParseNumber(b[f], &y)) << b[f];
      EXPECT_EQ(FormatNumber(x), a[f]) << "line " << l << " field " << f;
      EXPECT_TRUE(RelNear(y, x, 1e-12, 1e-9)) << "line " << l << " field " << f;
    }
  }
  std::cout << fast_path << ": " << differing << " numbers differ in their last digits\n";
}

TEST_F(LinearPathTest, WritesTheGeneralPathsFormatByteForByte) {
  // A name that must be quoted, a grid with a value written in YAML's own way, and draws.
  const std::string base = testing::SourceDir() + "/scenarios/demand-linear.yaml";
  const SweepSpec grid = ParseSweep(
      ParseYaml("sweep:\n  name: \"lin, \\\"quoted\\\"\"\n  base: " + base +
                    "\n  parameters:\n"
                    "    shocks.russian_demand.change: {values: [0, -.05, -3e-1, 0.25]}\n"
                    "    shocks.households.change: {linspace: [-0.1, 0.1, 5]}\n",
                "g.yaml"),
      "g.yaml");
  const SweepSpec mc = LinearSpec(
      "  method: monte_carlo\n  samples: 200\n  seed: 7\n  parameters:\n"
      "    shocks.russian_demand.change: {distribution: uniform, low: -0.45, high: 0.3}\n"
      "    shocks.households.change: {distribution: triangular, low: -0.1, mode: 0, high: 0.1}\n");
  for (const SweepSpec* spec : {&grid, &mc}) {
    const std::string name = spec == &grid ? "grid" : "mc";
    for (const bool points_only : {false, true}) {
      const std::string sub = name + (points_only ? "-points" : "-totals");
      const SweepReport fast = Run(*spec, sub + "-fast", points_only);
      EXPECT_TRUE(fast.linear);
      EXPECT_EQ(fast.points, fast.linear_points) << sub;
      EXPECT_FALSE(Run(*spec, sub + "-general", points_only, false).linear);
      const size_t k = spec->parameters.size();
      // results.csv: value, change, pct_change; points.csv: gdp ... imports_change.
      ExpectSameFormat(dir_ + "/" + sub + "-fast/results.csv",
                       dir_ + "/" + sub + "-general/results.csv", {k + 7, k + 8, k + 9});
      ExpectSameFormat(dir_ + "/" + sub + "-fast/points.csv",
                       dir_ + "/" + sub + "-general/points.csv",
                       {k + 2, k + 3, k + 4, k + 5, k + 6});
    }
  }
}

TEST_F(LinearPathTest, PointsDetailWritesOnlyThePointRows) {
  const SweepSpec spec =
      LinearSpec("  parameters:\n    shocks.russian_demand.change: {linspace: [0, -0.3, 100]}\n");
  Run(spec, "totals", false);
  Run(spec, "points", true);
  auto slurp = [](const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  };
  EXPECT_EQ(slurp(dir_ + "/totals/points.csv"), slurp(dir_ + "/points/points.csv"));
  const TextTable results = ReadTextCsv(dir_ + "/points/results.csv");
  EXPECT_TRUE(results.rows.empty());
  EXPECT_EQ("point", results.header.front());
}

TEST_F(LinearPathTest, NonLinearSweepsTakeTheGeneralPath) {
  const std::string base = testing::SourceDir() + "/tests/data/sweep_base.yaml";
  const SweepSpec supply =
      ParseSweep(ParseYaml("sweep:\n  name: s\n  base: " + base +
                               "\n  parameters:\n    shocks.demand.change: {values: [0, -0.1]}\n",
                           "s.yaml"),
                 "s.yaml");
  const SweepReport report = Run(supply, "supply", false);
  EXPECT_FALSE(report.linear);
  EXPECT_NE(std::string::npos, report.general_why.find("'supply'")) << report.general_why;
  // Cuts larger than the flows they act on turn outputs negative: those blocks take the general
  // path and carry its warning, and the results still equal it.
  const SweepSpec big =
      ParseSweep(ParseYaml("sweep:\n  name: big\n  base: " + testing::SourceDir() +
                               "/tests/data/linear_absolute.yaml\n  parameters:\n"
                               "    shocks.households.change: {linspace: [0, -2e10, 130]}\n",
                           "big.yaml"),
                 "big.yaml");
  const SweepReport big_report = Run(big, "big", false);
  EXPECT_TRUE(big_report.linear) << big_report.general_why;
  ExpectGeneralPathResults(big, "big");
  const TextTable points = ReadTextCsv(dir_ + "/big/points.csv");
  EXPECT_NE(std::string::npos, points.rows.back().back().find("output turns negative"));
}

}  // namespace
}  // namespace spillover
