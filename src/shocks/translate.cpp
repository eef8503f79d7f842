#include "shocks/translate.h"

#include <algorithm>
#include <limits>

#include "core/error.h"

namespace spillover {
namespace {

// Adds a change of exports of product i to its partners' flows and to the final-use
// columns of kind exports (in proportion to those columns, or the first one).
void AddExports(const Model& model, Index product, Index partner, double delta,
                ExogenousChange* change) {
  change->exports(product, partner) += delta;
  const auto columns = model.CategoriesOfKind(FinalDemandKind::kExports);
  if (columns.empty()) return;
  double total = 0.0;
  for (Index f : columns) total += model.final_use(product, f);
  for (Index f : columns) {
    const double weight =
        total != 0.0 ? model.final_use(product, f) / total : (f == columns.front() ? 1.0 : 0.0);
    change->final_use(product, f) += delta * weight;
  }
}

void ApplyFinalDemand(const Model& model, const Shock& shock, ExogenousChange* change) {
  const double fraction = shock.YearFraction();
  for (Index f : shock.categories) {
    const bool exports =
        model.final_demand_kinds[static_cast<size_t>(f)] == FinalDemandKind::kExports;
    for (Index i : shock.sectors) {
      const double delta =
          fraction * (shock.mode == ChangeMode::kRelative ? shock.change * model.final_use(i, f)
                                                          : shock.change);
      if (exports) {
        // Keep exports by partner consistent: spread over partners by their shares.
        const double row_total = model.exports.row(i).sum();
        for (Index p = 0; p < model.partner_count(); ++p) {
          const double weight = row_total != 0.0 ? model.exports(i, p) / row_total
                                                 : 1.0 / static_cast<double>(model.partner_count());
          change->exports(i, p) += delta * weight;
        }
      }
      change->final_use(i, f) += delta;
    }
  }
}

// Multiplies what region `to` buys of sector row i by `factor`: its industries' cells
// A[i, to:*] (a change of coefficients, so the solve factorises I - A_new afresh) and its
// final users' cells Y[i, to:*]. Factors compound: a second shock on the same cells cuts
// what the first left. The one primitive of trade blocks and of exports and routes to
// endogenous regions.
void ScaleSales(const Model& model, const Coefficients& coefficients, Index i, Index to,
                double factor, bool intermediate, bool final_users, ExogenousChange* change) {
  if (!change->has_trade_block()) change->technical = coefficients.technical;
  const Index ns = model.sectors_per_region();
  const Index nc = model.categories_per_region();
  if (intermediate) change->technical.row(i).segment(to * ns, ns) *= factor;
  if (!final_users) return;
  for (Index f = to * nc; f < (to + 1) * nc; ++f) {
    const double current = model.final_use(i, f) + change->final_use(i, f);
    change->final_use(i, f) += (factor - 1.0) * current;
  }
}

// Imbs & Pauwels (2022): the blocked cells of A and Y are multiplied by (1 - share); there
// is no substitution. With supply propagation the same cells of B = diag(x)^-1 Z are cut,
// which is the same relative cut of A, and Y is left to follow from the solution.
void ApplyTradeBlock(const Model& model, const Coefficients& coefficients, const Shock& shock,
                     ExogenousChange* change) {
  if (change->trade_block && change->supply_propagation != shock.supply_propagation) {
    throw InputError(shock.where,
                     "all trade_block shocks of a scenario need the same "
                     "propagation (demand or supply)");
  }
  if (!change->has_trade_block()) change->technical = coefficients.technical;
  change->trade_block = true;
  change->supply_propagation = shock.supply_propagation;
  const double keep = 1.0 - shock.share * shock.YearFraction();
  const Index ns = model.sectors_per_region();
  for (Index from : shock.from_regions) {
    for (Index i_base : shock.sectors) {
      for (Index to : shock.to_regions) {
        if (to == from) continue;
        ScaleSales(model, coefficients, from * ns + i_base, to, keep, shock.block_intermediate,
                   shock.block_final && !shock.supply_propagation, change);
      }
    }
  }
  change->notes.push_back(std::string("trade_block: ") +
                          (shock.supply_propagation
                               ? "supply propagation (Ghosh, x' = v'(I - B_new)^-1)"
                               : "demand propagation (Leontief, x = (I - A_new)^-1 y_new)"));
}

std::vector<Index> AllOtherPartners(const Model& model, const std::vector<Index>& excluded) {
  std::vector<Index> out;
  for (Index q = 0; q < model.partner_count(); ++q) {
    if (std::find(excluded.begin(), excluded.end(), q) == excluded.end()) out.push_back(q);
  }
  return out;
}

void ApplyExports(const Model& model, const Coefficients& coefficients, const Shock& shock,
                  ExogenousChange* change) {
  const double fraction = shock.YearFraction();
  // An absolute change is the total for the chosen flows, split evenly: flows to partners
  // and, on a multi-regional model, to every chosen region other than the seller's own.
  double flows = 0.0;
  for (Index i : shock.sectors) {
    flows += static_cast<double>(shock.partners.size());
    for (Index r : shock.buyer_regions) flows += r != model.RegionOfSector(i) ? 1.0 : 0.0;
  }
  const double share = flows > 0.0 ? 1.0 / flows : 0.0;
  for (Index i : shock.sectors) {
    for (Index r : shock.buyer_regions) {
      if (r == model.RegionOfSector(i)) continue;
      // Sales to an endogenous region: its industries' coefficients and its final users'
      // demand for the product change by the same fraction; an amount is that fraction of
      // the base flow (BuildScenario refuses amounts on flows that are zero).
      const double base = model.SalesToRegion(i, r);
      const double relative = shock.mode == ChangeMode::kRelative
                                  ? shock.change
                                  : (base != 0.0 ? shock.change * share / base : 0.0);
      ScaleSales(model, coefficients, i, r, std::max(0.0, 1.0 + fraction * relative), true, true,
                 change);
      change->regional_demand = true;
    }
    for (Index p : shock.partners) {
      const double delta =
          fraction * (shock.mode == ChangeMode::kRelative ? shock.change * model.exports(i, p)
                                                          : shock.change * share);
      AddExports(model, i, p, delta, change);
      if (delta >= 0.0 || shock.redirect_share <= 0.0) continue;
      // Trade diversion: part of what the partner no longer buys goes to the redirect
      // partners, in proportion to their purchases of the product (equally if none buys).
      std::vector<Index> takers;
      for (Index q : shock.redirect_to.empty() ? AllOtherPartners(model, shock.partners)
                                               : shock.redirect_to) {
        if (std::find(shock.partners.begin(), shock.partners.end(), q) == shock.partners.end()) {
          takers.push_back(q);
        }
      }
      double base = 0.0;
      for (Index q : takers) base += model.exports(i, q);
      for (Index q : takers) {
        const double weight =
            base > 0.0 ? model.exports(i, q) / base : 1.0 / static_cast<double>(takers.size());
        AddExports(model, i, q, -delta * shock.redirect_share * weight, change);
      }
    }
  }
}

double RouteCarried(const Model& model, const Route& route) {
  double value = 0.0;
  for (const auto& c : route.carries) value += c.share * model.RouteFlowValue(c);
  return value;
}

// The capacity a route_capacity shock adds, per year while it lasts, in the route's unit.
double CapacityAdded(const Route& route, const Shock& shock) {
  return shock.mode == ChangeMode::kRelative ? shock.change * route.capacity.value : shock.change;
}

// Spare capacity per route per year, in the unit of its capacity; negative when unknown.
std::vector<double> SpareCapacity(const Model& model, const Scenario& scenario) {
  std::vector<double> spare;
  for (const Route& route : model.routes) {
    spare.push_back(route.capacity.known && route.current_use.known
                        ? std::max(0.0, route.capacity.value - route.current_use.value)
                        : -1.0);
  }
  for (const Shock& shock : scenario.shocks) {
    if (shock.type != ShockType::kRouteCapacity) continue;
    const Route& route = model.routes[static_cast<size_t>(shock.route)];
    const double added = CapacityAdded(route, shock);
    double& s = spare[static_cast<size_t>(shock.route)];
    // Without a figure for current use, all of a new capacity is spare.
    s = std::max(0.0, std::max(s, 0.0) + added * shock.YearFraction());
  }
  return spare;
}

// A route loses `share` of its capacity for the shock's duration. Its flows move to the
// alternatives in order, up to their spare capacity over that period, converted from
// physical units to value at the lost route's value per unit; the rest is lost exports.
void ApplyRoute(const Model& model, const Coefficients& coefficients, const Shock& shock,
                std::vector<double>* spare, ExogenousChange* change) {
  const size_t r = static_cast<size_t>(shock.route);
  const Route& route = model.routes[r];
  const double fraction = shock.share * shock.YearFraction();
  const double carried = RouteCarried(model, route);
  const double affected = fraction * carried;
  double rerouted = 0.0;
  if (affected > 0.0 && !shock.alternatives.empty()) {
    if (!(route.current_use.known && route.current_use.value > 0.0)) {
      change->notes.push_back("route " + route.code +
                              " has no figure for current use, so its flows cannot be "
                              "measured against spare capacity: nothing was rerouted");
    } else {
      const double value_per_unit = carried / route.current_use.value;
      double need = affected / value_per_unit;  // physical units over the year
      for (Index a : shock.alternatives) {
        const Route& alternative = model.routes[static_cast<size_t>(a)];
        double& free = (*spare)[static_cast<size_t>(a)];
        if (free < 0.0 || alternative.capacity.unit != route.current_use.unit) {
          change->notes.push_back("alternative route " + alternative.code +
                                  " has no spare capacity figure in " + route.current_use.unit +
                                  ": it took nothing from " + route.code);
          continue;
        }
        // Spare capacity is per year; over the shock's months only part of it serves.
        const double usable = free * shock.YearFraction();
        const double used = std::min(need, usable);
        free -= used / shock.YearFraction();
        need -= used;
        rerouted += used * value_per_unit;
        RouteFlow& into = change->routes[static_cast<size_t>(a)];
        into.rerouted_in += used * value_per_unit;
        into.use_change += used;
        into.touched = true;
      }
    }
  }
  const double kept = affected > 0.0 ? rerouted / affected : 0.0;
  for (const auto& c : route.carries) {
    const double flow = fraction * c.share * model.RouteFlowValue(c);
    const double cost = shock.reroute_cost * flow * kept;
    if (c.region >= 0) {
      // The focus region's sales to an endogenous region: the buyers' cells of A and Y fall
      // by the share lost (measured, like the route's figures, at base values).
      ScaleSales(model, coefficients, c.product, c.region, 1.0 - fraction * c.share * (1.0 - kept),
                 true, true, change);
      change->regional_demand = true;
    } else {
      AddExports(model, c.product, c.partner, -flow * (1.0 - kept), change);
    }
    if (shock.cost_bearer == CostBearer::kExporters) {
      change->exporter_cost(c.product) += cost;
    } else {
      change->buyer_cost += cost;
    }
  }
  RouteFlow& flow = change->routes[r];
  flow.touched = true;
  if (route.capacity.known) flow.capacity_change -= fraction * route.capacity.value;
  if (route.current_use.known) flow.use_change -= fraction * route.current_use.value;
  flow.affected += affected;
  flow.rerouted_out += rerouted;
  flow.lost += affected - rerouted;
  flow.extra_cost += shock.reroute_cost * rerouted;
}

}  // namespace

ExogenousChange TranslateShocks(const Model& model, const Coefficients& coefficients,
                                const Scenario& scenario) {
  const Index n = model.sector_count();
  const Index partners = model.partner_count();
  ExogenousChange change;
  change.final_use = Matrix::Zero(n, model.category_count());
  change.exports = Matrix::Zero(n, partners);
  change.availability = Vector::Ones(n);
  const Matrix& origin = scenario.OriginShares(model);
  change.origin_mix = origin;
  change.capacity = Vector::Constant(n, std::numeric_limits<double>::infinity());
  change.import_price = Vector::Zero(n);
  change.exporter_cost = Vector::Zero(n);
  change.routes.resize(model.routes.size());
  for (size_t r = 0; r < model.routes.size(); ++r) {
    change.routes[r].carried = RouteCarried(model, model.routes[r]);
  }
  std::vector<double> spare = SpareCapacity(model, scenario);
  for (const Shock& shock : scenario.shocks) {
    if (shock.type != ShockType::kRouteCapacity) continue;
    const Route& route = model.routes[static_cast<size_t>(shock.route)];
    RouteFlow& flow = change.routes[static_cast<size_t>(shock.route)];
    flow.touched = true;
    flow.capacity_change += CapacityAdded(route, shock) * shock.YearFraction();
  }

  // Imports received from each origin, as a fraction of the product's base imports.
  Matrix received = origin;
  Matrix price_change = Matrix::Zero(n, partners);
  Vector premium_cost = Vector::Zero(n);
  for (const Shock& shock : scenario.shocks) {
    switch (shock.type) {
      case ShockType::kFinalDemand:
        ApplyFinalDemand(model, shock, &change);
        break;
      case ShockType::kExports:
        ApplyExports(model, coefficients, shock, &change);
        break;
      case ShockType::kRoute:
        ApplyRoute(model, coefficients, shock, &spare, &change);
        break;
      case ShockType::kRouteCapacity:
        break;  // taken into account in the spare capacity above
      case ShockType::kTradeBlock:
        ApplyTradeBlock(model, coefficients, shock, &change);
        break;
      case ShockType::kCapacity:
        for (Index j : shock.sectors) {
          change.capacity(j) =
              std::min(change.capacity(j), 1.0 + shock.change * shock.YearFraction());
        }
        break;
      case ShockType::kImportPrice:
        for (Index i : shock.sectors) {
          for (Index p : shock.partners) price_change(i, p) += shock.change * shock.YearFraction();
        }
        break;
      case ShockType::kImportSupply: {
        // The replacement origins: `substitute_partners`, or every origin not hit.
        std::vector<bool> replaces(static_cast<size_t>(partners), shock.substitutes.empty());
        for (Index q : shock.substitutes) replaces[static_cast<size_t>(q)] = true;
        for (Index p : shock.partners) replaces[static_cast<size_t>(p)] = false;
        const double count =
            static_cast<double>(std::count(replaces.begin(), replaces.end(), true));
        for (Index i : shock.sectors) {
          double others = 0.0;
          for (Index q = 0; q < partners; ++q) {
            if (replaces[static_cast<size_t>(q)]) others += origin(i, q);
          }
          for (Index p : shock.partners) {
            const double lost =
                std::min(received(i, p), origin(i, p) * shock.share * shock.YearFraction());
            received(i, p) -= lost;
            const double replaced = lost * shock.substitution;
            premium_cost(i) += replaced * shock.substitute_premium;
            // Replacements come from the replacing origins in proportion to their shares,
            // or equally when none of them supplies the product yet.
            if (count == 0.0) continue;
            for (Index q = 0; q < partners; ++q) {
              if (replaces[static_cast<size_t>(q)]) {
                received(i, q) += replaced * (others > 0.0 ? origin(i, q) / others : 1.0 / count);
              }
            }
          }
        }
        break;
      }
    }
  }

  if (change.regional_demand && change.supply_propagation) {
    throw InputError(SourceLocation{scenario.file, 0, 0, ""},
                     "exports and route shocks on sales to regions propagate by demand; they "
                     "cannot be combined with a trade_block of `propagation: supply`");
  }

  for (Index i = 0; i < n; ++i) {
    change.availability(i) = std::clamp(received.row(i).sum(), 0.0, 1.0);
    if (change.availability(i) > 0.0) {
      change.origin_mix.row(i) = received.row(i) / received.row(i).sum();
    }
    double average = 0.0;
    for (Index p = 0; p < partners; ++p) average += change.origin_mix(i, p) * price_change(i, p);
    change.import_price(i) = average + premium_cost(i);
  }

  // A lost imported input constrains the sector that uses it. All import_supply shocks of
  // a scenario share one rule (checked when the scenario is built).
  SupplyRule rule = SupplyRule::kProportional;
  for (const Shock& shock : scenario.shocks) {
    if (shock.type == ShockType::kImportSupply) {
      rule = shock.rule;
      break;
    }
  }
  const Vector lost = Vector::Ones(n) - change.availability;
  if (lost.maxCoeff() <= 0.0 || !coefficients.HasImports()) return change;
  for (Index j = 0; j < n; ++j) {
    if (coefficients.output(j) == 0.0) continue;
    double cut = 0.0;
    if (rule == SupplyRule::kProportional) {
      const double inputs = coefficients.technical.col(j).sum() + coefficients.imports.col(j).sum();
      const double missing = coefficients.imports.col(j).dot(lost);
      cut = inputs > 0.0 ? missing / inputs : 0.0;
    } else {
      double worst = 0.0;
      for (Index i = 0; i < n; ++i) {
        if (coefficients.imports(i, j) > 0.0) worst = std::max(worst, lost(i));
      }
      cut = worst;
    }
    if (cut > 0.0) change.capacity(j) = std::min(change.capacity(j), 1.0 - cut);
  }
  return change;
}

}  // namespace spillover
