// trade_block on a real two-region model (pymrio's td_small_MRIO), checked against an
// explicit solve of the hypothetical-extraction equations written out here.
#include <gtest/gtest.h>

#include <Eigen/LU>

#include "mrio_test_util.h"

namespace spillover {
namespace {

using testing::RelNear;
using testing::RunText;
using testing::SmallMrio;

// Region 2 stops selling sectors 1 and 3 to region 1, half of it, by industries and final
// users: A[reg2:i, reg1:j] and Y[reg2:i, reg1] times 0.5; x = (I - A_new)^-1 y_new.
TEST(TradeBlock, DemandPropagationIsTheHypotheticalOutputTest) {
  const Model m = SmallMrio();
  const ScenarioResult r =
      RunText(m,
              "name: t\nshocks:\n  block:\n    type: trade_block\n"
              "    from: reg2\n    to: reg1\n    products: [sector1, sector3]\n"
              "    share: 0.5\n");
  Eigen::MatrixXd z(6, 6);
  z << 10, 5, 1, 6, 5, 7, 0, 2, 0, 0, 5, 3, 10, 3, 20, 4, 2, 0, 5, 0, 0, 1, 10, 9, 0, 10, 1, 0, 20,
      1, 5, 0, 0, 1, 10, 10;
  Eigen::MatrixXd y(6, 2);
  y << 14, 3, 2.5, 2.5, 13, 6, 5, 20, 10, 10, 3, 10;
  const Eigen::VectorXd x = z.rowwise().sum() + y.rowwise().sum();
  Eigen::MatrixXd a = z * x.cwiseInverse().asDiagonal();
  for (int i : {3, 5}) {
    for (int j = 0; j < 3; ++j) a(i, j) *= 0.5;
    y(i, 0) *= 0.5;
  }
  const Eigen::VectorXd expected =
      (Eigen::MatrixXd::Identity(6, 6) - a).fullPivLu().solve(Eigen::VectorXd(y.rowwise().sum()));
  for (int i = 0; i < 6; ++i) {
    const std::string region = i < 3 ? "reg1" : "reg2";
    const ResultRow* row = r.Find("output", region, m.sectors[static_cast<size_t>(i)].code);
    ASSERT_NE(row, nullptr) << i;
    EXPECT_TRUE(RelNear(x(i), row->baseline, 1e-12)) << i;
    EXPECT_TRUE(RelNear(expected(i), row->value, 1e-10)) << i;
  }
  EXPECT_NE(r.message.find("demand propagation"), std::string::npos);
  // Region 2's exports to region 1 fall by the blocked flows at the new output.
  const ResultRow* exports = r.Find("exports_to:reg1", "reg2", "ALL");
  ASSERT_NE(exports, nullptr);
  double expected_flow = 0.0;
  for (int i = 3; i < 6; ++i) {
    for (int j = 0; j < 3; ++j) expected_flow += a(i, j) * expected(j);
    expected_flow += y(i, 0);
  }
  EXPECT_TRUE(RelNear(expected_flow, exports->value, 1e-10));
}

// Ghosh: B = diag(x)^-1 Z cut in the same cells, x' = v'(I - B_new)^-1, v = x - Z'1.
TEST(TradeBlock, SupplyPropagationIsTheGhoshModel) {
  const Model m = SmallMrio();
  const ScenarioResult r = RunText(m,
                                   "name: t\nshocks:\n  block:\n    type: trade_block\n"
                                   "    from: [reg1]\n    flows: intermediate\n"
                                   "    propagation: supply\n");
  Eigen::MatrixXd z(6, 6);
  z << 10, 5, 1, 6, 5, 7, 0, 2, 0, 0, 5, 3, 10, 3, 20, 4, 2, 0, 5, 0, 0, 1, 10, 9, 0, 10, 1, 0, 20,
      1, 5, 0, 0, 1, 10, 10;
  const Eigen::VectorXd x = (Eigen::VectorXd(6) << 51, 15, 58, 50, 52, 39).finished();
  Eigen::MatrixXd b = x.cwiseInverse().asDiagonal() * z;
  b.topRightCorner(3, 3).setZero();  // reg1 sells nothing to reg2's industries
  const Eigen::VectorXd v = x - z.colwise().sum().transpose();
  const Eigen::VectorXd expected =
      (Eigen::MatrixXd::Identity(6, 6) - b).transpose().fullPivLu().solve(v);
  for (int i = 0; i < 6; ++i) {
    const ResultRow* row =
        r.Find("output", i < 3 ? "reg1" : "reg2", m.sectors[static_cast<size_t>(i)].code);
    ASSERT_NE(row, nullptr);
    EXPECT_TRUE(RelNear(expected(i), row->value, 1e-10)) << i;
  }
  EXPECT_NE(r.message.find("supply propagation"), std::string::npos);
}

TEST(TradeBlock, ZeroShareChangesNothingAndRegionsAddUp) {
  const Model m = SmallMrio();
  const ScenarioResult r = RunText(
      m, "name: t\nshocks:\n  block:\n    type: trade_block\n    from: reg2\n    share: 0\n");
  double gdp = 0.0;
  for (const ResultRow& row : r.rows) {
    if (row.variable == "output") {
      EXPECT_TRUE(RelNear(row.baseline, row.value, 1e-12));
    }
    if (row.variable == "gdp" && row.region != "ALL") gdp += row.value;
  }
  EXPECT_TRUE(RelNear(r.Find("gdp", "ALL", "ALL")->value, gdp, 1e-12));
  EXPECT_EQ(r.focus_region, "reg1");
}

TEST(TradeBlock, NeedsSeveralRegionsAndKnownCodes) {
  const Model m = SmallMrio();
  EXPECT_THROW(RunText(m, "name: t\nshocks:\n  b:\n    type: trade_block\n    from: reg3\n"),
               InputError);
  EXPECT_THROW(RunText(m,
                       "name: t\nshocks:\n  b:\n    type: trade_block\n    from: reg1\n"
                       "    products: [sector9]\n"),
               InputError);
}

}  // namespace
}  // namespace spillover
