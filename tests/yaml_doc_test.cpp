#include "io/yaml_doc.h"

#include <gtest/gtest.h>

#include <chrono>

namespace spillover {
namespace {

std::string ErrorOf(const std::string& text) {
  try {
    ParseYaml(text, "s.yaml");
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

TEST(YamlDoc, BuildsTreeWithPositions) {
  const YamlNode root =
      ParseYaml("name: x\nshocks:\n  a: {type: exports, partners: [RUS, CHN]}\n", "s.yaml");
  ASSERT_TRUE(root.IsMap());
  const YamlNode* a = root.Find("shocks")->Find("a");
  ASSERT_NE(nullptr, a);
  EXPECT_EQ(3, a->line);
  const YamlNode* partners = a->Find("partners");
  ASSERT_TRUE(partners->IsSequence());
  EXPECT_EQ("CHN", partners->items[1].scalar);
  EXPECT_EQ(3, partners->items[1].line);
}

TEST(YamlDoc, QuotedScalarsAreMarked) {
  const YamlNode root = ParseYaml("a: '061'\nb: 061\n", "s.yaml");
  EXPECT_TRUE(root.Find("a")->quoted);
  EXPECT_FALSE(root.Find("b")->quoted);
  EXPECT_EQ("061", root.Find("b")->scalar);
}

TEST(YamlDoc, DuplicateKeysAreErrors) {
  const std::string e = ErrorOf("name: a\nshocks: {}\nname: b\n");
  EXPECT_NE(e.find("s.yaml:3:1: key 'name': duplicate key (first given at line 1)"),
            std::string::npos)
      << e;
}

TEST(YamlDoc, DuplicateKeyNamesItsPath) {
  const std::string e = ErrorOf("shocks:\n  a:\n    change: 1\n    change: 2\n");
  EXPECT_NE(e.find("s.yaml:4:5: key 'shocks.a.change': duplicate key"), std::string::npos) << e;
}

TEST(YamlDoc, NulAndInvalidUtf8AreRefusedWithPosition) {
  EXPECT_NE(ErrorOf(std::string("name: a\0b\n", 10)).find("s.yaml:1:8: holds a NUL byte"),
            std::string::npos);
  EXPECT_NE(ErrorOf("name: x\nb: caf\xE9\n").find("s.yaml:2:7: is not valid UTF-8"),
            std::string::npos);
  EXPECT_TRUE(ParseYaml("name: \xC3\xA9t\xC3\xA9\n", "s.yaml").IsMap());  // "été"
}

TEST(YamlDoc, AnchorsAndAliasesAreRefused) {
  EXPECT_NE(ErrorOf("a: &x 1\nb: *x\n").find("anchors"), std::string::npos);
  // An alias bomb: refused at the first anchor, long before any expansion.
  std::string bomb = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
  for (int i = 1; i < 10; ++i) {
    bomb += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [";
    for (int k = 0; k < 10; ++k) bomb += (k ? ", *a" : "*a") + std::to_string(i - 1);
    bomb += "]\n";
  }
  const auto start = std::chrono::steady_clock::now();
  EXPECT_NE(ErrorOf(bomb).find("not supported"), std::string::npos);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(1));
}

TEST(YamlDoc, DeepNestingIsRefusedNotCrashed) {
  const std::string deep = std::string(600, '[') + std::string(600, ']');
  EXPECT_NE(ErrorOf(deep).find("deeper than 32 levels"), std::string::npos);
  const std::string deep_maps = [] {
    std::string s;
    for (int i = 0; i < 40; ++i) s += std::string(static_cast<size_t>(i) * 2, ' ') + "k:\n";
    return s;
  }();
  EXPECT_NE(ErrorOf(deep_maps).find("deeper than"), std::string::npos);
}

TEST(YamlDoc, SyntaxErrorsCarryLineAndColumn) {
  const std::string e = ErrorOf("name: x\nshocks: [a, b\n");
  EXPECT_NE(e.find("s.yaml:"), std::string::npos) << e;
  EXPECT_NE(e.find("invalid YAML"), std::string::npos) << e;
}

TEST(YamlDoc, SeveralDocumentsAreRefused) {
  EXPECT_NE(ErrorOf("a: 1\n---\nb: 2\n").find("more than one YAML document"), std::string::npos);
}

TEST(YamlDoc, NonScalarKeysAreRefused) {
  EXPECT_NE(ErrorOf("? [a, b]\n: 1\n").find("a mapping key must be a plain name"),
            std::string::npos);
}

TEST(YamlDoc, EmptyDocumentIsNull) { EXPECT_TRUE(ParseYaml("", "s.yaml").IsNull()); }

}  // namespace
}  // namespace spillover
