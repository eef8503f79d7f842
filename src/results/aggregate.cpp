#include "results/aggregate.h"

#include <set>
#include <tuple>

#include "core/error.h"
#include "core/text.h"
#include "io/csv.h"

namespace spillover {

SectorMap LoadSectorMap(const std::string& path, const std::vector<std::string>& sector_codes) {
  const TextTable table = ReadTextCsv(path);
  if (table.header.size() < 2 || table.header[0] != "code" || table.header[1] != "group") {
    throw InputError(SourceLocation{path, 1, 0, ""},
                     "expected the header 'code,group' or 'code,group,group_name'");
  }
  SectorMap map;
  map.file = path;
  const std::set<std::string> known(sector_codes.begin(), sector_codes.end());
  for (size_t r = 0; r < table.rows.size(); ++r) {
    const auto& row = table.rows[r];
    const SourceLocation where{path, table.lines[r], 1, ""};
    if (known.count(row[0]) == 0) {
      throw InputError(
          where, "unknown sector code '" + Echo(row[0]) + "'" + DidYouMean(row[0], sector_codes));
    }
    if (row[1].empty()) throw InputError(where, "empty group for sector '" + row[0] + "'");
    if (row[1] == "ALL" || row[1] == "TOTAL") {
      throw InputError(where, "group '" + row[1] +
                                  "' is reserved: results use ALL and TOTAL for totals; "
                                  "name the group otherwise");
    }
    if (!map.group_of.emplace(row[0], row[1]).second) {
      throw InputError(where, "sector '" + row[0] + "' is mapped twice");
    }
    if (map.names.count(row[1]) == 0) {
      map.groups.push_back(row[1]);
      map.names[row[1]] = row.size() > 2 && !row[2].empty() ? row[2] : row[1];
    }
  }
  std::vector<std::string> missing;
  for (const auto& code : sector_codes) {
    if (map.group_of.count(code) == 0) missing.push_back(code);
  }
  if (!missing.empty()) {
    throw InputError(SourceLocation{path, 0, 0, ""}, "maps no group for " +
                                                         std::to_string(missing.size()) +
                                                         " sector(s): " + Join(missing, ", "));
  }
  return map;
}

ScenarioResult AggregateSectors(const ScenarioResult& result, const SectorMap& map) {
  ScenarioResult out = result;
  out.rows.clear();
  // (region, group, variable) -> summed row; prices keep output weights on the side.
  std::map<std::tuple<std::string, std::string, std::string>, size_t> index;
  std::map<std::pair<std::string, std::string>, double> weight;  // (region, sector) -> base output
  for (const auto& row : result.rows) {
    if (row.variable == "output") weight[{row.region, row.sector}] = row.baseline;
  }
  std::map<size_t, double> price_weight;
  for (const auto& row : result.rows) {
    auto group = map.group_of.find(row.sector);
    if (group == map.group_of.end()) {
      out.rows.push_back(row);
      continue;
    }
    const auto key = std::make_tuple(row.region, group->second, row.variable);
    auto it = index.find(key);
    const bool is_price = row.unit.rfind("index", 0) == 0;
    const double w = is_price ? weight[{row.region, row.sector}] : 1.0;
    if (it == index.end()) {
      it = index.emplace(key, out.rows.size()).first;
      ResultRow sum = row;
      sum.sector = group->second;
      sum.baseline = w * row.baseline;
      sum.value = w * row.value;
      out.rows.push_back(sum);
    } else {
      out.rows[it->second].baseline += w * row.baseline;
      out.rows[it->second].value += w * row.value;
    }
    if (is_price) price_weight[it->second] += w;
  }
  for (const auto& [position, total] : price_weight) {
    ResultRow& row = out.rows[position];
    row.baseline = total > 0.0 ? row.baseline / total : 1.0;
    row.value = total > 0.0 ? row.value / total : 1.0;
  }
  auto names = result.names ? std::make_shared<std::map<std::string, std::string>>(*result.names)
                            : std::make_shared<std::map<std::string, std::string>>();
  for (const auto& [code, name] : map.names) (*names)[code] = name;
  out.names = names;
  return out;
}

}  // namespace spillover
