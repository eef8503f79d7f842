#include "report/report.h"

#include <gtest/gtest.h>

#include <cmath>

namespace spillover {
namespace {

ScenarioResult Sample() {
  ScenarioResult r;
  r.scenario = "s, quoted";
  r.model_name = "m";
  r.money_unit = "USD million";
  r.rows.push_back(ResultRow{"R1", "ALL", "gdp", "USD million", 200.0, 190.0});
  r.rows.push_back(ResultRow{"RUS", "ALL", "exports", "USD million", 0.0, 5.0});
  r.rows.push_back(ResultRow{"R1", "AGR", "output", "USD million", 100.0, 90.0});
  r.names = std::make_shared<const std::map<std::string, std::string>>(
      std::map<std::string, std::string>{{"RUS", "Russia"}, {"AGR", "Agriculture, fishing"}});
  return r;
}

TEST(Report, CsvIsTidyWithUnitsAndEmptyPercentForZeroBase) {
  const std::string csv = FormatCsv({Sample()});
  EXPECT_EQ(
      0u, csv.find("scenario,region,sector,name,variable,unit,baseline,value,change,pct_change\n"));
  EXPECT_NE(csv.find("\"s, quoted\",R1,ALL,,gdp,USD million,200,190,-10,-5\n"), std::string::npos)
      << csv;
  EXPECT_NE(csv.find("\"s, quoted\",RUS,ALL,Russia,exports,USD million,0,5,5,\n"),
            std::string::npos)
      << csv;
  EXPECT_NE(csv.find("\"s, quoted\",R1,AGR,\"Agriculture, fishing\",output,"), std::string::npos)
      << csv;
}

TEST(Report, JsonEscapesAndNullsNonFinite) {
  EXPECT_EQ("\"a\\\"b\\\\c\\n\\u0001\"", JsonString("a\"b\\c\n\x01"));
  EXPECT_EQ("null", JsonNumber(std::nan("")));
  const std::string json = FormatJson({Sample()});
  EXPECT_NE(json.find("\"pct_change\": null"), std::string::npos) << json;
  EXPECT_NE(json.find("\"status\": \"ok\""), std::string::npos);
}

TEST(Report, TableShowsHeadlineAndHardestHitSectors) {
  const std::string table = FormatTable(Sample());
  EXPECT_NE(table.find("GDP"), std::string::npos) << table;
  EXPECT_NE(table.find("-5.00%"), std::string::npos) << table;
  EXPECT_NE(table.find("Output, sectors hit hardest"), std::string::npos) << table;
  EXPECT_NE(table.find("AGR"), std::string::npos);
}

// docs/scenarios.md, "Output variables": pct_change = 100 · change / |baseline|, so its sign
// is the sign of the change. A negative value added of -200 that becomes -250 fell by 50,
// i.e. -25%; the plain ratio change / baseline would say +25%.
ScenarioResult NegativeBaseline() {
  ScenarioResult r;
  r.scenario = "neg";
  r.model_name = "m";
  r.money_unit = "USD million";
  r.rows.push_back(ResultRow{"R1", "ALL", "gdp", "USD million", 100.0, 100.0});
  r.rows.push_back(ResultRow{"R1", "ALL", "gva", "USD million", -200.0, -250.0});
  r.rows.push_back(ResultRow{"R1", "ALL", "net_product_taxes", "USD million", -40.0, -30.0});
  return r;
}

TEST(Report, NegativeBaselinesDivideByTheirSizeInEveryFormat) {
  const ScenarioResult negative = NegativeBaseline();
  EXPECT_DOUBLE_EQ(-25.0, negative.rows[1].PercentChange());
  EXPECT_DOUBLE_EQ(25.0, NegativeBaseline().rows[2].PercentChange());  // -40 -> -30: +10
  const std::string csv = FormatCsv({NegativeBaseline()});
  EXPECT_NE(csv.find("neg,R1,ALL,,gva,USD million,-200,-250,-50,-25\n"), std::string::npos) << csv;
  EXPECT_NE(csv.find(",-40,-30,10,25\n"), std::string::npos) << csv;
  const std::string json = FormatJson({NegativeBaseline()});
  EXPECT_NE(json.find("\"change\": -50, \"pct_change\": -25}"), std::string::npos) << json;
  const std::string table = FormatTable(NegativeBaseline());
  EXPECT_NE(table.find("-25.00%"), std::string::npos) << table;
  EXPECT_NE(table.find("+25.00%"), std::string::npos) << table;
}

TEST(Report, FormatNamesRoundTrip) {
  OutputFormat f;
  ASSERT_TRUE(FromString("json", &f));
  EXPECT_EQ(OutputFormat::kJson, f);
  EXPECT_FALSE(FromString("xml", &f));
}

}  // namespace
}  // namespace spillover
