// Deterministic random input-output models for the benchmarks.
#pragma once

#include <cstdint>
#include <string>

#include "core/model.h"
#include "core/types.h"

namespace spillover::bench {

// The seed every benchmark uses, so that runs compare.
inline constexpr std::uint64_t kSeed = 20261130;

// Small, fast and portable generator (SplitMix64), so that the same seed gives the same
// model with every compiler and standard library.
class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}
  std::uint64_t Next();
  // Uniform in [0, 1).
  double Uniform();
  // Uniform in [lo, hi).
  double Uniform(double lo, double hi) { return lo + (hi - lo) * Uniform(); }

 private:
  std::uint64_t state_;
};

// A productive coefficient matrix A (n × n): about half of the off-diagonal cells are zero,
// the diagonal is non-zero, and each column sums to a value drawn in [0.2, 0.6], so the
// spectral radius is at most 0.6.
Matrix RandomTechnical(Index n, std::uint64_t seed = kSeed);

// `count` positive final-demand vectors (n × count), as scenario shocks would be.
Matrix RandomDemands(Index n, Index count, std::uint64_t seed = kSeed + 1);

// A whole national model of n sectors built from RandomTechnical and a positive final
// demand: Z = A diag(x) with x = (I − A)^-1 y. Z and Y are rounded to 6 significant digits
// (like published tables) and the output and value added are derived from the rounded
// values, so the model passes every check of the loader exactly. Two final-demand
// categories (households, government), two value-added rows, no imports.
Model RandomModel(Index n, std::uint64_t seed = kSeed);

// Writes `model` as a model folder (model.yaml, Z.csv, Y.csv, V.csv; see
// docs/model-format.md) into `folder`, which is created if needed. Z and Y are written with
// 6 significant digits, V in the shortest exact form so that the balances hold.
void WriteModelFolder(const Model& model, const std::string& folder);

}  // namespace spillover::bench
