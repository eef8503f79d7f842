#include "engine/leontief.h"

#include <algorithm>
#include <cmath>

#include "core/blas_threads.h"
#include "core/error.h"
#include "core/memory.h"
#include "core/text.h"

namespace spillover {
namespace {

// x <- (L U)^-1 x for x already permuted: what Eigen's PartialPivLU::solve does after P.
template <typename Dense>
void TriangularSolves(const Matrix& lu, Dense& x) {
  lu.triangularView<Eigen::UnitLower>().solveInPlace(x);
  lu.triangularView<Eigen::Upper>().solveInPlace(x);
}

}  // namespace

Vector SafeReciprocal(VectorRef x) {
  Vector r(x.size());
  for (Index i = 0; i < x.size(); ++i) r(i) = x(i) != 0.0 ? 1.0 / x(i) : 0.0;
  return r;
}

void CheckLength(Index got, Index expected, const char* what) {
  if (got != expected) {
    throw ModelError(std::string(what) + ": expected " + std::to_string(expected) +
                     " entries, got " + std::to_string(got));
  }
}

Coefficients ComputeCoefficients(const Model& model) {
  Coefficients c;
  const Index n = model.sector_count();
  c.output = model.Output();
  const Vector inverse_output = SafeReciprocal(c.output);
  c.technical = FreshMatrix(model.intermediate.rows(), model.intermediate.cols());
  c.technical.noalias() = model.intermediate * inverse_output.asDiagonal();
  if (model.HasIntermediateImports()) {
    c.imports = FreshMatrix(model.imports_intermediate.rows(), model.imports_intermediate.cols());
    c.imports.noalias() = model.imports_intermediate * inverse_output.asDiagonal();
  }
  c.gross_value_added = model.GrossValueAdded().cwiseProduct(inverse_output);
  c.product_taxes = model.ProductTaxes().head(n).transpose().cwiseProduct(inverse_output);
  c.satellites = model.satellite_values * inverse_output.asDiagonal();
  return c;
}

Vector Coefficients::ImportsTimes(VectorRef sector_values) const {
  if (!HasImports()) return Vector::Zero(sector_values.size());
  return imports * sector_values;
}

Matrix Coefficients::ImportsTimesMany(MatrixRef sector_values) const {
  if (!HasImports()) return Matrix::Zero(sector_values.rows(), sector_values.cols());
  return imports * sector_values;
}

Vector Coefficients::ImportsTransposeTimes(VectorRef product_values) const {
  if (!HasImports()) return Vector::Zero(product_values.size());
  return imports.transpose() * product_values;
}

Matrix Coefficients::ImportsTransposeTimesMany(MatrixRef product_values) const {
  if (!HasImports()) return Matrix::Zero(product_values.rows(), product_values.cols());
  return imports.transpose() * product_values;
}

Vector Coefficients::ImportsPerUnit() const {
  if (!HasImports()) return Vector::Zero(output.size());
  return imports.colwise().sum().transpose();
}

LeontiefSolver::LeontiefSolver(MatrixRef technical) : size_(technical.rows()) {
  if (technical.rows() != technical.cols()) {
    throw ModelError("the coefficient matrix must be square: expected " +
                     std::to_string(technical.rows()) + " columns, got " +
                     std::to_string(technical.cols()));
  }
  lu_ = FreshMatrix(size_, size_);
  Factorise(technical);
}

void LeontiefSolver::Refactorise(MatrixRef technical) {
  CheckSize(technical.rows(), "coefficient matrix");
  if (technical.cols() != size_) {
    throw ModelError("coefficient matrix: expected " + std::to_string(size_) + " columns, got " +
                     std::to_string(technical.cols()));
  }
  try {
    Factorise(technical);
  } catch (...) {
    factored_ = false;  // the storage now holds a singular system: no solve may use it
    throw;
  }
}

void LeontiefSolver::Factorise(MatrixRef technical) {
  factored_ = false;
  Matrix& system = lu_;
  double norm = 0.0;  // ‖I − A‖₁, column by column while the column is in cache
  for (Index j = 0; j < size_; ++j) {
    system.col(j) = -technical.col(j);
    system(j, j) += 1.0;
    norm = std::max(norm, system.col(j).cwiseAbs().sum());
  }
  permutation_ = FactoriseInPlace(system, FactorisationThreads(size_));
  factored_ = true;
  rcond_ = 1.0;
  if (size_ > 0) {
    const Vector column_sums = SolveTransposed(Vector::Ones(size_));
    const double inverse_norm = column_sums.cwiseAbs().maxCoeff();
    rcond_ = column_sums.allFinite() && inverse_norm > 0.0 && norm > 0.0
                 ? 1.0 / (norm * inverse_norm)
                 : 0.0;
  }
  if (!(rcond_ > 1e-14)) {
    throw ModelError("(I - A) is singular to working precision (reciprocal condition " +
                     FormatNumber(rcond_) + "); the model has no unique solution");
  }
}

void LeontiefSolver::CheckSize(Index rows, const char* what) const {
  if (!factored_) throw ModelError("the solver holds no factors: its last refactorisation failed");
  if (rows != size_) {
    throw ModelError(std::string(what) + ": expected " + std::to_string(size_) + " rows, got " +
                     std::to_string(rows));
  }
}

// A solve for one right-hand side is bound by memory, not arithmetic, and OpenBLAS's
// threaded triangular solve spends far longer handing it to its threads than solving it:
// 305 ms against 8.7 ms on one thread at n = 5,000 on a busy machine (bench/README.md,
// `condition_solve`). Vector solves therefore always run on one BLAS thread.
Vector LeontiefSolver::Solve(VectorRef demand) const {
  CheckSize(demand.size(), "final demand");
  const BlasThreadScope one_thread(1);
  Vector x = permutation_ * demand;
  TriangularSolves(lu_, x);
  return x;
}

Matrix LeontiefSolver::SolveMany(MatrixRef demands) const {
  CheckSize(demands.rows(), "final demand");
  Matrix x = FreshMatrix(demands.rows(), demands.cols());
  x.noalias() = permutation_ * demands;
  TriangularSolves(lu_, x);
  return x;
}

void LeontiefSolver::SolveManyInto(MatrixRef demands, Eigen::Ref<Matrix> out) const {
  CheckSize(demands.rows(), "final demand");
  if (out.rows() != demands.rows() || out.cols() != demands.cols()) {
    throw ModelError("solution buffer: expected " + std::to_string(demands.rows()) + " x " +
                     std::to_string(demands.cols()) + ", got " + std::to_string(out.rows()) +
                     " x " + std::to_string(out.cols()));
  }
  out.noalias() = permutation_ * demands;
  TriangularSolves(lu_, out);
}

Vector LeontiefSolver::SolveTransposed(VectorRef costs) const {
  CheckSize(costs.size(), "costs");
  const BlasThreadScope one_thread(1);
  // (P^T L U)^T z = c: two triangular solves and a permutation. Written out because
  // Eigen's lu.transpose().solve() takes a slow path (about 10x a forward solve).
  Vector z = costs;
  lu_.triangularView<Eigen::Upper>().transpose().solveInPlace(z);
  lu_.triangularView<Eigen::UnitLower>().transpose().solveInPlace(z);
  return permutation_.transpose() * z;
}

Matrix LeontiefSolver::SolveTransposedMany(MatrixRef costs) const {
  CheckSize(costs.rows(), "costs");
  Matrix z = costs;
  lu_.triangularView<Eigen::Upper>().transpose().solveInPlace(z);
  lu_.triangularView<Eigen::UnitLower>().transpose().solveInPlace(z);
  return permutation_.transpose() * z;
}

Matrix LeontiefSolver::Inverse() const { return SolveMany(Matrix::Identity(size_, size_)); }

double CheckProductive(const LeontiefSolver& solver, const std::vector<std::string>& sector_codes) {
  const Vector v = solver.Solve(Vector::Ones(solver.size()));
  double bound = 0.0;
  for (Index i = 0; i < v.size(); ++i) {
    if (!(v(i) > 0.0) || !std::isfinite(v(i))) {
      const std::string code = static_cast<size_t>(i) < sector_codes.size()
                                   ? sector_codes[static_cast<size_t>(i)]
                                   : std::to_string(i);
      throw ModelError(
          "the model is not productive: row sum of the Leontief inverse for "
          "sector '" +
          code + "' is " + FormatNumber(v(i)) +
          " (expected >= 1); check the intermediate flows of that sector");
    }
    bound = std::max(bound, 1.0 - 1.0 / v(i));
  }
  return bound;
}

}  // namespace spillover
