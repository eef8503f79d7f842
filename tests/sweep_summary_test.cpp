// summary.csv from a results file written by hand: quoted fields, a failed point, a zero
// baseline (no % change), and no newline at the end; statistics worked out by hand.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "core/error.h"
#include "io/csv.h"
#include "io/yaml_read.h"
#include "sweep/sweep_runner.h"
#include "test_util.h"

namespace spillover {
namespace {

using testing::RelNear;

std::string Summary(const std::string& text) {
  // One file per test: ctest runs the tests of this file at the same time.
  const std::string path = ::testing::TempDir() + "/sweep_summary_" +
                           ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".csv";
  std::ofstream(path, std::ios::binary) << text;
  std::string summary = SummariseResults(path);
  std::filesystem::remove(path);
  return summary;
}

TEST(SweepSummaryTest, StatisticsOfEachVariable) {
  const std::string summary = Summary(
      "point,p,scenario,region,sector,variable,unit,baseline,value,change,pct_change,error\n"
      "0,1,\"s, one\",KAZ,ALL,gdp,\"KZT, bn\",10,11,1,10,\n"
      "0,1,\"s, one\",\"R \"\"x\"\"\",ALL,gdp,u,0,2,2,,\n"
      "1,2,\"s, one\",KAZ,ALL,gdp,\"KZT, bn\",10,13,3,30,\n"
      "1,2,\"s, one\",\"R \"\"x\"\"\",ALL,gdp,u,0,4,4,,\n"
      "2,3,\"s, one\",,,,,,,,,failed here\n"
      "3,4,\"s, one\",KAZ,ALL,gdp,\"KZT, bn\",10,9,-1,-10,");
  const std::string path = ::testing::TempDir() + "/sweep_summary_out.csv";
  std::ofstream(path, std::ios::binary) << summary;
  const TextTable table = ReadTextCsv(path);
  std::filesystem::remove(path);
  ASSERT_EQ(2u, table.rows.size()) << summary;
  ASSERT_EQ(20u, table.header.size());
  const std::vector<std::string>& kaz = table.rows[0];
  EXPECT_EQ("KAZ", kaz[0]);
  EXPECT_EQ("KZT, bn", kaz[3]);
  EXPECT_EQ("3", kaz[4]);
  // Levels 11, 13, 9: mean 11, sd 2; type-7 quantiles on 9, 11, 13 at h = 2q:
  // p5 = 9 + 0.1 * 2, p50 = 11, p95 = 11 + 0.9 * 2. Changes 1, 3, -1; % changes 10, 30, -10.
  const double expected[] = {11, 2, 9.2, 11, 12.8, 1, 2, -0.8, 1, 2.8, 10, 20, -8, 10, 28};
  for (size_t c = 0; c < 15; ++c) {
    double value = 0.0;
    ASSERT_TRUE(ParseNumber(kaz[5 + c], &value)) << table.header[5 + c] << ": " << kaz[5 + c];
    EXPECT_TRUE(RelNear(expected[c], value, 1e-12, 1e-12)) << table.header[5 + c];
  }
  const std::vector<std::string>& r = table.rows[1];
  EXPECT_EQ("R \"x\"", r[0]);
  EXPECT_EQ("2", r[4]);
  // 2 and 4: mean 3, sd sqrt(2), p5 = 2 + 0.05 * 2, p95 = 2 + 0.95 * 2; no % change samples.
  const double two[] = {3, std::sqrt(2.0), 2.1, 3, 3.9};
  for (size_t c = 0; c < 5; ++c) {
    double level = 0.0, change = 0.0;
    ASSERT_TRUE(ParseNumber(r[5 + c], &level));
    ASSERT_TRUE(ParseNumber(r[10 + c], &change));
    EXPECT_TRUE(RelNear(two[c], level, 1e-12)) << table.header[5 + c];
    EXPECT_TRUE(RelNear(two[c], change, 1e-12)) << table.header[10 + c];
    EXPECT_EQ("", r[15 + c]) << table.header[15 + c];
  }
}

// The file is read in two halves at once: a variable first seen in the second half comes
// after those of the first, and every variable counts the rows of both.
TEST(SweepSummaryTest, HalvesJoinInTheFilesOrder) {
  std::string text =
      "point,p,scenario,region,sector,variable,unit,baseline,value,change,pct_change,error\n";
  for (int p = 0; p < 200; ++p) {
    text += std::to_string(p) + ",0,s,KAZ,ALL,gdp,u,4," + std::to_string(p) + "," +
            std::to_string(p - 4) + ",1,\n";
    if (p == 150) text += "150,0,s,KAZ,ALL,late,u,1,7,6,600,\n";
  }
  const std::string path = ::testing::TempDir() + "/sweep_summary_halves.csv";
  std::ofstream(path, std::ios::binary) << Summary(text);
  const TextTable table = ReadTextCsv(path);
  std::filesystem::remove(path);
  ASSERT_EQ(2u, table.rows.size());
  EXPECT_EQ("gdp", table.rows[0][2]);
  EXPECT_EQ("200", table.rows[0][4]);
  double mean = 0.0;
  ASSERT_TRUE(ParseNumber(table.rows[0][5], &mean));
  EXPECT_TRUE(RelNear(99.5, mean, 1e-12));  // the mean of 0 … 199
  EXPECT_EQ("late", table.rows[1][2]);
  EXPECT_EQ("1", table.rows[1][4]);
  EXPECT_EQ("7", table.rows[1][5]);
}

TEST(SweepSummaryTest, RefusesAFileThatIsNotSweepResults) {
  EXPECT_THROW(Summary("a,b,c\n1,2,3\n"), InputError);
  EXPECT_THROW(Summary(""), InputError);
}

}  // namespace
}  // namespace spillover
