// The reference: LAPACK dgetrf + dgetrs called directly on the same (I − A) and the same
// final demands as bench_engine.cpp. Buffers are allocated once and the copies of the
// inputs into them are not timed, so these are the best figures LAPACK can give.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <complex>
#include <stdexcept>
#include <vector>
// The documented way to give LAPACKE's complex types a C++ definition (see lapack.h).
#define lapack_complex_float std::complex<float>
#define lapack_complex_double std::complex<double>
#include <lapacke.h>

#include "fixtures.h"

namespace spillover::bench {
namespace {

// Column-major (I − A) and Y, in plain buffers that LAPACK overwrites.
struct LapackProblem {
  explicit LapackProblem(const Inputs& in)
      : n(static_cast<lapack_int>(in.technical.rows())),
        nrhs(static_cast<lapack_int>(in.demands.cols())),
        system(static_cast<size_t>(in.technical.size())),
        lu(system.size()),
        demands(in.demands.data(), in.demands.data() + in.demands.size()),
        x(demands.size()),
        pivots(static_cast<size_t>(n)) {
    Eigen::Map<Matrix> s(system.data(), n, n);
    s = -in.technical;
    s.diagonal().array() += 1.0;
  }
  void ResetFactors() { lu = system; }
  void ResetRightHandSides(size_t columns) {
    std::copy(demands.begin(), demands.begin() + static_cast<std::ptrdiff_t>(columns * n),
              x.begin());
  }
  void Factorise() {
    if (LAPACKE_dgetrf(LAPACK_COL_MAJOR, n, n, lu.data(), n, pivots.data()) != 0) {
      throw std::runtime_error("dgetrf failed");
    }
  }
  void Solve(lapack_int columns) {
    if (LAPACKE_dgetrs(LAPACK_COL_MAJOR, 'N', n, columns, lu.data(), n, pivots.data(), x.data(),
                       n) != 0) {
      throw std::runtime_error("dgetrs failed");
    }
  }

  lapack_int n;
  lapack_int nrhs;
  std::vector<double> system;
  std::vector<double> lu;
  std::vector<double> demands;
  std::vector<double> x;
  std::vector<lapack_int> pivots;
};

void BM_LapackGetrf(benchmark::State& state) {
  LapackProblem p(InputsFor(state.range(0)));
  for (auto _ : state) {
    state.PauseTiming();
    p.ResetFactors();
    state.ResumeTiming();
    p.Factorise();
    benchmark::ClobberMemory();
  }
}

void BM_LapackGetrs1(benchmark::State& state) {
  LapackProblem p(InputsFor(state.range(0)));
  p.ResetFactors();
  p.Factorise();
  for (auto _ : state) {
    p.ResetRightHandSides(1);  // n doubles: negligible, and Solve1 copies too
    p.Solve(1);
    benchmark::ClobberMemory();
  }
}

void BM_LapackGetrs1000(benchmark::State& state) {
  LapackProblem p(InputsFor(state.range(0)));
  p.ResetFactors();
  p.Factorise();
  for (auto _ : state) {
    state.PauseTiming();
    p.ResetRightHandSides(static_cast<size_t>(p.nrhs));
    state.ResumeTiming();
    p.Solve(p.nrhs);
    benchmark::ClobberMemory();
  }
}

void BM_LapackGetrfGetrs1000(benchmark::State& state) {
  LapackProblem p(InputsFor(state.range(0)));
  for (auto _ : state) {
    state.PauseTiming();
    p.ResetFactors();
    p.ResetRightHandSides(static_cast<size_t>(p.nrhs));
    state.ResumeTiming();
    p.Factorise();
    p.Solve(p.nrhs);
    benchmark::ClobberMemory();
  }
}

}  // namespace

void RegisterLapackBenchmarks() {
  RegisterAtSizes("lapack_getrf", BM_LapackGetrf);
  RegisterAtSizes("lapack_getrs_1", BM_LapackGetrs1);
  RegisterAtSizes("lapack_getrs_1000", BM_LapackGetrs1000);
  RegisterAtSizes("lapack_getrf+getrs_1000", BM_LapackGetrfGetrs1000);
}

}  // namespace spillover::bench
