// Fuzzes sweep files and point generation: the input is a sweep file next to a fixed base
// scenario on the two-sector example; a sweep that parses has its first and last points
// generated and built. Any input must end in points or an InputError / ModelError.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/error.h"
#include "fuzz_files.h"
#include "io/model_io.h"
#include "io/yaml_doc.h"
#include "sweep/points.h"
#include "sweep/sweep_runner.h"
#include "sweep/sweep_spec.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const spillover::Model model =
      spillover::LoadModel(SPILLOVER_SOURCE_DIR "/model/example-2sector").model;
  static const bool base_written = [] {
    spillover_fuzz::WriteScratch("base.yaml",
                                 "name: base\nmodel: " SPILLOVER_SOURCE_DIR
                                 "/model/example-2sector\nshocks:\n  demand:\n    type: "
                                 "exports\n    partners: [RUS]\n    change: -0.2\n");
    return true;
  }();
  (void)base_written;
  const std::string path = spillover_fuzz::WriteScratch("sweep.yaml", data, size);
  try {
    const spillover::YamlNode root = spillover::ParseYamlFile(path);
    if (!spillover::IsSweep(root)) return 0;
    const spillover::SweepSpec spec = spillover::ParseSweep(root, path);
    const spillover::SweepPoints points(spec);
    if (points.count() <= 0) return 0;
    for (int64_t point : {int64_t{0}, points.count() - 1}) {
      spillover::PointScenario(spec, points.Values(point), model);
    }
  } catch (const spillover::InputError&) {
  } catch (const spillover::ModelError&) {
  }
  return 0;
}
