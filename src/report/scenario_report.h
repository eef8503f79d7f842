// The scenario report as `spillover report A.yaml B.yaml --out DIR` and Python's
// Model.report write it: report.html and report.xlsx of a comparison, both or neither.
#pragma once

#include <memory>
#include <string>

#include "core/model.h"
#include "report/compare.h"
#include "results/aggregate.h"

namespace spillover {

// The sector groups of the charts: `file` (a mapping CSV code,group[,group_name]), else the
// model's aggregations/sections.csv when it has one; nullptr when neither applies (a
// multi-regional model's codes are REGION:SECTOR, which the shipped mappings do not list).
std::unique_ptr<SectorMap> ReportGroups(const std::string& file, const Model& model);

// Writes OUT/report.html and OUT/report.xlsx for `comparison`, whose scenarios ran on
// `model`; `groups_file` as in ReportGroups. Throws InputError as WriteReportFiles does.
void WriteScenarioReport(const Comparison& comparison, const Model& model,
                         const std::string& groups_file, const std::string& out_dir, bool force);

}  // namespace spillover
