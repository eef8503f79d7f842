// One block of a sweep's points, solved and formatted as the lines it adds to results.csv
// and points.csv: by the linear fast path when it takes the block, else by the general path
// (sweep/solve_points.cpp), in the tidy or the wide layout (sweep/wide_layout.h).
#pragma once

#include <cstdint>
#include <string>

#include "sweep/failed_points.h"
#include "sweep/linear_path.h"
#include "sweep/points.h"
#include "sweep/sweep_runner.h"
#include "sweep/wide_layout.h"

namespace spillover {

struct BlockOutput {
  std::string results;
  std::string points;
  FailedPoints failed;
  int64_t linear_points = 0;  // points that took the linear fast path
};

// Everything a worker needs, shared read-only.
struct SweepContext {
  const SweepSpec* spec;
  const SweepPoints* points;
  const PreparedModel* model;
  SweepDetail detail;
  std::string region;  // the model's region code
  bool points_only = false;
  const LinearSweep* linear = nullptr;  // the fast path, when the sweep is linear
  const WideColumns* wide = nullptr;    // --layout wide: results.csv's columns
};

// Points [block · kSweepBlock, …) of the sweep, in point order.
BlockOutput RunBlock(const SweepContext& ctx, int64_t block);

}  // namespace spillover
