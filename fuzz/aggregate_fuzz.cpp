// Fuzzes the --aggregate mapping file against the two-sector example's sector codes, and
// aggregates a zero result with a mapping that loads. Any input must end in a mapping or
// an InputError.
#include <cstddef>
#include <cstdint>

#include "core/error.h"
#include "fuzz_files.h"
#include "results/aggregate.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string path = spillover_fuzz::WriteScratch("map.csv", data, size);
  try {
    const spillover::SectorMap map = spillover::LoadSectorMap(path, {"AGR", "MFG"});
    spillover::AggregateSectors(spillover::ScenarioResult(), map);
  } catch (const spillover::InputError&) {
  }
  return 0;
}
