// The number of BLAS threads while spillover computes. OpenBLAS's threaded LU, solves and
// products round differently from its single-threaded ones (the last digits of results
// change with OPENBLAS_NUM_THREADS), so every result is computed on one BLAS thread by
// default: `run`, the same point of a sweep, and Python agree bit for bit on any machine.
// SPILLOVER_BLAS_THREADS=N lets BLAS use N threads instead, trading that reproducibility
// for speed on large models (docs/methods.md, "Reproducibility"). The LU factorisation of
// a model of 1,024 sectors or more needs no such trade: engine/blocked_lu.h runs it on 2
// threads of its own, each BLAS call on one thread, with the same bits on any count.
#pragma once

namespace spillover {

// 1, or SPILLOVER_BLAS_THREADS when it is a whole number from 1 to 256.
int ReproducibleBlasThreads();

// Sets the BLAS thread count to ReproducibleBlasThreads() (or `threads` when given) for
// the object's lifetime, then restores the caller's count. A no-op without OpenBLAS.
class BlasThreadScope {
 public:
  BlasThreadScope();
  explicit BlasThreadScope(int threads);
  ~BlasThreadScope();
  BlasThreadScope(const BlasThreadScope&) = delete;
  BlasThreadScope& operator=(const BlasThreadScope&) = delete;

 private:
  int saved_ = 0;
};

}  // namespace spillover
