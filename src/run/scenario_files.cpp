#include "run/scenario_files.h"

#include <filesystem>

#include "io/csv.h"
#include "run/simulate.h"

namespace spillover {

std::vector<ScenarioRun> RunScenarioFiles(const std::vector<std::string>& files,
                                          const std::vector<std::string>& overrides,
                                          const std::string& model_folder, ModelCache* cache,
                                          ResultDetail detail) {
  std::vector<ScenarioRun> runs;
  for (const auto& file : files) {
    const PreparedScenario prepared =
        PrepareScenario(ScenarioRequest{file, overrides, model_folder}, cache);
    ScenarioRun run;
    run.result = Simulate(*prepared.model, prepared.scenario, detail);
    run.file = file;
    if (file != "-") run.text = ReadFile(file);
    std::error_code error;
    const auto canonical = std::filesystem::weakly_canonical(prepared.model->model().folder, error);
    run.model_folder = error ? prepared.model->model().folder : canonical.string();
    runs.push_back(std::move(run));
  }
  return runs;
}

}  // namespace spillover
