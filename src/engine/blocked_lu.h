// LU factorisation with partial pivoting whose result does not depend on the number of
// threads. OpenBLAS's own threaded dgetrf rounds differently from its single-threaded one
// (2-18% of the factors change in their last bits at n = 2,000 with 2 threads), so it
// cannot be used where results must be reproducible. This one is a right-looking blocked LU whose
// sequence of single-threaded BLAS calls is fixed by n alone: threads only decide who runs
// each call, on columns nobody else touches, so every thread count gives the same bits.
#pragma once

#include <Eigen/Core>

#include "core/types.h"

namespace spillover {

// Threads a factorisation of size n uses by default: 2 from 1,024 up (a fixed count, not
// the machine's, so that timings are comparable everywhere; results do not depend on it).
int FactorisationThreads(Index n);

using RowPermutation = Eigen::PermutationMatrix<Eigen::Dynamic, Eigen::Dynamic, int>;

// Overwrites the square `a` with L (unit lower, below the diagonal) and U, LAPACK's
// getrf layout, and returns P with P a = L U. A zero pivot is left in U for the caller's
// condition check to find.
RowPermutation FactoriseInPlace(Eigen::Ref<Matrix> a, int threads);

}  // namespace spillover
