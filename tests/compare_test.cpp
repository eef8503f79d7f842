#include "report/compare.h"

#include <gtest/gtest.h>

#include <cmath>

#include "core/error.h"
#include "run/scenario_files.h"
#include "test_util.h"

namespace spillover {
namespace {

ScenarioRun Made(const std::string& name, double gdp, const std::string& folder = "/m") {
  ScenarioRun run;
  run.result.scenario = name;
  run.result.model_name = "m";
  run.result.rows.push_back(ResultRow{"R", "ALL", "gdp", "KZT billion", 100.0, gdp});
  run.result.rows.push_back(ResultRow{"R", "AGR", "output", "KZT billion", 0.0, 1.0});
  run.file = name + ".yaml";
  run.model_folder = folder;
  return run;
}

TEST(Compare, DifferenceIsChangeMinusBaselineChange) {
  const Comparison c({Made("a", 90.0), Made("b", 97.0)}, "");
  EXPECT_EQ(0u, c.baseline());
  const ResultRow& b_gdp = c.result(1).rows[0];
  EXPECT_EQ((97.0 - 100.0) - (90.0 - 100.0), c.Difference(b_gdp));
  EXPECT_EQ(-3.0 - -10.0, c.DifferencePctPoints(b_gdp));
  EXPECT_EQ(0.0, c.Difference(c.result(0).rows[0]));
  // A zero base gives no percentage, so no difference in percentage points either.
  EXPECT_TRUE(std::isnan(c.DifferencePctPoints(c.result(1).rows[1])));
}

TEST(Compare, NegativeBaselinesUseTheSameConventionAsRun) {
  // A trade balance of -100 in both runs: -120 is -20%, -90 is +10% (change / |baseline|),
  // so the second scenario is 30 percentage points better.
  ScenarioRun a = Made("a", 100.0), b = Made("b", 100.0);
  a.result.rows.push_back(ResultRow{"R", "ALL", "trade_balance", "KZT billion", -100.0, -120.0});
  b.result.rows.push_back(ResultRow{"R", "ALL", "trade_balance", "KZT billion", -100.0, -90.0});
  const Comparison c({a, b}, "");
  const ResultRow& row = c.result(1).rows.back();
  EXPECT_DOUBLE_EQ(30.0, c.DifferencePctPoints(row));
  const std::string csv = FormatCompareCsv(c);
  EXPECT_NE(csv.find(",-100,-90,10,10,"), std::string::npos) << csv;
  EXPECT_NE(csv.find(",-100,-120,-20,-20,"), std::string::npos) << csv;
}

TEST(Compare, BaselineByNameAndUnknownNameSuggests) {
  const Comparison c({Made("first", 90.0), Made("second", 97.0)}, "second");
  EXPECT_EQ(1u, c.baseline());
  try {
    Comparison({Made("first", 90.0), Made("second", 97.0)}, "secnd");
    FAIL() << "an unknown baseline must be refused";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("did you mean 'second'"), std::string::npos) << e.what();
  }
}

TEST(Compare, DifferentModelsAreRefusedNamingBoth) {
  try {
    Comparison({Made("a", 90.0, "/models/one"), Made("b", 97.0, "/models/two")}, "");
    FAIL() << "mixed models must be refused";
  } catch (const InputError& e) {
    const std::string message = e.what();
    EXPECT_NE(message.find("/models/one"), std::string::npos) << message;
    EXPECT_NE(message.find("/models/two"), std::string::npos) << message;
  }
}

TEST(Compare, ReadingsSayWhatTheDifferenceMeans) {
  // The issue's example: a loss of 5,069 of which 1,468 is saved.
  EXPECT_EQ("saves 1,468 bn KZT (29% of the loss)",
            DifferenceReading(-5068.77, 1468.16, "KZT billion"));
  EXPECT_EQ("loses 10 mn USD more (50% more than the loss)",
            DifferenceReading(-20.0, -10.0, "USD million"));
  EXPECT_EQ("gives up 5 KZT thousand (25% of the gain)",
            DifferenceReading(20.0, -5.0, "KZT thousand"));
  EXPECT_EQ("no difference", DifferenceReading(-20.0, 0.0, "KZT billion"));
}

// The comparison of the shipped CPC scenarios equals the differences of the runs one by one.
TEST(Compare, ShippedScenariosEqualSeparateRuns) {
  const std::string dir = testing::SourceDir() + "/scenarios/";
  ModelCache cache;
  const auto a = RunScenarioFiles({dir + "cpc-outage-6m.yaml"}, {}, "", &cache);
  const auto b = RunScenarioFiles({dir + "cpc-outage-6m-corridor-20mt.yaml"}, {}, "", &cache);
  const Comparison c(
      RunScenarioFiles({dir + "cpc-outage-6m.yaml", dir + "cpc-outage-6m-corridor-20mt.yaml"}, {},
                       "", &cache),
      "");
  ASSERT_EQ(b[0].result.rows.size(), c.result(1).rows.size());
  for (size_t i = 0; i < b[0].result.rows.size(); ++i) {
    const ResultRow& rb = b[0].result.rows[i];
    const ResultRow* ra = a[0].result.Find(rb.variable, rb.region, rb.sector);
    ASSERT_NE(ra, nullptr);
    EXPECT_EQ(rb.Change() - ra->Change(), c.Difference(c.result(1).rows[i])) << rb.variable;
  }
  const ResultRow* gdp = c.result(1).Find("gdp", "KAZ", "ALL");
  ASSERT_NE(gdp, nullptr);
  const double loss = c.baseline_result().Find("gdp", "KAZ", "ALL")->Change();
  EXPECT_LT(loss, 0.0);
  EXPECT_GT(c.Difference(*gdp), 0.0);  // more room to reroute saves part of the loss
  EXPECT_LT(c.Difference(*gdp), -loss);
  const std::string table = FormatCompareTable(c);
  EXPECT_NE(table.find("GDP saves"), std::string::npos) << table;
  const std::string csv = FormatCompareCsv(c);
  EXPECT_EQ(0u, csv.find("scenario,region,sector,name,variable,unit,baseline,value,change,"
                         "pct_change,baseline_scenario,difference,difference_pct_points\n"));
  EXPECT_NE(csv.find(",061,Crude petroleum,output,"), std::string::npos);
}

}  // namespace
}  // namespace spillover
