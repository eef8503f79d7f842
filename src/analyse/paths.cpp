#include "analyse/paths.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <queue>

#include "core/error.h"
#include "core/text.h"
#include "io/csv.h"

namespace spillover {
namespace {

// A supplier i of a sector e, with A_ie and the bound factor A_ie · b_i.
struct Supplier {
  std::int32_t sector;
  double coefficient;
  double bound;
};

// A path in the search tree, stored once; its parent is the path one step shorter.
struct Node {
  std::int32_t sector;
  std::int32_t parent;  // −1 for a path of length 0
  std::int32_t rank;    // position in the parent's supplier list (or the list of starts)
  std::int32_t depth;
  double reach;  // A_{e,k_m} ⋯ A_{k_1,s} Δy_s
};

struct Candidate {
  double bound;
  std::int32_t node;
  bool operator<(const Candidate& other) const {
    return bound < other.bound || (bound == other.bound && node > other.node);
  }
};

struct Found {
  double magnitude;
  std::int32_t node;
  // Min-heap on |value|; among equals the later path is dropped first.
  bool operator<(const Found& other) const {
    return magnitude > other.magnitude || (magnitude == other.magnitude && node < other.node);
  }
};

int DecimalsFor(double largest) {
  if (largest >= 1000.0) return 0;
  if (largest >= 1.0) return 2;
  return 6;
}

}  // namespace

double PathAnalysis::Coverage() const {
  return total != 0.0 ? listed / total : std::numeric_limits<double>::quiet_NaN();
}

PathAnalysis StructuralPaths(MatrixRef technical, const LeontiefSolver& solver,
                             VectorRef demand_change, VectorRef weights,
                             const PathOptions& options) {
  const Index n = solver.size();
  if (technical.rows() != n || technical.cols() != n) {
    throw InputError("coefficient matrix: expected " + std::to_string(n) + "x" + std::to_string(n) +
                     ", got " + std::to_string(technical.rows()) + "x" +
                     std::to_string(technical.cols()));
  }
  CheckInputLength(demand_change.size(), n, "demand change");
  CheckInputLength(weights.size(), n, "weights");
  if (n > std::numeric_limits<std::int32_t>::max()) throw InputError("too many sectors for paths");
  if (options.top < 1) throw InputError("paths: top must be at least 1");
  if (options.max_depth < 0) throw InputError("paths: the maximum depth must be at least 0");
  if (!(options.relative_threshold >= 0.0) || !(options.absolute_threshold >= 0.0)) {
    throw InputError("paths: thresholds must be zero or positive");
  }
  // Paths are numbered with 32-bit integers; a visit adds at most two.
  if (options.max_nodes < 1 || options.max_nodes > 1000000000) {
    throw InputError("paths: node limit " + std::to_string(options.max_nodes) +
                     " is out of range: expected 1 to 1000000000");
  }
  if (!demand_change.allFinite() || !weights.allFinite()) {
    throw InputError("paths: the demand change and the weights must be finite");
  }

  PathAnalysis result;
  // Total effect w' L Δy, and the bound b = |w|' L on everything below each sector; L ≥ 0,
  // so b_e ≥ |w_e| and b_e = |w_e| + Σ_i A_ie b_i (clamped against rounding). Both come
  // from one transposed solve with two right-hand sides.
  Matrix costs(n, 2);
  costs.col(0) = weights;
  costs.col(1) = weights.cwiseAbs();
  const Matrix solved = solver.SolveTransposedMany(costs);
  result.total = solved.col(0).dot(demand_change);
  const Vector bound = solved.col(1).cwiseMax(costs.col(1));
  result.threshold =
      std::max(options.absolute_threshold, options.relative_threshold * std::fabs(result.total));
  const double cutoff = result.threshold;
  const auto follows = [cutoff](double b) { return b > 0.0 && b >= cutoff; };

  std::vector<Supplier> starts;
  for (Index s = 0; s < n; ++s) {
    const double b = std::fabs(demand_change(s)) * bound(s);
    if (follows(b)) starts.push_back(Supplier{static_cast<std::int32_t>(s), demand_change(s), b});
  }
  std::sort(starts.begin(), starts.end(), [](const Supplier& a, const Supplier& b) {
    return a.bound > b.bound || (a.bound == b.bound && a.sector < b.sector);
  });
  // Bounds never grow down the tree, so a path ending in e has |partial value| · b_e ≤ B0,
  // the largest start's bound, and a supplier i of e can reach at most B0 · A_ie b_i / b_e.
  // Suppliers that cannot reach the cutoff even so are left out of the lists.
  const double largest_bound = starts.empty() ? 0.0 : starts.front().bound;

  std::vector<std::vector<Supplier>> suppliers(static_cast<size_t>(n));
  std::vector<bool> built(static_cast<size_t>(n), false);
  const auto suppliers_of = [&](std::int32_t e) -> const std::vector<Supplier>& {
    std::vector<Supplier>& list = suppliers[static_cast<size_t>(e)];
    if (built[static_cast<size_t>(e)]) return list;
    built[static_cast<size_t>(e)] = true;
    for (Index i = 0; i < n; ++i) {
      const double a = technical(i, e);
      const double b = a * bound(i);
      if (a > 0.0 && follows(largest_bound * (b / bound(e)))) {
        list.push_back(Supplier{static_cast<std::int32_t>(i), a, b});
      }
    }
    std::sort(list.begin(), list.end(), [](const Supplier& x, const Supplier& y) {
      return x.bound > y.bound || (x.bound == y.bound && x.sector < y.sector);
    });
    return list;
  };

  // Best-first search. Each candidate enters the queue once: the first start, then for
  // every visited path its next sibling and its first child. Sibling lists are sorted by
  // bound and a child's bound never exceeds its parent's, so paths leave the queue in
  // order of decreasing bound.
  std::vector<Node> nodes;
  std::priority_queue<Candidate> queue;
  std::priority_queue<Found> found;
  const size_t top = static_cast<size_t>(options.top);
  const auto add = [&](std::int32_t sector, std::int32_t parent, std::int32_t rank,
                       std::int32_t depth, double reach, double b) {
    if (!follows(b)) return;
    if (found.size() == top && b <= found.top().magnitude) return;
    nodes.push_back(Node{sector, parent, rank, depth, reach});
    queue.push(Candidate{b, static_cast<std::int32_t>(nodes.size() - 1)});
  };
  if (!starts.empty()) add(starts[0].sector, -1, 0, 0, starts[0].coefficient, starts[0].bound);
  while (!queue.empty()) {
    const Candidate candidate = queue.top();
    if (found.size() == top && candidate.bound <= found.top().magnitude) break;
    if (result.visited >= options.max_nodes) {
      result.node_limit_reached = true;
      break;
    }
    queue.pop();
    ++result.visited;
    const Node node = nodes[static_cast<size_t>(candidate.node)];
    const double value = node.reach * weights(node.sector);
    if (value != 0.0 && std::fabs(value) >= cutoff) {
      if (found.size() < top) {
        found.push(Found{std::fabs(value), candidate.node});
      } else if (std::fabs(value) > found.top().magnitude) {
        found.pop();
        found.push(Found{std::fabs(value), candidate.node});
      }
    }
    const size_t next = static_cast<size_t>(node.rank) + 1;
    if (node.parent < 0) {
      if (next < starts.size()) {
        const Supplier& s = starts[next];
        add(s.sector, -1, static_cast<std::int32_t>(next), 0, s.coefficient, s.bound);
      }
    } else {
      // Copied: `add` may grow `nodes`.
      const Node parent = nodes[static_cast<size_t>(node.parent)];
      const std::vector<Supplier>& siblings = suppliers_of(parent.sector);
      if (next < siblings.size()) {
        const Supplier& s = siblings[next];
        add(s.sector, node.parent, static_cast<std::int32_t>(next), node.depth,
            parent.reach * s.coefficient, std::fabs(parent.reach) * s.bound);
      }
    }
    if (node.depth < options.max_depth) {
      const std::vector<Supplier>& children = suppliers_of(node.sector);
      if (!children.empty()) {
        const Supplier& s = children.front();
        add(s.sector, candidate.node, 0, node.depth + 1, node.reach * s.coefficient,
            std::fabs(node.reach) * s.bound);
      }
    }
  }

  std::vector<std::int32_t> kept;
  while (!found.empty()) {
    kept.push_back(found.top().node);
    found.pop();
  }
  std::reverse(kept.begin(), kept.end());
  for (std::int32_t id : kept) {
    StructuralPath path;
    for (std::int32_t k = id; k >= 0; k = nodes[static_cast<size_t>(k)].parent) {
      path.sectors.push_back(nodes[static_cast<size_t>(k)].sector);
    }
    std::reverse(path.sectors.begin(), path.sectors.end());
    const Node& end = nodes[static_cast<size_t>(id)];
    path.value = end.reach * weights(end.sector);
    result.listed += path.value;
    result.paths.push_back(std::move(path));
  }
  return result;
}

std::string PathText(const Model& model, const StructuralPath& path, const PathLabels& labels) {
  std::string text = labels.source;
  for (Index s : path.sectors) {
    text += (text.empty() ? "" : " → ") + model.sectors[static_cast<size_t>(s)].code;
  }
  if (!labels.end.empty()) text += " → " + labels.end;
  return text;
}

std::string FormatPathsTable(const Model& model, const PathAnalysis& analysis,
                             const PathLabels& labels) {
  double largest = std::fabs(analysis.total);
  for (const auto& path : analysis.paths) largest = std::max(largest, std::fabs(path.value));
  const int decimals = DecimalsFor(largest * std::fabs(labels.scale));
  std::string out = "Structural paths: " + labels.title + "\n";
  if (!labels.question.empty()) out += "Question: " + labels.question + "\n";
  for (const auto& note : labels.notes) out += "Note: " + note + "\n";
  if (std::isfinite(labels.run_total)) {
    out += "Note: 'spillover run' gives a " + labels.target + " change of " +
           FormatGrouped(labels.run_total * labels.scale, decimals) + " " + labels.unit +
           " = the paths' total " + FormatGrouped(analysis.total * labels.scale, decimals) +
           " plus " + FormatGrouped((labels.run_total - analysis.total) * labels.scale, decimals) +
           " from net taxes on final use" +
           (labels.run_nonlinear ? ", capacity limits, rerouting and prices" : "") +
           " (no production path; docs/methods.md, \"Which number is which\")\n";
  }
  out += "Effect on " + labels.target + " in " + labels.unit +
         " per year. Total effect (all paths) " +
         FormatGrouped(analysis.total * labels.scale, decimals) + "; the " +
         std::to_string(analysis.paths.size()) + " paths listed sum to " +
         FormatGrouped(analysis.listed * labels.scale, decimals) + " (coverage " +
         Percent(analysis.Coverage(), 1) + ").\n";
  char threshold[32];
  std::snprintf(threshold, sizeof threshold, "%.4g", analysis.threshold * labels.scale);
  out += "Search: paths with |value| >= " + std::string(threshold) + ", visited " +
         std::to_string(analysis.visited) + " paths" +
         (analysis.node_limit_reached ? " (stopped at the node limit: raise --max-nodes)" : "") +
         ".\n\n";
  out += PadLeft("#", 4) + PadLeft("value", 18) + PadLeft("% of total", 12) + PadLeft("depth", 7) +
         "  path\n";
  for (size_t r = 0; r < analysis.paths.size(); ++r) {
    const StructuralPath& path = analysis.paths[r];
    const double share = analysis.total != 0.0 ? path.value / analysis.total
                                               : std::numeric_limits<double>::quiet_NaN();
    out += PadLeft(std::to_string(r + 1), 4) +
           PadLeft(FormatGrouped(path.value * labels.scale, decimals), 18) +
           PadLeft(Percent(share), 12) + PadLeft(std::to_string(path.depth()), 7) + "  " +
           PathText(model, path, labels) + "\n";
  }
  if (analysis.paths.empty()) out += "  (no path reaches the threshold)\n";
  out +=
      "\nvalue: direct influence w_e·A_{e,k}⋯A_{k,s}·Δy_s of the path; depth: steps through "
      "intermediate inputs.\n";
  return out;
}

std::string FormatPathsCsv(const Model& model, const PathAnalysis& analysis,
                           const PathLabels& labels) {
  std::string out = "rank,path,depth,start,end,value,unit,share_of_total\n";
  const std::string unit = CsvField(labels.unit);
  const auto share = [&](double value) {
    return analysis.total != 0.0 ? FormatNumber(value / analysis.total) : std::string();
  };
  for (size_t r = 0; r < analysis.paths.size(); ++r) {
    const StructuralPath& path = analysis.paths[r];
    out += std::to_string(r + 1) + "," + CsvField(PathText(model, path, labels)) + "," +
           std::to_string(path.depth()) + "," +
           CsvField(model.sectors[static_cast<size_t>(path.sectors.front())].code) + "," +
           CsvField(model.sectors[static_cast<size_t>(path.sectors.back())].code) + "," +
           FormatNumber(path.value * labels.scale) + "," + unit + "," + share(path.value) + "\n";
  }
  out += ",ALL,,,," + FormatNumber(analysis.total * labels.scale) + "," + unit + "," +
         share(analysis.total) + "\n";
  out += ",LISTED,,,," + FormatNumber(analysis.listed * labels.scale) + "," + unit + "," +
         share(analysis.listed) + "\n";
  return out;
}

}  // namespace spillover
