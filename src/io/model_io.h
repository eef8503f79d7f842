// Loading and checking a model folder (docs/model-format.md).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/model.h"
#include "engine/leontief.h"
#include "io/model_location.h"  // DefaultModelFolder, for the loaders' callers

namespace spillover {

struct ModelCheck {
  std::string name;        // e.g. "column balance"
  double worst = 0.0;      // largest relative residual found
  std::string where;       // the sector or cell of the worst residual
  double tolerance = 0.0;  // the check fails when worst is above it, or not a number
};

// The checked model with the coefficients and factorisation the checks needed, so that
// nothing is computed twice.
struct LoadedModel {
  Model model;
  Coefficients coefficients;
  std::unique_ptr<LeontiefSolver> solver;
  std::vector<ModelCheck> checks;  // every check that passed, with its worst residual
  double spectral_radius_bound = 0.0;
};

// Reads `folder`/model.yaml and its matrices, and checks labels, shapes, numbers, signs,
// balances and productivity. Throws InputError (bad files) or ModelError (not solvable)
// naming the file, the row and column codes and the value.
LoadedModel LoadModel(const std::string& folder);

}  // namespace spillover
