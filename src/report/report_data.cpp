#include "report/report_data.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "report/selection.h"

namespace spillover {

GroupRows SectorGroupRows(const std::vector<const ScenarioResult*>& results, const SectorMap& map,
                          const std::string& variable) {
  GroupRows out;
  std::vector<ScenarioResult> grouped;
  for (const ScenarioResult* r : results) grouped.push_back(AggregateSectors(*r, map));
  std::vector<std::string> order = map.groups;
  std::map<std::string, double> largest;
  for (const auto& g : order) {
    double m = 0;
    for (const auto& r : grouped) {
      if (const ResultRow* row = r.Find(variable, HomeRegion(r), g))
        m = std::max(m, std::fabs(row->Change()));
    }
    largest[g] = m;
  }
  std::stable_sort(
      order.begin(), order.end(),
      [&largest](const std::string& a, const std::string& b) { return largest[a] > largest[b]; });
  out.baseline.resize(grouped.size());
  out.change.resize(grouped.size());
  for (const auto& g : order) {
    auto name = map.names.find(g);
    out.codes.push_back(g);
    out.labels.push_back(name == map.names.end() || name->second == g ? g : g + " " + name->second);
    for (size_t s = 0; s < grouped.size(); ++s) {
      const ResultRow* row = grouped[s].Find(variable, HomeRegion(grouped[s]), g);
      out.baseline[s].push_back(row ? row->baseline : NAN);
      out.change[s].push_back(row ? row->Change() : NAN);
    }
  }
  return out;
}

double RouteFigures::Physical(double money) const {
  return base_flow > 0 && std::isfinite(base_use) ? base_use * money / base_flow : NAN;
}

std::vector<RouteFigures> RouteTable(const std::vector<const ScenarioResult*>& results,
                                     const Model* model) {
  std::vector<RouteFigures> out;
  for (const RowKey& key : RouteRows(results)) {
    if (key.variable != "route_flow") continue;
    RouteFigures r;
    r.code = key.region;
    if (model) {
      for (const Route& route : model->routes) {
        if (route.code != r.code) continue;
        r.name = route.name;
        if (route.capacity.known) {
          r.capacity = route.capacity.value;
          r.unit = route.capacity.unit;
        }
        if (route.current_use.known) {
          r.base_use = route.current_use.value;
          if (r.unit.empty()) r.unit = route.current_use.unit;
        }
      }
    }
    for (const ScenarioResult* result : results) {
      const ResultRow* flow = result->Find("route_flow", r.code, "ALL");
      const ResultRow* rerouted = result->Find("route_rerouted", r.code, "ALL");
      const ResultRow* lost = result->Find("route_lost", r.code, "ALL");
      const ResultRow* capacity = result->Find("route_capacity", r.code, "ALL");
      r.capacity_after.push_back(capacity ? capacity->value : r.capacity);
      if (flow) r.base_flow = flow->baseline;
      r.flow.push_back(flow ? flow->value : NAN);
      r.rerouted.push_back(rerouted ? rerouted->value : 0.0);
      r.lost.push_back(lost ? lost->value : 0.0);
    }
    out.push_back(r);
  }
  return out;
}

bool HasPriceChange(const std::vector<const ScenarioResult*>& results) {
  for (const ScenarioResult* r : results) {
    for (const auto& row : r->rows) {
      if ((row.variable == "price" || row.variable == "cpi") && row.Change() != 0.0) return true;
    }
  }
  return false;
}

}  // namespace spillover
