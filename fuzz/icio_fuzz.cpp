// Fuzzes the OECD ICIO importer on CSV text (every layout it recognises), with and without
// the shipped region mapping. Any input must end in a model, an InputError or a ModelError.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/error.h"
#include "io/importers/icio.h"
#include "io/importers/region_mapping.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const spillover::RegionMapping mapping =
      spillover::ReadRegionMapping(SPILLOVER_SOURCE_DIR "/model/icio/regions-kaz.csv");
  const std::string text(reinterpret_cast<const char*>(data), size);
  for (const spillover::RegionMapping* map :
       {static_cast<const spillover::RegionMapping*>(nullptr), &mapping}) {
    spillover::IcioOptions options;
    options.file = "ICIO2023_2020.csv";
    options.mapping = map;
    try {
      spillover::ImportIcioText(text, options);
    } catch (const spillover::InputError&) {
    } catch (const spillover::ModelError&) {
    }
  }
  return 0;
}
