#include "results/aggregate.h"

#include <gtest/gtest.h>

#include <fstream>

#include "core/error.h"
#include "io/model_io.h"
#include "run/simulate.h"
#include "test_util.h"

namespace spillover {
namespace {

using testing::RelNear;

std::string WriteMap(const std::string& name, const std::string& content) {
  const std::string path = ::testing::TempDir() + "/" + name;
  std::ofstream(path) << content;
  return path;
}

TEST(Aggregate, GroupsSumToTotalsAndPricesAreOutputWeighted) {
  const PreparedModel p(LoadModel(testing::KazModel()));
  const YamlNode root = ParseYaml(
      "name: t\nshocks:\n  a: {type: exports, partners: RUS, change: -0.2}\n"
      "  b: {type: import_price, partners: RUS, change: 0.1}\n",
      "t.yaml");
  const ScenarioResult detailed = Simulate(p, BuildScenario(root, "t.yaml", p.model()));
  const SectorMap map =
      LoadSectorMap(testing::KazModel() + "/aggregations/sections.csv", p.model().SectorCodes());
  const ScenarioResult grouped = AggregateSectors(detailed, map);
  double output_base = 0, output_new = 0, weighted_price = 0;
  for (const auto& row : grouped.rows) {
    if (row.region == "KAZ" && row.variable == "output" && row.sector != "ALL") {
      output_base += row.baseline;
      output_new += row.value;
      EXPECT_EQ(1u, map.names.count(row.sector)) << row.sector;
      weighted_price += row.baseline * grouped.Find("price", "KAZ", row.sector)->value;
    }
  }
  const ResultRow* total = detailed.Find("output", "KAZ", "ALL");
  EXPECT_TRUE(RelNear(total->baseline, output_base, 1e-12));
  EXPECT_TRUE(RelNear(total->value, output_new, 1e-12));
  // Output-weighted mean of group prices = output-weighted mean of sector prices.
  double sector_weighted = 0;
  for (const auto& row : detailed.rows) {
    if (row.region == "KAZ" && row.variable == "price") {
      sector_weighted += detailed.Find("output", "KAZ", row.sector)->baseline * row.value;
    }
  }
  EXPECT_TRUE(RelNear(sector_weighted, weighted_price, 1e-12));
  // Exports to Russia by product group still add up to the partner total.
  double russia = 0;
  for (const auto& row : grouped.rows) {
    if (row.region == "RUS" && row.variable == "exports" && row.sector != "ALL")
      russia += row.value;
  }
  EXPECT_TRUE(RelNear(detailed.Find("exports", "RUS", "ALL")->value, russia, 1e-12));
}

TEST(Aggregate, MappingErrorsNameTheCode) {
  const std::vector<std::string> codes = {"AGR", "MFG"};
  const auto error_of = [&](const std::string& content) -> std::string {
    try {
      LoadSectorMap(WriteMap("map.csv", content), codes);
    } catch (const InputError& e) {
      return e.what();
    }
    return "no error";
  };
  EXPECT_NE(error_of("code,group\nAGR,A\n").find("maps no group for 1 sector(s): MFG"),
            std::string::npos);
  EXPECT_NE(error_of("code,group\nAGR,A\nMFX,B\n")
                .find("unknown sector code 'MFX' (did you "
                      "mean 'MFG'?)"),
            std::string::npos);
  EXPECT_NE(error_of("code,group\nAGR,A\nAGR,B\nMFG,B\n").find("mapped twice"), std::string::npos);
  EXPECT_NE(error_of("sector,grp\nAGR,A\n").find("expected the header"), std::string::npos);
}

}  // namespace
}  // namespace spillover
