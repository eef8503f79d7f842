#include "engine/blocked_lu.h"

#include <Eigen/LU>
#include <algorithm>
#include <atomic>

#include "core/blas_threads.h"
#include "core/parallel.h"

namespace spillover {
namespace {

// Panel width, and the width of the column chunks of the trailing update: 256 is
// OpenBLAS's GEMM_Q on Haswell, so each update is one dgemm of inner dimension 256.
constexpr Index kPanel = 256;
constexpr Index kChunk = 256;

#ifdef SPILLOVER_HAVE_OPENBLAS
struct Panel {
  double* a;  // column-major n × n, leading dimension lda
  int n, lda;
  int k, b;                        // the panel: columns [k, k + b)
  const std::vector<int>* pivots;  // its interchanges, 1-based relative to row k
  double* at(int i, int j) const { return a + static_cast<std::ptrdiff_t>(j) * lda + i; }

  // Applies the panel to columns [j0, j0 + w): its row interchanges, the triangular solve
  // for U12, and the update A22 -= L21 U12.
  void Update(int j0, int w) const {
    LAPACKE_dlaswp_work(LAPACK_COL_MAJOR, w, at(k, j0), lda, 1, b, pivots->data(), 1);
    const double one = 1.0, minus_one = -1.0;
    dtrsm_("L", "L", "N", "U", &b, &w, &one, at(k, k), &lda, at(k, j0), &lda);
    const int below = n - k - b;
    if (below > 0) {
      dgemm_("N", "N", &below, &w, &b, &minus_one, at(k + b, k), &lda, at(k, j0), &lda, &one,
             at(k + b, j0), &lda);
    }
  }
};
#endif

}  // namespace

int FactorisationThreads(Index n) { return n >= 1024 ? 2 : 1; }

RowPermutation FactoriseInPlace(Eigen::Ref<Matrix> a, int threads) {
  const Index n = a.rows();
#ifdef SPILLOVER_HAVE_OPENBLAS
  // Every BLAS call runs on one OpenBLAS thread; the parallelism is ours, over chunks of
  // columns whose boundaries depend on n and the panel only.
  const BlasThreadScope one_thread(1);
  Panel p{a.data(), static_cast<int>(n), static_cast<int>(a.outerStride()), 0, 0, nullptr};
  Eigen::Transpositions<Eigen::Dynamic, Eigen::Dynamic, int> swaps(n);
  std::vector<int> local(static_cast<size_t>(kPanel));
  for (Index k = 0; k < n; k += kPanel) {
    p.k = static_cast<int>(k);
    p.b = static_cast<int>(std::min(kPanel, n - k));
    local.resize(static_cast<size_t>(p.b));
    // A zero pivot (info > 0) is not an error here: U keeps it and the condition check
    // of the caller refuses the system, as for LAPACK's dgetrf.
    LAPACKE_dgetrf_work(LAPACK_COL_MAJOR, p.n - p.k, p.b, p.at(p.k, p.k), p.lda, local.data());
    p.pivots = &local;
    for (int i = 0; i < p.b; ++i) swaps.indices()(k + i) = p.k + local[static_cast<size_t>(i)] - 1;
    if (k > 0) {  // the interchanges also apply to L's columns on the left
      LAPACKE_dlaswp_work(LAPACK_COL_MAJOR, p.k, p.at(p.k, 0), p.lda, 1, p.b, local.data(), 1);
    }
    const Index first = k + p.b;
    const Index chunks = (n - first + kChunk - 1) / kChunk;
    std::atomic<Index> next{0};
    RunOnThreads(threads > 1 && chunks > 1 ? 2 : 1, [&](int) {
      for (Index c = next++; c < chunks; c = next++) {
        const Index j0 = first + c * kChunk;
        p.Update(static_cast<int>(j0), static_cast<int>(std::min(kChunk, n - j0)));
      }
    });
  }
  RowPermutation permutation;
  permutation = swaps;
  return permutation;
#else
  // Without OpenBLAS, Eigen's own LU in place (single-threaded, so reproducible too).
  (void)threads;
  const Eigen::PartialPivLU<Eigen::Ref<Matrix> > lu(a);
  return lu.permutationP();
#endif
}

}  // namespace spillover
