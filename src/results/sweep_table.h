// A finished sweep as the reports read it: points.csv as numbers, summary.csv as text, and
// what sweep.meta says (filled by sweep/sweep_folder.h).
#pragma once

#include <string>
#include <vector>

namespace spillover {

struct SweepTable {
  std::string dir;
  std::string name;
  std::string method;  // grid, list, monte_carlo, latin_hypercube
  std::string model_folder;
  std::string money_unit;                    // of the money columns, e.g. "KZT billion"
  std::vector<std::string> parameters;       // parameter paths, the first columns after `point`
  std::vector<std::string> columns;          // every column of points.csv
  std::vector<std::vector<double>> rows;     // points × columns; NaN for an empty or failed cell
  std::vector<std::string> summary_columns;  // summary.csv's header (Monte Carlo)
  std::vector<std::vector<std::string>> summary_rows;  // its rows, as text

  // The index of a column of points.csv, or -1.
  int Column(const std::string& column) const;
  // One column of every point.
  std::vector<double> Values(int column) const;
};

}  // namespace spillover

namespace spillover {

// The unit of a result column of points.csv given the sweep's money unit ("" for the point
// number, the parameters and the message). The one definition: the sweep records these in
// sweep.meta, the reports put them in their headers.
std::string PointsColumnUnit(const std::string& column, const std::string& money_unit);
// The result columns of points.csv that have a unit, in file order.
const std::vector<std::string>& PointsUnitColumns();

// The same for a sweep that was read, and the column's name with it: "gdp_change, KZT
// billion".
std::string SweepColumnUnit(const SweepTable& sweep, const std::string& column);
std::string SweepColumnHeader(const SweepTable& sweep, const std::string& column);

}  // namespace spillover
