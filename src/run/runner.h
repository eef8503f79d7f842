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

 private:
  std::map<std::string, std::unique_ptr<PreparedModel>> models_;
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

}  // namespace spillover
