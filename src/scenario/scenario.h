// Scenarios: typed, checked against the key table and against the model's codes.
#pragma once

#include <string>
#include <vector>

#include "core/error.h"
#include "core/model.h"
#include "io/yaml_doc.h"

namespace spillover {

enum class ShockType {
  kFinalDemand,
  kExports,
  kImportSupply,
  kImportPrice,
  kRoute,
  kRouteCapacity,
  kCapacity,
  kTradeBlock
};
enum class ChangeMode { kRelative, kAbsolute };
enum class SupplyRule { kProportional, kBottleneck };
enum class CostBearer { kExporters, kBuyers };

std::string ToString(ShockType type);
bool FromString(const std::string& text, ShockType* type);
std::string ToString(ChangeMode mode);
bool FromString(const std::string& text, ChangeMode* mode);
std::string ToString(SupplyRule rule);
bool FromString(const std::string& text, SupplyRule* rule);
std::string ToString(CostBearer bearer);
bool FromString(const std::string& text, CostBearer* bearer);

struct Shock {
  std::string name;
  std::string description;
  ShockType type = ShockType::kFinalDemand;
  ChangeMode mode = ChangeMode::kRelative;
  double change = 0.0;  // fraction, or amount in the model's unit (already converted)
  // route_capacity given as `capacity` (the target, in the route's unit): then mode is
  // absolute and change = target - base capacity.
  bool capacity_target = false;
  double share = 0.0;  // import_supply: fraction lost
  double substitution = 0.0;
  double substitute_premium = 0.0;
  SupplyRule rule = SupplyRule::kProportional;
  double duration_months = 12.0;
  std::vector<Index> sectors;     // final_demand: sector indices; trade shocks: products
  std::vector<Index> categories;  // final_demand
  std::vector<Index> partners;    // trade shocks
  // exports on a multi-regional model: the endogenous regions whose purchases change (their
  // industries' coefficients and their final users' demand for the products in `sectors`).
  std::vector<Index> buyer_regions;
  std::vector<Index> substitutes;  // import_supply: replacement origins (empty: all others)
  std::vector<Index> redirect_to;  // exports: partners taking redirected exports
  double redirect_share = 0.0;
  Index route = -1;  // route shocks: index into Model::routes
  std::vector<Index> alternatives;
  double reroute_cost = 0.0;
  CostBearer cost_bearer = CostBearer::kExporters;
  // trade_block: regions that stop selling (`from`) to buyers (`to`), for the base sector
  // indices in `sectors` (within a region), on intermediate and/or final flows.
  std::vector<Index> from_regions;
  std::vector<Index> to_regions;
  bool block_intermediate = true;
  bool block_final = true;
  bool supply_propagation = false;  // Ghosh (upstream) instead of Leontief (downstream)
  SourceLocation where;

  double YearFraction() const { return duration_months / 12.0; }
};

struct Scenario {
  std::string file;
  std::string name;
  std::string description;
  std::string currency;        // of reported money values
  double exchange_rate = 1.0;  // model currency units per unit of `currency`
  double report_scale = 1.0;   // currency units per reported unit
  std::string report_unit;     // e.g. "KZT thousand", "USD million"
  int top = 10;
  bool has_import_origin = false;  // the scenario replaces the model's import origin shares
  Matrix import_origin;            // products × partners
  std::vector<Shock> shocks;

  const Matrix& OriginShares(const Model& model) const {
    return has_import_origin ? import_origin : model.import_origin;
  }
};

struct KeySpec;
// Checks one value against its key spec (type and bounds); throws InputError.
void CheckValue(const std::string& file, const YamlNode& node, const std::string& path,
                const KeySpec& spec);

// Overrides one key: `assignment` is "PATH=VALUE" with PATH dotted (shocks.NAME.change)
// and VALUE a YAML value ("-0.2", "[RUS, CHN]").
// `file` names the scenario in the error for a path through a shock it does not have.
void ApplyOverride(YamlNode* root, const std::string& assignment, const std::string& file = "");
// Sets the value at a dotted PATH, creating mappings on the way; `origin` names the source
// of the value in error messages (a --set option, a sweep parameter).
void SetValueAtPath(YamlNode* root, const std::string& path, YamlNode value,
                    const std::string& origin, const std::string& file = "");

// Throws "no shock named 'cpc' in FILE; its shocks are: …" (with the nearest name) when the
// dotted `path` goes through a shock (shocks.NAME.KEY) that `root` does not have. A path to
// `shocks.NAME.type` may create a new shock.
void CheckShockOfPath(const YamlNode& root, const std::string& path, const std::string& file,
                      const SourceLocation& where);

// The model folder the scenario asks for, resolved against the scenario file's folder, or
// `default_folder`.
std::string ScenarioModelFolder(const YamlNode& root, const std::string& file,
                                const std::string& default_folder);

// Checks every key against the key table and every code against the model, and converts
// absolute amounts into the model's unit.
Scenario BuildScenario(const YamlNode& root, const std::string& file, const Model& model);

}  // namespace spillover
