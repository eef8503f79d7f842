#include "io/model_io.h"

#include <gtest/gtest.h>

#include "core/error.h"
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

}  // namespace
}  // namespace spillover
