// The tidy result table: one row per (region or partner, sector, variable).
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace spillover {

enum class RunStatus { kOk, kWarning };

// Which rows a result holds: the `ALL` totals (headline, partners, routes); also each
// sector and final-demand category; also trade by partner × product.
enum class ResultDetail { kTotals, kSectors, kAll };
std::string ToString(ResultDetail detail);
bool FromString(const std::string& text, ResultDetail* detail);
std::string ToString(RunStatus status);

struct ResultRow {
  std::string region;    // the model's region code, or a partner code for trade by partner
  std::string sector;    // sector or product code, or "ALL" for a total
  std::string variable;  // output, gva, gdp, exports, imports, price, cpi, …
  std::string unit;
  double baseline = 0.0;
  double value = 0.0;

  double Change() const { return value - baseline; }
  // Percentage change; NaN when the baseline is zero (written as an empty cell).
  double PercentChange() const;
};

struct ScenarioResult {
  std::string scenario;
  std::string description;
  std::string model_name;
  std::string money_unit;
  RunStatus status = RunStatus::kOk;
  std::string message;  // what the status means, e.g. which sectors hit a supply limit
  std::vector<ResultRow> rows;
  // Sector, category, partner and route code -> name; shared by all results of a model.
  std::shared_ptr<const std::map<std::string, std::string>> names;
  int top = 10;
  // Multi-regional models: the region the readable report leads with (model.yaml `focus`,
  // else the first); empty for a single-region model.
  std::string focus_region;

  const ResultRow* Find(const std::string& variable, const std::string& region,
                        const std::string& sector) const;
  // The name beside a row's code: the sector's or category's name, else the partner's or
  // route's; empty when the model names neither.
  std::string NameOf(const ResultRow& row) const;
};

}  // namespace spillover
