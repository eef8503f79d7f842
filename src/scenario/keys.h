// The one table of scenario keys. It drives validation, `spillover validate`, the
// `--help` text and the reference page docs/scenarios.md.
#pragma once

#include <limits>
#include <string>
#include <vector>

namespace spillover {

enum class KeyType {
  kString,
  kNumber,
  kInteger,
  kEnum,
  kCodeList,
  kShockMap,
  kValueList,    // a list of values (sweep parameters)
  kParameterMap  // a mapping PATH: {parameter keys} (sweeps)
};

std::string ToString(KeyType type);

// Where a key may appear.
enum class KeyScope { kScenario, kShock, kSweep, kParameter };

struct KeySpec {
  std::string name;
  KeyScope scope;
  KeyType type;
  double min;  // numbers and integers: inclusive bounds
  double max;
  std::string default_text;  // "" with required == true means no default
  bool required;
  std::vector<std::string> choices;  // enums
  // Shock keys: the shock types that take it; parameter keys: the distributions that take
  // it (empty: all).
  std::vector<std::string> shock_types;
  std::string description;
  // Fractions: a relative value above this is almost certainly a percent written as a
  // number (30 for 30%) and needs `allow_large: true` on the shock (infinite: no such rule).
  double large_above = std::numeric_limits<double>::infinity();

  bool AppliesTo(const std::string& shock_type) const;
  // "number in [-1, 10]", "one of relative, absolute", …
  std::string Expected() const;
};

const std::vector<KeySpec>& ScenarioKeys();
const KeySpec* FindKey(KeyScope scope, const std::string& name);
std::vector<std::string> KeyNames(KeyScope scope, const std::string& shock_type = "");

// True when a shock of `shock_type` with `mode` ("relative", "absolute" or "") reads
// `key` as a fraction, so that the large-change rule applies.
bool IsRelativeValue(const KeySpec& key, const std::string& shock_type, const std::string& mode);

// The large-change rule: "" when `value` is allowed, otherwise why not ("30 means +3,000%;
// for +30% write 0.30; …"). `allow_large` is the shock's `allow_large`.
std::string LargeValueProblem(const KeySpec& key, double value, bool allow_large);

// The shock types and what each changes, in the words of the reference page.
struct ShockTypeSpec {
  std::string name;
  std::string changes;  // "flows" or "coefficients" or "prices", with the unit
  std::string description;
};
const std::vector<ShockTypeSpec>& ShockTypes();
std::vector<std::string> ShockTypeNames();

// The key table as Markdown, for docs/scenarios.md and `spillover validate --keys`.
std::string KeyTableMarkdown();

}  // namespace spillover
