// Fuzzes the scenario path: YAML parsing, --set overrides and checking against a model.
// Any input must end in a scenario or an InputError, never a crash, hang or other error.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/error.h"
#include "io/model_io.h"
#include "scenario/scenario.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const spillover::Model model =
      spillover::LoadModel(SPILLOVER_SOURCE_DIR "/model/example-2sector").model;
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    spillover::YamlNode root = spillover::ParseYaml(text, "fuzz.yaml");
    spillover::BuildScenario(root, "fuzz.yaml", model);
    // The same text as the value of an override.
    spillover::ApplyOverride(&root, "shocks.x.change=" + text.substr(0, 64));
  } catch (const spillover::InputError&) {
  }
  return 0;
}
