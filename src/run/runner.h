// The path every command shares: scenario files and overrides in, results out.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "io/model_io.h"
#include "results/result_table.h"
#include "run/simulate.h"
#include "scenario/scenario.h"

namespace spillover {

// Loads, checks and factorises each model folder once.
class ModelCache {
 public:
  const PreparedModel& Get(const std::string& folder);
  // Serves `folder` with a model already prepared (the public API's Model).
  void Adopt(const std::string& folder, std::shared_ptr<const PreparedModel> model);

 private:
  std::map<std::string, std::shared_ptr<const PreparedModel>> models_;
};

struct ScenarioRequest {
  std::string file;                    // a path, or "-" for standard input
  std::vector<std::string> overrides;  // PATH=VALUE
  std::string model_folder;            // overrides the scenario's `model` when not empty
};

struct PreparedScenario {
  Scenario scenario;
  const PreparedModel* model = nullptr;
};

// Parses, overrides and checks one scenario, loading its model through the cache.
PreparedScenario PrepareScenario(const ScenarioRequest& request, ModelCache* cache);
// The same for the document of request.file already read (standard input cannot be read
// twice).
PreparedScenario PrepareScenario(YamlNode root, const ScenarioRequest& request, ModelCache* cache);

}  // namespace spillover
