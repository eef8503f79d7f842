#include "shocks/translate.h"

#include <algorithm>

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
    const double weight = total != 0.0 ? model.final_use(product, f) / total
                                       : (f == columns.front() ? 1.0 : 0.0);
    change->final_use(product, f) += delta * weight;
  }
}

void ApplyFinalDemand(const Model& model, const Shock& shock, ExogenousChange* change) {
  const double fraction = shock.YearFraction();
  for (Index f : shock.categories) {
    const bool exports = model.final_demand_kinds[static_cast<size_t>(f)] == FinalDemandKind::kExports;
    for (Index i : shock.sectors) {
      const double delta = fraction * (shock.mode == ChangeMode::kRelative
                                           ? shock.change * model.final_use(i, f)
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

void ApplyExports(const Model& model, const Shock& shock, ExogenousChange* change) {
  const double fraction = shock.YearFraction();
  const double share = 1.0 / static_cast<double>(shock.partners.size() * shock.sectors.size());
  for (Index i : shock.sectors) {
    for (Index p : shock.partners) {
      // An absolute change is the total for the chosen flows, split evenly.
      const double delta =
          fraction * (shock.mode == ChangeMode::kRelative ? shock.change * model.exports(i, p)
                                                          : shock.change * share);
      AddExports(model, i, p, delta, change);
    }
  }
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
  change.origin_mix = model.import_origin;
  change.output_cut = Vector::Zero(n);
  change.import_price = Vector::Zero(n);

  // Imports received from each origin, as a fraction of the product's base imports.
  Matrix received = model.import_origin;
  Matrix price_change = Matrix::Zero(n, partners);
  Vector premium_cost = Vector::Zero(n);
  for (const Shock& shock : scenario.shocks) {
    switch (shock.type) {
      case ShockType::kFinalDemand:
        ApplyFinalDemand(model, shock, &change);
        break;
      case ShockType::kExports:
        ApplyExports(model, shock, &change);
        break;
      case ShockType::kImportPrice:
        for (Index i : shock.sectors) {
          for (Index p : shock.partners) price_change(i, p) += shock.change * shock.YearFraction();
        }
        break;
      case ShockType::kImportSupply: {
        std::vector<bool> hit(static_cast<size_t>(partners), false);
        for (Index p : shock.partners) hit[static_cast<size_t>(p)] = true;
        for (Index i : shock.sectors) {
          double others = 0.0;
          for (Index q = 0; q < partners; ++q) {
            if (!hit[static_cast<size_t>(q)]) others += model.import_origin(i, q);
          }
          for (Index p : shock.partners) {
            const double lost =
                std::min(received(i, p), model.import_origin(i, p) * shock.share * shock.YearFraction());
            received(i, p) -= lost;
            const double replaced = lost * shock.substitution;
            premium_cost(i) += replaced * shock.substitute_premium;
            // Replacements come from the other origins in proportion to their shares; a
            // product with no other origin gets none (the loss stands).
            if (others <= 0.0) continue;
            for (Index q = 0; q < partners; ++q) {
              if (!hit[static_cast<size_t>(q)]) {
                received(i, q) += replaced * model.import_origin(i, q) / others;
              }
            }
          }
        }
        break;
      }
    }
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
  if (lost.maxCoeff() <= 0.0) return change;
  for (Index j = 0; j < n; ++j) {
    if (coefficients.output(j) == 0.0) continue;
    if (rule == SupplyRule::kProportional) {
      const double inputs = coefficients.technical.col(j).sum() + coefficients.imports.col(j).sum();
      const double missing = coefficients.imports.col(j).dot(lost);
      change.output_cut(j) = inputs > 0.0 ? missing / inputs : 0.0;
    } else {
      double worst = 0.0;
      for (Index i = 0; i < n; ++i) {
        if (coefficients.imports(i, j) > 0.0) worst = std::max(worst, lost(i));
      }
      change.output_cut(j) = worst;
    }
  }
  return change;
}

}  // namespace spillover
