// The engine against Miller & Blair (2009), chapter 2 (two-sector example, table 2.3),
// chapter 12 (Ghosh) and independent dense references.
#include "engine/leontief.h"

#include <gtest/gtest.h>

#include <Eigen/LU>
#include <random>

#include "core/error.h"
#include "engine/analysis.h"
#include "io/model_io.h"
#include "test_util.h"

namespace spillover {
namespace {

using testing::MatrixRelNear;
using testing::RelNear;

Matrix TextbookZ() { return (Matrix(2, 2) << 150, 500, 200, 100).finished(); }
Vector TextbookX() { return (Vector(2) << 1000, 2000).finished(); }
Matrix TextbookA() { return (Matrix(2, 2) << 0.15, 0.25, 0.20, 0.05).finished(); }

TEST(Leontief, TechnicalCoefficientsMatchTextbook) {
  const Model model = LoadModel(testing::ExampleModel()).model;
  const Coefficients c = ComputeCoefficients(model);
  EXPECT_TRUE(MatrixRelNear(TextbookA(), c.technical, 1e-12));
  EXPECT_TRUE(RelNear(1000, c.output(0), 1e-12));
  EXPECT_TRUE(RelNear(2000, c.output(1), 1e-12));
}

TEST(Leontief, InverseMatchesTextbook) {
  // Miller & Blair eq. 2.13: L = [1.2541 0.3300; 0.2640 1.1221] (four decimals printed).
  const LeontiefSolver solver(TextbookA());
  const Matrix published = (Matrix(2, 2) << 1.2541, 0.3300, 0.2640, 1.1221).finished();
  // Printed to four decimals: half a unit in the last place.
  EXPECT_TRUE(MatrixRelNear(published, solver.Inverse(), 0.0, 5e-5));
}

TEST(Leontief, NewFinalDemandGivesTextbookOutput) {
  // Section 2.3.1: f_new = (600, 1500) gives x_new = (1247.52, 1841.58).
  const LeontiefSolver solver(TextbookA());
  const Vector x = solver.Solve((Vector(2) << 600, 1500).finished());
  EXPECT_TRUE(RelNear(1247.52, x(0), 1e-5));
  EXPECT_TRUE(RelNear(1841.58, x(1), 1e-5));
}

TEST(Leontief, OutputMultipliersMatchTextbook) {
  // Section 6.2.1: simple output multipliers are the column sums of L; with
  // L = (1/0.7575)[0.95 0.25; 0.2 0.85] they are 1.15/0.7575 and 1.10/0.7575.
  const Model model = LoadModel(testing::ExampleModel()).model;
  const Coefficients c = ComputeCoefficients(model);
  const LeontiefSolver solver(c.technical);
  const Multipliers m = ComputeMultipliers(model, c, solver);
  EXPECT_TRUE(RelNear(1.15 / 0.7575, m.output_type1(0), 1e-12));
  EXPECT_TRUE(RelNear(1.10 / 0.7575, m.output_type1(1), 1e-12));
  EXPECT_TRUE(RelNear(1.5182, m.output_type1(0), 0.0, 5e-5));
  EXPECT_TRUE(RelNear(1.4521, m.output_type1(1), 0.0, 5e-5));
}

TEST(Leontief, SolveEqualsExplicitInverseTimesDemand) {
  const Matrix a = (Matrix(3, 3) << 0.1, 0.3, 0.0, 0.2, 0.1, 0.4, 0.05, 0.2, 0.1).finished();
  const LeontiefSolver solver(a);
  const Matrix demands = (Matrix(3, 2) << 10, -3, 20, 5, 5, 7).finished();
  const Matrix reference = (Matrix::Identity(3, 3) - a).inverse() * demands;
  EXPECT_TRUE(MatrixRelNear(reference, solver.SolveMany(demands), 1e-12, 1e-12));
  EXPECT_TRUE(MatrixRelNear(reference.col(0), solver.Solve(demands.col(0)), 1e-12, 1e-12));
  const Matrix transposed = (Matrix::Identity(3, 3) - a).transpose().inverse() * demands;
  EXPECT_TRUE(MatrixRelNear(transposed, solver.SolveTransposedMany(demands), 1e-12, 1e-12));
}

TEST(Leontief, SizeMismatchIsReported) {
  const LeontiefSolver solver(TextbookA());
  try {
    solver.Solve(Vector::Ones(3));
    FAIL() << "expected a ModelError";
  } catch (const ModelError& e) {
    EXPECT_NE(std::string(e.what()).find("expected 2 rows, got 3"), std::string::npos) << e.what();
  }
}

// Refactorising into the solver's own storage must give the same factors, bit for bit,
// as a solver built afresh on the new coefficients.
TEST(Leontief, RefactoriseEqualsAFreshSolver) {
  const Matrix a = (Matrix(3, 3) << 0.1, 0.3, 0.0, 0.2, 0.1, 0.4, 0.05, 0.2, 0.1).finished();
  const Matrix b = 0.5 * a + 0.1 * Matrix::Ones(3, 3);
  const Matrix demands = (Matrix(3, 2) << 10, -3, 20, 5, 5, 7).finished();
  LeontiefSolver reused(a);
  reused.Refactorise(b);
  const LeontiefSolver fresh(b);
  const Matrix expected = fresh.SolveMany(demands);
  EXPECT_EQ(expected, reused.SolveMany(demands));
  Matrix into(3, 2);
  reused.SolveManyInto(demands, into);
  EXPECT_EQ(expected, into);
  EXPECT_EQ(fresh.ReciprocalCondition(), reused.ReciprocalCondition());
  const Matrix reference = (Matrix::Identity(3, 3) - b).inverse() * demands;
  EXPECT_TRUE(MatrixRelNear(reference, into, 1e-12, 1e-12));
}

TEST(Leontief, RefactoriseChecksSizesAndSingularity) {
  LeontiefSolver solver(TextbookA());
  try {
    solver.Refactorise(Matrix::Zero(3, 3));
    FAIL() << "expected a ModelError";
  } catch (const ModelError& e) {
    EXPECT_NE(std::string(e.what()).find("expected 2 rows, got 3"), std::string::npos) << e.what();
  }
  Matrix wrong(2, 3);
  try {
    solver.SolveManyInto(Matrix::Ones(2, 2), wrong);
    FAIL() << "expected a ModelError";
  } catch (const ModelError& e) {
    EXPECT_NE(std::string(e.what()).find("expected 2 x 2, got 2 x 3"), std::string::npos)
        << e.what();
  }
  const Matrix singular = (Matrix(2, 2) << 0.5, 0.5, 0.5, 0.5).finished();
  EXPECT_THROW(solver.Refactorise(singular), ModelError);
  try {
    solver.Solve(Vector::Ones(2));
    FAIL() << "a solve after a failed refactorisation must throw";
  } catch (const ModelError& e) {
    EXPECT_NE(std::string(e.what()).find("no factors"), std::string::npos) << e.what();
  }
}

TEST(Leontief, SingularSystemIsRejected) {
  const Matrix a = (Matrix(2, 2) << 0.5, 0.5, 0.5, 0.5).finished();  // I - A singular
  EXPECT_THROW(LeontiefSolver{a}, ModelError);
}

TEST(Leontief, NonProductiveModelIsRejected) {
  // Column sums above 1: spectral radius 1.2.
  const Matrix a = (Matrix(2, 2) << 0.6, 0.6, 0.6, 0.6).finished();
  const LeontiefSolver solver(a);
  EXPECT_THROW(CheckProductive(solver, {"A", "B"}), ModelError);
}

TEST(Leontief, ProductiveBoundIsAboveSpectralRadius) {
  const LeontiefSolver solver(TextbookA());
  // Eigenvalues of A are 0.1 ± sqrt(0.0025 + 0.05) -> spectral radius 0.32913.
  const double bound = CheckProductive(solver, {"AGR", "MFG"});
  EXPECT_GE(bound, 0.32913);
  EXPECT_LT(bound, 1.0);
}

TEST(Ghosh, ReproducesBaseOutputAndTextbookInverse) {
  // Miller & Blair section 12.1: B = diag(x)^-1 Z, G = (I - B)^-1 =
  // [1.2541 0.6601; 0.1320 1.1221]; with the base primary inputs x' = w' G.
  const Vector x = TextbookX();
  const LeontiefSolver solver(TextbookA());
  const Vector primary = (Vector(2) << 650, 1400).finished();
  const Vector base = GhoshOutput(solver, x, primary);
  EXPECT_TRUE(RelNear(1000, base(0), 1e-12));
  EXPECT_TRUE(RelNear(2000, base(1), 1e-12));

  const Matrix b = x.cwiseInverse().asDiagonal() * TextbookZ();
  const Matrix g = (Matrix::Identity(2, 2) - b).inverse();
  const Matrix published = (Matrix(2, 2) << 1.2541, 0.6601, 0.1320, 1.1221).finished();
  EXPECT_TRUE(MatrixRelNear(published, g, 0.0, 5e-5));
  const Vector shocked = (Vector(2) << 700, 1400).finished();
  const Vector expected = (shocked.transpose() * g).transpose();
  EXPECT_TRUE(MatrixRelNear(expected, GhoshOutput(solver, x, shocked), 1e-12));
}

TEST(Ghosh, SameOutputAsLeontiefForTheSameBase) {
  const Model model = LoadModel(testing::KazModel()).model;
  const Coefficients c = ComputeCoefficients(model);
  const LeontiefSolver solver(c.technical);
  const Vector x = c.output;
  const Vector primary = x - model.intermediate.colwise().sum().transpose();
  EXPECT_TRUE(MatrixRelNear(x, GhoshOutput(solver, x, primary), 1e-9, 1e-6));
  EXPECT_TRUE(MatrixRelNear(x, solver.Solve(model.final_use.rowwise().sum()), 1e-9, 1e-6));
}

TEST(Prices, UnchangedCostsGivePricesOfOne) {
  for (const std::string& folder : {testing::ExampleModel(), testing::KazModel()}) {
    const Model model = LoadModel(folder).model;
    const Coefficients c = ComputeCoefficients(model);
    const LeontiefSolver solver(c.technical);
    // Cost per unit of output other than domestic inputs: imports + all primary inputs.
    Vector cost = c.ImportsPerUnit();
    cost += (model.primary_inputs.leftCols(model.sector_count()).colwise().sum().transpose())
                .cwiseProduct(c.output.cwiseInverse());
    const Vector p = CostPushPrices(solver, cost);
    for (Index j = 0; j < p.size(); ++j) {
      if (c.output(j) == 0.0) continue;  // an empty sector has no cost structure
      EXPECT_TRUE(RelNear(1.0, p(j), 1e-9)) << folder << " sector " << j;
    }
  }
}

TEST(Prices, TextbookCostPush) {
  // Section 2.6: p' = v' L. A 10% rise in sector 1's value-added coefficient (0.65 -> 0.715)
  // raises prices by 0.065 * L row 1 = (0.081518, 0.021452).
  const LeontiefSolver solver(TextbookA());
  const Vector v = (Vector(2) << 0.715, 0.70).finished();
  const Vector p = CostPushPrices(solver, v);
  EXPECT_TRUE(RelNear(1.0 + 0.065 * 0.95 / 0.7575, p(0), 1e-12));
  EXPECT_TRUE(RelNear(1.0 + 0.065 * 0.25 / 0.7575, p(1), 1e-12));
}

Multipliers MultipliersOf(const std::string& folder) {
  const Model model = LoadModel(folder).model;
  const Coefficients c = ComputeCoefficients(model);
  const LeontiefSolver solver(c.technical);
  return ComputeMultipliers(model, c, solver);
}

// Independent reference: the closed 3x3 matrix of the example model built by hand and
// inverted. Households: compensation (300, 500) per output (1000, 2000); consumption
// (200, 1000) per total compensation 800.
Matrix ExampleClosedInverse() {
  Matrix closed(3, 3);
  closed << 0.15, 0.25, 200.0 / 800, 0.20, 0.05, 1000.0 / 800, 0.3, 0.25, 0.0;
  return (Matrix::Identity(3, 3) - closed).inverse();
}

TEST(Multipliers, TypeTwoEqualsClosedInverse) {
  const Multipliers m = MultipliersOf(testing::ExampleModel());
  ASSERT_TRUE(m.has_type2) << m.type2_note;
  const Matrix l_bar = ExampleClosedInverse();
  for (Index j = 0; j < 2; ++j) {
    EXPECT_TRUE(RelNear(l_bar(0, j) + l_bar(1, j), m.output_type2(j), 1e-12));
    EXPECT_GT(m.output_type2(j), m.output_type1(j));
  }
  // Value added per output: GVA (550, 1100) / (1000, 2000).
  const Vector gva = (Vector(2) << 0.55, 0.55).finished();
  EXPECT_TRUE(RelNear(gva(0) * l_bar(0, 0) + gva(1) * l_bar(1, 0), m.value_added_type2(0), 1e-12));
  // Type I employment: e' L with e = (0.05, 0.02) thousand persons per USD million.
  const Matrix l = (Matrix::Identity(2, 2) - TextbookA()).inverse();
  EXPECT_TRUE(RelNear(0.05 * l(0, 1) + 0.02 * l(1, 1), m.satellites_type1(0, 1), 1e-12));
  // GVA + imports + product taxes on inputs per unit of final demand add up to 1.
  const Vector taxes = (Vector(2) << 0.05, 0.05).finished();
  const Vector taxes_multiplier = (taxes.transpose() * l).transpose();
  for (Index j = 0; j < 2; ++j) {
    EXPECT_TRUE(
        RelNear(1.0, m.value_added_type1(j) + m.imports_type1(j) + taxes_multiplier(j), 1e-12));
  }
}

TEST(Multipliers, IncomeMultipliersMatchTextbookTypeOne) {
  // Miller & Blair ch. 6, household income multipliers on the table 2.3 economy, whose
  // labour-input (household) row is a_h = (0.30, 0.25) (compensation 300, 500 over output
  // 1000, 2000; section 2.5). With L = (1/0.7575)[0.95 0.25; 0.2 0.85] (eq. 2.13), by hand:
  // simple income multiplier a_h' L = (0.335, 0.2875) / 0.7575 = (0.4422, 0.3795), and the
  // type I income multiplier divides by a_h,j: (1.1167, 1.15) / 0.7575 = (1.4741, 1.5182).
  const Multipliers m = MultipliersOf(testing::ExampleModel());
  ASSERT_TRUE(m.has_compensation);
  EXPECT_TRUE(RelNear(0.335 / 0.7575, m.compensation_type1(0), 1e-12));
  EXPECT_TRUE(RelNear(0.2875 / 0.7575, m.compensation_type1(1), 1e-12));
  EXPECT_TRUE(RelNear(0.335 / 0.30 / 0.7575, m.income_type1(0), 1e-12));
  EXPECT_TRUE(RelNear(1.15 / 0.7575, m.income_type1(1), 1e-12));
  EXPECT_TRUE(RelNear(1.4741, m.income_type1(0), 0.0, 5e-5));
  EXPECT_TRUE(RelNear(1.5182, m.income_type1(1), 0.0, 5e-5));
}

TEST(Multipliers, TypeTwoIncomeIsRowNPlusOneOfTheClosedInverse) {
  // Type II: compensation per unit of final demand is row n+1 of the closed inverse
  // L-bar (built by hand here, as in TypeTwoEqualsClosedInverse); divided by a_h,j it is
  // the type II income multiplier. The ratio type II / type I is the same for every sector
  // and equals L-bar(n+1, n+1), the household consumption multiplier ("The relationship
  // between type I and type II income multipliers in an input-output model",
  // econbiz.de/Record/10010776070).
  const Multipliers m = MultipliersOf(testing::ExampleModel());
  ASSERT_TRUE(m.has_type2) << m.type2_note;
  const Matrix l_bar = ExampleClosedInverse();
  const double a_h[] = {0.30, 0.25};
  for (Index j = 0; j < 2; ++j) {
    EXPECT_TRUE(RelNear(l_bar(2, j), m.compensation_type2(j), 1e-12));
    EXPECT_TRUE(RelNear(l_bar(2, j) / a_h[j], m.income_type2(j), 1e-12));
    EXPECT_TRUE(RelNear(l_bar(2, 2), m.income_type2(j) / m.income_type1(j), 1e-12));
  }
}

TEST(Multipliers, HouseholdOnlyModelKeepsTypeOneAndExplainsTypeTwo) {
  // Table 2.3 with households as the only final demand and compensation as the only value
  // added: the closed model has column sums of exactly 1, so (I - A-bar) is singular.
  const Multipliers m = MultipliersOf(testing::SourceDir() + "/tests/data/households_only");
  EXPECT_FALSE(m.has_type2);
  EXPECT_NE(m.type2_note.find("closed for households"), std::string::npos) << m.type2_note;
  EXPECT_NE(m.type2_note.find("type I is unaffected"), std::string::npos) << m.type2_note;
  // Type I as in OutputMultipliersMatchTextbook; all value added is compensation, so the
  // compensation per unit of final demand is 1 and the income multiplier is 1 / a_h,j.
  EXPECT_TRUE(RelNear(1.15 / 0.7575, m.output_type1(0), 1e-12));
  EXPECT_TRUE(RelNear(1.10 / 0.7575, m.output_type1(1), 1e-12));
  EXPECT_TRUE(RelNear(1.0, m.compensation_type1(0), 1e-12));
  EXPECT_TRUE(RelNear(1.0 / 0.65, m.income_type1(0), 1e-12));
  EXPECT_TRUE(RelNear(1.0 / 0.70, m.income_type1(1), 1e-12));
}

TEST(Linkages, RasmussenIndicesAverageOneAndMatchDefinition) {
  const LeontiefSolver solver(TextbookA());
  Coefficients c;
  c.output = TextbookX();
  c.technical = TextbookA();
  const Linkages l = ComputeLinkages(c, solver);
  const Matrix inverse = (Matrix::Identity(2, 2) - TextbookA()).inverse();
  const Vector colsums = inverse.colwise().sum().transpose();
  EXPECT_TRUE(MatrixRelNear(colsums, l.backward_total, 1e-12));
  EXPECT_TRUE(RelNear(1.0, l.backward_index.mean(), 1e-12));
  EXPECT_TRUE(RelNear(2.0 * colsums(0) / colsums.sum(), l.backward_index(0), 1e-12));
  // Forward: row sums of G = (1.2541 + 0.6601, 0.1320 + 1.1221).
  EXPECT_TRUE(RelNear(1.2541 + 0.6601, l.forward_total(0), 0.0, 1e-4));
  EXPECT_TRUE(RelNear(0.1320 + 1.1221, l.forward_total(1), 0.0, 1e-4));
  EXPECT_TRUE(RelNear(0.15 + 0.5, l.forward_direct(0), 1e-12));
  EXPECT_TRUE(l.key_sector[0]);  // agriculture: both indices above 1
  EXPECT_FALSE(l.key_sector[1]);
}

TEST(MixedModel, FixedOutputReproducesUnconstrainedSolution) {
  const Matrix a = TextbookA();
  const Vector demand = (Vector(2) << 600, 1500).finished();
  const Vector x = LeontiefSolver(a).Solve(demand);
  // Fixing sector 1 at its unconstrained output changes nothing (section 13.1).
  const MixedSolution s = SolveMixed(LeontiefSolver(a), a, demand, {true, false}, x);
  EXPECT_TRUE(MatrixRelNear(x, s.output, 1e-12));
  EXPECT_TRUE(MatrixRelNear(demand, s.final_demand, 1e-12));
}

TEST(MixedModel, WoodburyMatchesDenseSolveOfTheModifiedSystem) {
  const Matrix a = (Matrix(4, 4) << 0.1, 0.2, 0.0, 0.05, 0.3, 0.1, 0.2, 0.0, 0.05, 0.1, 0.15, 0.2,
                    0.0, 0.05, 0.1, 0.1)
                       .finished();
  const Vector y = (Vector(4) << 10, 20, 5, 8).finished();
  const Vector fixed_output = (Vector(4) << 0, 15, 0, 6).finished();
  const std::vector<bool> fixed = {false, true, false, true};
  // Reference: the modified system written out and solved densely.
  Matrix m = Matrix::Identity(4, 4) - a;
  Vector rhs = y;
  for (Index j : {1, 3}) {
    rhs -= m.col(j) * fixed_output(j);
    rhs(j) -= y(j);
    m.col(j).setZero();
    m(j, j) = -1.0;
  }
  const Vector z = m.fullPivLu().solve(rhs);
  const MixedSolution s = SolveMixed(LeontiefSolver(a), a, y, fixed, fixed_output);
  EXPECT_TRUE(RelNear(z(0), s.output(0), 1e-12));
  EXPECT_TRUE(RelNear(z(2), s.output(2), 1e-12));
  EXPECT_TRUE(RelNear(z(1), s.final_demand(1), 1e-12));
  EXPECT_TRUE(RelNear(z(3), s.final_demand(3), 1e-12));
  EXPECT_DOUBLE_EQ(15.0, s.output(1));
}

TEST(MixedModel, CappedSectorGivesLessToFinalUsers) {
  const Matrix a = TextbookA();
  const Vector demand = (Vector(2) << 350, 1700).finished();
  Vector fixed = Vector::Zero(2);
  fixed(0) = 900;  // agriculture held 100 below its base output of 1000
  const MixedSolution s = SolveMixed(LeontiefSolver(a), a, demand, {true, false}, fixed);
  // Hand solution: x2 = (1700 + 0.2 * 900) / 0.95; y1 = 0.85 * 900 - 0.25 * x2.
  const double x2 = (1700 + 0.2 * 900) / 0.95;
  EXPECT_TRUE(RelNear(x2, s.output(1), 1e-12));
  EXPECT_TRUE(RelNear(0.85 * 900 - 0.25 * x2, s.final_demand(0), 1e-12));
}

}  // namespace
// The condition estimate is exact for a productive model: 1 / (‖I − A‖₁ ‖L‖₁) with L
// formed explicitly here as the reference. Eigen's (LAPACK's) estimator gives a lower
// bound of ‖L‖₁, so its reciprocal condition is at least the exact one, and it is
// usually within a small factor.
TEST(Leontief, ConditionEstimateIsExactForProductiveModels) {
  std::mt19937_64 random(7);
  std::uniform_real_distribution<double> uniform(0.0, 1.0);
  for (const Index n : {1, 2, 5, 30, 120}) {
    for (int trial = 0; trial < 5; ++trial) {
      Matrix a = Matrix::Zero(n, n);
      for (Index j = 0; j < n; ++j) {
        for (Index i = 0; i < n; ++i) {
          if (uniform(random) < 0.5) a(i, j) = uniform(random);
        }
        const double sum = a.col(j).sum();
        const double target = 0.1 + 0.85 * uniform(random);
        if (sum > 0.0) a.col(j) *= target / sum;
      }
      const LeontiefSolver solver(a);
      const Matrix system = Matrix::Identity(n, n) - a;
      const Matrix inverse = system.inverse();
      ASSERT_GE(inverse.minCoeff(), 0.0);
      const double exact = 1.0 / (system.cwiseAbs().colwise().sum().maxCoeff() *
                                  inverse.cwiseAbs().colwise().sum().maxCoeff());
      EXPECT_TRUE(RelNear(exact, solver.ReciprocalCondition(), 1e-12)) << "n = " << n;
      const double eigen = Eigen::PartialPivLU<Matrix>(system).rcond();
      EXPECT_GE(eigen, exact * (1.0 - 1e-12)) << "n = " << n;
      EXPECT_LE(eigen, 3.0 * exact) << "n = " << n;
    }
  }
}

}  // namespace spillover
