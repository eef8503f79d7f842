// Code lists of scenario keys (`sectors`, `partners`, `regions`, …) resolved against a
// model's codes, with the nearest valid code suggested for a typo.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/model.h"
#include "io/yaml_doc.h"

namespace spillover {

// Extra names that stand for several indices (final-demand kinds, sector codes without
// their region).
using CodeGroups = std::vector<std::pair<std::string, std::vector<Index>>>;

// Resolves a code list ("all", a code, or a list) against `codes`. `groups` maps extra
// names to several indices. With `entries` (partners, regions) a code or name that differs
// only in case also matches, and a typo is compared without regard to case.
std::vector<Index> ResolveCodes(const std::string& file, const YamlNode& node,
                                const std::string& path, const std::vector<std::string>& codes,
                                const std::string& what, const CodeGroups& groups = {},
                                const std::vector<Entry>* entries = nullptr);

// A number under `key` of `map`, or `fallback` when the key is absent.
double NumberOr(const std::string& file, const YamlNode& map, const std::string& key,
                const std::string& path, double fallback);

}  // namespace spillover
