// The pieces of summary.csv shared by its two sources: the re-read of results.csv
// (SummariseResults) and the linear fast path's combination (LinearSweep::Summary), so
// that both write the same bytes from the same samples.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "sweep/sweep_runner.h"

namespace spillover {

// The header line of summary.csv, with its newline.
std::string SummaryHeader();

// "mean,sd,p5,p50,p95" of `samples` (reordered: the quantiles select in place); empty
// cells when there are none.
std::string SummaryStatistics(std::vector<double>& samples);
// The same for `n` samples that all equal `x`, without storing them: the moments are summed
// in the same order (n copies of x do not sum to exactly n·x), the quantiles are x.
std::string SummaryStatisticsOfConstant(double x, size_t n);

// "region,sector,variable,unit" of a variable as summary.csv writes it (decoded fields).
std::string SummaryKey(const std::array<std::string, 4>& fields);

class LinearSweep;

// summary.csv of a finished sweep: from `linear`'s combination when every point of the
// report was written by it in this run (a resumed run wrote some before), else by
// re-reading `results_csv` (sweep/linear_summary.cpp).
std::string SweepSummary(const LinearSweep* linear, const SweepReport& report,
                         const std::string& results_csv, int threads);

}  // namespace spillover
