// Fuzzes `merge`: two shards of a real sweep on the two-sector example are made once; each
// input replaces one of shard 1's result files (the first byte chooses which), and the
// shard's sweep.meta is rewritten with the new file's size and checksum, so that the merge
// reads the replaced rows rather than stopping at the checksum. Any input must end in a
// merged folder or an InputError.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include "core/error.h"
#include "fuzz_files.h"
#include "io/yaml_doc.h"
#include "run/runner.h"
#include "sweep/sweep_runner.h"
#include "sweep/sweep_spec.h"
#include "sweep/sweep_state.h"

namespace fs = std::filesystem;

namespace {

const fs::path& Shards() {
  static const fs::path dir = [] {
    const fs::path root = spillover_fuzz::ScratchDir() / "shards";
    fs::remove_all(root);
    spillover_fuzz::WriteScratch("merge-base.yaml",
                                 "name: base\nmodel: " SPILLOVER_SOURCE_DIR
                                 "/model/example-2sector\nshocks:\n  demand:\n    type: "
                                 "exports\n    partners: [RUS]\n    change: -0.2\n");
    const std::string sweep = spillover_fuzz::WriteScratch(
        "merge-sweep.yaml",
        "sweep:\n  name: fuzz\n  base: merge-base.yaml\n  method: grid\n  parameters:\n"
        "    shocks.demand.change:\n      range: [-0.3, 0, 0.002]\n");
    const spillover::SweepSpec spec = spillover::ParseSweep(spillover::ParseYamlFile(sweep), sweep);
    spillover::ModelCache cache;
    for (int shard = 0; shard < 2; ++shard) {
      spillover::SweepOptions options;
      options.out_dir = (root / ("s" + std::to_string(shard))).string();
      options.shard = shard;
      options.shards = 2;
      spillover::RunSweep(spec, options, &cache);
    }
    return root;
  }();
  return dir;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const fs::path& shards = Shards();
  const fs::path work = spillover_fuzz::ScratchDir() / "work";
  fs::remove_all(work);
  fs::create_directories(work);
  fs::copy(shards, work, fs::copy_options::recursive);
  const fs::path shard = work / "s1";
  const bool points = data[0] & 1;
  const fs::path target = shard / (points ? "points.csv" : "results.csv");
  std::ofstream(target, std::ios::binary | std::ios::trunc)
      .write(reinterpret_cast<const char*>(data + 1), static_cast<std::streamsize>(size - 1));
  try {
    spillover::SweepMeta meta = spillover::ReadMeta(shard.string());
    int64_t bytes = 0;
    std::string hash;
    spillover::HashFile(target.string(), &bytes, &hash);
    (points ? meta.points_bytes : meta.results_bytes) = bytes;
    (points ? meta.points_hash : meta.results_hash) = hash;
    std::ofstream(shard / "sweep.meta", std::ios::binary | std::ios::trunc)
        << spillover::FormatMeta(meta);
    spillover::MergeSweeps({(work / "s0").string(), shard.string()}, (work / "out").string());
  } catch (const spillover::InputError&) {
  }
  return 0;
}
