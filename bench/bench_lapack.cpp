// The reference: LAPACK dgetrf + dgetrs called directly on the same (I − A) and the same
// final demands as bench_engine.cpp. The warm figures allocate their buffers once and do
// not time the copies of the inputs into them: the best LAPACK can give. The cold figures
// are what a program calling LAPACK once pays: fresh buffers, the copies into them (the
// first touch of their pages) and the calls, with plain pages or with huge pages asked for
// as spillover asks for them.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <complex>
#include <memory>
#include <stdexcept>
#include <vector>
// The documented way to give LAPACKE's complex types a C++ definition (see lapack.h).
#define lapack_complex_float std::complex<float>
#define lapack_complex_double std::complex<double>
#include <lapacke.h>

#include "core/memory.h"
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

// Fresh, uninitialised storage, as malloc gives it: untouched pages.
std::unique_ptr<double[]> FreshBuffer(size_t count, bool huge_pages) {
  std::unique_ptr<double[]> buffer(new double[count]);
  if (huge_pages) AdviseHugePages(buffer.get(), count * sizeof(double));
  return buffer;
}

void ColdGetrfGetrs1000(benchmark::State& state, bool huge_pages) {
  const LapackProblem p(InputsFor(state.range(0)));
  const size_t system_size = p.system.size();
  const size_t rhs_size = p.demands.size();
  std::vector<lapack_int> pivots(static_cast<size_t>(p.n));
  for (auto _ : state) {
    std::unique_ptr<double[]> lu = FreshBuffer(system_size, huge_pages);
    std::unique_ptr<double[]> x = FreshBuffer(rhs_size, huge_pages);
    std::copy(p.system.begin(), p.system.end(), lu.get());
    std::copy(p.demands.begin(), p.demands.end(), x.get());
    if (LAPACKE_dgetrf(LAPACK_COL_MAJOR, p.n, p.n, lu.get(), p.n, pivots.data()) != 0 ||
        LAPACKE_dgetrs(LAPACK_COL_MAJOR, 'N', p.n, p.nrhs, lu.get(), p.n, pivots.data(), x.get(),
                       p.n) != 0) {
      throw std::runtime_error("dgetrf/dgetrs failed");
    }
    benchmark::DoNotOptimize(x.get());
    benchmark::ClobberMemory();
  }
}

void BM_LapackColdGetrfGetrs1000(benchmark::State& state) { ColdGetrfGetrs1000(state, false); }
void BM_LapackColdHugeGetrfGetrs1000(benchmark::State& state) { ColdGetrfGetrs1000(state, true); }

// LAPACK's condition estimator on the factors, the alternative to one transposed solve.
void BM_LapackGecon(benchmark::State& state) {
  LapackProblem p(InputsFor(state.range(0)));
  const double norm = LAPACKE_dlange(LAPACK_COL_MAJOR, '1', p.n, p.n, p.system.data(), p.n);
  p.ResetFactors();
  p.Factorise();
  double rcond = 0.0;
  for (auto _ : state) {
    if (LAPACKE_dgecon(LAPACK_COL_MAJOR, '1', p.n, p.lu.data(), p.n, norm, &rcond) != 0) {
      throw std::runtime_error("dgecon failed");
    }
    benchmark::DoNotOptimize(rcond);
  }
}

}  // namespace

void RegisterLapackBenchmarks() {
  RegisterAtSizes("lapack_getrf", BM_LapackGetrf);
  RegisterAtSizes("lapack_getrs_1", BM_LapackGetrs1);
  RegisterAtSizes("lapack_getrs_1000", BM_LapackGetrs1000);
  RegisterAtSizes("lapack_getrf+getrs_1000", BM_LapackGetrfGetrs1000);
  RegisterAtSizes("lapack_cold_getrf+getrs_1000", BM_LapackColdGetrfGetrs1000);
  RegisterAtSizes("lapack_cold_huge_getrf+getrs_1000", BM_LapackColdHugeGetrfGetrs1000);
  RegisterAtSizes("lapack_gecon", BM_LapackGecon);
}

}  // namespace spillover::bench
