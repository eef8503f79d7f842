// The Leontief engine: coefficients, factorisation, solves, and the explicit inverse.
#include <benchmark/benchmark.h>

#include "core/memory.h"
#include "engine/leontief.h"
#include "fixtures.h"

namespace spillover::bench {
namespace {

// A = Z diag(x)^-1 and the other coefficients, from the flows of a model.
void BM_Coefficients(benchmark::State& state) {
  const Inputs& in = InputsFor(state.range(0));
  for (auto _ : state) {
    Coefficients c = ComputeCoefficients(in.model);
    benchmark::DoNotOptimize(c.technical.data());
    benchmark::ClobberMemory();
  }
}

// LU factorisation of (I − A), with the condition estimate the constructor makes.
void BM_Factorise(benchmark::State& state) {
  const Inputs& in = InputsFor(state.range(0));
  for (auto _ : state) {
    LeontiefSolver solver(in.technical);
    benchmark::DoNotOptimize(&solver);
    benchmark::ClobberMemory();
  }
}

// x = L y for one final demand, on a solver factorised once.
void BM_Solve1(benchmark::State& state) {
  const Inputs& in = InputsFor(state.range(0));
  const LeontiefSolver solver(in.technical);
  for (auto _ : state) {
    Vector x = solver.Solve(in.demands.col(0));
    benchmark::DoNotOptimize(x.data());
    benchmark::ClobberMemory();
  }
}

// X = L Y for 1,000 final demands at once, on a solver factorised once.
void BM_Solve1000(benchmark::State& state) {
  const Inputs& in = InputsFor(state.range(0));
  const LeontiefSolver solver(in.technical);
  for (auto _ : state) {
    Matrix x = solver.SolveMany(in.demands);
    benchmark::DoNotOptimize(x.data());
    benchmark::ClobberMemory();
  }
}

// The figure to compare with LAPACK: factorise, then solve 1,000 final demands.
void BM_FactoriseSolve1000(benchmark::State& state) {
  const Inputs& in = InputsFor(state.range(0));
  for (auto _ : state) {
    const LeontiefSolver solver(in.technical);
    Matrix x = solver.SolveMany(in.demands);
    benchmark::DoNotOptimize(x.data());
    benchmark::ClobberMemory();
  }
}

// The same with memory already touched: one solver refactorised in its own storage and one
// solution buffer, as a long-running process (a Python session, a coefficient sweep) sees.
void BM_FactoriseSolve1000Warm(benchmark::State& state) {
  const Inputs& in = InputsFor(state.range(0));
  LeontiefSolver solver(in.technical);
  Matrix x = FreshMatrix(in.demands.rows(), in.demands.cols());
  solver.SolveManyInto(in.demands, x);
  for (auto _ : state) {
    solver.Refactorise(in.technical);
    solver.SolveManyInto(in.demands, x);
    benchmark::DoNotOptimize(x.data());
    benchmark::ClobberMemory();
  }
}

// The condition estimate's one transposed solve, 1'L (the ‖I − A‖₁ it also needs is summed
// while (I − A) is written): set it beside `factorise`, of which it should be a few percent.
void BM_ConditionSolve(benchmark::State& state) {
  const Inputs& in = InputsFor(state.range(0));
  const LeontiefSolver solver(in.technical);
  const Vector ones = Vector::Ones(in.technical.rows());
  for (auto _ : state) {
    Vector z = solver.SolveTransposed(ones);
    benchmark::DoNotOptimize(z.data());
    benchmark::ClobberMemory();
  }
}

// What pymrio does: form L = (I − A)^-1 explicitly (factorisation included), then L Y.
void BM_InverseProduct1000(benchmark::State& state) {
  const Inputs& in = InputsFor(state.range(0));
  for (auto _ : state) {
    const LeontiefSolver solver(in.technical);
    const Matrix inverse = solver.Inverse();
    Matrix x = inverse * in.demands;
    benchmark::DoNotOptimize(x.data());
    benchmark::ClobberMemory();
  }
}

}  // namespace

void RegisterEngineBenchmarks() {
  RegisterAtSizes("coefficients", BM_Coefficients);
  RegisterAtSizes("factorise", BM_Factorise);
  RegisterAtSizes("solve_1", BM_Solve1);
  RegisterAtSizes("solve_1000", BM_Solve1000);
  RegisterAtSizes("factorise+solve_1000", BM_FactoriseSolve1000);
  RegisterAtSizes("factorise+solve_1000_warm", BM_FactoriseSolve1000Warm);
  RegisterAtSizes("condition_solve", BM_ConditionSolve);
  RegisterAtSizes("inverse+product_1000", BM_InverseProduct1000);
}

}  // namespace spillover::bench
