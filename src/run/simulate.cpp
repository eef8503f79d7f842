#include "run/simulate.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/error.h"
#include "core/text.h"
#include "engine/analysis.h"
#include "run/regional.h"

namespace spillover {
namespace {

// Output where sectors short of imported inputs are capped (mixed model, Miller & Blair
// section 13.1): a capped sector's output is fixed and its deliveries to final users are
// what is left after intermediate demand. The set of binding caps is found by iteration.
Vector ConstrainedOutput(const PreparedModel& p, const Vector& demand, const Vector& capacity,
                         Vector output, Vector* final_deliveries, std::vector<bool>* fixed) {
  const Index n = p.model().sector_count();
  const Vector& base = p.coefficients().output;
  *final_deliveries = demand;
  fixed->assign(static_cast<size_t>(n), false);
  if (capacity.minCoeff() == std::numeric_limits<double>::infinity()) return output;
  Vector cap = base.cwiseProduct(capacity.cwiseMax(0.0));
  for (Index j = 0; j < n; ++j) {
    if (base(j) == 0.0) cap(j) = std::numeric_limits<double>::infinity();  // empty: 0·inf
  }
  for (Index iteration = 0; iteration <= n; ++iteration) {
    bool changed = false;
    for (Index j = 0; j < n; ++j) {
      const size_t sj = static_cast<size_t>(j);
      if (!(*fixed)[sj] && std::isfinite(cap(j)) && output(j) > cap(j) * (1.0 + 1e-12) + 1e-300) {
        (*fixed)[sj] = true;
        changed = true;
      } else if ((*fixed)[sj] && (*final_deliveries)(j) > demand(j) * (1.0 + 1e-12) + 1e-12) {
        (*fixed)[sj] = false;  // the cap no longer binds
        changed = true;
      }
    }
    if (!changed) return output;
    const MixedSolution solution =
        SolveMixed(p.solver(), p.coefficients().technical, demand, *fixed, cap);
    output = solution.output;
    *final_deliveries = solution.final_demand;
  }
  throw ModelError("the supply constraints did not settle after " + std::to_string(n + 1) +
                   " rounds");
}

void AddRow(ScenarioResult* result, const std::string& region, const std::string& sector,
            const std::string& variable, const std::string& unit, double baseline, double value) {
  result->rows.push_back(ResultRow{region, sector, variable, unit, baseline, value});
}

std::shared_ptr<const std::map<std::string, std::string>> CollectNames(const Model& m) {
  auto names = std::make_shared<std::map<std::string, std::string>>();
  for (const auto* list : {&m.regions, &m.sectors, &m.partners, &m.final_demand}) {
    for (const Entry& e : *list) (*names)[e.code] = e.name;
  }
  for (const Route& route : m.routes) (*names)[route.code] = route.name;
  return names;
}

}  // namespace

PreparedModel::PreparedModel(Model model)
    : model_(std::move(model)),
      coefficients_(ComputeCoefficients(model_)),
      solver_(coefficients_.technical),
      base_imports_(coefficients_.ImportsTimes(coefficients_.output)),
      total_imports_(model_.IntermediateImportsByProduct() + model_.imports_final.rowwise().sum()),
      names_(CollectNames(model_)) {}

PreparedModel::PreparedModel(LoadedModel&& loaded)
    : model_(std::move(loaded.model)),
      coefficients_(std::move(loaded.coefficients)),
      solver_(std::move(*loaded.solver)),
      base_imports_(coefficients_.ImportsTimes(coefficients_.output)),
      total_imports_(model_.IntermediateImportsByProduct() + model_.imports_final.rowwise().sum()),
      names_(CollectNames(model_)) {}

LinearSolution SolveLinear(const PreparedModel& prepared, const ExogenousChange& change) {
  LinearSolution linear;
  linear.output_change = prepared.solver().Solve(DemandChange(change));
  linear.price_change = CostPushPrices(prepared.solver(), CostChange(prepared, change));
  linear.import_change = prepared.coefficients().ImportsTimes(linear.output_change);
  return linear;
}

Vector DemandChange(const ExogenousChange& change) { return change.final_use.rowwise().sum(); }

Vector CostChange(const PreparedModel& prepared, const ExogenousChange& change) {
  return prepared.coefficients().ImportsTransposeTimes(change.import_price);
}

Outcome Solve(const PreparedModel& prepared, const ExogenousChange& change) {
  return Solve(prepared, change, SolveLinear(prepared, change));
}

Outcome Solve(const PreparedModel& prepared, const ExogenousChange& change,
              const LinearSolution& linear) {
  const Model& m = prepared.model();
  const Coefficients& c = prepared.coefficients();
  const Index n = m.sector_count();
  Outcome out;
  out.final_use = m.final_use + change.final_use;
  out.exports = m.exports + change.exports;
  const Vector demand = out.final_use.rowwise().sum();

  Vector deliveries;
  std::vector<bool> fixed;
  out.output = ConstrainedOutput(prepared, demand, change.capacity, c.output + linear.output_change,
                                 &deliveries, &fixed);
  const bool fixed_any = std::find(fixed.begin(), fixed.end(), true) != fixed.end();
  const auto export_columns = m.CategoriesOfKind(FinalDemandKind::kExports);
  for (Index j = 0; j < n; ++j) {
    if (!fixed[static_cast<size_t>(j)]) continue;
    out.constrained.push_back(m.sectors[static_cast<size_t>(j)].code);
    // The shortfall of final deliveries falls on the final users in proportion to their
    // positive purchases; the exports part falls on partners in proportion to exports.
    const double shortfall = demand(j) - deliveries(j);
    double positive = 0.0;
    for (Index f = 0; f < m.category_count(); ++f) positive += std::max(0.0, out.final_use(j, f));
    if (!(positive > 0.0)) continue;
    const double ratio = std::min(1.0, shortfall / positive);
    double exports_cut = 0.0;
    for (Index f = 0; f < m.category_count(); ++f) {
      const double cut = std::max(0.0, out.final_use(j, f)) * ratio;
      out.final_use(j, f) -= cut;
      if (std::find(export_columns.begin(), export_columns.end(), f) != export_columns.end()) {
        exports_cut += cut;
      }
    }
    const double exports_total = out.exports.row(j).sum();
    if (exports_total > 0.0) out.exports.row(j) *= std::max(0.0, 1.0 - exports_cut / exports_total);
  }

  // Exporters who absorb the extra freight of rerouted flows pay it out of their operating
  // surplus to carriers abroad: value added falls and imports of services rise.
  out.gva = c.gross_value_added.cwiseProduct(out.output) - change.exporter_cost;
  out.transport_imports = change.exporter_cost.sum();

  // Imported final use is cut by the imports lost. Intermediate imports follow output at
  // fixed coefficients (so the accounts balance), from the origins that still supply; the
  // part of that requirement beyond what the origins supply is the import gap, which is
  // zero under the bottleneck rule and bridged (e.g. from stocks) under the proportional one.
  out.imports_final = change.availability.asDiagonal() * m.imports_final;
  // Am x at the new output: from the linear solution unless supply limits changed it.
  const Vector required = fixed_any
                              ? c.ImportsTimes(out.output)
                              : Vector(prepared.base_intermediate_imports() + linear.import_change);
  const Vector available = change.availability.cwiseProduct(prepared.base_intermediate_imports());
  out.import_gap = Vector::Zero(n);
  for (Index i = 0; i < n; ++i) {
    if (change.availability(i) < 1.0) out.import_gap(i) = std::max(0.0, required(i) - available(i));
  }
  const Vector received = required + out.imports_final.rowwise().sum();
  out.imports = received.asDiagonal() * change.origin_mix;

  const RowVector base_taxes = m.ProductTaxes();
  out.product_taxes = RowVector::Zero(base_taxes.size());
  out.product_taxes.head(n) = (c.product_taxes.cwiseProduct(out.output)).transpose();
  // Taxes on final use at fixed rates per unit of use (domestic + imported): per product
  // when the model has the table by product (an export duty follows the exports of the
  // product it is levied on), otherwise per category column. A cell with no base use keeps
  // its tax. The change is added to the column total of V (which the table adds up to), so
  // that a zero shock changes nothing, exactly.
  const bool by_product = m.final_use_taxes.size() > 0;
  for (Index f = 0; f < m.category_count(); ++f) {
    if (by_product) {
      double tax_change = 0.0;
      for (Index i = 0; i < n; ++i) {
        const double tax = m.final_use_taxes(i, f);
        const double base_use = m.final_use(i, f) + m.imports_final(i, f);
        if (tax == 0.0 || base_use == 0.0) continue;
        const double new_use = out.final_use(i, f) + out.imports_final(i, f);
        tax_change += tax * (new_use - base_use) / base_use;
      }
      out.product_taxes(n + f) = base_taxes(n + f) + tax_change;
      continue;
    }
    const double base_use = m.final_use.col(f).sum() + m.imports_final.col(f).sum();
    const double new_use = out.final_use.col(f).sum() + out.imports_final.col(f).sum();
    out.product_taxes(n + f) = base_use != 0.0 ? base_taxes(n + f) * new_use / base_use : 0.0;
  }

  // Cost-push prices (Miller & Blair section 2.6): p' = 1' + Δc' L with Δc the change in
  // imported input cost per unit of output.
  out.prices = Vector::Ones(n) + linear.price_change;
  const Vector household = m.HouseholdConsumption();
  Vector household_imports = Vector::Zero(n);
  for (Index f : m.CategoriesOfKind(FinalDemandKind::kHouseholds)) {
    household_imports += m.imports_final.col(f);
  }
  const double basket = household.sum() + household_imports.sum();
  out.cpi = basket > 0.0 ? (household.dot(out.prices) +
                            household_imports.dot(Vector::Ones(n) + change.import_price)) /
                               basket
                         : 1.0;
  if (!out.output.allFinite() || !out.prices.allFinite()) {
    throw ModelError("the scenario gives a non-finite solution");
  }
  return out;
}

// A trade block changes coefficients, so it needs its own factorisation of (I − A_new):
// demand propagation solves x = (I − A_new)^-1 y_new (Leontief), supply propagation
// x' = v'(I − B_new)^-1 with B_new = diag(x)^-1 A_new diag(x) (Ghosh, through the same
// factorisation, Miller & Blair eq. 12.9); v are the base primary inputs, held fixed.
Outcome SolveTradeBlock(const PreparedModel& prepared, const ExogenousChange& change) {
  const Model& m = prepared.model();
  const Coefficients& c = prepared.coefficients();
  if (change.capacity.size() > 0 &&
      change.capacity.minCoeff() != std::numeric_limits<double>::infinity()) {
    throw InputError(
        "shocks that change coefficients (a trade_block; exports or routes to regions of a "
        "multi-regional model) cannot be combined with capacity limits or import_supply "
        "shocks in one scenario yet (their mixed model uses the base coefficients)");
  }
  const LeontiefSolver blocked(change.technical);
  const Vector& x = c.output;
  Vector x_new;
  if (change.supply_propagation) {
    const Vector v =
        x.cwiseProduct(Vector::Ones(x.size()) - c.technical.colwise().sum().transpose());
    x_new = GhoshOutput(blocked, x, v);
  } else {
    x_new = blocked.Solve(Vector(m.final_use.rowwise().sum()) + DemandChange(change));
  }
  LinearSolution linear = SolveLinear(prepared, change);
  linear.output_change = x_new - x;
  linear.import_change = c.ImportsTimes(linear.output_change);
  Outcome out = Solve(prepared, change, linear);
  if (change.supply_propagation) {
    // Z' = diag(x') B_new; final deliveries are what is left of each row, y' = x' − Z'1.
    const Vector ratio = x_new.cwiseProduct(SafeReciprocal(x));
    out.intermediate = ratio.asDiagonal() * change.technical * x.asDiagonal();
    const Vector deliveries = x_new - out.intermediate * Vector::Ones(x.size());
    const Vector base_final = m.final_use.rowwise().sum();
    for (Index i = 0; i < x.size(); ++i) {
      if (base_final(i) != 0.0) out.final_use.row(i) *= deliveries(i) / base_final(i);
    }
  } else {
    out.intermediate = change.technical * x_new.asDiagonal();
  }
  return out;
}

ScenarioResult Simulate(const PreparedModel& prepared, const Scenario& scenario,
                        ResultDetail detail) {
  const ExogenousChange change =
      TranslateShocks(prepared.model(), prepared.coefficients(), scenario);
  if (change.has_trade_block()) {
    return Tabulate(prepared, scenario, change, SolveTradeBlock(prepared, change), detail);
  }
  return Tabulate(prepared, scenario, change, Solve(prepared, change), detail);
}

std::vector<ScenarioResult> SimulateBatch(const PreparedModel& prepared,
                                          const std::vector<Scenario>& scenarios,
                                          ResultDetail detail) {
  const Index n = prepared.model().sector_count();
  const Index count = static_cast<Index>(scenarios.size());
  if (count == 0) return {};  // e.g. a sweep block whose every point was refused
  std::vector<ExogenousChange> changes;
  changes.reserve(scenarios.size());
  Matrix demand(n, count), import_prices(n, count);
  for (Index s = 0; s < count; ++s) {
    changes.push_back(TranslateShocks(prepared.model(), prepared.coefficients(),
                                      scenarios[static_cast<size_t>(s)]));
    demand.col(s) = DemandChange(changes.back());
    import_prices.col(s) = changes.back().import_price;
  }
  // One blocked solve for all right-hand sides (BLAS-3), instead of one solve per scenario,
  // and matrix products for the import requirements and costs of all of them: per
  // scenario these would be matrix-vector products, bound by memory bandwidth.
  const Coefficients& c = prepared.coefficients();
  const Matrix outputs = prepared.solver().SolveMany(demand);
  const Matrix import_changes = c.ImportsTimesMany(outputs);
  const bool any_price = import_prices.cwiseAbs().maxCoeff() > 0.0;
  const Matrix prices =
      any_price ? prepared.solver().SolveTransposedMany(c.ImportsTransposeTimesMany(import_prices))
                : Matrix::Zero(n, count);
  std::vector<ScenarioResult> results;
  results.reserve(scenarios.size());
  for (Index s = 0; s < count; ++s) {
    const LinearSolution linear{outputs.col(s), prices.col(s), import_changes.col(s)};
    const ExogenousChange& change = changes[static_cast<size_t>(s)];
    if (change.has_trade_block()) {
      results.push_back(Tabulate(prepared, scenarios[static_cast<size_t>(s)], change,
                                 SolveTradeBlock(prepared, change), detail));
      continue;
    }
    results.push_back(Tabulate(prepared, scenarios[static_cast<size_t>(s)], change,
                               Solve(prepared, change, linear), detail));
  }
  return results;
}

ScenarioResult Tabulate(const PreparedModel& prepared, const Scenario& scenario,
                        const ExogenousChange& change, const Outcome& out, ResultDetail detail) {
  const Model& m = prepared.model();
  const Coefficients& c = prepared.coefficients();
  const Index n = m.sector_count();

  ScenarioResult result;
  result.scenario = scenario.name;
  result.description = scenario.description;
  result.model_name = m.name;
  result.money_unit = scenario.report_unit;
  result.top = scenario.top;
  result.names = prepared.names();
  result.rows.reserve(static_cast<size_t>(10 + 2 * m.category_count() + 4 * n +
                                          4 * m.partner_count() * (n + 1) +
                                          5 * static_cast<Index>(m.routes.size())));
  // Model unit -> reported unit.
  const double money = m.unit_scale / (scenario.exchange_rate * scenario.report_scale);
  const std::string& unit = scenario.report_unit;
  const bool multi = m.regions.size() > 1;
  const std::string region = multi ? "ALL" : m.regions.front().code;
  const std::string all = "ALL";
  // Sector and category rows carry their own region in a multi-regional model.
  const auto sector_region = [&](Index j) -> const std::string& {
    return multi ? m.regions[static_cast<size_t>(m.RegionOfSector(j))].code : region;
  };
  const auto category_region = [&](Index f) -> const std::string& {
    return multi ? m.regions[static_cast<size_t>(m.RegionOfCategory(f))].code : region;
  };
  if (multi) result.focus_region = m.regions[static_cast<size_t>(m.FocusRegion())].code;

  const Matrix imports_base = prepared.BaseImportsByOrigin(scenario.OriginShares(m));
  const Vector gva_base = m.GrossValueAdded();
  const Vector& gva_new = out.gva;
  const double taxes_base = m.ProductTaxes().sum();
  const double taxes_new = out.product_taxes.sum();
  AddRow(&result, region, all, "gdp", unit, money * (gva_base.sum() + taxes_base),
         money * (gva_new.sum() + taxes_new));
  AddRow(&result, region, all, "gva", unit, money * gva_base.sum(), money * gva_new.sum());
  AddRow(&result, region, all, "net_product_taxes", unit, money * taxes_base, money * taxes_new);
  AddRow(&result, region, all, "output", unit, money * c.output.sum(), money * out.output.sum());
  AddRow(&result, region, all, "exports", unit, money * m.exports.sum(), money * out.exports.sum());
  AddRow(&result, region, all, "imports", unit, money * imports_base.sum(),
         money * (out.imports.sum() + out.transport_imports));
  AddRow(&result, region, all, "imports_transport", unit, 0.0, money * out.transport_imports);
  AddRow(&result, region, all, "trade_balance", unit,
         money * (m.exports.sum() - imports_base.sum()),
         money * (out.exports.sum() - out.imports.sum() - out.transport_imports));
  AddRow(&result, region, all, "import_gap", unit, 0.0, money * out.import_gap.sum());
  AddRow(&result, region, all, "cpi", "index (base = 1)", 1.0, out.cpi);
  const bool sectors = detail != ResultDetail::kTotals;
  for (Index f = 0; sectors && f < m.category_count(); ++f) {
    const std::string& code = m.final_demand[static_cast<size_t>(f)].code;
    AddRow(&result, category_region(f), code, "final_use_domestic", unit,
           money * m.final_use.col(f).sum(), money * out.final_use.col(f).sum());
    AddRow(&result, category_region(f), code, "final_use_imported", unit,
           money * m.imports_final.col(f).sum(), money * out.imports_final.col(f).sum());
  }
  for (Index p = 0; p < m.partner_count(); ++p) {
    const std::string& partner = m.partners[static_cast<size_t>(p)].code;
    AddRow(&result, partner, all, "exports", unit, money * m.exports.col(p).sum(),
           money * out.exports.col(p).sum());
    AddRow(&result, partner, all, "imports", unit, money * imports_base.col(p).sum(),
           money * out.imports.col(p).sum());
  }
  for (Index j = 0; sectors && j < n; ++j) {
    const std::string& code = m.sectors[static_cast<size_t>(j)].code;
    const std::string& home = sector_region(j);
    AddRow(&result, home, code, "output", unit, money * c.output(j), money * out.output(j));
    AddRow(&result, home, code, "gva", unit, money * gva_base(j), money * gva_new(j));
    AddRow(&result, home, code, "price", "index (base = 1)", 1.0, out.prices(j));
    for (Index k = 0; k < m.satellite_values.rows(); ++k) {
      AddRow(&result, home, code, m.satellites[static_cast<size_t>(k)].code,
             m.satellite_units[static_cast<size_t>(k)], m.satellite_values(k, j),
             c.satellites(k, j) * out.output(j));
    }
  }
  for (Index p = 0; detail == ResultDetail::kAll && p < m.partner_count(); ++p) {
    const std::string& partner = m.partners[static_cast<size_t>(p)].code;
    for (Index i = 0; i < n; ++i) {
      if (m.exports(i, p) == 0.0 && out.exports(i, p) == 0.0 && imports_base(i, p) == 0.0 &&
          out.imports(i, p) == 0.0) {
        continue;
      }
      const std::string& code = m.sectors[static_cast<size_t>(i)].code;
      AddRow(&result, partner, code, "exports", unit, money * m.exports(i, p),
             money * out.exports(i, p));
      AddRow(&result, partner, code, "imports", unit, money * imports_base(i, p),
             money * out.imports(i, p));
    }
  }
  for (size_t r = 0; r < m.routes.size(); ++r) {
    const RouteFlow& f = change.routes[r];
    const std::string& code = m.routes[r].code;
    AddRow(&result, code, all, "route_flow", unit, money * f.carried,
           money * (f.carried - f.affected + f.rerouted_in));
    AddRow(&result, code, all, "route_affected", unit, 0.0, money * f.affected);
    AddRow(&result, code, all, "route_rerouted", unit, 0.0, money * f.rerouted_out);
    AddRow(&result, code, all, "route_lost", unit, 0.0, money * f.lost);
    AddRow(&result, code, all, "route_extra_cost", unit, 0.0, money * f.extra_cost);
    // The physical picture of a route a shock touched (annual averages, e.g. Mt/yr).
    const Route& route = m.routes[r];
    if (!f.touched || !route.capacity.known) continue;
    const double capacity = route.capacity.value;
    AddRow(&result, code, all, "route_capacity", route.capacity.unit, capacity,
           capacity + f.capacity_change);
    if (!route.current_use.known || route.current_use.unit != route.capacity.unit) continue;
    const double use = route.current_use.value;
    AddRow(&result, code, all, "route_use", route.capacity.unit, use, use + f.use_change);
    AddRow(&result, code, all, "route_spare", route.capacity.unit, std::max(0.0, capacity - use),
           std::max(0.0, capacity + f.capacity_change - use - f.use_change));
  }
  AddRegionalRows(prepared, out, money, unit, &result);
  if (change.buyer_cost > 0.0) {
    AddRow(&result, region, all, "transport_cost_buyers", unit, 0.0, money * change.buyer_cost);
  }
  std::vector<std::string> messages = change.notes;
  if (!out.constrained.empty()) {
    std::vector<std::string> shown(
        out.constrained.begin(),
        out.constrained.begin() + static_cast<long>(std::min<size_t>(8, out.constrained.size())));
    if (out.constrained.size() > shown.size()) {
      shown.push_back("and " + std::to_string(out.constrained.size() - shown.size()) + " more");
    }
    messages.push_back("output held at a capacity or supply limit in " +
                       std::to_string(out.constrained.size()) + " sector(s): " + Join(shown, ", "));
  }
  std::vector<std::string> negative;
  for (Index j = 0; j < n; ++j) {
    if (out.output(j) < 0.0) negative.push_back(m.sectors[static_cast<size_t>(j)].code);
  }
  if (!negative.empty()) {
    result.status = RunStatus::kWarning;
    messages.push_back("output turns negative in " + Join(negative, ", ") +
                       ": the shock is larger than the base flows it acts on");
  }
  result.message = Join(messages, "; ");
  return result;
}

}  // namespace spillover
