#include "core/blas_threads.h"

#include <cstdlib>
#include <string>

#ifdef SPILLOVER_HAVE_OPENBLAS
extern "C" void openblas_set_num_threads(int);
extern "C" int openblas_get_num_threads(void);
#endif

namespace spillover {

int ReproducibleBlasThreads() {
  const char* text = std::getenv("SPILLOVER_BLAS_THREADS");
  if (text == nullptr || *text == '\0') return 1;
  char* end = nullptr;
  const long threads = std::strtol(text, &end, 10);
  if (*end != '\0' || threads < 1 || threads > 256) return 1;
  return static_cast<int>(threads);
}

BlasThreadScope::BlasThreadScope() : BlasThreadScope(ReproducibleBlasThreads()) {}

BlasThreadScope::BlasThreadScope(int threads) {
#ifdef SPILLOVER_HAVE_OPENBLAS
  saved_ = openblas_get_num_threads();
  if (saved_ != threads) openblas_set_num_threads(threads);
#else
  (void)threads;
#endif
}

BlasThreadScope::~BlasThreadScope() {
#ifdef SPILLOVER_HAVE_OPENBLAS
  if (saved_ > 0 && openblas_get_num_threads() != saved_) openblas_set_num_threads(saved_);
#endif
}

}  // namespace spillover
