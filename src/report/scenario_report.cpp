#include "report/scenario_report.h"

#include <filesystem>
#include <vector>

#include "io/model_location.h"
#include "report/html_report.h"
#include "report/report_files.h"
#include "report/xlsx_report.h"

namespace spillover {

std::unique_ptr<SectorMap> ReportGroups(const std::string& file, const Model& model) {
  std::string path = file;
  if (path.empty()) {
    if (model.region_count() > 1) return nullptr;
    path = model.folder + "/aggregations/sections.csv";
    if (!std::filesystem::exists(path)) return nullptr;
  }
  std::vector<std::string> codes;
  for (Index j = 0; j < model.sectors_per_region(); ++j) {
    codes.push_back(model.sectors[static_cast<size_t>(j)].code);
  }
  return std::make_unique<SectorMap>(LoadSectorMap(path, codes));
}

void WriteScenarioReport(const Comparison& comparison, const Model& model,
                         const std::string& groups_file, const std::string& out_dir, bool force) {
  ReportInfo info;
  info.version = SPILLOVER_VERSION;
  info.date = UtcNow();
  info.model = &model;
  // Relative to the first scenario's folder (the current one for standard input or a
  // scenario built in memory), as its `model:` would name it.
  const std::string& first = comparison.scenarios().front().file;
  info.model_path = ShownModelPath(
      model.folder,
      first.empty() || first == "-" ? "." : std::filesystem::path(first).parent_path().string(),
      "the scenario's folder");
  const std::unique_ptr<SectorMap> groups = ReportGroups(groups_file, model);
  info.groups = groups.get();
  WriteReportFiles(
      out_dir, ScenarioReportHtml(comparison, info),
      [&](const std::string& path) { WriteScenarioWorkbook(path, comparison, info); }, force);
}

}  // namespace spillover
