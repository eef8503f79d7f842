// Scenarios side by side: the change of each from the base year, and its difference from
// a baseline scenario, as a terminal table, tidy CSV or JSON.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "results/result_table.h"
#include "run/scenario_files.h"

namespace spillover {

// One scenario of a comparison, with where it came from (for messages and reports).
using ComparedScenario = ScenarioRun;

// The scenarios of one comparison and the index of the baseline among them.
class Comparison {
 public:
  // Refuses scenarios on different model folders (naming both) and a `baseline` that names
  // no scenario; an empty `baseline` is the first scenario.
  Comparison(std::vector<ComparedScenario> scenarios, const std::string& baseline);

  const std::vector<ComparedScenario>& scenarios() const { return scenarios_; }
  size_t baseline() const { return baseline_; }
  const ScenarioResult& result(size_t s) const { return scenarios_[s].result; }
  const ScenarioResult& baseline_result() const { return scenarios_[baseline_].result; }

  // The baseline scenario's row of the same region, sector and variable, or nullptr.
  const ResultRow* BaselineRow(const ResultRow& row) const;
  // change(row) - change(baseline row), in the row's unit; NaN without a baseline row.
  double Difference(const ResultRow& row) const;
  // pct_change(row) - pct_change(baseline row), in percentage points; NaN when either is.
  double DifferencePctPoints(const ResultRow& row) const;

 private:
  std::vector<ComparedScenario> scenarios_;
  size_t baseline_ = 0;
  std::map<std::string, size_t> baseline_index_;  // "region|sector|variable" -> row
};

// How a difference reads against the baseline's change, e.g. "saves 1,468 bn KZT (29% of
// the loss)" when the baseline loses and the scenario loses less.
std::string DifferenceReading(double baseline_change, double difference, const std::string& unit);
// "KZT billion" -> "bn KZT", "USD million" -> "mn USD", "KZT trillion" -> "tn KZT"; other units
// unchanged.
std::string ShortMoneyUnit(const std::string& unit);

// Side by side: headline, partners, routes and the sectors with the largest changes; each
// row with its unit, every scenario's change and each one's difference from the baseline.
std::string FormatCompareTable(const Comparison& comparison);
// The tidy result table of every scenario (FormatCsv's columns) plus baseline_scenario,
// difference and difference_pct_points.
std::string FormatCompareCsv(const Comparison& comparison);
// The `ALL` rows of every scenario with their differences, and the headline readings.
std::string FormatCompareJson(const Comparison& comparison);

}  // namespace spillover
