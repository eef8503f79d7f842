// The fast path of linear sweeps. When every swept parameter is the `change` of a final
// demand or exports shock and the scenario has no caps, import losses, route shocks or
// trade diversion, every result of a point is an affine function of its parameters: the
// sweep solves once at the first point and once per parameter (one direction each), and
// each point is that base plus an exact linear combination of the directions:
//   value(point) = value(origin) + sum_k slope_k * (parameter_k - origin_k).
// No Scenario is built per point: the parameters come straight from the draws (or the
// grid's values, parsed once). Rows are written as the general path writes them, numbers
// with std::to_chars into a reused buffer; rows that no parameter moves (their slopes are
// all zero) are formatted once. A point whose output would turn negative in some sector (a warning
// on the general path) makes its block take the general path.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "results/result_table.h"
#include "run/simulate.h"
#include "sweep/points.h"
#include "sweep/sweep_spec.h"

namespace spillover {

struct LinearSweepInputs {
  const SweepSpec* spec = nullptr;
  const SweepPoints* points = nullptr;
  const PreparedModel* model = nullptr;
  ResultDetail detail = ResultDetail::kTotals;
  bool points_only = false;  // points.csv rows only (--detail points)
  bool wide = false;         // results.csv in the wide layout (sweep/wide_layout.h)
  std::string region;        // the model's region code, as in points.csv
  // The scenario of a point from its parameter values (the general path's), and which
  // result rows go to results.csv.
  std::function<Scenario(const std::vector<std::string>&)> scenario_of;
  std::function<bool(const ResultRow&)> keep;
};

class LinearSweep {
 public:
  // The fast path for this sweep, or nullptr when it is not linear; `why_not` then says why.
  static std::unique_ptr<LinearSweep> Make(const LinearSweepInputs& in, std::string* why_not);

  // Appends the rows of points [first, last) to `results` and `points`, byte for byte in
  // the general path's format. Returns false, appending nothing, when a point of the block
  // leaves the linear range.
  bool AppendBlock(int64_t first, int64_t last, std::string* results, std::string* points) const;

  // summary.csv of a Monte Carlo sweep all of whose points took this path, from the
  // combination instead of re-reading results.csv: the same samples (each the double that
  // results.csv holds), hence the same bytes as SummariseResults, with memory for one
  // variable's samples per thread instead of every variable's (sweep/linear_summary.cpp).
  std::string Summary(int threads) const;

 private:
  struct Row {
    // What follows a point's prefix up to the value: ",scenario,region,sector,variable,unit,
    // baseline," as CSV fields.
    std::string head;
    // "value,change,pct_change,\n" of a row that no parameter moves, formatted once; and
    // ",change" for the wide layout.
    std::string tail, change_tail;
    std::array<std::string, 4> fields;  // region, sector, variable, unit
    double baseline = 0.0;
    double value = 0.0;          // at the origin
    std::vector<double> slopes;  // d value / d parameter
    bool kept = false;
    bool moves = false;  // some slope is not zero
  };
  bool Shift(const std::vector<std::string>& values, std::vector<double>* shift) const;
  // The point's parameters (`index`: into each grid parameter's values); false when a draw
  // is not finite (the general path refuses it).
  bool PointAt(int64_t point, double* value, size_t* index) const;
  // "point,p1,p2" as the general path writes it; returns the end.
  char* PutPrefix(char* out, int64_t point, const double* value, const size_t* index) const;
  bool OutputsStayNonNegative(const double* shift) const;
  bool BoxStaysNonNegative(const double* lo, const double* hi) const;
  double ValueAt(const Row& row, const double* shift) const;

  LinearSweepInputs in_;
  std::vector<double> origin_;  // the parameters at the first point
  std::vector<Row> rows_;
  size_t gdp_ = 0, exports_ = 0, imports_ = 0, cpi_ = 0;
  Vector output_;                      // by sector, at the first point
  std::vector<double> output_slopes_;  // sectors × parameters, row-major
  bool monte_carlo_ = false;
  std::string gdp_baseline_, cpi_text_;  // ",gdp_baseline" and cpi when it is constant
  // Grid sweeps: every value of every parameter parsed once, and its CSV field.
  std::vector<std::vector<double>> grid_values_;
  std::vector<std::vector<std::string>> grid_text_;
  size_t prefix_max_ = 0;   // bytes of the longest point prefix
  size_t point_max_ = 0;    // bytes of the longest points.csv row after its prefix
  size_t results_max_ = 0;  // bytes of the longest results.csv rows of a point
};

}  // namespace spillover
