#include "sweep/failed_points.h"

#include <algorithm>
#include <charconv>
#include <utility>

#include "core/error.h"
#include "core/text.h"
#include "io/csv.h"

namespace spillover {

void FailedPoints::Add(const SweepSpec& spec, int64_t point, const std::vector<std::string>& values,
                       const std::string& message) {
  if (first.size() >= kKept) {
    ++count;  // only counted: the paths are not needed
    return;
  }
  std::vector<std::string> paths;
  for (const auto& p : spec.parameters) paths.push_back(p.path);
  Add(paths, point, values, message);
}

void FailedPoints::Add(const std::vector<std::string>& paths, int64_t point,
                       const std::vector<std::string>& values, const std::string& message) {
  ++count;
  if (first.size() >= kKept) return;
  FailedPoint f;
  f.point = point;
  for (size_t i = 0; i < values.size() && i < paths.size(); ++i) {
    if (i > 0) f.values += ", ";
    f.values += paths[i] + "=" + values[i];
  }
  f.message = message;
  first.push_back(std::move(f));
}

void FailedPoints::Merge(const FailedPoints& other) {
  count += other.count;
  for (const FailedPoint& f : other.first) {
    if (first.size() >= kKept) break;
    first.push_back(f);
  }
}

FailedPoints ReadFailedPoints(std::istream& in, const std::string& path) {
  // point, the parameters, then these columns (sweep_runner.cpp writes them).
  const std::vector<std::string> tail = {
      "gdp_baseline",   "gdp", "gdp_change", "gdp_pct_change", "exports_change",
      "imports_change", "cpi", "message"};
  std::vector<std::string> fields;
  if (!ReadCsvRecord(in, &fields) || fields.size() < tail.size() + 1 || fields[0] != "point" ||
      !std::equal(tail.begin(), tail.end(), fields.end() - static_cast<long>(tail.size()))) {
    throw InputError(SourceLocation{path, 1, 0, ""},
                     "is not the points.csv of a sweep (its header differs); run the sweep "
                     "again");
  }
  const std::vector<std::string> paths(fields.begin() + 1,
                                       fields.end() - static_cast<long>(tail.size()));
  const size_t gdp_baseline = 1 + paths.size();
  FailedPoints failed;
  while (ReadCsvRecord(in, &fields)) {
    // A solved point always has its GDP baseline; a failed one has only its message.
    if (fields.size() != gdp_baseline + tail.size() || !fields[gdp_baseline].empty()) continue;
    int64_t point = 0;
    const auto parsed =
        std::from_chars(fields[0].data(), fields[0].data() + fields[0].size(), point);
    if (parsed.ec != std::errc()) continue;
    failed.Add(paths, point,
               std::vector<std::string>(fields.begin() + 1,
                                        fields.begin() + static_cast<long>(gdp_baseline)),
               fields.back());
  }
  return failed;
}

std::string FailedPointsSummary(const FailedPoints& failed, int64_t points) {
  std::string out = FormatGrouped(static_cast<double>(failed.count), 0) + " of " +
                    FormatGrouped(static_cast<double>(points), 0) + " point" +
                    (points == 1 ? "" : "s") + " failed:\n";
  for (const FailedPoint& f : failed.first) {
    out += "  point " + std::to_string(f.point) + " (" + f.values + "): " + f.message + "\n";
  }
  const int64_t listed = static_cast<int64_t>(failed.first.size());
  if (failed.count > listed) {
    out += "  ... and " + FormatGrouped(static_cast<double>(failed.count - listed), 0) +
           " more (the error column of points.csv)\n";
  }
  return out;
}

}  // namespace spillover
