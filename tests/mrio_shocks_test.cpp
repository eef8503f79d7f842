// final_demand and exports with `regions` and `origins`, and route shocks on sales to a
// region, on a real two-region model (pymrio's td_small_MRIO), each checked against the
// equations solved here: A = Z diag(x)^-1 and Y cut or scaled by hand, x = (I - A)^-1 y.
#include <gtest/gtest.h>
#include <unistd.h>

#include <Eigen/LU>
#include <filesystem>
#include <fstream>

#include "io/model_io.h"
#include "io/routes_io.h"
#include "mrio_test_util.h"

namespace spillover {
namespace {

using testing::RelNear;
using testing::RunText;
using testing::SmallMrio;

std::string ErrorOf(const Model& model, const std::string& text) {
  try {
    RunText(model, text);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

// The model's own flows, read as matrices, for the hand computations.
struct Flows {
  Eigen::MatrixXd a;
  Eigen::MatrixXd y;
};

Flows FlowsOf(const Model& m) {
  const Eigen::VectorXd x = m.intermediate.rowwise().sum() + m.final_use.rowwise().sum();
  return {m.intermediate * x.cwiseInverse().asDiagonal(), m.final_use};
}

Eigen::VectorXd Solve(const Flows& f) {
  const Eigen::Index n = f.a.rows();
  return (Eigen::MatrixXd::Identity(n, n) - f.a)
      .fullPivLu()
      .solve(Eigen::VectorXd(f.y.rowwise().sum()));
}

void ExpectOutput(const Model& m, const ScenarioResult& r, const Eigen::VectorXd& expected) {
  for (Eigen::Index i = 0; i < expected.size(); ++i) {
    const ResultRow* row =
        r.Find("output", i < 3 ? "reg1" : "reg2", m.sectors[static_cast<size_t>(i)].code);
    ASSERT_NE(row, nullptr) << i;
    EXPECT_TRUE(RelNear(expected(i), row->value, 1e-10)) << m.sectors[static_cast<size_t>(i)].code;
  }
}

// Region 2's final users buy 40% less of region 1's sector1 (rows reg1:sector1, columns of
// reg2): one cell of Y changes; `REG1` and `Reg2` match without regard to case, and a code
// without its region means the sector of every origin.
TEST(MrioShocks, FinalDemandByOriginAndBuyingRegion) {
  const Model m = SmallMrio();
  const ScenarioResult r = RunText(m,
                                   "name: t\nshocks:\n  d:\n    type: final_demand\n"
                                   "    sectors: [sector1]\n    origins: [REG1]\n"
                                   "    regions: Reg2\n    categories: all\n    change: -0.4\n");
  Flows f = FlowsOf(m);
  f.y(0, 1) *= 0.6;
  ExpectOutput(m, r, Solve(f));
}

// Exports of the focus region (reg1, the default origin) of sector2 to region 2 fall by
// 30%: region 2's industries' coefficients A[reg1:sector2, reg2:*] and its final users'
// Y[reg1:sector2, reg2] times 0.7, over half a year (a 15% cut on the year).
TEST(MrioShocks, ExportsToARegionScaleItsCellsOfAAndY) {
  const Model m = SmallMrio();
  const ScenarioResult r = RunText(m,
                                   "name: t\nshocks:\n  e:\n    type: exports\n"
                                   "    products: [sector2]\n    regions: [reg2]\n"
                                   "    change: -0.3\n    duration_months: 6\n");
  Flows f = FlowsOf(m);
  f.a.block(1, 3, 1, 3) *= 0.85;
  f.y(1, 1) *= 0.85;
  ExpectOutput(m, r, Solve(f));
  // Without `regions` (and no exogenous partners) the buyers are every other region: the
  // same cut.
  const ScenarioResult all = RunText(m,
                                     "name: t\nshocks:\n  e:\n    type: exports\n"
                                     "    products: [sector2]\n    change: -0.3\n"
                                     "    duration_months: 6\n");
  ExpectOutput(m, all, Solve(f));
}

// An amount on exports to a region is that fraction of the base flow: region 2 buys
// Z[reg1:sector3, reg2:*] + Y[reg1:sector3, reg2] of reg1's sector3, and +5 scales both.
TEST(MrioShocks, AbsoluteExportsToARegionAreAFractionOfTheBaseFlow) {
  const Model m = SmallMrio();
  const ScenarioResult r = RunText(m,
                                   "name: t\nshocks:\n  e:\n    type: exports\n"
                                   "    origins: [reg1]\n    products: [reg1:sector3]\n"
                                   "    regions: [reg2]\n    mode: absolute\n    change: 5\n");
  Flows f = FlowsOf(m);
  const double base = m.intermediate.row(2).tail(3).sum() + m.final_use(2, 1);
  f.a.block(2, 3, 1, 3) *= 1.0 + 5.0 / base;
  f.y(2, 1) *= 1.0 + 5.0 / base;
  ExpectOutput(m, r, Solve(f));
  const ResultRow* exports = r.Find("exports_to:reg2", "reg1", "ALL");
  ASSERT_NE(exports, nullptr);
  EXPECT_GT(exports->value, exports->baseline);
}

TEST(MrioShocks, RegionCodesAreCheckedWithTheNearestCode) {
  const Model m = SmallMrio();
  const std::string typo = ErrorOf(m,
                                   "name: t\nshocks:\n  d:\n    type: final_demand\n"
                                   "    regions: [REG-2]\n    change: -0.1\n");
  EXPECT_NE(typo.find("t.yaml:5"), std::string::npos) << typo;
  EXPECT_NE(typo.find("shocks.d.regions"), std::string::npos) << typo;
  EXPECT_NE(typo.find("unknown region code 'REG-2' (did you mean 'reg2'?)"), std::string::npos)
      << typo;
  // A code written with its region must lie in `origins`.
  const std::string outside = ErrorOf(m,
                                      "name: t\nshocks:\n  e:\n    type: exports\n"
                                      "    products: [reg1:sector1]\n    origins: [reg2]\n"
                                      "    change: -0.1\n");
  EXPECT_NE(outside.find("selects no product"), std::string::npos) << outside;
  // Sales of a region to itself are no exports.
  const std::string itself = ErrorOf(m,
                                     "name: t\nshocks:\n  e:\n    type: exports\n"
                                     "    origins: reg1\n    regions: reg1\n    change: -0.1\n");
  EXPECT_NE(itself.find("selects no exports"), std::string::npos) << itself;
  // Lost sales to a region are not diverted to exogenous partners.
  const std::string redirect = ErrorOf(m,
                                       "name: t\nshocks:\n  e:\n    type: exports\n"
                                       "    regions: reg2\n    change: -0.1\n"
                                       "    redirect_share: 0.5\n");
  EXPECT_NE(redirect.find("redirect_share"), std::string::npos) << redirect;
}

// One region: `origins` and final_demand's `regions` may name it (any case); another code
// is an error that says the model has one region; exports take no `regions` there.
TEST(MrioShocks, OneRegionModelsTakeOnlyTheirRegion) {
  const Model m = LoadModel(testing::ExampleModel()).model;
  const ScenarioResult same =
      RunText(m,
              "name: t\nshocks:\n  d:\n    type: final_demand\n    sectors: [AGR]\n"
              "    origins: r1\n    regions: [R1]\n    change: -0.1\n");
  const ScenarioResult plain = RunText(
      m, "name: t\nshocks:\n  d:\n    type: final_demand\n    sectors: [AGR]\n    change: -0.1\n");
  ASSERT_EQ(same.rows.size(), plain.rows.size());
  for (size_t i = 0; i < same.rows.size(); ++i) {
    EXPECT_EQ(same.rows[i].value, plain.rows[i].value) << same.rows[i].variable;
  }
  const std::string other = ErrorOf(m,
                                    "name: t\nshocks:\n  d:\n    type: final_demand\n"
                                    "    origins: [RUS]\n    change: -0.1\n");
  EXPECT_NE(other.find("unknown region code 'RUS'"), std::string::npos) << other;
  EXPECT_NE(other.find("has one region"), std::string::npos) << other;
  const std::string buyers = ErrorOf(m,
                                     "name: t\nshocks:\n  e:\n    type: exports\n"
                                     "    regions: [R1]\n    change: -0.1\n");
  EXPECT_NE(buyers.find("does not export to itself"), std::string::npos) << buyers;
  EXPECT_NE(buyers.find("shocks.e.regions"), std::string::npos) << buyers;
}

// A route carries half of reg1's sector2 sales to region 2 (`partner: reg2`, the product
// without its region: the focus region's). It closes; the alternative has 1 of spare
// capacity against 8 in use, so 1/8 of the flow is rerouted and 7/8 lost: region 2's cells
// of A and Y in row reg1:sector2 fall by 0.5 * 7/8. With route_capacity on the
// alternative, more is rerouted.
TEST(MrioShocks, RouteShocksCutTheFocusRegionsSalesToARegion) {
  Model m = SmallMrio();
  // Per process: other checkouts may run the same test in the same /tmp at once.
  const std::string dir = ::testing::TempDir() + "/mrio_routes_" + std::to_string(::getpid());
  std::filesystem::create_directories(dir);
  const std::string path = dir + "/routes.yaml";
  std::ofstream(path) << "format: 1\nroutes:\n"
                         "  - code: SEA\n    capacity: {value: 10, unit: Mt/yr}\n"
                         "    current_use: {value: 8, unit: Mt/yr}\n"
                         "    carries:\n      - {product: sector2, partner: reg2, share: 0.5}\n"
                         "  - code: RAIL\n    capacity: {value: 6, unit: Mt/yr}\n"
                         "    current_use: {value: 5, unit: Mt/yr}\n    carries: []\n";
  m.routes = LoadRoutes(path, m);
  ASSERT_EQ(m.routes.front().carries.front().region, 1);
  const ScenarioResult r = RunText(m,
                                   "name: t\nshocks:\n  closed:\n    type: route\n"
                                   "    route: SEA\n    share: 1\n    alternatives: [RAIL]\n");
  Flows f = FlowsOf(m);
  const double keep = 1.0 - 0.5 * 7.0 / 8.0;
  f.a.block(1, 3, 1, 3) *= keep;
  f.y(1, 1) *= keep;
  ExpectOutput(m, r, Solve(f));
  const double carried = 0.5 * (m.intermediate.row(1).tail(3).sum() + m.final_use(1, 1));
  EXPECT_TRUE(RelNear(carried, r.Find("route_flow", "SEA", "ALL")->baseline, 1e-12));
  EXPECT_TRUE(RelNear(carried * 7.0 / 8.0, r.Find("route_lost", "SEA", "ALL")->value, 1e-12));
  EXPECT_TRUE(RelNear(carried / 8.0, r.Find("route_rerouted", "SEA", "ALL")->value, 1e-12));

  // route_capacity adds 1 Mt/yr to RAIL: 2 of spare capacity, 2/8 rerouted, 6/8 lost.
  const ScenarioResult wider =
      RunText(m,
              "name: t\nshocks:\n  closed:\n    type: route\n    route: SEA\n    share: 1\n"
              "    alternatives: [RAIL]\n  rail:\n    type: route_capacity\n    route: RAIL\n"
              "    mode: absolute\n    change: 1\n");
  Flows g = FlowsOf(m);
  g.a.block(1, 3, 1, 3) *= 1.0 - 0.5 * 6.0 / 8.0;
  g.y(1, 1) *= 1.0 - 0.5 * 6.0 / 8.0;
  ExpectOutput(m, wider, Solve(g));
  EXPECT_TRUE(RelNear(carried * 6.0 / 8.0, wider.Find("route_lost", "SEA", "ALL")->value, 1e-12));

  // A destination that is neither a partner nor a region, and a product's own region.
  std::ofstream(path) << "routes:\n  - code: SEA\n    carries:\n"
                         "      - {product: sector2, partner: reg3, share: 0.5}\n";
  try {
    LoadRoutes(path, m);
    ADD_FAILURE() << "an unknown destination was accepted";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("did you mean 'reg"), std::string::npos) << e.what();
  }
  std::ofstream(path) << "routes:\n  - code: SEA\n    carries:\n"
                         "      - {product: reg2:sector2, partner: reg2, share: 0.5}\n";
  EXPECT_THROW(LoadRoutes(path, m), InputError);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace spillover
