// Runs a scenario on a factorised model and tabulates the results.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "core/model.h"
#include "engine/leontief.h"
#include "io/model_io.h"
#include "results/result_table.h"
#include "scenario/scenario.h"
#include "shocks/translate.h"

namespace spillover {

// A model with its coefficients and factorisation, built once and shared by every
// scenario run on it.
class PreparedModel {
 public:
  explicit PreparedModel(Model model);
  // Takes over the coefficients and factorisation that loading computed.
  explicit PreparedModel(LoadedModel&& loaded);
  const Model& model() const { return model_; }
  const Coefficients& coefficients() const { return coefficients_; }
  const LeontiefSolver& solver() const { return solver_; }
  // Am x: the base year's intermediate imports by product.
  const Vector& base_intermediate_imports() const { return base_imports_; }
  // The base year's imports by product and origin, with the model's or other origin shares.
  Matrix BaseImportsByOrigin(const Matrix& origin_shares) const {
    return total_imports_.asDiagonal() * origin_shares;
  }
  const std::shared_ptr<const std::map<std::string, std::string>>& names() const { return names_; }

 private:
  Model model_;
  Coefficients coefficients_;
  LeontiefSolver solver_;
  Vector base_imports_;
  Vector total_imports_;  // by product: intermediate and final
  std::shared_ptr<const std::map<std::string, std::string>> names_;  // code -> name
};

// The scenario's new state of the economy, in the model's unit.
struct Outcome {
  Vector output;
  Vector gva;                      // by sector
  double transport_imports = 0.0;  // extra freight bought abroad by exporters (rerouting)
  Matrix final_use;                // domestic, sectors × categories
  Matrix imports_final;            // products × categories
  Matrix imports;                  // by origin, products × partners
  Vector import_gap;               // per product: imports required at the new output beyond supply
  Matrix exports;                  // products × partners
  RowVector product_taxes;         // sector and final-use columns
  Vector prices;                   // sector price index, base 1
  double cpi = 1.0;
  std::vector<std::string> constrained;  // sectors held at a supply limit
  // Intermediate flows Z after a trade block (empty: A diag(x) at the new output).
  Matrix intermediate;
};

// The linear part of a scenario, before supply limits: Δx = L Δy and Δp' = Δc' L.
struct LinearSolution {
  Vector output_change;
  Vector price_change;
  Vector import_change;  // Am Δx: intermediate imports that follow the output change
};
Vector DemandChange(const ExogenousChange& change);                               // Δy by sector
Vector CostChange(const PreparedModel& prepared, const ExogenousChange& change);  // Δc
LinearSolution SolveLinear(const PreparedModel& prepared, const ExogenousChange& change);

Outcome Solve(const PreparedModel& prepared, const ExogenousChange& change);
Outcome Solve(const PreparedModel& prepared, const ExogenousChange& change,
              const LinearSolution& linear);
ScenarioResult Tabulate(const PreparedModel& prepared, const Scenario& scenario,
                        const ExogenousChange& change, const Outcome& outcome,
                        ResultDetail detail = ResultDetail::kAll);

ScenarioResult Simulate(const PreparedModel& prepared, const Scenario& scenario,
                        ResultDetail detail = ResultDetail::kAll);
// The same for many scenarios on one model, with the linear solves done as one block of
// right-hand sides. The results equal those of Simulate one by one.
std::vector<ScenarioResult> SimulateBatch(const PreparedModel& prepared,
                                          const std::vector<Scenario>& scenarios,
                                          ResultDetail detail = ResultDetail::kAll);

}  // namespace spillover
