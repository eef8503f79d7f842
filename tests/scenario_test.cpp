#include "scenario/scenario.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "io/model_io.h"
#include "report/compare.h"
#include "scenario/keys.h"
#include "test_util.h"

namespace spillover {
namespace {

class ScenarioTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { model_ = new Model(LoadModel(testing::ExampleModel()).model); }
  static void TearDownTestSuite() { delete model_; }

  static Scenario Build(const std::string& text, const std::vector<std::string>& sets = {}) {
    YamlNode root = ParseYaml(text, "s.yaml");
    for (const auto& s : sets) ApplyOverride(&root, s);
    return BuildScenario(root, "s.yaml", *model_);
  }
  static std::string ErrorOf(const std::string& text, const std::vector<std::string>& sets = {}) {
    try {
      Build(text, sets);
    } catch (const InputError& e) {
      return e.what();
    }
    return "no error";
  }
  static Model* model_;
};
Model* ScenarioTest::model_ = nullptr;

const char* kBase =
    "name: t\n"
    "shocks:\n"
    "  ru:\n"
    "    type: exports\n"
    "    partners: [RUS]\n"
    "    change: -0.2\n";

TEST_F(ScenarioTest, BuildsTypedShocks) {
  const Scenario s = Build(kBase);
  EXPECT_EQ("t", s.name);
  ASSERT_EQ(1u, s.shocks.size());
  const Shock& shock = s.shocks[0];
  EXPECT_EQ(ShockType::kExports, shock.type);
  EXPECT_EQ(ChangeMode::kRelative, shock.mode);
  EXPECT_DOUBLE_EQ(-0.2, shock.change);
  EXPECT_EQ(std::vector<Index>({0}), shock.partners);
  EXPECT_EQ(std::vector<Index>({0, 1}), shock.sectors);  // products default to all
  EXPECT_DOUBLE_EQ(12.0, shock.duration_months);
  EXPECT_EQ("USD million", s.report_unit);
}

TEST_F(ScenarioTest, UnknownKeysSuggestTheNearest) {
  EXPECT_NE(ErrorOf("name: t\nshokcs: {}\n")
                .find("s.yaml:2:1: key 'shokcs': unknown key (did "
                      "you mean 'shocks'?)"),
            std::string::npos)
      << ErrorOf("name: t\nshokcs: {}\n");
  const std::string e = ErrorOf(std::string(kBase) + "    chnage: 1\n");
  EXPECT_NE(e.find("s.yaml:7:5: key 'shocks.ru.chnage': unknown key (did you mean 'change'?)"),
            std::string::npos)
      << e;
}

TEST_F(ScenarioTest, KeyOfAnotherShockTypeIsNamed) {
  const std::string e = ErrorOf(std::string(kBase) + "    share: 0.5\n");
  EXPECT_NE(e.find("a `exports` shock does not take this key"), std::string::npos) << e;
}

TEST_F(ScenarioTest, TypesAndBoundsAreChecked) {
  EXPECT_NE(ErrorOf("name: t\nshocks: {a: {type: import_supply, share: 1.5}}\n")
                .find("value 1.5 is out of range; expected a number in [0, 1]"),
            std::string::npos);
  EXPECT_NE(ErrorOf("name: t\nshocks: {a: {type: exports, change: lots}}\n")
                .find("expected a finite number, got 'lots'"),
            std::string::npos);
  EXPECT_NE(ErrorOf("name: t\nshocks: {a: {type: exports, change: -1.5}}\n")
                .find("a relative change is a fraction >= -1"),
            std::string::npos);
  EXPECT_NE(ErrorOf("name: t\nshocks: {a: {type: exports, change: -0.1, duration_months: 0}}\n")
                .find("expected a number in (0, 12]"),
            std::string::npos);
  EXPECT_NE(ErrorOf("name: t\nshocks: {a: {type: exprots, change: 1}}\n")
                .find("unknown value 'exprots' (did you mean 'exports'?)"),
            std::string::npos);
  EXPECT_NE(ErrorOf("shocks: {}\n").find("key 'name': required key is missing"), std::string::npos);
  EXPECT_NE(ErrorOf("name: t\nshocks: {a: {type: exports}}\n")
                .find("key 'shocks.a.change': required key is missing"),
            std::string::npos);
  EXPECT_NE(ErrorOf("name: t\nshocks: [a]\n").find("expected a mapping NAME"), std::string::npos);
  EXPECT_NE(ErrorOf("- a\n").find("a scenario is a mapping"), std::string::npos);
}

TEST_F(ScenarioTest, UnknownCodesSuggestTheNearest) {
  const std::string e =
      ErrorOf("name: t\nshocks: {a: {type: exports, partners: [RSU], change: 1}}\n");
  EXPECT_NE(e.find("unknown partner code 'RSU' (did you mean 'RUS'?)"), std::string::npos) << e;
  EXPECT_NE(ErrorOf("name: t\nshocks: {a: {type: final_demand, sectors: AGX, change: 1}}\n")
                .find("unknown sector code 'AGX' (did you mean 'AGR'?)"),
            std::string::npos);
  EXPECT_NE(ErrorOf("name: t\nshocks: {a: {type: exports, partners: [all, RUS], change: 1}}\n")
                .find("`all` cannot be combined"),
            std::string::npos);
  EXPECT_NE(ErrorOf("name: t\nshocks: {a: {type: exports, partners: [], change: 1}}\n")
                .find("the list is empty"),
            std::string::npos);
}

TEST_F(ScenarioTest, CategoriesTakeCodesOrKinds) {
  const Scenario s =
      Build("name: t\nshocks: {a: {type: final_demand, categories: households, change: 0.1}}\n");
  EXPECT_EQ(std::vector<Index>({0}), s.shocks[0].categories);
  const Scenario d = Build("name: t\nshocks: {a: {type: final_demand, change: 0.1}}\n");
  EXPECT_EQ(std::vector<Index>({0, 1}), d.shocks[0].categories);  // all but exports
}

TEST_F(ScenarioTest, AbsoluteChangesConvertUnits) {
  // The model is in USD million with EUR at 1.25 USD: EUR 100 million = USD 125 million.
  const Scenario s = Build(
      "name: t\nshocks: {a: {type: final_demand, mode: absolute, change: 100, unit: EUR "
      "million}}\n");
  EXPECT_DOUBLE_EQ(125.0, s.shocks[0].change);
  const Scenario k = Build(
      "name: t\nshocks: {a: {type: final_demand, mode: absolute, change: 5, unit: USD "
      "thousand}}\n");
  EXPECT_DOUBLE_EQ(0.005, k.shocks[0].change);
  EXPECT_NE(ErrorOf("name: t\nshocks: {a: {type: final_demand, change: 5, unit: USD}}\n")
                .find("`unit` applies to `mode: absolute` only"),
            std::string::npos);
  EXPECT_NE(ErrorOf("name: t\nshocks: {a: {type: final_demand, mode: absolute, change: 5, unit: "
                    "GBP}}\n")
                .find("no exchange rate for the currency 'GBP'"),
            std::string::npos);
}

TEST_F(ScenarioTest, ReportCurrencyNeedsARate) {
  const Scenario s = Build("name: t\ncurrency: EUR\nshocks: {}\n");
  EXPECT_DOUBLE_EQ(1.25, s.exchange_rate);
  EXPECT_EQ("EUR million", s.report_unit);
  EXPECT_NE(ErrorOf("name: t\ncurrency: GBP\nshocks: {}\n").find("give `exchange_rate`"),
            std::string::npos);
  const Scenario g =
      Build("name: t\ncurrency: GBP\nexchange_rate: 1.3\nscale: billion\nshocks: {}\n");
  EXPECT_EQ("GBP billion", g.report_unit);
}

TEST_F(ScenarioTest, TrillionIsAScaleWord) {
  // 1 trillion = 10^12 = 10^6 million: the model is in USD million.
  const Scenario t = Build("name: t\ncurrency: USD\nscale: trillion\nshocks: {}\n");
  EXPECT_EQ("USD trillion", t.report_unit);
  EXPECT_DOUBLE_EQ(1e12, t.report_scale);
  const Scenario a = Build(
      "name: t\nshocks: {a: {type: final_demand, mode: absolute, change: 2, unit: USD "
      "trillion}}\n");
  EXPECT_DOUBLE_EQ(2e6, a.shocks[0].change);
  EXPECT_EQ("tn USD", ShortMoneyUnit("USD trillion"));
}

TEST_F(ScenarioTest, OverridesAreValidatedLikeTheFile) {
  const Scenario s = Build(kBase, {"shocks.ru.change=-0.5", "shocks.ru.partners=[RUS, CHN]"});
  EXPECT_DOUBLE_EQ(-0.5, s.shocks[0].change);
  EXPECT_EQ(2u, s.shocks[0].partners.size());
  const Scenario added = Build(kBase, {"shocks.more.type=final_demand", "shocks.more.change=0.1"});
  EXPECT_EQ(2u, added.shocks.size());
  EXPECT_NE(ErrorOf(kBase, {"shocks.ru.chnage=1"}).find("did you mean 'change'?"),
            std::string::npos);
  EXPECT_NE(ErrorOf(kBase, {"shocks.ru.change=abc"}).find("--set shocks.ru.change=abc"),
            std::string::npos);
  EXPECT_NE(ErrorOf(kBase, {"nonsense"}).find("expected PATH=VALUE"), std::string::npos);
  EXPECT_NE(ErrorOf(kBase, {"name.x=1"}).find("is not a mapping"), std::string::npos);
}

TEST_F(ScenarioTest, LargeRelativeValuesNeedAllowLarge) {
  const std::string e = ErrorOf("name: t\nshocks: {a: {type: exports, change: 30}}\n");
  EXPECT_NE(e.find("key 'shocks.a.change': value 30 means +3,000%; for +30% write 0.30"),
            std::string::npos)
      << e;
  EXPECT_NE(e.find("allow_large: true"), std::string::npos) << e;
  // Every shock type that reads a fraction, and the other fractions of a shock.
  for (const char* shock : {"{type: final_demand, change: 1.5}", "{type: import_price, change: 2}",
                            "{type: capacity, change: 3}",
                            "{type: import_supply, share: 0.1, substitute_premium: 2}"}) {
    EXPECT_NE(ErrorOf(std::string("name: t\nshocks: {a: ") + shock + "}\n")
                  .find("(more than doubling) is refused"),
              std::string::npos)
        << shock;
  }
  // --set goes through the same rule.
  EXPECT_NE(ErrorOf(kBase, {"shocks.ru.change=20"}).find("value 20 means +2,000%"),
            std::string::npos);
  // Exactly +1 (doubling), an absolute amount and an allowed large change pass.
  EXPECT_DOUBLE_EQ(1.0,
                   Build("name: t\nshocks: {a: {type: exports, change: 1}}\n").shocks[0].change);
  EXPECT_DOUBLE_EQ(30.0,
                   Build("name: t\nshocks: {a: {type: exports, mode: absolute, change: 30}}\n")
                       .shocks[0]
                       .change);
  EXPECT_DOUBLE_EQ(30.0,
                   Build("name: t\nshocks: {a: {type: exports, change: 30, allow_large: true}}\n")
                       .shocks[0]
                       .change);
}

TEST_F(ScenarioTest, PathsThroughAMissingShockNameTheShocks) {
  const std::string e = ErrorOf(kBase, {"shocks.r.duration_months=6"});
  EXPECT_NE(e.find("--set shocks.r.duration_months=6: no shock named 'r' in the scenario; its "
                   "shocks are: ru (did you mean 'ru'?)"),
            std::string::npos)
      << e;
  const std::string k = ErrorOf(std::string(kBase) + "    duration: 6\n");
  EXPECT_NE(k.find("unknown key (did you mean 'duration_months'?)"), std::string::npos) << k;
  EXPECT_EQ(k.find("shock takes"), std::string::npos) << "only the nearest key: " << k;
}

TEST_F(ScenarioTest, PartnersMatchCodesAndNamesWithoutCase) {
  for (const char* partner : {"RUS", "rus", "Russia", "RUSSIA"}) {
    const Scenario s = Build(std::string("name: t\nshocks: {a: {type: exports, change: -0.1, "
                                         "partners: [") +
                             partner + "]}}\n");
    EXPECT_EQ(std::vector<Index>({0}), s.shocks[0].partners) << partner;
  }
  EXPECT_EQ(std::vector<Index>({1, 0}),
            Build("name: t\nshocks: {a: {type: import_supply, share: 0.1, partners: [china, "
                  "Rus]}}\n")
                .shocks[0]
                .partners);
  // A name that two partners answer to is refused, with both.
  Model twins = *model_;
  twins.partners[1].name = "russia";
  YamlNode root = ParseYaml(
      "name: t\nshocks: {a: {type: exports, change: -0.1, partners: Russia}}\n", "s.yaml");
  try {
    BuildScenario(root, "s.yaml", twins);
    ADD_FAILURE() << "an ambiguous partner name was accepted";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("'Russia' is ambiguous: it names the partners RUS "
                                         "(Russia), CHN (russia)"),
              std::string::npos)
        << e.what();
  }
}

TEST_F(ScenarioTest, AllMistakesAreReportedAtOnceUpToALimit) {
  std::string text = "name: t\nshocks:\n";
  for (int i = 0; i < 25; ++i) {
    text += "  s" + std::to_string(i) + ": {type: exports, change: -0.1, chnage: 1}\n";
  }
  const std::string e = ErrorOf(text);
  EXPECT_EQ(0u, e.find("s.yaml:3:")) << e;
  EXPECT_NE(e.find("key 'shocks.s19.chnage'"), std::string::npos) << e;
  EXPECT_EQ(e.find("key 'shocks.s20.chnage'"), std::string::npos) << e;
  EXPECT_NE(e.find("(25 errors; the first 20 are shown)"), std::string::npos) << e;
  // One mistake reads as before, with no count.
  const std::string one = ErrorOf(std::string(kBase) + "    chnage: 1\n");
  EXPECT_EQ(one.find("errors"), std::string::npos) << one;
}

TEST_F(ScenarioTest, OneSupplyRulePerScenario) {
  EXPECT_NE(ErrorOf("name: t\nshocks:\n  a: {type: import_supply, share: 0.1}\n"
                    "  b: {type: import_supply, share: 0.1, rule: bottleneck}\n")
                .find("all import_supply shocks of a scenario share one rule"),
            std::string::npos);
}

TEST(KeyTable, EveryKeyIsDocumentedAndDocsAreCurrent) {
  for (const auto& key : ScenarioKeys()) {
    EXPECT_FALSE(key.description.empty()) << key.name;
    EXPECT_TRUE(key.required || !key.default_text.empty()) << key.name << " needs a default";
    const KeySpec* distribution = FindKey(KeyScope::kParameter, "distribution");
    const std::vector<std::string>& kinds =
        key.scope == KeyScope::kParameter ? distribution->choices : ShockTypeNames();
    for (const auto& type : key.shock_types) {
      bool known = false;
      for (const auto& t : kinds) known = known || t == type;
      EXPECT_TRUE(known) << key.name << ": " << type;
    }
  }
  // docs/scenarios.md embeds the generated table; regenerate with
  // `spillover validate --keys` when the table changes.
  std::ifstream doc(testing::SourceDir() + "/docs/scenarios.md");
  std::stringstream text;
  text << doc.rdbuf();
  EXPECT_NE(text.str().find(KeyTableMarkdown()), std::string::npos)
      << "docs/scenarios.md is out of date with the key table";
}

TEST(Enums, RoundTripThroughStrings) {
  for (ShockType t : {ShockType::kFinalDemand, ShockType::kExports, ShockType::kImportSupply,
                      ShockType::kImportPrice}) {
    ShockType back;
    ASSERT_TRUE(FromString(ToString(t), &back));
    EXPECT_EQ(t, back);
  }
  ChangeMode mode;
  EXPECT_FALSE(FromString("sideways", &mode));
  SupplyRule rule;
  ASSERT_TRUE(FromString("bottleneck", &rule));
  EXPECT_EQ("bottleneck", ToString(rule));
}

}  // namespace
}  // namespace spillover
