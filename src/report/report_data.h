// The figures the HTML report and the workbook share beyond the rows of selection.h: sector
// groups, routes in their physical unit, and whether any price moved.
#pragma once

#include <string>
#include <vector>

#include "core/model.h"
#include "results/aggregate.h"
#include "results/result_table.h"

namespace spillover {

// A variable summed over sector groups, groups ranked by their largest absolute change.
struct GroupRows {
  std::vector<std::string> codes;
  std::vector<std::string> labels;            // "A Agriculture, forestry and fishing"
  std::vector<std::vector<double>> baseline;  // [scenario][group]
  std::vector<std::vector<double>> change;    // [scenario][group]
};
GroupRows SectorGroupRows(const std::vector<const ScenarioResult*>& results, const SectorMap& map,
                          const std::string& variable);

// A route a shock touched: the model's capacity and use (physical unit) and the money flows.
struct RouteFigures {
  std::string code;
  std::string name;
  std::string unit;       // the physical unit, e.g. "Mt/yr"; "" when the model gives none
  double capacity = NAN;  // the model's, in `unit`
  // Per scenario: the capacity with the scenario's route shocks (a corridor expanded or
  // cut), annual average in `unit`; the model's where no shock changes it.
  std::vector<double> capacity_after;
  double base_use = NAN;         // in `unit`
  double base_flow = 0.0;        // money the route carries in the base year
  std::vector<double> flow;      // per scenario: money carried
  std::vector<double> rerouted;  // per scenario: money moved to other routes
  std::vector<double> lost;      // per scenario: money lost
  // A money amount of this route in `unit`: base use scaled by its share of the base flow.
  double Physical(double money) const;
};
std::vector<RouteFigures> RouteTable(const std::vector<const ScenarioResult*>& results,
                                     const Model* model);

// Whether any price or the CPI changes in any result.
bool HasPriceChange(const std::vector<const ScenarioResult*>& results);

}  // namespace spillover
