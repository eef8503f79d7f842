// The points of a sweep, computed on demand from their index, so that any shard or thread
// can produce any point without the others, and a sweep of millions needs no table.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sweep/sweep_spec.h"

namespace spillover {

class SweepPoints {
 public:
  explicit SweepPoints(const SweepSpec& spec);

  int64_t count() const { return count_; }
  // The value of every parameter at `point` (0-based), as YAML text, in the order of the
  // sweep file. Grid: the last group varies fastest. Monte Carlo: independent draws from
  // a counter-based generator keyed by (seed, point, parameter).
  std::vector<std::string> Values(int64_t point) const;
  std::vector<double> Draws(int64_t point) const;  // monte_carlo only
  // The same without allocating: one draw per parameter into `out` (monte_carlo), or the
  // index into each parameter's `values` (grid), for sweeps of millions of points.
  void Draws(int64_t point, double* out) const;
  void GridIndices(int64_t point, size_t* out) const;

 private:
  const SweepSpec& spec_;
  int64_t count_ = 0;
  std::vector<std::vector<size_t>> groups_;  // grid: parameter indices of each group
  std::vector<int64_t> group_sizes_;
};

// Standard normal inverse CDF (Acklam's rational approximation refined by one Halley
// step; accurate to about 1e-15).
double InverseNormalCdf(double p);

}  // namespace spillover
