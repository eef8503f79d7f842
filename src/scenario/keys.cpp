#include "scenario/keys.h"

#include <cmath>
#include <limits>

#include "core/text.h"
#include "scenario/sweep_keys.h"

namespace spillover {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

const std::vector<std::string> kTradeShocks = {"exports", "import_supply", "import_price"};
const std::vector<std::string> kTradeBlock = {"trade_block"};
const std::vector<std::string> kRouteShocks = {"route", "route_capacity"};

}  // namespace

std::string ToString(KeyType type) {
  switch (type) {
    case KeyType::kString:
      return "text";
    case KeyType::kNumber:
      return "number";
    case KeyType::kInteger:
      return "integer";
    case KeyType::kEnum:
      return "choice";
    case KeyType::kCodeList:
      return "list of codes";
    case KeyType::kShockMap:
      return "mapping of named shocks";
    case KeyType::kValueList:
      return "list";
    case KeyType::kParameterMap:
      return "mapping of parameters";
  }
  return "?";
}

const std::vector<ShockTypeSpec>& ShockTypes() {
  static const std::vector<ShockTypeSpec> types = {
      {"final_demand", "flows (final use), relative or in a money unit",
       "Changes domestic final use of the chosen sectors' products in the chosen categories; "
       "output follows from x = L y. On a multi-regional model `origins` chooses the "
       "producing regions and `regions` the buying ones."},
      {"exports", "flows (exports), relative or in a money unit",
       "Changes exports of the chosen products to the chosen partners; output follows from "
       "x = L y. On a multi-regional model the sellers are the focus region (or `origins`) "
       "and the buyers also the model's own `regions`, whose purchases are cells of A and Y: "
       "they are scaled and x = (I - A_new)^-1 y_new."},
      {"import_supply", "flows (imports received), relative share lost",
       "Loses a share of the imports of the chosen products from the chosen origins; a share "
       "of the loss is replaced from other origins. The rest constrains the sectors that use "
       "those imports (rule), solved as the mixed model, and cuts imported final use."},
      {"import_price", "prices (imports), relative change",
       "Changes the price of the chosen products imported from the chosen origins; the "
       "cost-push price model gives sector prices and the consumer price index."},
      {"route", "flows (exports), relative share of a route's capacity lost",
       "An export route loses a share of its capacity. The flows it carries move onto the "
       "`alternatives` up to their spare capacity, at `reroute_cost`; the rest of the "
       "exports is lost and propagates through x = L y. On a multi-regional model a route "
       "may carry the focus region's sales to another region (`partner: EU27` in the routes "
       "file): that region's cells of A and Y fall by the share lost."},
      {"capacity", "output limit (coefficient-free bound on x), relative to base output",
       "Limits the output of the chosen sectors to (1 + change) × base output (a pipeline "
       "or refinery at capacity: 0; an outage: -0.3). Demand cannot push them past it: the "
       "mixed model serves intermediate users first and rations final users, exports "
       "included, in proportion to their purchases."},
      {"trade_block",
       "coefficients (A and Y cells between regions), relative share cut; multi-regional models",
       "Regions `from` stop selling `products` to the regions `to`: the cells A[from:i, to:j] "
       "and Y[from:i, to:f] are multiplied by (1 - share), with no substitution. With "
       "`propagation: demand` output follows from x = (I - A_new)^-1 y_new (downstream, "
       "Imbs & Pauwels' hypothetical output test); with `propagation: supply` the allocation "
       "coefficients B = diag(x)^-1 Z are cut instead and x' = v' (I - B_new)^-1 (Ghosh: "
       "upstream). See docs/methods.md for both and their limits."},
      {"route_capacity",
       "route capacity (physical unit of the routes file), relative, absolute or a target",
       "Changes a route's capacity, e.g. a Middle Corridor expansion: a relative or absolute "
       "`change`, or the new `capacity` in the route's unit; it matters only as spare "
       "capacity for rerouting."},
  };
  return types;
}

std::vector<std::string> ShockTypeNames() {
  std::vector<std::string> names;
  for (const auto& t : ShockTypes()) names.push_back(t.name);
  return names;
}

namespace {

// The scenario and shock keys; the sweep and parameter keys are in sweep_keys.cpp.
std::vector<KeySpec> ScenarioAndShockKeys() {
  return {
      {"name",
       KeyScope::kScenario,
       KeyType::kString,
       0,
       0,
       "",
       true,
       {},
       {},
       "Short name of the scenario; the `scenario` column of every result."},
      {"description",
       KeyScope::kScenario,
       KeyType::kString,
       0,
       0,
       "\"\"",
       false,
       {},
       {},
       "What the scenario tells, and where its magnitudes come from."},
      {"model",
       KeyScope::kScenario,
       KeyType::kString,
       0,
       0,
       "the shipped model",
       false,
       {},
       {},
       "Model folder; a relative path is taken from the scenario file's folder (from the current "
       "directory for a scenario read from standard input), and a bare name such as "
       "`example-2sector` that is no folder there names a shipped model."},
      {"currency",
       KeyScope::kScenario,
       KeyType::kString,
       0,
       0,
       "the model's currency",
       false,
       {},
       {},
       "Currency of the reported money values (ISO code); other than the model's, it needs an "
       "exchange rate."},
      {"exchange_rate",
       KeyScope::kScenario,
       KeyType::kNumber,
       1e-12,
       kInf,
       "the model's rate",
       false,
       {},
       {},
       "Units of the model's currency per unit of `currency` (e.g. KZT per USD)."},
      {"scale",
       KeyScope::kScenario,
       KeyType::kEnum,
       0,
       0,
       "model",
       false,
       {"model", "one", "thousand", "million", "billion", "trillion"},
       {},
       "Scale of the reported money values; `model` keeps the model's unit (or millions when "
       "the currency differs)."},
      {"import_origin",
       KeyScope::kScenario,
       KeyType::kString,
       0,
       0,
       "the model's",
       false,
       {},
       {},
       "CSV of import origin shares (products × partners, rows summing to 1) that replaces "
       "the model's proportionality assumption; relative to the scenario file's folder."},
      {"top",
       KeyScope::kScenario,
       KeyType::kInteger,
       1,
       1000,
       "10",
       false,
       {},
       {},
       "How many of the hardest-hit sectors the readable report lists."},
      {"shocks",
       KeyScope::kScenario,
       KeyType::kShockMap,
       0,
       0,
       "",
       true,
       {},
       {},
       "The shocks, each under a name of your choice (`shocks.NAME.KEY`). An empty mapping "
       "is a baseline run."},

      {"type",
       KeyScope::kShock,
       KeyType::kEnum,
       0,
       0,
       "",
       true,
       ShockTypeNames(),
       {},
       "What the shock changes; see the shock types below."},
      {"description",
       KeyScope::kShock,
       KeyType::kString,
       0,
       0,
       "\"\"",
       false,
       {},
       {},
       "What this shock stands for and its source."},
      {"mode",
       KeyScope::kShock,
       KeyType::kEnum,
       0,
       0,
       "relative",
       false,
       {"relative", "absolute"},
       {"final_demand", "exports", "route_capacity"},
       "`relative`: `change` is a fraction of the base flow or capacity (-0.2 = a fall of "
       "20%); `absolute`: `change` is an amount in `unit` added to each chosen flow (for "
       "`route_capacity`: in the route's capacity unit, e.g. Mt/yr)."},
      {"change",
       KeyScope::kShock,
       KeyType::kNumber,
       -1e15,
       1e15,
       "",
       true,
       {},
       {"final_demand", "exports", "import_price", "route_capacity", "capacity"},
       "Size of the change: a fraction for relative shocks (>= -1) and prices, an amount in "
       "`unit` for absolute ones; for `capacity`, the limit relative to base output (0 = "
       "no more than the base year, 0.05 = 5% headroom, -0.3 = 30% of capacity lost). A "
       "relative change above 1 (more than doubling) needs `allow_large: true`.",
       1.0},
      {"unit",
       KeyScope::kShock,
       KeyType::kString,
       0,
       0,
       "the model's unit",
       false,
       {},
       {"final_demand", "exports"},
       "Unit of an absolute `change`: `model`, or a currency with an optional scale "
       "(`USD million`); other currencies use the scenario's exchange rate."},
      {"sectors",
       KeyScope::kShock,
       KeyType::kCodeList,
       0,
       0,
       "all",
       false,
       {},
       {"final_demand", "capacity"},
       "Sector codes: whose products are demanded (`final_demand`), or whose output is "
       "limited (`capacity`); `all` or a list. On a multi-regional model `final_demand` also "
       "takes codes without the region (`C19`: that sector of every region in `origins`)."},
      {"categories",
       KeyScope::kShock,
       KeyType::kCodeList,
       0,
       0,
       "all but exports",
       false,
       {},
       {"final_demand"},
       "Final-demand category codes or kinds (`households`, `investment`, …), `all`, or a "
       "list."},
      {"products",
       KeyScope::kShock,
       KeyType::kCodeList,
       0,
       0,
       "all",
       false,
       {},
       {"exports", "import_supply", "import_price", "trade_block"},
       "Product codes (the model's sector codes) traded; for `trade_block`, sector codes "
       "without the region (`B06`, `C19`). `exports` on a multi-regional model takes either "
       "form (`B06`: that sector of every region in `origins`)."},
      {"partners",
       KeyScope::kShock,
       KeyType::kCodeList,
       0,
       0,
       "all",
       false,
       {},
       kTradeShocks,
       "Partner codes: destinations of exports, origins of imports. On a multi-regional "
       "model these are the exogenous partners; the model's own regions are `regions`."},
      {"regions",
       KeyScope::kShock,
       KeyType::kCodeList,
       0,
       0,
       "final_demand: all; exports: all (none when `partners` is given)",
       false,
       {},
       {"final_demand", "exports"},
       "Multi-regional models: the buying regions. `final_demand`: the regions whose final "
       "users' demand changes (their columns of Y); `exports`: the regions whose industries "
       "and final users buy the products, cells A[origin:i, region:j] and Y[origin:i, "
       "region:f] scaled by (1 + change), no substitution. Codes match without regard to "
       "case. On a one-region model `final_demand` may name only that region and `exports` "
       "takes none (its buyers are `partners`)."},
      {"origins",
       KeyScope::kShock,
       KeyType::kCodeList,
       0,
       0,
       "final_demand: all; exports: the focus region",
       false,
       {},
       {"final_demand", "exports"},
       "Multi-regional models: the producing regions whose products (`sectors`, `products`) "
       "change, e.g. [RUS]; a code written with its region (`KAZ:B06`) must lie in one of "
       "them. Codes match without regard to case; on a one-region model only that region."},
      {"share",
       KeyScope::kShock,
       KeyType::kNumber,
       0,
       1,
       "",
       true,
       {},
       {"import_supply", "route", "trade_block"},
       "Fraction lost (0 to 1): of the imports from the chosen origins (`import_supply`), "
       "of the route's capacity (`route`), or of the blocked flows (`trade_block`, default "
       "1)."},
      {"from",
       KeyScope::kShock,
       KeyType::kCodeList,
       0,
       0,
       "",
       true,
       {},
       kTradeBlock,
       "Region codes of the sanctioned sellers, e.g. [RUS]."},
      {"to",
       KeyScope::kShock,
       KeyType::kCodeList,
       0,
       0,
       "all regions not in `from`",
       false,
       {},
       kTradeBlock,
       "Region codes of the buyers that stop buying, e.g. [EU27, USA, G7O]."},
      {"flows",
       KeyScope::kShock,
       KeyType::kEnum,
       0,
       0,
       "both",
       false,
       {"intermediate", "final", "both"},
       kTradeBlock,
       "Which purchases stop: by industries (`intermediate`, cells of A), by final users "
       "(`final`, cells of Y), or `both`."},
      {"propagation",
       KeyScope::kShock,
       KeyType::kEnum,
       0,
       0,
       "demand",
       false,
       {"demand", "supply"},
       kTradeBlock,
       "`demand`: Leontief, the buyers' lost purchases propagate downstream to suppliers; "
       "`supply`: Ghosh, the supply-driven model, in which the lost deliveries reach the "
       "output of the buyers and of their own customers (see docs/methods.md)."},
      {"substitution",
       KeyScope::kShock,
       KeyType::kNumber,
       0,
       1,
       "0",
       false,
       {},
       {"import_supply"},
       "Fraction of the lost imports replaced by other origins, in proportion to their "
       "shares (0 to 1)."},
      {"substitute_premium",
       KeyScope::kShock,
       KeyType::kNumber,
       0,
       10,
       "0",
       false,
       {},
       {"import_supply"},
       "Relative price premium paid on the replacement imports (0.1 = 10% dearer); it feeds "
       "the price model; above 1 it needs `allow_large: true`.",
       1.0},
      {"substitute_partners",
       KeyScope::kShock,
       KeyType::kCodeList,
       0,
       0,
       "all other partners",
       false,
       {},
       {"import_supply"},
       "The origins that replace the lost imports, in proportion to their shares of the "
       "product (equally where none has a share), e.g. [CHN, EU, TUR]."},
      {"redirect_share",
       KeyScope::kShock,
       KeyType::kNumber,
       0,
       1,
       "0",
       false,
       {},
       {"exports"},
       "Fraction of a fall in exports that is sold to `redirect_to` instead (trade "
       "diversion; 0 to 1)."},
      {"redirect_to",
       KeyScope::kShock,
       KeyType::kCodeList,
       0,
       0,
       "all other partners",
       false,
       {},
       {"exports"},
       "Partners that take the redirected exports, in proportion to their purchases of the "
       "product (equally where none buys it)."},
      {"rule",
       KeyScope::kShock,
       KeyType::kEnum,
       0,
       0,
       "proportional",
       false,
       {"proportional", "bottleneck"},
       {"import_supply"},
       "How a lost input constrains the sector that uses it: `proportional` cuts its output "
       "by the lost share of its total intermediate inputs; `bottleneck` by the largest lost "
       "share of any one imported input (fixed proportions, an upper bound)."},
      {"route",
       KeyScope::kShock,
       KeyType::kString,
       0,
       0,
       "",
       true,
       {},
       kRouteShocks,
       "Code of a route in the model's routes file."},
      {"alternatives",
       KeyScope::kShock,
       KeyType::kCodeList,
       0,
       0,
       "none",
       false,
       {},
       {"route"},
       "Routes that take the lost flows, in order, up to their spare capacity (capacity "
       "less current use, scaled to the shock's duration)."},
      {"reroute_cost",
       KeyScope::kShock,
       KeyType::kNumber,
       0,
       10,
       "0",
       false,
       {},
       {"route"},
       "Extra transport cost of a rerouted flow, as a fraction of its value (0.05 = 5%); "
       "above 1 it needs `allow_large: true`.",
       1.0},
      {"cost_bearer",
       KeyScope::kShock,
       KeyType::kEnum,
       0,
       0,
       "exporters",
       false,
       {"exporters", "buyers"},
       {"route"},
       "Who pays the extra cost: `exporters` (their value added falls) or `buyers` (export "
       "prices rise by the cost; quantities do not react in a linear model)."},
      {"capacity",
       KeyScope::kShock,
       KeyType::kNumber,
       0,
       1e15,
       "one of change, capacity",
       false,
       {},
       {"route_capacity"},
       "The route's new capacity, in its physical unit (the routes file's, e.g. Mt/yr): "
       "`capacity: 20` sets the Middle Corridor to 20 Mt/yr. Give it or `change`, not both."},
      {"allow_large",
       KeyScope::kShock,
       KeyType::kEnum,
       0,
       0,
       "false",
       false,
       {"true", "false"},
       {},
       "`true` accepts a relative value above 1 (a change of more than +100%, a premium or "
       "cost above the flow's value), which is otherwise refused as a likely percent written "
       "as a number (30 for 30%)."},
      {"duration_months",
       KeyScope::kShock,
       KeyType::kNumber,
       0,
       12,
       "12",
       false,
       {},
       {},
       "Months of the model year the shock lasts; annual effects scale by months / 12."},
  };
}

}  // namespace

const std::vector<KeySpec>& ScenarioKeys() {
  static const std::vector<KeySpec> keys = [] {
    std::vector<KeySpec> all = ScenarioAndShockKeys();
    const std::vector<KeySpec> sweep = SweepKeys();
    all.insert(all.end(), sweep.begin(), sweep.end());
    return all;
  }();
  return keys;
}

bool KeySpec::AppliesTo(const std::string& shock_type) const {
  if (shock_types.empty()) return true;
  for (const auto& t : shock_types) {
    if (t == shock_type) return true;
  }
  return false;
}

const KeySpec* FindKey(KeyScope scope, const std::string& name) {
  for (const auto& key : ScenarioKeys()) {
    if (key.scope == scope && key.name == name) return &key;
  }
  return nullptr;
}

std::vector<std::string> KeyNames(KeyScope scope, const std::string& shock_type) {
  std::vector<std::string> names;
  for (const auto& key : ScenarioKeys()) {
    if (key.scope != scope) continue;
    if ((scope == KeyScope::kShock || scope == KeyScope::kParameter) && !shock_type.empty() &&
        !key.AppliesTo(shock_type)) {
      continue;
    }
    names.push_back(key.name);
  }
  return names;
}

}  // namespace spillover
