// Technical coefficients and the factorised Leontief system (I − A).
#pragma once

#include <Eigen/LU>

#include "core/model.h"
#include "core/types.h"
#include "engine/blocked_lu.h"

namespace spillover {

// Coefficients per unit of output (Miller & Blair eq. 2.4): every flow column divided by
// the output of the sector that buys. A sector with zero output gets zero coefficients.
struct Coefficients {
  Vector output;             // x, in the model's unit
  Matrix technical;          // A = Z diag(x)^-1, domestic
  Matrix imports;            // Am = Zm diag(x)^-1, products × sectors; 0 × 0 without imports
  Vector gross_value_added;  // GVA per unit of output
  Vector product_taxes;      // net taxes on products paid on inputs, per unit of output
  Matrix satellites;         // e.g. employment per unit of output

  // Products with the all-zero Am of a model without imports skipped.
  bool HasImports() const { return imports.size() > 0; }
  Vector ImportsTimes(VectorRef sector_values) const;            // Am v
  Matrix ImportsTimesMany(MatrixRef sector_values) const;        // Am V
  Vector ImportsTransposeTimes(VectorRef product_values) const;  // Am' p
  Matrix ImportsTransposeTimesMany(MatrixRef product_values) const;
  Vector ImportsPerUnit() const;  // 1' Am: imported inputs per unit of output, by sector
};

Coefficients ComputeCoefficients(const Model& model);

// 1/x elementwise, with 0 where x is 0 (a sector with no output has no coefficients).
Vector SafeReciprocal(VectorRef x);

// Throws ModelError "WHAT: expected N entries, got M" when the sizes differ.
void CheckLength(Index got, Index expected, const char* what);

// Factorises (I − A) once (LU with partial pivoting, blocked_lu.h: 2 threads from n = 1,024,
// the same bits on any thread count) and solves for any number of
// right-hand sides. The Leontief inverse L = (I − A)^-1 is never formed unless asked for.
class LeontiefSolver {
 public:
  // Throws ModelError if (I − A) is singular to working precision.
  explicit LeontiefSolver(MatrixRef technical);
  LeontiefSolver(LeontiefSolver&&) noexcept = default;
  LeontiefSolver& operator=(LeontiefSolver&&) noexcept = default;

  Index size() const { return size_; }

  // Factorises a new (I − A) of the same size into the storage this solver already owns,
  // so that a caller who refactorises repeatedly (coefficient sweeps) touches no fresh
  // memory. Throws ModelError on a size mismatch or a singular system.
  void Refactorise(MatrixRef technical);
  // x = L y (Miller & Blair eq. 2.11).
  Vector Solve(VectorRef demand) const;
  Matrix SolveMany(MatrixRef demands) const;
  // X = L Y into a caller's buffer of the same shape as `demands`, for callers who reuse it.
  void SolveManyInto(MatrixRef demands, Eigen::Ref<Matrix> out) const;
  // z' = c' L, i.e. (I − A)' z = c: the price model and the multipliers.
  Vector SolveTransposed(VectorRef costs) const;
  Matrix SolveTransposedMany(MatrixRef costs) const;
  // The explicit Leontief inverse, for users who ask to see it.
  Matrix Inverse() const;
  // 1 / (‖I − A‖₁ ‖L‖₁). For A ≥ 0 with spectral radius below 1, L ≥ 0, so ‖L‖₁, the
  // largest column sum of L, is the largest entry of 1'L: one transposed solve gives it
  // exactly. Otherwise max |1'L| is a lower bound of ‖L‖₁, as is LAPACK's estimate.
  double ReciprocalCondition() const { return rcond_; }

 private:
  void CheckSize(Index rows, const char* what) const;
  void Factorise(MatrixRef technical);

  Index size_;
  // (I − A) is written once into storage advised for huge pages and factorised there in
  // place: P (I − A) = L U.
  Matrix lu_;
  RowPermutation permutation_;
  bool factored_ = false;
  double rcond_;
};

// Checks that A is productive: solves (I − A) v = 1; if every v_i > 0 then by the
// Collatz–Wielandt bound the spectral radius is at most max_i (1 − 1/v_i) < 1.
// Returns that bound, or throws ModelError naming the first offending sector.
double CheckProductive(const LeontiefSolver& solver, const std::vector<std::string>& sector_codes);

}  // namespace spillover
