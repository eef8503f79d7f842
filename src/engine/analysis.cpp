#include "engine/analysis.h"

#include <Eigen/LU>
#include <limits>

#include "core/error.h"

namespace spillover {
Vector GhoshOutput(const LeontiefSolver& solver, VectorRef base_output, VectorRef primary_inputs) {
  CheckLength(base_output.size(), solver.size(), "base output");
  CheckLength(primary_inputs.size(), solver.size(), "primary inputs");
  const Vector scaled = primary_inputs.cwiseProduct(SafeReciprocal(base_output));
  return base_output.cwiseProduct(solver.SolveTransposed(scaled));
}

Vector CostPushPrices(const LeontiefSolver& solver, VectorRef cost_per_output) {
  return solver.SolveTransposed(cost_per_output);
}

MixedSolution SolveMixed(const LeontiefSolver& solver, MatrixRef technical, VectorRef final_demand,
                         const std::vector<bool>& fixed, VectorRef fixed_output) {
  const Index n = technical.rows();
  CheckLength(solver.size(), n, "solver");
  CheckLength(final_demand.size(), n, "final demand");
  CheckLength(fixed_output.size(), n, "fixed output");
  CheckLength(static_cast<Index>(fixed.size()), n, "fixed flags");
  // Unknowns z: x_j for free sectors, y_j for fixed ones. Row i of (I − A) x = y becomes
  // M z = r with M = K = (I − A) but column j of a fixed sector replaced by −e_j, and
  // r = [i free] y_i − Σ_fixed K_ij x_j. M = K + U E_C' with U = −E_C − K E_C, so by the
  // Woodbury identity, with W = K^-1 E_C and W_CC its rows C:
  //   z = K^-1 r − (W + E_C) W_CC^-1 (K^-1 r)_C.
  std::vector<Index> columns;
  for (Index j = 0; j < n; ++j) {
    if (fixed[static_cast<size_t>(j)]) columns.push_back(j);
  }
  const Index k = static_cast<Index>(columns.size());
  Vector rhs = Vector::Zero(n);
  for (Index i = 0; i < n; ++i) {
    if (!fixed[static_cast<size_t>(i)]) rhs(i) = final_demand(i);
  }
  for (Index j : columns) {
    rhs -= (-technical.col(j)) * fixed_output(j);
    rhs(j) -= fixed_output(j);
  }
  Vector z = solver.Solve(rhs);
  if (k > 0) {
    Matrix selector = Matrix::Zero(n, k);
    for (Index c = 0; c < k; ++c) selector(columns[static_cast<size_t>(c)], c) = 1.0;
    Matrix w = solver.SolveMany(selector);
    Matrix w_cc(k, k);
    Vector z_c(k);
    for (Index c = 0; c < k; ++c) {
      w_cc.row(c) = w.row(columns[static_cast<size_t>(c)]);
      z_c(c) = z(columns[static_cast<size_t>(c)]);
    }
    const Vector t = w_cc.partialPivLu().solve(z_c);
    w += selector;
    z -= w * t;
  }
  MixedSolution solution{Vector(n), Vector(n)};
  for (Index j = 0; j < n; ++j) {
    if (fixed[static_cast<size_t>(j)]) {
      solution.output(j) = fixed_output(j);
      solution.final_demand(j) = z(j);
    } else {
      solution.output(j) = z(j);
      solution.final_demand(j) = final_demand(j);
    }
  }
  if (!solution.output.allFinite() || !solution.final_demand.allFinite()) {
    throw ModelError("the mixed model with the fixed sectors has no unique solution");
  }
  return solution;
}

Multipliers ComputeMultipliers(const Model& model, const Coefficients& coefficients,
                               const LeontiefSolver& solver) {
  const Index n = model.sector_count();
  Multipliers m;
  const Vector import_coefficients = coefficients.ImportsPerUnit();
  Vector compensation_per_output = Vector::Zero(n);
  for (Index k : model.ValueAddedOfKind(ValueAddedKind::kCompensation)) {
    compensation_per_output += model.primary_inputs.row(k).head(n).transpose();
  }
  compensation_per_output =
      compensation_per_output.cwiseProduct(SafeReciprocal(coefficients.output));
  const Index fixed = 4;  // output, GVA, imports, compensation; then the satellites
  Matrix costs(n, fixed + coefficients.satellites.rows());
  costs.col(0).setOnes();
  costs.col(1) = coefficients.gross_value_added;
  costs.col(2) = import_coefficients;
  costs.col(3) = compensation_per_output;
  if (coefficients.satellites.rows() > 0) {
    costs.rightCols(coefficients.satellites.rows()) = coefficients.satellites.transpose();
  }
  // Ratio to the direct effect; NaN where the sector pays no compensation.
  const auto ratio = [&](const Vector& total) {
    Vector r(n);
    for (Index j = 0; j < n; ++j) {
      r(j) = compensation_per_output(j) != 0.0 ? total(j) / compensation_per_output(j)
                                               : std::numeric_limits<double>::quiet_NaN();
    }
    return r;
  };
  // Multipliers are c' L, one transposed solve for all of them (eq. 6.1, 6.7, 6.15).
  const Matrix type1 = solver.SolveTransposedMany(costs);
  m.output_type1 = type1.col(0);
  m.value_added_type1 = type1.col(1);
  m.imports_type1 = type1.col(2);
  m.satellites_type1 = type1.rightCols(coefficients.satellites.rows()).transpose();
  m.has_compensation = !model.ValueAddedOfKind(ValueAddedKind::kCompensation).empty();
  m.compensation_direct = compensation_per_output;
  m.compensation_type1 = type1.col(3);
  m.income_type1 = ratio(m.compensation_type1);

  const double compensation = model.TotalCompensation();
  const Vector consumption = model.HouseholdConsumption();
  if (model.CategoriesOfKind(FinalDemandKind::kHouseholds).empty() || !m.has_compensation ||
      !(compensation > 0.0)) {
    m.type2_note =
        "type II needs a final-demand category of kind 'households' and a value-added "
        "component of kind 'compensation' with a positive total";
    return m;
  }
  // Closed model (eq. 2.30): households become sector n+1.
  Matrix closed = Matrix::Zero(n + 1, n + 1);
  closed.topLeftCorner(n, n) = coefficients.technical;
  closed.block(0, n, n, 1) = consumption / compensation;
  closed.block(n, 0, 1, n) = compensation_per_output.transpose();
  Matrix closed_costs = Matrix::Zero(n + 1, costs.cols());
  closed_costs.topRows(n) = costs;
  Matrix type2;
  try {
    const LeontiefSolver closed_solver(closed);
    std::vector<std::string> codes = model.SectorCodes();
    codes.push_back("households");
    CheckProductive(closed_solver, codes);
    // Type II output counts sector output only, not the household "output" (section 6.2.3).
    type2 = closed_solver.SolveTransposedMany(closed_costs).topRows(n);
  } catch (const ModelError& e) {
    m.type2_note =
        "the model closed for households has no meaningful inverse: (I - A-bar) is singular "
        "or not productive. This happens when households spend all the compensation they "
        "earn on domestic products and nothing leaks from the income-spending loop (no "
        "imports, saving, taxes or other value added); type I is unaffected. Detail: " +
        std::string(e.what());
    return m;
  }
  m.output_type2 = type2.col(0);
  m.value_added_type2 = type2.col(1);
  m.imports_type2 = type2.col(2);
  m.compensation_type2 = type2.col(3);
  m.income_type2 = ratio(m.compensation_type2);
  m.satellites_type2 = type2.rightCols(coefficients.satellites.rows()).transpose();
  m.has_type2 = true;
  return m;
}

Linkages ComputeLinkages(const Coefficients& coefficients, const LeontiefSolver& solver) {
  const Index n = solver.size();
  Linkages l;
  const Vector& x = coefficients.output;
  l.backward_direct = coefficients.technical.colwise().sum().transpose();
  l.backward_total = solver.SolveTransposed(Vector::Ones(n).eval());
  // B = diag(x)^-1 Z = diag(x)^-1 A diag(x); G 1 = diag(x)^-1 L x (eq. 12.9).
  l.forward_direct = SafeReciprocal(x).cwiseProduct(coefficients.technical * x);
  l.forward_total = SafeReciprocal(x).cwiseProduct(solver.Solve(x));
  for (Index i = 0; i < n; ++i) {
    if (x(i) == 0.0) l.forward_total(i) = 1.0;  // an empty sector only feeds itself
  }
  const double backward_mean = l.backward_total.mean();
  const double forward_mean = l.forward_total.mean();
  l.backward_index = l.backward_total / backward_mean;
  l.forward_index = l.forward_total / forward_mean;
  l.key_sector.resize(static_cast<size_t>(n));
  for (Index j = 0; j < n; ++j) {
    l.key_sector[static_cast<size_t>(j)] = l.backward_index(j) > 1.0 && l.forward_index(j) > 1.0;
  }
  return l;
}

}  // namespace spillover
