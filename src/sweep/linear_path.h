// The fast path of linear sweeps. When every swept parameter is the `change` of a final
// demand or exports shock and the scenario has no caps, import losses, route shocks or
// trade diversion, every result of a point is an affine function of its parameters: the
// sweep solves once at the first point and once per parameter (one direction each), and
// each point is that base plus an exact linear combination of the directions. Rows are
// written as the general path writes them, numbers with std::to_chars into the block's
// buffers. A point whose output would turn negative in some sector (a warning on the
// general path) makes its block take the general path.
#pragma once

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

 private:
  struct Row {
    std::string fixed;  // region, sector, variable, unit and baseline, as CSV fields
    double baseline = 0.0;
    double value = 0.0;          // at the first point
    std::vector<double> slopes;  // d value / d parameter
    bool kept = false;
  };
  bool Shift(const std::vector<std::string>& values, std::vector<double>* shift) const;
  double ValueAt(const Row& row, const std::vector<double>& shift) const;

  LinearSweepInputs in_;
  std::vector<double> origin_;  // the parameters at the first point
  std::vector<Row> rows_;
  size_t gdp_ = 0, exports_ = 0, imports_ = 0, cpi_ = 0;
  Vector output_;         // by sector, at the first point
  Matrix output_slopes_;  // sectors × parameters
  std::string scenario_field_;
};

}  // namespace spillover
