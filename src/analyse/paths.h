// Structural path analysis (Defourny & Thorbecke 1984), with a pruned best-first search of
// the tree of supply chains in the spirit of Lenzen & Crawford (2009). The equations are
// in docs/analysis.md.
#pragma once

#include <limits>
#include <string>
#include <vector>

#include "core/model.h"
#include "core/types.h"
#include "engine/leontief.h"

namespace spillover {

struct PathOptions {
  Index top = 20;                    // paths to keep, largest |value| first
  int max_depth = 6;                 // most intermediate steps (edges) in a path
  double relative_threshold = 1e-4;  // ignore paths below this fraction of |total effect|
  double absolute_threshold = 0.0;   // ... and below this value (the weights' unit)
  Index max_nodes = 5000000;         // bound on the paths visited by the search
};

// A path s → k1 → … → e: demand for s needs inputs from k1, which needs inputs from …, and
// the effect arises in e. Its value (direct influence) is
//   w_e · A_{e,k_m} ⋯ A_{k_1,s} · Δy_s.
struct StructuralPath {
  std::vector<Index> sectors;  // s, k1, …, e
  double value = 0.0;

  int depth() const { return static_cast<int>(sectors.size()) - 1; }
};

struct PathAnalysis {
  std::vector<StructuralPath> paths;  // largest |value| first
  double total = 0.0;                 // w' L Δy: the sum over all paths of every length
  double listed = 0.0;                // sum of the values of `paths`
  double threshold = 0.0;             // the |value| below which paths were not followed
  Index visited = 0;                  // paths visited by the search
  bool node_limit_reached = false;    // the search stopped at PathOptions::max_nodes

  double Coverage() const;  // listed / total; NaN when the total is zero
};

// Finds the `top` paths of largest |value| through which `demand_change` (Δy, by sector)
// reaches the weighted effect w' x (`weights`: value added per unit of output for GDP,
// ones for total output, e_t for the output of sector t). A best-first search over the
// tree of paths, led by an upper bound on everything below a node: a path ending in e
// with partial value r can add at most |r| · (|w|' L)_e over all its extensions, since
// A ≥ 0. The search follows only paths whose bound reaches the threshold (the larger of
// the two in `options`), stops when no remaining bound can beat the k-th path found, and
// never visits more than `max_nodes` paths. Each sector's suppliers are sorted once, when
// the sector is first reached, so a step costs O(log) and no dense inverse is formed: one
// transposed solve gives the bounds, another the total.
PathAnalysis StructuralPaths(MatrixRef technical, const LeontiefSolver& solver,
                             VectorRef demand_change, VectorRef weights,
                             const PathOptions& options);

// How to label a path in the reports.
struct PathLabels {
  std::string title;   // e.g. "Exports to RUS lost (−100%)"
  std::string source;  // first node, e.g. "RUS exports" or "demand"
  std::string target;  // what is measured, e.g. "GDP", "output", "output of 241"
  std::string end;     // appended to each path: "GDP", "output", or "" (a sector target)
  std::string unit;    // of the values, e.g. "KZT thousand"
  double scale = 1.0;  // printed value = value × scale
  std::vector<std::string> notes;  // printed under the title of the readable table
  std::string question;            // the question the figures answer, one line
  // The target's change in `spillover run` of the same scenario (model units; NaN: none),
  // shown beside the paths' total; `run_nonlinear`: the run has limits, rerouting or prices.
  double run_total = std::numeric_limits<double>::quiet_NaN();
  bool run_nonlinear = false;
};

// "RUS exports → 072 → 241 → GDP".
std::string PathText(const Model& model, const StructuralPath& path, const PathLabels& labels);

std::string FormatPathsTable(const Model& model, const PathAnalysis& analysis,
                             const PathLabels& labels);
// Tidy CSV: rank,path,depth,start,end,value,unit,share_of_total; two closing rows hold the
// total effect (path "ALL") and the sum of the listed paths (path "LISTED").
std::string FormatPathsCsv(const Model& model, const PathAnalysis& analysis,
                           const PathLabels& labels);

}  // namespace spillover
