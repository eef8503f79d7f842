// Fuzzes the path side of --set: the input is a whole `PATH=VALUE` assignment applied to a
// valid scenario, which is then built against the two-sector example. Any input must end
// in a scenario or an InputError.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/error.h"
#include "io/model_io.h"
#include "io/yaml_doc.h"
#include "scenario/scenario.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const spillover::Model model =
      spillover::LoadModel(SPILLOVER_SOURCE_DIR "/model/example-2sector").model;
  static const std::string base =
      "name: base\nshocks:\n  demand:\n    type: exports\n    partners: [RUS]\n"
      "    change: -0.2\n  supply:\n    type: import_supply\n    partners: [RUS]\n"
      "    share: 0.1\n";
  const std::string assignment(reinterpret_cast<const char*>(data), size);
  try {
    spillover::YamlNode root = spillover::ParseYaml(base, "base.yaml");
    spillover::ApplyOverride(&root, assignment);
    spillover::BuildScenario(root, "base.yaml", model);
  } catch (const spillover::InputError&) {
  }
  return 0;
}
