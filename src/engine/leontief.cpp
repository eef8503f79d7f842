#include "engine/leontief.h"

#include <algorithm>
#include <cmath>

#include "core/error.h"
#include "core/text.h"

namespace spillover {
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
  c.technical = model.intermediate * inverse_output.asDiagonal();
  c.imports = model.imports_intermediate * inverse_output.asDiagonal();
  c.gross_value_added = model.GrossValueAdded().cwiseProduct(inverse_output);
  c.product_taxes = model.ProductTaxes().head(n).transpose().cwiseProduct(inverse_output);
  c.satellites = model.satellite_values * inverse_output.asDiagonal();
  return c;
}

LeontiefSolver::LeontiefSolver(MatrixRef technical) : size_(technical.rows()) {
  if (technical.rows() != technical.cols()) {
    throw ModelError("the coefficient matrix must be square: expected " +
                     std::to_string(technical.rows()) + " columns, got " +
                     std::to_string(technical.cols()));
  }
  // Evaluated straight into the factorisation's storage: no temporary n×n copy.
  lu_.compute(Matrix::Identity(size_, size_) - technical);
  rcond_ = size_ == 0 ? 1.0 : lu_.rcond();
  if (!(rcond_ > 1e-14)) {
    throw ModelError("(I - A) is singular to working precision (reciprocal condition " +
                     FormatNumber(rcond_) + "); the model has no unique solution");
  }
}

void LeontiefSolver::CheckSize(Index rows, const char* what) const {
  if (rows != size_) {
    throw ModelError(std::string(what) + ": expected " + std::to_string(size_) + " rows, got " +
                     std::to_string(rows));
  }
}

Vector LeontiefSolver::Solve(VectorRef demand) const {
  CheckSize(demand.size(), "final demand");
  return lu_.solve(demand);
}

Matrix LeontiefSolver::SolveMany(MatrixRef demands) const {
  CheckSize(demands.rows(), "final demand");
  return lu_.solve(demands);
}

Vector LeontiefSolver::SolveTransposed(VectorRef costs) const {
  CheckSize(costs.size(), "costs");
  // (P^T L U)^T z = c: two triangular solves and a permutation. Written out because
  // Eigen's lu.transpose().solve() takes a slow path (about 10x a forward solve).
  Vector z = costs;
  lu_.matrixLU().triangularView<Eigen::Upper>().transpose().solveInPlace(z);
  lu_.matrixLU().triangularView<Eigen::UnitLower>().transpose().solveInPlace(z);
  return lu_.permutationP().transpose() * z;
}

Matrix LeontiefSolver::SolveTransposedMany(MatrixRef costs) const {
  CheckSize(costs.rows(), "costs");
  Matrix z = costs;
  lu_.matrixLU().triangularView<Eigen::Upper>().transpose().solveInPlace(z);
  lu_.matrixLU().triangularView<Eigen::UnitLower>().transpose().solveInPlace(z);
  return lu_.permutationP().transpose() * z;
}

Matrix LeontiefSolver::Inverse() const { return lu_.inverse(); }

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
