// Shared inputs of the benchmarks (built once per size, outside the timed loops) and the
// registration of each benchmark at the sizes of the suite.
#pragma once

#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "core/model.h"
#include "core/types.h"

namespace spillover::bench {

// Number of sectors: a national table (68), then sizes of multi-regional tables.
inline const std::vector<Index> kSizes = {68, 500, 2000, 5000};
// Right-hand sides of the batch benchmarks (a scenario sweep, a Monte Carlo run).
inline constexpr Index kBatch = 1000;

struct Inputs {
  Model model;       // RandomModel(n)
  Matrix technical;  // A = ComputeCoefficients(model).technical
  Matrix demands;    // n × kBatch positive final demands
};

// Built on first use and kept for the whole run.
const Inputs& InputsFor(Index n);

// A model folder holding InputsFor(n).model, written on first use into a temporary folder
// that RemoveTemporaryFiles deletes.
const std::string& ModelFolderFor(Index n);
void RemoveTemporaryFiles();

// Registers `fn` as "name/n" for every n in `sizes`. Up to n = 2000 each repetition runs
// for at least 0.3 s; at n = 5000 each repetition is one iteration, so that the whole
// suite runs in a few minutes. Five repetitions, reported as mean, median, min, standard
// deviation and coefficient of variation; the median is the figure to read.
void RegisterAtSizes(const std::string& name, void (*fn)(benchmark::State&),
                     const std::vector<Index>& sizes = kSizes);

// Defined in bench_engine.cpp, bench_lapack.cpp and bench_load.cpp.
void RegisterEngineBenchmarks();
void RegisterLapackBenchmarks();
void RegisterLoadBenchmarks();
void RegisterSweepBenchmarks();
void RegisterAnalyseBenchmarks();

}  // namespace spillover::bench
