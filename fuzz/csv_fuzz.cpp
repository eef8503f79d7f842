// Fuzzes the labelled-matrix CSV reader. Any input must end in a matrix or an InputError.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/error.h"
#include "io/csv.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    spillover::ParseLabelledMatrix(text, "fuzz.csv", {"A", "B"}, {"A", "B", "F"}, {"F"});
  } catch (const spillover::InputError&) {
  }
  return 0;
}
