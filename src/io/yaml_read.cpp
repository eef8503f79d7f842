#include "io/yaml_read.h"

#include <charconv>
#include <cmath>

#include "core/text.h"

namespace spillover {

SourceLocation LocationOf(const std::string& file, const YamlNode& node, const std::string& key) {
  const std::string shown = key.empty() ? "" : "key '" + Echo(key, 200) + "'";
  if (!node.origin.empty()) return SourceLocation{Echo(node.origin, 200), 0, 0, shown};
  return SourceLocation{file, node.line, node.column, shown};
}

void CheckMapKeys(const std::string& file, const YamlNode& node, const std::string& path,
                  const std::vector<std::string>& allowed) {
  if (!node.IsMap()) {
    throw InputError(LocationOf(file, node, path),
                     std::string("expected a mapping of keys, got a ") + YamlKindName(node.kind));
  }
  for (const auto& [key, value] : node.entries) {
    bool known = false;
    for (const auto& name : allowed) known = known || name == key.scalar;
    if (!known) {
      const std::string full = path.empty() ? key.scalar : path + "." + key.scalar;
      throw InputError(LocationOf(file, key, full),
                       "unknown key" + SuggestOrList(key.scalar, allowed, "valid keys here"));
    }
  }
}

const YamlNode& RequireKey(const std::string& file, const YamlNode& map, const std::string& path,
                           const std::string& key) {
  const YamlNode* value = map.Find(key);
  const std::string full = path.empty() ? key : path + "." + key;
  if (value == nullptr) throw InputError(LocationOf(file, map, full), "required key is missing");
  return *value;
}

bool ParseNumber(const std::string& text, double* value) {
  const char* begin = text.data();
  const char* end = text.data() + text.size();
  if (begin < end && *begin == '+') ++begin;
  const auto result = std::from_chars(begin, end, *value);
  return begin != end && result.ec == std::errc() && result.ptr == end && std::isfinite(*value);
}

std::string ReadString(const std::string& file, const YamlNode& node, const std::string& key) {
  if (!node.IsScalar()) {
    throw InputError(LocationOf(file, node, key),
                     std::string("expected text, got a ") + YamlKindName(node.kind));
  }
  return node.scalar;
}

double ReadNumber(const std::string& file, const YamlNode& node, const std::string& key) {
  double value = 0.0;
  if (!node.IsScalar() || !ParseNumber(node.scalar, &value)) {
    throw InputError(LocationOf(file, node, key),
                     "expected a finite number, got " +
                         (node.IsScalar() ? "'" + node.scalar + "'"
                                          : std::string("a ") + YamlKindName(node.kind)));
  }
  return value;
}

long long ReadInteger(const std::string& file, const YamlNode& node, const std::string& key) {
  const double value = ReadNumber(file, node, key);
  if (value != std::floor(value) || std::fabs(value) > 9.0e15) {
    throw InputError(LocationOf(file, node, key),
                     "expected a whole number, got '" + node.scalar + "'");
  }
  return static_cast<long long>(value);
}

bool ReadBool(const std::string& file, const YamlNode& node, const std::string& key) {
  if (node.IsScalar() && (node.scalar == "true" || node.scalar == "false")) {
    return node.scalar == "true";
  }
  throw InputError(LocationOf(file, node, key),
                   "expected true or false, got " +
                       (node.IsScalar() ? "'" + node.scalar + "'"
                                        : std::string("a ") + YamlKindName(node.kind)));
}

}  // namespace spillover
