// Sweep throughput: 10,000 points of a final-demand scenario, end to end (points built from
// the key table, scenarios checked, blocked solves, results written), in points per second.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>

#include "fixtures.h"
#include "io/yaml_doc.h"
#include "sweep/sweep_runner.h"

namespace spillover::bench {
namespace {

constexpr int64_t kPoints = 10000;

// Writes the base scenario and the sweep beside the model folder of size n.
std::string SweepFileFor(Index n) {
  const std::string model = ModelFolderFor(n);
  const std::string dir = model + "-sweep";
  std::filesystem::create_directories(dir);
  std::ofstream(dir + "/base.yaml") << "name: base\nmodel: " << model
                                    << "\nshocks:\n  households:\n    type: final_demand\n"
                                       "    categories: households\n    change: -0.1\n";
  std::ofstream(dir + "/sweep.yaml") << "sweep:\n  name: bench\n  base: base.yaml\n"
                                        "  parameters:\n    shocks.households.change:\n"
                                        "      linspace: [-0.3, 0.3, "
                                     << kPoints << "]\n";
  return dir + "/sweep.yaml";
}

void BM_Sweep10000(benchmark::State& state) {
  const Index n = state.range(0);
  const std::string file = SweepFileFor(n);
  const SweepSpec spec = ParseSweep(ParseYamlFile(file), file);
  ModelCache cache;
  SweepOptions options;
  options.out_dir = std::filesystem::path(file).parent_path().string() + "/out";
  options.threads = 2;
  options.force = true;
  options.detail = ResultDetail::kTotals;
  RunSweep(spec, options, &cache);  // loads and factorises the model outside the timing
  for (auto _ : state) {
    const SweepReport report = RunSweep(spec, options, &cache);
    benchmark::DoNotOptimize(report.points);
  }
  state.SetItemsProcessed(state.iterations() * kPoints);
  state.counters["points/s"] = benchmark::Counter(static_cast<double>(kPoints),
                                                  benchmark::Counter::kIsIterationInvariantRate);
}

}  // namespace

void RegisterSweepBenchmarks() {
  for (Index n : {Index{68}, Index{2000}, Index{5000}}) {
    benchmark::RegisterBenchmark("BM_Sweep10000", BM_Sweep10000)
        ->Arg(n)
        ->Unit(benchmark::kSecond)
        ->Iterations(1)
        ->Repetitions(3)
        ->ReportAggregatesOnly(true)
        ->UseRealTime();
  }
}

}  // namespace spillover::bench
