// Results by region for multi-regional models: each region's GDP, GVA, output, exports and
// imports, and its trade with every other region.
#pragma once

#include <string>

#include "results/result_table.h"
#include "run/simulate.h"

namespace spillover {

// Adds, for every endogenous region R, rows (R, ALL, gdp|gva|net_product_taxes|output|
// exports|imports|trade_balance) and (R, ALL, exports_to:S|imports_from:S) for every
// other region S. Trade between regions is read off Z and Y: R's exports are what the
// other regions' industries and final users buy from R's industries, plus R's exports to
// exogenous partners. `money` converts the model's unit into `unit`. Only for models with
// more than one region.
void AddRegionalRows(const PreparedModel& prepared, const Outcome& outcome, double money,
                     const std::string& unit, ScenarioResult* result);

}  // namespace spillover
