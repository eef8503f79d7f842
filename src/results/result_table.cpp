#include "results/result_table.h"

#include <limits>

namespace spillover {

std::string ToString(ResultDetail detail) {
  switch (detail) {
    case ResultDetail::kTotals:
      return "totals";
    case ResultDetail::kSectors:
      return "sectors";
    case ResultDetail::kAll:
      return "all";
  }
  return "?";
}

bool FromString(const std::string& text, ResultDetail* detail) {
  for (ResultDetail d : {ResultDetail::kTotals, ResultDetail::kSectors, ResultDetail::kAll}) {
    if (ToString(d) == text) {
      *detail = d;
      return true;
    }
  }
  return false;
}

std::string ToString(RunStatus status) { return status == RunStatus::kOk ? "ok" : "warning"; }

double ResultRow::PercentChange() const {
  if (baseline == 0.0) return std::numeric_limits<double>::quiet_NaN();
  return 100.0 * (value - baseline) / (baseline < 0 ? -baseline : baseline);
}

const ResultRow* ScenarioResult::Find(const std::string& variable, const std::string& region,
                                      const std::string& sector) const {
  for (const auto& row : rows) {
    if (row.variable == variable && row.region == region && row.sector == sector) return &row;
  }
  return nullptr;
}

std::string ScenarioResult::NameOf(const ResultRow& row) const {
  if (!names) return "";
  auto it = names->find(row.sector == "ALL" ? row.region : row.sector);
  return it == names->end() ? "" : it->second;
}

}  // namespace spillover
