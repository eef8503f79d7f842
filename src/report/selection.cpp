#include "report/selection.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace spillover {

std::string HomeRegion(const ScenarioResult& result) {
  // A multi-regional result leads with its focus region, as the terminal report does; its
  // first gdp row is the world total.
  if (!result.focus_region.empty()) return result.focus_region;
  for (const auto& row : result.rows) {
    if (row.variable == "gdp" && row.sector == "ALL") return row.region;
  }
  return "ALL";
}

std::string CodeLabel(const ScenarioResult& result, const std::string& code) {
  if (result.names) {
    auto it = result.names->find(code);
    if (it != result.names->end() && it->second != code) return code + " " + it->second;
  }
  return code;
}

std::vector<RowKey> HeadlineRows(const ScenarioResult& result) {
  const std::string region = HomeRegion(result);
  const std::pair<const char*, const char*> headline[] = {
      {"gdp", "GDP"},
      {"gva", "Gross value added"},
      {"net_product_taxes", "Net taxes on products"},
      {"output", "Gross output"},
      {"exports", "Exports"},
      {"imports", "Imports"},
      {"cpi", "Consumer prices (index)"}};
  std::vector<RowKey> keys;
  for (const auto& [variable, label] : headline) {
    if (result.Find(variable, region, "ALL")) keys.push_back({region, "ALL", variable, label});
  }
  return keys;
}

std::vector<RowKey> PartnerRows(const ScenarioResult& result, const std::string& variable) {
  const std::string region = HomeRegion(result);
  // On a multi-regional model the regions (and the world, ALL) have gdp rows: their
  // `exports` rows are their own totals, not trade with the focus region, which is in its
  // exports_to:S and imports_from:S rows.
  std::set<std::string> regions;
  const bool multi = !result.focus_region.empty();
  for (const auto& row : result.rows) {
    if (multi && row.variable == "gdp" && row.sector == "ALL") regions.insert(row.region);
  }
  std::vector<RowKey> keys;
  for (const auto& row : result.rows) {
    if (row.sector == "ALL" && row.variable == variable && row.region != region &&
        regions.count(row.region) == 0) {
      keys.push_back({row.region, "ALL", variable, CodeLabel(result, row.region)});
    }
  }
  const std::string prefix = variable == "exports" ? "exports_to:" : "imports_from:";
  for (const auto& row : result.rows) {
    if (!multi || row.region != region || row.sector != "ALL" ||
        row.variable.compare(0, prefix.size(), prefix) != 0) {
      continue;
    }
    keys.push_back(
        {region, "ALL", row.variable, CodeLabel(result, row.variable.substr(prefix.size()))});
  }
  return keys;
}

std::vector<RowKey> RouteRows(const std::vector<const ScenarioResult*>& results) {
  std::vector<RowKey> keys;
  if (results.empty()) return keys;
  for (const auto& row : results.front()->rows) {
    if (row.variable != "route_flow") continue;
    bool touched = false;
    for (const ScenarioResult* r : results) {
      const ResultRow* flow = r->Find("route_flow", row.region, "ALL");
      const ResultRow* affected = r->Find("route_affected", row.region, "ALL");
      touched = touched || (flow && flow->Change() != 0.0) || (affected && affected->value != 0.0);
    }
    if (!touched) continue;
    const std::string label = row.region;
    keys.push_back({row.region, "ALL", "route_flow", label + " flow"});
    keys.push_back({row.region, "ALL", "route_rerouted", label + " rerouted"});
    keys.push_back({row.region, "ALL", "route_lost", label + " lost"});
  }
  return keys;
}

std::vector<RowKey> TopSectorRows(const std::vector<const ScenarioResult*>& results,
                                  const std::string& variable, int top) {
  std::vector<RowKey> keys;
  if (results.empty()) return keys;
  const std::string region = HomeRegion(*results.front());
  std::map<std::string, double> largest;  // sector -> largest |change|
  std::vector<std::string> order;
  for (const ScenarioResult* r : results) {
    for (const auto& row : r->rows) {
      if (row.variable != variable || row.region != region || row.sector == "ALL") continue;
      auto [it, added] = largest.emplace(row.sector, 0.0);
      if (added) order.push_back(row.sector);
      it->second = std::max(it->second, std::fabs(row.Change()));
    }
  }
  std::stable_sort(
      order.begin(), order.end(),
      [&largest](const std::string& a, const std::string& b) { return largest[a] > largest[b]; });
  for (const auto& sector : order) {
    if (static_cast<int>(keys.size()) >= top || largest[sector] == 0.0) break;
    keys.push_back({region, sector, variable, CodeLabel(*results.front(), sector)});
  }
  return keys;
}

}  // namespace spillover
