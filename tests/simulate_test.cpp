// Invariants of a scenario run: zero shock, linearity, x = L·y, balanced accounts, and the
// import-supply and price mechanisms against hand-derived values.
#include "run/simulate.h"

#include <gtest/gtest.h>

#include <Eigen/LU>
#include <filesystem>
#include <fstream>

#include "io/model_io.h"
#include "report/report.h"
#include "test_util.h"

namespace spillover {
namespace {

using testing::RelNear;

class SimulateTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    example_ = new PreparedModel(LoadModel(testing::ExampleModel()).model);
    kaz_ = new PreparedModel(LoadModel(testing::KazModel()).model);
  }
  static void TearDownTestSuite() {
    delete example_;
    delete kaz_;
  }

  static ScenarioResult Run(const PreparedModel& p, const std::string& shocks) {
    const YamlNode root = ParseYaml("name: t\nshocks:\n" + shocks, "t.yaml");
    return Simulate(p, BuildScenario(root, "t.yaml", p.model()));
  }
  static double Change(const ScenarioResult& r, const std::string& variable,
                       const std::string& region, const std::string& sector = "ALL") {
    const ResultRow* row = r.Find(variable, region, sector);
    EXPECT_NE(nullptr, row) << variable << " " << region << " " << sector;
    return row ? row->Change() : 0.0;
  }

  static PreparedModel* example_;
  static PreparedModel* kaz_;
};
PreparedModel* SimulateTest::example_ = nullptr;
PreparedModel* SimulateTest::kaz_ = nullptr;

TEST_F(SimulateTest, ZeroShockGivesZeroChange) {
  for (const PreparedModel* p : {example_, kaz_}) {
    for (const std::string& shocks :
         {std::string("  {}\n"), std::string("  a: {type: exports, change: 0}\n"),
          std::string("  a: {type: import_supply, share: 0}\n"),
          std::string("  a: {type: import_price, change: 0}\n")}) {
      const ScenarioResult r = Run(*p, shocks);
      ASSERT_FALSE(r.rows.empty());
      for (const auto& row : r.rows) {
        EXPECT_LE(std::fabs(row.Change()), 1e-9 * std::max(1.0, std::fabs(row.baseline)))
            << p->model().name << ": " << row.variable << " " << row.region << " " << row.sector
            << " baseline " << row.baseline << " value " << row.value;
      }
    }
  }
}

TEST_F(SimulateTest, ResultsAreLinearInTheShock) {
  const ScenarioResult small = Run(*kaz_, "  a: {type: exports, partners: RUS, change: -0.1}\n");
  const ScenarioResult large = Run(*kaz_, "  a: {type: exports, partners: RUS, change: -0.3}\n");
  ASSERT_EQ(small.rows.size(), large.rows.size());
  for (size_t i = 0; i < small.rows.size(); ++i) {
    EXPECT_TRUE(RelNear(3.0 * small.rows[i].Change(), large.rows[i].Change(), 1e-9, 1e-6))
        << small.rows[i].variable << " " << small.rows[i].region << " " << small.rows[i].sector;
  }
}

TEST_F(SimulateTest, DurationScalesTheAnnualEffect) {
  const ScenarioResult half =
      Run(*kaz_, "  a: {type: exports, partners: CHN, change: -0.4, duration_months: 6}\n");
  const ScenarioResult full = Run(*kaz_, "  a: {type: exports, partners: CHN, change: -0.2}\n");
  EXPECT_TRUE(RelNear(Change(full, "gdp", "KAZ"), Change(half, "gdp", "KAZ"), 1e-12));
}

TEST_F(SimulateTest, OutputChangeIsLeontiefInverseTimesDemandChange) {
  const Model& m = kaz_->model();
  const ScenarioResult r = Run(*kaz_, "  a: {type: exports, partners: RUS, change: -0.25}\n");
  // Independent reference: an explicit inverse of (I - A) times the change in exports.
  const Matrix a = kaz_->coefficients().technical;
  const Matrix l = (Matrix::Identity(a.rows(), a.cols()) - a).inverse();
  const Vector dy = -0.25 * m.exports.col(0);
  const Vector dx = l * dy;
  for (Index j = 0; j < m.sector_count(); ++j) {
    EXPECT_TRUE(RelNear(dx(j), Change(r, "output", "KAZ", m.sectors[static_cast<size_t>(j)].code),
                        1e-9, 1e-6));
  }
  // GDP changes by the value-added and input-tax coefficients times the output change.
  const Coefficients& c = kaz_->coefficients();
  const double dgdp = (c.gross_value_added + c.product_taxes).dot(dx);
  // ... plus taxes on final use, which follow the exports of each product at its own rate
  // (the model's final_use_taxes, BNS table 5).
  const Index exports = m.CategoriesOfKind(FinalDemandKind::kExports).front();
  ASSERT_EQ(m.sector_count(), m.final_use_taxes.rows());
  double dtax = 0.0;
  for (Index i = 0; i < m.sector_count(); ++i) {
    const double base_use = m.final_use(i, exports) + m.imports_final(i, exports);
    if (base_use != 0.0) dtax += m.final_use_taxes(i, exports) * dy(i) / base_use;
  }
  EXPECT_TRUE(RelNear(dgdp + dtax, Change(r, "gdp", "KAZ"), 1e-9));
  EXPECT_TRUE(RelNear(-0.25 * m.exports.col(0).sum(), Change(r, "exports", "RUS"), 1e-12));
  EXPECT_DOUBLE_EQ(0.0, Change(r, "exports", "CHN"));
}

// GDP by production must equal GDP by expenditure in the scenario as in the base:
// GVA + net product taxes = final use (domestic + imported) + taxes on final use... where
// the taxes are inside GDP by production: GDP = Σ final use − imports + taxes on final use.
void ExpectAccountsBalance(const ScenarioResult& r, const std::string& region) {
  double final_use = 0.0;
  for (const auto& row : r.rows) {
    if (row.variable == "final_use_domestic" || row.variable == "final_use_imported") {
      final_use += row.value;
    }
  }
  const double gdp = r.Find("gdp", region, "ALL")->value;
  const double imports = r.Find("imports", region, "ALL")->value;
  const double taxes = r.Find("net_product_taxes", region, "ALL")->value;
  const double gva = r.Find("gva", region, "ALL")->value;
  EXPECT_TRUE(RelNear(gdp, gva + taxes, 1e-12));
  // Taxes on final use = taxes − taxes on inputs; rebuild them from the identity instead:
  // GDP − (final use − imports) must equal taxes on final use, which lie in [0, taxes].
  const double taxes_on_final_use = gdp - (final_use - imports);
  EXPECT_GE(taxes_on_final_use, -1e-9 * gdp);
  EXPECT_LE(taxes_on_final_use, taxes * (1 + 1e-12));
}

TEST_F(SimulateTest, AccountsBalanceBeforeAndAfterShocks) {
  const ScenarioResult base = Run(*kaz_, "  {}\n");
  ExpectAccountsBalance(base, "KAZ");
  const ScenarioResult shocked =
      Run(*kaz_,
          "  a: {type: exports, partners: RUS, change: -0.3}\n"
          "  b: {type: import_supply, partners: RUS, share: 0.4, substitution: 0.25, rule: "
          "bottleneck}\n"
          "  c: {type: final_demand, categories: investment, change: -0.05}\n");
  ExpectAccountsBalance(shocked, "KAZ");
  // The base taxes on final use and the scenario's differ only through final use.
  const double base_gap = base.Find("gdp", "KAZ", "ALL")->value;
  EXPECT_GT(base_gap, 0.0);
}

TEST_F(SimulateTest, ChangesAboveHalfOfOutputAreNamedInANote) {
  // Electronics (26) exports 3.0 times its output (inventories drawn down): a 30% cut of
  // its exports takes about 90% of its output, which the note must name.
  const ScenarioResult r = Run(*kaz_, "  a: {type: exports, products: '26', change: -0.3}\n");
  const double base = r.Find("output", "KAZ", "26")->baseline;
  const double pct = 100.0 * (r.Find("output", "KAZ", "26")->value - base) / base;
  ASSERT_LT(pct, -50.0);
  const std::string report = FormatTable(r);
  EXPECT_NE(report.find("Note:     output changes by more than 50% in 26 ("), std::string::npos)
      << report;
  // A small change carries no such note.
  const std::string quiet =
      FormatTable(Run(*kaz_, "  a: {type: exports, products: '26', change: -0.01}\n"));
  EXPECT_EQ(quiet.find("more than 50%"), std::string::npos) << quiet;
}

TEST_F(SimulateTest, BottleneckCapsUsersOfTheLostImport) {
  // Example model: agriculture imports come 50% from RUS. Losing half of them with no
  // substitution leaves 75% of imported agricultural goods. Both sectors use them, so
  // under the bottleneck rule both produce at most 75% of their base output.
  const ScenarioResult r = Run(
      *example_,
      "  a: {type: import_supply, partners: RUS, products: AGR, share: 0.5, rule: bottleneck}\n");
  EXPECT_TRUE(RelNear(750.0, r.Find("output", "R1", "AGR")->value, 1e-12));
  EXPECT_TRUE(RelNear(1500.0, r.Find("output", "R1", "MFG")->value, 1e-12));
  EXPECT_NE(r.message.find("supply limit"), std::string::npos);
  EXPECT_NEAR(0.0, r.Find("import_gap", "R1", "ALL")->value, 1e-9);
  // Imports of agriculture received: 75% of the base 30 + 20 + 40 (intermediate at 75%
  // output, final use 75% available), of which Russia's share is now 0.25 / 0.75.
  EXPECT_TRUE(RelNear(0.75 * 90 * (0.25 / 0.75), r.Find("imports", "RUS", "AGR")->value, 1e-12));
}

TEST_F(SimulateTest, FullSubstitutionLeavesOutputUnchanged) {
  const ScenarioResult r =
      Run(*example_, "  a: {type: import_supply, partners: RUS, share: 1, substitution: 1}\n");
  EXPECT_NEAR(0.0, Change(r, "output", "R1"), 1e-9);
  EXPECT_TRUE(
      RelNear(-r.Find("imports", "RUS", "ALL")->baseline, Change(r, "imports", "RUS"), 1e-12));
  EXPECT_TRUE(RelNear(r.Find("imports", "RUS", "ALL")->baseline,
                      Change(r, "imports", "CHN") + Change(r, "imports", "ROW"), 1e-12));
}

TEST_F(SimulateTest, ProportionalRuleCutsByLostShareOfInputs) {
  // Losing all Russian agriculture imports: 50% of imported AGR. Agriculture's inputs are
  // 150 + 200 domestic + 30 + 20 imported = 400; it loses 0.5 * 30 = 15 -> cut 3.75%.
  const ScenarioResult r =
      Run(*example_, "  a: {type: import_supply, partners: RUS, products: AGR, share: 1}\n");
  const double agr_cap = 1000.0 * (1.0 - 15.0 / 400.0);
  EXPECT_LE(r.Find("output", "R1", "AGR")->value, agr_cap * (1 + 1e-12));
  EXPECT_GT(r.Find("import_gap", "R1", "ALL")->value, 0.0);
}

TEST_F(SimulateTest, ImportPriceShockRaisesPricesByCostPush) {
  const ScenarioResult r = Run(*example_, "  a: {type: import_price, change: 0.1}\n");
  // Δp' = 0.1 · am' L with am = (50/1000, 200/2000) and L of the textbook table.
  const Matrix l = (Matrix(2, 2) << 0.95, 0.25, 0.2, 0.85).finished() / 0.7575;
  const RowVector am = (RowVector(2) << 0.05, 0.1).finished();
  const RowVector dp = 0.1 * am * l;
  EXPECT_TRUE(RelNear(1 + dp(0), r.Find("price", "R1", "AGR")->value, 1e-12));
  EXPECT_TRUE(RelNear(1 + dp(1), r.Find("price", "R1", "MFG")->value, 1e-12));
  // CPI: households buy (200, 1000) domestic and (40, 60) imported goods.
  const double cpi = (200 * (1 + dp(0)) + 1000 * (1 + dp(1)) + 100 * 1.1) / 1300;
  EXPECT_TRUE(RelNear(cpi, r.Find("cpi", "R1", "ALL")->value, 1e-12));
  EXPECT_NEAR(0.0, Change(r, "gdp", "R1"), 1e-9);  // a price shock moves no quantity
}

TEST_F(SimulateTest, FinalDemandInExportsKeepsPartnersConsistent) {
  const ScenarioResult r =
      Run(*example_, "  a: {type: final_demand, categories: EXP, sectors: MFG, change: -0.1}\n");
  // MFG exports 400 split 150/150/100 over RUS/CHN/ROW.
  EXPECT_TRUE(RelNear(-15.0, Change(r, "exports", "RUS", "MFG"), 1e-12));
  EXPECT_TRUE(RelNear(-40.0, Change(r, "exports", "R1"), 1e-12));
}

TEST_F(SimulateTest, RouteLossReroutesUpToSpareCapacity) {
  // Example routes: NORTH carries AGR->ROW (20) and half of MFG->ROW (50): 70 for 8 Mt,
  // 8.75 per Mt. SOUTH has 5 - 2 = 3 Mt spare: 26.25 of the 70 move, 43.75 is lost.
  const ScenarioResult r = Run(*example_,
                               "  n: {type: route, route: NORTH, share: 1, alternatives: SOUTH, "
                               "reroute_cost: 0.1}\n");
  EXPECT_TRUE(RelNear(70.0, r.Find("route_affected", "NORTH", "ALL")->value, 1e-12));
  EXPECT_TRUE(RelNear(26.25, r.Find("route_rerouted", "NORTH", "ALL")->value, 1e-12));
  EXPECT_TRUE(RelNear(43.75, r.Find("route_lost", "NORTH", "ALL")->value, 1e-12));
  EXPECT_TRUE(RelNear(2.625, r.Find("route_extra_cost", "NORTH", "ALL")->value, 1e-12));
  EXPECT_TRUE(RelNear(50.0 + 26.25, r.Find("route_flow", "SOUTH", "ALL")->value, 1e-12));
  // Lost exports: 62.5% of each flow; output follows from x = L y.
  EXPECT_TRUE(RelNear(-12.5, Change(r, "exports", "ROW", "AGR"), 1e-12));
  EXPECT_TRUE(RelNear(-31.25, Change(r, "exports", "ROW", "MFG"), 1e-12));
  const Matrix l = (Matrix(2, 2) << 0.95, 0.25, 0.2, 0.85).finished() / 0.7575;
  const Vector dx = l * (Vector(2) << -12.5, -31.25).finished();
  EXPECT_TRUE(RelNear(dx(0), Change(r, "output", "R1", "AGR"), 1e-12));
  EXPECT_TRUE(RelNear(dx(1), Change(r, "output", "R1", "MFG"), 1e-12));
  // Exporters absorb the cost: GDP falls by the value-added effect and by the cost, which
  // is paid abroad (imports of transport services).
  const double dgdp = 0.6 * dx(0) + 0.6 * dx(1);  // (GVA + input taxes) per unit of output
  EXPECT_TRUE(RelNear(dgdp - 2.625, Change(r, "gdp", "R1"), 1e-12));
  EXPECT_TRUE(RelNear(2.625, r.Find("imports_transport", "R1", "ALL")->value, 1e-12));
  ExpectAccountsBalance(r, "R1");
}

TEST_F(SimulateTest, RouteCostOnBuyersAndCapacityExpansion) {
  // Doubling SOUTH's capacity (+5 Mt) leaves 8 Mt spare: all of NORTH's 8 Mt moves.
  const ScenarioResult r = Run(*example_,
                               "  more: {type: route_capacity, route: SOUTH, mode: absolute, "
                               "change: 5}\n"
                               "  n: {type: route, route: NORTH, share: 1, alternatives: SOUTH, "
                               "reroute_cost: 0.1, cost_bearer: buyers}\n");
  EXPECT_NEAR(0.0, r.Find("route_lost", "NORTH", "ALL")->value, 1e-12);
  EXPECT_NEAR(0.0, Change(r, "gdp", "R1"), 1e-9);
  EXPECT_TRUE(RelNear(7.0, r.Find("transport_cost_buyers", "R1", "ALL")->value, 1e-12));
  // Three months of a half outage: a quarter of the spare capacity serves those months.
  const ScenarioResult q = Run(*example_,
                               "  n: {type: route, route: NORTH, share: 0.5, duration_months: 3, "
                               "alternatives: SOUTH}\n");
  // Affected: 70 * 0.5 * 0.25 = 8.75 (1 Mt); usable spare 3 * 0.25 = 0.75 Mt = 6.5625.
  EXPECT_TRUE(RelNear(8.75, q.Find("route_affected", "NORTH", "ALL")->value, 1e-12));
  EXPECT_TRUE(RelNear(6.5625, q.Find("route_rerouted", "NORTH", "ALL")->value, 1e-12));
}

TEST_F(SimulateTest, RouteCapacityTargetAndPhysicalRows) {
  // `capacity: 10` on SOUTH (5 Mt/yr today) is the same shock as `mode: absolute, change: 5`.
  const std::string north =
      "  n: {type: route, route: NORTH, share: 1, alternatives: SOUTH, reroute_cost: 0.1}\n";
  const ScenarioResult target =
      Run(*example_, "  more: {type: route_capacity, route: SOUTH, capacity: 10}\n" + north);
  const ScenarioResult added =
      Run(*example_,
          "  more: {type: route_capacity, route: SOUTH, mode: absolute, change: 5}\n" + north);
  ASSERT_EQ(added.rows.size(), target.rows.size());
  for (size_t i = 0; i < added.rows.size(); ++i) {
    EXPECT_EQ(added.rows[i].variable, target.rows[i].variable);
    EXPECT_EQ(added.rows[i].value, target.rows[i].value) << added.rows[i].variable;
  }
  // In Mt/yr: NORTH's 8 Mt all move to SOUTH, whose 10 Mt are then full.
  const auto expect = [&](const char* variable, const char* route, double base, double after) {
    const ResultRow* row = target.Find(variable, route, "ALL");
    ASSERT_NE(nullptr, row) << variable << " " << route;
    EXPECT_EQ("Mt/yr", row->unit);
    EXPECT_NEAR(base, row->baseline, 1e-12) << variable << " " << route;
    EXPECT_NEAR(after, row->value, 1e-12) << variable << " " << route;
  };
  expect("route_capacity", "SOUTH", 5, 10);
  expect("route_use", "SOUTH", 2, 10);
  expect("route_spare", "SOUTH", 3, 0);
  expect("route_capacity", "NORTH", 10, 0);
  expect("route_use", "NORTH", 8, 0);
  expect("route_spare", "NORTH", 2, 0);
  // Annual averages: half of NORTH for 3 months is 1/8 of its year (1.25 Mt of capacity,
  // 1 Mt of use); SOUTH takes 3 Mt/yr x 3/12 = 0.75 Mt of it.
  const ScenarioResult q = Run(*example_,
                               "  n: {type: route, route: NORTH, share: 0.5, duration_months: 3, "
                               "alternatives: SOUTH}\n");
  const ResultRow* south_use = q.Find("route_use", "SOUTH", "ALL");
  ASSERT_NE(nullptr, south_use);
  EXPECT_NEAR(2.75, south_use->value, 1e-12);
  EXPECT_NEAR(8.75, q.Find("route_capacity", "NORTH", "ALL")->value, 1e-12);
  EXPECT_NEAR(7.0, q.Find("route_use", "NORTH", "ALL")->value, 1e-12);
  EXPECT_NEAR(2.25, q.Find("route_spare", "SOUTH", "ALL")->value, 1e-12);
  // Untouched routes get no physical rows.
  EXPECT_EQ(nullptr, Run(*example_, "  d: {type: exports, change: -0.1}\n")
                         .Find("route_capacity", "NORTH", "ALL"));
}

TEST_F(SimulateTest, ScenarioCanReplaceImportOrigins) {
  const std::string csv = ::testing::TempDir() + "/origin.csv";
  std::ofstream(csv) << "code,RUS,CHN,ROW\nAGR,1,0,0\nMFG,0,0.5,0.5\n";
  const YamlNode root = ParseYaml("name: t\nimport_origin: " + csv + "\nshocks: {}\n", "t.yaml");
  const ScenarioResult r = Simulate(*example_, BuildScenario(root, "t.yaml", example_->model()));
  // All agricultural imports (30 + 20 + 40) now come from Russia, none of manufacturing.
  EXPECT_TRUE(RelNear(90.0, r.Find("imports", "RUS", "ALL")->baseline, 1e-12));
  EXPECT_TRUE(RelNear(135.0, r.Find("imports", "CHN", "ALL")->baseline, 1e-12));
  std::ofstream(csv) << "code,RUS,CHN,ROW\nAGR,1,0,0\nMFG,0,0.5,0.4\n";
  try {
    BuildScenario(root, "t.yaml", example_->model());
    FAIL() << "expected an error for shares that do not sum to 1";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("the shares of product 'MFG' sum to 0.9"),
              std::string::npos)
        << e.what();
  }
}

TEST_F(SimulateTest, BatchEqualsOneByOne) {
  std::vector<Scenario> scenarios;
  for (const std::string& shocks :
       {std::string("  a: {type: exports, partners: RUS, change: -0.2}\n"),
        std::string("  a: {type: import_price, partners: CHN, change: 0.1}\n"),
        std::string("  a: {type: import_supply, partners: RUS, share: 0.5, rule: bottleneck}\n"
                    "  b: {type: final_demand, categories: investment, change: 0.05}\n"),
        std::string(
            "  a: {type: route, route: CPC, share: 0.5, alternatives: MIDDLE_CORRIDOR}\n")}) {
    const YamlNode root = ParseYaml("name: t\nshocks:\n" + shocks, "t.yaml");
    scenarios.push_back(BuildScenario(root, "t.yaml", kaz_->model()));
  }
  const std::vector<ScenarioResult> batch = SimulateBatch(*kaz_, scenarios);
  ASSERT_EQ(scenarios.size(), batch.size());
  for (size_t s = 0; s < scenarios.size(); ++s) {
    const ScenarioResult single = Simulate(*kaz_, scenarios[s]);
    ASSERT_EQ(single.rows.size(), batch[s].rows.size());
    for (size_t i = 0; i < single.rows.size(); ++i) {
      EXPECT_TRUE(RelNear(single.rows[i].value, batch[s].rows[i].value, 1e-12, 1e-6))
          << "scenario " << s << ": " << single.rows[i].variable << " " << single.rows[i].sector;
    }
  }
}

TEST_F(SimulateTest, CapacityLimitsOutputAndRationsFinalUsers) {
  // Manufacturing at capacity (base output 2,000) while final demand for it rises by 10%
  // (+130 of domestic HH and GOV use): the mixed model holds MFG at 2,000, agriculture
  // follows from x1 = 0.15 x1 + 0.25 x2 + f1 with f1 = 350, and manufacturing's final
  // users get what intermediate demand leaves: 0.95 · 2000 − 0.2 · x1.
  const ScenarioResult r = Run(*example_,
                               "  up: {type: final_demand, sectors: MFG, change: 0.1}\n"
                               "  cap: {type: capacity, sectors: MFG, change: 0}\n");
  const double x1 = (350.0 + 0.25 * 2000.0) / 0.85;
  EXPECT_TRUE(RelNear(2000.0, r.Find("output", "R1", "MFG")->value, 1e-12));
  EXPECT_TRUE(RelNear(x1, r.Find("output", "R1", "AGR")->value, 1e-12));
  double mfg_final = 0.0;
  for (const char* category : {"HH", "GOV", "EXP"}) {
    mfg_final += r.Find("final_use_domestic", "R1", category)->value;
  }
  // AGR's final use is unchanged at 350; the rest of final use is manufacturing's.
  EXPECT_TRUE(RelNear(350.0 + 0.95 * 2000.0 - 0.2 * x1, mfg_final, 1e-12));
  EXPECT_NE(r.message.find("capacity or supply limit in 1 sector(s): MFG"), std::string::npos)
      << r.message;
  // An outage: 30% of agriculture's capacity for four months = 10% of the year.
  const ScenarioResult o =
      Run(*example_, "  out: {type: capacity, sectors: AGR, change: -0.3, duration_months: 4}\n");
  EXPECT_TRUE(RelNear(900.0, o.Find("output", "R1", "AGR")->value, 1e-12));
  ExpectAccountsBalance(o, "R1");
  // A limit that does not bind changes nothing.
  const ScenarioResult loose = Run(*example_, "  cap: {type: capacity, change: 0.2}\n");
  EXPECT_NEAR(0.0, Change(loose, "gdp", "R1"), 1e-9);
}

TEST_F(SimulateTest, TradeDiversionRedirectsExportsAndSubstitutesImports) {
  // A fifth of exports to Russia lost, half of that sold to China instead.
  const ScenarioResult r = Run(*example_,
                               "  ru: {type: exports, partners: RUS, change: -0.2, "
                               "redirect_share: 0.5, redirect_to: CHN}\n");
  EXPECT_TRUE(RelNear(-0.2 * 250, Change(r, "exports", "RUS"), 1e-12));
  EXPECT_TRUE(RelNear(0.5 * 0.2 * 250, Change(r, "exports", "CHN"), 1e-12));
  EXPECT_NEAR(0.0, Change(r, "exports", "ROW"), 1e-12);
  EXPECT_TRUE(RelNear(-25.0, Change(r, "exports", "R1"), 1e-12));
  // All Russian imports lost and all replaced from China only.
  const ScenarioResult s = Run(*example_,
                               "  ru: {type: import_supply, partners: RUS, share: 1, "
                               "substitution: 1, substitute_partners: [CHN]}\n");
  const double russia = s.Find("imports", "RUS", "ALL")->baseline;
  EXPECT_TRUE(RelNear(russia, Change(s, "imports", "CHN"), 1e-12));
  EXPECT_NEAR(0.0, Change(s, "imports", "ROW"), 1e-12);
  EXPECT_NEAR(0.0, Change(s, "trade_balance", "R1"), 1e-9);
  EXPECT_TRUE(RelNear(550.0 - 360.0, s.Find("trade_balance", "R1", "ALL")->baseline, 1e-12));
}

TEST_F(SimulateTest, ReportCurrencyConvertsMoney) {
  const YamlNode root = ParseYaml("name: t\ncurrency: USD\nshocks: {}\n", "t.yaml");
  const ScenarioResult r = Simulate(*kaz_, BuildScenario(root, "t.yaml", kaz_->model()));
  // GDP 133,139,479,452 thousand KZT at 468.985248 KZT per USD, in USD million.
  EXPECT_TRUE(
      RelNear(133139479452.0 * 1e3 / 468.985248 / 1e6, r.Find("gdp", "KAZ", "ALL")->value, 1e-12));
  EXPECT_EQ("USD million", r.Find("gdp", "KAZ", "ALL")->unit);
}

}  // namespace
// A model without an intermediate-imports file stores no Zm or Am and skips every
// product with them; its results must equal those of the same model with a file of zeros.
TEST(SimulateNoImports, MissingImportFileEqualsAZeroFile) {
  namespace fs = std::filesystem;
  const fs::path root = fs::path(::testing::TempDir()) / "spillover-no-imports";
  fs::remove_all(root);
  const fs::path zero = root / "zero", none = root / "none";
  for (const fs::path& dir : {zero, none}) {
    fs::create_directories(dir);
    for (const auto& entry : fs::directory_iterator(testing::ExampleModel())) {
      fs::copy_file(entry.path(), dir / entry.path().filename());
    }
    // Zm (30, 20 / 20, 180) moves into operating surplus, so the columns still balance.
    std::ofstream(dir / "V.csv") << "code,name,AGR,MFG,HH,GOV,EXP\n"
                                    "D1,Compensation of employees,300,500,0,0,0\n"
                                    "B2,Operating surplus,300,800,0,0,0\n"
                                    "D21X31,Net taxes on products,50,100,40,10,0\n";
  }
  std::ofstream(zero / "Zm.csv")
      << "code,name,AGR,MFG\nAGR,Agriculture,0,0\nMFG,Manufacturing,0,0\n";
  fs::remove(none / "Zm.csv");
  std::ifstream in(none / "model.yaml");
  std::string yaml((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::string line = "  imports_intermediate: Zm.csv\n";
  const std::size_t at = yaml.find(line);
  ASSERT_NE(at, std::string::npos) << "the example model.yaml has no imports_intermediate line";
  std::ofstream(none / "model.yaml") << yaml.erase(at, line.size());

  const PreparedModel with_zeros(LoadModel(zero.string()));
  const PreparedModel without(LoadModel(none.string()));
  EXPECT_TRUE(with_zeros.model().HasIntermediateImports());
  EXPECT_FALSE(without.model().HasIntermediateImports());
  EXPECT_FALSE(without.coefficients().HasImports());
  EXPECT_EQ(0, without.coefficients().imports.size());
  for (const std::string& shocks :
       {std::string("  a: {type: final_demand, sectors: [MFG], change: -0.2}\n"),
        std::string("  a: {type: import_price, change: 0.1}\n"),
        std::string("  a: {type: import_supply, partners: [RUS], share: 0.5}\n")}) {
    const YamlNode tree = ParseYaml("name: t\nshocks:\n" + shocks, "t.yaml");
    const ScenarioResult a =
        Simulate(with_zeros, BuildScenario(tree, "t.yaml", with_zeros.model()));
    const ScenarioResult b = Simulate(without, BuildScenario(tree, "t.yaml", without.model()));
    ASSERT_EQ(a.rows.size(), b.rows.size()) << shocks;
    for (size_t r = 0; r < a.rows.size(); ++r) {
      EXPECT_EQ(a.rows[r].variable, b.rows[r].variable);
      EXPECT_TRUE(RelNear(a.rows[r].value, b.rows[r].value, 1e-12, 1e-12))
          << shocks << a.rows[r].variable << " " << a.rows[r].region << " " << a.rows[r].sector;
    }
    EXPECT_EQ(a.message, b.message);
  }
  fs::remove_all(root);
}

}  // namespace spillover
