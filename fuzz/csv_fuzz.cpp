// Fuzzes the labelled-matrix CSV reader. Any input must end in a matrix or an InputError,
// and the two-thread parse (forced here at any size) must end the same way, bit for bit.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>

#include "core/error.h"
#include "io/csv_chunks.h"

namespace {

std::string Outcome(const std::string& text, size_t parallel_min_bytes) {
  try {
    const spillover::Matrix m = spillover::csv_internal::ParseLabelledMatrixWith(
        text, "fuzz.csv", {"A", "B"}, {"A", "B", "F"}, {"F"}, parallel_min_bytes);
    return std::string(reinterpret_cast<const char*>(m.data()),
                       sizeof(double) * static_cast<size_t>(m.size()));
  } catch (const spillover::InputError& e) {
    return std::string("error: ") + e.what();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  if (Outcome(text, SIZE_MAX) != Outcome(text, 0)) std::abort();
  return 0;
}
