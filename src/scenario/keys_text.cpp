// The key table in words: what a key expects, the large-value rule, and the reference
// tables of docs/scenarios.md.
#include <cmath>

#include "core/text.h"
#include "scenario/keys.h"

namespace spillover {

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
