// Turns a scenario's shocks into changes of the model's exogenous quantities.
#pragma once

#include "core/model.h"
#include "engine/leontief.h"
#include "scenario/scenario.h"

namespace spillover {

// All changes are annual averages: a shock lasting d months counts d/12 of its size.
struct ExogenousChange {
  Matrix final_use;         // ΔY, domestic final use, sectors × categories (exports included)
  Matrix exports;           // Δ exports by destination, products × partners
  Vector availability;      // per product: fraction of its imports still received (1 = all)
  Matrix origin_mix;        // products × partners: shares of the imports received; rows sum to 1
  Vector output_cut;        // per sector: fraction of output lost for want of imported inputs
  Vector import_price;      // per product: relative change of the average import price
};

ExogenousChange TranslateShocks(const Model& model, const Coefficients& coefficients,
                                const Scenario& scenario);

}  // namespace spillover
