// The figures of different commands on one scenario reconcile (docs/methods.md, "Which
// number is which"): the same money unit everywhere, and the paths' total equal to the
// GDP change of `run` where both answer the same question.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "spillover/spillover.h"
#include "test_util.h"

namespace spillover {
namespace {

namespace api = spillover::api;

// The ALL row of a paths CSV: the total over every path, in the CSV's unit.
double PathsTotal(const std::string& csv, std::string* unit) {
  const size_t at = csv.find("\n,ALL,,,,");
  EXPECT_NE(std::string::npos, at) << csv;
  const size_t value = at + 9;
  const size_t comma = csv.find(',', value);
  *unit = csv.substr(comma + 1, csv.find(',', comma + 1) - comma - 1);
  return std::stod(csv.substr(value, comma - value));
}

double GdpChange(const api::Result& result, std::string* unit) {
  for (size_t i = 0; i < result.size(); ++i) {
    const api::Result::Row row = result.row(i);
    if (row.variable == "gdp" && row.sector == "ALL") {
      *unit = row.unit;
      return row.change();
    }
  }
  ADD_FAILURE() << "no gdp row";
  return NAN;
}

// Exports carry no net taxes in the textbook model, so a change of exports moves GDP only
// through production: with no limits and no rerouting, `run` and the paths answer the same
// question. Their totals agree, and the listed paths converge to them.
TEST(Reconcile, PathsTotalEqualsRunGdpChangeOnALinearScenario) {
  const api::Model model = api::Model::Load(testing::ExampleModel());
  const api::Scenario scenario = api::Scenario::FromText(
      "name: linear\nscale: thousand\nshocks:\n  ru:\n    type: exports\n    partners: [RUS]\n"
      "    change: -0.2\n");
  std::string run_unit;
  const double run = GdpChange(model.Run(scenario), &run_unit);
  api::PathsOptions o;
  o.scenario = &scenario;
  o.top = 20000;
  o.depth = 100;
  o.threshold = 1e-10;
  const api::Analysis paths = model.Paths(o);
  std::string paths_unit;
  const double total = PathsTotal(paths.csv, &paths_unit);
  EXPECT_EQ("USD thousand", run_unit);
  EXPECT_EQ(run_unit, paths_unit) << "paths ignore the scenario's scale";
  EXPECT_TRUE(testing::RelNear(run, total, 1e-9)) << "run " << run << " paths " << total;
  const size_t listed = paths.csv.find("\n,LISTED,,,,");
  ASSERT_NE(std::string::npos, listed);
  const double sum = std::stod(paths.csv.substr(listed + 12));
  // The paths below the threshold hold the rest: about 1e-7 of the total here.
  EXPECT_TRUE(testing::RelNear(run, sum, 1e-6)) << "run " << run << " listed paths " << sum;
  EXPECT_NE(std::string::npos, paths.text.find("Question: ")) << paths.text;
  EXPECT_NE(std::string::npos, paths.text.find("'spillover run' gives a GDP change of -44,356"))
      << paths.text;
}

// On the Kazakh model, exports and household demand carry net taxes on final use: the
// paths' total misses exactly that part of run's GDP change, and says so.
TEST(Reconcile, PathsHonourTheScenarioScaleAndNameWhatTheyLeaveOut) {
  const api::Model model = api::Model::Load(testing::KazModel());
  const api::Scenario scenario =
      api::Scenario::FromFile(std::string(SPILLOVER_SOURCE_DIR) + "/scenarios/demand-linear.yaml");
  std::string run_unit;
  const double run = GdpChange(model.Run(scenario), &run_unit);
  api::PathsOptions o;
  o.scenario = &scenario;
  const api::Analysis paths = model.Paths(o);
  std::string paths_unit;
  const double total = PathsTotal(paths.csv, &paths_unit);
  EXPECT_EQ("KZT billion", run_unit);
  EXPECT_EQ(run_unit, paths_unit);
  // Same order of magnitude, same unit: the figure was 10^6 times off.
  EXPECT_GT(total / run, 0.8);
  EXPECT_LT(total / run, 1.0);
  EXPECT_NE(std::string::npos, paths.text.find("from net taxes on final use")) << paths.text;
  // --unit still overrides the scenario's.
  o.unit = "KZT million";
  std::string million;
  EXPECT_TRUE(testing::RelNear(total * 1000.0, PathsTotal(model.Paths(o).csv, &million), 1e-12));
  EXPECT_EQ("KZT million", million);
}

}  // namespace
}  // namespace spillover
