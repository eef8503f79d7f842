// Which rows of a result the readable reports show: the headline, partners, routes touched
// by a shock, and the sectors with the largest changes. Shared by the terminal comparison,
// the HTML report and the workbook, so that they show the same rows.
#pragma once

#include <string>
#include <vector>

#include "results/result_table.h"

namespace spillover {

struct RowKey {
  std::string region;
  std::string sector;
  std::string variable;
  std::string label;  // for a reader: "GDP", "EU European Union", "061 Crude petroleum"
};

// The region of the headline rows: the model's single region, or the focus region of a
// multi-regional model.
std::string HomeRegion(const ScenarioResult& result);

// GDP, GVA, net taxes on products, output, exports, imports and CPI (those present).
std::vector<RowKey> HeadlineRows(const ScenarioResult& result);
// Exports or imports by partner, in the model's partner order; on a multi-regional model
// also the focus region's trade with each other region (exports_to:S, imports_from:S).
std::vector<RowKey> PartnerRows(const ScenarioResult& result, const std::string& variable);
// route_flow, route_rerouted and route_lost of each route a shock touched in any result.
std::vector<RowKey> RouteRows(const std::vector<const ScenarioResult*>& results);
// The `top` sectors (rows of `variable` in the home region, not `ALL`) with the largest
// absolute change in any result, largest first; sectors that change in none are left out.
std::vector<RowKey> TopSectorRows(const std::vector<const ScenarioResult*>& results,
                                  const std::string& variable, int top);
// "code name" for a code of the result's model.
std::string CodeLabel(const ScenarioResult& result, const std::string& code);

}  // namespace spillover
