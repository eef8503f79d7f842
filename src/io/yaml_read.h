// Typed reads from a YamlNode with errors that name the file, line, column and key.
#pragma once

#include <string>
#include <vector>

#include "io/yaml_doc.h"

namespace spillover {

SourceLocation LocationOf(const std::string& file, const YamlNode& node, const std::string& key);

// Throws if `node` is not a mapping, or holds a key outside `allowed` (suggesting the
// nearest allowed key).
void CheckMapKeys(const std::string& file, const YamlNode& node, const std::string& path,
                  const std::vector<std::string>& allowed);

const YamlNode& RequireKey(const std::string& file, const YamlNode& map, const std::string& path,
                           const std::string& key);
std::string ReadString(const std::string& file, const YamlNode& node, const std::string& key);
double ReadNumber(const std::string& file, const YamlNode& node, const std::string& key);
long long ReadInteger(const std::string& file, const YamlNode& node, const std::string& key);
bool ReadBool(const std::string& file, const YamlNode& node, const std::string& key);

// Parses a YAML scalar as a finite double; false if it is not one.
bool ParseNumber(const std::string& text, double* value);

}  // namespace spillover
