// The blocked LU: the same bits on any thread count, and the factors of P (I − A).
#include "engine/blocked_lu.h"

#include <gtest/gtest.h>

#include <Eigen/LU>
#include <cstring>
#include <random>

#include "engine/leontief.h"
#include "test_util.h"

namespace spillover {
namespace {

// A random productive A, about half its entries zero, column sums in [0.1, 0.95).
Matrix RandomTechnical(Index n, unsigned seed) {
  std::mt19937_64 random(seed);
  std::uniform_real_distribution<double> uniform(0.0, 1.0);
  Matrix a = Matrix::Zero(n, n);
  for (Index j = 0; j < n; ++j) {
    for (Index i = 0; i < n; ++i) {
      if (uniform(random) < 0.5) a(i, j) = uniform(random);
    }
    const double sum = a.col(j).sum();
    if (sum > 0.0) a.col(j) *= (0.1 + 0.85 * uniform(random)) / sum;
  }
  return a;
}

bool SameBits(const Matrix& x, const Matrix& y) {
  return x.rows() == y.rows() && x.cols() == y.cols() &&
         std::memcmp(x.data(), y.data(), sizeof(double) * static_cast<size_t>(x.size())) == 0;
}

TEST(BlockedLu, SameBitsOnEveryThreadCount) {
  // 700 and 1,300: several panels of 256 and trailing updates of several chunks.
  for (const Index n : {1, 7, 256, 700, 1300}) {
    const Matrix system = Matrix::Identity(n, n) - RandomTechnical(n, 11);
    Matrix one = system;
    const RowPermutation p1 = FactoriseInPlace(one, 1);
    for (const int threads : {2, 3}) {
      Matrix many = system;
      const RowPermutation p = FactoriseInPlace(many, threads);
      EXPECT_TRUE(SameBits(one, many)) << "n = " << n << ", " << threads << " threads";
      EXPECT_TRUE(p.indices() == p1.indices()) << "n = " << n;
    }
  }
}

TEST(BlockedLu, FactorsReproduceTheSystem) {
  for (const Index n : {3, 300, 1100}) {
    const Matrix system = Matrix::Identity(n, n) - RandomTechnical(n, 5);
    Matrix lu = system;
    const RowPermutation p = FactoriseInPlace(lu, 2);
    const Matrix l = lu.triangularView<Eigen::UnitLower>();
    const Matrix u = lu.triangularView<Eigen::Upper>();
    const double residual = (p * system - l * u).cwiseAbs().maxCoeff();
    EXPECT_LT(residual, 1e-14) << "n = " << n;
  }
}

TEST(BlockedLu, SolverAgreesWithEigenPartialPivLu) {
  const Index n = 1100;  // above the size that factorises on 2 threads
  ASSERT_EQ(FactorisationThreads(n), 2);
  const Matrix a = RandomTechnical(n, 3);
  const LeontiefSolver solver(a);
  const Eigen::PartialPivLU<Matrix> reference(Matrix::Identity(n, n) - a);
  const Matrix demands = Matrix::Random(n, 3).cwiseAbs();
  EXPECT_TRUE(testing::MatrixRelNear(reference.solve(demands), solver.SolveMany(demands), 1e-12));
  const Vector one = Vector::Ones(n);
  EXPECT_TRUE(
      testing::MatrixRelNear(reference.transpose().solve(one), solver.SolveTransposed(one), 1e-12));
}

}  // namespace
}  // namespace spillover
