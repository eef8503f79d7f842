// Fuzzes the sweep state parsers: sweep.meta, the checkpoint and the --shard text. Any
// input must be parsed or refused with an InputError.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/error.h"
#include "sweep/sweep_state.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    spillover::ParseMeta(text, "sweep.meta");
  } catch (const spillover::InputError&) {
  }
  try {
    spillover::ParseCheckpoint(text, "checkpoint");
  } catch (const spillover::InputError&) {
  }
  try {
    int shard = 0;
    int shards = 0;
    spillover::ParseShard(text.substr(0, 64), &shard, &shards);
  } catch (const spillover::InputError&) {
  }
  return 0;
}
