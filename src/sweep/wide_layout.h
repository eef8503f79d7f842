// The wide layout of a sweep's results.csv (`--layout wide`): one row per point, with one
// column per result row that the detail level keeps, holding that row's change from the
// base year. What each column is (its region, sector, variable, unit and base-year value)
// is written once, to columns.csv, instead of being repeated on every row: a point of
// `--detail totals` on the Kazakh model takes about 0.4 kB instead of 8.3 kB, so that a
// long sweep is no longer bound by the disk (bench/README.md).
#pragma once

#include <array>
#include <functional>
#include <string>
#include <vector>

#include "results/result_table.h"

namespace spillover {

// Beside results.csv in a sweep folder of the wide layout.
constexpr const char* kWideColumnsFile = "columns.csv";

struct WideColumn {
  std::string name;                   // "region.sector.variable"
  std::array<std::string, 4> fields;  // region, sector, variable, unit
  double baseline = 0.0;
};

class WideColumns {
 public:
  using Keep = std::function<bool(const ResultRow&)>;

  // The rows of `result` that `keep` takes, in their order. Throws InputError when two of
  // them would get the same column name.
  static WideColumns FromResult(const ScenarioResult& result, const Keep& keep);
  // columns.csv as ColumnsCsv wrote it; throws InputError naming the file and line.
  static WideColumns Read(const std::string& path);

  const std::vector<WideColumn>& columns() const { return columns_; }
  size_t size() const { return columns_.size(); }

  // results.csv's header: "point,PARAMETERS,COLUMN...,error\n"; `parameters` is the
  // parameter fields with a leading comma each.
  std::string Header(const std::string& parameters) const;
  std::string ColumnsCsv() const;
  // Appends ",CHANGE" for every column, from the rows of `result` that `keep` takes, and
  // returns true; returns false, appending nothing, when those rows are not the columns
  // (another region, sector, variable, unit or base-year value, or another count).
  bool AppendChanges(const ScenarioResult& result, const Keep& keep, std::string* out) const;

 private:
  std::vector<WideColumn> columns_;
};

}  // namespace spillover
