#include "core/model.h"

namespace spillover {
namespace {

const std::vector<std::pair<FinalDemandKind, std::string>>& FinalDemandNames() {
  static const std::vector<std::pair<FinalDemandKind, std::string>> names = {
      {FinalDemandKind::kHouseholds, "households"},
      {FinalDemandKind::kGovernment, "government"},
      {FinalDemandKind::kNpish, "npish"},
      {FinalDemandKind::kInvestment, "investment"},
      {FinalDemandKind::kInventories, "inventories"},
      {FinalDemandKind::kExports, "exports"},
      {FinalDemandKind::kOther, "other"}};
  return names;
}

const std::vector<std::pair<ValueAddedKind, std::string>>& ValueAddedNames() {
  static const std::vector<std::pair<ValueAddedKind, std::string>> names = {
      {ValueAddedKind::kCompensation, "compensation"},
      {ValueAddedKind::kOperatingSurplus, "operating_surplus"},
      {ValueAddedKind::kFixedCapitalConsumption, "fixed_capital_consumption"},
      {ValueAddedKind::kProductionTaxes, "production_taxes"},
      {ValueAddedKind::kProductTaxes, "product_taxes"},
      {ValueAddedKind::kOther, "other"},
      {ValueAddedKind::kResidual, "residual"}};
  return names;
}

template <typename Kind>
std::string NameOf(const std::vector<std::pair<Kind, std::string>>& names, Kind kind) {
  for (const auto& [k, name] : names) {
    if (k == kind) return name;
  }
  return "?";
}

template <typename Kind>
bool KindOf(const std::vector<std::pair<Kind, std::string>>& names, const std::string& text,
            Kind* kind) {
  for (const auto& [k, name] : names) {
    if (name == text) {
      *kind = k;
      return true;
    }
  }
  return false;
}

template <typename Kind>
std::vector<std::string> AllNames(const std::vector<std::pair<Kind, std::string>>& names) {
  std::vector<std::string> out;
  for (const auto& entry : names) out.push_back(entry.second);
  return out;
}

std::vector<std::string> Codes(const std::vector<Entry>& entries) {
  std::vector<std::string> out;
  out.reserve(entries.size());
  for (const auto& e : entries) out.push_back(e.code);
  return out;
}

}  // namespace

std::string ToString(FinalDemandKind kind) { return NameOf(FinalDemandNames(), kind); }
bool FromString(const std::string& text, FinalDemandKind* kind) {
  return KindOf(FinalDemandNames(), text, kind);
}
std::vector<std::string> FinalDemandKindNames() { return AllNames(FinalDemandNames()); }
std::string ToString(ValueAddedKind kind) { return NameOf(ValueAddedNames(), kind); }
bool FromString(const std::string& text, ValueAddedKind* kind) {
  return KindOf(ValueAddedNames(), text, kind);
}
std::vector<std::string> ValueAddedKindNames() { return AllNames(ValueAddedNames()); }

Vector Model::Output() const {
  // A matrix-vector product, not rowwise().sum(): on column-major storage it streams the
  // columns (13x faster at n = 5,000).
  return intermediate * Vector::Ones(intermediate.cols()) +
         final_use * Vector::Ones(final_use.cols());
}

Vector Model::IntermediateImportsByProduct() const {
  if (!HasIntermediateImports()) return Vector::Zero(sector_count());
  return imports_intermediate * Vector::Ones(imports_intermediate.cols());
}

Vector Model::IntermediateImportsBySector() const {
  if (!HasIntermediateImports()) return Vector::Zero(sector_count());
  return imports_intermediate.colwise().sum().transpose();
}

Vector Model::GrossValueAdded() const {
  Vector gva = Vector::Zero(sector_count());
  for (size_t k = 0; k < value_added_kinds.size(); ++k) {
    if (value_added_kinds[k] == ValueAddedKind::kProductTaxes ||
        value_added_kinds[k] == ValueAddedKind::kResidual) {
      continue;
    }
    gva += primary_inputs.row(static_cast<Index>(k)).head(sector_count()).transpose();
  }
  return gva;
}

RowVector Model::ProductTaxes() const {
  RowVector taxes = RowVector::Zero(primary_inputs.cols());
  for (Index k : ValueAddedOfKind(ValueAddedKind::kProductTaxes)) taxes += primary_inputs.row(k);
  return taxes;
}

double Model::Gdp() const { return GrossValueAdded().sum() + ProductTaxes().sum(); }

Matrix Model::ImportsByOrigin(const Matrix& origin_shares) const {
  const Vector total = IntermediateImportsByProduct() + imports_final.rowwise().sum();
  return total.asDiagonal() * origin_shares;
}

Vector Model::HouseholdConsumption() const {
  Vector c = Vector::Zero(sector_count());
  for (Index f : CategoriesOfKind(FinalDemandKind::kHouseholds)) c += final_use.col(f);
  return c;
}

double Model::TotalCompensation() const {
  double total = 0.0;
  for (Index k : ValueAddedOfKind(ValueAddedKind::kCompensation)) {
    total += primary_inputs.row(k).head(sector_count()).sum();
  }
  return total;
}

Index Model::FocusRegion() const {
  for (size_t r = 0; r < regions.size(); ++r) {
    if (regions[r].code == focus) return static_cast<Index>(r);
  }
  return 0;
}

double Model::SalesToRegion(Index i, Index buyer) const {
  const Index ns = sectors_per_region();
  const Index nc = categories_per_region();
  return intermediate.row(i).segment(buyer * ns, ns).sum() +
         final_use.row(i).segment(buyer * nc, nc).sum();
}

double Model::RouteFlowValue(const Route::Share& flow) const {
  return flow.region >= 0 ? SalesToRegion(flow.product, flow.region)
                          : exports(flow.product, flow.partner);
}

std::vector<std::string> Model::SectorCodes() const { return Codes(sectors); }
std::vector<std::string> Model::CategoryCodes() const { return Codes(final_demand); }
std::vector<std::string> Model::PartnerCodes() const { return Codes(partners); }
std::vector<std::string> Model::ValueAddedCodes() const { return Codes(value_added); }
std::vector<std::string> Model::SatelliteCodes() const { return Codes(satellites); }

std::vector<Index> Model::CategoriesOfKind(FinalDemandKind kind) const {
  std::vector<Index> out;
  for (size_t f = 0; f < final_demand_kinds.size(); ++f) {
    if (final_demand_kinds[f] == kind) out.push_back(static_cast<Index>(f));
  }
  return out;
}

std::vector<Index> Model::ValueAddedOfKind(ValueAddedKind kind) const {
  std::vector<Index> out;
  for (size_t k = 0; k < value_added_kinds.size(); ++k) {
    if (value_added_kinds[k] == kind) out.push_back(static_cast<Index>(k));
  }
  return out;
}

const Route* Model::FindRoute(const std::string& code) const {
  for (const Route& route : routes) {
    if (route.code == code) return &route;
  }
  return nullptr;
}

std::vector<std::string> Model::RouteCodes() const {
  std::vector<std::string> codes;
  for (const Route& route : routes) codes.push_back(route.code);
  return codes;
}

}  // namespace spillover
