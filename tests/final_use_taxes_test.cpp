// Net taxes on final use by product (files.final_use_taxes): loading and its check, the
// model-wide totals, and the export duty that follows the exports of the product it is
// levied on. References: BNS table 5 (the crude-oil export duty), the column form it
// replaces, and the zero-shock and totals invariants.
#include "io/final_use_taxes.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "core/error.h"
#include "engine/leontief.h"
#include "run/simulate.h"
#include "test_util.h"

namespace spillover {
namespace {

using testing::RelNear;

// BNS table 5, row 061 (crude petroleum), column P6: net taxes on crude exports, thousand
// KZT (shared/data/kz-io-2024/t05_net_taxes_on_products.csv); and the whole P6 column.
constexpr double kCrudeExportDuty = 2097370870.0;
constexpr double kTaxesOnExports = 2328205638.0;

ScenarioResult RunShocks(const PreparedModel& p, const std::string& shocks) {
  const YamlNode root = ParseYaml("name: t\nshocks:\n" + shocks, "t.yaml");
  return Simulate(p, BuildScenario(root, "t.yaml", p.model()));
}

double Change(const ScenarioResult& r, const std::string& variable, const std::string& sector) {
  const ResultRow* row = r.Find(variable, "KAZ", sector);
  EXPECT_NE(nullptr, row) << variable << " " << sector;
  return row ? row->Change() : 0.0;
}

// The change in the taxes on final use: all net product taxes less those on intermediate
// inputs, which follow output at the base coefficients.
double FinalUseTaxChange(const PreparedModel& p, const ScenarioResult& r) {
  const std::vector<std::string> codes = p.model().SectorCodes();
  double on_inputs = 0.0;
  for (size_t j = 0; j < codes.size(); ++j) {
    on_inputs +=
        p.coefficients().product_taxes(static_cast<Index>(j)) * Change(r, "output", codes[j]);
  }
  return Change(r, "net_product_taxes", "ALL") - on_inputs;
}

class FinalUseTaxes : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    Model by_product = LoadModel(testing::KazModel()).model;
    Model columns = by_product;
    columns.final_use_taxes.resize(0, 0);  // the fallback: the final-use columns of V only
    by_product_ = new PreparedModel(std::move(by_product));
    columns_ = new PreparedModel(std::move(columns));
  }
  static void TearDownTestSuite() {
    delete by_product_;
    delete columns_;
  }
  static PreparedModel* by_product_;
  static PreparedModel* columns_;
};
PreparedModel* FinalUseTaxes::by_product_ = nullptr;
PreparedModel* FinalUseTaxes::columns_ = nullptr;

TEST_F(FinalUseTaxes, ShippedModelSplitsTheColumnsOfVExactly) {
  const Model& m = by_product_->model();
  ASSERT_EQ(m.sector_count(), m.final_use_taxes.rows());
  ASSERT_EQ(m.category_count(), m.final_use_taxes.cols());
  const RowVector columns = m.ProductTaxes().tail(m.category_count());
  for (Index f = 0; f < m.category_count(); ++f) {
    EXPECT_EQ(columns(f), m.final_use_taxes.col(f).sum()) << m.final_demand[f].code;
  }
  const Index p6 = m.CategoriesOfKind(FinalDemandKind::kExports).front();
  EXPECT_EQ(kTaxesOnExports, columns(p6));
  Index crude = 0;
  while (m.sectors[static_cast<size_t>(crude)].code != "061") ++crude;
  EXPECT_EQ(kCrudeExportDuty, m.final_use_taxes(crude, p6));
  // Model-wide totals are those of the column form.
  EXPECT_EQ(columns_->model().Gdp(), m.Gdp());
  EXPECT_EQ(columns_->model().ProductTaxes().sum(), m.ProductTaxes().sum());
}

TEST_F(FinalUseTaxes, ZeroShockChangesNothing) {
  // The solve of a zero change leaves only rounding (as in SimulateTest's zero shock); the
  // taxes on final use change by exactly zero.
  const ScenarioResult r =
      RunShocks(*by_product_, "  a: {type: exports, products: [\"061\"], change: 0}\n");
  ASSERT_FALSE(r.rows.empty());
  for (const ResultRow& row : r.rows) {
    EXPECT_LE(std::fabs(row.Change()), 1e-9 * std::max(1.0, std::fabs(row.baseline)))
        << row.variable << " " << row.region << " " << row.sector;
  }
  EXPECT_LE(std::fabs(FinalUseTaxChange(*by_product_, r)), 1e-9 * kTaxesOnExports);
}

TEST_F(FinalUseTaxes, CrudeExportCutCutsTheCrudeExportDutyInProportion) {
  const std::string cut = "  a: {type: exports, products: [\"061\"], change: -0.1}\n";
  const ScenarioResult r = RunShocks(*by_product_, cut);
  // By product: 10% of the crude export duty, and the other products' export taxes stay.
  EXPECT_TRUE(RelNear(-0.1 * kCrudeExportDuty, FinalUseTaxChange(*by_product_, r), 1e-9));
  // The column form scales all taxes on exports by the fall of the whole exports column.
  const Model& m = columns_->model();
  const Index p6 = m.CategoriesOfKind(FinalDemandKind::kExports).front();
  Index crude = 0;
  while (m.sectors[static_cast<size_t>(crude)].code != "061") ++crude;
  const double column_share = m.final_use(crude, p6) / m.final_use.col(p6).sum();
  const ScenarioResult c = RunShocks(*columns_, cut);
  EXPECT_TRUE(
      RelNear(-0.1 * column_share * kTaxesOnExports, FinalUseTaxChange(*columns_, c), 1e-9));
  // Output, value added and trade are the same in both; only the tax term (and GDP) differ.
  EXPECT_TRUE(RelNear(Change(c, "gva", "ALL"), Change(r, "gva", "ALL"), 1e-12));
  EXPECT_TRUE(RelNear(Change(c, "gdp", "ALL") - FinalUseTaxChange(*columns_, c) +
                          FinalUseTaxChange(*by_product_, r),
                      Change(r, "gdp", "ALL"), 1e-12));
  std::cout << "10% cut of crude exports: export-tax term " << FinalUseTaxChange(*by_product_, r)
            << " by product vs " << FinalUseTaxChange(*columns_, c)
            << " in the column form (thousand KZT; crude share of exports " << column_share
            << ")\n";
}

// A table whose column does not add up to V's is refused, naming the file and column.
TEST(FinalUseTaxesFile, ColumnsMustAddUpToV) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::path(::testing::TempDir()) / "spillover-final-use-taxes";
  fs::remove_all(dir);
  fs::create_directories(dir);
  for (const auto& entry : fs::directory_iterator(testing::ExampleModel())) {
    fs::copy_file(entry.path(), dir / entry.path().filename());
  }
  std::ifstream in(dir / "model.yaml");
  std::string yaml((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::string files = "files:\n";
  yaml.insert(yaml.find(files) + files.size(), "  final_use_taxes: T.csv\n");
  std::ofstream(dir / "model.yaml") << yaml;
  // V.csv holds 40 (HH), 10 (GOV), 0 (EXP) on final use.
  std::ofstream(dir / "T.csv") << "code,name,HH,GOV,EXP\nAGR,Agriculture,15,0,0\n"
                                  "MFG,Manufacturing,25,10,0\n";
  const LoadedModel ok = LoadModel(dir.string());
  EXPECT_EQ(15.0, ok.model.final_use_taxes(0, 0));
  std::ofstream(dir / "T.csv") << "code,name,HH,GOV,EXP\nAGR,Agriculture,15,0,0\n"
                                  "MFG,Manufacturing,20,10,0\n";
  try {
    LoadModel(dir.string());
    ADD_FAILURE() << "a column summing to 35 instead of 40 was accepted";
  } catch (const InputError& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("T.csv"), std::string::npos) << what;
    EXPECT_NE(what.find("column 'HH'"), std::string::npos) << what;
    EXPECT_NE(what.find("sum to 35"), std::string::npos) << what;
    EXPECT_NE(what.find("hold 40"), std::string::npos) << what;
  }
  fs::remove_all(dir);
}

}  // namespace
}  // namespace spillover
