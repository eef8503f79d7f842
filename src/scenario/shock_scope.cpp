#include "scenario/shock_scope.h"

#include <algorithm>

#include "core/error.h"
#include "core/text.h"
#include "io/yaml_read.h"
#include "scenario/codes.h"

namespace spillover {
namespace {

std::vector<std::string> RegionCodes(const Model& model) {
  std::vector<std::string> codes;
  for (const Entry& r : model.regions) codes.push_back(r.code);
  return codes;
}

std::vector<Index> Every(Index count) {
  std::vector<Index> out;
  for (Index i = 0; i < count; ++i) out.push_back(i);
  return out;
}

bool Contains(const std::vector<Index>& list, Index value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

// `origins` or `regions` of a shock, matched without regard to case. On a model with one
// region they may name only that region, so that a scenario written for the focus region
// runs on the national table too.
std::vector<Index> ReadRegions(const std::string& file, const YamlNode& node,
                               const std::string& path, const Model& model) {
  try {
    return ResolveCodes(file, node, path, RegionCodes(model), "region", {}, &model.regions);
  } catch (const InputError& e) {
    if (model.region_count() > 1) throw;
    throw InputError(e.where(), e.message() + " (the model '" + model.name +
                                    "' has one region; `origins` and `regions` choose among "
                                    "the regions of a multi-regional model, docs/mrio.md)");
  }
}

// Codes without their region (`B06`, `HFCE`) on a multi-regional model: each stands for
// that entry in every region of `scope`. `per_region` entries follow one another by region.
CodeGroups BaseCodes(const std::vector<Entry>& entries, Index per_region,
                     const std::vector<Index>& scope) {
  CodeGroups groups;
  for (Index k = 0; k < per_region; ++k) {
    const std::string& code = entries[static_cast<size_t>(k)].code;
    std::vector<Index> indices;
    for (Index r : scope) indices.push_back(r * per_region + k);
    groups.emplace_back(code.substr(code.find(':') + 1), indices);
  }
  return groups;
}

// Keeps the indices whose region is in `regions`; an empty result is an error at the key
// that narrowed the choice.
std::vector<Index> KeepRegions(const std::string& file, const YamlNode& key_node,
                               const std::string& path, const std::vector<Index>& indices,
                               const std::vector<Index>& regions, Index per_region,
                               const std::string& what) {
  std::vector<Index> kept;
  for (Index i : indices) {
    if (Contains(regions, i / per_region)) kept.push_back(i);
  }
  if (kept.empty()) {
    throw InputError(LocationOf(file, key_node, path),
                     "selects no " + what + ": none of the chosen " + what +
                         "s lies in these regions (write codes without the region, e.g. "
                         "`B06`, to mean the sector of every region named here)");
  }
  return kept;
}

// The sector rows of `key` (`sectors` or `products`), narrowed by `origins`. Without
// `origins`, codes without a region and `all` mean the regions of `fallback`.
std::vector<Index> ReadSectorRows(const std::string& file, const YamlNode& node,
                                  const std::string& path, const std::string& key,
                                  const std::string& what, const Model& model,
                                  const std::vector<Index>& fallback) {
  const YamlNode* codes = node.Find(key);
  const YamlNode* origins = node.Find("origins");
  const Index ns = model.sectors_per_region();
  std::vector<Index> scope = fallback;
  if (origins) scope = ReadRegions(file, *origins, path + ".origins", model);
  if (model.region_count() < 2) {
    return codes ? ResolveCodes(file, *codes, path + "." + key, model.SectorCodes(), what)
                 : Every(model.sector_count());
  }
  std::vector<Index> rows;
  if (codes == nullptr || (codes->IsScalar() && codes->scalar == "all")) {
    for (Index r : scope) {
      for (Index k = 0; k < ns; ++k) rows.push_back(r * ns + k);
    }
    return rows;
  }
  rows = ResolveCodes(file, *codes, path + "." + key, model.SectorCodes(), what,
                      BaseCodes(model.sectors, ns, scope));
  // A code written with its region keeps it, unless `origins` leaves that region out.
  return origins ? KeepRegions(file, *origins, path + ".origins", rows, scope, ns, what) : rows;
}

}  // namespace

void ReadFinalDemandScope(const std::string& file, const YamlNode& node, const std::string& path,
                          const Model& model, Shock* shock) {
  const std::vector<Index> all_regions = Every(model.region_count());
  shock->sectors = ReadSectorRows(file, node, path, "sectors", "sector", model, all_regions);
  const YamlNode* regions_node = node.Find("regions");
  const std::vector<Index> buyers =
      regions_node ? ReadRegions(file, *regions_node, path + ".regions", model) : all_regions;
  CodeGroups kinds;
  for (const auto& kind_name : FinalDemandKindNames()) {
    FinalDemandKind kind;
    FromString(kind_name, &kind);
    kinds.emplace_back(kind_name, model.CategoriesOfKind(kind));
  }
  const bool multi = model.region_count() > 1;
  const Index nc = model.categories_per_region();
  if (multi) {
    const CodeGroups base = BaseCodes(model.final_demand, nc, all_regions);
    kinds.insert(kinds.end(), base.begin(), base.end());
  }
  if (const YamlNode* categories = node.Find("categories")) {
    shock->categories = ResolveCodes(file, *categories, path + ".categories", model.CategoryCodes(),
                                     "final-demand category", kinds);
  } else {
    for (Index f = 0; f < model.category_count(); ++f) {
      if (model.final_demand_kinds[static_cast<size_t>(f)] != FinalDemandKind::kExports) {
        shock->categories.push_back(f);
      }
    }
  }
  if (multi && regions_node) {
    shock->categories = KeepRegions(file, *regions_node, path + ".regions", shock->categories,
                                    buyers, nc, "final-demand category");
  }
}

void ReadExportsScope(const std::string& file, const YamlNode& node, const std::string& path,
                      const Model& model, Shock* shock) {
  const bool multi = model.region_count() > 1;
  const YamlNode* regions_node = node.Find("regions");
  if (regions_node && !multi) {
    throw InputError(LocationOf(file, *regions_node, path + ".regions"),
                     "the model '" + model.name + "' has one region, " +
                         model.regions.front().code +
                         ", which does not export to itself; on a one-region model exports go "
                         "to `partners` (`regions` names the buying regions of a "
                         "multi-regional model, docs/mrio.md)");
  }
  shock->sectors =
      ReadSectorRows(file, node, path, "products", "product", model,
                     multi ? std::vector<Index>{model.FocusRegion()} : Every(model.region_count()));
  const YamlNode* partners = node.Find("partners");
  if (partners) {
    shock->partners = ResolveCodes(file, *partners, path + ".partners", model.PartnerCodes(),
                                   "partner", {}, &model.partners);
  } else if (!regions_node) {
    shock->partners = Every(model.partner_count());
  }
  if (!multi) return;
  // The buying regions: those named, or (with neither `partners` nor `regions`) every
  // region; a region's sales to itself are no exports and are skipped.
  if (regions_node) {
    shock->buyer_regions = ReadRegions(file, *regions_node, path + ".regions", model);
  } else if (!partners) {
    shock->buyer_regions = Every(model.region_count());
  }
  bool any = !shock->partners.empty();
  for (Index i : shock->sectors) {
    for (Index r : shock->buyer_regions) any = any || r != model.RegionOfSector(i);
  }
  if (!any) {
    throw InputError(LocationOf(file, regions_node ? *regions_node : node,
                                path + (regions_node ? ".regions" : "")),
                     "selects no exports: the buying regions are the regions of the products "
                     "themselves, and a region's sales to itself are no exports");
  }
  if (shock->mode != ChangeMode::kAbsolute) return;
  // An amount on a flow to a region scales that flow's cells, which needs a flow to scale.
  for (Index i : shock->sectors) {
    for (Index r : shock->buyer_regions) {
      if (r == model.RegionOfSector(i) || model.SalesToRegion(i, r) != 0.0) continue;
      throw InputError(LocationOf(file, *node.Find("change"), path + ".change"),
                       "an amount on exports to a region scales what it buys, but region " +
                           model.regions[static_cast<size_t>(r)].code + " buys no '" +
                           model.sectors[static_cast<size_t>(i)].code +
                           "' in the base year; choose products and regions that trade, or "
                           "`mode: relative`");
    }
  }
}

void ReadTradeBlock(const std::string& file, const YamlNode& node, const std::string& path,
                    const Model& model, Shock* shock) {
  if (model.regions.size() < 2) {
    throw InputError(LocationOf(file, node, path + ".type"),
                     "a `trade_block` needs a multi-regional model; '" + model.name +
                         "' has one region (see docs/mrio.md)");
  }
  std::vector<std::string> regions;
  for (const Entry& r : model.regions) regions.push_back(r.code);
  shock->from_regions =
      ResolveCodes(file, *node.Find("from"), path + ".from", regions, "region", {}, &model.regions);
  if (const YamlNode* to = node.Find("to")) {
    shock->to_regions =
        ResolveCodes(file, *to, path + ".to", regions, "region", {}, &model.regions);
  } else {
    for (Index r = 0; r < model.region_count(); ++r) {
      if (std::find(shock->from_regions.begin(), shock->from_regions.end(), r) ==
          shock->from_regions.end()) {
        shock->to_regions.push_back(r);
      }
    }
  }
  std::vector<std::string> base;
  for (Index j = 0; j < model.sectors_per_region(); ++j) {
    const std::string& code = model.sectors[static_cast<size_t>(j)].code;
    base.push_back(code.substr(code.find(':') + 1));
  }
  if (const YamlNode* products = node.Find("products")) {
    shock->sectors = ResolveCodes(file, *products, path + ".products", base, "product");
  } else {
    for (Index j = 0; j < model.sectors_per_region(); ++j) shock->sectors.push_back(j);
  }
  shock->share = NumberOr(file, node, "share", path, 1.0);
  if (const YamlNode* flows = node.Find("flows")) {
    shock->block_intermediate = flows->scalar != "final";
    shock->block_final = flows->scalar != "intermediate";
  }
  if (const YamlNode* propagation = node.Find("propagation")) {
    shock->supply_propagation = propagation->scalar == "supply";
    if (shock->supply_propagation && !shock->block_intermediate) {
      throw InputError(LocationOf(file, *propagation, path + ".propagation"),
                       "supply propagation cuts allocation coefficients of sales to industries; "
                       "with `flows: final` it has nothing to cut (use propagation: demand)");
    }
  }
}

}  // namespace spillover
