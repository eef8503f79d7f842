// Dependency analytics at scale: the top 100 structural paths of a demand shock.
#include <benchmark/benchmark.h>

#include "analyse/paths.h"
#include "engine/leontief.h"
#include "fixtures.h"

namespace spillover::bench {
namespace {

// Top-100 paths, depth 6, of a demand shock spread over every sector, to total output.
// The factorisation is made once outside the loop, as `spillover analyse` reuses the one
// made when the model loads.
void BM_Paths100(benchmark::State& state) {
  const Inputs& in = InputsFor(state.range(0));
  const LeontiefSolver solver(in.technical);
  const Vector demand = in.demands.col(0);
  const Vector weights = Vector::Ones(in.technical.rows());
  PathOptions options;
  options.top = 100;
  for (auto _ : state) {
    const PathAnalysis analysis = StructuralPaths(in.technical, solver, demand, weights, options);
    benchmark::DoNotOptimize(analysis.listed);
  }
}

}  // namespace

void RegisterAnalyseBenchmarks() { RegisterAtSizes("paths_top100", BM_Paths100); }

}  // namespace spillover::bench
