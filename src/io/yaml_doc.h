// A checked YAML tree with source positions, for scenario and model files.
//
// yaml-cpp's own node tree loses information a user needs: it accepts duplicate keys
// silently, and expands aliases into shared nodes that a naive walk multiplies. This
// builds a plain tree from yaml-cpp's event parser instead, and refuses duplicate keys,
// anchors and aliases, non-scalar keys, several documents and deep nesting.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/error.h"

namespace spillover {

struct YamlNode {
  enum class Kind { kNull, kScalar, kSequence, kMap };

  YamlNode() = default;
  YamlNode(const YamlNode&) = default;
  YamlNode(YamlNode&&) = default;
  YamlNode& operator=(const YamlNode&) = default;
  YamlNode& operator=(YamlNode&&) = default;
  ~YamlNode();  // iterative: a deep tree must not overflow the stack as it is freed

  Kind kind = Kind::kNull;
  std::string scalar;  // the text of a scalar, as written
  bool quoted = false;
  std::string origin;  // where the node came from when not the file itself (a --set option)
  int line = 0;        // 1-based; 0 when unknown
  int column = 0;
  std::vector<YamlNode> items;                         // a sequence
  std::vector<std::pair<YamlNode, YamlNode>> entries;  // a mapping, in file order

  const YamlNode* Find(const std::string& key) const;
  YamlNode* Find(const std::string& key);
  bool IsMap() const { return kind == Kind::kMap; }
  bool IsSequence() const { return kind == Kind::kSequence; }
  bool IsScalar() const { return kind == Kind::kScalar; }
  bool IsNull() const { return kind == Kind::kNull; }
};

const char* YamlKindName(YamlNode::Kind kind);

struct YamlLimits {
  int max_depth = 32;
  size_t max_nodes = 1000000;
};

// Parses one YAML document. `file_name` is used in error messages. An empty document
// gives a null node.
YamlNode ParseYaml(const std::string& text, const std::string& file_name,
                   const YamlLimits& limits = YamlLimits());

// Reads and parses a file ("-" reads standard input), of at most
// ProcessLimits().max_yaml_bytes.
YamlNode ParseYamlFile(const std::string& path, const YamlLimits& limits = YamlLimits());

}  // namespace spillover
