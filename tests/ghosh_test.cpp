// The Ghosh inverse and output supply multipliers against Miller & Blair (2009) section
// 12.1, against G = (I - B)^-1 formed explicitly, and against the forward linkages.
#include "engine/ghosh.h"

#include <gtest/gtest.h>

#include <Eigen/LU>

#include "engine/analysis.h"
#include "io/importers/pymrio.h"
#include "io/model_io.h"
#include "test_util.h"

namespace spillover {
namespace {

using testing::MatrixRelNear;

// G by its definition: B = diag(x)^-1 Z, G = (I - B)^-1 (eq. 12.6), by a dense inverse.
Matrix ExplicitGhosh(const Model& model) {
  const Vector x = ComputeCoefficients(model).output;
  const Matrix b = x.cwiseInverse().asDiagonal() * model.intermediate;
  return (Matrix::Identity(x.size(), x.size()) - b).inverse();
}

TEST(Ghosh, InverseMatchesTextbook) {
  // Miller & Blair section 12.1, two-sector example: G = [1.2541 0.6601; 0.1320 1.1221].
  const LoadedModel loaded = LoadModel(testing::ExampleModel());
  const Matrix g = GhoshInverse(*loaded.solver, loaded.coefficients.output);
  const Matrix published = (Matrix(2, 2) << 1.2541, 0.6601, 0.1320, 1.1221).finished();
  EXPECT_TRUE(MatrixRelNear(published, g, 0.0, 5e-5));
  EXPECT_TRUE(MatrixRelNear(ExplicitGhosh(loaded.model), g, 1e-12));
}

TEST(Ghosh, MultipliersAreRowSumsOfGAndB) {
  for (const std::string& folder : {testing::ExampleModel(), testing::KazModel()}) {
    const LoadedModel loaded = LoadModel(folder);
    const GhoshMultipliers m =
        ComputeGhoshMultipliers(loaded.model, loaded.coefficients, *loaded.solver);
    const Matrix g = ExplicitGhosh(loaded.model);
    EXPECT_TRUE(MatrixRelNear(g.rowwise().sum(), m.total, 1e-9)) << folder;
    const Vector x = loaded.coefficients.output;
    const Vector b_rows =
        (x.cwiseInverse().asDiagonal() * loaded.model.intermediate).rowwise().sum();
    EXPECT_TRUE(MatrixRelNear(b_rows, m.direct, 1e-12)) << folder;
    // `multipliers --ghosh` and the forward linkages of `analyse linkages` agree.
    const Linkages linkages = ComputeLinkages(loaded.coefficients, *loaded.solver);
    EXPECT_TRUE(MatrixRelNear(linkages.forward_total, m.total, 1e-12)) << folder;
    EXPECT_EQ(1, m.by_region.cols());
  }
}

TEST(Ghosh, TextbookMultipliers) {
  // Row sums of the published G: 1.2541 + 0.6601 and 0.1320 + 1.1221.
  const LoadedModel loaded = LoadModel(testing::ExampleModel());
  const GhoshMultipliers m =
      ComputeGhoshMultipliers(loaded.model, loaded.coefficients, *loaded.solver);
  EXPECT_TRUE(MatrixRelNear((Vector(2) << 1.9142, 1.2541).finished(), m.total, 0.0, 1e-4));
}

TEST(Ghosh, ByRegionSplitsTheRowSumsOfGByColumnBlock) {
  // pymrio's small two-region test system (tests/data/pymrio_small).
  const Model model = ImportPymrio(testing::SourceDir() + "/tests/data/pymrio_small").model;
  ASSERT_GT(model.region_count(), 1);
  const Coefficients c = ComputeCoefficients(model);
  const LeontiefSolver solver(c.technical);
  const GhoshMultipliers m = ComputeGhoshMultipliers(model, c, solver);
  const Matrix g = ExplicitGhosh(model);
  const Index per = model.sectors_per_region();
  ASSERT_EQ(model.region_count(), m.by_region.cols());
  for (Index r = 0; r < model.region_count(); ++r) {
    const Vector expected = g.middleCols(r * per, per).rowwise().sum();
    EXPECT_TRUE(MatrixRelNear(expected, m.by_region.col(r), 1e-10)) << "region " << r;
  }
  EXPECT_TRUE(MatrixRelNear(g.rowwise().sum(), m.total, 1e-10));
  EXPECT_TRUE(MatrixRelNear(g, GhoshInverse(solver, c.output), 1e-10));
}

}  // namespace
}  // namespace spillover
