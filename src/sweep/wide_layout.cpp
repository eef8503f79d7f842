#include "sweep/wide_layout.h"

#include <charconv>
#include <cmath>
#include <map>

#include "core/error.h"
#include "core/text.h"
#include "io/csv.h"

namespace spillover {
namespace {

const char* const kColumnsHeader[] = {"column", "region", "sector", "variable", "unit", "baseline"};

bool SameRow(const WideColumn& column, const ResultRow& row) {
  return column.fields[0] == row.region && column.fields[1] == row.sector &&
         column.fields[2] == row.variable && column.fields[3] == row.unit &&
         column.baseline == row.baseline;
}

}  // namespace

WideColumns WideColumns::FromResult(const ScenarioResult& result, const Keep& keep) {
  WideColumns out;
  std::map<std::string, size_t> seen;
  for (const ResultRow& row : result.rows) {
    if (!keep(row)) continue;
    WideColumn column;
    column.name = row.region + "." + row.sector + "." + row.variable;
    column.fields = {row.region, row.sector, row.variable, row.unit};
    column.baseline = row.baseline;
    const auto found = seen.emplace(column.name, out.columns_.size());
    if (!found.second) {
      throw InputError("--layout wide: two result rows would share the column '" + column.name +
                       "' (units '" + out.columns_[found.first->second].fields[3] + "' and '" +
                       row.unit + "'); use --layout tidy");
    }
    out.columns_.push_back(std::move(column));
  }
  return out;
}

WideColumns WideColumns::Read(const std::string& path) {
  const TextTable table = ReadTextCsv(path);
  const std::vector<std::string> expected(std::begin(kColumnsHeader), std::end(kColumnsHeader));
  if (table.header != expected) {
    throw InputError(
        SourceLocation{path, 1, 0, ""},
        "is not the columns.csv of a wide sweep; expected the header " + Join(expected, ","));
  }
  WideColumns out;
  for (size_t r = 0; r < table.rows.size(); ++r) {
    const std::vector<std::string>& f = table.rows[r];
    const SourceLocation at{path, table.lines[r], 0, ""};
    if (f.size() != expected.size()) {
      throw InputError(at, "has " + std::to_string(f.size()) + " fields; expected " +
                               std::to_string(expected.size()));
    }
    WideColumn column;
    column.name = f[0];
    column.fields = {f[1], f[2], f[3], f[4]};
    const char* end = f[5].data() + f[5].size();
    const auto parsed = std::from_chars(f[5].data(), end, column.baseline);
    if (f[5].empty() || parsed.ec != std::errc() || parsed.ptr != end ||
        !std::isfinite(column.baseline)) {
      throw InputError(at, "holds the baseline '" + f[5] + "'; expected a finite number");
    }
    out.columns_.push_back(std::move(column));
  }
  return out;
}

std::string WideColumns::Header(const std::string& parameters) const {
  std::string out = "point" + parameters;
  for (const WideColumn& c : columns_) out += "," + CsvField(c.name);
  return out + ",error\n";
}

std::string WideColumns::ColumnsCsv() const {
  std::string out =
      Join(std::vector<std::string>(std::begin(kColumnsHeader), std::end(kColumnsHeader)), ",") +
      "\n";
  for (const WideColumn& c : columns_) {
    out += CsvField(c.name) + "," + CsvField(c.fields[0]) + "," + CsvField(c.fields[1]) + "," +
           CsvField(c.fields[2]) + "," + CsvField(c.fields[3]) + "," + FormatNumber(c.baseline) +
           "\n";
  }
  return out;
}

bool WideColumns::AppendChanges(const ScenarioResult& result, const Keep& keep,
                                std::string* out) const {
  std::string cells;
  size_t c = 0;
  for (const ResultRow& row : result.rows) {
    if (!keep(row)) continue;
    if (c >= columns_.size() || !SameRow(columns_[c], row)) return false;
    cells += "," + FormatNumber(row.Change());
    ++c;
  }
  if (c != columns_.size()) return false;
  *out += cells;
  return true;
}

}  // namespace spillover
