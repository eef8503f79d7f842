// The workbook of a report (libxlsxwriter): one sheet per table, numbers stored as numbers
// with number formats and the unit in the header, codes as text, frozen headers and filters.
#pragma once

#include <string>

#include "report/compare.h"
#include "report/html_report.h"
#include "results/sweep_table.h"

namespace spillover {

// Sheets About, Headline, Partners, Sectors, Routes and Prices. Throws InputError naming
// `path` when the file cannot be written.
void WriteScenarioWorkbook(const std::string& path, const Comparison& comparison,
                           const ReportInfo& info);

// Sheets About, Points and (Monte Carlo) Summary.
void WriteSweepWorkbook(const std::string& path, const SweepTable& sweep, const ReportInfo& info);

}  // namespace spillover
