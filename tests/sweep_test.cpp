#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "core/error.h"
#include "io/csv.h"
#include "sweep/points.h"
#include "sweep/sweep_runner.h"
#include "sweep/sweep_spec.h"
#include "sweep/sweep_state.h"
#include "test_util.h"

namespace spillover {
namespace {

namespace fs = std::filesystem;
using testing::RelNear;
using testing::Slurp;

std::string Base() { return testing::SourceDir() + "/tests/data/sweep_base.yaml"; }

SweepSpec Spec(const std::string& body) {
  const std::string text = "sweep:\n  name: s\n  base: " + Base() + "\n" + body;
  return ParseSweep(ParseYaml(text, "s.yaml"), "s.yaml");
}

std::string ErrorOf(const std::string& body) {
  try {
    Spec(body);
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

TEST(SweepPoints, GridCrossesGroupsAndZipsWithinThem) {
  const SweepSpec spec = Spec(
      "  parameters:\n"
      "    shocks.demand.change: {values: [-0.1, -0.2]}\n"
      "    shocks.supply.share: {range: [0, 0.2, 0.1], group: g}\n"
      "    shocks.supply.substitution: {linspace: [0, 1, 3], group: g}\n");
  const SweepPoints points(spec);
  ASSERT_EQ(6, points.count());
  EXPECT_EQ(std::vector<std::string>({"-0.1", "0", "0"}), points.Values(0));
  EXPECT_EQ(std::vector<std::string>({"-0.1", "0.1", "0.5"}), points.Values(1));
  EXPECT_EQ(std::vector<std::string>({"-0.1", "0.2", "1"}), points.Values(2));
  EXPECT_EQ(std::vector<std::string>({"-0.2", "0", "0"}), points.Values(3));
}

TEST(SweepPoints, RangeCountsStepsWithoutDrift) {
  const SweepSpec spec = Spec("  parameters:\n    shocks.demand.change: {range: [0, 1, 0.1]}\n");
  const SweepPoints points(spec);
  ASSERT_EQ(11, points.count());
  EXPECT_EQ("0.3", points.Values(3)[0]);
  EXPECT_EQ("1", points.Values(10)[0]);
}

TEST(SweepPoints, MonteCarloIsDeterministicAndMatchesDistributions) {
  const std::string params =
      "  method: monte_carlo\n  samples: 20000\n  parameters:\n"
      "    a: {distribution: uniform, low: 2, high: 4}\n"
      "    b: {distribution: normal, mean: 1, sd: 0.5}\n"
      "    c: {distribution: triangular, low: 0, mode: 1, high: 5}\n"
      "    d: {distribution: truncated_normal, mean: 0, sd: 1, low: -0.5, high: 2}\n"
      "    e: {distribution: lognormal, mu: 0.2, sigma: 0.3}\n";
  const SweepSpec spec = Spec("  seed: 7\n" + params);
  const SweepPoints points(spec);
  EXPECT_EQ(points.Values(123), SweepPoints(Spec("  seed: 7\n" + params)).Values(123));
  EXPECT_NE(points.Values(123), SweepPoints(Spec("  seed: 8\n" + params)).Values(123));
  std::vector<double> sum(5, 0.0), sum2(5, 0.0);
  std::vector<double> log_e;
  double lowest_d = 1e9, highest_d = -1e9;
  for (int64_t p = 0; p < points.count(); ++p) {
    const std::vector<double> x = points.Draws(p);
    for (size_t i = 0; i < 5; ++i) {
      sum[i] += x[i];
      sum2[i] += x[i] * x[i];
    }
    lowest_d = std::min(lowest_d, x[3]);
    highest_d = std::max(highest_d, x[3]);
    log_e.push_back(std::log(x[4]));
  }
  const double n = static_cast<double>(points.count());
  // Means within about four standard errors.
  EXPECT_NEAR(3.0, sum[0] / n, 4 * std::sqrt(4.0 / 12 / n));
  EXPECT_NEAR(1.0, sum[1] / n, 4 * 0.5 / std::sqrt(n));
  EXPECT_NEAR(0.5, std::sqrt(sum2[1] / n - std::pow(sum[1] / n, 2)), 0.01);
  EXPECT_NEAR(2.0, sum[2] / n, 0.03);  // (low + mode + high) / 3
  EXPECT_GE(lowest_d, -0.5);
  EXPECT_LE(highest_d, 2.0);
  double log_mean = 0;
  for (double v : log_e) log_mean += v / n;
  EXPECT_NEAR(0.2, log_mean, 4 * 0.3 / std::sqrt(n));
}

TEST(SweepPoints, InverseNormalCdfMatchesTables) {
  EXPECT_TRUE(RelNear(1.959963984540054, InverseNormalCdf(0.975), 1e-13));
  EXPECT_TRUE(RelNear(-2.326347874040841, InverseNormalCdf(0.01), 1e-13));
  EXPECT_NEAR(0.0, InverseNormalCdf(0.5), 1e-15);
  EXPECT_TRUE(RelNear(-4.753424308822899, InverseNormalCdf(1e-6), 1e-12));
}

TEST(SweepSpec, ErrorsNameKeysAndSuggest) {
  EXPECT_NE(ErrorOf("  parameters:\n    x: {valeus: [1]}\n").find("(did you mean 'values'?)"),
            std::string::npos);
  EXPECT_NE(ErrorOf("  parameters:\n    x: {values: [1], range: [0, 1, 1]}\n")
                .find("exactly one of values, range, linspace"),
            std::string::npos);
  EXPECT_NE(ErrorOf("  parameters:\n    x: {values: [1, 2], group: g}\n"
                    "    y: {values: [1], group: g}\n")
                .find("zipped parameters need equal lengths"),
            std::string::npos);
  EXPECT_NE(ErrorOf("  method: monte_carlo\n  parameters:\n    x: {distribution: uniform, low: "
                    "0, high: 1}\n")
                .find("sweep.samples"),
            std::string::npos);
  EXPECT_NE(ErrorOf("  method: monte_carlo\n  samples: 5\n  parameters:\n    x: {distribution: "
                    "normal, mean: 0}\n")
                .find("required by the normal distribution"),
            std::string::npos);
  EXPECT_NE(ErrorOf("  method: monte_carlo\n  samples: 5\n  parameters:\n    x: {distribution: "
                    "uniform, low: 0, high: 1, mode: 0.5}\n")
                .find("a `uniform` parameter does not take this key"),
            std::string::npos);
  EXPECT_NE(ErrorOf("  parameters:\n    x: {range: [0, 1, -0.1]}\n").find("[start, stop, step]"),
            std::string::npos);
  EXPECT_NE(ErrorOf("  metod: grid\n  parameters:\n    x: {values: [1]}\n")
                .find("did you mean 'method'?"),
            std::string::npos);
}

// The whole range is checked when the sweep is read, before any point is solved.
TEST(SweepSpec, RangesAreCheckedBeforeAnyPoint) {
  const std::string mc = "  method: monte_carlo\n  samples: 5\n  parameters:\n";
  EXPECT_NE(ErrorOf("  parameters:\n    shocks.demand.change: {values: [-0.1, 0.5, 20]}\n")
                .find("a swept value 20 means +2,000%; for +20% write 0.20"),
            std::string::npos);
  EXPECT_NE(ErrorOf("  parameters:\n    shocks.supply.share: {linspace: [0, 2, 3]}\n")
                .find("a swept value 2 is out of range; expected a number in [0, 1]"),
            std::string::npos);
  EXPECT_NE(ErrorOf(mc + "    shocks.demand.change: {distribution: lognormal, mu: 0, sigma: 1}\n")
                .find("a lognormal distribution has an unbounded tail"),
            std::string::npos);
  EXPECT_NE(ErrorOf(mc + "    shocks.demand.change: {distribution: triangular, low: -2, mode: "
                         "-0.5, high: 0}\n")
                .find("a swept value -2 is out of range; expected a number in [-1, 1]"),
            std::string::npos);
  EXPECT_NE(ErrorOf("  parameters:\n    shocks.supply.share: {values: [0.1, lots]}\n")
                .find("a swept value 'lots' is not a number"),
            std::string::npos);
  // Truncated: the bounds are what is checked; within them it is accepted.
  EXPECT_EQ("no error", ErrorOf(mc + "    shocks.demand.change: {distribution: truncated_normal, "
                                     "mean: -0.2, sd: 0.5, low: -1, high: 1}\n"));
  // Unbounded keys take unbounded distributions.
  EXPECT_EQ("no error", ErrorOf(mc + "    x: {distribution: normal, mean: 0, sd: 1}\n"));
  EXPECT_NE(ErrorOf("  parameters:\n    shocks.demnd.change: {values: [-0.1]}\n")
                .find("no shock named 'demnd' in " + Base() +
                      "; its shocks are: demand, supply (did you mean 'demand'?)"),
            std::string::npos);
  // A sweep may add a shock by giving its type.
  EXPECT_EQ("no error", ErrorOf("  parameters:\n    shocks.extra.type: {values: [exports]}\n"
                                "    shocks.extra.change: {values: [0.1]}\n"));
}

class SweepRunTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = ::testing::TempDir() + "/sweep_run_" +
           ::testing::UnitTest::GetInstance()->current_test_info()->name();
    fs::remove_all(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  SweepReport Run(const SweepSpec& spec, const std::string& sub, int threads, int shard = 0,
                  int shards = 1, bool resume = false, int64_t stop = -1) {
    SweepOptions options;
    options.out_dir = dir_ + "/" + sub;
    options.threads = threads;
    options.shard = shard;
    options.shards = shards;
    options.resume = resume;
    options.stop_after_blocks = stop;
    options.detail = SweepDetail::kAll;
    ModelCache cache;
    return RunSweep(spec, options, &cache);
  }

  std::string dir_;
};

const char* kMonteCarlo =
    "  method: monte_carlo\n  samples: 300\n  seed: 3\n  parameters:\n"
    "    shocks.demand.change: {distribution: uniform, low: -0.4, high: 0}\n"
    "    shocks.supply.share: {distribution: uniform, low: 0, high: 0.5}\n";

TEST_F(SweepRunTest, ResultsDoNotDependOnThreadsShardsOrInterruptions) {
  const SweepSpec spec = Spec(kMonteCarlo);
  const SweepReport one = Run(spec, "one", 1);
  EXPECT_TRUE(one.finished);
  EXPECT_EQ(300, one.points);
  Run(spec, "two", 2);
  const std::string reference = Slurp(dir_ + "/one/results.csv");
  ASSERT_FALSE(reference.empty());
  EXPECT_EQ(reference, Slurp(dir_ + "/two/results.csv"));
  EXPECT_EQ(Slurp(dir_ + "/one/summary.csv"), Slurp(dir_ + "/two/summary.csv"));

  for (int k = 0; k < 3; ++k) Run(spec, "shard" + std::to_string(k), 2, k, 3);
  MergeSweeps({dir_ + "/shard2", dir_ + "/shard0", dir_ + "/shard1"}, dir_ + "/merged");
  EXPECT_EQ(reference, Slurp(dir_ + "/merged/results.csv"));
  EXPECT_EQ(Slurp(dir_ + "/one/points.csv"), Slurp(dir_ + "/merged/points.csv"));
  EXPECT_EQ(Slurp(dir_ + "/one/summary.csv"), Slurp(dir_ + "/merged/summary.csv"));

  const SweepReport stopped = Run(spec, "resumed", 2, 0, 1, false, 2);
  EXPECT_FALSE(stopped.finished);
  EXPECT_FALSE(fs::exists(dir_ + "/resumed/results.csv"));  // nothing half-written in place
  // Garbage after the last checkpoint (a write cut short by a kill) is dropped on resume.
  std::ofstream(dir_ + "/resumed/results.csv.partial", std::ios::app) << "17,garbage";
  const SweepReport resumed = Run(spec, "resumed", 1, 0, 1, true);
  EXPECT_TRUE(resumed.finished);
  EXPECT_EQ(2, resumed.resumed_from);
  EXPECT_EQ(reference, Slurp(dir_ + "/resumed/results.csv"));
}

// The units of points.csv are stated in the output (sweep.meta), the same as the unit
// column of results.csv's gdp rows, and kept by a merge and a resume of a finished sweep.
TEST_F(SweepRunTest, PointsUnitsAreStatedInSweepMeta) {
  const SweepSpec spec = Spec(kMonteCarlo);
  Run(spec, "one", 1);
  std::string gdp_unit;
  for (const auto& row : ReadTextCsv(dir_ + "/one/results.csv").rows) {
    if (row[6] == "gdp") gdp_unit = row[7];
  }
  ASSERT_FALSE(gdp_unit.empty());
  const std::string text = Slurp(dir_ + "/one/sweep.meta");
  const SweepMeta meta = ReadMeta(dir_ + "/one");
  std::map<std::string, std::string> units(meta.units.begin(), meta.units.end());
  EXPECT_EQ(7u, units.size()) << text;
  for (const char* column :
       {"gdp_baseline", "gdp", "gdp_change", "exports_change", "imports_change"}) {
    EXPECT_EQ(gdp_unit, units[column]) << column << "\n" << text;
  }
  EXPECT_EQ("%", units["gdp_pct_change"]);
  EXPECT_EQ("index (base = 1)", units["cpi"]);
  EXPECT_NE(text.find("\nunit.gdp_change " + gdp_unit + "\n"), std::string::npos) << text;

  const SweepReport again = Run(spec, "one", 1, 0, 1, true);  // finished: nothing to do
  EXPECT_TRUE(again.finished);
  EXPECT_EQ(text, Slurp(dir_ + "/one/sweep.meta"));
  for (int k = 0; k < 2; ++k) Run(spec, "shard" + std::to_string(k), 1, k, 2);
  MergeSweeps({dir_ + "/shard0", dir_ + "/shard1"}, dir_ + "/merged");
  EXPECT_EQ(meta.units, ReadMeta(dir_ + "/merged").units);
  // A sweep.meta of an earlier version, without unit lines, still reads.
  SweepMeta old = meta;
  old.units.clear();
  EXPECT_TRUE(ParseMeta(FormatMeta(old), "sweep.meta").units.empty());
}

// A sweep interrupted after its first block and resumed lists the failed points of that
// block too (the checkpoint only counts them), as an uninterrupted run does; a resume of
// the finished sweep lists them again.
TEST_F(SweepRunTest, ResumedSweepListsTheFailuresBeforeTheInterruption) {
  std::string values;
  for (int i = 0; i < 130; ++i)
    values += std::string(i ? ", " : "") + (i % 50 == 7 ? "XYZ" : "RUS");
  const SweepSpec spec =
      Spec("  parameters:\n    shocks.supply.partners: {values: [" + values + "]}\n");
  const SweepReport whole = Run(spec, "whole", 1);
  ASSERT_EQ(3, whole.errors);
  const SweepReport stopped = Run(spec, "resumed", 1, 0, 1, false, 1);
  ASSERT_FALSE(stopped.finished);
  const SweepReport resumed = Run(spec, "resumed", 1, 0, 1, true);
  ASSERT_TRUE(resumed.finished);
  EXPECT_EQ(1, resumed.resumed_from);
  const auto points = [](const SweepReport& r) {
    std::string out;
    for (const FailedPoint& f : r.failed.first)
      out += std::to_string(f.point) + " " + f.values + "; ";
    return out;
  };
  EXPECT_EQ(
      "7 shocks.supply.partners=XYZ; 57 shocks.supply.partners=XYZ; "
      "107 shocks.supply.partners=XYZ; ",
      points(whole));
  EXPECT_EQ(points(whole), points(resumed));
  EXPECT_EQ(3, resumed.errors);
  const SweepReport again = Run(spec, "resumed", 1, 0, 1, true);
  EXPECT_EQ(points(whole), points(again));
  EXPECT_EQ(whole.failed.first.front().message, again.failed.first.front().message);
}

TEST_F(SweepRunTest, SummaryStatisticsMatchTheResults) {
  const SweepSpec spec = Spec(kMonteCarlo);
  Run(spec, "s", 2);
  const TextTable results = ReadTextCsv(dir_ + "/s/results.csv");
  std::vector<double> gdp, change, pct;
  for (const auto& row : results.rows) {
    if (row[4] == "R1" && row[5] == "ALL" && row[6] == "gdp") {
      gdp.push_back(std::stod(row[9]));
      change.push_back(std::stod(row[10]));
      pct.push_back(std::stod(row[11]));
    }
  }
  std::sort(change.begin(), change.end());
  std::sort(pct.begin(), pct.end());
  ASSERT_EQ(300u, gdp.size());
  double mean = 0;
  for (double g : gdp) mean += g / 300.0;
  std::sort(gdp.begin(), gdp.end());
  const TextTable summary = ReadTextCsv(dir_ + "/s/summary.csv");
  bool found = false;
  for (const auto& row : summary.rows) {
    if (row[0] == "R1" && row[1] == "ALL" && row[2] == "gdp") {
      found = true;
      EXPECT_TRUE(RelNear(mean, std::stod(row[5]), 1e-12));
      // p50 of 300 values: midway between the 150th and 151st (type 7).
      EXPECT_TRUE(RelNear(0.5 * (gdp[149] + gdp[150]), std::stod(row[8]), 1e-12));
      EXPECT_LE(std::stod(row[7]), std::stod(row[8]));
      EXPECT_LE(std::stod(row[8]), std::stod(row[9]));
      // The change and % change columns: the same statistics of results.csv's change and
      // pct_change (p5 of 300: 0.95 of the way from the 15th to the 16th value).
      ASSERT_EQ(20u, row.size());
      EXPECT_EQ("change_mean", summary.header[10]);
      double change_mean = 0;
      for (double c : change) change_mean += c / 300.0;
      EXPECT_TRUE(RelNear(change_mean, std::stod(row[10]), 1e-9)) << change_mean << " " << row[10];
      EXPECT_TRUE(
          RelNear(change[14] + 0.95 * (change[15] - change[14]), std::stod(row[12]), 1e-12));
      EXPECT_TRUE(RelNear(0.5 * (pct[149] + pct[150]), std::stod(row[18]), 1e-12));
      EXPECT_TRUE(RelNear(std::stod(row[11]), std::stod(row[6]), 1e-6));  // sd(change) = sd(level)
    }
  }
  EXPECT_TRUE(found);
}

TEST_F(SweepRunTest, BadPointIsReportedAndTheSweepGoesOn) {
  const SweepSpec spec =
      Spec("  parameters:\n    shocks.supply.partners: {values: [RUS, XYZ, CHN]}\n");
  const SweepReport report = Run(spec, "bad", 1);
  EXPECT_TRUE(report.finished);
  EXPECT_EQ(1, report.errors);
  const TextTable points = ReadTextCsv(dir_ + "/bad/points.csv");
  ASSERT_EQ(3u, points.rows.size());
  // Codes are checked against the model, point by point (ranges are checked beforehand).
  EXPECT_NE(points.rows[1].back().find("unknown partner code 'XYZ'"), std::string::npos)
      << points.rows[1].back();
  EXPECT_TRUE(points.rows[0].back().empty() ||
              points.rows[0].back().find("limit") != std::string::npos);
  EXPECT_FALSE(points.rows[2][3].empty());  // the third point has results
}

TEST_F(SweepRunTest, RefusesToOverwriteOrResumeTheWrongSweep) {
  const SweepSpec spec = Spec(kMonteCarlo);
  Run(spec, "x", 1, 0, 1, false, 1);
  EXPECT_THROW(Run(spec, "x", 1), InputError);  // unfinished: needs --resume or --force
  const SweepSpec other = Spec("  parameters:\n    shocks.supply.share: {values: [0.1]}\n");
  EXPECT_THROW(Run(other, "x", 1, 0, 1, true), InputError);  // another sweep's checkpoint
  Run(spec, "x", 1, 0, 1, true);
  EXPECT_THROW(Run(spec, "x", 1), InputError);  // finished: needs --force
}

}  // namespace
}  // namespace spillover
