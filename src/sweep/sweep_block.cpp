#include "sweep/sweep_block.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "core/text.h"
#include "io/csv.h"

namespace spillover {

namespace {

std::string PointPrefix(int64_t point, const std::vector<std::string>& values) {
  std::string prefix = std::to_string(point);
  for (const auto& v : values) prefix += "," + CsvField(v);
  return prefix;
}

void AppendResult(const SweepContext& ctx, int64_t point, const std::vector<std::string>& values,
                  const ScenarioResult* result, const std::string& error, BlockOutput* out) {
  std::string wide_cells;
  const auto keep = [&ctx](const ResultRow& row) { return KeepRow(row, ctx.detail, ctx.region); };
  if (result != nullptr && ctx.wide != nullptr &&
      !ctx.wide->AppendChanges(*result, keep, &wide_cells)) {
    AppendResult(ctx, point, values, nullptr,
                 "its result rows differ from those of the first point, which name the columns "
                 "of --layout wide; run the sweep with --layout tidy",
                 out);
    return;
  }
  const std::string prefix = PointPrefix(point, values) + "," + CsvField(ctx.spec->name);
  if (result == nullptr) {
    if (ctx.wide != nullptr) {
      out->results += PointPrefix(point, values) + std::string(ctx.wide->size() + 1, ',') +
                      CsvField(error) + "\n";
    } else if (!ctx.points_only) {
      out->results += prefix + ",,,,,,,,," + CsvField(error) + "\n";
    }
    out->points += PointPrefix(point, values) + ",,,,,,,," + CsvField(error) + "\n";
    out->failed.Add(*ctx.spec, point, values, error);
    return;
  }
  if (ctx.wide != nullptr) out->results += PointPrefix(point, values) + wide_cells + ",\n";
  for (const auto& row : result->rows) {
    if (ctx.points_only || ctx.wide != nullptr || !keep(row)) continue;
    const double pct = row.PercentChange();
    out->results += prefix + "," + CsvField(row.region) + "," + CsvField(row.sector) + "," +
                    row.variable + "," + CsvField(row.unit) + "," + FormatNumber(row.baseline) +
                    "," + FormatNumber(row.value) + "," + FormatNumber(row.Change()) + "," +
                    (std::isfinite(pct) ? FormatNumber(pct) : "") + ",\n";
  }
  const ResultRow* gdp = result->Find("gdp", ctx.region, "ALL");
  const ResultRow* exports = result->Find("exports", ctx.region, "ALL");
  const ResultRow* imports = result->Find("imports", ctx.region, "ALL");
  // A multi-regional model has one CPI, over all regions' households (region ALL).
  const ResultRow* cpi = result->Find("cpi", ctx.region, "ALL");
  if (cpi == nullptr) cpi = result->Find("cpi", "ALL", "ALL");
  out->points += PointPrefix(point, values) + "," + FormatNumber(gdp->baseline) + "," +
                 FormatNumber(gdp->value) + "," + FormatNumber(gdp->Change()) + "," +
                 FormatNumber(gdp->PercentChange()) + "," + FormatNumber(exports->Change()) + "," +
                 FormatNumber(imports->Change()) + "," + FormatNumber(cpi->value) + "," +
                 CsvField(result->message) + "\n";
}

}  // namespace

BlockOutput RunBlock(const SweepContext& ctx, int64_t block) {
  const int64_t first = block * kSweepBlock;
  const int64_t last = std::min(ctx.points->count(), first + kSweepBlock);
  if (ctx.linear != nullptr) {
    BlockOutput out;
    if (ctx.linear->AppendBlock(first, last, &out.results, &out.points)) {
      out.linear_points = last - first;
      return out;
    }
  }
  const std::vector<SolvedPoint> solved =
      SolvePoints(*ctx.spec, *ctx.points, *ctx.model, ctx.detail, first, last);
  BlockOutput out;
  for (int64_t p = first; p < last; ++p) {
    const SolvedPoint& point = solved[static_cast<size_t>(p - first)];
    AppendResult(ctx, p, point.values, point.error.empty() ? &point.result : nullptr, point.error,
                 &out);
  }
  return out;
}

}  // namespace spillover
