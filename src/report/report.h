// Writers of scenario results: a readable terminal table, tidy CSV and a JSON summary.
#pragma once

#include <string>
#include <vector>

#include "results/result_table.h"

namespace spillover {

enum class OutputFormat { kTable, kCsv, kJson };
std::string ToString(OutputFormat format);
bool FromString(const std::string& text, OutputFormat* format);

// The readable report: headline GDP, trade by partner and the hardest-hit sectors.
std::string FormatTable(const ScenarioResult& result);

// Tidy long CSV, one header: scenario,region,sector,name,variable,unit,baseline,value,change,
// pct_change. `name` is the sector's or partner's name beside its code. A percentage of a
// zero baseline is an empty cell.
std::string FormatCsv(const std::vector<ScenarioResult>& results);

// A JSON summary: status, message and the headline variables of each scenario.
std::string FormatJson(const std::vector<ScenarioResult>& results);

std::string JsonString(const std::string& text);
std::string JsonNumber(double value);  // null for NaN or inf

}  // namespace spillover
