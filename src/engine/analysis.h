// Analyses on a factorised model: Ghosh, cost-push prices, the mixed model, multipliers
// and linkages. Equation numbers refer to Miller & Blair (2009), 2nd edition.
#pragma once

#include <string>
#include <vector>

#include "core/model.h"
#include "engine/leontief.h"

namespace spillover {

// Ghosh supply-driven output x' = w' G with G = (I − B)^-1, B = diag(x)^-1 Z (eq. 12.6).
// Uses G = diag(x)^-1 L diag(x) (eq. 12.9), so the Leontief factorisation serves:
// x_new = diag(x) (I − A)^-T diag(x)^-1 w. `primary_inputs` holds all inputs that are not
// domestic intermediate (value added and imports) by sector.
Vector GhoshOutput(const LeontiefSolver& solver, VectorRef base_output, VectorRef primary_inputs);

// Leontief cost-push price model p' = c' L (eq. 2.41 and section 2.6): `cost_per_output`
// is the primary and imported input cost per unit of output at the new prices. With the
// base-year costs the prices are all 1.
Vector CostPushPrices(const LeontiefSolver& solver, VectorRef cost_per_output);

// Mixed exogenous/endogenous model (section 13.1): the output of the sectors flagged in
// `fixed` is given by `fixed_output`; the other sectors' output and the fixed sectors'
// final deliveries follow. Returns output and final demand, both complete.
struct MixedSolution {
  Vector output;
  Vector final_demand;
};
// Solved with the Leontief factorisation through the Woodbury identity: the system differs
// from (I − A) in the k fixed columns, so the cost is k solves and a k×k system, not a new
// factorisation.
MixedSolution SolveMixed(const LeontiefSolver& solver, MatrixRef technical, VectorRef final_demand,
                         const std::vector<bool>& fixed, VectorRef fixed_output);

struct Multipliers {
  // Each vector is per sector: effect of one unit of final demand for that sector.
  Vector output_type1;  // 1' L (eq. 6.1)
  Vector output_type2;  // column sums of the sector block of the closed inverse (section 6.2)
  Vector value_added_type1;
  Vector value_added_type2;
  Vector imports_type1;
  Vector imports_type2;
  Matrix satellites_type1;  // satellites × sectors
  Matrix satellites_type2;
  // Household income (compensation of employees), ch. 6: compensation_type1 = a_h' L is
  // the compensation paid per unit of final demand (the "simple household income
  // multiplier"), compensation_type2 the same in the closed model (row n+1 of its inverse).
  // The ratio multipliers divide by the direct effect a_h,j, the compensation per unit of
  // the sector's own output: income_type1 = a_h' L e_j / a_h,j, income_type2 likewise.
  // income_* is NaN for a sector that pays no compensation.
  bool has_compensation = false;  // the model has a value-added component of that kind
  Vector compensation_direct;     // a_h: compensation per unit of output
  Vector compensation_type1;
  Vector compensation_type2;
  Vector income_type1;
  Vector income_type2;
  bool has_type2 = false;
  std::string type2_note;  // why type II is missing, when it is
};

// Type II closes the model for households (section 2.5): a household row of compensation
// per unit of output, and a household column of consumption per unit of compensation.
// Type I never depends on the closed model: when (I − Ā) is singular or not productive
// (households re-spend all their income at home and nothing leaks), only type II is
// missing, and `type2_note` says why.
Multipliers ComputeMultipliers(const Model& model, const Coefficients& coefficients,
                               const LeontiefSolver& solver);

struct Linkages {
  Vector backward_direct;        // column sums of A
  Vector backward_total;         // column sums of L
  Vector forward_direct;         // row sums of B
  Vector forward_total;          // row sums of G
  Vector backward_index;         // Rasmussen: n · colsum_j(L) / Σ L
  Vector forward_index;          // the same on G
  std::vector<bool> key_sector;  // both indices above 1
};
Linkages ComputeLinkages(const Coefficients& coefficients, const LeontiefSolver& solver);

}  // namespace spillover
