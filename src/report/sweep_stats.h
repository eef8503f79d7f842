// Statistics of a sweep's points for its report: Spearman rank correlations of the
// parameters with a result, and quantile bands of a result against a parameter.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "results/sweep_table.h"

namespace spillover {

// Quantiles `qs` (ascending is fastest) of `values` by linear interpolation between order
// statistics (type 7, the default of R and numpy); NaN for each when `values` is empty.
// Order statistics are selected (nth_element), not sorted, and `values` is reordered. The
// one definition: summary.csv (sweep/sweep_summary.cpp) and the report's charts use it.
std::vector<double> SelectQuantiles(std::vector<double>& values, const std::vector<double>& qs);
// Quantile q of `values` (in any order), as SelectQuantiles.
double Quantile(const std::vector<double>& values, double q);

// Ranks 1..n, ties sharing their mean rank.
std::vector<double> Ranks(const std::vector<double>& values);

struct RankDriver {
  std::string parameter;
  double rho = 0.0;  // Spearman: Pearson correlation of the ranks
};
// Every parameter with its rank correlation with `column`, largest |rho| first; points
// where either is missing are left out.
std::vector<RankDriver> RankDrivers(const SweepTable& sweep, const std::string& column);

struct FanBins {
  std::vector<double> x;                         // the median parameter value of each bin
  std::vector<std::array<double, 5>> quantiles;  // p5, p25, p50, p75, p95 of `column`
};
// The points in `bins` bins of equal count along `parameter`, and the quantiles of
// `column` in each.
FanBins FanByParameter(const SweepTable& sweep, const std::string& parameter,
                       const std::string& column, int bins);

}  // namespace spillover
