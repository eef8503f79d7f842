// The file and folder operations of the public API (include/spillover/files.h): checking
// and running scenario files, their comparisons and reports, model folders, and the small
// helpers every front end needs. The sweeps into folders are in api/sweep.cpp, the
// importers in api/formats.cpp.
#include "spillover/files.h"

#include <map>

#include "core/blas_threads.h"
#include "core/limits.h"
#include "core/text.h"
#include "io/atomic_file.h"
#include "io/model_io.h"
#include "report/compare.h"
#include "report/model_report.h"
#include "report/scenario_report.h"
#include "run/runner.h"
#include "run/scenario_files.h"
#include "scenario/keys.h"
#include "sweep/points.h"
#include "sweep/sweep_runner.h"

namespace spillover::api {

void WriteFiles(const std::string& dir,
                const std::vector<std::pair<std::string, std::string>>& files) {
  MakeDirectories(dir);
  AtomicFileSet set;
  for (const auto& [name, content] : files) set.Add(dir + "/" + name, content);
  set.Commit();
}

std::string DidYouMean(const std::string& word, const std::vector<std::string>& choices) {
  return spillover::DidYouMean(word, choices);
}

long long MaxSectors() { return ProcessLimits().max_sectors; }

void SetMaxSectors(long long max_sectors) {
  if (max_sectors < 1 || max_sectors > 1000000) {
    throw InputError("--max-sectors " + std::to_string(max_sectors) +
                     " is out of range; expected 1 to 1000000");
  }
  ProcessLimits().max_sectors = max_sectors;
}

std::string KeyTableMarkdown() { return spillover::KeyTableMarkdown(); }

FileChecker::FileChecker(std::vector<std::string> overrides, std::string model_folder,
                         int64_t sweep_points)
    : overrides_(std::move(overrides)),
      model_folder_(std::move(model_folder)),
      sweep_points_(sweep_points),
      cache_(std::make_unique<ModelCache>()) {}

FileChecker::~FileChecker() = default;

FileCheck FileChecker::Check(const std::string& file) {
  try {
    return CheckOrThrow(file);
  } catch (const InputError& e) {
    FileCheck check;
    check.file = file;
    check.source = file == "-" ? "<stdin>" : file;
    check.error = std::string(e.what()) + "\n";
    return check;
  } catch (const ModelError& e) {
    FileCheck check;
    check.file = file;
    check.source = file == "-" ? "<stdin>" : file;
    check.error = file + ": " + e.what() + "\n";
    return check;
  }
}

FileCheck FileChecker::CheckOrThrow(const std::string& file) {
  const BlasThreadScope blas;
  FileCheck check;
  check.file = file;
  check.source = file == "-" ? "<stdin>" : file;
  const YamlNode root = ParseYamlFile(file);
  if (IsSweep(root)) {
    const SweepSpec spec = ParseSweep(root, check.source);
    FailedPoints failed;
    check.sweep = true;
    check.source = spec.file;
    check.checked = ValidateSweep(spec, model_folder_, cache_.get(), sweep_points_, &failed);
    check.points = SweepPoints(spec).count();
    check.failed = failed.count;
    // The words of `spillover sweep` for the same points.
    if (failed.count > 0)
      check.error = spec.file + ": " + FailedPointsSummary(failed, check.checked);
    return check;
  }
  // Standard input cannot be read twice: the scenario is built from the tree read above.
  const PreparedScenario prepared =
      PrepareScenario(root, ScenarioRequest{file, overrides_, model_folder_}, cache_.get());
  check.shocks = prepared.scenario.shocks.size();
  check.model_name = prepared.model->model().name;
  return check;
}

std::vector<Result> RunFiles(const ScenarioFiles& files, const std::string& aggregate) {
  std::map<std::string, Model> models;  // each model folder loaded once
  std::vector<Result> results;
  for (const auto& file : files.files) {
    Scenario scenario = Scenario::FromFile(file);
    CheckNotSweep(scenario);
    for (const auto& assignment : files.overrides) scenario.Override(assignment);
    const std::string folder =
        files.model_folder.empty() ? scenario.ModelFolder() : files.model_folder;
    auto it = models.find(folder);
    if (it == models.end()) it = models.emplace(folder, Model::Load(folder)).first;
    Result result = it->second.Run(scenario);
    if (!aggregate.empty()) result = it->second.Aggregate(result, aggregate);
    results.push_back(std::move(result));
  }
  return results;
}

namespace {

// The files run in order and compared, with the model they ran on.
Comparison RunAndCompare(const ScenarioFiles& files, const std::string& baseline,
                         ModelCache* cache) {
  return Comparison(RunScenarioFiles(files.files, files.overrides, files.model_folder, cache),
                    baseline);
}

}  // namespace

Analysis CompareFiles(const ScenarioFiles& files, const std::string& baseline) {
  const BlasThreadScope blas;
  ModelCache cache;
  const Comparison comparison = RunAndCompare(files, baseline, &cache);
  return Analysis{FormatCompareCsv(comparison), FormatCompareTable(comparison),
                  FormatCompareJson(comparison)};
}

void ReportFiles(const ScenarioFiles& files, const std::string& out_dir,
                 const std::string& baseline, const std::string& groups, bool force) {
  const BlasThreadScope blas;
  ModelCache cache;
  const Comparison comparison = RunAndCompare(files, baseline, &cache);
  WriteScenarioReport(comparison, cache.Get(comparison.scenarios().front().model_folder).model(),
                      groups, out_dir, force);
}

std::string ModelInfo(const std::string& folder) {
  const BlasThreadScope blas;
  return FormatModelInfo(LoadModel(folder).model);
}

std::string ModelChecks(const std::string& folder) {
  const BlasThreadScope blas;
  return FormatModelChecks(LoadModel(folder));
}

}  // namespace spillover::api
