// Points of a sweep that failed: what `sweep` and `validate` say about them, in the same
// words, so that a script can trust the exit code (README, "Exit codes").
#pragma once

#include <cstdint>
#include <istream>
#include <string>
#include <vector>

#include "sweep/sweep_spec.h"

namespace spillover {

struct FailedPoint {
  int64_t point = 0;    // 0-based, as in points.csv
  std::string values;   // "shocks.supply.share=1.5, ..."
  std::string message;  // why it failed
};

// The failures of a sweep, counted in full, the first few kept for the summary.
struct FailedPoints {
  static constexpr size_t kKept = 10;
  int64_t count = 0;
  std::vector<FailedPoint> first;

  void Add(const SweepSpec& spec, int64_t point, const std::vector<std::string>& values,
           const std::string& message);
  void Add(const std::vector<std::string>& paths, int64_t point,
           const std::vector<std::string>& values, const std::string& message);
  void Merge(const FailedPoints& other);  // `other` holds later points
};

// The failed points recorded in a finished sweep's points.csv (the rows without a GDP
// figure), as the run that wrote it listed them: a --resume of a finished sweep and a merge
// solve nothing, yet must exit and report as the sweep did. `path` names the file in errors.
FailedPoints ReadFailedPoints(std::istream& points_csv, const std::string& path);

// "3 of 300 points failed:" and one line per kept point, then "... and N more".
std::string FailedPointsSummary(const FailedPoints& failed, int64_t points);

}  // namespace spillover
