// The ICIO and pymrio importers and the pymrio exporter.
#include <gtest/gtest.h>

#include <filesystem>

#include "core/error.h"
#include "engine/analysis.h"
#include "engine/leontief.h"
#include "io/importers/icio.h"
#include "io/importers/pymrio.h"
#include "io/model_io.h"
#include "io/model_write.h"
#include "test_util.h"

namespace spillover {
namespace {

using testing::MatrixRelNear;
using testing::RelNear;

std::string PymrioSmall() { return testing::SourceDir() + "/tests/data/pymrio_small"; }

std::string TempDir(const std::string& name) {
  const auto dir = std::filesystem::temp_directory_path() /
                   ("spillover_importers_" + name + "_" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  return dir.string();
}

// pymrio's tests/test_math.py, td_small_MRIO: 2 regions × 3 sectors.
TEST(PymrioImport, SmallMrioIsATwoRegionModel) {
  const Model m = ImportPymrio(PymrioSmall()).model;
  ASSERT_EQ(m.regions.size(), 2u);
  EXPECT_EQ(m.regions[1].code, "reg2");
  ASSERT_EQ(m.sector_count(), 6);
  EXPECT_EQ(m.sectors[3].code, "reg2:sector1");
  EXPECT_EQ(m.final_demand[1].code, "reg2:final demand");
  const Vector x = m.Output();
  const double expected_x[] = {51, 15, 58, 50, 52, 39};
  for (Index i = 0; i < 6; ++i) EXPECT_TRUE(RelNear(expected_x[i], x(i), 1e-15)) << i;
}

TEST(PymrioImport, LeontiefMultipliersAndFootprintsMatchThePeer) {
  const Model m = ImportPymrio(PymrioSmall()).model;
  const Coefficients c = ComputeCoefficients(m);
  const LeontiefSolver solver(c.technical);
  // First row of L (pymrio's td_small_MRIO.L).
  const Vector e1 = Vector::Unit(6, 0);
  const Vector l_row = solver.SolveTransposed(e1);
  const double expected_l[] = {1.3387146304736708,  0.9689762471208287, 0.05036622549592462,
                               0.17820960407435948, 0.5752019383714646, 0.4985179148178926};
  for (Index j = 0; j < 6; ++j) EXPECT_TRUE(RelNear(expected_l[j], l_row(j), 1e-12)) << j;
  // Satellite multipliers M = S L (pymrio's calc_M), from the multipliers command's code.
  const Multipliers mult = ComputeMultipliers(m, c, solver);
  Matrix expected_m(2, 6);
  expected_m << 0.896638324101429, 1.7965474933011258, 1.1666796580507097, 0.3013124703668342,
      1.4371886818255364, 0.7177624711634629, 0.3004620527704837, 0.9052387706892087,
      0.311411003349379, 0.23778766312079253, 0.5331560745059157, 0.6031791628984159;
  EXPECT_TRUE(MatrixRelNear(expected_m, mult.satellites_type1, 1e-12));
  // Consumption-based accounts D_cba (pymrio's calc_accounts): the footprint of each
  // region's final demand for each sector's products, wherever they are made.
  Matrix y_diag = Matrix::Zero(6, 6);
  for (Index i = 0; i < 6; ++i) {
    for (Index r = 0; r < 2; ++r) y_diag(i, r * 3 + i % 3) = m.final_use(i, r);
  }
  const Matrix d_cba = c.satellites * solver.SolveMany(y_diag);
  Matrix expected_d(2, 6);
  expected_d << 14.059498889254174, 18.863255551508175, 17.32012296814962, 8.71616437964097,
      18.863255551508175, 14.17770265993889, 5.395407054390734, 7.594657671782178,
      5.857880532237175, 5.657139420727301, 7.594657671782178, 7.900257649080434;
  EXPECT_TRUE(MatrixRelNear(expected_d, d_cba, 1e-12));
}

TEST(PymrioImport, ColumnGapsGoIntoTheResidualRow) {
  const Model m = ImportPymrio(PymrioSmall()).model;
  const auto residual = m.ValueAddedOfKind(ValueAddedKind::kResidual);
  ASSERT_EQ(residual.size(), 1u);
  // Column 1: x = 51, intermediate inputs 10 + 0 + 10 + 5 + 0 + 5 = 30.
  EXPECT_EQ(m.primary_inputs(residual[0], 0), 21.0);
  EXPECT_EQ(m.GrossValueAdded().sum(), 0.0);  // the residual is no part of GVA
}

TEST(PymrioRoundTrip, ExportThenImportGivesTheModelBackExactly) {
  const Model first = ImportPymrio(PymrioSmall()).model;
  const std::string dir = TempDir("roundtrip");
  ExportPymrio(first, dir);
  const Model second = ImportPymrio(dir).model;
  std::filesystem::remove_all(dir);
  EXPECT_EQ(first.SectorCodes(), second.SectorCodes());
  EXPECT_EQ(first.CategoryCodes(), second.CategoryCodes());
  EXPECT_EQ(first.ValueAddedCodes(), second.ValueAddedCodes());
  EXPECT_EQ(first.satellite_units, second.satellite_units);
  EXPECT_TRUE(first.intermediate == second.intermediate);
  EXPECT_TRUE(first.final_use == second.final_use);
  EXPECT_TRUE(first.primary_inputs == second.primary_inputs);
  EXPECT_TRUE(first.satellite_values == second.satellite_values);
  EXPECT_EQ(first.currency, second.currency);
  EXPECT_EQ(first.final_demand_kinds, second.final_demand_kinds);
}

TEST(PymrioRoundTrip, TheShippedExampleSurvivesAsAModelFolder) {
  // Model folder -> pymrio -> model folder -> loader: the same numbers to the last digit.
  LoadedModel loaded = LoadModel(testing::ExampleModel());
  Model& m = loaded.model;
  const Vector imports = m.imports_intermediate.colwise().sum().transpose();
  m.imports_intermediate.setZero();  // pymrio's format has no exogenous imports
  m.imports_final.setZero();
  m.exports.setZero();
  const std::string pymrio_dir = TempDir("example_pymrio");
  const std::string model_dir = TempDir("example_model");
  ExportPymrio(m, pymrio_dir);
  WriteModelFolder(ImportPymrio(pymrio_dir).model, model_dir);
  const LoadedModel back = LoadModel(model_dir);
  std::filesystem::remove_all(pymrio_dir);
  std::filesystem::remove_all(model_dir);
  EXPECT_TRUE(m.intermediate == back.model.intermediate);
  EXPECT_TRUE(m.final_use == back.model.final_use);
  const Index k = static_cast<Index>(m.value_added.size());
  EXPECT_TRUE(m.primary_inputs == back.model.primary_inputs.topRows(k));
  // The imports left out come back as the residual: the columns still balance.
  ASSERT_EQ(back.model.value_added_kinds.back(), ValueAddedKind::kResidual);
  EXPECT_TRUE(MatrixRelNear(imports, back.model.primary_inputs.row(k).head(2).transpose(), 1e-12));
}

const char* kSmallIcio =
    "V1,KAZ_A01,KAZ_B06,CN1_A01,CN1_B06,CN2_A01,CN2_B06,KAZ_HFCE,KAZ_NPISH,KAZ_GGFC,KAZ_GFCF,"
    "KAZ_INVNT,KAZ_DPABR,CHN_HFCE,CHN_NPISH,CHN_GGFC,CHN_GFCF,CHN_INVNT,CHN_DPABR,OUT\n"
    "KAZ_A01,1,2,0.5,0.5,0,0,10,0,0,0,-2,0,1,0,0,0,0,0,13.1\n"
    "KAZ_B06,3,4,1,0,1,0,0,0,0,20,0,0,2,0,0,0,0,0,31\n"
    "CN1_A01,0,1,2,1,1,1,0,0,0,0,0,0,15,0,0,0,0,0,21\n"
    "CN1_B06,1,0,1,2,0,1,0,0,0,0,0,0,0,0,0,30,0,0,36\n"
    "CN2_A01,0,0,1,0,2,1,0,0,0,0,0,0,8,0,0,0,0,0,12\n"
    "CN2_B06,0,1,0,1,1,2,0,0,0,0,0,0,0,0,0,9,0,0,14\n"
    "TLS,0.5,0.5,0.5,0.5,0.5,0.5,1,0,0,0,0,0,1,0,0,0,0,0,0\n"
    "VA,7,-1,15,30,8,10,0,0,0,0,0,0,0,0,0,0,0,0,0\n"
    "OUT,13,31,21,36,12,14,0,0,0,0,0,0,0,0,0,0,0,0,0\n";

TEST(IcioImport, MergesChinaAndTakesOutputAsRowSums) {
  IcioOptions options;
  options.file = "small_2022.csv";
  const IcioImport imported = ImportIcioText(kSmallIcio, options);
  const Model& m = imported.model;
  EXPECT_EQ(m.year, 2022);
  ASSERT_EQ(m.regions.size(), 2u);
  EXPECT_EQ(m.regions[1].code, "CHN");
  ASSERT_EQ(m.SectorCodes(),
            (std::vector<std::string>{"KAZ:A01", "KAZ:B06", "CHN:A01", "CHN:B06"}));
  ASSERT_EQ(m.category_count(), 12);
  const Vector x = m.Output();
  // KAZ:A01 row: 1 + 2 + 0.5 + 0.5 + 10 - 2 + 1 = 13 (a negative inventory change).
  EXPECT_EQ(x(0), 13.0);
  // CHN:A01 = CN1_A01 + CN2_A01 rows: 21 + 12.
  EXPECT_EQ(x(2), 33.0);
  // CN1 and CN2 columns merge too: CHN:A01 buys KAZ:A01 for 0.5 + 0.
  EXPECT_EQ(m.intermediate(0, 2), 0.5);
  // A negative value added is kept; the column gap goes into the residual row.
  EXPECT_EQ(m.primary_inputs(1, 1), -1.0);
  const Vector gap = x - m.intermediate.colwise().sum().transpose() -
                     m.primary_inputs.topRows(2).leftCols(4).colwise().sum().transpose();
  EXPECT_TRUE(MatrixRelNear(gap, m.primary_inputs.row(2).head(4).transpose(), 1e-15, 1e-15));
  EXPECT_EQ(m.final_demand_kinds[4], FinalDemandKind::kInventories);
  EXPECT_EQ(m.value_added_kinds[0], ValueAddedKind::kProductTaxes);
}

TEST(IcioImport, AggregatesCountriesWithAMapping) {
  const RegionMapping mapping =
      ParseRegionMapping("country,region,region_name\nKAZ,KAZ,Kazakhstan\n*,ROW,Rest\n", "map.csv");
  IcioOptions options;
  options.file = "t.csv";
  options.year = 2020;
  options.mapping = &mapping;
  const Model m = ImportIcioText(kSmallIcio, options).model;
  EXPECT_EQ(m.regions[1].code, "ROW");
  EXPECT_EQ(m.regions[1].name, "Rest");
  EXPECT_EQ(m.Output()(2), 33.0);
}

std::string ErrorOf(const std::string& text, const RegionMapping* mapping = nullptr) {
  IcioOptions options;
  options.file = "bad_2022.csv";
  options.mapping = mapping;
  try {
    ImportIcioText(text, options);
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

TEST(IcioImport, BadInputNamesFileRowAndColumn) {
  std::string text = kSmallIcio;
  EXPECT_NE(ErrorOf(text.replace(text.find("CN1_B06,1,0"), 7, "CN1B06"))
                .find("bad_2022.csv:5:1: row 'CN1B06': the label has no '_'"),
            std::string::npos);
  text = kSmallIcio;
  EXPECT_NE(
      ErrorOf(text.replace(text.find("3,4,1,0"), 1, "x"))
          .find("bad_2022.csv:3:2: row 'KAZ_B06', column 'KAZ_A01': 'x' is not a finite number"),
      std::string::npos);
  text = kSmallIcio;
  EXPECT_NE(ErrorOf(text.replace(text.find(",13.1"), 5, ""))
                .find("bad_2022.csv:2: row 'KAZ_A01': the row has 19 fields; the header has 20"),
            std::string::npos);
  const RegionMapping mapping = ParseRegionMapping("KAZ,KAZ\nRUS,RUS\n*,ROW\n", "map.csv");
  EXPECT_NE(ErrorOf(kSmallIcio, &mapping)
                .find("map.csv:2:1: country 'RUS': the country is not in "
                      "bad_2022.csv"),
            std::string::npos);
  const RegionMapping partial = ParseRegionMapping("KAZ,KAZ\n", "map.csv");
  EXPECT_NE(ErrorOf(kSmallIcio, &partial).find("country 'CHN' is not in the mapping map.csv"),
            std::string::npos);
  EXPECT_NE(ErrorOf("").find("the file is empty"), std::string::npos);
  EXPECT_NE(ErrorOf("a,b\n").find("expected a header"), std::string::npos);
}

TEST(IcioImport, WrittenFolderLoadsBackWithTheSameNumbers) {
  IcioOptions options;
  options.file = "small_2022.csv";
  options.focus = "KAZ";
  const Model m = ImportIcioText(kSmallIcio, options).model;
  const std::string dir = TempDir("icio_folder");
  WriteModelFolder(m, dir);
  const LoadedModel back = LoadModel(dir);
  std::filesystem::remove_all(dir);
  EXPECT_EQ(back.model.focus, "KAZ");
  EXPECT_TRUE(back.model.intermediate == m.intermediate);
  EXPECT_TRUE(back.model.final_use == m.final_use);
  EXPECT_TRUE(back.model.primary_inputs == m.primary_inputs);
  EXPECT_EQ(back.model.sectors[3].name, m.sectors[3].name);
}

}  // namespace
}  // namespace spillover
