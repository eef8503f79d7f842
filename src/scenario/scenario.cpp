#include "scenario/scenario.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <set>

#include "core/limits.h"
#include "core/text.h"
#include "core/units.h"
#include "io/csv.h"
#include "io/model_location.h"
#include "io/yaml_read.h"
#include "scenario/codes.h"
#include "scenario/keys.h"
#include "scenario/shock_scope.h"

namespace spillover {
namespace {

template <typename Enum>
struct Names {
  Enum value;
  const char* name;
};

const Names<ShockType> kShockTypes[] = {{ShockType::kFinalDemand, "final_demand"},
                                        {ShockType::kExports, "exports"},
                                        {ShockType::kImportSupply, "import_supply"},
                                        {ShockType::kImportPrice, "import_price"},
                                        {ShockType::kRoute, "route"},
                                        {ShockType::kRouteCapacity, "route_capacity"},
                                        {ShockType::kCapacity, "capacity"},
                                        {ShockType::kTradeBlock, "trade_block"}};
const Names<ChangeMode> kModes[] = {{ChangeMode::kRelative, "relative"},
                                    {ChangeMode::kAbsolute, "absolute"}};
const Names<SupplyRule> kRules[] = {{SupplyRule::kProportional, "proportional"},
                                    {SupplyRule::kBottleneck, "bottleneck"}};
const Names<CostBearer> kBearers[] = {{CostBearer::kExporters, "exporters"},
                                      {CostBearer::kBuyers, "buyers"}};

template <typename Enum, size_t N>
std::string NameOf(const Names<Enum> (&names)[N], Enum value) {
  for (const auto& n : names) {
    if (n.value == value) return n.name;
  }
  return "?";
}

template <typename Enum, size_t N>
bool ValueOf(const Names<Enum> (&names)[N], const std::string& text, Enum* value) {
  for (const auto& n : names) {
    if (text == n.name) {
      *value = n.value;
      return true;
    }
  }
  return false;
}

}  // namespace

void CheckValue(const std::string& file, const YamlNode& node, const std::string& path,
                const KeySpec& spec) {
  switch (spec.type) {
    case KeyType::kString:
      ReadString(file, node, path);
      return;
    case KeyType::kNumber:
    case KeyType::kInteger: {
      const double value = spec.type == KeyType::kNumber
                               ? ReadNumber(file, node, path)
                               : static_cast<double>(ReadInteger(file, node, path));
      if (value < spec.min || value > spec.max) {
        throw InputError(LocationOf(file, node, path),
                         "value " + node.scalar + " is out of range; expected " + spec.Expected());
      }
      return;
    }
    case KeyType::kEnum: {
      const std::string text = ReadString(file, node, path);
      for (const auto& c : spec.choices) {
        if (c == text) return;
      }
      throw InputError(LocationOf(file, node, path), "unknown value '" + text + "'" +
                                                         DidYouMean(text, spec.choices) +
                                                         "; expected " + spec.Expected());
    }
    case KeyType::kCodeList:
      if (node.IsScalar()) return;
      if (node.IsSequence()) {
        if (node.items.empty()) {
          throw InputError(LocationOf(file, node, path),
                           "the list is empty; expected `all` or at least one code");
        }
        for (const auto& item : node.items) ReadString(file, item, path);
        return;
      }
      throw InputError(LocationOf(file, node, path), std::string("expected ") + spec.Expected() +
                                                         ", got a " + YamlKindName(node.kind));
    case KeyType::kShockMap:
    case KeyType::kParameterMap:
      if (!node.IsMap() && !node.IsNull()) {
        throw InputError(LocationOf(file, node, path), std::string("expected ") + spec.Expected() +
                                                           ", got a " + YamlKindName(node.kind));
      }
      return;
    case KeyType::kValueList:
      if (!node.IsSequence() || node.items.empty()) {
        throw InputError(LocationOf(file, node, path), "expected a non-empty list, e.g. [1, 2]");
      }
      for (const auto& item : node.items) ReadString(file, item, path);
      return;
  }
}

namespace {

// True when an unknown key of `map` is a misspelling of `name`: its error already says so,
// and "required key is missing" would repeat it.
bool IsSuggestedFor(const YamlNode& map, KeyScope scope, const std::string& name,
                    const std::vector<std::string>& valid) {
  for (const auto& entry : map.entries) {
    const std::string& key = entry.first.scalar;
    if (FindKey(scope, key) == nullptr && NearestName(key, valid) == name) {
      return true;
    }
  }
  return false;
}

// route_capacity: exactly one of `change` (relative or absolute) and `capacity` (the
// target in the route's physical unit), the target read as the absolute change to it.
void ReadCapacityTarget(const std::string& file, const YamlNode& node, const std::string& path,
                        const Model& model, Shock* shock) {
  const YamlNode* change = node.Find("change");
  const YamlNode* target = node.Find("capacity");
  if ((change == nullptr) == (target == nullptr)) {
    throw InputError(LocationOf(file, target ? *target : node, path + (target ? ".capacity" : "")),
                     change ? "give either `change` or `capacity`, not both"
                            : "a `route_capacity` shock needs `change` (relative or absolute) "
                              "or `capacity` (the new capacity in the route's unit)");
  }
  if (target == nullptr) return;
  const Quantity& base = model.routes[static_cast<size_t>(shock->route)].capacity;
  if (const YamlNode* mode = node.Find("mode")) {
    throw InputError(
        LocationOf(file, *mode, path + ".mode"),
        "`mode` applies to `change`; `capacity` is the new capacity itself, in " + base.unit);
  }
  shock->mode = ChangeMode::kAbsolute;
  shock->capacity_target = true;
  shock->change = ReadNumber(file, *target, path + ".capacity") - base.value;
}

// One key of a shock: known, taken by this type, and of the right type and bounds.
void CheckShockKey(const std::string& file, const std::string& path, const std::string& type_name,
                   const std::vector<std::string>& valid, const YamlNode& key,
                   const YamlNode& value) {
  const KeySpec* spec = FindKey(KeyScope::kShock, key.scalar);
  const std::string key_path = path + "." + key.scalar;
  if (spec == nullptr) {
    throw InputError(
        LocationOf(file, key, key_path),
        "unknown key" + SuggestOrList(key.scalar, valid, "a `" + type_name + "` shock takes"));
  }
  if (!spec->AppliesTo(type_name)) {
    throw InputError(
        LocationOf(file, key, key_path),
        "a `" + type_name + "` shock does not take this key; it takes: " + Join(valid, ", "));
  }
  CheckValue(file, value, key_path, *spec);
}

Shock BuildShock(const std::string& file, const std::string& name, const YamlNode& node,
                 const Model& model, const Scenario& scenario) {
  const std::string path = "shocks." + name;
  if (!node.IsMap()) {
    throw InputError(LocationOf(file, node, path),
                     std::string("expected a mapping with `type` and its keys, got a ") +
                         YamlKindName(node.kind));
  }
  Shock shock;
  shock.name = name;
  shock.where = LocationOf(file, node, path);
  const YamlNode& type_node = RequireKey(file, node, path, "type");
  CheckValue(file, type_node, path + ".type", *FindKey(KeyScope::kShock, "type"));
  FromString(type_node.scalar, &shock.type);
  const std::string type_name = type_node.scalar;

  // Every key must exist in the table and apply to this type; then type and bounds.
  const std::vector<std::string> valid = KeyNames(KeyScope::kShock, type_name);
  ErrorList errors;  // all the key mistakes of the shock at once
  for (const auto& entry : node.entries) {
    errors.Try([&] { CheckShockKey(file, path, type_name, valid, entry.first, entry.second); });
  }
  for (const auto& key_name : valid) {
    const KeySpec* spec = FindKey(KeyScope::kShock, key_name);
    // trade_block's share defaults to 1 (a full embargo).
    // route_capacity takes `change` or `capacity` (checked below).
    const bool optional_here = (type_name == "trade_block" && key_name == "share") ||
                               (type_name == "route_capacity" && key_name == "change");
    if (spec->required && !optional_here && node.Find(key_name) == nullptr &&
        !IsSuggestedFor(node, KeyScope::kShock, key_name, valid)) {
      errors.Add(InputError(
          LocationOf(file, node, path + "." + key_name),
          "required key is missing for a `" + type_name + "` shock; expected " + spec->Expected()));
    }
  }
  errors.ThrowIfAny();

  if (const YamlNode* d = node.Find("description")) shock.description = d->scalar;
  if (const YamlNode* m = node.Find("mode")) FromString(m->scalar, &shock.mode);
  if (const YamlNode* r = node.Find("rule")) FromString(r->scalar, &shock.rule);
  shock.duration_months = NumberOr(file, node, "duration_months", path, 12.0);
  if (!(shock.duration_months > 0.0)) {
    throw InputError(LocationOf(file, *node.Find("duration_months"), path + ".duration_months"),
                     "value " + node.Find("duration_months")->scalar +
                         " is out of range; expected a number in (0, 12]");
  }
  shock.change = NumberOr(file, node, "change", path, 0.0);
  shock.share = NumberOr(file, node, "share", path, 0.0);
  shock.substitution = NumberOr(file, node, "substitution", path, 0.0);
  shock.substitute_premium = NumberOr(file, node, "substitute_premium", path, 0.0);

  shock.reroute_cost = NumberOr(file, node, "reroute_cost", path, 0.0);
  if (const YamlNode* b = node.Find("cost_bearer")) FromString(b->scalar, &shock.cost_bearer);
  const bool relative_fraction =
      shock.type == ShockType::kImportPrice || shock.mode == ChangeMode::kRelative;
  if (const YamlNode* change = node.Find("change");
      change && relative_fraction && shock.change < -1.0) {
    throw InputError(LocationOf(file, *change, path + ".change"),
                     "value " + change->scalar +
                         " is out of range; a relative change is a fraction >= -1 (-1 = all "
                         "of it lost)");
  }
  if (const YamlNode* unit = node.Find("unit")) {
    if (shock.mode != ChangeMode::kAbsolute) {
      throw InputError(LocationOf(file, *unit, path + ".unit"),
                       "`unit` applies to `mode: absolute` only; a relative change is a "
                       "fraction");
    }
    const double factor =
        MoneyUnitToModel(unit->scalar, model, scenario.currency, scenario.exchange_rate,
                         LocationOf(file, *unit, path + ".unit"));
    shock.change *= factor;
  }

  // The large-change rule of the key table: 30 for 30% would otherwise pass silently.
  const YamlNode* allow = node.Find("allow_large");
  const bool allow_large = allow != nullptr && allow->scalar == "true";
  const std::string mode_name = ToString(shock.mode);
  for (const auto& [key, value] : node.entries) {
    const KeySpec* spec = FindKey(KeyScope::kShock, key.scalar);
    if (!IsRelativeValue(*spec, type_name, mode_name)) continue;
    const std::string problem =
        LargeValueProblem(*spec, ReadNumber(file, value, path + "." + key.scalar), allow_large);
    if (!problem.empty()) {
      throw InputError(LocationOf(file, value, path + "." + key.scalar), problem);
    }
  }

  const auto sector_codes = model.SectorCodes();
  if (shock.type == ShockType::kRoute || shock.type == ShockType::kRouteCapacity) {
    const auto routes = model.RouteCodes();
    if (routes.empty()) {
      throw InputError(LocationOf(file, node, path + ".type"),
                       "the model '" + model.name + "' has no routes file (files.routes)");
    }
    const YamlNode& route = *node.Find("route");
    shock.route = ResolveCodes(file, route, path + ".route", routes, "route").front();
    if (!route.IsScalar() || route.scalar == "all") {
      throw InputError(LocationOf(file, route, path + ".route"), "expected one route code");
    }
    if (const YamlNode* alternatives = node.Find("alternatives")) {
      shock.alternatives =
          ResolveCodes(file, *alternatives, path + ".alternatives", routes, "route");
      for (Index a : shock.alternatives) {
        if (a == shock.route) {
          throw InputError(LocationOf(file, *alternatives, path + ".alternatives"),
                           "the route '" + route.scalar + "' cannot be its own alternative");
        }
      }
    }
    if (shock.type == ShockType::kRouteCapacity &&
        !model.routes[static_cast<size_t>(shock.route)].capacity.known) {
      throw InputError(LocationOf(file, route, path + ".route"),
                       "the route '" + route.scalar + "' has no capacity figure to change");
    }
    if (shock.type == ShockType::kRouteCapacity)
      ReadCapacityTarget(file, node, path, model, &shock);
    return shock;
  }
  if (shock.type == ShockType::kTradeBlock) {
    ReadTradeBlock(file, node, path, model, &shock);
    return shock;
  }
  if (shock.type == ShockType::kCapacity) {
    if (const YamlNode* sectors = node.Find("sectors")) {
      shock.sectors = ResolveCodes(file, *sectors, path + ".sectors", sector_codes, "sector");
    } else {
      for (Index i = 0; i < model.sector_count(); ++i) shock.sectors.push_back(i);
    }
    return shock;
  }
  if (shock.type == ShockType::kFinalDemand) {
    ReadFinalDemandScope(file, node, path, model, &shock);
  } else {
    if (shock.type == ShockType::kExports) {
      ReadExportsScope(file, node, path, model, &shock);
    } else {
      if (const YamlNode* products = node.Find("products")) {
        shock.sectors = ResolveCodes(file, *products, path + ".products", sector_codes, "product");
      } else {
        for (Index i = 0; i < model.sector_count(); ++i) shock.sectors.push_back(i);
      }
      if (const YamlNode* partners = node.Find("partners")) {
        shock.partners = ResolveCodes(file, *partners, path + ".partners", model.PartnerCodes(),
                                      "partner", {}, &model.partners);
      } else {
        for (Index p = 0; p < model.partner_count(); ++p) shock.partners.push_back(p);
      }
    }
    if (const YamlNode* substitutes = node.Find("substitute_partners")) {
      shock.substitutes = ResolveCodes(file, *substitutes, path + ".substitute_partners",
                                       model.PartnerCodes(), "partner", {}, &model.partners);
    }
    shock.redirect_share = NumberOr(file, node, "redirect_share", path, 0.0);
    if (const YamlNode* redirect = node.Find("redirect_to")) {
      shock.redirect_to = ResolveCodes(file, *redirect, path + ".redirect_to", model.PartnerCodes(),
                                       "partner", {}, &model.partners);
    }
    if (shock.redirect_share > 0.0 && !shock.buyer_regions.empty()) {
      throw InputError(LocationOf(file, *node.Find("redirect_share"), path + ".redirect_share"),
                       "`redirect_share` diverts a fall in exports to exogenous partners, but "
                       "this shock also changes sales to regions of the model, which are not "
                       "redirected; name `partners` only, or drop `redirect_share`");
    }
  }
  return shock;
}

void SetReportUnit(const std::string& file, const YamlNode& root, const Model& model,
                   Scenario* scenario) {
  scenario->currency = model.currency;
  scenario->exchange_rate = 1.0;
  if (const YamlNode* c = root.Find("currency")) scenario->currency = c->scalar;
  if (scenario->currency != model.currency) {
    bool found = false;
    for (const auto& [code, rate] : model.exchange_rates) {
      if (code == scenario->currency) {
        scenario->exchange_rate = rate;
        found = true;
      }
    }
    if (const YamlNode* rate = root.Find("exchange_rate")) {
      scenario->exchange_rate = ReadNumber(file, *rate, "exchange_rate");
      found = true;
    }
    if (!found) {
      throw InputError(LocationOf(file, *root.Find("currency"), "currency"),
                       "the model has no exchange rate for '" + scenario->currency +
                           "'; give `exchange_rate` (" + model.currency + " per " +
                           scenario->currency + ") or use " + model.currency);
    }
  } else if (const YamlNode* rate = root.Find("exchange_rate")) {
    throw InputError(
        LocationOf(file, *rate, "exchange_rate"),
        "`exchange_rate` needs a `currency` other than the model's (" + model.currency + ")");
  }
  std::string scale = "model";
  if (const YamlNode* s = root.Find("scale")) scale = s->scalar;
  if (scale == "model") {
    scale = scenario->currency == model.currency ? "" : "million";
  }
  if (scale.empty()) {
    scenario->report_scale = model.unit_scale;
    scenario->report_unit = model.unit;
  } else {
    scenario->report_scale = ScaleWordValue(scale);
    scenario->report_unit = scenario->currency + (scale == "one" ? "" : " " + scale);
  }
}

// The scenario's own import origin shares (`import_origin`), checked like the model's.
void ReadImportOrigin(const std::string& file, const YamlNode* origin, const Model& model,
                      Scenario* out) {
  Scenario& scenario = *out;
  namespace fs = std::filesystem;
  fs::path path(origin->scalar);
  if (path.is_relative() && file != "<stdin>") path = fs::path(file).parent_path() / path;
  const std::string csv = path.lexically_normal().string();
  try {
    scenario.import_origin = ReadLabelledMatrix(csv, model.SectorCodes(), model.PartnerCodes());
  } catch (const InputError& e) {
    throw InputError(LocationOf(file, *origin, "import_origin"), e.what());
  }
  for (Index i = 0; i < scenario.import_origin.rows(); ++i) {
    const double sum = scenario.import_origin.row(i).sum();
    if (scenario.import_origin.row(i).minCoeff() < 0.0 || std::fabs(sum - 1.0) > 1e-6) {
      throw InputError(LocationOf(file, *origin, "import_origin"),
                       csv + ": the shares of product '" +
                           model.sectors[static_cast<size_t>(i)].code + "' sum to " +
                           FormatNumber(sum) +
                           " or hold a negative; expected non-negative shares summing to 1");
    }
  }
  scenario.has_import_origin = true;
}

void MarkOrigin(YamlNode* node, const std::string& origin) {
  node->origin = origin;
  for (auto& item : node->items) MarkOrigin(&item, origin);
  for (auto& [key, value] : node->entries) {
    MarkOrigin(&key, origin);
    MarkOrigin(&value, origin);
  }
}

}  // namespace

std::string ToString(ShockType type) { return NameOf(kShockTypes, type); }
bool FromString(const std::string& text, ShockType* type) {
  return ValueOf(kShockTypes, text, type);
}
std::string ToString(ChangeMode mode) { return NameOf(kModes, mode); }
bool FromString(const std::string& text, ChangeMode* mode) { return ValueOf(kModes, text, mode); }
std::string ToString(SupplyRule rule) { return NameOf(kRules, rule); }
bool FromString(const std::string& text, SupplyRule* rule) { return ValueOf(kRules, text, rule); }
std::string ToString(CostBearer bearer) { return NameOf(kBearers, bearer); }
bool FromString(const std::string& text, CostBearer* bearer) {
  return ValueOf(kBearers, text, bearer);
}

void CheckShockOfPath(const YamlNode& root, const std::string& path, const std::string& file,
                      const SourceLocation& where) {
  const std::string prefix = "shocks.";
  if (path.compare(0, prefix.size(), prefix) != 0) return;
  const size_t dot = path.find('.', prefix.size());
  if (dot == std::string::npos) return;  // shocks.NAME: a whole new shock
  const std::string name = path.substr(prefix.size(), dot - prefix.size());
  if (path.substr(dot + 1) == "type") return;
  const YamlNode* shocks = root.IsMap() ? root.Find("shocks") : nullptr;
  std::vector<std::string> names;
  if (shocks != nullptr && shocks->IsMap()) {
    if (shocks->Find(name) != nullptr) return;
    for (const auto& entry : shocks->entries) names.push_back(entry.first.scalar);
  }
  std::string nearest = NearestName(name, names);
  // A shortened name (cpc for cpc_down) is too far for an edit distance but plain to see.
  for (size_t i = 0; i < names.size() && nearest.empty() && !name.empty(); ++i) {
    if (names[i].find(name) != std::string::npos) nearest = names[i];
  }
  const std::string in = file.empty() ? std::string("the scenario") : file;
  throw InputError(where,
                   "no shock named '" + Echo(name) + "' in " + in +
                       (names.empty() ? std::string("; it has no shocks")
                                      : "; its shocks are: " + Join(names, ", ")) +
                       (nearest.empty() ? std::string() : " (did you mean '" + nearest + "'?)"));
}

void SetValueAtPath(YamlNode* root, const std::string& path, YamlNode value,
                    const std::string& origin, const std::string& file) {
  const SourceLocation where{Echo(origin, 200), 0, 0, ""};
  // Paths nest no deeper than YAML files may: a path of 60,000 names would otherwise build
  // a tree that no scenario can use, at gigabytes of memory.
  const int max_depth = ProcessLimits().max_depth;
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= path.size()) {
    const size_t dot = path.find('.', start);
    const std::string part =
        path.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
    if (part.empty()) {
      throw InputError(where, "empty name in the key path '" + Echo(path, 200) + "'");
    }
    if (static_cast<int>(parts.size()) >= max_depth) {
      throw InputError(where, "the key path '" + Echo(path, 200) + "' is deeper than " +
                                  std::to_string(max_depth) +
                                  " names; a scenario needs only a few");
    }
    parts.push_back(part);
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  CheckShockOfPath(*root, path, file, where);
  if (root->IsNull()) root->kind = YamlNode::Kind::kMap;
  YamlNode* node = root;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (node->IsNull()) node->kind = YamlNode::Kind::kMap;
    if (!node->IsMap()) {
      throw InputError(where,
                       "'" +
                           Echo(Join(std::vector<std::string>(parts.begin(),
                                                              parts.begin() + static_cast<long>(i)),
                                     "."),
                                200) +
                           "' is not a mapping, so it has no key '" + Echo(parts[i]) + "'");
    }
    YamlNode* child = node->Find(parts[i]);
    if (child == nullptr) {
      YamlNode key;
      key.kind = YamlNode::Kind::kScalar;
      key.scalar = parts[i];
      key.origin = origin;
      node->entries.emplace_back(key, YamlNode());
      child = &node->entries.back().second;
    }
    node = child;
  }
  MarkOrigin(&value, origin);
  *node = std::move(value);
}

void ApplyOverride(YamlNode* root, const std::string& assignment, const std::string& file) {
  const size_t eq = assignment.find('=');
  const std::string where = "--set " + Echo(assignment, 200);
  if (eq == std::string::npos || eq == 0) {
    throw InputError(SourceLocation{where, 0, 0, ""},
                     "expected PATH=VALUE, e.g. shocks.russia_demand.change=-0.2");
  }
  SetValueAtPath(root, assignment.substr(0, eq), ParseYaml(assignment.substr(eq + 1), where), where,
                 file);
}

std::string ScenarioModelFolder(const YamlNode& root, const std::string& file,
                                const std::string& default_folder) {
  if (!root.IsMap()) return default_folder;
  const YamlNode* model = root.Find("model");
  if (model == nullptr) return default_folder;
  const std::string text = ReadString(file, *model, "model");
  // Standard input has no folder: a relative path is taken from the current directory.
  const bool stdin_source = file == "-" || file == "<stdin>";
  return ResolveModelReference(
      text, stdin_source ? std::string() : std::filesystem::path(file).parent_path().string());
}

Scenario BuildScenario(const YamlNode& root, const std::string& file, const Model& model) {
  if (root.IsNull()) {
    throw InputError(SourceLocation{file, 0, 0, ""},
                     "the scenario is empty; expected a mapping with `name` and `shocks`");
  }
  if (!root.IsMap()) {
    throw InputError(SourceLocation{file, root.line, root.column, ""},
                     std::string("a scenario is a mapping with `name` and `shocks`, got a ") +
                         YamlKindName(root.kind));
  }
  const std::vector<std::string> valid = KeyNames(KeyScope::kScenario);
  // Every mistake of the file at once (up to ErrorList::kMaxErrors), not one per run.
  ErrorList errors;
  for (const auto& entry : root.entries) {
    errors.Try([&] {
      const YamlNode& key = entry.first;
      const YamlNode& value = entry.second;
      const KeySpec* spec = FindKey(KeyScope::kScenario, key.scalar);
      if (spec == nullptr) {
        throw InputError(LocationOf(file, key, key.scalar),
                         "unknown key" + SuggestOrList(key.scalar, valid, "a scenario takes"));
      }
      CheckValue(file, value, key.scalar, *spec);
    });
  }
  for (const auto& key_name : valid) {
    const KeySpec* spec = FindKey(KeyScope::kScenario, key_name);
    if (spec->required && root.Find(key_name) == nullptr &&
        !IsSuggestedFor(root, KeyScope::kScenario, key_name, valid)) {
      errors.Add(InputError(SourceLocation{file, root.line, root.column, "key '" + key_name + "'"},
                            "required key is missing; expected " + spec->Expected()));
    }
  }
  Scenario scenario;
  scenario.file = file;
  scenario.currency = model.currency;  // until SetReportUnit, for the shocks' checks
  if (errors.empty()) {
    scenario.name = root.Find("name")->scalar;
    if (const YamlNode* d = root.Find("description")) scenario.description = d->scalar;
    if (const YamlNode* t = root.Find("top"))
      scenario.top = static_cast<int>(ReadInteger(file, *t, "top"));
    errors.Try([&] { SetReportUnit(file, root, model, &scenario); });
    if (const YamlNode* origin = root.Find("import_origin")) {
      errors.Try([&] { ReadImportOrigin(file, origin, model, &scenario); });
    }
  }
  if (const YamlNode* shocks = root.Find("shocks"); shocks != nullptr && shocks->IsMap()) {
    for (const auto& entry : shocks->entries) {
      errors.Try([&] {
        scenario.shocks.push_back(
            BuildShock(file, entry.first.scalar, entry.second, model, scenario));
      });
    }
  }
  errors.ThrowIfAny();
  // Lost inputs are combined per product before the rule applies, so one rule serves all.
  const Shock* first_supply = nullptr;
  for (const Shock& shock : scenario.shocks) {
    if (shock.type != ShockType::kImportSupply) continue;
    if (first_supply == nullptr) {
      first_supply = &shock;
    } else if (shock.rule != first_supply->rule) {
      throw InputError(shock.where, "rule '" + ToString(shock.rule) + "' differs from rule '" +
                                        ToString(first_supply->rule) + "' of shock '" +
                                        first_supply->name +
                                        "'; all import_supply shocks of a scenario share one rule");
    }
  }
  return scenario;
}

}  // namespace spillover
