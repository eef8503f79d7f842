#include "fixtures.h"

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>
#include <system_error>

#include "engine/leontief.h"
#include "random_model.h"

namespace spillover::bench {
namespace {

std::map<Index, std::unique_ptr<Inputs>>& InputsCache() {
  static std::map<Index, std::unique_ptr<Inputs>> cache;
  return cache;
}

std::map<Index, std::string>& FolderCache() {
  static std::map<Index, std::string> cache;
  return cache;
}

std::filesystem::path TemporaryRoot() {
  static const std::filesystem::path root =
      std::filesystem::temp_directory_path() /
      ("spillover-bench-" + std::to_string(static_cast<long long>(::getpid())));
  return root;
}

}  // namespace

const Inputs& InputsFor(Index n) {
  auto& slot = InputsCache()[n];
  if (!slot) {
    slot = std::make_unique<Inputs>();
    slot->model = RandomModel(n);
    slot->technical = ComputeCoefficients(slot->model).technical;
    slot->demands = RandomDemands(n, kBatch);
  }
  return *slot;
}

const std::string& ModelFolderFor(Index n) {
  auto& folder = FolderCache()[n];
  if (folder.empty()) {
    const std::filesystem::path path = TemporaryRoot() / ("n" + std::to_string(n));
    WriteModelFolder(InputsFor(n).model, path.string());
    folder = path.string();
  }
  return folder;
}

void RemoveTemporaryFiles() {
  std::error_code ignored;
  if (!FolderCache().empty()) std::filesystem::remove_all(TemporaryRoot(), ignored);
  FolderCache().clear();
}

void RegisterAtSizes(const std::string& name, void (*fn)(benchmark::State&),
                     const std::vector<Index>& sizes) {
  for (const Index n : sizes) {
    auto* b = benchmark::RegisterBenchmark(name.c_str(), fn)->Arg(n);
    b->Repetitions(5)->ReportAggregatesOnly(true);
    // The fastest repetition, next to the median: the machine is shared, and other work
    // only ever adds time.
    b->ComputeStatistics("min", [](const std::vector<double>& v) -> double {
      return *std::min_element(v.begin(), v.end());
    });
    if (n >= 5000) {
      b->Iterations(1)->Unit(benchmark::kMillisecond);
    } else {
      b->MinTime(0.3)->Unit(n < 500 ? benchmark::kMicrosecond : benchmark::kMillisecond);
    }
  }
}

}  // namespace spillover::bench
