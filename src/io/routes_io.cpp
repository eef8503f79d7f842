#include "io/routes_io.h"

#include <map>
#include <set>

#include "core/error.h"
#include "core/text.h"
#include "io/yaml_read.h"

namespace spillover {
namespace {

Quantity ReadQuantity(const std::string& file, const YamlNode& node, const std::string& path) {
  Quantity q;
  if (node.IsNull()) return q;
  CheckMapKeys(file, node, path, {"value", "unit", "estimate", "year"});
  q.value = ReadNumber(file, RequireKey(file, node, path, "value"), path + ".value");
  if (q.value < 0.0) {
    throw InputError(LocationOf(file, *node.Find("value"), path + ".value"),
                     "expected a number >= 0");
  }
  q.unit = ReadString(file, RequireKey(file, node, path, "unit"), path + ".unit");
  if (const YamlNode* e = node.Find("estimate"))
    q.estimate = ReadBool(file, *e, path + ".estimate");
  q.known = true;
  return q;
}

Index CodeIndex(const std::string& file, const YamlNode& node, const std::string& path,
                const std::vector<std::string>& codes, const std::string& what) {
  const std::string code = ReadString(file, node, path);
  for (size_t i = 0; i < codes.size(); ++i) {
    if (codes[i] == code) return static_cast<Index>(i);
  }
  throw InputError(LocationOf(file, node, path),
                   "unknown " + what + " code '" + code + "'" + DidYouMean(code, codes));
}

// The product of a flow. On a multi-regional model a code without its region (`B06`) is
// the focus region's sector, so that a routes file speaks of the focus region's exports.
Index ProductIndex(const std::string& file, const YamlNode& node, const std::string& path,
                   const Model& model, const std::vector<std::string>& codes) {
  if (model.region_count() > 1 && node.IsScalar() && node.scalar.find(':') == std::string::npos) {
    const std::string full =
        model.regions[static_cast<size_t>(model.FocusRegion())].code + ":" + node.scalar;
    for (size_t i = 0; i < codes.size(); ++i) {
      if (codes[i] == full) return static_cast<Index>(i);
    }
  }
  return CodeIndex(file, node, path, codes, "product");
}

// The destination of a flow: an exogenous partner, or on a multi-regional model an
// endogenous region (whose industries and final users buy the product).
void ReadDestination(const std::string& file, const YamlNode& node, const std::string& path,
                     const Model& model, Route::Share* share) {
  const std::string code = ReadString(file, node, path);
  for (Index p = 0; p < model.partner_count(); ++p) {
    if (model.partners[static_cast<size_t>(p)].code == code) {
      share->partner = p;
      return;
    }
  }
  std::vector<std::string> valid = model.PartnerCodes();
  if (model.region_count() > 1) {
    for (Index r = 0; r < model.region_count(); ++r) {
      const std::string& region = model.regions[static_cast<size_t>(r)].code;
      valid.push_back(region);
      if (!EqualIgnoringCase(region, code)) continue;
      if (model.RegionOfSector(share->product) == r) {
        throw InputError(LocationOf(file, node, path),
                         "'" + code + "' is the region of the product '" +
                             model.sectors[static_cast<size_t>(share->product)].code +
                             "' itself; a route carries sales to another region");
      }
      share->region = r;
      return;
    }
  }
  throw InputError(LocationOf(file, node, path),
                   "unknown partner code '" + code + "'" + DidYouMean(code, valid) +
                       (model.region_count() > 1 ? " (a partner or a region)" : ""));
}

}  // namespace

std::vector<Route> LoadRoutes(const std::string& path, const Model& model) {
  const YamlNode root = ParseYamlFile(path);
  CheckMapKeys(path, root, "", {"format", "unit_note", "routes"});
  const YamlNode& list = RequireKey(path, root, "", "routes");
  if (!list.IsSequence()) {
    throw InputError(LocationOf(path, list, "routes"), "expected a list of routes");
  }
  const auto products = model.SectorCodes();
  const auto partners = model.PartnerCodes();
  std::vector<Route> routes;
  std::set<std::string> seen;
  std::map<std::pair<Index, Index>, double> total;
  for (size_t r = 0; r < list.items.size(); ++r) {
    const YamlNode& item = list.items[r];
    const std::string at = "routes[" + std::to_string(r) + "]";
    CheckMapKeys(path, item, at,
                 {"code", "name", "mode", "via", "capacity", "current_use", "segments", "estimate",
                  "source", "note", "carries"});
    Route route;
    route.code = ReadString(path, RequireKey(path, item, at, "code"), at + ".code");
    if (!seen.insert(route.code).second) {
      throw InputError(LocationOf(path, *item.Find("code"), at + ".code"),
                       "route '" + route.code + "' is listed twice");
    }
    const std::string rp = "routes." + route.code;
    if (const YamlNode* n = item.Find("name")) route.name = ReadString(path, *n, rp + ".name");
    if (const YamlNode* n = item.Find("mode")) route.mode = ReadString(path, *n, rp + ".mode");
    if (const YamlNode* n = item.Find("source"))
      route.source = ReadString(path, *n, rp + ".source");
    if (const YamlNode* n = item.Find("estimate"))
      route.estimate = ReadBool(path, *n, rp + ".estimate");
    if (const YamlNode* via = item.Find("via")) {
      if (!via->IsSequence())
        throw InputError(LocationOf(path, *via, rp + ".via"), "expected a list");
      for (const auto& v : via->items) route.via.push_back(ReadString(path, v, rp + ".via"));
    }
    if (const YamlNode* c = item.Find("capacity"))
      route.capacity = ReadQuantity(path, *c, rp + ".capacity");
    if (const YamlNode* u = item.Find("current_use")) {
      route.current_use = ReadQuantity(path, *u, rp + ".current_use");
    }
    if (route.capacity.known && route.current_use.known &&
        route.capacity.unit != route.current_use.unit) {
      throw InputError(LocationOf(path, item, rp),
                       "capacity is in '" + route.capacity.unit + "' but current use in '" +
                           route.current_use.unit + "'; expected the same unit");
    }
    const YamlNode& carries = RequireKey(path, item, rp, "carries");
    if (!carries.IsSequence()) {
      throw InputError(LocationOf(path, carries, rp + ".carries"),
                       "expected a list of {product, partner, share}");
    }
    for (size_t k = 0; k < carries.items.size(); ++k) {
      const YamlNode& c = carries.items[k];
      const std::string cp = rp + ".carries[" + std::to_string(k) + "]";
      CheckMapKeys(path, c, cp, {"product", "partner", "share"});
      Route::Share share;
      share.product =
          ProductIndex(path, RequireKey(path, c, cp, "product"), cp + ".product", model, products);
      ReadDestination(path, RequireKey(path, c, cp, "partner"), cp + ".partner", model, &share);
      share.share = ReadNumber(path, RequireKey(path, c, cp, "share"), cp + ".share");
      if (share.share < 0.0 || share.share > 1.0) {
        throw InputError(LocationOf(path, *c.Find("share"), cp + ".share"),
                         "value " + c.Find("share")->scalar + " is out of range; expected [0, 1]");
      }
      // Flows to regions are counted apart from flows to partners (-1 - region).
      double& sum = total[{share.product, share.region >= 0 ? -1 - share.region : share.partner}];
      sum += share.share;
      if (sum > 1.0 + 1e-9) {
        throw InputError(
            LocationOf(path, c, cp),
            "the routes carry " + FormatNumber(sum) + " of the exports of '" +
                products[static_cast<size_t>(share.product)] + "' to '" +
                (share.region >= 0 ? model.regions[static_cast<size_t>(share.region)].code
                                   : partners[static_cast<size_t>(share.partner)]) +
                "'; expected at most 1");
      }
      route.carries.push_back(share);
    }
    routes.push_back(std::move(route));
  }
  return routes;
}

}  // namespace spillover
