// The one table of scenario keys. It drives validation, `spillover validate`, the
// `--help` text and the reference page docs/scenarios.md.
#pragma once

#include <string>
#include <vector>

namespace spillover {

enum class KeyType { kString, kNumber, kInteger, kEnum, kCodeList, kShockMap };

std::string ToString(KeyType type);

// Where a key may appear.
enum class KeyScope { kScenario, kShock };

struct KeySpec {
  std::string name;
  KeyScope scope;
  KeyType type;
  double min;  // numbers and integers: inclusive bounds
  double max;
  std::string default_text;  // "" with required == true means no default
  bool required;
  std::vector<std::string> choices;      // enums
  std::vector<std::string> shock_types;  // shock keys: the types that take it (empty: all)
  std::string description;

  bool AppliesTo(const std::string& shock_type) const;
  // "number in [-1, 10]", "one of relative, absolute", …
  std::string Expected() const;
};

const std::vector<KeySpec>& ScenarioKeys();
const KeySpec* FindKey(KeyScope scope, const std::string& name);
std::vector<std::string> KeyNames(KeyScope scope, const std::string& shock_type = "");

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
