// Technical coefficients and the factorised Leontief system (I − A).
#pragma once

#include <Eigen/LU>

#include "core/model.h"
#include "core/types.h"

namespace spillover {

// Coefficients per unit of output (Miller & Blair eq. 2.4): every flow column divided by
// the output of the sector that buys. A sector with zero output gets zero coefficients.
struct Coefficients {
  Vector output;             // x, in the model's unit
  Matrix technical;          // A = Z diag(x)^-1, domestic
  Matrix imports;            // Am = Zm diag(x)^-1, products × sectors
  Vector gross_value_added;  // GVA per unit of output
  Vector product_taxes;      // net taxes on products paid on inputs, per unit of output
  Matrix satellites;         // e.g. employment per unit of output
};

Coefficients ComputeCoefficients(const Model& model);

// 1/x elementwise, with 0 where x is 0 (a sector with no output has no coefficients).
Vector SafeReciprocal(VectorRef x);

// Throws ModelError "WHAT: expected N entries, got M" when the sizes differ.
void CheckLength(Index got, Index expected, const char* what);

// Factorises (I − A) once (LU with partial pivoting) and solves for any number of
// right-hand sides. The Leontief inverse L = (I − A)^-1 is never formed unless asked for.
class LeontiefSolver {
 public:
  // Throws ModelError if (I − A) is singular to working precision.
  explicit LeontiefSolver(MatrixRef technical);

  Index size() const { return size_; }
  // x = L y (Miller & Blair eq. 2.11).
  Vector Solve(VectorRef demand) const;
  Matrix SolveMany(MatrixRef demands) const;
  // z' = c' L, i.e. (I − A)' z = c: the price model and the multipliers.
  Vector SolveTransposed(VectorRef costs) const;
  Matrix SolveTransposedMany(MatrixRef costs) const;
  // The explicit Leontief inverse, for users who ask to see it.
  Matrix Inverse() const;
  double ReciprocalCondition() const { return rcond_; }

 private:
  void CheckSize(Index rows, const char* what) const;

  Index size_;
  Eigen::PartialPivLU<Matrix> lu_;
  double rcond_;
};

// Checks that A is productive: solves (I − A) v = 1; if every v_i > 0 then by the
// Collatz–Wielandt bound the spectral radius is at most max_i (1 − 1/v_i) < 1.
// Returns that bound, or throws ModelError naming the first offending sector.
double CheckProductive(const LeontiefSolver& solver, const std::vector<std::string>& sector_codes);

}  // namespace spillover
