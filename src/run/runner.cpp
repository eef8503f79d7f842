#include "run/runner.h"

#include <filesystem>

#include "io/yaml_doc.h"

namespace spillover {
namespace {

// One key per folder however it is written ("model/kaz-2024", "./model/kaz-2024/", its
// absolute path), so that a folder is loaded once.
std::string CacheKey(const std::string& folder) {
  std::error_code error;
  const std::filesystem::path canonical = std::filesystem::weakly_canonical(folder, error);
  return error ? folder : canonical.string();
}

}  // namespace

const PreparedModel& ModelCache::Get(const std::string& folder) {
  const std::string key = CacheKey(folder);
  auto it = models_.find(key);
  if (it == models_.end()) {
    it = models_.emplace(key, std::make_shared<const PreparedModel>(LoadModel(folder))).first;
  }
  return *it->second;
}

void ModelCache::Adopt(const std::string& folder, std::shared_ptr<const PreparedModel> model) {
  models_[CacheKey(folder)] = std::move(model);
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
