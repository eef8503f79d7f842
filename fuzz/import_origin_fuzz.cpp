// Fuzzes the `import_origin` override of a scenario: the input is the CSV of origin shares
// (products × partners) that a scenario on the two-sector example names. Any input must
// end in a scenario or an InputError.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/error.h"
#include "fuzz_files.h"
#include "io/model_io.h"
#include "io/yaml_doc.h"
#include "scenario/scenario.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const spillover::Model model =
      spillover::LoadModel(SPILLOVER_SOURCE_DIR "/model/example-2sector").model;
  spillover_fuzz::WriteScratch("origin.csv", data, size);
  const std::string scenario_path = (spillover_fuzz::ScratchDir() / "scenario.yaml").string();
  static const std::string text =
      "name: origin\nimport_origin: origin.csv\nshocks:\n  supply:\n    type: import_supply\n"
      "    partners: [RUS]\n    share: 0.1\n";
  try {
    const spillover::YamlNode root = spillover::ParseYaml(text, scenario_path);
    spillover::BuildScenario(root, scenario_path, model);
  } catch (const spillover::InputError&) {
  }
  return 0;
}
