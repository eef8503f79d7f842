// Fuzzes the pymrio folder format's parsers: a labelled table with one and two index
// levels, as numbers and as text, and the region mapping CSV. Any input must be parsed or
// refused with an InputError.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/error.h"
#include "io/importers/pymrio.h"
#include "io/importers/region_mapping.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  for (int levels : {1, 2}) {
    for (bool numeric : {true, false}) {
      try {
        spillover::ParsePymrioTable(text, "Z.txt", levels, levels, numeric);
      } catch (const spillover::InputError&) {
      }
    }
  }
  try {
    spillover::ParseRegionMapping(text, "regions.csv");
  } catch (const spillover::InputError&) {
  }
  return 0;
}
