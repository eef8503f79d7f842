// Fuzzes model.yaml: the input is written as the model.yaml of a folder holding the CSV
// matrices of the two-sector example, then loaded with every check. Any input must end in
// a model, an InputError or a ModelError.
#include <cstddef>
#include <cstdint>
#include <filesystem>

#include "core/error.h"
#include "fuzz_files.h"
#include "io/model_io.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  namespace fs = std::filesystem;
  static const fs::path folder = [] {
    const fs::path dir = spillover_fuzz::ScratchDir() / "model";
    fs::create_directories(dir);
    for (const auto& entry :
         fs::directory_iterator(SPILLOVER_SOURCE_DIR "/model/example-2sector")) {
      if (entry.path().filename() != "model.yaml") {
        fs::copy_file(entry.path(), dir / entry.path().filename(),
                      fs::copy_options::overwrite_existing);
      }
    }
    return dir;
  }();
  spillover_fuzz::WriteScratch("model/model.yaml", data, size);
  try {
    spillover::LoadModel(folder.string());
  } catch (const spillover::InputError&) {
  } catch (const spillover::ModelError&) {
  }
  return 0;
}
