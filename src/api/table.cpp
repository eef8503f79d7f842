// Tables and scenario trees of the public API.
#include <cmath>
#include <limits>

#include "api/convert.h"
#include "core/text.h"
#include "io/csv.h"
#include "io/yaml_read.h"
#include "spillover/spillover.h"

namespace spillover::api {

const Column* Table::Find(const std::string& name) const {
  for (const auto& column : columns) {
    if (column.name == name) return &column;
  }
  return nullptr;
}

Table Table::FromCsv(const std::string& csv) {
  const TextTable text = ParseTextCsv(csv, "<table>");
  Table table;
  for (size_t c = 0; c < text.header.size(); ++c) {
    Column column;
    column.name = text.header[c];
    column.numeric = true;
    for (const auto& row : text.rows) {
      double value = 0.0;
      if (!row[c].empty() && !ParseNumber(row[c], &value)) {
        column.numeric = false;
        break;
      }
    }
    for (const auto& row : text.rows) {
      if (column.numeric) {
        double value = std::numeric_limits<double>::quiet_NaN();
        if (!row[c].empty()) ParseNumber(row[c], &value);
        column.numbers.push_back(value);
      } else {
        column.text.push_back(row[c]);
      }
    }
    table.columns.push_back(std::move(column));
  }
  return table;
}

Tree Tree::Scalar(std::string yaml_text) {
  Tree tree;
  tree.kind = Kind::kScalar;
  tree.text = std::move(yaml_text);
  return tree;
}

Tree Tree::String(std::string text) {
  Tree tree = Scalar(std::move(text));
  tree.quoted = true;
  return tree;
}

Tree Tree::Number(double value) {
  if (!std::isfinite(value)) {
    // The text a file would hold, so that the key table refuses it with its own message.
    return Scalar(std::isnan(value) ? ".nan" : value > 0 ? ".inf" : "-.inf");
  }
  return Scalar(FormatNumber(value));
}

Tree Tree::Integer(long long value) { return Scalar(std::to_string(value)); }

Tree Tree::Bool(bool value) { return Scalar(value ? "true" : "false"); }

Tree Tree::List() {
  Tree tree;
  tree.kind = Kind::kList;
  return tree;
}

Tree Tree::Map() {
  Tree tree;
  tree.kind = Kind::kMap;
  return tree;
}

Tree& Tree::Set(const std::string& key, Tree value) {
  kind = Kind::kMap;
  for (auto& [k, v] : entries) {
    if (k == key) {
      v = std::move(value);
      return *this;
    }
  }
  entries.emplace_back(key, std::move(value));
  return *this;
}

Tree& Tree::Append(Tree value) {
  kind = Kind::kList;
  items.push_back(std::move(value));
  return *this;
}

YamlNode ToYaml(const Tree& tree, const std::string& source, int depth) {
  // The limit the YAML reader sets on files (io/yaml_doc.h).
  if (depth > YamlLimits().max_depth) {
    throw InputError(
        SourceLocation{source, 0, 0, ""},
        "nesting is deeper than " + std::to_string(YamlLimits().max_depth) + " levels");
  }
  YamlNode node;
  switch (tree.kind) {
    case Tree::Kind::kNull:
      node.kind = YamlNode::Kind::kNull;
      break;
    case Tree::Kind::kScalar:
      node.kind = YamlNode::Kind::kScalar;
      node.scalar = tree.text;
      node.quoted = tree.quoted;
      break;
    case Tree::Kind::kList:
      node.kind = YamlNode::Kind::kSequence;
      for (const auto& item : tree.items) node.items.push_back(ToYaml(item, source, depth + 1));
      break;
    case Tree::Kind::kMap:
      node.kind = YamlNode::Kind::kMap;
      for (const auto& [key, value] : tree.entries) {
        YamlNode k;
        k.kind = YamlNode::Kind::kScalar;
        k.scalar = key;
        node.entries.emplace_back(std::move(k), ToYaml(value, source, depth + 1));
      }
      break;
  }
  return node;
}

}  // namespace spillover::api
