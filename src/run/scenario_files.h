// Scenario files run one after another, each kept with the file and model it came from:
// the input of comparisons and reports.
#pragma once

#include <string>
#include <vector>

#include "results/result_table.h"
#include "run/runner.h"

namespace spillover {

struct ScenarioRun {
  ScenarioResult result;
  std::string file;          // the scenario file, "-" for standard input, "" when built in memory
  std::string text;          // the file as written ("" for standard input)
  std::string model_folder;  // the model folder it ran on, canonical
};

// Runs each file (with the overrides and the model folder of ScenarioRequest) at `detail`.
std::vector<ScenarioRun> RunScenarioFiles(const std::vector<std::string>& files,
                                          const std::vector<std::string>& overrides,
                                          const std::string& model_folder, ModelCache* cache,
                                          ResultDetail detail = ResultDetail::kAll);

}  // namespace spillover
