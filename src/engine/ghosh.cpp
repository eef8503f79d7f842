#include "engine/ghosh.h"

namespace spillover {

Matrix GhoshInverse(const LeontiefSolver& solver, VectorRef output) {
  CheckLength(output.size(), solver.size(), "output");
  const Matrix scaled_inverse = solver.SolveMany(output.asDiagonal().toDenseMatrix());
  Matrix g = SafeReciprocal(output).asDiagonal() * scaled_inverse;
  for (Index i = 0; i < output.size(); ++i) {
    if (output(i) == 0.0) g(i, i) = 1.0;
  }
  return g;
}

GhoshMultipliers ComputeGhoshMultipliers(const Model& model, const Coefficients& coefficients,
                                         const LeontiefSolver& solver) {
  const Vector& x = coefficients.output;
  const Index n = x.size();
  CheckLength(n, solver.size(), "output");
  const Vector inverse_output = SafeReciprocal(x);
  GhoshMultipliers m;
  m.direct = inverse_output.cwiseProduct(coefficients.technical * x);
  const Index regions = model.regions.empty() ? 1 : model.region_count();
  Matrix masked = Matrix::Zero(n, regions);
  for (Index j = 0; j < n; ++j) masked(j, regions == 1 ? 0 : model.RegionOfSector(j)) = x(j);
  m.by_region = inverse_output.asDiagonal() * solver.SolveMany(masked);
  for (Index i = 0; i < n; ++i) {
    if (x(i) == 0.0) m.by_region(i, regions == 1 ? 0 : model.RegionOfSector(i)) = 1.0;
  }
  m.total = m.by_region.rowwise().sum();
  return m;
}

}  // namespace spillover
