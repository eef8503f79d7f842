// summary.csv of a linear Monte Carlo sweep from the fast path's combination. Re-reading
// results.csv holds every variable's samples at once (hundreds of MiB for a long sweep);
// here only the points' shifts are kept, and each variable's samples are made again from
// them, one variable at a time per thread, by the very expression AppendBlock wrote.
#include <algorithm>
#include <cmath>
#include <map>

#include "core/parallel.h"
#include "sweep/linear_path.h"
#include "sweep/sweep_runner.h"
#include "sweep/sweep_summary.h"

namespace spillover {

std::string LinearSweep::Summary(int threads) const {
  const size_t k = origin_.size();
  const int64_t count = in_.points->count();
  // Variables in order of first appearance; rows with the same key share one, their samples
  // interleaved point by point as they follow each other in the file.
  std::vector<std::vector<size_t>> variables;
  std::map<std::array<std::string, 4>, size_t> index_of;
  if (!in_.points_only) {
    for (size_t r = 0; r < rows_.size(); ++r) {
      if (!rows_[r].kept) continue;
      const auto found = index_of.emplace(rows_[r].fields, variables.size());
      if (found.second) variables.emplace_back();
      variables[found.first->second].push_back(r);
    }
  }
  // Only when there is a variable (--detail points has none): 8 bytes a parameter a point.
  std::vector<double> shifts(variables.empty() ? 0 : static_cast<size_t>(count) * k), value(k);
  std::vector<size_t> index(k);
  for (int64_t p = 0; p < count && !variables.empty(); ++p) {
    PointAt(p, value.data(), index.data());
    for (size_t i = 0; i < k; ++i) shifts[static_cast<size_t>(p) * k + i] = value[i] - origin_[i];
  }
  std::vector<std::string> lines(variables.size());
  // A sample as the re-read of results.csv takes it: it reads zero written as "0" (no sign)
  // and no empty cell (a % change of a zero baseline). The wide layout holds only the
  // change, so its level is the baseline plus the change read back.
  auto sample = [this](int kind, double baseline, double level_there) {
    const ResultRow result{"", "", "", "", baseline, level_there};
    const double change = result.Change() == 0.0 ? 0.0 : result.Change();
    const double level = in_.wide ? baseline + change : level_there;
    const double x = kind == 0 ? level : kind == 1 ? change : result.PercentChange();
    return x == 0.0 ? 0.0 : x;
  };
  auto work = [&](size_t from, size_t step) {
    std::vector<double> samples;
    for (size_t v = from; v < variables.size(); v += step) {
      const std::vector<size_t>& group = variables[v];
      std::string cells[3];
      size_t n = 0;
      const Row& only = rows_[group.front()];
      const bool constant = group.size() == 1 && !only.moves;
      for (int kind = 0; kind < 3 && constant; ++kind) {
        // A row that no parameter moves: one sample, `count` times.
        const double x = sample(kind, only.baseline, only.value);
        const size_t times = std::isfinite(x) ? static_cast<size_t>(count) : 0;
        if (kind == 0) n = times;
        cells[kind] = SummaryStatisticsOfConstant(x, times);
      }
      for (int kind = 0; kind < 3 && !constant; ++kind) {
        samples.clear();
        for (int64_t p = 0; p < count; ++p) {
          const double* shift = &shifts[static_cast<size_t>(p) * k];
          for (const size_t r : group) {
            const Row& row = rows_[r];
            const double x =
                sample(kind, row.baseline, row.moves ? ValueAt(row, shift) : row.value);
            if (std::isfinite(x)) samples.push_back(x);
          }
        }
        if (kind == 0) n = samples.size();
        cells[kind] = SummaryStatistics(samples);
      }
      lines[v] = SummaryKey(rows_[group.front()].fields) + "," + std::to_string(n) + "," +
                 cells[0] + "," + cells[1] + "," + cells[2] + "\n";
    }
  };
  const size_t workers = std::min<size_t>(static_cast<size_t>(std::max(threads, 1)),
                                          std::max<size_t>(variables.size(), 1));
  RunOnThreads(static_cast<int>(workers), [&](int t) { work(static_cast<size_t>(t), workers); });
  std::string out = SummaryHeader();
  for (const std::string& line : lines) out += line;
  return out;
}

std::string SweepSummary(const LinearSweep* linear, const SweepReport& report,
                         const std::string& results_csv, int threads) {
  const bool all_linear = report.resumed_from == 0 && report.linear_points == report.points;
  return linear != nullptr && all_linear ? linear->Summary(threads) : SummariseResults(results_csv);
}

}  // namespace spillover
