// The two-region model of pymrio's tests (td_small_MRIO) and a scenario run on it from
// YAML text: shared by the tests of multi-regional shocks.
#pragma once

#include <string>

#include "io/importers/pymrio.h"
#include "io/yaml_doc.h"
#include "run/simulate.h"
#include "scenario/scenario.h"
#include "test_util.h"

namespace spillover::testing {

inline Model SmallMrio() { return ImportPymrio(SourceDir() + "/tests/data/pymrio_small").model; }

inline ScenarioResult RunText(const Model& model, const std::string& text) {
  const PreparedModel prepared(model);
  const Scenario scenario = BuildScenario(ParseYaml(text, "t.yaml"), "t.yaml", prepared.model());
  return Simulate(prepared, scenario);
}

}  // namespace spillover::testing
