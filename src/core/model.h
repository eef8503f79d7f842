// An input-output model: labels, units and the flow matrices of one base year.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/types.h"

namespace spillover {

enum class FinalDemandKind {
  kHouseholds,
  kGovernment,
  kNpish,
  kInvestment,
  kInventories,
  kExports,
  kOther
};
enum class ValueAddedKind {
  kCompensation,
  kOperatingSurplus,
  kFixedCapitalConsumption,
  kProductionTaxes,
  kProductTaxes,
  kOther,
  // The gap between output (row sums) and a published table's column inputs; not part of
  // GVA. See docs/model-format.md, "Real tables".
  kResidual
};

std::string ToString(FinalDemandKind kind);
bool FromString(const std::string& text, FinalDemandKind* kind);
std::vector<std::string> FinalDemandKindNames();
std::string ToString(ValueAddedKind kind);
bool FromString(const std::string& text, ValueAddedKind* kind);
std::vector<std::string> ValueAddedKindNames();

struct Entry {
  std::string code;
  std::string name;
};

// A physical quantity from a source, e.g. a route's capacity of 6 Mt/yr.
struct Quantity {
  bool known = false;
  double value = 0.0;
  std::string unit;
  bool estimate = false;
};

// An export route and the share of each export flow (product × destination) it carries.
// On a multi-regional model the destination may be an endogenous region: the flow is then
// what that region's industries and final users buy of the product (cells of Z and Y).
struct Route {
  struct Share {
    Index product = 0;
    Index partner = 0;  // an exogenous partner; unused when `region` is set
    Index region = -1;  // an endogenous buying region, or -1
    double share = 0.0;
  };
  std::string code;
  std::string name;
  std::string mode;
  std::vector<std::string> via;
  Quantity capacity;     // per year
  Quantity current_use;  // per year
  bool estimate = false;
  std::string source;
  std::vector<Share> carries;
};

// Flows are in `unit` (e.g. "KZT thousand"). Rows of the sector matrices follow `sectors`;
// with several regions a sector code is "REGION:SECTOR". See docs/model-format.md.
struct Model {
  std::string folder;
  std::string name;
  std::string description;
  int year = 0;
  std::string currency;
  std::string unit;
  double unit_scale = 1.0;
  std::vector<std::pair<std::string, double>> exchange_rates;  // currency units per unit
  double balance_tolerance = 1e-6;

  std::vector<Entry> regions;
  // The region the readable report leads with (model.yaml `focus`); empty: the first region.
  std::string focus;
  std::vector<Entry> sectors;
  std::vector<Entry> final_demand;
  std::vector<FinalDemandKind> final_demand_kinds;
  std::vector<Entry> value_added;
  std::vector<ValueAddedKind> value_added_kinds;
  std::vector<Entry> partners;
  std::vector<Entry> satellites;
  std::vector<std::string> satellite_units;

  Matrix intermediate;    // sectors × sectors, domestic
  Matrix final_use;       // sectors × final-demand categories, domestic
  Matrix primary_inputs;  // value-added components × (sectors + categories)
  // Products × sectors; 0 × 0 when the model has no intermediate imports (no file), so
  // that a large model without imports stores no zero matrix.
  Matrix imports_intermediate;
  Matrix imports_final;  // products × categories
  Matrix import_origin;  // products × partners, shares
  Matrix exports;        // products × partners
  // Net taxes on products paid on final use, products × categories (domestic and imported
  // use together): optional. 0 × 0 when the model gives only the final-use columns of the
  // product-tax rows of V; when present its columns add up to those.
  Matrix final_use_taxes;
  Matrix satellite_values;    // satellites × sectors
  std::vector<Route> routes;  // optional; see docs/model-format.md

  Index sector_count() const { return static_cast<Index>(sectors.size()); }
  Index category_count() const { return static_cast<Index>(final_demand.size()); }
  Index partner_count() const { return static_cast<Index>(partners.size()); }
  Index region_count() const { return static_cast<Index>(regions.size()); }
  // Sectors per region (every region lists the same sectors).
  Index sectors_per_region() const {
    return regions.empty() ? sector_count() : sector_count() / region_count();
  }
  Index categories_per_region() const {
    return regions.empty() ? category_count() : category_count() / region_count();
  }
  // The region of a sector or final-demand column index.
  Index RegionOfSector(Index j) const { return j / sectors_per_region(); }
  Index RegionOfCategory(Index f) const { return f / categories_per_region(); }
  // Index of the focus region (0 when none is named).
  Index FocusRegion() const;
  // What region `buyer`'s industries and final users buy of sector row i: the sum of
  // Z[i, buyer:*] and Y[i, buyer:*] (multi-regional models).
  double SalesToRegion(Index i, Index buyer) const;
  // The base value of an export flow a route carries, before its share.
  double RouteFlowValue(const Route::Share& flow) const;

  bool HasIntermediateImports() const { return imports_intermediate.size() > 0; }
  // Row sums of the intermediate imports: by product (zero without imports).
  Vector IntermediateImportsByProduct() const;
  // Column sums of the intermediate imports: by buying sector (zero without imports).
  Vector IntermediateImportsBySector() const;
  // x_i = Σ_j Z_ij + Σ_f Y_if (Miller & Blair eq. 2.1).
  Vector Output() const;
  // Value added by sector (all components but product taxes).
  Vector GrossValueAdded() const;
  // Net taxes on products: sector columns (taxes on intermediate inputs) and final-use
  // columns (taxes on final use), summed over the product-tax rows.
  RowVector ProductTaxes() const;
  double Gdp() const;  // GVA + net taxes on products
  // Imports of each product by origin: products × partners.
  Matrix ImportsByOrigin() const { return ImportsByOrigin(import_origin); }
  // The same with other origin shares (a scenario's override).
  Matrix ImportsByOrigin(const Matrix& origin_shares) const;
  Vector HouseholdConsumption() const;  // domestic, summed over categories of that kind
  double TotalCompensation() const;

  std::vector<std::string> SectorCodes() const;
  std::vector<std::string> CategoryCodes() const;
  std::vector<std::string> PartnerCodes() const;
  std::vector<std::string> ValueAddedCodes() const;
  std::vector<std::string> SatelliteCodes() const;
  // Indices of categories of a kind.
  std::vector<Index> CategoriesOfKind(FinalDemandKind kind) const;
  std::vector<Index> ValueAddedOfKind(ValueAddedKind kind) const;
  // The route with this code, or nullptr.
  const Route* FindRoute(const std::string& code) const;
  std::vector<std::string> RouteCodes() const;
};

}  // namespace spillover
