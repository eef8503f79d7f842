#include "io/yaml_doc.h"

#include <yaml-cpp/anchor.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <sstream>
#include <unordered_map>

#include "core/limits.h"
#include "core/text.h"
#include "io/input_file.h"

namespace spillover {
namespace {

class TreeBuilder : public YAML::EventHandler {
 public:
  TreeBuilder(const std::string& file, const YamlLimits& limits) : file_(file), limits_(limits) {}

  YamlNode TakeRoot() { return std::move(root_); }
  int documents() const { return documents_; }

  void OnDocumentStart(const YAML::Mark&) override { ++documents_; }
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    CheckAnchor(mark, anchor);
    YamlNode node = Make(YamlNode::Kind::kNull, mark);
    Place(std::move(node));
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
    throw InputError(Where(mark), "aliases ('*name') are not supported; write the value out");
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    CheckAnchor(mark, anchor);
    YamlNode node = Make(YamlNode::Kind::kScalar, mark);
    node.scalar = value;
    node.quoted = tag == "!";
    Place(std::move(node));
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    CheckAnchor(mark, anchor);
    Open(Make(YamlNode::Kind::kSequence, mark));
  }
  void OnSequenceEnd() override { Close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    CheckAnchor(mark, anchor);
    Open(Make(YamlNode::Kind::kMap, mark));
  }
  void OnMapEnd() override { Close(); }

 private:
  struct Frame {
    YamlNode node;
    bool have_key = false;
    YamlNode key;
    std::unordered_map<std::string, int> lines;  // key -> line: duplicates in O(1) each
  };

  SourceLocation Where(const YAML::Mark& mark) const {
    return SourceLocation{file_, mark.line + 1, mark.column + 1, ""};
  }

  // The dotted path of the enclosing keys, then `last`.
  std::string PathTo(const std::string& last) const {
    std::string path;
    for (size_t i = 0; i + 1 < stack_.size(); ++i) {
      const Frame& frame = stack_[i];
      const std::string part = frame.node.kind == YamlNode::Kind::kSequence
                                   ? "[" + std::to_string(frame.node.items.size()) + "]"
                                   : frame.key.scalar;
      path += (path.empty() || part[0] == '[' ? "" : ".") + part;
    }
    return path + (path.empty() ? "" : ".") + last;
  }

  void CheckAnchor(const YAML::Mark& mark, YAML::anchor_t anchor) {
    if (anchor != YAML::NullAnchor) {
      throw InputError(Where(mark), "anchors ('&name') are not supported; write the value out");
    }
  }

  YamlNode Make(YamlNode::Kind kind, const YAML::Mark& mark) {
    if (++nodes_ > limits_.max_nodes) {
      throw InputError(Where(mark), "the document has more than " +
                                        std::to_string(limits_.max_nodes) + " nodes");
    }
    YamlNode node;
    node.kind = kind;
    node.line = mark.line + 1;
    node.column = mark.column + 1;
    return node;
  }

  void Open(YamlNode node) {
    if (static_cast<int>(stack_.size()) >= limits_.max_depth) {
      throw InputError(SourceLocation{file_, node.line, node.column, ""},
                       "nesting is deeper than " + std::to_string(limits_.max_depth) +
                           " levels; a scenario needs only a few");
    }
    stack_.push_back(Frame{std::move(node), false, YamlNode(), {}});
  }

  void Close() {
    YamlNode done = std::move(stack_.back().node);
    stack_.pop_back();
    Place(std::move(done));
  }

  void Place(YamlNode node) {
    if (stack_.empty()) {
      root_ = std::move(node);
      return;
    }
    Frame& top = stack_.back();
    if (top.node.kind == YamlNode::Kind::kSequence) {
      top.node.items.push_back(std::move(node));
      return;
    }
    if (!top.have_key) {
      if (node.kind != YamlNode::Kind::kScalar) {
        throw InputError(
            SourceLocation{file_, node.line, node.column, ""},
            std::string("a mapping key must be a plain name, got a ") + YamlKindName(node.kind));
      }
      const auto seen = top.lines.emplace(node.scalar, node.line);
      if (!seen.second) {
        throw InputError(
            SourceLocation{file_, node.line, node.column,
                           "key '" + Echo(PathTo(node.scalar), 200) + "'"},
            "duplicate key (first given at line " + std::to_string(seen.first->second) + ")");
      }
      top.key = std::move(node);
      top.have_key = true;
      return;
    }
    top.node.entries.emplace_back(std::move(top.key), std::move(node));
    top.have_key = false;
  }

  const std::string& file_;
  YamlLimits limits_;
  std::vector<Frame> stack_;
  YamlNode root_;
  size_t nodes_ = 0;
  int documents_ = 0;
};

}  // namespace

YamlNode::~YamlNode() {
  if (items.empty() && entries.empty()) return;
  std::vector<YamlNode> pending;
  auto take = [&pending](YamlNode* node) {
    for (auto& item : node->items) pending.push_back(std::move(item));
    for (auto& entry : node->entries) {
      pending.push_back(std::move(entry.first));
      pending.push_back(std::move(entry.second));
    }
    node->items.clear();
    node->entries.clear();
  };
  take(this);
  while (!pending.empty()) {
    YamlNode node = std::move(pending.back());
    pending.pop_back();
    take(&node);
  }
}

const YamlNode* YamlNode::Find(const std::string& key) const {
  for (const auto& entry : entries) {
    if (entry.first.scalar == key) return &entry.second;
  }
  return nullptr;
}

YamlNode* YamlNode::Find(const std::string& key) {
  for (auto& entry : entries) {
    if (entry.first.scalar == key) return &entry.second;
  }
  return nullptr;
}

const char* YamlKindName(YamlNode::Kind kind) {
  switch (kind) {
    case YamlNode::Kind::kNull:
      return "null";
    case YamlNode::Kind::kScalar:
      return "scalar";
    case YamlNode::Kind::kSequence:
      return "list";
    case YamlNode::Kind::kMap:
      return "mapping";
  }
  return "?";
}

namespace {

// Scenario files are UTF-8 text: a NUL or an invalid byte sequence is reported with its
// position instead of being copied into the results.
void CheckText(const std::string& text, const std::string& file_name) {
  int line = 1, column = 1;
  for (size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    size_t length = 1;
    if (c == 0) {
      throw InputError(SourceLocation{file_name, line, column, ""},
                       "holds a NUL byte; expected UTF-8 text");
    }
    if (c >= 0x80) {
      length = (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
      bool valid = length != 0 && i + length <= text.size();
      for (size_t k = 1; valid && k < length; ++k) {
        valid = (static_cast<unsigned char>(text[i + k]) & 0xC0) == 0x80;
      }
      if (!valid) {
        throw InputError(
            SourceLocation{file_name, line, column, ""},
            "is not valid UTF-8 text (byte " + std::to_string(c) + "); save the file as UTF-8");
      }
    }
    if (c == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
    i += length;
  }
}

}  // namespace

YamlNode ParseYaml(const std::string& text, const std::string& file_name,
                   const YamlLimits& limits) {
  CheckText(text, file_name);
  std::istringstream stream(text);
  TreeBuilder builder(file_name, limits);
  try {
    YAML::Parser parser(stream);
    if (!parser.HandleNextDocument(builder)) return YamlNode();
    TreeBuilder extra(file_name, limits);
    if (parser.HandleNextDocument(extra)) {
      throw InputError(SourceLocation{file_name, 0, 0, ""},
                       "holds more than one YAML document ('---'); expected one");
    }
  } catch (const YAML::DeepRecursion& e) {
    throw InputError(SourceLocation{file_name, e.mark.line + 1, e.mark.column + 1, ""},
                     "nesting is too deep to parse");
  } catch (const YAML::Exception& e) {
    const int line = e.mark.is_null() ? 0 : e.mark.line + 1;
    const int column = e.mark.is_null() ? 0 : e.mark.column + 1;
    throw InputError(SourceLocation{file_name, line, column, ""}, "invalid YAML: " + e.msg);
  }
  return builder.TakeRoot();
}

YamlNode ParseYamlFile(const std::string& path, const YamlLimits& limits) {
  const int64_t max_bytes = ProcessLimits().max_yaml_bytes;
  if (path == "-") return ParseYaml(ReadStandardInput(max_bytes, "YAML file"), "<stdin>", limits);
  return ParseYaml(ReadInputFile(path, max_bytes, "YAML file"), path, limits);
}

}  // namespace spillover
