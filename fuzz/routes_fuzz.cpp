// Fuzzes the routes file against the two-sector example's products and partners. Any
// input must end in routes or an InputError.
#include <cstddef>
#include <cstdint>

#include "core/error.h"
#include "fuzz_files.h"
#include "io/model_io.h"
#include "io/routes_io.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const spillover::Model model =
      spillover::LoadModel(SPILLOVER_SOURCE_DIR "/model/example-2sector").model;
  const std::string path = spillover_fuzz::WriteScratch("routes.yaml", data, size);
  try {
    spillover::LoadRoutes(path, model);
  } catch (const spillover::InputError&) {
  }
  return 0;
}
