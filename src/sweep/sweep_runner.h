// Running a sweep: points in blocks solved together, results streamed to disk in point
// order, checkpoints for --resume, shards for several machines, and their merge.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "results/result_table.h"
#include "run/runner.h"
#include "sweep/failed_points.h"
#include "sweep/points.h"
#include "sweep/sweep_spec.h"

namespace spillover {

using SweepDetail = ResultDetail;

struct SweepOptions {
  std::string out_dir;
  std::string model_folder;  // overrides the base scenario's model when not empty
  int threads = 1;
  int shard = 0;  // 0-based shard index
  int shards = 1;
  bool resume = false;
  bool force = false;     // replace the results of a finished sweep in out_dir
  bool progress = false;  // a progress line on standard error
  SweepDetail detail = SweepDetail::kSectors;
  bool points_only = false;  // --detail points: points.csv rows only (results.csv: header)
  bool wide = false;         // --layout wide: results.csv one row per point (sweep/wide_layout.h)
  int64_t stop_after_blocks = -1;  // testing: stop (as if killed) after this many blocks
  int64_t max_points = -1;         // refuse a shard of more points; -1: ProcessLimits()
  bool linear_fast_path = true;    // testing: false sends every point down the general path
};

struct SweepReport {
  int64_t points = 0;        // points of this shard
  int64_t errors = 0;        // points that failed (reported in the error column)
  FailedPoints failed;       // the same count, with the first failures of this run
  int64_t resumed_from = 0;  // blocks already done when the run started (--resume)
  int64_t points_run = 0;    // points solved by this run
  double seconds = 0.0;
  bool finished = false;
  bool linear = false;        // the points took the linear fast path (sweep/linear_path.h)
  std::string general_why;    // otherwise, why not
  int64_t linear_points = 0;  // points of this run that took it (the others: the general path)
};

// Points are taken in blocks of this many; the blocks are the unit of work, of sharding
// and of checkpoints, so results do not depend on the thread or shard count.
constexpr int64_t kSweepBlock = 64;

// The model folder a sweep runs on: `model_folder` when given, else its base scenario's.
std::string SweepModelFolder(const SweepSpec& spec, const std::string& model_folder);

// The scenario of one point: the base with every parameter set to its value there.
Scenario PointScenario(const SweepSpec& spec, const std::vector<std::string>& values,
                       const Model& model);

// Whether a result row is kept at this level of detail; `region` is the model's region.
bool KeepRow(const ResultRow& row, SweepDetail detail, const std::string& region);

// A point of a sweep: its parameter values (YAML text) and its result, or why it failed.
struct SolvedPoint {
  std::vector<std::string> values;
  ScenarioResult result;
  std::string error;  // empty when solved
};

// Builds and solves points [first, last) as one batch. A point whose scenario is refused
// or cannot be solved carries the message; the others are solved all the same.
std::vector<SolvedPoint> SolvePoints(const SweepSpec& spec, const SweepPoints& points,
                                     const PreparedModel& model, SweepDetail detail, int64_t first,
                                     int64_t last);

// Builds and solves the first `max_points` points as the sweep would (SolvePoints), so
// that `spillover validate` fails exactly the points `spillover sweep` would report as
// failed. Returns the number of points checked; the failures go to `failed`.
int64_t ValidateSweep(const SweepSpec& spec, const std::string& model_folder, ModelCache* cache,
                      int64_t max_points, FailedPoints* failed);

SweepReport RunSweep(const SweepSpec& spec, const SweepOptions& options, ModelCache* cache);

// Merges the output folders of the shards of one sweep into `out_dir`, giving the same
// files as a single run. Reports the sweep's points and failed points (which decide the
// exit code); nothing is solved.
SweepReport MergeSweeps(const std::vector<std::string>& shard_dirs, const std::string& out_dir);

// Summary statistics per variable (mean, sd, p5, p50, p95) of a results.csv.
std::string SummariseResults(const std::string& results_csv);

}  // namespace spillover
