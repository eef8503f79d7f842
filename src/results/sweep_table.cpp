#include "results/sweep_table.h"

namespace spillover {

int SweepTable::Column(const std::string& column) const {
  for (size_t c = 0; c < columns.size(); ++c) {
    if (columns[c] == column) return static_cast<int>(c);
  }
  return -1;
}

std::vector<double> SweepTable::Values(int column) const {
  std::vector<double> out;
  if (column < 0) return out;
  for (const auto& row : rows) out.push_back(row[static_cast<size_t>(column)]);
  return out;
}

std::string PointsColumnUnit(const std::string& column, const std::string& money_unit) {
  if (column == "gdp_pct_change") return "%";
  if (column == "cpi") return "index (base = 1)";
  if (column == "gdp_baseline" || column == "gdp" || column == "gdp_change" ||
      column == "exports_change" || column == "imports_change") {
    return money_unit;
  }
  return "";
}

const std::vector<std::string>& PointsUnitColumns() {
  static const std::vector<std::string> columns = {
      "gdp_baseline",   "gdp", "gdp_change", "gdp_pct_change", "exports_change",
      "imports_change", "cpi"};
  return columns;
}

std::string SweepColumnUnit(const SweepTable& sweep, const std::string& column) {
  return PointsColumnUnit(column, sweep.money_unit);
}

std::string SweepColumnHeader(const SweepTable& sweep, const std::string& column) {
  const std::string unit = SweepColumnUnit(sweep, column);
  return unit.empty() ? column : column + ", " + unit;
}

}  // namespace spillover
