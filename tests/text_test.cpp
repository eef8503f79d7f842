#include "core/text.h"

#include <gtest/gtest.h>

namespace spillover {
namespace {

TEST(Text, EditDistance) {
  EXPECT_EQ(0, EditDistance("change", "CHANGE"));
  EXPECT_EQ(2, EditDistance("chnage", "change"));
  EXPECT_EQ(3, EditDistance("kitten", "sitting"));
  EXPECT_EQ(5, EditDistance("", "shock"));
}

TEST(Text, NearestNameSuggestsOnlyLikelyTypos) {
  const std::vector<std::string> keys = {"name", "shocks", "description", "model"};
  EXPECT_EQ("shocks", NearestName("shokcs", keys));
  EXPECT_EQ("description", NearestName("descripton", keys));
  EXPECT_EQ("", NearestName("completely_different", keys));
  EXPECT_EQ(" (did you mean 'model'?)", DidYouMean("modle", keys));
  EXPECT_EQ("", DidYouMean("zzz", {}));
}

TEST(Text, NearestNameTakesAShortenedName) {
  const std::vector<std::string> keys = {"change", "duration_months", "duration_months_total",
                                         "mode"};
  EXPECT_EQ("duration_months", NearestName("duration", keys));
  EXPECT_EQ("", NearestName("du", keys));  // too short to mean one of them
}

TEST(Text, SuggestOrListGivesOnlyTheNearestName) {
  const std::vector<std::string> keys = {"change", "duration_months", "mode"};
  EXPECT_EQ(" (did you mean 'duration_months'?)", SuggestOrList("duration", keys, "valid"));
  EXPECT_EQ("; valid: change, duration_months, mode", SuggestOrList("zzzzzzzz", keys, "valid"));
}

TEST(Text, NumberFormatting) {
  EXPECT_EQ("0.1", FormatNumber(0.1));
  EXPECT_EQ("133139479452", FormatNumber(133139479452.0));
  EXPECT_EQ("0", FormatNumber(-0.0));
  EXPECT_EQ("1,234,568", FormatGrouped(1234567.8, 0));
  EXPECT_EQ("-1,000.50", FormatGrouped(-1000.5, 2));
  EXPECT_EQ("0", FormatGrouped(-0.2, 0));
  EXPECT_EQ("999", FormatGrouped(999, 0));
}

}  // namespace
}  // namespace spillover
