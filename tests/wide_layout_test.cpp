// The wide layout of a sweep's results.csv (--layout wide) against the tidy layout of the
// same sweep: every change the same text, the same points.csv, summary.csv to the last
// digit for changes and % changes; and the paths that must give the same bytes (the fast
// path and the general path, one run and a resumed one, shards and their merge).
#include "sweep/wide_layout.h"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <tuple>

#include "core/error.h"
#include "io/csv.h"
#include "io/yaml_read.h"
#include "sweep/sweep_runner.h"
#include "sweep/sweep_state.h"
#include "test_util.h"

namespace spillover {
namespace {

namespace fs = std::filesystem;
using testing::RelNear;
using testing::Slurp;

SweepSpec LinearSpec(int samples) {
  const std::string text =
      "sweep:\n  name: wide\n  base: " + testing::SourceDir() +
      "/scenarios/demand-linear.yaml\n  method: monte_carlo\n  samples: " +
      std::to_string(samples) +
      "\n  seed: 7\n  parameters:\n"
      "    shocks.russian_demand.change: {distribution: uniform, low: -0.3, high: 0}\n"
      "    shocks.households.change: {distribution: uniform, low: -0.05, high: 0.05}\n";
  return ParseSweep(ParseYaml(text, "wide.yaml"), "wide.yaml");
}

SweepSpec PartnerSpec() {
  const std::string text = "sweep:\n  name: p\n  base: " + testing::SourceDir() +
                           "/tests/data/sweep_base.yaml\n  parameters:\n"
                           "    shocks.supply.partners: {values: [RUS, XYZ, CHN]}\n";
  return ParseSweep(ParseYaml(text, "p.yaml"), "p.yaml");
}

class WideLayoutTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = ::testing::TempDir() + "/wide_layout_" +
           ::testing::UnitTest::GetInstance()->current_test_info()->name();
    fs::remove_all(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  SweepReport Run(const SweepSpec& spec, const std::string& sub, bool wide,
                  SweepDetail detail = SweepDetail::kTotals, bool fast_path = true, int shard = 0,
                  int shards = 1, int64_t stop_after = -1, bool resume = false) {
    SweepOptions options;
    options.out_dir = dir_ + "/" + sub;
    options.threads = 2;
    options.detail = detail;
    options.wide = wide;
    options.linear_fast_path = fast_path;
    options.shard = shard;
    options.shards = shards;
    options.stop_after_blocks = stop_after;
    options.resume = resume;
    return RunSweep(spec, options, &cache_);
  }

  std::string dir_;
  ModelCache cache_;
};

// (point, region, sector, variable) -> the change column of a tidy results.csv.
std::map<std::tuple<std::string, std::string, std::string, std::string>, std::string> TidyChanges(
    const std::string& path) {
  const TextTable t = ReadTextCsv(path);
  const size_t s = static_cast<size_t>(std::find(t.header.begin(), t.header.end(), "scenario") -
                                       t.header.begin());
  std::map<std::tuple<std::string, std::string, std::string, std::string>, std::string> out;
  for (const auto& r : t.rows) out[{r[0], r[s + 1], r[s + 2], r[s + 3]}] = r[s + 7];  // change
  return out;
}

// Every change of the wide file is the tidy file's change of the same point and row, as
// text, and every tidy row is in the wide file.
void ExpectSameChanges(const std::string& tidy_dir, const std::string& wide_dir) {
  const auto tidy = TidyChanges(tidy_dir + "/results.csv");
  const WideColumns columns = WideColumns::Read(wide_dir + "/columns.csv");
  const TextTable wide = ReadTextCsv(wide_dir + "/results.csv");
  ASSERT_GT(columns.size(), 0u);
  const size_t first = wide.header.size() - 1 - columns.size();
  ASSERT_EQ("error", wide.header.back());
  size_t compared = 0;
  for (const auto& row : wide.rows) {
    ASSERT_EQ(wide.header.size(), row.size());
    for (size_t j = 0; j < columns.size(); ++j) {
      const auto& f = columns.columns()[j].fields;
      const auto found = tidy.find({row[0], f[0], f[1], f[2]});
      ASSERT_NE(found, tidy.end()) << "point " << row[0] << " " << columns.columns()[j].name;
      EXPECT_EQ(found->second, row[first + j])
          << "point " << row[0] << " " << columns.columns()[j].name;
      ++compared;
    }
  }
  EXPECT_EQ(tidy.size(), compared);
}

TEST(WideColumns, ColumnsCsvReadsBackAndRowsMustMatch) {
  ScenarioResult result;
  result.rows = {{"KAZ", "ALL", "gdp", "KZT billion", 100.5, 99.25},
                 {"KAZ", "A, B", "output", "KZT billion", 0.1, 0.3},
                 {"RUS", "S1", "output", "KZT billion", 7, 7}};
  const auto totals = [](const ResultRow& r) { return r.sector != "S1"; };
  const WideColumns columns = WideColumns::FromResult(result, totals);
  ASSERT_EQ(2u, columns.size());
  EXPECT_EQ("KAZ.A, B.output", columns.columns()[1].name);
  EXPECT_EQ("point,p,KAZ.ALL.gdp,\"KAZ.A, B.output\",error\n", columns.Header(",p"));

  const std::string path = ::testing::TempDir() + "/wide_columns_test.csv";
  std::ofstream(path, std::ios::binary) << columns.ColumnsCsv();
  const WideColumns again = WideColumns::Read(path);
  ASSERT_EQ(columns.size(), again.size());
  for (size_t j = 0; j < columns.size(); ++j) {
    EXPECT_EQ(columns.columns()[j].name, again.columns()[j].name);
    EXPECT_EQ(columns.columns()[j].fields, again.columns()[j].fields);
    EXPECT_EQ(columns.columns()[j].baseline, again.columns()[j].baseline);  // shortest text
  }

  std::string cells;
  ASSERT_TRUE(columns.AppendChanges(result, totals, &cells));
  EXPECT_EQ(",-1.25,0.19999999999999998", cells);  // 0.3 - 0.1 in doubles
  ScenarioResult other = result;
  other.rows[0].baseline = 100.0;  // another base year: the change would mean something else
  std::string none;
  EXPECT_FALSE(columns.AppendChanges(other, totals, &none));
  other = result;
  other.rows.pop_back();
  other.rows.erase(other.rows.begin());
  EXPECT_FALSE(columns.AppendChanges(other, totals, &none));
  EXPECT_TRUE(none.empty());

  std::ofstream(path, std::ios::binary) << "column,region,sector,variable,unit,baseline\n"
                                        << "KAZ.ALL.gdp,KAZ,ALL,gdp,KZT billion,abc\n";
  try {
    WideColumns::Read(path);
    ADD_FAILURE() << "a baseline that is no number was read";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find(":2"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("'abc'"), std::string::npos) << e.what();
  }
  fs::remove(path);
}

TEST(WideColumns, RefusesTwoRowsOfOneName) {
  ScenarioResult result;
  result.rows = {{"KAZ", "ALL", "price", "index", 1, 1}, {"KAZ", "ALL", "price", "%", 0, 0}};
  try {
    WideColumns::FromResult(result, [](const ResultRow&) { return true; });
    ADD_FAILURE() << "two columns of one name";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("KAZ.ALL.price"), std::string::npos) << e.what();
  }
}

TEST_F(WideLayoutTest, HoldsTheTidyChangesAndTheSameSummary) {
  const SweepSpec spec = LinearSpec(300);
  const SweepReport tidy = Run(spec, "tidy", false);
  const SweepReport wide = Run(spec, "wide", true);
  EXPECT_TRUE(tidy.linear);
  EXPECT_TRUE(wide.linear);
  EXPECT_EQ(300, wide.linear_points);
  ExpectSameChanges(dir_ + "/tidy", dir_ + "/wide");
  EXPECT_EQ(Slurp(dir_ + "/tidy/points.csv"), Slurp(dir_ + "/wide/points.csv"));
  EXPECT_NE(Slurp(dir_ + "/wide/sweep.meta").find("\nlayout wide\n"), std::string::npos);
  EXPECT_EQ(std::string::npos, Slurp(dir_ + "/tidy/sweep.meta").find("layout"));

  // summary.csv: changes and % changes are the same doubles; a level is the baseline plus
  // the change, within an ulp or two of the tidy level.
  const TextTable a = ReadTextCsv(dir_ + "/tidy/summary.csv");
  const TextTable b = ReadTextCsv(dir_ + "/wide/summary.csv");
  ASSERT_EQ(a.header, b.header);
  ASSERT_EQ(a.rows.size(), b.rows.size());
  ASSERT_FALSE(a.rows.empty());
  for (size_t r = 0; r < a.rows.size(); ++r) {
    for (size_t c = 0; c < 5; ++c) EXPECT_EQ(a.rows[r][c], b.rows[r][c]) << r;
    for (size_t c = 10; c < a.header.size(); ++c) {
      EXPECT_EQ(a.rows[r][c], b.rows[r][c]) << "row " << r << " " << a.header[c];
    }
    const double level = std::fabs(std::stod(a.rows[r][5]));
    for (size_t c = 5; c < 10; ++c) {
      // The sd has the levels' rounding, a few 1e-16 of the level, as its floor.
      const double x = std::stod(a.rows[r][c]), y = std::stod(b.rows[r][c]);
      EXPECT_TRUE(RelNear(x, y, 1e-14, 1e-14 * level)) << "row " << r << " " << a.header[c];
    }
  }
}

TEST_F(WideLayoutTest, FastPathGeneralPathResumeAndShardsGiveTheSameBytes) {
  const SweepSpec spec = LinearSpec(200);  // 4 blocks, the last short
  Run(spec, "fast", true);
  const SweepReport general = Run(spec, "general", true, SweepDetail::kTotals, false);
  EXPECT_FALSE(general.linear);
  // The general path's values differ from the combination's in the last digits; its
  // changes are the tidy general path's, and its summary is the re-read of its own file.
  Run(spec, "general_tidy", false, SweepDetail::kTotals, false);
  ExpectSameChanges(dir_ + "/general_tidy", dir_ + "/general");

  Run(spec, "resumed", true, SweepDetail::kTotals, true, 0, 1, 1);
  EXPECT_FALSE(fs::exists(dir_ + "/resumed/results.csv"));
  try {
    Run(spec, "resumed", false, SweepDetail::kTotals, true, 0, 1, -1, true);
    ADD_FAILURE() << "a wide sweep resumed as tidy";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("--layout 'tidy' here, 'wide' recorded"),
              std::string::npos)
        << e.what();
  }
  const SweepReport resumed =
      Run(spec, "resumed", true, SweepDetail::kTotals, true, 0, 1, -1, true);
  EXPECT_EQ(1, resumed.resumed_from);
  Run(spec, "s1", true, SweepDetail::kTotals, true, 0, 2);
  Run(spec, "s2", true, SweepDetail::kTotals, true, 1, 2);
  MergeSweeps({dir_ + "/s2", dir_ + "/s1"}, dir_ + "/merged");
  for (const std::string name : {"results.csv", "points.csv", "columns.csv", "summary.csv"}) {
    const std::string expected = Slurp(dir_ + "/fast/" + name);
    ASSERT_FALSE(expected.empty()) << name;
    EXPECT_EQ(expected, Slurp(dir_ + "/resumed/" + name)) << name << " resumed";
    EXPECT_EQ(expected, Slurp(dir_ + "/merged/" + name)) << name << " merged";
  }
  // The resumed run re-read its file for summary.csv; the fast path made it from the
  // combination: the same bytes, so both take the wide file's samples alike.
  EXPECT_EQ(Slurp(dir_ + "/fast/summary.csv"), SummariseResults(dir_ + "/fast/results.csv"));
  EXPECT_EQ(Slurp(dir_ + "/general/summary.csv"), SummariseResults(dir_ + "/general/results.csv"));
}

TEST_F(WideLayoutTest, AResumeRefusesColumnsThatAreNotTheFirstPointsRows) {
  const SweepSpec spec = LinearSpec(200);
  Run(spec, "r", true, SweepDetail::kTotals, true, 0, 1, 1);
  const std::string path = dir_ + "/r/columns.csv";
  std::string text = Slurp(path);
  const size_t at = text.find("133139.479452");
  ASSERT_NE(std::string::npos, at) << text.substr(0, 200);
  text.replace(at, 13, "133139.5");
  std::ofstream(path, std::ios::binary) << text;
  try {
    Run(spec, "r", true, SweepDetail::kTotals, true, 0, 1, -1, true);
    ADD_FAILURE() << "resumed under other columns";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("columns.csv"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("other columns"), std::string::npos) << e.what();
  }
}

TEST_F(WideLayoutTest, SectorsDetailKeepsEverySectorAsAColumn) {
  const SweepSpec spec = LinearSpec(70);
  Run(spec, "tidy", false, SweepDetail::kSectors);
  Run(spec, "wide", true, SweepDetail::kSectors);
  ExpectSameChanges(dir_ + "/tidy", dir_ + "/wide");
}

TEST_F(WideLayoutTest, AFailedPointKeepsItsRowWithTheMessage) {
  const SweepReport report = Run(PartnerSpec(), "bad", true);
  EXPECT_EQ(1, report.errors);
  const TextTable results = ReadTextCsv(dir_ + "/bad/results.csv");
  const WideColumns columns = WideColumns::Read(dir_ + "/bad/columns.csv");
  ASSERT_EQ(3u, results.rows.size());
  ASSERT_EQ(2 + columns.size() + 1, results.header.size());
  const std::vector<std::string>& failed = results.rows[1];
  ASSERT_EQ(results.header.size(), failed.size());
  EXPECT_EQ("XYZ", failed[1]);
  for (size_t c = 2; c + 1 < failed.size(); ++c) EXPECT_TRUE(failed[c].empty()) << c;
  EXPECT_NE(failed.back().find("unknown partner code 'XYZ'"), std::string::npos) << failed.back();
  EXPECT_TRUE(results.rows[0].back().empty());
  EXPECT_FALSE(results.rows[2][2].empty());
}

TEST_F(WideLayoutTest, RefusesDetailPointsAndAll) {
  const SweepSpec spec = LinearSpec(10);
  SweepOptions options;
  options.out_dir = dir_ + "/x";
  options.wide = true;
  options.detail = SweepDetail::kAll;
  try {
    RunSweep(spec, options, &cache_);
    ADD_FAILURE() << "--layout wide --detail all";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("--detail totals or sectors, not all"), std::string::npos)
        << e.what();
  }
  options.detail = SweepDetail::kTotals;
  options.points_only = true;
  EXPECT_THROW(RunSweep(spec, options, &cache_), InputError);
  EXPECT_FALSE(fs::exists(dir_ + "/x"));
}

}  // namespace
}  // namespace spillover
