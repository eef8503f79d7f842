// Turns a scenario's shocks into changes of the model's exogenous quantities.
#pragma once

#include "core/model.h"
#include "engine/leontief.h"
#include "scenario/scenario.h"

namespace spillover {

// What happened on one export route, in the model's unit (annual).
struct RouteFlow {
  double carried = 0.0;       // base value of the exports the route carries
  double affected = 0.0;      // value of the flows that lost this route
  double rerouted_out = 0.0;  // of those, value moved to alternative routes
  double rerouted_in = 0.0;   // value this route took over from others
  double lost = 0.0;          // value of exports lost for want of a route
  double extra_cost = 0.0;    // extra transport cost of the flows moved off this route
  // In the route's physical unit (Mt/yr), annual averages: the change of its capacity (a
  // route_capacity shock, or the share lost by a route shock) and of its use (flows lost,
  // or taken over from other routes).
  double capacity_change = 0.0;
  double use_change = 0.0;
  bool touched = false;  // some shock changed its capacity or its flows
};

// All changes are annual averages: a shock lasting d months counts d/12 of its size.
struct ExogenousChange {
  Matrix final_use;     // ΔY, domestic final use, sectors × categories (exports included)
  Matrix exports;       // Δ exports by destination, products × partners
  Vector availability;  // per product: fraction of its imports still received (1 = all)
  Matrix origin_mix;    // products × partners: shares of the imports received; rows sum to 1
  // Per sector: the most it can produce, relative to its base output (+inf: no limit);
  // from capacity shocks and from imported inputs lost.
  Vector capacity;
  Vector import_price;            // per product: relative change of the average import price
  std::vector<RouteFlow> routes;  // per route of the model
  Vector exporter_cost;           // per sector: extra transport cost absorbed by exporters
  double buyer_cost = 0.0;        // extra transport cost passed on to foreign buyers
  std::vector<std::string> notes;
  // trade_block: the technical coefficients after the cut (empty: no trade block) and
  // how the cut propagates.
  // Exports and routes to endogenous regions change the same coefficients, always with
  // demand propagation (`regional_demand`).
  Matrix technical;
  bool supply_propagation = false;
  bool trade_block = false;
  bool regional_demand = false;
  bool has_trade_block() const { return technical.size() > 0; }
};

ExogenousChange TranslateShocks(const Model& model, const Coefficients& coefficients,
                                const Scenario& scenario);

}  // namespace spillover
