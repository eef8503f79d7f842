// Sector aggregation of results, driven by a mapping file (code,group[,group_name]).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "results/result_table.h"

namespace spillover {

struct SectorMap {
  std::string file;
  std::map<std::string, std::string> group_of;  // sector code -> group code
  std::vector<std::string> groups;              // in order of first appearance
  std::map<std::string, std::string> names;     // group code -> name
};

// Reads the mapping and checks that it maps every code in `sector_codes` exactly once and
// names no other code.
SectorMap LoadSectorMap(const std::string& path, const std::vector<std::string>& sector_codes);

// Sums money and satellite rows of mapped sectors into their groups; prices become
// base-output-weighted averages. Rows of other sectors ("ALL", categories) pass unchanged.
ScenarioResult AggregateSectors(const ScenarioResult& result, const SectorMap& map);

}  // namespace spillover
