#include "run/runner.h"

#include "io/yaml_doc.h"

namespace spillover {

const PreparedModel& ModelCache::Get(const std::string& folder) {
  auto it = models_.find(folder);
  if (it == models_.end()) {
    it = models_.emplace(folder, std::make_shared<const PreparedModel>(LoadModel(folder))).first;
  }
  return *it->second;
}

void ModelCache::Adopt(const std::string& folder, std::shared_ptr<const PreparedModel> model) {
  models_[folder] = std::move(model);
}

PreparedScenario PrepareScenario(const ScenarioRequest& request, ModelCache* cache) {
  return PrepareScenario(ParseYamlFile(request.file), request, cache);
}

PreparedScenario PrepareScenario(YamlNode root, const ScenarioRequest& request, ModelCache* cache) {
  const std::string file = request.file == "-" ? "<stdin>" : request.file;
  if (root.IsMap() && root.Find("sweep") != nullptr) {
    throw InputError(SourceLocation{file, 0, 0, ""},
                     "is a sweep, not a scenario; run it with 'spillover sweep FILE --out DIR'");
  }
  for (const auto& assignment : request.overrides) ApplyOverride(&root, assignment, file);
  const std::string folder = request.model_folder.empty()
                                 ? ScenarioModelFolder(root, file, DefaultModelFolder())
                                 : request.model_folder;
  PreparedScenario prepared;
  prepared.model = &cache->Get(folder);
  prepared.scenario = BuildScenario(root, file, prepared.model->model());
  return prepared;
}

}  // namespace spillover
