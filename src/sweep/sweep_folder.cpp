#include "sweep/sweep_folder.h"

#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>

#include "core/error.h"
#include "io/csv.h"
#include "io/yaml_read.h"
#include "sweep/sweep_state.h"

namespace spillover {
namespace {

namespace fs = std::filesystem;

SourceLocation At(const std::string& path, int64_t line = 0) {
  return SourceLocation{path, line, 0, ""};
}

// The unit of the money columns: the unit of the first gdp row of results.csv.
std::string MoneyUnit(const std::string& path) {
  // The first rows are enough: a results file can be large.
  std::ifstream in(path, std::ios::binary);
  std::string head(1 << 20, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<size_t>(in.gcount()));
  head.resize(head.rfind('\n') == std::string::npos ? 0 : head.rfind('\n') + 1);
  if (head.empty()) return "";
  const TextTable table = ParseTextCsv(head, path);
  size_t variable = table.header.size(), unit = table.header.size();
  for (size_t i = 0; i < table.header.size(); ++i) {
    if (table.header[i] == "variable") variable = i;
    if (table.header[i] == "unit") unit = i;
  }
  for (const auto& f : table.rows) {
    if (variable < f.size() && unit < f.size() && f[variable] == "gdp") return f[unit];
  }
  return "";
}

}  // namespace

SweepTable ReadFinishedSweep(const std::string& dir) {
  const SweepMeta meta = ReadMeta(dir);
  if (!meta.complete) {
    throw InputError(At(dir),
                     "holds a sweep that has not finished (sweep.meta: state running); "
                     "finish it with 'spillover sweep SWEEP.yaml --out " +
                         dir + " --resume', then make the report");
  }
  if (meta.id.shards > 1) {
    throw InputError(At(dir), "holds shard " + std::to_string(meta.id.shard + 1) + "/" +
                                  std::to_string(meta.id.shards) +
                                  " of a sweep only; merge the shards first ('spillover sweep "
                                  "merge'), then report on the merged folder");
  }
  const std::string points_path = dir + "/points.csv";
  int64_t bytes = 0;
  std::string hash;
  HashFile(points_path, &bytes, &hash);
  if (bytes != meta.points_bytes || hash != meta.points_hash) {
    throw InputError(At(points_path),
                     "differs from what sweep.meta recorded when the sweep "
                     "finished (edited or damaged); run the sweep again");
  }
  SweepTable t;
  t.dir = dir;
  t.name = meta.id.name;
  t.method = meta.id.method;
  t.model_folder = meta.id.model;
  const TextTable points = ReadTextCsv(points_path);
  t.columns = points.header;
  for (size_t c = 1; c < t.columns.size() && t.columns[c] != "gdp_baseline"; ++c) {
    t.parameters.push_back(t.columns[c]);
  }
  for (const auto& fields : points.rows) {
    std::vector<double> row(t.columns.size(), std::numeric_limits<double>::quiet_NaN());
    for (size_t c = 0; c < fields.size() && c < row.size(); ++c) {
      double value = 0;
      if (!fields[c].empty() && ParseNumber(fields[c], &value) && std::isfinite(value)) {
        row[c] = value;
      }
    }
    t.rows.push_back(std::move(row));
  }
  if (fs::exists(dir + "/summary.csv")) {
    const TextTable summary = ReadTextCsv(dir + "/summary.csv");
    t.summary_columns = summary.header;
    t.summary_rows = summary.rows;
  }
  // sweep.meta states the units; a folder of an earlier version has them only in
  // results.csv (empty with --detail points).
  for (const auto& [column, unit] : meta.units) {
    if (column == "gdp") t.money_unit = unit;
  }
  if (t.money_unit.empty()) t.money_unit = MoneyUnit(dir + "/results.csv");
  return t;
}

}  // namespace spillover
