#include "scenario/keys.h"

#include <cmath>
#include <limits>

#include "core/text.h"

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
       "output follows from x = L y."},
      {"exports", "flows (exports), relative or in a money unit",
       "Changes exports of the chosen products to the chosen partners; output follows from "
       "x = L y."},
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
       "exports is lost and propagates through x = L y."},
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

const std::vector<KeySpec>& ScenarioKeys() {
  static const std::vector<KeySpec> keys = {
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
       "limited (`capacity`); `all` or a list."},
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
       "without the region (`B06`, `C19`)."},
      {"partners",
       KeyScope::kShock,
       KeyType::kCodeList,
       0,
       0,
       "all",
       false,
       {},
       kTradeShocks,
       "Partner codes: destinations of exports, origins of imports."},
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
      {"name",
       KeyScope::kSweep,
       KeyType::kString,
       0,
       0,
       "",
       true,
       {},
       {},
       "Name of the sweep; the `scenario` column of its results."},
      {"description",
       KeyScope::kSweep,
       KeyType::kString,
       0,
       0,
       "\"\"",
       false,
       {},
       {},
       "What the sweep asks."},
      {"base",
       KeyScope::kSweep,
       KeyType::kString,
       0,
       0,
       "",
       true,
       {},
       {},
       "The scenario file every point starts from, relative to the sweep file's folder."},
      {"method",
       KeyScope::kSweep,
       KeyType::kEnum,
       0,
       0,
       "grid",
       false,
       {"grid", "monte_carlo"},
       {},
       "`grid`: every combination of the parameters' values (parameters of one `group` vary "
       "together); `monte_carlo`: `samples` independent draws from the distributions."},
      {"samples",
       KeyScope::kSweep,
       KeyType::kInteger,
       1,
       1e8,
       "required for monte_carlo",
       false,
       {},
       {},
       "Number of Monte Carlo draws."},
      {"seed",
       KeyScope::kSweep,
       KeyType::kInteger,
       0,
       9e15,
       "1",
       false,
       {},
       {},
       "Seed of the random draws; the same seed gives the same points everywhere."},
      {"parameters",
       KeyScope::kSweep,
       KeyType::kParameterMap,
       0,
       0,
       "",
       true,
       {},
       {},
       "The parameters, each under the dotted path of a scenario key "
       "(`shocks.russian_demand.change`)."},

      {"values",
       KeyScope::kParameter,
       KeyType::kValueList,
       0,
       0,
       "grid: one of values, range, linspace",
       false,
       {},
       {},
       "grid: the values, in order (numbers or text, e.g. partner codes)."},
      {"range",
       KeyScope::kParameter,
       KeyType::kValueList,
       0,
       0,
       "grid: one of values, range, linspace",
       false,
       {},
       {},
       "grid: [start, stop, step]; stop is included when a step lands on it."},
      {"linspace",
       KeyScope::kParameter,
       KeyType::kValueList,
       0,
       0,
       "grid: one of values, range, linspace",
       false,
       {},
       {},
       "grid: [start, stop, count] evenly spaced values, both ends included."},
      {"group",
       KeyScope::kParameter,
       KeyType::kString,
       0,
       0,
       "its own",
       false,
       {},
       {},
       "grid: parameters with the same group vary together (zipped; equal lengths); groups "
       "are crossed."},
      {"distribution",
       KeyScope::kParameter,
       KeyType::kEnum,
       0,
       0,
       "required for monte_carlo",
       false,
       {"uniform", "normal", "truncated_normal", "triangular", "lognormal"},
       {},
       "monte_carlo: the distribution of the draws."},
      {"low",
       KeyScope::kParameter,
       KeyType::kNumber,
       -1e15,
       1e15,
       "required by its distributions",
       false,
       {},
       {"uniform", "truncated_normal", "triangular"},
       "Lower bound."},
      {"high",
       KeyScope::kParameter,
       KeyType::kNumber,
       -1e15,
       1e15,
       "required by its distributions",
       false,
       {},
       {"uniform", "truncated_normal", "triangular"},
       "Upper bound."},
      {"mode",
       KeyScope::kParameter,
       KeyType::kNumber,
       -1e15,
       1e15,
       "required by its distributions",
       false,
       {},
       {"triangular"},
       "Most likely value."},
      {"mean",
       KeyScope::kParameter,
       KeyType::kNumber,
       -1e15,
       1e15,
       "required by its distributions",
       false,
       {},
       {"normal", "truncated_normal"},
       "Mean (before truncation)."},
      {"sd",
       KeyScope::kParameter,
       KeyType::kNumber,
       1e-300,
       1e15,
       "required by its distributions",
       false,
       {},
       {"normal", "truncated_normal"},
       "Standard deviation (before truncation), > 0."},
      {"mu",
       KeyScope::kParameter,
       KeyType::kNumber,
       -1e15,
       1e15,
       "required by its distributions",
       false,
       {},
       {"lognormal"},
       "Mean of the logarithm."},
      {"sigma",
       KeyScope::kParameter,
       KeyType::kNumber,
       1e-300,
       1e15,
       "required by its distributions",
       false,
       {},
       {"lognormal"},
       "Standard deviation of the logarithm, > 0."},

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
  return keys;
}

bool KeySpec::AppliesTo(const std::string& shock_type) const {
  if (shock_types.empty()) return true;
  for (const auto& t : shock_types) {
    if (t == shock_type) return true;
  }
  return false;
}

std::string KeySpec::Expected() const {
  switch (type) {
    case KeyType::kNumber:
    case KeyType::kInteger: {
      const std::string kind = type == KeyType::kNumber ? "a number" : "a whole number";
      const bool low = std::isfinite(min) && min > -1e15;
      const bool high = std::isfinite(max) && max < 1e15;
      if (low && high) return kind + " in [" + FormatNumber(min) + ", " + FormatNumber(max) + "]";
      if (low) return kind + " >= " + FormatNumber(min);
      if (high) return kind + " <= " + FormatNumber(max);
      return kind;
    }
    case KeyType::kEnum:
      return "one of " + Join(choices, ", ");
    case KeyType::kCodeList:
      return "`all`, a code, or a list of codes";
    case KeyType::kString:
      return "text";
    case KeyType::kShockMap:
      return "a mapping NAME: {type: …, …}";
    case KeyType::kValueList:
      return "a list";
    case KeyType::kParameterMap:
      return "a mapping PATH: {…}";
  }
  return "";
}

bool IsRelativeValue(const KeySpec& key, const std::string& shock_type, const std::string& mode) {
  if (!std::isfinite(key.large_above)) return false;
  // Only `change` has an absolute form; import prices and capacity limits are always relative.
  if (key.name != "change") return true;
  return shock_type == "import_price" || shock_type == "capacity" || mode != "absolute";
}

std::string LargeValueProblem(const KeySpec& key, double value, bool allow_large) {
  if (allow_large || !(value > key.large_above)) return "";
  // The value the user probably meant, read as a percent: 30 -> 0.30, 2.5 -> 0.025.
  std::string meant = FormatNumber(value / 100.0);
  const size_t dot = meant.find('.');
  if (dot != std::string::npos && meant.size() - dot == 2) meant += "0";
  const std::string sign = key.name == "change" ? "+" : "";
  return "value " + FormatNumber(value) + " means " + sign + FormatGrouped(value * 100.0, 0) +
         "%; for " + sign + FormatNumber(value) + "% write " + meant + ". A relative value above " +
         FormatNumber(key.large_above) +
         " (more than doubling) is refused as a likely percent "
         "written as a number; if you mean it, write `allow_large: true` on the shock";
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

std::string KeyTableMarkdown() {
  std::string out;
  auto table = [&out](KeyScope scope) {
    const bool parameter = scope == KeyScope::kParameter;
    const bool top_level = scope == KeyScope::kScenario || scope == KeyScope::kSweep;
    out += std::string("| key | type | allowed values | default | ") +
           (parameter ? "distributions" : "shock types") + " | description |\n";
    out += "|---|---|---|---|---|---|\n";
    for (const auto& key : ScenarioKeys()) {
      if (key.scope != scope) continue;
      out += "| `" + key.name + "` | " + ToString(key.type) + " | " + key.Expected() + " | " +
             (key.required ? std::string("required") : key.default_text) + " | " +
             (top_level
                  ? std::string("—")
                  : (key.shock_types.empty() ? std::string("all") : Join(key.shock_types, ", "))) +
             " | " + key.description + " |\n";
    }
  };
  out += "### Scenario keys\n\n";
  table(KeyScope::kScenario);
  out += "\n### Shock keys (under `shocks.NAME.`)\n\n";
  table(KeyScope::kShock);
  out += "\n### Shock types\n\n| type | changes | what it does |\n|---|---|---|\n";
  for (const auto& t : ShockTypes()) {
    out += "| `" + t.name + "` | " + t.changes + " | " + t.description + " |\n";
  }
  out += "\n### Sweep keys (under `sweep:`)\n\n";
  table(KeyScope::kSweep);
  out += "\n### Parameter keys (under `sweep.parameters.PATH:`)\n\n";
  table(KeyScope::kParameter);
  return out;
}

}  // namespace spillover
