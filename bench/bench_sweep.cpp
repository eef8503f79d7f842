// Sweep throughput: 10,000 points of a final-demand scenario, end to end (points built from
// the key table, scenarios checked, blocked solves, results written), in points per second;
// and the linear fast path on the shipped Kazakh model (68 sectors, with its partners and
// routes) at each output detail, warm (model loaded and factorised before the timing).
// bench/whole_process.sh takes the same sweep as a fresh process (cold).
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

// Options of a sweep at --detail totals on 2 threads into a folder beside `file`, after
// one untimed run that loads and factorises the model (the timed runs are warm).
SweepOptions WarmOptions(const SweepSpec& spec, const std::string& file, bool points_only,
                         bool wide, ModelCache* cache) {
  SweepOptions options;
  options.out_dir = std::filesystem::path(file).parent_path().string() + "/out";
  options.threads = 2;
  options.force = true;
  options.detail = ResultDetail::kTotals;
  options.points_only = points_only;
  options.wide = wide;
  RunSweep(spec, options, cache);
  return options;
}

void BM_Sweep10000(benchmark::State& state) {
  const Index n = state.range(0);
  const std::string file = SweepFileFor(n);
  const SweepSpec spec = ParseSweep(ParseYamlFile(file), file);
  ModelCache cache;
  const SweepOptions options = WarmOptions(spec, file, false, false, &cache);
  for (auto _ : state) {
    const SweepReport report = RunSweep(spec, options, &cache);
    benchmark::DoNotOptimize(report.points);
  }
  state.SetItemsProcessed(state.iterations() * kPoints);
  state.counters["points/s"] = benchmark::Counter(static_cast<double>(kPoints),
                                                  benchmark::Counter::kIsIterationInvariantRate);
}

// The Monte Carlo sweep of bench/whole_process.sh (sweep68.yaml): Russian demand and
// household demand, 200,000 points, on the shipped model.
constexpr int64_t kLinearPoints = 200000;

std::string LinearSweepFile() {
  const std::string dir = ModelFolderFor(68) + "-linear68";
  std::filesystem::create_directories(dir);
  std::ofstream(dir + "/base.yaml")
      << "name: demand_linear\nmodel: kaz-2024\ncurrency: KZT\nscale: billion\nshocks:\n"
         "  russian_demand: {type: exports, partners: [RUS], change: -0.15}\n"
         "  households: {type: final_demand, categories: [P3_S14], change: -0.02}\n";
  std::ofstream(dir + "/sweep.yaml")
      << "sweep:\n  name: linear68\n  base: base.yaml\n  method: monte_carlo\n  samples: "
      << kLinearPoints
      << "\n  seed: 1\n  parameters:\n"
         "    shocks.russian_demand.change: {distribution: uniform, low: -0.3, high: 0}\n"
         "    shocks.households.change: {distribution: uniform, low: -0.05, high: 0.05}\n";
  return dir + "/sweep.yaml";
}

// range(0): 0 --detail points, 1 --detail totals, 2 --detail totals --layout wide.
void BM_LinearSweepKaz(benchmark::State& state) {
  const std::string file = LinearSweepFile();
  const SweepSpec spec = ParseSweep(ParseYamlFile(file), file);
  ModelCache cache;
  const SweepOptions options =
      WarmOptions(spec, file, state.range(0) == 0, state.range(0) == 2, &cache);
  for (auto _ : state) {
    const SweepReport report = RunSweep(spec, options, &cache);
    if (report.linear_points != kLinearPoints) state.SkipWithError("not the linear fast path");
  }
  state.SetLabel(state.range(0) == 0 ? "points" : state.range(0) == 1 ? "totals" : "totals wide");
  state.counters["points/s"] = benchmark::Counter(static_cast<double>(kLinearPoints),
                                                  benchmark::Counter::kIsIterationInvariantRate);
}

}  // namespace

void RegisterSweepBenchmarks() {
  benchmark::RegisterBenchmark("BM_LinearSweepKaz200k", BM_LinearSweepKaz)
      ->DenseRange(0, 2)
      ->Unit(benchmark::kSecond)
      ->Iterations(1)
      ->Repetitions(3)
      ->ReportAggregatesOnly(true)
      ->UseRealTime();
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
