#include "sweep/failed_points.h"

#include <utility>

#include "core/text.h"

namespace spillover {

void FailedPoints::Add(const SweepSpec& spec, int64_t point, const std::vector<std::string>& values,
                       const std::string& message) {
  ++count;
  if (first.size() >= kKept) return;
  FailedPoint f;
  f.point = point;
  for (size_t i = 0; i < values.size() && i < spec.parameters.size(); ++i) {
    if (i > 0) f.values += ", ";
    f.values += spec.parameters[i].path + "=" + values[i];
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
