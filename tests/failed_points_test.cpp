#include "sweep/failed_points.h"

#include <gtest/gtest.h>

#include <string>

namespace spillover {
namespace {

SweepSpec TwoParameters() {
  SweepSpec spec;
  spec.parameters.resize(2);
  spec.parameters[0].path = "shocks.a.change";
  spec.parameters[1].path = "shocks.b.partners";
  return spec;
}

TEST(FailedPoints, SummaryNamesEachPointItsValuesAndWhy) {
  const SweepSpec spec = TwoParameters();
  FailedPoints failed;
  failed.Add(spec, 7, {"-0.1", "XYZ"}, "unknown partner code 'XYZ'");
  EXPECT_EQ(
      "1 of 40 points failed:\n"
      "  point 7 (shocks.a.change=-0.1, shocks.b.partners=XYZ): unknown partner code 'XYZ'\n",
      FailedPointsSummary(failed, 40));
}

// Every failure is counted; only the first few are listed, in point order across blocks.
TEST(FailedPoints, CountsAllKeepsTheFirstInOrder) {
  const SweepSpec spec = TwoParameters();
  FailedPoints first_block;
  FailedPoints second_block;
  for (int64_t p = 0; p < 8; ++p) first_block.Add(spec, p, {"0", "X"}, "bad");
  for (int64_t p = 64; p < 70; ++p) second_block.Add(spec, p, {"0", "X"}, "bad");
  first_block.Merge(second_block);
  EXPECT_EQ(14, first_block.count);
  ASSERT_EQ(FailedPoints::kKept, first_block.first.size());
  EXPECT_EQ(7, first_block.first[7].point);
  EXPECT_EQ(64, first_block.first[8].point);
  const std::string summary = FailedPointsSummary(first_block, 1000);
  EXPECT_EQ(0u, summary.find("14 of 1,000 points failed:\n")) << summary;
  EXPECT_NE(std::string::npos, summary.find("  ... and 4 more (the error column of points.csv)\n"))
      << summary;
}

}  // namespace
}  // namespace spillover
