// The HTML report of scenarios or of a finished sweep: one self-contained page (inline CSS
// and SVG, no script, no request), printable on A4 (docs/reports.md).
#pragma once

#include <string>
#include <vector>

#include "core/model.h"
#include "report/compare.h"
#include "results/aggregate.h"
#include "results/sweep_table.h"

namespace spillover {

// What a report says about itself and the model's shipped sector grouping.
struct ReportInfo {
  std::string version;                // the tool's version
  std::string date;                   // when the report was made, UTC, "2026-12-02 01:07 UTC"
  const Model* model = nullptr;       // the model every scenario ran on
  std::string model_path;             // how the report names the model's folder (ShownModelPath)
  const SectorMap* groups = nullptr;  // sector groups for the group charts, or nullptr
};

// Scenarios side by side (the first of a comparison, or its baseline, leads).
std::string ScenarioReportHtml(const Comparison& comparison, const ReportInfo& info);

// A finished sweep: its points against the parameters, and for Monte Carlo the distribution.
std::string SweepReportHtml(const SweepTable& sweep, const ReportInfo& info);

// The comment block at the top of a scenario file, without the '#' marks; "" when none.
std::string LeadingComment(const std::string& yaml_text);

// The page around `body`: styles for screen and A4 print.
std::string HtmlPage(const std::string& title, const std::string& body);
// The model and where it comes from, and the tool's version and the date.
std::string ModelSectionHtml(const ReportInfo& info);
// What a linear input-output model does and does not capture.
std::string HowToReadHtml();

}  // namespace spillover
