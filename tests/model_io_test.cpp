#include "io/model_io.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>

#include "core/error.h"
#include "io/model_check.h"
#include "report/model_report.h"
#include "test_util.h"

namespace spillover {
namespace {

using testing::RelNear;

TEST(ModelIo, LoadsExampleWithLabelsAndKinds) {
  const LoadedModel loaded = LoadModel(testing::ExampleModel());
  const Model& m = loaded.model;
  EXPECT_EQ(2, m.sector_count());
  EXPECT_EQ("USD million", m.unit);
  EXPECT_EQ(std::vector<std::string>({"RUS", "CHN", "ROW"}), m.PartnerCodes());
  EXPECT_EQ(FinalDemandKind::kExports, m.final_demand_kinds[2]);
  EXPECT_EQ(ValueAddedKind::kProductTaxes, m.value_added_kinds[2]);
  EXPECT_DOUBLE_EQ(1650.0, m.GrossValueAdded().sum());
  EXPECT_DOUBLE_EQ(1850.0, m.Gdp());
  EXPECT_DOUBLE_EQ(360.0, m.ImportsByOrigin().sum());
  EXPECT_EQ(4u, loaded.checks.size());
}

TEST(ModelIo, ShippedModelSatisfiesXEqualsLy) {
  const LoadedModel loaded = LoadModel(testing::KazModel());
  EXPECT_EQ(68, loaded.model.sector_count());
  for (const auto& check : loaded.checks) {
    EXPECT_LE(check.worst, 1e-9) << check.name << " at " << check.where;
  }
  EXPECT_LT(loaded.spectral_radius_bound, 1.0);
  // SOURCES.md totals, thousand KZT.
  EXPECT_TRUE(RelNear(133139479452.0, loaded.model.Gdp(), 1e-12));
  EXPECT_TRUE(RelNear(204046929354.0, loaded.model.Output().sum(), 1e-12));
}

TEST(ModelIo, MissingFolderIsAClearError) {
  try {
    LoadModel("/nonexistent/model");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("is not a model folder"), std::string::npos);
  }
}

TEST(ModelIo, DefaultFolderFollowsEnvironment) {
  ::setenv("SPILLOVER_MODEL", "/some/where", 1);
  EXPECT_EQ("/some/where", DefaultModelFolder());
  ::unsetenv("SPILLOVER_MODEL");
  EXPECT_NE(DefaultModelFolder().find("kaz-2024"), std::string::npos);
}

// A two-sector model with households and exports to two partners, written from the given
// CSV texts; each test breaks one check and expects that check to fail.
class ModelCheckTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = ::testing::TempDir() + "/model_check_" +
           ::testing::UnitTest::GetInstance()->current_test_info()->name() + "_" +
           std::to_string(::getpid());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    files_["model.yaml"] =
        "format: 1\nname: m\nyear: 2020\ncurrency: USD\nunit: USD\nregions:\n  - {code: R1}\n"
        "sectors:\n  - {code: S1}\n  - {code: S2}\nfinal_demand:\n  - {code: HH, kind: "
        "households}\n  - {code: EXP, kind: exports}\nvalue_added:\n  - {code: VA, kind: "
        "compensation}\npartners:\n  - {code: P1}\n  - {code: P2}\nfiles:\n  intermediate: "
        "Z.csv\n  final_demand: Y.csv\n  value_added: V.csv\n  imports_intermediate: Zm.csv\n"
        "  import_origin: O.csv\n  exports: E.csv\n";
    files_["Z.csv"] = "code,S1,S2\nS1,100,200\nS2,300,400\n";
    files_["Y.csv"] = "code,HH,EXP\nS1,500,200\nS2,1000,300\n";
    files_["Zm.csv"] = "code,S1,S2\nS1,50,0\nS2,0,100\n";
    files_["V.csv"] = "code,S1,S2,HH,EXP\nVA,550,1300,0,0\n";
    files_["O.csv"] = "code,P1,P2\nS1,0.5,0.5\nS2,1,0\n";
    files_["E.csv"] = "code,P1,P2\nS1,100,100\nS2,300,0\n";
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string Error() {
    for (const auto& [name, text] : files_) std::ofstream(dir_ + "/" + name) << text;
    try {
      const LoadedModel loaded = LoadModel(dir_);
      return "passed: " + FormatModelChecks(loaded);
    } catch (const InputError& e) {
      return e.what();
    } catch (const ModelError& e) {
      return e.what();
    }
  }

  std::string dir_;
  std::map<std::string, std::string> files_;
};

#define EXPECT_HAS(text, part) \
  EXPECT_NE(std::string(text).find(part), std::string::npos) << "message: " << (text)

TEST_F(ModelCheckTest, ValidModelReportsEachResidualAgainstItsTolerance) {
  const std::string report = Error();
  EXPECT_HAS(report, "passed: ");
  EXPECT_HAS(report, "column balance: output = intermediate + imports + value added");
  EXPECT_HAS(report, "worst 0 <= tolerance 1e-06");
  EXPECT_HAS(report, "x = L y reproduces output");
  EXPECT_HAS(report, "spectral radius of A <= 0.425000 (Collatz-Wielandt bound) < 1");
  // The verdict is the last line and says there is nothing else to read.
  EXPECT_HAS(report, "checks passed, no warnings\n");
  EXPECT_EQ(report.size(), report.find(", no warnings\n") + 14) << report;
}

TEST_F(ModelCheckTest, ColumnBalanceFailsOnAResidualAndOnInfinity) {
  files_["V.csv"] = "code,S1,S2,HH,EXP\nVA,551,1300,0,0\n";
  EXPECT_HAS(Error(), "column 'S1': column balance fails");
  // Finite cells whose column sum overflows: the residual is inf, never "ok".
  files_["V.csv"] = "code,S1,S2,HH,EXP\nVA,1e308,1300,0,0\nVB,1e308,0,0,0\n";
  const std::string yaml = files_["model.yaml"];
  files_["model.yaml"].replace(yaml.find("partners:"), 0, "  - {code: VB, kind: other}\n");
  EXPECT_HAS(Error(), "column 'S1': column balance fails");
}

TEST_F(ModelCheckTest, OutputThatOverflowsIsRefused) {
  files_["Z.csv"] = "code,S1,S2\nS1,1e308,1e308\nS2,300,400\n";
  EXPECT_HAS(Error(), "row 'S1': output (row sum of intermediate and final use) is inf");
}

TEST_F(ModelCheckTest, ExportsCheckFailsOnAResidualAndOnInfinity) {
  files_["E.csv"] = "code,P1,P2\nS1,100,101\nS2,300,0\n";
  EXPECT_HAS(Error(), "row 'S1': exports by partner sum to 201");
  files_["E.csv"] = "code,P1,P2\nS1,1e308,1e308\nS2,300,0\n";
  EXPECT_HAS(Error(), "row 'S1': exports by partner sum to inf");
}

TEST_F(ModelCheckTest, ImportOriginCheckFailsOnAResidualAndOnInfinity) {
  files_["O.csv"] = "code,P1,P2\nS1,0.5,0.6\nS2,1,0\n";
  EXPECT_HAS(Error(), "row 'S1': import origin shares sum to 1.1");
  files_["O.csv"] = "code,P1,P2\nS1,1e308,1e308\nS2,1,0\n";
  EXPECT_HAS(Error(), "row 'S1': import origin shares sum to inf");
}

// The productivity check fails on tests/bad_input/models/non_productive (bad-input corpus).

TEST_F(ModelCheckTest, SolveCheckFailsOnAnIllConditionedSystem) {
  // A11 = 1 - 7e-14: x = L y loses about three digits to rounding in I - A.
  files_["Z.csv"] = "code,S1,S2\nS1,999.99999999993,0\nS2,0,100\n";
  files_["Y.csv"] = "code,HH,EXP\nS1,7e-11,0\nS2,900,0\n";
  files_["Zm.csv"] = "code,S1,S2\nS1,0,0\nS2,0,0\n";
  files_["V.csv"] = "code,S1,S2,HH,EXP\nVA,7e-11,900,0,0\n";
  files_["E.csv"] = "code,P1,P2\nS1,0,0\nS2,0,0\n";
  const std::string error = Error();
  EXPECT_HAS(error, "x = L y does not reproduce output: relative residual");
  EXPECT_HAS(error, "tolerance 1e-06");
}

// An importer's check (CheckModelFolder, which keeps no Z) refuses what LoadModel refuses:
// the non-productive model of the bad-input corpus; the example passes.
TEST_F(ModelCheckTest, CheckingAFolderAloneFailsAsLoadingItDoes) {
  const std::string bad = testing::SourceDir() + "/tests/bad_input/models/non_productive";
  try {
    CheckModelFolder(bad);
    ADD_FAILURE() << "a non-productive model passed";
  } catch (const ModelError& e) {
    EXPECT_HAS(std::string(e.what()), "the model is not productive");
  }
  EXPECT_NO_THROW(CheckModelFolder(testing::ExampleModel()));
}

}  // namespace
}  // namespace spillover
