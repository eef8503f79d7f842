// Entry point of spillover_bench: registers the suites in a fixed order, records the
// OpenBLAS settings with the results, and deletes the temporary model folders.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <string>

#include "fixtures.h"

namespace {

std::string EnvOrUnset(const char* name) {
  const char* value = std::getenv(name);
  return value ? value : "(unset)";
}

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  // Figures depend on these (see /work/shared/NOTES.md): say which setting they came from.
  for (const char* name : {"OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE", "OPENBLAS_NUM_THREADS"}) {
    benchmark::AddCustomContext(name, EnvOrUnset(name));
  }
#if defined(EIGEN_USE_BLAS) && defined(EIGEN_USE_LAPACKE)
  benchmark::AddCustomContext("eigen_backend", "OpenBLAS + LAPACKE");
#else
  benchmark::AddCustomContext("eigen_backend", "Eigen's own kernels");
#endif
  spillover::bench::RegisterEngineBenchmarks();
  spillover::bench::RegisterLapackBenchmarks();
  spillover::bench::RegisterLoadBenchmarks();
  spillover::bench::RegisterSweepBenchmarks();
  spillover::bench::RegisterAnalyseBenchmarks();
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  spillover::bench::RemoveTemporaryFiles();
  return 0;
}
