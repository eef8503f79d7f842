// The supply-driven (Ghosh) inverse and its multipliers, from the Leontief factorisation.
// Miller & Blair (2009), chapter 12.
#pragma once

#include "core/model.h"
#include "engine/leontief.h"

namespace spillover {

// G = (I − B)^-1 with B = diag(x)^-1 Z, computed as G = diag(x)^-1 L diag(x) (eq. 12.9):
// n solves against the existing factorisation, no second one. A sector with no output
// has a row and column of the identity (it only feeds itself).
Matrix GhoshInverse(const LeontiefSolver& solver, VectorRef output);

// Output supply multipliers per selling sector i (section 12.2): the output of the whole
// economy, and of each region, per unit of primary input of sector i.
struct GhoshMultipliers {
  Vector direct;     // row sums of B: what i sells to other producers per unit of output
  Vector total;      // row sums of G
  Matrix by_region;  // sectors × regions: row sums of G over each region's columns
};
// One solve per region: G restricted to region r's columns sums to diag(x)^-1 L x_r, with
// x_r the output of region r's sectors and zero elsewhere. A model without regions has one
// column (the whole economy).
GhoshMultipliers ComputeGhoshMultipliers(const Model& model, const Coefficients& coefficients,
                                         const LeontiefSolver& solver);

}  // namespace spillover
